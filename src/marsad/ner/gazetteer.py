"""Name lists as tagger features: which token runs are known persons, places or organizations.

The shipped list (`data/gazetteer.tsv.gz`) is compiled by `build_gazetteer` from
../shared/datasets (ANERGazet, ANETAC, ISO countries, GeoNames cities); entries are keyed by
the tokens' lookup forms so every spelling variant that folds alike matches.
"""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from marsad.ner.tokens import lookup_form, strip_clitics, tokenize

TYPES = ("PER", "LOC", "ORG")
MAX_TOKENS = 6
PACKAGED = Path(__file__).parent / "data" / "gazetteer.tsv.gz"


class Gazetteer:
    def __init__(self, entries: dict[tuple[str, ...], frozenset[str]]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, path: Path = PACKAGED) -> Gazetteer:
        entries: dict[tuple[str, ...], frozenset[str]] = {}
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            for line in stream:
                name, kinds = line.rstrip("\n").split("\t")
                entries[tuple(name.split(" "))] = frozenset(kinds.split(","))
        return cls(entries)

    def save(self, path: Path) -> None:
        lines = "".join(
            " ".join(name) + "\t" + ",".join(sorted(kinds)) + "\n"
            for name, kinds in sorted(self.entries.items())
        )
        # mtime=0 keeps the file byte-identical when rebuilt from the same data.
        with (
            open(path, "wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as stream,
        ):
            stream.write(lines.encode("utf-8"))

    def features(self, forms: Sequence[str]) -> list[list[int]]:
        """Per token, 2 flags (begins, inside) for each of TYPES, from the longest matches.

        >>> g = Gazetteer({("حلف", "شمال", "الاطلسي"): frozenset({"ORG"})})
        >>> g.features(["قال", "لحلف", "شمال", "الاطلسي"])[1:3]
        [[0, 0, 0, 0, 1, 0], [0, 0, 0, 0, 0, 1]]
        """
        flags = [[0] * (2 * len(TYPES)) for _ in forms]
        i = 0
        while i < len(forms):
            length, kinds = self._longest(forms, i)
            for kind in kinds:
                t = TYPES.index(kind)
                flags[i][2 * t] = 1
                for j in range(i + 1, i + length):
                    flags[j][2 * t + 1] = 1
            i += max(length, 1)
        return flags

    def _longest(self, forms: Sequence[str], i: int) -> tuple[int, frozenset[str]]:
        # The form as written first, then without clitics (a set's order varied with the hash
        # seed, and with it the type of a name listed both ways).
        heads = dict.fromkeys((forms[i], strip_clitics(forms[i])[1]))
        for length in range(min(MAX_TOKENS, len(forms) - i), 0, -1):
            tail = tuple(forms[i + 1 : i + length])
            for head in heads:
                kinds = self.entries.get((head, *tail))
                if kinds:
                    return length, kinds
        return 0, frozenset()


def _key(name: str) -> tuple[str, ...]:
    return tuple(lookup_form(t.text) for t in tokenize(name))


def build_gazetteer(datasets: Path) -> Gazetteer:
    """Compile the name lists of ../shared/datasets into one Gazetteer."""
    entries: dict[tuple[str, ...], set[str]] = defaultdict(set)

    def add(names: Iterable[str], kind: str) -> None:
        for name in names:
            key = _key(name)
            if key and len(key) <= MAX_TOKENS and any(len(k) > 1 for k in key):
                entries[key].add(kind)

    anergazet = datasets / "gazetteers" / "anergazet"
    for kind, file in (
        ("LOC", "AlignedLocGazetteer.txt"),
        ("ORG", "AlignedOrgGazetteer.txt"),
        ("PER", "AlignedPersGazetteer.txt"),
    ):
        lines = (anergazet / file).read_text(encoding="utf-8").splitlines()
        add((line for line in lines if line.strip() and not line.startswith("=")), kind)
    anetac = datasets / "name_variants" / "anetac" / "EN-AR NE" / "EN-AR Named-entities.txt"
    anetac_kinds = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
    for line in anetac.read_text(encoding="utf-8").splitlines():
        kind, _, rest = line.partition(" ")
        arabic = " ".join(w for w in rest.split() if not w.isascii())
        if kind in anetac_kinds and arabic:
            add([arabic], anetac_kinds[kind])
    with open(datasets / "gazetteers" / "countries_ar_en.tsv", encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            add(
                (row[k] for k in ("name_ar_isocodes", "official_name_ar_isocodes", "name_ar_cldr") if row[k]),
                "LOC",
            )
    with open(datasets / "gazetteers" / "geonames_cities15000_ar.tsv", encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            add(row["arabic_names"].split("|"), "LOC")
    return Gazetteer({k: frozenset(v) for k, v in entries.items()})
