"""Widgets for a page's extra controls (:class:`explainer.pages.ChoiceSet`): a box per option.

The boxes only show the state (:meth:`ChoiceBoxes.show`) and report a click
(:meth:`ChoiceBoxes.on_toggle`); the ticked ids live in
:class:`explainer.ui.state.PageState`.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

import ipywidgets as W

from explainer.core.i18n import t
from explainer.core.spec import Lang
from explainer.pages import ChoiceSet


class ChoiceBoxes:
    """A titled grid of checkboxes, one per option of ``choice``."""

    def __init__(self, choice: ChoiceSet) -> None:
        self.choice = choice
        self.boxes: dict[str, W.Checkbox] = {}
        for option in choice.options():
            box = W.Checkbox(value=False, indent=False, layout=W.Layout(width="auto"))
            box.add_class(f"{choice.box_css}{option}")
            self.boxes[option] = box
        self.title = W.HTML()
        grid = W.GridBox(
            list(self.boxes.values()),
            layout=W.Layout(grid_template_columns="repeat(auto-fill, minmax(22em, 1fr))"),
        )
        self.widget = W.VBox([self.title, grid])
        self.widget.add_class(choice.css)

    def on_toggle(self, callback: Callable[[str, str, bool], None]) -> None:
        """Call ``callback(key, option, ticked)`` when a person ticks or clears a box."""
        for option, box in self.boxes.items():
            box.observe(
                lambda change, option=option: callback(self.choice.key, option, change["new"]),
                "value",
            )

    def relabel(self, lang: Lang) -> None:
        self.title.value = f"<b>{html.escape(t(self.choice.title_key, lang))}</b>"
        for option, box in self.boxes.items():
            box.description = self.choice.label(option, lang)
            box.tooltip = self.choice.tooltip(option, lang)

    def show(self, ticked: Iterable[str]) -> None:
        wanted = set(ticked)
        for option, box in self.boxes.items():
            box.value = option in wanted
