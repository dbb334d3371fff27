"""Controls made from the parameter declarations: one widget per parameter, grouped.

Nothing here knows about a particular parameter: the widget kind, range, step, label, unit,
help and source all come from ``data/parameters.yaml`` through :mod:`explainer.spec`.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import ipywidgets as W

from explainer.i18n import t
from explainer.spec import Lang, ParamSpec, Registry, describe_source, format_clock

CONTROL_WIDTH = "22em"


def _float_format(step: float | None) -> str:
    if not step or step >= 1:
        return ".0f"
    return ".1f" if step >= 0.1 else ".2f"


def _clock_options(spec: ParamSpec) -> list[tuple[str, int]]:
    step = int(spec.step or 15)
    return [(format_clock(m), m) for m in range(spec.min, spec.max + 1, step)]


def _make_widget(spec: ParamSpec, lang: Lang) -> W.ValueWidget:
    common: dict[str, Any] = {
        "description": spec.label[lang],  # the accessible name; shown by the label above
        "layout": W.Layout(width=CONTROL_WIDTH),
    }
    if spec.type == "int":
        return W.IntSlider(
            value=spec.default,
            min=spec.min,
            max=spec.max,
            step=int(spec.step or 1),
            continuous_update=False,
            **common,
        )
    if spec.type == "float":
        return W.FloatSlider(
            value=spec.default,
            min=spec.min,
            max=spec.max,
            step=spec.step or 0.1,
            readout_format=_float_format(spec.step),
            continuous_update=False,
            **common,
        )
    if spec.type == "bool":
        return W.Checkbox(value=spec.default, indent=False, **common)
    if spec.type == "choice":
        options = [(names[lang], key) for key, names in spec.choices.items()]
        return W.Dropdown(options=options, value=spec.default, **common)
    if spec.type == "clock":
        return W.SelectionSlider(
            options=_clock_options(spec), value=spec.default, continuous_update=False, **common
        )
    return W.DatePicker(value=spec.default, **common)


@dataclass
class Control:
    """One parameter's widget with a visible label (help and source on hover) and unit."""

    spec: ParamSpec
    widget: W.ValueWidget
    label: W.HTML
    unit: W.Label
    box: W.VBox

    def get(self) -> Any:
        return self.widget.value

    def set(self, value: Any) -> None:
        if self.spec.type == "clock" and value not in dict(self.widget.options).values():
            # A valid time between two steps (e.g. from a URL): add it as an option.
            options = sorted(
                {*self.widget.options, (format_clock(value), value)}, key=lambda o: o[1]
            )
            self.widget.options = options
        if self.spec.type == "date" and not isinstance(value, dt.date):
            value = dt.date.fromisoformat(str(value))
        self.widget.value = value

    def relabel(self, lang: Lang) -> None:
        spec = self.spec
        tip = f"{spec.help[lang]}\n{t('source', lang)}: {describe_source(spec.source, lang)}"
        self.widget.description = spec.label[lang]
        self.widget.tooltip = tip
        self.label.value = (
            f"<span class='explainer-label' title='{html.escape(tip, quote=True)}'>"
            f"{html.escape(spec.label[lang])} <span class='explainer-info'>ⓘ</span></span>"
        )
        self.unit.value = spec.unit.get(lang, "") if spec.type not in ("clock", "bool") else ""
        if spec.type == "choice":
            value = self.widget.value
            self.widget.options = [(names[lang], key) for key, names in spec.choices.items()]
            self.widget.value = value


class ControlPanel:
    """All controls, grouped in an accordion by the declared groups."""

    def __init__(self, registry: Registry, lang: Lang, groups: Iterable[str] | None = None):
        self.registry = registry
        self.group_ids = list(groups) if groups is not None else list(registry.groups)
        self.controls: dict[str, Control] = {}
        for name, spec in registry.params.items():
            if spec.group not in self.group_ids:
                continue
            widget = _make_widget(spec, lang)
            widget.add_class(f"explainer-param-{name}")
            if spec.type != "bool":
                widget.add_class("explainer-hide-description")
            label, unit = W.HTML(), W.Label(layout=W.Layout(min_width="6em"))
            box = W.VBox([label, W.HBox([widget, unit])])
            box.add_class("explainer-control")
            control = Control(spec, widget, label, unit, box)
            control.relabel(lang)
            self.controls[name] = control
        boxes = [
            W.VBox([c.box for c in self.controls.values() if c.spec.group == group])
            for group in self.group_ids
        ]
        self.widget = W.Accordion(children=boxes, selected_index=0)
        self.widget.add_class("explainer-controls")
        self.relabel(lang)

    def relabel(self, lang: Lang) -> None:
        self.widget.titles = tuple(self.registry.groups[g][lang] for g in self.group_ids)
        for control in self.controls.values():
            control.relabel(lang)

    def observe(self, callback: Callable[[str, Any], None]) -> None:
        """Call ``callback(param_id, new_value)`` whenever a person changes a control."""
        for name, control in self.controls.items():
            control.widget.observe(lambda change, n=name: callback(n, change["new"]), "value")

    def show(self, values: Iterable[tuple[str, Any]]) -> None:
        """Set the controls this panel has (other parameters have no control here)."""
        for name, value in values:
            if name in self.controls:
                self.controls[name].set(value)
