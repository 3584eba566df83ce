"""Bulletin's settings: unknown names and nonsense values are refused by name."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from bulletin import conf


def test_defaults_apply_and_overrides_win(settings):
    settings.BULLETIN = {"PAGE_SIZE": 5}
    assert conf.get("PAGE_SIZE") == 5 and conf.get("LITE_PAGE_SIZE") == conf.DEFAULTS["LITE_PAGE_SIZE"]


@pytest.mark.parametrize("key", sorted(conf.POSITIVE))
def test_a_period_or_count_of_zero_is_refused(settings, key):
    settings.BULLETIN = {key: 0}
    with pytest.raises(ImproperlyConfigured, match=f"{key} must be above 0"):
        conf.get(key)


def test_an_unknown_setting_is_named(settings):
    with pytest.raises(ImproperlyConfigured, match="no setting named 'PAGESIZE'"):
        conf.get("PAGESIZE")
