"""What users install: the wheel, in a fresh virtual environment with its dependencies from the
package index, and the PyInstaller one-folder build.

The wheel test takes about 30 s and runs by default. The PyInstaller build takes about 40 s of
build plus the smoke check and runs only with PERSONAMAP_SLOW_TESTS=1:

    PERSONAMAP_SLOW_TESTS=1 .venv/bin/pytest tests/packaging -m slow
"""

from __future__ import annotations

import getpass
import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SLOW_ENV = "PERSONAMAP_SLOW_TESTS"

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: int = 600):
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def base_env() -> dict[str, str]:
    """The test run's environment without its virtual environment or PYTHONPATH."""
    return {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}


def pip_env() -> dict[str, str]:
    """For pip: the user's real home, so that its download cache spares the package index."""
    env = base_env()
    env.pop("XDG_CACHE_HOME", None)
    env["HOME"] = os.path.expanduser(f"~{getpass.getuser()}") if os.name != "nt" else env.get("HOME", "")
    return env


def clean_env(home: Path) -> dict[str, str]:
    """For the installed app: private settings folders and no display."""
    env = base_env()
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_STATE_HOME=str(home / ".local/state"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def build_wheel(out: Path) -> Path:
    """`python -m build --wheel` when `build` is installed (the packaging extra), else pip."""
    if importlib.util.find_spec("build") is not None:
        run(sys.executable, "-m", "build", "--wheel", "--outdir", out, ROOT)
    else:
        run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", out, ROOT)
    (wheel,) = out.glob("personamap-*.whl")
    return wheel


def test_wheel_installs_and_runs_in_a_fresh_virtual_environment(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "dist")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "personamap/_resources/sample.personamap",
        "personamap/_resources/templates/blank.personamap",
        "personamap/_resources/icons/personamap.svg",
        "personamap/_resources/icons/png/personamap-256.png",
        "personamap/_resources/icons/personamap.ico",
    ):
        assert needed in names, needed
    assert not any(n.startswith(("tests/", "resources/")) for n in names)

    venv = tmp_path / "venv"
    base_python = getattr(sys, "_base_executable", sys.executable)
    run(base_python, "-m", "venv", venv)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    run(bin_dir / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel, env=pip_env())
    env = clean_env(tmp_path / "home")
    (tmp_path / "home").mkdir()

    work = tmp_path / "work"  # not the checkout: the installed copy must stand on its own
    work.mkdir()
    exe = bin_dir / "personamap"
    assert run(exe, "--version", cwd=work, env=env).stdout.strip().startswith("personamap ")
    run(exe, "sample", "x.personamap", cwd=work, env=env)
    out = run(exe, "check", "x.personamap", cwd=work, env=env).stdout
    assert "valid personamap project" in out
    probe = (
        "import personamap, personamap.resources as r;"
        "from personamap.ui.app import make_application;"
        "app = make_application();"
        "assert not app.windowIcon().isNull();"
        "print(r.resources_dir())"
    )
    where = run(bin_dir / "python", "-c", probe, cwd=work, env=env).stdout.strip()
    assert Path(where).parts[-2:] == ("personamap", "_resources")
    assert str(venv) in where


@pytest.mark.skipif(not os.environ.get(SLOW_ENV), reason=f"builds the PyInstaller bundle; set {SLOW_ENV}=1")
def test_pyinstaller_bundle_builds_and_passes_its_smoke_check(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="pip install -e '.[packaging]'")
    env = {
        **os.environ,
        "DIST": str(tmp_path / "dist"),
        "WORK": str(tmp_path / "work"),
        "PYTHON": sys.executable,
    }
    result = run("bash", ROOT / "packaging" / "pyinstaller" / "build.sh", cwd=ROOT, env=env, timeout=1200)
    assert "smoke: passed" in result.stdout, result.stdout
    bundle = tmp_path / "dist" / "personamap"
    internal = bundle / "_internal"
    assert (internal / "personamap" / "_resources" / "sample.personamap").is_file()
    assert (internal / "personamap" / "_resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (bundle / "linux" / "install.sh").is_file()
    qt_libs = {p.name.split(".so")[0] for p in internal.rglob("libQt6*.so*")}
    for unused in ("libQt6WebEngineCore", "libQt6Qml", "libQt6Quick", "libQt6Multimedia", "libQt63DCore"):
        assert unused not in qt_libs
