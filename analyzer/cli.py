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
from .output import AtomicOutput, OutputError, ReaderGone

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


rubric_option = click.option(
    "-r",
    "--rubric",
    default="default",
    show_default=True,
    help="Bundled rubric name or a .yaml path.",
)


def table_options(f):
    """Options for reading CRM exports, shared by analyze and report."""
    for opt in reversed(
        [
            click.option(
                "--encoding", help="Encoding of the inputs (default: detect UTF-8, UTF-8 BOM, GBK)."
            ),
            click.option("--sheet", help="XLSX sheet to read (default: the first)."),
            click.option(
                "--text-column", help="Column holding the note (default: 拜访描述/跟进内容/note …)."
            ),
            click.option(
                "--rep-column", help="Column holding the rep (default: 销售/负责人/rep …)."
            ),
            click.option(
                "--customer-column", help="Column holding the customer (default: 客户/客户名称 …)."
            ),
            click.option(
                "--date-column", help="Column holding the visit date (default: 拜访日期/日期 …)."
            ),
        ]
    ):
        f = opt(f)
    return f


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")  # fmt: skip
@rubric_option
@click.option(
    "--template", type=click.Path(dir_okay=False), help="Render with your own Jinja2 template."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write to FILE (atomically) instead of stdout.",
)
@table_options
@click.option("--max-chars", type=click.IntRange(min=1), default=20_000, show_default=True,
              help="Judge only the first N characters of a longer note.")  # fmt: skip
def analyze(paths, fmt, rubric, template, output, max_chars, **table) -> None:
    """Analyse notes: PATHS are note files, tables (CSV/TSV/XLSX/JSONL, a note per row),
    folders of them, or - for stdin (the default)."""
    from .judge import analyze_text, prepare
    from .reading import UsageError, read_inputs
    from .render import (
        TemplateError,
        bundled_template,
        json_dump,
        render_template,
        render_text,
        template_context,
    )
    from .tables import RowError

    rub = _load_rubric(rubric)
    if template and not Path(template).is_file():
        raise Failure(f"{template}: template not found")
    results = []
    errors = 0
    color = output is None and _colour_wanted()
    prepare(rub)
    try:
        with AtomicOutput(output) as out:
            try:
                for item in read_inputs(list(paths), _names(**table)):
                    if isinstance(item, RowError):
                        errors += 1
                        click.echo(f"visit-analyzer: {item}", err=True)
                        continue
                    result = analyze_text(item.text, rub, source=item.source, max_chars=max_chars)
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


def _names(
    encoding=None,
    sheet=None,
    text_column=None,
    rep_column=None,
    customer_column=None,
    date_column=None,
):
    from .tables import ColumnNames

    return ColumnNames(
        text=text_column or "",
        rep=rep_column or "",
        customer=customer_column or "",
        date=date_column or "",
        sheet=sheet or "",
        encoding=encoding or "",
    )


def _colour_wanted() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@cli.command()
@click.argument("exports", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the report to FILE (default: stdout).",
)
@click.option("-f", "--format", "fmt", type=click.Choice(("html", "markdown", "json")), default=None,
              help="Report format (default: from the -o suffix, else html).")  # fmt: skip
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False),
    help="Also write one row per note to a CSV for Excel.",
)
@rubric_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Score on N processes.",
)
@click.option("--sleep-days", type=click.IntRange(min=1), default=14, show_default=True,
              help="A customer not visited for N days is sleeping.")  # fmt: skip
@click.option("--as-of", help="Date the report is as of (default: the latest visit in the export).")
@click.option("--max-chars", type=click.IntRange(min=1), default=20_000, show_default=True)
@table_options
def report(
    exports, output, fmt, csv_path, rubric, jobs, sleep_days, as_of, max_chars, **table
) -> None:
    """Batch-score CRM exports (CSV, TSV, XLSX, JSONL, folders) into a manager's team report."""
    from .aggregate import TeamAggregate
    from .batch import score_stream
    from .csvout import ScoreCsv
    from .reading import UsageError, read_inputs
    from .render import TemplateError, json_dump, package_dir, render_template
    from .tables import RowError, parse_date

    if fmt is None:
        suffix = Path(output).suffix.lower() if output else ""
        fmt = {".md": "markdown", ".json": "json"}.get(suffix, "html")
    as_of_date = None
    if as_of:
        try:
            as_of_date = parse_date(as_of)
        except ValueError as e:
            raise Failure(f"--as-of: {e}") from None
    rub = _load_rubric(rubric)
    agg = TeamAggregate(rub)
    progress = _Progress()
    try:
        with AtomicOutput(output) as out, AtomicOutput(csv_path, discard=not csv_path) as csv_out:
            scores = (
                ScoreCsv(csv_out, [c.id for c in rub.criteria], list(rub.facts))
                if csv_path
                else None
            )
            try:
                items = read_inputs(list(exports), _names(**table))
                for item in score_stream(items, rub, jobs, max_chars):
                    if isinstance(item, RowError):
                        agg.add_error(item.source, item.message)
                        if scores:
                            scores.error(item.source, item.message)
                        continue
                    agg.add(item)
                    if scores:
                        scores.note(item)
                    progress.tick()
            except UsageError as e:
                raise Failure(str(e)) from None
            finally:
                progress.done()
            if agg.notes == 0:
                first = agg.errors[0] if agg.errors else ("", "no rows")
                raise Failure(f"nothing to report: {first[0]}: {first[1]}")
            # A page lists the 300 most urgent customers; JSON (and --csv) have them all.
            view = agg.finish(as_of_date, sleep_days, None if fmt == "json" else 300)
            if fmt == "json":
                out.write(json_dump(view) + "\n")
            else:
                name = "team.html.j2" if fmt == "html" else "team.md.j2"
                try:
                    out.write(render_template(package_dir("templates") / name, view))
                except TemplateError as e:
                    raise Failure(str(e)) from None
    except OutputError as e:
        raise Failure(str(e)) from None
    if agg.errors:
        click.echo(
            f"visit-analyzer: {len(agg.errors)} of {agg.notes + len(agg.errors)} rows could not be judged "
            f"(listed in the report), e.g. {agg.errors[0][0]}: {agg.errors[0][1]}",
            err=True,
        )


CHECK_FORMATS = ("text", "github", "junit", "sarif", "json")


def _config(path: str | None):
    from .config import ConfigError, load_config

    try:
        return load_config(path)
    except ConfigError as e:
        raise Failure(str(e)) from None


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(CHECK_FORMATS), default=None,
              help="Output format (default: text; github when GITHUB_ACTIONS=true).")  # fmt: skip
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    help="Fail a note scoring below N (default: config, else the rubric's pass score).",
)
@click.option("--min-level", type=click.Choice(("info", "warning", "error")), default="warning", show_default=True,
              help="Show findings at this level and above.")  # fmt: skip
@click.option("--strict", is_flag=True, help="Warnings fail notes too.")
@click.option("--exit-zero", is_flag=True, help="Report, but exit 0 even when notes fail.")
@click.option(
    "-r", "--rubric", default=None, help="Rubric name or path (default: config, else default)."
)
@click.option(
    "-c", "--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout."
)
@click.option("--max-chars", type=click.IntRange(min=1), default=20_000, show_default=True)
@table_options
def check(
    paths,
    fmt,
    fail_under,
    min_level,
    strict,
    exit_zero,
    rubric,
    config_path,
    output,
    max_chars,
    **table,
) -> None:
    """Gate notes in CI: exit 1 when a note fails, with findings pointing at file:line:col."""
    from . import checkformat
    from .check import verdict
    from .config import ConfigError, user_words
    from .judge import analyze_text, prepare
    from .reading import UsageError, read_inputs
    from .tables import TABLE_SUFFIXES, RowError

    cfg = _config(config_path)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    rubric_ref = rubric or cfg.get("rubric")
    if not rubric and cfg.file and ("/" in rubric_ref or rubric_ref.endswith((".yaml", ".yml"))):
        rubric_ref = str(cfg.base / rubric_ref)  # a rubric path in the config is relative to it
    rub = _load_rubric(rubric_ref)
    try:
        rub.add_words(user_words(cfg))
    except ConfigError as e:
        raise Failure(str(e)) from None
    unknown = [cid for cid in cfg.get("require") if cid not in {c.id for c in rub.criteria}]
    if unknown:
        raise Failure(
            f"{cfg.settings['require'].source}: require.{unknown[0]}: not a criterion of rubric '{rub.name}'"
        )
    bar = fail_under if fail_under is not None else cfg.get("fail-under")
    bar = rub.pass_score if bar is None else bar
    columns = {
        **cfg.get("columns"),
        **{k.replace("_column", ""): v for k, v in table.items() if v and k.endswith("_column")},
    }
    names = _names(
        encoding=table.get("encoding") or columns.get("encoding"),
        sheet=table.get("sheet") or columns.get("sheet"),
        text_column=columns.get("text"),
        rep_column=columns.get("rep"),
        customer_column=columns.get("customer"),
        date_column=columns.get("date"),
    )
    if not paths:
        paths = (".",) if cfg.file else ("-",)
    verdicts = []
    errors = []
    prepare(rub)
    try:
        for item in read_inputs(list(paths), names, cfg.get("include"), cfg.get("exclude")):
            if isinstance(item, RowError):
                errors.append(item)
                click.echo(f"visit-analyzer: {item}", err=True)
                continue
            result = analyze_text(item.text, rub, source=item.source, max_chars=max_chars)
            in_table = Path(item.file).suffix.lower() in TABLE_SUFFIXES
            verdicts.append(
                verdict(result, rub, item.file, item.row, in_table, bar, cfg.get("require"), strict)
            )
    except UsageError as e:
        raise Failure(str(e)) from None
    if fmt == "text":
        body = checkformat.text(verdicts, min_level)
    elif fmt == "github":
        body = checkformat.github(verdicts, min_level)
    elif fmt == "junit":
        body = checkformat.junit(verdicts, min_level, strict)
    elif fmt == "sarif":
        body = checkformat.sarif(verdicts, rub, min_level)
    else:
        body = checkformat.as_json(verdicts)
    try:
        with AtomicOutput(output) as out:
            out.write(body)
    except OutputError as e:
        raise Failure(str(e)) from None
    if errors:
        sys.exit(2)
    if any(v.failed for v in verdicts) and not exit_zero:
        sys.exit(1)


@cli.command(name="config")
@click.option(
    "-c", "--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file."
)
def config_cmd(config_path) -> None:
    """Print the configuration in effect and where each value came from."""
    import json as _json

    cfg = _config(config_path)
    click.echo(f"# config file: {cfg.file or 'none found (defaults)'}")
    for key, setting in cfg.settings.items():
        value = _json.dumps(setting.value, ensure_ascii=False)
        click.echo(f"{key}: {value}  # {setting.source}")


class _Progress:
    """A counter on stderr for long runs, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.n = 0
        self.on = sys.stderr.isatty()

    def tick(self) -> None:
        self.n += 1
        if self.on and self.n % 50 == 0:
            sys.stderr.write(f"\r已评 {self.n} 篇…")
            sys.stderr.flush()

    def done(self) -> None:
        if self.on and self.n >= 50:
            sys.stderr.write(f"\r已评 {self.n} 篇。 \n")


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
@rubric_option
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
    from .judge import prepare
    from .render import json_dump

    path = Path(labelled)
    if not path.is_file():
        raise Failure(f"{labelled}: no such file")
    rub = prepare(_load_rubric(rubric))
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
    except (BrokenPipeError, ReaderGone):
        _quiet_stdout()  # the reader went away (| head -1): stop quietly
        sys.exit(0)
    except OSError as e:
        # Writing the report failed (a full disk, /dev/full): say so, and leave nothing half-written.
        _quiet_stdout()
        click.echo(f"visit-analyzer: cannot write output: {e.strerror or e}", err=True)
        sys.exit(2)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except OSError as e:
        _quiet_stdout()
        click.echo(f"visit-analyzer: cannot write output: {e.strerror or e}", err=True)
        sys.exit(2)
    sys.exit(rv if isinstance(rv, int) else 0)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so Python's own flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
