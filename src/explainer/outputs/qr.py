"""A QR code of the scenario's link, drawn in Python (segno), so a room can open it on phones.

The link comes from the visitor's browser (its own address bar), so it is treated as hostile:
only a short http(s) URL of printable ASCII is drawn; anything else draws nothing. segno
encodes it offline into an SVG, shown as an ``<img>`` with a data: URI (no script, no request).
"""

from __future__ import annotations

import base64
import html
import io
import re
from urllib.parse import urlsplit

#: Longest link drawn. A version-25 code at error level M holds ~1,270 bytes; scenario links
#: are a few hundred characters, and a denser code is hard to scan from the back of a room.
MAX_LINK = 1200
#: The characters a browser leaves unescaped in ``location.href`` (RFC 3986 unreserved and
#: reserved characters, and ``%`` of an escape): no space, quote, angle bracket or non-ASCII.
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def safe_link(url: object) -> str | None:
    """``url`` if it is a plausible page link (http or https, a host, URL characters only,
    short), else None."""
    if not isinstance(url, str) or not url or len(url) > MAX_LINK:
        return None
    if not _URL_CHARS.fullmatch(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as an SVG document (error correction M, 4-module quiet zone)."""
    import segno

    code = segno.make_qr(url, error="m", boost_error=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=4, border=4, xmldecl=False, dark="#000", light="#fff")
    return out.getvalue().decode("ascii")


def qr_html(url: object, label: str, caption: str, button: str = "QR") -> str:
    """The QR code of ``url`` twice: folded behind a small "QR" button (beside "Copy link"),
    and large for presenter mode (the stylesheet shows one or the other). Empty if the link
    is not safe to draw."""
    link = safe_link(url)
    if link is None:
        return ""
    payload = base64.b64encode(qr_svg(link).encode("ascii")).decode("ascii")
    figure = (
        f"<img src='data:image/svg+xml;base64,{payload}' alt='{html.escape(label, quote=True)}'>"
        f"<figcaption>{html.escape(caption)}</figcaption>"
    )
    return (
        f"<details class='explainer-qr-fold'><summary title='{html.escape(label, quote=True)}'>"
        f"{html.escape(button)}</summary><figure class='explainer-qr'>{figure}</figure></details>"
        f"<figure class='explainer-qr explainer-qr-presenter'>{figure}</figure>"
    )
