"""On a machine with no fonts at all, the canvas still shows every script and emoji: the
bundled Noto faces are registered with Qt for the scripts the machine lacks, and an emoji
ZWJ sequence is set as one glyph."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = r"""
import json
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextLayout
app = QGuiApplication([])
system = [f for f in QFontDatabase.families() if f not in ("Monospace", "Sans Serif", "Serif")]
from personamap.fonts.qt import content_family, register_bundled
from personamap.canvas.text import font
added = register_bundled()
runs = {}
for text in ("Hello", "王小明", "שלום", "مرحبا", "\U0001f469\u200d\U0001f4bb", "\U0001f389"):
    layout = QTextLayout(text, font(14))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs[text] = [(r.rawFont().familyName(), len(r.glyphIndexes())) for r in layout.glyphRuns()]
print(json.dumps({
    "system": system, "added": list(added), "content": content_family(),
    "emoji": QFontDatabase.applicationEmojiFontFamilies(), "runs": runs,
}))
"""


def test_a_machine_without_fonts_gets_the_bundled_ones(tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{tmp_path / 'none'}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120, check=True
    ).stdout
    found = json.loads(out.strip().splitlines()[-1])
    assert found["system"] == []  # really no fonts
    assert found["added"] == [
        "Noto Sans",
        "Noto Sans Arabic",
        "Noto Sans Hebrew",
        "Noto Sans CJK SC",
        "Noto Emoji",
    ]
    assert found["content"] == "Noto Sans"
    assert found["emoji"] == ["Noto Emoji"]
    runs = found["runs"]
    assert runs["Hello"] == [["Noto Sans", 5]]
    assert runs["王小明"] == [["Noto Sans CJK SC", 3]]
    assert runs["שלום"] == [["Noto Sans Hebrew", 4]]
    assert [family for family, _ in runs["مرحبا"]] == ["Noto Sans Arabic"]
    assert runs["\U0001f469\u200d\U0001f4bb"] == [["Noto Emoji", 1]]  # one glyph, not 👩 and 💻
    assert runs["\U0001f389"] == [["Noto Emoji", 1]]
