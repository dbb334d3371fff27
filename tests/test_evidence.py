"""Issue 12: statuses everywhere, two sources per parameter, the evidence document in step.

* ``docs/evidence.md`` is generated from the data and lists every preset figure with the same
  status the pages show;
* every parameter declares where its mechanism and its number come from, and the tables that
  list parameters (guides, exports, control tooltips) show both;
* every export (CSV, YAML, JSON), the summary paragraph and the A/B table carry each figure's
  status, in both languages;
* attributions the article makes (the 3-miss rule and the veto; Mei Ciqi's third kind of
  department) are kept.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from clicks import click_download

from explainer.core.i18n import LANGUAGES, t
from explainer.core.presets import presets, status_text
from explainer.core.spec import _make_registry, _read_yaml, registry
from explainer.teaching.evidence import DOC_PATH, HTML_PATH, figure_rows, render, render_html
from explainer.teaching.guide import assumption_table
from explainer.ui.exports import LINKS
from explainer.ui.night import NightDashboard
from explainer.ui.unit import UnitDashboard

REPO = Path(__file__).resolve().parent.parent


# ----------------------------------------------------------------------------- the document
def test_evidence_document_is_generated_from_the_data() -> None:
    committed = (REPO / DOC_PATH).read_text(encoding="utf-8")
    assert committed == render(), "run: python -m explainer.teaching.evidence"


def test_evidence_web_page_is_the_document() -> None:
    """The page the landing page links to is the same document, escaped, with no script."""
    committed = (REPO / HTML_PATH).read_text(encoding="utf-8")
    assert committed == render_html(), "run: python -m explainer.teaching.evidence"
    assert "<script" not in committed and "http" not in committed.split("<main>")[0]
    assert "<table>" in committed
    assert "&lt;b&gt;" in render_html("<b>not markup</b>")


def test_evidence_document_lists_every_figure_with_its_status() -> None:
    text = render()
    rows = figure_rows()
    assert len(rows) == sum(len(p.reported) for p in presets().values())
    for row in rows:
        for lang in LANGUAGES:
            line = next(
                (
                    line
                    for line in text.splitlines()
                    if line.startswith(f"| {row[f'name_{lang}']} | `{row['metric']}` |")
                ),
                None,
            )
            assert line, f"{row['preset']}.{row['metric']} missing ({lang})"
            assert f"**{status_text(row['status'], lang)}**" in line
            assert row[f"model_{lang}"] in line
    for preset in presets().values():
        if not preset.reported:
            assert preset.no_figures and preset.no_figures["en"] in text


def test_landing_page_names_the_evidence_document_and_every_status() -> None:
    from explainer.serving.landing import render as landing

    page = landing()
    assert DOC_PATH.as_posix() in page
    for row in figure_rows():
        for lang in LANGUAGES:
            assert status_text(row["status"], lang) in page


# ----------------------------------------------------------------------------- two sources
@pytest.mark.parametrize("pid", list(registry().params))
def test_each_parameter_has_a_mechanism_and_a_number_source(pid: str) -> None:
    spec = registry().params[pid]
    for source in (spec.mechanism_source, spec.number_source):
        assert len(source) == 1 and next(iter(source)) in ("seed", "ref", "assumption")
    if "seed" in spec.number_source:  # an article number is never an assumed one
        assert "value_assumed" not in spec.number_source["seed"]


def test_a_parameter_without_a_number_source_is_refused() -> None:
    document = copy.deepcopy(_read_yaml("parameters.yaml"))
    del document["parameters"][0]["number_source"]
    with pytest.raises(ValueError, match="number_source"):
        _make_registry(document)


@pytest.mark.parametrize(
    "pid",
    ["pts_login", "daily_study_cap_min", "window_start", "p_veto_cancels", "n_quota_apps"],
)
def test_numbers_the_article_does_not_give_are_assumptions_and_say_so(pid: str) -> None:
    # The mechanism may be the article's (a login bonus, a daily limit); the number is ours.
    spec = registry().params[pid]
    assert "assumption" in spec.number_source
    assert "assum" in spec.help["en"].lower() and "假设" in spec.help["zh"]


def test_guide_tables_show_both_sources_side_by_side() -> None:
    for lang in LANGUAGES:
        table = assumption_table(["pts_login", "n_apps"], lang)
        mechanism, number = table.columns[-2], table.columns[-1]
        login = table.iloc[0]
        kinds = {"en": ("article", "assumption"), "zh": ("文章", "假设")}[lang]
        assert login[mechanism].startswith(kinds[0]) and login[number].startswith(kinds[1])
        assert table.iloc[1][number].startswith(kinds[0])  # 8 apps: the article's number


# ----------------------------------------------------------------------------- pages, exports
EXPORTS = [ext for ext, *_ in LINKS]


def _downloads(page: Any) -> dict[str, str]:
    """The files the page's download buttons save (made when each is clicked)."""
    return {ext: click_download(page.exports, ext)[1].decode("utf-8") for ext in EXPORTS}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exports_and_summary_carry_each_figures_status(lang: str) -> None:
    page = NightDashboard(lang)
    page.apply_query(f"preset=district_20h&lang={lang}")
    preset = presets()["district_20h"]
    files = _downloads(page)
    for document in (yaml.safe_load(files["yaml"]), json.loads(files["json"])):
        figures = {f["metric"]: f for f in document["article_figures"]}
        assert {m: f["status"] for m, f in figures.items()} == {
            r.metric: r.status for r in preset.reported
        }
        study = figures["study_minutes"]
        assert (
            study["status"] == "not_reproduced"
            and study["reason"]
            == (
                preset.reported[0].reason[lang]  # type: ignore[index]
            )
        )
        assert figures["free_at"]["calibrated"] == ["commute_min", "work_chat_min"]
        assert set(document["parameter_sources"]) == set(registry().params)
        assert document["parameter_sources_format"] == "mechanism source | number source"
        login = document["parameter_sources"]["pts_login"].split(" | ")
        assert login == [
            {"en": "article §3", "zh": "文章 §3"}[lang],
            {"en": "assumption", "zh": "假设"}[lang],
        ]
        assert document["summary"] == page.full_summary(page.result, lang)
    csv = files["csv"]
    assert "# article_figure study_minutes: " in csv and "| not_reproduced |" in csv
    assert f"| {status_text('not_reproduced', lang)} |" in csv  # the page's language too
    assert figures["study_minutes"]["status_text"] == status_text("not_reproduced", lang)
    assert "# article_figure free_at (commute_min, work_chat_min): " in csv
    summary = page.summary.value
    assert status_text("not_reproduced", lang) in summary
    assert status_text("calibrated", lang) in summary


def test_ab_table_shows_the_article_figures_of_both_sides() -> None:
    page = NightDashboard("en")
    page.apply_query("preset=li_yi&lang=en")
    page.toggle_pin()
    page.preset_picker.value = "district_20h"
    table = page.ab_table.value
    assert t("article_figures", "en") in table
    for pid, side in (("li_yi", "side_a"), ("district_20h", "side_b")):
        for figure in presets()[pid].reported:
            assert figure.text["en"] in table
        assert f"<th>{t(side, 'en')}</th>" in table
    assert "status-not_reproduced" in table and "status-calibrated" in table


def test_a_case_with_no_figure_says_so_on_the_page() -> None:
    page = UnitDashboard("zh")
    page.apply_query("preset=shandong_village&lang=zh")
    note = presets()["shandong_village"].no_figures["zh"]  # type: ignore[index]
    assert note in page.article.value and note in page.summary.value


# ----------------------------------------------------------------------------- attributions
def test_the_miss_rule_and_veto_are_attributed_as_the_article_does() -> None:
    # Seed §4: the district's example ends with its scoring; the penalties come from an
    # anonymous official speaking of cadres sent down to communities.
    reg = registry().params
    for pid in ("run_threshold",):
        assert "anonymous" in reg[pid].help["en"] and "不愿透露姓名" in reg[pid].help["zh"]
        assert "not say" in reg[pid].help["en"]
    story = presets()["shandong_village"].story
    assert "did not want to be named" in story["en"] and "不愿透露姓名" in story["zh"]
    assert "does not say these penalties are that district's" in story["en"]
    assert "affects or even cancels" in reg["veto_on"].help["en"]


def test_the_legal_reading_of_yishang_is_the_default_and_cited() -> None:
    spec = registry().params["run_reading"]
    assert spec.default == "at_least" and spec.number_source == {"ref": "yishang_legal"}
    assert "art. 99" in spec.help["en"] and "第九十九条" in spec.help["zh"]


def test_mei_third_kind_is_grassroots_social_and_cultural_life() -> None:
    spec = registry().params["complexity_grassroots"]
    assert "基层社会文化生活事务" in spec.label["zh"] and "cultural life" in spec.label["en"]
    assert "goal displacement, not this kind" in spec.help["en"]
    assert t("dept_grassroots", "zh") == "基层社会文化生活事务"
    for lang in LANGUAGES:
        assert "grid" not in t("dept_grassroots", lang).lower()
        assert "网格" not in spec.help["zh"].split("（")[0]


# ----------------------------------------------------------------------------- ranges (issue 14)
def _declared_ranges() -> dict[str, dict[str, Any]]:
    """Each assumption's ``range`` as written in data/parameters.yaml (read here, raw)."""
    raw = yaml.safe_load((REPO / "data" / "parameters.yaml").read_text(encoding="utf-8"))
    return {p["id"]: p for p in raw["parameters"] if p["role"] == "people"}


def _source_words(source: dict[str, Any], lang: str) -> str:
    """A part of a range's source that its line must show: the article's phrase, the
    reference's title, or the assumption's reason."""
    if "seed" in source:
        return source["seed"]["phrase"]
    if "ref" in source:
        titles = yaml.safe_load((REPO / "data" / "sources.yaml").read_text(encoding="utf-8"))
        found = titles.get("sources", titles)[source["ref"]]["title"]
        return found[lang] if isinstance(found, dict) else found
    return source["assumption"][lang]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_evidence_lists_every_assumption_with_its_range_and_source(lang: str) -> None:
    """Every assumption has one line with its range's ends and its range's source text."""
    text = render()
    declared = _declared_ranges()
    assert len(declared) > 20
    for pid, param in declared.items():
        lines = [
            line
            for line in text.splitlines()
            if line.startswith(f"| {param['label'][lang]} | `{pid}` |")
        ]
        assert len(lines) == 1, f"{pid} ({lang}): {len(lines)} lines"
        line, found = lines[0], param["range"]
        if "fixed" in found:
            assert found["fixed"][lang].replace("|", "\\|") in line
            continue
        if "choices" in found:
            for choice in found["choices"]:
                assert param["choices"][choice][lang] in line
        else:
            for end in ("low", "high"):
                shown = found[end] if isinstance(found[end], str) else f"{found[end]:g}"
                assert shown in line, f"{pid}: {end} {shown!r} not in {line!r}"
        assert _source_words(found["source"], lang).replace("|", "\\|") in line
    policy = sum(p.role == "policy" for p in registry().params.values())
    assert t("evidence_ranges_intro", lang, rules=policy, seed=14) in text
