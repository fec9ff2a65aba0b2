"""Workshop mode: present the canvas on a projector, walk a path with the rest dimmed,
time-box with a big timer, dot-vote on notes, capture ideas, export the results.

`install(window)` adds View ▸ Present (F5), a Workshop menu and File ▸ Export Votes as CSV…;
the returned `Workshop` is `window.features["workshop"]`.
"""

from __future__ import annotations

import time
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QPainter
from PySide6.QtWidgets import QInputDialog, QMenu

from ...model.workshop_timer import PRESETS_MIN
from ..actions import ActionSpec
from .timer_overlay import WorkshopTimer, paint_timer

if TYPE_CHECKING:
    from .capture import Capture
    from .presenter import Presenter
    from .vote_controller import VotingController

K = Qt.Key


class Workshop:
    """The workshop's menus and timer from the start; the presenter, voting and capture
    machinery (and the canvas modules they need) built on first use, to keep start-up short."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.timer = WorkshopTimer(time.monotonic, window)
        self.timer.changed.connect(self._timer_changed)
        self._build_actions()
        self._build_menus()

    @cached_property
    def _machinery(self) -> tuple[Presenter, VotingController, Capture]:
        from .capture import Capture
        from .presenter import Presenter
        from .vote_controller import VotingController

        presenter = Presenter(self.window)
        presenter.painters.append(self._paint_timer)
        voting = VotingController(self.window, presenter)
        capture = Capture(self.window, presenter)
        presenter.extra_keys = self._key
        return presenter, voting, capture

    @property
    def presenter(self) -> Presenter:
        return self._machinery[0]

    @property
    def voting(self) -> VotingController:
        return self._machinery[1]

    @property
    def capture(self) -> Capture:
        return self._machinery[2]

    @property
    def presenting(self) -> bool:
        """Whether the present window is up, without building the machinery to find out."""
        return "_machinery" in self.__dict__ and self.presenter.active

    # --- actions and menus --------------------------------------------------------------------

    def _build_actions(self) -> None:
        a, t, v = self.window.actions.add, self.timer, lambda: self.voting
        a(
            ActionSpec(
                "view.present", "&Present", self.toggle_present, "F5", tip="Project the board full screen"
            ),
            ActionSpec("workshop.path_add", "Add Selection to &Path", self.add_selection_to_path),
            ActionSpec("workshop.path_reset", "&Reset Path", self.reset_path),
            ActionSpec("workshop.timer_custom", "&Custom Time…", self.custom_timer),
            ActionSpec("workshop.timer_toggle", "&Start / Pause Timer", t.toggle),
            ActionSpec("workshop.timer_add", "Add a &Minute", t.add_minute),
            ActionSpec("workshop.timer_reset", "Reset Timer", t.reset),
            ActionSpec("workshop.timer_sound", "Sound at the &End", self._sound, checkable=True),
            ActionSpec("workshop.vote_start", "Start &Dot Vote…", lambda: v().start_dialog()),
            ActionSpec("workshop.vote_reveal", "Re&veal Votes", self._reveal, checkable=True),
            ActionSpec("workshop.vote_sort", "&Sort Notes by Votes", lambda: v().sort()),
            ActionSpec("workshop.vote_tags", "Keep Votes as &Tags", lambda: v().keep_as_tags()),
            ActionSpec("workshop.vote_lane", "Keep Votes as a Votes &Lane", lambda: v().keep_as_lane()),
            ActionSpec("workshop.vote_clear", "&Clear Votes", lambda: v().clear()),
            ActionSpec("workshop.vote_end", "&End Vote", lambda: v().end()),
            ActionSpec("workshop.park", "&Park an Idea…", lambda: self.capture.park_prompt()),
            ActionSpec("file.export_votes", "Export &Votes as CSV…", lambda: v().export_csv()),
        )
        for minutes in PRESETS_MIN:
            a(
                ActionSpec(
                    f"workshop.timer_{minutes}", f"{minutes} Minutes", lambda m=minutes: self.set_timer(m)
                )
            )
        self.window.actions["workshop.timer_sound"].setChecked(True)

    def _build_menus(self) -> None:
        w = self.window
        view_menu = _menu(w, "View")
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(w.actions["view.present"])
        file_menu = getattr(w, "file_menu", None)
        if file_menu is not None:
            file_menu.insertAction(w.actions["file.close"], w.actions["file.export_votes"])
        self.menu = w.menuBar().addMenu("&Workshop")
        m = self.menu
        m.addAction(w.actions["view.present"])
        m.addAction(w.actions["workshop.path_add"])
        m.addAction(w.actions["workshop.path_reset"])
        self.screen_menu = m.addMenu("Present &On")
        self.screen_menu.aboutToShow.connect(self._fill_screens)
        m.addSeparator()
        timer = m.addMenu("&Timer")
        for minutes in PRESETS_MIN:
            timer.addAction(w.actions[f"workshop.timer_{minutes}"])
        for ident in ("timer_custom", None, "timer_toggle", "timer_add", "timer_reset", None, "timer_sound"):
            timer.addSeparator() if ident is None else timer.addAction(w.actions[f"workshop.{ident}"])
        m.addSeparator()
        for ident in (
            "vote_start",
            "vote_reveal",
            "vote_sort",
            "vote_tags",
            "vote_lane",
            "vote_clear",
            "vote_end",
        ):
            m.addAction(w.actions[f"workshop.{ident}"])
        m.addSeparator()
        m.addAction(w.actions["workshop.park"])
        m.addAction(w.actions["file.export_votes"])

    def _fill_screens(self) -> None:
        from PySide6.QtGui import QGuiApplication

        self.screen_menu.clear()
        for screen in QGuiApplication.screens():
            size = screen.geometry()
            act = QAction(f"{screen.name()} ({size.width()}×{size.height()})", self.screen_menu)
            act.setCheckable(True)
            act.setChecked(screen.name() == self.presenter.screen_name)
            name = screen.name()
            act.triggered.connect(lambda _c=False, n=name: setattr(self.presenter, "screen_name", n))
            self.screen_menu.addAction(act)

    # --- present ------------------------------------------------------------------------------

    def toggle_present(self) -> None:
        if self.presenter.active:
            self.presenter.stop()
        else:
            self.start_present()

    def start_present(self, fullscreen: bool = True) -> Any:
        present = self.presenter.start(fullscreen)
        if present is not None:
            present.parked.connect(self.capture.park)
            if self.voting.session is not None:
                self.voting._attach()
        return present

    def add_selection_to_path(self) -> None:
        view = self.window.tabs.current_view()
        if view is None:
            return
        scene = view.board_scene
        chosen = [i for i in scene.selected_ids() if i in scene.items_by_id]
        if not chosen:
            self.window.show_message("Select the cards, maps or notes to add to the path.")
            return
        from .walkthrough import save_path, saved_path

        path = saved_path(scene.board_id)
        save_path(scene.board_id, path + [i for i in chosen if i not in path])
        self.window.show_message(f"The path of this board has {len(path) + len(chosen)} stops.")

    def reset_path(self) -> None:
        view = self.window.tabs.current_view()
        if view is not None:
            from .walkthrough import save_path

            save_path(view.board_scene.board_id, [])
            self.window.show_message("This board's path is back to the default.")

    # --- timer --------------------------------------------------------------------------------

    def set_timer(self, minutes: float) -> None:
        self.timer.set_minutes(minutes)

    def custom_timer(self) -> None:
        """Minutes for the timer; while presenting, asked on the projector at its text size."""
        present = self.presenter.present if self.presenting else None
        dialog = QInputDialog(present or self.window)
        dialog.setWindowTitle("Timer")
        dialog.setLabelText("Minutes:")
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(1, 240)
        dialog.setIntValue(7)
        if present is not None:
            from .present_window import for_projector

            for_projector(dialog)
        accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
        minutes = dialog.intValue()
        dialog.deleteLater()
        if accepted:
            self.set_timer(minutes)

    def _timer_menu(self) -> None:
        """T in the present window: the presets at the centre of the screen."""
        present = self.presenter.present
        if present is None:
            return
        menu = QMenu(present)
        for minutes in PRESETS_MIN:
            menu.addAction(self.window.actions[f"workshop.timer_{minutes}"])
        menu.addAction(self.window.actions["workshop.timer_custom"])
        from .present_window import for_projector

        for_projector(menu)
        menu.popup(present.view.mapToGlobal(present.view.viewport().rect().center()))
        self.timer_popup = menu

    def _sound(self) -> None:
        self.timer.sound = self.window.actions["workshop.timer_sound"].isChecked()

    def _reveal(self) -> None:
        self.voting.set_revealed(self.window.actions["workshop.vote_reveal"].isChecked())

    def _timer_changed(self) -> None:
        present = self.presenter.present if self.presenting else None
        if present is not None:
            present.view.viewport().update()

    def _paint_timer(self, painter: QPainter, w: float, h: float) -> None:
        paint_timer(painter, self.timer, w, h)

    # --- keys in the present window -----------------------------------------------------------

    def _key(self, event: QKeyEvent) -> bool:
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        table = {
            K.Key_T: self._timer_menu,
            K.Key_Space: self.timer.toggle,
            K.Key_Plus: self.timer.add_minute,
            K.Key_Equal: self.timer.add_minute,
            K.Key_M: lambda: self.window.actions["workshop.timer_sound"].toggle(),
            K.Key_N: self.capture.quick_note,
            K.Key_P: self.capture.park_prompt,
            K.Key_V: self._vote_key,
        }
        action = table.get(event.key())
        if action is None:
            return False
        action()
        return True

    def _vote_key(self) -> None:
        self.voting.end() if self.voting.session is not None else self.voting.start_dialog()


def _menu(window: Any, title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == title:
            return action.menu()
    return None


def install(window: Any) -> Workshop:
    return Workshop(window)
