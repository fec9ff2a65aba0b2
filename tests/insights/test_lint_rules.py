"""Each lint rule: the clean project has no finding of it, the same project with the flaw has
one, naming the right place; thresholds come from the project's settings."""

from __future__ import annotations

import datetime as dt

from lint_projects import TODAY, clean_project, persona, rules

from personamap.insights.lint import RULES, lint
from personamap.model import (
    Confidence,
    Item,
    LaneKind,
    PersonaStatus,
    Priority,
    Quote,
    Source,
)
from personamap.model.research import Dataset, SegmentFigures, Wave


def found(project, rule: str) -> list:
    return [f for f in lint(project, TODAY) if f.rule == rule]


def names(finding) -> list[str]:
    return [w["name"] for w in finding.where]


def test_the_clean_project_has_no_finding() -> None:
    assert lint(clean_project(), TODAY) == []


def test_stale_persona_past_its_review_date() -> None:
    project = clean_project()
    ann = persona(project, "Ann Owner")
    ann.lifecycle.last_reviewed = TODAY - dt.timedelta(days=200)  # review period: 6 months
    (f,) = found(project, "stale-persona")
    assert f.severity == "warning" and names(f) == ["Ann Owner"] and "Ann Owner" in f.message
    project.settings.review_period_months = 12
    assert found(project, "stale-persona") == []
    ann.lifecycle.review_due = TODAY - dt.timedelta(days=1)
    assert len(found(project, "stale-persona")) == 1
    ann.lifecycle.status = PersonaStatus.RETIRED
    assert found(project, "stale-persona") == []


def test_uncited_quote_names_neither_speaker_nor_source() -> None:
    project = clean_project()
    bob = persona(project, "Bob Controller")
    bob.quotes.append(Quote(text="Nobody reads the dashboard"))
    (f,) = found(project, "uncited-quote")
    assert (
        f.severity == "error" and names(f) == ["Bob Controller"] and "Nobody reads the dashboard" in f.message
    )
    bob.quotes[-1].source = "Sales call, March"
    assert found(project, "uncited-quote") == []


def test_too_many_primary_personas() -> None:
    project = clean_project()
    for i in range(4):
        extra = persona(project, "Bob Controller").model_copy(
            deep=True, update={"id": _id(i), "name": f"P{i}"}
        )
        project.personas.append(extra)
    (f,) = found(project, "too-many-primary")
    assert len(f.where) == 6 and "6 personas are primary" in f.message
    project.settings.lint.max_primary = 6
    assert found(project, "too-many-primary") == []


def test_persona_without_journey_and_never_the_negative_one() -> None:
    project = clean_project()
    journey = project.journeys[0]
    bob = persona(project, "Bob Controller")
    journey.persona_ids.remove(bob.id)
    (f,) = found(project, "persona-without-journey")
    assert names(f) == ["Bob Controller"] and f.severity == "warning"
    bob.priority = Priority.SECONDARY
    assert found(project, "persona-without-journey")[0].severity == "info"
    assert "Jamie Bargain" not in str(lint(project, TODAY))


def test_journey_without_emotion() -> None:
    project = clean_project()
    project.journeys[0].emotions.clear()
    (f,) = found(project, "journey-without-emotion")
    assert f.where == [{"kind": "journey", "id": project.journeys[0].id, "name": "Opening a shop"}]


def _drop_notes(project, stage: str, kind: LaneKind) -> None:
    journey = project.journeys[0]
    lane = next(x for x in journey.lanes if x.kind is kind)
    stage_id = next(s.id for s in journey.stages if s.name == stage)
    journey.notes = [n for n in journey.notes if (n.lane_id, n.stage_id) != (lane.id, stage_id)]


def test_pain_without_opportunity() -> None:
    project = clean_project()
    _drop_notes(project, "Buy", LaneKind.OPPORTUNITIES)
    (f,) = found(project, "pain-without-opportunity")
    assert names(f) == ["Opening a shop", "Buy"] and [w["kind"] for w in f.where] == ["journey", "stage"]
    _drop_notes(project, "Buy", LaneKind.PAIN_POINTS)
    assert found(project, "pain-without-opportunity") == []


def test_stage_without_touchpoint_even_when_the_note_is_blank() -> None:
    project = clean_project()
    _drop_notes(project, "Discover", LaneKind.TOUCHPOINTS)
    (f,) = found(project, "stage-without-touchpoint")
    assert names(f) == ["Opening a shop", "Discover"] and f.severity == "info"
    project = clean_project()
    journey = project.journeys[0]
    lane = next(x for x in journey.lanes if x.kind is LaneKind.TOUCHPOINTS)
    for n in journey.notes:
        if n.lane_id == lane.id:
            n.text = "  "
    (f,) = found(project, "stage-without-touchpoint")  # no touchpoint anywhere: said once
    assert names(f) == ["Opening a shop"] and "No stage" in f.message


def test_low_evidence_under_the_threshold() -> None:
    project = clean_project()
    ann = persona(project, "Ann Owner")  # 5 of 6 cited: the role cites nothing
    ann.needs += [Item(text=f"need {i}") for i in range(4)]  # 5 of 10: exactly the threshold
    assert found(project, "low-evidence") == []
    ann.needs.append(Item(text="one more"))
    (f,) = found(project, "low-evidence")
    assert names(f) == ["Ann Owner"] and "5 of its 11" in f.message
    project.settings.lint.low_evidence = 0.4
    assert found(project, "low-evidence") == []


def test_assumption_heavy_when_most_entries_are_guesses() -> None:
    project = clean_project()
    bob = persona(project, "Bob Controller")
    for item in bob.goals:
        item.confidence = Confidence.ASSUMPTION  # 2 of 4 entries: not most
    assert found(project, "assumption-heavy") == []
    bob.frustrations[0].confidence = Confidence.ASSUMPTION
    (f,) = found(project, "assumption-heavy")
    assert names(f) == ["Bob Controller"] and "3 of Bob Controller's 4 entries" in f.message


def test_overlapping_personas_said_alike() -> None:
    project = clean_project()
    ann = persona(project, "Ann Owner")
    twin = ann.model_copy(deep=True, update={"id": _id(9), "name": "Anna Baker"})
    twin.goals[0].text = "Open a web shop over a weekend"
    project.personas.append(twin)
    (f,) = found(project, "overlapping-personas")
    assert names(f) == ["Ann Owner", "Anna Baker"] and f.severity == "warning"
    project.settings.lint.overlap = 0.99
    assert found(project, "overlapping-personas") == []


def test_a_negative_persona_never_overlaps_a_primary_one() -> None:
    project = clean_project()
    ann = persona(project, "Ann Owner")
    project.personas.append(
        ann.model_copy(update={"id": _id(8), "name": "Anti-Ann", "priority": Priority.NEGATIVE})
    )
    assert found(project, "overlapping-personas") == []


def test_orphan_source_and_a_source_cited_by_a_note_only() -> None:
    project = clean_project()
    extra = Source(title="Competitor teardown")
    project.sources.append(extra)
    (f,) = found(project, "orphan-source")
    assert f.where == [{"kind": "source", "id": extra.id, "name": "Competitor teardown"}]
    project.journeys[0].notes[0].evidence_ids.append(extra.id)
    assert found(project, "orphan-source") == []


def _dataset(*segments: SegmentFigures, waves: int = 1) -> Dataset:
    days = [dt.date(2026, 3, 1), dt.date(2026, 5, 20)][:waves]
    return Dataset(
        file_name="crm.csv",
        sha256="0" * 64,
        imported=days[0],
        waves=[Wave(imported=d, segments=[s.model_copy(deep=True) for s in segments]) for d in days],
    )


def test_niche_segment_drafted_into_a_primary_persona_or_left_without_one() -> None:
    project = clean_project()
    ann = persona(project, "Ann Owner")
    data = Source(title="CRM export")
    data.dataset = _dataset(
        SegmentFigures(segment=0, persona_id=ann.id, n=3, share=3.0, niche=True),
        SegmentFigures(segment=1, n=97, share=97.0),
    )
    project.sources.append(data)
    (f,) = found(project, "niche-segment")
    assert f.severity == "warning" and names(f) == ["Ann Owner", "CRM export"] and "3.0 %" in f.message
    data.dataset.waves[0].segments[0].persona_id = None
    data.dataset.waves[0].segments[1].persona_id = ann.id
    (f,) = found(project, "niche-segment")
    assert f.severity == "info" and "Segment 1" in f.message
    data.dataset.waves[0].segments[0].niche = False
    assert found(project, "niche-segment") == []


def test_data_drift_until_the_persona_is_reviewed() -> None:
    project = clean_project()
    bob = persona(project, "Bob Controller")
    data = Source(title="CRM export")
    data.dataset = _dataset(SegmentFigures(segment=0, persona_id=bob.id, n=50, share=50.0), waves=2)
    data.dataset.waves[1].segments[0].share = 70.0
    project.sources.append(data)
    bob.lifecycle.last_reviewed = dt.date(2026, 4, 1)
    (f,) = found(project, "data-drift")
    assert names(f) == ["Bob Controller"] and "grew from 50.0 % to 70.0 %" in f.message
    bob.lifecycle.last_reviewed = dt.date(2026, 5, 20)
    assert found(project, "data-drift") == []


def test_findings_come_in_rule_order_and_every_rule_is_known() -> None:
    project = clean_project()
    project.journeys[0].emotions.clear()
    project.sources.append(Source(title="Unused"))
    persona(project, "Ann Owner").lifecycle.last_reviewed = TODAY - dt.timedelta(days=400)
    got = rules(lint(project, TODAY))
    assert got == ["stale-persona", "journey-without-emotion", "orphan-source"]
    assert got == sorted(got, key=RULES.index)
    assert lint(project, TODAY) == lint(project, TODAY)


def _id(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def test_personas_drafted_from_one_dataset_are_not_called_alike() -> None:
    project = clean_project()
    ann = persona(project, "Ann Owner")
    twin = ann.model_copy(deep=True, update={"id": _id(7), "name": "Segment twin"})
    project.personas.append(twin)
    assert len(found(project, "overlapping-personas")) == 1
    data = Source(title="CRM export")
    data.dataset = _dataset(
        SegmentFigures(segment=0, persona_id=ann.id, n=60, share=60.0),
        SegmentFigures(segment=1, persona_id=twin.id, n=40, share=40.0),
    )
    project.sources.append(data)
    assert found(project, "overlapping-personas") == []


def test_overlap_reads_japanese_too() -> None:
    project = clean_project()
    ann, bob = persona(project, "Ann Owner"), persona(project, "Bob Controller")
    for p in (ann, bob):
        p.role = "小さなパン屋の店主"
        for item, text in zip(
            p.goals + p.frustrations,
            ["週末にネットショップを開く", "在庫を同期する", "手数料が高すぎる"],
            strict=True,
        ):
            item.text = text
        p.quotes[0].text = "ウェブサイトは作れません"
    assert [names(f) for f in found(project, "overlapping-personas")] == [["Ann Owner", "Bob Controller"]]
