# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run test bench soak lint format wheel demo clean ts

TS := resources/i18n/inspector_en.ts
QM := $(TS:.ts=.qm)

# (Re)create the venv when it is missing or pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# The compiled translation (a build product; the editable install makes it too).
$(QM): $(TS) | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# Re-extract every translatable string of the package into the .ts (then translate the new ones
# in Qt Linguist: .venv/bin/pyside6-linguist resources/i18n/inspector_en.ts).
ts: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find inspector -name '*.py' | sort) -no-obsolete -locations none \
		-source-language zh_CN -target-language en_US -ts $(TS)

run: $(STAMP) $(QM)
	$(BIN)/python -m inspector $(ARGS)

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/bench -o addopts="" --benchmark-only $(PYTEST_ARGS)

# The reliability suite at full counts (100 kills, 2,000 broken files, 500 rounds); prints its figures.
soak: $(STAMP)
	INSPECTOR_SOAK=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/reliability -m soak -s -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check inspector tests
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format inspector tests
	$(BIN)/ruff check --fix .

wheel: $(STAMP)
	$(BIN)/python -m pip wheel --no-deps -w dist .

demo: $(STAMP)
	$(BIN)/python -m inspector demo $(ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
