"""One official's night: from the end of work to bedtime, and the sleep that is left.

The evening (seed §3, a district official): official hours end at 18:30 (“8:00-18:30”),
overtime to nine or ten is normal (“加班到晚上九十点钟很正常”), home around 22:30, then the work
chat until about 23:00 (“23:00左右”); washing is not in the article's count (“若不考虑洗漱问题”),
so its length is an assumption. After that come the apps (seed §1, Li Yi: eight apps every
night, “打开8个政务APP”, sometimes on older colleagues' accounts too, “登录他们账号替他们刷完”),
each with a fixed sign-in routine (seed §2, “签到、浏览应用内容、评论等就需半小时” for 7-8 apps)
and, for the apps with a quota, reading or video time set by the point rules
(:mod:`explainer.model.rules`). Part of the video time may play unwatched (seed §3, “有一半都在放”).

Sleep need: adults should regularly sleep seven hours or more (Watson et al. 2015, JCSM).

All durations are whole seconds; clock times are minutes after midnight of the evening's day
(so 00:15 the next morning is 1455).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

import pandas as pd

from explainer.model.rules import (
    PointRule,
    QuotaOutcome,
    StudyTarget,
    minutes_to_seconds,
    seconds_for_quota,
    study_target,
)

DAY_MINUTES = 24 * 60

#: Evening activities in the order they happen (keys; labels come from explainer.core.i18n).
EVENING_STEPS = ("overtime", "commute", "work_chat", "washing")


@dataclass(frozen=True)
class AppLoad:
    """One mandatory app's share of the night, in seconds (own account only)."""

    index: int  # 1-based
    signin: int
    study: int  # time the quota demands (credited time)
    attended: int  # the part a person must actually sit through
    has_quota: bool

    @property
    def unwatched(self) -> int:
        return self.study - self.attended

    @property
    def own(self) -> int:
        return self.signin + self.attended


@dataclass(frozen=True)
class NightResult:
    """Everything the one-night model computes for a scenario (plain data, no widgets)."""

    apps: tuple[AppLoad, ...]
    n_proxy: int
    quota: QuotaOutcome | None
    study: StudyTarget | None
    free_at: float  # clock minutes when the evening's non-app duties end
    evening: tuple[tuple[str, float, float], ...]  # (step, start, end) in clock minutes
    wake_at: float  # clock minutes next morning (> 24 h)
    sleep_need_min: float
    notes: tuple[str, ...] = field(default=())  # message keys, see explainer.core.i18n
    rule: str = "threshold"  # the rule this night was computed under ("ranking" farms to the cap)

    # -- app time
    @property
    def signin_minutes(self) -> float:
        return sum(a.signin for a in self.apps) / 60

    @property
    def own_app_minutes(self) -> float:
        return sum(a.own for a in self.apps) / 60

    @property
    def proxy_minutes(self) -> float:
        return self.n_proxy * self.own_app_minutes

    @property
    def night_minutes(self) -> float:
        """Minutes a person spends on mandatory apps tonight, own and colleagues' accounts."""
        return self.own_app_minutes + self.proxy_minutes

    @property
    def study_minutes(self) -> float:
        """Credited reading/video time on the own account (watched or not)."""
        return sum(a.study for a in self.apps) / 60

    @property
    def unwatched_minutes(self) -> float:
        return sum(a.unwatched for a in self.apps) / 60

    # -- bedtime and sleep
    @property
    def bedtime(self) -> float:
        return self.free_at + self.washing_minutes + self.night_minutes

    @property
    def washing_minutes(self) -> float:
        return next((end - start for step, start, end in self.evening if step == "washing"), 0.0)

    @property
    def sleep_minutes(self) -> float:
        return max(0.0, self.wake_at - self.bedtime)

    @property
    def sleep_short_minutes(self) -> float:
        """Minutes below the recommended sleep (0 when the night is long enough)."""
        return max(0.0, self.sleep_need_min - self.sleep_minutes)

    @property
    def short_sleep(self) -> bool:
        return self.sleep_minutes < self.sleep_need_min

    @property
    def after_midnight(self) -> bool:
        return self.bedtime > DAY_MINUTES

    @property
    def quota_reachable(self) -> bool:
        return (self.quota is None or self.quota.reachable) and (
            self.study is None or self.study.reachable
        )

    # -- tables for charts, exports and tests
    def timeline(self) -> pd.DataFrame:
        """One row per band of the evening: ``row``, ``kind``, ``app``, ``start``, ``end``."""
        rows: list[dict[str, Any]] = [
            {"row": step, "kind": step, "app": 0, "start": start, "end": end}
            for step, start, end in self.evening
            if end > start
        ]
        clock = self.free_at + self.washing_minutes
        accounts = [("own", 0)] + [("proxy", j) for j in range(1, self.n_proxy + 1)]
        for owner, j in accounts:
            for app in self.apps:
                for kind, seconds in (("signin", app.signin), ("study", app.attended)):
                    if seconds <= 0:
                        continue
                    row = f"app{app.index}" if owner == "own" else f"proxy{j}"
                    kind_key = kind if owner == "own" else "proxy"
                    end = clock + seconds / 60
                    rows.append(
                        {"row": row, "kind": kind_key, "app": app.index, "start": clock, "end": end}
                    )
                    clock = end
        frame = pd.DataFrame(rows, columns=["row", "kind", "app", "start", "end"])
        frame["minutes"] = frame["end"] - frame["start"]
        return frame

    def per_app(self) -> pd.DataFrame:
        """Minutes each app takes: sign-in, watched study, unwatched play, colleagues' accounts."""
        return pd.DataFrame(
            {
                "app": [a.index for a in self.apps],
                "signin_min": [a.signin / 60 for a in self.apps],
                "study_min": [a.attended / 60 for a in self.apps],
                "unwatched_min": [a.unwatched / 60 for a in self.apps],
                "proxy_min": [self.n_proxy * a.own / 60 for a in self.apps],
            }
        )

    def headline(self) -> dict[str, float | bool]:
        """The numbers a page shows first (minutes and clock minutes)."""
        return {
            "night_minutes": self.night_minutes,
            "signin_minutes": self.signin_minutes,
            "study_minutes": self.study_minutes,
            "proxy_minutes": self.proxy_minutes,
            "free_at": self.free_at,
            "bedtime": self.bedtime,
            "sleep_minutes": self.sleep_minutes,
            "sleep_short_minutes": self.sleep_short_minutes,
            "after_midnight": self.after_midnight,
            "quota_reachable": self.quota_reachable,
        }


def point_rule(s: Any) -> PointRule:
    """The point rule of one quota app, from a scenario."""
    return PointRule(
        login=s.pts_login,
        per_item=s.pts_per_item,
        item_seconds=minutes_to_seconds(s.minutes_per_item),
        item_cap=s.item_points_cap,
        credit_by_time=s.credit_by_time,
        seconds_per_time_point=minutes_to_seconds(s.minutes_per_time_point),
        time_cap=s.time_points_cap,
        daily_max=s.daily_max_points,
    )


def evening_schedule(s: Any) -> tuple[tuple[tuple[str, float, float], ...], float]:
    """Overtime, commute, work chat and washing as clock bands; returns (bands, free_at).

    ``free_at`` is when the work chat is done — the article's “free from about 23:00”.
    """
    overtime_end = max(s.work_end, s.overtime_end)
    home = overtime_end + s.commute_min
    free_at = home + s.work_chat_min
    bands = (
        ("overtime", float(s.work_end), float(overtime_end)),
        ("commute", float(overtime_end), float(home)),
        ("work_chat", float(home), float(free_at)),
        ("washing", float(free_at), float(free_at + s.washing_min)),
    )
    return bands, float(free_at)


def _quota(s: Any, n_quota: int, notes: list[str]) -> QuotaOutcome | None:
    """The points quota's nightly study time on each quota app (None without a quota)."""
    if s.quota_points <= 0 or n_quota <= 0:
        return None
    quota = seconds_for_quota(point_rule(s), s.quota_points)
    if not quota.reachable:
        notes.append("note_quota_unreachable")
    return quota


def _study(s: Any, n_apps: int, notes: list[str]) -> tuple[StudyTarget | None, int]:
    """The study-hour target and the seconds it takes each day (0 without a target)."""
    if s.study_hours_target <= 0 or n_apps <= 0:
        return None, 0
    study = study_target(
        Fraction(str(s.study_hours_target)),
        s.window_start,
        s.window_end,
        days=s.study_days,
        mode=s.rounding_mode,
        unit=s.rounding_unit,
        sessions=s.sessions_per_day,
        cap_seconds=minutes_to_seconds(s.daily_study_cap_min),
    )
    if study.reachable:
        return study, study.seconds_per_day
    notes.append("note_study_unreachable")  # the cap binds: study as long as it credits
    return study, study.cap_seconds


def _app_loads(
    s: Any, n_quota: int, quota_seconds: int, study_seconds: int, has_study: bool
) -> list[AppLoad]:
    """Each app's sign-in and study time tonight; the study-hour target runs on the first
    (party-building) app."""
    watched = Fraction(1) - Fraction(str(s.unwatched_share))
    signin = minutes_to_seconds(s.signin_min_per_app)
    apps = []
    for index in range(1, s.n_apps + 1):
        study_time = quota_seconds if index <= n_quota else 0
        if index == 1:
            study_time = max(study_time, study_seconds)
        apps.append(
            AppLoad(
                index=index,
                signin=signin,
                study=study_time,
                attended=round(study_time * watched),
                has_quota=index <= n_quota or (index == 1 and has_study),
            )
        )
    return apps


def night(s: Any) -> NightResult:
    """One night under scenario ``s`` (a :class:`explainer.core.spec` Scenario)."""
    notes: list[str] = []
    n_apps = s.n_apps
    n_quota = min(s.n_quota_apps, n_apps)
    if s.n_quota_apps > n_apps > 0:
        notes.append("note_quota_apps_capped")
    quota = _quota(s, n_quota, notes)
    study, study_seconds = _study(s, n_apps, notes)
    if n_apps == 0 and (s.quota_points > 0 or s.study_hours_target > 0):
        notes.append("note_no_apps")
    quota_seconds = quota.seconds if quota is not None else 0
    apps = _app_loads(s, n_quota, quota_seconds, study_seconds, study is not None)
    bands, free_at = evening_schedule(s)
    return NightResult(
        apps=tuple(apps),
        n_proxy=s.n_proxy_accounts,
        quota=quota,
        study=study,
        free_at=free_at,
        evening=bands,
        wake_at=float(DAY_MINUTES + s.wake_time),
        sleep_need_min=float(s.sleep_need_h * 60),
        notes=tuple(notes),
    )


def ranked_quota(s: Any) -> int:
    """The quota a ranking makes people farm to: as many points as the app's caps allow.

    Under a ranking nobody can be sure of not being last, so everyone farms to the cap
    (seed §3, “谁好意思当倒数？只能拼了老命刷分”); the quota is then the most points the caps allow.
    """
    rule_ = point_rule(s)
    return rule_.points_after(rule_.seconds_to_saturate())


def night_under_rule(s: Any, rule: str) -> NightResult:
    """A typical night under ``rule`` ("ranking" or "threshold") for scenario ``s``."""
    if rule == "ranking" and s.quota_points > 0 and min(s.n_quota_apps, s.n_apps) > 0:
        s = s.model_copy(update={"quota_points": ranked_quota(s)})
    result = night(s)
    return replace(result, rule=rule)


def typical_night(s: Any) -> NightResult:
    """The night scenario ``s`` demands under its own rule: the one figure every page shows.

    The night, unit and reform pages all take their nightly minutes, bedtime and sleep from
    this function, so a scenario has one night whichever page shows it.
    """
    return night_under_rule(s, s.rule)
