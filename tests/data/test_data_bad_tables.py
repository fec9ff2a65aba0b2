"""Tables that cannot be used are refused with one line naming the file and the reason."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personamap.data import read
from personamap.data.columns import TableError
from personamap.data.read import read_table


def refusal(path: Path, sheet: str | None = None) -> str:
    with pytest.raises(TableError) as caught:
        read_table(path, sheet)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{path}: ")
    return message.removeprefix(f"{path}: ")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b" \r\n\r\n  \n", "the file is empty"),
        (b",,,\n,,\n", "the table is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary data"),
        (bytes(range(1, 32)) * 40, "binary data"),
        (b"a,b,c\n1,2,3\n4,5\n6,7,8\n", "ragged rows: line 3 has 2 fields, the header has 3"),
        (b"a,b\n1,2\n3,4,5\n", "ragged rows: line 3 has 3 fields"),
        (b"name,age\n", "only a header row, no data"),
        (b"name,age\nAnn,34\n", "only one row of data"),
        (b"a,b\n,\nNA,\n-,n/a\n", "no usable column: every column is empty"),
        (b'a,b\n"unclosed,1\n2,3\n', "ragged rows"),
    ],
)
def test_bad_csv_is_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    assert reason in refusal(path)


def test_trailing_empty_fields_are_not_ragged(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"a,b\n1,2,\n3,4,,\n")
    assert read_table(path).rows == 2


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "cannot read it" in refusal(tmp_path / "nope.csv")
    assert "not a file" in refusal(tmp_path)


def test_over_the_size_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"a,b\n" + b"1,2\n" * 1000)
    monkeypatch.setattr(read, "MAX_CSV_BYTES", 1000)

    def no_reading(self: Path) -> bytes:
        raise AssertionError("a table over the limit was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    assert refusal(path) == "4,004 bytes, over the limit of 1,000 bytes for a CSV table"


def test_over_the_row_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(b"a,b\n" + b"1,2\n" * 50)
    monkeypatch.setattr(read, "MAX_ROWS", 20)
    assert "over the limit of 20 rows" in refusal(path)


def test_over_the_column_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"q{i}" for i in range(30)) + "\n" + ",".join("1" * 30) + "\n", encoding="utf-8")
    monkeypatch.setattr(read, "MAX_COLUMNS", 25)
    assert refusal(path) == "30 columns, over the limit of 25"


def test_bad_workbooks(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"not really a zip" * 10)
    assert "not a readable workbook" in refusal(broken)
    empty_zip = tmp_path / "empty.xlsx"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "not a readable workbook" in refusal(empty_zip)


def test_missing_sheet_names_the_sheets(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Wave 1"
    book.active.append(["a"])
    path = tmp_path / "w.xlsx"
    book.save(path)
    assert refusal(path, "Wave 2") == "no sheet named 'Wave 2' (sheets: Wave 1)"
    assert "only a header row" in refusal(path)


def test_sheet_option_on_csv(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"a,b\n1,2\n3,4\n")
    assert "--sheet applies to workbooks" in refusal(path, "x")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.one_of(
        st.binary(max_size=400),
        st.lists(
            st.lists(
                st.sampled_from(["", "a", "1,5", '"x\ny"', "2024-01-02", "é", ";", "\t", '"']), max_size=5
            ),
            max_size=8,
        ).map(lambda rows: "\n".join(",".join(r) for r in rows).encode("utf-8")),
    )
)
def test_any_bytes_give_a_table_or_one_line_refusal(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(content)
    try:
        table = read_table(path)
    except TableError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(f"{path}: ")
    else:
        assert table.rows >= 2
        assert all(len(c.values) == table.rows for c in table.columns)
