# Two entry points: `make run` opens the reader, `make test` runs every check.
# Both create .venv on first use, so a fresh machine needs only Python 3.11, pip and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test tmux chromium bench clean

$(BIN)/briefing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/briefing
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The end-to-end test drives the real command in tmux; install it where it is missing
# (Debian-based machines, as root or with sudo).
tmux:
	@command -v tmux >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq tmux >/dev/null; }

# The browser test drives `briefing serve` in Debian's Chromium (Playwright uses it as it
# is; it never downloads a browser of its own).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

run: $(BIN)/briefing
	$(BIN)/briefing transcripts

test: $(VENV)/.test-deps tmux chromium
	$(BIN)/ruff check tui tests bench
	$(BIN)/ruff format --check tui tests bench
	$(BIN)/mypy --strict tui
	$(BIN)/pytest -q

bench: $(BIN)/briefing
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
