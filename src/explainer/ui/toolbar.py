"""Workshop tools shared by every dashboard: link, reset, undo, pin, export, import, presenter.

The link widget is a tiny anywidget (its JavaScript is inline, nothing is fetched): it shows
the page's URL for the current state, keeps the address bar in step with
``history.replaceState`` and copies the link on a click. Exports are data: links, so a
download needs no round trip to the server.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from functools import cache
from typing import Any

import anywidget
import traitlets
import yaml

from explainer import __version__
from explainer.spec import describe_source, registry

_LINK_ESM = """
function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "explainer-link";
  const input = document.createElement("input");
  input.readOnly = true;
  input.className = "explainer-link-text";
  input.setAttribute("aria-label", model.get("label"));
  const button = document.createElement("button");
  button.className = "explainer-copy-link jupyter-button";
  button.type = "button";
  const show = () => {
    const query = model.get("query");
    const url = location.origin + location.pathname + (query ? "?" + query : "");
    input.value = url;
    // The full link (origin included, which only the browser knows) goes back to Python,
    // which draws its QR code (explainer.qr).
    if (model.get("url") !== url) {
      model.set("url", url.slice(0, 4096));
      model.save_changes();
    }
    button.textContent = model.get("label");
    input.setAttribute("aria-label", model.get("label"));
    if (model.get("sync_address_bar")) {
      try { history.replaceState(history.state, "", url); } catch (e) { /* file:// etc. */ }
    }
  };
  button.addEventListener("click", async () => {
    input.select();
    let ok = true;
    try { await navigator.clipboard.writeText(input.value); }
    catch (e) { ok = document.execCommand && document.execCommand("copy"); }
    button.textContent = ok ? model.get("copied_label") : model.get("label");
    setTimeout(show, 1500);
  });
  model.on("change:query", show);
  model.on("change:label", show);
  show();
  box.append(input, button);
  el.append(box);
}
export default { render };
"""


class LinkWidget(anywidget.AnyWidget):
    """The URL of the current state, kept in the address bar, with a copy button."""

    _esm = _LINK_ESM
    query = traitlets.Unicode("").tag(sync=True)
    label = traitlets.Unicode("Copy link").tag(sync=True)
    copied_label = traitlets.Unicode("Copied").tag(sync=True)
    sync_address_bar = traitlets.Bool(True).tag(sync=True)
    #: The page's full link as the browser reports it (hostile: see explainer.qr.safe_link).
    url = traitlets.Unicode("").tag(sync=True)


def data_link(text: str, filename: str, mime: str, label: str, css: str) -> str:
    """An <a download> whose href carries the file itself (base64 data: URI)."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return (
        f"<a class='{css}' download='{filename}' "
        f"href='data:{mime};charset=utf-8;base64,{payload}'>{label}</a>"
    )


def provenance(query: str, lang: str) -> dict[str, Any]:
    """What every export carries: model version, the state, and the sources."""
    return {
        "explainer_version": __version__,
        "state": query,
        "source": describe_source({"seed": {"section": "s1", "phrase": "…"}}, "en").rsplit(",", 1)[
            0
        ],
        "sources_file": "data/sources.yaml",
        "language": lang,
    }


def short_source(source: Mapping[str, Any], lang: str) -> str:
    """A source in few characters: “article §3”, “ref: key” or “assumption”.

    Exports carry this short form for every parameter (they are re-sent on every change, so
    they stay small); the full wording of each source is in data/parameters.yaml, the
    controls' tooltips and the guides' assumption tables.
    """
    kind, value = next(iter(source.items()))
    if kind == "seed":
        label = "article" if lang == "en" else "文章"
        return f"{label} §{value['section'][1:]}"
    if kind == "ref":
        return f"ref: {value}"
    return "assumption" if lang == "en" else "假设"


#: How each value of an export's ``parameter_sources`` reads.
PARAMETER_SOURCES_FORMAT = "mechanism source | number source"


@cache
def parameter_sources(lang: str) -> dict[str, str]:
    """Each parameter's two sources side by side, “mechanism | number” (kept short: exports
    are re-sent on every change)."""
    return {
        pid: f"{short_source(spec.mechanism_source, lang)} | "
        f"{short_source(spec.number_source, lang)}"
        for pid, spec in registry().params.items()
    }


def scenario_document(
    page: str, preset: str, lang: str, extra: dict[str, Any], values: dict[str, Any], query: str
) -> dict[str, Any]:
    """The scenario file: enough to restore the page exactly, plus provenance."""
    return {
        "explainer_scenario": 1,
        "page": page,
        "preset": preset or None,
        "language": lang,
        **extra,
        "parameters": values,
        "provenance": provenance(query, lang),
    }


def dump_yaml(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def dump_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)
