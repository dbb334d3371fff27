"""Status quo against a reformed scenario: every headline figure, side by side.

Both scenarios go through the same models (:mod:`night`, :mod:`unit`, :mod:`fit`), so a
difference is only ever the reform's doing. Which reforms made the second scenario is the
caller's business (:mod:`explainer.reforms`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from explainer.model.fit import FitResult, fit_result
from explainer.model.unit import UnitResult, unit

#: Headline figures: (key, unit kind, attribute path on Outcome, True if lower is better).
METRICS: tuple[tuple[str, str, str, bool], ...] = (
    ("night_minutes", "minutes", "unit.night_minutes", True),
    ("bedtime", "clock", "unit.active.night.bedtime", True),
    ("sleep_minutes", "minutes", "unit.active.night.sleep_minutes", False),
    ("share_short_sleep", "share", "unit.share_short_sleep", True),
    ("p_penalty_period", "share", "unit.p_penalty_period", True),
    ("p_unit_veto", "share", "unit.p_unit_veto", True),
    ("unit_app_hours_year", "hours", "unit.unit_app_hours_year", True),
    ("real_output", "number", "fit.real_output", False),
    ("measured_score", "number", "fit.measured_score", False),
    ("mean_fit", "number", "fit.mean_fit", False),
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


@dataclass(frozen=True)
class ComparisonResult:
    status_quo: Outcome
    reformed: Outcome
    #: Ids of the reforms applied (for the charts' labels: each with its date relative to the
    #: article, see explainer.reforms); empty when the result was not made from reforms.
    reforms: tuple[str, ...] = ()

    def table(self) -> pd.DataFrame:
        """One row per headline figure: status quo, reform, difference, and whether it helps."""
        rows = []
        for key, kind, path, lower_is_better in METRICS:
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
