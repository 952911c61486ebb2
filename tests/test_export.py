import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from marsad.errors import UsageError
from marsad.export import export_records
from marsad.model import Entity, Mention
from marsad.records import RECORD_FIELDS, article_record
from tests.conftest import NATO_TEXT, make_article

RECORD = article_record(
    make_article(
        "nato-1",
        NATO_TEXT,
        title="الحلف يواصل دعم الحوار",
        mentions=(Mention(48, 57, "ستولتنبرغ", "PER", "E1"),),
        entities={"E1": Entity("E1", "ينس ستولتنبرغ", "PER", ("ستولتنبرغ",))},
    )
)


def test_record_has_every_contract_field_in_order() -> None:
    assert tuple(RECORD) == RECORD_FIELDS
    assert RECORD["entities"] == {
        "E1": {
            "name": "ينس ستولتنبرغ",
            "type": "PER",
            "variants": ["ستولتنبرغ"],
            "english": None,
            "roles": [],
        }
    }
    assert RECORD["story"] is None and RECORD["quotes"] == []


def test_jsonl_export_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    assert export_records([RECORD], "jsonl", str(out)) == 1
    assert json.loads(out.read_text("utf-8")) == RECORD


def test_csv_and_parquet_carry_nested_fields_as_json(tmp_path: Path) -> None:
    export_records([RECORD], "csv", str(tmp_path / "x.csv"))
    [row] = list(csv.DictReader(io.StringIO((tmp_path / "x.csv").read_text("utf-8"))))
    assert json.loads(row["mentions"]) == RECORD["mentions"] and row["title"] == RECORD["title"]
    export_records([RECORD], "parquet", str(tmp_path / "x.parquet"))
    table = pq.read_table(tmp_path / "x.parquet").to_pylist()
    assert json.loads(table[0]["entities"]) == RECORD["entities"]


@pytest.mark.parametrize(
    ("fmt", "out", "message"),
    [("xml", "x.xml", "unknown export format"), ("parquet", None, "needs --out")],
    ids=["xml", "parquet-stdout"],
)
def test_bad_export_requests_are_usage_errors(fmt: str, out: str | None, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        export_records([RECORD], fmt, out)
