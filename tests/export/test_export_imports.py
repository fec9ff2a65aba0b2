"""The export modules import each other without cycles (the deck once imported the planner
that imports the deck, hidden inside a function)."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

import personamap.export

PACKAGE = Path(personamap.export.__file__).parent


def _graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for path in PACKAGE.glob("*.py"):
        name = path.stem
        graph.add_node(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # lazy imports too
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    graph.add_edge(name, node.module.split(".")[0])
                else:
                    for alias in node.names:
                        graph.add_edge(name, alias.name)
    return graph


def test_export_modules_have_no_import_cycle() -> None:
    graph = _graph()
    assert graph.has_edge("deck", "persona_poster") and graph.has_edge("plan", "deck")
    assert list(nx.simple_cycles(graph)) == []
