"""Known names the entities stage tags wherever they stand, whatever the tagger says.

The tagger learned from ANERcorp (2007 news), which never wrote داعش, الحوثيين or التحالف
العربي: the commonest organizations of today's Arabic news went untagged. The knowledge base's
hand-written organizations and places (`marsad.kb.build.known_names` picks them, leaving out
one-word names that are also plain words: الفرنسية, فتح, القاعدة) are matched over the tokens,
clitics off (وداعش, بالحوثيين), the longest name first. A name the knowledge base also writes
with a country's adjective (وزارة الصحة, وزارة الصحة السعودية) takes another country's adjective
in (وزارة الصحة العمانية): linking tells the Omani ministry from the Saudi one by its whole name.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.ner.tokens import Token, lookup_form, strip_clitics, tokenize

PACKAGED = Path(__file__).parents[1] / "data" / "kb" / "known_names.tsv.gz"
NATIONALITY_STEMS = PACKAGED.with_name("nationality_stems.txt.gz")
PLAIN_WORDS = PACKAGED.with_name("plain_words.txt.gz")


class KnownNames:
    """Names with their type and how many of their first words stand outside the mention
    (1 for دول مجلس التعاون: matched whole, so that قوات التحالف الدولي is not read as قوات
    التحالف, and tagged مجلس التعاون)."""

    def __init__(
        self, names: Iterable[tuple[str, str, int]], nations: Iterable[str] = (), plain: Iterable[str] = ()
    ) -> None:
        self._nations = frozenset(nations)  # stems of countries' adjectives (`kb.build.nationality_stems`)
        # words ANERcorp writes as no name, clitics off (`kb.build.plain_words`)
        self._plain = frozenset(plain)
        # first word's bare form -> (the other words' forms, the first word's own clitics, type, outside)
        self._by_head: dict[str, list[tuple[tuple[str, ...], str, str, int]]] = defaultdict(list)
        written: set[tuple[str, ...]] = set()
        for name, kind, outside in names:
            forms = tuple(lookup_form(t.text) for t in tokenize(name))
            if forms:
                own, bare = strip_clitics(forms[0])
                self._by_head[bare].append((forms[1:], own, kind, outside))
                written.add(forms)
        for entries in self._by_head.values():  # the longest first, and الناتو before ناتو
            entries.sort(key=lambda entry: (-len(entry[0]), -len(entry[1])))
        # Names also written with a country's adjective (وزارة الصحة السعودية) name one country's
        # body of a kind every country has; another country's adjective names another body. Proper
        # names keep theirs out (الأناضول التركية, البيت الأبيض الأميركي are the same entities).
        self._national = {
            f[:-1] for f in written if len(f) > 1 and f[:-1] in written and self.is_nationality(f[-1])
        }

    @classmethod
    def load(cls, path: Path = PACKAGED) -> KnownNames:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            rows = [line.rstrip("\n").split("\t") for line in stream if line.strip()]
        return cls(
            ((name, kind, int(outside)) for name, kind, outside in rows),
            _words(NATIONALITY_STEMS),
            _words(PLAIN_WORDS),
        )

    def family_name(self, word: str) -> str | None:
        """The bare form (ال and clitics off) of a family name that no common word shares: جبير of
        الجبير; None for الشيخ, العربي, الثاني, which ANERcorp writes as no name."""
        clitics, bare = strip_clitics(lookup_form(word))
        if clitics != "ال" or len(bare) < 3 or bare in self._plain or bare.endswith(("ين", "ون", "ات")):
            return None  # a plural (المغتربين, البصريات) is a tagger's slip, no family
        return bare

    def one_word(self, word: str) -> bool:
        """Whether a word as written (ال in, no other clitic) is a known name alone: الحوثي."""
        own, bare = strip_clitics(lookup_form(word))
        return any(not rest and clitics == own for rest, clitics, _, _ in self._by_head.get(bare, ()))

    def spans(self, tokens: list[Token]) -> Iterator[tuple[int, int, str]]:
        """(start, end, type) of each known name in one sentence's tokens, clitics outside."""
        forms = [lookup_form(t.text) for t in tokens]
        i = 0
        while i < len(tokens):
            found = self._match(tokens, forms, i)
            if found is None:
                i += 1
                continue
            start, size, kind, national = found
            first = next(j for j in range(i, i + size) if tokens[j].end > start)
            longer = self._match(tokens, forms, first) if first > i else None
            if longer is not None and first + longer[1] > i + size:
                # a word outside the name (دول مجلس التعاون) before a longer one (مجلس التعاون الخليجي)
                start, size, kind, national = longer[0], first - i + longer[1], longer[2], longer[3]
            if national and i + size < len(tokens) and self.is_nationality(forms[i + size]):
                size += 1  # وزارة الصحة العمانية is not the Saudi ministry
            yield start, tokens[i + size - 1].end, kind
            i += size

    def a_club_s_adjective(self, form: str) -> bool:
        """Whether a folded word is a country's masculine adjective other than العربي: a club's
        after a town's name ("روما الإيطالي", "برشلونة الإسباني"; the town is "روما الإيطالية")."""
        return form.endswith("ي") and form != "العربي" and self.is_nationality(form)

    def is_nationality(self, form: str) -> bool:
        """Whether a folded word is a country's adjective: العمانيه, الروسي."""
        if not form.startswith("ال"):
            return False
        stem = form[2:].removesuffix("يه") if form.endswith("يه") else form[2:].removesuffix("ي")
        return len(stem) < len(form) - 2 and stem in self._nations

    def _match(self, tokens: list[Token], forms: list[str], i: int) -> tuple[int, int, str, bool] | None:
        clitics, bare = strip_clitics(forms[i])
        found = self._match_head(tokens, forms, i, clitics, bare)
        if found is None and len(bare) > 3 and bare[0] in _CLITIC_LETTERS:
            # ووزارة, بوزارة: the name's own first letter (و of وزارة) is also a clitic's
            found = self._match_head(tokens, forms, i, clitics + bare[0], bare[1:])
        return found

    def _match_head(
        self, tokens: list[Token], forms: list[str], i: int, clitics: str, bare: str
    ) -> tuple[int, int, str, bool] | None:
        for rest, own, kind, outside in self._by_head.get(bare, ()):
            if tuple(forms[i + 1 : i + 1 + len(rest)]) != rest:
                continue
            # للحوثيين: the name's ال merged into the ل before it; the mention starts after both
            # (حوثيين, as the tagger's mentions and the annotated sets write it)
            merged = own == "ال" and clitics.endswith("لل")
            if not clitics.endswith(own) and not merged:
                continue
            if clitics[: len(clitics) - len(own)].endswith("ال"):
                continue  # الغزة (a quarter of Makkah) is not غزة, البخاري (the imam) not بخارى
            national = (own + bare, *rest) in self._national
            if outside:
                return tokens[i + outside].start, 1 + len(rest), kind, national
            cut = len(clitics) if merged else len(clitics) - len(own)
            if cut and len(forms[i]) != len(tokens[i].text):
                continue  # marks in the word: the folded letters do not index the text
            return tokens[i].start + cut, 1 + len(rest), kind, national
        return None


_CLITIC_LETTERS = frozenset("وفبلك")


def _words(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return [line.strip() for line in stream if line.strip()]
