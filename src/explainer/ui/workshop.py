"""The workshop toolbar: reset, undo, pin, presenter, link + QR, downloads, file import.

The toolbar only builds and labels its widgets; what a click does is the dashboard's
(:mod:`explainer.ui.dashboard`), which connects each button through
:meth:`explainer.ui.view.PageView.on`.

Extension points (see docs/architecture.md): :meth:`Toolbar.add` puts a widget (e.g. a
"Download brief" button) at the end of the toolbar, with an optional relabel function;
:attr:`Toolbar.presenter_box` holds controls shown only in presenter mode (e.g. a playlist
stepper).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from explainer.core.i18n import t
from explainer.core.spec import Lang
from explainer.core.untrusted import LIMITS
from explainer.outputs.qr import qr_html
from explainer.ui.exports import export_buttons, relabel_exports
from explainer.ui.toolbar import FileLoadWidget, LinkWidget


def html_box(css: str) -> W.HTML:
    """An HTML output with a CSS class (the tests and the browser find it by the class)."""
    widget = W.HTML()
    widget.add_class(css)
    return widget


def button(css: str) -> W.Button:
    widget = W.Button(layout=W.Layout(width="auto"))
    widget.add_class(css)
    return widget


def toggle(css: str) -> W.ToggleButton:
    widget = W.ToggleButton(value=False, layout=W.Layout(width="auto"))
    widget.add_class(css)
    return widget


class Toolbar:
    """The row of workshop tools under the title."""

    def __init__(self, can_pin: bool) -> None:
        self.reset_policy = button("explainer-reset-policy")
        self.reset_people = button("explainer-reset-people")
        self.undo_button = button("explainer-undo")
        self.pin_button = button("explainer-pin")
        self.pin_button.layout.display = None if can_pin else "none"
        self.presenter = toggle("explainer-presenter-toggle")
        self.link = LinkWidget()
        self.link.add_class("explainer-link-widget")
        self.qr = html_box("explainer-qr-box")  # the link's QR code (explainer.outputs.qr)
        self.exports = export_buttons()  # made on a click (the dashboard connects them)
        self.upload = FileLoadWidget(max_bytes=LIMITS.max_file_bytes)
        self.upload.add_class("explainer-import")
        #: Controls shown only in presenter mode (hidden by the stylesheet otherwise).
        self.presenter_box = W.HBox(layout=W.Layout(align_items="center"))
        self.presenter_box.add_class("explainer-presenter-controls")
        self._relabels: list[Callable[[Lang], None]] = []
        self.lang: Lang = "zh"
        self.link.observe(lambda _: self.draw_qr(), "url")
        self.widget = W.HBox(
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
                self.presenter_box,
            ],
            layout=W.Layout(flex_flow="row wrap", align_items="center"),
        )
        self.widget.add_class("explainer-toolbar")

    def add(self, widget: W.Widget, relabel: Callable[[Lang], None] | None = None) -> None:
        """Add ``widget`` before the presenter-only box; ``relabel(lang)`` on each language."""
        children = list(self.widget.children)
        self.widget.children = (*children[:-1], widget, children[-1])
        if relabel is not None:
            self._relabels.append(relabel)
            relabel(self.lang)

    def draw_qr(self) -> None:
        lang = self.lang
        self.qr.value = qr_html(self.link.url, t("qr_label", lang), t("qr_caption", lang))

    def relabel(self, lang: Lang, pinned: bool) -> None:
        self.lang = lang
        self.reset_policy.description = t("reset_policy", lang)
        self.reset_policy.tooltip = t("reset_policy_help", lang)
        self.reset_people.description = t("reset_people", lang)
        self.reset_people.tooltip = t("reset_people_help", lang)
        self.undo_button.description = t("undo", lang)
        self.show_pin(pinned)
        self.pin_button.tooltip = t("pin_help", lang)
        self.presenter.description = t("presenter", lang)
        self.presenter.tooltip = t("presenter_help", lang)
        self.draw_qr()
        self.link.label = t("copy_link", lang)
        self.link.copied_label = t("copied", lang)
        self.upload.label = t("import_label", lang)
        self.upload.hint = t("import_help", lang)
        relabel_exports(self.exports, lang)
        for relabel in self._relabels:
            relabel(lang)

    def show_pin(self, pinned: bool) -> None:
        self.pin_button.description = t("unpin_a" if pinned else "pin_a", self.lang)
