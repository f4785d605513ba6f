"""Render results: the rep's text report, the JSON / JSONL contract, and Jinja2 templates.

``text`` is the feedback a rep reads (Chinese, coloured on a terminal only);
``json`` / ``jsonl`` are the machine contract of ``NoteResult.to_dict()``;
``markdown`` / ``html`` render the bundled templates and ``--template`` a
user's own, all in Jinja2's sandbox (a template cannot reach Python
internals or the file system) with HTML autoescaped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from .results import NoteResult
from .rubric import Rubric, package_dir

STATUS_ZH = {"met": "达成", "partial": "部分", "missing": "缺失"}
STATUS_MARK = {"met": "✔", "partial": "◐", "missing": "✘"}
STATUS_COLOUR = {"met": "green", "partial": "yellow", "missing": "red"}
FACT_ZH = {
    "kp_met": "见到第一KP",
    "our_price": "我方报价",
    "customer_price": "客户价位",
    "price_gap": "价格差距",
    "need": "需求",
    "next_step_when": "下一步时间",
}
VALUE_ZH = {"yes": "是", "no": "否", "unknown": "未知"}


class TemplateError(Exception):
    """A template that cannot be loaded or rendered; ``str()`` is the one-line message."""


def fact_text(name: str, value: Any) -> str:
    label = FACT_ZH.get(name, name)
    if value is None:
        shown = "—"
    elif isinstance(value, str):
        shown = VALUE_ZH.get(value, value)
    else:
        shown = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{label} {shown}"


def render_text(result: NoteResult, color: bool) -> str:
    def style(s: str, **kw: Any) -> str:
        return click.style(s, **kw) if color else s

    verdict = (
        style("达标", fg="green", bold=True)
        if result.passed
        else style("未达标", fg="red", bold=True)
    )
    lines = [
        f"{style(result.source, bold=True)}  得分 {style(str(result.score), bold=True)}/100  {verdict}"
    ]
    for c in result.criteria:
        mark = style(STATUS_MARK[c.status], fg=STATUS_COLOUR[c.status])
        status = style(STATUS_ZH[c.status], fg=STATUS_COLOUR[c.status])
        lines.append(f"  {mark} {c.title}  {status}  {c.message}")
        if c.evidence:
            quoted = "  ".join(f"“{e.text}”" for e in c.evidence)
            lines.append(f"      依据：{quoted}")
        if c.suggestion:
            lines.append(f"      {style('下次这样写：', bold=True)}{c.suggestion}")
    facts = " · ".join(fact_text(k, v) for k, v in result.facts.items())
    if facts:
        lines.append(f"  {style('要点', dim=True)}：{facts}")
    for f in result.findings:
        lines.append(f"  {style('⚠ ' + f.title, fg='yellow')}：{f.message}")
    return "\n".join(lines)


def json_dump(obj: Any, indent: int | None = 2) -> str:
    """JSON with Chinese as it is; a lone surrogate (from a library caller) becomes a \\uXXXX escape."""
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def template_context(results: Iterable[NoteResult], rubric: Rubric) -> dict[str, Any]:
    notes = []
    for r in results:
        d = r.to_dict()
        d["text"] = r.text
        notes.append(d)
    return {
        "notes": notes,
        "rubric": {
            "name": rubric.name,
            "title": rubric.title,
            "pass_score": rubric.pass_score,
            "criteria": [
                {"id": c.id, "title": c.title, "weight": c.weight} for c in rubric.criteria
            ],
        },
        "status_zh": STATUS_ZH,
        "fact_zh": FACT_ZH,
        "value_zh": VALUE_ZH,
    }


def _environment(folder: Path, autoescape: bool):
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(str(folder)),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def render_template(path: Path, context: dict[str, Any]) -> str:
    """Render a template file in the sandbox; HTML-like names are autoescaped."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateSyntaxError
    from jinja2.sandbox import SecurityError

    name = path.name
    autoescape = any(part in (".html", ".htm", ".xml", ".svg") for part in path.suffixes)
    env = _environment(path.parent, autoescape)
    try:
        template = env.get_template(name)
        return template.render(**context)
    except TemplateSyntaxError as e:
        raise TemplateError(f"{path}:{e.lineno}: template syntax error: {e.message}") from None
    except SecurityError as e:
        raise TemplateError(f"{path}: template not allowed: {e}") from None
    except JinjaError as e:
        raise TemplateError(f"{path}: template error: {e.message or e}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise TemplateError(f"{path}: cannot read template: {e}") from None
    except Exception as e:  # a template calling a filter wrongly raises plain Python errors
        raise TemplateError(f"{path}: template failed: {type(e).__name__}: {e}") from None


def bundled_template(fmt: str) -> Path:
    return package_dir("templates") / {"markdown": "report.md.j2", "html": "report.html.j2"}[fmt]
