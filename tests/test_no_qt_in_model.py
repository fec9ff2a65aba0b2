"""Rule 1 of the house: the model, the file format and the command's file work run without Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import personamap

PACKAGE = Path(personamap.__file__).parent
QT_FREE = ["model", "io"]

BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, Block())
import pkgutil, importlib
import personamap.model, personamap.io
for pkg in (personamap.model, personamap.io):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):
        importlib.import_module(info.name)
import personamap.cli
assert personamap.cli.main(['templates']) == 0
assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]
print('ok')
"""


def test_model_and_io_import_with_qt_blocked() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCKER], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_no_module_of_model_or_io_names_qt() -> None:
    offenders = []
    for folder in QT_FREE:
        for path in (PACKAGE / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                offenders += [
                    f"{path.relative_to(PACKAGE)}: {n}"
                    for n in names
                    if n.split(".")[0] in ("PySide6", "shiboken6")
                ]
    assert offenders == []
