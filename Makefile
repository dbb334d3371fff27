# make app    serve the dashboards on http://127.0.0.1:8866 (creates .venv on first run)
# make workshop  serve a room of 40 on this machine's network (config/workshop/voila.json)
# make test   ruff + every test, end-to-end browser tests included (installs Chromium if root)
# make bench  time the night page in a real browser (figures, not pass/fail)
# make hub-proxy  configurable-http-proxy from npm into .venv/node (JupyterHub test; make test runs it)
#
# Both run Voila through explainer.serving.serve (Voila plus the checks of explainer.serving.guard:
# docs/security.md). Voila's settings are in voila.json (Voila reads it from the directory it
# starts in, here the repo root); its page template is
# share/jupyter/voila/templates/explainer, found
# through JUPYTER_PATH, which this Makefile exports.

SHELL       := /bin/bash
.SHELLFLAGS := -o pipefail -c

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
# This machine's pip config names local mirror folders that may not exist: pip then warns
# once per package. Drop those lines (pip's own errors still show, and its exit status counts).
QUIET_PIP := 2>&1 | { grep -v "^WARNING: Location '.*' is ignored" || true; }
HOST   := 127.0.0.1
export EXPLAINER_CHROMIUM ?= /usr/bin/chromium
PORT   ?= 8866

export JUPYTER_PATH := $(CURDIR)/share/jupyter$(if $(JUPYTER_PATH),:$(JUPYTER_PATH))

.PHONY: app workshop test test-apt bench lint chromium hub-proxy help
.DEFAULT_GOAL := help

help:
	@sed -n 's/^# \(make .*\)/\1/p' $(firstword $(MAKEFILE_LIST))

$(PY):
	@echo "==> creating $(VENV) with $$($(PYTHON) --version)"
	@$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changes (the install is editable: code edits need none).
$(VENV)/.installed-app: pyproject.toml | $(PY)
	@echo "==> pip install -e .  (quiet; a first run downloads packages, a minute or two)"
	@$(PIP) install -q -e . $(QUIET_PIP)
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	@echo "==> pip install -e '.[test]'  (quiet)"
	@$(PIP) install -q -e '.[test]' $(QUIET_PIP)
	@touch $@ $(VENV)/.installed-app

app: $(VENV)/.installed-app
	@$(PY) -m explainer.serving.offline | sed 's/^/==> /'
	@echo "==> open http://$(HOST):$(PORT)/   (landing page: every dashboard and guide)"
	@echo "    one official's night: http://$(HOST):$(PORT)/voila/render/night.ipynb   (Ctrl-C stops)"
	@exec $(PY) -m explainer.serving.serve notebooks --port=$(PORT)

# Workshop mode: voila.json, overridden by config/workshop/voila.json (a pool of 40 preheated
# kernels for night.ipynb, a cap of 64 live kernels, faster culling). It listens on every
# interface so that the room can connect: WORKSHOP_IP=127.0.0.1 keeps it on this machine.
WORKSHOP_IP ?= 0.0.0.0
workshop: $(VENV)/.installed-app
	@$(PY) -m explainer.serving.offline | sed 's/^/==> /'
	@echo "==> workshop mode: filling the kernel pools takes 2-3 minutes; wait for"
	@echo "    'Kernel pool of night.ipynb is filled' in the log before the room connects"
	@echo "==> the room opens http://$$(hostname -I 2>/dev/null | cut -d' ' -f1 || echo HOST):$(PORT)/voila/render/night.ipynb"
	@exec $(PY) -m explainer.serving.serve notebooks --port=$(PORT) --Voila.ip=$(WORKSHOP_IP) \
	  --Voila.config_file_paths=$(CURDIR)/config/workshop --Voila.config_file_paths=$(CURDIR)

# Debian's Chromium for the browser tests (Playwright's own browser download cannot work
# here) and a CJK font so that Chinese text renders. Needs root and apt-get.
chromium:
	@if [ ! -x $(EXPLAINER_CHROMIUM) ]; then \
	  if ! command -v apt-get >/dev/null 2>&1; then \
	    echo "==> no $(EXPLAINER_CHROMIUM) and no apt-get: the e2e tests will fail; install Chromium"; \
	  elif [ "$$(id -u)" != 0 ]; then \
	    echo "==> no $(EXPLAINER_CHROMIUM): run as root, or: sudo apt-get install chromium fonts-noto-cjk"; \
	  else \
	    echo "==> apt-get install chromium fonts-noto-cjk  (once; log in $(VENV)/apt.log)"; \
	    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk; } \
	      >$(VENV)/apt.log 2>&1 || { tail -n 30 $(VENV)/apt.log; exit 1; }; \
	  fi; \
	fi

# JupyterHub's proxy for tests/e2e/test_hub.py: configurable-http-proxy from npm, installed
# into $(VENV)/node (nothing global). Needs node and npm; as root, apt-get installs them.
CHP := $(VENV)/node/node_modules/.bin/configurable-http-proxy
hub-proxy: | $(PY)
	@if [ ! -x $(CHP) ]; then \
	  if ! command -v npm >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "==> apt-get install nodejs npm  (once; log in $(VENV)/apt-node.log)"; \
	    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; } \
	      >$(VENV)/apt-node.log 2>&1 || { tail -n 30 $(VENV)/apt-node.log; exit 1; }; \
	  fi; \
	  if command -v npm >/dev/null 2>&1; then \
	    echo "==> npm install configurable-http-proxy into $(VENV)/node"; \
	    npm install --no-audit --no-fund --prefix $(VENV)/node configurable-http-proxy@^4 >/dev/null; \
	  else \
	    echo "==> no npm: the JupyterHub test will fail; install nodejs and npm"; \
	  fi; \
	fi

lint: $(VENV)/.installed-test
	@echo "==> ruff check src tests benchmarks"
	@$(VENV)/bin/ruff check src tests benchmarks

# What `make test` needs from apt-get and lacks (Chromium and its font, node and npm), in one
# apt-get call: one index update instead of one per target. chromium and hub-proxy then find
# them; on their own, or without root, those targets work (or explain) as before.
test-apt: | $(PY)
	@need=""; \
	[ -x $(EXPLAINER_CHROMIUM) ] || need="chromium fonts-noto-cjk"; \
	[ -x $(CHP) ] || command -v npm >/dev/null 2>&1 || need="$$need nodejs npm"; \
	if [ -n "$$need" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "==> apt-get install $$need  (once; log in $(VENV)/apt.log)"; \
	  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$need; } \
	    >$(VENV)/apt.log 2>&1 || { tail -n 30 $(VENV)/apt.log; exit 1; }; \
	fi

# Under `make test` (also with -j), chromium and hub-proxy come after that one apt-get call.
chromium hub-proxy: | $(if $(filter test,$(MAKECMDGOALS)),test-apt)

test: $(VENV)/.installed-test test-apt chromium hub-proxy lint
	@echo "==> pytest"
	@$(VENV)/bin/pytest

bench: $(VENV)/.installed-test chromium
	@$(PY) benchmarks/bench_night_page.py
