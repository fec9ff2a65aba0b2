"""Survey-like tables the data tests write in each encoding and dialect (importable by tests)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

HEADER = [
    "Respondent ID",
    "E-mail",
    "Âge",
    "Plan",
    "Channels",
    "Signed up",
    "Comment",
    "Monthly spend",
    "City",
]
PLANS = ["Basic", "Pro", "Équipe"]
CHANNELS = ["email; chat", "chat", "phone; email; chat", "", "email"]
CITIES = ["München", "Zürich", "Lyon", "Köln"]


def survey_rows(n: int = 24) -> list[list[str]]:
    """`n` rows: an id, a personal e-mail, an age, a plan, multi-select channels, a date, free
    text with a quoted newline and the delimiters, a decimal spend and a city."""
    rows = []
    for i in range(n):
        comment = "" if i % 6 == 0 else f"Answer {i}: fine, but; slow\nsecond line"
        rows.append(
            [
                f"R{i:04d}",
                f"person{i}@example.com",
                str(20 + (i * 7) % 45),
                PLANS[i % 3],
                CHANNELS[i % 5],
                f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                comment,
                f"{10 + i}.{i % 10}5",
                CITIES[i % 4],
            ]
        )
    return rows


def expected_spend(rows: list[list[str]]) -> list[float]:
    return [float(r[7]) for r in rows]


def csv_text(rows: list[list[str]], delimiter: str = ",", *, decimal_comma: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        row = list(row)
        if decimal_comma:
            row[7] = row[7].replace(".", ",")
        writer.writerow(row)
    return out.getvalue()


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path
