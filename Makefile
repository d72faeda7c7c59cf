# Quick start: `make site` builds the site into site/, `make test` runs the tests.
# `make test` also installs the test tools: Debian chromium, LibreOffice Calc (which
# reads the workbook back) and a Java runtime if there is no `java`, with apt-get when
# run as root, and axe-core + vnu.jar from tools/package-lock.json with npm.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
# The stamp is named after pyproject.toml's content: a changed pyproject.toml
# means a new stamp name, so `make setup` reinstalls; otherwise it does nothing.
SETUP_STAMP := $(VENV)/.setup-$(shell sha256sum pyproject.toml | cut -c1-16)
NPM_STAMP := tools/node_modules/.installed
CHROMIUM ?= /usr/bin/chromium
APT_GET := DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600
PYTEST_ARGS ?=

.PHONY: help setup site test-deps test bench

help:
	@echo "make setup      create .venv and install the project with its test extras"
	@echo "make site       build the site into site/ (runs setup first)"
	@echo "make test-deps  install chromium, libreoffice, java (apt, as root) and tools/ (npm ci)"
	@echo "make test       run the tests (runs setup and test-deps first)"
	@echo "make bench      time validate and cold/warm builds on synthetic data, beside Hugo + Pagefind"

setup: $(SETUP_STAMP)

$(SETUP_STAMP): pyproject.toml
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@rm -f $(VENV)/.setup-*
	@touch $@

site: setup
	$(VENV)/bin/portal build

test-deps: $(NPM_STAMP)
	@missing=""; \
	if [ ! -x "$(CHROMIUM)" ]; then missing=" chromium"; fi; \
	if ! command -v java >/dev/null 2>&1; then missing="$$missing default-jre-headless"; fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" -eq 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    $(APT_GET) update; \
	    $(APT_GET) install -y $$missing; \
	  else \
	    echo "error: missing$$missing; install with: sudo apt-get install$$missing" >&2; \
	    echo "(or set CHROMIUM=/path/to/chromium)" >&2; \
	    exit 1; \
	  fi; \
	fi
	@# LibreOffice Calc without its recommends (no GUI, no Java): enough to open and convert the workbook.
	@if ! command -v soffice >/dev/null 2>&1; then \
	  if [ "$$(id -u)" -eq 0 ]; then \
	    echo "installing Debian packages: libreoffice-calc-nogui"; \
	    $(APT_GET) update; \
	    $(APT_GET) install -y --no-install-recommends libreoffice-calc-nogui; \
	  else \
	    echo "error: missing LibreOffice; install with: sudo apt-get install libreoffice-calc-nogui" >&2; \
	    exit 1; \
	  fi; \
	fi

# --ignore-scripts: vnu-jar's postinstall would download a Java runtime from GitHub
# when there is no `java`; we use the system's java instead (see above).
$(NPM_STAMP): tools/package.json tools/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "error: npm not found (Debian: apt-get install npm)" >&2; exit 1; }
	cd tools && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

test: setup test-deps
	$(VPY) -m pytest $(PYTEST_ARGS)

bench: setup
	$(VPY) -m generator.bench
