"""Voila finds the project's template with nothing set by the user (issue 17).

``pip install -e .`` (and environment.yml's ``-e .``) copies no data files, so before the fix
``voila notebooks`` from the repository root answered every page with HTTP 500
(TemplateNotFound: index.html.j2) unless JUPYTER_PATH was set as the Makefile sets it. These
tests run Voila's own start-up (config files, then template paths) in a fresh process with
JUPYTER_PATH unset.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEMPLATE_DIR = REPO / "share" / "jupyter" / "voila" / "templates" / "explainer"

PROBE = """
import json, sys
from voila.app import Voila
app = Voila()
app.initialize(["notebooks", "--no-browser"])
print(json.dumps({"paths": app.template_paths, "module": sys.modules["voila"].__file__}))
"""


def voila_startup(cwd: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_voila_from_the_repository_root_finds_the_template():
    found = voila_startup(REPO)
    assert str(TEMPLATE_DIR) in found["paths"]


def test_nothing_in_the_repository_root_shadows_the_voila_package():
    """`python -m voila` from the root must run Voila (a root voila.py would shadow it)."""
    found = voila_startup(REPO)
    assert "site-packages" in found["module"], found["module"]
    assert not (REPO / "voila.py").exists()
