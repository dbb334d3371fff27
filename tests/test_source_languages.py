"""Every source text exists in both languages and is shown in the page's language (issue 16).

A parameter's two sources (``source``: where the mechanism comes from; ``number_source``: where
the number comes from, issue 12) carry free text — an assumption's reason and range, a note on
how a number is derived from the article, a reference's title. Each is ``{zh, en}``; the guides'
tables, the controls' tooltips and the reform page show the side of the page's language.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from languages import CJK, wrong_language

from explainer.core.spec import (
    _make_registry,
    _read_yaml,
    check_source,
    describe_source,
    registry,
    seed_section,
    sources,
)
from explainer.teaching.guide import assumption_table
from explainer.ui.controls import make_control

LANGS = ("zh", "en")


def free_texts(source: Mapping[str, Any]) -> Iterator[Mapping[str, str] | str]:
    """The free text of one source: assumption, seed note, reference title."""
    kind, value = next(iter(source.items()))
    if kind == "assumption":
        yield value
    elif kind == "seed" and "note" in value:
        yield value["note"]
    elif kind == "ref":
        yield sources()[value]["title"]


PARAMS = list(registry().params)


@pytest.mark.parametrize("pid", PARAMS)
def test_each_source_text_exists_in_both_languages(pid: str) -> None:
    spec = registry().params[pid]
    for source in (spec.mechanism_source, spec.number_source):
        kind = next(iter(source))
        for text in free_texts(source):
            if kind == "ref" and isinstance(text, str):
                continue  # a paper's own title: one name in every language
            assert isinstance(text, Mapping) and set(text) == set(LANGS), (pid, text)
            assert all(str(text[lang]).strip() for lang in LANGS), (pid, text)
            assert CJK.search(text["zh"]), f"{pid}: zh side is not Chinese: {text['zh']}"
            assert not wrong_language(text["zh"], "zh"), (pid, text["zh"])
            assert not wrong_language(text["en"], "en"), (pid, text["en"])


@pytest.mark.parametrize("pid", PARAMS)
def test_sources_render_in_the_language_of_the_table_and_the_tooltip(pid: str) -> None:
    spec = registry().params[pid]
    for lang in LANGS:
        row = assumption_table([pid], lang).iloc[0]
        for cell in row.iloc[1:]:  # all but the parameter id: name, default, range, sources
            assert not wrong_language(str(cell), lang), (pid, lang, cell)
        mechanism, number = row.iloc[-2], row.iloc[-1]
        control = make_control(spec, getattr(registry().default(), pid), lang)
        tip = str(control.widget.tooltip)
        for source, cell in ((spec.mechanism_source, mechanism), (spec.number_source, number)):
            assert not wrong_language(cell, lang), (pid, lang, cell)
            for text in free_texts(source):
                shown = text[lang] if isinstance(text, Mapping) else text
                assert shown in cell and shown in tip, (pid, lang, shown)
                if isinstance(text, Mapping):
                    other = text["en" if lang == "zh" else "zh"]
                    assert other not in cell and other not in tip, (pid, lang, other)
        source_lines = tip.split("\n", 1)[1]  # the help text (first line) is tested elsewhere
        assert not wrong_language(source_lines, lang), (pid, lang, source_lines)


def test_the_article_section_is_named_in_the_language_of_the_page() -> None:
    assert seed_section("s1", "zh") == "第1节（导语）"
    assert seed_section("s1", "en") == "section 1 (lede)"
    zh = describe_source({"seed": {"section": "s1", "phrase": "打开8个政务APP"}}, "zh")
    en = describe_source({"seed": {"section": "s1", "phrase": "打开8个政务APP"}}, "en")
    assert "lede" not in zh and "Caijing" not in zh and "导语" in zh
    assert "导语" not in en and "《" not in en and "lede" in en


@pytest.mark.parametrize(
    "bad",
    [
        {"assumption": "English only"},
        {"assumption": {"en": "English only"}},
        {"assumption": {"zh": "只有中文", "en": " "}},
        {"seed": {"section": "s1", "phrase": "打开8个政务APP", "note": "English only"}},
        {"seed": {"section": "s1", "phrase": "打开8个政务APP", "note": {"en": "x"}}},
    ],
)
def test_a_source_text_lacking_a_language_is_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="zh and en"):
        check_source(bad, "test")


def test_the_registry_refuses_a_one_language_assumption() -> None:
    document = copy.deepcopy(_read_yaml("parameters.yaml"))
    first = next(p for p in document["parameters"] if "assumption" in p["number_source"])
    first["number_source"] = {"assumption": first["number_source"]["assumption"]["en"]}
    with pytest.raises(ValueError, match="zh and en"):
        _make_registry(document)


def test_reform_sources_are_in_the_language_of_the_page() -> None:
    from explainer.core.reforms import reforms

    for reform in reforms().values():
        for lang in LANGS:
            text = describe_source(reform.source, lang)
            assert not wrong_language(text, lang), (reform.id, lang, text)


@pytest.mark.parametrize("lang", LANGS)
def test_exports_cite_their_sources_in_the_language_of_the_page(lang: str) -> None:
    from explainer.ui.toolbar import parameter_sources, provenance

    cited = provenance("preset=default", lang)["source"]
    assert cited == {"zh": "《财经》E法 2020-08-29", "en": "Caijing E-Law 2020-08-29"}[lang]
    for pid, text in parameter_sources(lang).items():
        # Reference keys (data/sources.yaml) are identifiers, the same in both languages.
        words = re.sub(r"(?<=: )[a-z0-9_]+", "", text)
        assert not wrong_language(words, lang), (pid, text)
