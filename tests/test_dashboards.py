"""The dashboards without a browser: URL state, bad input, presets, language, controls.

Each page is an ipywidgets object that can be built and driven in plain Python: setting a
widget's value fires the same callbacks a click in the browser would.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import value_on_step

from explainer.charts.live import resolved
from explainer.core.i18n import LANGUAGES, t
from explainer.core.presets import compare as compare_preset
from explainer.core.reforms import reforms
from explainer.core.spec import registry
from explainer.ui.dashboard import CUSTOM, Dashboard
from explainer.ui.fit import FitDashboard
from explainer.ui.night import NightDashboard
from explainer.ui.reforms import ReformsDashboard
from explainer.ui.unit import UnitDashboard

REG = registry()
CLASSES = [NightDashboard, UnitDashboard, FitDashboard, ReformsDashboard]
#: The chart-title key of each chart of each page, in order.
CHART_TITLES = {
    NightDashboard: ["chart_timeline_title", "chart_apps_title"],
    UnitDashboard: [
        "chart_bedtime_title",
        "chart_risk_title",
        "chart_veto_title",
        "chart_cascade_title",
    ],
    FitDashboard: ["chart_fit_title", "fitmodel_chart_title", "chart_effort_title"],
    ReformsDashboard: [
        "chart_minutes_title",
        "chart_bedtime_title",
        "chart_effort_title",
        "chart_fit_title",
    ],
}
_MADE: dict[tuple[type[Dashboard], str], Dashboard] = {}


def dashboard(cls: type[Dashboard], lang: str = "en") -> Dashboard:
    """A page in ``lang`` at its default state (pages are reused: building one takes ~0.5 s)."""
    if (cls, lang) not in _MADE:
        _MADE[(cls, lang)] = cls(lang)
    page = _MADE[(cls, lang)]
    page.apply_query(f"lang={lang}")
    assert page.scenario == REG.default() and not page.problems
    return page


def messages(page: Dashboard) -> list[str]:
    return [html.unescape(m) for m in re.findall(r"<li>(.*?)</li>", page.message.value)]


def text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def assert_controls_show(page: Dashboard, scenario: Any) -> None:
    for name, control in ((n, page.panel.control(n)) for n in page.panel.names):
        assert control.widget.value == getattr(scenario, name), name


def chart_titles(page: Dashboard) -> list[str]:
    # a title too wide for a phone is a list of lines that join into it (issue 15)
    titles = [resolved(w.spec)["title"]["text"] for w in page.chart_widgets]
    return [text if isinstance(text, str) else "".join(text) for text in titles]


def compare_rows(page: ReformsDashboard) -> dict[str, tuple[str, str, str]]:
    """The comparison table: figure → (status quo, with reforms, change)."""
    rows = re.findall(
        r"<tr class='[^']*'><th>(.*?)</th><td>(.*?)</td><td>(.*?)</td>"
        r"<td class='change'>(.*?)</td></tr>",
        page.headline.value,
    )
    return {html.unescape(f): (before, after, change) for f, before, after, change in rows}


# ----------------------------------------------------------------------------- building
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_dashboard_instantiates(cls: type[Dashboard], lang: str) -> None:
    page = cls(lang)
    _MADE.setdefault((cls, lang), page)
    assert page.lang == lang and page.language.value == lang
    assert page.scenario == REG.default()
    assert t(cls.spec.title_key, lang) in html.unescape(page.title.value)
    assert chart_titles(page) == [t(k, lang) for k in CHART_TITLES[cls]]
    assert page.headline.value and page.message.value == "" and page.article.value == ""
    assert "{" not in text(page.headline.value + page.notes.value)  # no unfilled placeholder
    assert page.preset_picker.value == CUSTOM
    assert {v for _, v in page.preset_picker.options} == {CUSTOM, *page.presets}
    assert_controls_show(page, page.scenario)
    assert set(page.panel.group_ids) == set(cls.spec.groups)
    assert page.widget is not None and page._repr_mimebundle_() is not None


# ----------------------------------------------------------------------------- bad input
def test_bad_query_values_are_named_with_their_range_and_the_rest_kept() -> None:
    page = dashboard(NightDashboard, "en")
    query = (
        "n_apps=999&wake_time=25:00&credit_by_time=maybe&foo=1&preset=nope&lang=fr"
        "&signin_min_per_app=6&work_chat_min=45"
    )
    page.apply_query(query)  # never raises
    found = messages(page)
    expected = {
        "n_apps": "0 to 15",
        "wake_time": "05:00 to 09:00",
        "credit_by_time": "true or false",
        "foo": "unknown parameter",
        "preset": "li_yi, wang_yiqi",
        "lang": "zh or en",
    }
    for name, allowed in expected.items():
        assert any(m.startswith(f"{name} = ") and allowed in m for m in found), (name, found)
    assert len(found) == len(expected)
    assert "'999'" in " ".join(found) and "'fr'" in " ".join(found)
    s = page.scenario
    assert (s.signin_min_per_app, s.work_chat_min) == (6, 45)  # the valid values stand
    assert (s.n_apps, s.wake_time, s.credit_by_time) == (8, 390, True)  # defaults for the bad
    assert page.lang == "en" and page.preset_id == CUSTOM
    assert_controls_show(page, s)
    assert t("bad_input_title", "en") in html.unescape(page.message.value)
    # the next good action clears the message
    page.panel.control("n_apps").widget.value = 5
    assert page.message.value == "" and page.scenario.signin_min_per_app == 6


def test_bad_query_message_follows_the_language() -> None:
    page = dashboard(NightDashboard, "zh")
    page.apply_query("n_apps=999")
    assert t("bad_input_title", "zh") in html.unescape(page.message.value)
    assert any("0 至 15" in m or "0 to 15" in m for m in messages(page))


def test_bad_preset_keeps_the_other_values() -> None:
    page = dashboard(UnitDashboard, "en")
    page.apply_query("preset=li_yi&n_staff=50&k_bottom=9")  # li_yi is a night case
    found = messages(page)
    assert any(m.startswith("preset = 'li_yi'") and "shanghai_ranking" in m for m in found)
    assert any(m.startswith("k_bottom = '9'") and "1 to 5" in m for m in found)
    assert page.scenario.n_staff == 50 and page.scenario.k_bottom == 1


def test_duplicated_parameter_uses_the_first_value_as_the_message_says() -> None:
    page = dashboard(NightDashboard, "en")
    page.apply_query("washing_min=20&washing_min=25")
    (message,) = messages(page)
    assert message.startswith("washing_min = '25'") and "the first is used" in message
    assert page.scenario.washing_min == 20, "the message says the first value (20) is used"


@pytest.mark.parametrize(
    ("query", "name"),
    [("preset=li_yi&preset=wang_yiqi", "preset"), ("lang=zh&lang=en", "lang")],
    ids=["preset", "lang"],
)
def test_duplicated_page_key_is_named(query: str, name: str) -> None:
    page = dashboard(NightDashboard, "en")
    page.apply_query(query)
    assert any(m.startswith(f"{name} = ") for m in messages(page)), messages(page)


def test_duplicated_reforms_key_is_named() -> None:
    page = dashboard(ReformsDashboard, "en")
    page.apply_query("reforms=veto_removed&reforms=app_cap")
    assert any(m.startswith("reforms = ") for m in messages(page)), messages(page)


def test_an_encoded_ampersand_stays_inside_its_value() -> None:
    """``n_apps=3%26wake_time%3D07:00`` gives n_apps the value "3&wake_time=07:00"."""
    page = dashboard(NightDashboard, "en")
    page.apply_query("n_apps=3%26wake_time%3D07:00")
    assert any(m.startswith("n_apps = ") for m in messages(page)), messages(page)
    assert page.scenario.n_apps == 8


def test_bad_reforms_are_named_and_good_ones_ticked() -> None:
    page = dashboard(ReformsDashboard, "en")
    page.apply_query("reforms=bogus,veto_removed&n_apps=999&lang=fr")
    found = messages(page)
    assert any(m.startswith("reforms = 'bogus'") and "one_stop_platform" in m for m in found)
    assert any(m.startswith("n_apps = '999'") for m in found)
    assert any(m.startswith("lang = 'fr'") for m in found)
    assert page.chosen == ["veto_removed"]
    assert page.result.reformed.scenario.veto_on is False


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_nonsense_queries_never_raise(cls: type[Dashboard]) -> None:
    page = dashboard(cls, "en")
    for query in ("&&&", "=1", "n_apps", "?preset=", "lang=", "window_end=tomorrow", "%zz=%zz"):
        page.apply_query(query)
        assert page.lang == "en"
        assert_controls_show(page, page.scenario)


# ----------------------------------------------------------------------------- good queries
def test_valid_query_restores_exactly() -> None:
    page = dashboard(NightDashboard, "zh")
    page.apply_query("preset=wang_yiqi&wake_time=07:00&lang=en")
    preset = page.presets["wang_yiqi"]
    expected = REG.build({**preset.overrides, "wake_time": "07:00"})
    assert page.scenario == expected
    assert page.message.value == ""
    assert page.lang == "en" and page.language.value == "en"
    assert page.preset_id == "wang_yiqi" and page.preset_picker.value == "wang_yiqi"
    assert_controls_show(page, expected)
    assert t("app_title", "en") in html.unescape(page.title.value)
    assert chart_titles(page) == [t(k, "en") for k in CHART_TITLES[NightDashboard]]
    article = text(page.article.value)
    assert preset.label("en") in article and t("preset_modified", "en") in article


def test_query_values_equal_to_the_defaults_still_override_a_preset() -> None:
    page = dashboard(NightDashboard, "en")
    page.apply_query("preset=wang_yiqi&n_apps=8")
    assert page.scenario.n_apps == 8  # the default, but wang_yiqi has 1
    assert page.scenario.signin_min_per_app == 5  # the rest of the preset stands
    assert page.panel.control("n_apps").widget.value == 8


def test_a_time_between_slider_steps_is_shown() -> None:
    page = dashboard(NightDashboard, "en")
    page.apply_query("wake_time=07:07&overtime_end=21:10")
    assert (page.scenario.wake_time, page.scenario.overtime_end) == (427, 1270)
    assert_controls_show(page, page.scenario)
    assert page.message.value == ""


def _on_step(name: str) -> st.SearchStrategy[Any]:
    return value_on_step(REG.params[name])


def _window_in_order(values: dict[str, Any]) -> dict[str, Any]:
    start, end = sorted((values["window_start"], values["window_end"]))
    return {**values, "window_start": start, "window_end": end}


#: A few parameters of every kind changed at once (the rest at their defaults).
some_changes = st.lists(st.sampled_from(list(REG.params)), min_size=1, max_size=6, unique=True)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_url_round_trip_restores_the_page(data: st.DataObject) -> None:
    names = data.draw(some_changes | st.just(list(REG.params)))
    values = data.draw(st.fixed_dictionaries({n: _on_step(n) for n in names}))
    if "window_start" in values or "window_end" in values:
        merged = _window_in_order({**REG.to_values(REG.default()), **values})
        values = {**values, **{k: merged[k] for k in ("window_start", "window_end")}}
    expected = REG.build(values)
    page = _MADE.get((NightDashboard, "en")) or dashboard(NightDashboard, "en")
    page.apply_query(REG.to_query(expected) + "&lang=en")
    assert page.message.value == ""
    assert page.scenario == expected
    assert_controls_show(page, expected)


# ----------------------------------------------------------------------------- presets
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "cls", [NightDashboard, UnitDashboard, ReformsDashboard], ids=lambda c: c.__name__
)
def test_selecting_each_preset_sets_controls_and_article_text(
    cls: type[Dashboard], lang: str
) -> None:
    page = dashboard(cls, lang)
    article, model = ("article", "model") if lang == "en" else ("文章", "模型")
    assert page.presets
    for pid, preset in page.presets.items():
        page.preset_picker.value = pid
        assert page.preset_id == pid
        assert page.scenario == preset.scenario()
        assert_controls_show(page, page.scenario)
        shown = text(page.article.value)
        assert preset.label(lang) in shown and preset.story[lang] in shown
        result = page.preset_result(preset, page.result)
        for comparison in compare_preset(preset, result):
            line = comparison.text(lang)
            assert line.startswith(f"{article}: ") and f" · {model}: " in line
            assert line in shown and comparison.status_line(lang) in shown
            assert f"class='status-{comparison.status} " in page.article.value
        if not preset.reported:  # the article gives no figure for this case: say so
            assert preset.no_figures and preset.no_figures[lang] in shown
        assert t("preset_modified", lang) not in shown
    page.preset_picker.value = CUSTOM
    assert page.scenario == REG.default() and page.article.value == ""


def test_changing_a_control_marks_the_preset_modified() -> None:
    page = dashboard(NightDashboard, "en")
    page.preset_picker.value = "li_yi"
    page.panel.control("n_apps").widget.value = 3
    assert page.preset_id == "li_yi"
    assert t("preset_modified", "en") in text(page.article.value)
    assert "differ'" in page.article.value  # 3 apps no longer give Li Yi's hour


# ----------------------------------------------------------------------------- language
@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_switching_language_relabels_everything(cls: type[Dashboard]) -> None:
    page = dashboard(cls, "zh")
    before = page.headline.value
    page.language.value = "en"
    assert page.lang == "en"
    assert t(cls.spec.title_key, "en") in html.unescape(page.title.value)
    assert chart_titles(page) == [t(k, "en") for k in CHART_TITLES[cls]]
    assert page.preset_picker.description == t("preset", "en")
    assert page.preset_picker.options[0][0] == t("preset_custom", "en")
    for name, control in ((n, page.panel.control(n)) for n in page.panel.names):
        assert control.widget.description == REG.params[name].label["en"]
    titles = page.panel.widget.titles
    assert list(titles) == [REG.groups[g]["en"] for g in cls.spec.groups]
    assert page.headline.value != before
    assert page.scenario == REG.default()  # language is not state of the model
    page.language.value = "zh"
    assert chart_titles(page) == [t(k, "zh") for k in CHART_TITLES[cls]]
    assert page.headline.value == before


# ----------------------------------------------------------------------------- controls
def test_moving_a_control_updates_scenario_headline_and_charts_night() -> None:
    page = dashboard(NightDashboard, "en")
    headline, specs = page.headline.value, [w.spec for w in page.chart_widgets]
    page.panel.control("n_apps").widget.value = 3
    assert page.scenario.n_apps == 3
    assert page.headline.value != headline
    # 3 × 4 min of sign-ins + 32 min of study: the default ranks staff, so all farm to the cap
    assert "44 min" in text(page.headline.value)
    assert all(w.spec != old for w, old in zip(page.chart_widgets, specs, strict=True))
    per_app = resolved(page.chart_widgets[1].spec)  # the widget carries the live form
    assert len(per_app["encoding"]["y"]["sort"]) == 3


def test_moving_a_control_updates_the_unit_page() -> None:
    page = dashboard(UnitDashboard, "en")
    headline, veto = page.headline.value, page.chart_widgets[2].spec
    page.panel.control("n_staff").widget.value = 100
    assert page.scenario.n_staff == 100 and page.result.scenario.n_staff == 100
    assert page.headline.value != headline
    assert page.chart_widgets[2].spec != veto
    assert "100" in resolved(page.chart_widgets[2].spec)["title"]["subtitle"][0]


def test_moving_a_control_updates_the_fit_page() -> None:
    page = dashboard(FitDashboard, "en")
    headline = page.headline.value
    output = page.result.real_output
    page.panel.control("tool").widget.value = "esignature"
    assert page.scenario.tool == "esignature"
    assert page.headline.value != headline
    assert page.result.real_output > output  # the tool now changes real output (issue 12)
    subtitle = " ".join(resolved(page.chart_widgets[0].spec)["title"]["subtitle"])  # wrapped lines
    assert t("tool_esignature", "en") in subtitle and "0.60" in subtitle


def test_veto_card_follows_the_run_threshold() -> None:
    """The unit page's veto card must not speak of "3 or more" when the rule says 5."""
    page = dashboard(UnitDashboard, "en")
    page.panel.control("run_threshold").widget.value = 5
    assert page.scenario.run_threshold == 5
    assert "3 or more" not in text(page.headline.value)


def test_cross_field_error_shows_a_message_and_restores_the_control() -> None:
    page = dashboard(NightDashboard, "en")
    start = page.panel.control("window_start")
    start.widget.value = dt.date(2020, 9, 1)  # after the window ends (2020-08-20)
    found = messages(page)
    assert found and "window_start" in found[0] and "window_end" in found[0]
    assert start.widget.value == dt.date(2020, 7, 16)  # restored
    assert page.scenario == REG.default()
    assert_controls_show(page, page.scenario)
    # a valid change clears the message
    start.widget.value = dt.date(2020, 8, 1)
    assert page.message.value == "" and page.scenario.window_start == dt.date(2020, 8, 1)


def test_cross_field_error_in_a_query_is_named() -> None:
    page = dashboard(NightDashboard, "en")
    page.apply_query("window_start=2020-09-01&window_end=2020-08-01&n_apps=4")
    found = messages(page)
    assert any(m.startswith("window_end = '2020-08-01'") for m in found), found
    assert page.scenario.window_start <= page.scenario.window_end
    assert page.scenario.n_apps == 4


# ----------------------------------------------------------------------------- reforms
def test_ticking_a_reform_changes_the_with_reforms_column() -> None:
    page = dashboard(ReformsDashboard, "en")
    minutes = t("metric_night_minutes", "en")
    rows = compare_rows(page)
    assert len(rows) == 12
    assert all(before == after and change == "–" for before, after, change in rows.values())
    assert t("reforms_none", "en") in text(page.notes.value)
    chart = page.chart_widgets[0].spec

    page.view.extras[0].boxes["one_stop_platform"].value = True
    ticked = compare_rows(page)
    # the unit's typical night under its ranking: 64 min (everyone farms to the cap)
    assert ticked[minutes][0] == rows[minutes][0] == "1 h 4 min"  # status quo unchanged
    assert ticked[minutes][1] == "36 min"  # 7 sign-ins of 4 min fewer
    assert ticked[minutes][2] == "−28 min"
    # the one-stop platform fits a public-service task better: real output rises, for that reason
    output = t("metric_real_output", "en")
    assert ticked[output][0] == "1.40" and ticked[output][1] == "2.00"
    assert "class='better'" in page.headline.value
    assert reforms()["one_stop_platform"].name["en"] in text(page.notes.value)
    assert page.chart_widgets[0].spec != chart
    assert page.scenario == REG.default()  # the reform does not move the controls

    page.view.extras[0].boxes["one_stop_platform"].value = False
    assert compare_rows(page) == rows


def test_reforms_in_the_query_are_ticked() -> None:
    page = dashboard(ReformsDashboard, "en")
    page.apply_query("preset=shanghai_ranking&reforms=veto_removed,no_points_ranking")
    assert page.message.value == ""
    assert page.chosen == ["no_points_ranking", "veto_removed"]  # declared order
    assert page.preset_id == "shanghai_ranking"
    veto = compare_rows(page)[t("metric_p_unit_veto", "en")]
    assert veto[1] == "0.0%" and veto[0] != "0.0%"
    page.apply_query("lang=en")
    assert page.chosen == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reform_box_labels_keep_their_dates_whole(lang: str) -> None:
    """A wrapped reform label never breaks inside its date (issue 15: "2020-" / "08-29")."""
    from explainer.ui.extras import NON_BREAKING_HYPHEN

    page = Dashboard(lang, page="reforms")
    labels = {o: b.description for o, b in page.view.extras[0].boxes.items()}
    dated = [label for label in labels.values() if NON_BREAKING_HYPHEN in label]
    assert len(dated) >= 8, labels  # the reforms carry their documents' dates
    for option, label in labels.items():
        expected = page.page.extras[0].label(option, lang)
        assert label.replace(NON_BREAKING_HYPHEN, "-") == expected
        assert not re.search(r"\d{4}-\d", label), label
