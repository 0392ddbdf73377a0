# The two commands of README.md: `make demo` renders the bundled example,
# `make test` runs the test suite. Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: demo test template picture screenshots clean

demo: $(VENV)/.installed
	$(PY) -m thidua_docs render data/kontum-2020.yaml -o output/kontum-2020.docx --force
	$(PY) -m thidua_docs render data/kontum-2017.yaml -o output/kontum-2017.docx --force

# The suite, then the batch tests again with workers started by "spawn" (as on Windows).
test: $(VENV)/.installed
	$(PY) -m pytest $(PYTEST_ARGS)
	THIDUA_START_METHOD=spawn $(PY) -m pytest -q -m "not pdf" -p no:cacheprovider tests/test_batch.py

# Rebuild thidua_docs/templates/phat_dong.docx from thidua_docs/layout after a layout change.
template: $(VENV)/.installed
	$(PY) -m thidua_docs.layout.build_template

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) output/*.docx output/*.pdf

# Regenerate the README picture (page 1 of the 2020 directive, via LibreOffice).
picture: demo
	soffice --headless --convert-to pdf --outdir output output/kontum-2020.docx >/dev/null
	pdftoppm -r 80 -png -f 1 -l 1 -singlefile output/kontum-2020.pdf docs/kontum-2020-page1

# Regenerate README's pictures of the clerk's desk (thidua serve) with headless Chromium.
screenshots: $(VENV)/.installed
	$(PY) tools/screenshots.py
