"""The lazy namespaces repeat their table under `if TYPE_CHECKING:` so mypy sees every name;
the two lists must stay the same, or a name is either hidden from mypy or never loadable."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from personamap.model import layout, ops


def _type_checking_imports(tree: ast.Module) -> dict[str, set[str]]:
    """Submodule -> names imported in the module's top-level `if TYPE_CHECKING:` block."""
    found: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.level == 1, ast.dump(stmt)
                found.setdefault(str(stmt.module), set()).update(a.name for a in stmt.names)
    return found


def _lazy_table(tree: ast.Module) -> dict[str, set[str]]:
    """Submodule -> names given to the module's `lazy_package(globals(), {...})` call."""
    for node in tree.body:
        call = node.value if isinstance(node, ast.Expr) else None
        if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "lazy_package":
            table = ast.literal_eval(call.args[1])
            return {module: set(names) for module, names in table.items()}
    raise AssertionError("no lazy_package call")


@pytest.mark.parametrize("package", [ops, layout], ids=["ops", "layout"])
def test_type_checking_imports_match_the_lazy_table(package) -> None:
    tree = ast.parse(Path(package.__file__).read_text(encoding="utf-8"))
    table = _lazy_table(tree)
    assert table, "empty lazy table"
    assert _type_checking_imports(tree) == table
