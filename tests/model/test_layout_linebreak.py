"""The layout's stand-in measure wraps like the PDF: at the Unicode break opportunities, with
no line starting with closing punctuation and the spaces between CJK names kept."""

from __future__ import annotations

from personamap.model.layout import ApproxMeasure
from personamap.model.layout.direction import aligned, is_rtl

MEASURE = ApproxMeasure()


def test_cjk_wraps_between_ideographs_never_before_closing_punctuation() -> None:
    # 10 px type: an ideograph is 10 wide, so a 30 wide line holds three
    assert MEASURE.wrap("王小明 山田太郎", 200, 10) == ["王小明 山田太郎"]
    assert MEASURE.wrap("王小明 山田太郎", 30, 10) == ["王小明", "山田太", "郎"]
    assert MEASURE.wrap("你好，世界。", 30, 10) == ["你好，", "世界。"]
    assert MEASURE.wrap("你好，世界。", 20, 10) == ["你", "好，", "世", "界。"]  # "，" never starts a line


def test_latin_wraps_at_spaces_and_after_hyphens() -> None:
    # 0.55 × 10 = 5.5 a character: "well-" is 27.5 wide
    assert MEASURE.wrap("a well-known tool", 40, 10) == ["a well-", "known", "tool"]
    assert MEASURE.wrap("abcdefghij", 22, 10) == ["abcd", "efgh", "ij"]


def test_a_paragraph_reads_from_its_first_strong_letter() -> None:
    assert is_rtl("שלום world") and not is_rtl("world שלום")
    assert is_rtl("123 (مرحبا)") and not is_rtl("123 ...")
    assert aligned("left", "שלום") == "right" and aligned("center", "שלום") == "center"
    assert aligned("right", "hello") == "right"
