"""Downloads made when they are clicked (issues 14 and 15): a row of buttons, each a file the
kernel makes on a click and the browser saves.

A file inside a ``data:`` link has to be made, base64-encoded and sent over the websocket on
every change of the page whether or not anyone saves it (the CSV, YAML and JSON downloads were
25-86 kB of HTML on each slider move, and setting those ``href``\\ s took the browser's main
thread ~10 ms a change). Here nothing is made until a button is clicked: the click sends one
message naming the file, the kernel makes it (:meth:`DownloadButtons.file`) and sends it back as
a binary buffer, and the browser saves it (a Blob and an ``<a download>``), with nothing fetched
from the server.

The message from the browser is hostile input: only ``{"kind": "make", "file": <name>}`` with a
name among the widget's own files is acted on, anything else is ignored; a failure is logged
for the server and the visitor sees :attr:`DownloadButtons.failed_label`, never Python's text.

Used by the page's CSV / YAML / JSON downloads (:func:`explainer.ui.exports.export_buttons`)
and by "Download brief" (:class:`explainer.ui.brief_button.BriefButton`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import anywidget
import traitlets

__all__ = ["DownloadButtons", "DownloadFile", "Maker"]

log = logging.getLogger(__name__)

#: ``file name -> (filename, text)``: what a click on that file's button saves.
Maker = Callable[[str], tuple[str, str]]


@dataclass(frozen=True)
class DownloadFile:
    """One button: the name the browser asks for, the button's CSS class, the file's type."""

    name: str  # "csv": the only thing a click sends
    css: str  # the clickable element's class (tests and the stylesheet find it by it)
    mime: str  # the saved file's type (the bytes are the kernel's, whatever it says)


_ESM = """
function render({ model, el }) {
  const row = document.createElement("span");
  row.className = "explainer-downloads";
  const note = document.createElement("span");
  note.className = "explainer-download-status";
  note.setAttribute("role", "status");
  let buttons = {};
  const draw = () => {
    buttons = {};
    row.replaceChildren();
    const prefix = model.get("prefix");
    if (prefix) row.append(prefix + " ");
    for (const spec of model.get("buttons")) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "jupyter-button " + spec.css;
      button.textContent = spec.label;
      if (spec.title) button.title = spec.title;
      button.addEventListener("click", () => {
        button.disabled = true;
        button.textContent = model.get("busy_label");
        note.textContent = "";
        model.send({ kind: "make", file: spec.file });
      });
      buttons[spec.file] = button;
      row.append(button, " ");
    }
    const hint = model.get("hint");
    if (hint) {
      const small = document.createElement("small");
      small.textContent = hint;
      row.append(small);
    }
  };
  const save = (content, data) => {
    const blob = new Blob([data], { type: String(content.mime || "application/octet-stream") });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = String(content.name || "download");
    a.style.display = "none";
    el.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  };
  model.on("msg:custom", (content, buffers) => {
    if (!content || typeof content.file !== "string") return;
    const button = buttons[content.file];
    const spec = model.get("buttons").find((b) => b.file === content.file);
    if (button && spec) {
      button.disabled = false;
      button.textContent = spec.label;
    }
    if (content.kind !== "file" || !buffers || !buffers.length) {
      note.textContent = model.get("failed_label");
      return;
    }
    save(content, buffers[0]);
  });
  for (const name of ["buttons", "prefix", "hint"]) model.on("change:" + name, draw);
  draw();
  el.append(row, note);
}
export default { render };
"""


class DownloadButtons(anywidget.AnyWidget):
    """Buttons whose files the kernel makes on a click (see the module docstring).

    ``make(name)`` returns ``(filename, text)`` for one of ``files``; it can be given later
    with :meth:`connect` (the toolbar builds the widget, the dashboard knows what to make).
    """

    _esm = _ESM
    #: One entry a button, in order: ``{"file", "css", "label", "title"}`` (texts, not HTML).
    buttons = traitlets.List(traitlets.Dict()).tag(sync=True)
    prefix = traitlets.Unicode("").tag(sync=True)  # before the buttons ("Download:")
    hint = traitlets.Unicode("").tag(sync=True)  # small, after them
    busy_label = traitlets.Unicode("…").tag(sync=True)  # a button's text while its file is made
    failed_label = traitlets.Unicode("").tag(sync=True)

    def __init__(self, files: Sequence[DownloadFile], make: Maker | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.files: dict[str, DownloadFile] = {f.name: f for f in files}
        self._make = make
        self.buttons = [{"file": f.name, "css": f.css, "label": f.name, "title": ""} for f in files]
        self.on_msg(self._on_message)

    def connect(self, make: Maker) -> None:
        """What a click makes: ``make(name) -> (filename, text)``."""
        self._make = make

    def show_labels(
        self,
        labels: Mapping[str, str],
        titles: Mapping[str, str] | None = None,
        *,
        prefix: str = "",
        hint: str = "",
        busy: str = "…",
        failed: str = "",
    ) -> None:
        """The visible texts, in the page's language (each button's label and tooltip)."""
        titles = titles or {}
        self.buttons = [
            {"file": f.name, "css": f.css, "label": labels[f.name], "title": titles.get(f.name, "")}
            for f in self.files.values()
        ]
        self.prefix, self.hint = prefix, hint
        self.busy_label, self.failed_label = busy, failed

    def label_of(self, name: str) -> str:
        """The label the button of file ``name`` shows."""
        return next(b["label"] for b in self.buttons if b["file"] == name)

    def file(self, name: str) -> tuple[str, bytes]:
        """File ``name`` as a click saves it: ``(filename, UTF-8 bytes)``."""
        if name not in self.files or self._make is None:
            raise KeyError(name)
        filename, text = self._make(name)
        return filename, text.encode("utf-8")

    def _on_message(self, _: Any, content: Any, buffers: list[Any]) -> None:
        """A click: ``{"kind": "make", "file": <one of ours>}``; anything else is ignored."""
        if not isinstance(content, dict) or content.get("kind") != "make":
            return
        name = content.get("file")
        if not isinstance(name, str) or name not in self.files or self._make is None:
            return
        try:
            filename, data = self.file(name)
        except Exception:  # the page stays as it is; the server's log says why
            log.exception("the download %r could not be made", name)
            self.send({"kind": "error", "file": name})
            return
        reply = {"kind": "file", "file": name, "name": filename, "mime": self.files[name].mime}
        self.send(reply, buffers=[data])
