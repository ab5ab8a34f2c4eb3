.PHONY: test lint bench eval
VENV ?= .venv

test:
	$(VENV)/bin/pytest

lint:
	$(VENV)/bin/ruff check summarizer tests benchmarks evals
	$(VENV)/bin/ruff format --check summarizer tests benchmarks evals
	$(VENV)/bin/mypy

bench:
	$(VENV)/bin/python benchmarks/overhead.py
	$(VENV)/bin/python benchmarks/figure_bench.py

eval:
	$(VENV)/bin/summarizer eval
