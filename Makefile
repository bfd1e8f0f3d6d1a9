# The README's two commands are `make run` and `make test`; the rest are helpers.
.PHONY: run test lint format messages bench
VENV ?= .venv

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh $(ARGS)

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages:
	$(VENV)/bin/python manage.py makemessages -l vi --no-location --ignore=.venv --ignore=.local
	$(VENV)/bin/python manage.py compilemessages --ignore=.venv

bench:
	@echo "bench/README.md describes the benchmarks"
