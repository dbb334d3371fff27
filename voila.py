# Voila reads this file, with voila.json beside it, from the directory it starts in (and a
# Jupyter server with Voila as its extension does the same). It holds no settings: it only
# tells Voila where the project's page template is, so that `voila notebooks` from the
# repository root finds it in every install mode. A plain `pip install .` copies the
# template into <env>/share/jupyter, but an editable install (`pip install -e .`, which
# environment.yml uses) copies no data files, and Voila looks for templates only on
# jupyter_core's jupyter_path(): $JUPYTER_PATH, the user's and the environment's
# share/jupyter (voila/paths.py, collect_template_paths). Voila reads its config files
# before it looks for templates, so extending JUPYTER_PATH here is in time. Issue 17.
import os

_share = os.path.join(os.path.dirname(os.path.abspath(__file__)), "share", "jupyter")
_paths = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
if _share not in _paths:
    os.environ["JUPYTER_PATH"] = os.pathsep.join([_share, *_paths])
