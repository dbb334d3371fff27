"""Labels whose side is chosen in the browser (issue 14): a rule's label, a bar's label and a
department's label stay inside the plot wherever their data puts them, at a phone's width
and a wide one (drawn by vl-convert, the Vega-Lite the page's module bundles)."""

from __future__ import annotations

from typing import Any

import pytest
import vl_convert as vlc
from altair.utils._importers import vl_version_for_vl_convert

from explainer.charts.common import axis_lines, bar_label_place, labelled_rule, quant, text_px

VL = vl_version_for_vl_convert()


def _labels(spec: dict[str, Any]) -> tuple[float, list[tuple[str, float, float]]]:
    """The plot's width and (text, left, right) of each text mark drawn from data."""
    plot = vlc.vegalite_to_scenegraph(spec, vl_version=VL)["scenegraph"]["items"][0]
    found = []

    def walk(group: dict[str, Any]) -> None:
        for mark in group.get("items", []):
            for item in mark.get("items", []):
                if mark.get("marktype") == "group" and mark.get("role") != "axis":
                    walk(item)
                elif mark.get("marktype") == "text" and mark.get("role") == "mark":
                    text = item["text"]
                    px = max(
                        text_px(line, 12) for line in ([text] if isinstance(text, str) else text)
                    )
                    at = float(item["x"]) + float(item.get("dx") or 0)
                    left = at - {"center": px / 2, "right": px}.get(item.get("align", "left"), 0)
                    found.append((str(text), left, left + px))

    walk(plot)
    return plot["width"], found


@pytest.mark.parametrize("width", [300, 640])
@pytest.mark.parametrize("at", [0.3, 4.0, 5.0, 9.7])
def test_a_rule_s_label_takes_the_side_that_has_room(at: float, width: int) -> None:
    """Preferred after the rule (or before, ``before: True``), each label goes to the other
    side when its own does not hold it: a rule near either edge keeps its label inside."""
    marks = [
        {"x": at, "text": "a label after its rule"},
        {"x": at, "text": ["a label before", "its rule, two lines"], "before": True},
    ]
    spec = {
        "width": width,
        "height": 100,
        "layer": [
            {
                "mark": "point",
                "data": {"values": [{"x": 0}, {"x": 10}]},
                "encoding": {"x": quant("x")},
            },
            labelled_rule(marks, "x", [6, 4], label_align="auto"),
        ],
    }
    plot_width, labels = _labels(spec)
    assert len(labels) == 2
    for text, left, right in labels:
        assert left >= -1 and right <= plot_width + 1, (text, left, right)
    # where both sides have room, each label is on its preferred side
    if 3 < at < 7 and width == 640:
        x = at / 10 * plot_width
        after, before = labels
        assert after[1] > x and before[2] < x


@pytest.mark.parametrize("width", [180, 300, 640])
@pytest.mark.parametrize("minutes", [[1, 2, 100], [50, 100], [100], [45, 55, 100]])
def test_a_bar_s_label_ends_inside_the_plot(minutes: list[int], width: int) -> None:
    """Inside a bar that holds it, after a bar with room after it, else from the plot's
    left edge: a bar's label ends inside a plot wider than it, and inside its bar if the
    bar holds it."""
    text = "12 points a day · 7 apps"
    room = text_px(text, 12) + 8
    rows = [{"k": str(i), "m": m, "t": text, "room": room} for i, m in enumerate(minutes)]
    at = {"y": {"field": "k", "type": "nominal"}, "x": quant("m")}
    spec = {
        "width": width,
        "height": 30 * len(rows),
        "data": {"values": rows},
        "layer": [
            {"mark": "bar", "encoding": at},
            {
                "mark": {"type": "text", "fontSize": 12, **bar_label_place("m")},
                "encoding": {**at, "text": {"field": "t"}},
            },
        ],
    }
    plot_width, labels = _labels(spec)
    assert len(labels) == len(rows)
    for (_, left, right), row in zip(labels, rows, strict=True):
        assert left >= -1 and right <= plot_width + 1, (left, right, plot_width)
        end = row["m"] / 100 * plot_width
        if end >= room:
            assert right <= end  # inside its bar


def test_a_wide_axis_title_is_two_lines_broken_before_its_parenthesis() -> None:
    wide = "Reward on the process metric (× the value of real work)"
    assert axis_lines(wide) == ["Reward on the process metric", "(× the value of real work)"]
    assert axis_lines("Bedtime (hh:mm)") == "Bedtime (hh:mm)"
    assert (
        axis_lines("过程指标的奖励（相对真实工作价值的倍数）")
        == "过程指标的奖励（相对真实工作价值的倍数）"
    )
