"""The persona card, by hand at 320 wide: 16 padding, a 64 photo, text beside it 212 wide;
name bold 15 (9 a character, 20.25 a line), body 13 (7.15, 17.55), captions 11 (6.05, 14.85)."""

from __future__ import annotations

import pytest

from personamap import style
from personamap.model import (
    BuyingRole,
    CardLayout,
    CustomSection,
    Item,
    Persona,
    Priority,
    Quote,
    Segment,
    Slider,
    Source,
    Story,
)
from personamap.model.enums import EvidenceKind
from personamap.model.layout import (
    BUYING_ROLE_LABELS,
    PRIORITY_LABELS,
    ApproxMeasure,
    CardMetrics,
    EmpathyMetrics,
    JourneyMetrics,
    Rect,
    badge_labels,
    initials,
    layout_card,
    section_content,
)
from personamap.model.templates import section_exists

MEASURE = ApproxMeasure()


def persona(goals: int = 2, **kw: object) -> Persona:
    return Persona(
        name="Ada Lovelace", role="Engineer", goals=[Item(text=f"Goal {i}") for i in range(goals)], **kw
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ada Lovelace", "AL"),
        ("Mary Jane Watson", "MW"),
        ("Madonna", "M"),
        ("émile zola", "ÉZ"),
        ("王小明", "王"),
        ("김 민수", "김민"),
        ("🦊", "🦊"),
        ("👩‍💻", "👩‍💻"),
        ("🇩🇪", "🇩🇪"),
        ("🦊 Fox Mulder", "FM"),
        ("   ", "?"),
        ("", "?"),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_badges_and_labels_agree_with_the_style() -> None:
    assert badge_labels(Persona()) == ["Primary", "B2C"]
    b2b = Persona(priority=Priority.NEGATIVE, segment=Segment.B2B)
    b2b.firmographics.buying_role = BuyingRole.IT_SECURITY
    assert badge_labels(b2b) == ["Negative", "B2B", "IT / security"]
    assert PRIORITY_LABELS == style.PRIORITY_LABEL and set(BUYING_ROLE_LABELS) == set(BuyingRole)
    assert JourneyMetrics().body == style.TYPE.body == CardMetrics().body == EmpathyMetrics().body
    assert CardMetrics().name_size == style.TYPE.card_title and CardMetrics().caption == style.TYPE.caption


def test_section_contents() -> None:
    p = persona(goals=0)
    p.demographics.age = "34"
    p.demographics.location = "Leeds"
    p.psychographics.sliders = [Slider(left="Introvert", right="Extrovert", value=70)]
    p.custom_sections = [
        CustomSection(title="Pets", items=[Item(text="a cat")]),
        CustomSection(body="free text"),
    ]
    p.story = Story(bio="Grew up by the sea.")
    p.goals = [Item(text="Ship it"), Item(text="  ")]
    (demo,) = section_content(p, "demographics")
    assert [i.text for i in demo.items] == ["Age: 34", "Location: Leeds"]
    (sliders,) = section_content(p, "psychographics.sliders")
    assert sliders.kind == "sliders" and sliders.items[0].value == 70 and sliders.title == "Personality"
    assert [(c.title, c.kind) for c in section_content(p, "custom_sections")] == [
        ("Pets", "list"),
        ("Notes", "text"),
    ]
    (bio,) = section_content(p, "story.bio")
    assert (bio.kind, bio.title, bio.items[0].text) == ("text", "Bio", "Grew up by the sea.")
    assert [i.text for i in section_content(p, "goals")[0].items] == ["Ship it"]  # blank items skipped
    assert (
        section_content(p, "no_such.field") == [] and section_content(p, "demographics.age")[0].kind == "text"
    )


def test_the_sources_section_lists_the_library_sources_the_persona_cites() -> None:
    survey, interviews, unused = Source(title="Survey"), Source(kind=EvidenceKind.CRM), Source(title="x")
    p = persona(goals=0)
    p.goals = [Item(text="Ship it", evidence_ids=[interviews.id])]
    p.quotes = [Quote(text="Hi", evidence_ids=[survey.id])]
    library = [unused, survey, interviews]
    (block,) = section_content(p, "evidence", library)
    assert (block.title, block.kind) == ("Sources", "list")
    assert [i.text for i in block.items] == ["Survey", "Crm"]
    assert section_content(p, "evidence")[0].items == ()  # without the library it lists nothing
    card = layout_card(p, CardLayout.STANDARD, ["evidence"], 320, MEASURE, sources=library)
    assert [b.title for b in card.blocks] == ["", "Sources"]  # the lead quote, then the sources
    assert section_exists("evidence")  # a template may still name the section


def test_standard_card_by_hand() -> None:
    card = layout_card(persona(), CardLayout.STANDARD, ["goals", "frustrations"], 320, MEASURE)
    h = card.header
    assert (h.photo_rect, h.initials) == (Rect(16, 16, 64, 64), "AL")
    assert h.name_rect == Rect(92, 16, 212, pytest.approx(20.25)) and h.name_lines == 1
    assert h.role_rect is not None and h.role_rect.y == pytest.approx(36.25)
    assert [label for label, _ in h.badges] == ["Primary", "B2C"]
    assert h.badges[0][1].w == pytest.approx(7 * 6.05 + 16) and h.badges[0][1].y == pytest.approx(57.8)
    assert h.rect.bottom == 80  # the photo is taller than name, role and badges
    goals, frustrations = card.blocks
    assert goals.label_rect == Rect(16, 92, 288, pytest.approx(14.85))
    assert goals.item_rects[0] == Rect(30, pytest.approx(110.85), 274, pytest.approx(17.55))
    assert goals.rect.bottom == pytest.approx(110.85 + 17.55 + 2 + 17.55)
    assert frustrations.items == () and frustrations.placeholder_rect is not None  # chosen but empty
    assert card.natural_height == pytest.approx(frustrations.rect.bottom + 16)
    assert card.height == card.natural_height and card.more_count == 0 and card.more_rect is None


def test_a_narrow_card_puts_the_name_under_the_photo() -> None:
    card = layout_card(persona(), CardLayout.COMPACT, [], 150, MEASURE)
    assert card.header.name_rect.x == 16 and card.header.name_rect.y == 16 + 64 + 4


def test_layouts_choose_what_shows() -> None:
    p = persona(quotes=[Quote(text="It just has to work.", source="Interview 3")], tags=["busy"])
    compact = layout_card(p, CardLayout.COMPACT, ["goals"], 320, MEASURE)
    assert [b.key for b in compact.blocks] == ["quote"]
    quote = compact.blocks[0]
    assert quote.rule_rect is not None and quote.rule_rect.h == quote.rect.h
    assert [i.caption for i in quote.items] == [False, True]
    standard = layout_card(p, CardLayout.STANDARD, ["frustrations", "goals"], 320, MEASURE)
    assert [b.key for b in standard.blocks] == ["quote", "frustrations", "goals"]
    full = layout_card(p, CardLayout.FULL, [], 320, MEASURE)
    assert [b.key for b in full.blocks] == ["quote", "goals", "tags"]  # non-empty, lead quote once


def test_natural_height_grows_with_content() -> None:
    heights = [
        layout_card(persona(n), CardLayout.STANDARD, ["goals"], 320, MEASURE).natural_height for n in range(6)
    ]
    assert heights == sorted(heights) and len(set(heights[1:])) == 5
    long = persona(1)
    long.goals[0].text = "word " * 12
    assert layout_card(long, CardLayout.STANDARD, ["goals"], 320, MEASURE).natural_height > heights[1]
    wider = [layout_card(persona(3), CardLayout.FULL, [], w, MEASURE).natural_height for w in (200, 320, 600)]
    assert wider == sorted(wider, reverse=True)


def test_a_short_card_hides_items_and_counts_them() -> None:
    p = persona(10)
    p.frustrations = [Item(text="Slow"), Item(text="Bugs")]
    full = layout_card(p, CardLayout.STANDARD, ["goals", "frustrations"], 320, MEASURE)
    short = layout_card(p, CardLayout.STANDARD, ["goals", "frustrations"], 320, MEASURE, h=250)
    assert short.natural_height == full.natural_height and short.height == 250
    (goals,) = short.blocks
    assert 0 < goals.shown < 10 and goals.elided
    assert short.hidden_blocks == ("frustrations",)
    assert short.more_count == goals.hidden + 2
    assert short.more_rect is not None and short.more_rect.bottom <= 250 - 16
    assert goals.rect.bottom < short.more_rect.y
    tiny = layout_card(p, CardLayout.STANDARD, ["goals", "frustrations"], 320, MEASURE, h=100)
    assert tiny.blocks == () and tiny.more_count == 12


def test_shown_items_never_decrease_with_height() -> None:
    p = persona(8, story=Story(bio="long " * 80))
    natural = layout_card(p, CardLayout.STANDARD, ["goals", "story.bio"], 320, MEASURE).natural_height
    previous = -1
    for h in range(80, int(natural) + 20, 7):
        card = layout_card(p, CardLayout.STANDARD, ["goals", "story.bio"], 320, MEASURE, h=h)
        shown = sum(sum(b.item_lines) for b in card.blocks)
        assert shown >= previous
        previous = shown
        for b in card.blocks:
            assert b.rect.bottom <= max(h - 16, card.header.rect.bottom) + 1e-6


def test_a_long_paragraph_is_cut_by_lines() -> None:
    p = persona(0, story=Story(bio="long " * 80))
    natural = layout_card(p, CardLayout.STANDARD, ["story.bio"], 320, MEASURE)
    (bio,) = natural.blocks
    assert bio.item_lines == (6,) and bio.elided  # capped at six lines even with room
    short = layout_card(p, CardLayout.STANDARD, ["story.bio"], 320, MEASURE, h=natural.natural_height - 40)
    assert short.blocks[0].item_lines[0] < 6 and short.more_count == 0


def test_quotes_section_lists_only_the_quotes_under_the_lead_one() -> None:
    from personamap.model import CardLayout, Persona, Quote
    from personamap.model.layout import ApproxMeasure, layout_card

    two = Persona(name="A", quotes=[Quote(text="first words"), Quote(text="second words")])
    boxes = layout_card(two, CardLayout.STANDARD, ["quotes"], 280, ApproxMeasure())
    quotes = [b for b in boxes.blocks if b.key == "quotes"]
    assert [i.text for i in quotes[0].items] == ["“second words”"]
    one = Persona(name="B", quotes=[Quote(text="only words")])
    boxes = layout_card(one, CardLayout.STANDARD, ["quotes"], 280, ApproxMeasure())
    assert [b.key for b in boxes.blocks] == ["quote"], "no empty repeat of the lead quote"


def test_a_choice_reads_as_its_label_not_its_stored_value() -> None:
    from personamap.model import BuyingRole, Firmographics, Persona
    from personamap.model.layout import section_content

    persona = Persona(name="D", firmographics=Firmographics(buying_role=BuyingRole.ECONOMIC_BUYER))
    (content,) = section_content(persona, "firmographics.buying_role")
    assert [i.text for i in content.items] == ["Economic buyer"]
