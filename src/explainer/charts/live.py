"""Page charts in a form whose structure stays put when only the scenario moves (issue 14).

Altair's chart widget redraws a chart from scratch (vega-embed: compile, parse, build the
dataflow, render) whenever its spec changes, which took most of the browser's time after a
slider move. The page's chart module (``serving/jupyterchart.js``) instead compares the
*skeleton* of the new spec, the spec without its data values and its parameter values, with
the one on screen; if they are equal it only hands Vega the new values
(``view.signal(name, value)``, ``view.change(name, changeset)``, Vega's View API) and lets
the existing dataflow update the marks.

:func:`live` puts a chart in that form, without changing what it draws:

* each inline ``data: {"values": [...]}`` becomes ``data: {"name": "live_d<i>"}`` with the
  rows under the top-level ``datasets`` (Vega-Lite's named datasets), numbered by position;
* the title's text and subtitle lines (the caption carries the scenario's numbers and the
  state stamp) become the parameters ``live_title`` and ``live_subtitle``, referenced as
  ``{"expr": ...}``; Vega-Lite's schema lists ``ExprRef`` for ``title.text`` but not for
  ``title.subtitle``, yet its compiler turns both into Vega signal references and Vega's
  title accepts a signal for both (tests/test_live_charts.py renders both forms);
* every literal ``scale.domain`` array becomes a parameter ``live_domain<i>`` (``domain``
  accepts an ``ExprRef`` in the schema).

The top-level ``description`` (the chart's text alternative) stays literal: Vega-Lite has
no ``ExprRef`` for it; the module sets it with ``view.description``.

:func:`with_pending_band` gives a chart that will carry a range band the band's layer with
no rows, so that the band's arrival is a data-only update too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from explainer.charts.bands import with_band
from explainer.charts.common import _views
from explainer.model.uncertainty import Band

PREFIX = "live_"
TITLE, SUBTITLE = f"{PREFIX}title", f"{PREFIX}subtitle"


def live(spec: dict[str, Any] | None) -> dict[str, Any] | None:
    """``spec`` with its data as named datasets and its scenario-dependent literals as
    parameters (see the module docstring); the same chart once rendered."""
    if spec is None:
        return None
    datasets: dict[str, Any] = dict(spec.get("datasets") or {})
    params: list[dict[str, Any]] = list(spec.get("params") or [])
    counter = {"data": 0, "domain": 0}

    def param(name: str, value: Any) -> dict[str, str]:
        params.append({"name": name, "value": value})
        return {"expr": name}

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {}
        for key, value in node.items():
            if _inline(key, value):
                name = f"{PREFIX}d{counter['data']}"
                counter["data"] += 1
                datasets[name] = value["values"]
                out[key] = {"name": name}
                continue
            if _literal_domain(key, value):
                name = f"{PREFIX}domain{counter['domain']}"
                counter["domain"] += 1
                out[key] = {**walk(value), "domain": param(name, value["domain"])}
                continue
            out[key] = walk(value)
        return out

    heading = spec.get("title")
    if isinstance(heading, dict):
        heading = dict(heading)
        if isinstance(heading.get("text"), (str, list)):
            heading["text"] = param(TITLE, heading["text"])
        if isinstance(heading.get("subtitle"), (str, list)):
            heading["subtitle"] = param(SUBTITLE, heading["subtitle"])
    body = walk({k: v for k, v in spec.items() if k not in ("datasets", "params", "title")})
    out: dict[str, Any] = {}
    for key in spec:
        if key == "title":
            out[key] = heading
        elif key in body:
            out[key] = body[key]
    if params:
        out["params"] = params
    if datasets:
        out["datasets"] = datasets
    return out


def _inline(key: str, value: Any) -> bool:
    """``data: {"values": [...]}`` (rows given in the spec)."""
    return (
        key == "data"
        and isinstance(value, dict)
        and list(value) == ["values"]
        and isinstance(value["values"], list)
    )


def _literal_domain(key: str, value: Any) -> bool:
    """``scale: {"domain": [...]}`` with literal values only."""
    domain = value.get("domain") if key == "scale" and isinstance(value, dict) else None
    return isinstance(domain, list) and not any(isinstance(item, dict) for item in domain)


def resolved(spec: dict[str, Any] | None) -> dict[str, Any] | None:
    """A live spec back in its plain form: data inline, parameters replaced by their values
    (``resolved(live(s)) == s``); for tests and for readers of a widget's spec."""
    if spec is None:
        return None
    values = {p["name"]: p["value"] for p in spec.get("params", []) if _ours(p["name"])}
    datasets = {k: v for k, v in (spec.get("datasets") or {}).items() if _ours(k)}

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        if list(node) == ["expr"] and node["expr"] in values:
            return values[node["expr"]]
        out = {}
        for key, value in node.items():
            if key == "data" and isinstance(value, dict) and value.get("name") in datasets:
                out[key] = {"values": datasets[value["name"]]}
            else:
                out[key] = walk(value)
        return out

    out = walk({k: v for k, v in spec.items() if k not in ("params", "datasets")})
    others = [p for p in spec.get("params", []) if not _ours(p["name"])]
    rest = {k: v for k, v in (spec.get("datasets") or {}).items() if not _ours(k)}
    if others:
        out["params"] = others
    if rest:
        out["datasets"] = rest
    return out


def _ours(name: str) -> bool:
    return name.startswith(PREFIX)


def skeleton(spec: dict[str, Any] | None) -> Any:
    """What must be equal for a data-only update (the module's ``skeleton`` in Python): the
    spec without its description, its datasets' rows, its parameters' values and the fixed
    height of a single or layered view (Vega's ``height`` signal: ``view.height``)."""
    if spec is None:
        return None
    out = {k: v for k, v in spec.items() if k != "description"}
    if isinstance(out.get("height"), int | float) and ("layer" in out or "mark" in out):
        out["height"] = PREFIX
    if "datasets" in out:
        out["datasets"] = list(out["datasets"])
    if "params" in out:
        out["params"] = [
            {**p, "value": None} if _ours(p.get("name", "")) else p for p in out["params"]
        ]
    return out


class _AnyBand(Mapping[str, Band]):
    """A stand-in band for every figure, to build a band's layer before the band is known."""

    def __getitem__(self, key: str) -> Band:
        return Band(key, 0.0, 0.0, 0.0)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def with_pending_band(
    page: str, css: str, spec: dict[str, Any], result: Any, lang: str
) -> dict[str, Any]:
    """``spec`` with the layers its band will add, holding no rows, and its own caption: it
    draws as ``spec`` does, and has the structure of the chart once the band is drawn."""
    banded = with_band(page, css, spec, result, _AnyBand(), lang)  # type: ignore[arg-type]
    keep = len(_views(spec))
    layers = banded.get("layer", []) if banded is not spec else []
    if len(layers) <= keep:  # no band, or a chart that carries its band slot from the start
        return spec  # (charts/band_layers.py: the slot is already there, empty)
    out = dict(banded)
    out["layer"] = [*layers[:keep], *(_emptied(layer) for layer in layers[keep:])]
    out["title"] = spec["title"]
    return out


def _emptied(node: Any) -> Any:
    """``node`` with every inline data set empty."""
    if isinstance(node, list):
        return [_emptied(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "data" and isinstance(value, dict) and "values" in value:
            out[key] = {**value, "values": []}
        else:
            out[key] = _emptied(value)
    return out
