"""Profiling a 100,000-row × 20-column CSV (`personamap data profile` without the printing:
decode, sniff, parse, infer every column, flag personal ones, aggregate) against `csv.reader`
alone over the same file, in the same process. Goal: ours ≤ 3 s. The table is generated with
the mix a survey or CRM export has: ids, e-mails, phones, numbers with decimals, categories,
multi-select answers, dates, free text and gaps."""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import compare, format_line

from personamap.data.profile import profile
from personamap.data.read import read_table

ROWS = 100_000
GOAL_SECONDS = 3.0
CHANNELS = ["email", "chat", "phone", "web", "store"]
WORDS = [
    "slow",
    "export",
    "pricing",
    "great",
    "support",
    "dashboard",
    "confusing",
    "love",
    "mobile",
    "app",
    "onboarding",
    "team",
]


def make_csv(path: Path, rows: int = ROWS, seed: int = 3) -> None:
    """20 columns: 2 personal (an id, an e-mail), 6 numeric, 6 categorical, 2 multi-select,
    2 dates and 2 free text, with gaps."""
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    header = ["customer id", "email"] + [f"number {i}" for i in range(6)]
    header += [f"question {i}" for i in range(6)] + [
        "channels",
        "features",
        "signed up",
        "last seen",
        "comment",
        "wish",
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for r in range(rows):
            row = [f"C{r:07d}", f"user{r}@example.com"]
            row += [f"{rng.gauss(50, 15):.2f}" if rng.random() > 0.02 else "" for _ in range(6)]
            row += [f"answer {rng.randrange(3 + i)}" for i in range(6)]
            row += ["; ".join(rng.sample(CHANNELS, rng.randint(0, 3))) for _ in range(2)]
            row += [(start + dt.timedelta(days=rng.randrange(700))).isoformat() for _ in range(2)]
            row += [
                " ".join(rng.choices(WORDS, k=rng.randint(3, 12))) if rng.random() > 0.3 else "" for _ in "ab"
            ]
            writer.writerow(row)


def run(quick: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "survey.csv"
        make_csv(path)

        def ours() -> object:
            return profile(read_table(path))

        def raw() -> object:
            with path.open(encoding="utf-8", newline="") as handle:
                return sum(1 for _ in csv.reader(handle))

        ours_s, raw_s = compare(ours, raw, repeat=1 if quick else 3, warmup=0 if quick else 1)
        # The goal is absolute seconds (the ratio is for reference), hence "goal=3s".
        print(format_line("data.profile_100k", ours_s, raw_s, GOAL_SECONDS) + "s", flush=True)
