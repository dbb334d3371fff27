"""Issue 14, charts of ranges: the tornado chart and the bands drawn on the pages' charts.

Valid Vega-Lite (the schema and Altair, as tests/test_charts.py checks every chart), titled,
captioned, described, axes titled with units, both languages; each tornado bar names its
assumption, the assumption's range and the range's source.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest
import vl_convert as vlc
from test_charts import validate, validate_fast

from explainer.charts import bands as B
from explainer.charts.fit import effort_spec
from explainer.charts.night import timeline_spec
from explainer.charts.reforms import effort_overlay_spec, minutes_overlay_spec
from explainer.charts.unit import veto_spec
from explainer.i18n import t
from explainer.model import uncertainty as U
from explainer.model.compare import compare
from explainer.model.fit import fit_result
from explainer.model.night import typical_night
from explainer.model.unit import unit
from explainer.reforms import apply_reforms
from explainer.robustness import STATUS_QUO, range_text
from explainer.spec import registry

REFORMS = ("one_stop_platform",)


def _reform_figures(s: Any) -> dict[str, float]:
    applied = apply_reforms(s, list(REFORMS))
    table = compare(applied.status_quo, applied.reformed).table()
    out = {row.metric: row.reform for row in table.itertuples()}
    return out | {row.metric + STATUS_QUO: row.status_quo for row in table.itertuples()}


def _page_result(page: str) -> Any:
    s = registry().default()
    if page == "reforms":
        applied = apply_reforms(s, list(REFORMS))
        return compare(applied.status_quo, applied.reformed)
    return {"night": typical_night, "unit": unit, "fit": fit_result}[page](s)


FIGURES = {
    "night": lambda s: {"bedtime": typical_night(s).bedtime},
    "unit": lambda s: {"p_unit_veto": unit(s).p_unit_veto},
    "fit": lambda s: {"real_output": fit_result(s).real_output},
    "reforms": _reform_figures,
}
KINDS = {"bedtime": "clock", "p_unit_veto": "share", "real_output": "number"}


@cache
def _unc(page: str) -> U.Uncertainty:
    return U.uncertainty(FIGURES[page], registry(), registry().default(), n=16)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("page", "key"), [("night", "bedtime"), ("unit", "p_unit_veto")])
def test_tornado_is_valid_titled_and_names_range_and_source(page: str, key: str, lang: str) -> None:
    spec = B.tornado_spec(_unc(page), key, KINDS[key], lang)
    validate_fast(spec)
    validate(spec)
    assert spec["title"]["text"] == t("tornado_title", lang, figure=t(f"metric_{key}", lang))
    assert any(t("tornado_caption", lang)[:20] in line for line in spec["title"]["subtitle"])
    compiled = vlc.vegalite_to_vega(spec)
    titles = [a.get("title") for a in compiled["axes"] if a.get("aria") is not False]
    assert all(titles) and len(titles) == 2
    unit_label = t(f"band_unit_{KINDS[key]}", lang)
    assert any(unit_label in str(title) for title in titles)  # the x axis names its unit
    bars = _unc(page).tornado(key)
    assert bars
    for bar in bars:  # each bar: the assumption's name, its range and the range's source
        rows = [r for r in spec["data"]["values"] if r["range"] == range_text(bar.param, lang)]
        assert len(rows) == 2
        assert registry().params[bar.param].label[lang] in rows[0]["label"]
        assert B.short_source(bar.param, lang) in rows[0]["label"]
        assert rows[0]["range"] in spec["description"]
    if lang == "zh":
        assert re.search(r"[\u4e00-\u9fff]", spec["title"]["text"])


def test_short_sources_say_article_reference_or_assumption() -> None:
    assert B.short_source("overtime_end", "en") == "range: article §3"
    assert B.short_source("sleep_need_h", "en") == "range: Hirshkowitz et al. (2015)"
    assert B.short_source("washing_min", "zh") == "范围：假设"


def test_a_figure_no_assumption_moves_says_so() -> None:
    unc = U.uncertainty(
        lambda s: {"night_minutes": 5.0}, registry(), registry().default(), ["washing_min"], n=16
    )
    spec = B.tornado_spec(unc, "night_minutes", "minutes", "en")
    assert t("tornado_empty", "en") in spec["title"]["subtitle"]
    validate_fast(spec)


CHARTS = [
    ("night", "explainer-chart-timeline", timeline_spec),
    ("unit", "explainer-chart-veto", veto_spec),
    ("fit", "explainer-chart-effort", effort_spec),
    ("reforms", "explainer-chart-effort", effort_overlay_spec),
    ("reforms", "explainer-chart-minutes", minutes_overlay_spec),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("page", "css", "spec_of"), CHARTS)
def test_pages_charts_carry_their_band(page: str, css: str, spec_of: Any, lang: str) -> None:
    result = _page_result(page)
    plain = spec_of(result, lang)
    bands = _unc(page).bands()
    spec = B.with_band(page, css, plain, result, bands, lang)
    validate_fast(spec)
    assert len(spec["layer"]) > len(plain.get("layer", [plain]))
    band = next(iter(bands.values()))
    assert band.high > band.low  # a band worth drawing
    added = spec["title"]["subtitle"][len(plain["title"]["subtitle"]) :]
    assert added and added[0].startswith(t("band_chart_line", lang, figure="", band="")[:6])
    compiled = vlc.vegalite_to_vega(spec)  # it compiles, and the axes keep their titles
    assert all(a.get("title") for a in compiled["axes"] if a.get("aria") is not False)


def test_a_chart_without_its_band_yet_is_drawn_as_it_was() -> None:
    result = _page_result("night")
    plain = timeline_spec(result, "en")
    assert B.with_band("night", "explainer-chart-timeline", plain, result, {}, "en") is plain
    assert B.with_band("night", "explainer-chart-apps", plain, result, {}, "en") is plain
