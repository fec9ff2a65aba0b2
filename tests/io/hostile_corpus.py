"""A generated corpus of hostile files (issue 13), class by class, from the sample and the
golden file: dates at the calendar's edge, connectors to themselves or to connectors,
validation floods, big valid files, images that claim too many pixels, and the classes of
issue 5 (truncation, bit flips, wrong types, deep nesting, huge numbers, duplicate keys and
ids, dangling references, newer versions, control characters).

Each case builds its bytes only when asked (the big ones are tens of MB), says what a sound
reader must do with it, and whether it is big (then only the full run builds it). Used by
test_hostile_corpus.py (in process) and hostile_measure.py (check, PDF and PNG export in
subprocesses, with time and peak memory)."""

from __future__ import annotations

import base64
import json
import random
import struct
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from personamap.io import SCHEMA_VERSION
from personamap.resources import sample_path

GOLDEN = Path(__file__).parent / "golden" / "schema-v1.personamap"
SEED = 13

VALID, REFUSED, EITHER, LIMIT = "valid", "refused", "either", "limit"
"""What a case must give: a project, a refusal with a message, one of the two, or a refusal
by a structural limit before any model is built."""


@dataclass(frozen=True)
class Case:
    cls: str
    name: str
    build: Callable[[], bytes]
    expect: str = EITHER
    big: bool = False


def encode(data: Any, indent: int | None = 2) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=indent) + "\n").encode("utf-8")


def walk(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*path, index))


def put(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    """`data` with the value at `path` replaced: the containers along the path are copied,
    everything else is shared (cases never mutate, so hundreds of them cost little)."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    out = dict(data) if isinstance(data, dict) else list(data)
    out[head] = put(data[head], rest, value)
    return out


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def png(width: int, height: int, real: bool = False) -> bytes:
    """A PNG claiming width×height: real (valid, 1-bit, all zeros) or only a header."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    body = zlib.compress((b"\x00" + bytes((width + 7) // 8)) * height, 9) if real else zlib.compress(b"\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def jpeg(width: int, height: int) -> bytes:
    """A JPEG header (SOI, APP0, SOF0) claiming width×height, with no image data."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def webp(width: int, height: int) -> bytes:
    """A WebP VP8X header claiming width×height."""
    body = b"VP8X" + struct.pack("<I", 10) + b"\x00\x00\x00\x00"
    body += (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


class Corpus:
    """Builds the cases from the sample (most classes) and the golden file (images)."""

    def __init__(self) -> None:
        self.sample_bytes = sample_path().read_bytes()
        self.sample = json.loads(self.sample_bytes)
        self.golden = json.loads(GOLDEN.read_bytes())
        self.rng = random.Random(SEED)

    def cases(self) -> list[Case]:
        out: list[Case] = []
        for make in (
            self.dates,
            self.connectors,
            self.floods,
            self.big_files,
            self.images,
            self.truncation,
            self.bit_flips,
            self.wrong_types,
            self.deep_nesting,
            self.huge_numbers,
            self.duplicates,
            self.dangling,
            self.newer_versions,
            self.control_chars,
        ):
            out.extend(make())
        names = [c.name for c in out]
        assert len(set(names)) == len(names), "case names must be unique"
        return out

    def _data(self, data: Any, indent: int | None = 2) -> Callable[[], bytes]:
        return lambda: encode(data, indent)

    # --- issue 13 -------------------------------------------------------------------------

    def dates(self) -> Iterator[Case]:
        s = self.sample
        fields = [
            ("personas", i, "lifecycle", f)
            for i in (0, 3)
            for f in ("created", "last_reviewed", "review_due")
        ]
        fields += [("sources", 0, "date")] if s["sources"] else []
        values: list[tuple[Any, str]] = [
            ("9999-12-31", REFUSED),
            ("0001-01-01", REFUSED),
            ("10000-01-01", REFUSED),
            ("3000-01-01", REFUSED),
            ("1899-12-31", REFUSED),
            ("2999-12-31", VALID),
            ("1900-01-01", VALID),
            ("2999-07-31", VALID),
            ("2024-02-30", REFUSED),
            ("2023-02-29", REFUSED),
            ("2024-13-01", REFUSED),
            ("-0001-01-01", REFUSED),
            ("", REFUSED),
            (253402214400, REFUSED),
            ("9999-12-31T23:59:59", REFUSED),
        ]
        for path in fields:
            for value, expect in values:
                yield Case(
                    "dates",
                    f"date-{'-'.join(map(str, path))}-{value}",
                    self._data(put(s, path, value)),
                    expect,
                )
        for field in ("created", "modified"):
            for value, expect in (
                ("9999-12-31T23:59:59Z", REFUSED),
                ("9999-12-31T23:59:59-14:00", REFUSED),
                ("0001-01-01T00:00:00+14:00", REFUSED),
                ("2999-12-30T00:00:00Z", VALID),
                ("2026-01-01T00:00:00", VALID),
            ):
                yield Case("dates", f"date-{field}-{value}", self._data(put(s, (field,), value)), expect)
        for months in (1, 120):
            data = put(s, ("settings", "review_period_months"), months)
            data = put(data, ("personas", 0, "lifecycle", "review_due"), None)
            data = put(data, ("personas", 0, "lifecycle", "last_reviewed"), "2999-12-31")
            yield Case("dates", f"date-review-period-{months}", self._data(data), VALID)

    def connectors(self) -> Iterator[Case]:
        s = self.sample
        for b, board in enumerate(s["boards"]):
            elements = board["elements"]
            connectors = [j for j, e in enumerate(elements) if e["type"] == "connector"]
            others = [j for j, e in enumerate(elements) if e["type"] != "connector"]
            for j in connectors:
                el = elements[j]
                other = next(k for k in connectors if k != j) if len(connectors) > 1 else None
                loc = ("boards", b, "elements", j)
                for end in ("source_id", "target_id"):
                    yield Case(
                        "connectors",
                        f"conn-{b}-{j}-{end}-self",
                        self._data(put(s, (*loc, end), el["id"])),
                        REFUSED,
                    )
                    if other is not None:
                        data = put(s, (*loc, end), elements[other]["id"])
                        yield Case("connectors", f"conn-{b}-{j}-{end}-connector", self._data(data), REFUSED)
                    data = put(s, (*loc, end), s["personas"][0]["id"])
                    yield Case("connectors", f"conn-{b}-{j}-{end}-persona", self._data(data), REFUSED)
                same = put(s, (*loc, "target_id"), el["source_id"])
                yield Case("connectors", f"conn-{b}-{j}-loop", self._data(same), REFUSED)
                both = put(put(s, (*loc, "source_id"), el["id"]), (*loc, "target_id"), el["id"])
                yield Case("connectors", f"conn-{b}-{j}-both-self", self._data(both), REFUSED)
            if others and len(others) >= 2:
                new = {
                    "id": _uid(self.rng),
                    "type": "connector",
                    "source_id": elements[others[0]]["id"],
                    "target_id": elements[others[-1]]["id"],
                }
                data = put(s, ("boards", b, "elements"), [*elements, new])
                yield Case("connectors", f"conn-{b}-new-valid", self._data(data), VALID)

    def floods(self) -> Iterator[Case]:
        g = self.golden
        for key in ("personas", "relations", "empathy_maps", "journeys", "boards", "assets"):
            for count, expect, big in (
                (10, REFUSED, False),
                (5_000, REFUSED, False),
                (1_000_000, LIMIT, True),
            ):
                yield Case(
                    "floods",
                    f"flood-{key}-zeros-{count}",
                    self._data(put(g, (key,), [0] * count), None),
                    expect,
                    big,
                )
            yield Case(
                "floods",
                f"flood-{key}-strings-3000",
                self._data(put(g, (key,), ["x"] * 3_000), None),
                REFUSED,
            )
        yield Case(
            "floods",
            "flood-zeros-1m-indented",
            self._data(put(g, ("personas",), [0] * 1_000_000)),
            LIMIT,
            True,
        )
        yield Case("floods", "flood-zeros-20m", lambda: _zeros_file(g, 20_000_000), LIMIT, True)
        yield Case(
            "floods", "flood-zeros-30m-over-size-cap", lambda: _zeros_file(g, 33_000_000), REFUSED, True
        )
        for count, expect, big in ((50, REFUSED, False), (1_500, LIMIT, False), (2_000_000, LIMIT, True)):
            data = dict(g)
            data.update({f"unknown{i}": 0 for i in range(count)})
            yield Case("floods", f"flood-unknown-keys-{count}", self._data(data, None), expect, big)
            persona = dict(g["personas"][0])
            persona.update({f"unknown{i}": 0 for i in range(count)})
            yield Case(
                "floods",
                f"flood-persona-keys-{count}",
                self._data(put(g, ("personas", 0), persona), None),
                expect,
                big,
            )
        # A long text is refused by its limit after the fast path tried (few values, few errors).
        for length, expect, big in ((20_001, REFUSED, False), (6_000_001, REFUSED, True)):
            yield Case(
                "floods",
                f"flood-text-{length}",
                self._data(put(g, ("description",), "x" * length)),
                expect,
                big,
            )
        yield Case(
            "floods",
            "flood-tags-600k",
            self._data(put(g, ("personas", 0, "tags"), ["t"] * 600_000), None),
            LIMIT,
            True,
        )
        under = dict(g, personas=[0] * 300_000, relations=["x"] * 300_000, journeys=[[]] * 300_000)
        yield Case("floods", "flood-900k-bad-values", self._data(under, None), REFUSED, True)
        notes = [{"quadrant": 7, "text": 1} for _ in range(5_000)]
        yield Case(
            "floods",
            "flood-5k-bad-notes",
            self._data(put(g, ("empathy_maps", 0, "notes"), notes), None),
            REFUSED,
        )
        nested = [[0] * 1_000 for _ in range(1_100)]
        yield Case(
            "floods", "flood-nested-1.1m", self._data(put(g, ("personas",), nested), None), LIMIT, True
        )

    def big_files(self) -> Iterator[Case]:
        g = self.golden
        for count, expect, big in (
            (1_000, VALID, False),
            (20_000, VALID, True),
            (90_000, VALID, True),
            (150_000, LIMIT, True),
            (1_000_000, LIMIT, True),
        ):
            yield Case("big files", f"big-empathy-notes-{count}", _notes_file(g, count), expect, big)
        yield Case("big files", "big-journey-notes-20k", _journey_file(g, 20_000), VALID, True)
        yield Case("big files", "big-board-notes-30k", _board_file(g, 30_000), VALID, True)

    def images(self) -> Iterator[Case]:
        g = self.golden

        def with_image(data: bytes, media: str, w: int = 100, h: int = 100) -> dict[str, Any]:
            asset = dict(g["assets"][0], media_type=media, width=w, height=h)
            asset["data"] = base64.b64encode(data).decode("ascii")
            return put(g, ("assets", 0), asset)

        for w, h in (
            (7_000, 7_000),
            (12_000, 12_000),
            (20_000, 1),
            (1, 20_001),
            (30_000, 30_000),
            (65_535, 65_535),
        ):
            yield Case("images", f"image-png-{w}x{h}", self._data(with_image(png(w, h), "image/png")), VALID)
            yield Case(
                "images", f"image-jpeg-{w}x{h}", self._data(with_image(jpeg(w, h), "image/jpeg")), VALID
            )
            if max(w, h) <= 16_384:
                yield Case(
                    "images", f"image-webp-{w}x{h}", self._data(with_image(webp(w, h), "image/webp")), VALID
                )
        yield Case(
            "images",
            "image-png-12000-real",
            self._data(with_image(png(12_000, 12_000, True), "image/png")),
            VALID,
        )
        yield Case(
            "images", "image-png-truncated", self._data(with_image(png(10, 10)[:20], "image/png")), VALID
        )
        yield Case(
            "images", "image-jpeg-no-frame", self._data(with_image(b"\xff\xd8\xff\xd9", "image/jpeg")), VALID
        )
        yield Case(
            "images", "image-type-mismatch", self._data(with_image(png(10, 10), "image/jpeg")), REFUSED
        )
        yield Case(
            "images",
            "image-declared-30000",
            self._data(with_image(png(10, 10), "image/png", 30_000)),
            REFUSED,
        )
        yield Case("images", "image-not-base64", self._data(put(g, ("assets", 0, "data"), "@@@")), REFUSED)

    # --- issue 5 --------------------------------------------------------------------------

    def truncation(self) -> Iterator[Case]:
        data = self.sample_bytes
        cuts = sorted(
            {0, 1, 2, len(data) - 1, len(data) - 2, *(self.rng.randrange(len(data)) for _ in range(40))}
        )
        for cut in cuts:
            yield Case(
                "truncation",
                f"truncated-at-{cut}",
                (lambda c=cut: data[:c]),
                REFUSED if cut < len(data) - 1 else EITHER,
            )

    def bit_flips(self) -> Iterator[Case]:
        data = self.sample_bytes
        for k in range(60):
            pos, bit = self.rng.randrange(len(data)), 1 << self.rng.randrange(8)

            def build(pos: int = pos, bit: int = bit) -> bytes:
                flipped = bytearray(data)
                flipped[pos] ^= bit
                return bytes(flipped)

            yield Case("bit flips", f"bitflip-{k}-{pos}-{bit}", build)

    def wrong_types(self) -> Iterator[Case]:
        s = self.sample
        leaves = [(p, v) for p, v in walk(s) if p and p[0] not in ("format", "schema_version")]
        replacements: list[Any] = [[], {}, "7", 7, 7.5, True, None, "", [0], {"a": 1}]
        for k in range(60):
            path, _value = self.rng.choice(leaves)
            value = replacements[k % len(replacements)]
            yield Case(
                "wrong types", f"wrongtype-{k}-{type(value).__name__}", self._data(put(s, path, value))
            )

    def deep_nesting(self) -> Iterator[Case]:
        g = self.golden
        for depth in (150, 199, 200, 201, 1_000, 100_000):
            for where in ("description", "personas"):

                def build(depth: int = depth, where: str = where) -> bytes:
                    text = encode(put(g, (where,), "@@HOLE@@"), None).decode("utf-8")
                    return text.replace('"@@HOLE@@"', "[" * depth + "]" * depth).encode("utf-8")

                yield Case("deep nesting", f"deep-{where}-{depth}", build, REFUSED)
        yield Case(
            "deep nesting", "deep-objects-1000", lambda: b'{"a":' * 1_000 + b"1" + b"}" * 1_000, REFUSED
        )

    def huge_numbers(self) -> Iterator[Case]:
        g = self.golden
        paths = [
            ("settings", "review_period_months"),
            ("boards", 0, "elements", 0, "x"),
            ("personas", 0, "psychographics", "sliders", 0, "value"),
        ]
        paths = [p for p in paths if _exists(g, p)]
        tokens = [
            "1e309",
            "-1e309",
            "1" + "0" * 5_000,
            "NaN",
            "Infinity",
            "-Infinity",
            str(2**64),
            "1e-400",
            "123456789012345678901234567890",
            "-0",
        ]
        for path in paths:
            for token in tokens:

                def build(path: tuple[Any, ...] = path, token: str = token) -> bytes:
                    text = encode(put(g, path, "@@NUM@@")).decode("utf-8")
                    return text.replace('"@@NUM@@"', token).encode("utf-8")

                yield Case("huge numbers", f"number-{'-'.join(map(str, path))}-{token[:12]}", build)

    def duplicates(self) -> Iterator[Case]:
        s = self.sample
        objects = [(p, v) for p, v in walk(s) if isinstance(v, dict) and v]
        for k in range(20):
            path, obj = self.rng.choice(objects)
            key = self.rng.choice(list(obj))

            def build(path: tuple[Any, ...] = path, key: str = key) -> bytes:
                marker = {"@@DUP@@": 0, **dict(_get(s, path))}
                text = encode(put(s, path, marker), None).decode("utf-8")
                return text.replace('"@@DUP@@": 0', f"{json.dumps(key)}: null", 1).encode("utf-8")

            yield Case("duplicates", f"dupkey-{k}-{key}", build, REFUSED)
        entities = [(p, v) for p, v in walk(s) if isinstance(v, dict) and isinstance(v.get("id"), str)]
        for k in range(20):
            (_p1, e1), (p2, _e2) = self.rng.sample(entities, 2)
            yield Case("duplicates", f"dupid-{k}", self._data(put(s, (*p2, "id"), e1["id"])), REFUSED)

    def dangling(self) -> Iterator[Case]:
        s = self.sample
        refs = [
            (p, v)
            for p, v in walk(s)
            if p
            and isinstance(v, str)
            and (str(p[-1]).endswith("_id") or (len(p) > 1 and str(p[-2]).endswith("_ids")))
        ]
        for k in range(30):
            path, _value = self.rng.choice(refs)
            yield Case(
                "dangling refs", f"dangling-{k}-{path[-1]}", self._data(put(s, path, _uid(self.rng))), REFUSED
            )

    def newer_versions(self) -> Iterator[Case]:
        s = self.sample
        for value in (SCHEMA_VERSION + 1, 99, 10**20, -1, 0, "1", 1.5, True, None, [1]):
            yield Case(
                "newer versions",
                f"version-{value!r}",
                self._data(put(s, ("schema_version",), value)),
                REFUSED,
            )
        yield Case("newer versions", "format-other", self._data(put(s, ("format",), "personamap2")), REFUSED)

    def control_chars(self) -> Iterator[Case]:
        s = self.sample
        texts = [(p, v) for p, v in walk(s) if isinstance(v, str) and p and not str(p[-1]).endswith("id")]
        chars = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127)] + ["\u202e", "\u2028", "\ufeff"]
        for k in range(36):
            path, value = self.rng.choice(texts)
            char = chars[k % len(chars)]
            yield Case(
                "control chars",
                f"control-{k}-U{ord(char):04X}",
                self._data(put(s, path, value + char + value)),
            )
        for k, path in enumerate(self.rng.sample([p for p, _ in texts], 4)):

            def build(path: tuple[Any, ...] = path) -> bytes:
                text = encode(put(s, path, "@@SUR@@")).decode("utf-8")
                return text.replace("@@SUR@@", "\\ud800 lone").encode("utf-8")

            yield Case("control chars", f"surrogate-{k}", build, REFUSED)


def _exists(data: Any, path: tuple[Any, ...]) -> bool:
    try:
        _get(data, path)
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _zeros_file(g: dict[str, Any], count: int) -> bytes:
    head = encode(put(g, ("personas",), "@@Z@@"), None)
    before, after = head.split(b'"@@Z@@"')
    return before + b"[" + b"0," * (count - 1) + b"0]" + after


def _notes_file(g: dict[str, Any], count: int) -> Callable[[], bytes]:
    def build() -> bytes:
        rng = random.Random(count)
        notes = [{"id": _uid(rng), "quadrant": "says", "text": f"note {i}"} for i in range(count)]
        return encode(put(g, ("empathy_maps", 0, "notes"), notes), None)

    return build


def _journey_file(g: dict[str, Any], count: int) -> Callable[[], bytes]:
    def build() -> bytes:
        rng = random.Random(count)
        journey = g["journeys"][0]
        lane, stage = journey["lanes"][0]["id"], journey["stages"][0]["id"]
        notes = [
            {"id": _uid(rng), "lane_id": lane, "stage_id": stage, "text": f"note {i}"} for i in range(count)
        ]
        return encode(put(g, ("journeys", 0, "notes"), notes))

    return build


def _board_file(g: dict[str, Any], count: int) -> Callable[[], bytes]:
    def build() -> bytes:
        rng = random.Random(count)
        extra = [
            {
                "id": _uid(rng),
                "type": "note",
                "x": (i % 200) * 250.0,
                "y": (i // 200) * 170.0,
                "text": f"n{i}",
            }
            for i in range(count)
        ]
        return encode(put(g, ("boards", 0, "elements"), [*g["boards"][0]["elements"], *extra]))

    return build
