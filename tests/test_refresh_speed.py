"""The slider -> chart path's speed-ups change nothing a visitor gets (benchmarks/bench_refresh.py
measures the speed; these check the output).

- the YAML export is written by libyaml's emitter when PyYAML has it, with the same text as
  ``yaml.safe_dump``, for every page, language and preset;
- the caption re-wrapping (running width) keeps every character and fits its room;
- the per-app chart builds its data once and its screen-reader text is unchanged.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.charts import common
from explainer.charts.night import per_app_alt_text, per_app_spec
from explainer.pages import PAGE_IDS
from explainer.ui import toolbar
from explainer.ui.dashboard import Dashboard
from explainer.ui.exports import export_document


def test_yaml_export_uses_libyaml_when_present() -> None:
    if getattr(yaml, "__with_libyaml__", False):
        assert toolbar.YAML_DUMPER is yaml.CSafeDumper


@pytest.mark.parametrize("page_id", PAGE_IDS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_yaml_export_text_is_safe_dump_text(page_id: str, lang: str) -> None:
    page = Dashboard(lang, page=page_id)
    for preset in ["", *page.presets]:
        page.select_preset(preset)
        document = export_document(page.page, page.article_figures, page.state, page.result)
        expected = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        assert toolbar.dump_yaml(document) == expected, (page_id, lang, preset)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab c  d，夜间打卡学习 ·W"), max_size=200),
    st.integers(min_value=24, max_value=400),  # two 12 px characters: a mark and the one before
    st.booleans(),
)
def test_rewrap_keeps_every_character_and_fits(line: str, room: int, bold: bool) -> None:
    """The caption re-wrapping (a running width, not the whole line's at each character,
    issue 15's px rule): lines fit ``room`` and, but for the spaces at the cuts, keep the
    line's characters in order; with ``keep_spaces`` they join into the line."""
    lines = common._rewrap(line, room, 12, bold)
    assert "".join(lines).replace(" ", "") == line.replace(" ", "")
    for part in lines:
        assert len(part) == 1 or common.text_px(part, 12, bold) <= room + 1e-9, part
    kept = common._rewrap(line, room, 12, bold, keep_spaces=True)
    assert "".join(kept) == line.rstrip()
    for part in kept:
        assert len(part.rstrip()) <= 1 or common.text_px(part.rstrip(), 12, bold) <= room + 1e-9


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_per_app_chart_text_unchanged(lang: str) -> None:
    page = Dashboard(lang, page="night")
    spec = per_app_spec(page.result, lang)
    assert spec["description"] == per_app_alt_text(page.result, lang)
