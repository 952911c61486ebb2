"""Article texts for evaluation sets that carry only ids: read from a JSONL(.gz) corpus."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from marsad.errors import UsageError


def corpus_records(path: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The records of `ids` from a SaudiNewsNet-style JSONL(.gz) corpus."""
    if not ids:
        return {}
    if not path.exists():
        raise UsageError(f"{path}: no such corpus; gold articles without `text` are read from it (--corpus)")
    found: dict[str, dict[str, Any]] = {}
    opener: Callable[..., Any] = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            if '"id"' not in line:
                continue
            record = json.loads(line)
            if record.get("id") in ids:
                found[record["id"]] = record
                if len(found) == len(ids):
                    break
    return found
