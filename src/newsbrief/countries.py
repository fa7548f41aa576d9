"""States by name, alternative spelling, demonym and capital (countryinfo's data), to ISO3."""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    demonym: str | None
    capital: str | None


# Names the data set lacks but news uses every day.
_EXTRA_ALIASES = {
    "U.S.": "USA", "U.S": "USA", "US": "USA", "America": "USA", "the United States": "USA",
    "U.K.": "GBR", "UK": "GBR", "Britain": "GBR", "Great Britain": "GBR", "England": "GBR",
    "Whitehall": "GBR", "Kremlin": "RUS", "Pentagon": "USA",
    "the White House": "USA", "White House": "USA", "Downing Street": "GBR",
    "North Korean": "PRK", "South Korean": "KOR", "Afghani": "AFG", "Emirati": "ARE",
    "UAE": "ARE", "Saudi": "SAU", "Saudis": "SAU", "Israeli": "ISR", "Palestinian": "PSE",
    "Iraqi": "IRQ",
    "Filipino": "PHL", "Dutch": "NLD", "the Netherlands": "NLD", "Holland": "NLD",
    "Swiss": "CHE", "Czech": "CZE", "Turkish": "TUR", "Turkiye": "TUR", "Türkiye": "TUR",
    "PRC": "CHN", "DPRK": "PRK", "ROK": "KOR", "Macedonia": "MKD", "Macedonian": "MKD",
    "Vatican": "VAT", "Holy See": "VAT", "Soviet": "RUS", "Emirates": "ARE", "Britons": "GBR",
    "Bosnia": "BIH", "Bosnian": "BIH", "Serb": "SRB", "Croat": "HRV", "Philippine": "PHL",
    "Argentine": "ARG", "Argentinian": "ARG", "Nepali": "NPL", "Nepalese": "NPL", "Gazan": "PSE",
    "Burmese": "MMR", "Ivorian": "CIV", "Kiwi": "NZL", "Aussie": "AUS",
    # territories news names as actors' homes, and older or short names of states
    "West Bank": "PSE", "Gaza": "PSE", "Gaza Strip": "PSE", "Kampuchea": "KHM", "Kampuchean": "KHM",
    "Kyrgyz": "KGZ", "Northern Ireland": "GBR",
}
# Seats of government the data set spells otherwise ("Washington D.C.") or lacks.
_EXTRA_CAPITALS = {"Washington": "USA", "New Delhi": "IND", "Delhi": "IND", "Kyiv": "UKR", "Kiev": "UKR",
                   "Tel Aviv": "ISR"}


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country]]:
    import countryinfo

    by_iso: dict[str, Country] = {}
    names: dict[str, Country] = {}
    capitals: dict[str, Country] = {}
    # most populous first, so a shared demonym ("Indian") goes to the state news means
    for c in sorted(countryinfo.all_countries(), key=lambda c: -(c.info().get("population") or 0)):
        info = c.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if not iso3 or not info.get("name"):
            continue
        capital = info.get("capital") or None
        if isinstance(capital, list):  # a few states list several seats of government
            capital = capital[0] if capital else None
        country = Country(iso3, info["name"], info.get("demonym") or None, capital)
        by_iso.setdefault(iso3, country)  # the most populous entry with the code: the UK, not Wales
        keys = [info["name"], *(info.get("altSpellings") or []), info.get("demonym") or ""]
        for key in keys:
            # codes ("IN", "AND", "CAN") collide with words once lowercased; common ones are aliases
            if key and not (key.isupper() and len(key) <= 3):
                names.setdefault(key.lower(), country)
        if country.capital:
            capitals.setdefault(country.capital.lower(), country)
    for alias, iso3 in _EXTRA_ALIASES.items():
        if iso3 in by_iso:
            names[alias.lower()] = by_iso[iso3]
    for cap, iso3 in _EXTRA_CAPITALS.items():
        if iso3 in by_iso:
            capitals[cap.lower()] = by_iso[iso3]
    return by_iso, names, capitals


def lookup(name: str) -> Country | None:
    """The state a name, spelling or demonym denotes ("Chinese" -> China); None otherwise."""
    key = name.strip().lower()
    for prefix in ("the ",):
        if key.startswith(prefix) and key not in _tables()[1]:
            key = key[len(prefix):]
    country = _tables()[1].get(key)
    if country is None and key.endswith("s") and len(key) > 4:
        country = _tables()[1].get(key[:-1])  # plural demonyms: "Pakistanis"
    return country


def capital_of(name: str) -> Country | None:
    """The state whose capital (or seat of power) this is: "Islamabad" -> Pakistan."""
    return _tables()[2].get(name.strip().lower())


def by_iso3(iso3: str) -> Country | None:
    return _tables()[0].get(iso3.upper())
