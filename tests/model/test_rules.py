"""Point crediting and the study-hour rounding rule (design/domain.md §3)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction
from itertools import combinations_with_replacement
from unittest import mock

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from explainer.model import rules
from explainer.model.rules import (
    PointRule,
    credited_day,
    credited_hours,
    least_seconds_for_credit,
    minutes_to_seconds,
    seconds_for_quota,
    study_days_in_window,
    study_target,
)

MODES = ("ceil_half", "floor_half", "exact")
F = Fraction


# ----------------------------------------------------------------------------- credited_hours
# (seconds, ceil_half, floor_half, exact) — the ceil_half column is the table in domain.md §3.
EDGES = [
    (0, F(0), F(0), F(0)),
    (1, F(1, 2), F(0), F(1, 3600)),
    (1799, F(1, 2), F(0), F(1799, 3600)),
    (1800, F(1, 2), F(1, 2), F(1, 2)),
    (1801, F(1), F(1, 2), F(1801, 3600)),
    (3600, F(1), F(1), F(1)),
    (3601, F(3, 2), F(1), F(3601, 3600)),
    (3636, F(3, 2), F(1), F(101, 100)),  # 1.01 h
    (3660, F(3, 2), F(1), F(61, 60)),  # 61 min
    (5400, F(3, 2), F(3, 2), F(3, 2)),
    (5401, F(2), F(3, 2), F(5401, 3600)),  # 1.5 h + 1 s
]


@pytest.mark.parametrize(("seconds", "ceil", "floor", "exact"), EDGES, ids=lambda v: str(v))
def test_credited_hours_edges(seconds: int, ceil: F, floor: F, exact: F) -> None:
    for mode, expected in (("ceil_half", ceil), ("floor_half", floor), ("exact", exact)):
        got = credited_hours(seconds, mode)
        assert isinstance(got, Fraction), mode
        assert got == expected, (seconds, mode, got)


def test_credited_hours_default_mode_is_the_provincial_rule() -> None:
    assert credited_hours(1801) == 1


@pytest.mark.parametrize("mode", MODES)
def test_credited_hours_rejects_negative(mode: str) -> None:
    with pytest.raises(ValueError):
        credited_hours(-1, mode)


@given(seconds=st.integers(0, 10 * 3600), mode=st.sampled_from(MODES))
def test_credited_hours_brackets_the_time(seconds: int, mode: str) -> None:
    hours = credited_hours(seconds, mode)
    exact = F(seconds, 3600)
    assert credited_hours(seconds + 1, mode) >= hours  # never falls with more time
    if mode == "ceil_half":
        assert exact <= hours < exact + F(1, 2)
        assert (hours * 2).denominator == 1
    elif mode == "floor_half":
        assert exact - F(1, 2) < hours <= exact
        assert (hours * 2).denominator == 1
    else:
        assert hours == exact


# ----------------------------------------------------------------------------- per day / session
def test_float_drift_case_stays_at_half_an_hour() -> None:
    # Nine sessions of 200 s are exactly 1800 s; in float hours they add up past 0.5.
    assert sum([200 / 3600] * 9) > 0.5  # the hazard this module avoids
    assert credited_day([200] * 9, "ceil_half", "day") == F(1, 2)
    assert credited_day([200] * 9, "floor_half", "day") == F(1, 2)
    assert credited_day([200] * 9, "exact", "day") == F(1, 2)
    assert credited_day([200] * 9, "ceil_half", "session") == F(9, 2)


def test_six_one_minute_sessions() -> None:
    assert credited_day([60] * 6, "ceil_half", "session") == 3
    assert credited_day([60] * 6, "ceil_half", "day") == F(1, 2)
    assert credited_day([60] * 6, "floor_half", "session") == 0
    assert credited_day([60] * 6, "floor_half", "day") == 0
    assert credited_day([60] * 6, "exact", "session") == credited_day([60] * 6, "exact", "day")


def test_credited_day_without_sessions_is_zero() -> None:
    for mode in MODES:
        for unit in ("day", "session"):
            assert credited_day([], mode, unit) == 0


@given(sessions=st.lists(st.integers(0, 3 * 3600), max_size=8), mode=st.sampled_from(MODES))
def test_rounding_unit_order(sessions: list[int], mode: str) -> None:
    day = credited_day(sessions, mode, "day")
    per_session = credited_day(sessions, mode, "session")
    if mode == "ceil_half":
        assert per_session >= day  # rounding each session up rewards splitting
    elif mode == "floor_half":
        assert per_session <= day  # rounding each down never does
    else:
        assert per_session == day == F(sum(sessions), 3600)


# ----------------------------------------------------------------------------- least seconds
def _compositions(total: int, parts: int):
    """Every way to split ``total`` seconds into 1..``parts`` sessions of ≥ 1 s (as multisets)."""
    if total == 0:
        yield ()
        return
    for k in range(1, min(parts, total) + 1):
        yield from _partitions(total, k, total)


def _partitions(total: int, k: int, largest: int):
    if k == 1:
        if 1 <= total <= largest:
            yield (total,)
        return
    for first in range(min(largest, total - (k - 1)), 0, -1):
        for rest in _partitions(total - first, k - 1, first):
            yield (first, *rest)


def _best_split_credit(total: int, mode: str, unit: str, sessions: int) -> Fraction:
    """Brute force: the most credit any split of ``total`` seconds can earn."""
    if unit == "day":
        return credited_hours(total, mode)
    return max(
        credited_day(list(split), mode, "session") for split in _compositions(total, sessions)
    )


def test_compositions_helper_is_complete() -> None:
    assert sorted(_compositions(4, 4)) == sorted([(4,), (3, 1), (2, 2), (2, 1, 1), (1, 1, 1, 1)])
    assert sorted(_compositions(4, 2)) == sorted([(4,), (3, 1), (2, 2)])


@pytest.mark.parametrize(
    ("hours", "mode", "unit", "sessions", "expected"),
    [
        (F(0), "ceil_half", "day", 1, 0),
        (F(1, 2), "ceil_half", "day", 1, 1),
        (F(1), "ceil_half", "day", 1, 1801),
        (F(1), "floor_half", "day", 1, 3600),
        (F(1), "exact", "day", 1, 3600),
        (F(1, 3), "exact", "day", 1, 1200),
        (F(1, 7), "exact", "day", 1, 515),  # 514.28… s rounded up
        (F(3), "ceil_half", "session", 6, 6),
        (F(3), "ceil_half", "session", 4, 2 * 1800 + 4),
        (F(1), "floor_half", "session", 6, 3600),
    ],
)
def test_least_seconds_for_credit_examples(hours, mode, unit, sessions, expected) -> None:
    assert least_seconds_for_credit(hours, mode, unit, sessions) == expected


hours_strategy = st.builds(Fraction, st.integers(0, 24), st.integers(1, 12)).filter(
    lambda h: h <= 12
)


@settings(max_examples=150)
@given(
    hours=hours_strategy,
    mode=st.sampled_from(MODES),
    unit=st.sampled_from(("day", "session")),
    sessions=st.integers(1, 10),
)
def test_least_seconds_for_credit_is_enough_and_least(hours, mode, unit, sessions) -> None:
    need = least_seconds_for_credit(hours, mode, unit, sessions)
    assert need >= 0
    best = rules._best_credit if unit == "session" else (lambda s, m, _n: credited_hours(s, m))
    assert best(need, mode, sessions) >= hours
    if hours > 0:
        assert need > 0
        assert best(need - 1, mode, sessions) < hours
    else:
        assert need == 0


@settings(max_examples=120, deadline=None)
@given(halves=st.integers(1, 10), sessions=st.integers(1, 10))
def test_per_session_ceil_half_brute_force_small(halves: int, sessions: int) -> None:
    # Real half hours: when few enough half hours are needed, one-second sessions are the
    # optimum, so the least time is tiny and every split of it can be enumerated.
    assume(halves <= sessions)
    hours = F(halves, 2)
    need = least_seconds_for_credit(hours, "ceil_half", "session", sessions)
    assert _best_split_credit(need, "ceil_half", "session", sessions) >= hours
    assert _best_split_credit(need - 1, "ceil_half", "session", sessions) < hours


@settings(max_examples=120, deadline=None)
@given(
    half=st.integers(3, 6),
    hours=st.builds(Fraction, st.integers(1, 12), st.sampled_from((1, 2, 3, 4))),
    mode=st.sampled_from(("ceil_half", "floor_half")),
    unit=st.sampled_from(("day", "session")),
    sessions=st.integers(1, 4),
)
def test_least_seconds_brute_force_on_a_shrunken_clock(half, hours, mode, unit, sessions) -> None:
    # Shrink the half hour to a few seconds so that every split can be enumerated.
    assume(hours <= 3)
    with mock.patch.object(rules, "HALF_HOUR", half):
        assert credited_hours(half, "ceil_half") == F(1, 2)  # the patch took effect
        assert credited_hours(half + 1, "ceil_half") == 1
        need = least_seconds_for_credit(hours, mode, unit, sessions)
        assert _best_split_credit(need, mode, unit, sessions) >= hours
        assert _best_split_credit(need - 1, mode, unit, sessions) < hours
        assert rules._best_credit(need, mode, sessions if unit == "session" else 1) == (
            _best_split_credit(need, mode, unit, sessions)
        )


@settings(max_examples=100, deadline=None)
@given(
    half=st.integers(3, 6),
    total=st.integers(0, 30),
    mode=st.sampled_from(("ceil_half", "floor_half")),
    sessions=st.integers(1, 4),
)
def test_best_credit_matches_brute_force(half, total, mode, sessions) -> None:
    with mock.patch.object(rules, "HALF_HOUR", half):
        assert rules._best_credit(total, mode, sessions) == _best_split_credit(
            total, mode, "session", sessions
        )


def test_per_session_rule_rewards_splitting() -> None:
    one = least_seconds_for_credit(F(3), "ceil_half", "session", 1)
    six = least_seconds_for_credit(F(3), "ceil_half", "session", 6)
    assert one == 5 * 1800 + 1
    assert six == 6


# ----------------------------------------------------------------------------- study days
def _brute_days(start: dt.date, end: dt.date, days: str) -> int:
    count, day = 0, start
    while day <= end:
        if days == "all" or day.weekday() < 5:
            count += 1
        day += dt.timedelta(days=1)
    return count


@given(
    start=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
    span=st.integers(-10, 800),
    days=st.sampled_from(("all", "working")),
)
def test_study_days_in_window_matches_day_loop(start: dt.date, span: int, days: str) -> None:
    end = start + dt.timedelta(days=span)
    assert study_days_in_window(start, end, days) == _brute_days(start, end, days)


def test_district_window_days() -> None:
    start, end = dt.date(2020, 7, 16), dt.date(2020, 8, 20)
    assert study_days_in_window(start, end, "all") == 36
    assert study_days_in_window(start, end, "working") == 26
    assert study_days_in_window(start, start, "all") == 1
    assert study_days_in_window(dt.date(2020, 7, 18), dt.date(2020, 7, 19), "working") == 0
    assert study_days_in_window(end, start, "all") == 0


def test_district_study_target() -> None:
    start, end = dt.date(2020, 7, 16), dt.date(2020, 8, 20)
    floor = study_target(F(20), start, end, "working", "floor_half", cap_seconds=3600)
    assert floor.days == 26
    assert floor.hours_per_day == F(10, 13)
    assert floor.seconds_per_day == 3600  # the article's "about an hour every day"
    assert floor.exact_seconds_per_day == 2770  # 10/13 h = 2769.2… s, rounded up
    assert floor.reachable
    ceil = study_target(F(20), start, end, "working", "ceil_half", cap_seconds=3600)
    assert ceil.seconds_per_day == 1801  # 30 min 1 s under the literal round-up rule
    every = study_target(F(20), start, end, "all", "ceil_half")
    assert every.days == 36
    assert every.hours_per_day == F(5, 9)
    assert every.seconds_per_day == 1801


def test_study_target_unreachable_under_cap() -> None:
    start, end = dt.date(2020, 7, 16), dt.date(2020, 8, 20)
    target = study_target(F(100), start, end, "working", "floor_half", cap_seconds=3600)
    assert not target.reachable
    assert target.seconds_per_day > target.cap_seconds
    # Per-session rounding lets the same cap credit more.
    split = study_target(F(40), start, end, "working", "ceil_half", "session", 6, 3600)
    assert split.hours_per_day == F(20, 13)
    assert split.reachable


def test_study_target_zero_hours_and_empty_window() -> None:
    start = dt.date(2020, 7, 18)  # a Saturday
    none = study_target(F(0), start, start, "all")
    assert (none.seconds_per_day, none.reachable) == (0, True)
    empty = study_target(F(5), start, start + dt.timedelta(days=1), "working")
    assert empty.days == 0
    assert not empty.reachable


@settings(max_examples=120, deadline=None)
@given(
    hours=st.integers(1, 200).map(lambda n: F(n, 2)),
    start=st.dates(dt.date(2020, 1, 1), dt.date(2021, 1, 1)),
    span=st.integers(0, 120),
    days=st.sampled_from(("all", "working")),
    mode=st.sampled_from(MODES),
    unit=st.sampled_from(("day", "session")),
    sessions=st.integers(1, 10),
    cap=st.integers(0, 48).map(lambda k: k * 300),
)
def test_study_target_reachable_iff_need_fits_cap(
    hours, start, span, days, mode, unit, sessions, cap
) -> None:
    target = study_target(
        hours, start, start + dt.timedelta(days=span), days, mode, unit, sessions, cap
    )
    assume(target.days > 0)
    assert target.hours_per_day * target.days == hours
    assert target.reachable == (target.seconds_per_day <= cap)
    if mode != "ceil_half":
        # Without rounding up, the rule never credits more than the time itself.
        assert target.seconds_per_day >= target.exact_seconds_per_day


# ----------------------------------------------------------------------------- points
@st.composite
def point_rules(draw: st.DrawFn) -> PointRule:
    return PointRule(
        login=draw(st.integers(0, 10)),
        per_item=draw(st.integers(0, 5)),
        item_seconds=draw(st.integers(1, 20)) * 30,
        item_cap=draw(st.integers(0, 50)),
        credit_by_time=draw(st.booleans()),
        seconds_per_time_point=draw(st.integers(2, 30)) * 30,
        time_cap=draw(st.integers(0, 100)),
        daily_max=draw(st.integers(0, 200)),
    )


DEFAULT_RULE = PointRule(
    login=1,
    per_item=1,
    item_seconds=180,
    item_cap=6,
    credit_by_time=True,
    seconds_per_time_point=240,
    time_cap=8,
    daily_max=64,
)


def test_default_rule_points() -> None:
    assert DEFAULT_RULE.points_after(0) == 1
    assert DEFAULT_RULE.points_after(179) == 1
    assert DEFAULT_RULE.points_after(180) == 2
    assert DEFAULT_RULE.points_after(240) == 3
    assert DEFAULT_RULE.points_after(1680) == 14  # 6 items + 7 time points + login
    assert DEFAULT_RULE.points_after(10**6) == 15
    assert DEFAULT_RULE.seconds_to_saturate() == 1920


@settings(max_examples=150)
@given(rule=point_rules(), seconds=st.integers(0, 20_000))
def test_points_never_exceed_caps(rule: PointRule, seconds: int) -> None:
    points = rule.points_after(seconds)
    time_cap = rule.time_cap if rule.credit_by_time else 0
    assert 0 <= points <= rule.daily_max
    assert points <= rule.login + rule.item_cap + time_cap
    assert points >= min(rule.daily_max, rule.login)  # the login bonus always counts
    assert rule.points_after(seconds + 1) >= points  # more time never loses points


@settings(max_examples=150)
@given(rule=point_rules(), seconds=st.integers(0, 20_000))
def test_score_steps_only_at_breakpoints(rule: PointRule, seconds: int) -> None:
    saturate = rule.seconds_to_saturate()
    assert rule.points_after(saturate) == rule.points_after(saturate + 10**6)
    steps = rule.breakpoints()
    assert steps == sorted(set(steps)) and steps[0] == 0
    last = max(t for t in steps if t <= seconds)
    assert rule.points_after(seconds) == rule.points_after(last)


@settings(max_examples=150)
@given(rule=point_rules(), quota=st.integers(0, 200))
def test_seconds_for_quota_is_least_or_unreachable(rule: PointRule, quota: int) -> None:
    outcome = seconds_for_quota(rule, quota)
    most = rule.points_after(10**7)
    assert outcome.max_points == most
    assert outcome.quota == quota
    if quota <= most:
        assert outcome.reachable
        t = outcome.seconds
        assert rule.points_after(t) >= quota
        assert t == 0 or rule.points_after(t - 1) < quota
        assert outcome.points == rule.points_after(t)
    else:
        assert not outcome.reachable  # not a silent clamp to the maximum
        assert outcome.points == most < quota
        t = outcome.seconds
        assert rule.points_after(t) == most  # reads until the last point that can be earned
        assert t == 0 or rule.points_after(t - 1) < most


def test_seconds_for_quota_default_rule() -> None:
    reached = seconds_for_quota(DEFAULT_RULE, 14)
    assert (reached.reachable, reached.seconds, reached.points) == (True, 1680, 14)
    beyond = seconds_for_quota(DEFAULT_RULE, 16)
    assert not beyond.reachable
    assert (beyond.seconds, beyond.points, beyond.max_points) == (1920, 15, 15)
    low_max = dataclasses.replace(DEFAULT_RULE, daily_max=10)
    capped = seconds_for_quota(low_max, 14)
    assert not capped.reachable and capped.points == 10


@pytest.mark.parametrize(("minutes", "seconds"), [(0.5, 30), (3, 180), (4.5, 270), (0, 0)])
def test_minutes_to_seconds(minutes: float, seconds: int) -> None:
    assert minutes_to_seconds(minutes) == seconds


def test_combinations_sanity() -> None:
    # Brute-force helper agrees with a different enumeration for a small case.
    total, parts = 6, 3
    other = {
        tuple(sorted(c, reverse=True))
        for k in range(1, parts + 1)
        for c in combinations_with_replacement(range(1, total + 1), k)
        if sum(c) == total
    }
    assert set(_compositions(total, parts)) == other
