"""Charts: every spec is valid Vega-Lite, titled, captioned, described and labelled.

For each page's charts, on the default scenario and the cases that page offers, in both
languages. Specs are validated with Altair against the Vega-Lite schema and compiled to Vega
with vl-convert (offline) to read the axes a reader actually sees.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import altair as alt
import jsonschema
import pytest
import vl_convert as vlc

from explainer.charts import fit as fit_charts
from explainer.charts import night as night_charts
from explainer.charts import reforms as reform_charts
from explainer.charts import unit as unit_charts
from explainer.charts.common import CAPTION_PX, TITLE_PX, responsive, text_px, wrapped_text
from explainer.core.i18n import LANGUAGES, t
from explainer.core.presets import presets_for
from explainer.core.reforms import apply_reforms
from explainer.core.spec import registry
from explainer.model.compare import compare
from explainer.model.fit import TOOLS, fit_result
from explainer.model.night import night
from explainer.model.unit import unit

REG = registry()
SpecFunction = Callable[[Any, str], dict[str, Any]]


def _scenarios(page: str) -> dict[str, Any]:
    return {"default": REG.default(), **{pid: p.scenario() for pid, p in presets_for(page).items()}}


#: (page, case) → scenario or, on the reform page, (scenario, reforms).
NIGHT_CASES = _scenarios("night")
UNIT_CASES = _scenarios("unit")
#: The fit page has no presets: the default (the points app) and every other tool instead.
FIT_CASES = {
    "default": REG.default(),
    **{f"tool_{k}": REG.replace(REG.default(), tool=k) for k in TOOLS if k != "points_app"},
    "budget_binds": REG.replace(REG.default(), effort_budget=0.5, gaming=1.0),
}
#: The reform page: the default with no reform, and every case under a couple of reforms.
REFORM_SETS = (
    ("one_stop_platform", "no_points_ranking"),
    ("no_study_time_kpi", "no_forced_login"),
    ("veto_removed", "esignature", "no_checkin"),
)
REFORM_CASES = {
    "default/none": (REG.default(), ()),
    **{
        f"{pid}/{'+'.join(REFORM_SETS[i % 3])}": (scenario, REFORM_SETS[i % 3])
        for i, (pid, scenario) in enumerate(_scenarios("reforms").items())
    },
}


@cache
def night_result(case: str) -> Any:
    return night(NIGHT_CASES[case])


@cache
def unit_result(case: str) -> Any:
    return unit(UNIT_CASES[case])


@cache
def fit_res(case: str) -> Any:
    return fit_result(FIT_CASES[case])


@cache
def reform_result(case: str) -> Any:
    scenario, ids = REFORM_CASES[case]
    applied = apply_reforms(scenario, ids)
    return compare(applied.status_quo, applied.reformed)


PAGES: dict[str, tuple[dict[str, Any], Callable[[str], Any], tuple[SpecFunction, ...]]] = {
    "night": (NIGHT_CASES, night_result, (night_charts.timeline_spec, night_charts.per_app_spec)),
    "unit": (
        UNIT_CASES,
        unit_result,
        (
            unit_charts.bedtime_spec,
            unit_charts.risk_spec,
            unit_charts.veto_spec,
            unit_charts.cascade_spec,
        ),
    ),
    "fit": (
        FIT_CASES,
        fit_res,
        (fit_charts.quadrant_spec, fit_charts.capability_spec, fit_charts.effort_spec),
    ),
    "reforms": (
        REFORM_CASES,
        reform_result,
        (
            reform_charts.minutes_overlay_spec,
            reform_charts.bedtime_overlay_spec,
            reform_charts.effort_overlay_spec,
            reform_charts.fit_overlay_spec,
        ),
    ),
}

CHARTS = [
    pytest.param(page, case, spec, lang, id=f"{page}-{spec.__name__}-{case}-{lang}")
    for page, (cases, _, specs) in PAGES.items()
    for spec in specs
    for case in cases
    for lang in LANGUAGES
]
SPECS = [
    pytest.param(page, spec, lang, id=f"{page}-{spec.__name__}-{lang}")
    for page, (_, _, specs) in PAGES.items()
    for spec in specs
    for lang in LANGUAGES
]


@cache
def build(page: str, case: str, spec: SpecFunction, lang: str) -> dict[str, Any]:
    _, result_of, _ = PAGES[page]
    return spec(result_of(case), lang)


# ----------------------------------------------------------------------------- helpers
def _few_rows(node: Any) -> Any:
    """The spec with every inline dataset cut to a few rows.

    The schema allows any object as a row, so the rows add nothing to validation but time
    (hundreds of rows take seconds); every row is still checked by the strict-JSON test.
    """
    if isinstance(node, dict):
        out = {k: _few_rows(v) for k, v in node.items()}
        values = node.get("values")
        if isinstance(values, list) and set(node) <= {"values", "name", "format"}:
            out["values"] = values[:3]
        return out
    if isinstance(node, list):
        return [_few_rows(v) for v in node]
    return node


@cache
def schema_validator() -> Any:
    """A compiled validator for the Vega-Lite schema Altair ships (the one from_dict uses)."""
    schema = alt.vegalite.v6.schema.core.load_schema()
    return jsonschema.validators.validator_for(schema)(schema)


def validate_fast(spec: dict[str, Any]) -> None:
    error = jsonschema.exceptions.best_match(schema_validator().iter_errors(_few_rows(spec)))
    if error is not None:
        path = "/".join(map(str, error.absolute_path))
        pytest.fail(f"not valid Vega-Lite at {path}: {str(error.message)[:300]}", pytrace=False)


def validate(spec: dict[str, Any]) -> None:
    """Altair's own check: build the chart from the dictionary with validation on."""
    spec = _few_rows(spec)
    kind = alt.Chart
    for key, cls in (
        ("layer", alt.LayerChart),
        ("hconcat", alt.HConcatChart),
        ("vconcat", alt.VConcatChart),
    ):
        if key in spec:
            kind = cls
    try:
        kind.from_dict(spec, validate=True)
    except Exception as error:  # the schema error message is enormous
        pytest.fail(f"not valid Vega-Lite: {str(error)[:300]}", pytrace=False)


def unit_specs(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every spec in a layer tree that carries marks."""
    if "mark" in spec:
        yield spec
    for child in spec.get("layer", []):
        yield from unit_specs(child)


def axis_titles(spec: dict[str, Any], channel: str) -> list[str]:
    """Titles given to ``channel`` anywhere in the chart (layers share their axes)."""
    titles = []
    for layer in unit_specs(spec):
        encoding = layer.get("encoding", {}).get(channel, {})
        axis = encoding.get("axis") or {}
        title = encoding.get("title", axis.get("title"))
        if isinstance(title, list):  # a title in lines
            title = " ".join(title)
        if isinstance(title, str) and title.strip():
            titles.append(title)
    return titles


# ----------------------------------------------------------------------------- every chart
@pytest.mark.parametrize(("page", "case", "spec", "lang"), CHARTS)
def test_chart_is_valid_vega_lite(page: str, case: str, spec: SpecFunction, lang: str) -> None:
    validate_fast(build(page, case, spec, lang))


@pytest.mark.parametrize(("page", "spec", "lang"), SPECS)
def test_altair_accepts_the_chart(page: str, spec: SpecFunction, lang: str) -> None:
    validate(build(page, next(iter(PAGES[page][0])), spec, lang))


def test_the_validators_catch_a_broken_chart() -> None:
    broken = copy.deepcopy(build("night", "default", night_charts.timeline_spec, "en"))
    broken["layer"][0]["mark"]["type"] = "barr"
    for check in (validate_fast, validate):
        with pytest.raises(pytest.fail.Exception, match="not valid Vega-Lite"):
            check(broken)


@pytest.mark.parametrize(("page", "case", "spec", "lang"), CHARTS)
def test_chart_is_titled_captioned_and_described(
    page: str, case: str, spec: SpecFunction, lang: str
) -> None:
    chart = build(page, case, spec, lang)
    title = chart["title"]
    assert isinstance(title, dict) and title["text"].strip()
    subtitle = title.get("subtitle")
    lines = [subtitle] if isinstance(subtitle, str) else subtitle
    assert lines and all(isinstance(line, str) for line in lines)
    assert "".join(lines).strip()
    description = chart.get("description", "")
    assert description.strip(), "no text alternative"
    assert re.search(r"\d", description), f"text alternative has no figure: {description}"
    assert "{" not in title["text"] + "".join(lines) + description  # no unfilled placeholder


@pytest.mark.parametrize(("page", "spec", "lang"), SPECS)
def test_every_positional_field_has_an_axis_title(page: str, spec: SpecFunction, lang: str) -> None:
    untitled = set()
    for case in PAGES[page][0]:
        chart = build(page, case, spec, lang)
        for layer in unit_specs(chart):
            for channel in ("x", "y"):
                encoding = layer.get("encoding", {}).get(channel)
                if not encoding or "field" not in encoding or encoding.get("scale", {}) is None:
                    continue  # no field (datum/value), or pixel positions with no axis
                if not axis_titles(chart, channel):
                    untitled.add(f"{channel} ({encoding['field']}) in {case}")
    assert not untitled, f"axes without a title: {sorted(untitled)}"


def _lines(title: str | list[str] | None) -> str:
    """An axis title given as a string or as a list of lines, as one string."""
    return " ".join(title) if isinstance(title, list) else title or ""


@pytest.mark.parametrize(("page", "spec", "lang"), SPECS)
def test_rendered_axes_have_titles(page: str, spec: SpecFunction, lang: str) -> None:
    untitled = set()
    for case in PAGES[page][0]:
        compiled = vlc.vegalite_to_vega(build(page, case, spec, lang))
        axes = [a for a in compiled.get("axes", []) if a.get("aria") is not False]  # no grids
        assert axes, f"no axes at all in {case}"
        untitled |= {
            f"{a.get('orient')} axis in {case}" for a in axes if not _lines(a.get("title")).strip()
        }
    assert not untitled, f"axes drawn without a title: {sorted(untitled)}"


@pytest.mark.parametrize(("page", "case", "spec", "lang"), CHARTS)
def test_chart_is_strict_json(page: str, case: str, spec: SpecFunction, lang: str) -> None:
    chart = build(page, case, spec, lang)
    text = json.dumps(chart, allow_nan=False)
    assert json.loads(text) == chart


# ----------------------------------------------------------------------------- languages
@pytest.mark.parametrize(
    ("page", "spec"),
    [(page, spec) for page, (_, _, specs) in PAGES.items() for spec in specs],
    ids=lambda x: x if isinstance(x, str) else x.__name__,
)
def test_chart_text_follows_the_language(page: str, spec: SpecFunction) -> None:
    cases, _, _ = PAGES[page]
    case = next(iter(cases))
    zh, en = build(page, case, spec, "zh"), build(page, case, spec, "en")
    assert zh["title"]["text"] != en["title"]["text"]
    assert re.search(r"[\u4e00-\u9fff]", zh["title"]["text"])
    assert not re.search(r"[\u4e00-\u9fff]", json.dumps(en, ensure_ascii=False))
    assert zh["description"] != en["description"]


# ----------------------------------------------------------------------------- content
def test_timeline_reports_the_bedtime_and_night() -> None:
    chart = build("night", "li_yi", night_charts.timeline_spec, "en")
    assert "1 h" in chart["description"]  # Li Yi's hour on the apps
    rows = chart["layer"][0]["data"]["values"]
    assert {r["what"] for r in rows} >= {t("kind_signin", "en"), t("kind_study", "en")}


def test_per_app_rows_follow_the_number_of_apps() -> None:
    for case, expected in (("li_yi", 8), ("wang_yiqi", 1)):
        chart = build("night", case, night_charts.per_app_spec, "en")
        assert len(chart["encoding"]["y"]["sort"]) == expected


def test_reform_overlay_shows_both_sides() -> None:
    chart = build(
        "reforms",
        "shandong_signin/one_stop_platform+no_points_ranking",
        reform_charts.minutes_overlay_spec,
        "en",
    )
    sides = {row["side_label"] for row in chart["data"]["values"]}
    assert sides == {t("side_status_quo", "en"), t("side_reform", "en")}


def test_veto_readings_follow_the_run_threshold() -> None:
    """With "5 or more misses in a row" the veto chart must not label the readings "3 in a row"."""
    s = REG.replace(REG.default(), run_threshold=5)
    result = unit(s)
    assert {v.run_length for v in result.vetoes.values()} == {5, 6}
    for lang in LANGUAGES:
        chart = unit_charts.veto_spec(result, lang)
        readings = [row["text"].split(":")[0] for row in chart["layer"][1]["data"]["values"]]
        assert all("5" in r and "3" not in r for r in readings), readings


# ----------------------------------------------------------------------------- every screen
@pytest.mark.parametrize(("page", "case", "spec", "lang"), CHARTS)
def test_responsive_chart_is_valid_and_fits_a_phone(
    page: str, case: str, spec: SpecFunction, lang: str
) -> None:
    """Issue 15: as shown, a chart is as wide as its container (phone to projector), its
    title and caption paragraphs are whole (the browser wraps them to the chart's width),
    wrapped for a drawing they fit a 360 px phone, and its legends go under it, one column
    when narrow."""
    plain = build(page, case, spec, lang)
    shown = responsive(plain, lang)
    validate_fast(shown)
    assert shown["width"] == "container"
    assert shown["autosize"]["type"] == "fit-x" and shown["autosize"]["contains"] == "padding"
    assert shown["title"] == plain["title"]  # no line cut in Python: whole paragraphs
    narrow = wrapped_text(shown)
    validate_fast(narrow)
    for line in narrow["title"]["subtitle"]:  # what a 360 px phone has for a chart's text
        assert text_px(line) <= CAPTION_PX, line
    heading = narrow["title"]["text"]
    for line in [heading] if isinstance(heading, str) else heading:
        assert text_px(line.rstrip(), TITLE_PX, bold=True) <= CAPTION_PX, line
    places = {}
    for view in unit_specs(shown):
        for channel, enc in view.get("encoding", {}).items():
            legend = enc.get("legend") if isinstance(enc, dict) else None
            if isinstance(legend, dict):
                places.setdefault(legend["orient"], set()).add(channel)
                assert legend["columns"]["expr"].startswith("containerSize()[0]")
    # at most one legend channel under the chart and one above: never two side by side
    assert set(places) <= {"bottom", "top"}
    assert all(len(channels) == 1 for channels in places.values()), places


def test_narrow_caption_keeps_every_character() -> None:
    line = "explainer 0.1.0 · 来源：《财经》E法 2020-08-29 及 data/sources.yaml · lang=zh"
    spec = {"title": {"text": "t", "subtitle": [line]}, "mark": "bar"}
    lines = wrapped_text(spec)["title"]["subtitle"]
    assert len(lines) >= 2
    assert "".join(lines).replace(" ", "") == line.replace(" ", "")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_captions_are_whole_paragraphs(lang: str) -> None:
    """Issue 15: a chart's caption reaches the page as whole paragraphs (the browser wraps
    them to the chart's width; a 270 px wrap in Python made a narrow column on every
    screen)."""
    _, result_of, _ = PAGES["night"]
    spec = responsive(night_charts.timeline_spec(result_of("default"), lang), lang)
    assert t("chart_timeline_caption", lang) in spec["title"]["subtitle"]
    assert isinstance(spec["title"]["text"], str)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_status_quo_and_scenario_rules_never_label_the_same_spot(lang: str) -> None:
    """The reforms page's effort and capability charts mark the status quo (faded) and this
    scenario: at the same value one label says both; apart, each label on its far side
    (issue 15: at 1920 px in presenter mode the two labels were drawn over each other)."""
    same = fit_charts.scenario_marks("w", 1.5, 1.5, lang)
    assert [m["text"] for m in same] == ["", [t("effort_here", lang), t("effort_here_same", lang)]]
    lower, higher = fit_charts.scenario_marks("w", 2.0, 1.0, lang)
    assert (lower["text"], lower["before"]) == (t("effort_before", lang), True)
    assert (higher["text"], higher["before"]) == (t("effort_here", lang), False)
    reverse = fit_charts.scenario_marks("w", 1.0, 2.0, lang)
    assert [m["before"] for m in reverse] == [False, True]
    alone = fit_charts.scenario_marks("w", 1.0, None, lang)
    assert [m["text"] for m in alone] == [t("effort_here", lang)]
