"""Read notes from stdin, a file, or a folder of ``*.txt`` / ``*.md`` files.

Each input yields either a ``Note`` or an ``InputError`` with a one-line
reason naming the file, in input order, so that one bad file never costs
the rest of the batch. Encodings exported on Chinese Windows are detected
(UTF-8, UTF-8 with BOM, GB18030 / GBK); ``encoding`` overrides.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

NOTE_SUFFIXES = (".txt", ".md")
DEFAULT_MAX_CHARS = 20_000


@dataclass(frozen=True)
class Note:
    source: str
    text: str
    line: int = 1  # where the note starts in its file (tables: the row's line)


@dataclass(frozen=True)
class InputError:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


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


def iter_paths(paths: list[str]) -> Iterator[Path | str]:
    """Expand folders to their note files, sorted; ``-`` stays stdin."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(
                f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in NOTE_SUFFIXES
            )
            if not files:
                raise UsageError(f"{p}: no *.txt or *.md notes in this folder")
            yield from files
        elif path.exists():
            yield path
        else:
            raise UsageError(f"{p}: no such file or folder")


def read_notes(paths: list[str], encoding: str | None = None) -> Iterator[Note | InputError]:
    if not paths:
        paths = ["-"]
    for item in iter_paths(paths):
        if item == "-":
            data = sys.stdin.buffer.read()
            source = "-"
        else:
            source = str(item)
            try:
                data = Path(item).read_bytes()
            except OSError as e:
                yield InputError(source, e.strerror or str(e))
                continue
        try:
            text = decode(data, source, encoding)
        except ValueError as e:
            yield InputError(source, str(e))
            continue
        if not text.strip():
            yield InputError(source, "empty note")
            continue
        yield Note(source, text)
