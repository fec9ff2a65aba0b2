"""Images from the file manager: a photo dropped on a persona card, an image dropped on the
board, and the files that must be refused before decoding with nothing changed (docs/RELIABILITY.md 5)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from PySide6.QtTest import QTest

from personamap.canvas import images
from personamap.canvas.images import (
    MAX_FILE_BYTES,
    ImageImportError,
    import_image,
)
from personamap.io import load

from .conftest import item_center
from .dnd import drop_on, empty_spot, file_mime


def big_png(path: Path, w: int = 3000, h: int = 2000, alpha: bool = False) -> Path:
    image = QImage(w, h, QImage.Format.Format_ARGB32 if alpha else QImage.Format.Format_RGB32)
    image.fill(QColor(0, 0, 0, 0) if alpha else QColor("#FFFFFF"))
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, w, h)
    gradient.setColorAt(0, QColor("#0072B2"))
    gradient.setColorAt(1, QColor("#E69F00"))
    painter.fillRect(0, 0, w // 2, h, gradient)
    painter.end()
    assert image.save(str(path), "PNG")
    return path


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(path: Path) -> Path:
    """A valid 1×1 PNG body whose header claims 30000×30000 pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)
    body = zlib.compress(b"\x00\xff\x00\x00")
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")
    )
    return path


def show(window, name: str):
    board = next(b for b in window.document.project.boards if b.name == name)
    window.tabs.show_board(board.id)
    return window.tabs.current_view()


def test_an_image_dropped_on_a_card_becomes_the_photo_downscaled(
    window, tmp_path: Path, sample_file: Path
) -> None:
    photo = big_png(tmp_path / "portrait.png")
    view = show(window, "Personas")
    view.zoom_to_fit()
    scene = view.board_scene
    card = next(e for e in scene.board.elements if e.type == "persona_card")
    project = window.document.project
    assets = len(project.assets)
    assert drop_on(view, file_mime(photo), item_center(view, scene.items_by_id[card.id]))
    persona = project.persona(card.persona_id)
    asset = project.asset(persona.photo_asset_id)
    assert asset is not None and max(asset.width, asset.height) <= 1024
    assert (asset.width, asset.height) == (1024, 683)
    assert asset.media_type == "image/jpeg"  # no alpha: re-encoded as JPEG
    assert not scene.items_by_id[card.id].photo.isNull()
    assert len(project.assets) == assets + 1
    assert window.document.undo_stack.undoText() == "Set persona photo"
    window.document.undo_stack.undo()
    assert project.persona(card.persona_id).photo_asset_id is None and len(project.assets) == assets
    window.document.undo_stack.redo()
    # a second photo replaces the first, which goes (nothing else shows it)
    second = big_png(tmp_path / "second.png", 800, 800, alpha=True)
    assert drop_on(view, file_mime(second), item_center(view, scene.items_by_id[card.id]))
    new = project.asset(project.persona(card.persona_id).photo_asset_id)
    assert new.media_type == "image/png" and (new.width, new.height) == (800, 800)
    assert project.asset(asset.id) is None and len(project.assets) == assets + 1
    assert window.files.save()
    reopened = load(sample_file)
    assert reopened.persona(card.persona_id).photo_asset_id == new.id


def test_an_image_dropped_on_the_board_becomes_an_image_element(window, tmp_path: Path) -> None:
    picture = big_png(tmp_path / "whiteboard.png")
    view = show(window, "Personas")
    pos = empty_spot(view)
    at = view.mapToScene(pos)
    assert drop_on(view, file_mime(picture), pos)
    element = view.board_scene.board.elements[-1]
    assert element.type == "image"
    asset = window.document.project.asset(element.asset_id)
    assert (asset.width, asset.height) == (2048, 1365)
    assert abs(element.x + element.w / 2 - at.x()) <= 1 and max(element.w, element.h) <= 480
    window.document.undo_stack.undo()
    assert window.document.project.asset(asset.id) is None


def count_decodes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Pixels asked of each decode from now on: the work a refusal costs, without a clock."""
    asked: list[int] = []
    real = images._decode

    def counting(data: bytes, size: QSize, label: str) -> QImage:
        asked.append(size.width() * size.height())
        return real(data, size, label)

    monkeypatch.setattr(images, "_decode", counting)
    return asked


@pytest.mark.parametrize("kind", ["bomb", "text", "truncated"])
def test_bad_images_are_refused_before_decoding_and_change_nothing(
    window, tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if kind == "bomb":
        path = bomb_png(tmp_path / "bomb.png")
    elif kind == "text":
        path = tmp_path / "notes.png"
        path.write_text("this is not an image, only a text file renamed\n" * 20)
    else:
        whole = big_png(tmp_path / "whole.png", 400, 300).read_bytes()
        path = tmp_path / "truncated.png"
        path.write_bytes(whole[:200])
    view = show(window, "Personas")
    view.zoom_to_fit()
    scene = view.board_scene
    card = next(e for e in scene.board.elements if e.type == "persona_card")
    before = window.document.project.model_dump_json()
    asked = count_decodes(monkeypatch)
    for pos in (item_center(view, scene.items_by_id[card.id]), empty_spot(view)):
        asked.clear()
        drop_on(view, file_mime(path), pos)
        # a bomb or a text file is refused from its header; a cut PNG fails in one small decode
        assert asked == ([400 * 300] if kind == "truncated" else []), asked
        assert window.document.project.model_dump_json() == before
        assert window.document.undo_stack.count() == 0
        message = window.statusBar().currentMessage()
        assert path.name in message, message
        window.statusBar().clearMessage()


def test_the_image_tile_asks_for_a_file(window, qtbot, tmp_path: Path) -> None:
    dock = window.features["library"]
    picture = big_png(tmp_path / "logo.png", 300, 200, alpha=True)
    dock.pick_image = lambda: picture
    view = show(window, "Personas")
    empty_spot(view)
    tile = dock.elements.item_for("image")
    dock.elements.setCurrentItem(tile)
    dock.elements.setFocus()
    QTest.keyClick(dock.elements, Qt.Key.Key_Return)
    element = view.board_scene.board.elements[-1]
    assert element.type == "image" and (element.w, element.h) == (300, 200)
    dock.pick_image = lambda: None  # cancelled: nothing happens
    count = window.document.undo_stack.count()
    QTest.keyClick(dock.elements, Qt.Key.Key_Return)
    assert window.document.undo_stack.count() == count
    # dragged onto the board: the file dialog opens once the drag is over
    dock.pick_image = lambda: picture
    assert drop_on(view, dock.elements.mimeData([tile]), empty_spot(view, 5000, 5000))
    qtbot.waitUntil(lambda: window.document.undo_stack.count() == count + 1, timeout=2000)
    assert view.board_scene.board.elements[-1].type == "image"


def test_import_image_checks_before_decoding(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asset = import_image(big_png(tmp_path / "a.png", 1200, 900, alpha=True), 1024)
    assert asset.media_type == "image/png" and (asset.width, asset.height) == (1024, 768)
    small = import_image(big_png(tmp_path / "b.png", 200, 100).read_bytes(), 1024)
    assert (small.width, small.height) == (200, 100) and small.media_type == "image/jpeg"
    huge = tmp_path / "huge.png"
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no 30 MB written
    with pytest.raises(ImageImportError, match="MB"):
        import_image(huge)
    asked = count_decodes(monkeypatch)
    with pytest.raises(ImageImportError, match="megapixels"):
        import_image(bomb_png(tmp_path / "bomb.png"))
    assert asked == []  # refused from the header: nothing decoded
    with pytest.raises(ImageImportError, match="not a PNG"):
        import_image(b"GIF89a" + b"\x00" * 100)
