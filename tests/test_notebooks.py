"""Every notebook runs top to bottom, is stored without outputs, and matches its .py pair.

The pairs are jupytext py:percent scripts (see jupytext.toml); the .py is what reviewers
read in diffs, the .ipynb is what Voila serves, so the two must not drift apart.
"""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = REPO / "notebooks"
NOTEBOOKS = sorted(
    path for path in NOTEBOOK_DIR.rglob("*.ipynb") if ".ipynb_checkpoints" not in path.parts
)
IDS = [str(path.relative_to(NOTEBOOK_DIR)) for path in NOTEBOOKS]
#: The guides are executed (and timed) by tests/test_guides.py; here only the dashboards run.
DASHBOARDS = [path for path in NOTEBOOKS if path.parent == NOTEBOOK_DIR]


def cells(nb) -> list[tuple[str, str]]:
    return [(cell.cell_type, cell.source.strip()) for cell in nb.cells]


def test_there_are_notebooks():
    assert NOTEBOOKS, f"no notebooks under {NOTEBOOK_DIR}"


@pytest.mark.parametrize("path", DASHBOARDS, ids=[p.name for p in DASHBOARDS])
def test_notebook_runs_top_to_bottom(path: Path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, on the first error
    errors = [
        output
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_stored_without_outputs(path: Path):
    nb = nbformat.read(path, as_version=4)
    dirty = [
        index
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"cells {dirty} have outputs; clear them before committing"
    assert "widgets" not in nb.metadata, "saved widget state in the notebook metadata"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_matches_its_py_percent_pair(path: Path):
    script = path.with_suffix(".py")
    assert script.exists(), f"{script.name} missing: run `jupytext --sync {path}`"
    text = script.read_text(encoding="utf-8")
    assert "# %%" in text, f"{script.name} is not in py:percent format"
    paired = jupytext.reads(text, fmt="py:percent")
    stored = nbformat.read(path, as_version=4)
    assert cells(paired) == cells(stored), (
        f"{path.name} and {script.name} differ: run `jupytext --sync {path}`"
    )
    formats = stored.metadata.get("jupytext", {}).get("formats", "")
    assert "py:percent" in formats, f"{path.name} is not paired (jupytext formats metadata)"
