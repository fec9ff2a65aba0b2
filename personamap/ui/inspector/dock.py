"""The inspector dock: a form for whatever the current board's selection is, the project's
form when nothing is selected, a short summary for several things.

It follows the current tab's scene selection and the document's change notices; the forms
refresh themselves from the model, so an edit made on the canvas, an undo or an edit made
here show everywhere at once.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QVBoxLayout, QWidget

from ...canvas.target import Target
from ...document import Document
from ...model.arrange import ELEMENT_NOUNS
from ...style import Theme
from .base import Form, FormContext
from .project_form import ProjectForm
from .widgets import inspector_style, plain_label

ELEMENT_NAMES = {**ELEMENT_NOUNS, "persona_card": ("persona card", "persona cards")}
"""Undo names say "card"; a heading has room to say which kind."""


class InspectorDock(QDockWidget):
    """Right-hand dock; `show_target` may also be called directly (Find, tests)."""

    def __init__(self, window: Any) -> None:
        super().__init__("Inspector", window)
        self.setObjectName("inspector")
        self.main_window = window
        self.ctx = FormContext(window)
        self.form: Form | None = None
        self.target: Target | None = None
        self._documents: list[Document] = []
        body = QWidget()
        body.setObjectName("inspectorBody")
        self.body = body
        self.apply_theme(window.tabs.theme)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.heading = plain_label(object_name="heading", wrap=True)
        self.heading.setContentsMargins(10, 6, 10, 6)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroll, 1)
        self.setWidget(body)
        self.setMinimumWidth(330)
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(0)
        self._follow.timeout.connect(self.follow_selection)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        window.resizeDocks([self], [380], Qt.Orientation.Horizontal)
        window.tabs.current_view_changed.connect(self._on_view)
        window.files.document_changed.connect(self._on_document)
        self._on_document(window.document)

    def apply_theme(self, theme: Theme) -> None:
        """Restyle the whole dock, the open page included (View ▸ Theme)."""
        self.body.setStyleSheet(inspector_style(theme))

    # --- what to show -------------------------------------------------------------------

    def follow_selection(self) -> None:
        """Show what the current board has selected (the project when nothing)."""
        if self.main_window.document is None:
            self._set_form(None, "Open or create a project to edit it here.")
            return
        view = self.main_window.tabs.current_view()
        items = [i for i in view.board_scene.selectedItems() if hasattr(i, "target")] if view else []
        if len(items) == 1:
            self.show_target(items[0].target())
        elif items:
            self.show_summary([i.target() for i in items])
        else:
            self.show_target(None)

    def show_target(self, target: Target | None) -> None:
        """Show the form for `target` (None: the project)."""
        if self.main_window.document is None:
            return
        if self.form is not None and target == self.target and self.form.alive(self.ctx.project):
            self.refresh()
            return
        self._set_form(None)
        view = self.main_window.tabs.current_view()
        board_id = view.board_scene.board_id if view else None
        if target is None:
            form = ProjectForm(self.ctx)
        else:
            from .forms import form_for  # the forms load with the first selection (start-up)

            form = form_for(self.ctx, target, board_id)
        if form is None:
            self._set_form(None, "Nothing to edit for this item.")
            return
        self.target = target
        self._set_form(form)

    def show_source(self, source_id: str, *, focus: bool = False) -> bool:
        """Show a source of the research library (picked in the Library dock), with the cursor
        in its title when `focus`. The board's selection is cleared first: the inspector shows
        one thing, and a click on any card afterwards is a new selection it follows."""
        view = self.main_window.tabs.current_view()
        if view is not None and view.board_scene.selectedItems():
            view.board_scene.clearSelection()
        self._follow.stop()  # the pick comes after any selection change still pending
        from .source_form import SourceForm

        self.show()
        self.show_target(Target("source", source_id))
        form = self.form
        if not isinstance(form, SourceForm) or form.source_id != source_id:
            return False
        if focus:
            edit = form.title_field.edit
            edit.setFocus()
            edit.selectAll()
        return True

    def show_summary(self, targets: list[Target]) -> None:
        from .element_forms import element_of

        project = self.ctx.project
        kinds: Counter[str] = Counter()
        for t in targets:
            if t.kind == "element" and t.owner:
                try:
                    kinds[element_of(project, t.owner, t.id).type] += 1
                    continue
                except LookupError:
                    pass
            kinds[t.kind] += 1
        parts = [
            f"{n} {ELEMENT_NAMES.get(k, (k.replace('_', ' '), k.replace('_', ' ') + 's'))[n > 1]}"
            for k, n in kinds.items()
        ]
        noun = "elements" if all(t.kind == "element" for t in targets) else "items"
        self._set_form(None, f"{len(targets)} {noun} selected: {', '.join(parts)}.")
        self.heading.setText(f"{len(targets)} {noun} selected")

    def _set_form(self, form: Form | None, message: str = "") -> None:
        old, self.form = self.form, None
        taken = self.scroll.takeWidget()
        for widget in {id(w): w for w in (old, taken) if w is not None}.values():
            widget.hide()
            widget.deleteLater()
        if form is None:
            self.target = None
            note = plain_label(message, object_name="muted", wrap=True)
            note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            note.setContentsMargins(12, 12, 12, 12)
            self.scroll.setWidget(note)
            self.heading.setText("Inspector")
            return
        self.form = form
        self.scroll.setWidget(form)
        self.heading.setText(form.heading(self.ctx.project))

    def refresh(self, initiator: object = None) -> None:
        if self.form is None:
            return
        self.form.refresh(initiator)
        self.heading.setText(self.form.heading(self.ctx.project))

    # --- signals ------------------------------------------------------------------------

    def _on_document(self, document: Document | None) -> None:
        self.target = None
        self._set_form(None)
        if document is not None and not any(d is document for d in self._documents):
            self._documents = [document]
            document.changed.connect(lambda changes, initiator, d=document: self._on_changed(d, initiator))
            document.replaced.connect(lambda d=document: self._on_changed(d, None))
        self._on_view(self.main_window.tabs.current_view())
        self.follow_selection()

    def _on_view(self, view: Any) -> None:
        if view is not None:
            scene = view.board_scene
            if not scene.property("inspector_follows"):
                scene.setProperty("inspector_follows", True)
                scene.selectionChanged.connect(self._follow.start)
        self._follow.start()

    def _on_changed(self, document: Document, initiator: object) -> None:
        if document is not self.main_window.document or self.form is None:
            return
        if not self.form.alive(document.project):
            self.follow_selection()
            if self.form is not None and not self.form.alive(document.project):
                self.show_target(None)
            return
        self.refresh(initiator)
