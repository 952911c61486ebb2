"""Where bench scripts find ../shared/datasets, and a clear exit when it is absent."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "datasets"
SAUDINEWSNET = SHARED / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def require(path: Path) -> Path:
    if not path.exists():
        print(f"skipped: {path} is absent (it lives in ../shared beside the repo)")
        sys.exit(0)
    return path


def saudinewsnet(limit: int | None = None) -> Iterator[dict[str, Any]]:
    with gzip.open(require(SAUDINEWSNET), "rt", encoding="utf-8") as stream:
        for n, line in enumerate(stream):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)
