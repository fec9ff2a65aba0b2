"""Affinity groups after a brainstorm: sticky notes grouped by what they say.

TF-IDF over words and over character n-grams (see affinity_text), half and half, gives each
note a unit vector; each note is joined to its nearest neighbours whose cosine similarity passes
a threshold; networkx's Louvain, seeded, finds the communities of that graph; each group is
labelled by the words that set it apart from the rest (its mean TF-IDF against the others').

A note that ends up alone (nothing it says is shared, or it is empty) goes to one last group,
"Ungrouped": the facilitator sees every note and decides (rejecting that group leaves its notes
where they are) rather than losing the odd note from view.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx  # type: ignore[import-untyped]
import numpy as np
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]

from .affinity_text import char_grams, fold, is_cjk, words

UNGROUPED = "Ungrouped"
THRESHOLD = 0.12
"""Least cosine similarity for an edge; unrelated notes in one language share some n-grams."""
LABEL_WORDS = 3
_CHUNK = 512


@dataclass(frozen=True)
class Group:
    label: str
    note_ids: tuple[str, ...]

    def as_json(self) -> dict[str, object]:
        return {"label": self.label, "note_ids": list(self.note_ids)}


def _identity(terms: list[str]) -> list[str]:
    return terms


def _tfidf(docs: list[list[str]]) -> tuple[sparse.csr_matrix, list[str]]:
    """Rows l2-normalised; a note without terms keeps a row of zeros."""
    if not any(docs):
        return sparse.csr_matrix((len(docs), 0)), []
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
    matrix = vectorizer.fit_transform(docs)
    return sparse.csr_matrix(matrix), list(vectorizer.get_feature_names_out())


def neighbour_graph(vectors: sparse.csr_matrix, k: int, threshold: float = THRESHOLD) -> nx.Graph:
    """Nodes 0..n-1; an edge from each note to its `k` most similar ones above `threshold`,
    weighted by the similarity. Rows are compared in chunks, so memory stays n × chunk."""
    n = vectors.shape[0]
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    if n < 2 or k < 1:
        return graph
    transposed = vectors.T.tocsc()
    for start in range(0, n, _CHUNK):
        block = (vectors[start : start + _CHUNK] @ transposed).toarray()
        rows = np.arange(block.shape[0])
        block[rows, rows + start] = -1.0  # a note is not its own neighbour
        nearest = np.argpartition(-block, min(k, n - 1) - 1, axis=1)[:, :k]
        for row, cols in enumerate(nearest):
            for col in cols:
                weight = float(block[row, col])
                if weight >= threshold:
                    graph.add_edge(start + row, int(col), weight=weight)
    return graph


def _label(rows: list[int], matrix: sparse.csr_matrix, names: list[str], texts: list[str]) -> str:
    """The group's most characteristic words: high in it, low elsewhere, used by more than one
    of its notes when it has several."""
    if not names:
        return UNGROUPED
    inside = np.zeros(matrix.shape[0], dtype=bool)
    inside[rows] = True
    group, rest = matrix[inside], matrix[~inside]
    mean_in = np.asarray(group.mean(axis=0)).ravel()
    mean_out = np.asarray(rest.mean(axis=0)).ravel() if rest.shape[0] else np.zeros_like(mean_in)
    share = np.asarray((group > 0).mean(axis=0)).ravel()
    score = (mean_in - mean_out) * (share if len(rows) > 1 else 1.0)
    if len(rows) > 1:
        score[share < 0.5 * share.max()] = 0.0
    ranked = sorted(np.flatnonzero(score > 0), key=lambda j: (-score[j], names[j]))[: 3 * LABEL_WORDS]
    pieces = _joined([names[j] for j in ranked], [fold(texts[r]) for r in rows])
    surface = _surfaces([texts[r] for r in rows])
    return ", ".join(surface.get(p, p) for p in pieces[:LABEL_WORDS]) or UNGROUPED


def _joined(terms: list[str], texts: list[str]) -> list[str]:
    """`terms` in order, CJK bigrams that chain in the notes joined into the word they spell
    ("サポ", "ポー", "ート" -> "サポート") where most notes with the first spell it so."""
    pieces = list(terms)
    changed = True
    while changed:
        changed = False
        for i, j in ((i, j) for i in range(len(pieces)) for j in range(len(pieces)) if i != j):
            joined = _chain(pieces[i], pieces[j], texts)
            if joined is not None:
                pieces[min(i, j)] = joined
                del pieces[max(i, j)]
                changed = True
                break
    return pieces


def _chain(first: str, second: str, texts: list[str]) -> str | None:
    """`first` continued by `second` (CJK, overlapping by one character, or `second` inside
    it), when at least half the notes holding `first` hold the longer word."""
    if not (is_cjk(first) and is_cjk(second)):
        return None
    if second in first:
        return first
    if first[-1] != second[0]:
        return None
    longer = first + second[1:]
    holding = [t for t in texts if first in t]
    return longer if 2 * sum(longer in t for t in holding) >= len(holding) else None


def _surfaces(texts: Sequence[str]) -> dict[str, str]:
    """Each folded word as people wrote it most often (lower case), for labels: "straße", not
    the casefolded "strasse"."""
    seen: dict[str, Counter[str]] = {}
    for text in texts:
        for word in text.split():
            stripped = word.strip(".,;:!?¡¿()[]{}\"'«»“”„…").lower()
            seen.setdefault(fold(stripped), Counter())[stripped] += 1
    return {key: forms.most_common(1)[0][0] for key, forms in seen.items()}


def cluster_notes(notes: Sequence[tuple[str, str]], seed: int = 0) -> list[Group]:
    """Group `notes` (id, text) by what they say. Groups come largest first (ties: the one
    whose first note comes first), each listing its notes in the given order; the notes left
    alone form a last group labelled "Ungrouped". The same notes and seed give the same groups."""
    if not notes:
        return []
    ids = [ident for ident, _ in notes]
    terms = [words(text) for _, text in notes]
    word_matrix, names = _tfidf(terms)
    char_matrix, _ = _tfidf([char_grams(t) for t in terms])
    vectors = sparse.hstack([word_matrix * np.sqrt(0.5), char_matrix * np.sqrt(0.5)], format="csr")
    k = max(3, min(10, round(len(notes) ** 0.5)))
    graph = neighbour_graph(vectors, k)
    communities = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    together = sorted((sorted(c) for c in communities if len(c) > 1), key=lambda rows: (-len(rows), rows[0]))
    alone = sorted(row for c in communities if len(c) == 1 for row in c)
    texts = [text for _, text in notes]
    groups = [
        Group(_label(rows, word_matrix, names, texts), tuple(ids[r] for r in rows)) for rows in together
    ]
    if alone:
        groups.append(Group(UNGROUPED, tuple(ids[r] for r in alone)))
    return groups
