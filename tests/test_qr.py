"""The scenario link's QR code (explainer.outputs.qr): decodes to the link; hostile links draw
nothing."""

from __future__ import annotations

import base64
import re

import numpy as np
import pytest
import segno
import zxingcpp

from explainer.outputs.qr import MAX_LINK, qr_html, qr_svg, safe_link

LINK = "http://127.0.0.1:8866/voila/render/night.ipynb?lang=zh&preset=article_district&n_apps=8"


def decode(url: str) -> str:
    """Draw ``url``'s code as pixels (8 per module, as segno lays it out) and read it back."""
    code = segno.make_qr(url, error="m", boost_error=False)
    modules = np.array([[0 if dark else 255 for dark in row] for row in code.matrix], np.uint8)
    modules = np.pad(modules, 4, constant_values=255)
    image = np.kron(modules, np.ones((8, 8), np.uint8))
    found = zxingcpp.read_barcodes(image)
    assert found, "no code found"
    return found[0].text


def test_code_decodes_to_the_link() -> None:
    assert decode(LINK) == LINK


def test_html_embeds_the_svg_for_the_link() -> None:
    out = qr_html(LINK, "label <b>", "caption & more")
    payloads = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", out)
    assert len(payloads) == 2  # folded beside "Copy link", and large for presenter mode
    assert base64.b64decode(payloads[0]).decode() == qr_svg(LINK)
    assert "<b>" not in out and "&lt;b&gt;" in out and "caption &amp; more" in out
    assert "<script" not in out


@pytest.mark.parametrize(
    "url",
    [
        "",
        None,
        42,
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "http://",
        "http://host/a b",  # a space: never in a link the browser reports
        "http://host/<script>",
        "http://host/\u4e2d",  # not percent-encoded
        "http://host/\x00",
        "http://host/" + "a" * MAX_LINK,
        "http://[::1/",  # urlsplit raises
    ],
)
def test_hostile_links_draw_nothing(url: object) -> None:
    assert safe_link(url) is None
    assert qr_html(url, "l", "c") == ""


def test_https_and_long_state_accepted() -> None:
    link = "https://example.org/voila/render/unit.ipynb?" + "&".join(f"p{i}=1.5" for i in range(80))
    assert safe_link(link) == link
    assert decode(link) == link
