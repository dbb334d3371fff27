"""Small helpers for the teaching notebooks in ``notebooks/guide/``.

The guides call the model directly; this module only holds what they would otherwise have to
repeat or hide in a cell:

* :func:`show` — display a Vega-Lite chart: the interactive, offline Altair chart in Jupyter,
  or a static SVG when the guides are built into HTML (``python -m explainer.teaching.build_guides``
  sets ``EXPLAINER_GUIDE_CHARTS=svg``; the SVG comes from vl-convert, so the HTML needs no
  JavaScript and nothing from the network).
* :func:`assumption_table` — the parameters a guide relies on, with their defaults, allowed
  ranges and sources, so every assumption the article does not support is visible.
* :func:`sweep` — a one-parameter sensitivity run: change one value, keep the rest.
* :func:`line_spec` — a plain line (or step) chart of such a table, as a Vega-Lite dictionary.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pandas as pd

from explainer.charts.common import (
    CHART_WIDTH,
    CLOCK_LABEL,
    chart,
    labelled_rule,
    nominal,
    quant,
    records,
    wrap,
)
from explainer.core.i18n import t
from explainer.core.spec import Lang, describe_source, registry

#: Environment variable that switches :func:`show` to static SVG (``svg``).
CHARTS_ENV = "EXPLAINER_GUIDE_CHARTS"

#: The columns of an assumption table (``guide_column_<key>`` in data/locales).
COLUMNS = ("parameter", "name", "default", "allowed", "mechanism", "number")


def static_charts() -> bool:
    """True when charts should be drawn as static SVG (the HTML build)."""
    return os.environ.get(CHARTS_ENV, "").strip().lower() == "svg"


def show(spec: dict[str, Any]) -> None:
    """Display a Vega-Lite chart: interactive in Jupyter, SVG in the static HTML build.

    Interactive charts need :func:`explainer.serving.offline.enable_offline_charts` to have been
    called, so that their JavaScript comes from the installed packages and not a CDN.
    """
    from IPython.display import HTML, display

    if static_charts():
        import vl_convert

        svg = vl_convert.vegalite_to_svg(spec)
        label = html.escape(str(spec.get("description", "")), quote=True)
        display(HTML(f'<figure class="guide-chart" role="img" aria-label="{label}">{svg}</figure>'))
        return
    from explainer.charts.common import as_chart

    display(as_chart(spec))


def source_cell(source: Any, lang: Lang) -> str:
    """A source as “kind: text” (article, reference or assumption first, then the detail)."""
    kind = next(iter(source))
    text = describe_source(source, lang)
    labelled = t("label_text", lang, label=t(f"source_kind_{kind}", lang), text=text)
    return text if text.startswith(labelled.removesuffix(text)) else labelled  # no "假设：假设："


def shown_value(spec: Any, value: Any, lang: Lang) -> str:
    """A default as the table's reader reads it: a choice by its name, a switch as yes/no
    (the identifiers ``ranking``, ``true`` are for URLs and files, not for a table)."""
    if spec.type == "bool":
        return t("guide_yes" if value else "guide_no", lang)
    if spec.type == "choice":
        return str(spec.choices[value][lang])
    unit = spec.unit.get(lang, "") if spec.unit and spec.type != "clock" else ""
    return f"{spec.display(value)} {unit}".strip()


def shown_range(spec: Any, lang: Lang) -> str:
    """The allowed values in the table's language (choices by name)."""
    if spec.type == "bool":
        return t("guide_yes_or_no", lang)
    if spec.type == "choice":
        names = [str(names[lang]) for names in spec.choices.values()]
        return t("guide_one_of", lang, names=t("enum_separator", lang).join(names))
    return str(spec.allowed(lang))


def assumption_table(ids: Iterable[str], lang: Lang = "zh") -> pd.DataFrame:
    """One row per parameter: id, label, default, allowed range, and its two sources.

    Side by side: where the *mechanism* comes from and where the *number* comes from (issue
    12). Each is ``article`` (the seed states it), ``reference`` (an outside source) or
    ``assumption`` (ours: the article gives no figure) — a rule can come from the article while
    its number is ours.
    """
    reg = registry()
    default = reg.default()
    rows = []
    for pid in ids:
        spec = reg.params[pid]
        rows.append(
            [
                pid,
                spec.label[lang],
                shown_value(spec, getattr(default, pid), lang),
                shown_range(spec, lang),
                source_cell(spec.mechanism_source, lang),
                source_cell(spec.number_source, lang),
            ]
        )
    return pd.DataFrame(rows, columns=[t(f"guide_column_{c}", lang) for c in COLUMNS])


def sweep(
    scenario: Any,
    param: str,
    values: Sequence[Any],
    metrics: dict[str, Callable[[Any], float]],
) -> pd.DataFrame:
    """Change ``param`` through ``values`` (all else as in ``scenario``) and record ``metrics``.

    ``metrics`` maps a column name to a function of the changed scenario, e.g.
    ``{"night_minutes": lambda s: night(s).night_minutes}``. Each changed scenario is validated
    by the registry, so a value out of the declared range raises at once.
    """
    reg = registry()
    rows = []
    for value in values:
        changed = reg.replace(scenario, **{param: value})
        rows.append({param: value, **{name: fn(changed) for name, fn in metrics.items()}})
    return pd.DataFrame(rows)


def line_spec(
    frame: pd.DataFrame,
    x: str,
    y: str,
    *,
    chart_title: str,
    x_title: str,
    y_title: str,
    caption: str = "",
    color: str | None = None,
    step: bool = False,
    points: bool = True,
    y_format: str | None = None,
    x_clock: bool = False,
    y_rule: float | None = None,
    y_rule_label: str = "",
    description: str = "",
) -> dict[str, Any]:
    """A line chart (or a step chart, ``step=True``) of ``frame[y]`` against ``frame[x]``.

    ``x_clock=True`` labels an x axis in hours after midnight as clock times (25.5 → 01:30);
    ``y_rule`` draws a dashed reference line at that y (labelled ``y_rule_label``).
    """
    columns = [x, y] + ([color] if color else [])
    x_axis = (
        {
            "axis": {"labelExpr": CLOCK_LABEL, "tickMinStep": 0.5},
            "scale": {"zero": False, "nice": False},
        }
        if x_clock
        else {"axis": {"tickCount": 8}}
    )
    encoding: dict[str, Any] = {
        "x": quant(x, title=x_title, **x_axis),
        "y": quant(y, title=y_title, **({"axis": {"format": y_format}} if y_format else {})),
        "tooltip": [nominal(c) if c == color else quant(c) for c in columns],
    }
    if color:
        legend = {"orient": "bottom", "labelLimit": 320}
        sort = list(dict.fromkeys(frame[color]))
        encoding["color"] = nominal(color, title=None, sort=sort, legend=legend)
    mark: dict[str, Any] = {"type": "line", "strokeWidth": 2.5, "point": points}
    if step:
        mark["interpolate"] = "step-after"
    layers = [{"data": {"values": records(frame, columns)}, "mark": mark, "encoding": encoding}]
    if y_rule is not None:
        reference = [{"y": float(y_rule), "text": y_rule_label}]
        layers.append(
            labelled_rule(reference, "y", [6, 4], channel="y", labelled=bool(y_rule_label))
        )
    subtitle = wrap(caption) if caption else []
    return chart(
        chart_title, subtitle, description or chart_title, CHART_WIDTH - 120, 260, layer=layers
    )


def table_labels(lang: Lang) -> dict[str, str]:
    """Readable labels for the column, index and row identifiers the guides' tables use:
    parameter labels from ``data/parameters.yaml``, the rest from the locale files
    (``guide_col_*``)."""
    from explainer.core.i18n import strings

    labels = {pid: spec.label[lang] for pid, spec in registry().params.items()}
    prefix = "guide_col_"
    labels.update({k[len(prefix) :]: v for k, v in strings(lang).items() if k.startswith(prefix)})
    return labels


def localized(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """``frame`` with its column and index labels (and their names) in ``lang`` (issue 16:
    tables in the language of the page)."""
    labels = table_labels(lang)

    def label(value: Any) -> Any:
        return labels.get(value, value) if isinstance(value, str) else value

    out = frame.rename(columns=label, index=label)
    out.columns.names = [label(name) for name in out.columns.names]
    out.index.names = [label(name) for name in out.index.names]
    return out


def localize_tables(lang: Lang) -> None:
    """From now on, show every DataFrame in this kernel with labels in ``lang``."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with every kernel
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type(pd.DataFrame, lambda frame: localized(frame, lang).to_html())
