"""Reading the tables people export: each encoding and dialect, workbooks, and kinds inferred."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from data_tables import HEADER, csv_text, expected_spend, survey_rows, write

from personamap.data.columns import ColumnKind
from personamap.data.read import read_table

EXPECTED_KINDS = {
    "Respondent ID": ColumnKind.IDENTIFIER,
    "E-mail": ColumnKind.IDENTIFIER,
    "Âge": ColumnKind.NUMERIC,
    "Plan": ColumnKind.CATEGORICAL,
    "Channels": ColumnKind.MULTI_SELECT,
    "Signed up": ColumnKind.DATE,
    "Comment": ColumnKind.TEXT,
    "Monthly spend": ColumnKind.NUMERIC,
    "City": ColumnKind.CATEGORICAL,
}


@pytest.mark.parametrize(
    ("encoding", "delimiter", "decimal_comma", "shown"),
    [
        ("utf-8", ",", False, "utf-8"),  # Google Sheets
        ("utf-8-sig", ",", False, "utf-8 with BOM"),  # Excel "CSV UTF-8"
        ("utf-8-sig", ";", True, "utf-8 with BOM"),  # Excel in a decimal-comma locale
        ("cp1252", ";", True, "cp1252"),  # Excel "CSV (semicolon)" on Windows, Western Europe
        ("cp1252", ",", False, "cp1252"),  # a CRM export on Windows
        ("utf-16", "\t", False, "utf-16"),  # Excel "Unicode text"
        ("utf-16", "\t", True, "utf-16"),
        ("utf-16-le", "\t", False, "utf-16-le"),  # the same without a BOM
        ("utf-8", "\t", False, "utf-8"),  # SurveyMonkey/TSV
        ("utf-16-be", "\t", False, "utf-16-be"),  # big-endian, no BOM
        ("utf-8", "|", False, "utf-8"),
    ],
)
def test_each_encoding_and_dialect_reads_the_same_table(
    tmp_path: Path, encoding: str, delimiter: str, decimal_comma: bool, shown: str
) -> None:
    rows = survey_rows()
    path = write(tmp_path / "survey.csv", csv_text(rows, delimiter, decimal_comma=decimal_comma), encoding)
    table = read_table(path)
    assert table.rows == len(rows)
    assert [c.name for c in table.columns] == HEADER
    assert {c.name: c.kind for c in table.columns} == EXPECTED_KINDS
    assert table.column("Monthly spend").values == pytest.approx(expected_spend(rows))
    assert table.column("City").values[:2] == ["München", "Zürich"]
    assert table.column("Plan").values[2] == "Équipe"
    assert table.column("Comment").values[1] == "Answer 1: fine, but; slow\nsecond line"
    assert table.column("Comment").missing == 4
    assert table.column("Channels").values[2] == ("phone", "email", "chat")
    assert table.column("Channels").values[3] == ()
    assert table.column("Signed up").values[1] == dt.date(2024, 2, 2)
    assert shown in table.notes[0]
    assert len(table.sha256) == 64


def test_a_cyrillic_code_page_is_not_taken_for_cp1252(tmp_path: Path) -> None:
    text = "Город;Тариф;Возраст\r\nМосква;Базовый;34\r\nКазань;Про;28\r\nСочи;Про;41\r\n"
    table = read_table(write(tmp_path / "ru.csv", text, "cp1251"))
    assert [c.name for c in table.columns] == ["Город", "Тариф", "Возраст"]
    assert table.column("Город").values == ["Москва", "Казань", "Сочи"]
    assert "cp1251" in table.notes[0]


def test_excel_sep_line_and_grouped_decimal_comma(tmp_path: Path) -> None:
    text = 'sep=;\r\nSegment;Revenue;Share\r\nA;"1.234,50";12,5 %\r\nB;987,25;7,5 %\r\nC;"12.000";80 %\r\n'
    table = read_table(write(tmp_path / "t.csv", text, "cp1252"))
    assert table.column("Revenue").values == [1234.5, 987.25, 12000.0]
    assert table.column("Share").values == [12.5, 7.5, 80.0]


def test_thousands_commas_in_a_comma_export(tmp_path: Path) -> None:
    text = 'deal,amount\nx,"1,250.00"\ny,"12,000"\nz,99.5\n'
    table = read_table(write(tmp_path / "t.csv", text, "utf-8"))
    assert table.column("amount").values == [1250.0, 12000.0, 99.5]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["31/01/2024", "02/03/2024"], [dt.date(2024, 1, 31), dt.date(2024, 3, 2)]),  # day first
        (["01/31/2024", "03/02/2024"], [dt.date(2024, 1, 31), dt.date(2024, 3, 2)]),  # month first
        (["31.01.24", "02.03.24"], [dt.date(2024, 1, 31), dt.date(2024, 3, 2)]),
        (["2024-01-31 10:15:00", "2024-03-02T08:00"], [dt.date(2024, 1, 31), dt.date(2024, 3, 2)]),
    ],
)
def test_date_orders(tmp_path: Path, cells: list[str], expected: list[dt.date]) -> None:
    text = "when,x\n" + "".join(f"{c},{i}\n" for i, c in enumerate(cells))
    column = read_table(write(tmp_path / "d.csv", text, "utf-8")).column("when")
    assert column.kind is ColumnKind.DATE
    assert column.values == expected


def test_impossible_dates_and_mixed_values_stay_text(tmp_path: Path) -> None:
    text = "a,b\n2024-02-30,12\n2024-01-01,twelve\n"
    table = read_table(write(tmp_path / "d.csv", text, "utf-8"))
    assert table.column("a").kind is ColumnKind.CATEGORICAL
    assert table.column("b").kind is ColumnKind.CATEGORICAL


def test_missing_markers_and_blank_names(tmp_path: Path) -> None:
    text = "score,,score\n1,a,N/A\nn/a,b,3\n2,,\n"
    table = read_table(write(tmp_path / "m.csv", text, "utf-8"))
    assert [c.name for c in table.columns] == ["score", "column 2", "score (2)"]
    assert table.column("score").values == [1.0, None, 2.0]
    assert table.column("score").missing == 1
    assert table.column("score (2)").missing == 2


def test_a_numeric_id_column_is_an_identifier(tmp_path: Path) -> None:
    text = "customer_id,visits\n" + "".join(f"{1000 + i},{i % 4}\n" for i in range(12))
    table = read_table(write(tmp_path / "m.csv", text, "utf-8"))
    assert table.column("customer_id").kind is ColumnKind.IDENTIFIER
    assert table.column("visits").kind is ColumnKind.NUMERIC


def _workbook(path: Path) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Readme"
    first.append(["About", "note"])
    first.append(["this", "workbook"])
    first.append(["has", "two sheets"])
    sheet = book.create_sheet("Responses")
    sheet.append(["id", "age", "plan", "joined", "spend"])
    for i in range(6):
        sheet.append([f"A{i}", 30 + i, ["Basic", "Pro"][i % 2], dt.datetime(2024, 1 + i, 15), 9.5 + i])
    book.save(path)
    return path


def test_xlsx_first_sheet_and_named_sheet(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "survey.xlsx")
    first = read_table(path)
    assert first.sheet == "Readme" and first.rows == 2
    table = read_table(path, "Responses")
    assert table.sheet == "Responses" and table.rows == 6
    assert table.column("age").kind is ColumnKind.NUMERIC
    assert table.column("age").values == [30.0, 31.0, 32.0, 33.0, 34.0, 35.0]
    assert table.column("joined").kind is ColumnKind.DATE
    assert table.column("joined").values[2] == dt.date(2024, 3, 15)
    assert table.column("spend").values[1] == 10.5
    assert table.column("plan").kind is ColumnKind.CATEGORICAL


def test_a_workbook_is_recognised_whatever_its_name(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "export.csv")
    assert read_table(path, "Responses").rows == 6
