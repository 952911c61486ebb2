"""Build the shipped knowledge base from ../shared/datasets and the curated entries.

    python -m marsad.kb.build --datasets ../shared/datasets [--out src/marsad/data/kb]

Writes `entities.jsonl.gz` (one entity a line: id, name, type, english, variants, roles,
source) and `english_words.tsv.gz` (Arabic name word → English spelling, for English display
names of entities the knowledge base does not hold). Sources, in order of precedence:

- `curated`: marsad/kb/curated.jsonl, written by hand: organizations, agencies, armed groups,
  leaders and officials with their dated roles;
- `iso-codes/cldr`: gazetteers/countries_ar_en.tsv, every country;
- `geonames`: gazetteers/geonames_cities15000_ar.tsv, every city it lists (15,000 people or
  more) in the Arab world, Iran, Turkey and Israel, and those of 150,000 or more elsewhere;
- `name-variants`: the English word list comes from the *train* split of the name-variant
  sources only (`sources.split_of`), so bench/name_pairs.py scores names it never saw.

An entry of a later source that shares a name key and type with an earlier one adds its names
to it instead of becoming a second entity. A gazetteer entry is named by the spelling
saudinewsnet/saudinewsnet.jsonl.gz writes most, where that file is there (GeoNames lists Arabic
names alphabetically: London's first was لأندأن). ANERGazet is not used: its organization list mixes
newspapers with city names (الرياض, اليوم).

It also writes `known_names.tsv.gz`, the names the entities stage tags wherever they stand
(`marsad.ner.known`): the curated organizations' and places' names, less the one-word names
that ANERcorp (`anercorp/train.txt`) ever writes as plain words, not names (الفرنسية, العربية,
فتح, القاعدة, تداول, حماس, الإخوان, وام: the tagger decides those in context); a name that is
another of its names after a word ANERcorp leaves outside names is matched whole and tagged
without that word (دول مجلس التعاون → مجلس التعاون, as ANERcorp would tag it). And
`nationality_stems.txt.gz`: the stems of the countries' one-word names that their adjectives
are made of (عمان of العمانية, روس of روسيا and الروسي), by which a known name followed by a
country's adjective is read as that country's (وزارة الصحة العمانية is not the Saudi ministry).
And `plain_words.txt.gz`: every word (clitics off) ANERcorp writes as no name, by which a
person's family name is told from a common word (الجبير from الشيخ, العربي).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.arabic.names import name_key, name_words, slug
from marsad.kb.sources import read_cities, read_countries, read_name_pairs, split_of
from marsad.ner.conll import read_conll
from marsad.ner.tokens import lookup_form, strip_clitics

CURATED = Path(__file__).with_name("curated.jsonl")
DEFAULT_OUT = Path(__file__).parents[1] / "data" / "kb"
# The Arab League's members, Iran, Turkey and Israel: their smaller cities make the news too.
REGION = frozenset(
    {"SA", "AE", "KW", "QA", "BH", "OM", "YE", "IQ", "SY", "LB", "JO", "PS", "EG", "LY", "TN", "DZ"}
    | {"MA", "SD", "MR", "SO", "DJ", "KM", "IL", "IR", "TR"}
)


@dataclass(slots=True)
class Entry:
    id: str
    name: str
    type: str
    english: str
    source: str
    variants: list[str] = field(default_factory=list)
    roles: list[list[str | None]] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "english": self.english,
            "variants": self.variants,
            "roles": self.roles,
            "source": self.source,
        }


class Builder:
    """Entries by id, merging a later source's names into an earlier entry of the same key."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.by_key: dict[tuple[str, str], str] = {}

    def add(self, entry: Entry) -> None:
        for name in [entry.name, *entry.variants]:
            existing = self.by_key.get((name_key(name), _kind(entry.type)))
            if existing:
                self._merge(self.entries[existing], entry)
                return
        while entry.id in self.entries:
            entry.id += "-2"
        self.entries[entry.id] = entry
        for name in [entry.name, *entry.variants]:
            self.by_key.setdefault((name_key(name), _kind(entry.type)), entry.id)

    def _merge(self, into: Entry, other: Entry) -> None:
        for name in [other.name, *other.variants]:
            owner = self.by_key.setdefault((name_key(name), _kind(into.type)), into.id)
            if owner != into.id:
                continue  # a name an earlier source gave another entity (الجزيرة: the channel, not Algiers)
            if name not in into.variants and name != into.name:
                into.variants.append(name)
        if other.source not in into.source.split("+"):
            into.source += "+" + other.source


def _kind(entity_type: str) -> str:
    return "PER" if entity_type == "PER" else "ORG/LOC"


def curated(path: Path = CURATED) -> Iterator[Entry]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                item = json.loads(line)
                names = list(dict.fromkeys(item["ar"]))
                yield Entry(
                    id="kb:" + item["id"],
                    name=names[0],
                    type=item["type"],
                    english=item["en"],
                    source="curated",
                    variants=names[1:],
                    roles=[list(role) for role in item.get("roles", [])],
                )


def countries(path: Path) -> Iterator[Entry]:
    for row in read_countries(path):
        names = [
            row.get(k, "").strip() for k in ("name_ar_cldr", "name_ar_isocodes", "official_name_ar_isocodes")
        ]
        names = list(dict.fromkeys(n for n in names if n))
        if names:
            english = row["name_en"]
            yield Entry("kb:" + _ascii_slug(english), names[0], "LOC", english, "iso-codes/cldr", names[1:])


MIN_REGIONAL_CITY = 15_000
MIN_WORLD_CITY = 150_000


def cities(path: Path) -> Iterator[Entry]:
    """Largest first, so a shared Arabic name (جنيف) goes to the city the news means."""
    rows = sorted(read_cities(path), key=lambda row: -int(row["population"] or 0))
    for row in rows:
        population = int(row["population"] or 0)
        if population < (MIN_REGIONAL_CITY if row["countrycode"] in REGION else MIN_WORLD_CITY):
            continue
        names = [n.strip() for n in row["arabic_names"].split("|") if n.strip()]
        if names:
            english = row["name"]
            yield Entry("kb:" + _ascii_slug(english), names[0], "LOC", english, "geonames", names[1:])


def _ascii_slug(english: str) -> str:
    from marsad.kb.sources import english_key

    return "-".join(english_key(word) for word in english.split() if english_key(word)) or slug(english)


def english_words(folder: Path) -> dict[str, str]:
    """Arabic name word → its most frequent English spelling, from the train split only."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for arabic, english in read_name_pairs(folder):
        if english and split_of(english) == "train":
            for word in name_words(arabic)[:1]:
                counts[word][english] += 1
    return {word: spellings.most_common(1)[0][0] for word, spellings in counts.items()}


def plain_words(anercorp: Path) -> Counter[str]:
    """How often ANERcorp tags each word (clitics off) as no name."""
    counts: Counter[str] = Counter()
    for tokens, tags in read_conll(anercorp):
        plain = (t for t, tag in zip(tokens, tags, strict=True) if tag == "O")
        counts.update(strip_clitics(lookup_form(t))[1] for t in plain)
    return counts


def heads_outside(anercorp: Path) -> frozenset[str]:
    """Words ANERcorp writes right before a name, outside it, more often than as a name's first
    word: دول مجلس التعاون, قوات التحالف (its names are مجلس التعاون, التحالف)."""
    before, first = Counter[str](), Counter[str]()
    for tokens, tags in read_conll(anercorp):
        for i, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
            if tag.startswith("B-"):
                first[lookup_form(token)] += 1
            elif tag == "O" and i + 1 < len(tags) and tags[i + 1].startswith("B-"):
                before[lookup_form(token)] += 1
    return frozenset(word for word, count in before.items() if count > first[word])


def known_names(
    entries: Iterable[Entry], plain: Counter[str], outside: frozenset[str] = frozenset()
) -> Iterator[tuple[str, str, int]]:
    """The organizations' and places' names of `entries` that are not also plain words, each
    with how many of its first words stand outside the name as ANERcorp would tag it: 1 for
    another of these names after a word ANERcorp leaves outside names (دول مجلس التعاون is
    tagged مجلس التعاون; حركة حماس whole: حماس alone is a plain word too)."""
    for entry in entries:
        if entry.type not in ("ORG", "LOC"):
            continue
        names = [
            name
            for name in dict.fromkeys((entry.name, *entry.variants))
            if " " in name or not plain[strip_clitics(lookup_form(name))[1]]
        ]
        forms = {lookup_form(name) for name in names}
        for name in names:
            head, *rest = name.split()
            inner = rest and lookup_form(head) in outside and lookup_form(" ".join(rest)) in forms
            yield name, entry.type, int(bool(inner))


def nationality_stems(entries: Iterable[Entry]) -> frozenset[str]:
    """The stems (folded, 3 letters or more) of the countries' one-word names that their
    adjectives are made of: مصر (المصري), روس (روسيا), امريك (أمريكا), سعود (السعودية).
    Names of several words are left out: their other words are adjectives of no country
    (جمهورية مصر العربية, روسيا الاتحادية)."""
    stems = set()
    for entry in entries:
        if "iso-codes" not in entry.source:
            continue
        for name in (entry.name, *entry.variants):
            if " " in name.strip():
                continue
            bare = lookup_form(name.strip()).removeprefix("ال" if name.startswith("ال") else "")
            stems.update(
                {bare, *(bare.removesuffix(end) for end in ("يا", "ا", "يه", "ه") if bare.endswith(end))}
            )
    return frozenset(stem for stem in stems if len(stem) >= 3)


_WORD_RE = re.compile(r"[^\W\d_]+")


def display_commonest_names(entries: Iterable[Entry], news: Path) -> None:
    """Give each gazetteer entry the spelling the news writes most as its name: GeoNames lists
    a place's Arabic names in alphabetical order, so its first was often a rare one (لأندأن
    before لندن, ااالخرطوم before الخرطوم). Hand-written entries keep the name chosen for them."""
    chosen = [e for e in entries if "curated" not in e.source and e.variants]
    wanted = {tuple(name.split()) for e in chosen for name in (e.name, *e.variants)}
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in wanted:
        by_first[name[0]].append(name)
    counts: Counter[tuple[str, ...]] = Counter()
    with gzip.open(news, "rt", encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            text = _WORD_RE.findall(f"{record.get('title') or ''} {record.get('text') or ''}")
            for i, word in enumerate(text):
                for name in by_first.get(word, ()):
                    if len(name) == 1 or tuple(text[i : i + len(name)]) == name:
                        counts[name] += 1
    for entry in chosen:
        names = [entry.name, *entry.variants]
        best = max(names, key=lambda name: counts[tuple(name.split())])  # first of the equals
        if counts[tuple(best.split())] > counts[tuple(entry.name.split())]:
            entry.name, entry.variants = best, [n for n in names if n != best]


def build(datasets: Path, out: Path) -> tuple[int, int]:
    builder = Builder()
    for entry in curated():
        builder.add(entry)
    gazetteers = datasets / "gazetteers"
    for entry in countries(gazetteers / "countries_ar_en.tsv"):
        builder.add(entry)
    for entry in cities(gazetteers / "geonames_cities15000_ar.tsv"):
        builder.add(entry)
    news = datasets / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    if news.exists():
        display_commonest_names(builder.entries.values(), news)
    words = english_words(datasets / "name_variants")
    out.mkdir(parents=True, exist_ok=True)
    _write_lines(
        out / "entities.jsonl.gz",
        (json.dumps(e.record(), ensure_ascii=False) for e in builder.entries.values()),
    )
    _write_lines(out / "english_words.tsv.gz", (f"{w}\t{e}" for w, e in sorted(words.items())))
    anercorp = datasets / "anercorp" / "train.txt"
    # as written by hand, not merged variants
    plain = plain_words(anercorp)
    names = sorted(set(known_names(curated(), plain, heads_outside(anercorp))))
    _write_lines(out / "known_names.tsv.gz", ("\t".join(map(str, row)) for row in names))
    _write_lines(out / "nationality_stems.txt.gz", sorted(nationality_stems(builder.entries.values())))
    _write_lines(out / "plain_words.txt.gz", sorted(plain))
    return len(builder.entries), len(words)


def _write_lines(path: Path, lines: Iterable[str]) -> None:
    # mtime=0 keeps the artefact byte-identical across rebuilds of the same inputs.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as stream:
        for line in lines:
            stream.write((line + "\n").encode("utf-8"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--datasets", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    entities, words = build(args.datasets, args.out)
    print(f"{entities} entities and {words} English word spellings written to {args.out}")


if __name__ == "__main__":
    main()
