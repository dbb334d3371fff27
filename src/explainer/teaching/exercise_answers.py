"""The answers of the guides' exercises, computed from the model at the moment of checking.

Each function is small and pure: it reads the defaults, presets and reforms in ``data/`` through
the same functions the dashboards call, so an answer stays right when a default changes.
``data/exercises.yaml`` names these functions (``answer: {function: name}``); the checker in
:mod:`explainer.teaching.exercises` calls them. Imports stay inside the functions so that
importing this
module is cheap.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any


def defaults() -> Any:
    from explainer.core.spec import registry

    return registry().default()


def replace(s: Any, **changes: Any) -> Any:
    from explainer.core.spec import registry

    return registry().replace(s, **changes)


def district_round_up(mode: str = "ceil_half") -> Any:
    """The district case (20 study hours by 20 August), started late on 2 August with a daily
    limit of 90 minutes, every day counted, rounded per day: what could close the gap between
    the app's rule (about half an hour a day) and the article's hour (seed §3)."""
    from explainer.core.presets import presets
    from explainer.model.night import night

    s = replace(
        presets()["district_20h"].scenario(),
        window_start="2020-08-02",
        daily_study_cap_min=90,
        study_days="all",
        rounding_mode=mode,
        rounding_unit="day",
    )
    return night(s).study


def district_minutes() -> float:
    return district_round_up().seconds_per_day / 60


def district_minutes_unrounded() -> float:
    return district_round_up().exact_seconds_per_day / 60


def split_sessions(unit: str = "session") -> int:
    from explainer.model.rules import least_seconds_for_credit

    return least_seconds_for_credit(Fraction(3), "ceil_half", unit, sessions=6)  # type: ignore[arg-type]


def bedtime_nine_apps() -> float:
    from explainer.model.night import typical_night

    return typical_night(replace(defaults(), n_apps=9)).bedtime


def bedtime_default() -> float:
    from explainer.model.night import typical_night

    return typical_night(defaults()).bedtime


def sleep_proxy_hours() -> float:
    from explainer.model.night import typical_night

    return typical_night(replace(defaults(), n_proxy_accounts=1)).sleep_minutes / 60


def sleep_default_hours() -> float:
    from explainer.model.night import typical_night

    return typical_night(defaults()).sleep_minutes / 60


def veto_fifty() -> float:
    """Fifty staff, three vetoed items each, a one-in-a-hundred chance of failing each."""
    from explainer.model.penalties import veto_probability

    return veto_probability(50, 3, 0.01)


def veto_fifty_one_item() -> float:
    from explainer.model.penalties import veto_probability

    return veto_probability(50, 1, 0.01)


def reading_ratio() -> float:
    from explainer.model.unit import unit

    vetoes = unit(defaults()).vetoes
    return vetoes["at_least"].p_person_visits / vetoes["more_than"].p_person_visits


def reading_ratio_unit() -> float:
    from explainer.model.unit import unit

    vetoes = unit(defaults()).vetoes
    return vetoes["at_least"].p_unit_veto / vetoes["more_than"].p_unit_veto


def cascade_ratio(**changes: Any) -> float:
    from explainer.model.escalation import cascade

    return float(cascade(replace(defaults(), **changes))["ratio_to_top"].iloc[-1])


def alpha_zero_ratio() -> float:
    return cascade_ratio(alpha=0.0)


def levels_double() -> int:
    from explainer.core.spec import registry

    spec = registry().params["n_levels"]
    for levels in range(spec.min, spec.max + 1):
        if cascade_ratio(alpha=0.5, n_levels=levels) >= 2:
            return levels
    return spec.max + 1  # pragma: no cover - the declared range always reaches double


def zero_real_reward() -> float:
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


def crowding_reward(department: str = "grassroots", align: float | None = None) -> float:
    """Smallest reward w at which the points app starts to crowd out real work in
    ``department`` (real work below its no-reward level), all else at defaults."""
    from explainer.model.fit import fit_result, incentives

    s = replace(defaults(), department=department)
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


def crowding_reward_unaligned() -> float:
    return crowding_reward(align=0.0)


def esignature_output_parts() -> dict[str, float]:
    from explainer.core.reforms import apply_reforms
    from explainer.model.compare import compare

    s = defaults()
    return compare(s, apply_reforms(s, ["esignature"]).reformed).output_attribution.parts


def esignature_tool_part() -> float:
    return esignature_output_parts()["tool"]


def esignature_whole_change() -> float:
    return sum(esignature_output_parts().values())


def short_sleep_by_reform() -> dict[str, float]:
    from explainer.core.reforms import apply_reforms, reforms
    from explainer.model.unit import unit

    s = defaults()
    return {rid: unit(apply_reforms(s, [rid]).reformed).share_short_sleep for rid in reforms()}


def best_single_reforms() -> set[str]:
    shares = short_sleep_by_reform()
    best = min(shares.values())
    return {rid for rid, share in shares.items() if share <= best + 1e-9}


def all_reforms_short_sleep() -> float:
    from explainer.core.reforms import apply_reforms, reforms
    from explainer.model.unit import unit

    return unit(apply_reforms(defaults(), reforms()).reformed).share_short_sleep


def status_quo_short_sleep() -> float:
    from explainer.model.unit import unit

    return unit(defaults()).share_short_sleep


# ----------------------------------------------------------------------------- guide 01, after the
# rounding fix: the district's app rounds each day's total UP to the half hour (seed §3).
def district_exact_minutes_per_hour() -> float:
    """Least time a day (minutes, to the second) that earns one study hour: 30 min 1 s."""
    from explainer.model.rules import least_seconds_for_credit

    return least_seconds_for_credit(Fraction(1), "ceil_half", "day") / 60


def district_whole_minutes_per_hour() -> int:
    """The same in whole minutes, as a student would study: the next whole minute up."""
    import math

    return math.ceil(district_exact_minutes_per_hour() - 1e-9)


def district_half_hour_minutes() -> float:
    """Exactly half an hour: under round-up it earns only half a study hour (the old answer)."""
    return 30.0


def default_night_minutes() -> float:
    """Minutes the default night's apps take (typical_night), the figure guides 02-06 quote."""
    from explainer.model.night import typical_night

    return float(typical_night(defaults()).night_minutes)


def short_sleep_status_quo_by_reform() -> dict[str, float]:
    """Each reform's share of short nights, with the status quo under the key ``""``."""
    shares = dict(short_sleep_by_reform())
    shares[""] = status_quo_short_sleep()
    return shares


# ----------------------------------------------------------------------------- classic slips
def sixty_minutes() -> float:
    """An hour of study for an hour of credit: the answer with no rounding at all."""
    return 60.0


def split_sessions_per_day() -> int:
    """Per-day rounding instead of per-session rounding (guide 01, exercise 2's slip)."""
    return split_sessions("day")


def default_cascade_ratio() -> float:
    """The bottom-to-top ratio at the default add-on α (guide 04, exercise 1's slip)."""
    return cascade_ratio()


def levels_double_quota_only() -> int:
    """Levels at which the quota alone, (1 + α)^(L − 1) with α = 0.5, first doubles."""
    levels = 1
    while 1.5 ** (levels - 1) < 2:
        levels += 1
    return levels


def zero_real_reward_half_delta() -> float:
    """w = v/δ at the default δ = 0.5 instead of the question's 0.8 (guide 05)."""
    return 1.0 / 0.5


def veto_one_person() -> float:
    """One person's chance of failing any of three items (guide 03, exercise 1's slip)."""
    from explainer.model.penalties import veto_probability

    return veto_probability(1, 3, 0.01)


# ----------------------------------------------------------------------------- guide 07
def late_wake_all_reforms_short_sleep() -> float:
    """Short nights with every reform when waking at 07:30 (capstone, exercise 1)."""
    from explainer.core.reforms import apply_reforms, reforms
    from explainer.model.unit import unit

    late = replace(defaults(), wake_time="07:30")
    return unit(apply_reforms(late, list(reforms())).reformed).share_short_sleep
