# Two commands that work on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test test-minimum lint typecheck screenshots bench clean catalogues compiled

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/baokao

test: $(STAMP_TEST)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy --strict src/baokao
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

# The suite on the lowest versions pyproject.toml declares (CI runs it after `make test`).
VENV_MIN := .venv-minimum
test-minimum:
	$(PYTHON) -m venv $(VENV_MIN)
	$(VENV_MIN)/bin/python -m pip install --quiet -e '.[test]' -c constraints-minimum.txt
	$(VENV_MIN)/bin/python -m pytest

# Translations: extract every _("…") of src/baokao into the English catalogue (new entries
# come empty: fill them in, then run this again), and compile it to the committed .mo.
LOCALE := src/baokao/locale
catalogues: $(STAMP_TEST)
	$(BIN)/pybabel extract -F babel.cfg -k T_ --no-location --omit-header --sort-output \
		-o $(LOCALE)/baokao.pot src/baokao
	$(BIN)/pybabel update -i $(LOCALE)/baokao.pot -d $(LOCALE) -D baokao --omit-header \
		--no-fuzzy-matching --ignore-obsolete
	rm $(LOCALE)/baokao.pot
	$(BIN)/pybabel compile -d $(LOCALE) -D baokao --use-fuzzy --statistics
	$(BIN)/python -c "$$MO_DATES"  # the .mo changes only when a text does

# pybabel compile stamps the .mo with the time; rewrite it with fixed dates.
define MO_DATES
import datetime, pathlib
from babel.messages import mofile, pofile
for po in pathlib.Path('$(LOCALE)').glob('*/LC_MESSAGES/baokao.po'):
    cat = pofile.read_po(po.open('rb'), locale=po.parts[-3])
    cat.creation_date = cat.revision_date = datetime.datetime(2026, 1, 1)
    mofile.write_mo(po.with_suffix('.mo').open('wb'), cat)
endef
export MO_DATES

# The bundled rules' question trees, compiled ahead into trees/compiled/ (they ship with the
# package; a test checks they are current). Run it after changing the compiler or the rules.
compiled: $(STAMP_RUN)
	$(BIN)/python -c "from baokao.treestore import main; main()"

screenshots: $(STAMP_TEST)
	$(BIN)/python -m baokao.tui.screenshots screenshots

bench: $(STAMP_TEST)
	$(BIN)/python benchmarks/questions.py
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/corpus.py
	$(BIN)/python benchmarks/roster.py

clean:
	rm -rf $(VENV) $(VENV_MIN) .pytest_cache .mypy_cache .ruff_cache
