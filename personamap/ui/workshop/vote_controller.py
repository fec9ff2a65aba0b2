"""Running a dot vote from the facilitator's windows: set it up, cast and take back dots,
switch participants, reveal, and act on the results (`workshop.voting` in tests)."""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGraphicsView,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ...canvas.items.empathy import EmpathyMapItem
from ...canvas.items.journey_map import JourneyMapItem
from ...model import ops
from ...model.votes_report import voted_notes, votes_csv
from . import vote_results
from .present_window import for_projector
from .presenter import paint_chip
from .voting import VoteDecorator, VoteInput, VoteSession, cast_op, make_participants, notes_in, session_name

SCOPES = (
    ("board", "All maps on this board"),
    ("map", "The selected map"),
    ("selection", "The selected notes"),
)


class VoteSetupDialog(QDialog):
    """Participants (one a line), dots each, and what to vote on."""

    def __init__(self, parent: QWidget | None, names: list[str], dots: int) -> None:
        super().__init__(parent)
        self.setWindowTitle("Start a dot vote")
        self.names = QPlainTextEdit("\n".join(names))
        self.names.setPlaceholderText("One participant a line (empty: one shared pool)")
        self.names.setTabChangesFocus(True)
        self.dots = QSpinBox()
        self.dots.setRange(1, 50)
        self.dots.setValue(dots)
        self.scope = QComboBox()
        for key, text in SCOPES:
            self.scope.addItem(text, key)
        form = QFormLayout(self)
        form.addRow("Participants:", self.names)
        form.addRow("Dots each:", self.dots)
        form.addRow("Vote on:", self.scope)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def participant_names(self) -> list[str]:
        return self.names.toPlainText().splitlines()


class VotingController:
    def __init__(self, window: Any, presenter: Any) -> None:
        self.window = window
        self.presenter = presenter
        self.session: VoteSession | None = None
        self.decorator: VoteDecorator | None = None
        self.input = VoteInput(self)
        self.last_names: list[str] = ["Participant 1", "Participant 2", "Participant 3"]
        self.last_dots = 3
        self.changed: list[Callable[[], None]] = []
        """Called after a vote starts or ends (a live session opens and closes it too)."""
        presenter.painters.append(self.paint_status)
        window.tabs.current_view_changed.connect(lambda _v: self._attach())

    # --- session ------------------------------------------------------------------------------

    def start_dialog(self) -> bool:
        """Set up a vote; while presenting, on the projector at its text size (the room reads it)."""
        present = self.presenter.present
        dialog = VoteSetupDialog(present or self.window, self.last_names, self.last_dots)
        if present is not None:
            for_projector(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.start(dialog.participant_names(), dialog.dots.value(), dialog.scope.currentData())

    def start(self, names: list[str], dots: int, scope: str = "board") -> bool:
        doc = self.window.document
        view = self._view()
        if doc is None or view is None:
            return False
        owners, note_ids = self._scope(view, scope)
        if owners is not None and not owners:
            self.window.show_message("Nothing to vote on: select a journey or empathy map, or notes.")
            return False
        self.end()
        self.last_names, self.last_dots = [n for n in names if n.strip()], dots
        self.session = VoteSession(session_name(), make_participants(names), max(1, dots), owners, note_ids)
        self.decorator = VoteDecorator(self.session)
        doc.changed.connect(self._recount)
        self._recount()
        self._attach()
        self._say(f"Dot vote started: {len(self.session.participants)} participants, {dots} dots each")
        self._changed()
        return True

    def _scope(self, view: QGraphicsView, scope: str) -> tuple[set[str] | None, set[str] | None]:
        scene = view.board_scene  # type: ignore[attr-defined]
        maps = [i for i in scene.items_by_id.values() if isinstance(i, JourneyMapItem | EmpathyMapItem)]
        if scope == "selection":
            notes = notes_in(view)
            if notes:
                return {n.owner_id for n in notes}, {n.note_id for n in notes}
            scope = "map"
        if scope == "map":
            chosen = [m for m in maps if m.isSelected()] or [
                m for m in maps if any(n.isSelected() for n in m.note_items.values())
            ]
            if chosen:
                return {_owner(m) for m in chosen}, None
        return {_owner(m) for m in maps}, None

    def end(self) -> None:
        if self.session is None:
            return
        doc = self.window.document
        if doc is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                doc.changed.disconnect(self._recount)
        self.session, self.decorator = None, None
        self.input.detach_all()
        for view in self.window.tabs.views.values():
            view.board_scene.note_decorator = None
            view.board_scene.update()
        self._say("Dot vote ended")
        self._changed()

    def _changed(self) -> None:
        for hook in list(self.changed):
            hook()

    def _view(self) -> QGraphicsView | None:
        if self.presenter.present is not None:
            return self.presenter.present.view
        return self.window.tabs.current_view()

    def _attach(self) -> None:
        if self.session is None:
            return
        views = list(self.window.tabs.views.values())
        if self.presenter.present is not None:
            views.append(self.presenter.present.view)
        for view in views:
            view.board_scene.note_decorator = self.decorator
            view.board_scene.update()
            self.input.attach(view)

    def _recount(self, *_: object) -> None:
        s, doc = self.session, self.window.document
        if s is None or doc is None:
            return
        s.counts = {}
        for owner_id, note in voted_notes(doc.project):
            if s.in_scope(owner_id, note.id):
                by = Counter(v.participant for v in note.votes if v.session == s.name)
                if by:
                    s.counts[note.id] = by
        if self.decorator is not None:
            self.decorator.refresh()
        for view in self.window.tabs.views.values():
            view.board_scene.update()
        if self.presenter.present is not None:
            self.presenter.present.view.viewport().update()

    # --- dots ---------------------------------------------------------------------------------

    def dots_left(self, name: str | None = None) -> int:
        s = self.session
        if s is None:
            return 0
        return max(0, s.dots - s.used(name or s.participant.name))

    def cast(self, owner_id: str, note_id: str) -> bool:
        """One dot on a note; a note outside the vote or a participant out of dots is refused
        like any edit (Document.try_apply), so the reason reaches the status bar or the room."""
        s, doc = self.session, self.window.document
        if s is None or doc is None:
            return False

        def vote(project: Any) -> ops.Op:
            if not s.in_scope(owner_id, note_id):
                raise ops.OpError("This note is not part of the vote.")
            if self.dots_left() <= 0:
                raise ops.OpError(f"{s.participant.name} has no dots left.")
            return cast_op(project, s, owner_id, note_id)

        return doc.try_apply(vote)

    def take_back(self, owner_id: str, note_id: str) -> bool:
        s, doc = self.session, self.window.document
        if s is None or doc is None or not s.counts.get(note_id, Counter()).get(s.participant.name):
            return False
        name = s.participant.name
        return doc.try_apply(lambda p: ops.remove_vote(p, owner_id, note_id, name))

    def select(self, index: int) -> None:
        s = self.session
        if s is not None and 0 <= index < len(s.participants):
            s.current = index
            self._recount()
            self._say(f"Voting: {s.participant.name} ({self.dots_left()} dots left)")

    def key(self, event: QKeyEvent, view: QGraphicsView) -> bool:
        """1–9 choose a participant, Enter votes for the selected notes, R reveals."""
        s = self.session
        if s is None or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.select(key - Qt.Key.Key_1)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            for note in notes_in(view):
                self.cast(note.owner_id, note.note_id)
            return True
        if key == Qt.Key.Key_R:
            self.set_revealed(not s.revealed)
            return True
        return False

    # --- results ------------------------------------------------------------------------------

    def set_revealed(self, revealed: bool) -> None:
        if self.session is not None:
            self.session.revealed = revealed
            self._recount()
            if not self.presenter.active:  # presenting, the status chip already says so
                self.window.show_message("Votes revealed" if revealed else "Votes hidden")

    def _act(self, what: Any, done: str) -> int:
        doc = self.window.document
        if doc is None:
            return 0
        s = self.session
        session = s.name if s is not None else None
        owners = s.owners if s is not None else None
        plan = what(doc.project, session, owners)
        if not doc.try_apply_all(plan.name, plan.builds):
            return 0
        self._say(done.format(n=plan.count))
        return plan.count

    def sort(self) -> int:
        return self._act(vote_results.sort_by_votes, "Sorted notes by votes ({n} moved)")

    def keep_as_tags(self) -> int:
        return self._act(vote_results.keep_as_tags, "Tagged {n} voted notes")

    def keep_as_lane(self) -> int:
        return self._act(vote_results.keep_as_lane, "Added a Votes lane ({n} notes)")

    def clear(self) -> int:
        """Clear this session's dots (all dots when no vote runs); one undo step."""
        return self._act(vote_results.clear_votes, "Cleared {n} votes")

    def export_csv(self, path: Path | None = None) -> Path | None:
        doc = self.window.document
        if doc is None:
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window, "Export votes as CSV", "votes.csv", "CSV (*.csv)"
            )
            if not name:
                return None
            path = Path(name)
        path.write_text(votes_csv(doc.project), encoding="utf-8-sig")
        self._say(f"Wrote the votes to {path}")
        return path

    # --- drawing ------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.presenter.flash(text) if self.presenter.active else self.window.show_message(text)

    def paint_status(self, painter: QPainter, w: float, h: float) -> None:
        """Bottom right of the present view: who votes now and their dots left."""
        s = self.session
        if s is None:
            return
        if s.revealed:
            paint_chip(painter, "Votes revealed", w - 24, h - 24, align_left=False, max_width=w * 0.36)
            return
        text = f"{s.participant.name}: {self.dots_left()} of {s.dots} dots left"
        paint_chip(
            painter, text, w - 24, h - 24, align_left=False, dot=s.participant.color, max_width=w * 0.36
        )


def _owner(item: Any) -> str:
    return item.journey_id if isinstance(item, JourneyMapItem) else item.map_id
