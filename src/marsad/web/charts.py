"""Small server-side SVG charts: a per-day bar chart and a sparkline.

They render without scripts or network; every label is escaped. Time runs left to right, as in
Arabic newspapers' charts, so the SVG is drawn `direction: ltr` inside right-to-left pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from markupsafe import Markup

#: Longest range of days filled with zeros; longer timelines show only the days that have data.
MAX_FILLED_DAYS = 400


def fill_days(
    rows: Sequence[tuple[str, int]], *, last: str | None = None, span: int | None = None
) -> list[tuple[str, int]]:
    """Counts for every day from the first to the last (or `span` days ending at `last`), zeros between.

    >>> fill_days([("2024-05-12", 2), ("2024-05-14", 1)])
    [('2024-05-12', 2), ('2024-05-13', 0), ('2024-05-14', 1)]
    >>> fill_days([("2024-05-12", 2)], last="2024-05-13", span=3)
    [('2024-05-11', 0), ('2024-05-12', 2), ('2024-05-13', 0)]
    """
    counts: dict[str, int] = {}
    for day, count in rows:
        counts[day[:10]] = counts.get(day[:10], 0) + count
    days = sorted(counts)
    try:
        if span is not None and last is not None:
            end = date.fromisoformat(last[:10])
            start = end - timedelta(days=span - 1)
        elif days:
            start, end = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
        else:
            return []
    except ValueError:
        return [(d, counts[d]) for d in days]
    length = (end - start).days + 1
    if length > MAX_FILLED_DAYS:
        return [(d, counts[d]) for d in days]
    filled = [(start + timedelta(days=i)).isoformat() for i in range(length)]
    return [(d, counts.get(d, 0)) for d in filled]


def bar_chart(rows: Sequence[tuple[str, int]], *, title: str, width: int = 640, height: int = 140) -> Markup:
    """Bars per day with the first and last day and the peak labelled; `title` is the accessible name."""
    days = fill_days(rows)
    if not days:
        return Markup("")
    peak = max(count for _, count in days) or 1
    plot_h = height - 24
    step = width / len(days)
    bar_w = max(step * 0.8, 1.0)
    bars = []
    for i, (day, count) in enumerate(days):
        bar_h = plot_h * count / peak
        x = i * step + (step - bar_w) / 2
        bars.append(
            Markup('<rect class="bar" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}">').format(
                x, plot_h - bar_h, bar_w, bar_h
            )
            + Markup("<title>{}: {}</title></rect>").format(day, count)
        )
    labels = Markup(
        '<text class="axis" x="0" y="{y}" text-anchor="start">{first}</text>'
        '<text class="axis" x="{w}" y="{y}" text-anchor="end">{last}</text>'
        '<text class="axis" x="{w}" y="10" text-anchor="end">{peak}</text>'
    ).format(y=height - 6, w=width, first=days[0][0], last=days[-1][0], peak=peak)
    return (
        Markup(
            '<svg class="chart" role="img" viewBox="0 0 {w} {h}" aria-label="{title}"><title>{title}</title>'
        ).format(w=width, h=height, title=title)
        + Markup("").join(bars)
        + labels
        + Markup("</svg>")
    )


def sparkline(values: Sequence[int], *, title: str, width: int = 90, height: int = 22) -> Markup:
    """A line over equally spaced values (e.g. mentions on each of the last 7 days)."""
    if not values:
        return Markup("")
    peak = max(values) or 1
    step = width / max(len(values) - 1, 1)
    points = " ".join(
        f"{i * step:.1f},{height - 2 - (height - 4) * v / peak:.1f}" for i, v in enumerate(values)
    )
    return Markup(
        '<svg class="spark" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-label="{title}">'
        '<title>{title}</title><polyline points="{points}"/></svg>'
    ).format(w=width, h=height, title=title, points=points)
