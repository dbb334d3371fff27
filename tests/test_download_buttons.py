"""The page's downloads are made when clicked, never on a change (issues 14 and 15).

CSV, YAML and JSON were data: links rebuilt on every slider move and again when a range band
arrived (25-86 kB of HTML each time); now they are buttons whose file the kernel makes on a
click (explainer.ui.download_button). benchmarks/bench_refresh.py measures the time and bytes
saved; these check that nothing is made or sent before a click, that a click gives the page's
current state, and that the browser's message is only ever "which file".
"""

from __future__ import annotations

import logging

import pytest
import traitlets
import yaml
from clicks import click_download, widget_replies

from explainer.core.i18n import t
from explainer.ui import exports
from explainer.ui.night import NightDashboard


def test_a_change_and_a_band_make_and_send_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Old code: every refresh and every band arrival built all three files and sent them."""
    page = NightDashboard("en")
    made: list[str] = []
    for name in ("figures_csv", "export_document"):
        real = getattr(exports, name)
        monkeypatch.setattr(
            exports, name, lambda *a, _real=real, _name=name: made.append(_name) or _real(*a)
        )
    sent: list[str] = []
    page.exports.observe(lambda change: sent.append(change["name"]), names=traitlets.All)
    page._on_control("n_apps", 5)
    page.bands.run_now()
    page._on_control("n_apps", 6)
    assert made == [] and sent == []
    name, data = click_download(page.exports, "yaml")
    assert made == ["export_document"] and name == "explainer-night.yaml"
    assert yaml.safe_load(data)["parameters"]["n_apps"] == 6  # the state shown at the click


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_buttons_keep_their_classes_labels_and_hint(lang: str) -> None:
    page = NightDashboard(lang)
    buttons = {b["file"]: b for b in page.exports.buttons}
    assert list(buttons) == ["csv", "yaml", "json"]
    for ext in buttons:
        assert buttons[ext]["css"] == f"explainer-export-{ext}"
        assert buttons[ext]["label"] == t(f"export_{ext}", lang)
    assert page.exports.prefix == t("downloads", lang)
    assert page.exports.hint == t("export_charts_hint", lang)
    assert "explainer-exports" in page.exports._dom_classes
    page.apply_query("lang=" + ("zh" if lang == "en" else "en"))
    assert page.exports.label_of("csv") != t("export_csv", lang)  # relabelled


def test_each_button_saves_the_pages_file_byte_for_byte() -> None:
    page = NightDashboard("zh")
    page.apply_query("preset=li_yi&n_apps=10&lang=zh")
    for ext in ("csv", "yaml", "json"):
        filename, text = exports.make_export(
            ext, page.page, page.article_figures, page.state, page.result
        )
        assert click_download(page.exports, ext) == (filename, text.encode("utf-8"))
        assert filename == f"explainer-night.{ext}"


@pytest.mark.parametrize(
    "message",
    [
        {"kind": "make", "file": "pdf"},
        {"kind": "make", "file": "CSV"},
        {"kind": "make", "file": "brief"},  # another widget's file
        {"kind": "make", "file": None},
        {"kind": "make", "file": {"csv": 1}},
        {"kind": "save", "file": "csv"},
        {"file": "csv"},
        [{"kind": "make", "file": "csv"}],
        b"csv",
    ],
)
def test_a_message_that_is_not_one_of_the_files_is_ignored(message: object) -> None:
    page = NightDashboard("en")
    assert widget_replies(page.exports, message) == []


def test_a_failure_says_so_without_pythons_text(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    page = NightDashboard("en")

    def broken(*_: object) -> str:
        raise RuntimeError("secret path /etc/passwd")

    monkeypatch.setattr(exports, "figures_csv", broken)
    with caplog.at_level(logging.ERROR):
        replies = widget_replies(page.exports, {"kind": "make", "file": "csv"})
    assert replies == [({"kind": "error", "file": "csv"}, None)]
    assert "secret" not in page.exports.failed_label
    assert page.exports.failed_label == t("download_failed", "en")
    assert "could not be made" in caplog.text  # the server's log says why
