"""Controls made from the parameter declarations: one widget per parameter, grouped.

Nothing here knows about a particular parameter: the widget kind, range, step, label, unit,
help and source all come from ``data/parameters.yaml`` through :mod:`explainer.core.spec`.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import ipywidgets as W

from explainer.core.i18n import t
from explainer.core.spec import Lang, ParamSpec, Registry, describe_source, format_clock

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
    """One parameter's widget under a visible label (unit in it; help and source on hover)."""

    spec: ParamSpec
    widget: W.ValueWidget
    label: W.HTML
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
        colon = "：" if lang == "zh" else ": "
        tip = (
            f"{spec.help[lang]}\n{t('source_mechanism', lang)}{colon}"
            f"{describe_source(spec.mechanism_source, lang)}\n{t('source_number', lang)}{colon}"
            f"{describe_source(spec.number_source, lang)}"
        )
        unit = spec.unit.get(lang, "") if spec.type not in ("clock", "bool") else ""
        self.widget.description = spec.label[lang]
        self.widget.tooltip = tip
        self.label.value = (
            f"<span class='explainer-label' title='{html.escape(tip, quote=True)}'>"
            f"{html.escape(spec.label[lang])}"
            + (f" <span class='explainer-unit'>({html.escape(unit)})</span>" if unit else "")
            + " <span class='explainer-info'>ⓘ</span></span>"
        )
        if spec.type == "choice":
            value = self.widget.value
            self.widget.options = [(names[lang], key) for key, names in spec.choices.items()]
            self.widget.value = value


def make_control(spec: ParamSpec, value: Any, lang: Lang) -> Control:
    widget = _make_widget(spec, lang)
    widget.add_class(f"explainer-param-{spec.id}")
    if spec.type != "bool":
        widget.add_class("explainer-hide-description")
    label = W.HTML()
    box = W.VBox([label, widget])
    box.add_class("explainer-control")
    control = Control(spec, widget, label, box)
    control.relabel(lang)
    control.set(value)
    return control


class ControlPanel:
    """All controls, grouped in an accordion by the declared groups.

    A group's controls are built when its section is first opened (or when code asks for one
    with :meth:`control`): a page then starts with a few dozen widgets instead of hundreds,
    which is most of what a browser spends drawing it.
    """

    def __init__(self, registry: Registry, lang: Lang, groups: Iterable[str] | None = None):
        self.registry = registry
        self.lang = lang
        self.group_ids = list(groups) if groups is not None else list(registry.groups)
        self.names = [n for n, s in registry.params.items() if s.group in self.group_ids]
        self.values: dict[str, Any] = {n: registry.params[n].default for n in self.names}
        self.controls: dict[str, Control] = {}  # the ones built so far
        self._callbacks: list[Callable[[str, Any], None]] = []
        self._boxes = [W.VBox() for _ in self.group_ids]
        for group, box in zip(self.group_ids, self._boxes, strict=True):
            box.add_class(f"explainer-group-{group}")
        self.widget = W.Accordion(children=self._boxes, selected_index=0)
        self.widget.add_class("explainer-controls")
        self.widget.observe(self._on_open, "selected_index")
        self._build_group(0)
        self.relabel(lang)

    def _on_open(self, change: dict[str, Any]) -> None:
        if change["new"] is not None:
            self._build_group(change["new"])

    def _build_group(self, index: int) -> None:
        group = self.group_ids[index]
        box = self._boxes[index]
        if box.children:
            return
        built = []
        for name in self.names:
            if self.registry.params[name].group != group:
                continue
            control = make_control(self.registry.params[name], self.values[name], self.lang)
            for callback in self._callbacks:
                self._connect(name, control, callback)
            self.controls[name] = control
            built.append(control.box)
        box.children = built

    def control(self, name: str) -> Control:
        """The control of parameter ``name``, built (with its group) if need be."""
        if name not in self.controls:
            self._build_group(self.group_ids.index(self.registry.params[name].group))
        return self.controls[name]

    def relabel(self, lang: Lang) -> None:
        self.lang = lang
        self.widget.titles = tuple(self.registry.groups[g][lang] for g in self.group_ids)
        for control in self.controls.values():
            control.relabel(lang)

    def _connect(self, name: str, control: Control, callback: Callable[[str, Any], None]) -> None:
        def changed(change: dict[str, Any]) -> None:
            self.values[name] = change["new"]  # what the widget shows, whoever set it
            callback(name, change["new"])

        control.widget.observe(changed, "value")

    def observe(self, callback: Callable[[str, Any], None]) -> None:
        """Call ``callback(param_id, new_value)`` whenever a person changes a control."""
        self._callbacks.append(callback)
        for name, control in self.controls.items():
            self._connect(name, control, callback)

    def show(self, values: Iterable[tuple[str, Any]]) -> None:
        """Show these values (controls not built yet take them when they are)."""
        for name, value in values:
            if name in self.values:
                self.values[name] = value
                if name in self.controls:
                    self.controls[name].set(value)
