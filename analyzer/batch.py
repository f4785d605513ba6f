"""Score a stream of records, in one process or N, with results in input order.

Workers are started with the rubric already loaded (forked where the platform
allows, so jieba's dictionary is shared, not loaded N times) and send back a
``NoteSummary`` per note: small, so memory stays flat however long the export.
Row errors pass through in their place.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import sys
from collections.abc import Iterable, Iterator

from .aggregate import NoteSummary
from .judge import analyze_text, prepare
from .tables import Record, RowError

_RUBRIC = None
_MAX_CHARS = 20_000
CHUNK = 32


def _init(rubric, max_chars: int, worker: bool = False) -> None:
    global _RUBRIC, _MAX_CHARS
    if worker:
        # Ctrl-C is the parent's to handle; a worker that dies of it would print a traceback.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if isinstance(rubric, str):
        from .rubric import load_rubric

        rubric = prepare(load_rubric(rubric))
    _RUBRIC = rubric
    _MAX_CHARS = max_chars


def _score(item: Record | RowError) -> NoteSummary | RowError:
    if isinstance(item, RowError):
        return item
    result = analyze_text(item.text, _RUBRIC, source=item.source, max_chars=_MAX_CHARS)
    return NoteSummary.of(result, item.rep, item.customer, item.date, item.cls)


def score_stream(
    items: Iterable[Record | RowError], rubric, jobs: int = 1, max_chars: int = 20_000
) -> Iterator[NoteSummary | RowError]:
    # Load jieba once, before forking, so workers share it.
    prepare(rubric)
    if jobs <= 1:
        _init(rubric, max_chars)
        for item in items:
            yield _score(item)
        return
    methods = mp.get_all_start_methods()
    if "fork" in methods and sys.platform != "darwin":
        ctx = mp.get_context("fork")
        init_args = (rubric, max_chars, True)
    else:  # pragma: no cover - spawn platforms reload the rubric by path
        ctx = mp.get_context("spawn")
        init_args = (rubric.path, max_chars, True)
    with ctx.Pool(jobs, initializer=_init, initargs=init_args) as pool:
        yield from pool.imap(_score, items, chunksize=CHUNK)
