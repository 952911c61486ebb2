"""Keys and comparisons for names: spelling variants of one name compare close, other names far.

Arabic writers transliterate a foreign name each their own way: the g of Stoltenberg is غ, ج, ق
or ك; long vowels are written or left out (موغيريني / موجريني); letters double or not; typing
slips swap two letters. A native name varies in hamza seats, ى/ي and ة/ه, and in how compounds
are split (عبد الله / عبدالله). Three keys, each lossier than the last, sit beside a name:

- `name_key`: the exact lookup key (folded, compounds joined, punctuation and tatweel gone);
- `sound_key`: one word as it sounds: letters a transliteration confuses share one symbol,
  doubled letters collapse, the article ال goes;
- `skeleton`: `sound_key` without its inner long vowels, a blocking key for fuzzy lookups.

`spelling_distance` is an edit distance in which confusable letters, vowels, doubled letters
and a swap of two neighbours cost a fraction of a plain edit, set by hand; `LearnedEdits` are
two edit distances whose costs were learned from real pairs (log-odds of each letter operation
in aligned spellings of one name, and in spellings of two similar names, against chance, by
where in the word it falls: a silent final letter comes and goes, a first letter rarely changes).
`word_similarity` feeds both, with other string similarities (`pair_features`), to a small pair
classifier trained on real transliteration pairs (`python -m marsad.kb.train_matcher`, artefact
`marsad/data/matcher.json`).

>>> name_key("عبد الله  بن عبدالعزيز") == name_key("عبدالله بن عبد العزيز")
True
>>> sound_key("ستولتنبرغ") == sound_key("ستولتنبرج")
True
>>> skeleton("موغيريني") == skeleton("موجريني")
True
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, cast

from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from marsad.arabic.keys import fold

# Compounds written split or joined: عبد الله / عبدالله, أبو بكر stays two words (a kunya).
_COMPOUND_RE = re.compile(r"\b(عبد|ابو ?)\s+(ال\w+)")
_NOT_NAME_RE = re.compile(r"[^\w\s]|_|\d")

# Letters a transliteration or a dialect confuses, one symbol per group (applied after fold).
_SOUNDS = str.maketrans(
    {
        "غ": "ك",  # g: غ / ج / ق / ك (ستولتنبرغ, ستولتنبرج, ستولتنبرق)
        "ج": "ك",
        "ق": "ك",
        "گ": "ك",
        "چ": "ك",
        "ط": "ت",  # t: انطونيو / انتونيو
        "ص": "س",  # s: صوفيا / سوفيا
        "ث": "س",  # th: ثيودور / تيودور / سيودور
        "ذ": "ز",
        "ظ": "ز",
        "ض": "د",
        "ڤ": "ف",
        "پ": "ب",
    }
)
_LONG_VOWELS = frozenset("اوي")
_ARTICLE = "ال"


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The exact lookup key of a name: folded, punctuation gone, compounds joined.

    >>> name_key("«الأمم المتّحدة»")
    'الامم المتحده'
    >>> name_key("أبو بكر البغدادي")
    'ابو بكر البغدادي'
    """
    folded = _NOT_NAME_RE.sub(" ", fold(name))
    return " ".join(_COMPOUND_RE.sub(r"\1\2", " ".join(folded.split())).split())


def name_words(name: str) -> tuple[str, ...]:
    """The words of `name_key(name)`."""
    return tuple(name_key(name).split())


@lru_cache(maxsize=200_000)
def sound_key(word: str, keep_article: bool = False) -> str:
    """One word as it sounds: confusable letters merged, doubles collapsed, ال dropped (unless
    `keep_article`).

    >>> sound_key("الناتو") == sound_key("ناتو")
    True
    >>> sound_key("ماكرون") == sound_key("ماكّرون")
    True
    """
    key = fold(word).translate(_SOUNDS)
    if not keep_article and key.startswith(_ARTICLE) and len(key) >= 5:
        key = key[2:]
    # Final ه (ة folded) and final ا alternate in transliterations: جنيفا / جنيفه.
    if len(key) > 2 and key.endswith("ه"):
        key = key[:-1] + "ا"
    return re.sub(r"(.)\1+", r"\1", key)


@lru_cache(maxsize=200_000)
def skeleton(word: str, keep_article: bool = False) -> str:
    """`sound_key` without the long vowels after its first letter: a blocking key.

    >>> skeleton("ستولتنبيرغ") == skeleton("ستلتنبرغ")
    True
    """
    key = sound_key(word, keep_article)
    return key[:1] + "".join(c for c in key[1:] if c not in _LONG_VOWELS)


# Substitution costs between letters that transliterations confuse (a plain edit costs 1).
_CLOSE = (
    ("غجقكگچ", 0.2),  # g
    ("تطث", 0.2),  # t, and th written ث or ت (ماتياس / ماثياس)
    ("دض", 0.2),
    ("سصث", 0.2),
    ("زذظ", 0.2),
    ("اويىهعء", 0.35),  # long vowels, final ه, ع and hamza as vowel carriers
    ("حه", 0.35),
    ("سشز", 0.5),  # st / sht (Streit: ستريت / شترايت), s / z (Jobs: جوبس / جوبز)
    ("كخ", 0.5),  # ch (Erich: إريش / إريك / إريخ)
    ("فڤبپ", 0.5),  # v, p
)
_SUBSTITUTION: dict[tuple[str, str], float] = {}
for _letters, _cost in _CLOSE:
    for _x in _letters:
        for _y in _letters:
            if _x != _y:
                _SUBSTITUTION[_x, _y] = min(_cost, _SUBSTITUTION.get((_x, _y), 1.0))
_VOWELS = frozenset("اويىهعء")
_INDEL_VOWEL = 0.35
_SWAP = 0.5


def _indel(word: str, i: int, vowel_cost: float) -> float:
    """Cost of inserting or deleting `word[i]`: small for a doubled letter or, in a long
    word, a vowel."""
    letter = word[i]
    if (i > 0 and word[i - 1] == letter) or (i + 1 < len(word) and word[i + 1] == letter):
        return 0.15
    return vowel_cost if letter in _VOWELS else 1.0


#: Words this long are mostly transliterations, whose long vowels come and go; in shorter,
#: mostly native names a long vowel makes another name (محمد / محمود, سلمان / سليمان).
LONG_WORD = 7


def spelling_distance(a: str, b: str) -> float:
    """A weighted edit distance between two folded words (Damerau's adjacent swap included):
    confusable letters, vowels and doubled letters cost a fraction of a plain edit.

    >>> spelling_distance("ستولتنبرغ", "ستولتنبرج")
    0.2
    >>> spelling_distance("حفتر", "السراج") > 2
    True
    """
    vowel_cost = _INDEL_VOWEL if max(len(a), len(b)) >= LONG_WORD else 1.0
    # Costs of dropping each letter of `a` and adding each of `b`, computed once, not per cell.
    drop = [_indel(a, i, vowel_cost) for i in range(len(a))]
    add = [_indel(b, j, vowel_cost) for j in range(len(b))]
    table = [[0.0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for j, cost in enumerate(add, 1):
        table[0][j] = table[0][j - 1] + cost
    for i, x in enumerate(a, 1):
        above, row = table[i - 1], table[i]
        row[0] = above[0] + drop[i - 1]
        for j, y in enumerate(b, 1):
            change = 0.0 if x == y else _SUBSTITUTION.get((x, y), 1.0)
            best = min(above[j] + drop[i - 1], row[j - 1] + add[j - 1], above[j - 1] + change)
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y and x != y:
                best = min(best, table[i - 2][j - 2] + _SWAP)
            row[j] = best
    return round(table[-1][-1], 4)


@lru_cache(maxsize=500_000)
def word_similarity(a: str, b: str) -> float:
    """How likely two words are spellings of one name, 0 to 1: a small gradient-boosted pair
    classifier (`marsad.kb.train_matcher`, trained on the train split of the name-variant
    sources) over `pair_features`; two words equal after folding score 1. Spellings of one
    word reach `match_threshold()`.

    >>> word_similarity("ستولتنبرغ", "ستلوتنبرج") >= match_threshold()
    True
    >>> word_similarity("فائز", "فايز")
    1.0
    >>> word_similarity("السراج", "حفتر") < 0.5
    True
    """
    return score_pair(_matcher(), a, b)


#: Two words whose sound keys are less alike than this are other names whatever the classifier
#: says: it spares the slow features in the linking hot path, and the classifier saw few pairs
#: that far apart. On out-of-fold scores of the train split it costs about half a point of
#: recall at precision 0.97 (a cut at 0.5 cost one and a half).
ROUGH_CUT = 0.4
#: Two short native names this far apart (weighted edits beyond confusable letters) are two
#: names even when neither is a given name (see `score_pair`).
FAMILY_DISTANCE = 1.5


def score_pair(classifier: PairClassifier, a: str, b: str) -> float:
    """`word_similarity` with a given classifier (training picks its threshold with this)."""
    x, y = bare_pair(a, b)
    if x == y:
        return 1.0
    keep = keeps_article(a, b)
    rough = Levenshtein.normalized_similarity(sound_key(a, keep), sound_key(b, keep))
    if rough < ROUGH_CUT:
        return round(rough / 2, 4)
    features = pair_features(a, b, classifier.edits)
    # The learned edit costs have a direction (a letter dropped is not one added), so the trees
    # score the two orders of a pair apart: الضنحاني / نيازي 0.80, نيازي / الضنحاني 0.04. A pair
    # is as alike as its lower order says, whichever word comes first.
    edits_back = [round(value, 4) for value in classifier.edits.features(y, x)]
    backward = features[: len(features) - len(edits_back)] + edits_back
    probability = min(classifier.probability(features), classifier.probability(backward))
    # Two short native names a whole edit apart beyond confusable letters (a long vowel written
    # or not, another letter) are two names: محمد / محمود, سلمان / سليمان, عمر / عمرو, ماجد / مجيد.
    # The sources transliterate both alike (majid), so the classifier cannot learn it and it is a
    # rule. It needs both words to be person names of Arabic news and one of them an Arabic given
    # name: in foreign names, which Arabic news names too, vowels come and go (جان / جيان, Jean;
    # ستيفن / ستيفين) and the classifier decides.
    # Family names too (one written with ال), 1.5 edits apart or more: الشهري / عسيري /
    # الدوسري / الشمري are Saudi families the classifier scored 0.9-0.99 alike (their shared
    # ending -ري), which joined each to the coalition spokesman أحمد عسيري. Transliterated
    # given names (رامسي / رمزي, جزف / جوزيف) come without ال and the classifier decides.
    if _given_uses(x) >= FREQUENT_GIVEN and _given_uses(y) >= FREQUENT_GIVEN:
        # نايف / نواف, زايد / سعيد, مساعد / مسعود: two common given names, never one misspelt
        return round(probability / 2, 4)
    if max(len(x), len(y)) >= LONG_WORD or features[_DISTANCE] < 1.0:
        return probability
    if is_native_name(x) and is_native_name(y) and (is_arabic_given_name(x) or is_arabic_given_name(y)):
        return round(probability / 2, 4)
    # (both written with ال, they are Arabic family names whether listed or not: الهاجري / الحجرف)
    with_article = (x != fold(a)) + (y != fold(b))  # set aside by bare_pair
    native = with_article == 2 or is_native_name(x) or is_native_name(y)
    if with_article and features[_DISTANCE] >= FAMILY_DISTANCE and native:
        return round(probability / 2, 4)
    return probability


NATIVE_NAMES = "native_names.txt"
#: A person-name word seen this often after بن / ابن / بنت / أبو / أم in the news is an Arabic
#: given name (محمد بن سلمان, عمرو بن العاص); foreign names do not enter those chains.
GIVEN_NAME_MIN = 2
#: ... and one seen this often is a common given name: two of them are two names, whatever their
#: spellings share (the 11 pairs of such names the classifier scored alike were all two names).
FREQUENT_GIVEN = 10


@cache
def _native_names() -> dict[str, int]:
    """Person-name words of Arabic news, each with how often it follows a kinship word."""
    path = files("marsad") / "data" / NATIVE_NAMES
    names = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        names[word] = int(count or 0)
    return names


def is_native_name(word: str) -> bool:
    """Whether a word (article aside) is a person-name word of Arabic news: the list
    `marsad/data/native_names.txt`, built by `python -m marsad.kb.train_matcher` from the
    ANERgazet person gazetteer and the person names tagged in ANERcorp (which include foreign
    names: جورج).

    >>> is_native_name("محمود"), is_native_name("جورج"), is_native_name("ستولتنبرغ")
    (True, True, False)
    """
    return _bare(fold(word)) in _native_names()


def _given_uses(word: str) -> int:
    return _native_names().get(_bare(fold(word)), 0)


def is_arabic_given_name(word: str) -> bool:
    """Whether a person-name word is an Arabic given name: SaudiNewsNet writes it at least
    `GIVEN_NAME_MIN` times after a kinship word of a nasab or kunya (بن, ابن, بنت, أبو, أم).

    >>> is_arabic_given_name("محمود"), is_arabic_given_name("جورج")
    (True, False)
    """
    return _native_names().get(_bare(fold(word)), 0) >= GIVEN_NAME_MIN


#: Where in a word an edit falls: on its first letter, its last letter, or between. Letters
#: come and go at the ends of a transliterated word (a silent final t: كولبير / كولبيرت) far more
#: than inside it, and the letter a name starts with is rarely another one.
START, MIDDLE, END = "^", "-", "$"
_PLACES = (START, MIDDLE, END)


@cache
def edit_places(length: int) -> tuple[str, ...]:
    """The place of each letter of a word of `length` letters, and one more for the end: an
    insertion before letter i takes letter i's place, one after the last letter `END`.

    >>> edit_places(4)
    ('^', '-', '-', '$', '$')
    """
    return tuple(START if i == 0 else END if i >= length - 1 else MIDDLE for i in range(length + 1))


@dataclass(frozen=True, slots=True)
class EditCosts:
    """An edit distance with learned costs: each operation (a letter kept, changed, dropped or
    added; "" is the empty side) costs -log(P(operation | the pairs it was learned from) /
    P(its letters by chance)), so a total below 0 means the pair looks like those pairs rather
    than like two unrelated words. `placed` refines a cost by where the operation falls in the
    first word (`edit_places`), where training saw it often enough. Unseen operations cost
    `substitute` or `indel`."""

    costs: dict[tuple[str, str], float]
    substitute: float
    indel: float
    placed: dict[tuple[str, str, str], float] = field(default_factory=dict)

    lookup: dict[tuple[str, str, str], float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # One dictionary read per cell of the table: every cost at every place, refined or not.
        lookup = {(x, y, place): cost for (x, y), cost in self.costs.items() for place in _PLACES}
        lookup.update(self.placed)
        object.__setattr__(self, "lookup", lookup)

    def distance(self, a: str, b: str) -> float:
        """The cost of the cheapest alignment of two folded words (Levenshtein's recurrence)."""
        lookup, indel, substitute = self.lookup, self.indel, self.substitute
        places = edit_places(len(a))
        add = {place: [lookup.get(("", y, place), indel) for y in b] for place in set(places)}
        previous = [0.0]
        for cost in add[START]:
            previous.append(previous[-1] + cost)
        for i, x in enumerate(a):
            place, added = places[i], add[places[i + 1]]
            drop = lookup.get((x, "", place), indel)
            current = [previous[0] + drop]
            for j, y in enumerate(b):
                current.append(
                    min(
                        previous[j + 1] + drop,
                        current[j] + added[j],
                        previous[j] + lookup.get((x, y, place), substitute),
                    )
                )
            previous = current
        return previous[-1]

    def kept(self, word: str) -> float:
        """The cost of writing `word` the same (every letter kept), a scale for `distance`."""
        places = edit_places(len(word))
        return sum(self.lookup.get((x, x, places[i]), self.substitute) for i, x in enumerate(word))

    def to_json(self) -> dict[str, Any]:
        return {
            "costs": [[x, y, round(c, 5)] for (x, y), c in sorted(self.costs.items())],
            "placed": [[x, y, p, round(c, 5)] for (x, y, p), c in sorted(self.placed.items())],
            "substitute": round(self.substitute, 5),
            "indel": round(self.indel, 5),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EditCosts:
        costs = {(str(x), str(y)): float(c) for x, y, c in data["costs"]}
        placed = {(str(x), str(y), str(p)): float(c) for x, y, p, c in data.get("placed", [])}
        return cls(costs, float(data["substitute"]), float(data["indel"]), placed)


@dataclass(frozen=True, slots=True)
class LearnedEdits:
    """Edit costs learned from spellings of one name (`same`) and from similar spellings of two
    different names (`other`); `train_matcher` estimates both on the train split."""

    same: EditCosts
    other: EditCosts

    def features(self, a: str, b: str) -> list[float]:
        """Both distances of two folded words, and the `same` one scaled by length and by the
        cost of keeping each word as it is."""
        same, other = self.same.distance(a, b), self.other.distance(a, b)
        kept = (self.same.kept(a) + self.same.kept(b)) / 2
        return [
            same,
            same / max(len(a), len(b), 1),
            same - other,
            same - kept,
            same / kept if kept < 0 else -1.0,
            other,
        ]


# Letters rare in transliterations of foreign names: a word holding one is likely native.
_NATIVE_LETTERS = frozenset("عحقضظطصخذث")


def pair_features(a: str, b: str, edits: LearnedEdits) -> list[float]:
    """What the pair classifier sees of two words: weighted spelling distance, equality of the
    sound keys and skeletons, edit and Jaro-Winkler similarities of the folded, sound-key and
    skeleton forms, length ratio, first/last letter agreement, vowel-only differences and
    their interaction with short or native-looking words (محمد / محمود stay apart), then the
    learned edit distances (`LearnedEdits.features`)."""
    x, y = fold(a), fold(b)
    keep = keeps_article(a, b)
    xb, yb = (x, y) if keep else (_bare(x), _bare(y))
    sx, sy = sound_key(a, keep), sound_key(b, keep)
    kx, ky = skeleton(a, keep), skeleton(b, keep)
    longest = max(len(xb), len(yb), 1)
    distance = spelling_distance(xb, yb)
    short = float(longest <= 5)
    vowels_only = float(kx == ky and sx != sy)
    long_vowels = abs(sum(c in _LONG_VOWELS for c in xb) - sum(c in _LONG_VOWELS for c in yb))
    native = float(bool(_NATIVE_LETTERS & (set(xb) | set(yb))))
    features = [
        1.0 - distance / longest,
        min(distance, 4.0),  # _DISTANCE
        float(sx == sy),
        float(kx == ky),
        Levenshtein.normalized_similarity(sx, sy),
        Levenshtein.normalized_similarity(kx, ky),
        JaroWinkler.normalized_similarity(x, y),
        JaroWinkler.normalized_similarity(sx, sy),
        OSA.normalized_similarity(xb, yb),
        OSA.normalized_similarity(x, y),
        min(len(xb), len(yb)) / longest,
        float(sx[:1] == sy[:1]),
        float(sx[-1:] == sy[-1:]),
        short,
        short * vowels_only,
        vowels_only,
        float(min(long_vowels, 3)),
        1.0 / longest,
        native,
        native * vowels_only,
        short * (1.0 - distance / longest),
        *edits.features(xb, yb),
    ]
    # Rounded, so that sklearn's float32 view of a value and this float64 one fall on the same
    # side of every split of the trees.
    return [round(value, 4) for value in features]


_DISTANCE = 1  # index of the capped spelling distance in `pair_features`


@dataclass(frozen=True, slots=True)
class PairClassifier:
    """Gradient-boosted regression trees over `pair_features` (sklearn's, flattened to lists so
    scoring one pair needs no numpy): log-odds = bias + rate * sum of the trees' leaves. It
    carries the learned edit costs its features were computed with."""

    bias: float
    rate: float
    trees: tuple[
        tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]], ...
    ]
    threshold: float
    edits: LearnedEdits

    compiled: Callable[[list[float]], float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", _compile(self))

    def probability(self, features: list[float]) -> float:
        return round(1.0 / (1.0 + math.exp(-self.compiled(features))), 4)

    def log_odds(self, features: list[float]) -> float:
        """The trees walked one node at a time (what `_compiled` turns into straight code)."""
        score = self.bias
        for feature, cut, left, right, value in self.trees:
            node = 0
            while left[node] >= 0:
                node = left[node] if features[feature[node]] <= cut[node] else right[node]
            score += self.rate * value[node]
        return score

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PairClassifier:
        trees = tuple(
            (
                tuple(t["feature"]),
                tuple(t["threshold"]),
                tuple(t["left"]),
                tuple(t["right"]),
                tuple(t["value"]),
            )
            for t in data["trees"]
        )
        same, other = (EditCosts.from_json(data["edits"][side]) for side in ("same", "other"))
        edits = LearnedEdits(same, other)
        return cls(float(data["bias"]), float(data["rate"]), trees, float(data["threshold"]), edits)


def _compile(classifier: PairClassifier) -> Callable[[list[float]], float]:
    """`classifier.log_odds` as one Python expression per tree (nested conditionals), compiled
    once: four times faster than walking the node lists, with the same sums in the same order."""

    def node(
        tree: tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]],
        at: int,
    ) -> str:
        feature, cut, left, right, value = tree
        if left[at] < 0:
            return repr(value[at])
        return f"({node(tree, left[at])} if f[{feature[at]}] <= {cut[at]!r} else {node(tree, right[at])})"

    body = "".join(f"    s += {classifier.rate!r} * {node(tree, 0)}\n" for tree in classifier.trees)
    namespace: dict[str, Any] = {}
    exec(f"def log_odds(f):\n    s = {classifier.bias!r}\n{body}    return s\n", namespace)
    return cast(Callable[[list[float]], float], namespace["log_odds"])


MATCHER = "matcher.json"


@cache
def _matcher() -> PairClassifier:
    path = files("marsad") / "data" / MATCHER
    return PairClassifier.from_json(json.loads(path.read_text(encoding="utf-8")))


def match_threshold() -> float:
    """The `word_similarity` from which two words are spellings of one name: chosen on the
    train split for precision >= 97% (bench/name_pairs.py scores the test split)."""
    return _matcher().threshold


def _bare(word: str) -> str:
    return word[2:] if word.startswith(_ARTICLE) and len(word) >= 5 else word


# The article ال never carries a hamza: in ألكسي or إلسون, al is part of the name.
_NAME_AL = ("أل", "إل")


def keeps_article(a: str, b: str) -> bool:
    """Whether two spellings are compared with a leading ال kept: when either writes it with a
    hamza, al is part of the name, in the other spelling too (ألكسي / اليكسي, Alexei)."""
    return a.startswith(_NAME_AL) or b.startswith(_NAME_AL)


def bare_pair(a: str, b: str) -> tuple[str, str]:
    """Two spellings folded as `pair_features` compares them: the article aside, unless
    `keeps_article`.

    >>> bare_pair("الأسعد", "أسعد")
    ('اسعد', 'اسعد')
    >>> bare_pair("ألكسي", "اليكسي")
    ('الكسي', 'اليكسي')
    """
    x, y = fold(a), fold(b)
    return (x, y) if keeps_article(a, b) else (_bare(x), _bare(y))


def name_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Similarity of two names of the same number of words (0 when the counts differ): the
    weakest pair of aligned words decides, so فائز السراج and فائز الحفتر stay apart.

    >>> name_similarity(name_words("ينس ستولتنبرغ"), name_words("يينس ستولتنبيرج")) >= match_threshold()
    True
    >>> name_similarity(name_words("فائز السراج"), name_words("خليفة حفتر")) < 0.5
    True
    """
    if len(a) != len(b) or not a:
        return 0.0
    return min(word_similarity(x, y) for x, y in zip(a, b, strict=True))


# A readable Latin fallback for names without a known English form (ids, display).
_LATIN = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ء": "", "ڤ": "v", "پ": "p", "گ": "g", "چ": "ch",
}  # fmt: skip


def romanize(name: str) -> str:
    """A plain Latin spelling of an Arabic name (no vowels guessed beyond long ones).

    >>> romanize("فائز السراج")
    'Fayz al-Sraj'
    >>> romanize("Reuters")
    'Reuters'
    """
    words = []
    for word in name_key(name).split():
        prefix = ""
        if word.startswith(_ARTICLE) and len(word) > 3:
            prefix, word = "al-", word[2:]
        latin = "".join(_LATIN.get(c, c) for c in word)
        latin = re.sub(r"(?<=[^aeiou])w(?=[^aeiou]|$)", "u", latin)
        latin = re.sub(r"(?<=[^aeiou])y(?=[^aeiou]|$)", "i", latin)
        words.append(prefix + latin.capitalize())
    text = " ".join(w for w in words if w)
    return text[:1].upper() + text[1:]


def slug(name: str) -> str:
    """An id-safe romanization: lowercase ASCII words joined by '-'.

    >>> slug("ينس ستولتنبرغ")
    'yns-stultnbrgh'
    """
    latin = romanize(name).lower()
    return "-".join(re.findall(r"[a-z0-9]+", latin)) or "x"
