"""The demo's illustrations are real, small JPEGs of the expected size."""

import io

import pytest
from PIL import Image

from bulletin.demo import images


@pytest.mark.parametrize("scene", sorted(images.SCENES))
def test_each_scene_is_a_small_jpeg(scene):
    data = images.draw(scene)
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "JPEG"
        assert picture.size == (1200, 800)
    assert len(data) < 150_000


def test_drawing_is_repeatable():
    assert images.draw("river_gauge") == images.draw("river_gauge")


def test_an_unknown_scene_is_named_in_the_error():
    with pytest.raises(ValueError, match="volcano"):
        images.draw("volcano")
