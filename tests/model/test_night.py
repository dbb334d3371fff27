"""One official's night: minutes on apps, bedtime and sleep (explainer.model.night)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from strategies import value_on_step

from explainer.core.spec import registry
from explainer.model.night import night

REG = registry()
PARAMS = REG.params


def scenario(**overrides: Any) -> Any:
    return REG.build(overrides)


def _on_step(name: str) -> st.SearchStrategy[Any]:
    return value_on_step(PARAMS[name])


#: The groups of parameters one night depends on (the others stay at their defaults).
NIGHT_GROUPS = {"apps", "points", "study_hours", "shortcuts", "evening"}
STEPS = {name: _on_step(name) for name, spec in PARAMS.items() if spec.group in NIGHT_GROUPS}


def _ordered_window(values: dict[str, Any]) -> dict[str, Any]:
    if values["window_end"] < values["window_start"]:
        values["window_start"], values["window_end"] = values["window_end"], values["window_start"]
    return values


#: Any valid on-step scenario, as a dict of values (study window in order).
scenario_values = st.fixed_dictionaries(STEPS).map(_ordered_window)


# ----------------------------------------------------------------------------- Li Yi
def test_default_night_is_li_yi() -> None:
    result = night(REG.default())
    assert result.signin_minutes == 32  # 8 apps × 4 min
    assert result.study_minutes == 28  # 14 points: login + 6 items + 7 time points
    assert result.night_minutes == 60
    assert result.proxy_minutes == 0
    assert result.free_at == 23 * 60
    assert result.bedtime == 1455  # 00:15 the next morning
    assert result.after_midnight
    assert result.sleep_minutes == 6 * 60 + 15
    assert result.sleep_short_minutes == 45
    assert result.short_sleep
    assert result.quota_reachable
    assert result.notes == ()
    headline = result.headline()
    assert headline["bedtime"] == 1455 and headline["night_minutes"] == 60


def test_proxy_accounts_repeat_the_own_apps() -> None:
    result = night(scenario(n_proxy_accounts=2))
    assert result.proxy_minutes == 120
    assert result.night_minutes == 180
    assert result.bedtime == 1455 + 120


def test_long_enough_night_is_not_short() -> None:
    result = night(scenario(n_apps=0, overtime_end="18:00", wake_time="07:00", sleep_need_h=7))
    assert result.bedtime == 18 * 60 + 30 + 60 + 30 + 15
    assert not result.after_midnight
    assert not result.short_sleep
    assert result.sleep_short_minutes == 0


# ----------------------------------------------------------------------------- monotonicity
RISING = ("n_apps", "signin_min_per_app", "quota_points", "n_proxy_accounts", "study_hours_target")


@settings(max_examples=200, deadline=None)
@given(values=scenario_values, name=st.sampled_from(RISING), data=st.data())
def test_burden_never_falls_when_demands_rise(values, name, data) -> None:
    a, b = data.draw(STEPS[name]), data.draw(STEPS[name])
    assume(a != b)
    lower, higher = min(a, b), max(a, b)
    before = night(REG.build({**values, name: lower}))
    after = night(REG.build({**values, name: higher}))
    assert after.night_minutes >= before.night_minutes, (name, lower, higher)
    assert after.bedtime >= before.bedtime, (name, lower, higher)
    assert after.sleep_minutes <= before.sleep_minutes


@settings(max_examples=100, deadline=None)
@given(values=scenario_values, share=_on_step("unwatched_share"))
def test_unwatched_play_costs_no_attention_and_still_credits(values, share) -> None:
    watched = night(REG.build({**values, "unwatched_share": 0}))
    idle = night(REG.build({**values, "unwatched_share": share}))
    assert idle.study_minutes == watched.study_minutes
    assert idle.night_minutes <= watched.night_minutes
    attended = sum(a.attended for a in idle.apps) / 60
    assert attended <= watched.study_minutes
    assert idle.unwatched_minutes == pytest.approx(idle.study_minutes - attended)
    # Every unwatched minute comes off the night, on the own and the colleagues' accounts.
    saved = watched.night_minutes - idle.night_minutes
    assert saved == pytest.approx((1 + idle.n_proxy) * idle.unwatched_minutes, abs=1e-9)
    for app in idle.apps:
        assert abs(app.unwatched - Fraction(str(share)) * app.study) <= Fraction(1, 2)


def test_half_unwatched_default_night() -> None:
    result = night(scenario(unwatched_share=0.5))
    assert result.study_minutes == 28
    assert result.unwatched_minutes == 14
    assert result.night_minutes == 46
    assert result.bedtime == 1455 - 14


# ----------------------------------------------------------------------------- tables
@settings(max_examples=100, deadline=None)
@given(values=scenario_values)
def test_timeline_is_contiguous_from_work_end_to_bedtime(values) -> None:
    s = REG.build(values)
    result = night(s)
    frame = result.timeline()
    assert list(frame.columns) == ["row", "kind", "app", "start", "end", "minutes"]
    if frame.empty:
        assert result.bedtime == s.work_end
        return
    starts, ends = frame["start"].tolist(), frame["end"].tolist()
    assert starts[0] == s.work_end
    assert ends[-1] == pytest.approx(result.bedtime, abs=1e-6)
    for i in range(len(frame)):
        assert ends[i] > starts[i]  # no empty bands
        if i:
            assert starts[i] == pytest.approx(ends[i - 1], abs=1e-6)  # no gap, no overlap
    assert frame["minutes"].sum() == pytest.approx(result.bedtime - s.work_end, abs=1e-6)
    apps = frame[frame["app"] > 0]
    assert apps["minutes"].sum() == pytest.approx(result.night_minutes, abs=1e-6)
    signin = frame.loc[frame["kind"] == "signin", "minutes"].sum()
    assert signin == pytest.approx(result.signin_minutes, abs=1e-6)


@settings(max_examples=100, deadline=None)
@given(values=scenario_values)
def test_per_app_sums_to_night_minutes(values) -> None:
    result = night(REG.build(values))
    table = result.per_app()
    assert len(table) == len(result.apps) == values["n_apps"]
    total = table["signin_min"].sum() + table["study_min"].sum() + table["proxy_min"].sum()
    assert total == pytest.approx(result.night_minutes, abs=1e-9)
    assert table["signin_min"].sum() == pytest.approx(result.signin_minutes, abs=1e-9)
    assert table["unwatched_min"].sum() == pytest.approx(result.unwatched_minutes, abs=1e-9)
    assert (table[["signin_min", "study_min", "unwatched_min", "proxy_min"]] >= 0).all().all()


def test_default_timeline_bands() -> None:
    frame = night(REG.default()).timeline()
    evening = frame[frame["app"] == 0]
    assert evening["row"].tolist() == ["overtime", "commute", "work_chat", "washing"]
    assert evening["start"].tolist() == [1110, 1290, 1350, 1380]
    assert evening["end"].tolist() == [1290, 1350, 1380, 1395]
    assert frame["row"].tolist()[4:] == [f"app{i}" for i in (1, 1, 2, 3, 4, 5, 6, 7, 8)]


def test_timeline_skips_overtime_ending_before_work() -> None:
    s = scenario(overtime_end="17:00")
    frame = night(s).timeline()
    assert "overtime" not in frame["row"].tolist()
    assert frame["start"].iloc[0] == s.work_end


# ----------------------------------------------------------------------------- edge cases
def test_more_quota_apps_than_apps_is_capped_with_a_note() -> None:
    result = night(scenario(n_apps=2, n_quota_apps=4))
    assert "note_quota_apps_capped" in result.notes
    assert len(result.apps) == 2
    assert all(app.has_quota for app in result.apps)
    assert result.night_minutes == 2 * 4 + 2 * 28


def test_no_apps() -> None:
    result = night(scenario(n_apps=0, n_proxy_accounts=2, study_hours_target=10))
    assert result.apps == ()
    assert result.night_minutes == 0
    assert result.bedtime == result.free_at + 15
    assert "note_no_apps" in result.notes
    assert result.per_app().empty
    assert set(result.timeline()["app"]) == {0}
    assert result.sleep_minutes == 1440 + 390 - result.bedtime


def test_no_apps_ignores_an_unreachable_quota() -> None:
    result = night(scenario(n_apps=0, quota_points=100))
    assert result.quota_reachable
    assert "note_quota_unreachable" not in result.notes
    assert "note_no_apps" in result.notes


def test_no_demands_at_all() -> None:
    result = night(scenario(n_apps=0, n_quota_apps=0, quota_points=0))
    assert result.notes == ()
    assert result.quota is None and result.study is None


def test_unreachable_quota_is_flagged() -> None:
    result = night(scenario(quota_points=100))
    assert result.quota is not None
    assert not result.quota.reachable
    assert not result.quota_reachable
    assert "note_quota_unreachable" in result.notes
    assert result.quota.points == 15 < 100  # login 1 + items 6 + time 8
    assert result.study_minutes == 32  # reads until the time cap is full, no longer
    assert result.headline()["quota_reachable"] is False


def test_daily_max_below_quota_is_unreachable() -> None:
    result = night(scenario(daily_max_points=10))
    assert not result.quota_reachable
    assert "note_quota_unreachable" in result.notes


def test_reachable_quota_has_no_note() -> None:
    result = night(scenario(quota_points=15))
    assert result.quota_reachable
    assert result.notes == ()
    assert result.study_minutes == 32


def test_study_target_runs_on_first_app() -> None:
    s = scenario(
        quota_points=0, study_hours_target=20, study_days="working", rounding_mode="floor_half"
    )
    result = night(s)
    assert result.study is not None and result.study.days == 26
    assert [a.study for a in result.apps] == [3600] + [0] * 7
    assert result.apps[0].has_quota
    assert result.study_minutes == 60


def test_study_target_over_the_cap_is_flagged_and_capped() -> None:
    result = night(scenario(quota_points=0, study_hours_target=100, daily_study_cap_min=60))
    assert not result.quota_reachable
    assert "note_study_unreachable" in result.notes
    assert result.study_minutes == 60  # studies as long as the cap credits, no more


def test_quota_and_study_share_the_first_app() -> None:
    # The longer of the two demands sets the first app's time; they do not add up.
    result = night(
        scenario(study_hours_target=20, rounding_mode="floor_half", study_days="working")
    )
    assert result.apps[0].study == max(1680, 3600)
    assert result.apps[1].study == 0


@pytest.mark.parametrize(
    ("overrides", "note"),
    [
        ({"n_apps": 2, "n_quota_apps": 4}, "note_quota_apps_capped"),
        ({"quota_points": 100}, "note_quota_unreachable"),
        ({"study_hours_target": 100}, "note_study_unreachable"),
        ({"n_apps": 0, "n_quota_apps": 0}, "note_no_apps"),
    ],
)
def test_every_note_has_text_in_both_languages(overrides: dict[str, Any], note: str) -> None:
    from explainer.core.i18n import strings

    assert note in night(scenario(**overrides)).notes
    for lang in ("zh", "en"):
        assert strings(lang).get(note), f"{note} missing in {lang}"
