"""The dashboards as Binder and JupyterHub serve them: Voila as a Jupyter server extension.

Binder runs the repository's ``start`` script in front of the server; ``start`` puts the
project's template on ``JUPYTER_PATH`` and ``config/binder/`` (root folder: notebooks/) on
``JUPYTER_CONFIG_PATH``. A hub user's server gets ``config/jupyterhub/`` the same way
(config/jupyterhub/explainer.py). Both open ``/voila/tree`` (docs/deploy.md): it must be the
bilingual landing page, its links must open working dashboards, URL state must reach a kernel
that is not preheated (no pools in extension mode), and nothing may come from a CDN. A
``?theme=`` link must not run a script there either (issue 11: on these servers the visitor
is logged in, so a script could start a kernel and run code as them).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from e2e_support import (
    ARTIFACTS,
    PAGE_TIMEOUT_MS,
    BinderServer,
    HubUserServer,
    assert_no_error_text,
    locale_text,
    wait_for_visible_or_error,
)

HANDLE = ".explainer-param-n_apps .noUi-handle"


@pytest.fixture(scope="module", params=["binder", "hub"])
def binder(request):
    kind = {"binder": BinderServer, "hub": HubUserServer}[request.param]
    server = kind(log_path=ARTIFACTS / f"{request.param}-server.log")
    try:
        server.start(ready_timeout=120)
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    assert not server.stop(grace=20), "the Jupyter server had to be killed"


def test_the_launch_link_opens_the_landing_page_and_its_links_work(page, binder) -> None:
    page.goto(f"{binder.base_url}/voila/tree", wait_until="domcontentloaded")
    link = page.get_by_role("link", name=locale_text("nav_night", "en"))
    assert link.count() == 1, page.content()[:2000]
    link.click()
    wait_for_visible_or_error(page, HANDLE, PAGE_TIMEOUT_MS)
    assert page.url.endswith("/voila/render/night.ipynb?lang=en")
    page.get_by_text(locale_text("app_title", "en")).first.wait_for(state="visible")
    assert_no_error_text(page)


def test_url_state_reaches_a_kernel_that_is_not_preheated(page, binder) -> None:
    page.goto(
        f"{binder.base_url}/voila/render/night.ipynb?n_apps=3&lang=en",
        wait_until="domcontentloaded",
    )
    wait_for_visible_or_error(page, HANDLE, PAGE_TIMEOUT_MS)
    assert page.locator(HANDLE).get_attribute("aria-valuenow") == "3.0"
    assert_no_error_text(page)


def test_a_theme_or_template_in_the_url_runs_no_script(page, binder) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    payload = quote('"><script>window.__pwned=1;alert(1)</script>', safe="")
    page.goto(
        f"{binder.base_url}/voila/render/night.ipynb?theme={payload}&template={payload}&lang=en",
        wait_until="domcontentloaded",
    )
    wait_for_visible_or_error(page, HANDLE, PAGE_TIMEOUT_MS)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None and not dialogs, dialogs
    assert "<script>window.__pwned" not in page.content()
