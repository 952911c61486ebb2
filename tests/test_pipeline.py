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
