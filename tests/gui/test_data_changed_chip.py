"""The "Data changed" chip on a persona card: drawn beside "Review due" without overlap, its
tooltip listing what moved as plain text, gone once the persona is reviewed after the wave."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from personamap.canvas.items.persona_card import PersonaCardItem
from personamap.model import Persona, PersonaCard, Project
from personamap.model.research import ColumnFigures, ColumnType, Dataset, Level, SegmentFigures, Source, Wave
from personamap.style import LIGHT

REFRESHED = dt.date(2026, 6, 1)
HOSTILE = "<b>Pro</b> & <i>co</i>"


def refreshed_project(persona: Persona) -> Project:
    """A project whose dataset's latest wave moved the persona's segment: its share grew 20
    points and its top plan changed to a category named like markup."""

    def wave(day: dt.date, share: float, top: str) -> Wave:
        plan = ColumnFigures(
            column="plan",
            type=ColumnType.CATEGORICAL,
            levels=[Level(value=top, count=8), Level(value="Basic", count=2)],
        )
        segments = [
            SegmentFigures(segment=0, persona_id=persona.id, n=10, share=share, columns=[plan]),
            SegmentFigures(segment=1, n=10, share=100 - share),
        ]
        return Wave(imported=day, file_name="crm.csv", segments=segments)

    dataset = Dataset(
        file_name="crm.csv",
        sha256="a" * 64,
        imported=dt.date(2026, 1, 10),
        waves=[wave(dt.date(2026, 1, 10), 30, "Team"), wave(REFRESHED, 50, HOSTILE)],
    )
    return Project(personas=[persona], sources=[Source(title="CRM export", dataset=dataset)])


def render(item: PersonaCardItem) -> QImage:
    w, h = item.size()
    image = QImage(int(w), int(h), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return image


def test_the_chip_shows_beside_review_due_with_the_drift_as_plain_tooltip(qtbot) -> None:
    persona = Persona(name="Switching Sam", lifecycle={"last_reviewed": dt.date(2020, 1, 1)})
    project = refreshed_project(persona)
    card = PersonaCard(persona_id=persona.id, x=0, y=0, w=300, h=360)
    item = PersonaCardItem(card.id, LIGHT)
    item.sync(card, project)
    assert item.overdue and len(item.drift) == 2
    (review, review_rect), (changed, changed_rect) = item.chips(item.content_rect())
    assert (review, changed) == ("Review due", "Data changed")
    assert not review_rect.intersects(changed_rect)
    assert item.content_rect().contains(review_rect) and item.content_rect().contains(changed_rect)
    tip = item.toolTip()
    assert "&lt;b&gt;Pro&lt;/b&gt; &amp; &lt;i&gt;co&lt;/i&gt;" in tip and "<b>" not in tip
    assert "This segment grew from 30.0 % to 50.0 % of the data." in tip
    image = render(item)
    for r in (review_rect, changed_rect):  # both chips painted: the chip fill at their left end
        assert image.pixelColor(int(r.left() + 4), int(r.center().y())) == QColor(LIGHT.negative_fill)

    persona.lifecycle.last_reviewed = REFRESHED
    item.sync(card, project)
    assert item.drift == [] and item.toolTip() == ""
    assert "Data changed" not in [label for label, _ in item.chips(item.content_rect())]
