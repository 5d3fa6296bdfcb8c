// bench_export.cpp — `closedset export` speed on the reference scene (64 beats,
// 2 performers, 4 cameras; see reference.hpp). Target: an animated export in
// ≤ 2 s on 2 cores (issue 15).
//
//   closedset_bench --benchmark_filter=Export --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// BM_ExportAnimatedReference: the whole choreography animated, as a .glb's bytes.
// BM_ExportStillReference:    a still at the middle beat.
// BM_ExportOtioReference:     the .otio markers alone (the checks that colour them are not timed).
#include <benchmark/benchmark.h>

#include "notation/gltf_export.hpp"
#include "notation/otio_export.hpp"

#include "bench/reference.hpp"

namespace {

void BM_ExportAnimatedReference(benchmark::State& state) {
  const cs::Document& doc = bench::reference();
  cs::GltfOptions opt;
  opt.animated = true;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const cs::GltfExport e = cs::export_gltf(doc, opt);
    if (!e.ok()) state.SkipWithError(e.error.c_str());
    bytes = e.bytes.size();
    benchmark::DoNotOptimize(e.bytes.data());
  }
  state.counters["MiB"] = double(bytes) / (1 << 20);
}
BENCHMARK(BM_ExportAnimatedReference)->Unit(benchmark::kMillisecond);

void BM_ExportStillReference(benchmark::State& state) {
  const cs::Document& doc = bench::reference();
  cs::GltfOptions opt;
  opt.at = doc.choreography.beats[doc.choreography.beats.size() / 2].start_count;
  for (auto _ : state) {
    const cs::GltfExport e = cs::export_gltf(doc, opt);
    if (!e.ok()) state.SkipWithError(e.error.c_str());
    benchmark::DoNotOptimize(e.bytes.data());
  }
}
BENCHMARK(BM_ExportStillReference)->Unit(benchmark::kMillisecond);

void BM_ExportOtioReference(benchmark::State& state) {
  const cs::Document& doc = bench::reference();
  const std::vector<std::optional<cs::Severity>> worst(doc.choreography.beats.size(), cs::Severity::warning);
  for (auto _ : state) benchmark::DoNotOptimize(cs::export_otio(doc, worst).data());
}
BENCHMARK(BM_ExportOtioReference)->Unit(benchmark::kMillisecond);

}  // namespace
