// checks.hpp — every beat and every transition against boundaries, rider and
// garments. A pure function of the document.
//
// What is checked (codes in findings.hpp; thresholds below, and in README.md):
//  - contacts, per beat, against the receiver's `receive` boundaries for the
//    touched region and the giver's `give` boundaries for it; garments and
//    barriers as worn in that beat; the genital barrier rule;
//  - exposure, garment visibility, masking notes and fragile masking, from every
//    camera at every sample of the timeline (samples_per_count per count, from
//    the first count to the last, transitions included);
//  - the poses against the notation (touching with no contact noted; noted
//    contacts held apart);
//  - eyelines (targets that do not exist; looks into a lens).
// Findings of the same kind on consecutive samples merge into one with a span.
//
// The code: checks.cpp runs them; each family has its own checks_*.cpp, around
// one run context (checks_run.hpp); the rules they apply are consent.hpp's, the
// timeline's timeline.hpp's, the wording phrasing.hpp's.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <optional>
#include <vector>

#include "notation/document.hpp"
#include "notation/findings.hpp"
#include "notation/timeline.hpp"  // beat_at, sample_counts: the timeline the checks sample

namespace cs {

struct PropMeshes;  // mesh_import.hpp

struct CheckOptions {
  int samples_per_count = 4;        // timeline samples per count (≥ 1)
  int masking_width = 0;            // rays across the frame; 0: the masking default
  int threads = 0;                  // 0: all cores
  double fragile_offset_m = 0.05;   // how far off their marks the camera and performers may be
  bool geometry = true;             // false: only the checks that need no stage (contacts, eyeline targets)
  // Adaptive time (kFinestCountStep): bisect the intervals between samples
  // where a region that may not read could show. Off only for measuring it
  // (benchmarks, tests): without it a brief exposure can fall between samples.
  bool refine_time = true;
  // Adaptive space (kSpaceFactor): recount finely, inside its screen bounds,
  // each region that may not read and that the grid sees on fewer rays than
  // the read threshold; without it a small region can fall between rays. OFF
  // by default for now: on the reference scene it costs about 10x the plain
  // check (docs/speed.md), over the editor's and the sheets' budgets; `closedset
  // check --fine-space` turns it on.
  bool refine_space = false;
  // The imported meshes of `mesh` props (load_prop_meshes), indexed like
  // doc.props. Without them, mesh props are left out of the geometry, so a
  // caller with mesh props must pass them (closedset check refuses to run
  // without them).
  const PropMeshes* meshes = nullptr;
};

// Thresholds, documented in README.md ("The checks").
// A region "reads" on a camera when its bare skin is the nearest thing over at
// least kReadShare of the frame: on a grid of N rays, on at least
// max(kReadMinRays, ⌈kReadShare × N⌉) rays (2 on the default 320-wide grid,
// 16:9 or 2.39; 32 on a grid 4× finer: the same area at every width; a grid
// coarser than the default cannot resolve that area, and needs 2 rays). Once it
// reads, it keeps reading down to kHoldShare (at least one ray), so a sliver on
// a silhouette edge does not flicker a finding on and off between samples.
// The exposure checks count bare skin in sub-rays (adaptive space,
// kSpaceFactor below): the same thresholds, kSpaceFactor² sub-rays to a ray.
inline constexpr int kReadMinRays = 2;
inline constexpr double kReadShare = 1.0 / 28800;  // 2 rays of 320 × 180
inline constexpr double kHoldShare = kReadShare / 2;
// Adaptive time (checks_refine.cpp): an interval between samples is bisected
// wherever a region that may not read from a camera is in its frame at either
// end (or within kNearFrameM of it, and something moved), down to the finer of
// kFinestCountStep counts and kFinestSeconds at the tempo.
inline constexpr double kFinestCountStep = 1.0 / 32;
inline constexpr double kFinestSeconds = 1.0 / 48;
inline constexpr double kNearFrameM = 0.25;
// Adaptive space (checks_space.cpp): the finer grid is kSpaceFactor× the
// grid each way, and bare skin is counted in sub-rays (1/kSpaceFactor² of a
// ray); the thresholds above, in rays, are kSpaceFactor² times as many sub-rays.
inline constexpr int kSpaceFactor = 4;
// Poses: two regions touch when their surfaces come within kTouchM; a noted
// contact is "held apart" when its regions stay more than kApartM from each
// other at every sample of its beat. Unnoted touches are reported only where
// one of the two regions is sensitive or intimate for its performer.
inline constexpr double kTouchM = 0.02;
inline constexpr double kApartM = 0.12;
// A view is overhead when the camera lies within 40° of the torso's head axis;
// otherwise front (within 45° of the chest's facing), rear (within 45° of the
// back's) or side.
inline constexpr double kOverheadDeg = 40;
// An eyeline "looks into a lens" when the lens is within this angle of it.
inline constexpr double kLensEyelineDeg = 4;

struct CheckReport {
  std::vector<Finding> findings;    // sorted: by count, then severity (errors first), code, camera, performer
  int samples = 0;                  // regular timeline samples taken (samples_per_count per count)
  std::size_t camera_passes = 0;    // maskings computed (cameras × samples, plus probes), not reused
  std::size_t samples_reused = 0;   // samples whose geometry came from the cache
  int refined_samples = 0;          // samples added between them by adaptive time (included in `samples`)
  double finest_step = 0;           // the shortest interval between samples examined, in counts
  std::uint64_t rays_cast = 0;      // rays cast by the maskings computed
  std::size_t fine_windows = 0;     // adaptive space: windows recounted on the finer grid
  int errors() const;
  int warnings() const;
  int infos() const;
};

// Keeps the measured geometry of each timeline sample between runs, keyed by a
// hash of everything the measurement depends on (the staged shapes, cameras,
// garments worn, the rider and the beat's notes), so re-checking after an edit
// re-measures only the samples the edit changed. Holds one timeline's worth;
// thread-safe. Results are identical with and without it.
class CheckCache {
 public:
  CheckCache();
  ~CheckCache();
  CheckCache(const CheckCache&) = delete;
  CheckCache& operator=(const CheckCache&) = delete;
  std::size_t size() const;
  void clear();
  struct Impl;                      // internal to checks_samples.cpp
  std::unique_ptr<Impl> impl_;
};

// Geometry is measured on all cores (options.threads), one sample per task.
CheckReport run_checks(const Document& doc, const CheckOptions& options = {}, CheckCache* cache = nullptr);

// Whether a camera move can answer a finding: a camera seeing bare skin
// (exposure.*) or a hidden garment or barrier (garment.visible). The editor's
// "Suggest a camera move" and smallest_masking_move both ask this.
bool camera_move_applies(const Finding& finding);

// The smallest move of a finding's camera that stops what it sees from reading,
// at the finding's worst moment (peak_count): the camera slides 5, 10, 20 or 40
// cm to its left, right, up or down (its own axes, the lens unchanged); the
// first distance where a direction masks it (or takes it out of frame) wins,
// and of those the direction that leaves the least of it. For findings a camera
// move can answer (camera_move_applies); else, or with no move within 40 cm,
// nullopt. It checks one moment, not the whole span: the suggestion says so.
struct MaskingMove {
  std::string camera;            // camera id
  std::string direction;         // "left", "right", "up", "down"
  double distance_m = 0;
  double count = 0;              // the moment it was tried at
  std::uint32_t rays_before = 0, rays_after = 0;  // what read, on the mark and moved
  bool out_of_frame = false;     // moved, the region is not in frame at all (rather than masked)
  std::string sentence() const;  // "Camera A 20 cm to the left masks it at count 14.5, its worst moment"
};
inline constexpr double kMoveSteps[] = {0.05, 0.10, 0.20, 0.40};
std::optional<MaskingMove> smallest_masking_move(const Document& doc, const Finding& finding,
                                                 const CheckOptions& options = {});

// The document-only part (contacts and eyeline targets), as run_checks does it.
std::vector<Finding> check_notation(const Document& doc);

}  // namespace cs
