"""Every number with its range (issue 14): bands, one-at-a-time tornado data, verdicts.

Only the assumptions vary (``role: people`` in ``data/parameters.yaml``, each with its
declared plausible range); the rules a superior sets (``role: policy``) are the user's choice
and stay as set. Nothing here knows a page: a page hands over ``figures(scenario) ->
{key: value}`` and the names of the parameters it shows.

What is computed, for the scenario as set on the page:

* a space-filling sample of the assumption ranges: ``SAMPLE_SIZE`` points of a scrambled
  Sobol' sequence (:class:`scipy.stats.qmc.Sobol`, seed ``SEED``), so every load shows the
  same band; pages whose model is slow (one run of the unit model takes ≈35 ms, against
  ≈0.3 ms for the night) use ``SAMPLE_SIZE_SLOW`` points, so that the band follows a slider
  within 1.5 s;
* **the band** of a figure: the lowest and the highest value over the scenario itself and
  the sample (min-max, not percentiles: a declared range is a pair of plausible ends, not a
  probability distribution, so a percentile of the sample would claim a probability nobody
  gave). A band therefore says "under every combination tried"; the true extremes, at the
  corners of the ranges, may lie beyond it;
* one at a time, each assumption at the low and at the high end of its range, the others as
  set (the tornado chart, computed after the band). An end of a range is a corner the sample
  seldom reaches, so a bar can end a little beyond the band.

Each range is widened to include the scenario's own value, so that a value set outside the
declared range is still inside the band. ``scipy.stats`` takes ≈0.8 s to import, so it is
imported only when a sample is first drawn (benchmarks/bench_kernel_startup.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import numpy as np

#: Points of the scrambled Sobol' sequence (a power of two keeps its balance properties).
SAMPLE_SIZE = 128
#: Points for the pages whose model is slow (the unit and reform pages).
SAMPLE_SIZE_SLOW = 32
#: The sequence's scrambling seed: the same sample, so the same band, on every load.
SEED = 14
#: What a band is, in the words every export uses.
BAND_DEFINITION = "min-max"

Figures = Callable[[Any], Mapping[str, float]]


@dataclass(frozen=True)
class Varied:
    """One assumption as sampled: its range (widened to hold the scenario's value)."""

    id: str
    low: float = 0.0
    high: float = 0.0
    integer: bool = False  # int and clock parameters take whole numbers
    choices: tuple[str, ...] = ()  # for a choice parameter: the plausible settings

    def at(self, u: float) -> Any:
        """The value at ``u`` in [0, 1): uniform over the range (or over the choices)."""
        if self.choices:
            return self.choices[min(int(u * len(self.choices)), len(self.choices) - 1)]
        if self.integer:
            return min(int(self.low + math.floor(u * (self.high - self.low + 1))), int(self.high))
        return self.low + u * (self.high - self.low)

    @property
    def ends(self) -> tuple[Any, Any]:
        """The two ends of the range (the first and last choice)."""
        if self.choices:
            return self.choices[0], self.choices[-1]
        kind = int if self.integer else float
        return kind(self.low), kind(self.high)


def varied(registry: Any, scenario: Any, params: Iterable[str] | None = None) -> tuple[Varied, ...]:
    """The assumptions among ``params`` (all by default) that have a range to sample.

    ``fixed`` ranges, rules and ranges of one point are left out.
    """
    names = registry.params if params is None else params
    out = []
    for name in names:
        spec = registry.params[name]
        found = spec.plausible
        if spec.role != "people" or found is None or found.kind == "fixed":
            continue
        value = getattr(scenario, name)
        if found.kind == "choices":
            choices = tuple(found.choices) + ((value,) if value not in found.choices else ())
            if len(choices) > 1:
                out.append(Varied(name, choices=choices))
            continue
        low, high = min(found.low, value), max(found.high, value)
        if high > low:
            out.append(Varied(name, low, high, integer=spec.type in ("int", "clock")))
    return tuple(out)


@cache
def unit_sample(d: int, n: int = SAMPLE_SIZE, seed: int = SEED) -> np.ndarray:
    """``n`` points in [0, 1)^d: a scrambled Sobol' sequence (deterministic for a seed)."""
    from scipy.stats import qmc  # ≈0.8 s to import: only when bands are first computed

    points = qmc.Sobol(d, scramble=True, rng=seed).random_base2(int(math.log2(n)))
    points.setflags(write=False)
    return points


def plan(
    scenario: Any, assumptions: Sequence[Varied], n: int = SAMPLE_SIZE, seed: int = SEED
) -> list[Any]:
    """The scenarios a band is taken over: the scenario itself, then the ``n`` sample points."""
    out = [scenario]
    if assumptions:
        for row in unit_sample(len(assumptions), n, seed):
            update = {a.id: a.at(float(u)) for a, u in zip(assumptions, row, strict=True)}
            out.append(scenario.model_copy(update=update))
    return out


def ends_plan(scenario: Any, assumptions: Sequence[Varied]) -> list[Any]:
    """The tornado's scenarios: each assumption at its low end, then each at its high end."""
    return [scenario.model_copy(update={a.id: a.ends[end]}) for end in (0, 1) for a in assumptions]


def evaluate_chunks(
    figures: Figures, scenarios: Sequence[Any], keys: Sequence[str], chunk: int = 16
) -> Iterator[np.ndarray]:
    """Figure values, ``chunk`` scenarios at a time (a caller may stop between chunks)."""
    for start in range(0, len(scenarios), chunk):
        rows = [figures(s) for s in scenarios[start : start + chunk]]
        yield np.array([[float(r[k]) for k in keys] for r in rows], dtype=float)


@dataclass(frozen=True)
class Band:
    """A figure's value and the lowest and highest value under the plausible assumptions."""

    key: str
    value: float
    low: float
    high: float

    def contains(self, value: float, tolerance: float = 1e-9) -> bool:
        return self.low - tolerance <= value <= self.high + tolerance


@dataclass(frozen=True)
class Bar:
    """One tornado bar: a figure with one assumption at each end of its range."""

    param: str
    low_setting: Any
    high_setting: Any
    at_low: float
    at_high: float

    @property
    def swing(self) -> float:
        return abs(self.at_high - self.at_low)


@dataclass(frozen=True)
class Verdict:
    """Whether a conclusion holds: at the scenario as set, and over every scenario tried."""

    at_point: bool
    holds: int  # scenarios tried where it holds
    tried: int

    @property
    def kind(self) -> str:
        """``all`` (holds everywhere), ``none`` (nowhere), ``mixed`` (depends)."""
        if self.holds == self.tried:
            return "all"
        return "none" if self.holds == 0 else "mixed"


@dataclass(frozen=True)
class Uncertainty:
    """Every figure over the scenarios of :func:`plan` (``values``) and, once computed, of
    :func:`ends_plan` (``ends``, for the tornado chart)."""

    keys: tuple[str, ...]
    assumptions: tuple[Varied, ...]
    values: np.ndarray  # (1 + n, k): the scenario as set, then the sample
    n: int
    seed: int
    ends: np.ndarray | None = None  # (2d, k): lows, then highs

    def _column(self, key: str) -> np.ndarray:
        return self.values[:, self.keys.index(key)]

    @property
    def tried(self) -> int:
        return len(self.values)

    def point(self, key: str) -> float:
        return float(self._column(key)[0])

    def band(self, key: str) -> Band:
        column = self._column(key)
        return Band(key, float(column[0]), float(column.min()), float(column.max()))

    def bands(self) -> dict[str, Band]:
        return {key: self.band(key) for key in self.keys}

    def with_ends(self, chunks: Iterable[np.ndarray]) -> Uncertainty:
        """This uncertainty with the tornado's one-at-a-time scenarios evaluated."""
        ends = np.vstack(list(chunks)) if self.assumptions else np.zeros((0, len(self.keys)))
        return replace(self, ends=ends)

    def tornado(self, key: str) -> list[Bar]:
        """Each assumption from its low to its high end, biggest swing first (zero left out)."""
        if self.ends is None:
            raise ValueError("the one-at-a-time scenarios are not evaluated yet")
        column, d = self.ends[:, self.keys.index(key)], len(self.assumptions)
        bars = [
            Bar(a.id, *a.ends, float(lo), float(hi))
            for a, lo, hi in zip(self.assumptions, column[:d], column[d:], strict=True)
        ]
        return sorted((b for b in bars if b.swing > 1e-9), key=lambda b: -b.swing)

    def paired_with(self, other: Uncertainty, suffix: str) -> Uncertainty | None:
        """This uncertainty's figures beside ``other``'s (keyed ``<key><suffix>``), row by
        row: a paired table, when both were taken over the same sample points (the same
        assumptions varied, the same size); ``None`` when they were not."""
        same = [a.id for a in self.assumptions] == [a.id for a in other.assumptions]
        if not same or self.values.shape[0] != other.values.shape[0] or self.n != other.n:
            return None
        keys = (*self.keys, *(key + suffix for key in other.keys))
        return replace(self, keys=keys, values=np.hstack([self.values, other.values]), ends=None)

    def verdict(self, key: str, holds: Callable[[np.ndarray], np.ndarray]) -> Verdict:
        """How often ``holds(values)`` is true for figure ``key`` (vectorised test)."""
        found = np.asarray(holds(self._column(key)), dtype=bool)
        return Verdict(bool(found[0]), int(found.sum()), len(found))


def assemble(
    keys: Sequence[str],
    assumptions: Sequence[Varied],
    chunks: Iterable[np.ndarray],
    n: int,
    seed: int,
) -> Uncertainty:
    """The :class:`Uncertainty` of a plan from its evaluated chunks."""
    values = np.vstack(list(chunks)) if keys else np.zeros((0, 0))
    n_used = n if assumptions else 0
    return Uncertainty(tuple(keys), tuple(assumptions), values, n_used, seed)


def uncertainty(
    figures: Figures,
    registry: Any,
    scenario: Any,
    params: Iterable[str] | None = None,
    n: int = SAMPLE_SIZE,
    seed: int = SEED,
) -> Uncertainty:
    """Bands, tornado data and verdicts for ``scenario`` in one call (no chunking)."""
    assumptions = varied(registry, scenario, params)
    keys = tuple(figures(scenario))
    found = assemble(
        keys,
        assumptions,
        evaluate_chunks(figures, plan(scenario, assumptions, n, seed), keys),
        n,
        seed,
    )
    return found.with_ends(evaluate_chunks(figures, ends_plan(scenario, assumptions), keys))


def change_band(reform: Uncertainty, status_quo_key: str, reform_key: str) -> Band:
    """The band of a paired difference (reform minus status quo, same assumptions each row)."""
    diff = reform._column(reform_key) - reform._column(status_quo_key)
    return Band(reform_key, float(diff[0]), float(diff.min()), float(diff.max()))


def sobol_total(
    figure: Callable[[Any], float],
    registry: Any,
    scenario: Any,
    params: Iterable[str] | None = None,
    n: int = 256,
) -> dict[str, tuple[float, float]]:
    """Global (Sobol') first-order and total-order indices of one figure, per assumption.

    ``n * (d + 2)`` model runs (:func:`scipy.stats.sobol_indices`, Saltelli 2010): too slow
    for a page on the unit model, cheap for the night model. Used by the guide and the tests
    to show where one-at-a-time bars suffice (an additive figure: first order = total).
    """
    from scipy.stats import sobol_indices

    assumptions = varied(registry, scenario, params)

    def run(u: np.ndarray) -> np.ndarray:
        out = []
        for column in u.T:
            update = {a.id: a.at(float(x)) for a, x in zip(assumptions, column, strict=True)}
            out.append(figure(scenario.model_copy(update=update)))
        return np.array(out)

    from scipy.stats import uniform

    dists = [uniform(0, 1 - 1e-12)] * len(assumptions)
    found = sobol_indices(func=run, n=n, dists=dists, rng=SEED)
    return {
        a.id: (float(f), float(tot))
        for a, f, tot in zip(assumptions, found.first_order, found.total_order, strict=True)
    }
