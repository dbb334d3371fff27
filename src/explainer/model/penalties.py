"""Penalty risk: rankings, runs of missed visits and the one-vote veto.

Three rules from the article, each turned into a probability (design/domain.md §5, eqs. 4 and 6):

* **Ranking.** A daily points quota with a league table whose last places must write a
  self-criticism or are named (seed §3, Shanghai official, “排名中垫底…写检查”). When everyone
  farms up to the anti-farming cap the contest is symmetric, so the bottom places fall by lot.
* **Runs of misses.** Village cadres must turn up at least twice a week; three or more
  consecutive no-shows cost the year's award eligibility (seed §4, “连续3次以上未按要求到位”).
  Whether “3以上” means ≥ 3 or > 3 is unclear, so both readings are offered.
* **One-vote veto.** One person failing one item strips the whole unit of its
  “civilised unit” title and everyone of the bonus (seed §4, “一票否决”, “文明奖”).

All functions are pure and take plain numbers; nothing here knows about scenarios or widgets.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from explainer.model._checks import check_count, check_share

RunReading = Literal["at_least", "more_than"]


# ----------------------------------------------------------------------------- ranking
def ranking_penalty_probability(n_staff: int, k_bottom: int) -> float:
    """Chance that one person lands in the penalised bottom ``k_bottom`` of ``n_staff``.

    Under a ranking everyone can reach the daily cap, so everyone does and all scores tie; the
    order among equals is arbitrary, so each person is in the bottom k with chance k/N on every
    evaluation, whatever effort they put in above the cap (seed §3, “排名中垫底”).
    """
    n_staff = check_count("n_staff", n_staff, 1)
    k_bottom = check_count("k_bottom", k_bottom, 1)
    if k_bottom > n_staff:
        raise ValueError(f"k_bottom ({k_bottom}) cannot exceed n_staff ({n_staff})")
    return k_bottom / n_staff


def penalty_over_periods(p_per_period: float, periods: int) -> float:
    """Chance of at least one penalty in ``periods`` independent evaluations: 1 − (1 − p)^D."""
    p = check_share("p_per_period", p_per_period)
    periods = check_count("periods", periods, 0)
    if periods == 0 or p == 0.0:
        return 0.0
    if p == 1.0:
        return 1.0
    return -math.expm1(periods * math.log1p(-p))


# ----------------------------------------------------------------------------- runs of misses
def runs_rule_length(threshold: int, reading: RunReading) -> int:
    """Run length that triggers the rule “``threshold``次以上 consecutive misses”.

    “以上” is read either inclusively (``"at_least"``: a run of ``threshold``) or strictly
    (``"more_than"``: a run of ``threshold + 1``) — seed §4, “连续3次以上”.
    """
    threshold = check_count("threshold", threshold, 1)
    if reading == "at_least":
        return threshold
    if reading == "more_than":
        return threshold + 1
    raise ValueError(f"reading must be 'at_least' or 'more_than', got {reading!r}")


def run_probability(n: int, q: float, run: int) -> float:
    """Exact chance of ``run`` or more consecutive misses somewhere in ``n`` visits.

    Each visit is missed independently with probability ``q`` (seed §4, “连续3次以上未按要求到位”).
    A Markov chain tracks the length of the current streak of misses (0 … run − 1); mass that
    reaches ``run`` is absorbed. The absorbed mass is summed directly (a sum of non-negative
    terms), so tiny probabilities keep full relative precision. Cost O(n·run).
    """
    n = check_count("n", n, 0)
    q = check_share("q", q)
    run = check_count("run", run, 1)
    if n < run or q == 0.0:
        return 0.0
    hit = 1.0 - q
    streak = [0.0] * run  # streak[j] = P(no run yet and current streak of misses is j)
    streak[0] = 1.0
    absorbed: list[float] = []
    for _ in range(n):
        absorbed.append(streak[-1] * q)
        streak = [hit * math.fsum(streak)] + [q * s for s in streak[:-1]]
    return min(1.0, math.fsum(absorbed))


def simulate_run_probability(
    n: int, q: float, run: int, trials: int, rng: np.random.Generator
) -> float:
    """Monte-Carlo estimate of :func:`run_probability`, vectorised over ``trials``."""
    n = check_count("n", n, 0)
    q = check_share("q", q)
    run = check_count("run", run, 1)
    trials = check_count("trials", trials, 1)
    streak = np.zeros(trials, dtype=np.int64)
    seen = np.zeros(trials, dtype=bool)
    for _ in range(n):
        missed = rng.random(trials) < q
        streak = np.where(missed, streak + 1, 0)
        seen |= streak >= run
    return float(seen.mean())


# ----------------------------------------------------------------------------- one-vote veto
def veto_probability(n_staff: int, k_items: int, p_fail: float) -> float:
    """Chance the unit loses its award: 1 − (1 − p)^(N·K) (design/domain.md §5 eq. 6).

    Any one of ``n_staff`` people failing any one of ``k_items`` vetoed items, each
    independently with probability ``p_fail``, sinks the whole unit (seed §4, “一票否决”).
    """
    n_staff = check_count("n_staff", n_staff, 0)
    k_items = check_count("k_items", k_items, 0)
    return penalty_over_periods(p_fail, n_staff * k_items)


def unit_veto_probability(person_fail_probs: Sequence[float] | np.ndarray) -> float:
    """Chance that at least one person fails, 1 − Π(1 − pᵢ), for unequal individual risks.

    Computed as −expm1(Σ log1p(−pᵢ)) so that many small risks do not vanish in rounding
    (seed §4, one person's failure vetoes the unit).
    """
    p = np.asarray(person_fail_probs, dtype=float).ravel()
    if p.size == 0:
        return 0.0
    if not np.all((p >= 0.0) & (p <= 1.0)):
        raise ValueError("every failure probability must lie in [0, 1]")
    if np.any(p == 1.0):
        return 1.0
    return float(-np.expm1(np.sum(np.log1p(-p))))


def veto_curve(
    staff_sizes: Sequence[int] | np.ndarray,
    fail_rates: Sequence[float] | np.ndarray,
    k_items: int = 1,
) -> pd.DataFrame:
    """Unit veto probability for every staff size × individual failure rate (for a chart).

    Columns: ``n_staff``, ``p_fail``, ``k_items``, ``p_unit_veto``; one row per pair, grouped
    by failure rate and ordered by staff size within each group.
    """
    k_items = check_count("k_items", k_items, 0)
    rows = [
        {
            "n_staff": int(n),
            "p_fail": float(p),
            "k_items": k_items,
            "p_unit_veto": veto_probability(int(n), k_items, float(p)),
        }
        for p in fail_rates
        for n in staff_sizes
    ]
    frame = pd.DataFrame(rows, columns=["n_staff", "p_fail", "k_items", "p_unit_veto"])
    return frame.astype(
        {"n_staff": "int64", "p_fail": "float64", "k_items": "int64", "p_unit_veto": "float64"}
    )
