"""For the people who check the facts: a self-contained review page per article
(:mod:`kg.review.page`) and spreadsheet exports (:mod:`kg.review.export`)."""
