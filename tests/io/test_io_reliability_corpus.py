"""A corpus of malformed files built from the sample — truncations, bit flips, wrong types,
deep nesting, huge numbers, duplicate keys and ids, dangling references, newer versions,
control characters and lone surrogates, unknown fields, wrong envelopes and one 60 MB file:
every load ends in a ProjectFileError with a place-and-reason message (or, for a bit flip
that only changed a letter of some text, a valid project), never another exception, and
none does more work than twice reading the intact sample with the careful reader (counted in
function calls; the seconds are in benchmarks/bench_reliability.py). The counts per class are
printed (pytest -s) for the closing note."""

from __future__ import annotations

import contextlib
import copy
import json
import random
import sys
import uuid
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from io_helpers import Obj, pairs, write_json

from personamap.io import ProjectFileError, load
from personamap.resources import sample_path

Path_ = tuple[Any, ...]
COUNTED = {"deep nesting", "huge number", "60 MB file", "not a project", "newer version"}
"""Classes whose every file is counted; of the others every STRIDE-th (counting costs time)."""
STRIDE = 4


def walk(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*path, index))


def put(data: Any, path: Path_, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def corpus(base: bytes, rng: random.Random) -> Iterator[tuple[str, bytes]]:
    data = json.loads(base)
    nodes = list(walk(data))
    leaves = [(p, v) for p, v in nodes if p and not isinstance(v, dict | list)]
    numbers = [(p, v) for p, v in leaves if isinstance(v, int | float) and not isinstance(v, bool)]
    texts = [(p, v) for p, v in leaves if isinstance(v, str) and not str(p[-1]).endswith("id")]
    objects = [(p, v) for p, v in nodes if isinstance(v, dict) and len(v) > 0]
    entities = [(p, v) for p, v in nodes if isinstance(v, dict) and isinstance(v.get("id"), str)]
    refs = [
        (p, v) for p, v in leaves if isinstance(p[-1], str) and p[-1].endswith("_id") and isinstance(v, str)
    ]

    def changed(path: Path_, value: Any) -> bytes:
        mutated = copy.deepcopy(data)
        put(mutated, path, value)
        return encode(mutated)

    for _ in range(100):
        yield "truncation", base[: rng.randrange(0, len(base) - 2)]
    for _ in range(100):
        flipped = bytearray(base)
        flipped[rng.randrange(len(base))] ^= 1 << rng.randrange(8)
        yield "bit flip", bytes(flipped)
    wrong = [True, 7, -1.5, "text", [], {}, ["a", 1], {"x": 1}]  # not None: optional fields take it
    for _ in range(60):
        path, value = rng.choice(leaves + objects)
        other = rng.choice([w for w in wrong if type(w) is not type(value)])
        yield "wrong type", changed(path, other)
    for depth in (201, 500, 1_000, 5_000, 20_000, 100_000, 1_000_000):
        yield "deep nesting", base[:-3] + b', "description": ' + b"[" * depth + b"]" * depth + b"}\n"
        yield "deep nesting", b"[" * depth + b"]" * depth
        yield "deep nesting", (b'{"a":' * depth) + b"1" + b"}" * depth
    for _ in range(40):
        path, _value = rng.choice(numbers)
        literal = rng.choice(
            [
                "1e400",
                "-1e400",
                "9" * 5000,
                "NaN",
                "Infinity",
                "-Infinity",
                "1e99999",
                "-" + "9" * 4400,
            ]
        )
        mutated = copy.deepcopy(data)
        put(mutated, path, "__HUGE__")
        yield "huge number", encode(mutated).replace(b'"__HUGE__"', literal.encode())
    for _ in range(40):
        path, obj = rng.choice(objects)
        key = rng.choice(list(obj))
        tree = pairs(copy.deepcopy(data))
        target = tree
        for part in path:
            target = dict(target)[part] if isinstance(target, Obj) else target[part]
        target.append((key, rng.choice([obj[key], "something else", 3])))
        yield "duplicate key", write_json(tree).encode("utf-8")
    for _ in range(40):
        (_p1, first), (p2, _second) = rng.sample(entities, 2)
        yield "duplicate id", changed((*p2, "id"), first["id"])
    for _ in range(40):
        path, _value = rng.choice(refs)
        yield "dangling reference", changed(path, str(uuid.UUID(int=rng.getrandbits(128), version=4)))
    for version in (3, 14, 10, 999, 2**31, 10**20, 15, 5, 42, 7, 100, 1000, 4, 6, 8, 9, 11, 12, 13, 2**63):
        yield "newer version", changed(("schema_version",), version)
    for _ in range(30):
        path, value = rng.choice(texts)
        bad = rng.choice(["\ud800", "\udfff", "\x00", "\x07", "\x1b[31m", "\x7f"])
        cut = rng.randrange(len(value) + 1)
        mutated = copy.deepcopy(data)
        put(mutated, path, value[:cut] + bad + value[cut:])
        yield "control char / lone surrogate", json.dumps(mutated, indent=2).encode("ascii")
    for _ in range(20):
        path, _obj = rng.choice(objects)
        yield "unknown field", changed((*path, rng.choice(["colour", "extra", "__proto__", "x" * 300])), 1)
    for raw in (
        b"[]",
        b'"a personamap"',
        b"42",
        b"null",
        b"",
        b"   \n",
        b"\xff\xfe{\x00}\x00",
        b"<html></html>",
    ):
        yield "not a project", raw
    for fmt in (None, "other", 1):
        mutated = copy.deepcopy(data)
        mutated["format"] = fmt
        yield "not a project", encode(mutated)
    big = copy.deepcopy(data)
    big["description"] = "x" * (60 * 1024 * 1024)
    yield "60 MB file", encode(big)


class CallCounter:
    """Counts the Python and C function calls made inside `with`: the work a hang (a loop per
    byte, a runaway recursion) would multiply, measured without a clock."""

    calls = 0

    def __enter__(self) -> CallCounter:
        self.calls = 0
        sys.setprofile(self._count)
        return self

    def __exit__(self, *_exc: object) -> None:
        sys.setprofile(None)

    def _count(self, _frame: object, event: str, _arg: object) -> None:
        if event == "call" or event == "c_call":
            self.calls += 1


def test_malformed_corpus_never_crashes_or_hangs(tmp_path: Path) -> None:
    base = sample_path().read_bytes()
    load(sample_path())  # the base itself is fine (and imports and caches are warm)
    path = tmp_path / "malformed.personamap"
    path.write_text(json.dumps(json.loads(base)), encoding="utf-8")  # not canonical: careful reader
    with CallCounter() as counter:
        load(path)
    budget = 2 * counter.calls
    stats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    crashes: list[str] = []
    for n, (kind, data) in enumerate(corpus(base, random.Random(20240601))):
        path.write_bytes(data)
        counted = kind in COUNTED or n % STRIDE == 0
        try:
            with counter if counted else contextlib.nullcontext():
                load(path)
            outcome = "accepted"
        except ProjectFileError as exc:
            outcome = "refused"
            _place, reason = exc.problems[0]
            assert reason.strip() and "Traceback" not in str(exc), (kind, str(exc))
            assert str(exc).startswith(str(path)), "the message names the file"
        except Exception as exc:
            outcome = "crashed"
            crashes.append(f"{kind}: {type(exc).__name__}: {exc}"[:300])
        calls = counter.calls if counted else 0
        row = stats[kind]
        row["files"] += 1
        row[outcome] += 1
        row["counted"] += counted
        row["max_calls"] = max(row["max_calls"], calls)
        assert calls <= budget, (kind, calls, budget)
    total = sum(r["files"] for r in stats.values())
    print(f"\n{'class':32}{'files':>6}{'refused':>9}{'accepted':>9}{'counted':>9}{'max calls':>11}")
    for kind, row in stats.items():
        print(
            f"{kind:32}{row['files']:6}{row['refused']:9}{row['accepted']:9}"
            f"{row['counted']:9}{row['max_calls']:11}"
        )
    print(f"{'total':32}{total:6}   crashes: {len(crashes)}   budget: {budget} calls")
    assert crashes == []
    assert total >= 500
    for kind, row in stats.items():
        assert row["counted"] > 0, kind
        if kind != "bit flip":  # a flipped bit inside some text can leave a valid file
            assert row["accepted"] == 0, kind


def test_strict_types_text_is_not_a_number_or_a_flag() -> None:
    """pydantic's lax mode would read "false" as False and "-2" as -2; a file must not."""
    from personamap.io import loads

    data = json.loads(sample_path().read_bytes())
    data["empathy_maps"][0]["extended"] = "false"
    data["settings"]["emotion_scale"]["minimum"] = "-2"
    data["boards"][0]["elements"][0]["x"] = True
    try:
        loads(json.dumps(data))
    except ProjectFileError as exc:
        problems = dict(exc.problems)
    else:
        raise AssertionError("accepted")
    assert problems["empathy_maps[0].extended"] == "must be true or false, not text"
    assert problems["settings.emotion_scale.minimum"] == "must be a number, not text"
    assert problems["boards[0].elements[0].x"] == "must be a number, not true or false"
