"""The vectorised unit simulation against a plain per-person, per-night reference.

The reference below replays the same seeded draws as :func:`simulate` (same Generator calls in
the same order) and then walks every person-night in ordinary Python: finish time, missed
night, failed period, short night, after midnight. ``simulate`` must agree with it exactly on
every count; its expected histogram and unit app hours must agree with the realised values
within a small tolerance.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.model.population import (
    HIST_END,
    HIST_START,
    HIST_STEP,
    PopulationInputs,
    _normal_table,
    simulate,
)

MIDNIGHT = 24 * 60


# ----------------------------------------------------------------------------- reference
@dataclass
class Reference:
    misses: list[int]
    failed: list[int]
    short: int
    late: int
    bedtimes: np.ndarray  # N×D realised bedtimes (threshold: cut at the hard stop)
    app_minutes: list[float]  # per person per night, at the person's speed
    app_done: float  # Σ min(app, stop − start): goes negative for nights free after the stop
    app_done_clamped: float  # Σ max(0, min(app, stop − start)): app minutes actually done


def reference(p: PopulationInputs) -> Reference:
    """Per-person, per-night loop over the same draws as ``simulate``."""
    rng = np.random.default_rng(p.seed)
    n, d = p.n_staff, p.days
    z_speed = rng.standard_normal(n)
    z_offset = rng.standard_normal(n)
    raw = rng.bit_generator.random_raw(math.ceil(n * d / 8)).view(np.uint8)
    noise_index = raw[: n * d].reshape(n, d)
    table = [float(x) for x in _normal_table() * p.free_sd_night]

    threshold = p.rule == "threshold"
    sleep_limit = p.wake_at - p.sleep_need
    if d >= p.period_days:
        periods, length = d // p.period_days, p.period_days
    else:  # fewer nights than a period: the run is one (short) period
        periods, length = 1, d

    misses, failed, apps = [], [], []
    short = late = 0
    done = done_clamped = 0.0
    bedtimes = np.empty((n, d))
    for i in range(n):
        speed = math.exp(p.speed_sd * float(z_speed[i]) - p.speed_sd**2 / 2)
        offset = p.free_sd_person * float(z_offset[i])
        app = p.app_minutes * speed
        apps.append(app)
        missed = []
        for j in range(d):
            noise = table[int(noise_index[i, j])]
            start = p.free_at + offset + p.washing + noise  # apps begin
            finish = p.free_at + offset + p.washing + app + noise
            if threshold:
                missed.append(finish > p.hard_stop)
                bedtime = max(start, min(finish, p.hard_stop))  # never before free
                done += min(app, p.hard_stop - start)
                done_clamped += max(0.0, min(app, p.hard_stop - start))
            else:
                bedtime = finish
                done += app
                done_clamped += app
            bedtimes[i, j] = bedtime
            short += bedtime > sleep_limit
            late += bedtime > MIDNIGHT
        misses.append(sum(missed))
        failed.append(
            sum(
                sum(missed[k * length : (k + 1) * length]) >= p.misses_to_fail
                for k in range(periods)
            )
            if threshold
            else 0
        )
    return Reference(misses, failed, short, late, bedtimes, apps, done, done_clamped)


def inputs(**changes) -> PopulationInputs:
    """Default-like inputs: free at 23:00, 15 min washing, an hour of apps, up at 06:30."""
    base = dict(
        n_staff=7,
        days=45,
        free_at=23 * 60,
        free_sd_person=30.0,
        free_sd_night=45.0,
        washing=15.0,
        app_minutes=60.0,
        speed_sd=0.2,
        wake_at=MIDNIGHT + 6 * 60 + 30,
        sleep_need=420.0,
        rule="threshold",
        hard_stop=25 * 60,
        period_days=30,
        misses_to_fail=1,
        seed=2020,
    )
    base.update(changes)
    return PopulationInputs(**base)


CASES = {
    "default": inputs(),
    "ranking": inputs(rule="ranking"),
    "three_misses_weekly": inputs(period_days=7, misses_to_fail=3, seed=7),
    "wide_spreads": inputs(free_sd_person=120.0, free_sd_night=120.0, speed_sd=0.6, seed=11),
    "wide_ranking": inputs(rule="ranking", free_sd_person=120.0, free_sd_night=120.0, seed=11),
    "zero_spreads": inputs(free_sd_person=0.0, free_sd_night=0.0, speed_sd=0.0),
    "zero_spreads_late": inputs(
        free_sd_person=0.0, free_sd_night=0.0, speed_sd=0.0, app_minutes=150.0
    ),
    # finish is exactly the hard stop (23:00 + 15 + 105 = 01:00): not a miss (strictly later)
    "zero_spreads_tie": inputs(
        free_sd_person=0.0, free_sd_night=0.0, speed_sd=0.0, app_minutes=105.0
    ),
    "zero_night_noise": inputs(free_sd_night=0.0, seed=3),
    "zero_person_spread": inputs(free_sd_person=0.0, speed_sd=0.0, seed=4),
    "stop_before_sleep_limit": inputs(hard_stop=23 * 60 + 15, app_minutes=30.0),
    "stop_before_midnight": inputs(hard_stop=23 * 60 + 50, free_sd_night=20.0),
    # the stop exactly at the sleep limit (06:30 − 7 h = 23:30) and exactly at midnight
    "stop_at_sleep_limit": inputs(hard_stop=23 * 60 + 30, free_sd_night=60.0),
    "stop_at_midnight": inputs(hard_stop=MIDNIGHT, free_sd_night=60.0),
    "days_below_period": inputs(days=20, period_days=30, misses_to_fail=2),
    "days_not_multiple": inputs(days=45, period_days=14, misses_to_fail=2, seed=5),
    "one_person_one_night": inputs(n_staff=1, days=1, app_minutes=120.0),
    "odd_sizes": inputs(n_staff=3, days=13, period_days=7, seed=99),
    "everyone_misses": inputs(app_minutes=400.0, free_sd_night=10.0),
    "high_bar": inputs(misses_to_fail=15, app_minutes=120.0),
}


@pytest.mark.parametrize("name", list(CASES))
def test_simulate_matches_per_night_reference(name: str) -> None:
    p = CASES[name]
    got = simulate(p)
    ref = reference(p)
    total = p.n_staff * p.days

    np.testing.assert_array_equal(got.misses_per_person, ref.misses)
    np.testing.assert_array_equal(got.failed_periods_per_person, ref.failed)
    assert got.share_short_sleep == ref.short / total
    assert got.share_after_midnight == ref.late / total
    assert got.p_miss_night == sum(ref.misses) / total
    assert got.p_penalty_year == sum(f > 0 for f in ref.failed) / p.n_staff
    np.testing.assert_allclose(got.app_minutes_per_person, ref.app_minutes, rtol=1e-12)
    assert got.misses_per_person.shape == got.failed_periods_per_person.shape == (p.n_staff,)


def test_reference_cases_are_not_trivial() -> None:
    """The cases above exercise misses, failures, short and late nights, and ties."""
    refs = {name: reference(p) for name, p in CASES.items()}
    assert sum(refs["default"].misses) > 0
    assert 0 < sum(refs["three_misses_weekly"].failed) < 7 * 6
    assert refs["everyone_misses"].misses == [45] * 7
    assert sum(refs["zero_spreads_tie"].misses) == 0
    assert refs["zero_spreads_late"].misses == [45] * 7
    assert sum(refs["stop_at_sleep_limit"].misses) > 0
    assert sum(refs["stop_at_midnight"].misses) > 0
    assert refs["default"].short > 0 and refs["default"].late > 0
    assert sum(refs["days_below_period"].failed) > 0


def test_period_edges_with_exact_nights() -> None:
    """Periods: only full periods count; fewer nights than one period make one period."""
    # Zero spreads, quota finishing at 01:00 + 1 min: every night is a miss.
    every = dict(free_sd_person=0.0, free_sd_night=0.0, speed_sd=0.0, app_minutes=106.0)
    got = simulate(inputs(days=45, period_days=30, **every))
    assert list(got.misses_per_person) == [45] * 7
    assert list(got.failed_periods_per_person) == [1] * 7  # 45 // 30 = 1 full period
    assert got.periods == 1 and got.p_penalty_period == 1.0
    got = simulate(inputs(days=20, period_days=30, misses_to_fail=20, **every))
    assert list(got.failed_periods_per_person) == [1] * 7
    got = simulate(inputs(days=20, period_days=30, misses_to_fail=21, **every))
    assert list(got.failed_periods_per_person) == [0] * 7
    got = simulate(inputs(days=63, period_days=7, misses_to_fail=7, **every))
    assert list(got.failed_periods_per_person) == [9] * 7
    assert got.p_penalty_period == 1.0 and got.p_penalty_year == 1.0


# ----------------------------------------------------------------------------- expectations
BIG = dict(n_staff=60, days=365)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"rule": "ranking"},
        {"free_sd_night": 20.0, "speed_sd": 0.4, "seed": 8},
        {"rule": "ranking", "app_minutes": 150.0, "seed": 9},
        {"hard_stop": 24 * 60 + 10, "seed": 10},
    ],
)
def test_expected_histogram_matches_realised_bedtimes(changes: dict) -> None:
    p = inputs(**BIG, **changes)
    got = simulate(p)
    ref = reference(p)
    counts = got.bedtime_counts
    bins = got.bedtime_bins()
    assert counts.shape == bins.shape == ((HIST_END - HIST_START) // HIST_STEP,)
    assert np.all(counts >= 0)
    assert counts.sum() == pytest.approx(p.n_staff * p.days, rel=1e-9)
    # The histogram keeps bedtimes outside 20:00-04:00 in its edge bins; so does the reference.
    realised = np.clip(ref.bedtimes, HIST_START, HIST_END - 1)
    expected_mean = float(counts @ (bins + HIST_STEP / 2) / counts.sum())
    assert expected_mean == pytest.approx(realised.mean(), abs=2.0)
    # and the shape: the share of person-nights in bed after midnight, within 2 points
    after = counts[bins >= MIDNIGHT].sum() / counts.sum()
    assert after == pytest.approx((realised >= MIDNIGHT).mean(), abs=0.02)


def test_histogram_piles_the_tails_into_the_edge_bins() -> None:
    p = inputs(rule="ranking", app_minutes=600.0, free_sd_night=5.0, free_sd_person=0.0)
    got = simulate(p)
    assert got.bedtime_counts[-1] == pytest.approx(p.n_staff * p.days)
    p = inputs(
        rule="ranking",
        free_at=17 * 60,
        app_minutes=0.0,
        washing=0.0,
        free_sd_night=5.0,
        free_sd_person=0.0,
    )
    got = simulate(p)
    assert got.bedtime_counts[0] == pytest.approx(p.n_staff * p.days)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"app_minutes": 150.0, "seed": 1},
        {"free_sd_night": 90.0, "speed_sd": 0.5, "seed": 2},
        {"hard_stop": 24 * 60 + 30, "free_sd_person": 10.0, "free_sd_night": 20.0},
        {"free_sd_person": 0.0, "free_sd_night": 0.0, "speed_sd": 0.0, "app_minutes": 150.0},
    ],
)
def test_unit_app_hours_threshold_counts_minutes_before_the_stop(changes: dict) -> None:
    p = inputs(**BIG, **changes)
    got = simulate(p)
    ref = reference(p)
    # Σ over person-nights of max(0, min(app, stop − start)): the minutes before the stop.
    assert got.unit_app_hours * 60 == pytest.approx(ref.app_done_clamped, rel=0.01)
    assert got.unit_app_hours * 60 <= sum(ref.app_minutes) * p.days + 1e-6


@pytest.mark.parametrize("changes", [{}, {"app_minutes": 150.0, "speed_sd": 0.6, "seed": 3}])
def test_unit_app_hours_ranking_is_every_app_minute(changes: dict) -> None:
    p = inputs(**BIG, rule="ranking", **changes)
    got = simulate(p)
    exact = sum(reference(p).app_minutes) * p.days
    assert got.unit_app_hours * 60 == pytest.approx(exact, rel=1e-12)


@pytest.mark.parametrize(
    "changes",
    [
        # Free (after washing) at 23:15 every night, hard stop 23:00: no app minute is possible.
        {"free_sd_person": 0.0, "free_sd_night": 0.0, "speed_sd": 0.0, "hard_stop": 23 * 60},
        # The default spreads with the earliest hard stop the parameters allow (23:00).
        {"hard_stop": 23 * 60, **BIG},
    ],
)
def test_unit_app_hours_are_never_negative(changes: dict) -> None:
    """A person free only after the hard stop does no app minutes, not negative ones.

    Regression (fixed in ffd6a2f): ``simulate`` counted ``app − max(finish − stop, 0) =
    min(app, stop − start)``, below zero when the apps would start after the stop; it must be
    ``max(0, min(app, stop − start))``. Reachable from a valid scenario: ``hard_stop=23:00``
    with the default evening (free 23:00 + 15 min washing) and ``rule=threshold``.
    """
    p = inputs(**changes)
    got = simulate(p)
    ref = reference(p)
    assert ref.app_done < ref.app_done_clamped  # the case has nights that start after the stop
    assert got.unit_app_hours >= 0
    assert got.unit_app_hours * 60 == pytest.approx(ref.app_done_clamped, rel=0.01, abs=1.0)


# ----------------------------------------------------------------------------- seeds
def test_same_seed_same_result() -> None:
    p = inputs(n_staff=40, days=120)
    a, b = simulate(p), simulate(p)
    for field in dataclasses.fields(a):
        x, y = getattr(a, field.name), getattr(b, field.name)
        if isinstance(x, np.ndarray):
            np.testing.assert_array_equal(x, y)
        else:
            assert x == y


def test_different_seed_different_draws() -> None:
    a = simulate(inputs(n_staff=40, days=120, seed=1))
    b = simulate(inputs(n_staff=40, days=120, seed=2))
    assert not np.array_equal(a.app_minutes_per_person, b.app_minutes_per_person)
    assert not np.array_equal(a.misses_per_person, b.misses_per_person)
    assert not np.array_equal(a.bedtime_counts, b.bedtime_counts)


def test_rule_does_not_change_the_draws() -> None:
    a = simulate(inputs(rule="threshold"))
    b = simulate(inputs(rule="ranking"))
    np.testing.assert_array_equal(a.app_minutes_per_person, b.app_minutes_per_person)
    # Ranking never stops early, so it has at least as many short and late nights.
    assert b.share_short_sleep >= a.share_short_sleep
    assert b.share_after_midnight >= a.share_after_midnight


def test_normal_table_is_a_sorted_symmetric_quantile_table() -> None:
    table = _normal_table()
    assert table.shape == (256,)
    assert np.all(np.diff(table) > 0)
    np.testing.assert_allclose(table, -table[::-1], atol=1e-12)
    assert abs(table.mean()) < 1e-12
    assert table.std() == pytest.approx(1.0, abs=0.01)


# ----------------------------------------------------------------------------- properties
population = st.fixed_dictionaries(
    {
        "n_staff": st.integers(1, 12),
        "days": st.integers(1, 40),
        "free_at": st.floats(20 * 60, 24 * 60),
        "free_sd_person": st.sampled_from([0.0, 15.0, 60.0]),
        "free_sd_night": st.sampled_from([0.0, 20.0, 45.0, 120.0]),
        "washing": st.floats(0, 60),
        "app_minutes": st.floats(0, 240),
        "speed_sd": st.sampled_from([0.0, 0.2, 0.6]),
        "hard_stop": st.floats(23 * 60, 27 * 60),
        "period_days": st.integers(7, 30),
        "misses_to_fail": st.integers(1, 5),
        "seed": st.integers(0, 2**32 - 1),
    }
)


@settings(max_examples=40, deadline=None)
@given(
    params=population,
    rule=st.sampled_from(["threshold", "ranking"]),
    more_apps=st.floats(0, 120),
    later=st.floats(0, 120),
)
def test_more_apps_or_later_free_never_helps(params, rule, more_apps, later) -> None:
    p = inputs(rule=rule, **params)
    base = simulate(p)
    for q in (
        dataclasses.replace(p, app_minutes=p.app_minutes + more_apps),
        dataclasses.replace(p, free_at=p.free_at + later),
    ):
        worse = simulate(q)
        assert worse.p_miss_night >= base.p_miss_night
        assert worse.share_short_sleep >= base.share_short_sleep
        assert worse.share_after_midnight >= base.share_after_midnight
        assert worse.p_penalty_period >= base.p_penalty_period
        assert np.all(worse.misses_per_person >= base.misses_per_person)


@settings(max_examples=25, deadline=None)
@given(params=population)
def test_ranking_has_no_misses_or_penalties(params) -> None:
    got = simulate(inputs(rule="ranking", **params))
    assert got.p_miss_night == 0.0
    assert got.p_penalty_period == 0.0 and got.p_penalty_year == 0.0
    assert not got.misses_per_person.any() and not got.failed_periods_per_person.any()
    assert 0.0 <= got.share_short_sleep <= 1.0 and 0.0 <= got.share_after_midnight <= 1.0


@settings(max_examples=25, deadline=None)
@given(params=population, rule=st.sampled_from(["threshold", "ranking"]))
def test_random_inputs_match_reference(params, rule) -> None:
    p = inputs(rule=rule, **params)
    got, ref = simulate(p), reference(p)
    np.testing.assert_array_equal(got.misses_per_person, ref.misses)
    np.testing.assert_array_equal(got.failed_periods_per_person, ref.failed)
    assert got.share_short_sleep == ref.short / (p.n_staff * p.days)
    assert got.share_after_midnight == ref.late / (p.n_staff * p.days)
    assert got.bedtime_counts.sum() == pytest.approx(p.n_staff * p.days, rel=1e-9)


def test_nobody_is_in_bed_before_the_evening_is_over() -> None:
    """Regression: under the threshold rule a night that is free only after the hard stop was
    given the hard stop as its bedtime — *before* the person was free.

    Here the evening (with washing) ends at 00:45 every night and the stop is 23:00: every
    night is missed (right), but ``simulate`` reports bedtime 23:00 for all of them, so no
    night counts as short (sleep limit 06:30 − 7 h = 23:30) or after midnight. Giving up at
    the stop cannot put a person to bed before the apps would even start: the bedtime should
    be ``max(start, min(finish, stop))``, as the reference above computes it.
    """
    p = inputs(
        free_at=MIDNIGHT + 30,
        free_sd_person=0.0,
        free_sd_night=0.0,
        speed_sd=0.0,
        hard_stop=23 * 60,
    )
    got = simulate(p)
    total = p.n_staff * p.days
    assert got.p_miss_night == 1.0
    assert got.share_after_midnight == 1.0
    assert got.share_short_sleep == 1.0
    in_bed = got.bedtime_bins()[got.bedtime_counts > 0]
    assert list(in_bed) == [MIDNIGHT + 45]
    assert got.bedtime_counts.sum() == pytest.approx(total)
