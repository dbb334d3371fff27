"""Point and study-hour rules: how time spent in an app is credited.

Exact arithmetic throughout: durations are integer seconds and study hours are
:class:`fractions.Fraction`, so nothing drifts at the half-hour boundary (in floating point,
nine sessions of 0.5/9 h add up to slightly more than 0.5 h and would be credited 1.0).

Sources (see ``data/sources.yaml``):

* Points: a large login bonus, small per-item points that accumulate within a day, and credit
  by viewing time rather than clicks — seed §3 (“登录会获得一笔较高的奖励积分”,
  “以观看时间计算”); per-activity daily caps and a daily maximum as in a study app's published
  rules (secondary reports; ``xuexi_rules``); the anti-farming limit — seed §3 (“防刷”系统).
* Study hours: “each hour is one study hour; up to half an hour counts 0.5, over half an hour
  up to an hour counts 1, and so on” — seed §3 (“小于等于0.5小时的按0.5学时赋值”). Whether each
  session or each day is rounded is not said, so both are offered; so is rounding down, as some
  platforms do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

RoundingMode = Literal["ceil_half", "floor_half", "exact"]
RoundingUnit = Literal["day", "session"]
StudyDays = Literal["all", "working"]

HALF_HOUR = 1800  # seconds


def minutes_to_seconds(minutes: float) -> int:
    """Declared minutes (steps of 0.5 or coarser) → whole seconds, exactly."""
    return round(minutes * 60)


# ----------------------------------------------------------------------------- points
@dataclass(frozen=True)
class PointRule:
    """One app's daily point rule (all caps are points per day)."""

    login: int
    per_item: int
    item_seconds: int
    item_cap: int
    credit_by_time: bool
    seconds_per_time_point: int
    time_cap: int
    daily_max: int

    def points_after(self, seconds: int) -> int:
        """Points on the day after logging in and then reading/watching for ``seconds``.

        Items are opened one after another, each taking ``item_seconds``; with time-based
        credit, the same seconds also earn a point per ``seconds_per_time_point``.
        """
        items = 0
        if self.per_item > 0 and self.item_seconds > 0:
            items = min(self.item_cap, self.per_item * (seconds // self.item_seconds))
        timed = 0
        if self.credit_by_time and self.seconds_per_time_point > 0:
            timed = min(self.time_cap, seconds // self.seconds_per_time_point)
        return min(self.daily_max, self.login + items + timed)

    def seconds_to_saturate(self) -> int:
        """Reading time after which no further point can be earned today."""
        item_end = 0
        if self.per_item > 0 and self.item_seconds > 0 and self.item_cap > 0:
            item_end = -(-self.item_cap // self.per_item) * self.item_seconds
        time_end = 0
        if self.credit_by_time and self.seconds_per_time_point > 0:
            time_end = self.time_cap * self.seconds_per_time_point
        return max(item_end, time_end)

    def breakpoints(self) -> list[int]:
        """Every reading time (seconds) at which the score can step up, in order."""
        end = self.seconds_to_saturate()
        steps: set[int] = {0}
        if self.per_item > 0 and self.item_seconds > 0:
            steps.update(range(self.item_seconds, end + 1, self.item_seconds))
        if self.credit_by_time and self.seconds_per_time_point > 0:
            steps.update(range(self.seconds_per_time_point, end + 1, self.seconds_per_time_point))
        return sorted(steps)


@dataclass(frozen=True)
class QuotaOutcome:
    """How much reading a daily points quota demands.

    ``reachable`` is False when the caps make the quota impossible: the person then reads until
    nothing more can be earned (``seconds``) and still ends the day at ``points`` < ``quota``.
    """

    quota: int
    reachable: bool
    seconds: int
    points: int
    max_points: int


def seconds_for_quota(rule: PointRule, quota: int) -> QuotaOutcome:
    """The least reading time that reaches ``quota`` points, or the caps' verdict that none does.

    The score is a non-decreasing step function of reading time, so the answer is the first
    breakpoint whose score meets the quota (exact, no search tolerance).
    """
    points = steps = 0
    max_points = rule.points_after(rule.seconds_to_saturate())
    for steps in rule.breakpoints():
        points = rule.points_after(steps)
        if points >= quota:
            return QuotaOutcome(quota, True, steps, points, max_points)
    # Unreachable: read until the last point that can still be earned.
    first_at_max = next(t for t in rule.breakpoints() if rule.points_after(t) == max_points)
    return QuotaOutcome(quota, False, first_at_max, max_points, max_points)


# ----------------------------------------------------------------------------- study hours
def credited_hours(seconds: int, mode: RoundingMode = "ceil_half") -> Fraction:
    """Study hours credited for one stretch of ``seconds``.

    ``ceil_half`` is the provincial app's rule in seed §3: (0, 0.5 h] → 0.5, (0.5 h, 1 h] → 1, ….
    Zero time earns nothing (the literal text would give 0.5; we take that as unintended).
    ``floor_half`` rounds down to the half hour; ``exact`` credits the time itself.
    """
    if seconds < 0:
        raise ValueError("a duration cannot be negative")
    if mode == "exact":
        return Fraction(seconds, 3600)
    halves = -(-seconds // HALF_HOUR) if mode == "ceil_half" else seconds // HALF_HOUR
    return Fraction(halves, 2)


def credited_day(
    session_seconds: list[int], mode: RoundingMode = "ceil_half", unit: RoundingUnit = "day"
) -> Fraction:
    """Study hours for one day's sessions, rounding each session or the day's total."""
    if unit == "day":
        return credited_hours(sum(session_seconds), mode)
    return sum((credited_hours(s, mode) for s in session_seconds), Fraction(0))


def least_seconds_for_credit(
    hours: Fraction, mode: RoundingMode, unit: RoundingUnit = "day", sessions: int = 1
) -> int:
    """Fewest seconds in a day that earn at least ``hours`` study hours under the rule.

    With per-session rounding and up to ``sessions`` sessions, the person splits the day as
    cleverly as the rule allows (rounding up rewards many short sessions).
    """
    if hours <= 0:
        return 0
    if mode == "exact":
        return -(-hours.numerator * 3600 // hours.denominator)
    halves = -(-(2 * hours.numerator) // hours.denominator)  # half-hours of credit needed
    if mode == "floor_half":
        return halves * HALF_HOUR  # rounding down never rewards splitting
    if unit == "day" or sessions <= 1:
        return (halves - 1) * HALF_HOUR + 1
    # ceil_half per session: each session's first second earns a half hour.
    if halves <= sessions:
        return halves
    return (halves - sessions) * HALF_HOUR + sessions


def study_days_in_window(start: dt.date, end: dt.date, days: StudyDays = "all") -> int:
    """Days from ``start`` to ``end`` inclusive; ``working`` counts Monday to Friday only."""
    if end < start:
        return 0
    total = (end - start).days + 1
    if days == "all":
        return total
    full_weeks, rest = divmod(total, 7)
    weekdays = full_weeks * 5
    for offset in range(rest):
        if (start + dt.timedelta(days=full_weeks * 7 + offset)).weekday() < 5:
            weekdays += 1
    return weekdays


@dataclass(frozen=True)
class StudyTarget:
    """A periodic target spread over its window: what each study day must credit and cost."""

    hours: Fraction
    days: int
    hours_per_day: Fraction
    seconds_per_day: int  # least time under the rounding rule
    exact_seconds_per_day: int  # the same target with no rounding at all
    cap_seconds: int
    reachable: bool  # False when the daily cap credits less than the day needs


def study_target(
    hours: Fraction,
    start: dt.date,
    end: dt.date,
    days: StudyDays = "all",
    mode: RoundingMode = "ceil_half",
    unit: RoundingUnit = "day",
    sessions: int = 1,
    cap_seconds: int | None = None,
) -> StudyTarget:
    """Spread ``hours`` evenly over the study days of the window (seed §3: 20 学时 by 20 August).

    The anti-farming cap limits the time credited per day (seed §3, “限定每天学习时限”); if a
    day needs more credit than the cap allows, the target cannot be met in the window.
    """
    n_days = study_days_in_window(start, end, days)
    if hours <= 0:
        return StudyTarget(hours, n_days, Fraction(0), 0, 0, cap_seconds or 0, True)
    if n_days == 0:
        return StudyTarget(hours, 0, hours, 0, 0, cap_seconds or 0, False)
    per_day = hours / n_days
    need = least_seconds_for_credit(per_day, mode, unit, sessions)
    exact = least_seconds_for_credit(per_day, "exact")
    reachable = True
    if cap_seconds is not None:
        most = (
            credited_hours(cap_seconds, mode)
            if unit == "day"
            else _best_credit(cap_seconds, mode, sessions)
        )
        reachable = most >= per_day
    return StudyTarget(hours, n_days, per_day, need, exact, cap_seconds or 0, reachable)


def _best_credit(seconds: int, mode: RoundingMode, sessions: int) -> Fraction:
    """Most credit ``seconds`` can earn split into up to ``sessions`` sessions."""
    if mode != "ceil_half" or sessions <= 1:
        return credited_hours(seconds, mode)
    short = min(sessions - 1, seconds)  # one-second sessions, each worth half an hour
    return Fraction(short, 2) + credited_hours(seconds - short, mode)
