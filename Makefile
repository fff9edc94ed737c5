# make site  — build site/ and dist/yearbook-offline.zip from seeds/ (sets up or repairs .venv)
# make test  — run all tests (unit, end-to-end, browser); installs Debian's chromium and
#              fonts-noto-cjk first when they are missing (apt-get, with sudo when not root)
VENV ?= .venv
PY := $(VENV)/bin/python
REQUIREMENTS ?= requirements-dev.txt
PIP_INSTALL ?= $(PY) -m pip install --quiet --disable-pip-version-check
# What the browser tests drive (tests/browser/conftest.py) and the CJK fonts they render.
CHROMIUM ?= /usr/bin/chromium
FONTS_PACKAGE ?= fonts-noto-cjk
HAVE_PACKAGE ?= dpkg -s
SUDO ?= $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
APT_GET ?= $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: site test serve bench clean env browser-deps

site: env
	$(PY) -m build_scripts build

test: env browser-deps
	$(PY) -m pytest -q

serve: site
	$(PY) -m http.server --directory site 8000

bench: env
	$(PY) benchmarks/run.py

# The environment is checked every time, not trusted from a stamp: a package
# deleted or damaged in $(VENV) is reinstalled (build_scripts/environment.py
# lists what to reinstall; pip would call a damaged package "already satisfied").
env:
	@test -x $(PY) && $(PY) -c "" 2>/dev/null || python3 -m venv $(VENV) 2>/dev/null || { \
	  echo "make: installing python3-venv"; $(APT_GET) update -qq && $(APT_GET) install -y -qq python3-venv >/dev/null && python3 -m venv $(VENV); }
	@broken="$$($(PY) -m build_scripts.environment $(REQUIREMENTS) 2>/dev/null)" || { \
	  echo "make: setting up $(VENV) from $(REQUIREMENTS)"; \
	  $(PIP_INSTALL) -r $(REQUIREMENTS) && \
	  { [ -z "$$broken" ] || $(PIP_INSTALL) --force-reinstall --no-deps $$broken; } && \
	  $(PY) -m build_scripts.environment $(REQUIREMENTS) >/dev/null; }

# The browser tests need Debian's chromium and CJK fonts; install what is absent.
browser-deps:
	@need=""; \
	[ -x "$(CHROMIUM)" ] || need="chromium"; \
	$(HAVE_PACKAGE) $(FONTS_PACKAGE) >/dev/null 2>&1 || need="$$need $(FONTS_PACKAGE)"; \
	if [ -n "$$need" ]; then \
	  echo "make: installing$${need:+ }$$need"; \
	  $(APT_GET) update -qq && $(APT_GET) install -y -qq --no-install-recommends $$need >/dev/null; \
	fi

clean:
	rm -rf .build site dist
