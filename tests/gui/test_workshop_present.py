"""Presenting: F5 opens a full-screen second view in the projector theme; PageDown walks the
path with the camera framing each stop at a legible zoom; focus dims the rest; O, Esc."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from personamap.style import PROJECTOR, PROJECTOR_BODY_PX, TYPE
from personamap.ui.workshop.walkthrough import legible_zoom

from .workshop_util import frames, present

K = Qt.Key


def test_f5_presents_full_screen_in_the_projector_theme_and_esc_leaves(window, qtbot) -> None:
    workshop, win = present(window, qtbot, size=None)
    assert win.isVisible()
    assert win.windowState() & Qt.WindowState.WindowFullScreen
    assert win.view.board_scene is window.tabs.current_view().board_scene  # same scene, live edits
    assert win.view.board_scene.theme is PROJECTOR
    assert win.view.horizontalScrollBar().isVisible() is False
    qtbot.keyClick(win.view, K.Key_Escape)
    assert workshop.presenter.present is None
    assert window.tabs.current_view().board_scene.theme is not PROJECTOR


def test_pagedown_frames_each_stop_legibly_and_focus_cuts_it_out(window, qtbot) -> None:
    workshop, win = present(window, qtbot)
    view = win.view
    stops = workshop.presenter.stops()
    kinds = [s.key[0] for s in stops]
    assert kinds.index("card") < kinds.index("stage") < kinds.index("quadrant")
    seen_stage = False
    for k in range(len(stops)):
        qtbot.keyClick(view, K.Key_PageDown)
        stop = workshop.presenter.current()
        assert stop is stops[k] or stop.key == stops[k].key
        assert view.board_scene.board_id == stop.board_id
        assert frames(view, stop.rect), stop.caption()
        assert view.zoom() * TYPE.body * stop.text_scale >= PROJECTOR_BODY_PX - 0.01
        assert view.focus.active() and view.focus.hole == stop.focus
        seen_stage |= stop.key[0] == "stage"
        if k > 8 and seen_stage:
            break
    # the dimmed area is everything visible except the hole
    visible = view.visible_rect()
    veil = view.focus.path(visible)
    assert not veil.contains(view.focus.hole.center())
    corner = visible.topLeft() + QPointF(3, 3)
    assert view.focus.hole.contains(corner) or veil.contains(corner)
    qtbot.keyClick(view, K.Key_F)
    assert not view.focus.active()
    qtbot.keyClick(view, K.Key_F)
    qtbot.keyClick(view, K.Key_PageUp)
    assert frames(view, workshop.presenter.current().rect)


def frames_board(view) -> bool:
    """The whole board is on screen, fills the screen's width or height, and the caption chip
    at the bottom left (24 px from the edge, a bold body line + 16 px high) covers none of it."""
    bounds = view.board_scene.itemsBoundingRect()
    bold = QFont()
    bold.setPixelSize(round(PROJECTOR_BODY_PX))
    bold.setBold(True)
    chip_top = view.viewport().height() - 24 - (QFontMetricsF(bold).height() + 16)
    return frames(view, bounds) and view.mapFromScene(bounds.bottomLeft()).y() <= chip_top


def test_present_opens_on_an_overview_of_the_whole_board(window, qtbot) -> None:
    workshop = window.features["workshop"]
    win = workshop.start_present()  # what `personamap --present FILE` does once the file is open
    qtbot.waitExposed(win)
    win.view.animation_ms = 0
    assert workshop.presenter.overview
    assert frames_board(win.view), "full screen (the offscreen screen: 800×800)"
    for size in ((1920, 1080), (1024, 768)):
        win.showNormal()
        win.resize(*size)
        qtbot.waitUntil(lambda s=size: win.view.viewport().width() == s[0])
        assert frames_board(win.view), size


def test_o_frames_the_whole_board_on_each_board_and_returns(window, qtbot) -> None:
    workshop, win = present(window, qtbot, size=(1024, 768))
    view, presenter = win.view, workshop.presenter
    boards = [b.id for b in window.document.project.boards]
    seen = []
    for _ in range(len(presenter.stops())):
        qtbot.keyClick(view, K.Key_PageDown)
        stop = presenter.current()
        if stop.board_id in seen:
            continue
        seen.append(stop.board_id)
        qtbot.keyClick(view, K.Key_O)
        assert presenter.overview and view.focus.hole is None
        assert view.board_scene.board_id == stop.board_id
        assert frames_board(view), stop.board_id
        qtbot.keyClick(view, K.Key_O)
        assert not presenter.overview and presenter.current().key == stop.key
        assert view.zoom() >= legible_zoom() - 1e-6, "a stop is still framed legibly"
    assert seen == boards


def test_camera_glides(window, qtbot) -> None:
    workshop, win = present(window, qtbot)
    win.view.animation_ms = 120
    before = win.view.center()
    qtbot.keyClick(win.view, K.Key_PageDown)
    target = workshop.presenter.current().rect
    qtbot.waitUntil(lambda: frames(win.view, target), timeout=2000)
    assert win.view.center() != before


def test_custom_path_from_the_selection(window, qtbot) -> None:
    view = window.tabs.current_view()
    scene = view.board_scene
    card_ids = [i for i, item in scene.items_by_id.items() if type(item).__name__ == "PersonaCardItem"]
    scene.items_by_id[card_ids[2]].setSelected(True)
    window.actions["workshop.path_add"].trigger()
    workshop, win = present(window, qtbot)
    stops = [s for s in workshop.presenter.stops() if s.board_id == scene.board_id]
    assert [s.key for s in stops] == [("card", card_ids[2])]
    qtbot.keyClick(win.view, K.Key_Escape)
    window.actions["workshop.path_reset"].trigger()
    assert len([s for s in workshop.presenter.stops() if s.board_id == scene.board_id]) == len(card_ids)
