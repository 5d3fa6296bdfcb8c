// bench_load.cpp — loading stays linear in the file's size (issue 16: 400 000
// beats once took 47–75 s to parse). A scene of N beats is written in memory
// (each beat an id, a start and a length: about 60 bytes, so that 400 000 beats fit under the 32 MiB file limit) and timed
// through load_scene_text: UTF-8 and nesting scans, JSON parse with the
// duplicate-key check, reading the document, validate(). Over 5 000 beats the
// scene is refused (rules::kMaxBeats) after it is read; the time to say so is
// what is measured, and must grow with N, not N².
//
//   closedset_bench --benchmark_filter=Load --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// BM_LoadBeats/5000:   the most beats a scene may hold (loads).
// BM_LoadBeats/100000, /400000: refused; 400 000 beats should take about 4 times 100 000.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "notation/format.hpp"

namespace {

std::string scene_with_beats(long n) {
  std::string text = R"({ "format": "closedset-scene", "version": 1, "choreography": { "tempo_bpm": 60, "beats": [)";
  text.reserve(std::size_t(n) * 96 + 256);
  char beat[160];
  const double length = 4000.0 / double(n);  // the whole choreography inside the 4000-count span
  for (long i = 0; i < n; ++i) {
    std::snprintf(beat, sizeof beat, R"(%s
{"id":"b%06ld","start_count":%.4f,"length_counts":%.4f})",
                  i ? "," : "", i, 1 + double(i) * length, length);
    text += beat;
  }
  text += "] } }\n";
  return text;
}

void BM_LoadBeats(benchmark::State& state) {
  const long n = state.range(0);
  const std::string text = scene_with_beats(n);
  bool ok = false;
  for (auto _ : state) {
    const cs::LoadResult r = cs::load_scene_text(text, "beats.closedset.json");
    ok = r.ok();
    benchmark::DoNotOptimize(r.errors.data());
  }
  state.counters["MiB"] = double(text.size()) / (1 << 20);
  state.counters["loads"] = ok ? 1 : 0;
  state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(text.size()));
}
BENCHMARK(BM_LoadBeats)->Arg(5000)->Arg(100000)->Arg(400000)->Unit(benchmark::kMillisecond);

}  // namespace
