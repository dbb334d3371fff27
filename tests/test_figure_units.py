"""Units in the reader's language (issue 15): the Chinese pages wrote "17,012 h", "42 min"
and "+3.1 pp" in their cards and tables."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from explainer.core.figures import Kind, format_change, format_value
from explainer.core.spec import registry
from explainer.pages import PAGE_IDS, page_spec
from explainer.ui.state import PageState

#: Unit words of the English side: none may appear in a Chinese card.
ENGLISH_UNITS = re.compile(r"(?<![A-Za-z])(h|min|s|pp|vs)(?![A-Za-z])")
VALUES = (0.0, 0.42, 59.6, 95.0, 17012.4)


@pytest.mark.parametrize("kind", get_args(Kind))
def test_chinese_figures_have_chinese_units(kind: str) -> None:
    for value in VALUES:
        for text in (format_value(value, kind, "zh"), format_change(value, kind, "zh")):
            assert not re.search("[A-Za-z]", text), (kind, value, text)


def test_english_units_stay() -> None:
    assert format_value(17012.4, "hours", "en") == "17,012 h"
    assert format_value(17012.4, "hours", "zh") == "17,012 小时"
    assert format_change(0.031, "share", "en") == "+3.1 pp"
    assert format_change(0.031, "share", "zh") == "+3.1 个百分点"
    assert format_value(95, "minutes", "zh") == "1 小时 35 分钟"


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_chinese_cards_have_no_english_unit(page_id: str) -> None:
    """Every page's headline (cards, or the reform page's table) in Chinese: values, labels
    and details carry no English unit word."""
    spec = page_spec(page_id)
    state = PageState(page=page_id, scenario=registry().default(), lang="zh")
    result = spec.compute(state.scenario, dict(state.extras))
    headline = spec.headline(result, state)
    if isinstance(headline, str):
        texts = [re.sub(r"<[^>]+>", " ", headline)]
    else:
        texts = [str(part) for card in headline for part in card[:3]]
    found = [text for text in texts if ENGLISH_UNITS.search(text)]
    assert not found, found
