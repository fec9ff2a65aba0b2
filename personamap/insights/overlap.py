"""How alike two personas are, for the `overlapping-personas` rule: the words they are written
in (TF-IDF cosine over the terms of personamap/insights/affinity_text.py, which tokenises CJK
too) and the single-valued fields both fill in (segment, demographics, firmographics). Pure
Python: a project has tens of personas, not thousands."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator

from pydantic import BaseModel

from personamap.model import Persona, Priority, Project
from personamap.model.entries import list_entries

from .affinity_text import words

FIELD_GROUPS = ("demographics", "firmographics")


def persona_text(p: Persona) -> str:
    """Everything a persona says in words, its name left out (two personas differ by name)."""
    parts = [p.role, p.tagline, *p.tags, *(q.text for q in p.quotes)]
    parts += [getattr(p.story, name) for name in type(p.story).model_fields]
    parts += [p.psychographics.lifestyle, p.behaviour.purchase_behaviour]
    parts += [c.name for c in p.channels]
    parts += list(_item_texts(p))
    return "\n".join(parts)


def _item_texts(node: BaseModel) -> Iterator[str]:
    for name, entry in list_entries(node):
        text = getattr(entry, "text", None)
        if isinstance(text, str) and name != "quotes":
            yield text


def field_values(p: Persona) -> dict[str, str]:
    """The filled-in single fields that say who the persona is, folded for comparison."""
    out = {"segment": p.segment.value}
    for group in FIELD_GROUPS:
        model = getattr(p, group)
        for name in type(model).model_fields:
            value = getattr(model, name)
            if value not in ("", None):
                out[f"{group}.{name}"] = str(value).strip().casefold()
    return out


def _vectors(texts: list[str]) -> list[dict[str, float]]:
    """Unit TF-IDF vectors, smoothed idf as scikit-learn computes it."""
    bags = [Counter(words(t)) for t in texts]
    df = Counter(term for bag in bags for term in bag)
    n = len(texts)
    out = []
    for bag in bags:
        vec = {t: c * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append({t: v / norm for t, v in vec.items()})
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _field_match(a: dict[str, str], b: dict[str, str]) -> tuple[int, int]:
    """(equal, compared) over the fields both personas fill in."""
    both = [k for k in a if k in b]
    return sum(1 for k in both if a[k] == b[k]), len(both)


def segmented_from(project: Project) -> dict[str, str]:
    """persona id → the dataset source one of whose segments it was drafted from (latest wave)."""
    return {
        seg.persona_id: s.id
        for s in project.sources
        if s.dataset is not None and s.dataset.waves
        for seg in s.dataset.waves[-1].segments
        if seg.persona_id
    }


def similar_pairs(
    project: Project, personas: list[Persona], threshold: float
) -> list[tuple[Persona, Persona, float]]:
    """Pairs at or above `threshold` (0..1): the text cosine, averaged with the share of equal
    fields when at least two fields can be compared. Never paired: a negative persona with one
    the team designs for (being unlike them is its point), nor two personas drafted from
    segments of one dataset — the segmenting set them apart on figures, while their drafted
    text names the same columns in the same words."""
    vectors = _vectors([persona_text(p) for p in personas])
    fields = [field_values(p) for p in personas]
    segmented = segmented_from(project)
    out = []
    for i, a in enumerate(personas):
        for j in range(i + 1, len(personas)):
            b = personas[j]
            if (a.priority is Priority.NEGATIVE) != (b.priority is Priority.NEGATIVE):
                continue
            if a.id in segmented and segmented.get(a.id) == segmented.get(b.id):
                continue
            if not vectors[i] or not vectors[j]:
                continue
            score = _cosine(vectors[i], vectors[j])
            equal, compared = _field_match(fields[i], fields[j])
            if compared >= 2:
                score = (score + equal / compared) / 2
            if score >= threshold:
                out.append((a, b, score))
    return out
