"""Rule 2 of the house (docs/ARCHITECTURE.md): no upward import.

Every `import` in the package is checked against the layer order, so a canvas item that reaches
into `ui/`, or a model module that reaches into `io/`, fails here instead of in a review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import personamap

PACKAGE = Path(personamap.__file__).parent

LAYERS: dict[str, int] = {
    "__init__": 0,
    "lazy": 0,
    "terminal": 0,
    "model": 1,
    "style": 2,
    "io": 2,
    "resources": 3,
    "fonts": 4,
    "document": 4,
    "data": 4,
    "insights": 4,
    "live": 4,  # the live session's engine: the shared document and the host's rules
    "export": 5,
    "export.pdf": 5,
    "canvas": 6,
    "export.raster": 7,
    "ui": 8,
    "cli": 9,
    "cli_data": 8,
    "cli_lint": 8,
    "cli_insights": 8,
    "cli_map": 8,
    "cli_cluster": 8,
    "cli_import": 8,
    "cli_schema": 8,
    "cli_share": 8,
    "cli_live": 8,
    "cli_join": 8,
    "interop": 6,  # formats read data tables (data/) and name what to export like the PDF does
}
"""The package root holds only the version. A module may import modules of a lower layer and
of its own layer's package; nothing above. `export/` itself (options, page sizes, the output
file) and `export/pdf/` sit below the canvas; `export/raster/` draws canvas items offscreen,
so it sits above it."""


def layer_of(module: str) -> str:
    """The layer key of a dotted module name inside personamap ("personamap.export.pdf.deck")."""
    parts = module.split(".")[1:] or ["__init__"]
    if parts[0] == "export" and len(parts) > 1 and parts[1] in ("pdf", "raster"):
        return f"export.{parts[1]}"
    return parts[0]


def module_name(path: Path) -> str:
    parts = ["personamap", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def submodule_or_package(package: str, name: str) -> str:
    """`from package import name`: the submodule when `name` is one, else the package."""
    folder = PACKAGE.joinpath(*package.split(".")[1:], name)
    return f"{package}.{name}" if folder.is_dir() or folder.with_suffix(".py").is_file() else package


def imported_modules(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module) of every personamap import in `source`, the text of `module`,
    relative ones resolved."""
    here = module.split(".")
    package = here if is_package else here[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            names = [target] if node.module else [submodule_or_package(target, a.name) for a in node.names]
            found += [(node.lineno, name) for name in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return [(line, name) for line, name in found if name.startswith("personamap")]


def test_layer_table_names_every_top_level_module() -> None:
    tops = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir() if not p.name.startswith("_")}
    tops = {t for t in tops if (PACKAGE / t).is_dir() or (PACKAGE / f"{t}.py").is_file()}
    assert tops - set(LAYERS) == set(), "add the new module to LAYERS and docs/ARCHITECTURE.md"


def goes_up(importer: str, imported: str) -> bool:
    """Whether `importer` importing `imported` breaks the layer order."""
    mine, theirs = layer_of(importer), layer_of(imported)
    if mine == theirs:
        return False
    if mine.startswith("export") and theirs.startswith("export"):
        return theirs == "export.raster"  # the Qt-free exports never lean on the raster side
    return LAYERS[theirs] >= LAYERS[mine]


def upward_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    return [
        f"line {line}: {module} ({layer_of(module)}) imports {target} ({layer_of(target)})"
        for line, target in imported_modules(source, module, is_package)
        if goes_up(module, target)
    ]


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        upward += upward_imports(text, module_name(path), path.name == "__init__.py")
    assert upward == []


def test_the_checker_sees_upward_imports_relative_and_absolute() -> None:
    item = "personamap.canvas.items.card"
    assert upward_imports("from ...ui.theme import current\n", item)
    assert upward_imports("import personamap.ui.fonts\n", item)
    assert upward_imports("from ..io import load\n", "personamap.model.persona")
    assert not upward_imports("from ...model import Persona\nfrom ..scene import S\n", item)
