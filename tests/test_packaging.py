"""The wheel's package list names every package of ``src/explainer``, and the data folder.

pyproject.toml lists the packages by hand, because it maps the top-level ``data/`` folder to
the package ``explainer.data`` (setuptools' automatic discovery looks in one folder only). A
new sub-package missing from that list would be left out of the wheel, which only the slow
install test (tests/e2e/test_install_routes.py) would notice.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from explainer.datafiles import data_file

ROOT = Path(__file__).resolve().parents[1]


def setuptools_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]


def test_every_package_of_the_source_tree_is_listed() -> None:
    src = ROOT / "src"
    found = {".".join(init.parent.relative_to(src).parts) for init in src.rglob("__init__.py")}
    assert found | {"explainer.data"} == set(setuptools_config()["packages"])


def test_the_data_package_is_the_top_level_data_folder() -> None:
    config = setuptools_config()
    assert config["package-dir"] == {"": "src", "explainer.data": "data"}
    assert (ROOT / "data" / "__init__.py").is_file()
    assert not (ROOT / "src" / "explainer" / "data").exists(), "no copy or link in src/"


def test_the_data_files_are_read_as_resources_of_the_package() -> None:
    locale = data_file("locales", "en.yaml")
    assert locale.is_file()
    shipped = setuptools_config()["package-data"]["explainer.data"]
    assert shipped == ["*.yaml", "locales/*.yaml", "playlists/*.yaml"]
    for path in (ROOT / "data").rglob("*"):
        if path.is_file() and path.suffix not in (".py", ".pyc"):
            assert path.suffix == ".yaml", f"{path} would not ship: add its pattern"
