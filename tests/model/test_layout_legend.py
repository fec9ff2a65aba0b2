"""The legend of a journey's curves (model.layout.legend): Qt-free, tested without a QApplication."""

from __future__ import annotations

from personamap.model import EmotionScore, JourneyMap, Persona, Project, Stage
from personamap.model.layout import MARKER_SHAPES, journey_legend
from personamap.model.layout.legend import OWN_CURVE_COLOR, OWN_CURVE_NAME, UNKNOWN_PERSONA
from personamap.resources import load_project, sample_path

GHOST = "00000000-0000-4000-8000-0000000000aa"


def test_the_sample_journey_gives_marcus_circles_and_priya_squares() -> None:
    project = load_project(sample_path())
    journey = next(j for j in project.journeys if j.title == "Get my first expense report approved and paid")
    looks = [(look.name, look.shape, look.color) for look in journey_legend(journey, project)]
    assert looks == [("Marcus Feld", "circle", "#E69F00"), ("Priya Raman", "square", "#0072B2")]


def test_own_curve_first_then_personas_then_other_scored_personas() -> None:
    personas = [Persona(name=f"P{k}", color=f"#00000{k}") for k in range(7)]
    stage = Stage()
    step = stage.steps[0].id
    journey = JourneyMap(
        stages=[stage],
        persona_ids=[p.id for p in personas],
        emotions=[
            EmotionScore(persona_id=None, step_id=step, score=1),
            EmotionScore(persona_id=GHOST, step_id=step, score=0),
        ],
    )
    looks = journey_legend(journey, Project(personas=personas, journeys=[journey]))
    assert [look.persona_id for look in looks] == [None, *[p.id for p in personas], GHOST]
    assert (looks[0].name, looks[0].color) == (OWN_CURVE_NAME, OWN_CURVE_COLOR)
    assert (looks[-1].name, looks[-1].color) == (UNKNOWN_PERSONA, OWN_CURVE_COLOR)
    assert [look.color for look in looks[1:-1]] == [p.color for p in personas]
    cycle = [MARKER_SHAPES[k % len(MARKER_SHAPES)] for k in range(len(looks))]
    assert [look.shape for look in looks] == cycle
    assert len({look.shape for look in looks[: len(MARKER_SHAPES)]}) == len(MARKER_SHAPES)


def test_legend_lines_fit_the_header_and_keep_clear_of_scale_labels() -> None:
    from personamap.model.layout import Rect, SeriesLook, legend_lines

    looks = [SeriesLook(f"{k}", f"Persona {k}", "#000000", MARKER_SHAPES[k]) for k in range(5)]
    area = Rect(10, 100, 200, 60)  # room for three 16-px lines at an 18-px pitch
    lines = legend_lines(looks, area, [127.0], narrow=80)
    assert [line.look.name for line in lines] == ["Persona 0", "Persona 1", "Persona 2"]
    assert [line.text.y for line in lines] == [100, 118, 136]
    assert [line.text.w for line in lines] == [184, 64, 184]  # the second line is level with the label
    assert all(line.marker == (15, line.text.y + 8) and line.text.x == 24 for line in lines)


def test_title_chips_sit_right_aligned_and_leave_the_title_its_room() -> None:
    from personamap.model.layout import Rect, SeriesLook, title_chips

    own = SeriesLook(None, "This journey", "#59636E", "circle")
    looks = [own, *(SeriesLook(f"{k}", "x" * (k + 1), "#000000", "square") for k in range(4))]
    band = Rect(0, 0, 400, 40)
    chips, width = title_chips(looks, band, lambda name: 20.0 * len(name))  # widths 20, 40, 60, 80
    # right to left: "xxxx" (116 wide), "xxx" (96); "xx" would start left of 45 % of the band
    assert [c.look.name for c in chips] == ["xxxx", "xxx"]
    assert [(c.rect.x, c.rect.w) for c in chips] == [(284, 116), (180, 96)]
    assert all(c.rect.cy == band.cy and c.rect.h == 26 for c in chips)
    assert width == 400 - (180 - 8)
    long = [SeriesLook("p", "a very long name", "#000000", "circle")]
    assert title_chips(long, band, lambda _name: 500.0)[0][0].rect.w == 160 + 36
