"""Readers for the shared datasets the knowledge base is built from (../shared/datasets).

`read_name_pairs` merges the three name-variant sources on a lowercase English key;
`split_of` puts 1 English key in 5 in a held-out test split, so the name-pair evaluation
(bench/name_pairs.py) never scores pairs the knowledge base was built from.
"""

from __future__ import annotations

import csv
import hashlib
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from marsad.errors import InputError

Split = Literal["train", "test"]


def split_of(english: str) -> Split:
    """The split an English key belongs to (stable: a hash of the key).

    >>> split_of("stoltenberg") in ("train", "test")
    True
    """
    digest = hashlib.sha1(english_key(english).encode()).digest()
    return "test" if digest[0] % 5 == 0 else "train"


def english_key(english: str) -> str:
    """Lowercase ASCII letters of an English name: "Müller-Perth" → "mullerperth"."""
    plain = unicodedata.normalize("NFKD", english).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalpha())


def read_name_pairs(folder: Path) -> Iterator[tuple[str, str]]:
    """(Arabic spelling, English key) from Wikidata, Google ar2en and ANETAC (one word each)."""
    wikidata = folder / "wikidata_ar_en_coling2018" / "wd_arabic.normalized.aligned.tokens"
    for row in _rows(wikidata, "\t"):
        if len(row) >= 2:
            yield _pair(row[1].replace(" ", ""), row[0])
    for row in _rows(folder / "google_ar2en" / "ar2en.txt", "\t"):
        if len(row) >= 2:
            yield _pair(row[0], row[1])
    for row in _rows(folder / "anetac" / "EN-AR NE" / "EN-AR Named-entities.txt", " "):
        if len(row) == 3:
            yield _pair(row[2], row[1])


def _pair(arabic: str, english: str) -> tuple[str, str]:
    return arabic.strip(), english_key(english)


def _rows(path: Path, delimiter: str) -> Iterator[list[str]]:
    if not path.exists():
        raise InputError(str(path), "missing; the knowledge base is built from ../shared/datasets")
    with path.open(encoding="utf-8") as stream:
        yield from csv.reader(stream, delimiter=delimiter, quoting=csv.QUOTE_NONE)


def read_countries(path: Path) -> Iterator[dict[str, str]]:
    """Rows of gazetteers/countries_ar_en.tsv (alpha2, name_en, name_ar_isocodes, name_ar_cldr …)."""
    with path.open(encoding="utf-8") as stream:
        yield from csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_cities(path: Path) -> Iterator[dict[str, str]]:
    """Rows of gazetteers/geonames_cities15000_ar.tsv (name, countrycode, population, arabic_names)."""
    with path.open(encoding="utf-8") as stream:
        yield from csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
