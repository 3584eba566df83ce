"""Fixtures for the demo's tests: images land in a temporary folder, not the data folder."""

import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Keep the illustrations seeding draws out of BULLETIN_DATA_DIR."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
