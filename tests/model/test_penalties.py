"""Penalty risk: ranking, runs of missed visits, one-vote veto (design/domain.md §5 eqs. 4, 6)."""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.model.penalties import (
    penalty_over_periods,
    ranking_penalty_probability,
    run_probability,
    runs_rule_length,
    simulate_run_probability,
    unit_veto_probability,
    veto_curve,
    veto_probability,
)

Z_999 = 3.2905267314919255  # two-sided 99.9 % normal quantile
probs = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
small_probs = st.floats(min_value=0.0, max_value=0.2, allow_nan=False)


def wilson_interval(successes: int, trials: int, z: float = Z_999) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion (good for small p)."""
    phat = successes / trials
    denom = 1.0 + z * z / trials
    centre = (phat + z * z / (2 * trials)) / denom
    half = z * math.sqrt(phat * (1 - phat) / trials + z * z / (4 * trials * trials)) / denom
    return centre - half, centre + half


# ----------------------------------------------------------------------------- brute force
@cache
def _longest_runs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """For all 2**n miss patterns: number of misses and longest streak of misses."""
    codes = np.arange(2**n, dtype=np.int64)
    bits = (codes[:, None] >> np.arange(n)) & 1  # 1 = missed
    streak = np.zeros(2**n, dtype=np.int64)
    longest = np.zeros(2**n, dtype=np.int64)
    for i in range(n):
        streak = np.where(bits[:, i] == 1, streak + 1, 0)
        longest = np.maximum(longest, streak)
    return bits.sum(axis=1), longest


def brute_run_probability(n: int, q: float, run: int) -> float:
    misses, longest = _longest_runs(n)
    weights = q**misses * (1.0 - q) ** (n - misses)
    return math.fsum(weights[longest >= run])


@pytest.mark.parametrize("n", range(0, 13))
@pytest.mark.parametrize("q", [0.0, 0.05, 0.3, 0.5, 0.77, 1.0])
def test_run_probability_matches_enumeration(n: int, q: float) -> None:
    for run in range(1, 6):
        assert run_probability(n, q, run) == pytest.approx(
            brute_run_probability(n, q, run), abs=1e-13, rel=1e-11
        )


# ----------------------------------------------------------------------------- Monte-Carlo
@pytest.mark.parametrize(
    ("n", "q", "run", "seed"),
    [
        (104, 0.05, 3, 11),  # two visits a week for a year, 5 % miss rate (domain.md §5)
        (104, 0.05, 4, 12),
        (60, 0.3, 3, 13),
    ],
)
def test_run_probability_matches_simulation(n: int, q: float, run: int, seed: int) -> None:
    trials = 200_000
    estimate = simulate_run_probability(n, q, run, trials, np.random.default_rng(seed))
    low, high = wilson_interval(round(estimate * trials), trials)
    assert low <= run_probability(n, q, run) <= high


def test_simulation_edges() -> None:
    rng = np.random.default_rng(0)
    assert simulate_run_probability(10, 0.0, 1, 100, rng) == 0.0
    assert simulate_run_probability(10, 1.0, 10, 100, rng) == 1.0
    assert simulate_run_probability(3, 1.0, 4, 100, rng) == 0.0


# ----------------------------------------------------------------------------- edge cases
@given(n=st.integers(0, 300), run=st.integers(1, 10))
def test_run_probability_q_zero_and_one(n: int, run: int) -> None:
    assert run_probability(n, 0.0, run) == 0.0
    assert run_probability(n, 1.0, run) == (1.0 if n >= run else 0.0)


@given(n=st.integers(0, 50), q=probs, extra=st.integers(1, 5))
def test_run_longer_than_visits_is_impossible(n: int, q: float, extra: int) -> None:
    assert run_probability(n, q, n + extra) == 0.0


@given(n=st.integers(0, 400), q=probs)
def test_run_of_one_is_any_miss(n: int, q: float) -> None:
    assert run_probability(n, q, 1) == pytest.approx(1.0 - (1.0 - q) ** n, abs=1e-12)


def test_run_of_n_is_all_missed() -> None:
    assert run_probability(7, 0.4, 7) == pytest.approx(0.4**7, rel=1e-12)


def test_tiny_probabilities_keep_relative_precision() -> None:
    # n·q^2 to first order; 1 − survival would lose most digits here.
    p = run_probability(10_000, 1e-6, 2)
    assert p == pytest.approx(9_999 * 1e-12, rel=1e-4)


@pytest.mark.parametrize(
    ("args", "error"),
    [((-1, 0.1, 3), ValueError), ((5, -0.1, 3), ValueError), ((5, 1.1, 3), ValueError),
     ((5, float("nan"), 3), ValueError), ((5, 0.1, 0), ValueError), ((5.5, 0.1, 3), ValueError)],
)  # fmt: skip
def test_run_probability_validates(args: tuple, error: type[Exception]) -> None:
    with pytest.raises(error):
        run_probability(*args)


def test_runs_rule_length_readings() -> None:
    assert runs_rule_length(3, "at_least") == 3
    assert runs_rule_length(3, "more_than") == 4
    with pytest.raises(ValueError):
        runs_rule_length(3, "around")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        runs_rule_length(0, "at_least")


# ----------------------------------------------------------------------------- monotonicity
@settings(max_examples=150)
@given(n=st.integers(0, 150), dn=st.integers(0, 50), q=probs, run=st.integers(1, 6))
def test_run_probability_rises_with_visits(n: int, dn: int, q: float, run: int) -> None:
    assert run_probability(n, q, run) <= run_probability(n + dn, q, run) + 1e-12


@settings(max_examples=150)
@given(n=st.integers(0, 150), q1=probs, q2=probs, run=st.integers(1, 6))
def test_run_probability_rises_with_miss_rate(n: int, q1: float, q2: float, run: int) -> None:
    lo, hi = sorted((q1, q2))
    assert run_probability(n, lo, run) <= run_probability(n, hi, run) + 1e-12


@settings(max_examples=150)
@given(n=st.integers(0, 150), q=probs, run=st.integers(1, 6), dr=st.integers(0, 4))
def test_run_probability_falls_with_run_length(n: int, q: float, run: int, dr: int) -> None:
    assert run_probability(n, q, run + dr) <= run_probability(n, q, run) + 1e-12


@given(n=st.integers(0, 200), q=probs, run=st.integers(1, 8))
def test_run_probability_is_a_probability(n: int, q: float, run: int) -> None:
    assert 0.0 <= run_probability(n, q, run) <= 1.0


@given(
    n=st.integers(0, 300), dn=st.integers(0, 100),
    k=st.integers(0, 10), dk=st.integers(0, 5),
    p1=probs, p2=probs,
)  # fmt: skip
def test_veto_never_falls_when_inputs_rise(
    n: int, dn: int, k: int, dk: int, p1: float, p2: float
) -> None:
    lo, hi = sorted((p1, p2))
    base = veto_probability(n, k, lo)
    assert base <= veto_probability(n + dn, k, lo)
    assert base <= veto_probability(n, k + dk, lo)
    assert base <= veto_probability(n, k, hi)
    assert 0.0 <= base <= 1.0


# ----------------------------------------------------------------------------- veto
def test_veto_domain_example() -> None:
    # domain.md §5 eq. 6: p = 1 %, N = 50 → 39.5 %.
    assert veto_probability(50, 1, 0.01) == pytest.approx(0.395, abs=5e-4)
    assert veto_probability(0, 3, 0.5) == 0.0
    assert veto_probability(10, 0, 0.5) == 0.0
    assert veto_probability(1, 1, 1.0) == 1.0


@given(n=st.integers(0, 100), k=st.integers(0, 5), p=probs)
def test_veto_equals_closed_form_and_general_form(n: int, k: int, p: float) -> None:
    expected = 1.0 - (1.0 - p) ** (n * k)
    assert veto_probability(n, k, p) == pytest.approx(expected, abs=1e-12)
    assert unit_veto_probability([p] * (n * k)) == pytest.approx(expected, abs=1e-12)


@given(ps=st.lists(probs, max_size=60))
def test_unit_veto_matches_product(ps: list[float]) -> None:
    expected = 1.0 - math.prod(1.0 - p for p in ps)
    assert unit_veto_probability(ps) == pytest.approx(expected, abs=1e-12)
    assert unit_veto_probability(np.array(ps)) == unit_veto_probability(ps)


def test_unit_veto_is_stable_for_tiny_risks() -> None:
    # 1 − (1 − 1e-18)^1000 is exactly 0 in naive floating point.
    assert unit_veto_probability([1e-18] * 1000) == pytest.approx(1e-15, rel=1e-9)
    with pytest.raises(ValueError):
        unit_veto_probability([0.1, 1.5])
    with pytest.raises(ValueError):
        unit_veto_probability([float("nan")])
    assert unit_veto_probability([]) == 0.0


def test_veto_curve_shape_and_values() -> None:
    frame = veto_curve([5, 30, 200], [0.01, 0.05], k_items=2)
    assert list(frame.columns) == ["n_staff", "p_fail", "k_items", "p_unit_veto"]
    assert len(frame) == 6
    assert (frame["k_items"] == 2).all()
    for row in frame.itertuples():
        assert row.p_unit_veto == pytest.approx(1 - (1 - row.p_fail) ** (row.n_staff * 2))
    for _, group in frame.groupby("p_fail"):
        assert group["p_unit_veto"].is_monotonic_increasing
    assert pd.api.types.is_integer_dtype(frame["n_staff"])
    assert veto_curve([], [0.1]).empty


# ----------------------------------------------------------------------------- ≥3 vs >3
def test_domain_note_31_vs_1_8_percent() -> None:
    """domain.md §6: the two readings of “连续3次以上” give ≈31 % vs ≈1.8 % unit veto.

    Reproduced by 2 visits/week for 52 weeks (n = 104), q = 5 %, N = 30 staff, one item:
    exactly 30.5 % vs 1.78 % (n = 106, i.e. a 53-week year, gives 31.0 % vs 1.82 %).
    """
    n, q, staff = 2 * 52, 0.05, 30
    p3 = run_probability(n, q, runs_rule_length(3, "at_least"))
    p4 = run_probability(n, q, runs_rule_length(3, "more_than"))
    assert p3 == pytest.approx(0.012051, abs=1e-6)
    assert p4 == pytest.approx(0.00059984, abs=1e-8)
    assert veto_probability(staff, 1, p3) == pytest.approx(0.305, abs=0.005)
    assert veto_probability(staff, 1, p4) == pytest.approx(0.018, abs=0.0005)
    assert unit_veto_probability([p3] * staff) == pytest.approx(veto_probability(staff, 1, p3))


# ----------------------------------------------------------------------------- ranking
def simulate_bottom_k(
    efforts: np.ndarray, cap: float, k: int, trials: int, rng: np.random.Generator
) -> np.ndarray:
    """Share of trials in which each person ends in the bottom k (score = min(effort, cap))."""
    scores = np.minimum(efforts, cap)
    ties = rng.random((trials, efforts.size))  # random tie-break
    order = np.lexsort((ties, np.broadcast_to(scores, ties.shape)), axis=-1)
    bottom = np.zeros((trials, efforts.size), dtype=bool)
    np.put_along_axis(bottom, order[:, :k], True, axis=-1)
    return bottom.mean(axis=0)


@given(n=st.integers(1, 500), data=st.data())
def test_ranking_risk_is_k_over_n(n: int, data: st.DataObject) -> None:
    k = data.draw(st.integers(1, n))
    assert ranking_penalty_probability(n, k) == k / n


@pytest.mark.parametrize(("n", "k"), [(0, 1), (5, 0), (5, 6), (5.5, 1)])
def test_ranking_validates(n: float, k: int) -> None:
    with pytest.raises(ValueError):
        ranking_penalty_probability(n, k)  # type: ignore[arg-type]


@pytest.mark.parametrize(("n", "k", "seed"), [(30, 1, 1), (12, 3, 2)])
def test_ranking_risk_is_independent_of_effort(n: int, k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    cap = 60.0
    efforts = cap * (1.0 + 9.0 * rng.random(n))  # everyone at or far beyond the cap
    efforts[0] = 10 * cap  # the hardest worker
    trials = 40_000
    share = simulate_bottom_k(efforts, cap, k, trials, rng)
    expected = ranking_penalty_probability(n, k)
    for s in share:
        low, high = wilson_interval(round(s * trials), trials)
        assert low <= expected <= high
    # Sanity check of the simulator: someone below the cap is always in the bottom.
    efforts[0] = cap / 2
    assert simulate_bottom_k(efforts, cap, k, 1_000, rng)[0] == 1.0


# ----------------------------------------------------------------------------- periods
@given(p=probs, d=st.integers(0, 400))
def test_penalty_over_periods(p: float, d: int) -> None:
    assert penalty_over_periods(p, d) == pytest.approx(1 - (1 - p) ** d, abs=1e-12)


def test_penalty_over_periods_edges() -> None:
    assert penalty_over_periods(1.0, 0) == 0.0
    assert penalty_over_periods(1.0, 3) == 1.0
    assert penalty_over_periods(1 / 30, 1) == pytest.approx(1 / 30)
    with pytest.raises(ValueError):
        penalty_over_periods(0.1, -1)
    with pytest.raises(ValueError):
        penalty_over_periods(-0.1, 1)
