"""Which columns look personal: they are flagged, never printed and never saved, because a
project is mailed around and must not carry customer records. Judged by the header (e-mail,
phone, names, street address, IP, birth date, ids) and by content (most values are e-mail
addresses, phone numbers, IP addresses, street addresses or "First Last" names that rarely
repeat). A false alarm costs a click; a miss leaks a record, so the rules lean to flagging."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

from .columns import ColumnKind

_BY_NAME: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), reason)
    for pattern, reason in (
        (r"e-?mail|\bmail\b", "the header names an e-mail address"),
        (
            r"phone|\btel\b|telef|^mobile$|mobile[\s_-]*(number|no\b|nr)|\bcell\b|\bfax\b",
            "the header names a phone number",
        ),
        (r"\bip\b|ip[\s_-]?addr", "the header names an IP address"),
        (
            r"street|stra(ss|ß)e|address|adress|direcci[oó]n|indirizzo|\baddr\b|house\s*(no|number)",
            "the header names a street address",
        ),
        (r"birth|\bdob\b|geburt|naissance|nacimiento", "the header names a birth date"),
        (
            r"ssn|social\s*security|passport|national\s*id|iban|credit\s*card",
            "the header names an official number",
        ),
        (
            r"^(first|last|full|given|family|middle|sur|user|contact|customer|client|respondent|"
            r"person|member|patient|employee)?[\s_-]*name$|^(first|last|sur)name$|^(vorname|nachname|nom|prénom)$",
            "the header names a person's name",
        ),
    )
)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
_YEARS = re.compile(r"(1[89]|20)\d\d\s*[-/–]\s*(1[89]|20)\d\d")
_PHONE = re.compile(r"(?:\+|00)?[\d(][\d\s().-]{6,}\d")
_STREET = re.compile(
    r"\d+[a-z]?\s+\w[\w .'-]*\b(street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|"
    r"place|pl|square|sq|terrace)\b\.?|\b\w+(straße|strasse|str\.|weg|gasse|platz|allee)\s*\d+|"
    r"\b(rue|avenue|boulevard|chemin|via|calle|piazza)\s+\w.*",
    re.I,
)
_NAME = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ'’-]+(?: [A-ZÀ-Þ][a-zß-ÿ'’-]+){1,2}")
_SAMPLE = 2000
_SHARE = 0.6
"""The share of sampled values that must match a content rule."""


def personal_reason(name: str, kind: ColumnKind, distinct: Iterable[str], present: int) -> str:
    """Why the column looks personal, or "" if it does not. `distinct` are its distinct
    non-missing cell texts, `present` its count of non-missing cells."""
    for pattern, reason in _BY_NAME:
        if pattern.search(name.strip()):
            return reason
    if kind not in (ColumnKind.TEXT, ColumnKind.CATEGORICAL, ColumnKind.IDENTIFIER):
        return ""
    sample = [c for _, c in zip(range(_SAMPLE), distinct, strict=False)]
    for test, reason in (
        (_EMAIL.fullmatch, "its values are e-mail addresses"),
        (_is_ip, "its values are IP addresses"),
        (_is_phone, "its values are phone numbers"),
        (_STREET.search, "its values are street addresses"),
    ):
        if sample and sum(1 for c in sample if test(c)) >= _SHARE * len(sample):
            return reason
    rarely_repeats = len(sample) >= 0.5 * min(present, _SAMPLE)
    if (
        rarely_repeats
        and len(sample) >= 5
        and sum(1 for c in sample if _NAME.fullmatch(c)) >= _SHARE * len(sample)
    ):
        return "its values look like people's names"
    if kind is ColumnKind.IDENTIFIER:
        return "an identifier: it links each row to one person or account"
    return ""


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _is_phone(text: str) -> bool:
    """Seven digits or more in phone punctuation; a range of years ("2019-2020") is not one."""
    if _YEARS.fullmatch(text):
        return False
    return bool(_PHONE.fullmatch(text)) and sum(ch.isdigit() for ch in text) >= 7
