"""The page-life banner's strings in the template equal those in data/locales/.

The banner is drawn by JavaScript in the page template (it must work when the kernel is
gone, so the kernel cannot send its text); the translations live in data/locales/*.yaml
like every other string, and this test keeps the two copies equal.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
TEMPLATE = REPO / "share" / "jupyter" / "voila" / "templates" / "explainer" / "index.html.j2"
KEYS = ("lost", "gone", "reload")


def template_texts(lang: str) -> dict[str, str]:
    """The ``TEXT.<lang>`` object of the template's page-life script."""
    source = TEMPLATE.read_text(encoding="utf-8")
    match = re.search(rf"\n\s*{lang}: \{{(.*?)\n\s*\}}", source, re.S)
    assert match, f"no {lang} block in the page-life script"
    return {
        key: json.loads(value)
        for key, value in re.findall(r'(\w+): ("(?:[^"\\]|\\.)*")', match.group(1))
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_banner_strings_match_locales(lang: str) -> None:
    locale = yaml.safe_load((REPO / "data" / "locales" / f"{lang}.yaml").read_text("utf-8"))
    assert template_texts(lang) == {key: locale[f"page_life_{key}"] for key in KEYS}
