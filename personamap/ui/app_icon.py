"""The application's own icon and desktop identity, so the window, the task bar and the dock
show the personamap mark and a Wayland compositor can match the window to its launcher."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon

from ..resources import ResourceError, resources_dir

DESKTOP_ID = "io.github.personamap.personamap"
"""The launcher's name without `.desktop` (packaging/linux/), also the AppStream id."""
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The icon from the rendered PNGs (no SVG plugin needed); empty if they are missing."""
    icon = QIcon()
    try:
        folder = resources_dir() / "icons" / "png"
    except ResourceError:
        return icon
    for size in ICON_SIZES:
        path = folder / f"personamap-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon


def install_app_identity(app: QGuiApplication) -> None:
    """Set the window icon and the desktop file name on the application."""
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    app.setDesktopFileName(DESKTOP_ID)
