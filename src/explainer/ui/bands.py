"""Bands on a page, computed without blocking the controls (issue 14).

The page's point values update as before; the bands follow. :meth:`BandRunner.schedule` is
called at the end of every refresh: it counts a new *generation*, takes the old bands off
the page (a band never surrounds a value of another scenario), and starts an asyncio task on
the kernel's event loop (ipykernel runs one in the main thread; Voila's kernels too). The
task evaluates the sample a few milliseconds at a time and yields between chunks, so a
slider message is handled within one chunk; before each chunk and before drawing it checks
the generation, so a later change cancels it. The first sample (importing ``scipy.stats``,
≈0.8 s) is drawn in a worker thread, leaving the loop free. Without a running loop (tests,
scripts) nothing runs until :meth:`BandRunner.run_now`.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import sys
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Any

import ipywidgets as W
import numpy as np
import pandas as pd

from explainer.charts.bands import tornado_spec, with_band
from explainer.charts.common import responsive
from explainer.figures import format_value
from explainer.i18n import t
from explainer.model import uncertainty as U
from explainer.robustness import (
    STATUS_QUO,
    band_only_text,
    export_record,
    method_text,
    reform_effects_text,
    verdicts_text,
)
from explainer.ui import band_html

#: Work done between two yields to the event loop (seconds): a slider waits at most this.
CHUNK_SECONDS = 0.008
CACHE_SIZE = 8
#: Pages whose model takes tens of milliseconds a run (the unit model): SAMPLE_SIZE_SLOW.
SLOW_PAGES = ("unit", "reforms")


def sample_size(page: str) -> int:
    """The page's sample size: fewer points where one run of the model is slow."""
    return U.SAMPLE_SIZE_SLOW if page in SLOW_PAGES else U.SAMPLE_SIZE


def figures_callable(dashboard: Any) -> U.Figures:
    """``scenario -> {figure key: value}`` through the page's own model and figure list.

    The reform page's status-quo figures come too (``<key>@status_quo``), so that each
    reform's effect is measured against the status quo under the same assumptions.
    """
    page, extras = dashboard.page, dict(dashboard.state.extras)

    def run(scenario: Any) -> dict[str, float]:
        result = page.compute(scenario, extras)
        out = {f.key: float(f.value) for f in page.figures(result)}
        if page.id == "reforms":  # the status quo under the same assumptions
            out |= {r.metric + STATUS_QUO: float(r.status_quo) for r in result.table().itertuples()}
        return out

    return run


def timed_chunks(
    figures: U.Figures, scenarios: Sequence[Any], keys: Sequence[str], budget: float
) -> Iterator[np.ndarray]:
    """Figure values, as many scenarios at a time as fit in ``budget`` seconds (at least one)."""
    start = 0
    while start < len(scenarios):
        began, rows = time.perf_counter(), []
        while start < len(scenarios) and (not rows or time.perf_counter() - began < budget):
            found = figures(scenarios[start])
            rows.append([float(found[k]) for k in keys])
            start += 1
        yield np.array(rows, dtype=float)


class BandRunner:
    """The bands of one page: its table, its tornado chart, and the task that computes them."""

    def __init__(self, dashboard: Any):
        import altair as alt

        from explainer.ui.view import EMBED_OPTIONS

        self.dashboard = dashboard
        self.generation = 0
        self.current: U.Uncertainty | None = None  # the bands of this generation, once known
        self.task: asyncio.Task[None] | None = None
        self.cache: OrderedDict[Any, U.Uncertainty] = OrderedDict()
        self.base_specs: list[dict[str, Any]] = []
        self.published = 0  # generations drawn (for tests and the benchmark)
        self.band_stamp = ""  # the scenario the drawn bands were computed for
        self.table = W.HTML()
        self.table.add_class("explainer-bands")
        self.picker = W.Dropdown(style={"description_width": "initial"})
        self.picker.add_class("explainer-tornado-pick")
        self.picker.observe(self._on_pick, "value")
        self.tornado = alt.JupyterChart(None, embed_options=EMBED_OPTIONS)
        self.tornado.add_class("explainer-chart-tornado")
        self.widgets: list[W.Widget] = [self.table, self.picker, self.tornado]

    # ------------------------------------------------------------------ scheduling
    def key(self) -> Any:
        d = self.dashboard
        return (d.page.id, d.scenario, tuple(d.chosen))

    def stamp(self) -> str:
        """A short name of the scenario on the page (what a band on the page belongs to)."""
        return hashlib.sha1(repr(self.key()).encode("utf-8")).hexdigest()[:12]

    def schedule(self) -> None:
        """A new scenario is on the page: drop the old bands, start computing the new ones."""
        self.generation += 1
        self.current, self.band_stamp = None, ""
        if self.task is not None:
            self.task.cancel()
            self.task = None
        d = self.dashboard
        self.base_specs = [w.spec for w in d.view.chart_widgets]
        headline = d.view.outputs["headline"]
        headline.value += band_html.value_marker(self.stamp())
        self._draw_table()
        self._relabel_picker()
        cached = self.cache.get(self.key())
        if cached is not None:
            self.publish(cached, (self.generation, self.stamp()))
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a test or a script): run_now() when wanted
            return
        self.task = loop.create_task(self._run((self.generation, self.stamp())))

    async def _run(self, ticket: tuple[int, str]) -> None:
        """Compute the bands of the scenario ``ticket`` names (its generation and stamp)."""
        generation = ticket[0]
        figures, scenario, keys, assumptions = self._prepare()
        n = sample_size(self.dashboard.page.id)
        if assumptions and "scipy.stats" not in sys.modules:  # ≈0.8 s: in a worker thread
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, U.unit_sample, len(assumptions), n)
            if generation != self.generation:
                return
        chunks = []
        for chunk in timed_chunks(figures, U.plan(scenario, assumptions, n), keys, CHUNK_SECONDS):
            chunks.append(chunk)
            await asyncio.sleep(0)  # the controls' messages are handled here
            if generation != self.generation:
                return  # a later change: this scenario is gone
        unc = U.assemble(keys, assumptions, chunks, n, U.SEED)
        for _ in self.publish_steps(unc, ticket):
            await asyncio.sleep(0)
            if generation != self.generation:
                return
        ends = []  # then the tornado's one-at-a-time scenarios
        for chunk in timed_chunks(figures, U.ends_plan(scenario, assumptions), keys, CHUNK_SECONDS):
            ends.append(chunk)
            await asyncio.sleep(0)
            if generation != self.generation:
                return
        self._set_ends(unc.with_ends(ends), generation)

    def _prepare(self) -> tuple[U.Figures, Any, tuple[str, ...], tuple[U.Varied, ...]]:
        d = self.dashboard
        figures = figures_callable(d)
        names = [p for p, spec in d.registry.params.items() if spec.group in d.page.groups]
        assumptions = U.varied(d.registry, d.scenario, names)
        return figures, d.scenario, tuple(figures(d.scenario)), assumptions

    def run_now(self) -> U.Uncertainty:
        """Compute this generation's bands and tornado here and now, and draw them."""
        figures, scenario, keys, assumptions = self._prepare()
        n = sample_size(self.dashboard.page.id)
        chunks = timed_chunks(figures, U.plan(scenario, assumptions, n), keys, CHUNK_SECONDS)
        unc = U.assemble(keys, assumptions, chunks, n, U.SEED)
        self.publish(unc, (self.generation, self.stamp()))
        ends = timed_chunks(figures, U.ends_plan(scenario, assumptions), keys, CHUNK_SECONDS)
        self._set_ends(unc.with_ends(ends), self.generation)
        return self.current

    def _set_ends(self, unc: U.Uncertainty, generation: int) -> None:
        if generation != self.generation:
            return
        self.current = unc
        self.cache[self.key()] = unc
        self._draw_tornado()

    # ------------------------------------------------------------------ drawing
    def publish(self, unc: U.Uncertainty, ticket: tuple[int, str]) -> None:
        """Draw ``unc`` as the bands of ``ticket``'s scenario (ignored if the page moved on)."""
        for _ in self.publish_steps(unc, ticket):
            pass

    def publish_steps(self, unc: U.Uncertainty, ticket: tuple[int, str]) -> Iterator[None]:
        """Draw the bands step by step (the task yields to the controls between steps):
        first what the reader looks at (cards, table), then charts, words, exports."""
        generation, stamp = ticket
        if generation != self.generation:
            return
        self.band_stamp = stamp
        self.current = unc
        self.cache[self.key()] = unc
        self.cache.move_to_end(self.key())
        while len(self.cache) > CACHE_SIZE:
            self.cache.popitem(last=False)
        d, lang, result = self.dashboard, self.dashboard.lang, self.dashboard.result
        headline = d.view.outputs["headline"]
        headline.value = band_html.decorate_cards(
            headline.value, d.page.id, d.figures(result), unc, self.band_stamp, lang
        )
        self._draw_table()
        self.published += 1
        yield
        bands = unc.bands()
        for widget, chart, base in zip(
            d.view.chart_widgets, d.page.charts, self.base_specs, strict=True
        ):
            # ``base`` is already responsive (a second pass breaks Vega's layout); the band's
            # caption line is wrapped narrow by ``with_band`` itself.
            drawn = with_band(d.page.id, chart.css, base, result, bands, lang)
            if drawn is not base:
                widget.spec = drawn
                yield
        d.view.outputs["summary"].value = f"<p>{html.escape(d.full_summary(result, lang))}</p>"
        self._draw_tornado()
        yield
        d.view.toolbar.exports.value = d.exports_html(result)

    def _draw_table(self) -> None:
        d = self.dashboard
        figures = d.figures(d.result)
        values = {f.key: f.value for f in figures}
        self.table.value = band_html.table_html(
            d.page.id, figures, values, self.current, self.band_stamp or self.stamp(), d.lang
        )

    def _relabel_picker(self) -> None:
        d = self.dashboard
        options = [(t(f"metric_{f.key}", d.lang), f.key) for f in d.figures(d.result)]
        keep = self.picker.value
        if list(self.picker.options) != options:
            self.picker.options = options
            self.picker.value = keep if keep in dict(options).values() else options[0][1]
        self.picker.description = t("tornado_pick", d.lang)

    def _on_pick(self, change: dict[str, Any]) -> None:
        if self.current is not None:
            self._draw_tornado()

    def _draw_tornado(self) -> None:
        d, unc, key = self.dashboard, self.current, self.picker.value
        if unc is None or key not in unc.keys:
            return
        if unc.ends is None:
            self.tornado.spec = None
            return
        kind = next(f.kind for f in d.figures(d.result) if f.key == key)
        self.tornado.spec = responsive(tornado_spec(unc, key, kind, d.lang), d.lang)

    # ------------------------------------------------------------------ words and exports
    def result_is(self, result: Any) -> bool:
        """Whether the bands drawn are those of ``result`` (the page's current result)."""
        return self.current is not None and result is self.dashboard.result

    def verdicts(self, lang: Any) -> str:
        """The summary's verdicts (empty until the bands are known)."""
        d, unc = self.dashboard, self.current
        if unc is None:
            return ""
        if d.page.id == "reforms":
            kinds = {f.key: f.kind for f in d.figures(d.result)}
            return reform_effects_text(unc, kinds, lang)
        return verdicts_text(d.page.id, unc, lang)

    def csv(self, table: pd.DataFrame, lang: Any) -> str:
        """The figures' CSV with each band (``low``, ``high``, ``range``) and how it was made."""
        unc = self.current
        if unc is None:
            line = f"# ranges: {t('band_pending', lang)}\n"
            return line + table.to_csv(index=False)
        bands = [unc.band(k) if k in unc.keys else None for k in table["figure"]]
        table = table.assign(
            low=[b.low if b else None for b in bands],
            high=[b.high if b else None for b in bands],
            range=[
                band_only_text(b, k, lang) if b else ""
                for b, k in zip(bands, self._kinds(table), strict=True)
            ],
        )
        head = (
            f"# ranges: band min-max; sample scrambled Sobol' (scipy.stats.qmc.Sobol);"
            f" sample_size: {unc.n}; seed: {unc.seed}; scenarios_tried: {unc.tried}\n"
            f"# ranges_method: {method_text(unc, lang)}\n"
        )
        return head + table.to_csv(index=False)

    def _kinds(self, table: pd.DataFrame) -> list[str]:
        d = self.dashboard
        kinds = {f.key: f.kind for f in d.figures(d.result)}
        return [kinds.get(k, "number") for k in table["figure"]]

    def ends_of(self, result: Any, lang: Any) -> dict[str, tuple[str, str]]:
        """Each figure's band ends as text (the brief's range column), computing them now if
        the page has not yet; empty for any result but the page's own."""
        d = self.dashboard
        if result is not d.result:
            return {}
        if self.current is None:
            if self.task is not None:
                self.task.cancel()
                self.task = None
            self.run_now()
        unc = self.current
        return {
            f.key: (
                format_value(unc.band(f.key).low, f.kind, lang),
                format_value(unc.band(f.key).high, f.kind, lang),
            )
            for f in d.figures(result)
            if f.key in unc.keys
        }

    def export(self, lang: Any) -> dict[str, Any]:
        """What an export carries: the bands, the method, the sample size and the seed."""
        d, unc = self.dashboard, self.current
        if unc is None:
            return {"state": "pending", "sample_size": U.SAMPLE_SIZE, "seed": U.SEED}
        kinds = {f.key: f.kind for f in d.figures(d.result)}
        return export_record(unc, kinds, lang)


def attach_bands(dashboard: Any) -> BandRunner:
    """Give ``dashboard`` its bands: the widgets under its charts, and a schedule after each
    redraw (the dashboard's ``on_refresh`` extension point, docs/architecture.md)."""
    runner = BandRunner(dashboard)
    outputs = _find(dashboard.view.widget, "explainer-outputs")
    outputs.children = (*outputs.children, *runner.widgets)
    dashboard.on_refresh.append(lambda state, result: runner.schedule())
    return runner


def _find(widget: W.Widget, css: str) -> W.Box:
    """The box with CSS class ``css`` inside ``widget``."""
    if css in getattr(widget, "_dom_classes", ()):
        return widget
    for child in getattr(widget, "children", ()):
        found = _find(child, css)
        if found is not None:
            return found
    return None  # type: ignore[return-value]
