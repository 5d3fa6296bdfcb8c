// checks_refine.cpp — adaptive time: no exposure slips between two samples.
//
// At 4 samples per count and 48 bpm, samples are 0.31 s apart, about 7 frames
// at 24 fps: a refused region showing for an eighth of a count can fall between
// two of them. So wherever, at either end of an interval between samples, a
// region that may not read from a camera (not simply allowed from that view,
// not under a worn garment) has body shapes reaching into that camera's frame,
// or within kNearFrameM of it (what may move into it), and something on stage
// moved, the interval is bisected, and the midpoint is cast for those regions only (their tiles, bare
// skin, no footprints), down to the finest step: the finer of kFinestCountStep
// counts and kFinestSeconds at the tempo. A held shape (the same stage at both
// ends, no beat starting between) is not bisected: nothing can change there.
//
// The refined samples are judged with the regular ones, in time order, for the
// exposure findings only; every other family (garments and barriers, masking
// notes, fragile masking, poses, eyelines) is judged at the regular samples,
// and its spans carry on through the refined ones (Spans::end_sample).
#include <algorithm>
#include <atomic>
#include <thread>

#include "notation/checks_run.hpp"
#include "notation/timeline.hpp"

namespace cs {

namespace {

struct Refined {
  double count;
  std::shared_ptr<const SampleGeometry> geometry;
};

struct Refiner {
  const CheckRun& run;
  double finest;
  std::size_t passes = 0, reused = 0;
  std::uint64_t rays = 0;
  double smallest = 0;  // the shortest interval examined

  bool beat_starts_inside(double c0, double c1) const {
    for (const Beat& b : run.doc.choreography.beats)
      if (b.start_count > c0 + 1e-9 && b.start_count < c1 - 1e-9) return true;
    return false;
  }

  // Which regions, per camera and performer, may read somewhere in (c0, c1).
  std::vector<std::vector<std::uint64_t>> at_risk(double c0, const SampleGeometry& g0, double c1,
                                                  const SampleGeometry& g1) const {
    const bool moved = g0.stage_hash != g1.stage_hash || beat_starts_inside(c0, c1);
    std::vector<std::vector<std::uint64_t>> out(g0.risk.size());
    if (!moved) {
      for (std::size_t c = 0; c < out.size(); ++c) out[c].assign(g0.risk[c].size(), 0);
      return out;
    }
    for (std::size_t c = 0; c < out.size(); ++c) {
      out[c].resize(g0.risk[c].size());
      for (std::size_t p = 0; p < out[c].size(); ++p)
        out[c][p] = g0.risk[c][p] | g1.risk[c][p];
    }
    return out;
  }

  // Bisects (c0, c1), appending the refined samples in time order.
  void bisect(double c0, const SampleGeometry& g0, double c1, const SampleGeometry& g1, std::vector<Refined>& out) {
    const double step = c1 - c0;
    if (step <= finest * (1 + 1e-9)) return;
    const auto regions = at_risk(c0, g0, c1, g1);
    bool any = false;
    for (const auto& per_camera : regions)
      for (std::uint64_t bits : per_camera) any |= bits != 0;
    if (!any) return;
    const double mid = c0 + step / 2;
    bool hit = false;
    auto gm = measure_refined(run, mid, regions, hit);
    rays += gm->rays_cast;  // (a cached sample counted as when it was measured)
    if (hit) ++reused;
    else passes += gm->passes;
    smallest = smallest == 0 ? step / 2 : std::min(smallest, step / 2);
    bisect(c0, g0, mid, *gm, out);
    out.push_back({mid, gm});
    bisect(mid, *gm, c1, g1, out);
  }
};

}  // namespace

std::vector<std::shared_ptr<const SampleGeometry>> refine_samples(
    CheckRun& run, std::vector<std::shared_ptr<const SampleGeometry>> base, std::size_t& passes, std::uint64_t& rays) {
  const std::vector<double>& counts = run.base_samples;
  const double tempo = run.doc.choreography.tempo_bpm > 0 ? run.doc.choreography.tempo_bpm : 60;
  const double finest = std::min(kFinestCountStep, kFinestSeconds * tempo / 60.0);
  // Each interval between regular samples on its own task.
  const std::size_t n = counts.size() > 0 && run.options.refine_time ? counts.size() - 1 : 0;
  std::vector<std::vector<Refined>> between(n);
  std::atomic<std::size_t> next{0}, total_passes{0}, total_reused{0};
  std::atomic<std::uint64_t> total_rays{0};
  std::vector<double> smallest(n, 0);
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      Refiner r{run, finest};
      r.bisect(counts[i], *base[i], counts[i + 1], *base[i + 1], between[i]);
      total_passes += r.passes;
      total_reused += r.reused;
      total_rays += r.rays;
      smallest[i] = r.smallest;
    }
  };
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const unsigned threads = run.options.threads > 0 ? static_cast<unsigned>(run.options.threads) : hw;
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(n, 1))); ++t)
    pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  passes += total_passes;
  rays += total_rays;

  // The merged timeline.
  std::vector<std::shared_ptr<const SampleGeometry>> geo;
  run.samples.clear();
  run.base_index.clear();
  run.refined_samples = 0;
  run.finest_step = counts.size() > 1 ? counts[1] - counts[0] : 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    run.samples.push_back(counts[i]);
    run.base_index.push_back(static_cast<int>(i));
    geo.push_back(base[i]);
    if (i + 1 < counts.size()) run.finest_step = std::min(run.finest_step, counts[i + 1] - counts[i]);
    if (i >= n) continue;
    for (Refined& r : between[i]) {
      run.samples.push_back(r.count);
      run.base_index.push_back(-1);
      geo.push_back(std::move(r.geometry));
      ++run.refined_samples;
    }
    if (smallest[i] > 0) run.finest_step = std::min(run.finest_step, smallest[i]);
  }
  return geo;
}

}  // namespace cs
