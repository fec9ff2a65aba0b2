"""Start-up discipline: `ops` and `layout` resolve every name they list on first use, and the
editor opened on the sample has not imported what its first window does not show (the start-up
benchmark's goal rests on it: benchmarks/bench_startup.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from personamap.model import layout, ops


@pytest.mark.parametrize("package", [ops, layout], ids=["ops", "layout"])
def test_every_listed_name_resolves(package) -> None:
    for name in package.__all__:
        assert getattr(package, name) is not None, name
    assert set(package.__all__) <= set(dir(package))
    with pytest.raises(AttributeError, match="no attribute 'not_there'"):
        _ = package.not_there


def test_a_lazy_name_is_the_submodule_object() -> None:
    from personamap.model.layout.journey import layout_journey
    from personamap.model.ops.board import place_element

    assert ops.place_element is place_element
    assert layout.layout_journey is layout_journey


NOT_AT_START = (
    "reportlab",
    "networkx",
    "personamap.export.pdf",
    "personamap.model.ops.board",
    "personamap.model.ops.journey",
    "personamap.model.layout.journey",
    "personamap.canvas.items.journey_map",
    "personamap.canvas.items.empathy",
    "personamap.ui.start_page",
    "personamap.ui.workshop.presenter",
    "personamap.ui.workshop.vote_controller",
    "personamap.ui.inspector.persona_form",
    "personamap.ui.inspector.journey_forms",
    "personamap.ui.import_data.window",
    "personamap.data.segment",
    "sklearn",
)

OPEN_THE_SAMPLE = """
import os, sys
os.environ['QT_QPA_PLATFORM'] = 'offscreen'
os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'
from personamap.resources import sample_path
from personamap.ui.app import make_application, open_window
make_application()
window = open_window(sample_path())
window.grab()
print(' '.join(sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[1:])))))
os._exit(0)
"""


def test_the_first_window_on_the_sample_leaves_the_rest_unimported(tmp_path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, "-c", OPEN_THE_SAMPLE, *NOT_AT_START],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []
