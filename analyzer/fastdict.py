"""jieba's own segmentation over a dictionary that needs no loading: a memory-mapped marisa trie.

Stock jieba spends most of a second unpickling its 350,000-word prefix dict
before it cuts a word. ``FastTokenizer`` keeps jieba's algorithm — the DAG of
dictionary words, the max-probability route (same floating-point expression,
so the same ties), and the HMM for unknown words — and asks a marisa trie for
the words starting at each character (``iter_prefixes_with_ids``, one C call)
and an array for their log frequencies. The trie and the array are built once
from jieba's ``dict.txt`` plus the rubric's words by stock jieba itself
(``add_word`` in the same order), and cached next to each other; loading them
is a memory map and a 3 MB read. The tokens are stock jieba's: a test
compares them on every note in ``samples/``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
import sys
import tempfile
from array import array
from math import log
from pathlib import Path

_HEADER = struct.Struct("<8sQQd")  # magic, word count, longest word, total
_MAGIC = b"VAFDICT1"


def import_jieba():
    """Import jieba without ``pkg_resources``: jieba falls back to plain files, 0.1 s sooner."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    had = "pkg_resources" in sys.modules
    saved = sys.modules.get("pkg_resources")
    if not had:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if not had:
            del sys.modules["pkg_resources"]
        else:  # pragma: no cover - someone imported it before us
            sys.modules["pkg_resources"] = saved
    jieba.setLogLevel(60)
    return jieba


class FreqView:
    """The part of jieba's ``FREQ`` dict its cutting code uses: ``get`` / ``in`` / ``[]`` for words."""

    def __init__(self, trie, freqs: array) -> None:
        self._trie = trie
        self._freqs = freqs

    def get(self, word, default=None):
        i = self._trie.get(word)
        return default if i is None else self._freqs[i]

    def __contains__(self, word) -> bool:
        return word in self._trie

    def __getitem__(self, word):
        return self._freqs[self._trie[word]]


def _tokenizer_class(jieba):
    class FastTokenizer(jieba.Tokenizer):
        def __init__(self, trie, logfreq: array, freqs: array, total: float, maxlen: int) -> None:
            super().__init__()
            self._trie = trie
            self._logf = logfreq
            self._maxlen = maxlen
            self.total = total
            self.FREQ = FreqView(trie, freqs)
            self.initialized = True

        def get_DAG(self, sentence):
            dag = {}
            logs = {}
            pref = self._trie.iter_prefixes_with_ids
            logf = self._logf
            maxlen = self._maxlen
            for k in range(len(sentence)):
                ends = []
                lfs = []
                for w, i in pref(sentence[k : k + maxlen]):
                    ends.append(k + len(w) - 1)
                    lfs.append(logf[i])
                if not ends:
                    ends.append(k)
                    lfs.append(0.0)  # log(FREQ.get(char) or 1) for a character that is no word
                dag[k] = ends
                logs[k] = lfs
            self._dag_logs = (sentence, logs)
            return dag

        def calc(self, sentence, DAG, route):
            cached_sentence, logs = self._dag_logs
            if (
                cached_sentence is not sentence
            ):  # pragma: no cover - jieba always pairs the two calls
                return super().calc(sentence, DAG, route)
            N = len(sentence)
            route[N] = (0, 0)
            logtotal = log(self.total)
            # The same expression as jieba's calc, term for term, so the same route and ties.
            for idx in range(N - 1, -1, -1):
                route[idx] = max(
                    (lf - logtotal + route[x + 1][0], x)
                    for x, lf in zip(DAG[idx], logs[idx], strict=True)
                )

    return FastTokenizer


def _stamp(jieba, words: list[str]) -> str:
    dict_path = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    st = dict_path.stat()
    return hashlib.sha256(
        "\n".join([jieba.__version__, str(st.st_size), str(st.st_mtime_ns), *words]).encode("utf-8")
    ).hexdigest()[:16]


def _build(jieba, words: list[str]):
    """Stock jieba with the extra words, as a trie of words and arrays of frequencies."""
    import marisa_trie

    stock = jieba.Tokenizer()
    stock.FREQ, stock.total = stock.gen_pfdict(stock.get_dict_file())
    stock.initialized = True
    for w in words:
        stock.add_word(w)
    entries = [(w, f) for w, f in stock.FREQ.items() if f]
    trie = marisa_trie.Trie([w for w, _ in entries])
    freqs = array("d", bytes(8 * len(trie)))
    logfreq = array("d", bytes(8 * len(trie)))
    for w, f in entries:
        i = trie.key_id(w)
        freqs[i] = f
        logfreq[i] = log(f)
    maxlen = max(len(w) for w, _ in entries)
    return trie, logfreq, freqs, float(stock.total), maxlen


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _save(
    folder: Path, key: str, trie, logfreq: array, freqs: array, total: float, maxlen: int
) -> None:
    # The arrays first, the trie last: a reader that finds the trie finds its arrays too.
    header = _HEADER.pack(_MAGIC, len(trie), maxlen, total)
    _write_atomic(folder / f"dict-{key}.freq", header + logfreq.tobytes() + freqs.tobytes())
    _write_atomic(folder / f"dict-{key}.trie", trie.tobytes())


def _load(folder: Path, key: str):
    import marisa_trie

    trie_path = folder / f"dict-{key}.trie"
    freq_path = folder / f"dict-{key}.freq"
    if not (trie_path.is_file() and freq_path.is_file()):
        return None
    try:
        data = freq_path.read_bytes()
        magic, n, maxlen, total = _HEADER.unpack_from(data)
        if magic != _MAGIC or len(data) != _HEADER.size + 16 * n:
            return None
        logfreq = array("d")
        logfreq.frombytes(data[_HEADER.size : _HEADER.size + 8 * n])
        freqs = array("d")
        freqs.frombytes(data[_HEADER.size + 8 * n :])
        trie = marisa_trie.Trie()
        trie.mmap(str(trie_path))
        if len(trie) != n:
            return None
    except (OSError, struct.error, ValueError, RuntimeError):
        return None
    return trie, logfreq, freqs, total, maxlen


def fast_tokenizer(words: list[str], folder: Path | None):
    """A jieba tokenizer with ``words`` added, from the cache in ``folder`` (built there if missing).

    With no writable folder it is built in memory each time: correct, only slower.
    """
    jieba = import_jieba()
    key = _stamp(jieba, words)
    parts = _load(folder, key) if folder is not None else None
    if parts is None:
        parts = _build(jieba, words)
        if folder is not None:
            with contextlib.suppress(OSError):
                _save(folder, key, *parts)
    return _tokenizer_class(jieba)(*parts)


def stock_tokenizer(words: list[str]):
    """Stock jieba with the same words added in the same order: the reference for tests and benchmarks."""
    jieba = import_jieba()
    t = jieba.Tokenizer()
    t.FREQ, t.total = t.gen_pfdict(t.get_dict_file())
    t.initialized = True
    for w in words:
        t.add_word(w)
    return t
