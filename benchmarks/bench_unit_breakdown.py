"""Kernel-side breakdown of one slider change on a page (issue 14, `speed`): where the time
between the widget's new value and the last message goes, stage by stage.

    .venv/bin/python benchmarks/bench_unit_breakdown.py [--page unit] [--changes 40]

Builds the page's dashboard with a comm that packs each message as ipykernel's session does
(``json_packer``, its bytes counted), moves the slider bench_bands.py moves (unit:
``n_staff``, night: ``signin_min_per_app``) one step at a time, and times, with
``time.perf_counter``, the same functions the dashboard calls on each change, in its order:

* model: ``page.compute`` (the page's model for the scenario);
* text: ``draw_text`` (cards, notes, article box, summary), widget messages included;
* per chart: ``chart.spec`` (the Vega-Lite spec), ``responsive`` + ``with_pending_band``,
  ``live`` and the widget's send (``show_chart``: compare, serialise, send);
* bands: ``BandRunner.schedule`` (tornado, value marker, band table; no event loop here, so
  the band computation itself is not started).

Prints the median and p95 of each stage (ms) and the bytes sent per change by the charts and
by everything; the total is timed around the whole change as the widget callback runs it.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from typing import Any

SLIDERS = {"unit": "n_staff", "night": "signin_min_per_app"}


class Sent:
    size = 0


def install_counting_comm() -> None:
    import comm
    from jupyter_client.session import json_packer

    class CountingComm(comm.DummyComm):  # type: ignore[misc,name-defined]
        def publish_msg(self, msg_type: str, data: Any = None, *args: Any, **kw: Any) -> None:
            Sent.size += len(json_packer(data or {}))

    comm.create_comm = CountingComm


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", choices=sorted(SLIDERS), default="unit")
    parser.add_argument("--changes", type=int, default=40)
    args = parser.parse_args()
    install_counting_comm()

    from explainer import __version__
    from explainer.charts.common import responsive
    from explainer.charts.live import live, with_pending_band
    from explainer.core.i18n import t
    from explainer.ui import outputs
    from explainer.ui.dashboard import Dashboard

    page = Dashboard("en", page=args.page)
    control = page.panel.control(SLIDERS[args.page]).widget
    stages: dict[str, list[float]] = defaultdict(list)
    sizes: dict[str, list[int]] = defaultdict(list)

    def timed(name: str, fn: Any, *a: Any) -> Any:
        began = time.perf_counter()
        out = fn(*a)
        stages[name].append((time.perf_counter() - began) * 1000)
        return out

    step = control.step or 1
    start = control.value
    for i in range(args.changes + 5):
        value = start + step * ((i % 20) + 1) * (1 if i % 40 < 20 else -1)
        # The whole change, as the slider's callback runs it.
        Sent.size = 0
        began = time.perf_counter()
        control.value = value
        total = (time.perf_counter() - began) * 1000
        whole = Sent.size
        # The same change again, stage by stage (the state as the callback left it).
        state, view = page.state, page.view
        result = timed("model: page.compute", page.compute, state.scenario)
        Sent.size = 0
        timed(
            "text: draw_text",
            outputs.draw_text,
            view,
            page.article_figures,
            state,
            result,
            None,
            page.card_hooks,
        )
        text_bytes = Sent.size
        stamp = t("stamp", state.lang, version=__version__, state=page.state_query() or "-")
        chart_bytes = 0
        for widget, chart in zip(view.chart_widgets, view.page.charts, strict=True):
            name = chart.css.removeprefix("explainer-chart-")
            spec = timed(f"{name}: spec", chart.spec, result, state.lang)
            spec["title"]["subtitle"] = [*spec["title"]["subtitle"], stamp]
            spec = timed(f"{name}: responsive", responsive, spec, state.lang)
            pending = timed(
                f"{name}: pending band",
                with_pending_band,
                view.page.id,
                chart.css,
                spec,
                result,
                state.lang,
            )
            timed(f"{name}: live", live, pending)
            widget.spec = None  # as a new scenario's chart: sent whole
            widget.plain_spec = None
            Sent.size = 0
            began = time.perf_counter()
            outputs.show_chart(widget, spec, pending)
            stages[f"{name}: send"].append((time.perf_counter() - began) * 1000)
            sizes[name].append(Sent.size)
            chart_bytes += Sent.size
        timed("bands: schedule", page.bands.schedule)
        if i >= 5:
            stages["TOTAL (one change)"].append(total)
            sizes["all messages"].append(whole)
            sizes["text"].append(text_bytes)
            sizes["charts"].append(chart_bytes)
    print(f"{args.page}: {args.changes} changes of {SLIDERS[args.page]}")
    print(f"{'stage':36} {'median':>8} {'p95':>8}  (ms)")
    for name, values in stages.items():
        values = values[5:] if name != "TOTAL (one change)" else values
        print(f"{name:36} {statistics.median(values):8.2f} {p95(values):8.2f}")
    print(f"\n{'bytes sent per change':36} {'median':>8}")
    for name, values in sizes.items():
        print(f"{name:36} {statistics.median(values):8.0f}")


if __name__ == "__main__":
    main()
