"""The tornado's labels on a phone (issue 15): over their bars in two lines, split by the
axis's ``labelExpr`` at the no-break space before the range (explainer.charts.bands)."""

from __future__ import annotations

import pytest
from test_band_charts import KINDS, _unc

from explainer.charts import bands as B
from explainer.core.spec import registry


def phone_lines(label: str) -> list[str]:
    """The axis's phone ``labelExpr`` in Python."""
    return label.split(B.NAME_BREAK)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("page", "key"), [("night", "bedtime"), ("unit", "p_unit_veto")])
def test_phone_label_lines_are_the_name_then_range_and_source(
    page: str, key: str, lang: str
) -> None:
    rows = B.tornado_rows(_unc(page), key, KINDS[key], lang)
    assert rows
    names = {spec.label[lang] for spec in registry().params.values()}
    for row in rows:
        name, rest = phone_lines(row["label"])
        assert name in names and rest.startswith("("), row["label"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_assumption_label_breaks_once(lang: str) -> None:
    """Any parameter can be a bar: none holds the break itself (a name like "Window ends
    (deadline)" holds " (", which the break must not rely on)."""
    for name, spec in registry().params.items():
        parts = (spec.label[lang], B.range_ends(name, lang), B.short_source(name, lang))
        assert not any(B.NAME_BREAK in part for part in parts), name


def test_phone_axis_keeps_the_wide_layout_above_the_phone_width() -> None:
    axis = B.tornado_axis()
    for key in ("labelAlign", "labelBaseline", "labelOffset", "labelPadding", "tickSize"):
        assert axis[key]["expr"].startswith("containerSize()[0] + 0 * width < 640 ?"), key
    assert axis["labelExpr"].endswith(": datum.label")


def test_the_value_line_is_drawn_across_each_bars_row_not_down_the_labels() -> None:
    """On a phone the labels sit over their bars: a value line down the whole chart ran
    through them (issue 15). The line is a piece per row (as tall as the bar on a phone);
    while the bars are computed, one line down the chart; the layers stay the same."""
    unc = _unc("unit")
    spec = B.tornado_spec(unc, "p_unit_veto", KINDS["p_unit_veto"], "en")
    rows = spec["data"]["values"]
    by_row, whole = spec["layer"][1:]
    pieces = by_row["data"]["values"]
    assert sorted(p["label"] for p in pieces) == sorted({r["label"] for r in rows})
    assert {p["from"] for p in pieces} == {B.axis_value(unc.point("p_unit_veto"), "share")}
    assert by_row["encoding"]["y"]["field"] == "label"
    assert by_row["encoding"]["y"]["bandPosition"] == pytest.approx(0.5 - B.TORNADO_BAR / 2)
    assert f"? {B.PHONE_BAR_SHIFT_PX} :" in by_row["mark"]["yOffset"]["expr"]
    assert whole["data"]["values"] == []
    pending = B.pending_tornado_spec(0.38, "p_unit_veto", "share", "en", 200)
    assert pending["layer"][1]["data"]["values"] == []
    assert pending["layer"][2]["data"]["values"] == [{"from": B.axis_value(0.38, "share")}]
    strip = [{k: v for k, v in layer.items() if k != "data"} for layer in pending["layer"]]
    assert strip == [{k: v for k, v in layer.items() if k != "data"} for layer in spec["layer"]]
