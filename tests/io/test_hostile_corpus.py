"""The hostile corpus of issue 13 (hostile_corpus.py) read in process: every file gives a
project or a refusal whose every problem has a one-line reason, never another exception; a
file over a structural limit is refused before any model is built; a file that loads goes
through what `check`, the editor and export compute from it (summary, review dates, images,
integrity, save), and through a PDF (and a PNG for boards with connectors) in its class.

Default run: every STRIDE-th small file of each class (about a hundred). PERSONAMAP_SOAK=1:
all 555, the big ones (up to 64 MB) included. Time and peak memory of `check`, PDF and PNG
export per file are measured by hostile_measure.py in subprocesses, not asserted here."""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from typing import Any

import pytest
from hostile_corpus import LIMIT, REFUSED, VALID, Case, Corpus

from personamap.io import ProjectFileError, dumps, loads
from personamap.model.image_header import refused_images
from personamap.model.integrity import problems
from personamap.model.lifecycle import is_overdue, review_due
from personamap.model.project import Project
from personamap.model.summary import summarize

SOAK = os.environ.get("PERSONAMAP_SOAK") == "1"
STRIDE = 5


ALL = Corpus().cases()


def _selected(cases: list[Case]) -> list[Case]:
    if SOAK:
        return cases
    by_class: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        if not case.big:
            by_class[case.cls].append(case)
    return [c for group in by_class.values() for i, c in enumerate(group) if i % STRIDE == 0]


CASES = _selected(ALL)


@pytest.fixture
def built(monkeypatch) -> list[str]:
    """Records every attempt to build a Project (fast path and careful reader)."""
    calls: list[str] = []
    real_validate = Project.model_validate.__func__  # type: ignore[attr-defined]
    real_json = Project.model_validate_json.__func__  # type: ignore[attr-defined]

    def validate(cls: type[Project], *args: Any, **kwargs: Any) -> Project:
        calls.append("python")
        return real_validate(cls, *args, **kwargs)

    def validate_json(cls: type[Project], *args: Any, **kwargs: Any) -> Project:
        calls.append("json")
        return real_json(cls, *args, **kwargs)

    monkeypatch.setattr(Project, "model_validate", classmethod(validate))
    monkeypatch.setattr(Project, "model_validate_json", classmethod(validate_json))
    return calls


def test_the_corpus_covers_every_class_with_500_files():
    cases = ALL
    counts: dict[str, int] = defaultdict(int)
    for case in cases:
        counts[case.cls] += 1
    assert len(cases) >= 500
    assert set(counts) == {
        "dates",
        "connectors",
        "floods",
        "big files",
        "images",
        "truncation",
        "bit flips",
        "wrong types",
        "deep nesting",
        "huge numbers",
        "duplicates",
        "dangling refs",
        "newer versions",
        "control chars",
    }
    assert min(counts.values()) >= 7


def _use_like_the_app(project: Project) -> None:
    """What `check`, the editor and export compute from a loaded project."""
    summarize(project)
    months = project.settings.review_period_months
    for persona in project.personas:
        review_due(persona, months)
        is_overdue(persona, months, dt.date.today())
    refused_images(project)
    assert problems(project) == []
    assert loads(dumps(project)) == project


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_hostile_file_is_read_or_refused_with_a_message(case: Case, built: list[str]) -> None:
    data = case.build()
    try:
        project = loads(data, source=case.name)
    except ProjectFileError as exc:
        assert case.expect != VALID, exc.problems
        assert exc.problems
        for place, reason in exc.problems:
            assert isinstance(place, str) and "\n" not in place
            assert reason.strip() and "\n" not in reason
        assert str(exc).startswith(case.name)
        if case.expect == LIMIT:
            assert built == [], "a structural limit must refuse before any model is built"
        return
    assert case.expect not in (REFUSED, LIMIT), f"{case.name} should have been refused"
    _use_like_the_app(project)


EXPORTED = [
    c for c in CASES if c.expect == VALID and c.cls in ("dates", "images", "connectors") and not c.big
]


@pytest.mark.parametrize("case", EXPORTED[:: 1 if SOAK else 4], ids=lambda c: c.name)
def test_a_file_that_loads_exports_to_pdf(case: Case, tmp_path) -> None:
    from personamap.export import PdfOptions, export_pdf

    project = loads(case.build())
    export_pdf(project, tmp_path / "out.pdf", PdfOptions(what="personas"))
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("case", [c for c in EXPORTED if c.cls == "connectors"][:2], ids=lambda c: c.name)
@pytest.mark.gui
def test_a_board_with_connectors_exports_to_png(case: Case, tmp_path, qapp) -> None:
    from personamap.export.raster.render import RasterOptions, export_raster

    project = loads(case.build())
    board = next(b for b in project.boards if any(e.type == "connector" for e in b.elements))
    result = export_raster(project, tmp_path / "board.png", RasterOptions(what=f"board:{board.name}", dpi=72))
    assert result.files and result.files[0].read_bytes().startswith(b"\x89PNG")
