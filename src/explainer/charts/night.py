"""Charts of one night: the evening timeline and the minutes per app.

A model result in, a Vega-Lite chart out. Every chart has a title, axis titles with units, and
a caption (as the subtitle) in the chosen language, plus a text description that screen
readers announce.

Each chart is written as a plain Vega-Lite dictionary (``*_spec``): building it takes about a
millisecond, where composing the same chart from Altair objects took ≈ 45 ms — too slow for a
slider that must redraw within 100 ms (:func:`explainer.charts.common.as_chart` wraps one as an
Altair chart for notebooks and exports); the tests validate every spec against the Vega-Lite
schema.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from explainer.charts.common import (
    CHART_WIDTH,
    CLOCK_LABEL,
    ROW_HEIGHT,
    category,
    chart,
    labelled_rule,
    nominal,
    quant,
    records,
)
from explainer.core.i18n import minutes_text, t
from explainer.core.spec import Lang, format_clock
from explainer.model.night import DAY_MINUTES, NightResult

#: Colours: greys for work and home, warm hues for app time (Tableau 10, colour-blind-safe).
KIND_COLOURS = {
    "overtime": "#9d9d9d",
    "commute": "#bababa",
    "work_chat": "#7f7f7f",
    "washing": "#d4d4d4",
    "signin": "#f28e2b",
    "study": "#e15759",
    "unwatched": "#f7c6c7",
    "proxy": "#b07aa1",
}
APP_PARTS = ("signin", "study", "unwatched", "proxy")


# ----------------------------------------------------------------------------- helpers
def _row_label(row: str, quota_apps: set[int], lang: Lang) -> str:
    if row.startswith("app"):
        n = int(row[3:])
        return t("row_app_quota" if n in quota_apps else "row_app", lang, n=n)
    if row.startswith("proxy"):
        return t("row_proxy", lang, n=int(row[5:]))
    return t(f"step_{row}", lang)


def _colour(kinds: list[str], lang: Lang) -> dict[str, Any]:
    """Colour by kind of activity, labelled in ``lang``, with a fixed colour per kind."""
    labels = {t(f"kind_{k}", lang): KIND_COLOURS[k] for k in kinds}
    return category("what", labels, columns=4, labelLimit=260)


# ----------------------------------------------------------------------------- timeline
def timeline_data(result: NightResult, lang: Lang) -> pd.DataFrame:
    """The timeline table with labels and clock hours, as the chart draws it."""
    frame = result.timeline()
    quota_apps = {a.index for a in result.apps if a.has_quota}
    frame["label"] = [_row_label(r, quota_apps, lang) for r in frame["row"]]
    frame["what"] = [t(f"kind_{k}", lang) for k in frame["kind"]]
    frame["from"] = [format_clock(v) for v in frame["start"]]
    frame["to"] = [format_clock(v) for v in frame["end"]]
    frame["start_h"] = frame["start"] / 60
    frame["end_h"] = frame["end"] / 60
    frame["minutes"] = frame["minutes"].round(1)
    return frame


def timeline_alt_text(result: NightResult, lang: Lang) -> str:
    """The chart's key numbers in one sentence, for screen readers."""
    bedtime, wake = format_clock(result.bedtime), format_clock(result.wake_at)
    sleep = minutes_text(result.sleep_minutes, lang)
    return (
        f"{t('chart_timeline_title', lang)}. "
        f"{t('headline_night', lang)}: {minutes_text(result.night_minutes, lang)}. "
        + t("chart_timeline_subtitle", lang, bedtime=bedtime, sleep=sleep, wake=wake)
    )


def timeline_hours(result: NightResult, frame: pd.DataFrame | None = None) -> tuple[float, float]:
    """The timeline's x axis in clock hours: from the evening's first part to a quarter of an
    hour past its last one (midnight at least); ``frame``, the timeline if already built.

    A label that ends past the plot's right edge makes the chart's width depend on itself
    (``autosize: fit-x`` takes one step per run of Vega's dataflow, so the width would
    depend on how often the chart was updated in place): labels keep inside this range."""
    frame = result.timeline() if frame is None else frame
    if not len(frame):
        return result.free_at / 60, DAY_MINUTES / 60 + 0.25
    start = float((frame["start"] / 60).min())
    return start, max(float((frame["end"] / 60).max()), DAY_MINUTES / 60) + 0.25


def timeline_spec(result: NightResult, lang: Lang) -> dict[str, Any]:
    """The evening as bands from the end of work to bedtime, midnight marked (Vega-Lite)."""
    frame = timeline_data(result, lang)
    bedtime, wake = format_clock(result.bedtime), format_clock(result.wake_at)
    sleep = minutes_text(result.sleep_minutes, lang)
    order = list(dict.fromkeys(frame["label"]))
    present = set(frame["kind"])
    kinds = [k for k in KIND_COLOURS if k in present]
    start, end = timeline_hours(result, frame)
    columns = ["label", "what", "from", "to", "minutes", "start_h", "end_h"]
    # A clock label ("00:30", ≈ 30 px) within 20 px of an end of the axis is drawn flush with
    # it, not past it (see timeline_hours: nothing ends past the plot's right edge).
    clock = {"labelExpr": CLOCK_LABEL, "tickMinStep": 0.5, "labelFlush": 20}
    bars = {
        "mark": {"type": "bar", "cornerRadius": 2},
        "data": {"values": records(frame, columns)},
        "encoding": {
            "x": quant(
                "start_h",
                title=t("chart_timeline_x", lang),
                scale={"domain": [start, end], "nice": False},
                axis=clock,
            ),
            "x2": {"field": "end_h"},
            "y": nominal("label", title=t("chart_timeline_y", lang), sort=order),
            "color": _colour(kinds, lang),
            "tooltip": [
                nominal("label", title=t("tooltip_activity", lang)),
                nominal("what", title=t("tooltip_kind", lang)),
                nominal("from", title=t("tooltip_start", lang)),
                nominal("to", title=t("tooltip_end", lang)),
                quant("minutes", title=t("tooltip_minutes", lang)),
            ],
        },
    }
    midnight = [{"x": DAY_MINUTES / 60, "text": f"{t('midnight', lang)} 00:00"}]
    subtitle = [
        t("chart_timeline_subtitle", lang, bedtime=bedtime, sleep=sleep, wake=wake),
        t("chart_timeline_caption", lang),
    ]
    return chart(
        t("chart_timeline_title", lang),
        subtitle,
        timeline_alt_text(result, lang),
        CHART_WIDTH,
        max(120, ROW_HEIGHT * len(order)),
        # The midnight label before its rule: inside the plot, however near its right edge.
        layer=[bars, labelled_rule(midnight, "x", [6, 4], label_align="right")],
    )


# ----------------------------------------------------------------------------- per app
def per_app_data(result: NightResult, lang: Lang) -> pd.DataFrame:
    """Long table: one row per app and part (sign-in, study, unwatched, proxy) with minutes."""
    wide = result.per_app()
    quota_apps = {a.index for a in result.apps if a.has_quota}
    wide["label"] = [_row_label(f"app{n}", quota_apps, lang) for n in wide["app"]]
    long = wide.melt(
        id_vars=["app", "label"],
        value_vars=[f"{p}_min" for p in APP_PARTS],
        var_name="part",
        value_name="minutes",
    )
    long["kind"] = long["part"].str.removesuffix("_min")
    long["what"] = [t(f"kind_{k}", lang) for k in long["kind"]]
    long["order"] = [APP_PARTS.index(k) for k in long["kind"]]
    long["minutes"] = long["minutes"].round(2)
    return long[long["minutes"] > 0].reset_index(drop=True)


def per_app_alt_text(result: NightResult, lang: Lang, frame: pd.DataFrame | None = None) -> str:
    """The chart's text for screen readers (``frame``: its data, when already built)."""
    frame = per_app_data(result, lang) if frame is None else frame
    parts = "; ".join(f"{r.label} {r.what} {r.minutes:g}" for r in frame.itertuples())
    return f"{t('chart_apps_title', lang)} ({t('unit_min', lang)}): {parts or '0'}"


def per_app_spec(result: NightResult, lang: Lang) -> dict[str, Any]:
    """Stacked minutes per app: sign-in, watched study, unwatched play, colleagues' accounts."""
    frame = per_app_data(result, lang)
    quota_apps = {a.index for a in result.apps if a.has_quota}
    order = [_row_label(f"app{a.index}", quota_apps, lang) for a in result.apps]
    return chart(
        t("chart_apps_title", lang),
        [t("chart_apps_caption", lang)],
        per_app_alt_text(result, lang, frame),  # the data once, not twice
        CHART_WIDTH,
        max(80, ROW_HEIGHT * max(1, len(order))),
        data={"values": records(frame, ["label", "what", "minutes", "order"])},
        mark={"type": "bar"},
        encoding={
            "x": quant("minutes", aggregate="sum", title=t("chart_apps_x", lang), stack="zero"),
            "y": nominal("label", title=t("chart_apps_y", lang), sort=order),
            "color": _colour(list(APP_PARTS), lang),
            "order": quant("order"),
            "tooltip": [
                nominal("label", title=t("chart_apps_y", lang)),
                nominal("what", title=t("tooltip_kind", lang)),
                quant("minutes", title=t("tooltip_minutes", lang)),
            ],
        },
    )
