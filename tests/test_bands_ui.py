"""Issue 14 on the pages (no browser): every headline figure with its band, the verdict in
the summary, the ranges in every export, and a band that never outlives its scenario.

The pages compute bands in an asyncio task on the kernel's event loop; here the same code
runs under ``asyncio.run`` (the task path) or through ``run_now`` (the synchronous path).
"""

from __future__ import annotations

import asyncio
import html
import json
import re
from typing import Any

import pytest
import yaml
from clicks import click_download

from explainer.charts.live import resolved
from explainer.core.figures import format_value
from explainer.core.i18n import t
from explainer.model import uncertainty as U
from explainer.model.robustness import band_only_text
from explainer.ui.band_html import CARD_FIGURES
from explainer.ui.bands import START_DELAY, sample_size
from explainer.ui.dashboard import Dashboard
from explainer.ui.fit import FitDashboard
from explainer.ui.night import NightDashboard
from explainer.ui.reforms import ReformsDashboard
from explainer.ui.unit import UnitDashboard

CLASSES = [NightDashboard, UnitDashboard, FitDashboard, ReformsDashboard]
_MADE: dict[tuple[type[Dashboard], str], Dashboard] = {}


def page(cls: type[Dashboard], lang: str) -> Dashboard:
    """A page with its bands computed (pages are reused: the unit model is slow)."""
    if (cls, lang) not in _MADE:
        made = cls(lang)
        if cls is ReformsDashboard:
            made.apply_query(f"reforms=one_stop_platform&lang={lang}")
        made.bands.run_now()
        _MADE[(cls, lang)] = made
    return _MADE[(cls, lang)]


def _download(d: Dashboard, kind: str) -> str:
    """The file the page's ``kind`` download button saves (made when it is clicked)."""
    name, data = click_download(d.exports, kind)
    assert name == f"explainer-{d.page.id}.{kind}"
    return data.decode("utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("cls", CLASSES)
def test_every_headline_figure_shows_its_band(cls: type[Dashboard], lang: str) -> None:
    d = page(cls, lang)
    table = d.bands.table.value
    assert "data-state='ready'" in table
    unc = d.bands.current
    for figure in d.figures(d.result):
        band = unc.band(figure.key)
        assert band.contains(figure.value)
        cell = f"<td class='band' data-figure='{figure.key}'>"
        assert cell + html.escape(band_only_text(band, figure.kind, lang)) in table
    assert html.escape(t("bands_title", lang)) in table
    assert f"{sample_size(d.page.id)}" in table  # the method note names the sample size
    for card, key in CARD_FIGURES.get(d.page.id, {}).items():
        if f"card-{card}'" in d.headline.value:
            assert f"data-figure='{key}'" in d.headline.value, card


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("cls", [NightDashboard, UnitDashboard, FitDashboard])
def test_the_summary_says_whether_each_conclusion_is_robust(
    cls: type[Dashboard], lang: str
) -> None:
    d = page(cls, lang)
    summary = html.unescape(d.summary.value)
    marks = (
        ("Under every plausible assumption", "As set:")
        if lang == "en"
        else ("在所试的每种", "按当前设置")
    )
    assert any(m in summary for m in marks)
    assert d.bands.verdicts(lang) in summary


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_reform_page_says_whether_an_effect_beats_the_uncertainty(lang: str) -> None:
    d = page(ReformsDashboard, lang)
    summary = html.unescape(d.summary.value)
    night = t("metric_night_minutes", lang)
    robust = t("reform_effect_robust", lang, metric=night, change="", low="", high="")[:12]
    assert robust in summary  # one platform cuts the sign-ins under every assumption
    assert "class='effect robust'" in d.bands.table.value


@pytest.mark.parametrize("cls", CLASSES)
def test_exports_carry_the_ranges_the_sample_size_and_the_seed(cls: type[Dashboard]) -> None:
    d = page(cls, "en")
    n = sample_size(d.page.id)
    csv = d.figures_csv(d.result)
    assert f"sample_size: {n}; seed: {U.SEED}" in csv
    header = next(line for line in csv.splitlines() if line.startswith("figure,"))
    assert header.endswith("low,high,range")
    for kind, dump in (("yaml", yaml.safe_load), ("json", json.loads)):
        document = dump(_download(d, kind))
        ranges = document["ranges"]
        assert ranges["sample_size"] == n and ranges["seed"] == U.SEED
        assert ranges["band"].startswith("min-max")
        for figure in d.figures(d.result):
            band = ranges["bands"][figure.key]
            assert band["low"] <= figure.value + 1e-9 and figure.value <= band["high"] + 1e-9
        assert d.bands.verdicts("en") in document["summary"]
        assert d.load_scenario_text(yaml.safe_dump(document)), d.problems  # loads back


def test_exports_say_the_ranges_are_pending_before_they_are_known() -> None:
    d = NightDashboard("en")
    d.bands.run_now()  # the first scenario's bands ...
    d._on_control("washing_min", 40)  # ... never reach the second scenario's downloads
    document = yaml.safe_load(_download(d, "yaml"))
    assert document["ranges"]["state"] == "pending"
    assert "# ranges: " + t("band_pending", "en") in _download(d, "csv")
    assert d.bands.current is None  # no event loop here: nothing ran
    assert "# ranges: " + t("band_pending", "en") in d.figures_csv(d.result)
    assert "data-state='pending'" in d.bands.table.value
    assert "card-band" not in d.headline.value


def test_a_band_of_an_older_scenario_is_never_drawn() -> None:
    d = NightDashboard("en")
    old = d.bands.generation
    d._on_control("washing_min", 40)  # a new scenario: the old bands are gone
    assert d.bands.generation == old + 1 and d.bands.current is None
    figures, scenario, keys, assumptions = d.bands._prepare()
    stale = U.uncertainty(figures, d.registry, d.registry.default(), n=16)
    d.bands.publish(stale, (old, "older"))  # a late result for the older scenario
    assert d.bands.current is None and "card-band" not in d.headline.value
    d.bands.run_now()
    assert f"data-scenario='{d.bands.stamp()}'" in d.headline.value


def test_a_scenario_has_one_stamp_however_its_numbers_came() -> None:
    """A link gives ``5``, a slider ``5.0`` (every other number a float too), or in the
    browser ``5.000000000000001`` (4.5 and one step): one scenario, one stamp (the browser
    tests compare a chart's scenario with the value marker's through it)."""
    linked = NightDashboard("en")
    linked.apply_query("signin_min_per_app=5&lang=en")
    for sent in (5.0, 4.5 + 0.5 + 1e-15):
        moved = NightDashboard("en")
        moved.panel.control("signin_min_per_app").widget.value = sent  # as a slider sends it
        assert moved.state_query() == linked.state_query()
        assert linked.bands.stamp() == moved.bands.stamp()


@pytest.fixture
def band_runs(monkeypatch) -> list[int]:
    """A list that grows by one each time a band computation runs the page's model."""
    import scipy.stats  # noqa: F401  (else the first sample is drawn in a worker thread)

    from explainer.ui import bands

    calls: list[int] = []
    made = bands.figures_callable

    def counted(*args: Any) -> Any:
        run = made(*args)
        return lambda scenario: calls.append(1) or run(scenario)

    monkeypatch.setattr(bands, "figures_callable", counted)
    return calls


def test_the_band_computation_waits_for_the_point_update_to_be_drawn(
    band_runs: list[int],
) -> None:
    """No band work in the first START_DELAY after a change (the browser draws the point
    update without the band's work on the other core), and the work starts after it."""

    async def change() -> tuple[int, int]:
        d = NightDashboard("en")
        d._on_control("washing_min", 25)
        await asyncio.sleep(0.02)  # long enough for a chunk or two without the delay
        during = len(band_runs)
        await asyncio.sleep(START_DELAY + 0.05)
        return during, len(band_runs)

    during, after = asyncio.run(change())
    assert during == 0
    assert after > 0


@pytest.mark.parametrize("cls", [NightDashboard, UnitDashboard])
def test_a_burst_of_changes_ends_with_the_bands_of_the_last(
    cls: type[Dashboard], band_runs: list[int]
) -> None:
    """The task path: each change cancels the unfinished computation of the one before."""

    async def burst() -> Dashboard:
        d = cls("en")
        for minutes in (10, 20, 30, 40, 45):
            d._on_control("washing_min", minutes)
            if minutes == 45:
                break
            runs = len(band_runs)
            while len(band_runs) == runs:  # the task is inside its chunks: change again
                await asyncio.sleep(0.001)
        task = d.bands.task
        assert task is not None
        await task
        return d

    d = asyncio.run(burst())  # tests/conftest.py hides Playwright's loop from this test
    assert d.bands.current is not None and d.bands.current.ends is not None
    assert d.scenario.washing_min == 45
    stamps = set(re.findall(r"data-scenario='(\w+)'", d.headline.value))
    assert stamps == {d.bands.stamp()}  # the value marker and every card's band
    value = next(f for f in d.figures(d.result) if f.key == "night_minutes")
    assert d.bands.current.point("night_minutes") == value.value
    assert d.bands.published == 1  # the four earlier scenarios were cancelled unfinished


def test_the_tornado_follows_the_figure_picked() -> None:
    d = page(NightDashboard, "en")
    d.bands.picker.value = "bedtime"
    title = "".join(resolved(d.bands.tornado.spec)["title"]["text"])  # lines on a phone
    assert title == t("tornado_title", "en", figure=t("metric_bedtime", "en"))
    d.bands.picker.value = "night_minutes"
    title = "".join(resolved(d.bands.tornado.spec)["title"]["text"])  # lines on a phone
    assert title == t("tornado_title", "en", figure=t("metric_night_minutes", "en"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_brief_gives_each_figure_its_range(lang: str) -> None:
    from explainer.ui.brief_button import brief_content, make_brief

    d = NightDashboard(lang)
    d.apply_query(f"washing_min=25&lang={lang}")
    assert d.bands.current is None  # not computed yet: the brief computes them
    content = brief_content(d)
    assert d.bands.current is not None
    night = next(f for f in content.figures if f.label == t("metric_night_minutes", lang))
    band = d.bands.current.band("night_minutes")
    assert night.low_text == format_value(band.low, "minutes", lang)
    assert night.high_text == format_value(band.high, "minutes", lang)
    assert night.low_text in make_brief(d)[1]


def test_the_ab_table_carries_both_sides_ranges() -> None:
    d = NightDashboard("en")
    d.toggle_pin()  # A: the defaults
    d._on_control("washing_min", 30)  # B
    d.bands.run_now()
    table = d.view.outputs["ab_table"].value
    assert "explainer-ab-bands" in table and html.escape(t("bands_ab_title", "en")) in table
    a = U.uncertainty(
        lambda s: {"night_minutes": d.figures(d.compute(s))[0].value},
        d.registry,
        d.registry.default(),
        [p for p, spec in d.registry.params.items() if spec.group in d.page.groups],
    )
    shown = band_only_text(a.band("night_minutes"), "minutes", "en")
    assert f"<td class='band-a'>{html.escape(shown)}</td>" in table


def test_building_a_page_does_not_import_the_sampler() -> None:
    """scipy.stats takes about 0.8 s to import: the bands import it only when first computed
    (in a worker thread), never while the kernel builds the page."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom explainer.ui.unit import UnitDashboard\nUnitDashboard()\n"
        "print('scipy.stats' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
