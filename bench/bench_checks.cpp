// bench_checks.cpp — the full check of the reference scene (64 beats, 2
// performers, 4 cameras) at 4 samples per count, and the notation-only part the
// editor re-runs on every keystroke.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "notation/checks.hpp"
#include "notation/format.hpp"
#include "bench/reference.hpp"

namespace {


// The full check. Arg 0: fragile probes (1 on); arg 1: adaptive time (1 on);
// arg 2: adaptive space (1 on). {1, 1, 1} is the default check; {1, 0, 0}, plain
// sampling (the regular samples on the default grid), is the same-run baseline
// for what adaptivity costs. Counters: the regular samples, those adaptive
// time added, the windows adaptive space recounted, and the rays cast per
// regular sample (refined samples and windows included).
void full_check(benchmark::State& state, const cs::Document& doc) {
  cs::CheckOptions o;
  o.samples_per_count = 4;
  o.fragile_offset_m = state.range(0) ? 0.05 : 0.0;
  o.refine_time = state.range(1) != 0;
  o.refine_space = state.range(2) != 0;
  cs::CheckReport r;
  for (auto _ : state) {
    r = cs::run_checks(doc, o);
    benchmark::DoNotOptimize(r.findings.size());
  }
  state.counters["findings"] = static_cast<double>(r.findings.size());
  state.counters["camera_passes"] = static_cast<double>(r.camera_passes);
  state.counters["samples"] = r.samples;
  state.counters["refined"] = r.refined_samples;
  state.counters["fine_windows"] = static_cast<double>(r.fine_windows);
  state.counters["rays_per_sample"] = r.samples ? static_cast<double>(r.rays_cast) / r.samples : 0;
}

void BM_FullCheckReference(benchmark::State& state) { full_check(state, bench::reference()); }
BENCHMARK(BM_FullCheckReference)
    ->Args({1, 1, 1})
    ->Args({1, 0, 0})
    ->Args({1, 1, 0})
    ->Args({1, 0, 1})
    ->Args({0, 0, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

void BM_FullCheckBedroom(benchmark::State& state) { full_check(state, bench::bedroom()); }
BENCHMARK(BM_FullCheckBedroom)->Args({1, 1, 1})->Args({1, 0, 0})->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_NotationChecksReference(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(cs::check_notation(bench::reference()));
}
BENCHMARK(BM_NotationChecksReference)->Unit(benchmark::kMicrosecond);

}  // namespace
