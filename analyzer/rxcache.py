"""Compiled regular expressions kept between runs: ``compile`` is ``re.compile`` with a disk cache.

Compiling the rubric's patterns and the time and amount grammars was the largest part of a
cold start (about 0.16 s of 0.37 s): CPython's ``re`` parses each pattern and builds its
code in Python, and a class such as ``[\\u4e00-\\u9fff]`` is expanded char by char each time.
The result of that work is a list of integers. It is kept in one marshal file per Python
build, keyed by pattern and flags, and the next run hands it straight to ``_sre.compile``,
as ``re`` itself does at the end of compiling. CPython checks the code it is given
(``_validate``), so a damaged file can only fail, and then the pattern is compiled afresh.

Anything unexpected (another Python implementation, a changed private API, no writable cache
folder) falls back to ``re.compile``: the cache changes how fast a pattern is made, never
which pattern.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

try:  # CPython's private compiler; everything below falls back to re.compile without it.
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _USABLE = sys.implementation.name == "cpython" and hasattr(_sre, "compile")
except ImportError:  # pragma: no cover - other Python implementations
    _USABLE = False

# Past this many patterns the file keeps only those of the latest run (old rubrics drop out).
_MAX_ENTRIES = 4000

_saved: dict[tuple[str, int], tuple] | None = None
_made: dict[tuple[str, int], tuple] = {}
_used: set[tuple[str, int]] = set()


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the code a previous run compiled when it has it."""
    if not _USABLE or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    _used.add(key)
    entry = _load().get(key) or _made.get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:
            _saved.pop(key, None)  # type: ignore[union-attr]
    try:
        entry = _code_of(pattern, int(flags))
        rx = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:
        return re.compile(pattern, flags)
    if not _made:
        atexit.register(_save)
    _made[key] = entry
    return rx


def _code_of(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern."""
    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    groupindex = {str(k): int(v) for k, v in parsed.state.groupdict.items()}
    indexgroup: list[Any] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _cache_file() -> Path | None:
    from .tokenizer import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    build = f"{sys.version}|{getattr(_sre, 'MAGIC', '')}|{getattr(_sre, 'CODESIZE', '')}"
    return folder / f"regex-{hashlib.sha256(build.encode()).hexdigest()[:16]}.marshal"


def _load() -> dict[tuple[str, int], tuple]:
    global _saved
    if _saved is None:
        _saved = {}
        path = _cache_file()
        try:
            data = marshal.loads(path.read_bytes()) if path and path.is_file() else {}
        except (OSError, ValueError, EOFError, TypeError):
            data = {}
        if isinstance(data, dict):
            _saved = {
                k: v
                for k, v in data.items()
                if isinstance(k, tuple) and isinstance(v, tuple) and len(v) == 5
            }
    return _saved


def _save() -> None:
    """Write the patterns compiled in this run next to the saved ones (atomically)."""
    path = _cache_file()
    if path is None or not _made:
        return
    entries = dict(_load())
    entries.update(_made)
    if len(entries) > _MAX_ENTRIES:
        entries = {k: v for k, v in entries.items() if k in _used}
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(entries))
        os.replace(tmp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
