// The review page (kg/review.py inlines this file): switch views, go from a row to its span.
(function () {
  "use strict";
  var current = null;

  function visibleView() {
    return document.querySelector(".view:not([hidden])");
  }

  function pieces(view, id) {
    return Array.prototype.filter.call(view.querySelectorAll("[data-fact]"), function (el) {
      return el.getAttribute("data-fact") === id;
    });
  }

  function clearMarks() {
    document.querySelectorAll(".flash").forEach(function (el) { el.classList.remove("flash"); });
    document.querySelectorAll("tr.selected").forEach(function (el) {
      el.classList.remove("selected");
    });
  }

  function selectRows(id, scroll) {
    var rows = document.querySelectorAll("tr[data-goto]");
    var first = null;
    rows.forEach(function (row) {
      if (row.getAttribute("data-goto") === id) {
        row.classList.add("selected");
        first = first || row;
      }
    });
    if (scroll && first) { first.scrollIntoView({ block: "nearest", inline: "nearest" }); }
  }

  // Scroll to the fact's span in the visible text and flash it.
  function go(id) {
    var found = pieces(visibleView(), id);
    clearMarks();
    current = id;
    selectRows(id, false);
    if (!found.length) { return false; }
    found[0].scrollIntoView({ block: "center", inline: "nearest" });
    found.forEach(function (el) {
      void el.offsetWidth; // restart the animation
      el.classList.add("flash");
    });
    return true;
  }

  function show(name) {
    document.querySelectorAll(".view").forEach(function (view) {
      view.hidden = view.getAttribute("data-view") !== name;
    });
    document.querySelectorAll(".view-button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === name));
    });
    if (current) { go(current); }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var button = target.closest(".view-button");
    if (button) { show(button.getAttribute("data-view")); return; }
    var link = target.closest("[data-goto]");
    if (link) { go(link.getAttribute("data-goto")); return; }
    var mark = target.closest(".text [data-fact]");
    if (mark) {
      var id = mark.getAttribute("data-fact");
      clearMarks();
      current = id;
      pieces(visibleView(), id).forEach(function (el) { el.classList.add("flash"); });
      selectRows(id, true);
    }
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if ((event.key === "Enter" || event.key === " ") && target instanceof Element &&
        target.matches("tr[data-goto]")) {
      event.preventDefault();
      go(target.getAttribute("data-goto"));
    }
  });

  window.kgReview = { go: go, show: show };
})();
