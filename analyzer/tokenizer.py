"""jieba, loaded lazily, with the rubric's terms as words.

The tool keeps its own ``jieba.Tokenizer`` so that its words never leak into
other code using jieba in the same process, silences jieba's start-up logging,
and puts jieba's cache in the user's cache folder (falling back to no cache
when no folder is writable). Nothing here is imported by ``--help``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Token:
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
    """A jieba tokenizer with extra words; its prefix dictionary is cached per word set."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        import jieba

        jieba.setLogLevel(60)
        logging.getLogger("jieba").setLevel(60)
        self._jieba = jieba.Tokenizer()
        extra = sorted({w for w in words if w and not any(ch.isspace() for ch in w)})
        if not self._load_cached(jieba, extra):
            self._jieba.FREQ, self._jieba.total = self._jieba.gen_pfdict(
                self._jieba.get_dict_file()
            )
            self._jieba.initialized = True
            for w in extra:
                self._jieba.add_word(w)
            self._store_cached(jieba, extra)

    def _cache_path(self, jieba, extra: list[str]) -> Path | None:
        folder = cache_dir()
        if folder is None:
            return None
        dict_file = Path(jieba.DEFAULT_DICT_NAME)
        try:
            dict_path = Path(jieba.__file__).parent / dict_file
            stamp = f"{jieba.__version__}|{dict_path.stat().st_size}|{dict_path.stat().st_mtime_ns}"
        except OSError:
            return None
        digest = hashlib.sha256(("\n".join([stamp, *extra])).encode("utf-8")).hexdigest()[:16]
        return folder / f"prefix-{digest}.pickle"

    def _load_cached(self, jieba, extra: list[str]) -> bool:
        path = self._cache_path(jieba, extra)
        if path is None or not path.is_file():
            return False
        try:
            with path.open("rb") as fh:
                freq, total, user_words = pickle.load(fh)  # our own cache file, never user input
        except Exception:
            return False
        self._jieba.FREQ, self._jieba.total = freq, total
        self._jieba.user_word_tag_tab = user_words
        self._jieba.initialized = True
        return True

    def _store_cached(self, jieba, extra: list[str]) -> None:
        path = self._cache_path(jieba, extra)
        if path is None:
            return
        data = (self._jieba.FREQ, self._jieba.total, self._jieba.user_word_tag_tab)
        try:
            # Write then rename: a process racing us on a cold cache never reads half a file.
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".prefix-", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(tmp)

    def tokens(self, norm: str) -> list[Token]:
        return [Token(w, s, e) for w, s, e in self._jieba.tokenize(norm)]
