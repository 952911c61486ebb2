"""Stored articles out as JSONL, CSV or Parquet, in the output contract's shape.

CSV and Parquet are flat tables: the nested fields (mentions, entities, quotes, dates) are
JSON strings in their columns, so every format carries the same information.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from marsad.errors import UsageError
from marsad.records import RECORD_FIELDS

FORMATS = ("jsonl", "csv", "parquet")
NESTED = ("mentions", "entities", "quotes", "dates")


def export_records(records: Iterable[dict[str, Any]], format: str, out: str | None) -> int:
    """Write `records` to `out` (a path, or stdout when None); return how many were written."""
    if format not in FORMATS:
        raise UsageError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    if format == "parquet":
        if not out:
            raise UsageError("--format parquet needs --out FILE (Parquet is binary)")
        return _write_parquet(records, out)
    with _open_text(out) as stream:
        return (_write_jsonl if format == "jsonl" else _write_csv)(records, stream)


@contextmanager
def _open_text(out: str | None) -> Iterator[TextIO]:
    if not out or out == "-":
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="") as stream:
        yield stream


def _write_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def flat_row(record: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(record[k], ensure_ascii=False) if k in NESTED else record[k] for k in RECORD_FIELDS}


def _write_csv(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=RECORD_FIELDS)
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(flat_row(record))
        count += 1
    return count


def _write_parquet(records: Iterable[dict[str, Any]], out: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.string()) for name in RECORD_FIELDS])
    rows = [flat_row(r) for r in records]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), out)
    return len(rows)
