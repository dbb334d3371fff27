"""The serving configuration as Voila reads it: `make app` and `make workshop`.

`make workshop` runs Voila with ``--Voila.config_file_paths=config/workshop
--Voila.config_file_paths=.``; traitlets merges config/workshop/voila.json over the root
voila.json. These tests let Voila's own application parse the files (no server is started),
so a typo in a class or trait name, or a broken merge, fails here instead of in the room.
The servers themselves are driven in tests/e2e (test_serving.py, test_security.py,
test_binder.py) and benchmarks/bench_load.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from voila.app import Voila

from explainer.serving import WorkshopKernelManager

REPO = Path(__file__).resolve().parents[1]


def voila_config(*extra: str, monkeypatch: pytest.MonkeyPatch) -> Voila:
    monkeypatch.chdir(REPO)  # Voila reads voila.json from the working directory
    app = Voila()
    app.initialize([str(REPO / "notebooks"), "--no-browser", *extra])
    return app


def test_app_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    app = voila_config(monkeypatch=monkeypatch)
    conf = app.voila_configuration
    assert conf.template == "explainer" and conf.preheat_kernel
    assert conf.strip_sources and not conf.show_tracebacks
    assert conf.multi_kernel_manager_class is WorkshopKernelManager
    assert conf.default_pool_size >= 1  # one preheated kernel per dashboard
    assert app.config.VoilaExecutor.iopub_timeout >= 30  # Voila's 4 s lost widgets in a burst
    assert app.config.WorkshopKernelManager.max_kernels == 24
    assert app.config.MappingKernelManager.cull_idle_timeout > 0


def test_workshop_mode_overrides_only_what_it_names(monkeypatch: pytest.MonkeyPatch) -> None:
    app = voila_config(
        "--Voila.config_file_paths=config/workshop",
        "--Voila.config_file_paths=.",
        monkeypatch=monkeypatch,
    )
    pools = app.config.VoilaKernelManager.kernel_pools_config
    assert pools["night.ipynb"]["pool_size"] == 40
    cap = app.config.WorkshopKernelManager
    other_pages = len(list((REPO / "notebooks").glob("*.ipynb"))) - 1
    idle = pools["night.ipynb"]["pool_size"] + other_pages * pools["default"]["pool_size"]
    assert idle <= cap.max_kernels  # the full pools fit under the cap before anyone arrives
    assert cap.max_concurrent_pool_starts == 1 and cap.refill_quiet_period > 0
    # Everything else still comes from the root voila.json.
    conf = app.voila_configuration
    assert conf.template == "explainer" and conf.strip_sources and not conf.show_tracebacks
    assert conf.multi_kernel_manager_class is WorkshopKernelManager
    assert app.config.VoilaExecutor.iopub_timeout >= 30


def test_make_workshop_passes_those_config_paths() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("\nworkshop:") :]
    paths = re.findall(r"--Voila\.config_file_paths=(\S+)", recipe)
    assert paths[:2] == ["$(CURDIR)/config/workshop", "$(CURDIR)"]


def test_the_hub_config_serves_like_the_app() -> None:
    """config/jupyterhub/voila.json repeats the root's page settings (no pools there)."""
    root = json.loads((REPO / "voila.json").read_text(encoding="utf-8"))["VoilaConfiguration"]
    hub_file = REPO / "config" / "jupyterhub" / "voila.json"
    hub = json.loads(hub_file.read_text(encoding="utf-8"))["VoilaConfiguration"]
    for key in ("template", "strip_sources", "show_tracebacks", "extension_denylist"):
        assert hub[key] == root[key], key


# ---------------------------------------------------------------------- issue 11
def test_every_config_refuses_theme_and_template_overrides(monkeypatch) -> None:
    """``?theme=`` was written unescaped into the page (voila's default is "YES")."""
    conf = voila_config(monkeypatch=monkeypatch).voila_configuration
    assert conf.allow_theme_override == "NO" and conf.allow_template_override == "NO"
    workshop = voila_config(
        "--Voila.config_file_paths=config/workshop",
        "--Voila.config_file_paths=.",
        monkeypatch=monkeypatch,
    ).voila_configuration
    assert workshop.allow_theme_override == "NO" and workshop.allow_template_override == "NO"
    hub = json.loads((REPO / "config/jupyterhub/voila.json").read_text(encoding="utf-8"))
    assert hub["VoilaConfiguration"]["allow_theme_override"] == "NO"
    assert hub["VoilaConfiguration"]["allow_template_override"] == "NO"


def test_every_config_checks_kernel_websocket_frames(monkeypatch) -> None:
    from explainer.guard import GuardedKernelWebsocketConnection

    app = voila_config(monkeypatch=monkeypatch)
    assert app.kernel_websocket_connection_class is GuardedKernelWebsocketConnection
    hub = json.loads(
        (REPO / "config/jupyterhub/jupyter_server_config.json").read_text(encoding="utf-8")
    )["ServerApp"]
    binder = (REPO / "config/binder/jupyter_server_config.py").read_text(encoding="utf-8")
    name = "explainer.guard.GuardedKernelWebsocketConnection"
    assert hub["kernel_websocket_connection_class"] == name and name in binder
    assert hub["jpserver_extensions"] == {"explainer.guard": True}
    assert 'jpserver_extensions = {"explainer.guard": True}' in binder


def test_make_app_and_workshop_run_the_guarded_server() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("\napp:", "\nworkshop:"):
        recipe = makefile[makefile.index(target) :].split("\n\n", 1)[0]
        assert "-m explainer.serve notebooks" in recipe, target
    assert "bin/voila " not in makefile


class _Task:
    """Stands for a pool task."""


def test_kernels_whose_page_never_connects_are_released_pooled_ones_are_not() -> None:
    manager = WorkshopKernelManager(unconnected_kernel_timeout=60, disconnected_kernel_timeout=120)
    pooled_task = _Task()
    manager._pools = {"night.ipynb": [pooled_task]}
    for kernel_id in ("pooled", "visitor", "connected", "gone-away"):
        manager._kernels[kernel_id] = object()
        manager._kernel_connections[kernel_id] = 0
    manager._pool_task_of["pooled"] = pooled_task
    manager.notify_connect("connected")
    manager.notify_connect("gone-away")
    manager.notify_disconnect("gone-away")
    assert manager.kernels_without_page(now=1000.0) == []  # clocks start
    assert manager.kernels_without_page(now=1059.0) == []
    assert manager.kernels_without_page(now=1060.0) == [("visitor", "unconnected")]
    assert manager.kernels_without_page(now=1120.0) == [
        ("visitor", "unconnected"),
        ("gone-away", "disconnected"),
    ]
    manager._pools["night.ipynb"].remove(pooled_task)  # a visitor took it: its clock starts
    assert ("pooled", "unconnected") not in manager.kernels_without_page(now=1150.0)
    assert ("pooled", "unconnected") in manager.kernels_without_page(now=1210.0)
    busy = type("Kernel", (), {"execution_state": "busy"})()
    manager._kernels["rendering"] = busy  # still running the page's notebook: no clock yet
    manager._kernel_connections["rendering"] = 0
    assert manager.kernels_without_page(now=2000.0)[-1][0] != "rendering"
    busy.execution_state = "idle"
    assert "rendering" not in dict(manager.kernels_without_page(now=2059.0))
    assert dict(manager.kernels_without_page(now=2060.0))["rendering"] == "unconnected"
    off = WorkshopKernelManager(unconnected_kernel_timeout=0, disconnected_kernel_timeout=0)
    off._kernels["k"] = object()
    assert off.kernels_without_page(now=0) == off.kernels_without_page(now=10**6) == []


def test_binder_culls_kernels_no_page_is_connected_to() -> None:
    """Binder had no cull at all: a kernel started by a GET whose page never opened stayed."""
    from traitlets.config import PyFileConfigLoader

    config = PyFileConfigLoader(
        "jupyter_server_config.py", str(REPO / "config/binder")
    ).load_config()
    assert config.MappingKernelManager.cull_idle_timeout == 600
    assert config.MappingKernelManager.cull_interval > 0
    assert config.ServerApp.jpserver_extensions == {"explainer.guard": True}


#: The seat timers and page-load limit that docs/deploy.md and docs/security.md state for
#: `make app` and `make workshop`. tests/e2e/test_serving.py runs its release tests with
#: shorter timers (15 s, so as not to wait minutes); this test keeps the shipped figures.
SHIPPED = {
    ("WorkshopKernelManager", "unconnected_kernel_timeout"): 60,
    ("WorkshopKernelManager", "disconnected_kernel_timeout"): 120,
    ("RequestGuard", "page_load_burst"): 10,
    ("RequestGuard", "page_loads_per_minute"): 20,
}


@pytest.mark.parametrize("workshop", [False, True], ids=["app", "workshop"])
def test_the_shipped_seat_timers_and_page_load_limit(monkeypatch, workshop: bool) -> None:
    from explainer.guard import RequestGuard

    paths = ["--Voila.config_file_paths=config/workshop", "--Voila.config_file_paths=."]
    app = voila_config(*(paths if workshop else []), monkeypatch=monkeypatch)
    classes = {"WorkshopKernelManager": WorkshopKernelManager, "RequestGuard": RequestGuard}
    for (name, trait), figure in SHIPPED.items():
        default = classes[name].class_traits()[trait].default_value
        assert app.config[name].get(trait, default) == figure, (name, trait)
