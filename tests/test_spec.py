"""The parameter registry and the Scenario built from data/parameters.yaml.

Covers: the declarations themselves (labels, help, sources), the defaults, every kind of bad
value (each must become a ScenarioError that names the parameter and its allowed range), the
lenient builder, URL-query round trips and immutability.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from strategies import value_on_step

from explainer.core.i18n import strings, t
from explainer.core.spec import (
    Problem,
    ScenarioError,
    describe_source,
    format_clock,
    parse_clock,
    registry,
    sources,
)

REG = registry()
PARAMS = REG.params
BY_TYPE: dict[str, list[str]] = {}
for _name, _spec in PARAMS.items():
    BY_TYPE.setdefault(_spec.type, []).append(_name)


# ----------------------------------------------------------------------------- strategies
def _on_step(spec: Any) -> st.SearchStrategy[Any]:
    return value_on_step(spec)


STEPS = {name: _on_step(spec) for name, spec in PARAMS.items()}


@st.composite
def valid_values(draw: st.DrawFn, names: list[str] | None = None) -> dict[str, Any]:
    """A random subset of parameters with valid, on-step values (study window in order)."""
    chosen = draw(st.sets(st.sampled_from(names or list(PARAMS))))
    values = {name: draw(STEPS[name]) for name in sorted(chosen)}
    start = values.get("window_start", PARAMS["window_start"].default)
    end = values.get("window_end", PARAMS["window_end"].default)
    if end < start:
        if "window_start" in values and "window_end" in values:
            values["window_start"], values["window_end"] = end, start
        elif "window_start" in values:
            values["window_start"] = end
        else:
            values["window_end"] = start
    return values


def _problem_for(error: ScenarioError, param: str) -> Problem:
    found = [p for p in error.problems if p.param == param]
    assert found, f"no problem names {param}: {error}"
    return found[0]


# ----------------------------------------------------------------------------- declarations
def test_registry_declares_the_parameters_the_model_reads() -> None:
    # A spot check of names night.py reads, so a renamed parameter is caught here too.
    for name in ("n_apps", "quota_points", "study_hours_target", "window_start", "wake_time"):
        assert name in PARAMS


def test_defaults_are_valid_and_are_the_declared_ones() -> None:
    default = REG.default()
    assert REG.build() == default
    assert REG.build({}) == default
    for name, spec in PARAMS.items():
        value = getattr(default, name)
        assert value == spec.default, name
        if spec.type in ("int", "float", "clock", "date"):
            assert spec.min <= value <= spec.max, name
        if spec.type == "choice":
            assert value in spec.choices, name
        if spec.type == "bool":
            assert isinstance(value, bool), name


def test_defaults_sit_on_their_step() -> None:
    for name, spec in PARAMS.items():
        if spec.type in ("int", "float", "clock") and spec.step:
            k = (Decimal(str(spec.default)) - Decimal(str(spec.min))) / Decimal(str(spec.step))
            assert k == k.to_integral_value(), name


@pytest.mark.parametrize("name", list(PARAMS))
def test_every_parameter_has_bilingual_label_help_and_a_source(name: str) -> None:
    spec = PARAMS[name]
    for lang in ("zh", "en"):
        assert spec.label.get(lang, "").strip(), f"{name}: label.{lang}"
        assert spec.help.get(lang, "").strip(), f"{name}: help.{lang}"
        assert describe_source(spec.source, lang).strip()
    assert spec.group in REG.groups
    assert len(spec.source) == 1
    ((kind, detail),) = spec.source.items()
    assert kind in ("seed", "ref", "assumption")
    if kind == "seed":
        assert detail["section"] in sources()["seed"]["sections"], name
        assert str(detail["phrase"]).strip(), name
    elif kind == "ref":
        assert detail in sources(), f"{name}: unknown reference {detail}"
    else:
        assert str(detail).strip(), name
    if spec.type == "choice":
        for choice, labels in spec.choices.items():
            assert labels.get("zh") and labels.get("en"), f"{name}.{choice}"
    if spec.type in ("int", "float"):
        assert spec.unit.get("zh") and spec.unit.get("en"), f"{name}: unit"


def test_groups_have_bilingual_labels() -> None:
    for key, labels in REG.groups.items():
        assert labels.get("zh") and labels.get("en"), key


# ----------------------------------------------------------------------------- bad values
def _bad_cases() -> list[tuple[str, Any, str]]:
    """(parameter, bad value, kind of badness) for every parameter and every kind."""
    cases: list[tuple[str, Any, str]] = []
    for name in BY_TYPE["int"]:
        spec = PARAMS[name]
        cases += [
            (name, "abc", "text"),
            (name, 2.5, "fraction"),
            (name, True, "bool"),
            (name, False, "bool"),
            (name, spec.min - 1, "below"),
            (name, spec.max + 1, "above"),
            (name, None, "none"),
        ]
    for name in BY_TYPE["float"]:
        spec = PARAMS[name]
        cases += [
            (name, "abc", "text"),
            (name, True, "bool"),
            (name, spec.min - 0.01, "below"),
            (name, spec.max + 0.01, "above"),
            (name, math.nan, "nan"),
            (name, math.inf, "inf"),
            (name, -math.inf, "-inf"),
            (name, "nan", "nan text"),
        ]
    for name in BY_TYPE["clock"]:
        spec = PARAMS[name]
        if spec.max < 25 * 60:  # a range past midnight reads 25:00 as 01:00, a valid time
            cases.append((name, "25:00", "hour 25"))
        cases += [
            (name, "99:00", "hour 99"),
            (name, "7h", "not HH:MM"),
            (name, "21:60", "minute 60"),
            (name, "21:5", "one-digit minute"),
            (name, "", "empty"),
            (name, True, "bool"),
            (name, 1290.5, "fractional minutes"),
            (name, format_clock(spec.min - 1), "below"),
            (name, format_clock(spec.max + 1), "above"),
        ]
    for name in BY_TYPE["date"]:
        spec = PARAMS[name]
        cases += [
            (name, "2020-13-01", "month 13"),
            (name, "2020-02-30", "30 February"),
            (name, "yesterday", "text"),
            (name, (spec.min - dt.timedelta(days=1)).isoformat(), "below"),
            (name, (spec.max + dt.timedelta(days=1)).isoformat(), "above"),
        ]
    for name in BY_TYPE["bool"]:
        cases += [(name, "abc", "text"), (name, 2, "two")]
    for name in BY_TYPE["choice"]:
        cases += [(name, "nonsense", "unknown choice"), (name, 1, "number")]
    return cases


@pytest.mark.parametrize(
    ("name", "value", "kind"), _bad_cases(), ids=lambda v: str(v) if isinstance(v, str) else None
)
def test_bad_value_raises_error_naming_parameter_and_range(name: str, value: Any, kind: str):
    # Keep the study window valid whichever end is tested: the other end goes to its limit.
    others: dict[str, Any] = {}
    if name == "window_start":
        others["window_end"] = PARAMS["window_end"].max
    with pytest.raises(ScenarioError) as caught:
        REG.build({name: value, **others})
    error = caught.value
    assert [p.param for p in error.problems] == [name], str(error)
    problem = error.problems[0]
    spec = PARAMS[name]
    message = str(error)
    assert message.startswith(f"{name} = "), message
    assert f"(allowed: {spec.allowed()})" in message, message
    if spec.type in ("int", "float", "clock", "date"):
        assert spec.display(spec.min) in spec.allowed()
        assert spec.display(spec.max) in spec.allowed()
    if spec.type == "choice":
        for choice in spec.choices:
            assert choice in spec.allowed()
    assert problem.reason
    assert isinstance(error, ValueError)


def test_allowed_ranges_read_naturally() -> None:
    assert PARAMS["n_apps"].allowed() == "0 to 15 apps"
    assert PARAMS["work_end"].allowed() == "16:00 to 20:00"
    assert PARAMS["window_end"].allowed() == "2020-01-01 to 2030-12-31"
    assert PARAMS["study_days"].allowed() == "one of all, working"
    assert PARAMS["credit_by_time"].allowed() == "true or false"
    assert PARAMS["n_apps"].allowed("zh") == "0 至 15 个"


def test_unknown_parameter_is_named() -> None:
    with pytest.raises(ScenarioError) as caught:
        REG.build({"n_appz": 3})
    (problem,) = caught.value.problems
    assert problem.param == "n_appz"
    assert problem.reason == "unknown_parameter"
    assert "n_appz" in str(caught.value) and "unknown parameter" in str(caught.value)


def test_window_end_before_start_is_named() -> None:
    with pytest.raises(ScenarioError) as caught:
        REG.build(window_start="2020-08-01", window_end="2020-07-31")
    (problem,) = caught.value.problems
    assert problem.param == "window_end"
    assert problem.reason == "window_order"
    assert all("window_start" in problem.allowed[lang] for lang in ("zh", "en"))
    assert str(caught.value).startswith("window_end = ")


def test_window_may_be_a_single_day() -> None:
    scenario = REG.build(window_start="2020-08-01", window_end="2020-08-01")
    assert scenario.window_start == scenario.window_end == dt.date(2020, 8, 1)


def test_every_problem_is_reported_not_just_the_first() -> None:
    with pytest.raises(ScenarioError) as caught:
        REG.build({"n_apps": 99, "wake_time": "7h", "unwatched_share": math.nan, "bogus": 1})
    named = {p.param for p in caught.value.problems}
    # Unknown names are checked first; the others must then be reported together.
    assert "bogus" in named
    with pytest.raises(ScenarioError) as caught:
        REG.build({"n_apps": 99, "wake_time": "7h", "unwatched_share": math.nan})
    assert {p.param for p in caught.value.problems} == {"n_apps", "wake_time", "unwatched_share"}
    for name in ("n_apps", "wake_time", "unwatched_share"):
        assert name in str(caught.value)


def test_good_values_in_every_accepted_spelling() -> None:
    scenario = REG.build(
        n_apps="3",
        signin_min_per_app="2.5",
        wake_time="07:15",
        overtime_end=1320,
        credit_by_time="false",
        window_start=dt.date(2020, 7, 20),
        window_end="2020-08-01",
    )
    assert scenario.n_apps == 3
    assert scenario.signin_min_per_app == 2.5
    assert scenario.wake_time == 7 * 60 + 15
    assert scenario.overtime_end == 22 * 60
    assert scenario.credit_by_time is False
    assert scenario.window_start == dt.date(2020, 7, 20)
    assert scenario.window_end == dt.date(2020, 8, 1)


# ----------------------------------------------------------------------------- clock helpers
@pytest.mark.parametrize(
    ("text", "minutes"),
    [("00:00", 0), ("07:05", 425), (" 21:30 ", 1290), ("24:00", 1440), ("9:00", 540)],
)
def test_parse_clock(text: str, minutes: int) -> None:
    assert parse_clock(text) == minutes


@pytest.mark.parametrize("text", ["7h", "21:5", "21:60", "-1:00", "21:30:00", "", "ab:cd", True])
def test_parse_clock_rejects(text: Any) -> None:
    with pytest.raises(ValueError):
        parse_clock(text)


def test_format_clock_wraps_past_midnight() -> None:
    assert format_clock(1455) == "00:15"
    assert format_clock(1380) == "23:00"
    assert format_clock(1290.4) == "21:30"


# ----------------------------------------------------------------------------- lenient build
def _bad_value_for(name: str) -> Any:
    spec = PARAMS[name]
    if spec.type in ("int", "float"):
        return spec.max + 1
    if spec.type == "clock":
        return "7h"
    if spec.type == "bool":
        return "abc"
    return "nonsense"


LENIENT_NAMES = [n for n in PARAMS if n not in ("window_start", "window_end")]


@settings(max_examples=60, deadline=None)
@given(
    good=valid_values(LENIENT_NAMES),
    bad=st.sets(st.sampled_from(LENIENT_NAMES), min_size=1, max_size=4),
)
def test_build_lenient_keeps_good_values_and_defaults_bad_ones(good, bad) -> None:
    raw = {**{k: v for k, v in good.items() if k not in bad}, **{k: _bad_value_for(k) for k in bad}}
    raw["not_a_param"] = 1
    scenario, problems = REG.build_lenient(raw)
    for name in PARAMS:
        expected = raw[name] if name in raw and name not in bad else PARAMS[name].default
        assert getattr(scenario, name) == expected, name
    assert {p.param for p in problems} == set(bad) | {"not_a_param"}


def test_build_lenient_drops_the_later_window_end() -> None:
    scenario, problems = REG.build_lenient(
        {"n_apps": 3, "window_start": "2020-08-01", "window_end": "2020-07-01"}
    )
    assert scenario.n_apps == 3
    assert scenario.window_start == dt.date(2020, 8, 1)
    assert scenario.window_end == PARAMS["window_end"].default
    assert [p.param for p in problems] == ["window_end"]


def test_build_lenient_window_start_after_default_end_keeps_other_values() -> None:
    # window_start alone is after the default window_end (2020-08-20): only window_start is bad.
    scenario, problems = REG.build_lenient({"n_apps": 3, "window_start": "2020-09-01"})
    assert problems, "the inverted window must be reported"
    assert scenario.n_apps == 3, "a good value was thrown away with the bad window_start"


def test_build_lenient_window_problem_names_the_value_given() -> None:
    scenario, problems = REG.build_lenient({"window_start": "2020-09-01"})
    assert scenario.window_start <= scenario.window_end
    (problem,) = problems
    # The value shown must be one the user gave, under the name they gave it.
    assert (problem.param, problem.value) == ("window_start", "2020-09-01"), problem


# ----------------------------------------------------------------------------- URL queries
@settings(max_examples=100, deadline=None)
@given(values=valid_values())
def test_query_round_trip(values: dict[str, Any]) -> None:
    scenario = REG.build(values)
    query = REG.to_query(scenario)
    back, problems = REG.from_query(query)
    assert problems == []
    assert back == scenario
    assert REG.from_query("?" + query)[0] == scenario
    # Only values that differ from the defaults are written.
    written = {pair.split("=", 1)[0] for pair in query.split("&") if pair}
    default = REG.default()
    assert written == {n for n in PARAMS if getattr(scenario, n) != getattr(default, n)}


def test_default_query_is_empty() -> None:
    assert REG.to_query(REG.default()) == ""
    assert REG.from_query("") == (REG.default(), [])


def test_query_writes_clock_and_dates_as_people_read_them() -> None:
    scenario = REG.build(wake_time="07:00", window_end="2020-08-31", credit_by_time=False)
    query = REG.to_query(scenario)
    assert "wake_time=07%3A00" in query
    assert "window_end=2020-08-31" in query
    assert "credit_by_time=false" in query


def test_query_round_trip_of_a_valid_float_off_the_step() -> None:
    # Steps are advice for controls, not validation: this value is valid, so it must survive.
    scenario = REG.build(signin_min_per_app=1.2345678)
    back, problems = REG.from_query(REG.to_query(scenario))
    assert problems == []
    assert back.signin_min_per_app == scenario.signin_min_per_app


def test_query_duplicate_key_is_reported_and_first_used() -> None:
    scenario, problems = REG.from_query("n_apps=3&n_apps=5&wake_time=07:00")
    assert scenario.n_apps == 3
    assert scenario.wake_time == 420
    (problem,) = problems
    assert problem.param == "n_apps"
    assert problem.value == "5"
    assert problem.reason == "duplicate"
    assert "more than once" in problem.message("en")


def test_query_bad_values_are_problems_not_errors() -> None:
    scenario, problems = REG.from_query("n_apps=abc&wake_time=25:00&quota_points=20&foo=1")
    assert scenario.n_apps == PARAMS["n_apps"].default
    assert scenario.wake_time == PARAMS["wake_time"].default
    assert scenario.quota_points == 20
    assert {p.param for p in problems} == {"n_apps", "wake_time", "foo"}
    for problem in problems:
        assert problem.message().startswith(f"{problem.param} = ")


@pytest.mark.parametrize(
    "query",
    [
        "n_apps=99",
        "n_apps=abc",
        "n_apps=true",
        "work_end=25:99",
        "credit_by_time=maybe",
        "foo=1",
        "n_apps=1&n_apps=2",
        "window_start=2021-01-01&window_end=2020-01-01",
    ],
)
def test_problem_messages_are_in_the_page_language(query: str) -> None:
    _, problems = REG.from_query(query)
    assert problems
    for problem in problems:
        english, chinese = problem.message("en"), problem.message("zh")
        reason = {lang: t(f"problem_{problem.reason}", lang) for lang in ("zh", "en")}
        assert english == problem.message() and reason["en"] in english
        assert chinese.startswith(f"{problem.param} = ")
        assert reason["zh"] in chinese and reason["en"] not in chinese, chinese
        assert "allowed" not in chinese, chinese


def test_problems_are_translated_from_their_code_not_their_english(monkeypatch) -> None:
    """Rewording an English message changes no other language (issue 13): the Chinese text
    is found from the problem's code, never by looking up the English words."""
    monkeypatch.setitem(strings("en"), "problem_out_of_range", "beyond the bounds")
    monkeypatch.setitem(strings("en"), "problem_not_a_clock", "not a clock time")
    _, problems = REG.from_query("n_apps=99&work_end=25:99")
    assert [p.reason for p in problems] == ["out_of_range", "not_a_clock"]
    for problem in problems:
        assert t(f"problem_{problem.reason}", "zh") in problem.message("zh")
        assert t(f"problem_{problem.reason}", "en") in problem.message("en")


def test_a_problem_needs_a_known_code() -> None:
    with pytest.raises(ValueError, match="unknown problem code"):
        Problem("n_apps", 3, "some English words")


def test_query_float_nan_and_inf_are_rejected() -> None:
    scenario, problems = REG.from_query("unwatched_share=nan&sleep_need_h=inf")
    assert scenario.unwatched_share == PARAMS["unwatched_share"].default
    assert scenario.sleep_need_h == PARAMS["sleep_need_h"].default
    assert {p.param for p in problems} == {"unwatched_share", "sleep_need_h"}


def test_query_ignored_keys_are_left_alone() -> None:
    scenario, problems = REG.from_query("preset=li_yi&lang=zh&n_apps=2", ignore=("preset", "lang"))
    assert problems == []
    assert scenario.n_apps == 2


# ----------------------------------------------------------------------------- immutability
def test_scenario_is_immutable() -> None:
    scenario = REG.default()
    with pytest.raises(ValidationError):
        scenario.n_apps = 3  # type: ignore[misc]
    assert scenario.n_apps == PARAMS["n_apps"].default
    assert hash(scenario) == hash(REG.default())


def test_scenario_rejects_unknown_fields_directly() -> None:
    with pytest.raises(ValidationError):
        REG.scenario_type(n_appz=3)


def test_replace_validates() -> None:
    scenario = REG.build(n_apps=3)
    changed = REG.replace(scenario, quota_points=20)
    assert (changed.n_apps, changed.quota_points) == (3, 20)
    assert scenario.quota_points == PARAMS["quota_points"].default
    with pytest.raises(ScenarioError):
        REG.replace(scenario, n_apps=99)


def test_to_plain_only_changed() -> None:
    scenario = REG.build(n_apps=3, wake_time="07:00", window_start="2020-07-20")
    assert REG.to_plain(scenario, only_changed=True) == {
        "n_apps": 3,
        "wake_time": "07:00",
        "window_start": "2020-07-20",
    }
    assert set(REG.to_plain(scenario)) == set(PARAMS)
