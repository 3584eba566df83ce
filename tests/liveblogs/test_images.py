"""Images on the way in: really images, not too big, upright, stripped of metadata, in a few widths."""

import io
import os
import struct
import time
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from PIL import ExifTags, Image, ImageCms, ImageDraw, PngImagePlugin

from bulletin.liveblogs import images, services
from bulletin.liveblogs.models import Post, PostImage
from bulletin.liveblogs.rendering import render_post
from tests.factories import make_liveblog, publish

pytestmark = pytest.mark.django_db

ALT = "Firefighters carry a boat down Mill Street"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>Taken at 12 Elm Road</rdf:Description></x:xmpmeta>'
# Where sam lives, as a phone would record it.
LATITUDE, LONGITUDE = (50.0, 27.0, 1.5), (30.0, 31.0, 2.0)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    """Uploads land in a temporary folder, not the data folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def election_night(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return make_liveblog()


def spy_exif(orientation: int = 1) -> Image.Exif:
    """EXIF a phone writes: camera, orientation and the GPS position of the photographer."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "RivertonPhone"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude] = "N", LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef], gps[ExifTags.GPS.GPSLongitude] = "E", LONGITUDE
    return exif


def picture(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """A scene with a red block in the top left corner, so turning it shows."""
    fill = (40, 90, 160, 255) if mode == "RGBA" else (40, 90, 160)
    image = Image.new(mode, (width, height), fill)
    ImageDraw.Draw(image).rectangle((0, 0, width // 4, height // 4), fill=(220, 20, 20))
    return image


def encoded(image: Image.Image, format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format, **options)
    return buffer.getvalue()


def phone_photo(width: int = 3000, height: int = 2000, orientation: int = 6) -> bytes:
    """A JPEG as phones send them: turned by EXIF, with GPS, XMP, a comment and an ICC profile."""
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return encoded(picture(width, height), "JPEG", exif=spy_exif(orientation), xmp=XMP,
                   comment=b"12 Elm Road", icc_profile=icc, quality=90)


def upload(data: bytes, name: str = "IMG_2041 at sams house.jpg", alt: str = ALT) -> services.ImageUpload:
    return services.ImageUpload(file=ContentFile(data, name=name), alt=alt, caption="Mill Street at noon.",
                                credit="Photo: Maria Lindqvist")


def png_declaring(width: int, height: int) -> bytes:
    """A valid PNG header declaring a size, with next to no pixel data behind it."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def assert_no_metadata(path: Path) -> None:
    with Image.open(path) as image:
        assert not image.getexif(), f"{path.name} keeps EXIF {dict(image.getexif())}"
        leaked = {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"} & set(image.info)
        assert not leaked, f"{path.name} keeps {leaked}"
    assert b"Elm Road" not in path.read_bytes() and b"RivertonPhone" not in path.read_bytes()


def test_a_phone_photo_is_stored_upright_without_metadata_in_three_widths(election_night, media_root):
    post = publish(election_night, images=[upload(phone_photo())])

    image = post.images.get()
    assert (image.width, image.height) == (2000, 3000)  # EXIF orientation 6: turned a quarter clockwise
    assert [(r["width"], r["height"]) for r in image.renditions] == [(480, 720), (960, 1440), (1600, 2400)]
    for name in [image.file.name, *(r["name"] for r in image.renditions)]:
        path = media_root / name
        assert "sams" not in name and name.startswith("images/") and name.endswith(".jpg")
        assert_no_metadata(path)
        with Image.open(path) as stored:
            assert stored.format == "JPEG" and stored.mode == "RGB"
            # The red corner was top left; turned clockwise it is top right.
            assert stored.getpixel((stored.width - 5, 5))[0] > 180
            assert stored.getpixel((5, 5))[0] < 100
    with Image.open(media_root / image.file.name) as original:
        assert original.size == (2000, 3000)


def test_a_png_with_transparency_stays_png_and_loses_its_text_chunks(election_night, media_root):
    image = picture(800, 600, "RGBA")
    ImageDraw.Draw(image).rectangle((600, 400, 800, 600), fill=(0, 0, 0, 0))
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Sam, 12 Elm Road")
    post = publish(election_night, images=[upload(encoded(image, "PNG", exif=spy_exif(), pnginfo=text), "map.png")])

    attached = post.images.get()
    assert [r["width"] for r in attached.renditions] == [480, 800]
    assert attached.renditions[-1]["name"] == attached.file.name  # narrow enough to serve as it is
    for rendition in attached.renditions:
        path = media_root / rendition["name"]
        assert_no_metadata(path)
        with Image.open(path) as stored:
            assert (stored.format, stored.mode) == ("PNG", "RGBA")
            assert "Author" not in stored.info
            assert stored.getpixel((stored.width - 1, stored.height - 1))[3] == 0


@pytest.mark.parametrize(
    ("data", "stored_format"),
    [
        (encoded(picture(1000, 500), "WEBP", exif=spy_exif(), xmp=XMP), "JPEG"),
        (encoded(picture(1000, 500).convert("P"), "GIF"), "PNG"),
        # Phones save depth or HDR gain maps as a second JPEG (MPO): the first is the photo.
        (encoded(picture(1000, 500), "MPO", save_all=True, append_images=[picture(500, 250)], exif=spy_exif()),
         "JPEG"),
    ],
    ids=["webp", "gif", "mpo"],
)
def test_webp_gif_and_multi_picture_jpeg_are_taken(election_night, media_root, data, stored_format):
    attached = publish(election_night, images=[upload(data, "upload")]).images.get()

    assert (attached.width, attached.height) == (1000, 500)
    assert [r["width"] for r in attached.renditions] == [480, 960, 1000]
    for rendition in attached.renditions:
        assert_no_metadata(media_root / rendition["name"])
        with Image.open(media_root / rendition["name"]) as stored:
            assert stored.format == stored_format


def test_a_small_image_is_never_upscaled(election_night):
    attached = publish(election_night, images=[upload(encoded(picture(300, 200), "JPEG"))]).images.get()
    assert attached.renditions == [{"width": 300, "height": 200, "name": attached.file.name}]


class Img(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.images: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def test_the_post_offers_every_width_in_srcset_and_the_lite_page_only_words(election_night):
    post = publish(election_night, images=[upload(phone_photo(2400, 1200, orientation=1))])
    attached = post.images.get()

    (img,) = Img(render_post(post)).images
    widths = {r["width"]: f"/media/{r['name']}" for r in attached.renditions}
    assert img["srcset"] == ", ".join(f"{url} {width}w" for width, url in widths.items())
    assert list(widths) == [480, 960, 1600]
    assert img["src"] == widths[960]
    assert img["sizes"] and img["alt"] == ALT
    assert (img["width"], img["height"], img["loading"], img["decoding"]) == ("2400", "1200", "lazy", "async")

    lite = render_post(post, lite=True)
    assert "<img" not in lite and "/media/" not in lite
    assert f"[Image: {ALT}] Mill Street at noon. (Photo: Maria Lindqvist)" in lite


def test_an_image_from_before_renditions_still_shows(election_night, media_root):
    post = publish(election_night, images=[upload(encoded(picture(300, 200), "JPEG"))])
    PostImage.objects.update(renditions=[])

    (img,) = Img(render_post(Post.objects.get(pk=post.pk))).images
    assert img["src"] == post.images.get().file.url and "srcset" not in img


TOO_LARGE = b"\xff\xd8" + b"\0" * images.MAX_BYTES


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", "is not a JPEG, PNG, WebP or GIF image"),
        (encoded(picture(64, 64), "TIFF"), "is not a JPEG, PNG, WebP or GIF image"),
        (b"", "is empty"),
        (phone_photo(640, 360)[:3000], "is damaged or incomplete"),
        (png_declaring(100_000, 100_000), "claims more pixels than can be opened safely"),
        (png_declaring(10_000, 10_000), "claims more pixels than can be opened safely"),
        (png_declaring(9_000, 8_000), "9,000 × 8,000 pixels; the limit is 12,000 px a side and 64 megapixels"),
        (png_declaring(30_000, 10), "30,000 × 10 pixels"),
        (TOO_LARGE, "is 15.1 MB; the limit is 15 MB"),
        (encoded(picture(64, 64).convert("P"), "GIF", save_all=True,
                 append_images=[picture(64, 64).rotate(90).convert("P")]), "is animated"),
    ],
    ids=["pdf-renamed", "tiff", "empty", "truncated", "bomb", "bomb-warning", "too-many-pixels", "too-wide",
         "too-large", "animated"],
)
def test_what_is_not_a_usable_image_is_refused_by_name_and_nothing_is_kept(election_night, media_root, data,
                                                                           message):
    with pytest.raises(ValidationError) as refused:
        publish(election_night, images=[upload(data, "flood.jpg")])

    (error,) = refused.value.message_dict["images"]
    assert error.startswith("Image 1 (flood.jpg) ") and message in error, error
    assert not Post.objects.exists() and not PostImage.objects.exists()
    assert stored_files(media_root) == []


def test_a_bad_second_image_takes_the_first_ones_files_with_it(election_night, media_root):
    good, bad = upload(phone_photo()), upload(b"GIF89a but not really", "second.gif")

    with pytest.raises(ValidationError, match=r"Image 2 \(second.gif\)"):
        publish(election_night, images=[good, bad])

    assert not Post.objects.exists() and not PostImage.objects.exists()
    assert stored_files(media_root) == []
    election_night.refresh_from_db()
    assert election_night.sequence == 1


def test_overlong_caption_is_refused_naming_the_image_before_any_work(election_night, media_root):
    long_caption = services.ImageUpload(file=ContentFile(b"not read", name="x.jpg"), alt=ALT, caption="c" * 501)
    with pytest.raises(ValidationError) as refused:
        publish(election_night, images=[long_caption])
    assert refused.value.message_dict["images"][0].startswith("Image 1 (x.jpg): ")
    assert stored_files(media_root) == []


def test_files_left_by_a_rolled_back_save_are_pruned_once_old(election_night, media_root):
    publish(election_night, images=[upload(phone_photo())])
    kept = sorted(stored_files(media_root))
    with pytest.raises(RuntimeError), transaction.atomic():
        publish(election_night, images=[upload(phone_photo(1200, 800))])
        raise RuntimeError("the server stopped before the commit")
    left = sorted(set(stored_files(media_root)) - set(kept))
    assert left and PostImage.objects.count() == 1

    fresh = io.StringIO()
    call_command("prune_images", stdout=fresh)  # a file written just now may be a post saving
    assert sorted(stored_files(media_root)) == sorted(kept + left) and "Removed 0 files" in fresh.getvalue()

    an_hour_ago = time.time() - 3700
    for path in left:
        os.utime(path, (an_hour_ago, an_hour_ago))
    listed = io.StringIO()
    call_command("prune_images", "--dry-run", stdout=listed)
    assert f"{len(left)} files no post refers to" in listed.getvalue()
    assert sorted(stored_files(media_root)) == sorted(kept + left)
    removed = io.StringIO()
    call_command("prune_images", stdout=removed)
    assert sorted(stored_files(media_root)) == kept and f"Removed {len(left)} files" in removed.getvalue()
    assert render_post(Post.objects.get()).count("srcset=") == 1  # the kept post's images are untouched


def test_pruning_refuses_to_touch_files_being_written(election_night):
    with pytest.raises(CommandError, match="at least 1 minute"):
        call_command("prune_images", "--older-than", "0")


def test_pruning_against_a_database_that_knows_none_of_the_files_refuses(election_night, media_root):
    publish(election_night, images=[upload(phone_photo())])
    files = sorted(stored_files(media_root))
    an_hour_ago = time.time() - 3700
    for path in files:
        os.utime(path, (an_hour_ago, an_hour_ago))
    PostImage.objects.all().delete()  # as a database other than the one these files belong to would be

    with pytest.raises(CommandError, match=rf"{len(files)} of the {len(files)} stored image files"):
        call_command("prune_images", stdout=io.StringIO())
    assert sorted(stored_files(media_root)) == files
    call_command("prune_images", "--force", stdout=io.StringIO())
    assert stored_files(media_root) == []
