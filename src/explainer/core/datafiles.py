"""The package's data files, read with :mod:`importlib.resources`, and the YAML they are in.

The files live in the repository's top-level ``data/`` folder, the one place they are edited.
pyproject.toml maps that folder to the package ``explainer.data`` (``[tool.setuptools]
package-dir``), so a wheel carries them as ``explainer/data/…`` and an editable install finds
them in the checkout; either way they are read here as the resources of ``explainer.data``,
never through a path of the checkout.

This module imports nothing else of the project: :mod:`explainer.core.i18n` and
:mod:`explainer.core.spec` both read their files through it.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

__all__ = ["data_file", "load_yaml_text", "read_yaml"]


def data_file(*parts: str) -> Traversable:
    """One file of ``data/``, e.g. ``data_file("locales", "en.yaml")``."""
    return resources.files("explainer.data").joinpath(*parts)


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when built in
    """A YAML loader that refuses a key given twice (PyYAML would keep the last silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                line = key_node.start_mark.line + 1
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} is given twice (line {line})", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_yaml_text(text: str) -> Any:
    """Parse YAML (or JSON), refusing duplicate keys; any syntax error is a ValueError."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise ValueError(f"not valid YAML or JSON: {error}") from None


def read_yaml(*parts: str) -> Any:
    """A data file's YAML, e.g. ``read_yaml("parameters.yaml")``."""
    return load_yaml_text(data_file(*parts).read_text(encoding="utf-8"))
