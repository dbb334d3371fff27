"""Bands on a page, computed without blocking the controls (issue 14).

The page's point values update as before; the bands follow. :meth:`BandRunner.schedule` is
called at the end of every refresh: it counts a new *generation*, takes the old bands off
the page (a band never surrounds a value of another scenario), and starts an asyncio task on
the kernel's event loop (ipykernel runs one in the main thread; Voila's kernels too). The
task waits ``START_DELAY`` (the browser draws the point update meanwhile), then evaluates
the sample a few milliseconds at a time and pauses between chunks, so a slider message is
handled within one chunk; before each chunk and before drawing it checks
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

from explainer import __version__
from explainer.charts.bands import (
    TORNADO_MIN_HEIGHT,
    chart_quantities,
    pending_tornado_spec,
    tornado_spec,
    with_band,
)
from explainer.charts.common import responsive
from explainer.core.i18n import t
from explainer.model import uncertainty as U
from explainer.model.robustness import STATUS_QUO, method_words
from explainer.ui import band_html
from explainer.ui.band_words import BandWords, sample_size
from explainer.ui.outputs import plain_spec, show_chart

#: Work done between two yields to the event loop (seconds): a slider waits at most this.
CHUNK_SECONDS = 0.008
#: The pause after each chunk (seconds). A pause, not a bare yield: the kernel's main thread
#: sleeps and lets go of the GIL, so ipykernel's IOPub thread can send what is queued.
CHUNK_PAUSE = 0.001
#: How long after a change the band computation starts (seconds): the browser draws the
#: point update first, without the kernel's band work on the second of the machine's two
#: cores. A later change within it replaces the scenario before any work is done for it.
START_DELAY = 0.05
CACHE_SIZE = 8


def figures_callable(dashboard: Any, extras: dict[str, Any] | None = None) -> U.Figures:
    """``scenario -> {figure key: value}`` through the page's own model and figure list.

    The reform page's status-quo figures come too (``<key>@status_quo``), so that each
    reform's effect is measured against the status quo under the same assumptions, and the
    quantities the page's chart bands are taken over (``chart:…``, charts/bands.py).
    """
    page = dashboard.page
    extras = dict(dashboard.state.extras) if extras is None else extras

    def run(scenario: Any) -> dict[str, float]:
        result = page.compute(scenario, extras)
        out = {f.key: float(f.value) for f in page.figures(result)}
        if page.id == "reforms":  # the status quo under the same assumptions
            out |= {r.metric + STATUS_QUO: float(r.status_quo) for r in result.table().itertuples()}
        return out | chart_quantities(page.id, result)  # what the charts' bands are taken over

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


class BandRunner(BandWords):
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
        """A short name of the scenario on the page (what a band on the page belongs to):
        of its values as its link gives them (a link's ``5`` and a slider's ``5.0`` or
        ``5.000000000000001``, one step of 0.5 from 4.5 in the browser, name one scenario)."""
        d = self.dashboard
        values = sorted((k, _number(v)) for k, v in d.scenario.model_dump().items())
        named = repr((d.page.id, values, tuple(d.chosen)))
        return hashlib.sha1(named.encode("utf-8")).hexdigest()[:12]

    def schedule(self) -> None:
        """A new scenario is on the page: drop the old bands, start computing the new ones."""
        self.generation += 1
        self.current, self.band_stamp = None, ""
        if self.task is not None:
            self.task.cancel()
            self.task = None
        d = self.dashboard
        self.base_specs = [plain_spec(w) for w in d.view.chart_widgets]
        cached = self.cache.get(self.key())
        self._relabel_picker()
        # Before the value marker: no bar of the old scenario stays beside the new values.
        self._draw_tornado(cached)
        headline = d.view.outputs["headline"]
        headline.value += band_html.value_marker(self.stamp())
        self._draw_table()
        if cached is not None:
            self.publish(cached, (self.generation, self.stamp()))
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a test or a script): run_now() when wanted
            return
        self.task = loop.create_task(_after_delay(self, (self.generation, self.stamp())))

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
        chunks = await self._evaluate(figures, U.plan(scenario, assumptions, n), keys, generation)
        if chunks is None:
            return  # a later change: this scenario is gone
        unc = U.assemble(keys, assumptions, chunks, n, U.SEED)
        for _ in self.publish_steps(unc, ticket):
            await asyncio.sleep(0)
            if generation != self.generation:
                return
        ends = await self._evaluate(figures, U.ends_plan(scenario, assumptions), keys, generation)
        if ends is None:
            return
        self._set_ends(unc.with_ends(ends), generation)
        pinned = self._prepare(pinned=True)  # then scenario A's bands, for the A/B table
        if pinned is not None:
            a_figures, a_scenario, a_keys, a_assumptions = pinned
            a_plan = U.plan(a_scenario, a_assumptions, n)
            found = await self._evaluate(a_figures, a_plan, a_keys, generation)
            if found is not None:
                self._draw_ab(U.assemble(a_keys, a_assumptions, found, n, U.SEED), generation)

    async def _evaluate(
        self, figures: U.Figures, scenarios: list[Any], keys: tuple[str, ...], generation: int
    ) -> list[np.ndarray] | None:
        """The figures over ``scenarios`` in chunks, yielding to the controls between them;
        ``None`` as soon as a later change makes them useless."""
        chunks = []
        for chunk in timed_chunks(figures, scenarios, keys, CHUNK_SECONDS):
            chunks.append(chunk)
            await asyncio.sleep(CHUNK_PAUSE)  # the controls' messages are handled here
            if generation != self.generation:
                return None
        return chunks

    def _prepare(self, pinned: bool = False) -> Any:
        """(figures, scenario, keys, assumptions) of the page's scenario, or of the pinned
        scenario A (``None`` when nothing is pinned)."""
        d = self.dashboard
        if pinned and (d.state.pinned is None or not d.page.can_pin):
            return None
        scenario = d.state.pinned.scenario if pinned else d.scenario
        figures = figures_callable(d, dict(d.state.pinned.extras) if pinned else None)
        return figures, scenario, tuple(figures(scenario)), self._assumptions(scenario)

    def _assumptions(self, scenario: Any) -> tuple[U.Varied, ...]:
        """The assumptions the bands of ``scenario`` vary (the page's own, with a range)."""
        d = self.dashboard
        names = [p for p, spec in d.registry.params.items() if spec.group in d.page.groups]
        return U.varied(d.registry, scenario, names)

    def run_now(self) -> U.Uncertainty:
        """Compute this generation's bands and tornado here and now, and draw them."""
        figures, scenario, keys, assumptions = self._prepare()
        n = sample_size(self.dashboard.page.id)
        chunks = timed_chunks(figures, U.plan(scenario, assumptions, n), keys, CHUNK_SECONDS)
        unc = U.assemble(keys, assumptions, chunks, n, U.SEED)
        self.publish(unc, (self.generation, self.stamp()))
        ends = timed_chunks(figures, U.ends_plan(scenario, assumptions), keys, CHUNK_SECONDS)
        self._set_ends(unc.with_ends(ends), self.generation)
        found = self.current
        pinned = self._prepare(pinned=True)
        if pinned is not None:
            a_figures, a_scenario, a_keys, a_assumptions = pinned
            a_plan = U.plan(a_scenario, a_assumptions, n)
            a_chunks = timed_chunks(a_figures, a_plan, a_keys, CHUNK_SECONDS)
            self._draw_ab(U.assemble(a_keys, a_assumptions, a_chunks, n, U.SEED), self.generation)
        return found

    def _draw_ab(self, pinned: U.Uncertainty, generation: int) -> None:
        """The A/B table's ranges: A's (the pinned scenario) beside B's (issue 14)."""
        d = self.dashboard
        if generation != self.generation or self.current is None:
            return
        table = band_html.ab_bands_html(d.figures(d.result), pinned, self.current, d.lang)
        d.view.outputs["ab_table"].value += table

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
        first what the reader looks at (cards, table), then charts, words (the downloads are
        made when clicked, with the bands known then)."""
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
            # caption line is one more paragraph, wrapped in the browser (issue 15).
            drawn = with_band(d.page.id, chart.css, base, result, bands, lang)
            if drawn is not base:
                show_chart(widget, base, drawn)  # the band's rows: a data-only update
                yield
        summary = d.article_figures.summary(d.state, result)
        d.view.outputs["summary"].value = f"<p>{html.escape(summary)}</p>"
        self._draw_tornado()

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
        self._draw_tornado()

    def _draw_tornado(self, unc: U.Uncertainty | None = None) -> None:
        """The tornado of the figure picked: its bars once this scenario's one-at-a-time runs
        are known (``unc``, by default this generation's), else the same chart without bars,
        marked as being computed (kept on screen and updated in place, never cleared)."""
        d, key = self.dashboard, self.picker.value
        unc = self.current if unc is None else unc
        figure = next((f for f in d.figures(d.result) if f.key == key), None)
        if figure is None:
            return
        stamp = t("stamp", d.lang, version=__version__, state=d.state_query() or "-")
        if unc is not None and unc.ends is not None and key in unc.keys:
            spec = tornado_spec(unc, key, figure.kind, d.lang, stamp)
        else:
            height, method = self._tornado_height(), self._method()
            spec = pending_tornado_spec(
                figure.value, key, figure.kind, d.lang, height, stamp, method
            )
        show_chart(self.tornado, responsive(spec, d.lang))

    def _method(self) -> str:
        """How this scenario's bands are being made (the drawn tornado's caption says it)."""
        d = self.dashboard
        k, n = len(self._assumptions(d.scenario)), sample_size(d.page.id)
        return method_words(n + 1 if k else 1, n, U.SEED, k, d.lang)  # as U.plan's length

    def _tornado_height(self) -> int:
        """The height of the tornado on screen (the chart does not jump while its bars are
        computed), or its least height (no tornado drawn yet)."""
        shown = plain_spec(self.tornado)
        if shown is not None and isinstance(shown.get("height"), int):
            return int(shown["height"])
        return TORNADO_MIN_HEIGHT


async def _after_delay(runner: BandRunner, ticket: tuple[int, str]) -> None:
    """``runner``'s bands of ``ticket``, after ``START_DELAY`` unless the page moved on."""
    await asyncio.sleep(START_DELAY)
    if ticket[0] == runner.generation:
        await runner._run(ticket)


def _number(value: Any) -> Any:
    """A number as a float to 12 significant digits, anything else as it is."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return float(f"{value:.12g}") if is_number else value


def attach_bands(dashboard: Any) -> BandRunner:
    """Give ``dashboard`` its bands: the widgets under its charts, and a schedule after each
    redraw (the dashboard's ``on_refresh`` extension point, docs/architecture.md)."""
    runner = BandRunner(dashboard)
    dashboard.article_figures.ranges = runner  # the summary's verdicts, the exports' ranges
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
