// checks_run.hpp — inside the checks: one run's context, and what each family
// of checks gives the others. For notation/checks*.cpp only; callers use
// checks.hpp.
//
// A run goes in two phases (checks.cpp drives them):
//  1. Measuring, per timeline sample, in parallel and cached by content
//     (checks_samples.cpp): evaluate the Stage, mask every camera
//     (checks_exposure.cpp says what to cast), probe fragile masking and re-mask
//     without a masking note's named masker (checks_masking_notes.cpp), measure
//     how close the bodies come (checks_pose.cpp). Everything measured is a pure
//     function of the staged geometry and the notation that selects what to
//     measure, so a sample whose inputs hash the same as one already measured (a
//     held shape, or an edit elsewhere on the timeline) reuses it.
//  2. Judging, in timeline order: thresholds with hysteresis, verdicts, and
//     observations that merge into spans over consecutive samples. Each family
//     observes into the run's Spans.
// The checks that need no geometry (contacts, eyeline targets, poses as
// written, the pause word) are functions of the document alone.
//
// [SECTION] Spans: observations on consecutive samples merge into one finding
// [SECTION] Reading: the threshold with hysteresis
// [SECTION] What one sample measures
// [SECTION] The run's context
// [SECTION] The families, by file
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <glm/glm.hpp>

#include "notation/checks.hpp"
#include "notation/masking.hpp"
#include "notation/stage.hpp"

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] Spans: observations on consecutive samples merge into one finding
//
// An observation is a finding at one sample plus a key. Observations with the
// same key on consecutive samples merge into one finding spanning them. In a
// message, `{span}` becomes "at count 5" or "from count 5 to 7.25" (and the
// beats it runs through), `{amount}` the largest share seen in percent and
// `{details}` the details seen, listed; in a suggestion, `{extras}` becomes
// the suggestions seen.

struct Observation {
  Observation(std::string k, Finding f, double a = 0) : key(std::move(k)), finding(std::move(f)), amount(a) {}
  std::string key;
  Finding finding;
  double amount = 0;   // e.g. the largest frame share seen, kept across the span
  std::string detail;  // collected across the span into {details} ("right hand, forearm")
};

class Spans {
 public:
  explicit Spans(std::vector<double> samples = {}, std::vector<std::string> beats = {})
      : samples_(std::move(samples)), beats_(std::move(beats)) {}
  // Unnoted touches of regions the performer agreed to be touched there, seen
  // on fewer consecutive samples than this, are dropped: interpolation between
  // keys passes limbs through each other for an instant. A touch of a region
  // marked no, or never discussed, is reported from a single sample: a brush
  // on the way into a shape is still a touch nobody agreed to.
  int min_touch_samples = 1;
  // For spans over a sparser sequence of samples: append its counts (and beat) as they come.
  void push_sample(double count, std::string beat) {
    samples_.push_back(count);
    beats_.push_back(std::move(beat));
  }
  void observe(int sample, Observation o);
  // At a refined sample (adaptive time, checks_refine.cpp) only some keys are
  // measured: say which, by the key's tail after its first '|' ("A|ana|breast_l").
  void measured(const std::string& tail) { measured_.insert(tail); }
  // Closes spans not observed at `sample`. With `partial`, only those whose key
  // was measured there; the others carry on through it unchanged.
  void end_sample(int sample, bool partial = false);
  std::vector<Finding> finish();

 private:
  struct Open {
    int first = 0, last = 0, peak = 0;  // peak: the first sample of the largest amount
    int seen_last = 0;                  // the last sample it was observed at (last: carried through to)
    int observed = 0;                   // how many samples observed it
    double amount = 0;
    std::set<std::string> extra;
    std::set<std::string> details;
    Finding finding;
  };
  std::vector<double> samples_;
  std::vector<std::string> beats_;  // the beat of each sample
  std::map<std::string, Open> open_;
  std::set<std::string> measured_;
  std::vector<Finding> done_;
  std::map<std::string, Open>::iterator close(std::map<std::string, Open>::iterator it);
};

// ---------------------------------------------------------------------------
// [SECTION] Reading: the threshold with hysteresis

// Rays a region, garment or barrier needs to start reading in a frame of
// `rays` rays (reads_threshold, consent.hpp), and to keep reading once it does.
struct Thresholds {
  std::uint32_t start = 2, hold = 1;
};
Thresholds thresholds_for(std::uint32_t rays);

// What read at the previous sample, by key ("A|ana|breast_l"): a key that read
// there keeps reading at the hold threshold, one that did not needs the start
// threshold. Samples are judged in order. A key not asked about at a sample
// (a refined sample measures only some) keeps what it was before it.
class Reading {
 public:
  bool reads(int sample, const std::string& key, std::uint32_t rays, const Thresholds& t);

 private:
  std::set<std::string> before_, now_, asked_;
  int sample_ = -1;
};

// ---------------------------------------------------------------------------
// [SECTION] What one sample measures

// A fragile-masking candidate (hidden now, not allowed to read) and the probes
// that expose it. Phase 2 reports it only if it also does not read under the
// hysteresis.
struct FragileResult {
  int performer = -1;
  Region region = Region::face;
  std::vector<std::string> breaks;  // which probes expose it
  double zmin = 0;                  // the region's nearest depth from the camera (bounding spheres)
};

// A masking note whose regions do not read: what reads with its masker removed.
struct NoteResult {
  bool measured = false;            // a re-mask without the named masker was done
  std::uint32_t seen_without = 0;   // its regions' rays with the masker removed
};

// Per unordered region pair, the smallest distance between them within touching reach.
using RegionPairDistance = std::map<std::pair<Region, Region>, float>;

struct SampleGeometry {
  std::vector<CameraMasking> masks;                    // per camera
  std::vector<std::vector<View>> views;                // [camera][performer]
  std::vector<std::vector<FragileResult>> fragile;     // [camera] (probe samples only)
  std::vector<std::vector<NoteResult>> notes;          // [camera][masking note of the beat]
  std::vector<std::array<glm::dvec3, kJointCount>> joints;  // per performer, world
  std::vector<glm::dvec3> camera_positions;            // per camera
  // Pose: per unordered performer pair (a < b): region pairs within touching reach.
  std::map<std::pair<int, int>, RegionPairDistance> touching;
  std::vector<float> contact_distance;                 // per contact of the beat
  std::size_t passes = 0;                              // maskings computed
  std::uint64_t rays_cast = 0;                         // rays those maskings cast
  // Adaptive time (checks_refine.cpp). `risk[c][p]`: the regions of performer
  // p that may not read from camera c, are not under a worn garment, and whose
  // body shapes, grown by kNearFrameM, reach into c's frame (so what may move
  // into it too). `stage_hash`: the staged geometry (equal: nothing moved).
  std::vector<std::vector<std::uint64_t>> risk;
  std::uint64_t stage_hash = 0;
  // A refined sample measures only the regions of `measured[c][p]` (its masks
  // count nothing else, and nothing of the other families is measured).
  bool refined = false;
  std::vector<std::vector<std::uint64_t>> measured;
  // Adaptive space (checks_space.cpp): the regions recounted on the grid
  // kSpaceFactor× finer inside their screen bounds, with their fine rays.
  struct FineCount {
    int camera = -1, performer = -1;
    Region region = Region::face;
    std::uint32_t rays = 0;
  };
  std::vector<FineCount> fine;
  std::size_t fine_windows = 0;  // windows recounted finely
};
using FineCount = SampleGeometry::FineCount;

// What a body shape's canonical surface depends on: its kind, part and h (by
// its bits). The key of the two per-run shape caches below.
using ShapeKey = std::tuple<int, int, std::uint32_t>;
inline ShapeKey shape_key(const Shape& s) {
  return {static_cast<int>(s.kind), static_cast<int>(s.part), std::bit_cast<std::uint32_t>(s.h)};
}

// Where each region lies on a body shape: its canonical box (grown so that
// every point of the surface labelled with it is inside), per region. They
// depend only on the shape's kind, part and h. Thread-safe.
class RegionBoxCache {
 public:
  struct Box {
    glm::vec3 lo{0}, hi{0};
    bool any = false;  // the shape carries the region
  };
  using Boxes = std::array<Box, kRegionCount>;
  const Boxes& get(const Shape& s);  // checks_space.cpp

 private:
  std::mutex mutex_;
  std::map<ShapeKey, Boxes> entries_;
};

// Body shapes' surfaces in canonical space, with each triangle's region, for
// the pose checks: they depend only on the shape's kind, part and h, so they
// are built once a run. Thread-safe (the measuring threads share it).
class SurfaceCache {
 public:
  struct Entry {
    std::vector<glm::vec3> vertices;                      // the surface's distinct corners
    std::vector<std::array<std::uint32_t, 3>> triangles;  // into vertices, in tessellate()'s order
    std::vector<Region> regions;                          // per triangle, as Stage::label_at reads it
  };
  const Entry& get(const Shape& s);  // checks_pose.cpp

 private:
  std::mutex mutex_;
  std::map<ShapeKey, Entry> entries_;
};

// ---------------------------------------------------------------------------
// [SECTION] The run's context

inline constexpr std::size_t kViewCount = vocab_size<View>();

struct CheckRun {
  CheckRun(const Document& doc, const CheckOptions& options, std::vector<double> samples, CheckCache* cache);

  // What is checked, and how.
  const Document& doc;
  CheckOptions options;
  int samples_per_count = 4;
  std::vector<double> samples;
  MaskingOptions masking;           // the grid every camera is cast on (one thread each: samples run in parallel)
  CheckCache* cache = nullptr;
  // Derived from the document once.
  std::uint64_t measurement_hash = 0;  // what a sample's measurement depends on beyond its stage
  std::vector<std::array<std::uint64_t, kViewCount>> not_allowed;  // [performer][view]: regions the rider does not simply allow
  std::vector<std::uint64_t> private_regions;  // per performer: sensitive and intimate regions
  mutable SurfaceCache surfaces;    // shared by the measuring threads
  mutable RegionBoxCache region_boxes;

  // Judging, in timeline order.
  Spans spans;
  // Fragile masking is probed once per count (and at each beat start and the
  // last sample), not at every sample: each probe re-masks the camera a dozen
  // times. Its findings span the probe samples.
  Spans fragile_spans;
  int probe_index = 0;
  Reading reading;
  // Per (beat, contact): the least distance between its regions over the beat's samples.
  std::map<std::pair<const Beat*, std::size_t>, float> contact_min;
  std::vector<Finding> whole_beat;  // findings about a beat as a whole (contacts held apart)

  // Whether fragile masking is probed at base sample k (of base_samples).
  bool is_probe(int k, double count, const Beat* beat) const;
  // The regular samples (samples_per_count per count); `samples` are these
  // and, after refinement, the refined ones between them, in order, with
  // base_index[k] the base sample's index or −1 for a refined one.
  std::vector<double> base_samples;
  std::vector<int> base_index;
  double finest_step = 0;           // the shortest interval examined, in counts
  std::size_t refined_samples = 0;
  // The cache keys this run used (the cache keeps only these: prune_cache).
  mutable std::mutex keys_mutex;
  mutable std::vector<std::uint64_t> used_keys;
  void remember_keys(const std::vector<std::uint64_t>& keys) const {
    std::lock_guard lock(keys_mutex);
    used_keys.insert(used_keys.end(), keys.begin(), keys.end());
  }
};

// ---------------------------------------------------------------------------
// [SECTION] The families, by file

// checks_contacts.cpp — a beat's contacts against both body maps, garments and barriers.
void check_contacts(const Document& doc, const Beat& beat, std::vector<Finding>& out);
// checks_versions.cpp: consent.reconfirm / consent.unconfirmed_change, from the
// changes since each performer's latest confirmation (diff.hpp), exposure
// included when options.geometry.
void check_reconfirmation(const Document& doc, const CheckOptions& options, std::vector<Finding>& out);

// checks_eyelines.cpp — targets that do not exist (notation); looks into a lens (geometry).
void check_eyeline_targets(const Document& doc, const Beat& beat, std::vector<Finding>& out);
void observe_eyeline_lens(CheckRun& run, int k, const Beat& beat, const SampleGeometry& g);

// checks_exposure.cpp — what a camera is cast for, and the exposure, hidden
// garment and barrier verdicts of its masking. observe_exposure returns the
// (performer, region) pairs whose bare skin reads.
MaskingInterest camera_interest(const CheckRun& run, const Stage& st, std::size_t camera, const Beat* beat, bool probe);
std::set<std::pair<int, Region>> observe_exposure(CheckRun& run, int k, const Beat* beat, const SampleGeometry& g,
                                                  std::size_t camera);

// checks_masking_notes.cpp — masking notes and fragile masking.
std::vector<FragileResult> measure_fragile(const CheckRun& run, const Stage& st, const Beat* beat,
                                           const CameraMasking& m, const std::vector<View>& views,
                                           std::size_t& passes);
std::vector<NoteResult> measure_notes(const CheckRun& run, const Stage& st, const Beat& beat, const CameraMasking& m,
                                      double count, std::size_t& passes);
void observe_masking_notes(CheckRun& run, int k, double count, const Beat& beat, const SampleGeometry& g,
                           std::size_t camera);
void observe_fragile(CheckRun& run, const Beat* beat, const SampleGeometry& g, std::size_t camera,
                     const std::set<std::pair<int, Region>>& reading);

// checks_pose.cpp — the poses as written (pose.unposed, pose.joint_limit), and
// how close the bodies come, against the notation.
void check_poses_written(const Document& doc, std::vector<Finding>& out);
void measure_pose(const CheckRun& run, const Stage& st, const Beat& beat, SampleGeometry& g);
void observe_pose(CheckRun& run, int k, double count, const Beat& beat, const SampleGeometry& g);
void report_contacts_apart(CheckRun& run);

// checks_samples.cpp — phase 1: every sample measured (or found in the cache).
std::uint64_t measurement_hash(const Document& doc, const CheckOptions& options, const MaskingOptions& masking);
std::vector<std::shared_ptr<const SampleGeometry>> measure_samples(const CheckRun& run, std::size_t& passes,
                                                                   std::size_t& reused);
void prune_cache(const CheckRun& run);
// One refined sample at `count`: for each camera, only the regions of
// `regions[c][p]` are cast (bare skin, no footprints), and the risk sets.
// Cached like the others (`reused`: it came from the cache).
std::shared_ptr<const SampleGeometry> measure_refined(const CheckRun& run, double count,
                                                      const std::vector<std::vector<std::uint64_t>>& regions,
                                                      bool& reused);
// The risk sets of a staged sample (see SampleGeometry::risk).
void measure_risk(const CheckRun& run, const Stage& st, SampleGeometry& g);
std::uint64_t stage_hash(const Stage& st);

// checks_space.cpp — adaptive space: the regions that may not read and that
// the grid sees on fewer rays than the read threshold, recounted on a grid
// kSpaceFactor× finer inside their screen bounds (into g.fine).
void refine_space(const CheckRun& run, const Stage& st, SampleGeometry& g);
// A region's bare skin in sub-rays (1/kSpaceFactor² of a ray): its fine count
// where it was recounted, else kSpaceFactor² per ray. Judged against
// kSubRays × thresholds_for(rays).
std::uint32_t skin_subrays(const SampleGeometry& g, std::size_t camera, int performer, Region r);
inline constexpr std::uint32_t kSubRays = static_cast<std::uint32_t>(kSpaceFactor * kSpaceFactor);

// checks_refine.cpp — adaptive time: between base samples where a region that
// may not read is in frame (or moving towards it), bisect down to the finest
// step (kFinestCountStep, or kFinestSeconds at the tempo), casting only those
// regions. Fills run.samples, run.base_index, run.finest_step; returns the
// geometry of every sample of run.samples.
std::vector<std::shared_ptr<const SampleGeometry>> refine_samples(CheckRun& run,
                                                                  std::vector<std::shared_ptr<const SampleGeometry>> base,
                                                                  std::size_t& passes, std::uint64_t& rays);

}  // namespace cs
