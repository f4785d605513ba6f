"""Cutting a note into jieba tokens, with the rubric's terms as words.

The tool keeps its own tokenizer so that its words never leak into other code
using jieba in the same process, and keeps its dictionary cache in the user's
cache folder (``$VISIT_ANALYZER_CACHE``, ``$XDG_CACHE_HOME/visit-analyzer``,
``~/.cache/visit-analyzer`` or the temp folder; with none writable it works
without a cache, only slower). jieba itself is imported only when a note is cut.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple


class Token(NamedTuple):
    """A jieba token and its character offsets (a tuple: notes have thousands of them)."""

    word: str
    start: int
    end: int


def cache_dir() -> Path | None:
    """A writable folder for caches, or None when there is none."""
    candidates = []
    if os.environ.get("VISIT_ANALYZER_CACHE"):
        candidates.append(Path(os.environ["VISIT_ANALYZER_CACHE"]))
    xdg = os.environ.get("XDG_CACHE_HOME")
    candidates.append(
        Path(xdg) / "visit-analyzer" if xdg else Path.home() / ".cache" / "visit-analyzer"
    )
    candidates.append(
        Path(tempfile.gettempdir())
        / f"visit-analyzer-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
    )
    for c in candidates:
        try:
            c.mkdir(parents=True, exist_ok=True)
            if os.access(c, os.W_OK):
                return c
        except OSError:
            continue
    return None


class Segmenter:
    """jieba with the rubric's words, loaded from a memory-mapped dictionary (see ``fastdict``)."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        from .fastdict import fast_tokenizer

        self.words = sorted({w for w in words if w and not any(ch.isspace() for ch in w)})
        self._jieba = fast_tokenizer(self.words, cache_dir())

    def tokens(self, norm: str) -> list[Token]:
        return list(map(Token._make, self._jieba.spans(norm)))

    def spans(self, norm: str) -> list[tuple[str, int, int]]:
        """The same tokens as plain ``(word, start, end)`` tuples: cheaper, for the hot path."""
        return self._jieba.spans(norm)
