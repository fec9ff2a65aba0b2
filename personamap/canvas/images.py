"""Importing an image from a file or bytes into an embedded, downscaled Asset.

Order matters (docs/RELIABILITY.md, pitfall 5): the file size is capped before reading, the type
and the *declared* pixel size come from the header before anything decodes, and Qt decodes
at the target size (QImageReader.setScaledSize), so a 109 KB file that claims 30000×30000
pixels is refused in microseconds instead of allocating gigabytes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from ..io.images import check_size, image_info, make_asset
from ..model.image_header import asset_refusal
from ..model.project import MAX_ASSET_BYTES, Asset

MAX_FILE_BYTES = 30 * 1024 * 1024
"""Files larger than this are refused before they are read."""
PHOTO_SIDE = 1024
"""Longest side of a persona photo once imported."""
BOARD_SIDE = 2048
"""Longest side of an image placed on a board once imported."""
JPEG_QUALITY = 88
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
"""Suffixes offered by pickers and accepted from file drops; the content decides in the end."""


def asset_image(asset: Asset | None) -> QImage:
    """The decoded image of an embedded asset; a null QImage (items draw their placeholder)
    when it is missing or refused: a file is checked on load like an import, so an image whose
    header claims 12000×12000 pixels is never decoded (model/image_header.py)."""
    if asset is None or asset_refusal(asset) is not None:
        return QImage()
    return QImage.fromData(asset.raw())


class ImageImportError(ValueError):
    """An image was refused; the message is for the user."""


def read_capped(path: Path) -> bytes:
    """The bytes of `path`, refusing a file over MAX_FILE_BYTES without reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImageImportError(
                f"{path.name} is {size / 1048576:.0f} MB; images of up to "
                f"{MAX_FILE_BYTES // 1048576} MB can be imported"
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImageImportError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise ImageImportError(f"{path.name} is larger than {MAX_FILE_BYTES // 1048576} MB")
    return data


def _target_size(width: int, height: int, max_side: int) -> QSize:
    longest = max(width, height)
    if longest <= max_side:
        return QSize(width, height)
    scale = max_side / longest
    return QSize(max(1, round(width * scale)), max(1, round(height * scale)))


def _decode(data: bytes, size: QSize, label: str) -> QImage:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(False)  # the declared size was checked, not a rotated one
    reader.setScaledSize(size)
    image = reader.read()
    if image.isNull():
        raise ImageImportError(f"{label} could not be read as an image ({reader.errorString()})")
    return image


def _encode(image: QImage) -> bytes:
    """PNG when the image has transparency (logos, cut-outs), JPEG for everything else."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if image.hasAlphaChannel():
        ok = image.save(buffer, "PNG")
    else:
        ok = image.convertToFormat(QImage.Format.Format_RGB32).save(buffer, "JPEG", JPEG_QUALITY)
    if not ok:
        raise ImageImportError("the image could not be re-encoded")
    return bytes(buffer.data().data())


def import_image(source: Path | str | bytes, max_side: int = BOARD_SIDE, name: str = "") -> Asset:
    """Check, decode at most `max_side` pixels on the longest side, re-encode, and wrap as an
    Asset. Raises ImageImportError with a message for the user; nothing else escapes."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        label = name or path.name
        data = read_capped(path)
    else:
        label = name or "the image"
        if len(source) > MAX_FILE_BYTES:
            raise ImageImportError(f"{label} is larger than {MAX_FILE_BYTES // 1048576} MB")
        data = bytes(source)
    try:
        _media_type, width, height = image_info(data)
        check_size(width, height)
    except ValueError as exc:
        raise ImageImportError(f"{label} cannot be used: {exc}") from None
    image = _decode(data, _target_size(width, height, max_side), label)
    encoded = _encode(image)
    while len(encoded) > MAX_ASSET_BYTES and max(image.width(), image.height()) > 64:
        image = image.scaledToWidth(max(1, image.width() // 2), Qt.TransformationMode.SmoothTransformation)
        encoded = _encode(image)
    try:
        return make_asset(encoded, Path(label).stem if label != "the image" else "Image")
    except ValueError as exc:
        raise ImageImportError(f"{label} cannot be used: {exc}") from None
