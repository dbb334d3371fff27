"""Exercises of the teaching notebooks (``notebooks/guide/``), checked against the model.

A student writes an answer in the notebook and calls :func:`check`::

    from explainer.exercises import check
    check("02_sleep_proxy", 5.5)

The result is a :class:`Feedback`: right or wrong, with a hint in Chinese and English. The hint
says where to look or which way the answer is off; it never states the answer, and it contains
no digits at all (``tests/test_guides.py`` checks this), so no figure of the answer can leak.

The correct answers are not stored anywhere: each is computed here from the model at the
moment of checking (from ``registry().default()`` and the presets and reforms in ``data/``), so
they stay right when a default changes. Each exercise states its tolerance
(:func:`tolerance`), which the notebook repeats to the student.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from typing import Any, Literal

__all__ = ["Feedback", "check", "exercise_ids", "tolerance"]

Kind = Literal["number", "clock", "choice"]


@dataclass(frozen=True)
class Feedback:
    """Right or wrong, and a hint in both languages (never the answer)."""

    ok: bool
    zh: str
    en: str

    @property
    def hint(self) -> str:
        """The hint in both languages, Chinese first."""
        return f"{self.zh}\n{self.en}"

    def __str__(self) -> str:
        mark = "✓ 正确 · Correct" if self.ok else "✗ 还不对 · Not yet"
        return f"{mark}\n{self.hint}"

    def _repr_markdown_(self) -> str:
        mark = "✅ **正确 · Correct**" if self.ok else "❌ **还不对 · Not yet**"
        return f"{mark}\n\n{self.zh}\n\n{self.en}"


@dataclass(frozen=True)
class _Exercise:
    """One exercise: how to compute the answer, how close is close enough, what to hint."""

    id: str
    kind: Kind
    expected: Callable[[], Any]
    absolute: float = 0.0  # tolerance in the answer's unit
    relative: float = 0.0  # tolerance as a share of the answer
    unit: tuple[str, str] = ("", "")
    how: tuple[str, str] = ("", "")  # where to look, zh and en (no digits)
    traps: tuple[tuple[Callable[[], Any], str, str], ...] = field(default=())  # common slips

    def close(self, value: float, target: float) -> bool:
        allowed = max(self.absolute, self.relative * abs(target))
        return abs(value - target) <= allowed + 1e-12


# ----------------------------------------------------------------------------- expected answers
# Each function computes the correct answer from the model. Imports stay inside the functions
# so that importing this module is cheap.


def _defaults() -> Any:
    from explainer.spec import registry

    return registry().default()


def _replace(s: Any, **changes: Any) -> Any:
    from explainer.spec import registry

    return registry().replace(s, **changes)


def _district_round_up(mode: str = "ceil_half") -> Any:
    """The district case (20 study hours by 20 August), started late on 2 August with a daily
    limit of 90 minutes, every day counted, rounded per day: what could close the gap between
    the app's rule (about half an hour a day) and the article's hour (seed §3)."""
    from explainer.model.night import night
    from explainer.presets import presets

    s = _replace(
        presets()["district_20h"].scenario(),
        window_start="2020-08-02",
        daily_study_cap_min=90,
        study_days="all",
        rounding_mode=mode,
        rounding_unit="day",
    )
    return night(s).study


def _district_minutes() -> float:
    return _district_round_up().seconds_per_day / 60


def _district_minutes_unrounded() -> float:
    return _district_round_up().exact_seconds_per_day / 60


def _split_sessions(unit: str = "session") -> int:
    from explainer.model.rules import least_seconds_for_credit

    return least_seconds_for_credit(Fraction(3), "ceil_half", unit, sessions=6)  # type: ignore[arg-type]


def _bedtime_nine_apps() -> float:
    from explainer.model.night import typical_night

    return typical_night(_replace(_defaults(), n_apps=9)).bedtime


def _bedtime_default() -> float:
    from explainer.model.night import typical_night

    return typical_night(_defaults()).bedtime


def _sleep_proxy_hours() -> float:
    from explainer.model.night import typical_night

    return typical_night(_replace(_defaults(), n_proxy_accounts=1)).sleep_minutes / 60


def _sleep_default_hours() -> float:
    from explainer.model.night import typical_night

    return typical_night(_defaults()).sleep_minutes / 60


def _veto_fifty() -> float:
    """Fifty staff, three vetoed items each, a one-in-a-hundred chance of failing each."""
    from explainer.model.penalties import veto_probability

    return veto_probability(50, 3, 0.01)


def _veto_fifty_one_item() -> float:
    from explainer.model.penalties import veto_probability

    return veto_probability(50, 1, 0.01)


def _reading_ratio() -> float:
    from explainer.model.unit import unit

    vetoes = unit(_defaults()).vetoes
    return vetoes["at_least"].p_person_visits / vetoes["more_than"].p_person_visits


def _reading_ratio_unit() -> float:
    from explainer.model.unit import unit

    vetoes = unit(_defaults()).vetoes
    return vetoes["at_least"].p_unit_veto / vetoes["more_than"].p_unit_veto


def _cascade_ratio(**changes: Any) -> float:
    from explainer.model.escalation import cascade

    return float(cascade(_replace(_defaults(), **changes))["ratio_to_top"].iloc[-1])


def _alpha_zero_ratio() -> float:
    return _cascade_ratio(alpha=0.0)


def _levels_double() -> int:
    from explainer.spec import registry

    spec = registry().params["n_levels"]
    for levels in range(spec.min, spec.max + 1):
        if _cascade_ratio(alpha=0.5, n_levels=levels) >= 2:
            return levels
    return spec.max + 1  # pragma: no cover - the declared range always reaches double


def _zero_real_reward() -> float:
    """Smallest reward w on the metric at which real work stops (v = c = 1, δ = 0.8)."""
    from explainer.model.fit import effort_split

    low, high = 0.0, 10.0
    for _ in range(60):  # bisection on the model, not the closed form
        mid = (low + high) / 2
        if effort_split(mid, v=1.0, c=1.0, delta=0.8).real <= 1e-12:
            high = mid
        else:
            low = mid
    return high


def _crowding_reward(department: str = "grassroots", align: float | None = None) -> float:
    """Smallest reward w at which the points app starts to crowd out real work in
    ``department`` (real work below its no-reward level), all else at defaults."""
    from explainer.model.fit import fit_result, incentives

    s = _replace(_defaults(), department=department)
    inc = incentives(s)
    a = fit_result(s).alignment if align is None else align
    base = inc.split(0.0, a).real
    low, high = 0.0, 3.0
    for _ in range(60):  # bisection on the model, not the closed form
        mid = (low + high) / 2
        if inc.split(mid, a).real < base - 1e-9:
            high = mid
        else:
            low = mid
    return high


def _crowding_reward_unaligned() -> float:
    return _crowding_reward(align=0.0)


def _esignature_output_parts() -> dict[str, float]:
    from explainer.model.compare import compare
    from explainer.reforms import apply_reforms

    s = _defaults()
    return compare(s, apply_reforms(s, ["esignature"]).reformed).output_attribution.parts


def _esignature_tool_part() -> float:
    return _esignature_output_parts()["tool"]


def _esignature_whole_change() -> float:
    return sum(_esignature_output_parts().values())


def _short_sleep_by_reform() -> dict[str, float]:
    from explainer.model.unit import unit
    from explainer.reforms import apply_reforms, reforms

    s = _defaults()
    return {rid: unit(apply_reforms(s, [rid]).reformed).share_short_sleep for rid in reforms()}


def _best_single_reforms() -> set[str]:
    shares = _short_sleep_by_reform()
    best = min(shares.values())
    return {rid for rid, share in shares.items() if share <= best + 1e-9}


def _all_reforms_short_sleep() -> float:
    from explainer.model.unit import unit
    from explainer.reforms import apply_reforms, reforms

    return unit(apply_reforms(_defaults(), reforms()).reformed).share_short_sleep


def _status_quo_short_sleep() -> float:
    from explainer.model.unit import unit

    return unit(_defaults()).share_short_sleep


# ----------------------------------------------------------------------------- the exercises
_EXERCISES = (
    _Exercise(
        "01_district_minutes",
        "number",
        _district_minutes,
        absolute=0.5,
        unit=("分钟", "minutes"),
        how=(
            "用 study_target，或对区里的预设调用 night(s).study，看 seconds_per_day。",
            "Use study_target, or night(s).study on the district preset, and read seconds_per_day.",
        ),
        traps=(
            (
                _district_minutes_unrounded,
                "这是不取整时需要的时间。省级APP的规则把每天的时长向上取到半小时。",
                "That is the time with no rounding at all. The provincial app rounds each "
                "day's time up to the next half hour.",
            ),
        ),
    ),
    _Exercise(
        "01_split_sessions",
        "number",
        _split_sessions,
        absolute=0,
        unit=("秒", "seconds"),
        how=(
            "试试 least_seconds_for_credit，取整单位设为 session，并给出每天的最多次数。",
            "Try least_seconds_for_credit with the rounding unit set to session and the "
            "number of sessions allowed.",
        ),
        traps=(
            (
                lambda: _split_sessions("day"),
                "这是按天合计后再取整的结果；题目问的是每次分别取整。",
                "That is the answer when the day's total is rounded; the question rounds "
                "each session on its own.",
            ),
        ),
    ),
    _Exercise(
        "02_bedtime_nine_apps",
        "clock",
        _bedtime_nine_apps,
        absolute=2,
        unit=("时刻 HH:MM", "clock time HH:MM"),
        how=(
            "用 registry().replace 把 APP 数改掉，再看 typical_night(s).bedtime，"
            "用 format_clock 换成钟点。",
            "Change the number of apps with registry().replace, then read typical_night(s).bedtime "
            "and turn it into a clock time with format_clock.",
        ),
        traps=(
            (
                _bedtime_default,
                "这是默认情形的就寝时间；多一个APP，还要多一轮签到。",
                "That is the bedtime of the default night; one more app adds one more "
                "sign-in round.",
            ),
        ),
    ),
    _Exercise(
        "02_sleep_proxy",
        "number",
        _sleep_proxy_hours,
        absolute=0.05,
        unit=("小时", "hours"),
        how=(
            "替一位同事刷分：n_proxy_accounts 设为一，"
            "再看 typical_night(s).sleep_minutes，换算成小时。",
            "Farming for one colleague: set n_proxy_accounts to one, read "
            "typical_night(s).sleep_minutes and convert it to hours.",
        ),
        traps=(
            (
                _sleep_default_hours,
                "这是不替别人刷时的睡眠；替同事刷，要把他那份APP时间也做一遍。",
                "That is the sleep without proxy farming; a colleague's account repeats his "
                "share of app time.",
            ),
        ),
    ),
    _Exercise(
        "03_veto_fifty",
        "number",
        _veto_fifty,
        absolute=0.005,
        unit=("比例（零到一之间）", "share between zero and one"),
        how=(
            "一票否决：veto_probability(n_staff, k_items, p_fail)。",
            "The one-vote veto: veto_probability(n_staff, k_items, p_fail).",
        ),
        traps=(
            (
                _veto_fifty_one_item,
                "这是每人只有一项否决事项时的结果；题中每人有不止一项。",
                "That is the result for a single vetoed item; in the question each person "
                "faces more than one.",
            ),
        ),
    ),
    _Exercise(
        "03_reading_ratio",
        "number",
        _reading_ratio,
        relative=0.02,
        unit=("倍", "times"),
        how=(
            "对默认情形调用 unit(s)，比较 vetoes 里两种读法的 p_person_visits。",
            "Call unit(s) on the defaults and compare p_person_visits of the two readings "
            "in vetoes.",
        ),
        traps=(
            (
                _reading_ratio_unit,
                "这是全单位被否决概率之比；题目问的是一个人连续缺勤触发规则的概率之比。",
                "That is the ratio for the whole unit's veto; the question asks about one "
                "person's chance of a run of misses.",
            ),
        ),
    ),
    _Exercise(
        "04_alpha_zero_ratio",
        "number",
        _alpha_zero_ratio,
        absolute=0.02,
        unit=("倍", "times"),
        how=(
            "把 alpha 设为零，调用 cascade(s)，看最后一行的 ratio_to_top。",
            "Set alpha to zero, call cascade(s) and read ratio_to_top in the last row.",
        ),
    ),
    _Exercise(
        "04_levels_double",
        "number",
        _levels_double,
        absolute=0,
        unit=("层", "levels"),
        how=(
            "alpha 设为题中的值，逐个试 n_levels，"
            "看 cascade 最后一行的 ratio_to_top 何时首次达到两倍。",
            "Set alpha as the question says, try each n_levels and watch when ratio_to_top in "
            "the last row of cascade first reaches double.",
        ),
    ),
    _Exercise(
        "05_zero_real",
        "number",
        _zero_real_reward,
        absolute=0.02,
        unit=("奖励强度 w", "reward w"),
        how=(
            "在公式里令 r* 等于零解出 w，或用 effort_split 逐个试 w，看 real 何时变成零。",
            "Set r* to zero in the formula and solve for w, or try values of w in effort_split "
            "and watch when real reaches zero.",
        ),
    ),
    _Exercise(
        "05_crowding_grassroots",
        "number",
        _crowding_reward,
        absolute=0.02,
        unit=("奖励强度 w", "reward w"),
        how=(
            "department 设为 grassroots，逐个试 metric_reward，"
            "看 fit_result(s).split.real 何时低于不奖励时的 no_reward.real；"
            "或把真工作和刷指标的边际奖励代入内点解，解出 w。",
            "Set department to grassroots, try values of metric_reward and watch when "
            "fit_result(s).split.real drops below no_reward.real; or put the marginal rewards "
            "on real work and on metric work into the interior solution and solve for w.",
        ),
        traps=(
            (
                _crowding_reward_unaligned,
                "这是分数完全看不见真工作时的门槛；积分APP能看见基层任务的九分之二。",
                "That is the threshold for a score that sees no real work at all; "
                "the points app sees two ninths of the grassroots task.",
            ),
        ),
    ),
    _Exercise(
        "06_best_single",
        "choice",
        _best_single_reforms,
        how=(
            "对每一项改革单独调用 apply_reforms(s, [rid])，再比较 unit(...).share_short_sleep。",
            "Apply each reform alone with apply_reforms(s, [rid]) and compare "
            "unit(...).share_short_sleep.",
        ),
    ),
    _Exercise(
        "06_all_reforms_short",
        "number",
        _all_reforms_short_sleep,
        absolute=0.01,
        unit=("比例（零到一之间）", "share between zero and one"),
        how=(
            "一次把 reforms() 里的全部改革都用上：apply_reforms(s, reforms())，"
            "再看 share_short_sleep。",
            "Apply every reform in reforms() at once with apply_reforms(s, reforms()) and read "
            "share_short_sleep.",
        ),
        traps=(
            (
                _status_quo_short_sleep,
                "这是改革前的比例；别忘了把改革后的情景交给 unit。",
                "That is the share before any reform; pass the reformed scenario to unit.",
            ),
        ),
    ),
    _Exercise(
        "06_esignature_tool_part",
        "number",
        _esignature_tool_part,
        absolute=0.01,
        unit=("真实产出的变化", "change in real output"),
        how=(
            "compare(s, apply_reforms(s, ['esignature']).reformed).output_attribution，"
            "看 parts['tool']。",
            "Take compare(s, apply_reforms(s, ['esignature']).reformed).output_attribution "
            "and read parts['tool'].",
        ),
        traps=(
            (
                _esignature_whole_change,
                "这是真实产出的全部变化；其中一部分来自奖励减半，要记在奖励上。",
                "That is the whole change in real output; part of it comes from halving the "
                "reward and is credited to the reward.",
            ),
        ),
    ),
)


@cache
def _by_id() -> dict[str, _Exercise]:
    return {exercise.id: exercise for exercise in _EXERCISES}


def exercise_ids() -> list[str]:
    """Every exercise id, in the order of the guides."""
    return list(_by_id())


def tolerance(exercise_id: str) -> str:
    """How close an answer must be, in words (the same text the notebook gives)."""
    ex = _get(exercise_id)
    if ex.kind == "choice":
        return "exact choice"
    if ex.kind == "clock":
        return f"±{ex.absolute:g} min"
    if ex.relative:
        return f"±{ex.relative:.0%}"
    return "exact" if ex.absolute == 0 else f"±{ex.absolute:g} {ex.unit[1]}".strip()


def _get(exercise_id: str) -> _Exercise:
    try:
        return _by_id()[exercise_id]
    except KeyError:
        raise KeyError(
            f"unknown exercise {exercise_id!r}; known: {', '.join(exercise_ids())}"
        ) from None


# ----------------------------------------------------------------------------- checking
def _as_number(answer: Any) -> float | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        value = float(answer)
        return value if math.isfinite(value) else None
    if isinstance(answer, str):
        text = answer.strip().replace(",", "").rstrip("%")
        try:
            value = float(text)
        except ValueError:
            return None
        if answer.strip().endswith("%"):
            value /= 100
        return value if math.isfinite(value) else None
    return None


def _as_clock(answer: Any) -> float | None:
    """``"00:19"``, ``"24:19"``, a ``datetime.time``, or minutes after midnight."""
    from explainer.spec import parse_clock

    if isinstance(answer, dt.time):
        return float(answer.hour * 60 + answer.minute)
    if isinstance(answer, str):
        try:
            return float(parse_clock(answer.strip()))
        except ValueError:
            return None
    return _as_number(answer)


def _clock_distance(a: float, b: float) -> float:
    day = 24 * 60
    diff = abs(a - b) % day
    return min(diff, day - diff)


def _wrong(ex: _Exercise, zh: str, en: str) -> Feedback:
    return Feedback(False, f"{zh} 提示：{ex.how[0]}", f"{en} Hint: {ex.how[1]}")


def check(exercise_id: str, answer: Any) -> Feedback:
    """Is ``answer`` right for ``exercise_id``? Returns a :class:`Feedback` (never the answer).

    Numbers may be given as int, float, Fraction or text; shares as a number between 0 and 1
    or as a percentage ("39%" or a number above 1); clock times as "HH:MM".
    """
    ex = _get(exercise_id)
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return _wrong(
            ex,
            "还没有答案：把 None 换成你算出的结果，再运行这个单元格。",
            "No answer yet: replace None with your result and run the cell again.",
        )
    if ex.kind == "choice":
        return _check_choice(ex, answer)
    if ex.kind == "clock":
        return _check_clock(ex, answer)
    return _check_number(ex, answer)


def _check_number(ex: _Exercise, answer: Any) -> Feedback:
    value = _as_number(answer)
    if value is None:
        return _wrong(ex, "请给出一个数。", "Please give a number.")
    target = float(ex.expected())
    share = "share" in ex.unit[1]
    if share and 1 < value <= 100:  # a percentage typed as a number
        value /= 100
    if ex.close(value, target):
        return Feedback(
            True,
            "正确。想一想：哪一个假设最能改变这个结果？",
            "Correct. Now ask which assumption would change this result the most.",
        )
    for trap, zh, en in ex.traps:
        if ex.close(value, float(trap())):
            return _wrong(ex, zh, en)
    if ex.id == "02_sleep_proxy" and value > 24:
        return _wrong(ex, "单位是小时，不是分钟。", "The unit is hours, not minutes.")
    direction = ("偏大了。", "Too high.") if value > target else ("偏小了。", "Too low.")
    return _wrong(
        ex, f"{direction[0]}（单位：{ex.unit[0]}）", f"{direction[1]} (unit: {ex.unit[1]})"
    )


def _check_clock(ex: _Exercise, answer: Any) -> Feedback:
    value = _as_clock(answer)
    if value is None:
        return _wrong(ex, "请用 HH:MM 的格式给出时刻。", "Please give a clock time as HH:MM.")
    target = float(ex.expected())
    if _clock_distance(value, target) <= ex.absolute:
        return Feedback(
            True,
            "正确。再想一想：如果起床时间是假设错了，结论还站得住吗？",
            "Correct. Would the conclusion survive if the assumed wake-up time were wrong?",
        )
    for trap, zh, en in ex.traps:
        if _clock_distance(value, float(trap())) <= ex.absolute:
            return _wrong(ex, zh, en)
    later = (value - target) % (24 * 60) < 12 * 60
    direction = ("太晚了。", "Too late.") if later else ("太早了。", "Too early.")
    return _wrong(ex, direction[0], direction[1])


def _check_choice(ex: _Exercise, answer: Any) -> Feedback:
    from explainer.reforms import reforms

    known = reforms()
    given = str(getattr(answer, "id", answer)).strip()
    if given not in known:
        return _wrong(
            ex,
            "这不是一项改革的 id；可用的 id 见 reforms().keys()。",
            "That is not a reform id; the ids are in reforms().keys().",
        )
    best = ex.expected()
    if given in best:
        tie = len(best) > 1
        return Feedback(
            True,
            "正确。"
            + ("还有一项改革与它效果相同——为什么？" if tie else "它为什么比其他改革更有效？"),
            "Correct. "
            + (
                "Another reform does exactly as well: why?"
                if tie
                else "Why does it beat the others?"
            ),
        )
    return _wrong(
        ex,
        "这项改革有帮助，但另有一项减少得更多。",
        "This reform helps, but another one cuts the share further.",
    )
