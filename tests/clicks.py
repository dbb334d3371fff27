"""A click on an on-click download button, kernel side (explainer.ui.download_button).

The browser sends ``{"kind": "make", "file": <name>}``; the widget answers with the file's name
and its bytes in one buffer, which the browser saves as they are. :func:`click_download` sends
that message and returns what the browser would save.
"""

from __future__ import annotations

from typing import Any


def widget_replies(widget: Any, content: Any) -> list[tuple[dict[str, Any], list[Any] | None]]:
    """What ``widget`` sends back when the browser sends it ``content``."""
    sent: list[tuple[dict[str, Any], list[Any] | None]] = []
    widget.send = lambda reply, buffers=None: sent.append((reply, buffers))
    try:
        widget._on_message(widget, content, [])
    finally:
        del widget.send
    return sent


def click_download(widget: Any, name: str) -> tuple[str, bytes]:
    """The file a click on the button of file ``name`` saves: ``(filename, bytes)``."""
    sent = widget_replies(widget, {"kind": "make", "file": name})
    assert len(sent) == 1, sent
    reply, buffers = sent[0]
    assert reply["kind"] == "file" and reply["file"] == name, reply
    assert buffers is not None and len(buffers) == 1
    return reply["name"], bytes(buffers[0])
