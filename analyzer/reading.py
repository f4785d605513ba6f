"""Read notes from stdin, files, folders and tables (CSV, TSV, XLSX, JSONL).

Each input yields either a ``Record`` (one note) or a ``RowError`` with a
one-line reason naming the file and row, in input order, so that one bad
file or row never costs the rest of the batch. Encodings exported on Chinese Windows are detected
(UTF-8, UTF-8 with BOM, GB18030 / GBK); ``encoding`` overrides.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

NOTE_SUFFIXES = (".txt", ".md")


class UsageError(Exception):
    """A path that cannot be read at all: the command stops with exit code 2."""


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Bytes to text, detecting the encodings CRM exports use; raises ValueError with the reason."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ValueError(f"unknown encoding '{encoding}'") from None
        except UnicodeDecodeError as e:
            raise ValueError(f"not valid {encoding} (byte {e.start})") from None
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary file, not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ValueError("not valid UTF-16 text") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ValueError("not text in UTF-8 or GBK/GB18030 (use --encoding)") from None


def check_paths(paths: list[str]) -> None:
    """Fail early, before any work, on a path that does not exist."""
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise UsageError(f"{p}: no such file or folder")


def iter_paths(
    paths: list[str], include: list[str] = (), exclude: list[str] = ()
) -> Iterator[Path | str]:
    """Expand folders to their note and table files, sorted; ``-`` stays stdin."""
    from .tables import TABLE_SUFFIXES

    check_paths(paths)
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(
                f
                for f in path.rglob("*")
                if f.is_file()
                and f.suffix.lower() in NOTE_SUFFIXES + TABLE_SUFFIXES
                and _selected(f.relative_to(path), include, exclude)
            )
            if not files:
                raise UsageError(
                    f"{p}: no notes (*.txt, *.md) or tables (*.csv, *.xlsx, *.jsonl) in this folder"
                )
            yield from files
        else:
            yield path


def _selected(rel: Path, include, exclude) -> bool:
    s = rel.as_posix()
    if include and not any(rel.match(g) or Path(s).match(g) for g in include):
        return False
    return not any(rel.match(g) for g in exclude)


def read_inputs(paths: list[str], names=None, include=(), exclude=()):
    """Every note of every input, in order: text files are one note, tables one note per row."""
    from .tables import TABLE_SUFFIXES, ColumnNames, Record, RowError, read_table

    names = names or ColumnNames()
    encoding = names.encoding or None
    for item in iter_paths(list(paths) or ["-"], include, exclude):
        if item != "-" and item.suffix.lower() in TABLE_SUFFIXES:
            yield from read_table(item, names)
            continue
        if item == "-":
            data = sys.stdin.buffer.read()
            source = "-"
        else:
            source = str(item)
            try:
                data = Path(item).read_bytes()
            except OSError as e:
                yield RowError(source, None, e.strerror or str(e))
                continue
        try:
            text = decode(data, source, encoding)
        except ValueError as e:
            yield RowError(source, None, str(e))
            continue
        if not text.strip():
            yield RowError(source, None, "empty note")
            continue
        yield Record(source, source, 1, text)
