"""Issue 14, the model of ranges: bands contain the value, collapse with the ranges, repeat.

Properties of :mod:`explainer.model.uncertainty` on the night, unit and fit models (through
the generic ``figures(scenario) -> {key: value}`` a page hands over), and of the verdicts of
:mod:`explainer.robustness`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import value_on_step

from explainer.model import uncertainty as U
from explainer.model.fit import fit_result
from explainer.model.night import typical_night
from explainer.model.unit import unit
from explainer.robustness import CONCLUSIONS, band_text, verdict_text, verdicts_text
from explainer.spec import PlausibleRange, Registry, registry

NIGHT_GROUPS = ("apps", "points", "study_hours", "shortcuts", "evening", "penalties")


def night_figures(s: Any) -> dict[str, float]:
    night = typical_night(s)
    keys = ("night_minutes", "bedtime", "sleep_minutes", "sleep_short_minutes", "study_minutes")
    return {k: float(night.headline()[k]) for k in keys}


def unit_figures(s: Any) -> dict[str, float]:
    found = unit(s)
    return {
        "share_short_sleep": found.share_short_sleep,
        "p_unit_veto": found.p_unit_veto,
        "unit_app_hours_year": found.unit_app_hours_year,
    }


def fit_figures(s: Any) -> dict[str, float]:
    found = fit_result(s)
    return {"real_output": found.real_output, "output_lost": found.output_lost}


def page_params(groups: tuple[str, ...]) -> list[str]:
    return [p.id for p in registry().params.values() if p.group in groups]


def collapsed(reg: Registry, scenario: Any) -> Registry:
    """The registry with every range shrunk to the scenario's own value."""

    def point(spec: Any) -> Any:
        found = spec.plausible
        if found is None or found.kind == "fixed":
            return spec
        value = getattr(scenario, spec.id)
        if found.kind == "choices":
            shrunk = PlausibleRange("choices", choices=(value,), source=found.source)
        else:
            shrunk = PlausibleRange("bounds", low=value, high=value, source=found.source)
        return dataclasses.replace(spec, plausible=shrunk)

    params = {name: point(spec) for name, spec in reg.params.items()}
    return dataclasses.replace(reg, params=params)


PEOPLE_NIGHT = [p for p in page_params(NIGHT_GROUPS) if registry().params[p].role == "people"]


@st.composite
def night_scenarios(draw: st.DrawFn) -> Any:
    """A scenario with a few assumptions and rules moved, anywhere in their allowed range."""
    names = draw(st.lists(st.sampled_from(page_params(NIGHT_GROUPS)), max_size=4, unique=True))
    values = {n: draw(value_on_step(registry().params[n])) for n in names}
    try:
        return registry().build(values)
    except Exception:  # e.g. a study window that ends before it starts
        return registry().default()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(night_scenarios())
def test_every_band_contains_the_point_value(scenario: Any) -> None:
    found = U.uncertainty(night_figures, registry(), scenario, page_params(NIGHT_GROUPS))
    point = night_figures(scenario)
    for key, band in found.bands().items():
        assert band.value == point[key]
        assert band.low <= point[key] <= band.high, key
        for bar in found.tornado(key):  # each bar is the figure with one assumption moved
            assert min(bar.at_low, bar.at_high) < max(bar.at_low, bar.at_high)


@pytest.mark.parametrize(
    ("figures", "groups"),
    [
        (night_figures, NIGHT_GROUPS),
        (unit_figures, ("unit", "penalties", "village", "evening", "apps", "points")),
        (fit_figures, ("fit", "incentives")),
    ],
)
def test_shrinking_every_range_to_a_point_collapses_every_band(figures: Any, groups: Any) -> None:
    scenario = registry().build({"washing_min": 40, "commute_min": 20, "gaming": 0.3})
    wide = U.uncertainty(figures, registry(), scenario, page_params(groups), n=16)
    assert any(b.high > b.low for b in wide.bands().values())  # the test can fail
    shrunk = U.uncertainty(figures, collapsed(registry(), scenario), scenario, page_params(groups))
    assert shrunk.assumptions == () and shrunk.tried == 1 and shrunk.n == 0
    for key, band in shrunk.bands().items():
        assert band.low == band.value == band.high == figures(scenario)[key]
        assert shrunk.tornado(key) == []


def test_the_same_band_twice_even_with_a_fresh_sample() -> None:
    scenario = registry().default()
    first = U.uncertainty(night_figures, registry(), scenario).bands()
    U.unit_sample.cache_clear()
    again = U.uncertainty(night_figures, registry(), scenario).bands()
    assert first == again


def test_the_sample_is_sobol_with_the_stated_size_and_seed() -> None:
    points = U.unit_sample(5)
    assert points.shape == (U.SAMPLE_SIZE, 5) and U.SAMPLE_SIZE == 2**7
    assert ((points >= 0) & (points < 1)).all()
    # Space-filling: every variable's range is split into SAMPLE_SIZE slices, one point each.
    for column in points.T:
        assert len(set(np.floor(column * U.SAMPLE_SIZE).astype(int))) == U.SAMPLE_SIZE
    assert not np.array_equal(points, U.unit_sample(5, seed=U.SEED + 1))


def test_rules_are_never_varied_and_ranges_widen_to_hold_the_value() -> None:
    scenario = registry().build({"washing_min": 60, "n_apps": 3})
    assumptions = {a.id: a for a in U.varied(registry(), scenario)}
    assert all(registry().params[a].role == "people" for a in assumptions)
    assert "n_apps" not in assumptions and "n_staff" not in assumptions  # a rule; fixed
    assert (assumptions["washing_min"].low, assumptions["washing_min"].high) == (5, 60)
    for s in U.plan(scenario, tuple(assumptions.values()), n=16):
        assert s.n_apps == 3 and isinstance(s.washing_min, int)
        assert 5 <= s.washing_min <= 60


def test_the_tornado_ranks_the_evening_first_for_bedtime() -> None:
    found = U.uncertainty(night_figures, registry(), registry().default(), PEOPLE_NIGHT)
    bars = found.tornado("bedtime")
    assert [b.swing for b in bars] == sorted((b.swing for b in bars), reverse=True)
    assert bars[0].param in ("overtime_end", "commute_min")  # each moves bedtime by 60 min
    assert bars[0].swing == pytest.approx(60)


def test_verdicts_say_all_none_or_only_as_set() -> None:
    # Three colleagues' accounts a night (fixed: which night is shown) put any evening late.
    late = registry().build({"n_proxy_accounts": 3})
    default = registry().default()
    after = CONCLUSIONS["night"][0]
    never = dataclasses.replace(after, threshold=48 * 60)  # after midnight of the next day
    kinds = {}
    for name, scenario, conclusion in (
        ("late", late, after),
        ("default", default, after),
        ("never", default, never),
    ):
        found = U.uncertainty(night_figures, registry(), scenario, PEOPLE_NIGHT)
        kinds[name] = found.verdict(conclusion.figure, conclusion.holds).kind
    assert kinds == {"late": "all", "default": "mixed", "never": "none"}
    found = U.uncertainty(night_figures, registry(), late, PEOPLE_NIGHT)
    for lang in ("en", "zh"):
        assert verdict_text(found, after, lang) in verdicts_text("night", found, lang)
    assert verdict_text(found, after, "en").startswith("Under every plausible assumption tried")
    found = U.uncertainty(night_figures, registry(), default, PEOPLE_NIGHT)
    assert "As set: in bed after midnight; but not" in verdict_text(found, after, "en")
    assert "按当前设置：过了午夜才睡" in verdict_text(found, after, "zh")


def test_band_text_reads_like_the_issue() -> None:
    band = U.Band("night_minutes", 60, 45, 80)
    assert band_text(band, "minutes", "en") == "1 h (45 min – 1 h 20 min)"
    assert "区间" in band_text(band, "minutes", "zh")
    assert band_text(U.Band("x", 60, 60, 60), "minutes", "en") == "1 h"


def test_sobol_indices_add_nothing_for_the_additive_night() -> None:
    """Bedtime is a sum of durations: first-order Sobol' indices equal the total ones, so the
    one-at-a-time tornado already says what a global analysis would (why pages skip it)."""
    scenario = registry().default()
    indices = U.sobol_total(
        lambda s: night_figures(s)["bedtime"], registry(), scenario, PEOPLE_NIGHT, n=512
    )
    first = sum(f for f, _ in indices.values())
    assert first == pytest.approx(1, abs=0.1)
    for f, total in indices.values():
        assert total == pytest.approx(f, abs=0.05)
    top = max(indices, key=lambda k: indices[k][1])
    assert top in ("overtime_end", "commute_min")
