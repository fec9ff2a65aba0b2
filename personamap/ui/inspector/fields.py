"""Bound editors for single values: one line, many lines, choices, numbers, dates, sliders,
colours, switches and tag lists. Each applies its edit as an op at the moment a person would
call it done (Enter or leaving the field, a pause in typing, releasing a slider), so one edit
is one undo step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
)

from ...model import clean_text
from .base import Binding, FormContext, Getter, Setter
from .widgets import row, tool_button

IDLE_MS = 700
NOT_SET = QDate(1900, 1, 1)


class _FocusWatch(QObject):
    """Calls back when a widget gains focus: a new typing session begins there."""

    def __init__(self, widget: QWidget, on_focus: Callable[[], None]) -> None:
        super().__init__(widget)
        self._on_focus = on_focus
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._on_focus()
        return False


class _Line(QLineEdit):
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class LineField(Binding):
    """One line of text, applied on Enter or when focus leaves; Escape reverts."""

    def __init__(
        self,
        ctx: FormContext,
        getter: Getter,
        setter: Setter | None,
        *,
        placeholder: str = "",
        fmt: Callable[[Any], str] | None = None,
        parse: Callable[[str], Any] | None = None,
    ) -> None:
        self.edit = _Line()
        self.edit.setPlaceholderText(placeholder)
        super().__init__(ctx, getter, setter, self.edit)
        self.fmt = fmt or (lambda v: "" if v is None else str(v))
        self.parse = parse or (lambda text: text)
        self.edit.editingFinished.connect(self.finish)
        self.edit.escaped.connect(self.revert)

    def show(self, value: Any) -> None:
        self.edit.setText(self.fmt(value))
        self.edit.setCursorPosition(0)
        self.edit.setModified(False)

    def finish(self) -> None:
        if not self.edit.isModified():
            return
        self.edit.setModified(False)
        text = clean_text(self.edit.text(), one_line=True).strip()
        try:
            value = self.parse(text)
        except ValueError as exc:
            self.ctx.window.show_message(str(exc))
            self.revert()
            return
        self.commit(value)


class _Plain(QPlainTextEdit):
    focus_left = Signal()
    resized = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class TextField(Binding):
    """Several lines of text, applied after a pause in typing and when focus leaves; all the
    applies of one visit to the field merge into one undo step."""

    def __init__(
        self,
        ctx: FormContext,
        getter: Getter,
        setter: Setter | None,
        *,
        placeholder: str = "",
        lines: int = 3,
    ) -> None:
        self.edit = _Plain()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setTabChangesFocus(True)
        super().__init__(ctx, getter, setter, self.edit)
        self._min_lines = lines
        self._session = 0
        self._loading = False
        self._timer = QTimer(self.edit)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self.finish)
        self.edit.textChanged.connect(self._typed)
        self.edit.focus_left.connect(self.finish)
        self.edit.resized.connect(self._fit)
        _FocusWatch(self.edit, self._new_session)
        self._fit()

    def _new_session(self) -> None:
        self._session += 1

    def _typed(self) -> None:
        self._fit()
        if not self._loading:
            self._timer.start()

    def _fit(self) -> None:
        """Grow with the text (wrapped lines counted) up to twelve lines, then scroll."""
        shown = int(self.edit.document().documentLayout().documentSize().height())  # in lines
        lines = max(self._min_lines, min(12, shown + 1))
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if shown >= 12 else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.edit.setVerticalScrollBarPolicy(policy)
        line = self.edit.fontMetrics().lineSpacing()
        height = int(lines * line + 14)
        if height != self.edit.height():
            self.edit.setFixedHeight(height)

    def show(self, value: Any) -> None:
        self._loading = True
        self.edit.setPlainText(value or "")
        self._loading = False

    def finish(self) -> None:
        self._timer.stop()
        value = clean_text(self.edit.toPlainText())
        self.commit(value, merge_key=("inspector-text", id(self), self._session))


class ComboField(Binding):
    """A choice among labelled values (enums, presets)."""

    def __init__(
        self, ctx: FormContext, getter: Getter, setter: Setter | None, choices: Sequence[tuple[str, Any]]
    ) -> None:
        self.combo = QComboBox()
        for label, value in choices:
            self.combo.addItem(label, value)
        super().__init__(ctx, getter, setter, self.combo)
        self.combo.activated.connect(lambda index: self.commit(self.combo.itemData(index)))

    def show(self, value: Any) -> None:
        for k in range(self.combo.count()):
            if self.combo.itemData(k) == value:
                self.combo.setCurrentIndex(k)
                return
        self.combo.setCurrentIndex(-1)


class SpinField(Binding):
    """A whole number; the step below `minimum` reads `none_text` and means "not set"."""

    def __init__(
        self,
        ctx: FormContext,
        getter: Getter,
        setter: Setter | None,
        minimum: int,
        maximum: int,
        *,
        none_text: str = "",
        suffix: str = "",
    ) -> None:
        self.spin = QSpinBox()
        self._optional = bool(none_text)
        self.spin.setRange(minimum - 1 if self._optional else minimum, maximum)
        self.spin.setSpecialValueText(none_text)
        self.spin.setSuffix(suffix)
        self.spin.setKeyboardTracking(False)
        super().__init__(ctx, getter, setter, self.spin)
        self._session = 0
        _FocusWatch(self.spin, self._new_session)
        self.spin.valueChanged.connect(self._changed)
        self._loading = False

    def _new_session(self) -> None:
        self._session += 1

    def show(self, value: Any) -> None:
        self._loading = True
        self.spin.setValue(self.spin.minimum() if value is None else int(value))
        self._loading = False

    def _changed(self, number: int) -> None:
        if self._loading:
            return
        value = None if self._optional and number == self.spin.minimum() else number
        self.commit(value, merge_key=("inspector-spin", id(self), self._session))


class _DateEdit(QDateEdit):
    """A date edit whose calendar opens on today's month when no date is set yet."""

    def __init__(self) -> None:
        super().__init__()
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NOT_SET)
        self.setSpecialValueText("Not set")
        self.setKeyboardTracking(False)
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.date() == NOT_SET:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return False


class DateField(Binding):
    """A date with a calendar popup and a "not set" state (cleared with the × button)."""

    echo = True

    def __init__(self, ctx: FormContext, getter: Getter, setter: Setter | None) -> None:
        self.date_edit = _DateEdit()
        self.clear = tool_button("×", "Clear the date")
        super().__init__(ctx, getter, setter, self.date_edit)
        self.box = row(self.date_edit, self.clear, stretch=0)
        self._loading = False
        self.date_edit.dateChanged.connect(self._changed)
        self.clear.clicked.connect(lambda: self.commit(None))
        policy = self.clear.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.clear.setSizePolicy(policy)
        self.clear.setEnabled(setter is not None)

    def show(self, value: Any) -> None:
        self._loading = True
        self.date_edit.setDate(NOT_SET if value is None else QDate(value.year, value.month, value.day))
        self._loading = False
        self.clear.setVisible(value is not None)

    def _changed(self, date: QDate) -> None:
        if self._loading:
            return
        value = None if date == NOT_SET else dt.date(date.year(), date.month(), date.day())
        self.commit(value)


class SliderField(Binding):
    """A 0..100 scale; a drag applies once, on release, so it is one undo step."""

    def __init__(self, ctx: FormContext, getter: Getter, setter: Setter | None) -> None:
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(10)
        super().__init__(ctx, getter, setter, self.slider)
        self._loading = False
        self._session = 0
        _FocusWatch(self.slider, self._new_session)
        self.slider.sliderReleased.connect(lambda: self.commit(float(self.slider.value())))
        self.slider.valueChanged.connect(self._changed)

    def _new_session(self) -> None:
        self._session += 1

    def show(self, value: Any) -> None:
        self._loading = True
        self.slider.setValue(round(value))
        self._loading = False

    def _changed(self, value: int) -> None:
        if self._loading or self.slider.isSliderDown():
            return  # a drag applies on release
        self.commit(float(value), merge_key=("inspector-slider", id(self), self._session))


class CheckField(Binding):
    def __init__(self, ctx: FormContext, getter: Getter, setter: Setter | None, text: str) -> None:
        self.check = QCheckBox(text)
        super().__init__(ctx, getter, setter, self.check)
        self.check.clicked.connect(lambda on: self.commit(bool(on)))

    def show(self, value: Any) -> None:
        self.check.setChecked(bool(value))


def _swatch_style(color: str, chosen: bool) -> str:
    """A round swatch; the chosen one has a ring in the text colour (a second channel besides
    colour), so it shows in every theme."""
    ring, width, side = ("palette(text)", 3, 16) if chosen else ("palette(mid)", 1, 20)
    return (
        f"QToolButton {{ background: {color}; border: {width}px solid {ring}; border-radius: 11px;"
        f" min-width: {side}px; min-height: {side}px; max-width: {side}px; max-height: {side}px; }}"
    )


class ColorField(Binding):
    """Swatches for the palette's colours, plus a custom colour when `custom` is on.
    `choices` are (value, hex shown, name)."""

    echo = True

    def __init__(
        self,
        ctx: FormContext,
        getter: Getter,
        setter: Setter | None,
        choices: Sequence[tuple[Any, str, str]],
        *,
        custom: bool = False,
    ) -> None:
        self.buttons: list[tuple[Any, str, QToolButton]] = []
        for value, shown, name in choices:
            button = QToolButton()
            button.setToolTip(name)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _c=False, v=value: self.commit(v))
            self.buttons.append((value, shown, button))
        widgets: list[QWidget] = [b for _v, _s, b in self.buttons]
        self.custom_button: QToolButton | None = None
        if custom:
            self.custom_button = tool_button("…", "Choose another colour")
            self.custom_button.clicked.connect(self._pick)
            widgets.append(self.custom_button)
        box = row(*widgets, spacing=6)
        box.layout().addStretch(1)
        super().__init__(ctx, getter, setter, box)

    def show(self, value: Any) -> None:
        for v, shown, button in self.buttons:
            button.setStyleSheet(_swatch_style(shown, v == value))
        if self.custom_button is not None:
            known = any(v == value for v, _s, _b in self.buttons)
            self.custom_button.setStyleSheet("" if known else _swatch_style(str(value), True))

    def _pick(self) -> None:
        color = QColorDialog.getColor(QColor(str(self.current())), self.widget, "Persona colour")
        if color.isValid():
            self.commit(color.name().upper())


def parse_tags(text: str) -> list[str]:
    """`"a, b,, a"` -> `["a", "b"]`: comma separated, trimmed, without empties or repeats."""
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


def tags_field(ctx: FormContext, getter: Getter, setter: Setter | None) -> LineField:
    return LineField(
        ctx, getter, setter, placeholder="tag, another tag", fmt=lambda v: ", ".join(v), parse=parse_tags
    )


def parse_number(text: str) -> float | None:
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise ValueError(f"“{text}” is not a number") from None


def number_field(ctx: FormContext, getter: Getter, setter: Setter | None) -> LineField:
    return LineField(
        ctx, getter, setter, placeholder="—", fmt=lambda v: "" if v is None else f"{v:g}", parse=parse_number
    )
