// bench_checks.cpp — the full check of the reference scene (64 beats, 2
// performers, 4 cameras) at 4 samples per count, and the notation-only part the
// editor re-runs on every keystroke.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "notation/checks.hpp"
#include "notation/format.hpp"
#include "bench/reference.hpp"

namespace {


void BM_FullCheckReference(benchmark::State& state) {
  cs::CheckOptions o;
  o.samples_per_count = 4;
  o.fragile_offset_m = state.range(0) ? 0.05 : 0.0;
  std::size_t findings = 0, passes = 0;
  for (auto _ : state) {
    const cs::CheckReport r = cs::run_checks(bench::reference(), o);
    findings = r.findings.size();
    passes = r.camera_passes;
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["camera_passes"] = static_cast<double>(passes);
}
// Arg 1: everything; arg 0: without the fragile-masking probes.
BENCHMARK(BM_FullCheckReference)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

void BM_NotationChecksReference(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(cs::check_notation(bench::reference()));
}
BENCHMARK(BM_NotationChecksReference)->Unit(benchmark::kMicrosecond);

}  // namespace
