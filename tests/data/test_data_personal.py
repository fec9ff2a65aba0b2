"""Columns that look personal are flagged, by header and by content; ordinary ones are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from personamap.data.read import read_table

N = 12
HARMLESS = {
    "plan": lambda i: ["Basic", "Pro", "Team"][i % 3],
    "age": lambda i: str(20 + i * 3),
    "city": lambda i: ["Berlin", "New York", "São Paulo"][i % 3],
    "industry": lambda i: ["Retail", "Health care", "Public sector"][i % 3],
    "comment": lambda i: f"the export takes too long, try {i}",
    "company size": lambda i: ["1-10", "11-50", "51-200"][i % 3],
    "mobile sessions": lambda i: ["low", "mid", "high"][i % 3],
    "season": lambda i: f"{2000 + i % 4}-{2001 + i % 4}",
}


def _table(tmp_path: Path, columns: dict[str, object]) -> dict[str, tuple[bool, str]]:
    names = list(columns)
    lines = [",".join(names)]
    for i in range(N):
        lines.append(",".join(f'"{columns[n](i)}"' for n in names))  # type: ignore[operator]
    path = tmp_path / "t.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {c.name: (c.personal, c.personal_reason) for c in read_table(path).columns}


@pytest.mark.parametrize(
    ("header", "fragment"),
    [
        ("Email Address", "e-mail"),
        ("e-mail", "e-mail"),
        ("Phone", "phone"),
        ("Mobile number", "phone"),
        ("First Name", "name"),
        ("last_name", "name"),
        ("Surname", "name"),
        ("Full name", "name"),
        ("Street", "street address"),
        ("Billing Address", "street address"),
        ("IP Address", "IP address"),
        ("ip", "IP address"),
        ("Date of birth", "birth date"),
        ("Telefon", "phone"),
        ("Adresse", "street address"),
        ("Geburtsdatum", "birth date"),
    ],
)
def test_flagged_by_header(tmp_path: Path, header: str, fragment: str) -> None:
    flags = _table(tmp_path, {header: lambda i: ["x", "y"][i % 2], **HARMLESS})
    assert flags[header][0] is True
    assert fragment in flags[header][1]
    assert not any(flags[name][0] for name in HARMLESS)


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda i: f"user{i}.x@mail.example.org", "e-mail"),
        (lambda i: f"+49 30 1234{i:03d}", "phone"),
        (lambda i: f"(555) 010-{i:04d}", "phone"),
        (lambda i: f"192.168.{i}.{i * 7}", "IP address"),
        (lambda i: f"2001:db8::{i:x}", "IP address"),
        (lambda i: f"{10 + i} Baker Street", "street address"),
        (lambda i: f"Hauptstraße {i + 1}", "street address"),
        (lambda i: f"CUST-{i:05d}", "identifier"),
    ],
)
def test_flagged_by_content(tmp_path: Path, make: object, fragment: str) -> None:
    flags = _table(tmp_path, {"field 7": make, **HARMLESS})
    assert flags["field 7"][0] is True, flags["field 7"]
    assert fragment in flags["field 7"][1]
    assert not any(flags[name][0] for name in HARMLESS)


def test_full_names_that_never_repeat(tmp_path: Path) -> None:
    first = ["Ann", "Bo", "Carla", "Dev", "Emma", "Femi"]
    last = ["Smith", "Chen", "Díaz", "Patel"]
    flags = _table(tmp_path, {"respondent": lambda i: f"{first[i % 6]} {last[i % 4]}", **HARMLESS})
    assert flags["respondent"] == (True, "its values look like people's names")
