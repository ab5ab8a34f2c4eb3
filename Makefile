.PHONY: test lint bench bench-batch bench-compiled eval local-model
VENV ?= .venv

test:
	$(VENV)/bin/pytest

lint:
	$(VENV)/bin/ruff check summarizer tests benchmarks evals
	$(VENV)/bin/ruff format --check summarizer tests benchmarks evals
	$(VENV)/bin/mypy

bench-batch:  # minutes: throughput, rate limit, cached rerun, peak RSS against the fake server as a process
	$(VENV)/bin/python benchmarks/batch_bench.py all

bench:
	$(VENV)/bin/python benchmarks/overhead.py
	$(VENV)/bin/python benchmarks/figure_bench.py
	$(VENV)/bin/python benchmarks/check_cost.py
	$(VENV)/bin/python benchmarks/service_load.py

# Minutes: builds the opt-in mypyc wheel, times it beside the pure check, compares their verdicts, runs the
# check's tests on it (needs a C compiler; PyPI for mypy). Run it after changing a compiled module.
bench-compiled:
	$(VENV)/bin/python benchmarks/compiled.py

eval:
	$(VENV)/bin/summarizer eval

# Not CI: builds llama-cpp-python (~15 min), then runs the CLI and the live evals on SmolLM2-135M.
local-model:
	benchmarks/local_model.sh
