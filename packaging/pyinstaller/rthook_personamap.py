"""PyInstaller runtime hook: let the PDF exporter find the fonts shipped inside the bundle.

The exporter (personamap/export/fonts.py) reads extra font folders from PERSONAMAP_FONT_DIRS;
the bundle's own folder is appended, so fonts the user points at still come first and the
machine's installed fonts (found through fontconfig) are preferred over the bundled copies.
"""

import os
import sys
from pathlib import Path

_fonts = Path(getattr(sys, "_MEIPASS", "")) / "personamap" / "_resources" / "fonts"
if _fonts.is_dir():
    _dirs = [d for d in os.environ.get("PERSONAMAP_FONT_DIRS", "").split(os.pathsep) if d]
    os.environ["PERSONAMAP_FONT_DIRS"] = os.pathsep.join([*_dirs, str(_fonts)])
