"""Labels whose side is chosen in the browser (issue 14): a rule's label, a bar's label and a
department's label stay inside the plot wherever their data puts them, at a phone's width
and a wide one (drawn by vl-convert, the Vega-Lite the page's module bundles)."""

from __future__ import annotations

from typing import Any

import pytest
import vl_convert as vlc
from altair.utils._importers import vl_version_for_vl_convert

from explainer.charts.common import axis_lines, labelled_rule, quant, roomy_side, text_px

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


@pytest.mark.parametrize("minutes", [[1, 2, 100], [50, 100], [100]])
def test_a_bar_s_label_is_inside_a_long_bar_and_after_a_short_one(minutes: list[int]) -> None:
    rows = [{"k": str(i), "m": m, "t": "12 points a day · 7 apps"} for i, m in enumerate(minutes)]
    at = {"y": {"field": "k", "type": "nominal"}, "x": quant("m")}
    label = {
        "type": "text",
        "align": roomy_side("m", "right", "left"),
        "dx": roomy_side("m", -4, 4),
    }
    spec = {
        "width": 300,
        "height": 30 * len(rows),
        "data": {"values": rows},
        "layer": [
            {"mark": "bar", "encoding": at},
            {"mark": label, "encoding": {**at, "text": {"field": "t"}}},
        ],
    }
    plot_width, labels = _labels(spec)
    assert labels and all(right <= plot_width + 1 for _, _, right in labels), labels


def test_a_wide_axis_title_is_two_lines_broken_before_its_parenthesis() -> None:
    wide = "Reward on the process metric (× the value of real work)"
    assert axis_lines(wide) == ["Reward on the process metric", "(× the value of real work)"]
    assert axis_lines("Bedtime (hh:mm)") == "Bedtime (hh:mm)"
    assert (
        axis_lines("过程指标的奖励（相对真实工作价值的倍数）")
        == "过程指标的奖励（相对真实工作价值的倍数）"
    )
