"""Jinja2 templates with autoescape, and the small formatting helpers the pages share."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from marsad.web import charts
from marsad.web.markup import safe_link, segment_highlights
from marsad.web.schemas import DayCount
from marsad.web.security import FormToken

ARABIC_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)

TYPE_NAMES = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى"}  # person, organization, place


def arabic_date(value: str | datetime | None) -> str:
    """An ISO date or datetime as Arabic readers write it.

    >>> arabic_date("2024-05-15T16:45"), arabic_date("2024-05-15"), arabic_date(None)
    ('15 مايو 2024، 16:45', '15 مايو 2024', '—')
    """
    if value is None or value == "":
        return "—"
    text = value.isoformat() if isinstance(value, datetime) else value
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    day = f"{moment.day} {ARABIC_MONTHS[moment.month - 1]} {moment.year}"
    has_time = "T" in text and (moment.hour or moment.minute)
    return f"{day}، {moment:%H:%M}" if has_time else day


def query_string(params: Mapping[str, Any], **changes: Any) -> str:
    """`?a=1&b=2` from the current parameters with some changed (None drops a parameter)."""
    merged = {**params, **changes}
    pairs = [(k, v) for k, v in merged.items() if v not in (None, "")]
    return "?" + urlencode(pairs, doseq=True) if pairs else ""


def daily_counts(timeline: Sequence[DayCount], *, last: str | None, span: int) -> list[int]:
    """Counts for each of the `span` days ending at `last` (zeros where there are none)."""
    return [
        count for _, count in charts.fill_days([(d.day, d.count) for d in timeline], last=last, span=span)
    ]


def pairs(timeline: Sequence[DayCount]) -> list[tuple[str, int]]:
    return [(d.day, d.count) for d in timeline]


class Renderer:
    def __init__(self, folder: Path, form_token: FormToken) -> None:
        self.env = Environment(
            loader=FileSystemLoader(folder),
            autoescape=True,  # every template, whatever its name: article text is untrusted
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # templates ship with the package: no file checks on every render
        )
        self.env.filters["date"] = arabic_date
        self.env.globals.update(
            type_names=TYPE_NAMES,
            safe_link=safe_link,
            segment_highlights=segment_highlights,
            bar_chart=charts.bar_chart,
            sparkline=charts.sparkline,
            daily_counts=daily_counts,
            pairs=pairs,
            query_string=query_string,
            form_token=form_token.value,
        )

    def page(self, request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(request=request, **context)
        return HTMLResponse(html, status_code=status_code)

    def error(self, request: Request, status: int, message: str) -> HTMLResponse:
        return self.page(request, "error.html", status_code=status, status=status, message=message)
