"""Where reports go: stdout, or a file that is never left half-written.

``AtomicOutput(path)`` writes to a temporary file beside ``path`` and renames
it over ``path`` only when the ``with`` block ends without an error; on an
error the temporary file is removed and ``path`` is untouched.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO


class OutputError(Exception):
    pass


class ReaderGone(Exception):
    """stdout's reader went away (``| head -1``): stop quietly, it is not an error."""


class AtomicOutput:
    def __init__(self, path: str | None, discard: bool = False) -> None:
        self.path = Path(path) if path else None
        self.discard = discard  # an optional output that was not asked for: writes go nowhere
        self._fh: TextIO | None = None
        self._tmp: str | None = None
        self._direct = False

    def __enter__(self) -> AtomicOutput:
        if self.path is None:
            if self.discard:
                self._fh = open(os.devnull, "w", encoding="utf-8")
            return self
        if self.path.is_dir():
            raise OutputError(f"{self.path}: is a folder")
        if self.path.exists() and not self.path.is_file():
            # A device or a pipe (/dev/stdout, /dev/full): write to it, never rename over it.
            try:
                self._fh = open(self.path, "w", encoding="utf-8", newline="\n")
            except OSError as e:
                raise OutputError(f"{self.path}: cannot write ({e.strerror or e})") from None
            self._direct = True
            return self
        folder = self.path.parent if str(self.path.parent) else Path(".")
        if not folder.is_dir():
            if folder.exists():
                raise OutputError(f"{self.path}: {folder} is not a folder")
            raise OutputError(f"{self.path}: folder {folder} does not exist")
        try:
            fd, self._tmp = tempfile.mkstemp(
                dir=folder, prefix=f".{self.path.name}.", suffix=".tmp"
            )
        except OSError as e:
            raise OutputError(f"{self.path}: cannot write here ({e.strerror or e})") from None
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self

    def write(self, s: str) -> None:
        if self._fh is None:
            try:
                sys.stdout.write(s)
            except BrokenPipeError:
                raise ReaderGone from None
            return
        try:
            self._fh.write(s)
        except OSError as e:
            raise OutputError(f"{self.path}: write failed ({e.strerror or e})") from None

    def flush(self) -> None:
        if self._fh is None:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                raise ReaderGone from None

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.path is None:
            if self._fh is not None:
                self._fh.close()
            elif exc_type is None:
                try:
                    sys.stdout.flush()
                except BrokenPipeError:
                    raise ReaderGone from None
            return
        if self._direct:
            try:
                self._fh.close()
            except OSError as e:
                raise OutputError(f"{self.path}: write failed ({e.strerror or e})") from None
            return
        try:
            if exc_type is None:
                self._fh.flush()
                os.fsync(self._fh.fileno())
            self._fh.close()
            if exc_type is None:
                os.chmod(self._tmp, 0o666 & ~_umask())
                os.replace(self._tmp, self.path)
                self._tmp = None
        except OSError as e:
            raise OutputError(f"{self.path}: write failed ({e.strerror or e})") from None
        finally:
            if self._tmp:
                with contextlib.suppress(OSError):
                    os.unlink(self._tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
