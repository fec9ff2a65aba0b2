"""The lint on the shipped sample, a well-made project: only what the sample means to show
(one persona overdue for review, the secondary persona no journey follows), nothing that
misfires; and on the templates, a short to-do list rather than a wall of findings."""

from __future__ import annotations

import datetime as dt

import pytest

from personamap.insights.lint import lint
from personamap.io import load
from personamap.resources import list_templates, load_template, sample_path


def test_the_sample_shows_only_what_it_means_to() -> None:
    sample = load(sample_path())
    findings = lint(sample, dt.date(2026, 11, 22))
    assert [(f.rule, f.severity) for f in findings] == [
        ("stale-persona", "warning"),
        ("persona-without-journey", "info"),
    ]
    overdue = findings[0].where[0]["name"]
    assert findings[1].where[0]["name"] == overdue
    assert overdue in findings[0].message


@pytest.mark.parametrize("template", [t.name for t in list_templates()])
def test_a_template_gives_a_short_to_do_list(template: str) -> None:
    project = load_template(template)
    findings = lint(project, dt.date(2026, 11, 22))
    assert not [f for f in findings if f.severity == "error"]
    assert len(findings) <= 3 * max(1, len(project.personas)) + 2 * len(project.journeys)
