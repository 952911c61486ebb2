"""Known names the entities stage tags wherever they stand, whatever the tagger says.

The tagger learned from ANERcorp (2007 news), which never wrote داعش, الحوثيين or التحالف
العربي: the commonest organizations of today's Arabic news went untagged. The knowledge base's
hand-written organizations and places (`marsad.kb.build.known_names` picks them, leaving out
one-word names that are also plain words: الفرنسية, فتح, القاعدة) are matched over the tokens,
clitics off (وداعش, بالحوثيين), the longest name first.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.ner.tokens import Token, lookup_form, strip_clitics, tokenize

PACKAGED = Path(__file__).parents[1] / "data" / "kb" / "known_names.tsv.gz"


class KnownNames:
    """Names with their type and how many of their first words stand outside the mention
    (1 for دول مجلس التعاون: matched whole, so that قوات التحالف الدولي is not read as قوات
    التحالف, and tagged مجلس التعاون)."""

    def __init__(self, names: Iterable[tuple[str, str, int]]) -> None:
        # first word's bare form -> (the other words' forms, the first word's own clitics, type, outside)
        self._by_head: dict[str, list[tuple[tuple[str, ...], str, str, int]]] = defaultdict(list)
        for name, kind, outside in names:
            forms = [lookup_form(t.text) for t in tokenize(name)]
            if forms:
                own, bare = strip_clitics(forms[0])
                self._by_head[bare].append((tuple(forms[1:]), own, kind, outside))
        for entries in self._by_head.values():  # the longest first, and الناتو before ناتو
            entries.sort(key=lambda entry: (-len(entry[0]), -len(entry[1])))

    @classmethod
    def load(cls, path: Path = PACKAGED) -> KnownNames:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            rows = (line.rstrip("\n").split("\t") for line in stream if line.strip())
            return cls((name, kind, int(outside)) for name, kind, outside in rows)

    def spans(self, tokens: list[Token]) -> Iterator[tuple[int, int, str]]:
        """(start, end, type) of each known name in one sentence's tokens, clitics outside."""
        forms = [lookup_form(t.text) for t in tokens]
        i = 0
        while i < len(tokens):
            found = self._match(tokens, forms, i)
            if found is None:
                i += 1
                continue
            start, size, kind = found
            yield start, tokens[i + size - 1].end, kind
            i += size

    def _match(self, tokens: list[Token], forms: list[str], i: int) -> tuple[int, int, str] | None:
        clitics, bare = strip_clitics(forms[i])
        for rest, own, kind, outside in self._by_head.get(bare, ()):
            if tuple(forms[i + 1 : i + 1 + len(rest)]) != rest:
                continue
            if not clitics.endswith(own):
                continue  # للحوثيين: the name's ال merged into the clitic; its bare word names nothing
            if clitics.endswith("ال") and not own:
                continue  # الغزة (a quarter of Makkah) is not غزة
            if outside:
                return tokens[i + outside].start, 1 + len(rest), kind
            cut = len(clitics) - len(own)
            if cut and len(forms[i]) != len(tokens[i].text):
                continue  # marks in the word: the folded letters do not index the text
            return tokens[i].start + cut, 1 + len(rest), kind
        return None
