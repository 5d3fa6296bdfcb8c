// bench_masking.cpp — masking speed on the reference scene (64 beats, 2 performers,
// 4 cameras; assets/examples/reference.closedset.json, or the same shape built
// here if the asset cannot be loaded).
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

namespace {

cs::Document built_reference() {
  using namespace cs;
  Document doc;
  Performer ana, ben;
  ana.id = "ana"; ana.height_m = 1.66; ana.build = Build::slim;
  ben.id = "ben"; ben.height_m = 1.84; ben.build = Build::broad;
  doc.performers = {ana, ben};
  Garment g1, g2;
  g1.id = "ana_cover"; g1.wearer = "ana"; g1.kind = GarmentKind::strapless_thong;
  g1.covers = {Region::genitals, Region::pubic, Region::perineum};
  g2.id = "ben_cover"; g2.wearer = "ben"; g2.kind = GarmentKind::pouch;
  g2.covers = g1.covers;
  doc.garments = {g1, g2};
  Prop bed;
  bed.id = "bed"; bed.size = {1.6, 0.5, 2.1}; bed.position = {0, 0.25, 0};
  Prop pillow;
  pillow.id = "pillow"; pillow.size = {0.45, 0.14, 0.3}; pillow.position = {0, 0.62, 0.1}; pillow.barrier = true;
  doc.props = {bed, pillow};
  auto cam = [](const char* id, Vec3 pos, double f, double aspect, Sensor s) {
    Camera c;
    c.id = id; c.position = pos; c.target = {0, 0.8, 0}; c.focal_mm = f; c.aspect = aspect; c.sensor = s;
    return c;
  };
  doc.cameras = {cam("A", {0.727, 1.3, 2.35}, 32, 2.39, Sensor::super35), cam("B", {3.869, 1.5, -1.197}, 85, 2.39, Sensor::super35),
                 cam("C", {-0.887, 1.7, -2.866}, 50, 1.85, Sensor::super35), cam("D", {0, 3.2, 0.3}, 24, 2.39, Sensor::full_frame)};
  for (int i = 0; i < 64; ++i) {
    Beat b;
    b.id = "b" + std::to_string(i + 1);
    b.start_count = 1 + 2 * i;
    b.length_counts = 2;
    Pose a, c;
    a.performer = "ana"; c.performer = "ben";
    a.root_position = {-0.25, 0.62 + 0.02 * (i % 3), -0.15 + 0.1 * (i % 4)};
    c.root_position = {0.25, 0.62 + 0.02 * (i % 3), 0.15 - 0.1 * (i % 4)};
    a.root_rotation = {-90, 0, -180.0 + 45 * (i % 8)};
    c.root_rotation = {-90, 0, 45.0 * (i % 8)};
    a.joints = {{Joint::shoulder_r, {-10.0 * (i % 5), 0, 0}}, {Joint::hip_l, {-70, 0, 0}}, {Joint::knee_l, {70, 0, 0}}};
    c.joints = {{Joint::shoulder_r, {-45, 0, 0}}};
    b.poses = {a, c};
    doc.choreography.beats.push_back(b);
  }
  return doc;
}

const cs::Document& reference() {
  static const cs::Document doc = [] {
    const auto path = std::filesystem::path(CLOSEDSET_EXAMPLES_DIR) / "reference.closedset.json";
    auto r = cs::load_scene_file(path);
    if (r.ok()) return *r.document;
    std::fprintf(stderr, "bench: %s did not load; using the built-in reference scene\n", path.string().c_str());
    return built_reference();
  }();
  return doc;
}

double mid_count(const cs::Document& doc) {
  const auto& beats = doc.choreography.beats;
  return beats.empty() ? 1.0 : beats[beats.size() / 2].start_count + 0.5;
}

void BM_ClassifiedRaysPerCore(benchmark::State& state) {
  const cs::Document& doc = reference();
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
  const cs::Document& doc = reference();
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
  const cs::Document& doc = reference();
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
  const cs::Document& doc = reference();
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
