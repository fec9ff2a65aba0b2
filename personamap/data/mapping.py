"""Which persona field a table column fills, guessed from its header (English, with common
German, French and Spanish words) and its kind, so an import starts with sensible suggestions
the user only corrects. Personal columns never map: their values must not reach a persona."""

from __future__ import annotations

import re
from typing import NamedTuple

from personamap.data.columns import Column, ColumnKind, Table
from personamap.model.persona import LIST_SECTIONS


class FieldChoice(NamedTuple):
    """A persona field a column can fill: its dotted path and the words a person reads."""

    path: str
    label: str


MAPPABLE_FIELDS: tuple[FieldChoice, ...] = (
    FieldChoice("demographics.age", "Age"),
    FieldChoice("demographics.gender", "Gender"),
    FieldChoice("demographics.location", "Location"),
    FieldChoice("demographics.education", "Education"),
    FieldChoice("demographics.income_band", "Income band"),
    FieldChoice("demographics.household", "Household"),
    FieldChoice("firmographics.industry", "Industry"),
    FieldChoice("firmographics.company_size", "Company size"),
    FieldChoice("firmographics.department", "Department"),
    FieldChoice("firmographics.seniority", "Seniority"),
    FieldChoice("role", "Role (job title)"),
    FieldChoice("channels", "Channels"),
    FieldChoice("behaviour.devices", "Devices"),
    FieldChoice("behaviour.usage_frequency", "Usage frequency"),
    *(FieldChoice(section, section.capitalize()) for section in LIST_SECTIONS),
    FieldChoice("value_figures", "Value figures"),
)
"""Every field a column may fill, in the order an import window offers them."""

LIST_FIELDS = frozenset({"channels", "behaviour.devices", "value_figures", *LIST_SECTIONS})
"""Fields that take one entry per column (or per option); every other field takes one value,
so only one column is suggested for it."""

YES = frozenset({"yes", "y", "true", "1", "ja", "oui", "si", "sí", "churned", "cancelled", "canceled"})
NO = frozenset({"no", "n", "none", "false", "0", "nein", "non", "not churned", "active", "retained"})

_CHOICE = (ColumnKind.CATEGORICAL, ColumnKind.MULTI_SELECT)
_ONE = (ColumnKind.CATEGORICAL,)
_ONE_OR_NUMBER = (ColumnKind.CATEGORICAL, ColumnKind.NUMERIC)

RATE_HEADER = re.compile(
    r"churn|cancel|attrition|retain|retention|\bleft\b|k[üu]ndig|abwander|r[ée]sili|d[ée]sabonn|"
    r"\bbaja\b|cancelad",
    re.I,
)
"""Headers of yes/no columns whose share of yes is a business figure (churn rate)."""

MONEY_HEADER = re.compile(
    r"charge|spend|revenue|price|\bltv\b|lifetime value|order value|\baov\b|\barpu\b|\bmrr\b|\barr\b|balance|"
    r"\bcost|amount|\bfee|umsatz|ausgaben|preis|kosten|betrag|d[ée]pense|chiffre d.affaires|\bprix\b|"
    r"montant|\bgasto|precio|importe|facturaci",
    re.I,
)

_RULES: tuple[tuple[str, str, tuple[ColumnKind, ...]], ...] = (
    (
        "firmographics.company_size",
        r"company size|org(anisation|anization)? size|employees|headcount|"
        r"mitarbeiter|unternehmensgr|firmengr|effectif|taille( de l.)? entreprise|empleados|tama[ñn]o",
        _ONE_OR_NUMBER,
    ),
    (
        "demographics.age",
        r"\bage\b|\bage (group|band|range)|\balter\b|\bâge\b|\bedad\b|altersgruppe",
        _ONE_OR_NUMBER,
    ),
    ("demographics.gender", r"gender|\bsex\b|geschlecht|\bsexe\b|g[ée]nero", _ONE),
    (
        "demographics.location",
        r"country|city|region|\bstate\b|location|\bland\b|stadt|\bort\b|wohnort|"
        r"bundesland|\bpays\b|ville|pa[íi]s|ciudad|provincia|\bmarket\b",
        _ONE,
    ),
    (
        "demographics.education",
        r"education|degree|qualification|bildung|abschluss|[ée]ducation|dipl[ôo]me|"
        r"[ée]tudes|educaci[óo]n|estudios",
        _ONE,
    ),
    (
        "demographics.income_band",
        r"income|salary|earnings|einkommen|gehalt|\brevenus?\b|salaire|ingresos|"
        r"salario",
        _ONE_OR_NUMBER,
    ),
    (
        "demographics.household",
        r"household|family|children|\bkids\b|dependents|partner|marital|haushalt|"
        r"familie|kinder|familienstand|\bfoyer\b|famille|enfants|hogar|familia|hijos",
        _ONE_OR_NUMBER,
    ),
    ("firmographics.industry", r"industry|sector|vertical|branche|industrie|secteur|industria", _ONE),
    ("firmographics.department", r"department|abteilung|d[ée]partement|departamento", _ONE),
    (
        "firmographics.seniority",
        r"seniority|job level|career level|management level|hierarchie|"
        r"hi[ée]rarchi|jerarqu[íi]a",
        _ONE,
    ),
    (
        "role",
        r"job title|\bjob\b|\brole\b|occupation|profession|position|beruf|\brolle\b|\bposte\b|"
        r"m[ée]tier|puesto|\bcargo\b|ocupaci[óo]n",
        _ONE,
    ),
    (
        "channels",
        r"channel|\bsource\b|how did you (hear|find)|referr|kan[äa]l|quelle|wie haben sie|"
        r"\bcanal|canaux|comment avez.vous|fuente|c[óo]mo nos",
        _CHOICE,
    ),
    (
        "behaviour.devices",
        r"device|platform|ger[äa]t|plattform|appareil|plateforme|dispositivo|plataforma",
        _CHOICE,
    ),
    (
        "behaviour.usage_frequency",
        r"frequency|how often|h[äa]ufigkeit|wie oft|fr[ée]quence|frecuencia",
        _ONE_OR_NUMBER,
    ),
    ("goals", r"goal|objective|\bziele?\b|objectif|objetivo|\bmetas?\b", _CHOICE),
    ("needs", r"\bneeds?\b|bed[üu]rfnis|besoin|necesidad", _CHOICE),
    ("frustrations", r"frustra|pain point|\bpains?\b|problem|challenge|schmerzpunkt|probl[èe]me", _CHOICE),
    ("motivations", r"motivation|motive|motivaci|\bmotivo", _CHOICE),
)
_COMPILED = tuple((path, re.compile(pattern, re.I), kinds) for path, pattern, kinds in _RULES)


def plain_header(name: str) -> str:
    """A header as words: `MonthlyCharges` and `monthly_charges` both read "monthly charges"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
    return " ".join(re.sub(r"[_\-./()\[\]:€$£%#*]+", " ", spaced).split()).lower()


def is_yes(value: str) -> bool:
    return value.strip().casefold() in YES


def is_yes_no(column: Column) -> bool:
    """Two answers at most, one of them a yes (categorical), or only 0 and 1 (numeric)."""
    present = {v for v in column.values if v is not None}
    if column.kind is ColumnKind.NUMERIC:
        return bool(present) and present <= {0.0, 1.0}
    if column.kind is not ColumnKind.CATEGORICAL or not 1 <= len(present) <= 2:
        return False
    words = {str(v).strip().casefold() for v in present}
    return bool(words & YES) and words <= YES | NO


def guess_field(column: Column) -> str:
    """The persona field `column` most likely fills, or "" when none (always "" when personal)."""
    if column.personal or column.kind in (ColumnKind.TEXT, ColumnKind.IDENTIFIER, ColumnKind.DATE):
        return ""
    header = plain_header(column.name)
    if RATE_HEADER.search(header) and is_yes_no(column):
        return "value_figures"
    for path, pattern, kinds in _COMPILED:
        if column.kind in kinds and pattern.search(header):
            return path
    if column.kind is ColumnKind.NUMERIC and MONEY_HEADER.search(header):
        return "value_figures"
    return ""


def suggest_mapping(table: Table) -> dict[str, str]:
    """Column name → persona field path for every column whose field can be guessed; a field
    that holds one value is suggested for its first column only."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for column in table.columns:
        path = guess_field(column)
        if not path or path in taken:
            continue
        out[column.name] = path
        if path not in LIST_FIELDS:
            taken.add(path)
    return out
