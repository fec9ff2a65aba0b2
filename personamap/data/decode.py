"""Bytes of an exported table to text. Exports come as UTF-8 (with or without a BOM), Windows
code pages (Excel's "CSV" on Windows is cp1252 in the West) and UTF-16 ("Unicode text"). A BOM
decides; else strict UTF-8; else charset-normalizer's guess, except that a guess among the
Latin single-byte code pages becomes cp1252: on short Western samples the detector cannot tell
cp1250, cp850 or cp775 from cp1252, and cp1252 is what Western exporters write."""

from __future__ import annotations

import codecs

import charset_normalizer

_BOMS = (  # (BOM, codec, name shown); UTF-32's BOM starts like UTF-16's, so it goes first
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8 with BOM"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
_LATIN_GUESSES = ("cp125", "cp7", "cp8", "latin", "iso8859", "mac_", "hp_roman", "ptcp154")
_NOT_LATIN = (
    "cp1251",
    "cp1253",
    "cp1255",
    "cp1256",
    "cp855",
    "cp866",
    "cp737",
    "cp869",
    "iso8859_5",
    "iso8859_6",
    "iso8859_7",
    "iso8859_8",
    "mac_cyrillic",
    "mac_greek",
    "cp864",
    "cp862",
)
_SAMPLE = 256 * 1024


class UndecodableError(ValueError):
    """The bytes are no text in any encoding we can tell."""


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of `data`; raises UndecodableError for binary or unknown bytes."""
    for bom, codec, shown in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec), shown
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16), utf16
    if b"\x00" in data:
        raise UndecodableError("binary data, not a text table")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:_SAMPLE]).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding.startswith(_LATIN_GUESSES) and not encoding.startswith(_NOT_LATIN):
        encoding = "cp1252"
    return _strict(data, encoding), encoding


def _utf16_without_bom(data: bytes) -> str:
    """utf-16-le/-be when every other byte of the start is NUL (ASCII text stored as UTF-16)."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return ""
    odd, even = head[1::2], head[0::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return ""


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise UndecodableError(f"not valid {encoding} text") from None
    if "\x00" in text:
        raise UndecodableError("binary data, not a text table")
    return text
