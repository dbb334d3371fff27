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
