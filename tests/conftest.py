"""Shared fixtures: the default rubric loaded once, and a helper that judges a note."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.judge import analyze_text
from analyzer.rubric import load_rubric

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def rubric():
    return load_rubric("default")


@pytest.fixture(scope="session")
def judge(rubric):
    def run(text: str):
        return analyze_text(text, rubric)

    return run


@pytest.fixture(scope="session")
def status(judge):
    def run(text: str, criterion: str) -> str:
        return judge(text).criterion(criterion).status

    return run


@pytest.fixture(scope="session")
def status_of(status):
    return status


@pytest.fixture(scope="session")
def doc_of(rubric):
    from analyzer.document import Document

    def make(text: str) -> Document:
        return Document(
            text, rubric.segmenter.tokens, rubric.language, rubric.word_set, rubric.automaton
        )

    return make
