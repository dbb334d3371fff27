"""The Kubernetes values (on paper) carry the settings the real hub test runs (issue 17).

config/jupyterhub/jupyterhub_config.py (+ explainer.py) is what tests/e2e/test_hub.py runs
on a real JupyterHub; z2jh-values.yaml cannot be run here (no cluster), so this test keeps
its figures equal to the tested ones.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from traitlets.config.loader import PyFileConfigLoader

CONFIG = Path(__file__).resolve().parents[1] / "config" / "jupyterhub"


def hub_config(monkeypatch, **env: str):
    monkeypatch.setenv("EXPLAINER_HOME", "/srv/explainer")
    for key in ("MAX_SERVERS", "MAX_STARTING", "CULL_TIMEOUT", "CULL_EVERY", "ACTIVITY_INTERVAL"):
        monkeypatch.delenv(f"EXPLAINER_HUB_{key}", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return PyFileConfigLoader("jupyterhub_config.py", path=str(CONFIG)).load_config()


def test_z2jh_values_carry_the_tested_settings(monkeypatch):
    c = hub_config(monkeypatch)
    values = yaml.safe_load((CONFIG / "z2jh-values.yaml").read_text(encoding="utf-8"))
    hub = values["hub"]["config"]
    assert hub["JupyterHub"]["active_server_limit"] == c.JupyterHub.active_server_limit
    assert hub["JupyterHub"]["concurrent_spawn_limit"] == c.JupyterHub.concurrent_spawn_limit
    assert hub["JupyterHub"]["last_activity_interval"] == c.JupyterHub.last_activity_interval
    assert hub["Spawner"]["notebook_dir"] == c.Spawner.notebook_dir
    assert hub["Spawner"]["default_url"] == c.Spawner.default_url
    assert hub["Spawner"]["args"] == c.Spawner.args
    env = values["singleuser"]["extraEnv"]
    assert env["JUPYTER_CONFIG_PATH"] == c.Spawner.environment["JUPYTER_CONFIG_PATH"]
    assert (
        env["JUPYTERHUB_ACTIVITY_INTERVAL"] == c.Spawner.environment["JUPYTERHUB_ACTIVITY_INTERVAL"]
    )
    culler = c.JupyterHub.services[0]["command"]
    assert f"--timeout={values['cull']['timeout']}" in culler
    assert f"--cull-every={values['cull']['every']}" in culler
    assert values["cull"]["enabled"] is True


def test_figures_come_from_the_environment(monkeypatch):
    c = hub_config(monkeypatch, EXPLAINER_HUB_MAX_SERVERS="2", EXPLAINER_HUB_CULL_TIMEOUT="30")
    assert c.JupyterHub.active_server_limit == 2
    assert "--timeout=30" in c.JupyterHub.services[0]["command"]
