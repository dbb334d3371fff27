"""The whole unit: both rules, both readings of the miss rule, and runs on every preset."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.core.presets import presets_for
from explainer.core.spec import registry
from explainer.model.night import night
from explainer.model.unit import UnitResult, night_under_rule, unit


def scenario(**changes):
    reg = registry()
    return reg.replace(reg.default(), **changes)


def probabilities(u: UnitResult) -> dict[str, float]:
    """Every probability or share a unit result reports."""
    out = {
        "share_short_sleep": u.share_short_sleep,
        "share_after_midnight": u.share_after_midnight,
        "p_penalty_period": u.p_penalty_period,
        "p_penalty_year": u.p_penalty_year,
        "p_unit_veto": u.p_unit_veto,
    }
    for rule in (u.ranking, u.threshold):
        out[f"{rule.rule}.p_penalty_period"] = rule.p_penalty_period
        out[f"{rule.rule}.p_penalty_year"] = rule.p_penalty_year
        out[f"{rule.rule}.p_miss_night"] = rule.population.p_miss_night
        out[f"{rule.rule}.share_short_sleep"] = rule.population.share_short_sleep
        out[f"{rule.rule}.share_after_midnight"] = rule.population.share_after_midnight
    for reading, veto in u.vetoes.items():
        out[f"{reading}.p_person_visits"] = veto.p_person_visits
        out[f"{reading}.p_person_fail"] = veto.p_person_fail
        out[f"{reading}.p_unit_veto"] = veto.p_unit_veto
    return out


def assert_sane(u: UnitResult) -> None:
    for name, value in probabilities(u).items():
        assert 0.0 <= value <= 1.0, f"{name} = {value}"
    assert math.isfinite(u.night_minutes) and u.night_minutes >= 0
    assert u.ranking_extra_minutes >= 0
    assert len(u.cascade) == u.scenario.n_levels
    assert set(u.vetoes) == {"at_least", "more_than"}
    s = u.scenario
    for rule in (u.ranking, u.threshold):
        pop = rule.population
        assert pop.bedtime_counts.sum() == pytest.approx(s.n_staff * s.sim_days, rel=1e-9)
        assert pop.misses_per_person.shape == (s.n_staff,)


# ----------------------------------------------------------------------------- ranking risk
@pytest.mark.parametrize(
    ("n_staff", "k_bottom", "sim_days", "period_days"),
    [
        (30, 1, 365, 30),
        (5, 5, 365, 30),
        (5, 1, 30, 7),
        (1000, 3, 365, 90),
        (17, 2, 30, 90),
        (30, 1, 100, 30),
    ],
)
def test_ranking_risk_is_k_over_n(n_staff, k_bottom, sim_days, period_days) -> None:
    s = scenario(
        rule="ranking",
        n_staff=n_staff,
        k_bottom=k_bottom,
        sim_days=sim_days,
        period_days=period_days,
    )
    u = unit(s)
    p = k_bottom / n_staff
    periods = max(1, sim_days // period_days)
    assert u.ranking.p_penalty_period == pytest.approx(p, rel=1e-12)
    assert u.ranking.p_penalty_year == pytest.approx(1 - (1 - p) ** periods, rel=1e-12)
    assert u.p_penalty_period == u.ranking.p_penalty_period  # ranking is the active rule
    assert u.p_penalty_year == u.ranking.p_penalty_year
    # a year of monthly rankings in a 30-person unit: 1 − (29/30)^12 ≈ 33.5 %
    if (n_staff, k_bottom, sim_days, period_days) == (30, 1, 365, 30):
        assert u.p_penalty_year == pytest.approx(0.3343, abs=1e-4)


def test_ranking_risk_does_not_depend_on_effort() -> None:
    """The bottom places fall by lot: more apps or a later evening change nothing."""
    base = unit(scenario(rule="ranking"))
    heavier = unit(scenario(rule="ranking", n_apps=15, overtime_end="23:30"))
    assert heavier.p_penalty_period == base.p_penalty_period
    assert heavier.p_penalty_year == base.p_penalty_year
    assert heavier.night_minutes > base.night_minutes


def test_threshold_risk_comes_from_the_population() -> None:
    u = unit(scenario(rule="threshold"))
    assert u.p_penalty_period == u.threshold.population.p_penalty_period
    assert u.p_penalty_year == u.threshold.population.p_penalty_year
    assert u.active is u.threshold


# ----------------------------------------------------------------------------- ranking night
point_rules = st.fixed_dictionaries(
    {
        "quota_points": st.integers(0, 100),
        "pts_login": st.integers(0, 10),
        "pts_per_item": st.integers(0, 5),
        "item_points_cap": st.integers(0, 50),
        "minutes_per_item": st.integers(1, 30).map(lambda h: h / 2),
        "credit_by_time": st.booleans(),
        "minutes_per_time_point": st.integers(1, 15),
        "time_points_cap": st.integers(0, 100),
        "daily_max_points": st.integers(0, 200),
        "n_quota_apps": st.integers(0, 5),
        "n_apps": st.integers(0, 15),
        "study_hours_target": st.integers(0, 60).map(lambda h: h / 2),
        "unwatched_share": st.sampled_from([0.0, 0.5, 1.0]),
        "n_proxy_accounts": st.integers(0, 2),
    }
)


@settings(max_examples=60, deadline=None)
@given(changes=point_rules)
def test_ranking_night_is_never_shorter_than_threshold_night(changes) -> None:
    s = scenario(**changes)
    ranking, threshold = night_under_rule(s, "ranking"), night_under_rule(s, "threshold")
    assert ranking.night_minutes >= threshold.night_minutes
    assert threshold.night_minutes == night(s).night_minutes
    if ranking.quota is not None:  # everyone farms to the cap
        assert ranking.quota.reachable
        assert ranking.quota.points == ranking.quota.max_points


@pytest.mark.parametrize("preset", list(presets_for("unit")))
def test_ranking_adds_minutes_on_presets(preset: str) -> None:
    u = unit(presets_for("unit")[preset].scenario())
    assert u.ranking.night.night_minutes >= u.threshold.night.night_minutes
    assert u.ranking_extra_minutes >= 0


def test_default_ranking_farms_to_the_cap() -> None:
    """Default quota 14 of a possible 1 + 6 + 8 = 15: the ranking asks for the 15th point."""
    u = unit(scenario())
    assert u.threshold.night.quota.points == 14
    assert u.ranking.night.quota.points == 15
    assert u.ranking_extra_minutes > 0


# ----------------------------------------------------------------------------- veto
def test_shandong_village_veto_readings() -> None:
    """30 cadres, 2 visits a week, 5 % misses, one vetoed item: ≥3 vs >3 in a row.

    With every failure cancelling the award (p_veto_cancels = 1), as design/domain.md §6 has it.
    """
    s = scenario(
        n_staff=30,
        visits_per_week=2,
        q_miss_visit=0.05,
        run_threshold=3,
        veto_on=True,
        k_veto_items=1,
        p_veto_cancels=1.0,
    )
    u = unit(s)
    at_least, more_than = u.vetoes["at_least"], u.vetoes["more_than"]
    assert (at_least.run_length, more_than.run_length) == (3, 4)
    assert at_least.p_unit_veto == pytest.approx(0.305, abs=0.001)
    assert more_than.p_unit_veto == pytest.approx(0.0178, abs=0.0001)
    # one vetoed item: a person fails only through the visit rule
    assert at_least.p_person_fail == pytest.approx(at_least.p_person_visits, rel=1e-12)
    assert at_least.p_unit_veto == pytest.approx(1 - (1 - at_least.p_person_fail) ** 30)
    assert u.veto is at_least  # default reading
    assert u.veto_multiplier == pytest.approx(at_least.p_unit_veto / at_least.p_person_fail)


veto_params = st.fixed_dictionaries(
    {
        "n_staff": st.integers(5, 1000),
        "visits_per_week": st.integers(1, 7),
        "q_miss_visit": st.floats(0, 0.5),
        "run_threshold": st.integers(2, 6),
        "k_veto_items": st.integers(1, 20),
        "p_item_fail": st.floats(0, 0.1),
    }
)


@pytest.mark.parametrize("cancels", [0.0, 0.25, 0.5, 1.0])
def test_a_failure_cancels_the_award_only_with_its_chance(cancels: float) -> None:
    # Seed §4: one failure “直接影响甚至取消” the unit's award — a chance, not a certainty.
    u = unit(scenario(n_staff=30, k_veto_items=1, veto_on=True, p_veto_cancels=cancels))
    for veto in u.vetoes.values():
        expected = 1 - (1 - cancels * veto.p_person_fail) ** 30
        assert veto.p_unit_veto == pytest.approx(expected, rel=1e-12, abs=1e-15)
    assert (u.p_unit_veto == 0.0) == (cancels == 0.0)


def test_the_default_veto_is_a_chance_not_a_certainty() -> None:
    assert 0 < registry().default().p_veto_cancels < 1
    assert "assumption" in registry().params["p_veto_cancels"].number_source


@settings(max_examples=40, deadline=None)
@given(changes=veto_params)
def test_veto_readings_order_and_switch(changes) -> None:
    on = unit(scenario(sim_days=30, veto_on=True, p_veto_cancels=1.0, **changes))
    off = unit(scenario(sim_days=30, veto_on=False, p_veto_cancels=1.0, **changes))
    a, m = on.vetoes["at_least"], on.vetoes["more_than"]
    assert a.p_person_visits >= m.p_person_visits
    assert a.p_person_fail >= m.p_person_fail
    assert a.p_unit_veto >= m.p_unit_veto
    assert a.p_unit_veto >= a.p_person_fail  # a unit of ≥ 5 is at least as exposed as one
    for veto in off.vetoes.values():
        assert veto.p_unit_veto == 0.0
    assert off.p_unit_veto == 0.0 and off.veto_multiplier == 0.0
    # switching the veto off leaves each person's own risk as it was
    assert off.vetoes["at_least"].p_person_fail == a.p_person_fail
    assert_sane(on)


def test_no_missed_visits_no_run() -> None:
    u = unit(scenario(q_miss_visit=0.0, p_item_fail=0.0))
    for veto in u.vetoes.values():
        assert veto.p_person_visits == 0.0 and veto.p_person_fail == 0.0
        assert veto.p_unit_veto == 0.0


# ----------------------------------------------------------------------------- robustness
@pytest.mark.parametrize("preset", list(presets_for("unit")))
def test_unit_runs_on_every_unit_preset(preset: str) -> None:
    assert presets_for("unit"), "no unit presets"
    assert_sane(unit(presets_for("unit")[preset].scenario()))


FLIPPED = {
    "credit_by_time": False,
    "veto_on": False,
    "rule": "threshold",
    "run_reading": "more_than",
    "study_days": "working",
    "rounding_mode": "exact",
    "rounding_unit": "session",
    "study_hours_target": 20.0,
}

EXTREMES = {
    "smallest_unit": {"n_staff": 5, "k_bottom": 5},
    "largest_unit": {"n_staff": 1000},
    "shortest_run": {"sim_days": 30},
    "short_run_long_period": {"sim_days": 30, "period_days": 90, "misses_to_fail": 15},
    "never_miss_visit": {"q_miss_visit": 0.0},
    "often_miss_visit": {"q_miss_visit": 0.5, "run_threshold": 2, "visits_per_week": 7},
    "toggles_flipped": FLIPPED,
    "toggles_flipped_small": {**FLIPPED, "n_staff": 5, "sim_days": 30},
    "no_apps": {"n_apps": 0},
    "no_apps_at_the_top": {"n_apps": 1, "apps_added_per_level": 3, "n_levels": 6},
    "everything_max": {
        "n_apps": 15,
        "n_proxy_accounts": 5,
        "overtime_end": "23:45",
        "commute_min": 120,
        "work_chat_min": 120,
        "washing_min": 60,
        "free_sd_person_min": 120,
        "free_sd_night_min": 120,
        "speed_sd": 0.6,
        "hard_stop": "03:00",
        "rule": "threshold",
    },
    "no_spread": {"free_sd_person_min": 0, "free_sd_night_min": 0, "speed_sd": 0.0},
    "one_level": {"n_levels": 1},
    "steep_cascade": {"n_levels": 6, "alpha": 1.0, "deadline_shift_days": 10},
}


@pytest.mark.parametrize("name", list(EXTREMES))
def test_unit_runs_on_extreme_scenarios(name: str) -> None:
    assert_sane(unit(scenario(**EXTREMES[name])))


def test_unit_app_hours_are_never_negative() -> None:
    """Regression (fixed in ffd6a2f, see tests/model/test_population.py): with the earliest
    hard stop (23:00) the default evening is only free at 23:15, so most nights start after
    the stop; ``simulate`` counted them as negative app minutes and the unit's yearly app
    hours fell below its check-in hours alone (−2,194 h of nightly apps a year)."""
    u = unit(scenario(hard_stop="23:00", rule="threshold"))
    assert u.active.population.unit_app_hours >= 0
    assert u.unit_app_hours_year >= u.checkin_hours_year


def test_unit_is_deterministic() -> None:
    a, b = unit(scenario()), unit(scenario())
    assert probabilities(a) == probabilities(b)
    assert a.unit_app_hours_year == b.unit_app_hours_year
    assert a.cascade.equals(b.cascade)


def test_a_late_evening_counts_as_short_sleep_under_a_hard_stop() -> None:
    """BUG (see test_population.py::test_nobody_is_in_bed_before_the_evening_is_over): with
    overtime to 23:45 the evening is over at 01:15 (01:30 after washing), yet with a 23:00
    hard stop the unit reports 0 % short nights and 0 % after midnight, and its bedtime
    histogram puts everyone to bed at 23:00."""
    s = scenario(
        overtime_end="23:45",
        hard_stop="23:00",
        rule="threshold",
        free_sd_person_min=0,
        free_sd_night_min=0,
        speed_sd=0.0,
    )
    u = unit(s)
    assert u.free_at > 24 * 60
    assert u.share_after_midnight == 1.0
    assert u.share_short_sleep == 1.0
