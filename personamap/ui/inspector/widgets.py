"""Small building blocks of the inspector's look: collapsible sections, plain-text labels,
compact tool buttons and form layouts that fit a narrow dock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...style import Theme

_EXPANDED: dict[str, bool] = {}
"""Which sections the user opened or closed, by key, for this session: a newly selected
persona opens with the same sections open."""


def inspector_style(theme: Theme) -> str:
    """The inspector's one style sheet, in `theme`'s colours. Every colour the inspector
    shows is named here (by object name), so a theme switch restyles the open page whole."""
    return f"""
QWidget#inspectorBody {{ background: {theme.window}; color: {theme.text}; }}
QLabel#heading {{ font-size: 15px; font-weight: 600; padding: 2px 0; color: {theme.text}; }}
QToolButton#sectionHeader {{
    border: none; border-top: 1px solid {theme.card_border}; background: {theme.step_fill};
    padding: 7px 6px; font-weight: 600; text-align: left; color: {theme.header_text};
}}
QToolButton#sectionHeader:hover {{ background: {theme.header}; }}
QLabel#muted {{ color: {theme.muted_text}; }}
QLabel#warning {{ color: {theme.negative}; font-weight: 600; }}
QLabel#dragHandle {{ color: {theme.muted_text}; padding: 0 2px; }}
QToolButton#up, QToolButton#down {{ font-size: 9px; color: {theme.muted_text}; }}
QToolButton#add {{ color: {theme.selection}; }}
QToolButton#sources {{ color: {theme.muted_text}; }}
QToolButton#sources[cited="true"] {{ color: {theme.selection}; }}
QToolButton#sources::menu-indicator {{ image: none; width: 0px; }}
QFrame#dropIndicator {{ background: {theme.selection}; }}
QFrame#separator {{ color: {theme.card_border}; }}
"""


def plain_label(text: str = "", *, object_name: str = "", wrap: bool = False) -> QLabel:
    """A label that shows user text as text, never as rich text."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if object_name:
        label.setObjectName(object_name)
    return label


def tool_button(text: str, tip: str, *, name: str = "") -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    if name:
        button.setObjectName(name)
    return button


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    """Labels beside fields while the dock is wide enough, above them when it is not."""
    layout = QFormLayout(parent)
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    layout.setContentsMargins(10, 8, 10, 10)
    layout.setHorizontalSpacing(10)
    layout.setVerticalSpacing(6)
    return layout


def row(*widgets: QWidget, stretch: int | None = None, spacing: int = 4) -> QWidget:
    """Widgets side by side; `stretch` names the one that takes the spare width."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for k, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if k == stretch else 0)
    return box


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setObjectName("separator")
    return line


class Section(QWidget):
    """A titled part of a long form that folds away; its header shows a count when given.
    With `build`, the body is filled the first time the section opens."""

    toggled = Signal(bool)

    def __init__(
        self,
        title: str,
        key: str,
        *,
        expanded: bool = False,
        build: Callable[[QWidget], None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.key = key
        self._build = build
        self.built = build is None
        self.header = QToolButton()
        self.header.setObjectName("sectionHeader")
        self.header.setText(title)
        self.header.setCheckable(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.body = QWidget()
        head = QWidget()
        head_layout = QHBoxLayout(head)
        head_layout.setContentsMargins(0, 0, 0, 0)
        head_layout.setSpacing(0)
        head_layout.addWidget(self.header, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(head)
        layout.addWidget(self.body)
        self.header.toggled.connect(self._toggle)
        self.header.setChecked(_EXPANDED.get(key, expanded))
        self._toggle(self.header.isChecked())

    def set_count(self, count: int | str | None) -> None:
        text = "" if count in (None, 0, "") else str(count)
        base = self.header.text().split("  ·  ")[0]
        self.header.setText(f"{base}  ·  {text}" if text else base)

    def expand(self, on: bool = True) -> None:
        self.header.setChecked(on)

    def is_expanded(self) -> bool:
        return self.header.isChecked()

    def _toggle(self, on: bool) -> None:
        if on and not self.built and self._build is not None:
            self.built = True  # the body is built when first opened: long forms open fast
            self._build(self.body)
        self.header.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body.setVisible(on)
        _EXPANDED[self.key] = on
        self.toggled.emit(on)
