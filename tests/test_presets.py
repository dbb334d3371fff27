"""The article's cases (data/presets.yaml): each must reproduce the figures the article reports."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import pytest

from explainer.model import evaluate
from explainer.presets import CLOCK_METRICS, Reported, _load, compare, presets, presets_for
from explainer.spec import _read_yaml, parse_clock, registry

PRESETS = presets()
FIGURES = [(p, r) for p in PRESETS.values() for r in p.reported]
#: The model each dashboard page runs; a preset's figures are attributes of its result.
MODELS = {"night": lambda s: evaluate("night", s), "unit": lambda s: evaluate("unit", s)}


@cache
def result_of(preset_id: str) -> Any:
    preset = PRESETS[preset_id]
    assert preset.page in MODELS, f"{preset_id}: no model known for page {preset.page!r}"
    return MODELS[preset.page](preset.scenario())


def test_the_article_cases_are_there() -> None:
    assert {"li_yi", "wang_yiqi", "shandong_signin", "district_20h"} <= set(PRESETS)
    assert all(p.reported for p in PRESETS.values())


@pytest.mark.parametrize(
    ("preset", "figure"), FIGURES, ids=[f"{p.id}-{r.metric}" for p, r in FIGURES]
)
def test_preset_reproduces_reported_figure(preset: Any, figure: Reported) -> None:
    result = result_of(preset.id)
    value = float(getattr(result, figure.metric))
    (comparison,) = [c for c in compare(preset, result) if c.reported is figure]
    assert comparison.model_value == value
    detail = f"{preset.id}: model {figure.show(value, 'en')}, article {figure.text['en']}"
    if figure.value is not None:
        target = figure._number(figure.value)
        assert abs(value - target) <= figure.tolerance, detail
    else:
        if figure.at_least is not None:
            assert value >= figure._number(figure.at_least), detail
        if figure.at_most is not None:
            assert value <= figure._number(figure.at_most), detail
    assert comparison.ok, detail


@pytest.mark.parametrize("preset", PRESETS.values(), ids=list(PRESETS))
def test_preset_overrides_are_valid(preset: Any) -> None:
    params = registry().params
    assert set(preset.overrides) <= set(params), preset.id
    scenario = registry().build(preset.overrides)
    for name, value in preset.overrides.items():
        expected = registry().build({name: value})
        assert getattr(scenario, name) == getattr(expected, name)
    assert set(preset.calibrated) <= set(params)
    for lang in ("zh", "en"):
        assert preset.name.get(lang) and preset.story.get(lang)
        assert preset.label(lang) == preset.name[lang]


@pytest.mark.parametrize(
    ("preset", "figure"), FIGURES, ids=[f"{p.id}-{r.metric}" for p, r in FIGURES]
)
def test_reported_figure_is_well_formed(preset: Any, figure: Reported) -> None:
    result = result_of(preset.id)
    assert hasattr(result, figure.metric), f"{preset.id}: unknown metric {figure.metric}"
    assert isinstance(getattr(result, figure.metric), int | float)
    assert figure.text.get("zh") and figure.text.get("en")
    (kind,) = figure.source
    assert kind in ("seed", "ref", "assumption")
    assert figure.tolerance >= 0
    if figure.metric in CLOCK_METRICS:
        for raw in (figure.value, figure.at_least, figure.at_most):
            if raw is not None:
                parse_clock(raw)


@pytest.mark.parametrize(
    ("preset", "figure"), FIGURES, ids=[f"{p.id}-{r.metric}" for p, r in FIGURES]
)
def test_reported_check_rejects_values_outside_tolerance(preset: Any, figure: Reported) -> None:
    # The comparison must be able to fail: just outside the stated tolerance or bound it does.
    if figure.value is not None:
        target = figure._number(figure.value)
        assert figure.holds(target)
        assert figure.holds(target + figure.tolerance)
        assert not figure.holds(target + figure.tolerance + 0.5)
        assert not figure.holds(target - figure.tolerance - 0.5)
    if figure.at_least is not None:
        low = figure._number(figure.at_least)
        assert figure.holds(low)
        assert not figure.holds(low - 0.5)
    if figure.at_most is not None:
        high = figure._number(figure.at_most)
        assert figure.holds(high)
        assert not figure.holds(high + 0.5)


def test_reported_bedtime_reads_as_clock() -> None:
    bedtime = next(r for r in PRESETS["li_yi"].reported if r.metric == "bedtime")
    assert bedtime.show(1455, "en") == bedtime.show(1455, "zh") == "00:15"
    assert not bedtime.holds(23 * 60 + 59)


# ----------------------------------------------------------------------------- malformed
def _document() -> dict[str, Any]:
    return copy.deepcopy(_read_yaml("presets.yaml"))


def _preset(preset_id: str = "broken_case", **changes: Any) -> dict[str, Any]:
    entry = {
        "id": preset_id,
        "name": {"zh": "坏例", "en": "Broken case"},
        "story": {"zh": "测试用", "en": "For tests"},
        "overrides": {"n_apps": 3},
        "calibrated": [],
        "reported": [
            {
                "metric": "night_minutes",
                "value": 30,
                "tolerance": 5,
                "text": {"zh": "半小时", "en": "half an hour"},
                "source": {"assumption": "test"},
            }
        ],
    }
    entry.update(changes)
    return entry


def test_the_real_document_and_a_good_extra_preset_load() -> None:
    assert list(_load(_document())) == list(PRESETS)
    document = _document()
    document["presets"].append(_preset())
    assert "broken_case" in _load(document)


@pytest.mark.parametrize(
    ("overrides", "names"),
    [
        ({"n_appz": 3}, "n_appz"),
        ({"n_apps": 99}, "n_apps"),
        ({"n_apps": -1}, "n_apps"),
        ({"wake_time": "25:00"}, "wake_time"),
        ({"window_start": "2020-09-01", "window_end": "2020-08-01"}, "window_end"),
    ],
    ids=["unknown-parameter", "above-range", "below-range", "bad-clock", "inverted-window"],
)
def test_bad_overrides_raise_naming_the_preset(overrides: dict[str, Any], names: str) -> None:
    document = _document()
    document["presets"].append(_preset(overrides=overrides))
    with pytest.raises(ValueError) as caught:
        _load(document)
    assert "broken_case" in str(caught.value)
    assert names in str(caught.value)


def test_duplicate_id_raises_naming_the_preset() -> None:
    document = _document()
    document["presets"].append(_preset("li_yi"))
    with pytest.raises(ValueError, match="li_yi"):
        _load(document)


def test_unknown_calibrated_name_raises_naming_the_preset() -> None:
    document = _document()
    document["presets"].append(_preset(calibrated=["quota_pointz"]))
    with pytest.raises(ValueError, match="broken_case.*quota_pointz"):
        _load(document)


def _figure(**changes: Any) -> dict[str, Any]:
    figure = {
        "metric": "night_minutes",
        "text": {"zh": "半小时", "en": "half an hour"},
        "source": {"assumption": "test"},
    }
    figure.update(changes)
    return figure


@pytest.mark.parametrize(
    "figure",
    [
        _figure(),
        _figure(value=30, at_least=20),
    ],
    ids=["neither-value-nor-bound", "both-value-and-bound"],
)
def test_malformed_figure_raises_naming_the_preset(figure: dict[str, Any]) -> None:
    document = _document()
    document["presets"].append(_preset(reported=[figure]))
    with pytest.raises(ValueError) as caught:
        _load(document)
    assert "night_minutes" in str(caught.value)
    assert "broken_case" in str(caught.value), str(caught.value)


def test_unknown_metric_raises_naming_the_preset() -> None:
    # A figure on a metric the model does not compute would only fail later, in compare().
    document = _document()
    document["presets"].append(_preset(reported=[_figure(metric="nigth_minutes", value=30)]))
    with pytest.raises(ValueError) as caught:
        _load(document)
    assert "broken_case" in str(caught.value)
    assert "nigth_minutes" in str(caught.value)


def test_unknown_page_raises_naming_the_preset() -> None:
    document = _document()
    document["presets"].append(_preset(page="nightly"))
    with pytest.raises(ValueError) as caught:
        _load(document)
    assert "broken_case" in str(caught.value), str(caught.value)


def test_every_preset_is_on_exactly_one_page() -> None:
    pages = {page: presets_for(page) for page in MODELS}
    assert sum(len(found) for found in pages.values()) == len(PRESETS)
    for page, found in pages.items():
        assert all(p.page == page for p in found.values())
