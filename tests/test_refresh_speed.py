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


@given(
    st.lists(
        st.tuples(
            st.integers(-(10**6), 10**6),
            st.floats(allow_nan=False, width=32),
            st.text(max_size=5),
            st.booleans(),
        ),
        max_size=30,
    )
)
def test_records_are_the_rows_itertuples_gives(rows: list[tuple]) -> None:
    import pandas as pd

    columns = ["n", "x", "label", "flag"]
    frame = pd.DataFrame(rows, columns=columns)
    expected = [dict(zip(columns, row, strict=True)) for row in frame.itertuples(index=False)]
    got = common.records(frame, ["n", "x", "label", "flag"])
    assert got == expected
    assert [[type(v) for v in r.values()] for r in got] == [
        [type(v) for v in r.values()] for r in expected
    ]


def run_probe(script: str, opt_out_variable: str, opt_out: bool) -> list[str]:
    """What ``script`` prints in a fresh Python process, with or without the opt-out."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != opt_out_variable}
    if opt_out:
        env[opt_out_variable] = "1"
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout.split()


FREEZE_PROBE = """
import gc
from explainer.ui.dashboard import Dashboard
Dashboard(page="unit")
first = gc.get_freeze_count()
Dashboard(page="night")
print(first, gc.get_freeze_count())
"""


@pytest.mark.parametrize("opt_out", [False, True])
def test_the_first_page_freezes_the_heap_once(opt_out: bool) -> None:
    """A page's kernel exempts its start-up heap from full collections (a 110-125 ms pause
    in 2 of 40 unit changes otherwise: benchmarks/bench_heap.py), once per process; the
    benchmark's opt-out leaves the collector as it was."""
    out = run_probe(FREEZE_PROBE, "EXPLAINER_NO_HEAP_FREEZE", opt_out)
    first, second = int(out[-2]), int(out[-1])
    if opt_out:
        assert (first, second) == (0, 0)
    else:
        assert first > 50_000  # the libraries and the first page's objects
        assert second <= first  # not frozen again (a frozen object freed since leaves it)
