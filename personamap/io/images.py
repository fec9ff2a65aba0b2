"""An embedded image (Asset) from image bytes, typed and sized by its header; the header
checks themselves live in the model (model/image_header.py), so a file being opened is
checked the same way as an image being imported."""

from __future__ import annotations

from typing import Literal, cast

from personamap.model.base import clean_text
from personamap.model.image_header import MAX_IMAGE_PIXELS, MAX_SIDE, check_size, image_info
from personamap.model.project import MAX_ASSET_BYTES, Asset

__all__ = ["MAX_IMAGE_PIXELS", "MAX_SIDE", "check_size", "image_info", "make_asset"]


def make_asset(data: bytes, name: str) -> Asset:
    """An Asset for image bytes already small enough to embed (the Qt importer downscales first).

    The type comes from the content, never from the name; ValueError says what is wrong.
    """
    if len(data) > MAX_ASSET_BYTES:
        raise ValueError(
            f"the image is {len(data) / 1048576:.1f} MB; an embedded image may be at most "
            f"{MAX_ASSET_BYTES // 1048576} MB"
        )
    media_type, width, height = image_info(data)
    check_size(width, height)
    label = clean_text(name, one_line=True).strip()[:500]
    kind = cast(Literal["image/png", "image/jpeg", "image/webp"], media_type)
    return Asset(name=label, media_type=kind, width=width, height=height, data=Asset.encode(data))
