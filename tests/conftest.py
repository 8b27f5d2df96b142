"""Shared fixtures: the sample processed once per test session; hypothesis settings for CI."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from kg.pipeline import Result, process
from kg.resources import SAMPLE_ARTICLE
from kg.text.document import Document

# CI runs the same examples every time, so a red run can be reproduced; locally they vary.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def sample_doc() -> Document:
    return Document.from_path(SAMPLE_ARTICLE)


@pytest.fixture(scope="session")
def sample_result() -> Result:
    return process(SAMPLE_ARTICLE)
