// bench_masking.cpp — masking speed on the reference scene (64 beats, 2 performers,
// 4 cameras; assets/examples/reference.closedset.json, see reference.hpp).
//
//   closedset_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// BM_ClassifiedRaysPerCore: one thread; items/s = classified rays per second per core.
// BM_OneMoment4Cameras:     evaluate + mask all 4 cameras at one count, all cores.
// BM_WholeReferenceScene:   every beat start of the scene, 4 cameras each, all cores.
// BM_WindowPerCore:         one thread, 4 cameras, a 64 × 32-ray window in the middle of
//                           each frame (fragile-masking probes cast such windows);
//                           items/s = rays cast per second.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>

#include "notation/format.hpp"
#include "notation/masking.hpp"
#include "notation/stage.hpp"

#include "bench/reference.hpp"

namespace {


double mid_count(const cs::Document& doc) {
  const auto& beats = doc.choreography.beats;
  return beats.empty() ? 1.0 : beats[beats.size() / 2].start_count + 0.5;
}

void BM_ClassifiedRaysPerCore(benchmark::State& state) {
  const cs::Document& doc = bench::reference();
  const cs::Stage st = cs::evaluate(doc, mid_count(doc));
  cs::MaskingOptions opt;
  opt.threads = 1;
  std::int64_t rays = 0;
  for (auto _ : state) {
    const auto m = cs::mask_all(st, opt);
    for (const auto& c : m) rays += c.rays();
    benchmark::DoNotOptimize(m.data());
  }
  state.SetItemsProcessed(rays);
  state.counters["rays_per_moment"] = double(rays) / double(state.iterations());
}
BENCHMARK(BM_ClassifiedRaysPerCore)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_OneMoment4Cameras(benchmark::State& state) {
  const cs::Document& doc = bench::reference();
  const double count = mid_count(doc);
  cs::MaskingOptions opt;
  opt.threads = int(state.range(0));
  for (auto _ : state) {
    const cs::Stage st = cs::evaluate(doc, count);
    const auto m = cs::mask_all(st, opt);
    benchmark::DoNotOptimize(m.data());
  }
}
BENCHMARK(BM_OneMoment4Cameras)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WindowPerCore(benchmark::State& state) {
  const cs::Document& doc = bench::reference();
  const cs::Stage st = cs::evaluate(doc, mid_count(doc));
  cs::MaskingOptions opt;
  opt.threads = 1;
  opt.col_min = cs::kDefaultMaskingWidth / 2 - 32;
  opt.col_max = opt.col_min + 63;
  opt.row_min = 40;
  opt.row_max = opt.row_min + 31;
  std::int64_t rays = 0;
  for (auto _ : state) {
    const auto m = cs::mask_all(st, opt);
    rays += std::int64_t(m.size()) * 64 * 32;
    benchmark::DoNotOptimize(m.data());
  }
  state.SetItemsProcessed(rays);
}
BENCHMARK(BM_WindowPerCore)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_WholeReferenceScene(benchmark::State& state) {
  const cs::Document& doc = bench::reference();
  cs::MaskingOptions opt;
  opt.threads = 2;
  std::int64_t rays = 0;
  for (auto _ : state) {
    for (const cs::Beat& b : doc.choreography.beats) {
      const cs::Stage st = cs::evaluate(doc, b.start_count);
      const auto m = cs::mask_all(st, opt);
      for (const auto& c : m) rays += c.rays();
      benchmark::DoNotOptimize(m.data());
    }
  }
  state.SetItemsProcessed(rays);
}
BENCHMARK(BM_WholeReferenceScene)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
