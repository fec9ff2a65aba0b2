"""Affinity groups: brainstorms in five languages fall into their themes, the same seed gives the
same groups, labels name the theme, and laying the groups out is one op that overlaps nothing
and undoes exactly."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from brainstorms import BRAINSTORMS, purity, wall

from personamap.insights.affinity import UNGROUPED, Group, cluster_notes
from personamap.insights.affinity_layout import apply_groups
from personamap.insights.affinity_text import words
from personamap.io import load, save
from personamap.model import Project
from personamap.model.board import Board, NoteElement, PersonaCard, TextElement
from personamap.model.ops import OpError
from personamap.model.persona import Persona

LABEL_WORDS = {  # a word each theme's label should hold, per language
    "en": {"pricing": ("price", "pricing", "plan", "expensive"), "support": ("support",)},
    "de": {"support": ("support",), "onboarding": ("onboarding", "einrichtung")},
    "fr": {"support": ("support",), "mobile": ("application", "mobile")},
    "es": {"support": ("soporte",), "mobile": ("aplicación", "móvil")},
    "ja": {"support": ("サポート",), "mobile": ("アプリ",), "onboarding": ("初期設定",)},
    "zh": {"support": ("客服",), "mobile": ("手机应用", "应用")},
}


def shuffled(language: str, seed: int = 7) -> tuple[list[tuple[str, str]], dict[str, str]]:
    notes, theme_of = wall(language)
    random.Random(seed).shuffle(notes)
    return notes, theme_of


@pytest.mark.parametrize("language", sorted(BRAINSTORMS))
def test_brainstorm_groups_by_theme(language: str) -> None:
    notes, theme_of = shuffled(language)
    groups = cluster_notes(notes, seed=0)
    assert sorted(i for g in groups for i in g.note_ids) == sorted(theme_of)  # every note, once
    assert purity(groups, theme_of) >= 0.8
    assert 3 <= len([g for g in groups if g.label != UNGROUPED]) <= 8
    for theme, expected in LABEL_WORDS[language].items():
        majority = [g for g in groups if sum(theme_of[i] == theme for i in g.note_ids) * 2 > len(g.note_ids)]
        labels = [g.label for g in majority]
        assert any(w in label.split(", ") for label in labels for w in expected), (theme, labels)


def test_purity_counts_ungrouped_as_one_group() -> None:
    """The measure itself: leaving every note alone must not score as pure."""
    notes, theme_of = wall("en")
    alone = [Group(UNGROUPED, tuple(i for i, _ in notes))]
    assert purity(alone, theme_of) == pytest.approx(0.25)


def test_same_seed_same_groups_and_order_does_not_matter() -> None:
    notes, _ = shuffled("en")
    assert cluster_notes(notes, seed=3) == cluster_notes(notes, seed=3)
    first = {frozenset(g.note_ids) for g in cluster_notes(notes, seed=3)}
    again, _ = shuffled("en", seed=99)
    assert {frozenset(g.note_ids) for g in cluster_notes(again, seed=3)} == first


def test_odd_notes_are_ungrouped_and_empty_input_is_no_groups() -> None:
    notes, _ = wall("en")
    odd = [("odd-1", ""), ("odd-2", "Zebra xylophone quartz")]
    groups = cluster_notes([*notes, *odd], seed=0)
    assert groups[-1].label == UNGROUPED
    assert {"odd-1", "odd-2"} <= set(groups[-1].note_ids)
    assert cluster_notes([], seed=0) == []
    assert cluster_notes([("a", "one lonely note")], seed=0) == [Group(UNGROUPED, ("a",))]


def test_words_fold_and_drop_stop_words_and_segment_cjk() -> None:
    assert words("The PRICE is too expensive") == ["price", "expensive"]
    assert words("Ｐｒｅｉｓ für Teams") == ["preis", "teams"]  # full-width letters fold
    assert words("料金が高い") == ["料金", "高"]  # hiragana particles out, kanji pieces in
    assert words("客服回复") == ["客服", "服回", "回复"]


def test_groups_as_json_shape() -> None:
    notes, _ = shuffled("fr")
    data = {"groups": [g.as_json() for g in cluster_notes(notes)]}
    assert json.loads(json.dumps(data)) == data
    for group in data["groups"]:
        assert set(group) == {"label", "note_ids"}
        assert isinstance(group["label"], str) and group["label"]
        assert all(isinstance(i, str) for i in group["note_ids"])


# --- laying the groups out ----------------------------------------------------------------------


def wall_project(language: str = "en") -> tuple[Project, dict[str, str]]:
    """A board with the brainstorm's notes scattered (overlapping) and a persona card."""
    notes, theme_of = shuffled(language)
    rng = random.Random(1)
    persona = Persona(name="Pat")
    elements: list = [PersonaCard(persona_id=persona.id, x=900, y=0, w=240, h=160)]
    themes = {}
    for ident, text in notes:
        note = NoteElement(text=text, x=rng.uniform(0, 600), y=rng.uniform(0, 400))
        elements.append(note)
        themes[note.id] = theme_of[ident]
    board = Board(name="Wall", elements=elements)
    return Project(personas=[persona], boards=[board]), themes


def rects(project: Project, ids) -> dict[str, tuple[float, float, float, float]]:
    board = project.boards[0]
    return {e.id: (e.x, e.y, e.w, e.h) for e in board.elements if e.id in set(ids)}


def overlap(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_apply_lays_columns_without_overlap_and_undoes_exactly() -> None:
    project, _ = wall_project()
    before = project.model_dump(mode="json")
    groups = cluster_notes([(e.id, e.text) for e in project.boards[0].elements if e.type == "note"])
    inverse, _changes = apply_groups(project, project.boards[0].id, groups).apply(project)
    board = project.boards[0]
    headers = [e for e in board.elements if isinstance(e, TextElement)]
    assert [h.text for h in headers] == [g.label for g in groups]
    placed = rects(project, [e.id for e in board.elements if e.type in ("note", "text", "persona_card")])
    boxes = list(placed.values())
    assert not any(overlap(a, b) for k, a in enumerate(boxes) for b in boxes[k + 1 :])
    for group, header in zip(groups, headers, strict=True):
        column = [placed[i] for i in group.note_ids]
        assert {r[0] for r in column} == {header.x}  # one column, under its header
        assert column[0][1] > header.y + header.h - 1
        assert [r[1] for r in column] == sorted(r[1] for r in column)
    xs = [h.x for h in headers]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    inverse.apply(project)
    assert project.model_dump(mode="json") == before


def test_rejected_groups_stay_put_and_block_goes_below_what_it_would_cover() -> None:
    project, _ = wall_project()
    groups = cluster_notes([(e.id, e.text) for e in project.boards[0].elements if e.type == "note"])
    kept, rejected = groups[:2], groups[2:]
    stay = rects(project, [i for g in rejected for i in g.note_ids])
    apply_groups(project, project.boards[0].id, kept).apply(project)
    assert rects(project, stay) == stay
    moved = rects(project, [i for g in kept for i in g.note_ids])
    others = [
        (e.x, e.y, e.w, e.h) for e in project.boards[0].elements if e.id not in moved and e.type != "text"
    ]
    assert not any(overlap(m, o) for m in moved.values() for o in others)


def test_apply_refuses_what_is_not_a_note_of_the_board() -> None:
    project, _ = wall_project()
    with pytest.raises(OpError):
        apply_groups(project, project.boards[0].id, [Group("x", (project.boards[0].elements[0].id,))])
    with pytest.raises(OpError):
        apply_groups(project, project.boards[0].id, [])
    first = project.boards[0].elements[1].id
    with pytest.raises(OpError):
        apply_groups(project, project.boards[0].id, [Group("a", (first,)), Group("b", (first,))])


# --- the command --------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "personamap.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_json_and_apply(tmp_path: Path) -> None:
    project, theme_of = wall_project("es")
    path = tmp_path / "wall.personamap"
    save(project, path, backup=False)
    done = run_cli("cluster", str(path), "--board", "Wall", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert list(data) == ["groups"]
    assert all(list(g) == ["label", "note_ids"] for g in data["groups"])
    assert sorted(i for g in data["groups"] for i in g["note_ids"]) == sorted(theme_of)
    assert load(path).model_dump(mode="json") == project.model_dump(mode="json")  # no --apply
    done = run_cli("cluster", str(path), "--board", "wall", "--apply")
    assert done.returncode == 0, done.stderr
    board = load(path).boards[0]
    assert [e.text for e in board.elements if e.type == "text"] == [g["label"] for g in data["groups"]]
    assert "groups" in done.stdout


def test_cli_refuses_unknown_board_and_bad_file(tmp_path: Path) -> None:
    project, _ = wall_project()
    path = tmp_path / "wall.personamap"
    save(project, path, backup=False)
    done = run_cli("cluster", str(path), "--board", "Nope")
    assert done.returncode == 2 and "Nope" in done.stderr and "Wall" in done.stderr
    bad = tmp_path / "bad.personamap"
    bad.write_text("{not json", encoding="utf-8")
    assert run_cli("cluster", str(bad), "--board", "Wall").returncode == 1


def test_cli_lists_groups_for_people(tmp_path: Path) -> None:
    project, _ = wall_project("ja")
    path = tmp_path / "wall.personamap"
    save(project, path, backup=False)
    done = run_cli("cluster", str(path), "--board", "Wall")
    assert done.returncode == 0, done.stderr
    groups = cluster_notes([(e.id, e.text) for e in project.boards[0].elements if e.type == "note"])
    heads = [line for line in done.stdout.splitlines() if not line.startswith("  ")]
    assert heads == [f"{g.label} ({len(g.note_ids)} notes)" for g in groups]
    assert "  サポートの返信を三日待った" in done.stdout.splitlines()
