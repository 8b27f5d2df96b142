"""The review page in a real browser: each row scrolls to its span, flashes it, quotes match.

Drives Debian's headless Chromium through chromedriver with Selenium (no browser download).
Skips where Chromium, chromedriver or the selenium package is absent.  Screenshots are kept in
``$KG_ARTIFACTS`` (default ``tests/artifacts/``, git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_review import make_result

from kg.pipeline import Result
from kg.review.page import render_bytes

CHROMIUM = (
    os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)
CHROMEDRIVER = os.environ.get("KG_CHROMEDRIVER") or shutil.which("chromedriver")
ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
WIDE, PHONE = (1280, 900), (390, 844)

if CHROMIUM is None:
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)
if CHROMEDRIVER is None:
    pytest.skip(
        "chromedriver is not installed (apt-get install chromium-driver)", allow_module_level=True
    )
webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium is not installed (pip install selenium)"
)
from selenium.webdriver.chrome.service import Service  # noqa: E402

ARTIFACTS = Path(os.environ.get("KG_ARTIFACTS") or Path(__file__).parent / "artifacts")

# What the browser shows for the fact ``id`` after its row was clicked, in the visible view.
PROBE = """
const id = arguments[0];
const view = document.querySelector('.view:not([hidden])');
const pieces = [...view.querySelectorAll('[data-fact]')]
  .filter(el => el.getAttribute('data-fact') === id);
if (!pieces.length) return null;
const box = pieces[0].getClientRects()[0];
const pane = pieces[0].closest('.pane').getBoundingClientRect();
const x = box.left + Math.min(box.width, 8) / 2, y = box.top + box.height / 2;
const hit = document.elementFromPoint(x, y);
return {
  view: view.getAttribute('data-view'),
  text: pieces.map(el => el.textContent).join(''),
  quotes: [...new Set(pieces.map(el => el.getAttribute('data-quote')))],
  written: pieces[0].getAttribute('data-written'),
  flashed: pieces.every(el => el.classList.contains('flash')),
  inViewport: box.bottom > Math.max(0, pane.top) &&
              box.top < Math.min(window.innerHeight, pane.bottom) &&
              box.right > 0 && box.left < window.innerWidth,
  onTop: hit !== null && pieces.some(el => el.contains(hit)),
};
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ARGS:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: Any, result: Result, tmp_path: Path, size: tuple[int, int]) -> None:
    page = tmp_path / f"{result.doc.name}.html"
    page.write_bytes(render_bytes(result))
    browser.set_window_size(*size)
    browser.get(page.as_uri())
    assert browser.execute_script("return document.readyState") == "complete"


def _screenshot(browser: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def _check_every_row(browser: Any, views: tuple[str, ...]) -> int:
    """Click each fact row in each view; the span it goes to is on screen, flashed and right."""
    checked = 0
    for view in views:
        browser.find_element("css selector", f'.view-button[data-view="{view}"]').click()
        for row in browser.find_elements("css selector", "tr[data-goto]"):
            fact, quote = row.get_attribute("data-goto"), row.get_attribute("data-quote")
            row.click()
            seen = browser.execute_script(PROBE, fact)
            assert seen is not None, f"{fact}: no highlight in the {view} view"
            assert seen["view"] == view
            assert seen["flashed"], fact
            assert seen["inViewport"] and seen["onTop"], (fact, seen)
            assert seen["quotes"] == [quote], fact
            if view == "original":
                assert seen["text"] == quote, fact
            else:
                assert seen["text"] == seen["written"], fact
            assert "selected" in (row.get_attribute("class") or "").split()
            checked += 1
    return checked


def test_rows_scroll_to_flashed_spans_wide(browser: Any, tmp_path: Path) -> None:
    result = make_result()
    _open(browser, result, tmp_path, WIDE)
    checked = _check_every_row(browser, ("original", "clean"))
    assert checked == 2 * len(browser.find_elements("css selector", "tr[data-goto]")) > 0
    _screenshot(browser, "review-invented-wide")


def test_rows_scroll_to_flashed_spans_on_a_phone(browser: Any, tmp_path: Path) -> None:
    result = make_result()
    _open(browser, result, tmp_path, PHONE)
    # the side tables are below the text on a narrow screen
    text = browser.find_element("css selector", ".article").rect
    side = browser.find_element("css selector", ".facts").rect
    assert side["y"] >= text["y"] + text["height"] - 1
    assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]
    _check_every_row(browser, ("original",))
    _screenshot(browser, "review-invented-phone")


def test_sample_page_in_the_browser(browser: Any, tmp_path: Path, sample_result: Result) -> None:
    _open(browser, sample_result, tmp_path, WIDE)
    _check_every_row(browser, ("original", "clean"))
    _screenshot(browser, "review-sample-wide")
    browser.set_window_size(*PHONE)
    rows = browser.find_elements("css selector", "#measurements tr[data-goto]")
    if rows:
        rows[len(rows) // 2].click()
    _screenshot(browser, "review-sample-phone")


def test_clicking_a_highlight_selects_its_row(browser: Any, tmp_path: Path) -> None:
    result = make_result()
    _open(browser, result, tmp_path, WIDE)
    mark = browser.find_element("css selector", '.view:not([hidden]) mark[data-fact="p1"]')
    mark.click()
    row = browser.find_element("css selector", 'tr[data-goto="p1"]')
    assert "selected" in (row.get_attribute("class") or "").split()
    assert "flash" in (mark.get_attribute("class") or "").split()
