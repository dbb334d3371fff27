"""A cumulative study-hour target with a deadline (explainer.model.deadline; issue 12 part 1)."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.core.presets import presets
from explainer.core.spec import registry
from explainer.model.deadline import deadline_risk, miss_probability
from explainer.model.rules import HALF_HOUR
from explainer.model.unit import unit

REG = registry()


def test_no_lost_day_never_misses_a_reachable_target() -> None:
    risk = miss_probability(Fraction(20), 26, 0.0, "ceil_half", cap_seconds=3600)
    assert risk.most_per_day == 1 and risk.days_needed == 20 and risk.days_to_spare == 6
    assert risk.p_miss == 0.0


def test_an_unreachable_target_is_always_missed() -> None:
    # a 30-minute limit credits half an hour a day: 26 days give 13 of the 20 hours
    risk = miss_probability(Fraction(20), 26, 0.0, "ceil_half", cap_seconds=30 * 60)
    assert risk.most_per_day == Fraction(1, 2) and risk.days_to_spare < 0
    assert risk.p_miss == 1.0


def test_miss_probability_is_the_binomial_tail() -> None:
    """20 hours in 26 working days at one hour a day: missed when 7 or more days are lost."""
    p = 0.1
    expected = math.fsum(math.comb(26, k) * p**k * (1 - p) ** (26 - k) for k in range(7, 27))
    risk = miss_probability(Fraction(20), 26, p, "ceil_half", cap_seconds=3600)
    assert risk.p_miss == pytest.approx(expected, rel=1e-12)
    assert risk.p_miss == pytest.approx(0.0119, abs=5e-4)


def test_rounding_up_credits_a_full_hour_for_half_an_hour_and_a_second() -> None:
    """Under the provincial app's round-up rule (seed §3) a limit of 30 min 1 s credits as much
    as an hour; rounding down needs the full hour."""
    up = miss_probability(Fraction(20), 26, 0.1, "ceil_half", cap_seconds=HALF_HOUR + 1)
    down = miss_probability(Fraction(20), 26, 0.1, "floor_half", cap_seconds=HALF_HOUR + 1)
    assert up.most_per_day == 1 and down.most_per_day == Fraction(1, 2)
    assert up.p_miss < 0.02 and down.p_miss == 1.0


@settings(deadline=None)
@given(
    hours=st.integers(1, 40),
    days=st.integers(1, 60),
    p=st.floats(0, 1),
    dp=st.floats(0, 1),
    cap=st.integers(0, 4 * 3600),
    mode=st.sampled_from(["ceil_half", "floor_half", "exact"]),
)
def test_miss_probability_is_a_probability_rising_with_lost_days(
    hours, days, p, dp, cap, mode
) -> None:
    low = miss_probability(Fraction(hours), days, p, mode, cap_seconds=cap)
    high = miss_probability(Fraction(hours), days, min(1.0, p + dp), mode, cap_seconds=cap)
    assert 0.0 <= low.p_miss <= 1.0
    assert high.p_miss >= low.p_miss - 1e-12
    more_days = miss_probability(Fraction(hours), days + 5, p, mode, cap_seconds=cap)
    assert more_days.p_miss <= low.p_miss + 1e-12  # more days to catch up never hurt


def test_no_target_no_risk() -> None:
    assert deadline_risk(REG.default()) is None  # the default sets no study-hour target
    assert miss_probability(Fraction(0), 10, 0.5).p_miss == 0.0


@pytest.mark.parametrize("preset_id", ["district_20h_unit"])
def test_the_district_case_reports_the_deadline_risk_not_a_nightly_threshold(
    preset_id: str,
) -> None:
    s = presets()[preset_id].scenario()
    result = unit(s)
    assert result.cumulative_rule
    assert result.deadline is not None
    assert result.p_penalty_period == result.deadline.p_miss == result.p_penalty_year
    # the nightly-threshold simulation gives something else entirely
    assert result.threshold.p_penalty_period != result.p_penalty_period
    ceil = unit(REG.replace(s, rounding_mode="ceil_half"))
    assert ceil.deadline is not None and ceil.deadline.most_per_day == 1


def test_a_daily_quota_or_a_ranking_keeps_its_own_rule() -> None:
    s = presets()["district_20h_unit"].scenario()
    ranked = unit(REG.replace(s, rule="ranking"))
    assert not ranked.cumulative_rule and ranked.p_penalty_period == ranked.ranking.p_penalty_period
    quota = unit(REG.replace(s, quota_points=10, n_quota_apps=1))
    assert not quota.cumulative_rule


def test_the_unit_page_card_and_summary_speak_of_the_deadline() -> None:
    from explainer.ui.unit import UnitDashboard

    page = UnitDashboard("en")
    page.apply_query("preset=district_20h_unit&lang=en")
    assert "20 study hours by 2020-08-20" in page.headline.value
    assert "no nightly threshold" in page.summary.value
    page.apply_query("preset=district_20h_unit&lang=zh")
    assert "2020-08-20前学够20学时" in page.headline.value
