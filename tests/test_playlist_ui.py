"""Presenting from a playlist, kernel side (issue 18): steps as live dashboard states.

The browser side (keys, the notes window, page changes) is tested in
tests/e2e/test_playlist_page.py.
"""

from __future__ import annotations

import pytest

from explainer.playlist import ready_made
from explainer.ui.night import NightDashboard
from explainer.ui.playlist import notes_payload, step_link
from explainer.ui.unit import UnitDashboard


@pytest.fixture(scope="module")
def night() -> NightDashboard:
    return NightDashboard(lang="en")


def test_a_link_loads_a_ready_made_playlist_at_its_step(night):
    night.apply_query("playlist=one-night&step=2")
    stepper = night.stepper
    assert stepper.playlist is ready_made()["one-night"] and stepper.index == 1
    assert night.preset_id == "li_yi" and night.scenario.n_proxy_accounts == 1
    pinned = night.state.pinned
    assert pinned is not None and pinned.scenario.n_proxy_accounts == 0  # A: Li Yi alone
    assert pinned.preset == "li_yi"
    assert night.state.presenter is True
    assert "Step 2 of 7" in stepper.counter.value
    assert night.problems == []  # playlist and step are not parameters


def test_next_back_and_restore(night):
    night.apply_query("playlist=one-night&step=1")
    night.stepper.go(night.stepper.index + 1)
    assert night.scenario.n_proxy_accounts == 1
    night.panel.control("n_proxy_accounts").set(3)  # the room moves a slider
    night._on_control("n_proxy_accounts", 3)
    assert night.scenario.n_proxy_accounts == 3
    night.stepper.back.click()
    assert night.scenario.n_proxy_accounts == 1
    night.stepper.prev.click()
    assert night.stepper.index == 0 and night.state.pinned is None
    assert night.stepper.prev.disabled


def test_a_step_on_another_page_opens_that_page(night):
    night.apply_query("playlist=what-reform-changes&step=1")
    assert (
        night.stepper.bridge.navigate == "reforms.ipynb?playlist=what-reform-changes&step=1&lang=en"
    )


def test_bad_ids_and_steps_are_named_and_escaped(night):
    night.apply_query("playlist=%3Cscript%3Ex&step=1")
    assert (
        "&lt;script&gt;" in night.stepper.message.value
        and "<script>" not in night.stepper.message.value
    )
    night.apply_query("playlist=one-night&step=99")
    assert night.stepper.index == 0
    assert "step &#x27;99&#x27; does not exist" in night.stepper.message.value


def test_a_malformed_file_names_the_line_and_changes_nothing(night):
    night.apply_query("preset=wang_yiqi")
    before = night.scenario
    bad = b"explainer_playlist: 1\ntitle: x\nsteps:\n  - page: nigth\n    title: t\n"
    assert night.load_scenario_file(bad) is False  # the scenario button takes playlists too
    assert "line 4" in night.stepper.message.value and night.scenario == before
    assert night.stepper.load_file(None, 9_000_000) is False
    assert "9 MB" in night.stepper.message.value


def test_a_custom_file_loads_and_travels_as_custom(night):
    text = (
        "explainer_playlist: 1\nid: mine\ntitle: Mine\nsteps:\n"
        "  - {page: night, preset: wang_yiqi, title: One, question: Q, notes: N}\n"
        "  - {page: unit, title: Two, question: Q, notes: N}\n"
    )
    assert night.stepper.load_file(text.encode()) is True
    assert night.preset_id == "wang_yiqi" and night.stepper.bridge.stored == text
    night.stepper.go(1)
    assert night.stepper.bridge.navigate == step_link("unit", "custom", 1, "en")
    unit = UnitDashboard(lang="en")
    unit.apply_query("playlist=custom&step=2")  # the browser then sends the stored file
    unit.stepper._on_message(None, {"kind": "custom", "text": text}, [])
    assert unit.stepper.index == 1 and unit.stepper.playlist.id == "mine"


def test_notes_follow_the_language(night):
    night.apply_query("playlist=one-night&step=3")
    assert night.stepper.bridge.notes["title"] == "Wang Yiqi: one app for one section"
    night.language.value = "zh"
    assert night.stepper.bridge.notes["title"] == "王逸岐：一个科室一个APP"
    figures = notes_payload(ready_made()["one-night"], 2, "zh")["figures"]
    assert figures[0] == "每晚花在APP上的分钟: 90 · 页面显示：1 小时 30 分钟"  # as projected
    assert figures[3] == "典型一晚的就寝时间: 00:45"  # written the same: said once
    night.language.value = "en"
