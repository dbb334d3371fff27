"""Status quo against a reformed scenario: every headline figure, side by side.

Both scenarios go through the same models (:mod:`night`, :mod:`unit`, :mod:`fit`), so a
difference is only ever the reform's doing. Which reforms made the second scenario is the
caller's business (:mod:`explainer.core.reforms`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from explainer.core.figures import HEADLINES
from explainer.model.fit import FitResult, fit_result, incentives, scenario_alignment
from explainer.model.unit import UnitResult, unit

#: The reform page's headline figures: (key, attribute path on Outcome). Each figure's unit
#: kind and better direction are declared once, in :data:`explainer.core.figures.HEADLINES`.
METRICS: tuple[tuple[str, str], ...] = (
    ("night_minutes", "unit.night_minutes"),
    ("bedtime", "unit.active.night.bedtime"),
    ("sleep_minutes", "unit.active.night.sleep_minutes"),
    ("share_short_sleep", "unit.share_short_sleep"),
    ("p_penalty_period", "unit.p_penalty_period"),
    ("p_unit_veto", "unit.p_unit_veto"),
    ("unit_app_hours_year", "unit.unit_app_hours_year"),
    ("real_output", "fit.real_output"),
    ("alignment", "fit.alignment"),
    ("displaced_effort", "fit.displaced"),
    ("measured_score", "fit.measured_score"),
    ("mean_fit", "fit.mean_fit"),
)


@dataclass(frozen=True)
class Outcome:
    """One scenario through every model."""

    scenario: Any
    unit: UnitResult
    fit: FitResult

    def value(self, path: str) -> float:
        obj: Any = self
        for part in path.split("."):
            obj = getattr(obj, part)
        return float(obj)


def outcome(scenario: Any) -> Outcome:
    return Outcome(scenario, unit(scenario), fit_result(scenario))


#: What can move real output between two scenarios, in the order the page names them.
OUTPUT_FACTORS = ("tool", "reward", "other")


@dataclass(frozen=True)
class OutputAttribution:
    """The change in real output split between its causes (they add up to the change).

    Real output depends on the alignment the tool's fit sets (``tool``), the reward on the
    metric (``reward``) and the official's side of the effort split (``other``: competition
    between tasks, effort budget, what metric work teaches, gaming). Each cause is credited
    with its Shapley value: its average contribution over the orders in which the changes
    could be made (Shapley 1953), so a reform that changes the tool *and* halves the reward
    credits each with its own part and the parts sum to the whole change.
    """

    before: float
    after: float
    parts: dict[str, float]
    alignment: tuple[float, float]
    reward: tuple[float, float]

    @property
    def change(self) -> float:
        return self.after - self.before


def attribute_output(status_quo: Any, reformed: Any) -> OutputAttribution:
    """Split the change in real output from ``status_quo`` to ``reformed`` between its causes."""
    inputs = {
        "tool": (scenario_alignment(status_quo), scenario_alignment(reformed)),
        "reward": (float(status_quo.metric_reward), float(reformed.metric_reward)),
        "other": (incentives(status_quo), incentives(reformed)),
    }

    def output(changed: frozenset[str]) -> float:
        pick = {k: pair[1] if k in changed else pair[0] for k, pair in inputs.items()}
        return pick["other"].split(pick["reward"], pick["tool"]).output

    n = len(OUTPUT_FACTORS)
    weight = {0: 1 / 3, 1: 1 / 6, 2: 1 / 3}  # |S|!(n − |S| − 1)!/n! for n = 3
    assert n == 3
    parts = {}
    for factor in OUTPUT_FACTORS:
        others = [f for f in OUTPUT_FACTORS if f != factor]
        subsets = [frozenset(), frozenset(others[:1]), frozenset(others[1:]), frozenset(others)]
        parts[factor] = sum(
            weight[len(sub)] * (output(sub | {factor}) - output(sub)) for sub in subsets
        )
    return OutputAttribution(
        before=output(frozenset()),
        after=output(frozenset(OUTPUT_FACTORS)),
        parts=parts,
        alignment=inputs["tool"],
        reward=inputs["reward"],
    )


@dataclass(frozen=True)
class ComparisonResult:
    status_quo: Outcome
    reformed: Outcome
    #: Ids of the reforms applied (for the charts' labels: each with its date relative to the
    #: article, see explainer.core.reforms); empty when the result was not made from reforms.
    reforms: tuple[str, ...] = ()

    @property
    def output_attribution(self) -> OutputAttribution:
        return attribute_output(self.status_quo.scenario, self.reformed.scenario)

    def table(self) -> pd.DataFrame:
        """One row per headline figure: status quo, reform, difference, and whether it helps."""
        rows = []
        for key, path in METRICS:
            kind, lower_is_better = HEADLINES[key].kind, HEADLINES[key].lower_is_better
            before, after = self.status_quo.value(path), self.reformed.value(path)
            change = after - before
            better = change < 0 if lower_is_better else change > 0
            rows.append(
                {
                    "metric": key,
                    "kind": kind,
                    "status_quo": before,
                    "reform": after,
                    "difference": change,
                    "better": bool(better) if abs(change) > 1e-9 else None,
                    "lower_is_better": lower_is_better,
                }
            )
        return pd.DataFrame(rows)


def compare(status_quo: Any, reformed: Any) -> ComparisonResult:
    """Run both scenarios through every model."""
    return ComparisonResult(outcome(status_quo), outcome(reformed))
