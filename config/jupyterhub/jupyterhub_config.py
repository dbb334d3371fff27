# Plain JupyterHub on one machine: `jupyterhub -f config/jupyterhub/jupyterhub_config.py`.
# (TLJH: use explainer.py alone; TLJH runs its own idle culler. Kubernetes: z2jh-values.yaml
# carries the same settings.) docs/deploy.md says which settings were tested and how.
#
# It adds to explainer.py (each user's server opens the dashboards in Voila) the settings a
# room needs: a cap on running servers with the hub's own "try again" message past it, a
# cap on servers starting at once, and the idle culler service, which stops the servers of
# users who went away. Authentication and user isolation are the site's choice: set an
# Authenticator and a Spawner for your machine (the test uses DummyAuthenticator and
# SimpleLocalProcessSpawner, on loopback only). Each figure can be set from the
# environment; the defaults suit one 8-core, 16 GB machine (≈ 200 MB per user's server and
# kernel, docs/deploy.md).
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
load_subconfig(os.path.join(_here, "explainer.py"))  # noqa: F821 - traitlets' config loader


def _setting(name: str, default: int) -> int:
    return int(os.environ.get(f"EXPLAINER_HUB_{name}", default))


# Past this many running servers, a new user gets HTTP 429 "Active user limit exceeded.
# Try again in a few minutes." (the hub's page) instead of a server.
c.JupyterHub.active_server_limit = _setting("MAX_SERVERS", 40)  # noqa: F821
# Servers starting at once (a room logging in together); past it the hub says "Too many
# users trying to log in right now. Try again in a minute.".
c.JupyterHub.concurrent_spawn_limit = _setting("MAX_STARTING", 10)  # noqa: F821

# jupyterhub-idle-culler: stop a user's server after this long without activity.
c.JupyterHub.services = [  # noqa: F821
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={_setting('CULL_TIMEOUT', 3600)}",
            f"--cull-every={_setting('CULL_EVERY', 300)}",
        ],
    }
]
c.JupyterHub.load_roles = [  # noqa: F821
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
# How often the hub and the users' servers report activity (the culler decides on it).
c.JupyterHub.last_activity_interval = _setting("ACTIVITY_INTERVAL", 300)  # noqa: F821
c.Spawner.environment["JUPYTERHUB_ACTIVITY_INTERVAL"] = str(  # noqa: F821
    _setting("ACTIVITY_INTERVAL", 300)
)
