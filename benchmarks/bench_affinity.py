"""Grouping 1,000 sticky notes by what they say (goal: ≤ 2 s, absolute) against the TF-IDF fit
alone on the same notes (scikit-learn's TfidfVectorizer with analyzer "char_wb", 3–4, the
heaviest single step of ours), in the same process.

The notes are made from the English brainstorm of the tests (four themes): each joins two notes
of one theme and a word of a shared filler list, so themes overlap as a real wall's do."""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "insights"))

from _util import compare, format_line
from brainstorms import BRAINSTORMS, THEMES
from sklearn.feature_extraction.text import TfidfVectorizer

from personamap.insights.affinity import cluster_notes

GOAL_SECONDS = 2.0
FILLER = ["today", "again", "customer", "team", "week", "manager", "report", "colleague", "office", "trial"]


def make_notes(count: int = 1000, seed: int = 0) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    notes = []
    for k in range(count):
        theme = BRAINSTORMS["en"][rng.choice(THEMES)]
        first, second = rng.sample(theme, 2)
        text = f"{first}; {' '.join(second.split()[: rng.randint(2, 5)])} {rng.choice(FILLER)}"
        notes.append((f"n{k}", text))
    return notes


def run(quick: bool = False) -> None:
    notes = make_notes()
    texts = [text for _, text in notes]

    def ours() -> object:
        return cluster_notes(notes, seed=0)

    def raw() -> object:
        return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True).fit_transform(texts)

    ours_s, raw_s = compare(ours, raw, repeat=1 if quick else 5, warmup=0 if quick else 1)
    # The goal is absolute seconds (the ratio is for reference), hence "goal=2s".
    print(format_line("insights.affinity_1000_notes", ours_s, raw_s, GOAL_SECONDS) + "s", flush=True)


if __name__ == "__main__":
    run("--quick" in sys.argv)
