// bench_sheets.cpp — sheets and stills on the reference scene (64 beats, 2
// performers, 4 cameras; see reference.hpp). Targets (issue 13): all sheets,
// with a still per camera per beat, in ≤ 10 s on 2 cores; one still ≤ 100 ms.
//
//   closedset_bench --benchmark_filter='Sheet|Still' --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
//
// BM_AllSheetsReference: the checks once, every audience's view from them, and
//   its PDF (the director's with 256 stills, 480 wide),
//   what `closedset sheet -o OUT.pdf` does for each, minus the file.
// BM_SheetViewsOnly:     the same without writing: the views and sheet models
//   alone (the baseline, same run: how much of the total the checks take).
// BM_SheetChecks:        the checks alone (run once for all five sheets above).
// BM_DirectorBuild:      the director's view and sheet model alone (its shot sizes mask every beat).
// BM_DirectorStills:     the director sheet's 256 stills as sheet_pdf renders them
//   (for_each_sheet_still: a Stage per beat, a still to a thread);
// BM_DirectorStillsOneByOne: the same stills one at a time with sheet_still (a
//   Stage per still, the masking engine's threads inside each): the path
//   sheet_pdf took before, the baseline of the same run.
// BM_StillReference:     one still as `closedset render` makes it (1280 × 536, a ray a pixel).
// BM_StillSupersampled:  the same with --supersample 2 (2 × 2 rays a pixel).
// BM_StillSheetSize:     one still as the masking sheet embeds it (480 wide, 1 ray a pixel).
//
// Times are wall clock; the CPU column is the whole process's (every thread),
// so on a loaded machine CPU / 2 says what 2 free cores would take.
#include <benchmark/benchmark.h>

#include <atomic>

#include "notation/audience.hpp"
#include "notation/checks.hpp"
#include "notation/sheet.hpp"
#include "notation/stage.hpp"
#include "notation/still.hpp"
#include "publish/sheet_writers.hpp"

#include "bench/reference.hpp"

namespace {

std::vector<cs::Audience> audiences(const cs::Document& doc) {
  std::vector<cs::Audience> out;
  for (const cs::Performer& p : doc.performers) out.push_back({cs::AudienceKind::performer, p.id});
  out.push_back({cs::AudienceKind::director, ""});
  out.push_back({cs::AudienceKind::costume, ""});
  out.push_back({cs::AudienceKind::ad, ""});
  return out;
}

void BM_AllSheetsReference(benchmark::State& state) {
  const cs::Document& doc = bench::reference();
  cs::SheetOptions so;
  so.date = "2026-01-15";
  std::size_t bytes = 0;
  int pages = 0;
  for (auto _ : state) {
    bytes = 0;
    pages = 0;
    // The checks once for all five audiences, as a caller writing every sheet would.
    cs::AudienceOptions ao;
    const std::vector<cs::Finding> findings = cs::run_checks(doc).findings;
    ao.findings = &findings;
    for (const cs::Audience& a : audiences(doc)) {
      const cs::AudienceView view = cs::audience_view(doc, a, ao);
      const cs::Sheet sheet = cs::build_sheet(view, so);
      const cs::PublishResult pdf = cs::sheet_pdf(sheet, view);
      if (!pdf.ok()) state.SkipWithError(pdf.error.c_str());
      bytes += pdf.bytes.size();
      pages += pdf.pages;
    }
  }
  state.counters["pages"] = pages;
  state.counters["MiB"] = double(bytes) / (1 << 20);
}
BENCHMARK(BM_AllSheetsReference)->Unit(benchmark::kMillisecond)->Iterations(1)->MeasureProcessCPUTime()->UseRealTime();

void BM_SheetViewsOnly(benchmark::State& state) {
  const cs::Document& doc = bench::reference();
  cs::SheetOptions so;
  so.date = "2026-01-15";
  for (auto _ : state) {
    cs::AudienceOptions ao;
    const std::vector<cs::Finding> findings = cs::run_checks(doc).findings;
    ao.findings = &findings;
    for (const cs::Audience& a : audiences(doc)) {
      const cs::AudienceView view = cs::audience_view(doc, a, ao);
      benchmark::DoNotOptimize(cs::build_sheet(view, so).sections.size());
    }
  }
}
BENCHMARK(BM_SheetViewsOnly)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_SheetChecks(benchmark::State& state) {
  const cs::Document& doc = bench::reference();
  for (auto _ : state) benchmark::DoNotOptimize(cs::run_checks(doc).findings.size());
}
BENCHMARK(BM_SheetChecks)->Unit(benchmark::kMillisecond)->Iterations(1);

struct DirectorSheet {
  std::vector<cs::Finding> findings;
  cs::AudienceView view;
  cs::Sheet sheet;
};
const DirectorSheet& director() {
  static const DirectorSheet d = [] {
    const cs::Document& doc = bench::reference();
    DirectorSheet out{cs::run_checks(doc).findings, {}, {}};
    cs::AudienceOptions ao;
    ao.findings = &out.findings;
    out.view = cs::audience_view(doc, {cs::AudienceKind::director, ""}, ao);
    cs::SheetOptions so;
    so.date = "2026-01-15";
    out.sheet = cs::build_sheet(out.view, so);
    return out;
  }();
  return d;
}

void BM_DirectorBuild(benchmark::State& state) {
  const DirectorSheet& d = director();
  cs::AudienceOptions ao;
  ao.findings = &d.findings;
  cs::SheetOptions so;
  so.date = "2026-01-15";
  for (auto _ : state) {
    const cs::AudienceView view = cs::audience_view(bench::reference(), {cs::AudienceKind::director, ""}, ao);
    benchmark::DoNotOptimize(cs::build_sheet(view, so).sections.size());
  }
}
BENCHMARK(BM_DirectorBuild)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_DirectorStills(benchmark::State& state) {
  const DirectorSheet& d = director();
  std::atomic<std::size_t> pixels{0}, stills{0};
  for (auto _ : state)
    cs::for_each_sheet_still(d.sheet, d.view, {}, [&](std::size_t, cs::StillImage&& img) {
      pixels += img.rgb.size() / 3;
      ++stills;
    });
  state.counters["stills"] = double(stills.load()) / double(state.iterations());
}
BENCHMARK(BM_DirectorStills)->Unit(benchmark::kMillisecond)->Iterations(1)->MeasureProcessCPUTime()->UseRealTime();

void BM_DirectorStillsOneByOne(benchmark::State& state) {
  const DirectorSheet& d = director();
  std::size_t stills = 0;
  for (auto _ : state)
    for (const cs::SheetSection& s : d.sheet.sections)
      if (s.still) {
        benchmark::DoNotOptimize(cs::sheet_still(d.view, *s.still, {}).rgb.data());
        ++stills;
      }
  state.counters["stills"] = double(stills) / double(state.iterations());
}
BENCHMARK(BM_DirectorStillsOneByOne)->Unit(benchmark::kMillisecond)->Iterations(1)->MeasureProcessCPUTime()->UseRealTime();

void still(benchmark::State& state, int width, int supersample) {
  const cs::Document& doc = bench::reference();
  const cs::Stage stage = cs::evaluate(doc, doc.choreography.beats[doc.choreography.beats.size() / 2].start_count);
  cs::StillOptions so;
  so.max_width = width;
  so.max_height = width;
  so.supersample = supersample;
  so.overlay = cs::StillOverlay::masking;
  for (auto _ : state) benchmark::DoNotOptimize(cs::render_still(doc, stage, 0, so).rgb.data());
}
void BM_StillReference(benchmark::State& state) { still(state, 1280, 1); }
void BM_StillSupersampled(benchmark::State& state) { still(state, 1280, 2); }
void BM_StillSheetSize(benchmark::State& state) { still(state, 480, 1); }
BENCHMARK(BM_StillReference)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
BENCHMARK(BM_StillSupersampled)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
BENCHMARK(BM_StillSheetSize)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

}  // namespace
