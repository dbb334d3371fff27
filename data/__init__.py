"""The project's data files (parameters, presets, reforms, sources, exercises, locales).

Installed as the package ``explainer.data`` (pyproject.toml, ``[tool.setuptools]
package-dir``) so that :mod:`explainer.core.datafiles` reads them with importlib.resources, from a
wheel and from a checkout alike. This folder is their one copy: edit them here.
"""
