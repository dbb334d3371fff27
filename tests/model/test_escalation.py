"""Layer-by-layer escalation: levels worked backwards from the bottom (seed §5, 层层加码)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.core.presets import presets
from explainer.core.spec import registry
from explainer.model.escalation import UPPER_LEVELS, cascade, level_keys, level_scenario
from explainer.model.night import night
from explainer.model.unit import unit

COLUMNS = [
    "level",
    "depth",
    "quota_points",
    "study_hours",
    "deadline",
    "n_apps",
    "night_minutes",
    "ratio_to_top",
]


def scenario(**changes):
    reg = registry()
    return reg.replace(reg.default(), **changes)


# ----------------------------------------------------------------------------- structure
def test_level_keys() -> None:
    assert level_keys(1) == ["section"]
    assert level_keys(6) == [*UPPER_LEVELS, "section"]
    assert level_keys(3) == ["province", "city", "section"]
    for bad in (0, 7, -1):
        with pytest.raises(ValueError):
            level_keys(bad)


def test_level_scenario_zero_is_the_scenario() -> None:
    s = scenario()
    assert level_scenario(s, 0) is s


def test_default_cascade_shape_and_top() -> None:
    s = scenario()
    frame = cascade(s)
    assert list(frame.columns) == COLUMNS
    assert list(frame["level"]) == level_keys(s.n_levels)
    assert list(frame["depth"]) == list(range(s.n_levels))
    top = frame.iloc[0]
    steps = s.n_levels - 1
    assert top["quota_points"] == math.ceil(s.quota_points / (1 + s.alpha) ** steps - 1e-9)
    assert top["n_apps"] == max(0, s.n_apps - steps * s.apps_added_per_level)
    assert (top["deadline"] - s.window_end).days == steps * s.deadline_shift_days
    assert frame["ratio_to_top"].iloc[0] == 1.0


@pytest.mark.parametrize("preset", list(presets()))
def test_bottom_row_is_the_scenarios_own_night(preset: str) -> None:
    s = presets()[preset].scenario()
    frame = cascade(s)
    bottom = frame.iloc[-1]
    assert bottom["level"] == "section"
    assert bottom["night_minutes"] == night(s).night_minutes
    assert bottom["quota_points"] == s.quota_points
    assert bottom["study_hours"] == s.study_hours_target
    assert bottom["n_apps"] == s.n_apps
    assert bottom["deadline"] == s.window_end
    top = frame["night_minutes"].iloc[0]
    if top > 0:
        assert bottom["ratio_to_top"] == pytest.approx(bottom["night_minutes"] / top)


def test_unit_cascade_bottom_is_the_threshold_night() -> None:
    u = unit(scenario(rule="threshold"))
    assert u.cascade["night_minutes"].iloc[-1] == u.night_minutes
    assert u.escalation_ratio == u.cascade["ratio_to_top"].iloc[-1]


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"alpha": 1.0, "apps_added_per_level": 3},
        {"study_hours_target": 20.0, "quota_points": 0},
    ],
)
def test_one_level_has_ratio_one(changes: dict) -> None:
    s = scenario(n_levels=1, **changes)
    frame = cascade(s)
    assert len(frame) == 1 and frame["level"].iloc[0] == "section"
    assert frame["ratio_to_top"].iloc[0] == 1.0
    assert frame["night_minutes"].iloc[0] == night(s).night_minutes


# ----------------------------------------------------------------------------- no escalation
@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"n_levels": 6},
        {"study_hours_target": 20.0, "quota_points": 0, "study_days": "working"},
        {"study_hours_target": 7.5, "rounding_mode": "exact", "window_end": "2020-07-20"},
        {"quota_points": 37, "daily_max_points": 200, "time_points_cap": 100},
    ],
)
def test_no_escalation_gives_equal_rows(changes: dict) -> None:
    s = scenario(alpha=0.0, deadline_shift_days=0, apps_added_per_level=0, **changes)
    frame = cascade(s)
    for column in ("quota_points", "study_hours", "deadline", "n_apps", "night_minutes"):
        assert frame[column].nunique() == 1, column
    assert (frame["ratio_to_top"] == 1.0).all()


def test_no_escalation_off_the_half_hour_grid() -> None:
    """With α = 0 no level rounds the study-hour target, even off the 0.5 h grid.

    Regression: ``level_scenario`` used to set ``ceil(2·R/(1+α)^k)/2``, so with no escalation
    at all the levels above asked 0.5 h while the section asked 0.1 h (top 38.0 min against
    bottom 33.2 min, ``ratio_to_top`` 0.87 at the bottom). The registry accepts 0.1 h.
    """
    s = scenario(
        alpha=0.0,
        deadline_shift_days=0,
        apps_added_per_level=0,
        quota_points=0,
        study_hours_target=0.1,
        rounding_mode="exact",
        window_end="2020-07-20",
    )
    frame = cascade(s)
    assert frame["study_hours"].nunique() == 1
    assert (frame["ratio_to_top"] == 1.0).all()


# ----------------------------------------------------------------------------- monotone
cascades = st.fixed_dictionaries(
    {
        "n_levels": st.integers(1, 6),
        "alpha": st.floats(0.01, 1.0),
        "deadline_shift_days": st.integers(0, 10),
        "apps_added_per_level": st.integers(0, 3),
        "n_apps": st.integers(0, 15),
        "n_quota_apps": st.integers(0, 5),
        "quota_points": st.integers(0, 100),
        "study_hours_target": st.integers(0, 80).map(lambda h: h / 2),
        "rounding_mode": st.sampled_from(["ceil_half", "floor_half", "exact"]),
        "study_days": st.sampled_from(["all", "working"]),
        "window_end": st.sampled_from(["2020-07-16", "2020-07-31", "2020-08-20", "2020-12-31"]),
        "daily_max_points": st.integers(0, 200),
    }
)


@settings(max_examples=60, deadline=None)
@given(changes=cascades)
def test_burden_never_falls_on_the_way_down(changes: dict) -> None:
    s = scenario(**changes)
    frame = cascade(s)
    minutes = frame["night_minutes"].to_numpy()
    assert np.all(np.diff(minutes) >= -1e-9)
    assert np.all(np.diff(frame["quota_points"].to_numpy()) >= 0)
    assert np.all(np.diff(frame["study_hours"].to_numpy()) >= 0)
    assert np.all(np.diff(frame["n_apps"].to_numpy()) >= 0)
    deadlines = list(frame["deadline"])
    assert deadlines == sorted(deadlines, reverse=True)  # the top's deadline is the latest
    ratios = frame["ratio_to_top"].to_numpy()
    if minutes[0] > 0:
        assert ratios[0] == 1.0
        assert np.all(np.diff(ratios) >= -1e-12)
        assert ratios[-1] == pytest.approx(minutes[-1] / minutes[0])
    else:  # the top asked for nothing: no ratio can be formed
        assert np.isnan(ratios).all()


def test_default_cascade_escalates() -> None:
    """The defaults (α = 0.2, one app a level, five levels) give more than double at the bottom."""
    frame = cascade(scenario(rule="threshold"))
    assert frame["ratio_to_top"].iloc[-1] > 2.0
    assert frame["n_apps"].tolist() == [4, 5, 6, 7, 8]
