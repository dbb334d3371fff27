"""What every dashboard shares: presets, language, controls, URL state, bad-input messages.

A page subclasses :class:`Dashboard` and says which model it shows (``page``), which control
groups come first, its charts (CSS class → spec function) and how to write its headline and
notes. Charts are updated in place (the widget's Vega-Lite spec is replaced), never cleared
and redrawn.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Mapping
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode

import ipywidgets as W

from explainer import __version__
from explainer.charts.common import overlay, responsive
from explainer.figures import Figure, figures_table, format_change, format_value
from explainer.i18n import LANGUAGES, t
from explainer.model import evaluate
from explainer.presets import Comparison, Preset, compare, presets_for
from explainer.qr import qr_html
from explainer.spec import (
    NOT_A_CLOCK,
    NOT_A_DATE,
    Lang,
    Problem,
    ScenarioError,
    bounded_messages,
    registry,
)
from explainer.ui.controls import ControlPanel
from explainer.ui.style import STYLE
from explainer.ui.toolbar import (
    PARAMETER_SOURCES_FORMAT,
    FileLoadWidget,
    LinkWidget,
    data_link,
    dump_json,
    dump_yaml,
    parameter_sources,
    scenario_document,
)
from explainer.untrusted import (
    LIMITS,
    InputRefused,
    decode_file,
    echo,
    load_untrusted_yaml,
    size_limit_values,
)

CUSTOM = ""  # preset dropdown value for "no preset"
PAGE_KEYS = ("preset", "lang", "playlist", "step")  # query keys that are not parameters
PAGES = ("night", "unit", "fit", "reforms")  # the dashboards, linked from each other
EMBED_OPTIONS = {
    "renderer": "svg",
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}
SpecFunction = Callable[[Any, Lang], dict[str, Any]]
SCENARIO_FORMAT = 1  # "explainer_scenario" in the files this version writes and reads
#: The fields of a scenario file besides the page-specific ones (``extra_keys``).
FILE_KEYS = ("explainer_scenario", "page", "preset", "language", "parameters", "provenance")
#: Fields a download adds for its readers (see ``_exports_html``); ignored when loading.
EXPORT_ONLY_KEYS = ("article_figures", "parameter_sources_format", "parameter_sources", "summary")
log = logging.getLogger(__name__)


class Dashboard:
    """A page: presets and controls on one side, numbers and charts on the other."""

    page: ClassVar[str]  # "night" or "unit": which model and which presets
    title_key: ClassVar[str]
    intro_key: ClassVar[str]
    groups: ClassVar[tuple[str, ...]]  # control groups shown, in order
    charts: ClassVar[tuple[tuple[str, SpecFunction], ...]] = ()
    extra_keys: ClassVar[tuple[str, ...]] = ()  # page state in the URL besides parameters
    can_pin: ClassVar[bool] = True  # "pin as A" (the reform page compares by itself)
    history_size: ClassVar[int] = 50

    def __init__(self, lang: Lang = "zh"):
        import altair as alt

        from explainer.offline import enable_offline_charts

        enable_offline_charts()
        self.registry = registry()
        self.presets: dict[str, Preset] = presets_for(self.page)
        self.lang: Lang = lang
        self.preset_id = CUSTOM
        self.scenario = self.registry.default()
        self.problems: list[Problem] = []
        self._holding = False
        self.history: list[tuple[Any, str, dict[str, Any]]] = []  # for undo
        self.pinned: tuple[Any, dict[str, Any]] | None = None  # scenario "A"
        self.pinned_preset = ""  # the case "A" was pinned from (for its article figures)

        self.panel = ControlPanel(self.registry, lang, groups=self.groups)
        self.panel.observe(self._on_control)
        self.title = W.HTML()
        self.preset_picker = W.Dropdown(
            layout=W.Layout(width="38em"), style={"description_width": "initial"}
        )
        self.preset_picker.add_class("explainer-preset")
        self.preset_picker.observe(self._on_preset, "value")
        self.language = W.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=lang)
        self.language.add_class("explainer-language")
        self.language.observe(self._on_language, "value")
        self.message = self._html("explainer-message")
        self.article = self._html("explainer-article-vs-model")
        self.headline = self._html("explainer-headline")
        self.notes = self._html("explainer-notes")
        self.summary = self._html("explainer-summary")
        self.ab_table = self._html("explainer-ab")
        self.exports = self._html("explainer-exports")
        self._build_toolbar()
        self._build_extra()
        self.result = self.compute(self.scenario)
        self.chart_widgets = []
        for css, _ in self.charts:
            # Created empty: refresh() below sets each Vega-Lite spec directly, which skips
            # Altair's from_dict/to_dict round trip (≈0.3 s per page at kernel start).
            chart = alt.JupyterChart(None, embed_options=EMBED_OPTIONS)
            chart.add_class(css)
            self.chart_widgets.append(chart)

        # On a phone the controls fold away; this button (shown only there) opens them.
        self.controls_toggle = W.ToggleButton(value=False, layout=W.Layout(width="auto"))
        self.controls_toggle.add_class("explainer-controls-toggle")
        self.controls_toggle.observe(self._on_controls_toggle, "value")
        bar = W.HBox(
            [self.preset_picker, self.language, self.controls_toggle],
            layout=W.Layout(flex_flow="row wrap"),
        )
        outputs = W.VBox(
            [
                *self.extra_widgets(),
                self.article,
                self.summary,
                self.headline,
                self.ab_table,
                self.notes,
                *self.chart_widgets,
            ],
            layout=W.Layout(flex="1 1 700px", min_width="0"),
        )
        outputs.add_class("explainer-outputs")
        self.panel.widget.layout = W.Layout(flex="0 1 480px")
        body = W.HBox([outputs, self.panel.widget], layout=W.Layout(flex_flow="row wrap"))
        self.widget = W.VBox([W.HTML(STYLE), self.title, bar, self.toolbar, self.message, body])
        self.widget.add_class(f"explainer-{self.page}")
        self._hold(self._relabel)
        self.refresh()
        self._attach_playlist()  # playlist hook (issue 18)

    def _attach_playlist(self) -> None:
        """Playlist hook (issue 18): the stepper's row under the case picker."""
        from explainer.ui.playlist import PlaylistStepper

        self.stepper = PlaylistStepper(self)
        children = list(self.widget.children)
        children.insert(children.index(self.toolbar), self.stepper.widget)
        self.widget.children = children

    # ------------------------------------------------------------------ workshop tools
    def _build_toolbar(self) -> None:
        def button(css: str, action: Callable[[], None]) -> W.Button:
            widget = W.Button(layout=W.Layout(width="auto"))
            widget.add_class(css)
            widget.on_click(lambda _: action())
            return widget

        self.reset_policy = button("explainer-reset-policy", lambda: self.reset("policy"))
        self.reset_people = button("explainer-reset-people", lambda: self.reset("people"))
        self.undo_button = button("explainer-undo", self.undo)
        self.pin_button = button("explainer-pin", self.toggle_pin)
        self.pin_button.layout.display = None if self.can_pin else "none"
        self.presenter = W.ToggleButton(value=False, layout=W.Layout(width="auto"))
        self.presenter.add_class("explainer-presenter-toggle")
        self.presenter.observe(self._on_presenter, "value")
        self.link = LinkWidget()
        self.link.add_class("explainer-link-widget")
        self.qr = self._html("explainer-qr-box")  # the link's QR code (explainer.qr)
        self.link.observe(lambda _: self._draw_qr(), "url")
        self.upload = FileLoadWidget(max_bytes=LIMITS.max_file_bytes)
        self.upload.add_class("explainer-import")
        self.upload.on_file(self.load_scenario_file)
        self.toolbar = W.HBox(
            [
                self.reset_policy,
                self.reset_people,
                self.undo_button,
                self.pin_button,
                self.presenter,
                self.link,
                self.qr,
                self.exports,
                self.upload,
            ],
            layout=W.Layout(flex_flow="row wrap", align_items="center"),
        )
        self.toolbar.add_class("explainer-toolbar")

    def _snapshot(self) -> tuple[Any, str, dict[str, Any]]:
        return (self.scenario, self.preset_id, self.extra_state())

    def _remember(self) -> None:
        """Keep the state before a change, for undo."""
        self.history.append(self._snapshot())
        del self.history[: -self.history_size]

    def _restore(self, snapshot: tuple[Any, str, dict[str, Any]]) -> None:
        scenario, preset_id, extra = snapshot

        def apply() -> None:
            self._set_state(scenario, preset_id, self.lang)
            self.set_extra_state(extra)

        self._hold(apply)

    def undo(self) -> None:
        """Back to the state before the last change."""
        if not self.history:
            return
        self._restore(self.history.pop())
        self.problems = []
        self.refresh()

    def reset(self, role: str) -> None:
        """Defaults (or the preset's values) for every parameter of one role."""
        base = self.presets[self.preset_id].scenario() if self.preset_id else None
        base = base or self.registry.default()
        changes = {
            name: getattr(base, name)
            for name, spec in self.registry.params.items()
            if spec.role == role and spec.group in self.groups
        }
        self._remember()
        try:
            scenario = self.registry.replace(self.scenario, **changes)
        except ScenarioError:  # e.g. a study window out of order: take the base for all
            scenario = base
        self._hold(lambda: self._set_state(scenario, self.preset_id, self.lang))
        self.problems = []
        self.refresh()

    def toggle_pin(self) -> None:
        """Pin the current scenario as A (or clear it); later changes are B."""
        self.pinned = None if self.pinned else (self.scenario, self.extra_state())
        self.pinned_preset = self.preset_id if self.pinned else ""
        self._relabel_toolbar()
        self.refresh()

    def _on_presenter(self, change: dict[str, Any]) -> None:
        if change["new"]:
            self.widget.add_class("explainer-presenter")
        else:
            self.widget.remove_class("explainer-presenter")

    def load_scenario_file(self, content: bytes | None, size: int = -1) -> bool:
        """What "Load scenario" calls: a file's bytes (``None`` when the browser kept back a
        file over the size limit, whose ``size`` it sent instead). Loads it or says why not."""
        try:
            if content is None:
                raise InputRefused("file_too_large", size_limit_values(size))
            text = decode_file(content)
        except InputRefused as refusal:
            return self._refuse([Problem("", "", "", code=refusal.key, values=refusal.values)])
        return self.load_scenario_text(text)

    def _draw_qr(self) -> None:
        self.qr.value = qr_html(self.link.url, t("qr_label", self.lang), t("qr_caption", self.lang))

    def _on_controls_toggle(self, change: dict[str, Any]) -> None:
        if change["new"]:
            self.widget.add_class("explainer-controls-open")
        else:
            self.widget.remove_class("explainer-controls-open")

    def load_scenario_text(self, text: str) -> bool:
        """Restore a scenario file (YAML or JSON). A bad file changes nothing; says why.

        Every path ends in "loaded" or a message in the page's language: a file is hostile
        input (issue 11), so an unforeseen error is logged for the server and reported to
        the visitor as a file that could not be read, never as Python's own text.
        """
        try:
            if "explainer_playlist" in text[:4096] and hasattr(self, "stepper"):
                return self.stepper.load_text(text)  # playlist hook (issue 18): a playlist file
            return self._load_scenario(text)
        except Exception:  # the last line of defence; the fuzzer checks it is never reached
            log.exception("a scenario file could not be read")
            return self._refuse([Problem("", "", "", code="file_internal")])

    def _refuse(self, problems: list[Problem]) -> bool:
        self.problems = [Problem("", "", "", code="import_bad", details=tuple(problems))]
        self.message.value = problems_html(self.problems, self.lang)  # nothing else changed
        return False

    def _load_scenario(self, text: str) -> bool:
        try:
            document = load_untrusted_yaml(text)
        except InputRefused as refusal:
            return self._refuse([Problem("", "", "", code=refusal.key, values=refusal.values)])
        if not isinstance(document, dict) or not isinstance(document.get("parameters"), dict):
            return self._refuse([Problem("", "", "", code="import_not_scenario")])
        problems = self._check_file_fields(document)
        if problems:  # a file for another page or format: its values are not worth reading
            return self._refuse(problems)
        preset = document.get("preset")
        preset_id = preset if isinstance(preset, str) and preset in self.presets else CUSTOM
        if preset not in (None, "") and preset_id == CUSTOM:  # a list or a mapping too
            allowed = ", ".join(self.presets)
            problems.append(Problem("preset", preset, "unknown preset", allowed))
        parameters = document["parameters"]
        problems += self._check_written_forms(parameters)
        scenario = None
        if not problems:
            try:
                scenario = self.registry.build(parameters)
            except ScenarioError as error:
                problems += error.problems
        problems += self.check_extra_state(document)
        if problems or scenario is None:
            return self._refuse(problems)
        # Page-specific state the file does not carry (e.g. the reforms ticked) is kept.
        extra = {**self.extra_state(), **{k: document[k] for k in self.extra_keys if k in document}}
        self._remember()
        self._restore((scenario, preset_id, extra))
        lang = document.get("language")
        if lang in LANGUAGES and lang != self.lang:
            self.language.value = lang  # relabels and refreshes
        self.problems = []
        self.refresh()
        return True

    def _check_file_fields(self, document: Mapping[Any, Any]) -> list[Problem]:
        """The fields that say what the file is: its format, page and language."""
        problems: list[Problem] = []
        extras = {k for cls in _page_classes() for k in cls.extra_keys}
        known = {*FILE_KEYS, *EXPORT_ONLY_KEYS, *extras}
        unknown = [k for k in document if not isinstance(k, str) or k not in known]
        problems += [
            Problem(k, document[k], "not a field of a scenario file", ", ".join(FILE_KEYS))
            for k in unknown
        ]
        version = document.get("explainer_scenario", SCENARIO_FORMAT)
        if version != SCENARIO_FORMAT or isinstance(version, bool):
            values = {"found": echo(version), "supported": SCENARIO_FORMAT}
            problems.append(Problem("", "", "", code="file_format", values=values))
        page = document.get("page", self.page)
        if not isinstance(page, str) or page not in PAGES:
            problems.append(Problem("page", page, "not one of the pages", ", ".join(PAGES)))
        elif page != self.page:
            values = {"page": page, "here": self.page}
            problems.append(Problem("", "", "", code="file_other_page", values=values))
        lang = document.get("language", self.lang)
        if lang not in LANGUAGES:
            problems.append(Problem("language", lang, "unknown language", "zh or en"))
        return problems

    def _check_written_forms(self, parameters: Mapping[Any, Any]) -> list[Problem]:
        """Clock times and dates must be written as text in their documented forms (a bare
        number in a file is not 21:30 nor a date, though the model stores minutes)."""
        problems = []
        for name, value in parameters.items():
            spec = self.registry.params.get(name) if isinstance(name, str) else None
            if spec and spec.type in ("clock", "date") and not isinstance(value, str):
                allowed = {lang: spec.allowed(lang) for lang in LANGUAGES}
                reason = NOT_A_CLOCK if spec.type == "clock" else NOT_A_DATE
                problems.append(Problem(name, value, reason, allowed))
        return problems

    # ------------------------------------------------------------------ state as text
    def state_query(self) -> str:
        """The URL query that restores this page exactly (preset, changes, language, extras)."""
        base = self.presets[self.preset_id].scenario() if self.preset_id else None
        base = base or self.registry.default()
        pairs: list[tuple[str, str]] = []
        if self.preset_id:
            pairs.append(("preset", self.preset_id))
        for name, spec in self.registry.params.items():
            value = getattr(self.scenario, name)
            if value != getattr(base, name):
                pairs.append((name, spec.display(value)))
        pairs += self.extra_query()
        pairs.append(("lang", self.lang))
        return urlencode(pairs)

    def scenario_file(self) -> dict[str, Any]:
        return scenario_document(
            self.page,
            self.preset_id,
            self.lang,
            self.extra_state(),
            self.registry.to_plain(self.scenario),
            self.state_query(),
        )

    def figures_csv(self, result: Any) -> str:
        """The page's headline numbers as CSV, with provenance as leading # lines."""
        document = self.scenario_file()["provenance"]
        head = "".join(f"# {key}: {value}\n" for key, value in document.items())
        for record in self.article_records(result):
            fields = (
                record["article"],
                record["model"],
                record["status"],
                record["status_text"],
                record["reason"],
            )
            tuned = f" ({', '.join(record['calibrated'])})" if record["calibrated"] else ""
            line = " | ".join(str(f).replace("\n", " ") for f in fields)
            head += f"# article_figure {record['metric']}{tuned}: {line}\n"
        head += f"# summary: {self.full_summary(result, self.lang)}\n"
        return head + figures_table(self.figures(result), self.lang).to_csv(index=False)

    @staticmethod
    def _html(css: str) -> W.HTML:
        widget = W.HTML()
        widget.add_class(css)
        return widget

    # ------------------------------------------------------------------ state from outside
    def apply_query(self, query: str) -> None:
        """Restore the state a URL query describes; bad values are named, defaults stand."""
        pairs = parse_qsl(query.lstrip("?"), keep_blank_values=True)
        keys = PAGE_KEYS + self.extra_keys
        page: dict[str, str] = {}
        problems: list[Problem] = []
        for key, value in pairs:
            if key not in keys:
                continue
            if key in page:
                note = "given more than once; the first is used"
                problems.append(Problem(key, value, note, kept=True))
            else:
                page[key] = value
        problems += self.read_extra(page)
        lang = page.get("lang", self.lang)
        if lang not in LANGUAGES:
            problems.append(Problem("lang", lang, "unknown language", "zh or en"))
            lang = self.lang
        preset_id = page.get("preset", CUSTOM)
        if preset_id and preset_id not in self.presets:
            allowed = ", ".join(self.presets)
            problems.append(Problem("preset", preset_id, "unknown preset", allowed))
            preset_id = CUSTOM
        base = dict(self.presets[preset_id].overrides) if preset_id else {}
        rest = [(k, v) for k, v in pairs if k not in keys]
        overrides, found = self.registry.from_query(urlencode(rest))
        given = {k for k, _ in rest} - {p.param for p in found if not p.kept}
        changed = {k: v for k, v in self.registry.to_plain(overrides).items() if k in given}
        scenario, more = self.registry.build_lenient({**base, **changed})
        self.problems = problems + found + more
        self._remember()
        self._hold(lambda: self._set_state(scenario, preset_id, lang))
        self.refresh()
        if "playlist" in page and hasattr(self, "stepper"):
            self.stepper.from_query(page)  # playlist hook (issue 18)

    def select_preset(self, preset_id: str) -> None:
        self.preset_picker.value = preset_id

    # ------------------------------------------------------------------ events
    def _hold(self, action: Callable[[], None]) -> None:
        self._holding = True
        try:
            action()
        finally:
            self._holding = False

    def _set_state(self, scenario: Any, preset_id: str, lang: Lang) -> None:
        self.scenario = scenario
        self.preset_id = preset_id
        if lang != self.lang:
            self.lang = lang
            self.language.value = lang
            self._relabel()
        self.preset_picker.value = preset_id
        self.panel.show(self.registry.to_values(scenario).items())

    def _on_control(self, name: str, value: Any) -> None:
        if self._holding:
            return
        try:
            scenario = self.registry.replace(self.scenario, **{name: value})
            self._remember()
            self.scenario = scenario
            self.problems = []
        except ScenarioError as error:
            self.problems = error.problems
            old = getattr(self.scenario, name)
            self._hold(lambda: self.panel.control(name).set(old))
        self.refresh()

    def _on_preset(self, change: dict[str, Any]) -> None:
        if self._holding:
            return
        preset_id = change["new"] or CUSTOM
        scenario = self.presets[preset_id].scenario() if preset_id else self.registry.default()
        self.problems = []
        self._remember()
        self._hold(lambda: self._set_state(scenario, preset_id, self.lang))
        self.refresh()

    def _on_language(self, change: dict[str, Any]) -> None:
        if self._holding:
            return
        self.lang = change["new"]
        self._hold(self._relabel)
        self.refresh()

    # ------------------------------------------------------------------ drawing
    def _relabel(self) -> None:
        lang = self.lang
        links = " · ".join(
            f"<a href='{page}.ipynb?lang={lang}'>{html.escape(t(f'nav_{page}', lang))}</a>"
            if page != self.page
            else f"<b>{html.escape(t(f'nav_{page}', lang))}</b>"
            for page in PAGES
        )
        self.title.value = (
            f"<nav class='explainer-nav'>{links}</nav>"
            f"<h2 class='explainer-title'>{html.escape(t(self.title_key, lang))}</h2>"
            f"<p class='explainer-intro'>{html.escape(t(self.intro_key, lang))}</p>"
        )
        options = [(t("preset_custom", lang), CUSTOM)] + [
            (p.label(lang), pid) for pid, p in self.presets.items()
        ]
        value = self.preset_picker.value or self.preset_id
        self.preset_picker.options = options
        self.preset_picker.value = value
        self.preset_picker.description = t("preset", lang)
        self.panel.relabel(lang)
        self._relabel_toolbar()
        self.relabel_extra(lang)

    def _relabel_toolbar(self) -> None:
        lang = self.lang
        self.reset_policy.description = t("reset_policy", lang)
        self.reset_policy.tooltip = t("reset_policy_help", lang)
        self.reset_people.description = t("reset_people", lang)
        self.reset_people.tooltip = t("reset_people_help", lang)
        self.undo_button.description = t("undo", lang)
        self.pin_button.description = t("unpin_a" if self.pinned else "pin_a", lang)
        self.pin_button.tooltip = t("pin_help", lang)
        self.presenter.description = t("presenter", lang)
        self.presenter.tooltip = t("presenter_help", lang)
        self.controls_toggle.description = t("controls_toggle", lang)
        self.controls_toggle.tooltip = t("controls_toggle_help", lang)
        self._draw_qr()
        self.link.label = t("copy_link", lang)
        self.link.copied_label = t("copied", lang)
        self.upload.label = t("import_label", lang)
        self.upload.hint = t("import_help", lang)

    def refresh(self) -> None:
        """Recompute the model and redraw every output (charts in place)."""
        result = self.compute(self.scenario)
        lang = self.lang
        self.headline.value = self.headline_html(result, lang)
        self.notes.value = self.notes_html(result, lang)
        self.article.value = self._article_html(result)
        self.message.value = problems_html(self.problems, lang)
        self.summary.value = f"<p>{html.escape(self.full_summary(result, lang))}</p>"
        query = self.state_query()
        stamp = t("stamp", lang, version=__version__, state=query or "-")
        pinned = self.compute(self.pinned[0]) if self.pinned and self.can_pin else None
        for widget, (_, spec_of) in zip(self.chart_widgets, self.charts, strict=True):
            spec = spec_of(result, lang)
            if pinned is not None:
                spec = overlay(spec, spec_of(pinned, lang))
            spec["title"]["subtitle"] = [*spec["title"]["subtitle"], stamp]
            spec = responsive(spec, lang)  # as wide as the screen allows (issue 15)
            if spec != widget.spec:  # an unchanged chart is neither re-sent nor redrawn
                widget.spec = spec
        self.ab_table.value = self._ab_html(pinned, result) if pinned is not None else ""
        self.link.query = query
        self.undo_button.disabled = not self.history
        self.exports.value = self._exports_html(result)
        self.result = result

    def _ab_html(self, pinned: Any, result: Any) -> str:
        pairs = zip(self.figures(pinned), self.figures(result), strict=True)
        table = comparison_html(
            [(a, b.value) for a, b in pairs],
            self.lang,
            ("side_a", "side_b"),
            caption=t("ab_title", self.lang),
            css="explainer-ab-table",
        )
        sides = (
            ("side_a", self.pinned_preset, pinned),
            ("side_b", self.preset_id, result),
        )
        return table + article_status_html(
            [(t(side, self.lang), self.article_comparisons(pid, res)) for side, pid, res in sides],
            self.lang,
        )

    # ------------------------------------------------------------------ the article's figures
    def article_comparisons(self, preset_id: str, result: Any) -> list[Comparison]:
        """The article's figures for ``preset_id`` against ``result`` (empty with no preset)."""
        if not preset_id or preset_id not in self.presets:
            return []
        # The article box, the summary, the A/B table and three exports all ask; on the reform
        # page preset_result runs a model, so compute once per (preset, result).
        memo = self.__dict__.setdefault("_article_memo", {})
        key = (preset_id, id(result))
        if key not in memo or memo[key][0] is not result:
            if len(memo) > 8:
                memo.clear()
            preset = self.presets[preset_id]
            memo[key] = (result, compare(preset, self.preset_result(preset, result)))
        return memo[key][1]

    def article_records(self, result: Any) -> list[dict[str, Any]]:
        """The current preset's figures, each with its status, for the exports."""
        return [c.record(self.lang) for c in self.article_comparisons(self.preset_id, result)]

    def full_summary(self, result: Any, lang: Lang) -> str:
        """The page's summary paragraph, ending with the article's figures and their status."""
        text = self.summary_text(result, lang)
        comparisons = self.article_comparisons(self.preset_id, result)
        if comparisons:
            items = "; ".join(
                t(
                    "summary_article_item",
                    lang,
                    article=c.reported.text[lang],
                    model=c.reported.show(c.model_value, lang),
                    status=c.status_line(lang),
                )
                for c in comparisons
            )
            name = self.presets[self.preset_id].label(lang)
            text += " " + t("summary_article", lang, case=name, items=items)
        elif self.preset_id in self.presets and self.presets[self.preset_id].no_figures:
            text += " " + self.presets[self.preset_id].no_figures[lang]  # type: ignore[index]
        return text

    def _exports_html(self, result: Any) -> str:
        lang, name = self.lang, f"explainer-{self.page}"
        document = self.scenario_file()
        document["article_figures"] = self.article_records(result)
        document["parameter_sources_format"] = PARAMETER_SOURCES_FORMAT
        document["parameter_sources"] = parameter_sources(lang)
        document["summary"] = self.full_summary(result, lang)
        return (
            f"<span class='explainer-downloads'>{html.escape(t('downloads', lang))} "
            + data_link(
                self.figures_csv(result),
                f"{name}.csv",
                "text/csv",
                t("export_csv", lang),
                "explainer-export-csv",
            )
            + " · "
            + data_link(
                dump_yaml(document),
                f"{name}.yaml",
                "application/x-yaml",
                t("export_yaml", lang),
                "explainer-export-yaml",
            )
            + " · "
            + data_link(
                dump_json(document),
                f"{name}.json",
                "application/json",
                t("export_json", lang),
                "explainer-export-json",
            )
            + f" · <small>{html.escape(t('export_charts_hint', lang))}</small></span>"
        )

    # ------------------------------------------------------------------ page hooks
    def compute(self, scenario: Any) -> Any:
        """The page's model result for ``scenario``."""
        return evaluate(self.page, scenario)

    def preset_result(self, preset: Preset, result: Any) -> Any:
        """The result a preset's reported figures are checked against."""
        return result

    def _build_extra(self) -> None:
        """Create page-specific widgets (before the first result is computed)."""

    def extra_widgets(self) -> list[W.Widget]:
        return []

    def relabel_extra(self, lang: Lang) -> None:
        """Relabel page-specific widgets in ``lang``."""

    def read_extra(self, page: dict[str, str]) -> list[Problem]:
        """Take page-specific state from the URL query; return problems found."""
        return []

    def extra_state(self) -> dict[str, Any]:
        """Page-specific state (kept in scenario files and the undo history)."""
        return {}

    def extra_query(self) -> list[tuple[str, str]]:
        return []

    def set_extra_state(self, state: dict[str, Any]) -> None:
        """Restore page-specific state from a snapshot or a scenario file."""

    def check_extra_state(self, document: dict[str, Any]) -> list[Problem]:
        return []

    def figures(self, result: Any) -> list[Figure]:
        """The page's headline numbers (for A/B, the CSV export and tests)."""
        raise NotImplementedError

    def summary_text(self, result: Any, lang: Lang) -> str:
        """One plain-language paragraph a journalist could quote."""
        raise NotImplementedError

    def headline_html(self, result: Any, lang: Lang) -> str:
        raise NotImplementedError

    def notes_html(self, result: Any, lang: Lang) -> str:
        return ""

    def _article_html(self, result: Any) -> str:
        if not self.preset_id:
            return ""
        preset = self.presets[self.preset_id]
        lang = self.lang
        lines = [
            f"<li class='status-{c.status} {'agree' if c.ok else 'differ'}'>"
            f"{html.escape(c.text(lang))}"
            f"<br><small class='status-reason'>{html.escape(c.status_line(lang))}</small></li>"
            for c in self.article_comparisons(self.preset_id, result)
        ]
        if not lines and preset.no_figures:
            lines = [f"<li class='status-none'>{html.escape(preset.no_figures[lang])}</li>"]
        modified = self.scenario != preset.scenario()
        note = f" <em>({html.escape(t('preset_modified', lang))})</em>" if modified else ""
        return (
            f"<div class='explainer-story'><b>{html.escape(preset.label(lang))}</b>{note}"
            f"<p>{html.escape(preset.story[lang])}</p><ul>{''.join(lines)}</ul>"
            f"<p><small>{html.escape(t('evidence_note', lang))}</small></p></div>"
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


# ---------------------------------------------------------------------- HTML pieces
def cards_html(cards: list[tuple[str, str, str, str]]) -> str:
    """Headline cards: (label, value — may hold markup, detail, css key)."""
    body = "".join(
        f"<div class='card card-{key}'><div class='card-label'>{html.escape(label)}</div>"
        f"<div class='card-value'>{value}</div>"
        f"<div class='card-detail'>{html.escape(detail)}</div></div>"
        for label, value, detail, key in cards
    )
    return f"<div class='explainer-cards'>{body}</div>"


def comparison_html(
    rows: list[tuple[Figure, float]],
    lang: Lang,
    sides: tuple[str, str],
    caption: str = "",
    css: str = "",
) -> str:
    """Figures before and after, with the change coloured by whether it helps."""
    body = []
    for before, after in rows:
        change = after - before.value
        better = None if abs(change) < 1e-9 else (change < 0) == before.lower_is_better
        row_css = "" if better is None else ("better" if better else "worse")
        body.append(
            f"<tr class='{row_css}'><th>{html.escape(t(f'metric_{before.key}', lang))}</th>"
            f"<td>{format_value(before.value, before.kind, lang)}</td>"
            f"<td>{format_value(after, before.kind, lang)}</td>"
            f"<td class='change'>{format_change(change, before.kind, lang)}</td></tr>"
        )
    head = "".join(
        f"<th>{html.escape(t(k, lang))}</th>" for k in ("table_figure", *sides, "table_change")
    )
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        f"<table class='explainer-compare {css}'>{cap}<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def article_status_html(sides: list[tuple[str, list[Comparison]]], lang: Lang) -> str:
    """The article's figures on each side of an A/B comparison, each with its status."""
    rows = [
        f"<tr class='status-{c.status}'><th>{html.escape(side)}</th>"
        f"<td>{html.escape(c.reported.text[lang])}</td>"
        f"<td>{html.escape(c.reported.show(c.model_value, lang))}</td>"
        f"<td>{html.escape(c.status_line(lang))}</td></tr>"
        for side, comparisons in sides
        for c in comparisons
    ]
    if not rows:
        return ""
    head = "".join(
        f"<th>{html.escape(t(k, lang))}</th>"
        for k in ("table_side", "table_article", "table_model", "table_status")
    )
    return (
        f"<table class='explainer-compare explainer-ab-article'>"
        f"<caption>{html.escape(t('article_figures', lang))}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def problems_html(problems: list[Problem], lang: Lang) -> str:
    """Bad input, named with its allowed range; empty when all is well.

    At most ``LIMITS.max_problems`` are listed, then how many more there are.
    """
    if not problems:
        return ""
    items = "".join(f"<li>{html.escape(text)}</li>" for text in bounded_messages(problems, lang))
    whole_file = all(not p.param for p in problems)
    heading = html.escape(t("import_failed_title" if whole_file else "bad_input_title", lang))
    return f"<div class='explainer-problems' role='alert'><b>{heading}</b><ul>{items}</ul></div>"


def _page_classes() -> list[type[Dashboard]]:
    """Every dashboard class (for the page-specific fields a scenario file may carry)."""
    found, todo = [], list(Dashboard.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found
