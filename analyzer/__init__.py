"""visit-analyzer: judge Chinese B2B sales visit notes against a YAML rubric.

Library use::

    from analyzer import analyze_text, load_rubric
    result = analyze_text("约了王总，他是第一KP。报价3.5万，他预算3万。")
    result.score, result.criterion("price_gap").status, result.to_dict()
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["NoteResult", "Rubric", "RubricError", "__version__", "analyze_text", "load_rubric"]


def __getattr__(name: str):
    # Lazy, so that `visit-analyzer --help` does not import the analysis stack.
    if name == "analyze_text":
        from .judge import analyze_text

        return analyze_text
    if name in ("load_rubric", "Rubric", "RubricError"):
        from . import rubric

        return getattr(rubric, name)
    if name == "NoteResult":
        from .results import NoteResult

        return NoteResult
    raise AttributeError(name)
