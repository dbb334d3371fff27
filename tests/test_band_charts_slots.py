"""Issue 14, the bands of the unit page's bedtime, risk and cascade charts and of the fit
page's quadrant and capability charts.

Each of these charts carries its band layer from the start with no rows (the point value
only, while the band is computed); the band fills that layer (the chart's layers stay the
same, so an update is data only) and adds a caption entry saying the range is one under
plausible assumptions, not a probability. Each range holds the value the chart shows.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
import vl_convert as vlc
from test_charts import validate, validate_fast

from explainer.charts import bands as B
from explainer.charts import fit as F
from explainer.charts import unit as CU
from explainer.charts.band_layers import BAND_SLOT
from explainer.core.i18n import t
from explainer.core.spec import registry
from explainer.model import uncertainty as U
from explainer.pages import page_spec


@cache
def _result(page: str) -> Any:
    return page_spec(page).compute(registry().default(), {})


@cache
def _unc(page: str) -> U.Uncertainty:
    """The page's figures and chart quantities over a small sample (as ui/bands.py does)."""
    spec = page_spec(page)

    def figures(s: Any) -> dict[str, float]:
        result = spec.compute(s, {})
        out = {f.key: float(f.value) for f in spec.figures(result)}
        return out | B.chart_quantities(page, result)

    names = [p for p, d in registry().params.items() if d.group in spec.groups]
    return U.uncertainty(figures, registry(), registry().default(), names, n=16)


def _slots(view: dict[str, Any]) -> list[dict[str, Any]]:
    found = [view] if view.get("description") == BAND_SLOT else []
    for layer in view.get("layer", []):
        found += _slots(layer)
    return found


def _within(value: float, low: float, high: float) -> bool:
    return low - 1e-9 <= value <= high + 1e-9


def _bedtimes(result: Any, rows: list[dict[str, Any]]) -> None:
    for rule, row in zip(CU.RULES, rows, strict=True):
        assert _within(CU.median_bedtime(result, rule) / 60, row["hour"], row["top"])
        assert row["value"] == CU.median_bedtime(result, rule) / 60


def _risk(result: Any, rows: list[dict[str, Any]]) -> None:
    frame = CU.risk_data(result, "en")
    assert len(rows) == len(frame)
    for bar, row in zip(frame.itertuples(), rows, strict=True):
        assert _within(bar.percent, row["percent"], row["top"])


def _cascade(result: Any, rows: list[dict[str, Any]]) -> None:
    minutes = list(result.cascade["night_minutes"])
    assert len(rows) == len(minutes) >= 2
    for value, row in zip(minutes, rows, strict=True):
        assert _within(value, row["night_minutes"], row["top"])


def _quadrant(result: Any, rows: list[dict[str, Any]]) -> None:
    assert len(rows) == len(result.table)
    for row in rows:
        assert _within(row["complexity"], row["x_low"], row["x_high"])
        assert _within(row["capability"], row["y_low"], row["y_high"])
        assert row["x_high"] > row["x_low"] and row["y_high"] > row["y_low"]


def _capability(result: Any, rows: list[dict[str, Any]]) -> None:
    own = result.own
    for value, row in zip((own.real_output, own.displaced), rows, strict=True):
        assert row["capability"] == result.capability
        assert _within(value, row["value"], row["top"])


CHARTS: list[tuple[str, str, Callable[..., Any], Callable[..., None]]] = [
    ("unit", "explainer-chart-bedtimes", CU.bedtime_spec, _bedtimes),
    ("unit", "explainer-chart-risk", CU.risk_spec, _risk),
    ("unit", "explainer-chart-cascade", CU.cascade_spec, _cascade),
    ("fit", "explainer-chart-fit", F.quadrant_spec, _quadrant),
    ("fit", "explainer-chart-capability", F.capability_spec, _capability),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("page", "css", "spec_of", "check"), CHARTS)
def test_chart_band_fills_its_slot_and_holds_the_value(
    page: str, css: str, spec_of: Any, check: Any, lang: str
) -> None:
    result = _result(page)
    plain = spec_of(result, lang)
    (slot,) = _slots(plain)
    assert slot["data"] == {"values": []}  # pending: the point value only
    assert B.with_band(page, css, plain, result, {}, lang) is plain
    spec = B.with_band(page, css, plain, result, _unc(page).bands(), lang)
    validate_fast(spec)
    validate(spec)
    assert len(spec["layer"]) == len(plain["layer"])  # the same layers: a data-only update
    (filled,) = _slots(spec)
    assert filled["data"]["values"], "the band's rows"
    check(result, filled["data"]["values"])
    added = spec["title"]["subtitle"][len(plain["title"]["subtitle"]) :]
    caption = "".join(added) if lang == "zh" else " ".join(added)
    assert t("band2_caption", lang, marks="", what="").strip(":： .。")[-8:] in caption
    assert ("not a probability" if lang == "en" else "不是概率") in caption
    before = vlc.vegalite_to_vega(plain)
    after = vlc.vegalite_to_vega(spec)  # it compiles, and the axes keep their titles
    titles = [a.get("title") for a in before["axes"] if a.get("aria") is not False]
    assert [a.get("title") for a in after["axes"] if a.get("aria") is not False] == titles
    assert all(titles)


def test_the_pinned_copy_keeps_its_slot_empty() -> None:
    """With scenario A overlaid, the band fills B's slot (the last), never A's faded copy."""
    from explainer.charts.common import overlay

    result = _result("unit")
    spec = overlay(CU.cascade_spec(result, "en"), CU.cascade_spec(result, "en"))
    drawn = B.with_band("unit", "explainer-chart-cascade", spec, result, _unc("unit").bands(), "en")
    (slot,) = _slots(drawn)  # A's faded copy has no slot: its ranges are in the A/B table
    assert slot["data"]["values"] and drawn["layer"][-1] is slot


def test_the_chart_quantities_are_only_on_pages_with_such_bands() -> None:
    assert B.chart_quantities("night", _result("night")) == {}
    keys = set(B.chart_quantities("unit", _result("unit")))
    assert {"chart:bedtime_median:ranking", "chart:risk:ranking:period"} <= keys
    assert all(k.startswith("chart:") for k in keys)
