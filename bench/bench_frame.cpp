// bench_frame.cpp — the editor's frame time while playing the 64-beat reference
// scene at 1600×900, under xvfb-run (Mesa llvmpipe: no GPU). Each repetition is
// one frame, so the aggregates are over frames: the median and 95th percentile
// of wall time ("Time") and of the main thread's CPU time ("CPU", what Google
// Benchmark measures), and, as the counter process_cpu_ms, the CPU time of the
// whole process (the software rasteriser's worker threads included, which on a
// machine with a GPU would be the GPU's work). Run:
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/closedset_frame_bench
#include <benchmark/benchmark.h>

#include <time.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/editor/editor_app.hpp"

namespace {

double cpu_ms(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

// The editor, open on the reference scene and playing; made once, closed by
// main() before the program ends (its window must go before GLFW does).
std::unique_ptr<cs::editor::EditorApp> app;

cs::editor::EditorApp* editor(std::string* error) {
  static std::string failure;
  static bool tried = false;
  if (!tried) {
    tried = true;
    cs::editor::AppConfig config;
    config.headless_test = true;      // no vsync, no settings files, a fixed frame time
    config.background_checks = false;  // playing makes no edits, so no checks would run
    app = cs::editor::EditorApp::create(config, &failure);
    const auto file = std::filesystem::path(CLOSEDSET_EXAMPLES_DIR) / "reference.closedset.json";
    if (app && !app->open(file)) {
      failure = "could not open " + file.string();
      app.reset();
    }
    if (app) {
      for (int i = 0; i < 3; ++i) app->frame();
      app->state().playing = true;
    }
  }
  *error = failure;
  return app.get();
}

void BM_FramePlayingReference(benchmark::State& state) {
  std::string error;
  cs::editor::EditorApp* app = editor(&error);
  if (!app) {
    state.SkipWithError(("no editor window (run under xvfb-run): " + error).c_str());
    return;
  }
  double process = 0;
  for (auto _ : state) {
    app->state().playing = true;  // a frame while playing, even past the end
    const double c0 = cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
    app->frame();
    process += cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
  }
  state.counters["process_cpu_ms"] = process / static_cast<double>(state.iterations());
}

double p95(const std::vector<double>& v) {
  std::vector<double> s = v;
  std::sort(s.begin(), s.end());
  return s.empty() ? 0.0 : s[s.size() * 95 / 100];
}

BENCHMARK(BM_FramePlayingReference)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(180)
    ->ComputeStatistics("p95", p95)
    ->ReportAggregatesOnly(true);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  app.reset();
  return 0;
}
