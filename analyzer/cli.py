"""The ``visit-analyzer`` command line: analyze, rubrics, eval.

Exit codes: 0 done; 1 below the bar (``eval --min-accuracy``); 2 usage, rubric,
template or input error, always as one line on stderr, never a traceback.
A bad file in a batch is reported and the rest is still analysed (exit 2 at
the end). Heavy imports (jieba) happen only when a note is analysed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .output import AtomicOutput, OutputError

FORMATS = ("text", "json", "jsonl", "markdown", "html")


class Failure(click.ClickException):
    """A one-line error that ends the command with exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"visit-analyzer: {self.message}", err=True)


def _load_rubric(ref: str):
    from .rubric import RubricError, load_rubric

    try:
        return load_rubric(ref)
    except RubricError as e:
        raise Failure(str(e)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="visit-analyzer")
def cli() -> None:
    """Judge Chinese sales visit notes (拜访记录) against a rubric and say what to write next time."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")  # fmt: skip
@click.option(
    "-r",
    "--rubric",
    default="default",
    show_default=True,
    help="Bundled rubric name or a .yaml path.",
)
@click.option(
    "--template", type=click.Path(dir_okay=False), help="Render with your own Jinja2 template."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write to FILE (atomically) instead of stdout.",
)
@click.option("--encoding", help="Encoding of the input files (default: detect UTF-8 / GBK).")
@click.option("--max-chars", type=click.IntRange(min=1), default=20_000, show_default=True,
              help="Judge only the first N characters of a longer note.")  # fmt: skip
def analyze(paths, fmt, rubric, template, output, encoding, max_chars) -> None:
    """Analyse notes: PATHS are files, folders of *.txt/*.md, or - for stdin (the default)."""
    from .judge import analyze_text
    from .reading import InputError, UsageError, read_notes
    from .render import (
        TemplateError,
        bundled_template,
        json_dump,
        render_template,
        render_text,
        template_context,
    )

    rub = _load_rubric(rubric)
    if template and not Path(template).is_file():
        raise Failure(f"{template}: template not found")
    results = []
    errors = 0
    color = output is None and _colour_wanted()
    try:
        with AtomicOutput(output) as out:
            try:
                for item in read_notes(list(paths), encoding):
                    if isinstance(item, InputError):
                        errors += 1
                        click.echo(f"visit-analyzer: {item}", err=True)
                        continue
                    text = item.text
                    truncated = len(text) > max_chars
                    result = analyze_text(text[:max_chars], rub, source=item.source)
                    if truncated:
                        result.text = text
                        _add_truncation(result, max_chars, len(text))
                    if fmt == "jsonl" and not template:
                        out.write(json_dump(result.to_dict(), indent=None) + "\n")
                        out.flush()
                    elif fmt == "text" and not template:
                        if results:
                            out.write("\n")
                        out.write(render_text(result, color) + "\n")
                        out.flush()
                    results.append(result)
            except UsageError as e:
                raise Failure(str(e)) from None
            if template or fmt in ("markdown", "html"):
                path = Path(template) if template else bundled_template(fmt)
                try:
                    out.write(render_template(path, template_context(results, rub)))
                except TemplateError as e:
                    raise Failure(str(e)) from None
            elif fmt == "json":
                out.write(json_dump([r.to_dict() for r in results]) + "\n")
            elif fmt == "text" and len(results) > 1:
                mean = sum(r.score for r in results) / len(results)
                passed = sum(r.passed for r in results)
                out.write(f"\n共 {len(results)} 篇，平均 {mean:.0f} 分，{passed} 篇达标\n")
    except OutputError as e:
        raise Failure(str(e)) from None
    if errors:
        sys.exit(2)


def _add_truncation(result, max_chars: int, length: int) -> None:
    from .results import Finding

    result.findings.append(
        Finding(
            "truncated",
            "只评了前一部分",
            f"这篇有 {length} 字，超过 {max_chars} 字，只评了前 {max_chars} 字。",
            "warning",
        )
    )


def _colour_wanted() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@cli.command()
@click.option(
    "-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True
)
def rubrics(fmt) -> None:
    """List the bundled rubrics and their criteria."""
    from .render import json_dump
    from .rubric import RubricError, bundled_rubrics, load_rubric

    listing = []
    for path in bundled_rubrics():
        try:
            r = load_rubric(path)
        except RubricError as e:
            raise Failure(str(e)) from None
        listing.append(r)
    if fmt == "json":
        click.echo(
            json_dump(
                [
                    {
                        "name": r.name,
                        "title": r.title,
                        "pass_score": r.pass_score,
                        "criteria": [
                            {"id": c.id, "title": c.title, "weight": c.weight, "level": c.level}
                            for c in r.criteria
                        ],
                        "findings": [f.id for f in r.findings],
                    }
                    for r in listing
                ]
            )
        )
        return
    for r in listing:
        click.echo(f"{r.name}  {r.title}  (达标线 {r.pass_score:g})")
        for c in r.criteria:
            click.echo(f"  {c.id:<18} {c.weight:>4g}  {c.level:<8} {c.title}")
        for f in r.findings:
            click.echo(f"  {f.id:<18} {'':>4}  finding  {f.title}")


@cli.command(name="eval")
@click.argument("labelled", type=click.Path())
@click.option(
    "-r",
    "--rubric",
    default="default",
    show_default=True,
    help="Bundled rubric name or a .yaml path.",
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True
)
@click.option("--show-errors", is_flag=True, help="List every disagreement with its evidence.")
@click.option(
    "--min-accuracy", type=click.FloatRange(0, 1), help="Exit 1 when any criterion is below X."
)
def eval_cmd(labelled, rubric, fmt, show_errors, min_accuracy) -> None:
    """Measure a rubric on labelled notes (JSONL like samples/labelled.jsonl, or CSV)."""
    from .evaluate import LabelError, evaluate, read_labelled, render_table
    from .render import json_dump

    path = Path(labelled)
    if not path.is_file():
        raise Failure(f"{labelled}: no such file")
    rub = _load_rubric(rubric)
    try:
        ev = evaluate(read_labelled(path), rub)
    except LabelError as e:
        raise Failure(str(e)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise Failure(f"{labelled}: cannot read: {e}") from None
    if ev.notes == 0:
        raise Failure(f"{labelled}: no labelled notes")
    if fmt == "json":
        d = ev.to_dict()
        if not show_errors:
            d.pop("errors")
        click.echo(json_dump(d))
    else:
        click.echo(render_table(ev, show_errors))
    if min_accuracy is not None:
        low = [c for c in ev.criteria if c.total and c.accuracy < min_accuracy]
        if low:
            names = ", ".join(f"{c.id} {c.accuracy:.3f}" for c in low)
            click.echo(f"visit-analyzer: below --min-accuracy {min_accuracy}: {names}", err=True)
            sys.exit(1)


def main(argv: list[str] | None = None) -> None:
    """Entry point: Click in non-standalone mode so every failure is one line and an exit code."""
    try:
        rv = cli.main(args=argv, prog_name="visit-analyzer", standalone_mode=False)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("visit-analyzer: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (| head -1): stop quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    sys.exit(rv if isinstance(rv, int) else 0)
