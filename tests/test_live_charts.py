"""Live chart specs (issue 14, speed): a scenario change or a band's arrival changes only a
chart's data and parameter values, never its structure, so that the browser can update the
chart on screen in place (serving/jupyterchart.js); and the live form draws exactly what
the plain spec draws (rendered by vl-convert, the Vega-Lite the page's module bundles)."""

from __future__ import annotations

from typing import Any

import pytest
import vl_convert as vlc
from altair.utils._importers import vl_version_for_vl_convert

from explainer.charts.common import responsive, text_px
from explainer.charts.live import live, resolved, skeleton, with_pending_band
from explainer.core.i18n import t
from explainer.core.spec import registry
from explainer.pages import PAGE_IDS
from explainer.ui.bands import attach_bands
from explainer.ui.dashboard import Dashboard, dashboard_class
from explainer.ui.state import Pin

VL = vl_version_for_vl_convert()
#: Parameters no chart shows (then no chart is re-sent).
UNDRAWN: set[str] = set()
#: Steps that change an axis's categories (their names or number): the y axis's ``sort``
#: list (Vega-Lite has no ``ExprRef`` for it), the colour range and the height (the height
#: follows the number of rows) change, so these charts are drawn again (full re-embed).
STRUCTURAL = {
    ("night", "n_apps"): {"explainer-chart-timeline", "explainer-chart-apps"},
    ("night", "n_quota_apps"): {"explainer-chart-timeline", "explainer-chart-apps"},
    ("night", "n_proxy_accounts"): {"explainer-chart-timeline"},
    ("unit", "period_days"): {"explainer-chart-risk"},
    ("unit", "n_levels"): {"explainer-chart-cascade"},
}


def _params(page: Dashboard) -> list[str]:
    """The numeric parameters the page shows."""
    return [
        name
        for name, spec in registry().params.items()
        if spec.group in page.page.groups and spec.type in ("int", "float")
    ]


def _step(page: Dashboard, name: str) -> Any:
    """One step up from the page's value of ``name`` (down at the top of its range)."""
    spec, value = registry().params[name], getattr(page.scenario, name)
    step = spec.step or 1
    return type(value)(value + step if value + step <= spec.max else value - step)


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_a_scenario_change_keeps_every_chart_s_structure(page_id: str) -> None:
    page = dashboard_class(page_id)("en")
    names = _params(page)
    assert names, page_id
    for name in names:  # one step after another: each scenario is the last one's neighbour
        before, value = [w.spec for w in page.chart_widgets], _step(page, name)
        page.panel.control(name).widget.value = value  # as a reader moves the slider
        if getattr(page.scenario, name) != value:
            continue  # a step a cross-field rule refuses
        structural = STRUCTURAL.get((page_id, name), set())
        assert [w.spec for w in page.chart_widgets] != before or name in UNDRAWN, name
        for widget, old in zip(page.chart_widgets, before, strict=True):
            kept = skeleton(widget.spec) == skeleton(old)
            assert kept != bool(structural & set(widget._dom_classes)), (page_id, name)


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_a_band_s_arrival_only_fills_its_layer(page_id: str) -> None:
    page = dashboard_class(page_id)("en")
    runner = attach_bands(page)
    runner.schedule()
    pending = [w.spec for w in page.chart_widgets]
    runner.run_now()
    drawn = [w.spec for w in page.chart_widgets]
    assert [skeleton(s) for s in drawn] == [skeleton(s) for s in pending]
    assert drawn != pending  # the bands are drawn (the rows and the caption changed)
    # and the next scenario empties the band's layer again, structure unchanged
    name = next(n for n in _params(page) if (page_id, n) not in STRUCTURAL)
    update = {name: _step(page, name)}
    page.set_state(page.state.but(scenario=page.scenario.model_copy(update=update)))
    assert [skeleton(w.spec) for w in page.chart_widgets] == [skeleton(s) for s in drawn]


def test_pinning_a_or_switching_language_changes_the_structure() -> None:
    """Those are not data-only changes: the module draws the chart again."""
    page = dashboard_class("night")("en")
    before = [skeleton(w.spec) for w in page.chart_widgets]
    page.set_state(page.state.but(pinned=Pin(page.scenario)))
    assert all(skeleton(w.spec) != old for w, old in zip(page.chart_widgets, before, strict=True))
    page.set_state(page.state.but(pinned=None, lang="zh"))
    # the language's axis titles and legend labels are literal: a new structure
    assert any(skeleton(w.spec) != old for w, old in zip(page.chart_widgets, before, strict=True))


def _page_specs(pages: tuple[str, ...] = PAGE_IDS) -> list[tuple[str, str, dict[str, Any], Any]]:
    found = []
    for page_id in pages:
        page = dashboard_class(page_id)("en")
        result = page.compute(page.scenario)
        for chart in page.page.charts:
            found.append((page_id, chart.css, responsive(chart.spec(result, "en"), "en"), result))
    return found


def _fixed(spec: dict[str, Any]) -> dict[str, Any]:
    """A responsive spec at a fixed width (vl-convert has no container to fit)."""
    out = {k: v for k, v in spec.items() if k != "autosize"}
    out["width"] = 640
    return out


def test_the_live_form_round_trips() -> None:
    for _page, _css, spec, _result in _page_specs():
        made = live(spec)
        assert resolved(made) == spec
        assert "values" not in str(made.get("layer", "")) + str(made.get("data", ""))
        names = [p["name"] for p in made["params"]]
        assert "live_title" in names and "live_subtitle" in names


@pytest.mark.parametrize("one_page", PAGE_IDS)
def test_the_live_form_draws_the_same_chart(one_page: str) -> None:
    """Same SVG from the plain and the live spec; the pending band's empty layer draws
    nothing (same pixels: its SVG holds empty mark groups, so the PNGs are compared)."""
    for page_id, css, spec, result in _page_specs((one_page,)):
        made = live(spec)
        plain_svg = vlc.vegalite_to_svg(_fixed(spec), vl_version=VL)
        assert vlc.vegalite_to_svg(_fixed(made), vl_version=VL) == plain_svg, (page_id, css)
        pending = with_pending_band(page_id, css, spec, result, "en")
        if pending is not spec:
            png = vlc.vegalite_to_png(_fixed(spec), vl_version=VL)
            got = vlc.vegalite_to_png(_fixed(live(pending)), vl_version=VL)
            assert got == png, (page_id, css)


def test_live_data_and_parameters_reach_vega_by_name() -> None:
    """The module updates Vega data sets and signals by these names; rows inserted by a
    changeset are not parsed, so no live data set may carry a ``format``."""
    for page_id, css, spec, result in _page_specs():
        made = live(with_pending_band(page_id, css, spec, result, "en"))
        vega = vlc.vegalite_to_vega(_fixed(made), vl_version=VL)
        data = {d["name"]: d for d in vega["data"]}
        for name in made["datasets"]:
            assert name in data, (page_id, css, name)
            assert "format" not in data[name] and "source" not in data[name], (page_id, css)
        signals = {s["name"] for s in vega.get("signals", [])}
        assert {p["name"] for p in made["params"]} <= signals, (page_id, css)


@pytest.mark.parametrize("page_id", ["night", "unit"])
def test_the_tornado_stays_one_chart_while_its_bars_are_computed(page_id: str) -> None:
    """A new scenario empties the tornado (no bar of the old scenario stays, a caption line
    says the bars are being computed) without changing its structure; the new bars then
    arrive as a data-only update, and each form draws as its plain spec does."""
    page = dashboard_class(page_id)("en")
    runner = page.bands
    runner.run_now()
    drawn = page.bands.tornado.spec
    assert resolved(drawn)["data"]["values"], "no bars drawn"
    name = next(
        n
        for n in _params(page)
        if (page_id, n) not in STRUCTURAL and _step(page, n) != getattr(page.scenario, n)
    )
    page.panel.control(name).widget.value = _step(page, name)  # schedules the new bands
    pending = runner.tornado.spec
    shown = resolved(pending)
    assert shown["data"]["values"] == [], "bars of the old scenario are still drawn"
    words = "".join("".join(shown["title"]["subtitle"]).split())
    assert "".join(t("tornado_pending", "en").split()) in words
    assert words.endswith("".join(page.state_query().split()))  # the page's state line
    assert skeleton(pending) == skeleton(drawn)
    runner.run_now()
    new = runner.tornado.spec
    assert skeleton(new) == skeleton(drawn)
    assert resolved(new)["data"]["values"] and new != drawn
    # The caption keeps its lines (the method's too): only the "being computed" one goes.
    caption = resolved(new)["title"]["subtitle"]
    assert shown["title"]["subtitle"][-len(caption) :] == caption
    for made in (pending, new):
        plain = _fixed(resolved(made))
        svg = vlc.vegalite_to_svg(_fixed(made), vl_version=VL)
        assert svg == vlc.vegalite_to_svg(plain, vl_version=VL)


# ------------------------------------------------ nothing past the plot's right edge
def _texts(group: dict[str, Any], x0: float = 0.0) -> Any:
    """(mark name, text, left, right) of each text drawn in the plot (axes included, legend
    and title left out: their width does not follow the plot's), at most as wide as
    ``text_px`` says."""
    for mark in group.get("items", []):
        for item in mark.get("items", []):
            x = x0 + float(item.get("x") or 0)
            if mark.get("marktype") == "group" and mark.get("role") not in ("legend", "title"):
                yield from _texts(item, x)
            elif mark.get("marktype") == "text" and item.get("text"):
                text = item["text"] if isinstance(item["text"], str) else max(item["text"], key=len)
                px = text_px(str(text), float(item.get("fontSize", 11)))
                at = x + float(item.get("dx") or 0)
                left = at - {"center": px / 2, "right": px}.get(item.get("align", "left"), 0)
                yield mark.get("name"), str(text), left, left + px


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("page_id", "widths"), [(p, (300, 640)) for p in PAGE_IDS])
def test_no_label_ends_past_the_plot_s_right_edge(
    page_id: str, widths: tuple[int, ...], lang: str
) -> None:
    """With ``autosize: fit-x`` Vega narrows the plot by what is drawn past its right edge,
    measured at the width it had: one step per run of its dataflow. A label anchored at a
    data position past that edge (the band's label at the band's far end, the midnight
    label after its rule, the clock axis's last label) moves with the width, so the plot's
    width came to depend on how many in-place updates it had seen: after a slider move the
    night's timeline was 13-15 px wider than on a fresh load of the same link. Nothing a
    chart draws from its data may end past the plot's right edge, on any page, at a phone's
    width too. Each chart is drawn with its band and at a fixed width."""
    page = dashboard_class(page_id)(lang)
    page.bands.run_now()
    for widget in [*page.chart_widgets, page.bands.tornado]:
        spec = resolved(widget.spec)
        for width in widths:
            fixed = {k: v for k, v in spec.items() if k != "autosize"}
            if not isinstance(spec.get("width"), int | float):
                fixed["width"] = width
            plot = vlc.vegalite_to_scenegraph(fixed, vl_version=VL)["scenegraph"]["items"][0]
            if plot.get("width") is None:
                continue  # a concatenation: not fitted to its container
            past = [t for t in _texts(plot) if t[3] > plot["width"] + 1]
            assert not past, (widget._dom_classes, width, past)
