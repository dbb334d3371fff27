# Voila, as a Jupyter server extension in each hub user's server, reads this file with
# voila.json beside it (JUPYTER_CONFIG_PATH names this folder; see explainer.py). It holds no
# settings: it only tells Voila where the project's page template is, the checkout's
# share/jupyter two folders up, so that an editable install serves too. A plain
# `pip install .` copies the template into <env>/share/jupyter, but an editable install
# copies no data files, and Voila looks for templates only on jupyter_core's jupyter_path()
# ($JUPYTER_PATH, the user's and the environment's share/jupyter; voila/paths.py). Voila
# reads its config files before it looks for templates, so extending JUPYTER_PATH here is in
# time. (Stand-alone `voila` from the repository root needs no such file: it imports
# explainer.serving.kernels, which does the same; a voila.py there would shadow the voila package
# for `python -m voila`.) Issue 17.
import os

_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_share = os.path.join(_root, "share", "jupyter")
_paths = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
if _share not in _paths:
    os.environ["JUPYTER_PATH"] = os.pathsep.join([_share, *_paths])
