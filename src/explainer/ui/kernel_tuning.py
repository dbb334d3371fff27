"""How a page's kernel process is tuned once its first page is built (issue 14: a slider
change's point update within 100 ms p95 in the browser).

Two settings of the Python process, each measured with a benchmark that turns it off
through an environment variable:

* the start-up heap is frozen (``EXPLAINER_NO_HEAP_FREEZE=1`` turns it off;
  benchmarks/bench_heap.py);
* the interpreter hands the GIL to a waiting thread after 0.5 ms instead of 5 ms
  (``EXPLAINER_NO_SWITCH_INTERVAL=1`` turns it off; benchmarks/bench_transport.py).

Both are process-wide and set once per process, whatever page comes first.
"""

from __future__ import annotations

import gc
import os
import sys

#: Seconds a thread holding the GIL runs before it hands it to a waiting thread (CPython's
#: default is 0.005). See :func:`shorten_switch_interval_once`.
SWITCH_INTERVAL_S = 0.0005

_heap_frozen = False
_switch_set = False


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


def shorten_switch_interval_once() -> None:
    """Let the kernel's message thread send sooner while the page's update is computed.

    ipykernel sends every message to the page from its IOPub thread; the kernel's main
    thread, meanwhile, builds the next chart and holds the GIL; CPython lets a waiting
    thread ask for the GIL only after the switch interval (5 ms by default), so the cards and
    the first chart left the kernel late and in bursts. At 0.5 ms, on the unit page
    (benchmarks/bench_transport.py, 4 rounds of 40 changes, the two settings alternating):
    the median time from a message's creation in the kernel to the page fell from
    17-21 ms to 9-16 ms (0.5-0.75x), and the first chart's median was lower in 3 of 4
    rounds (48-60 ms against 56-61 ms). Its p95 did not move consistently (0.74-1.18x):
    on this 2-core machine Chromium, Voila and the kernel share the cores, and a Chromium
    trace shows the page idle while late messages are still on their way. Only the
    kernel's few threads share the GIL, so the extra switches cost little.
    """
    global _switch_set
    if _switch_set or os.environ.get("EXPLAINER_NO_SWITCH_INTERVAL"):
        return
    _switch_set = True
    sys.setswitchinterval(SWITCH_INTERVAL_S)
