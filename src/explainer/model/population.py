"""A whole unit over a year: N staff × D nights at once, vectorised and seeded.

One person's night (:mod:`explainer.model.night`) gives the minutes the rules demand. Real
staff differ: some are free earlier, some later (seed §3: overtime to nine or ten “很正常”,
the work chat until about 23:00), some are slower on the apps, and every evening is different.
This module draws those differences and applies a rule to every person-night:

* **threshold** — the quota is checked per night; a person who would have to stay up past a
  hard stop gives up at that time and misses the night. A person is penalised for a period
  (e.g. a month) with at least ``misses_to_fail`` missed nights.
* **ranking** — the bottom of a ranking is penalised (seed §3, “排名…垫底…写检查”), so no one
  stops at a threshold: everyone farms to the cap every night, whatever time it is.

All numbers that describe the spread of people (standard deviations, the hard stop) are
assumptions: the article gives none.

Speed: the night-to-night variation is drawn as random bytes mapped through a 256-step table
of normal quantiles, and all clock times are int16 minutes, so a unit of 10,000 × 365 nights
takes tens of milliseconds (see ``benchmarks/bench_population.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from statistics import NormalDist
from typing import Literal

import numpy as np

Rule = Literal["threshold", "ranking"]

#: Bedtime histogram: 5-minute bins from 20:00 to 04:00 next morning (clock minutes).
HIST_START, HIST_END, HIST_STEP = 20 * 60, 28 * 60, 5


@cache
def _normal_table() -> np.ndarray:
    """256 equal-probability quantiles of the standard normal (midpoints), float64."""
    dist = NormalDist()
    return np.array([dist.inv_cdf((i + 0.5) / 256) for i in range(256)])


@dataclass(frozen=True)
class PopulationInputs:
    """What a population run needs; minutes, or clock minutes after midnight of the evening."""

    n_staff: int
    days: int
    free_at: float  # typical time the evening's duties end
    free_sd_person: float  # spread between people (min)
    free_sd_night: float  # spread from night to night (min)
    washing: float
    app_minutes: float  # minutes the rules demand per night at typical speed
    speed_sd: float  # spread of app speed between people (log scale; 0.2 ≈ ±20 %)
    wake_at: float  # clock minutes next morning (> 1440)
    sleep_need: float  # minutes
    rule: Rule = "threshold"
    hard_stop: float = 25 * 60  # threshold rule: give up at this clock time
    period_days: int = 30
    misses_to_fail: int = 1
    seed: int = 2020


@dataclass(frozen=True)
class PopulationResult:
    """Outcomes for the unit; per-person arrays are indexed by staff member."""

    inputs: PopulationInputs
    bedtime_counts: np.ndarray  # person-nights per 5-minute bin, HIST_START..HIST_END
    share_short_sleep: float  # of person-nights below the sleep need
    share_after_midnight: float
    misses_per_person: np.ndarray  # nights the quota was missed (threshold rule)
    failed_periods_per_person: np.ndarray
    app_minutes_per_person: np.ndarray  # per night, at the person's speed
    unit_app_hours: float  # all staff, all nights

    @property
    def periods(self) -> int:
        return max(1, self.inputs.days // self.inputs.period_days)

    @property
    def p_penalty_period(self) -> float:
        """Chance a person is penalised in a given period (threshold rule)."""
        return float(self.failed_periods_per_person.sum() / (self.inputs.n_staff * self.periods))

    @property
    def p_penalty_year(self) -> float:
        """Share of staff penalised at least once over the run."""
        return float(np.count_nonzero(self.failed_periods_per_person) / self.inputs.n_staff)

    @property
    def p_miss_night(self) -> float:
        return float(self.misses_per_person.sum() / (self.inputs.n_staff * self.inputs.days))

    def bedtime_bins(self) -> np.ndarray:
        """Left edges (clock minutes) of the bedtime histogram's bins."""
        return np.arange(HIST_START, HIST_END, HIST_STEP)


def _nights_above(
    noise: np.ndarray, table: np.ndarray, base: np.ndarray, limit: float
) -> np.ndarray:
    """Boolean N×D: is ``base[n] + table[noise[n, d]] > limit``?

    The table is sorted, so the test is a per-person cut on the noise bytes: the N×D clock
    times themselves are never built.
    """
    first = np.searchsorted(table, limit - base, side="right")  # first noise index above
    cut = np.clip(first - 1, 0, 255).astype(np.uint8)
    above = noise > cut[:, None]
    if np.any(first == 0):  # even the lowest noise value is above the limit
        above[first == 0] = True
    return above


def _expected_cut(
    base: np.ndarray, app_minutes: np.ndarray, table: np.ndarray, stop: float
) -> float:
    """App minutes a night that the stop cuts off, summed over staff (expected over nights).

    On a night when a person would finish after the stop, the apps end at the stop: the time
    lost is the overshoot, and never more than the person's app time.
    """
    if not np.isfinite(stop):
        return 0.0
    at_risk = base + table[-1] > stop  # only these people can ever overshoot
    if not at_risk.any():
        return 0.0
    # float32 is ample for minutes and halves the cost of this N×256 grid.
    over = (base[at_risk] - stop).astype(np.float32)[:, None] + table.astype(np.float32)[None, :]
    np.clip(over, 0.0, app_minutes[at_risk].astype(np.float32)[:, None], out=over)
    return float(over.sum(dtype=np.float64)) / len(table)


def _expected_bedtimes(
    base: np.ndarray, start: np.ndarray, table: np.ndarray, stop: float
) -> tuple[np.ndarray, np.ndarray]:
    """Bedtimes on the noise grid for each distinct (finish, start) pair, and staff per pair.

    Bedtime is when the apps are done, or the stop, but never before the apps could start.
    """
    pairs, counts = np.unique(np.rint(np.column_stack([base, start])), axis=0, return_counts=True)
    finish = pairs[:, :1] + table[None, :]
    begin = pairs[:, 1:] + table[None, :]
    return np.maximum(begin, np.minimum(finish, stop)), counts


def _misses_and_failures(
    p: PopulationInputs, noise: np.ndarray, table: np.ndarray, base: np.ndarray, stop: float
) -> tuple[np.ndarray, np.ndarray]:
    """Each person's missed nights and failed periods (none under a ranking, whose apps are
    never cut short by a stop)."""
    n, d = p.n_staff, p.days
    if p.rule != "threshold":
        return np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    missed = _nights_above(noise, table, base, stop)
    misses = np.count_nonzero(missed, axis=1)
    periods = max(1, d // p.period_days)
    length = p.period_days if d >= p.period_days else d
    per_period = (
        missed[:, : periods * length].reshape(n, periods, length).sum(axis=2, dtype=np.int16)
    )
    return misses, np.count_nonzero(per_period >= p.misses_to_fail, axis=1)


def _bedtime_histogram(
    base: np.ndarray, start: np.ndarray, table: np.ndarray, stop: float, days: int
) -> np.ndarray:
    """Expected person-nights per bedtime bin over ``days`` nights."""
    bedtimes, weights = _expected_bedtimes(base, start, table, stop)
    clipped = np.clip(bedtimes, HIST_START, HIST_END - 1)
    n_bins = (HIST_END - HIST_START) // HIST_STEP
    # Equal-width bins given as a count and a range take numpy's fast path (no sorting).
    return np.histogram(
        clipped.ravel(),
        bins=n_bins,
        range=(HIST_START, HIST_END),
        weights=np.repeat(weights, 256) * (days / 256),
    )[0]


def simulate(p: PopulationInputs) -> PopulationResult:
    """Every person-night of the unit at once (no Python loop over people or nights).

    Realised per-person-night outcomes (misses, short nights, penalties) come from the N×D
    draws; the bedtime histogram and the unit's app hours are their expectations over the
    same night-to-night distribution (smooth, and cheaper than binning N×D values).
    """
    rng = np.random.default_rng(p.seed)
    n, d = p.n_staff, p.days
    speed = np.exp(p.speed_sd * rng.standard_normal(n) - p.speed_sd**2 / 2)
    app_minutes = p.app_minutes * speed
    base = p.free_at + p.free_sd_person * rng.standard_normal(n) + p.washing + app_minutes
    table = _normal_table() * p.free_sd_night
    raw = rng.bit_generator.random_raw(-(-n * d // 8)).view(np.uint8)
    noise = raw[: n * d].reshape(n, d)

    stop = p.hard_stop if p.rule == "threshold" else np.inf
    sleep_limit = p.wake_at - p.sleep_need  # in bed later than this → short sleep
    total = n * d
    start = base - app_minutes  # when the apps would start (the evening's duties are done)

    def nights_in_bed_after(limit: float) -> int:
        # Bedtime = max(start, min(finish, stop)): after ``limit`` when the apps finish after
        # it (and the stop does not cut them before it), or when they cannot even start.
        times = base if stop > limit else start
        return int(np.count_nonzero(_nights_above(noise, table, times, limit)))

    short = nights_in_bed_after(sleep_limit)
    late = nights_in_bed_after(24 * 60)

    misses, failed = _misses_and_failures(p, noise, table, base, stop)
    unit_minutes = (float(app_minutes.sum()) - _expected_cut(base, app_minutes, table, stop)) * d
    counts = _bedtime_histogram(base, start, table, stop, d)
    return PopulationResult(
        inputs=p,
        bedtime_counts=counts,
        share_short_sleep=short / total,
        share_after_midnight=late / total,
        misses_per_person=misses,
        failed_periods_per_person=failed,
        app_minutes_per_person=app_minutes,
        unit_app_hours=unit_minutes / 60,
    )
