"""Charts as SVG documents rendered on the server by pygal (a PyPI package; nothing is fetched by the browser).

Each chart is served at its own URL and shown with ``<img>``, so the page's Content-Security-Policy stays strict
(the SVG's own stylesheet is inside the SVG document, whose response allows only that); pygal's tooltip script
is left out (``js=[]``). The numbers are always printed beside the chart in a table.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from onrecord.web.highlight import PALETTE

#: The series beyond the palette are folded into one grey "other" series.
OTHER = "other"
_GREY = "#999999"


def _style() -> Any:
    from pygal.style import Style

    return Style(background="white", plot_background="white", foreground="#222", foreground_strong="#000",
                 foreground_subtle="#666", colors=(*PALETTE, _GREY), font_family="sans-serif",
                 label_font_size=13, major_label_font_size=13, legend_font_size=14, title_font_size=16,
                 value_font_size=12, tooltip_font_size=12)


def _config(**extra: Any) -> dict[str, Any]:
    return {"style": _style(), "js": [], "disable_xml_declaration": False, "width": 900, "height": 420,
            "legend_at_bottom": True, "legend_at_bottom_columns": 4, "truncate_legend": 40, "print_values": False,
            "show_minor_x_labels": True, "x_label_rotation": 0, "margin": 16, "margin_bottom": 36, **extra}


def _top(totals: dict[str, int], keep: int) -> list[str]:
    return [k for k, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]]


def stacked_by_month(rows: Sequence[dict[str, Any]], *, series_key: str, title: str) -> bytes:
    """Statements per month, one stacked series per value of ``series_key`` (the top seven; the rest 'other')."""
    import pygal

    months = month_range(sorted({r["month"] for r in rows if r.get("month")}))
    totals: dict[str, int] = defaultdict(int)
    for r in rows:
        if r.get("month"):
            totals[r.get(series_key) or "unknown"] += r["count"]
    top = _top(totals, len(PALETTE))
    values: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        if not r.get("month"):
            continue
        name = r.get(series_key) or "unknown"
        values[name if name in top else OTHER][r["month"]] += r["count"]
    stacks = [sum(values[name].get(m, 0) for name in values) for m in months]
    chart = pygal.StackedBar(**_config(title=title, x_label_rotation=30 if len(months) > 12 else 0,
                                       show_minor_x_labels=len(months) <= 24, y_title="statements",
                                       y_labels=_integer_ticks(max(stacks, default=0))))
    chart.x_labels = months
    if len(months) > 24:
        chart.x_labels_major = months[:: max(1, len(months) // 12)]
    for name in [*top, OTHER] if OTHER in values else top:
        chart.add(name, [values[name].get(m) or None for m in months])
    if not months:
        chart.no_data_text = "no dated statements"
    svg: bytes = chart.render()  # pygal is untyped
    return svg


def month_range(months: Sequence[str], *, at_least: int = 6) -> list[str]:
    """Every month from the first to the last of ``months`` (YYYY-MM), gaps included, widened to ``at_least``
    months around them, so that a timeline's bars stand where they fall in time."""
    months = [m for m in months if re.fullmatch(r"\d{4}-\d{2}", m)]
    if not months:
        return []

    def index(m: str) -> int:
        return int(m[:4]) * 12 + int(m[5:7]) - 1

    lo, hi = index(months[0]), index(months[-1])
    while hi - lo + 1 < at_least:
        lo, hi = (lo - 1, hi) if (hi - lo) % 2 else (lo, hi + 1)
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(lo, hi + 1)]


def _integer_ticks(top: int, count: int = 8) -> list[int]:
    """Whole-number axis labels from 0 to at least ``top`` (counts are never fractional)."""
    step = max(1, -(-top // count))
    for nice in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if nice >= step:
            step = nice
            break
    return list(range(0, max(top, 1) + step, step))


def horizontal(rows: Sequence[tuple[str, float]], *, title: str, percent: bool = False) -> bytes:
    """One bar per label (in the order given)."""
    import pygal

    chart = pygal.HorizontalBar(**_config(title=title, show_legend=False, print_values=True,
                                          height=max(220, 60 + 34 * len(rows)),
                                          value_formatter=(lambda v: f"{v:.0%}") if percent else
                                          (lambda v: f"{v:,.0f}")))
    chart.x_labels = [label for label, _ in reversed(rows)]
    chart.add(title, [value for _, value in reversed(rows)])
    if not rows:
        chart.no_data_text = "no statements"
    svg: bytes = chart.render()  # pygal is untyped
    return svg
