// checks_space.cpp — adaptive space: no exposure slips between two rays.
//
// On the default 320-wide grid a nipple 4 cm across at 3 m spans about five
// rays; seen through a gap, or at the edge of a partner's shoulder, it can fall
// between them and count 0 where a grid 4× finer counts dozens. So, at every
// sample, for every camera, each region whose bare skin may not read from that
// view (not simply allowed by the rider, not under a worn garment) and that the
// default grid sees on fewer rays than the read threshold is recounted on a
// grid kSpaceFactor× finer each way, but only inside the region's own screen
// bounds: the canonical box of the region on its body shapes, projected
// through the lens (conservative: every point of the region lies inside it).
// Inside that window the finer grid's rays are exactly those of a grid
// kSpaceFactor× finer (the same W·k × H·k grid, windowed), so the region's count
// there is the finer grid's count of it.
//
// The rule (README, "Thresholds"): counts are in sub-rays, 1/k² of a default
// ray each (k = kSpaceFactor, 16 sub-rays a ray). A region recounted finely
// counts its fine rays; any other counts 16 per ray. The thresholds are the
// default grid's, times 16: it reads from 32 sub-rays (the area of 2 rays on
// the default grid) and holds down to 16. So "2 rays read" means the same on
// the default grid, and the area it stands for is now measured, not guessed
// from whether a ray happened to land on it.
//
// Cost: a region already reading on the default grid is not recounted, nor one
// out of frame, under a garment or allowed from the view; the window is the
// region's bounds, not its body shape's. Regions of a performer whose windows
// overlap are cast in one pass. A region whose window exceeds
// kSpaceMaxWindow (32 × 32 default rays: large on the frame, or reaching the
// lens plane) is not recounted: that bound is what keeps the cost finite, and
// it means the guarantee holds for regions small on the frame, the ones that
// can fall between rays whole.
#include <numbers>
#include <algorithm>
#include <cmath>
#include <cstring>

#include "notation/checks_run.hpp"
#include "notation/consent.hpp"

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] Where each region lies on its shape (canonical space)

const RegionBoxCache::Boxes& RegionBoxCache::get(const Shape& s) {
  const ShapeKey key = shape_key(s);
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it != entries_.end()) return it->second;
  Boxes boxes;
  for (Box& b : boxes) {
    b.lo = glm::vec3(1e30f);
    b.hi = glm::vec3(-1e30f);
  }
  // The surface sampled on a dense parametric grid; a region's boundary lies
  // within one step of a sample labelled with it, so each box is grown by the
  // step (a chord of kSteps around a unit circle).
  constexpr int kSteps = 128;
  const float grow = 2 * std::numbers::pi_v<float> / kSteps * 1.5f;
  auto add = [&](const glm::vec3& p) {
    const Region r = body_region(s.part, region_coords(s, p));
    Box& b = boxes[static_cast<std::size_t>(r)];
    b.lo = glm::min(b.lo, p);
    b.hi = glm::max(b.hi, p);
  };
  const float h = s.kind == ShapeKind::capsule ? s.h : 0.0f;
  for (int i = 0; i <= kSteps / 2; ++i) {
    const float theta = std::numbers::pi_v<float> * static_cast<float>(i) / (kSteps / 2);  // from the +y pole
    for (int j = 0; j < kSteps; ++j) {
      const float phi = 2 * std::numbers::pi_v<float> * static_cast<float>(j) / kSteps;
      const glm::vec3 dir(std::sin(theta) * std::cos(phi), std::cos(theta), std::sin(theta) * std::sin(phi));
      if (h == 0) {
        add(dir);
      } else {
        // A capsule: each hemisphere about its end of the core, and the core's side.
        add(dir + glm::vec3(0, dir.y >= 0 ? h : -h, 0));
        if (i == kSteps / 4)
          for (int k = 0; k <= kSteps; ++k) add(glm::vec3(dir.x, -h + 2 * h * static_cast<float>(k) / kSteps, dir.z));
      }
    }
  }
  const float ey = 1 + h;
  for (Box& b : boxes) {
    if (b.lo.x > b.hi.x) continue;
    b.lo = glm::max(b.lo - grow, glm::vec3(-1, -ey, -1));
    b.hi = glm::min(b.hi + grow, glm::vec3(1, ey, 1));
    b.any = true;
  }
  return entries_.emplace(key, boxes).first->second;
}

// ---------------------------------------------------------------------------
// [SECTION] Recounting finely

namespace {

// The rays of the fine grid (W × H, already fine) whose centres can fall on
// the projection of canonical box `b` of shape `s`; false when none can.
bool window_of(const StageCamera& cam, const Shape& s, const RegionBoxCache::Box& b, int W, int H, RayBox& out) {
  const glm::dmat4 w(s.to_world);
  double i0 = 1e300, i1 = -1e300, j0 = 1e300, j1 = -1e300;
  bool straddle = false;
  for (int c = 0; c < 8; ++c) {
    const glm::dvec3 p(w * glm::dvec4(c & 1 ? b.hi.x : b.lo.x, c & 2 ? b.hi.y : b.lo.y, c & 4 ? b.hi.z : b.lo.z, 1));
    const glm::dvec3 rel = p - cam.basis.position;
    const double z = glm::dot(rel, cam.basis.forward);
    if (z <= 1e-3) {
      straddle = true;
      continue;
    }
    const double u = glm::dot(rel, cam.basis.right) / (z * cam.lens.tan_half_w);
    const double v = glm::dot(rel, cam.basis.up) / (z * cam.lens.tan_half_h);
    // u = 2(i + ½)/W − 1, v = 1 − 2(j + ½)/H.
    const double i = (u + 1) * W / 2 - 0.5, j = (1 - v) * H / 2 - 0.5;
    i0 = std::min(i0, i);
    i1 = std::max(i1, i);
    j0 = std::min(j0, j);
    j1 = std::max(j1, j);
  }
  if (straddle) {
    if (i1 < i0) return false;  // wholly behind the lens
    // Reaching the lens plane: its projection is unbounded; the whole frame.
    out = {0, H - 1, 0, W - 1};
    return true;
  }
  // One ray of margin for rounding.
  out.col_min = static_cast<int>(std::max(0.0, std::floor(i0) - 1));
  out.col_max = static_cast<int>(std::min(double(W - 1), std::ceil(i1) + 1));
  out.row_min = static_cast<int>(std::max(0.0, std::floor(j0) - 1));
  out.row_max = static_cast<int>(std::min(double(H - 1), std::ceil(j1) + 1));
  return !out.empty() && out.col_max >= out.col_min;
}

// The largest window recounted finely, in fine rays (32 × 32 default rays).
constexpr long long kSpaceMaxWindow = 128 * 128;

long long area(const RayBox& b) {
  return static_cast<long long>(b.row_max - b.row_min + 1) * (b.col_max - b.col_min + 1);
}
RayBox merged(const RayBox& a, const RayBox& b) {
  return {std::min(a.row_min, b.row_min), std::max(a.row_max, b.row_max), std::min(a.col_min, b.col_min),
          std::max(a.col_max, b.col_max)};
}

}  // namespace

void refine_space(const CheckRun& run, const Stage& st, SampleGeometry& g) {
  if (!run.options.refine_space) return;
  const int k = kSpaceFactor;
  for (std::size_t c = 0; c < g.masks.size(); ++c) {
    const CameraMasking& m = g.masks[c];
    if (m.camera < 0) continue;  // a refined sample that did not cast this camera
    const StageCamera& sc = st.cameras[c];
    const std::uint32_t start = thresholds_for(m.rays()).start;
    const int W = m.width * k, H = m.height * k;
    for (std::size_t p = 0; p < st.performers.size(); ++p) {
      const StagePerformer& sp = st.performers[p];
      std::uint64_t bits = run.not_allowed[p][static_cast<std::size_t>(view_of(sp, sc.basis.position))];
      if (g.refined) bits &= g.measured[c][p];
      // Bare skin that reads already on the default grid, or is under a worn garment, needs no recount.
      for (std::size_t r = 0; r < kRegionCount; ++r)
        if (sp.covering[r] >= 0 || m.performers[p].regions[r].skin >= start) bits &= ~region_bit(vocab_at<Region>(r));
      if (!bits) continue;
      // Each region's window: the union of its boxes' projections over the shapes carrying it.
      struct Window {
        RayBox box;
        std::uint64_t regions = 0;
      };
      std::vector<Window> windows;
      for (std::size_t r = 0; r < kRegionCount; ++r) {
        const Region region = vocab_at<Region>(r);
        if (!(bits & region_bit(region))) continue;
        RayBox box;
        bool any = false;
        for (const Shape& sh : st.shapes) {
          if (sh.label.performer != static_cast<int>(p) || sh.label.garment >= 0 || sh.label.is_prop() ||
              !(part_regions(sh.part) & region_bit(region)))
            continue;
          const RegionBoxCache::Box& b = run.region_boxes.get(sh)[r];
          RayBox w;
          if (!b.any || !window_of(sc, sh, b, W, H, w)) continue;
          box = any ? merged(box, w) : w;
          any = true;
        }
        // Bounded: a region whose outline spans more than kSpaceMaxWindow fine
        // rays is large on the frame, and is left to the default grid (the
        // first benchmark, uncapped, cast 93x the rays of plain sampling).
        if (any && area(box) <= kSpaceMaxWindow) windows.push_back({box, region_bit(region)});
      }
      // Windows that overlap are cast together when that costs no more than apart.
      for (bool again = true; again;) {
        again = false;
        for (std::size_t a = 0; a < windows.size() && !again; ++a)
          for (std::size_t b = a + 1; b < windows.size() && !again; ++b) {
            const RayBox u = merged(windows[a].box, windows[b].box);
            if (area(u) > area(windows[a].box) + area(windows[b].box)) continue;
            windows[a] = {u, windows[a].regions | windows[b].regions};
            windows.erase(windows.begin() + static_cast<std::ptrdiff_t>(b));
            again = true;
          }
      }
      for (const Window& w : windows) {
        MaskingInterest in;
        in.footprints = false;
        in.regions.assign(st.performers.size(), 0);
        in.regions[p] = w.regions;
        in.garments.assign(run.doc.garments.size(), false);
        in.props.assign(run.doc.props.size(), false);
        MaskingOptions mo = run.masking;
        mo.width = W;
        mo.height = H;
        mo.interest = &in;
        mo.row_min = w.box.row_min;
        mo.row_max = w.box.row_max;
        mo.col_min = w.box.col_min;
        mo.col_max = w.box.col_max;
        const CameraMasking fine = mask_camera(st, static_cast<int>(c), mo);
        g.rays_cast += fine.rays_cast;
        ++g.fine_windows;
        for (std::size_t r = 0; r < kRegionCount; ++r)
          if (w.regions & region_bit(vocab_at<Region>(r)))
            g.fine.push_back({static_cast<int>(c), static_cast<int>(p), vocab_at<Region>(r),
                              fine.performers[p].regions[r].skin});
      }
    }
  }
}

std::uint32_t skin_subrays(const SampleGeometry& g, std::size_t camera, int performer, Region r) {
  for (const FineCount& f : g.fine)
    if (f.camera == static_cast<int>(camera) && f.performer == performer && f.region == r) return f.rays;
  return g.masks[camera].performers[static_cast<std::size_t>(performer)].regions[static_cast<std::size_t>(r)].skin *
         kSubRays;
}

}  // namespace cs
