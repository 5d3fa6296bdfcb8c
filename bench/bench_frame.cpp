// bench_frame.cpp — the editor's frame time while playing the 64-beat reference
// scene at 1600×900, under xvfb-run (Mesa llvmpipe: no GPU). Each repetition is
// one frame, so the aggregates are over frames: the median and 95th percentile
// of wall time ("Time") and of the main thread's CPU time ("CPU", what Google
// Benchmark measures), and, as the counter process_cpu_ms, the CPU time of the
// whole process (the software rasteriser's worker threads included, which on a
// machine with a GPU would be the GPU's work). The posing benchmarks measure a
// frame while a rotation ring or a reach handle is dragged (through the same
// pointer calls a drag makes; the reach drag hovers over the partner, so the
// consent glow and the placing judgement are in every frame), against the
// playing frame of the same run, each twice: with every frame's edit through
// the whole door (whole_door:1, the baseline) and through the pose-key door
// the editor uses while dragging (whole_door:0). Run:
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/bench/closedset_frame_bench
#include <benchmark/benchmark.h>

#include <time.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/editor/editor_app.hpp"
#include "app/editor/pose_tools.hpp"

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

// [SECTION] Dragging a ring or a reach handle

cs::editor::ViewportPointer pointer_at(cs::editor::EditorApp& a, glm::vec2 ndc, glm::vec2 delta) {
  cs::editor::ViewportPointer p;
  p.ndc = ndc;
  p.delta_px = delta;
  p.picture_height_px = static_cast<float>(a.viewport().present_y1 - a.viewport().present_y0);
  return p;
}

// Moves the pointer between `from` and `to` and draws a frame, as a drag does
// (the viewport drawn light while it moves, as vr.interacting makes it).
template <class Setup> void drag_frames(benchmark::State& state, Setup setup) {
  std::string error;
  cs::editor::EditorApp* a = editor(&error);
  if (!a) {
    state.SkipWithError(("no editor window (run under xvfb-run): " + error).c_str());
    return;
  }
  static int which = 0;
  static glm::vec2 press, from, to;
  static int k = 0;
  const int me = setup(*a, nullptr, nullptr, nullptr);
  if (which != me) {
    cs::editor::viewport_cancel(a->state(), a->viewport());
    if (setup(*a, &press, &from, &to) == 0) {
      state.SkipWithError("no handle to drag");
      return;
    }
    cs::editor::viewport_press(a->state(), a->viewport(), pointer_at(*a, press, glm::vec2(0)));
    which = me;
  }
  // Arg 1: every frame's edit through the whole door (the baseline); 0: the
  // pose-key door, as the editor drags.
  cs::editor::drag_frames_validate_whole_document() = state.range(0) != 0;
  double process = 0;
  for (auto _ : state) {
    ++k;
    const float u = 0.5f + 0.5f * static_cast<float>(std::sin(k * 0.35));
    const glm::vec2 q = from + (to - from) * u;
    cs::editor::viewport_move(a->state(), a->viewport(), pointer_at(*a, q, glm::vec2(2, 1)));
    a->viewport().interacting = true;
    const double c0 = cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
    a->frame();
    process += cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
  }
  cs::editor::drag_frames_validate_whole_document() = false;
  state.counters["process_cpu_ms"] = process / static_cast<double>(state.iterations());
}

void BM_FrameDraggingRing(benchmark::State& state) {
  drag_frames(state, [](cs::editor::EditorApp& a, glm::vec2* press, glm::vec2* from, glm::vec2* to) {
    if (!press) return 1;
    auto& s = a.state();
    s.playing = false;
    cs::editor::set_count(s, 1);
    cs::editor::select_joint(s, "ana", cs::Joint::elbow_r);
    for (int i = 0; i < 3; ++i) a.frame();
    const float h = static_cast<float>(a.viewport().present_y1 - a.viewport().present_y0);
    const auto f = cs::editor::ring_handle_ndc(s, a.viewport(), 0, 0, h);
    const auto t = cs::editor::ring_handle_ndc(s, a.viewport(), 0, -60, h);
    if (!f || !t) return 0;
    *press = *from = *f;
    *to = *t;
    return 1;
  });
}

void BM_FrameReachingOntoPartner(benchmark::State& state) {
  drag_frames(state, [](cs::editor::EditorApp& a, glm::vec2* press, glm::vec2* from, glm::vec2* to) {
    if (!press) return 2;
    auto& s = a.state();
    s.playing = false;
    cs::editor::set_count(s, 1);
    cs::editor::select_joint(s, "ben", cs::Joint::wrist_r);
    for (int i = 0; i < 3; ++i) a.frame();
    const auto f = cs::editor::reach_handle_ndc(s, a.viewport(), cs::Joint::wrist_r);
    glm::vec2 chest;
    const auto& ana = a.viewport().stage.performers.at(0);
    if (!f || !a.viewport().view.project(ana.joints[static_cast<std::size_t>(cs::Joint::spine_upper)].position, chest)) return 0;
    *press = *f;
    *from = chest + glm::vec2(0.01f, 0);
    *to = chest + glm::vec2(-0.01f, 0.02f);
    return 2;
  });
}

// One frame per repetition, 120 of them, as the playing benchmark counts them.
void drag_frame_options(benchmark::internal::Benchmark* b) {
  b->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1)->Repetitions(120)->ComputeStatistics("p95", p95)->ReportAggregatesOnly(true);
}
// Arg(1), whole_door: the baseline, the whole document validated each frame;
// Arg(0): the pose-key door the editor uses while dragging.
BENCHMARK(BM_FrameDraggingRing)->ArgName("whole_door")->Arg(1)->Arg(0)->Apply(drag_frame_options);
BENCHMARK(BM_FrameReachingOntoPartner)->ArgName("whole_door")->Arg(1)->Arg(0)->Apply(drag_frame_options);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  app.reset();
  return 0;
}
