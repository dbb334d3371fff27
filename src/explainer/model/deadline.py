"""A cumulative study target with a deadline: the chance of falling short by the deadline.

The district in seed §3 asks every official for 20 study hours by 20 August (“8月20日前…学够
20学时”) on the provincial party-building app, whose rule rounds each stretch of study *up* to
the half hour (“小于等于0.5小时的按0.5学时赋值”), with an anti-farming limit on study time per
day (“限定每天学习时限”). The rule is cumulative: a day missed can be made up later, up to the
daily limit. The article describes no nightly threshold and no penalty per night for this case,
so the unit page reports this chance instead of a nightly-threshold risk.

**Model assumptions** (not in the article): each study day is lost independently with the
same chance p (overtime, trips, illness); on every other day the official studies to the
daily limit — the official in seed §3 says the limit is why he needs about an hour every day —
and so credits the most a day can, m (under the round-up rule, the least time that earns it),
until the target is met. He misses the target only if fewer than ⌈H/m⌉ of the D study days
are left to him:

    P(miss) = P(Binomial(D, 1 − p) < ⌈H / m⌉).

Catching up at the limit is the best he can do, so this is the lowest chance of missing under
these assumptions; studying only the even share each day and catching up later can only miss
more often.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from explainer.model.rules import (
    RoundingMode,
    RoundingUnit,
    _best_credit,
    credited_hours,
    minutes_to_seconds,
    study_days_in_window,
)


@dataclass(frozen=True)
class DeadlineRisk:
    """The cumulative target, the days to meet it, and the chance of missing it."""

    hours: Fraction  # H, study hours required by the deadline
    days: int  # D, study days in the window
    p_skip: float  # chance a study day is lost
    most_per_day: Fraction  # the most one day can credit under the daily limit
    p_miss: float  # chance of having less than H by the deadline

    @property
    def days_needed(self) -> int | None:
        """Days of study at the daily limit the target needs (None if no day credits)."""
        return math.ceil(self.hours / self.most_per_day) if self.most_per_day > 0 else None

    @property
    def days_to_spare(self) -> int:
        """Days that could be lost if every other day were studied to the limit (< 0: none)."""
        needed = self.days_needed
        return self.days - needed if needed is not None else -1


def _binomial_below(n: int, p: float, k: int) -> float:
    """P(Binomial(n, p) < k)."""
    if k <= 0:
        return 0.0
    if k > n:
        return 1.0
    return math.fsum(math.comb(n, j) * p**j * (1 - p) ** (n - j) for j in range(k))


def miss_probability(
    hours: Fraction,
    days: int,
    p_skip: float,
    mode: RoundingMode = "ceil_half",
    unit: RoundingUnit = "day",
    sessions: int = 1,
    cap_seconds: int | None = None,
) -> DeadlineRisk:
    """The chance of ending the window with fewer than ``hours`` credited study hours.

    Study days are lost with chance ``p_skip`` each, independently; on the others the official
    credits the most that ``cap_seconds`` of study earns in a day under the rounding rule.
    """
    if not 0 <= p_skip <= 1:
        raise ValueError("p_skip must be a probability")
    if cap_seconds is None:
        most = hours if hours > 0 else Fraction(1)
    elif unit == "day":
        most = credited_hours(cap_seconds, mode)
    else:
        most = _best_credit(cap_seconds, mode, sessions)
    if hours <= 0:
        return DeadlineRisk(hours, days, p_skip, most, 0.0)
    if days <= 0 or most <= 0:
        return DeadlineRisk(hours, days, p_skip, most, 1.0)
    needed = math.ceil(hours / most)
    return DeadlineRisk(hours, days, p_skip, most, _binomial_below(days, 1 - p_skip, needed))


def deadline_risk(s: Any) -> DeadlineRisk | None:
    """The deadline risk of scenario ``s`` (None when it sets no study-hour target)."""
    if s.study_hours_target <= 0 or s.n_apps == 0:
        return None
    return miss_probability(
        Fraction(str(s.study_hours_target)),
        study_days_in_window(s.window_start, s.window_end, s.study_days),
        float(s.p_skip_study_day),
        s.rounding_mode,
        s.rounding_unit,
        s.sessions_per_day,
        minutes_to_seconds(s.daily_study_cap_min),
    )
