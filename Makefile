.PHONY: test lint bench
VENV ?= .venv

test:
	$(VENV)/bin/pytest

lint:
	$(VENV)/bin/ruff check summarizer tests benchmarks
	$(VENV)/bin/ruff format --check summarizer tests benchmarks
	$(VENV)/bin/mypy

bench:
	$(VENV)/bin/python benchmarks/overhead.py
	$(VENV)/bin/python benchmarks/figure_bench.py
