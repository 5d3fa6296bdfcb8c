// masking.hpp — what each camera sees: per performer and region, bare skin,
// garment, hidden; per garment and prop, how much reads.
//
// Method. For a camera at a Stage moment, rays leave the lens through a W × H
// grid of sample points spread evenly inside the delivery frame lines (sample
// (i, j) at the centre of its cell; row 0 is the top of the frame). Every ray
// is classified by the nearest thing it meets (entry points of the Stage's
// shapes and mesh triangles; exact ties broken by `Shape::order`, so shape order
// in the file never matters):
//   skin(P, R)     bare skin of region R of performer P is nearest
//   garment(P, R)  a garment of P over R is nearest (a shell point, or skin of a
//                  covered region, which the outermost garment over it paints)
//   prop / nothing
// Footprint(P, R) counts the rays that cross R's outer surface anywhere along
// their length, whatever is in front: the ray enters one of P's skin primitives
// at a point labelled R that is not buried inside another of P's skin
// primitives. It is where R would show if nothing else (no partner, prop,
// garment, nor P's own nearer parts) were in the way. Hidden(P, R) =
// footprint − skin: footprint rays where R's bare skin is not what is seen, so a
// region under a garment is hidden (and shows the garment), and a back seen from
// the front is 100 % hidden by its own body.
//
// Shares: skin, garment and footprint are shares of the frame (rays / (W·H));
// hidden is a share of the footprint (0 when the footprint is empty).
//
// Determinism: counts are integers summed per thread, and each ray's arithmetic
// does not depend on the thread or on shape order, so any thread count gives
// identical results.
//
// Speed: per camera, every shape's screen bounds are binned into 8 × 8-ray
// tiles, so a ray only meets the shapes that can cover it; rays are generated
// and intersected in float in each shape's canonical space; no allocation per ray.
// A tile row's 8 rays are intersected with a shape as two 4-ray SSE packets
// (skipped where the shape's bounds miss them), and the nearest hit is kept per
// packet; each lane does the scalar test's float operations in the same order
// (no FMA, IEEE sqrt and division), so results are bit for bit those of one ray
// at a time (Debug builds check every lane against the scalar tests). The
// footprint and tallies then run ray by ray over the hits.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "notation/stage.hpp"

namespace cs {

inline constexpr int kDefaultMaskingWidth = 320;

struct MaskingOptions {
  int width = kDefaultMaskingWidth;  // rays across the frame lines (≥ 1)
  int height = 0;                    // 0: width / aspect, rounded (≥ 1)
  int threads = 0;                   // 0: std::thread::hardware_concurrency()
  bool keep_image = false;           // fill CameraMasking::image
  // A window of the grid: only rays with row in [row_min, row_max] and column
  // in [col_min, col_max] (inclusive) are cast; the others count as empty. The
  // default (max < min) casts every ray. Used to re-test a few small regions
  // cheaply (fragile masking probes): counts inside the window are exactly
  // those of the full grid.
  int row_min = 0, row_max = -1, col_min = 0, col_max = -1;
  // What the caller needs counted (the checks ask only for what a rider, a
  // masking note or a hidden garment makes matter). When set, only the rays of
  // the 8 × 8-ray tiles that a shape able to produce one of these labels can
  // cover are cast; the others count as empty. The counts of the labels asked
  // for (and their footprint) are exactly those of the full grid; every other
  // count, the performers' in_frame, seen and extents, and the shot size, are
  // partial, and the result says so (CameraMasking::partial).
  const struct MaskingInterest* interest = nullptr;
};

struct MaskingInterest {
  std::vector<std::uint64_t> regions;  // per doc performer: region bits (skin, garment over it, footprint)
  std::vector<bool> garments;          // per doc garment: its rays
  std::vector<bool> props;             // per doc prop: its rays
  // Footprints (and boxes) of the regions asked for; false: none at all, for a
  // caller that needs only what is seen (cheaper: a ray then stops at what is
  // nearest). `footprint_regions`, when not empty (per doc performer), narrows
  // the footprints counted to those regions (each must also be in `regions`).
  bool footprints = true;
  std::vector<std::uint64_t> footprint_regions;
};

// Rays of a W-wide grid for a delivery aspect: round(W / aspect), at least 1.
int masking_height(int width, double aspect);

// The largest grid of a frame of `aspect` within `max_w` × `max_h` rays (max_h
// 0: only the width bounds it): each camera's own grid when one size is asked
// for several cameras, so no camera's rays are stretched to another's aspect.
struct GridSize { int width = 0, height = 0; };
GridSize grid_within(int max_w, int max_h, double aspect);

// The rows and columns of the grid a region's footprint spans (inclusive; max <
// min when the footprint is empty).
struct RayBox {
  int row_min = 0x7fffffff, row_max = -1, col_min = 0x7fffffff, col_max = -1;
  bool empty() const { return row_max < row_min; }
  bool operator==(const RayBox&) const = default;
};

struct RegionCounts {
  std::uint32_t skin = 0, garment = 0, footprint = 0;
  RayBox box;  // where the footprint lies
  std::uint32_t hidden() const { return footprint > skin ? footprint - skin : 0; }
  bool operator==(const RegionCounts&) const = default;
};

struct RegionShares {
  double skin = 0, garment = 0, footprint = 0;  // of the frame
  double hidden = 0;                            // of the footprint
};

enum class ShotSize : std::uint8_t {
  none,              // no performer in frame
  insert,            // a performer in frame, but not their face
  extreme_close_up,  // part of the face
  close_up,          // head, perhaps neck, shoulders and upper chest
  medium_close_up,   // to the breasts or upper abdomen
  medium,            // to the waist or hips
  cowboy,            // to mid-thigh
  full,              // head to feet (or to the shins)
  wide,              // head to feet, the figure under half the frame
};
std::string_view shot_size_name(ShotSize s);  // "medium close-up"

struct PerformerMasking {
  int performer = -1;                                  // doc.performers index
  std::array<RegionCounts, kRegionCount> regions{};
  std::uint32_t seen = 0;                              // rays where any of them (skin or garment) is nearest
  std::uint32_t in_frame = 0;                          // rays crossing any of their footprint
  int row_min = -1, row_max = -1, col_min = -1, col_max = -1;  // extent of the footprint in the grid
  bool operator==(const PerformerMasking&) const = default;
};

struct CameraMasking {
  int camera = -1;                          // doc.cameras index
  double count = 1;
  int width = 0, height = 0;
  std::vector<PerformerMasking> performers; // one per doc performer, same order
  std::vector<std::uint32_t> garment_rays;  // per doc garment: rays where it is nearest
  std::vector<std::uint32_t> prop_rays;     // per doc prop: rays where it is nearest
  std::uint32_t empty_rays = 0;             // rays that meet nothing
  bool partial = false;                     // cast with MaskingOptions::interest: see there
  std::uint32_t rays_cast = 0;              // rays actually cast (the window and the interest's tiles)
  ShotSize shot = ShotSize::none;
  int shot_performer = -1;                  // the nearest performer in frame (doc index), −1 none
  // With keep_image: the nearest label per ray, row-major from the top-left;
  // a ray that meets nothing has performer == −1 and prop == −1.
  std::vector<Label> image;

  std::uint32_t rays() const { return static_cast<std::uint32_t>(width) * static_cast<std::uint32_t>(height); }
  double share(std::uint32_t n) const { return rays() ? double(n) / double(rays()) : 0.0; }
  RegionShares shares(int performer, Region r) const;
  bool operator==(const CameraMasking&) const = default;
};

// Masks the given cameras (doc.cameras indices) at the Stage's moment; the rays
// of all of them are shared among the threads.
std::vector<CameraMasking> mask_cameras(const Stage& stage, const std::vector<int>& cameras,
                                        const MaskingOptions& options = {});
// Every camera of the Stage.
std::vector<CameraMasking> mask_all(const Stage& stage, const MaskingOptions& options = {});
CameraMasking mask_camera(const Stage& stage, int camera, const MaskingOptions& options = {});

namespace detail {
// For tests: the columns i0..i1 and rows j0..j1 of a W × H grid whose rays
// shape `shape` of the Stage can meet from the camera (false: none).
bool shape_ray_bounds(const Stage& stage, int camera, std::size_t shape, int W, int H, int& i0, int& i1, int& j0,
                      int& j1);
}  // namespace detail

}  // namespace cs
