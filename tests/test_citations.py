"""The code cites its reasons in files that ship with it: every `docs/NAME.md` the package,
the scripts or the tests name exists in the repository, and nothing cites notes kept outside."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CITED = re.compile(r"\bdocs/[\w./-]+\.md\b")
OUTSIDE = re.compile(r"(\.\./)?shared/design/|(?<!docs/)\bdesign/[A-Z-]+\.md")


def _sources() -> list[Path]:
    found = [*ROOT.glob("personamap/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("benchmarks/*.py")]
    found = [*found, *ROOT.glob("scripts/*"), ROOT / "pyproject.toml", ROOT / "README.md"]
    return [path for path in found if path.name != Path(__file__).name]


def test_every_cited_doc_exists() -> None:
    missing = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources()
        if path.is_file()
        for name in CITED.findall(path.read_text(encoding="utf-8"))
        if not (ROOT / name).is_file()
    ]
    assert missing == []


def test_nothing_cites_notes_outside_the_repository() -> None:
    outside = [
        str(path.relative_to(ROOT))
        for path in _sources()
        if path.is_file() and OUTSIDE.search(path.read_text(encoding="utf-8"))
    ]
    assert outside == []
