"""The export modules import each other without cycles (the deck once imported the planner
that imports the deck, hidden inside a function)."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

import personamap.export

PACKAGE = Path(personamap.export.__file__).parent


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> nx.DiGraph:
    """Module -> module it imports, inside export/ (names relative to it), lazy imports too."""
    graph = nx.DiGraph()
    for path in PACKAGE.rglob("*.py"):
        name = _module(path)
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        graph.add_node(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.level or node.level > len(package) + 1:
                continue
            base = [p for p in package[: len(package) - node.level + 1] if p]
            if node.module:
                graph.add_edge(name, ".".join([*base, node.module]))
            else:
                for alias in node.names:
                    graph.add_edge(name, ".".join([*base, alias.name]))
    return graph


def test_export_modules_have_no_import_cycle() -> None:
    graph = _graph()
    assert graph.has_edge("pdf.deck", "pdf.persona_poster") and graph.has_edge("pdf.plan", "pdf.deck")
    assert list(nx.simple_cycles(graph)) == []
