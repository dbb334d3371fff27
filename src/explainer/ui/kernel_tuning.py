"""How a page's kernel process is tuned once its first page is built (issue 14: a slider
change's point update within 100 ms p95 in the browser).

The start-up heap is frozen, once per process, whatever page comes first
(``EXPLAINER_NO_HEAP_FREEZE=1`` turns it off for benchmarks/bench_heap.py). A shorter GIL
switch interval (0.5 ms) was tried here and not kept: it brought a single page's messages
sooner but slowed a room of kernels (docs/deploy.md, "A slider move on the unit page").
"""

from __future__ import annotations

import gc
import os

_heap_frozen = False


def freeze_heap_once() -> None:
    """Exempt what the process holds once its first page is built (the libraries, the
    page's widgets and tables) from Python's full garbage collections, once per process.

    A unit page's process tracks about 161,000 objects; every slider change and every band
    computation allocates thousands more, and every so often the collector's oldest
    generation scans them all: 110-125 ms, twice in 40 unit changes with their bands
    (benchmarks/bench_heap.py), past the 100 ms budget of a change it lands in (issue 14);
    frozen, one pause of 28 ms in the same run. ``gc.freeze`` moves them to
    the permanent generation, which collections skip; what is created afterwards is
    collected as before. The price: garbage among the frozen objects is never reclaimed,
    which is bounded by the first page's start-up.
    """
    global _heap_frozen
    if _heap_frozen or os.environ.get("EXPLAINER_NO_HEAP_FREEZE"):
        return
    _heap_frozen = True
    gc.collect()
    gc.freeze()
