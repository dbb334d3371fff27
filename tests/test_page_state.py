"""The page's state as a value (issue 13): URL and file round trips, undo, one-declaration pages.

:class:`explainer.ui.state.PageState` is what a page shows; these properties say the URL and
the scenario file each carry all of it that they should, and that undo gives back exactly
the state before a change. The last test adds a toy page with one declaration and renders it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strategies import value_on_step

from explainer.charts.live import resolved
from explainer.core.figures import Figure
from explainer.core.i18n import LANGUAGES, minutes_text
from explainer.core.spec import ScenarioError, registry
from explainer.pages import PAGE_IDS, Chart, PageSpec, page_spec, register
from explainer.ui.dashboard import CUSTOM, Dashboard
from explainer.ui.scenario_file import state_from_text, state_to_document
from explainer.ui.state import (
    History,
    PageState,
    initial_state,
    state_from_query,
    state_to_query,
)
from explainer.ui.toolbar import dump_json, dump_yaml

REG = registry()
SLOW = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def page_states(draw: st.DrawFn, page_ids: tuple[str, ...] = PAGE_IDS) -> PageState:
    """Any state a visitor can reach: a page, a case, a few changes, extras, a language."""
    page = page_spec(draw(st.sampled_from(page_ids)))
    preset = draw(st.sampled_from([CUSTOM, *page.presets()]))
    base = dict(page.presets()[preset].overrides) if preset else {}
    names = draw(st.lists(st.sampled_from(list(REG.params)), max_size=5, unique=True))
    changes = draw(st.fixed_dictionaries({n: value_on_step(REG.params[n]) for n in names}))
    try:
        scenario = REG.build({**base, **REG.to_plain(REG.build(changes), only_changed=True)})
    except ScenarioError:  # e.g. a study window out of order
        assume(False)
    state = initial_state(page, draw(st.sampled_from(LANGUAGES)))
    for extra in page.extras:
        ticked = draw(st.lists(st.sampled_from(list(extra.options())), unique=True))
        state = state.with_extra(extra.key, extra.ordered(ticked))
    return state.but(scenario=scenario, preset=preset)


@SLOW
@given(state=page_states())
def test_state_to_url_to_state(state: PageState) -> None:
    page = page_spec(state.page)
    query = state_to_query(state, page)
    other = initial_state(page, "en" if state.lang == "zh" else "zh")
    assert state_from_query(query, page, other) == state


@SLOW
@given(state=page_states(), as_json=st.booleans())
def test_state_to_file_to_state(state: PageState, as_json: bool) -> None:
    page = page_spec(state.page)
    document = state_to_document(state, page)
    text = dump_json(document) if as_json else dump_yaml(document)
    other = initial_state(page, "en" if state.lang == "zh" else "zh")
    loaded, problems = state_from_text(text, page, other)
    assert problems == [] and loaded == state


@given(states=st.lists(page_states(("night",)), min_size=1, max_size=8), data=st.data())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_history_undoes_each_change_in_turn(states: list[PageState], data: st.DataObject) -> None:
    history, current = History(size=5), states[0]
    for state in states[1:]:
        history, current = history.push(current), state
    lang = data.draw(st.sampled_from(LANGUAGES))
    current = current.but(lang=lang, presenter=True)  # not undone: not a change of the model
    for expected in reversed(states[-6:-1]):
        current, history = history.undo(current)
        assert current.undoable() == expected.undoable()
        assert (current.lang, current.presenter, current.problems) == (lang, True, ())
    assert history.undo(current) == (current, history)


_MADE: dict[str, Dashboard] = {}


def _page(page_id: str) -> Dashboard:
    if page_id not in _MADE:
        _MADE[page_id] = Dashboard("en", page_id)
    return _MADE[page_id]


def _change(page: Dashboard, data: st.DataObject) -> None:
    """One change a visitor makes: a control, a case, a reform, a reset."""
    kinds = ["control", "preset", "reset"] + (["extra"] if page.view.extras else [])
    kind = data.draw(st.sampled_from(kinds))
    if kind == "control":
        name = data.draw(st.sampled_from(page.panel.names))
        page.panel.control(name).widget.value = data.draw(value_on_step(REG.params[name]))
    elif kind == "preset":
        page.preset_picker.value = data.draw(st.sampled_from([CUSTOM, *page.presets]))
    elif kind == "reset":
        page.reset(data.draw(st.sampled_from(["policy", "people"])))
    else:
        box = data.draw(st.sampled_from(list(page.view.extras[0].boxes.values())))
        box.value = not box.value


@SLOW
@given(page_id=st.sampled_from(["night", "reforms"]), data=st.data())
def test_change_then_undo_gives_the_same_state(page_id: str, data: st.DataObject) -> None:
    page = _page(page_id)
    page.apply_query(data.draw(st.sampled_from(["lang=en", "preset=li_yi&n_apps=4&lang=en"])))
    before = page.state
    _change(page, data)
    if page.problems:  # a refused change (e.g. a window out of order) changes nothing
        assert page.state.but(problems=()) == before
        return
    if page.state == before:  # the value it had already (a widget fires no event)
        return
    page.undo()
    assert page.state == before
    for name in page.panel.names:  # and the controls show it
        assert page.panel.control(name).widget.value == getattr(before.scenario, name)
    assert page.chosen == [i for e in page.page.extras for i in before.extra(e.key)]


# ----------------------------------------------------------------------------- a toy page
@dataclass(frozen=True)
class ToyResult:
    night_minutes: float


def _toy_chart(result: ToyResult, lang: str) -> dict[str, Any]:
    return {
        "title": {"text": "toy", "subtitle": [f"{result.night_minutes:.0f}"]},
        "data": {"values": [{"minutes": result.night_minutes}]},
        "mark": "bar",
        "encoding": {"x": {"field": "minutes", "type": "quantitative"}},
    }


TOY = PageSpec(
    id="toy",
    title_key="app_title",
    intro_key="app_intro",
    groups=("apps",),
    compute=lambda scenario, extras: ToyResult(scenario.n_apps * scenario.signin_min_per_app),
    charts=(Chart("explainer-chart-toy", _toy_chart),),
    figures=lambda r: [Figure.of("night_minutes", r.night_minutes)],
    headline=lambda r, s: [("toy", minutes_text(r.night_minutes, s.lang), "", "toy")],
    summary=lambda r, s: f"{r.night_minutes:.0f} minutes of sign-ins",
)


def test_a_toy_page_needs_one_declaration() -> None:
    register(TOY)
    page = Dashboard("en", "toy")
    assert page.widget is not None and page._repr_mimebundle_() is not None
    assert "card-toy" in page.headline.value and "32 min" in page.headline.value  # 8 × 4
    assert resolved(page.chart_widgets[0].spec)["title"]["subtitle"][0] == "32"
    page.panel.control("n_apps").widget.value = 3
    assert page.result == ToyResult(12) and "12 min" in page.headline.value
    assert resolved(page.chart_widgets[0].spec)["title"]["subtitle"][0] == "12"
    assert page.state_query() == "n_apps=3&lang=en"
    assert "night_minutes,Minutes on apps a night,12" in page.figures_csv(page.result)
    assert "12 minutes of sign-ins" in html.unescape(page.summary.value)
    page.undo()
    assert page.result == ToyResult(32)
    page.apply_query("n_apps=99&lang=en")  # bad input is named, as on every page
    assert re.search(r"n_apps = .99.", html.unescape(page.message.value))


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_every_listed_page_is_declared(page_id: str) -> None:
    page = page_spec(page_id)
    assert page.id == page_id and page.charts and page.groups


def test_extension_points_add_a_button_a_card_note_and_a_presenter_control() -> None:
    """What the brief, range-band and playlist components attach to (docs/architecture.md)."""
    import ipywidgets as W

    page = _page("night")
    page.apply_query("lang=en")
    button = W.Button()
    page.view.toolbar.add(button, lambda lang: setattr(button, "description", f"brief {lang}"))
    assert button in page.view.toolbar.widget.children and button.description == "brief en"
    page.card_hooks.append(lambda card, state, result: (*card[:2], card[2] + " ±band", card[3]))
    seen: list[PageState] = []
    page.on_refresh.append(lambda state, result: seen.append(state))
    stepper = W.Button()
    page.view.toolbar.presenter_box.children = (stepper,)
    page.language.value = "zh"
    assert button.description == "brief zh" and seen[-1].lang == "zh"
    assert "±band" in page.headline.value
    page.view.toolbar.presenter.value = True
    assert page.state.presenter and "explainer-presenter" in page.widget._dom_classes
    assert "explainer-presenter-controls" in page.view.toolbar.presenter_box._dom_classes
    page.view.toolbar.presenter.value = False
    page.card_hooks.clear()
    page.on_refresh.clear()
