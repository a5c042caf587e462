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


def _style(colors: tuple[str, ...] = (*PALETTE, _GREY)) -> Any:
    from pygal.style import Style

    return Style(background="white", plot_background="white", foreground="#222", foreground_strong="#000",
                 foreground_subtle="#666", colors=colors, font_family="sans-serif",
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


#: The colours of the gender chart: women, men, unknown (Okabe-Ito orange and blue, and grey).
GENDER_COLOURS = ("#E69F00", "#0072B2", _GREY)


def gender_by_outlet_rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The people quoted by gender per outlet, every month together (``record.gender.GenderRow.to_dict`` rows),
    the most people first, with each share of all the people and the unknown share beside."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: {"women": 0, "men": 0, "unknown": 0})
    for r in rows:
        t = totals[r.get("outlet") or "(no outlet)"]
        for k in ("women", "men", "unknown"):
            t[k] += int(r.get(k) or 0)
    out = []
    for outlet, t in totals.items():
        people = t["women"] + t["men"] + t["unknown"]
        gendered = t["women"] + t["men"]
        out.append({"outlet": outlet, "people": people, **t,
                    **{f"{k}_share": round(t[k] / people, 4) if people else 0.0 for k in ("women", "men", "unknown")},
                    "women_of_gendered": round(t["women"] / gendered, 4) if gendered else 0.0})
    return sorted(out, key=lambda r: (-r["people"], r["outlet"]))


def gender_by_outlet(rows: Sequence[dict[str, Any]]) -> bytes:
    """People quoted per outlet, one stacked bar each: women, men and unknown."""
    import pygal

    outlets = gender_by_outlet_rows(rows)
    chart = pygal.HorizontalStackedBar(**_config(
        style=_style(GENDER_COLOURS), title="People quoted, by gender (each person once per article)", show_legend=True,
        height=max(240, 120 + 38 * len(outlets)), x_title="people quoted",
        y_labels=None, value_formatter=lambda v: f"{v:,.0f}"))
    chart.x_labels = [r["outlet"] for r in reversed(outlets)]
    chart.y_labels = _integer_ticks(max((r["people"] for r in outlets), default=0))
    for key, name in (("women", "women"), ("men", "men"), ("unknown", "unknown")):
        chart.add(name, [r[key] or None for r in reversed(outlets)])
    if not outlets:
        chart.no_data_text = "no people quoted"
    svg: bytes = chart.render()  # pygal is untyped
    return svg
