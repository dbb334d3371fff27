"""Reading a chart's title as Vega draws it (issue 15).

A title too wide for a 360 px phone is a list of lines (explainer.charts.common.responsive);
Vega draws each line as a ``<tspan>`` and trims it, so the title's ``textContent`` has no
space where a line ends. A title is compared with the whitespace taken out.
"""

from __future__ import annotations

from e2e_support import ACTION_TIMEOUT_MS


def wait_for_title(page, selector: str, text: str, timeout=None) -> None:
    """Wait until the first match of ``selector`` (a chart's ``.role-title-text``) shows the
    title ``text``, however it is broken into lines."""
    page.wait_for_function(
        """([selector, text]) => {
            const el = document.querySelector(selector);
            return el !== null &&
                el.textContent.replace(/\\s+/g, "") === text.replace(/\\s+/g, "");
        }""",
        arg=[selector, text],
        timeout=timeout or ACTION_TIMEOUT_MS,
    )
