"""Read CRM exports (CSV, TSV, XLSX, JSONL) row by row into visit records.

Columns are found by their usual Chinese or English headers (拜访描述 / 跟进内容 /
note; 销售 / 负责人 / rep; 客户 / customer; 拜访日期 / date; 客户分类 / class)
or named by the user. The header row is the one of the first ten rows that
names the most known columns, so merged title rows above the headers are skipped.
Rows stream: nothing holds the whole export. A row that cannot be judged
(empty note, unparseable date, broken line) becomes a ``RowError`` with its
file and row number, and the rest goes on.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import rxcache

TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm", ".jsonl", ".ndjson")
HEADER_SCAN_ROWS = 10

COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("拜访描述", "拜访记录", "拜访内容", "跟进内容", "跟进记录", "沟通内容", "内容", "描述", "备注内容",
             "note", "notes", "text", "content", "description"),
    "rep": ("销售", "销售员", "负责人", "跟进人", "员工", "业务员", "拜访人", "所属销售", "rep", "owner",
            "sales", "salesperson", "employee"),
    "customer": ("客户", "客户名称", "客户名", "公司名称", "公司", "customer", "account", "company", "client"),
    "date": ("拜访日期", "拜访时间", "跟进时间", "跟进日期", "日期", "时间", "创建时间", "date", "time",
             "visit date", "created"),
    "class": ("客户分类", "客户等级", "客户级别", "分类", "等级", "class", "level", "grade"),
}  # fmt: skip


@dataclass(frozen=True)
class Record:
    source: str  # file:row
    file: str
    row: int  # 1-based line / row number in the file
    text: str
    rep: str = ""
    customer: str = ""
    date: dt.date | None = None
    cls: str = ""


@dataclass(frozen=True)
class RowError:
    file: str
    row: int | None
    message: str

    @property
    def source(self) -> str:
        return f"{self.file}:{self.row}" if self.row else self.file

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class ColumnNames:
    """Column names the user gave (``--text-column`` …); empty means: find by header."""

    text: str = ""
    rep: str = ""
    customer: str = ""
    date: str = ""
    cls: str = ""
    sheet: str = ""
    encoding: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _norm_header(h: object) -> str:
    return re.sub(r"[\s:：*（）()]", "", str(h or "")).lower()


def _find_columns(header: list[object], names: ColumnNames) -> dict[str, int]:
    normed = [_norm_header(h) for h in header]
    found: dict[str, int] = {}
    for key in ("text", "rep", "customer", "date", "class"):
        wanted = getattr(names, "cls" if key == "class" else key)
        if wanted:
            w = _norm_header(wanted)
            if w in normed:
                found[key] = normed.index(w)
            continue
        for alias in COLUMN_ALIASES[key]:
            a = _norm_header(alias)
            if a in normed and normed.index(a) not in found.values():
                found[key] = normed.index(a)
                break
    return found


def _missing_text_column(header: list[object], names: ColumnNames) -> str:
    shown = ", ".join(str(h) for h in header if str(h or "").strip()) or "none"
    if names.text:
        return f"no column named '{names.text}' (columns: {shown})"
    return f"no note column (拜访描述/拜访记录/跟进内容/内容/note/text; or --text-column) among: {shown}"


# -- dates ------------------------------------------------------------------------------

_DATE_PATTERNS = (
    rxcache.compile(
        r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:\.\d+)?)?$"
    ),
    rxcache.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_date(value: object) -> dt.date | None:
    """2026-11-26, 2026/11/26 14:30, 2026年11月26日, 20261126, an Excel serial, or a datetime; else ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20000 < value < 80000:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise ValueError(f"not a date: {value!r}")
    s = str(value).strip()
    if not s:
        return None
    if re.fullmatch(r"\d{5}(?:\.\d+)?", s):
        return parse_date(float(s))
    for rx in _DATE_PATTERNS:
        m = rx.match(s)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            try:
                return dt.date(y, mo, d)
            except ValueError:
                break
    raise ValueError(f"not a date: {s!r}")


# -- readers ------------------------------------------------------------------------------


def _records(
    path: Path, rows: Iterator[tuple[int, list[object]]], names: ColumnNames
) -> Iterator[Record | RowError]:
    file = str(path)
    failure: list[TableError] = []
    rows = _until_error(rows, failure)
    # The header is the row of the first ten that names the most known columns (a note column
    # among them): a merged title row, or a 拜访信息 / 内容 group row above the headers, loses.
    head: list[tuple[int, list[object]]] = []
    for lineno, row in rows:
        head.append((lineno, row))
        if len(head) >= HEADER_SCAN_ROWS:
            break
    best: tuple[int, int, dict[str, int]] | None = None
    for i, (_, row) in enumerate(head):
        cols = _find_columns(row, names)
        if "text" in cols and (best is None or len(cols) > len(best[2])):
            best = (i, len(cols), cols)
    if best is None:
        if failure:
            raise failure[0]
        yield RowError(file, None, _missing_text_column(head[0][1] if head else [], names))
        return
    start, _, cols = best
    for lineno, row in head[start + 1 :]:
        if any(str(c or "").strip() for c in row):
            yield _record(file, lineno, row, cols)
    for lineno, row in rows:
        if any(str(c or "").strip() for c in row):
            yield _record(file, lineno, row, cols)
    if failure:
        raise failure[0]


def _until_error(rows, failure: list) -> Iterator[tuple[int, list[object]]]:
    """The rows up to a broken one; the error is kept for after the good rows are out."""
    try:
        yield from rows
    except TableError as e:
        failure.append(e)


def _cell(row: list[object], idx: int | None) -> object:
    if idx is None or idx >= len(row):
        return None
    return row[idx]


def _record(file: str, lineno: int, row: list[object], cols: dict[str, int]) -> Record | RowError:
    text = _cell(row, cols.get("text"))
    text = "" if text is None else str(text)
    if not text.strip():
        return RowError(file, lineno, "empty note")
    try:
        date = parse_date(_cell(row, cols.get("date")))
    except ValueError as e:
        return RowError(file, lineno, f"date: {e}")

    def s(key: str) -> str:
        v = _cell(row, cols.get(key))
        return "" if v is None else str(v).strip()

    return Record(f"{file}:{lineno}", file, lineno, text, s("rep"), s("customer"), date, s("class"))


def detect_encoding(path: Path, given: str | None = None) -> str:
    """The encoding of a text export, read in chunks so a large file never sits in memory whole."""
    import codecs

    if given:
        try:
            codecs.lookup(given)
        except LookupError:
            raise ValueError(f"unknown encoding '{given}'") from None
        return given
    with path.open("rb") as fh:
        head = fh.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf-16"
        fh.seek(0)
        for enc in ("utf-8-sig", "gb18030"):
            decoder = codecs.getincrementaldecoder(enc)()
            fh.seek(0)
            try:
                while chunk := fh.read(1 << 20):
                    if b"\x00" in chunk:
                        raise ValueError("binary file, not text")
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
                return enc
            except UnicodeDecodeError:
                continue
    raise ValueError("not text in UTF-8 or GBK/GB18030 (use --encoding)")


def _csv_rows(
    path: Path, names: ColumnNames, delimiter: str | None
) -> Iterator[tuple[int, list[object]]]:
    encoding = detect_encoding(path, names.encoding or None)
    with path.open(encoding=encoding, newline="") as fh:
        if delimiter is None:
            first = fh.readline()
            fh.seek(0)
            delimiter = "\t" if first.count("\t") > first.count(",") else ","
        reader = csv.reader(fh, delimiter=delimiter, strict=True)
        while True:
            start = reader.line_num + 1  # a quoted cell may span lines: a row is where it starts
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                raise TableError(
                    f"broken CSV line ({e}); the rest of the file is not read", start
                ) from None
            except UnicodeDecodeError as e:
                raise TableError(f"not valid {encoding} ({e.reason})", start) from None
            yield start, row


def _xlsx_rows(path: Path, names: ColumnNames) -> Iterator[tuple[int, list[object]]]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - declared dependency
        raise TableError("reading .xlsx needs openpyxl") from None
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:
        reason = (
            "password-protected or encrypted"
            if _is_ole(path)
            else f"not a readable .xlsx ({type(e).__name__})"
        )
        raise TableError(reason) from None
    try:
        if names.sheet:
            if names.sheet not in wb.sheetnames:
                raise TableError(f"no sheet '{names.sheet}' (sheets: {', '.join(wb.sheetnames)})")
            ws = wb[names.sheet]
        else:
            ws = wb.worksheets[0]
        for i, row in enumerate(ws.iter_rows(values_only=True), 1):
            yield i, list(row)
    finally:
        wb.close()


def _is_ole(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    except OSError:
        return False


def iter_json_lines(path: Path, encoding: str) -> Iterator[tuple[int, dict | None, str]]:
    """Each non-blank line of a JSONL file: (line number, object, "") or (line number, None, reason)."""
    with path.open(encoding=encoding, newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield lineno, None, f"broken JSON line ({e.msg})"
                continue
            if not isinstance(obj, dict):
                yield lineno, None, "a line must be a JSON object"
                continue
            yield lineno, obj, ""


def _jsonl_records(path: Path, names: ColumnNames) -> Iterator[Record | RowError]:
    file = str(path)
    for lineno, obj, problem in iter_json_lines(
        path, detect_encoding(path, names.encoding or None)
    ):
        if obj is None:
            yield RowError(file, lineno, problem)
            continue
        keys = list(obj)
        cols = _find_columns(keys, names)
        if "text" not in cols:
            yield RowError(file, lineno, _missing_text_column(keys, names))
            continue
        yield _record(file, lineno, [obj[k] for k in keys], cols)


class TableError(Exception):
    """A file that cannot be read on (broken CSV quoting, corrupt XLSX), at ``row`` if known."""

    def __init__(self, message: str, row: int | None = None) -> None:
        super().__init__(message)
        self.row = row


def read_table(path: Path, names: ColumnNames) -> Iterator[Record | RowError]:
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            yield from _jsonl_records(path, names)
        elif suffix in (".xlsx", ".xlsm"):
            yield from _records(path, _xlsx_rows(path, names), names)
        else:
            yield from _records(
                path, _csv_rows(path, names, "\t" if suffix == ".tsv" else None), names
            )
    except TableError as e:
        yield RowError(str(path), e.row, str(e))
    except ValueError as e:  # undecodable bytes
        yield RowError(str(path), None, str(e))
    except OSError as e:
        yield RowError(str(path), None, e.strerror or str(e))
