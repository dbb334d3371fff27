"""Presenting from a playlist (issue 18): step buttons, ← / → keys and a speaker-notes window.

The playlist itself is :mod:`explainer.teaching.playlist` (pure). Here:

- :class:`PlaylistBridge`, a small anywidget (inline JavaScript, nothing fetched) for what only
  the browser can do: the ← / → keys (in presenter mode only, and never while a slider, a
  field or a list has the focus), opening the notes window (``static/notes.html`` of the
  page template, a second window on the laptop, never on the projector), keeping it in step
  over a ``BroadcastChannel``, opening another page when a step lives there, and keeping a
  trainer's own playlist in ``sessionStorage`` so that it survives that page change;
- :class:`PlaylistStepper`, the kernel side, attached to a dashboard by a few marked hooks in
  :mod:`explainer.ui.dashboard`: it loads a playlist (ready-made by id from the URL,
  ``?playlist=one-night&step=3``, or a trainer's file), applies a step as a live dashboard
  state (the room may still move a slider; "back to the step" restores it) and says what
  went wrong in the page's language, never with Python's own text.
"""

from __future__ import annotations

import html
import logging
from typing import Any
from urllib.parse import parse_qsl, urlencode

import anywidget
import ipywidgets as W
import traitlets

from explainer.core.i18n import strings, t
from explainer.core.untrusted import LIMITS, echo
from explainer.teaching.playlist import (
    ExpectedFigure,
    Playlist,
    PlaylistError,
    PlaylistProblem,
    Step,
    parse_playlist,
    parse_playlist_file,
    ready_made,
    step_value,
)
from explainer.ui.steps import apply_step

log = logging.getLogger(__name__)
CUSTOM_ID = "custom"  # ?playlist=custom: the trainer's own file, kept in sessionStorage
CHANNEL = "explainer-playlist"  # the BroadcastChannel the notes window listens on

_BRIDGE_ESM = """
const CHANNEL = "explainer-playlist";
const STORE = "explainer-playlist";
function render({ model, el }) {
  const channel = ("BroadcastChannel" in window) ? new BroadcastChannel(CHANNEL) : null;
  const post = () => channel && channel.postMessage({ kind: "notes", notes: model.get("notes") });
  const button = document.createElement("button");
  button.type = "button";
  button.className = "jupyter-button explainer-notes-open";
  const label = () => { button.textContent = model.get("notes_label");
                        button.title = model.get("notes_hint"); };
  button.addEventListener("click", () => {
    const base = document.body.getAttribute("data-base-url") || "/voila/";
    const url = base + "templates/explainer/static/notes.html";
    window.open(url, "explainer-notes", "popup,width=960,height=720");
    setTimeout(post, 800);
  });
  if (channel) channel.onmessage = (event) => {
    const data = event.data || {};
    if (data.kind === "hello") post();
    if (data.kind === "step" && (data.delta === 1 || data.delta === -1 || data.delta === 0))
      model.send({ kind: "step", delta: data.delta });
  };
  const onKey = (event) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (!el.closest(".explainer-presenter") || !model.get("active")) return;
    const target = event.target;
    if (target && target.closest && target.closest(
        "input, select, textarea, [contenteditable], .noUi-target, .widget-slider")) return;
    event.preventDefault();
    model.send({ kind: "step", delta: event.key === "ArrowRight" ? 1 : -1 });
  };
  document.addEventListener("keydown", onKey);
  const go = () => {
    const url = model.get("navigate");
    if (url) location.assign(new URL(url, location.href).href);
  };
  const keep = () => {
    const text = model.get("stored");
    try { if (text) sessionStorage.setItem(STORE, text); } catch (e) { /* private mode */ }
  };
  model.on("msg:custom", (msg, buffers) => {  // a handout: saved, nothing fetched
    if (!msg || msg.kind !== "download" || !buffers || !buffers.length) return;
    const blob = new Blob([buffers[0]], { type: "text/html;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = String(msg.name || "handout.html").replace(/[^A-Za-z0-9_.-]/g, "_");
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  });
  model.on("change:notes", post);
  model.on("change:navigate", go);
  model.on("change:stored", keep);
  model.on("change:notes_label", label);
  label();
  keep();
  post();
  const wanted = new URLSearchParams(location.search).get("playlist");
  if (wanted === "custom") {
    let text = null;
    try { text = sessionStorage.getItem(STORE); } catch (e) { /* private mode */ }
    model.send({ kind: "custom", text: (text || "").slice(0, model.get("max_chars")) });
  }
  el.append(button);
  return () => { document.removeEventListener("keydown", onKey); if (channel) channel.close(); };
}
export default { render };
"""


class PlaylistBridge(anywidget.AnyWidget):
    """The browser side of presenting: keys, the notes window, page changes, stored file."""

    _esm = _BRIDGE_ESM
    notes = traitlets.Dict({}).tag(sync=True)  # what the notes window shows (plain text)
    navigate = traitlets.Unicode("").tag(sync=True)  # a link to open (a step on another page)
    stored = traitlets.Unicode("").tag(sync=True)  # a trainer's playlist, for the next page
    active = traitlets.Bool(False).tag(sync=True)  # a playlist is loaded: keys step
    notes_label = traitlets.Unicode("Speaker notes").tag(sync=True)
    notes_hint = traitlets.Unicode("").tag(sync=True)
    max_chars = traitlets.Int(LIMITS.max_file_bytes).tag(sync=True)


def step_link(page: str, playlist_id: str, index: int, lang: str) -> str:
    """The link that opens step ``index`` (0-based) of a playlist on ``page``."""
    query = urlencode([("playlist", playlist_id), ("step", index + 1), ("lang", lang)])
    return f"{page}.ipynb?{query}"


def metric_label(metric: str, lang: str) -> str:
    """A figure's name as the page shows it (``study.days``: its name in the playlist)."""
    return strings(lang).get(f"metric_{metric}", metric)  # type: ignore[arg-type]


def figure_line(step: Step, figure: ExpectedFigure, lang: str) -> str:
    """“Minutes on apps a night: 120 · on the page: 2 h”: the figure as the notes quote it,
    and as the projected page writes it when that differs (so the trainer finds it)."""
    from explainer.core.figures import HEADLINES, show

    line = f"{metric_label(figure.metric, lang)}: {figure.shows}"
    if figure.metric not in HEADLINES:
        return line
    try:
        shown = show(figure.metric, step_value(step, figure), lang)  # type: ignore[arg-type]
    except KeyError:  # a metric this page does not have: the notes' text stands alone
        return line
    if shown.replace(" ", "") != figure.shows.replace(" ", ""):
        line += " · " + t("playlist_page_shows", lang, value=shown)
    return line


def notes_payload(playlist: Playlist, index: int, lang: str) -> dict[str, Any]:
    """What the notes window shows for step ``index``: plain texts (it sets textContent)."""
    step = playlist.steps[index]
    sides = {"a": "A: ", "b": "", "status_quo": "0 → ", "reform": "→ "}
    return {
        "lang": lang,
        "playlist": playlist.title(lang),
        "counter": t("playlist_counter", lang, n=index + 1, total=len(playlist.steps)),
        "title": step.title(lang),
        "minutes": step.minutes,
        "labels": {
            "question": t("playlist_question", lang),
            "answers": t("playlist_answers", lang),
            "figures": t("playlist_figures", lang),
            "article": t("playlist_article", lang),
            "notes": t("playlist_notes", lang),
            "prev": t("playlist_prev", lang),
            "next": t("playlist_next", lang),
        },
        "question": step.question(lang),
        "answers": [a(lang) for a in step.answers],
        "figures": [sides.get(f.side, "") + figure_line(step, f, lang) for f in step.figures],
        "article": step.article(lang) if step.article else "",
        "notes": step.notes(lang),
    }


def _messages_html(problems: list[str], lang: str, title_key: str) -> str:
    items = "".join(f"<li>{html.escape(text)}</li>" for text in problems)
    title = html.escape(t(title_key, lang))
    return f"<div class='explainer-problems' role='alert'><b>{title}</b><ul>{items}</ul></div>"


STYLE = """<style>
.explainer-playlist { align-items: center; gap: 6px; }
.explainer-playlist-counter { font-weight: bold; white-space: nowrap; }
.explainer-playlist-step { flex: 1 1 20em; min-width: 0; }
.explainer-playlist-step p { margin: 0; }
.explainer-playlist-step .question { font-size: 1.1em; }
.explainer-presenter .explainer-playlist .jupyter-button { font-size: 18px; height: 40px; }
.explainer-presenter .explainer-playlist-load, .explainer-presenter .explainer-playlist-handouts {
  display: none !important; }
</style>"""


class PlaylistStepper:
    """Steps a dashboard through a playlist; built and attached by the dashboard's hooks."""

    def __init__(self, dashboard: Any) -> None:
        from explainer.ui.toolbar import FileLoadWidget

        self.dashboard = dashboard
        self.playlist: Playlist | None = None
        self.index = 0
        self.pending_step = 0  # from ?step= while a trainer's file comes back from the browser
        self._pages: dict[str, Any] = {}  # one unseen dashboard per page, for the handouts

        def button(css: str, action: Any) -> W.Button:
            widget = W.Button(layout=W.Layout(width="auto"))
            widget.add_class(css)
            widget.on_click(lambda _: action())
            return widget

        self.prev = button("explainer-playlist-prev", lambda: self.go(self.index - 1))
        self.next = button("explainer-playlist-next", lambda: self.go(self.index + 1))
        self.back = button("explainer-playlist-back", lambda: self.go(self.index))
        self.handout = button("explainer-playlist-handout", lambda: self.send_handout(False))
        self.booklet = button("explainer-playlist-booklet", lambda: self.send_handout(True))
        self.counter = W.HTML()
        self.counter.add_class("explainer-playlist-counter")
        self.step_box = W.HTML()
        self.step_box.add_class("explainer-playlist-step")
        self.message = W.HTML()
        self.message.add_class("explainer-playlist-message")
        self.bridge = PlaylistBridge()
        self.bridge.add_class("explainer-playlist-bridge")
        self.bridge.on_msg(self._on_message)
        self.loader = FileLoadWidget(max_bytes=LIMITS.max_file_bytes)
        self.loader.add_class("explainer-playlist-load")
        self.loader.on_file(self.load_file)
        self.controls = W.HBox(
            [self.prev, self.counter, self.next, self.back, self.step_box, self.bridge],
            layout=W.Layout(flex_flow="row wrap", display="none"),
        )
        self.controls.add_class("explainer-playlist")
        self.handouts = W.HBox([self.handout, self.booklet], layout=W.Layout(display="none"))
        self.handouts.add_class("explainer-playlist-handouts")
        #: "Load playlist" and the handouts: a toolbar item (so a phone's "More" menu holds it).
        self.files = W.HBox([self.loader, self.handouts])
        self.files.add_class("explainer-playlist-files")
        style = W.HTML(STYLE)
        style.add_class("explainer-style")  # no room taken (ui/style.py)
        self.widget = W.VBox([style, self.controls, self.message])
        self.widget.add_class("explainer-playlist-box")
        self._lang = dashboard.lang
        dashboard.on_refresh.append(self._on_refresh)  # relabel when the language changes
        self.relabel()

    @property
    def lang(self) -> str:
        return self.dashboard.lang

    # ------------------------------------------------------------------ loading
    def load(self, playlist: Playlist, index: int = 0, stored: str = "") -> None:
        """Start presenting ``playlist`` at step ``index`` (presenter mode on)."""
        self.playlist = playlist
        self.bridge.stored = stored
        self.bridge.active = True
        self.controls.layout.display = "flex"
        self.handouts.layout.display = "flex"
        self.message.value = ""
        self.dashboard.set_state(self.dashboard.state.but(presenter=True))
        self.go(index)

    def load_text(self, text: str, index: int = 0) -> bool:
        """A trainer's playlist (hostile text): loaded, or refused with its lines named."""
        try:
            playlist = parse_playlist(text)
        except PlaylistError as error:
            return self.refuse(error)
        except Exception:  # the last line of defence: never Python's text in the page
            log.exception("a playlist could not be read")
            return self.refuse(PlaylistError([PlaylistProblem("file_internal")]))
        self.load(playlist, min(index, len(playlist.steps) - 1), stored=text)
        return True

    def load_file(self, content: bytes | None, size: int = -1) -> bool:
        """What "Load playlist" calls (``None``: a file the browser kept back as too large)."""
        try:
            playlist = parse_playlist_file(content, size)
        except PlaylistError as error:
            return self.refuse(error)
        except Exception:  # the last line of defence: never Python's text in the page
            log.exception("a playlist file could not be read")
            return self.refuse(PlaylistError([PlaylistProblem("file_internal")]))
        assert content is not None  # parse_playlist_file refuses None
        self.load(playlist, 0, stored=content.decode("utf-8-sig"))
        return True

    def refuse(self, error: PlaylistError, title_key: str = "playlist_failed_title") -> bool:
        """Say why (escaped, in the page's language); nothing else changes."""
        self.message.value = _messages_html(error.messages(self.lang), self.lang, title_key)
        return False

    def _on_refresh(self, state: Any, result: Any) -> None:
        if state.lang != self._lang:
            self._lang = state.lang
            self.relabel()

    def from_query(self, query: str) -> None:
        """``?playlist=<id>&step=<n>``: a ready-made playlist, or the trainer's from storage.

        The query is hostile: the first value of each key counts, ids and steps are echoed
        shortened and escaped."""
        page: dict[str, str] = {}
        for key, value in parse_qsl(query.lstrip("?"), keep_blank_values=True):
            page.setdefault(key, value)
        wanted = page.get("playlist")
        if wanted is None:
            return
        step_text = page.get("step", "1")
        index = int(step_text) - 1 if step_text.isdigit() and len(step_text) < 4 else -1
        known = ready_made()
        if wanted == CUSTOM_ID:
            self.pending_step = max(index, 0)  # the browser sends the file back (bridge)
            return
        if wanted not in known:
            problem = PlaylistProblem(
                "playlist_unknown_id", {"found": echo(wanted), "known": ", ".join(known)}
            )
            self.refuse(PlaylistError([problem]))
            return
        playlist = known[wanted]
        if not 0 <= index < len(playlist.steps):  # the first step, and a word about it
            values = {"found": echo(step_text), "n": len(playlist.steps)}
            self.load(playlist, 0)
            self.refuse(
                PlaylistError([PlaylistProblem("playlist_bad_step", values)]), "playlist_step_title"
            )
            return
        self.load(playlist, index)

    def _on_message(self, _: Any, content: Any, buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        if content.get("kind") == "step" and content.get("delta") in (-1, 0, 1):
            if self.playlist is not None:
                self.go(self.index + content["delta"])
        elif content.get("kind") == "custom" and isinstance(content.get("text"), str):
            text = content["text"]
            if len(text) > LIMITS.max_file_bytes:
                text = text[: LIMITS.max_file_bytes + 1]  # refused by size below
            if text:
                self.load_text(text, self.pending_step)

    # ------------------------------------------------------------------ stepping
    def go(self, index: int) -> None:
        """Show step ``index``: its state here, or its page when the step lives elsewhere."""
        if self.playlist is None:
            return
        index = max(0, min(index, len(self.playlist.steps) - 1))
        self.index = index
        step = self.playlist.steps[index]
        self._show_step(step)
        if step.state.page != self.dashboard.page.id:
            pid = self.playlist.id if self.bridge.stored == "" else CUSTOM_ID
            self.step_box.value += (
                f"<p><em>{html.escape(t('playlist_other_page', self.lang, page=step.state.page))}"
                "</em></p>"
            )
            self.bridge.navigate = step_link(step.state.page, pid, index, self.lang)
            return
        apply_step(self.dashboard, step, self.lang)

    def send_handout(self, whole: bool) -> None:
        """The step's one-page brief, or the session's booklet, saved by the browser."""
        from explainer.outputs.qr import safe_link
        from explainer.ui.handouts import DEFAULT_BASE, render_playlist_booklet, render_step

        def make(page: str, lang: str) -> Any:  # another page's dashboard, never displayed
            return type(self.dashboard)(lang=lang, page=page)

        if self.playlist is None:
            return
        reported = safe_link(self.dashboard.link.url)  # what the browser says: hostile
        base = reported.split("?")[0].rsplit("/", 1)[0] + "/" if reported else DEFAULT_BASE
        try:
            if whole:
                text = render_playlist_booklet(self.playlist, self.lang, make, base, self._pages)
            else:
                text = render_step(self.playlist, self.index, self.lang, make, base, self._pages)
        except Exception:  # a handout that fails says so; the page goes on
            log.exception("a handout could not be made")
            self.refuse(PlaylistError([PlaylistProblem("file_internal")]))
            return
        kind = "booklet" if whole else f"step-{self.index + 1}"
        name = f"explainer-{self.playlist.id}-{kind}-{self.lang}.html"
        self.bridge.send({"kind": "download", "name": name}, buffers=[text.encode("utf-8")])

    def _show_step(self, step: Step) -> None:
        assert self.playlist is not None
        lang, total = self.lang, len(self.playlist.steps)
        self.counter.value = html.escape(t("playlist_counter", lang, n=self.index + 1, total=total))
        self.step_box.value = (
            f"<p><b>{html.escape(step.title(lang))}</b></p>"
            f"<p class='question'>{html.escape(step.question(lang))}</p>"
        )
        self.prev.disabled = self.index == 0
        self.next.disabled = self.index == total - 1
        self.bridge.notes = notes_payload(self.playlist, self.index, lang)

    def relabel(self) -> None:
        lang = self.lang
        self.prev.description = t("playlist_prev", lang)
        self.next.description = t("playlist_next", lang)
        self.back.description = t("playlist_back", lang)
        self.back.tooltip = t("playlist_back_help", lang)
        self.bridge.notes_label = t("playlist_notes_open", lang)
        self.bridge.notes_hint = t("playlist_notes_help", lang)
        self.handout.description = t("playlist_handout", lang)
        self.booklet.description = t("playlist_booklet", lang)
        self.loader.label = t("playlist_load", lang)
        self.loader.hint = t("playlist_load_help", lang)
        if self.playlist is not None:
            self._show_step(self.playlist.steps[self.index])


def attach_playlist(dashboard: Any) -> PlaylistStepper:
    """The one hook a dashboard calls (issue 18): the stepper's row above the toolbar, its
    "Load playlist" button in the toolbar, and "Load scenario" taking a playlist file too (a
    file naming ``explainer_playlist`` goes to the stepper, any other to the dashboard's own
    reader)."""
    stepper = PlaylistStepper(dashboard)
    dashboard.stepper = stepper
    children = list(dashboard.view.widget.children)
    children.insert(children.index(dashboard.view.toolbar.widget), stepper.widget)
    dashboard.view.widget.children = children
    dashboard.view.toolbar.add(stepper.files)  # relabelled by the stepper itself
    read_scenario = dashboard.load_scenario_text

    def load_scenario_text(text: str) -> bool:
        if isinstance(text, str) and "explainer_playlist" in text[:4096]:
            return stepper.load_text(text)
        return read_scenario(text)

    dashboard.load_scenario_text = load_scenario_text  # what load_scenario_file calls
    return stepper
