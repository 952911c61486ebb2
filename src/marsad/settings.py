"""Every marsad option, once, with its default and help. Unknown keys are rejected."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from marsad.errors import UsageError


@dataclass(frozen=True, slots=True)
class Settings:
    max_file_mb: float = field(
        default=20.0, metadata={"help": "Single-article files (.txt, .html) larger than this are refused."}
    )
    min_chars: int = field(
        default=40, metadata={"help": "Articles whose cleaned text is shorter than this are skipped."}
    )
    chunk_size: int = field(
        default=500, metadata={"help": "Articles read before outlet furniture statistics are updated."}
    )
    published: datetime | None = field(
        default=None, metadata={"help": "Publication date for inputs that carry none (--published)."}
    )
    ner_model: Path | None = field(
        default=None,
        metadata={
            "help": "NER model: a file from `marsad ner train`, or a Hugging Face token-classification "
            "model folder (needs the [transformers] extra). Default: the shipped model."
        },
    )
    reanalyze: bool = field(
        default=False, metadata={"help": "Analyze articles again even when their input is unchanged."}
    )
    semantic_stories: bool = field(
        default=False,
        metadata={
            "help": "Also compare titles by multilingual sentence embeddings when grouping stories "
            "(needs the [semantic] extra; about 15 ms an article)."
        },
    )

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Settings:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise UsageError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return replace(cls(), **values)

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata["help"] for f in fields(cls)}
