"""Uploaded images: checked to be what they claim, cleaned of metadata, stored in a few widths.

An upload is opened and verified with Pillow (JPEG, PNG, WebP and GIF only) and refused,
with a message naming the file, when it is too big in bytes or pixels, damaged or animated.
It is turned upright by its EXIF orientation, converted to sRGB, and re-encoded from its
pixels alone: no EXIF (GPS included), XMP, comment, thumbnail or ICC profile survives.
Stored: the cleaned original plus renditions 480, 960 and 1600 px wide, never upscaled;
JPEG, or PNG for images with transparency and for palette graphics (GIFs, indexed PNGs).
File names are random: an upload's own name may say who took it, or where.
"""

import datetime as dt
import io
import logging
import math
import secrets
import warnings
from dataclasses import dataclass, field
from functools import cache

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

MAX_BYTES = 15 * 1024 * 1024
# A 61-megapixel full-frame camera's photo fits; decoded, that is ~180 MB of RGB.
MAX_PIXELS = 64_000_000
MAX_SIDE = 12_000
WIDTHS = (480, 960, 1600)
FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
ORIGINAL_QUALITY = 90
RENDITION_QUALITY = 82

logger = logging.getLogger(__name__)


@dataclass
class Cleaned:
    """An upload's pixels, upright, in sRGB, without metadata, and the format to store them in."""

    image: Image.Image
    format: str  # "JPEG" or "PNG"

    @property
    def extension(self) -> str:
        return "png" if self.format == "PNG" else "jpg"


@dataclass
class Stored:
    """The files written for one image: the cleaned original and its renditions for srcset."""

    name: str
    width: int
    height: int
    renditions: list[dict] = field(default_factory=list)  # [{"width", "height", "name"}], narrowest first


def _refuse(label: str, message: str) -> ValidationError:
    return ValidationError({"images": [f"{label} {message}"]})


def _read(file: File, label: str) -> bytes:
    """The upload's bytes, refusing an empty or oversized file before reading all of it."""
    if (getattr(file, "size", None) or 0) > MAX_BYTES:
        megabytes = math.ceil(file.size * 10 / 1024 / 1024) / 10  # rounded up: 15.01 MB is not 15.0
        raise _refuse(label, f"is {megabytes} MB; the limit is {MAX_BYTES // 1024 // 1024} MB.")
    file.seek(0)
    data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _refuse(label, f"is larger than {MAX_BYTES // 1024 // 1024} MB, the limit.")
    if not data:
        raise _refuse(label, "is empty.")
    return data


def _check_dimensions(image: Image.Image, label: str) -> None:
    width, height = image.size
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise _refuse(label, f"is {width:,} × {height:,} pixels; the limit is {MAX_SIDE:,} px a side "
                             f"and {MAX_PIXELS // 1_000_000} megapixels.")
    # A phone's JPEG with a depth or HDR gain map opens as MPO: its first frame is the photo.
    if image.format != "MPO" and getattr(image, "is_animated", False):
        raise _refuse(label, "is animated; upload a still image (link to a video instead).")


def _decode(data: bytes, label: str) -> Image.Image:
    """Open, verify and fully decode data as a still JPEG, PNG, WebP or GIF."""
    # catch_warnings changes the process's filters; for an upload's few milliseconds, that is fine.
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that (a bomb it still opens).
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        # Damaged metadata draws UserWarnings; the metadata is thrown away anyway.
        warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.")
        try:
            with Image.open(io.BytesIO(data), formats=FORMATS) as probe:
                probe.verify()
            image = Image.open(io.BytesIO(data), formats=FORMATS)
            _check_dimensions(image, label)
            image.load()
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _refuse(label, "claims more pixels than can be opened safely (a possible decompression bomb).") from None
        except UnidentifiedImageError:
            raise _refuse(label, "is not a JPEG, PNG, WebP or GIF image.") from None
        # Pillow's decoders raise many kinds of error on crafted or cut-off files.
        except Exception:
            raise _refuse(label, "is damaged or incomplete; export it again and retry.") from None
    return image


@cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _to_srgb(image: Image.Image, mode: str) -> Image.Image:
    """Pixels in sRGB, the web's default, so the ICC profile can go with the rest."""
    icc = image.info.get("icc_profile")
    if image.mode in ("P", "PA"):
        # Straight to RGB, Pillow warns about palette transparency; via RGBA it is exact.
        image = image.convert("RGBA")
    if image.mode != "CMYK":
        image = image.convert(mode)
    if icc:
        try:
            return ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(io.BytesIO(icc)), _srgb(),
                                             outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a profile littlecms cannot use: the pixels are shown as they are
    return image.convert(mode)


def _has_transparency(image: Image.Image) -> bool:
    if image.mode not in ("RGBA", "LA", "PA") and "transparency" not in image.info:
        return False
    return image.convert("RGBA").getchannel("A").getextrema()[0] < 255


def clean(image: Image.Image) -> Cleaned:
    """Turn the image upright, into sRGB, and drop every piece of metadata."""
    ImageOps.exif_transpose(image, in_place=True)
    transparent = _has_transparency(image)
    graphic = transparent or image.mode in ("P", "1")
    cleaned = _to_srgb(image, "RGBA" if transparent else "RGB")
    # Encoders read EXIF, XMP, ICC and comments from info; a fresh dict leaves none to write.
    cleaned.info = {}
    return Cleaned(cleaned, "PNG" if graphic else "JPEG")


def _encode(image: Image.Image, format: str, quality: int) -> bytes:
    buffer = io.BytesIO()
    if format == "JPEG":
        image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    else:
        image.save(buffer, "PNG")
    return buffer.getvalue()


def _resized(image: Image.Image, width: int) -> Image.Image:
    height = max(1, round(image.height * width / image.width))
    resized = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    resized.info = {}
    return resized


def store(cleaned: Cleaned, *, storage: Storage, folder: str, written: list[str]) -> Stored:
    """Write the cleaned original and its renditions, adding each name to written as it lands."""
    image, stem = cleaned.image, f"{folder.rstrip('/')}/{secrets.token_urlsafe(12)}"

    def save(suffix: str, picture: Image.Image, quality: int) -> str:
        name = storage.save(f"{stem}{suffix}.{cleaned.extension}",
                            ContentFile(_encode(picture, cleaned.format, quality)))
        written.append(name)
        return name

    stored = Stored(save("", image, ORIGINAL_QUALITY), image.width, image.height)
    for width in (width for width in WIDTHS if width < image.width):
        rendition = _resized(image, width)
        name = save(f"-{width}w", rendition, RENDITION_QUALITY)
        stored.renditions.append({"width": width, "height": rendition.height, "name": name})
    if image.width <= WIDTHS[-1]:  # small enough to serve as it is
        stored.renditions.append({"width": image.width, "height": image.height, "name": stored.name})
    return stored


def prepare(file: File, *, label: str) -> Cleaned:
    """Check an upload and clean it, or raise ValidationError keyed "images" naming it."""
    return clean(_decode(_read(file, label), label))


def delete(storage: Storage, names: list[str]) -> None:
    """Remove files written for images that will not be kept; a failure is logged, not raised."""
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not remove %s, written for an image that was not kept.", name, exc_info=True)


def stored_files(storage: Storage, folder: str) -> list[str]:
    """The names of every file under folder in storage."""
    found, pending = [], [folder] if storage.exists(folder) else []
    while pending:
        current = pending.pop()
        folders, files = storage.listdir(current)
        pending.extend(f"{current}/{name}" for name in folders)
        found.extend(f"{current}/{name}" for name in files)
    return sorted(found)


def unreferenced(storage: Storage, names: list[str], kept: set[str], *, before: dt.datetime) -> list[str]:
    """The names no image refers to (not in kept) of files last written before ``before``.

    They are left when a post's transaction rolls back after its images were stored, or
    when a server dies while saving one. Files written after ``before`` may belong to a
    post being saved right now, so they stay.
    """
    found = []
    for name in names:
        if name in kept:
            continue
        try:
            if storage.get_modified_time(name) < before:
                found.append(name)
        except FileNotFoundError:  # removed meanwhile, by the save that wrote it
            pass
    return found
