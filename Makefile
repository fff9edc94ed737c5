# make site  — build site/ and dist/yearbook-offline.zip from seeds/ (sets up .venv)
# make test  — run all tests (unit, end-to-end, browser)
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site test serve bench clean

site: $(STAMP)
	$(PY) -m build_scripts build

test: $(STAMP)
	$(PY) -m pytest -q

serve: site
	$(PY) -m http.server --directory site 8000

bench: $(STAMP)
	$(PY) benchmarks/run.py

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

clean:
	rm -rf .build site dist
