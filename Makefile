# Bulletin: `make demo` runs it, `make test` proves it, `make bench` measures it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/bulletin demo

serve: $(STAMP)
	$(BIN)/bulletin serve

test: $(STAMP)
	scripts/test

bench: $(STAMP)
	scripts/bench

clean:
	rm -rf $(VENV) var
