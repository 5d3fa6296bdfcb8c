// checks_samples.cpp — phase 1 of a run: every timeline sample measured on all
// cores, one sample per task, and kept in a CheckCache keyed by a hash of
// everything the measurement depends on, so re-checking after an edit
// re-measures only the samples the edit changed.
//
// [SECTION] Hashing
// [SECTION] The cache
// [SECTION] Measuring one sample
// [SECTION] Measuring every sample
#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>

#include "notation/checks_run.hpp"
#include "notation/consent.hpp"
#include "notation/timeline.hpp"

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] Hashing (FNV-1a, field by field)

namespace {

void hash_bytes(std::uint64_t& h, const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) {
    h ^= p[i];
    h *= 1099511628211ull;
  }
}
template <class T> void hash_value(std::uint64_t& h, const T& v) { hash_bytes(h, &v, sizeof v); }
// Field by field: a struct's padding bytes are not part of its value.
void hash_label(std::uint64_t& h, const Label& l) {
  hash_value(h, l.performer);
  hash_value(h, l.garment);
  hash_value(h, l.prop);
  hash_value(h, l.region);
}
void hash_string(std::uint64_t& h, const std::string& s) {
  hash_value(h, s.size());
  hash_bytes(h, s.data(), s.size());
}

}  // namespace

// What selects what is measured, beyond the stage: the rider, tiers, barriers,
// which garments must stay hidden, the fragile offset and the grid.
std::uint64_t measurement_hash(const Document& d, const CheckOptions& o, const MaskingOptions& masking) {
  std::uint64_t h = 1469598103934665603ull;
  for (const Performer& p : d.performers) {
    for (const Exposure& x : p.exposure) {
      for (Region r : x.regions) hash_value(h, r);
      hash_value(h, x.state);
      for (View v : x.views) hash_value(h, v);
    }
    for (const TierRaise& t : p.tiers) {
      hash_value(h, t.region);
      hash_value(h, t.tier);
    }
    hash_string(h, p.id);
  }
  for (const Prop& p : d.props) {
    hash_string(h, p.id);
    hash_value(h, p.barrier);  // what is cast depends on it (barriers are looked for)
  }
  for (const Garment& g : d.garments) hash_value(h, g.camera);  // and on which garments must stay hidden
  hash_value(h, o.fragile_offset_m);
  hash_value(h, o.refine_space);
  hash_value(h, masking.width);
  return h;
}

std::uint64_t stage_hash(const Stage& st) {
  std::uint64_t h = 1469598103934665603ull;
  for (const Shape& s : st.shapes) {
    hash_value(h, s.kind);
    hash_value(h, s.part);
    hash_value(h, s.to_world);
    hash_value(h, s.h);
    hash_label(h, s.label);
    hash_value(h, s.covers);
    hash_value(h, s.order);
  }
  for (const StageTriangle& t : st.triangles) {
    hash_value(h, t.a);
    hash_value(h, t.b);
    hash_value(h, t.c);
    hash_label(h, t.label);
  }
  for (const StageCamera& c : st.cameras) {
    hash_value(h, c.basis);
    hash_value(h, c.lens.tan_half_w);
    hash_value(h, c.lens.tan_half_h);
  }
  for (const StagePerformer& p : st.performers) hash_value(h, p.covering);
  for (bool w : st.garment_worn) hash_value(h, w);
  return h;
}

namespace {

std::uint64_t sample_key(const CheckRun& run, const Stage& st, const Beat* beat, bool probe, double count) {
  std::uint64_t h = run.measurement_hash;
  hash_value(h, stage_hash(st));
  hash_value(h, probe);
  if (beat) {
    hash_string(h, beat->id);
    const bool in_beat = count <= beat->end_count() + 1e-9;
    hash_value(h, in_beat);
    for (const MaskingNote& m : beat->masking) {
      hash_string(h, m.camera);
      hash_string(h, m.performer);
      hash_string(h, m.by);
      for (Region r : m.regions) hash_value(h, r);
    }
    for (const Contact& c : beat->contacts) {
      hash_string(h, c.giver);
      hash_string(h, c.receiver);
      hash_value(h, c.with);
      hash_value(h, c.region);
    }
  }
  return h;
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] The cache

struct CheckCache::Impl {
  std::mutex mutex;
  std::unordered_map<std::uint64_t, std::shared_ptr<const SampleGeometry>> entries;
};

CheckCache::CheckCache() : impl_(std::make_unique<Impl>()) {}
CheckCache::~CheckCache() = default;
std::size_t CheckCache::size() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->entries.size();
}
void CheckCache::clear() {
  std::lock_guard lock(impl_->mutex);
  impl_->entries.clear();
}

namespace {

std::shared_ptr<const SampleGeometry> lookup(CheckCache* cache, std::uint64_t key) {
  if (!cache) return nullptr;
  std::lock_guard lock(cache->impl_->mutex);
  auto it = cache->impl_->entries.find(key);
  return it == cache->impl_->entries.end() ? nullptr : it->second;
}

void store(CheckCache* cache, std::uint64_t key, std::shared_ptr<const SampleGeometry> g) {
  if (!cache) return;
  std::lock_guard lock(cache->impl_->mutex);
  cache->impl_->entries[key] = std::move(g);
}

// Keeps only what this run used, so the cache stays the size of one timeline.
void prune(CheckCache& cache, const std::vector<std::uint64_t>& used) {
  std::lock_guard lock(cache.impl_->mutex);
  std::set<std::uint64_t> keep(used.begin(), used.end());
  for (auto it = cache.impl_->entries.begin(); it != cache.impl_->entries.end();)
    it = keep.count(it->first) ? std::next(it) : cache.impl_->entries.erase(it);
}

// ---------------------------------------------------------------------------
// [SECTION] Measuring one sample

SampleGeometry measure(const CheckRun& run, const Stage& st, const Beat* beat, bool probe, double count) {
  SampleGeometry g;
  for (std::size_t c = 0; c < st.cameras.size(); ++c) {
    const MaskingInterest in = camera_interest(run, st, c, beat, probe);
    MaskingOptions mo = run.masking;
    mo.interest = &in;
    g.masks.push_back(mask_camera(st, static_cast<int>(c), mo));
    g.rays_cast += g.masks.back().rays_cast;
  }
  g.passes += g.masks.size();
  refine_space(run, st, g);
  measure_risk(run, st, g);
  g.views.resize(g.masks.size());
  g.fragile.resize(g.masks.size());
  g.notes.resize(g.masks.size());
  for (const StagePerformer& p : st.performers) {
    std::array<glm::dvec3, kJointCount> js{};
    for (std::size_t j = 0; j < kJointCount; ++j) js[j] = glm::dvec3(p.joints[j].position);
    g.joints.push_back(js);
  }
  for (const StageCamera& c : st.cameras) g.camera_positions.push_back(c.basis.position);
  for (std::size_t c = 0; c < g.masks.size(); ++c) {
    const CameraMasking& m = g.masks[c];
    const StageCamera& sc = st.cameras[static_cast<std::size_t>(m.camera)];
    for (const StagePerformer& sp : st.performers) g.views[c].push_back(view_of(sp, sc.basis.position));
    if (probe) g.fragile[c] = measure_fragile(run, st, beat, m, g.views[c], g.passes);
    if (beat) g.notes[c] = measure_notes(run, st, *beat, m, count, g.passes);
  }
  if (beat && st.performers.size() >= 2) measure_pose(run, st, *beat, g);
  return g;
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] Measuring every sample

std::vector<std::shared_ptr<const SampleGeometry>> measure_samples(const CheckRun& run, std::size_t& passes,
                                                                   std::size_t& reused) {
  const std::size_t n = run.base_samples.size();
  std::vector<std::shared_ptr<const SampleGeometry>> geo(n);
  std::vector<std::uint64_t> keys(n);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> computed_passes{0}, reused_count{0};
  auto worker = [&] {
    for (std::size_t k = next++; k < n; k = next++) {
      const double count = run.base_samples[k];
      const Beat* beat = beat_at(run.doc, count);
      const bool probe = run.is_probe(static_cast<int>(k), count, beat);
      const Stage st = evaluate(run.doc, count, run.options.meshes);
      keys[k] = sample_key(run, st, beat, probe, count);
      if (auto hit = lookup(run.cache, keys[k])) {
        geo[k] = std::move(hit);
        ++reused_count;
        continue;
      }
      auto g = std::make_shared<SampleGeometry>(measure(run, st, beat, probe, count));
      computed_passes += g->passes;
      geo[k] = g;
      store(run.cache, keys[k], g);
    }
  };
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const unsigned threads = run.options.threads > 0 ? static_cast<unsigned>(run.options.threads) : hw;
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<unsigned>(threads, static_cast<unsigned>(n)); ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  passes = computed_passes;
  reused = reused_count;
  run.remember_keys(keys);
  return geo;
}

void prune_cache(const CheckRun& run) {
  if (run.cache) prune(*run.cache, run.used_keys);
}

// ---------------------------------------------------------------------------
// [SECTION] What may read between samples (adaptive time)

namespace {

// Whether a sphere (world centre, radius) reaches into the camera's frame
// (conservatively: the frustum's side planes pushed out by the radius).
bool sphere_in_frame(const StageCamera& sc, const glm::dvec3& centre, double radius) {
  const glm::dvec3 rel = centre - sc.basis.position;
  const double z = glm::dot(rel, sc.basis.forward);
  if (z < -radius) return false;
  const double x = std::abs(glm::dot(rel, sc.basis.right)), y = std::abs(glm::dot(rel, sc.basis.up));
  const double tw = sc.lens.tan_half_w, th = sc.lens.tan_half_h;
  return x <= z * tw + radius * std::sqrt(1 + tw * tw) && y <= z * th + radius * std::sqrt(1 + th * th);
}

}  // namespace

void measure_risk(const CheckRun& run, const Stage& st, SampleGeometry& g) {
  g.stage_hash = stage_hash(st);
  g.risk.assign(st.cameras.size(), std::vector<std::uint64_t>(st.performers.size(), 0));
  for (std::size_t c = 0; c < st.cameras.size(); ++c) {
    const StageCamera& sc = st.cameras[c];
    for (std::size_t p = 0; p < st.performers.size(); ++p) {
      const StagePerformer& sp = st.performers[p];
      std::uint64_t bits = run.not_allowed[p][static_cast<std::size_t>(view_of(sp, sc.basis.position))];
      for (std::size_t r = 0; r < kRegionCount; ++r)
        if (sp.covering[r] >= 0) bits &= ~region_bit(vocab_at<Region>(r));
      if (!bits) continue;
      for (const Shape& sh : st.shapes) {
        if (sh.label.performer != static_cast<int>(p) || sh.label.garment >= 0 || sh.label.is_prop() ||
            sh.part == BodyPart::none)
          continue;
        const std::uint64_t carries = part_regions(sh.part) & bits;
        if (!carries) continue;
        const glm::dvec3 centre(sh.bound_center);
        if (sphere_in_frame(sc, centre, sh.bound_radius + kNearFrameM)) g.risk[c][p] |= carries;
      }
    }
  }
}

std::shared_ptr<const SampleGeometry> measure_refined(const CheckRun& run, double count,
                                                      const std::vector<std::vector<std::uint64_t>>& regions,
                                                      bool& reused) {
  const Stage st = evaluate(run.doc, count, run.options.meshes);
  std::uint64_t key = run.measurement_hash;
  hash_value(key, stage_hash(st));
  hash_string(key, "refined");
  for (const auto& per_camera : regions)
    for (std::uint64_t bits : per_camera) hash_value(key, bits);
  run.remember_keys({key});
  reused = false;
  if (auto hit = lookup(run.cache, key)) {
    reused = true;
    return hit;
  }
  auto out = std::make_shared<SampleGeometry>();
  SampleGeometry& g = *out;
  g.refined = true;
  g.measured = regions;
  g.masks.resize(st.cameras.size());
  g.views.resize(st.cameras.size());
  for (std::size_t c = 0; c < st.cameras.size(); ++c) {
    for (const StagePerformer& sp : st.performers) g.views[c].push_back(view_of(sp, st.cameras[c].basis.position));
    if (std::none_of(regions[c].begin(), regions[c].end(), [](std::uint64_t b) { return b != 0; })) continue;
    MaskingInterest in;
    in.footprints = false;
    in.regions = regions[c];
    in.garments.assign(run.doc.garments.size(), false);
    in.props.assign(run.doc.props.size(), false);
    MaskingOptions mo = run.masking;
    mo.interest = &in;
    g.masks[c] = mask_camera(st, static_cast<int>(c), mo);
    g.rays_cast += g.masks[c].rays_cast;
    ++g.passes;
  }
  refine_space(run, st, g);
  measure_risk(run, st, g);
  store(run.cache, key, out);
  return out;
}

}  // namespace cs
