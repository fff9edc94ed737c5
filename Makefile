# make site  — build site/ and dist/yearbook-offline.zip from seeds/ (sets up .venv)
# make test  — run all tests (unit, end-to-end, browser)
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# axe-core for the browser accessibility tests, pinned in package.json + package-lock.json,
# installed from the npm registry (npm ci: exactly the locked version).
AXE := node_modules/axe-core/axe.min.js

.PHONY: site test serve bench clean

site: $(STAMP)
	$(PY) -m build_scripts build

test: $(STAMP) $(AXE)
	$(PY) -m pytest -q

serve: site
	$(PY) -m http.server --directory site 8000

bench: $(STAMP)
	$(PY) benchmarks/run.py

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(AXE)

clean:
	rm -rf .build site dist
