"""A Mermaid `journey` diagram read the way Mermaid's own parser reads it (docs/mermaid.md).

Mermaid preprocesses the text (front matter, `%%{…}%%` directives, whole-line `%%` comments,
entity codes) and then runs a first-match lexer (user-journey/parser/journey.jison) whose rules
are copied below in their order, so quirks come along: a task line starting with `title ` is a
title, `;` ends a statement, anything after a second `:` in a task's data is ignored. Whole-line
`%% personamap KIND {json}` comments are kept: they carry what Mermaid cannot show.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .mermaid_text import JS_SPACE, decode, hide_entities, js_strip

_S = f"[{JS_SPACE}]"
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        kind,
        re.compile(pattern, re.IGNORECASE),
    )
    for kind, pattern in (
        ("skip", r"%%(?!\{)[^\n]*"),
        ("skip", r"[^}]%%[^\n]*"),
        ("newline", r"\n+"),
        ("skip", _S + "+"),
        ("skip", r"#[^\n]*"),
        ("journey", r"journey"),
        ("title", r"title" + _S + r"[^#\n;]+"),
        ("acc_title", r"accTitle" + _S + r"*:" + _S + "*"),
        ("acc_descr", r"accDescr" + _S + r"*:" + _S + "*"),
        ("acc_block", r"accDescr" + _S + r"*\{" + _S + "*"),
        ("section", r"section" + _S + r"[^#:\n;]+"),
        ("task_name", r"[^#:\n;]+"),
        ("task_data", r":[^#\n;]+"),
        ("colon", r":"),
        ("invalid", r"."),
    )
]
_REST_OF_LINE = re.compile(r"[^\n]*")
_BLOCK = re.compile(r"[^}]*")
_FRONT = re.compile(r"-{3}[ \t]*\n(.*?)\n-{3}[ \t]*(?:\n|$)", re.DOTALL)
_DIRECTIVE = re.compile(r"%%\{(?:(?!\}%%).)*(?:\}%%)?", re.DOTALL)
_COMMENT_LINE = re.compile(r"^[ \t]*%%(?!\{)[^\n]+$")
_META = re.compile(r"^[ \t]*%%[ \t]*personamap[ \t]+([a-z]+)[ \t]*(.*?)[ \t]*$")
_TITLE_KEY = re.compile(r"^title[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


class MermaidError(ValueError):
    """A diagram Mermaid would refuse, or a score personamap cannot read: `line N: reason`."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass
class Task:
    line: int
    name: str
    score: int
    actors: list[str]
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Section:
    line: int
    name: str
    tasks: list[Task] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Diagram:
    """What one journey diagram says; `meta` holds its `%% personamap journey` data and
    `personas` its `%% personamap persona` lines."""

    title: str = ""
    acc_title: str = ""
    acc_descr: str = ""
    sections: list[Section] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    personas: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Token:
    kind: str
    text: str
    line: int


def _blank(text: str) -> str:
    """`text` with everything but its line breaks blanked, so line numbers stay true."""
    return re.sub(r"[^\n]", " ", text)


def _front_matter(text: str) -> tuple[str, str]:
    """(title from the YAML front matter, the text with the front matter blanked)."""
    m = _FRONT.match(text)
    if m is None:
        return "", text
    title = _TITLE_KEY.search(m.group(1))
    value = title.group(1) if title else ""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value, _blank(m.group(0)) + text[m.end() :]


def _metas(text: str) -> tuple[str, list[tuple[int, str, dict[str, Any]]]]:
    """Whole-line comments blanked (Mermaid drops them before lexing), the personamap ones
    returned as (line, kind, data)."""
    lines = text.split("\n")
    found: list[tuple[int, str, dict[str, Any]]] = []
    for number, line in enumerate(lines, 1):
        if not _COMMENT_LINE.match(line):
            continue
        m = _META.match(line)
        if m is not None:
            try:
                data = json.loads(m.group(2)) if m.group(2) else {}
            except ValueError:
                data = None
            if isinstance(data, dict):
                found.append((number, m.group(1), data))
        lines[number - 1] = ""
    return "\n".join(lines), found


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos, line, size = 0, 1, len(text)
    while pos < size:
        start_line = line
        for kind, rule in _RULES:  # noqa: B007 - the matching rule's kind is used below
            m = rule.match(text, pos)
            if m is not None:
                break
        else:  # pragma: no cover - the last rule matches any character but a line break
            raise AssertionError
        chunk = m.group(0)
        pos = m.end()
        line += chunk.count("\n")
        if kind in ("acc_title", "acc_descr"):
            value = _REST_OF_LINE.match(text, pos)
            assert value is not None
            tokens.append(_Token(kind, value.group(0), start_line))
            pos = value.end()
        elif kind == "acc_block":
            value = _BLOCK.match(text, pos)
            assert value is not None
            if value.end() >= size:
                raise MermaidError(start_line, "accDescr { is never closed with }")
            tokens.append(_Token(kind, value.group(0), start_line))
            line += value.group(0).count("\n")
            pos = value.end() + 1
        elif kind != "skip":
            tokens.append(_Token(kind, chunk, start_line))
    return tokens


def _score(data: str, line: int) -> tuple[int, list[str]]:
    pieces = data[1:].split(":")
    text = js_strip(pieces[0])
    if not re.fullmatch(r"[0-9]+", text) or not 1 <= int(text) <= 5:
        raise MermaidError(line, f'score "{text}" is not a number from 1 to 5')
    actors = [decode(a) for a in pieces[1].split(",")] if len(pieces) > 1 else []
    return int(text), [a for a in actors if a]


def prepare(text: str) -> tuple[str, str, list[tuple[int, str, dict[str, Any]]]]:
    """(front matter title, the text Mermaid's lexer sees, the personamap comments)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title, text = _front_matter(text)
    text = _DIRECTIVE.sub(lambda m: _blank(m.group(0)), text)
    text, metas = _metas(text)
    return title, hide_entities(text), metas


def is_journey(text: str) -> bool:
    """Whether Mermaid would take `text` for a journey diagram."""
    _, lexed, _ = prepare(text)
    return re.match(f"{_S}*journey", lexed, re.IGNORECASE) is not None


def parse(text: str, *, skip_bad: bool = False, first_line: int = 1) -> Diagram:
    """The diagram in `text`; MermaidError at the first line Mermaid or personamap refuses,
    or (`skip_bad`) a warning for each such line and the rest read. `first_line` is the line
    number of the text's first line in its file (a Markdown fence)."""
    front_title, lexed, metas = prepare(text)
    tokens = _tokens(lexed)
    shift = first_line - 1
    diagram = Diagram(title=js_strip(front_title))
    body = [t for t in tokens if t.kind != "newline"]
    if not body or body[0].kind != "journey":
        where = body[0].line + shift if body else first_line
        shown = js_strip(body[0].text)[:40] if body else ""
        raise MermaidError(where, f'the diagram is not a journey (it starts with "{shown}")')
    pending = sorted(metas, key=lambda m: m[0])
    for _, kind, data in pending:
        if kind == "journey":
            diagram.meta.update(data)
        elif kind == "persona":
            diagram.personas.append(data)
    pending = [m for m in pending if m[1] in ("section", "task")]

    def metas_before(line: int) -> dict[str, dict[str, Any]]:
        """The section and task comments above `line` not yet given to a statement."""
        merged: dict[str, dict[str, Any]] = {"section": {}, "task": {}}
        while pending and pending[0][0] < line:
            _, kind, data = pending.pop(0)
            merged[kind].update(data)
        return merged

    index = 1
    while index < len(body):
        token = body[index]
        index += 1
        try:
            _statement(diagram, token, body, index, shift, metas_before)
            if token.kind == "task_name":
                index += 1
        except MermaidError as exc:
            error = MermaidError(exc.line + shift, exc.reason)
            if not skip_bad:
                raise error from None
            diagram.warnings.append(f"{error} (skipped)")
            while index < len(body) and body[index].line == exc.line:
                index += 1
    return diagram


def _statement(
    diagram: Diagram,
    token: _Token,
    body: list[_Token],
    index: int,
    shift: int,
    metas_before: Callable[[int], dict[str, dict[str, Any]]],
) -> None:
    """Apply one statement starting at `token` (a task also reads `body[index]`, its data)."""
    if token.kind == "title":
        diagram.title = decode(token.text[6:])
    elif token.kind == "acc_title":
        diagram.acc_title = decode(token.text)
    elif token.kind == "acc_descr":
        diagram.acc_descr = decode(token.text)
    elif token.kind == "acc_block":
        diagram.acc_descr = decode(re.sub(f"\n{_S}+", "\n", js_strip(token.text)))
    elif token.kind == "section":
        meta = metas_before(token.line)["section"]
        diagram.sections.append(Section(token.line + shift, decode(token.text[8:]), meta=meta))
    elif token.kind == "task_name":
        data = body[index] if index < len(body) else None
        if data is None or data.kind != "task_data" or data.line != token.line:
            raise MermaidError(token.line, f'task "{decode(token.text)}" has no ": score"')
        score, actors = _score(data.text, token.line)
        metas = metas_before(token.line)
        if not diagram.sections:  # tasks before any section: Mermaid's unnamed section
            diagram.sections.append(Section(token.line + shift, "", meta=metas["section"]))
        diagram.sections[-1].tasks.append(
            Task(token.line + shift, decode(token.text), score, actors, metas["task"])
        )
    else:
        raise MermaidError(token.line, f'unexpected "{js_strip(token.text)[:40]}"')
