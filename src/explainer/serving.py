"""Voila's kernel manager with a cap on live kernels and a pool refill that yields to visitors.

Voila starts one kernel per visitor. Named in the Voila config
(``VoilaConfiguration.multi_kernel_manager_class``), :class:`WorkshopKernelManager` adds:

- ``max_kernels``: a cap on live kernels, visitors' and pooled ones together (0: no cap). A
  visitor who needs a new kernel at the cap first takes the place of an unused pooled kernel
  (of any notebook: those are cheap to make again); when none is left, the page answers
  ``503`` and the template's ``503.html`` asks the visitor, in both languages, to wait a
  minute (the page retries by itself). Pool refills at the cap wait until a kernel stops.
- ``max_concurrent_pool_starts``: how many pooled kernels may start and pre-run their notebook
  at once while visitors are being served (0: no limit); ``pool_starts_when_idle`` while no
  one is. After a burst of visitors Voila refills its pools; one refill at a time leaves the
  other core to the pages being served. A refill counts as done when its kernel waits for a
  visitor's query string (``voila.utils.get_query_string``), goes idle, stops, or after
  ``pool_start_timeout`` seconds.
- ``refill_quiet_period``: refills wait until the burst is over (no refill asked for that
  many seconds). Unlike Voila's own ``fill_delay``, a visitor who takes such a waiting refill
  from the pool gets its kernel started at once instead of waiting out the delay.

Voila builds its pooling manager on top of the configured class (``VoilaKernelManager`` from
``voila.voila_kernel_manager_factory`` subclasses this one), so this class only sees
``start_kernel`` and ``shutdown_kernel`` calls, and reads Voila's pools (``self._pools``,
lists of tasks) where they exist. Tested against voila 0.5.13 (tests/e2e/test_serving.py;
benchmarks/bench_load.py runs it under a workshop's burst).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Float, Integer

from explainer.paths import register_template

# Voila imports this module while it reads voila.json (multi_kernel_manager_class), before
# it looks for the page template: tell it where the checkout's template is (issue 17).
register_template()

__all__ = ["FULL_MESSAGE", "WorkshopKernelManager"]

FULL_MESSAGE = "all seats are taken: every kernel this server may run is in use"


class WorkshopKernelManager(AsyncMappingKernelManager):
    """A mapping kernel manager with a kernel cap and a throttled pool refill."""

    max_kernels = Integer(
        0, config=True, help="Most live kernels, visitors' and pooled together; 0: no cap."
    )
    max_concurrent_pool_starts = Integer(
        0, config=True, help="Pooled kernels that may start and pre-run at once; 0: no limit."
    )
    pool_starts_when_idle = Integer(
        2,
        config=True,
        help="Pooled kernels that may start at once while no visitor has a kernel (filling "
        "the pools before a workshop); 0: no limit.",
    )
    refill_quiet_period = Float(
        0,
        config=True,
        help="While visitors are served, pool refills wait until no refill was asked for this "
        "many seconds (a burst is served first). A visitor who takes a waiting refill gets "
        "its kernel started at once.",
    )
    pool_start_timeout = Float(
        60, config=True, help="Seconds after which a pooled start counts as done regardless."
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._starting = 0  # starts under way (not yet in self._kernels)
        self._prerunning = 0  # pooled kernels starting or pre-running their notebook
        self._deferred: set[str] = set()  # notebooks whose pool refill waits for room
        self._evicting = False
        self._background: set[asyncio.Future] = set()
        self._last_refill = 0.0  # when a pool refill was last asked for

    # ------------------------------------------------------------------ accounting
    def live_kernels(self) -> int:
        """Kernels running or starting."""
        return len(self._kernels) + self._starting

    def _room(self) -> bool:
        return not self.max_kernels or self.live_kernels() < self.max_kernels

    def _pools_or_empty(self) -> dict[str, list[asyncio.Task]]:
        return getattr(self, "_pools", {})  # Voila's pools exist only when it preheats

    # ------------------------------------------------------------------ start
    async def start_kernel(self, *, kernel_id: str | None = None, **kwargs: Any) -> str:
        if kernel_id is not None and kernel_id in self:
            return await super().start_kernel(kernel_id=kernel_id, **kwargs)
        pooled = (kwargs.get("env") or {}).get("VOILA_PREHEAT") == "True"
        if pooled and self._in_pool(asyncio.current_task()):
            return await self._start_pooled(kernel_id=kernel_id, **kwargs)
        return await self._start_for_visitor(kernel_id=kernel_id, **kwargs)

    async def _start_for_visitor(self, **kwargs: Any) -> str:
        """A kernel for a page being served: made for it, or a pool task a visitor took."""
        if not self._room():
            await self._evict_pooled_kernel()
        if not self._room():
            self.log.warning("kernel cap of %d reached: a visitor is turned away", self.max_kernels)
            raise web.HTTPError(503, FULL_MESSAGE, reason="Service Unavailable")
        return await self._start(**kwargs)

    async def _start(self, **kwargs: Any) -> str:
        self._starting += 1
        try:
            return await super().start_kernel(**kwargs)
        finally:
            self._starting -= 1

    async def _start_pooled(self, **kwargs: Any) -> str:
        """Start a kernel for a pool: one at a time (if so configured), and only below the cap."""
        task = asyncio.current_task()
        self._last_refill = time.monotonic()
        while self._in_pool(task) and (
            self._prerunning >= self._pool_start_limit() > 0 or self._burst_going_on()
        ):
            await asyncio.sleep(0.1)
        if not self._in_pool(task):  # a visitor took this task while it waited
            return await self._start_for_visitor(**kwargs)
        if not self._room():
            raise self._defer_refill(task)
        self._prerunning += 1
        try:
            kernel_id = await self._start(**kwargs)
        except BaseException:
            self._prerunning -= 1
            raise
        watch = asyncio.ensure_future(self._count_until_prerun(kernel_id))
        self._background.add(watch)
        watch.add_done_callback(self._background.discard)
        return kernel_id

    def _serving(self) -> bool:
        """Whether any kernel serves a visitor (is not waiting in a pool)."""
        pooled = sum(t.done() for pool in self._pools_or_empty().values() for t in pool)
        return len(self._kernels) - pooled > 0

    def _pool_start_limit(self) -> int:
        """How many pooled kernels may pre-run at once now (0: any number)."""
        if self.max_concurrent_pool_starts <= 0:
            return 0
        if self._serving():  # leave the visitors the CPU
            return self.max_concurrent_pool_starts
        return self.pool_starts_when_idle

    def _burst_going_on(self) -> bool:
        quiet = time.monotonic() - self._last_refill
        return quiet < self.refill_quiet_period and self._serving()

    def _in_pool(self, task: asyncio.Task | None) -> bool:
        return task is not None and any(task in pool for pool in self._pools_or_empty().values())

    async def _count_until_prerun(self, kernel_id: str) -> None:
        """Count the pooled kernel as pre-running until it waits, idles or stops."""
        from voila.request_info_handler import RequestInfoSocketHandler

        deadline = time.monotonic() + self.pool_start_timeout
        seen_busy = False
        try:
            while time.monotonic() < deadline:
                await asyncio.sleep(0.2)
                if kernel_id not in self or kernel_id in RequestInfoSocketHandler._waiters:
                    return  # stopped, or waiting for a visitor's query string
                state = getattr(self._kernels[kernel_id], "execution_state", "")
                seen_busy = seen_busy or state == "busy"
                if seen_busy and state == "idle":
                    return  # the notebook ran to its end
        finally:
            self._prerunning -= 1

    # ------------------------------------------------------------------ at the cap
    def _defer_refill(self, task: asyncio.Task) -> Exception:
        """Take ``task`` out of its pool; refill that pool when a kernel stops."""
        for name, pool in self._pools_or_empty().items():
            if task in pool:
                pool.remove(task)
                self._deferred.add(name)
                # Nobody awaits this task any more: fetch its exception to keep logs clean.
                task.add_done_callback(lambda t: t.cancelled() or t.exception())
                self.log.info("kernel cap reached: refilling the %s pool waits", name)
        return RuntimeError("kernel cap reached; pool refill deferred")

    async def _evict_pooled_kernel(self) -> bool:
        """Shut down one unused pooled kernel, from the largest pool, pre-run ones first."""
        from voila.request_info_handler import RequestInfoSocketHandler

        candidates = [
            (kernel_id not in RequestInfoSocketHandler._waiters, -len(pool), name, task)
            for name, pool in self._pools_or_empty().items()
            for task in pool
            if task.done() and not task.cancelled() and task.exception() is None
            for kernel_id in [task.result()["kernel_id"]]
        ]
        if not candidates:
            return False
        _, _, name, task = min(candidates, key=lambda c: c[:3])
        self._pools_or_empty()[name].remove(task)
        self._deferred.add(name)
        self.log.info("kernel cap reached: a pooled kernel of %s makes room", name)
        # Voila's pre-run of that kernel then logs "Kernel died" with a traceback: expected.
        self._evicting = True
        try:
            await self.shutdown_kernel(task.result()["kernel_id"], now=True)
        finally:
            self._evicting = False
        return True

    def _refill_deferred(self) -> None:
        fill = getattr(self, "fill_if_needed", None)  # Voila's refill, after its fill_delay
        if fill is None or self._evicting or not self._room():
            return
        names, self._deferred = sorted(self._deferred), set()
        for name in names:
            fill(notebook_name=name)

    # ------------------------------------------------------------------ stop
    async def shutdown_kernel(self, kernel_id: str, *args: Any, **kwargs: Any) -> None:
        try:
            await super().shutdown_kernel(kernel_id, *args, **kwargs)
        finally:
            self._refill_deferred()
