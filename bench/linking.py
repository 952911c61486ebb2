"""Entity linking on the hand-annotated SaudiNewsNet set (bench/data/linking_gold.jsonl).

    python bench/linking.py

The same scoring as `marsad eval linking`: B-cubed over the gold mentions the NER found, and
end to end over all gold mentions. Needs ../shared/datasets for the article texts.
"""

from __future__ import annotations

import time
from pathlib import Path

from common import REPO, SAUDINEWSNET, require
from marsad.cli.entities import _analyze_all
from marsad.evaluation.linking import evaluate_linking, read_gold

GOLD = REPO / "bench" / "data" / "linking_gold.jsonl"


def main() -> None:
    corpus: Path = require(SAUDINEWSNET)
    started = time.perf_counter()
    report = evaluate_linking(read_gold(GOLD), corpus, _analyze_all)
    print(f"{report.articles} articles, {report.gold} gold mentions, {report.anchored} anchored, "
          f"{report.found} found by the NER")  # fmt: skip
    for label, score in (("found by the NER", report.on_found), ("end to end", report.end_to_end)):
        print(f"B-cubed {label}: P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f} "
              f"({score.mentions} mentions)")  # fmt: skip
    print(f"in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
