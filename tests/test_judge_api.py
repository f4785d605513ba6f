"""The library entry points: ``analyze_text`` and ``prepare``."""

import gc

from analyzer.judge import analyze_text, prepare
from analyzer.rubric import Rubric


def test_prepare_loads_and_freezes():
    before = gc.get_freeze_count()
    try:
        rubric = prepare("default")
        assert isinstance(rubric, Rubric) and rubric.name == "default"
        assert gc.get_freeze_count() > before  # the rubric's objects left the collector's scans
        # Judging after prepare is judging: the same result as without it.
        note = "见了王总本人，他是老板。下周三下午带技术去演示。"
        assert analyze_text(note, rubric).to_dict() == analyze_text(note, "default").to_dict()
    finally:
        gc.unfreeze()
