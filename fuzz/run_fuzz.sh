#!/usr/bin/env bash
# run_fuzz.sh FUZZER SECONDS — run one libFuzzer target for a bounded time from
# its seed corpus: fuzz_load from the example scenes and the test inputs,
# fuzz_mesh from fuzz/corpus/mesh/ (the first byte of each seed picks the
# format), fuzz_edits from fuzz/corpus/edits/ (the first byte picks the
# starting scene, the rest the edits). Prints executions per second. Fails (non-zero) if libFuzzer finds a
# crash; the crashing input is left in build-fuzz/fuzz/<name>-run/artifacts/
# to turn into a test.
set -euo pipefail
fuzzer=$1; seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
name=$(basename "$fuzzer")
work=$(dirname "$fuzzer")/$name-run
rm -rf "$work"; mkdir -p "$work/corpus" "$work/artifacts"
args=()
case "$name" in
  fuzz_load)
    cp "$root"/assets/examples/bedroom.closedset.json "$work/corpus/"
    cp "$root"/tests/data/*.json "$work/corpus/" 2>/dev/null || true
    args=(-max_len=65536 -dict="$root/fuzz/scene.dict") ;;
  fuzz_mesh)
    cp "$root"/fuzz/corpus/mesh/* "$work/corpus/"
    # Leaks inside Debian's libassimp and libfontconfig are not ours to fix (fuzz/lsan_thirdparty.supp).
    export LSAN_OPTIONS="suppressions=$root/fuzz/lsan_thirdparty.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
    args=(-max_len=65536) ;;
  fuzz_edits)
    cp "$root"/fuzz/corpus/edits/* "$work/corpus/"
    args=(-max_len=4096) ;;
  *) echo "run_fuzz.sh: no corpus for $name" >&2; exit 2 ;;
esac
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 "${args[@]}" \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
  "$work/corpus" 2>"$work/log.txt" || { tail -60 "$work/log.txt"; echo "$name: FAILED (see $work)"; exit 1; }
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log.txt")
grep -E "^stat::peak_rss_mb" "$work/log.txt" || true
echo "$name: no crash in ${seconds} s, ${runs:-?} executions ($(( ${runs:-0} / (seconds > 0 ? seconds : 1) )) per second)"
