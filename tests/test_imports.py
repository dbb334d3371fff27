"""The package's modules import without cycles (issue 13: explainer.core.i18n and
explainer.core.spec
imported each other, each hiding its import of the other inside functions).

Two checks: the import graph read from the source (imports inside functions count too, as a
hidden cycle is still a cycle), and each module of the core imported alone in a fresh
interpreter (an import that works only after some other module was loaded fails there).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def imports(path: Path) -> set[str]:
    """The project's modules ``path`` imports, anywhere in it. ``from pkg import submodule``
    imports the submodule; the package itself counts only for names that are not modules."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = {f"{node.module}.{alias.name}" for alias in node.names}
            submodules = names & MODULES.keys()
            found |= submodules
            if names - submodules:
                found.add(node.module)
    return found & MODULES.keys()


def graph() -> dict[str, set[str]]:
    return {name: imports(path) - {name} for name, path in MODULES.items()}


def test_the_import_graph_has_no_cycle() -> None:
    try:
        order = list(TopologicalSorter(graph()).static_order())
    except CycleError as error:
        pytest.fail(f"import cycle: {' -> '.join(error.args[1])}")
    assert set(order) == set(MODULES)


def test_the_cycle_check_finds_a_cycle() -> None:
    cyclic = {
        **graph(),
        "explainer.core.i18n": graph()["explainer.core.i18n"] | {"explainer.core.spec"},
    }
    with pytest.raises(CycleError):
        list(TopologicalSorter(cyclic).static_order())


#: Imports each module named on the command line with none of the project's modules loaded
#: before it (third-party packages stay loaded: that keeps the check to a couple of seconds).
ALONE = """
import importlib, sys, traceback
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "explainer" or m.startswith("explainer.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception:
        failed.append(name + ": " + traceback.format_exc(limit=3))
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_each_module_imports_alone() -> None:
    done = subprocess.run(
        [sys.executable, "-c", ALONE, *MODULES], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
