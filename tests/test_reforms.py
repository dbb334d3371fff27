"""Reforms (data/reforms.yaml): cited, validated transformations of a scenario."""

from __future__ import annotations

import copy
import datetime as dt
import re
from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import value_on_step

from explainer.core.i18n import t
from explainer.core.presets import presets
from explainer.core.reforms import Reform, _load, apply_reforms, reforms
from explainer.core.spec import _read_yaml, describe_source, registry, sources
from explainer.model.compare import ComparisonResult, compare
from explainer.model.night import night
from explainer.model.unit import unit

REG = registry()
REFORMS = reforms()
PRESETS = presets()
#: The default scenario and every preset's, by name.
SCENARIOS = {"default": REG.default(), **{pid: p.scenario() for pid, p in PRESETS.items()}}


def document() -> dict[str, Any]:
    """A fresh copy of data/reforms.yaml, to break."""
    return copy.deepcopy(_read_yaml("reforms.yaml"))


def entry(document_: dict[str, Any], reform_id: str) -> dict[str, Any]:
    return next(e for e in document_["reforms"] if e["id"] == reform_id)


@cache
def comparison(case: str, reform_ids: tuple[str, ...]) -> ComparisonResult:
    applied = apply_reforms(SCENARIOS[case], reform_ids)
    return compare(applied.status_quo, applied.reformed)


def reformed(case: str, *reform_ids: str) -> Any:
    return apply_reforms(SCENARIOS[case], reform_ids).reformed


# ----------------------------------------------------------------------------- the file
def test_the_reforms_the_page_promises_are_there() -> None:
    assert {
        "one_stop_platform",
        "no_points_ranking",
        "no_study_time_kpi",
        "no_checkin",
        "no_photo_evidence",
        "veto_limited",
        "veto_removed",
        "app_cap",
        "esignature",
        "separate_service_apps",
    } <= set(REFORMS)


@pytest.mark.parametrize("reform", REFORMS.values(), ids=list(REFORMS))
def test_reform_is_cited_and_complete(reform: Reform) -> None:
    for field in ("name", "issuer", "summary"):
        texts = getattr(reform, field)
        assert set(texts) == {"zh", "en"}, f"{reform.id}.{field}"
        assert all(text.strip() for text in texts.values()), f"{reform.id}.{field}"
    if reform.assumption is not None:
        assert set(reform.assumption) == {"zh", "en"}
        assert all(text.strip() for text in reform.assumption.values())
    assert len(reform.source) == 1
    (kind,) = reform.source
    if reform.timing == "tool_scenario":  # ours: no document, no date, no year
        assert reform.date is None and kind == "assumption", reform.id
    else:
        assert reform.date and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", reform.date)
        full = (reform.date + "-01-01")[:10]
        assert dt.date(2019, 1, 1) <= dt.date.fromisoformat(full) <= dt.date(2030, 12, 31)
    if kind == "ref":
        assert reform.source["ref"] in sources(), reform.source
        assert sources()[reform.source["ref"]].get("checked"), "say how far it was checked"
    elif kind == "seed":
        assert reform.timing == "in_article", reform.id
        assert reform.source["seed"]["section"] in sources()["seed"]["sections"]
        assert reform.source["seed"]["phrase"].strip()
    for lang in ("zh", "en"):
        assert describe_source(reform.source, lang).strip()
        assert reform.label(lang) == f"{reform.name[lang]} ({reform.when(lang)})"
        if reform.date:
            assert reform.date in reform.label(lang)
        else:
            assert not re.search(r"20\d\d", reform.label(lang)), "a scenario of ours has no year"
    assert reform.set or reform.cap or reform.scale, f"{reform.id} changes nothing"
    assert {*reform.set, *reform.cap, *reform.scale} <= set(REG.params)


def test_each_reform_is_dated_relative_to_the_article() -> None:
    # Issue 12: the 2019 notice and provincial rules came before the August 2020 article,
    # which shows the practices persisting; removing the veto outright is our own scenario.
    timing = {rid: r.timing for rid, r in REFORMS.items()}
    assert timing["veto_limited"] == "before" and timing["provincial_rules_2019"] == "before"
    assert timing["veto_removed"] == "tool_scenario" and REFORMS["veto_removed"].date is None
    for rid in ("one_stop_platform", "esignature", "separate_service_apps"):
        assert timing[rid] == "in_article"
    assert {"no_study_time_kpi", "no_photo_evidence", "app_cap"} <= {
        rid for rid, when in timing.items() if when == "after"
    }
    for reform in REFORMS.values():
        if reform.timing == "before":  # what the article shows about a rule already in force
            assert reform.timing_note and all(reform.timing_note[k] for k in ("zh", "en"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"timing": "after", "date": "2019-03"}, "not after"),
        ({"timing": "before", "date": "2024-08-06"}, "not before"),
        ({"timing": "tool_scenario", "date": "2019-03"}, "no document date"),
        ({"timing": "after", "date": None}, "needs a date"),
        ({"timing": "after", "date": "March 2019"}, "needs a date"),
    ],
    ids=["after-dated-before", "before-dated-after", "scenario-with-date", "no-date", "bad-date"],
)
def test_a_reform_dated_against_its_timing_is_refused(change: dict[str, Any], message: str) -> None:
    doc = document()
    entry(doc, "veto_limited").update(change)
    with pytest.raises(ValueError, match=message):
        _load(doc)


def test_reforms_are_in_file_order() -> None:
    assert list(REFORMS) == [e["id"] for e in document()["reforms"]]


@pytest.mark.parametrize("case", SCENARIOS)
@pytest.mark.parametrize("reform", REFORMS.values(), ids=list(REFORMS))
def test_reform_applies_and_does_what_it_declares(reform: Reform, case: str) -> None:
    before = SCENARIOS[case]
    after = reform.apply(before)
    assert REG.build(REG.to_values(after)) == after  # a valid scenario
    for name, value in reform.set.items():
        assert getattr(after, name) == getattr(REG.build({name: value}), name)
    for name, most in reform.cap.items():
        assert getattr(after, name) == min(getattr(before, name), most)
    for name, factor in reform.scale.items():
        assert getattr(after, name) == pytest.approx(getattr(before, name) * factor)
    touched = {*reform.set, *reform.cap, *reform.scale}
    for name in set(REG.params) - touched:
        assert getattr(after, name) == getattr(before, name), name
    assert before == SCENARIOS[case]  # the status quo is not modified


# ----------------------------------------------------------------------------- effects
def test_one_stop_platform_removes_the_other_sign_ins() -> None:
    before = SCENARIOS["li_yi"]
    after = reformed("li_yi", "one_stop_platform")
    assert (after.n_apps, after.tool, after.apps_added_per_level) == (1, "one_stop", 0)
    saved = (before.n_apps - 1) * before.signin_min_per_app
    assert saved == 28
    assert night(after).night_minutes == pytest.approx(night(before).night_minutes - saved)
    table = comparison("li_yi", ("one_stop_platform",)).table().set_index("metric")
    assert table.loc["night_minutes", "difference"] == pytest.approx(-28)
    assert table.loc["bedtime", "difference"] == pytest.approx(-28)
    assert table.loc["sleep_minutes", "difference"] == pytest.approx(28)
    assert table.loc["night_minutes", "better"] is True


@pytest.mark.parametrize("case", ["shanghai_ranking", "default"])  # Li Yi: a set value, no ranking
def test_no_points_ranking_removes_the_rankings_extra_minutes(case: str) -> None:
    before, after = unit(SCENARIOS[case]), unit(reformed(case, "no_points_ranking"))
    assert before.scenario.rule == "ranking" and after.scenario.rule == "threshold"
    assert before.ranking_extra_minutes >= 1
    assert after.night_minutes == pytest.approx(before.threshold.night.night_minutes)
    assert after.night_minutes == pytest.approx(before.night_minutes - before.ranking_extra_minutes)
    table = comparison(case, ("no_points_ranking",)).table().set_index("metric")
    assert table.loc["night_minutes", "difference"] == pytest.approx(-before.ranking_extra_minutes)


@pytest.mark.parametrize("case", SCENARIOS)
def test_veto_removed_means_no_unit_veto(case: str) -> None:
    after = unit(reformed(case, "veto_removed"))
    assert after.scenario.veto_on is False
    assert after.p_unit_veto == 0.0
    assert all(v.p_unit_veto == 0.0 for v in after.vetoes.values())


@pytest.mark.parametrize("case", SCENARIOS)
def test_veto_limited_keeps_one_item_and_never_raises_the_veto(case: str) -> None:
    before, after = unit(SCENARIOS[case]), unit(reformed(case, "veto_limited"))
    assert after.scenario.k_veto_items <= 1
    for reading in ("at_least", "more_than"):
        assert after.vetoes[reading].p_unit_veto <= before.vetoes[reading].p_unit_veto + 1e-12
        assert after.vetoes[reading].p_person_fail <= before.vetoes[reading].p_person_fail + 1e-12


def test_veto_limited_lowers_the_veto_where_there_were_several_items() -> None:
    before, after = unit(SCENARIOS["default"]), unit(reformed("default", "veto_limited"))
    assert before.scenario.k_veto_items == 3
    assert after.p_unit_veto < before.p_unit_veto


@pytest.mark.parametrize("case", ["district_20h", "district_20h_unit"])
def test_no_study_time_kpi_ends_the_study_hours(case: str) -> None:
    before = night(SCENARIOS[case])
    assert before.study_minutes > 30  # 30 min 1 s a day on the app's round-up rule
    after_scenario = reformed(case, "no_study_time_kpi")
    after = night(after_scenario)
    assert after.study_minutes == 0
    assert after.study is None and after.quota is None
    assert after_scenario.metric_reward == pytest.approx(SCENARIOS[case].metric_reward / 2)
    assert unit(after_scenario).study_minutes == 0


@pytest.mark.parametrize("case", SCENARIOS)
def test_app_cap_leaves_at_most_three_apps(case: str) -> None:
    before = SCENARIOS[case]
    after = reformed(case, "app_cap")
    assert after.n_apps == min(3, before.n_apps)
    assert after.apps_added_per_level == 0
    assert night(after).night_minutes <= night(before).night_minutes + 1e-9


@pytest.mark.parametrize("case", SCENARIOS)
def test_esignature_improves_fit_and_real_output(case: str) -> None:
    result = comparison(case, ("esignature",))
    assert result.reformed.scenario.tool == "esignature"
    assert result.reformed.fit.mean_fit >= result.status_quo.fit.mean_fit - 1e-12
    assert result.reformed.fit.real_output >= result.status_quo.fit.real_output - 1e-12
    assert result.reformed.unit.checkin_minutes_per_day == 0


@pytest.mark.parametrize("case", SCENARIOS)
def test_no_checkin_ends_check_in_minutes(case: str) -> None:
    before, after = unit(SCENARIOS[case]), unit(reformed(case, "no_checkin"))
    assert before.checkin_minutes_per_day > 0
    assert after.checkin_minutes_per_day == 0
    assert after.checkin_hours_year == 0
    assert after.proxy.gap == 0
    assert after.unit_app_hours_year == pytest.approx(
        before.unit_app_hours_year - before.checkin_hours_year
    )


@pytest.mark.parametrize("case", SCENARIOS)
def test_no_photo_evidence_means_no_duplicate_photos(case: str) -> None:
    assert unit(SCENARIOS[case]).photos is not None
    assert unit(reformed(case, "no_photo_evidence")).photos is None


@pytest.mark.parametrize("case", SCENARIOS)
def test_separate_service_apps_halves_the_sign_ins(case: str) -> None:
    before, after = night(SCENARIOS[case]), night(reformed(case, "separate_service_apps"))
    assert after.signin_minutes == pytest.approx(before.signin_minutes / 2)
    assert after.study_minutes == before.study_minutes


@pytest.mark.parametrize("case", SCENARIOS)
def test_no_forced_login_ends_sign_ins_and_proxy_accounts(case: str) -> None:
    after = night(reformed(case, "no_forced_login"))
    assert after.signin_minutes == 0
    assert after.proxy_minutes == 0


@pytest.mark.parametrize("case", ["default", "li_yi", "shanghai_ranking"])
def test_no_reform_changes_nothing(case: str) -> None:
    applied = apply_reforms(SCENARIOS[case], [])
    assert applied.reformed == applied.status_quo and applied.reforms == ()
    table = comparison(case, ()).table()
    assert (table["difference"] == 0).all()
    assert table["better"].isna().all()


# ----------------------------------------------------------------------------- combining
def sequentially(scenario: Any, reform_ids: set[str]) -> Any:
    for rid, reform in REFORMS.items():  # declared order
        if rid in reform_ids:
            scenario = reform.apply(scenario)
    return scenario


@settings(max_examples=40, deadline=None)
@given(
    chosen=st.lists(st.sampled_from(list(REFORMS)), unique=True).flatmap(st.permutations),
    case=st.sampled_from(list(SCENARIOS)),
)
def test_combining_is_applying_in_declared_order(chosen: list[str], case: str) -> None:
    applied = apply_reforms(SCENARIOS[case], chosen)
    assert applied.reformed == sequentially(SCENARIOS[case], set(chosen))
    assert [r.id for r in applied.reforms] == [rid for rid in REFORMS if rid in chosen]
    assert applied.status_quo == SCENARIOS[case]


def test_order_given_does_not_matter_where_order_would() -> None:
    # Both set the tool; the later declared (esignature) wins whatever order they are given in.
    for order in (["esignature", "one_stop_platform"], ["one_stop_platform", "esignature"]):
        assert reformed("default", *order).tool == "esignature"
    # Two halvings of the reward compound.
    both = reformed("default", "esignature", "no_study_time_kpi")
    assert both.metric_reward == pytest.approx(REG.default().metric_reward / 4)
    # set then scale: no sign-ins at all
    assert reformed("li_yi", "separate_service_apps", "no_forced_login").signin_min_per_app == 0


def test_duplicate_ids_apply_once() -> None:
    twice = reformed("default", "separate_service_apps", "separate_service_apps")
    assert twice.signin_min_per_app == REG.default().signin_min_per_app / 2


def test_unknown_reform_raises_key_error() -> None:
    with pytest.raises(KeyError, match="bogus"):
        apply_reforms(REG.default(), ["one_stop_platform", "bogus"])


def _on_step(name: str) -> st.SearchStrategy[Any]:
    return value_on_step(REG.params[name])


def _window_in_order(values: dict[str, Any]) -> dict[str, Any]:
    start, end = sorted((values["window_start"], values["window_end"]))
    return {**values, "window_start": start, "window_end": end}


any_scenario = (
    st.fixed_dictionaries({name: _on_step(name) for name in REG.params})
    .map(_window_in_order)
    .map(REG.build)
)


@settings(max_examples=40, deadline=None)
@given(s=any_scenario, chosen=st.sets(st.sampled_from(list(REFORMS))))
def test_reforms_give_a_valid_scenario_from_any_valid_one(s: Any, chosen: set[str]) -> None:
    after = apply_reforms(s, chosen).reformed
    assert REG.build(REG.to_values(after)) == after


# ----------------------------------------------------------------------------- bad documents
@pytest.mark.parametrize(
    ("reform_id", "change", "named"),
    [
        ("app_cap", {"set": {"no_such_param": 1}}, "no_such_param"),
        ("app_cap", {"cap": {"n_appz": 3}}, "n_appz"),
        ("separate_service_apps", {"scale": {"signin_minutes": 0.5}}, "signin_minutes"),
        ("one_stop_platform", {"set": {"n_apps": 99}}, "n_apps"),
        ("app_cap", {"cap": {"n_apps": -1}}, "n_apps"),
        ("separate_service_apps", {"scale": {"signin_min_per_app": 10}}, "signin_min_per_app"),
        ("no_photo_evidence", {"set": {"photo_evidence": "perhaps"}}, "photo_evidence"),
        ("no_points_ranking", {"set": {"rule": "lottery"}}, "rule"),
        ("veto_removed", {"colour": "red"}, "colour"),
    ],
    ids=[
        "unknown-set",
        "unknown-cap",
        "unknown-scale",
        "set-out-of-range",
        "cap-out-of-range",
        "scale-out-of-range",
        "set-wrong-type",
        "set-unknown-choice",
        "unknown-field",
    ],
)
def test_bad_reform_is_refused_by_name(reform_id: str, change: dict[str, Any], named: str) -> None:
    doc = document()
    entry(doc, reform_id).update(change)
    with pytest.raises(ValueError, match=reform_id) as error:
        _load(doc)
    assert named in str(error.value)


@pytest.mark.parametrize("field", ["name", "issuer", "date", "source", "summary"])
def test_reform_missing_a_field_is_refused(field: str) -> None:
    doc = document()
    del entry(doc, "veto_limited")[field]
    with pytest.raises(ValueError, match="veto_limited") as error:
        _load(doc)
    assert field in str(error.value)


def test_reform_without_an_id_is_refused_by_its_position() -> None:
    doc = document()
    position = [e["id"] for e in doc["reforms"]].index("veto_limited") + 1
    del doc["reforms"][position - 1]["id"]
    with pytest.raises(ValueError, match=f"#{position}"):
        _load(doc)


def test_duplicate_reform_id_is_refused() -> None:
    doc = document()
    doc["reforms"].append(copy.deepcopy(entry(doc, "app_cap")))
    with pytest.raises(ValueError, match="app_cap.*twice"):
        _load(doc)


def test_bad_reform_id_is_refused() -> None:
    doc = document()
    entry(doc, "app_cap")["id"] = "App Cap"
    with pytest.raises(ValueError, match="App Cap"):
        _load(doc)


def test_the_real_document_loads_and_round_trips() -> None:
    loaded = _load(document())
    assert loaded == REFORMS


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date", "soon"),
        ("date", "2024-13-45"),
        ("issuer", {"zh": "某部门"}),
        ("name", {"en": "Only English"}),
        ("summary", {"zh": "", "en": ""}),
        ("source", {"ref": "no_such_reference"}),
        ("source", {"rumour": "heard it somewhere"}),
    ],
    ids=[
        "date-not-a-date",
        "date-impossible",
        "issuer-without-en",
        "name-without-zh",
        "summary-empty",
        "source-unknown-ref",
        "source-unknown-kind",
    ],
)
def test_incomplete_reform_is_refused_at_load_time(field: str, value: Any) -> None:
    """What the page needs later (both languages, a date, a source it can describe) is checked
    when the file is loaded, not when a visitor ticks the reform (KeyError in the page)."""
    doc = document()
    entry(doc, "veto_removed")[field] = value
    with pytest.raises(ValueError, match="veto_removed"):
        _load(doc)


# ----------------------------------------------------------------------------- real output
@pytest.mark.parametrize("case", SCENARIOS)
@pytest.mark.parametrize("reform_ids", [(rid,) for rid in reforms()] + [tuple(reforms())])
def test_real_output_change_is_credited_to_its_causes(case: str, reform_ids: tuple) -> None:
    """The parts add up to the change; the tool gets credit only when the tool changed, the
    reward only when the reward changed (issue 12 part 4)."""
    result = comparison(case, reform_ids)
    at = result.output_attribution
    assert at.before == pytest.approx(result.status_quo.fit.real_output)
    assert at.after == pytest.approx(result.reformed.fit.real_output)
    assert sum(at.parts.values()) == pytest.approx(at.change, abs=1e-12)
    sq, rf = result.status_quo.scenario, result.reformed.scenario
    if at.alignment[0] == at.alignment[1]:
        assert at.parts["tool"] == pytest.approx(0.0, abs=1e-12)
    if sq.metric_reward == rf.metric_reward:
        assert at.parts["reward"] == pytest.approx(0.0, abs=1e-12)


def test_one_stop_platform_gain_is_the_tools() -> None:
    at = comparison("default", ("one_stop_platform",)).output_attribution
    assert at.alignment[1] > at.alignment[0]
    assert at.parts["tool"] > 0 and at.parts["reward"] == 0.0
    assert at.change == pytest.approx(at.parts["tool"])


def test_esignature_credits_the_tool_and_the_halved_reward_separately() -> None:
    """E-signature changes the tool and halves the reward: each gets its own part."""
    at = comparison("default", ("esignature",)).output_attribution
    assert at.reward == (1.5, 0.75)
    assert at.parts["tool"] > 0  # a better-fitting tool raises real output
    # halving a reward on a score a third aligned with real work lowers it (public service)
    assert at.parts["reward"] < 0
    only_reward = comparison("default", ("no_study_time_kpi",)).output_attribution
    assert only_reward.parts["tool"] == 0.0 and only_reward.change == pytest.approx(
        only_reward.parts["reward"]
    )


def test_the_reform_summary_names_the_department_and_the_causes() -> None:
    from explainer.ui.reforms import output_attribution_text

    result = comparison("default", ("esignature",))
    for lang in ("zh", "en"):
        text = output_attribution_text(result, lang)
        assert t(f"dept_{result.status_quo.scenario.department}", lang) in text
        assert "+0.55" in text and "−0.20" in text
