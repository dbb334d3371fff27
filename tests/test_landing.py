"""The landing page template is generated from the strings files and kept up to date."""

import html

from explainer.core.i18n import t
from explainer.serving.landing import PAGES, render, template_file


def test_checked_in_landing_page_is_up_to_date() -> None:
    committed = template_file().read_text(encoding="utf-8")
    assert committed == render(), "run: python -m explainer.serving.landing"


def test_landing_page_links_every_dashboard_in_both_languages() -> None:
    text = render()
    for lang in ("zh", "en"):
        assert html.escape(t("landing_title", lang)) in text
        for page in PAGES:
            assert f"voila/render/{page}.ipynb?lang={lang}" in text
