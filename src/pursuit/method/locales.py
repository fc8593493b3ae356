"""Locales: the one a country defaults to, and how a locale orders the parts of 4/12 (§5.1).

A locale is written language_COUNTRY ("en_GB"); "en-gb" and "en_GB.UTF-8" are read the same.
"""

from __future__ import annotations

from functools import lru_cache

#: Countries whose locale is not simply English with the country's code.
_COUNTRY_LOCALES = {
    "US": "en_US",
    "DE": "de_DE",
    "AT": "de_AT",
    "CH": "de_CH",
    "LI": "de_LI",
    "FR": "fr_FR",
    "BE": "fr_BE",
    "LU": "fr_LU",
    "ES": "es_ES",
    "MX": "es_MX",
    "IT": "it_IT",
    "NL": "nl_NL",
    "PT": "pt_PT",
    "BR": "pt_BR",
    "PL": "pl_PL",
    "SE": "sv_SE",
    "DK": "da_DK",
    "NO": "nb_NO",
    "FI": "fi_FI",
    "JP": "ja_JP",
}

#: The locale used when no country is known.
DEFAULT_LOCALE = "en_US"


def locale_for_country(country: str) -> str:
    """The locale a seeker or company in `country` (ISO 3166-1 alpha-2) gets by default.

    >>> locale_for_country("gb"), locale_for_country("DE"), locale_for_country("NZ")
    ('en_GB', 'de_DE', 'en_NZ')
    """
    cc = (country or "").strip().upper()
    if len(cc) != 2 or not cc.isalpha():
        return DEFAULT_LOCALE
    return _COUNTRY_LOCALES.get(cc, f"en_{cc}")


def _normal(locale: str) -> str:
    return locale.replace("-", "_").split(".")[0].lower()


@lru_cache(maxsize=64)
def day_first(locale: str) -> bool:
    """Whether 4/12 is the 4th of December: everywhere but the United States."""
    return _normal(locale) != "en_us"


@lru_cache(maxsize=64)
def order_is_certain(locale: str) -> bool:
    """Whether numeric dates in `locale` are only ever written one way.

    The United States writes month first and continental Europe day first without exception;
    English speakers elsewhere (Britain, Canada, Ireland, Australia…) read American dates every
    day, so a 4/12 they were told may be either.
    """
    normal = _normal(locale)
    return normal == "en_us" or not normal.startswith("en")
