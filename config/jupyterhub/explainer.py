# JupyterHub / The Littlest JupyterHub: every user's server opens the dashboards in Voila.
#
# TLJH: copy this file to /opt/tljh/config/jupyterhub_config.d/explainer.py, then
#   sudo tljh-config reload
# Plain JupyterHub: append it to jupyterhub_config.py (it only sets Spawner options).
# docs/deploy.md explains the whole set-up, and what is and is not the same as `make workshop`.

import os

# Where the project is checked out and installed (`pip install /srv/explainer`; an editable
# install works too: config/jupyterhub/voila.py points Voila at the checkout's template).
# EXPLAINER_HOME overrides it (tests/e2e/test_hub.py runs a real hub on the checkout).
EXPLAINER = os.environ.get("EXPLAINER_HOME", "/srv/explainer")

# Each user's single-user server runs in the project's notebooks/ folder ...
c.Spawner.notebook_dir = f"{EXPLAINER}/notebooks"  # noqa: F821 - `c` is JupyterHub's config
# ... and opens the landing page in Voila (a Jupyter server extension there) after login.
c.Spawner.default_url = "/voila/tree"  # noqa: F821

# Voila reads voila.json from the server's working directory and the Jupyter config path,
# so point the latter at the project's serving settings (template, strip_sources, no
# tracebacks, IOPub timeout). Pools, the kernel cap and preheating are settings of the
# stand-alone `voila` command and do not apply here: JupyterHub gives each user a server.
c.Spawner.environment = {  # noqa: F821
    "JUPYTER_CONFIG_PATH": f"{EXPLAINER}/config/jupyterhub",
}

# One kernel per open dashboard, culled when idle (each user's own server).
c.Spawner.args = [  # noqa: F821
    "--MappingKernelManager.cull_idle_timeout=600",
    "--MappingKernelManager.cull_interval=60",
]

# Resources per user (TLJH: `sudo tljh-config set limits.memory 1G` does the same).
c.Spawner.mem_limit = "1G"  # noqa: F821
