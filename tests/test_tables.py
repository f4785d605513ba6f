"""CRM exports: encodings, column finding, dates, broken rows; every row is scored or reported."""

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli
from analyzer.tables import ColumnNames, Record, RowError, parse_date, read_table

FIX = Path(__file__).parent / "fixtures"


def rows(name, **names):
    return list(read_table(FIX / name, ColumnNames(**names)))


@pytest.mark.parametrize("name", ["export-gbk.csv", "export-bom.csv", "export.tsv"])
def test_encodings_and_delimiters(name):
    got = rows(name)
    assert [type(r) for r in got] == [Record] * 3
    first = got[0]
    assert (first.rep, first.customer, first.date, first.cls) == (
        "张伟",
        "恒通机械",
        dt.date(2026, 11, 2),
        "A",
    )
    assert first.text.startswith("约了王总") and first.row == 2
    assert got[1].date == dt.date(2026, 11, 3) and got[2].date == dt.date(2026, 11, 4)


def test_xlsx_merged_header_and_excel_dates():
    got = rows("export-merged.xlsx")
    assert [r.row for r in got] == [4, 5, 6]
    assert [r.date for r in got] == [
        dt.date(2026, 11, 2),
        dt.date(2026, 11, 3),
        dt.date(2026, 11, 4),
    ]
    assert got[0].rep == "张伟" and got[1].customer == "鑫达物流"


def test_xlsx_sheet_option():
    got = rows("export-merged.xlsx", sheet="汇总")
    assert len(got) == 1 and got[0].rep == "王磊"
    err = rows("export-merged.xlsx", sheet="nope")
    assert isinstance(err[0], RowError) and "no sheet 'nope'" in err[0].message


def test_jsonl_broken_line_and_bad_date_are_reported_in_place():
    got = rows("export.jsonl")
    kinds = [(type(r).__name__, r.row) for r in got]
    assert kinds == [("Record", 1), ("RowError", 2), ("Record", 3), ("Record", 4), ("RowError", 5)]
    assert "broken JSON line" in got[1].message and "not a date" in got[4].message


def test_missing_columns():
    got = rows("export-missing-columns.csv")
    assert (
        isinstance(got[0], Record)
        and got[0].customer == "恒通机械"
        and got[0].rep == ""
        and got[0].date is None
    )
    assert isinstance(got[1], RowError) and got[1].message == "empty note" and got[1].row == 3
    no_text = rows("export-no-text.csv")
    assert (
        len(no_text) == 1
        and "no note column" in no_text[0].message
        and "客户, 日期" in no_text[0].message
    )


def test_named_columns():
    got = rows("export-no-text.csv", text="客户")
    assert isinstance(got[0], Record) and got[0].text == "恒通机械"


def test_broken_quote_keeps_good_rows():
    got = rows("export-broken-quote.csv")
    assert isinstance(got[0], Record) and isinstance(got[1], RowError)
    assert got[1].row == 3 and "broken CSV" in got[1].message


@pytest.mark.parametrize(
    ("name", "reason"),
    [("corrupt.xlsx", "not a readable .xlsx"), ("protected.xlsx", "password-protected")],
)
def test_unreadable_xlsx(name, reason):
    got = rows(name)
    assert len(got) == 1 and reason in got[0].message


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2026-11-26", dt.date(2026, 11, 26)),
        ("2026/11/26 14:30", dt.date(2026, 11, 26)),
        ("2026年11月26日", dt.date(2026, 11, 26)),
        ("20261126", dt.date(2026, 11, 26)),
        (46352, dt.date(2026, 11, 26)),
        ("46352", dt.date(2026, 11, 26)),
        (dt.datetime(2026, 11, 26, 9, 0), dt.date(2026, 11, 26)),
        ("", None),
    ],
)
def test_dates(value, date):
    assert parse_date(value) == date


@pytest.mark.parametrize("value", ["next tuesday", "2026-13-40", "11/26"])
def test_bad_dates(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_analyze_reads_tables_row_by_row():
    r = CliRunner().invoke(cli, ["analyze", str(FIX / "export-gbk.csv"), "--format", "json"])
    data = json.loads(r.stdout)
    assert [d["source"].rsplit(":", 1)[1] for d in data] == ["2", "3", "4"]
    assert data[0]["facts"]["our_price"] == 35000
