"""The page's URL query, as the kernel sees it.

Under Voila without preheated kernels the query is in ``QUERY_STRING`` when the kernel starts.
A preheated kernel runs the notebook before anyone visits, so the query arrives later, through
Voila's own helper, which waits for the visitor. In plain Jupyter there is no query.
"""

from __future__ import annotations

import os


def page_query() -> str:
    """The query string of the page this kernel serves (``""`` outside Voila)."""
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        from voila.utils import get_query_string

        return get_query_string() or ""
    return os.environ.get("QUERY_STRING", "")
