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

Where the ``jieba-fast-dat`` package is installed (Linux and macOS wheels), the
two inner loops — the DAG and the route — run in its C++ over a double-array
trie of the same words and frequencies, cached beside the marisa files; the rest
of the cut (blocks, HMM for unknown words) stays jieba's own Python. That is
about 2.5x faster than stock jieba with the same tokens (the same test checks
both paths). ``VISIT_ANALYZER_PURE_PYTHON=1`` turns the accelerator off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import struct
import sys
import tempfile
from array import array
from math import log
from pathlib import Path

from . import cachefiles, rxcache

# A square (uu: 户户, 一哈一哈, 谢谢): where a block repeats itself, two routes can tie exactly
# (户户+户 and 户+户户 add the same numbers). Ties need two words that commute, w1w2 == w2w1,
# so a repeat of a root no longer than a word; eight characters bound the search.
_SQUARE = rxcache.compile(r"(.{1,8})\1", re.DOTALL)
_HEADER = struct.Struct("<8sQQd")  # magic, word count, longest word, total
_MAGIC = b"VAFDICT1"
# Dictionaries kept in the cache folder (about 17 MB each): the rubrics a team switches between.
KEEP_DICTIONARIES = 8


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
    re_han = jieba.re_han_default
    re_skip = jieba.re_skip_default

    class FastTokenizer(jieba.Tokenizer):
        def __init__(self, trie, logfreq: array, freqs: array, total: float, maxlen: int) -> None:
            super().__init__()
            self._trie = trie
            self._logf = logfreq
            self._maxlen = maxlen
            self.total = total
            self.FREQ = FreqView(trie, freqs)
            self.initialized = True

        def spans(self, sentence: str) -> list[tuple[str, int, int]]:
            """``(word, start, end)`` for each token: jieba's ``tokenize`` (HMM on), in one loop.

            The same blocks, route and HMM as ``jieba.Tokenizer.cut``, without its three layers
            of generators; tests/test_tokens.py compares the two on every sample note.
            """
            out: list = []
            append = out.append
            route_of = self._route
            py_route = self._python_route
            freq_get = self.FREQ.get
            hmm_cut = self._hmm_cut
            whole_block = self._whole_block
            known = self._hmm_known
            pos = 0
            for blk in re_han.split(sentence):
                if not blk:
                    continue
                if not re_han.match(blk):
                    for x in re_skip.split(blk):
                        if not x:
                            continue
                        if re_skip.match(x):
                            append((x, pos, pos + len(x)))
                            pos += len(x)
                        else:
                            for ch in x:
                                append((ch, pos, pos + 1))
                                pos += 1
                    continue
                # Two routes tie only where a block repeats itself (户户户: 户户+户 or 户+户户), and
                # the C++ breaks such ties the other way from jieba's max(): those blocks stay
                # on jieba's own route.
                repeats = whole_block is not None and _SQUARE.search(blk) is not None
                if whole_block is not None and not repeats and known.issuperset(blk):
                    for w in whole_block(blk):
                        append((w, pos, pos + len(w)))
                        pos += len(w)
                    continue
                route = py_route(blk) if repeats else route_of(blk)
                n = len(blk)
                x = 0
                buf_start = -1
                while x <= n:
                    y = route[x] + 1 if x < n else n + 1
                    if x < n and y - x == 1:
                        if buf_start < 0:
                            buf_start = x
                        x = y
                        continue
                    if buf_start >= 0:
                        buf = blk[buf_start:x]
                        if len(buf) == 1 or freq_get(buf):
                            for ch in buf:
                                append((ch, pos, pos + 1))
                                pos += 1
                        else:
                            for w in hmm_cut(buf):
                                append((w, pos, pos + len(w)))
                                pos += len(w)
                        buf_start = -1
                    if x >= n:
                        break
                    append((blk[x:y], pos, pos + y - x))
                    pos += y - x
                    x = y
            return out

        def _route(self, sentence: str) -> list[int]:
            """For each character, where the best route's word that starts there ends (inclusive)."""
            route: dict = {}
            self.calc(sentence, self.get_DAG(sentence), route)
            return [route[i][1] for i in range(len(sentence))]

        def _python_route(self, sentence: str) -> list[int]:
            """``_route`` with the class's own (marisa, Python) DAG and route, even when accelerated."""
            cls = type(self)
            route: dict = {}
            cls.calc(self, sentence, cls.get_DAG(self, sentence), route)
            return [route[i][1] for i in range(len(sentence))]

        _hmm_cut = staticmethod(lambda buf: list(jieba.finalseg.cut(buf)))
        _whole_block = None
        _hmm_known: frozenset = frozenset()

        def accelerate(self, functions, dat) -> None:
            """Run the DAG, the route and the HMM's Viterbi in jieba-fast-dat's C++.

            ``dat`` holds the same words and frequencies; the HMM gets jieba's own tables.
            """
            total = float(self.total)
            get_dag = functions._get_DAG
            calc = functions._calc
            both = functions._get_DAG_and_calc
            self.get_DAG = lambda sentence: get_dag(dat, sentence)
            self.calc = lambda sentence, DAG, route: calc(dat, sentence, DAG, route, total)

            def route_of(sentence: str) -> list[int]:
                route: list[int] = []
                both(dat, sentence, route, total)
                return route

            self._route = route_of
            fs = jieba.finalseg
            functions.load_finalseg_hmm_model(fs.start_P, fs.trans_P, fs.emit_P)
            self._hmm_cut = _hmm_cutter(functions._finalseg_viterbi_cpp, fs)
            # A block of Chinese characters that the HMM tables all know is cut whole in C++
            # (route and HMM): the same words as jieba's __cut_DAG. Digits and Latin letters
            # stay on the loop above, since the C++ splits 52.8 where jieba's HMM keeps it.
            cut_dag = functions._cut_DAG_cpp
            self._whole_block = lambda blk: cut_dag(dat, blk, total)
            self._hmm_known = frozenset(_known_chars(fs))

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


def _known_chars(finalseg) -> set[str]:
    """Characters every HMM state can emit: no tie at MIN_FLOAT can arise among them."""
    return set.intersection(*(set(finalseg.emit_P[state]) for state in "BMES"))


def _hmm_cutter(viterbi, finalseg):
    """``jieba.finalseg.cut`` with its Viterbi in C++: the same blocks, states and words."""
    re_han = finalseg.re_han
    re_skip = finalseg.re_skip
    force_split = finalseg.Force_Split_Words
    # A character missing from an emission table ties states at MIN_FLOAT, and the C++ breaks
    # ties differently from Python's max(): such blocks keep jieba's own Viterbi.
    known = _known_chars(finalseg)
    py_viterbi = finalseg.viterbi
    tables = ("BMES", finalseg.start_P, finalseg.trans_P, finalseg.emit_P)

    def cut(sentence: str) -> list[str]:
        out: list[str] = []
        for blk in re_han.split(sentence):
            if re_han.match(blk):
                # The C++ Viterbi breaks ties the other way from Python's max(): a character the
                # tables lack (all states at MIN_FLOAT) or a block that repeats itself (价价价) ties.
                fast = known.issuperset(blk) and _SQUARE.search(blk) is None
                states = viterbi(blk)[1] if fast else py_viterbi(blk, *tables)[1]
                begin = nexti = 0
                words = []
                for i, state in enumerate(states):
                    if state == "B":
                        begin = i
                    elif state == "E":
                        words.append(blk[begin : i + 1])
                        nexti = i + 1
                    elif state == "S":
                        words.append(blk[i])
                        nexti = i + 1
                if nexti < len(blk):
                    words.append(blk[nexti:])
                for w in words:
                    if w in force_split:
                        out.extend(w)
                    else:
                        out.append(w)
            else:
                out.extend(x for x in re_skip.split(blk) if x)
        return out

    return cut


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


def fast_tokenizer(words: list[str], folder: Path | None, accelerate: bool | None = None):
    """A jieba tokenizer with ``words`` added, from the cache in ``folder`` (built there if missing).

    With no writable folder it is built in memory each time: correct, only slower.
    ``accelerate`` (default: unless ``VISIT_ANALYZER_PURE_PYTHON`` is set) uses jieba-fast-dat
    for the DAG and the route when it is installed.
    """
    jieba = import_jieba()
    key = _stamp(jieba, words)
    parts = _load(folder, key) if folder is not None else None
    if parts is None:
        parts = _build(jieba, words)
        if folder is not None:
            with contextlib.suppress(OSError):
                _save(folder, key, *parts)
            cachefiles.prune(folder, "dict", KEEP_DICTIONARIES, key)
    elif folder is not None:
        cachefiles.touch(folder / f"dict-{key}.trie")
    tokenizer = _tokenizer_class(jieba)(*parts)
    if accelerate is None:
        accelerate = not os.environ.get("VISIT_ANALYZER_PURE_PYTHON")
    functions = _dat_functions() if accelerate else None
    if functions is not None:
        dat = _dat(functions, folder, key, parts[0], parts[2])
        if dat is not None:
            tokenizer.accelerate(functions, dat)
    return tokenizer


def _dat_functions():
    """jieba-fast-dat's compiled module, loaded alone: its package ``__init__`` costs 50 ms more."""
    import importlib.machinery
    import importlib.util

    name = "jieba_fast_dat._jieba_fast_dat_functions_py3"
    if name in sys.modules:
        return sys.modules[name]
    try:
        spec = importlib.util.find_spec("jieba_fast_dat")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for path in sorted(Path(folder).glob("_jieba_fast_dat_functions_py3*")):
            if not path.name.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
                continue
            try:
                loader = importlib.machinery.ExtensionFileLoader(name, str(path))
                module = importlib.util.module_from_spec(
                    importlib.util.spec_from_file_location(name, str(path), loader=loader)
                )
                loader.exec_module(module)
            except (ImportError, OSError):
                return None
            # Private functions of a pinned version: check they are there before relying on them.
            if all(hasattr(module, a) for a in ("_get_DAG", "_calc", "DatTrie")):
                return module
            return None
    return None


def _dat(functions, folder: Path | None, key: str, trie, freqs: array):
    """The double-array trie of the same words and frequencies, from the cache or built (≈0.5 s)."""
    dat = functions.DatTrie()
    path = folder / f"dict-{key}.dat" if folder is not None else None
    try:
        if path is not None and path.is_file() and dat.load_all(str(path)) == 0:
            return dat
        build_dir = folder if folder is not None else Path(tempfile.gettempdir())
        fd, text_path = tempfile.mkstemp(dir=build_dir, prefix=".dict-", suffix=".txt")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                for word, i in trie.iteritems():
                    fh.write(f"{word} {int(freqs[i])}\n")
            dat = functions.DatTrie()
            functions.load_main_dict_from_path_pybind(dat, text_path, {})
        finally:
            with contextlib.suppress(OSError):
                os.unlink(text_path)
        if path is not None:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
            os.close(fd)
            try:
                dat.save_all(tmp)
                os.replace(tmp, path)
            except (OSError, RuntimeError):
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        return dat
    except (OSError, RuntimeError, ValueError):
        return None


def stock_tokenizer(words: list[str]):
    """Stock jieba with the same words added in the same order: the reference for tests and benchmarks."""
    jieba = import_jieba()
    t = jieba.Tokenizer()
    t.FREQ, t.total = t.gen_pfdict(t.get_dict_file())
    t.initialized = True
    for w in words:
        t.add_word(w)
    return t
