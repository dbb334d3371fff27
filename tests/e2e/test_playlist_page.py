"""Presenting from a playlist (issue 18), in headless Chromium against a real Voila.

A playlist loads from a link and from a file; ← / → step through it in presenter mode; the
notes window (a second browser window) follows; "back to the step" restores a slider the room
moved; a malformed playlist is refused with a message naming its line; a step on another page
opens that page. Screenshots of presenter mode and of the notes window go to
tests/e2e/artifacts/screens.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from e2e_support import (
    ARTIFACTS,
    PAGE_TIMEOUT_MS,
    assert_no_error_text,
    locale_text,
    wait_for_text,
    wait_for_visible_or_error,
)

from explainer.playlist import ready_made

NIGHT = "/voila/render/night.ipynb"
HANDLE = ".explainer-param-n_apps .noUi-handle"
HEADLINE = ".explainer-headline"
COUNTER = ".explainer-playlist-counter"
STEP_BOX = ".explainer-playlist-step"
PLAYLIST_MESSAGE = ".explainer-playlist-message"
PRESENTER = ".explainer-presenter-toggle"
SHOTS = ARTIFACTS / "screens"


def counter(n: int, total: int, lang: str = "zh") -> str:
    return locale_text("playlist_counter", lang).format(n=n, total=total)


def step_title(pid: str, n: int, lang: str = "zh") -> str:
    return ready_made()[pid].steps[n - 1].title(lang)


def open_page(page, base_url: str, path: str = NIGHT, query: str = "") -> None:
    page.goto(f"{base_url}{path}{query}", wait_until="domcontentloaded")
    wait_for_visible_or_error(page, HEADLINE, PAGE_TIMEOUT_MS)


def press(page, key: str) -> None:
    """A key pressed with the focus on the page itself (not on a control)."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.keyboard.press(key)


def open_notes(page):
    """The speaker notes in a second window, as the presenter opens them."""
    with page.context.expect_page() as popup:
        page.locator(".explainer-notes-open").click()
    notes = popup.value
    notes.wait_for_load_state("domcontentloaded")
    return notes


def test_a_link_loads_keys_step_and_the_notes_window_follows(page, base_url):
    open_page(page, base_url, query="?playlist=one-night&step=1")
    wait_for_text(page, COUNTER, counter(1, 7))
    assert page.locator(".explainer-presenter").count() == 1, "presenter mode is not on"
    notes = open_notes(page)
    wait_for_text(notes, "#title", step_title("one-night", 1))
    assert "60" in notes.inner_text("#figures")

    press(page, "ArrowRight")
    wait_for_text(page, COUNTER, counter(2, 7))
    wait_for_text(notes, "#title", step_title("one-night", 2))
    wait_for_text(page, STEP_BOX, step_title("one-night", 2), exact=False)
    press(page, "ArrowLeft")
    wait_for_text(page, COUNTER, counter(1, 7))
    wait_for_text(notes, "#title", step_title("one-night", 1))

    notes.locator("#next").click()  # the notes window steps the page too
    wait_for_text(page, COUNTER, counter(2, 7))
    page.locator(".explainer-playlist-next").click()
    wait_for_text(page, COUNTER, counter(3, 7))
    wait_for_text(notes, "#title", step_title("one-night", 3))
    assert_no_error_text(page)
    notes.close()


def test_back_to_the_step_restores_a_moved_slider(page, base_url):
    open_page(page, base_url, query="?playlist=one-night&step=1")
    wait_for_text(page, COUNTER, counter(1, 7))
    page.locator(PRESENTER).click()  # controls show again
    handle = page.locator(HANDLE)
    handle.wait_for(state="visible")
    assert (
        handle.get_attribute("aria-valuenow") == "8.0"
        or float(handle.get_attribute("aria-valuenow")) == 8
    )
    handle.focus()
    handle.press("ArrowRight")  # on a slider, the arrow moves the slider, not the playlist
    page.wait_for_function(
        "h => Number(document.querySelector(h).getAttribute('aria-valuenow')) === 9", arg=HANDLE
    )
    assert page.inner_text(COUNTER).strip() == counter(1, 7)
    page.locator(".explainer-playlist-back").click()
    page.wait_for_function(
        "h => Number(document.querySelector(h).getAttribute('aria-valuenow')) === 8", arg=HANDLE
    )


def test_a_file_loads_and_a_malformed_one_names_its_line(page, base_url, tmp_path: Path):
    open_page(page, base_url)
    good = tmp_path / "mine.yaml"
    good.write_text(
        "explainer_playlist: 1\nid: mine\ntitle: {zh: 我的, en: Mine}\nsteps:\n"
        "  - {page: night, preset: wang_yiqi, title: 第一步, question: 为什么？, notes: 讲稿}\n"
        "  - {page: night, preset: li_yi, title: 第二步, question: 为什么？, notes: 讲稿}\n",
        encoding="utf-8",
    )
    with page.expect_file_chooser() as chooser:
        page.locator(".explainer-playlist-load button").click()
    chooser.value.set_files(str(good))
    wait_for_text(page, COUNTER, counter(1, 2))
    wait_for_text(page, STEP_BOX, "第一步", exact=False)

    page.locator(PRESENTER).click()  # presenter off: the load button shows again
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "explainer_playlist: 1\ntitle: x\nsteps:\n  - page: nigth\n    title: t\n",
        encoding="utf-8",
    )
    with page.expect_file_chooser() as chooser:  # the scenario button takes playlists too
        page.locator(".explainer-import button").click()
    chooser.value.set_files(str(bad))
    message = page.locator(PLAYLIST_MESSAGE)
    wait_for_text(page, PLAYLIST_MESSAGE, "第 4 行", exact=False)
    assert "nigth" in message.inner_text()
    assert page.inner_text(COUNTER).strip() == counter(1, 2), "the loaded playlist was lost"
    assert_no_error_text(page)


def test_a_step_on_another_page_opens_it(page, base_url):
    open_page(page, base_url, "/voila/render/reforms.ipynb", "?playlist=what-reform-changes&step=6")
    wait_for_text(page, COUNTER, counter(6, 8))
    with page.expect_navigation(timeout=PAGE_TIMEOUT_MS):
        press(page, "ArrowRight")
    assert "/fit.ipynb?playlist=what-reform-changes&step=7" in page.url
    wait_for_visible_or_error(page, HEADLINE, PAGE_TIMEOUT_MS)
    wait_for_text(page, COUNTER, counter(7, 8), timeout=PAGE_TIMEOUT_MS)
    wait_for_text(page, STEP_BOX, step_title("what-reform-changes", 7), exact=False)


def test_screenshots_of_presenter_mode_and_notes(page, base_url):
    SHOTS.mkdir(parents=True, exist_ok=True)
    open_page(page, base_url, query="?playlist=one-night&step=2")
    wait_for_text(page, COUNTER, counter(2, 7))
    page.locator(".explainer-chart-timeline svg.marks").first.wait_for(state="visible")
    for width, height in ((1280, 720), (1920, 1080)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(800)
        page.screenshot(path=str(SHOTS / f"playlist-presenter-{width}x{height}.png"))
    notes = open_notes(page)
    notes.set_viewport_size({"width": 960, "height": 720})
    wait_for_text(notes, "#title", step_title("one-night", 2))
    notes.screenshot(path=str(SHOTS / "playlist-notes-960x720.png"))


def test_the_booklet_downloads_and_prints_one_step_per_page(page, base_url, tmp_path: Path):
    """The stepper's "Booklet" button saves the session's handouts; Chromium prints them with
    one step per page (pages counted in the PDF with pypdf)."""
    from pypdf import PdfReader

    open_page(page, base_url, query="?playlist=one-night&step=1")
    wait_for_text(page, COUNTER, counter(1, 7))
    page.locator(PRESENTER).click()  # the handout buttons sit under the stepper, not projected
    with page.expect_download(timeout=PAGE_TIMEOUT_MS * 2) as download:
        page.locator(".explainer-playlist-booklet").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "explainer-one-night-booklet-zh.html"
    printer = page.context.new_page()
    printer.set_content(saved.read_text(encoding="utf-8"))  # self-contained: nothing fetched
    pdf = tmp_path / "booklet.pdf"
    printer.pdf(path=str(pdf), format="A4", print_background=True)
    printer.close()
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 7
    for n, sheet in enumerate(reader.pages, start=1):
        text = "".join(unicodedata.normalize("NFKC", sheet.extract_text()).split())
        expected = unicodedata.normalize("NFKC", f"第{n}步，共7步")
        assert expected in text, f"page {n} is not step {n}: {text[:80]!r}"
