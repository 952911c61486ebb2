from dataclasses import replace
from typing import ClassVar

import pytest

from marsad.errors import InputError, PipelineError
from marsad.model import Article
from marsad.pipeline import Failed, Pipeline, Processed, SkipArticle, Skipped
from tests.conftest import NATO_TEXT, make_article


class Upper:
    name: ClassVar[str] = "upper"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"title"})

    def __call__(self, article: Article) -> Article:
        if not article.text:
            raise SkipArticle("empty text")
        if "boom" in article.text:
            raise ZeroDivisionError("boom")
        if "bad" in article.text:
            raise InputError(article.source, "bad input")
        return replace(article, title=article.text.split("\n")[0])


class NeedsStory:
    name: ClassVar[str] = "needs-story"
    requires: ClassVar[frozenset[str]] = frozenset({"story_summary"})
    provides: ClassVar[frozenset[str]] = frozenset()

    def __call__(self, article: Article) -> Article:
        return article


def test_pipeline_order_that_cannot_satisfy_requires_fails_at_once() -> None:
    with pytest.raises(PipelineError, match=r"needs-story.*story_summary"):
        Pipeline([Upper(), NeedsStory()])


def test_each_article_gets_its_own_outcome_and_the_batch_goes_on() -> None:
    pipeline = Pipeline([Upper()])
    outcomes = list(
        pipeline.run(
            [
                make_article("a", NATO_TEXT),
                make_article("b", ""),
                make_article("c", "boom"),
                make_article("d", "bad"),
            ]
        )
    )
    assert isinstance(outcomes[0], Processed)
    assert outcomes[0].article.title == NATO_TEXT.split("\n")[0]
    assert outcomes[1] == Skipped("b.txt", "empty text")
    assert isinstance(outcomes[2], Failed) and "ZeroDivisionError" in outcomes[2].reason
    assert outcomes[3] == Failed("d.txt", "d.txt: bad input")


class BatchedUpper(Upper):
    """Like Upper, with a batch path that breaks when any article is broken."""

    calls: ClassVar[list[int]] = []

    def call_many(self, articles: list[Article]) -> list[Article]:
        BatchedUpper.calls.append(len(articles))
        return [self(a) for a in articles]


def test_a_batch_stage_gets_all_articles_and_falls_back_one_by_one_on_error() -> None:
    pipeline = Pipeline([BatchedUpper()])
    good = [make_article("a", NATO_TEXT), make_article("b", "سطر أول\nسطر ثان")]
    assert [type(o).__name__ for o in pipeline.process_many(good)] == ["Processed", "Processed"]
    assert BatchedUpper.calls == [2]
    outcomes = pipeline.process_many([*good, make_article("c", "boom")])
    assert [type(o).__name__ for o in outcomes] == ["Processed", "Processed", "Failed"]
