# Binder (and any Jupyter server started through the repository's `start` script), which
# `start` puts on JUPYTER_CONFIG_PATH. docs/deploy.md, section 3.
from pathlib import Path

# Serve the project's notebooks/ folder, so that Voila's landing page, /voila/tree, lists the
# dashboards and its links (/voila/render/night.ipynb, ...) resolve as under `make app`.
c.ServerApp.root_dir = str(Path(__file__).resolve().parents[2] / "notebooks")  # noqa: F821

# As a server extension, Voila's page loads MathJax from cdnjs unless both settings are null
# (stand-alone Voila leaves them null): the dashboards typeset no math, and no page may
# depend on a CDN (tests/e2e/test_binder.py fails on any request off 127.0.0.1).
# compress_response: gzip every HTTP response, static JavaScript included; and deflate on
# the kernel websocket (the chart widget's 0.9 MB JavaScript arrives through it). Issue 15.
c.ServerApp.tornado_settings = {  # noqa: F821
    "mathjax_url": None,
    "mathjax_config": None,
    "compress_response": True,
    "websocket_compression_options": {},
}

# The project's serving checks (explainer.serving.guard, docs/security.md): over-long URLs get a 414
# page, Voila's own ?theme=/?template= keys are dropped, and every frame a page sends on a
# kernel websocket is checked (size, part count, offsets) before jupyter_server parses it.
c.ServerApp.jpserver_extensions = {"explainer.serving.guard": True}  # noqa: F821
c.ServerApp.kernel_websocket_connection_class = (  # noqa: F821
    "explainer.serving.guard.GuardedKernelWebsocketConnection"
)

# Kernels that no page is connected to (a dashboard GET whose page never opened, a closed tab)
# are shut down after 10 idle minutes, as on a hub (config/jupyterhub/explainer.py). The
# stand-alone server's shorter release (explainer.serving.kernels) needs its kernel manager.
c.MappingKernelManager.cull_idle_timeout = 600  # noqa: F821
c.MappingKernelManager.cull_interval = 60  # noqa: F821
