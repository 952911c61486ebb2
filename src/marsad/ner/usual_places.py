"""Places that news names as places in most of their uses: the tagger's misses of them are names.

Reading one sentence at a time, the tagger finds الطائف after محافظة or إلى but leaves it
untagged in "بفتاة في الطائف" or "عسير والباحة ونجران والطائف", and an article that names the
town only there loses it (`entities._with_places_again` tags a place the article tagged once).
Across SaudiNewsNet, a word that writes a one-word place of the gazetteer, and that the entities
stage tags as that place in most of its free uses (not inside another name), in ten articles or
more, names the place wherever it stands free: its untagged uses are misses, not another word.
Each written form counts apart: الطائف is tagged in 1,191 of its 1,531 free uses (78%), بالطائف in
179 of 300 (60%: not listed); بليون (a billion) is Lyon in 2 of 42, للحج (for the Hajj) لحج in
none of 62, and الخبر (the news; a town too) is tagged in 120 of 2,625.

    python -m marsad.ner.usual_places [--corpus ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz]

writes `marsad/data/kb/usual_places.txt.gz`: each word as written (lookup form) and the place it
writes (بالطايف الطايف). The entities stage runs without the list while it counts (5 minutes on
two cores).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from marsad.model import Article
from marsad.ner.tokens import lookup_form, strip_clitics, tokenize

PACKAGED = Path(__file__).parents[1] / "data" / "kb" / "usual_places.txt.gz"
CORPUS = Path("../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz")
#: Uses tagged as a place, of all the free uses, for a place to be listed ...
SHARE = 0.7
#: ... and articles that tag it, at least.
ARTICLES = 10
#: Clitics a place is written after (وتعز, بالطائف, لجدة).
PLACE_CLITICS = ("و", "ب", "ل", "ف", "وب", "ول", "فب")


def load(path: Path = PACKAGED) -> dict[str, int]:
    """Each listed word as written (lookup form) -> the letters of its clitics before the place."""
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        rows = (line.split() for line in stream if line.strip())
        return {written: len(written) - len(place) for written, place in rows}


def place_in(written: str, is_place: Callable[[str], bool]) -> str | None:
    """The place's lookup form that a word writes, clitics off (بالطائف: الطايف; وتعز: تعز)."""
    form = lookup_form(written)
    clitics, bare = strip_clitics(form)
    if clitics.endswith("ال") and clitics != "ال":
        bare = "ال" + bare
    elif clitics not in PLACE_CLITICS:
        bare = form
    return bare if is_place(bare) else None


Uses = Counter[tuple[str, str]]


def count_uses(articles: Iterable[Article], is_place: Callable[[str], bool]) -> tuple[Uses, Uses, Uses]:
    """(uses tagged as a one-word place, free uses not tagged, articles tagging it) of each
    (word as written, place it writes), over articles whose mentions are set: a place is read per
    written form, so that بليون (billion) is not ليون, nor للحج (for the Hajj) لحج."""
    tagged, untagged, articles_tagging = Uses(), Uses(), Uses()
    for article in articles:
        tokens = tokenize(article.text)
        starts = [token.start for token in tokens]
        places = []
        for m in article.mentions:
            if m.type != "LOC" or " " in m.text or not tokens:
                continue
            token = tokens[bisect_right(starts, m.start) - 1]
            if token.end == m.end:
                place = lookup_form(m.text)
                if is_place(place) and len(place) <= len(written := lookup_form(token.text)):
                    places.append((written, place))
        tagged.update(places)
        articles_tagging.update(set(places))
        spans = sorted((m.start, m.end) for m in article.mentions)
        at = 0
        for token in tokens:
            while at < len(spans) and spans[at][1] <= token.start:
                at += 1
            if at < len(spans) and spans[at][0] < token.end:
                continue  # inside a mention: neither use
            if written_place := place_in(token.text, is_place):
                untagged[(lookup_form(token.text), written_place)] += 1
    return tagged, untagged, articles_tagging


def usual(
    tagged: Uses, untagged: Uses, articles: Uses, share: float = SHARE, least: int = ARTICLES
) -> list[tuple[str, str]]:
    """The written forms tagged in `share` of their free uses or more, in `least` articles at
    least."""
    return sorted(
        key
        for key, count in tagged.items()
        if articles[key] >= least and count >= share * (count + untagged[key])
    )


def _texts(corpus: Path) -> Iterator[tuple[str, str]]:
    with gzip.open(corpus, "rt", encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            if row.get("text"):
                yield row["id"], row["text"]


def _count_chunk(chunk: Sequence[tuple[str, str]]) -> tuple[Uses, Uses, Uses]:
    from marsad.stages.entities import EntityStage

    stage = EntityStage.from_settings(usual_places=False)
    places = stage.places
    assert places is not None
    batches = (
        [Article(id=i, source="corpus", text=t) for i, t in chunk[at : at + 64]]
        for at in range(0, len(chunk), 64)
    )
    articles = (done for batch in batches for done in stage.call_many(batch))
    return count_uses(articles, lambda form: places((form,)))


def counts(corpus: Path, workers: int = min(2, os.cpu_count() or 1)) -> tuple[Uses, Uses, Uses]:
    """`count_uses` over the corpus's articles."""
    texts = list(_texts(corpus))
    chunks = [texts[i : i + 2000] for i in range(0, len(texts), 2000)]
    tagged, untagged, articles = Uses(), Uses(), Uses()
    with ProcessPoolExecutor(workers) as pool:
        for counts in pool.map(_count_chunk, chunks):
            for total, part in zip((tagged, untagged, articles), counts, strict=True):
                total.update(part)
    return tagged, untagged, articles


def build(corpus: Path, out: Path) -> int:
    forms = usual(*counts(corpus))
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as stream:
        stream.write("".join(f"{written} {place}\n" for written, place in forms).encode("utf-8"))
    return len(forms)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=PACKAGED)
    args = parser.parse_args(argv)
    print(f"{build(args.corpus, args.out)} places written to {args.out}")


if __name__ == "__main__":
    main()
