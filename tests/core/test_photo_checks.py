"""Photos are decoded when attached: damaged files and pixel bombs are refused, big ones stored at
print size (upright), so printing stays fast; the original is kept only when asked."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from inspector.core.errors import ValidationError
from inspector.core.photos import MAX_PIXELS, STORED_LONG_SIDE, PhotoInput, load_photo


def picture(size: tuple[int, int], fmt: str = "JPEG", exif_orientation: int | None = None) -> bytes:
    img = Image.new("RGB", size, (180, 90, 40))
    out = io.BytesIO()
    if exif_orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        img.save(out, fmt, exif=exif)
    else:
        img.save(out, fmt)
    return out.getvalue()


def test_a_damaged_jpeg_is_refused_by_name() -> None:
    good = picture((800, 600))
    with pytest.raises(ValidationError, match=r"照片“坏\.jpg”已损坏"):
        load_photo(PhotoInput("整改前", good[: len(good) // 2], filename="坏.jpg"))
    with pytest.raises(ValidationError, match="已损坏"):
        load_photo(PhotoInput("整改前", b"\xff\xd8\xff\xe0" + b"\x00" * 60 + b"\xff\xd9"))


def test_a_small_file_with_too_many_pixels_is_refused() -> None:
    side = int(MAX_PIXELS**0.5) + 100
    bomb = io.BytesIO()
    Image.new("1", (side, side)).save(bomb, "PNG")  # a few hundred KB for >120 million pixels
    assert len(bomb.getvalue()) < 2 * 1024 * 1024
    with pytest.raises(ValidationError, match="像素过多"):
        load_photo(PhotoInput("整改前", bomb.getvalue(), filename="bomb.png"))


def test_a_big_photo_is_stored_at_print_size_and_upright() -> None:
    raw = picture((4000, 3000), exif_orientation=6)  # taken with the phone turned
    loaded = load_photo(PhotoInput("整改前", raw, filename="手机.jpg"))
    with Image.open(io.BytesIO(loaded.content)) as img:
        assert max(img.size) == STORED_LONG_SIDE
        assert img.size[1] > img.size[0]  # rotated as it was held
    assert len(loaded.content) < len(raw)
    kept = load_photo(PhotoInput("整改前", raw, filename="原图.jpg", keep_original=True))
    assert kept.content == raw


def test_a_print_sized_photo_is_kept_byte_for_byte() -> None:
    raw = picture((1600, 1200))
    assert load_photo(PhotoInput("整改后", raw)).content == raw
    png = picture((300, 200), "PNG")
    assert load_photo(PhotoInput("整改后", png)).mime == "image/png"
