"""Rule 1 of the house (docs/ARCHITECTURE.md): the model, the file format, the PDF exporter and
the command's file work run without Qt — checked on the folders, and transitively by importing
every module in them with Qt blocked."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import personamap

PACKAGE = Path(personamap.__file__).parent
QT_FREE = [
    "model",
    "io",
    "export/pdf",
    "export/__init__.py",
    "export/spec.py",
    "export/pages.py",
    "export/outfile.py",
    "style.py",
    "fonts/__init__.py",
    "terminal.py",
    "data",
    "insights",
    "interop",
    "live",
]

BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, Block())
import pkgutil, importlib
import personamap.model, personamap.io, personamap.export.pdf, personamap.data, personamap.insights
import personamap.interop, personamap.live
for pkg in (personamap.model, personamap.io, personamap.export.pdf, personamap.data, personamap.insights,
            personamap.interop, personamap.live):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):
        importlib.import_module(info.name)
for name in ('style', 'fonts', 'terminal', 'export', 'export.spec', 'export.pages', 'export.outfile'):
    importlib.import_module('personamap.' + name)
from personamap.export import PdfOptions, export_pdf
from personamap.io import load
from personamap.resources import sample_path
import tempfile, os
with tempfile.TemporaryDirectory() as folder:
    export_pdf(load(sample_path()), os.path.join(folder, 'all.pdf'), PdfOptions(what='all'))
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
        where = PACKAGE / folder
        for path in [where] if where.is_file() else where.rglob("*.py"):
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
