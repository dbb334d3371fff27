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
