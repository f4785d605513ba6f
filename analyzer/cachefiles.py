"""Keep the cache folder bounded: only the most recently used entries of each kind stay.

Every rubric with other words gets a dictionary of its own (about 17 MB: a trie, its frequencies
and a double-array copy), and every rubric file a parsed copy. A team that edits its rubric
week after week, or a test suite that writes hundreds, would otherwise fill the folder for
good. An entry is ``PREFIX-KEY.*``; writing a new one removes all but the newest ``keep``, and
reading one refreshes its time once a day, so the entries in use are the ones that stay.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

_DAY = 24 * 3600


def prune(folder: Path, prefix: str, keep: int, current: str) -> None:
    """Remove every ``prefix-KEY.*`` entry but ``current`` and the ``keep - 1`` newest others."""
    newest: dict[str, float] = {}
    paths: dict[str, list[str]] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    lead = prefix + "-"
    for entry in entries:
        if not entry.name.startswith(lead):
            continue  # temp files start with a dot and are never touched here
        key = entry.name[len(lead) :].split(".", 1)[0]
        try:
            mtime = entry.stat().st_mtime
        except OSError:
            continue
        newest[key] = max(newest.get(key, 0.0), mtime)
        paths.setdefault(key, []).append(entry.path)
    others = sorted((k for k in newest if k != current), key=newest.__getitem__, reverse=True)
    for key in others[max(keep - 1, 0) :]:
        for path in paths[key]:
            # A process that opened it keeps its copy (read in full, or mapped); one about to
            # open it finds it gone and builds it again.
            with contextlib.suppress(OSError):
                os.unlink(path)


def touch(path: Path) -> None:
    """Mark an entry as used, at most once a day (a write per cold start would cost more)."""
    with contextlib.suppress(OSError):
        if time.time() - path.stat().st_mtime > _DAY:
            os.utime(path)
