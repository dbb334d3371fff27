"""Where the project's serving files are: a checkout, or the files a wheel installs.

The package code is in ``src/explainer``; what Voila serves is not: the notebooks, the
serving settings (``voila.json``, ``config/workshop/voila.json``) and the page template
(``share/jupyter/voila/templates/explainer``). A checkout (editable install) has them at
the repository root. A wheel installs copies as data files (pyproject.toml,
``[tool.setuptools.data-files]``) under ``<prefix>/share/explainer`` and the template under
``<prefix>/share/jupyter``, where ``<prefix>`` is the environment, the user base or another
scheme's data directory.

:func:`project_root` returns a folder laid out like the repository root in both cases.

:func:`register_template` makes ``voila notebooks`` find the template from a checkout with an
editable install (``pip install -e .``, and environment.yml's ``-e .``), which copies no data
files: Voila looks for templates only on jupyter_core's ``jupyter_path()`` ($JUPYTER_PATH,
the user's and the environment's share/jupyter; voila/paths.py, collect_template_paths).
:mod:`explainer.serving.kernels` calls it when imported, which Voila does while it reads voila.json
(``multi_kernel_manager_class``; traitlets resolves a class named by a string when it is set),
before it collects the template paths.
"""

from __future__ import annotations

import os
import site
import sys
import sysconfig
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[3]
TEMPLATE = Path("voila") / "templates" / "explainer" / "index.html.j2"


def _complete(root: Path) -> bool:
    return (root / "voila.json").is_file() and (root / "notebooks" / "night.ipynb").is_file()


def _prefixes() -> list[Path]:
    """Data directories a wheel's data files may have gone to, most likely first."""
    found = [Path(sys.prefix), Path(sysconfig.get_path("data"))]
    if site.ENABLE_USER_SITE and site.USER_BASE:
        found.append(Path(site.USER_BASE))
    return list(dict.fromkeys(found))


def project_root() -> Path:
    """The folder with ``voila.json``, ``config/``, ``notebooks/`` and ``share/jupyter``.

    The checkout if the package runs from one (editable install), else the installed copy.
    Raises FileNotFoundError naming the places looked at if neither is there.
    """
    if _complete(CHECKOUT) and (CHECKOUT / "share" / "jupyter" / TEMPLATE).is_file():
        return CHECKOUT
    tried = [CHECKOUT]
    for prefix in _prefixes():
        root = prefix / "share" / "explainer"
        tried.append(root)
        if _complete(root):
            return root
    raise FileNotFoundError(
        "the dashboards are not installed here (looked in "
        + ", ".join(map(str, tried))
        + "); reinstall the package with `pip install explainer` or from a checkout"
    )


def template_root(root: Path | None = None) -> Path:
    """The ``share/jupyter`` folder holding the Voila template ``explainer``."""
    root = root or project_root()
    candidates = [root / "share" / "jupyter"]
    if root != CHECKOUT:  # an installed copy: the template went to <prefix>/share/jupyter
        candidates.append(root.parent / "jupyter")
    for candidate in candidates:
        if (candidate / TEMPLATE).is_file():
            return candidate
    raise FileNotFoundError(f"the page template is missing: looked for {TEMPLATE} in {candidates}")


def register_template() -> bool:
    """Put the checkout's ``share/jupyter`` first on JUPYTER_PATH if the package runs from a
    checkout; returns True if it changed JUPYTER_PATH. An installed wheel needs nothing: its
    template is in ``<prefix>/share/jupyter``, already on Voila's path."""
    share = CHECKOUT / "share" / "jupyter"
    if not (share / TEMPLATE).is_file():
        return False
    paths = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    if paths and Path(paths[0]).resolve() == share:
        return False
    os.environ["JUPYTER_PATH"] = os.pathsep.join([str(share), *paths])
    return True
