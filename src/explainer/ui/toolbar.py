"""Workshop tools shared by every dashboard: link, reset, undo, pin, export, import, presenter.

The link widget is a tiny anywidget (its JavaScript is inline, nothing is fetched): it shows
the page's URL for the current state, keeps the address bar in step with
``history.replaceState`` and copies the link on a click. The downloads are made when
clicked (:mod:`explainer.ui.download_button`); their texts are written here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any

import anywidget
import traitlets
import yaml

from explainer import __version__
from explainer.core.spec import article_citation, registry

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
    // which draws its QR code (explainer.outputs.qr).
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
    #: The page's full link as the browser reports it (hostile: see explainer.outputs.qr.safe_link).
    url = traitlets.Unicode("").tag(sync=True)


_FILE_LOAD_ESM = """
function render({ model, el }) {
  const input = document.createElement("input");
  input.type = "file";
  input.accept = model.get("accept");
  input.style.display = "none";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "jupyter-button widget-upload explainer-import-button";
  const show = () => {
    button.textContent = model.get("label");
    button.title = model.get("hint");
  };
  button.addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    input.value = "";  // the same file may be chosen again
    if (!file) return;
    // Over the limit, only the size is sent: Tornado would close the page's websocket on a
    // message over 10 MiB, and the page would lose its kernel.
    if (file.size > model.get("max_bytes")) {
      model.send({ kind: "too_large", size: file.size });
      return;
    }
    const buffer = await file.arrayBuffer();
    model.send({ kind: "file", size: file.size }, undefined, [buffer]);
  });
  model.on("change:label", show);
  model.on("change:hint", show);
  show();
  el.append(input, button);
}
export default { render };
"""


class FileLoadWidget(anywidget.AnyWidget):
    """A "Load scenario" button that checks a file's size in the browser before sending it.

    ipywidgets' FileUpload sends any file whole over the kernel websocket; over Tornado's
    10 MiB message limit the socket is closed and the file vanishes without a word (issue 11,
    item 5). Here a file over ``max_bytes`` is not sent: only its size is, so the page can say
    it is too large. Files arrive through :meth:`on_file` as ``(bytes, size)``, where a file
    that was not sent has ``bytes`` of ``None``.
    """

    _esm = _FILE_LOAD_ESM
    label = traitlets.Unicode("Load scenario").tag(sync=True)
    hint = traitlets.Unicode("").tag(sync=True)  # the button's title ("tooltip" is the base's)
    accept = traitlets.Unicode(".yaml,.yml,.json").tag(sync=True)
    max_bytes = traitlets.Int(1_000_000).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._file_handlers: list[Any] = []
        self.on_msg(self._on_message)

    def on_file(self, handler: Any) -> None:
        """Call ``handler(content, size)`` for every file chosen."""
        self._file_handlers.append(handler)

    def _on_message(self, _: Any, content: Any, buffers: list[Any]) -> None:
        if not isinstance(content, dict) or content.get("kind") not in ("file", "too_large"):
            return
        size = content.get("size")
        size = size if isinstance(size, int) and not isinstance(size, bool) else -1
        data = bytes(buffers[0]) if content["kind"] == "file" and buffers else None
        if data is not None:
            size = len(data)  # what arrived, whatever the browser claimed
        for handler in self._file_handlers:
            handler(data, size)


def provenance(query: str, lang: str) -> dict[str, Any]:
    """What every export carries: model version, the state, and the sources."""
    return {
        "explainer_version": __version__,
        "state": query,
        "source": article_citation(lang),
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
        return f"{'ref' if lang == 'en' else '文献'}: {value}"
    return "assumption" if lang == "en" else "假设"


#: How each value of an export's ``parameter_sources`` reads.
PARAMETER_SOURCES_FORMAT = "mechanism source | number source"


@cache
def parameter_sources(lang: str) -> dict[str, str]:
    """Each parameter's two sources side by side, “mechanism | number” (kept short)."""
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


#: libyaml's emitter when PyYAML has it: the same text as ``yaml.safe_dump`` (checked by
#: tests/test_refresh_speed.py on every page's exports), about 20x faster; the page's YAML
#: export is rebuilt on every change, and was a third of a slider change's kernel time.
YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(document: dict[str, Any]) -> str:
    return yaml.dump(document, Dumper=YAML_DUMPER, allow_unicode=True, sort_keys=False)


def dump_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)
