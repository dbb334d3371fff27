"""The slider -> chart path's speed-ups change nothing a visitor gets (benchmarks/bench_refresh.py
measures the speed; these check the output).

- the YAML export is written by libyaml's emitter when PyYAML has it, with the same text as
  ``yaml.safe_dump``, for every page, language and preset;
- the caption re-wrapping (running width) cuts lines exactly where the quadratic version did;
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


def _rewrap_quadratic(line: str, limit: int, lang: str) -> list[str]:
    """The re-wrapping as written before (width of the whole line so far at each character)."""
    units = limit * 2 if lang == "zh" else limit

    def width(text: str) -> int:
        return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)

    lines: list[str] = []
    current = ""
    for ch in line:
        if width(current) + width(ch) > units:
            cut = current.rfind(" ")
            if cut > 0:
                lines.append(current[:cut])
                current = current[cut + 1 :]
            else:
                lines.append(current)
                current = ""
        current += ch
    current = current.rstrip()
    return [*lines, current] if current else lines


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab c  d，夜间打卡学习 ·"), max_size=200),
    st.integers(min_value=1, max_value=60),
    st.sampled_from(["zh", "en"]),
)
def test_rewrap_cuts_where_it_did(line: str, limit: int, lang: str) -> None:
    assert common._rewrap(line, limit, lang) == _rewrap_quadratic(line, limit, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_per_app_chart_text_unchanged(lang: str) -> None:
    page = Dashboard(lang, page="night")
    spec = per_app_spec(page.result, lang)
    assert spec["description"] == per_app_alt_text(page.result, lang)
