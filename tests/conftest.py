"""Shared fixtures: the sample processed once per test session."""

from __future__ import annotations

import pytest

from kg.document import Document
from kg.pipeline import Result, process
from kg.resources import SAMPLE_ARTICLE


@pytest.fixture(scope="session")
def sample_doc() -> Document:
    return Document.from_path(SAMPLE_ARTICLE)


@pytest.fixture(scope="session")
def sample_result() -> Result:
    return process(SAMPLE_ARTICLE)
