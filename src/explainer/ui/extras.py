"""Widgets for a page's extra controls (:class:`explainer.pages.ChoiceSet`): a box per option.

The boxes only show the state (:meth:`ChoiceBoxes.show`) and report a click
(:meth:`ChoiceBoxes.on_toggle`); the ticked ids live in
:class:`explainer.ui.state.PageState`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

import ipywidgets as W

from explainer.core.i18n import t
from explainer.core.spec import Lang
from explainer.pages import ChoiceSet

#: A date in a label ("2020-08-29", "2019-03").
DATE = re.compile(r"\b\d{4}(?:-\d{2}){1,2}\b")
NON_BREAKING_HYPHEN = "\u2011"


def whole_dates(label: str) -> str:
    """``label`` with its dates' hyphens non-breaking: a wrapped label (issue 15) broke
    "2020-08-29" after "2020-" in presenter type."""
    return DATE.sub(lambda m: m.group(0).replace("-", NON_BREAKING_HYPHEN), label)


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
            box.description = whole_dates(self.choice.label(option, lang))
            box.tooltip = self.choice.tooltip(option, lang)

    def show(self, ticked: Iterable[str]) -> None:
        wanted = set(ticked)
        for option, box in self.boxes.items():
            box.value = option in wanted
