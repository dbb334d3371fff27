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
- ``unconnected_kernel_timeout``: a visitor's kernel whose page never opened its kernel
  websocket within this many seconds is shut down (issue 11: thirty plain GETs, which any web
  page can make a browser send, took every seat for ten minutes, until the idle cull).
  ``disconnected_kernel_timeout``: the same for a kernel whose page had connected and whose
  last websocket closed without the unload beacon (a crashed tab, a lost network); longer,
  so that a page whose connection comes back within a minute keeps its kernel. Pooled
  kernels are never released this way. The connection count is jupyter_server's own
  (``MappingKernelManager._kernel_connections``, kept by ``notify_connect``/``_disconnect``).

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
from tornado.ioloop import PeriodicCallback
from traitlets import Float, Integer

from explainer.core.paths import register_template

# Voila imports this module while it reads voila.json (multi_kernel_manager_class), before
# it looks for the page template: tell it where the checkout's template is (issue 17).
register_template()

__all__ = ["FULL_MESSAGE", "WorkshopKernelManager"]

FULL_MESSAGE = "all seats are taken: every kernel this server may run is in use"


class WorkshopSettings(AsyncMappingKernelManager):
    """The settings of :class:`WorkshopKernelManager` (set as ``WorkshopKernelManager.<name>``
    in the Voila config: traitlets reads a class's settings under its subclasses' names)."""

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
    unconnected_kernel_timeout = Float(
        60,
        config=True,
        help="Seconds a visitor's kernel may wait for its page to open the kernel websocket "
        "before it is shut down; 0: never.",
    )
    disconnected_kernel_timeout = Float(
        120,
        config=True,
        help="Seconds a kernel whose page had connected may stay without any websocket (a "
        "tab closed without its unload beacon) before it is shut down; 0: never.",
    )
    connection_check_interval = Float(
        5, config=True, help="Seconds between two checks of kernels without a websocket."
    )


class WorkshopKernelManager(WorkshopSettings):
    """A mapping kernel manager with a kernel cap and a throttled pool refill."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._starting = 0  # starts under way (not yet in self._kernels)
        self._prerunning = 0  # pooled kernels starting or pre-running their notebook
        self._deferred: set[str] = set()  # notebooks whose pool refill waits for room
        self._evicting = False
        self._background: set[asyncio.Future] = set()
        self._last_refill = 0.0  # when a pool refill was last asked for
        self._pool_task_of: dict[str, asyncio.Task] = {}  # pooled kernel -> its pool task
        self._unconnected_since: dict[str, float] = {}  # visitor kernel -> seen without socket
        self._ever_connected: set[str] = set()
        self._connection_checker: PeriodicCallback | None = None

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
        self._start_connection_checker()
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
        self._pool_task_of[kernel_id] = task
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

    # ------------------------------------------------------------------ pages without a socket
    def _start_connection_checker(self) -> None:
        timeouts = (self.unconnected_kernel_timeout, self.disconnected_kernel_timeout)
        if self._connection_checker is not None or max(timeouts) <= 0:
            return
        self._connection_checker = PeriodicCallback(
            self.release_unconnected_kernels, 1000 * self.connection_check_interval
        )
        self._connection_checker.start()

    def _waits_in_pool(self, kernel_id: str) -> bool:
        task = self._pool_task_of.get(kernel_id)
        return task is not None and self._in_pool(task)

    def kernels_without_page(self, now: float | None = None) -> list[tuple[str, str]]:
        """Visitors' kernels to release now: ``(kernel_id, "unconnected" | "disconnected")``.

        Bookkeeping too: a kernel seen without a websocket starts its clock here, once it is
        idle (while it starts or runs the notebook for the page, the page is still being
        sent; on a loaded machine that took longer than a short timeout).
        """
        now = time.monotonic() if now is None else now
        due = []
        for kernel_id in list(self._kernels):
            if self._waits_in_pool(kernel_id):
                self._unconnected_since.pop(kernel_id, None)
                continue
            if self._kernel_connections.get(kernel_id, 0) > 0:
                self._ever_connected.add(kernel_id)
                self._unconnected_since.pop(kernel_id, None)
                continue
            state = getattr(self._kernels[kernel_id], "execution_state", "idle")
            if state in ("starting", "busy"):  # still starting, or running the page's cells:
                self._unconnected_since[kernel_id] = now  # the page is not sent yet
                continue
            since = self._unconnected_since.setdefault(kernel_id, now)
            kind = "disconnected" if kernel_id in self._ever_connected else "unconnected"
            limit = getattr(self, f"{kind}_kernel_timeout")
            if limit > 0 and now - since >= limit:
                due.append((kernel_id, kind))
        for gone in set(self._unconnected_since) - set(self._kernels):
            self._unconnected_since.pop(gone, None)
        return due

    async def release_unconnected_kernels(self) -> None:
        """Shut down visitors' kernels whose page never connected, or is gone."""
        for kernel_id, kind in self.kernels_without_page():
            self._unconnected_since.pop(kernel_id, None)
            if kind == "unconnected":
                self.log.warning(
                    "kernel %s released: its page did not open the kernel websocket within "
                    "%g s (unconnected_kernel_timeout)",
                    kernel_id,
                    self.unconnected_kernel_timeout,
                )
            else:
                self.log.warning(
                    "kernel %s released: no websocket for %g s (disconnected_kernel_timeout)",
                    kernel_id,
                    self.disconnected_kernel_timeout,
                )
            try:
                await self.shutdown_kernel(kernel_id, now=True)
            except Exception:  # already gone (the unload beacon won the race)
                self.log.debug("kernel %s was already gone", kernel_id, exc_info=True)

    def notify_connect(self, kernel_id: str) -> None:
        """jupyter_server's count of a kernel's websockets, plus: this page did connect."""
        super().notify_connect(kernel_id)
        self._ever_connected.add(kernel_id)

    # ------------------------------------------------------------------ stop
    async def shutdown_kernel(self, kernel_id: str, *args: Any, **kwargs: Any) -> None:
        try:
            await super().shutdown_kernel(kernel_id, *args, **kwargs)
        finally:
            self._pool_task_of.pop(kernel_id, None)
            self._ever_connected.discard(kernel_id)
            self._unconnected_since.pop(kernel_id, None)
            self._refill_deferred()
