#!/usr/bin/env bash
# run_fuzz.sh FUZZER SECONDS — fuzz the loader from a seed corpus of the example
# scenes and the test inputs. Fails (non-zero) if libFuzzer finds a crash; the
# crashing input is left in build-fuzz/artifacts/ to turn into a test.
set -euo pipefail
fuzzer=$1; seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(dirname "$fuzzer")/corpus-run
rm -rf "$work"; mkdir -p "$work/corpus" "$work/artifacts"
cp "$root"/assets/examples/bedroom.closedset.json "$work/corpus/"
cp "$root"/tests/data/*.json "$work/corpus/" 2>/dev/null || true
"$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -dict="$root/fuzz/scene.dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
  "$work/corpus" 2>"$work/log.txt" || { tail -60 "$work/log.txt"; echo "fuzz_load: FAILED (see $work)"; exit 1; }
grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$work/log.txt" || true
echo "fuzz_load: no crash in ${seconds} s"
