"""Self-training data: news sentences from a SaudiNewsNet-style file, kept only when teachers agree."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from pathlib import Path

from marsad.ner.pseudo import TagTokens, news_sentences, sample, unanimous

ARTICLES = [
    "أعلن وزير الخارجية السعودي عادل الجبير أن المملكة تدعم الحل السياسي في اليمن. "
    "وقال في مؤتمر صحفي بالرياض إن الحوار هو السبيل.",
    "فاز نادي الهلال على النصر بهدفين دون رد في الدوري.",
    "افتتح أمير منطقة مكة المكرمة الأمير خالد الفيصل مشروعا جديدا في جدة اليوم.",
]


def write_corpus(path: Path) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        for i, text in enumerate(ARTICLES):
            stream.write(json.dumps({"id": str(i), "title": "", "text": text}, ensure_ascii=False) + "\n")
    return path


def test_news_sentences_split_articles_and_skip_short_ones(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "news.jsonl.gz")
    found = news_sentences(corpus, count=10, every=1)
    assert found[0][:4] == ["أعلن", "وزير", "الخارجية", "السعودي"]
    assert found[1][:5] == ["وقال", "في", "مؤتمر", "صحفي", "بالرياض"]
    assert all(len(tokens) >= 6 for tokens in found)
    assert len(found) == 4


def test_news_sentences_take_every_nth_article_and_stop_at_count(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "news.jsonl.gz")
    assert [s[0] for s in news_sentences(corpus, count=10, every=2)] == ["أعلن", "وقال", "افتتح"]
    assert len(news_sentences(corpus, count=1, every=1)) == 1


def tags_of(mapping: dict[str, str]) -> TagTokens:
    """A stand-in teacher that tags the tokens it knows."""

    def tag(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [[mapping.get(token, "O") for token in tokens] for tokens in sentences]

    return tag


def test_unanimous_keeps_only_sentences_every_teacher_tags_alike() -> None:
    sentences = [["فاز", "الهلال", "على", "النصر"], ["في", "جدة", "اليوم"], ["قال", "الجبير"]]
    first = tags_of({"الهلال": "B-ORG", "النصر": "B-ORG", "جدة": "B-LOC", "الجبير": "B-PER"})
    second = tags_of({"الهلال": "B-ORG", "النصر": "B-ORG", "جدة": "B-LOC"})
    third = tags_of({"الهلال": "B-ORG", "النصر": "B-LOC", "جدة": "B-LOC"})
    assert unanimous(sentences, [first, second]) == [
        (sentences[0], ["O", "B-ORG", "O", "B-ORG"]),
        (sentences[1], ["O", "B-LOC", "O"]),
    ]
    assert unanimous(sentences, [first, second, third]) == [(sentences[1], ["O", "B-LOC", "O"])]


def test_sample_is_reproducible_and_bounded() -> None:
    labeled = [([str(i)], ["O"]) for i in range(50)]
    assert sample(labeled, 10, seed=1) == sample(labeled, 10, seed=1)
    assert sample(labeled, 10, seed=1) != sample(labeled, 10, seed=2)
    assert len(sample(labeled, 100, seed=1)) == 50
