"""Check-in time, proxy check-ins and duplicate photo subjects (seed §1, §4)."""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer.model.checkins import (
    PhotoDuplicates,
    ProxyCheckin,
    checkin_minutes,
    photo_duplicate_probabilities,
    proxy_checkin,
)

shares = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


# ----------------------------------------------------------------------------- check-in time
def test_checkin_minutes_counts_travel_both_ways() -> None:
    assert checkin_minutes(10, 2, 1) == 22
    assert checkin_minutes(10, 2, 2) == 44
    assert checkin_minutes(0, 2, 1) == 2
    assert checkin_minutes(15, 2, 0) == 0


@given(
    travel=st.floats(0, 120), steps=st.floats(0, 10), n=st.integers(0, 3), extra=st.floats(0, 60)
)
def test_checkin_minutes_is_monotone(travel: float, steps: float, n: int, extra: float) -> None:
    base = checkin_minutes(travel, steps, n)
    assert base >= 0
    assert checkin_minutes(travel + extra, steps, n) >= base
    assert checkin_minutes(travel, steps + extra, n) >= base
    assert checkin_minutes(travel, steps, n + 1) >= base


@pytest.mark.parametrize("args", [(-1, 2, 1), (10, -2, 1), (10, 2, -1), (10, 2, 1.5),
                                  (float("nan"), 2, 1)])  # fmt: skip
def test_checkin_minutes_validates(args: tuple) -> None:
    with pytest.raises(ValueError):
        checkin_minutes(*args)


# ----------------------------------------------------------------------------- proxy check-in
def test_proxy_gap_example() -> None:
    result = proxy_checkin(busy_share=0.2, proxy_share=0.5)
    assert isinstance(result, ProxyCheckin)
    assert result.present == pytest.approx(0.8)
    assert result.recorded == pytest.approx(0.9)
    assert result.gap == pytest.approx(0.1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.gap = 0.0  # type: ignore[misc]


@given(busy=shares, proxy=shares)
def test_proxy_gap_properties(busy: float, proxy: float) -> None:
    r = proxy_checkin(busy, proxy)
    assert r.gap == pytest.approx(r.recorded - r.present, abs=1e-12)
    assert r.gap == pytest.approx(busy * proxy, abs=1e-12)
    assert 0.0 <= r.present <= r.recorded <= 1.0 + 1e-12
    assert r.present == pytest.approx(1.0 - busy)


def test_proxy_extremes() -> None:
    assert proxy_checkin(1.0, 1.0) == ProxyCheckin(recorded=1.0, present=0.0, gap=1.0)
    assert proxy_checkin(0.3, 0.0).gap == 0.0
    assert proxy_checkin(0.0, 1.0) == ProxyCheckin(recorded=1.0, present=1.0, gap=0.0)
    for bad in [(-0.1, 0.5), (0.5, 1.1), (float("nan"), 0.5)]:
        with pytest.raises(ValueError):
            proxy_checkin(*bad)


# ----------------------------------------------------------------------------- photos
def brute_photo(m: int, v: int) -> tuple[Fraction, Fraction]:
    picks = list(product(range(v), repeat=m))
    shared = sum(len(set(p)) < m for p in picks)
    same = sum(len(set(p)) == 1 for p in picks)
    return Fraction(shared, len(picks)), Fraction(same, len(picks))


@pytest.mark.parametrize("m", range(1, 6))
@pytest.mark.parametrize("v", range(1, 6))
def test_photo_matches_enumeration(m: int, v: int) -> None:
    result = photo_duplicate_probabilities(m, v)
    assert (result.any_same, result.all_same) == brute_photo(m, v)


def test_photo_article_case() -> None:
    # seed §4: three cadres, two or three willing villagers.
    two = photo_duplicate_probabilities(3, 2)
    assert two.any_same == 1 and two.all_same == Fraction(1, 4)
    three = photo_duplicate_probabilities(3, 3)
    assert three.any_same == Fraction(7, 9) and three.all_same == Fraction(1, 9)
    assert three.p_all_same == pytest.approx(1 / 9)
    assert isinstance(three, PhotoDuplicates)


@given(m=st.integers(1, 40), v=st.integers(1, 40))
def test_photo_properties(m: int, v: int) -> None:
    r = photo_duplicate_probabilities(m, v)
    assert 0 <= r.all_same <= 1 and 0 <= r.any_same <= 1
    assert r.all_same == Fraction(1, v ** (m - 1))
    if m > v:
        assert r.any_same == 1
    if m >= 2:
        assert r.all_same <= r.any_same
    if m == 1:
        assert r.any_same == 0 and r.all_same == 1
    # More willing villagers never make a duplicate likelier.
    wider = photo_duplicate_probabilities(m, v + 1)
    assert wider.any_same <= r.any_same and wider.all_same <= r.all_same


def test_photo_validates() -> None:
    for bad in [(0, 3), (3, 0), (2.5, 3)]:
        with pytest.raises(ValueError):
            photo_duplicate_probabilities(*bad)  # type: ignore[arg-type]
