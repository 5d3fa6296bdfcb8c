// pick.hpp — what a ray meets first on a Stage: a performer (their skin or a
// garment they wear), a prop, or a camera. The editor casts one through the
// pixel under a click to select what is there.
//
// Usage:
//   const PickHit h = pick(stage, eye, direction);   // world-space ray
//   if (h.kind == PickKind::performer) select(doc.performers[h.index]);
//
// Shapes are the Stage's own (the ellipsoids, capsules, boxes, cylinders and
// mesh triangles the masking engine casts against), intersected analytically in
// each shape's canonical space, so a click picks what the checks see rather
// than a tessellation of it. A garment shell counts only where it covers its
// region (Stage::label_at), as in masking. A ray that starts inside a shape
// does not see it (as in masking). Cameras are not Stage shapes: each is a
// sphere of `camera_radius_m` around its position, the size of the camera body
// the viewport draws. Double precision; no GL.
#pragma once

#include <cstdint>

#include <glm/glm.hpp>

#include "notation/stage.hpp"

namespace cs {

enum class PickKind : std::uint8_t { none, performer, camera, prop };

struct PickHit {
  PickKind kind = PickKind::none;
  int index = -1;        // doc.performers, doc.cameras or doc.props index; −1 for none
  double distance = 0;   // along the ray, in units of the direction's length
  explicit operator bool() const { return kind != PickKind::none; }
};

struct PickOptions {
  double camera_radius_m = 0.2;  // a camera is hit within this of its position
  int skip_camera = -1;          // doc.cameras index not to pick (the one looked through); −1 none
  bool cameras = true;           // false: bodies and props only
};

// The nearest performer, prop or camera along origin + t·direction, t > 0.
// `direction` need not be normalised; a zero direction hits nothing.
PickHit pick(const Stage& stage, const glm::dvec3& origin, const glm::dvec3& direction, const PickOptions& options = {});

// [SECTION] Surfaces: the region under the pointer, the joint nearest a point

// A point on a performer's surface: whose, which region, which layer (skin or
// the garment seen there), where, and the outward surface normal (world, unit).
struct SurfaceHit {
  int performer = -1;    // doc.performers index; −1: nothing was hit
  Region region = Region::face;
  int garment = -1;      // doc.garments index when a garment is what the ray meets
  glm::dvec3 point{0}, normal{0, 1, 0};
  double distance = 0;   // along the ray, in units of the direction's length
  explicit operator bool() const { return performer >= 0; }
};
// The first performer surface along the ray (skin or garment shell, props and
// cameras ignored), skipping performer `skip_performer` (−1: none), so a hand
// dragged onto a partner finds the partner and not its own arm.
SurfaceHit pick_surface(const Stage& stage, const glm::dvec3& origin, const glm::dvec3& direction, int skip_performer = -1);
// The nearest point on performer `performer`'s surface to `point`, and its
// region: a surface snap for a handle dragged near or into a body (nullopt when
// the performer does not exist). Search is over the analytic shapes of skin.
SurfaceHit nearest_surface(const Stage& stage, int performer, const glm::dvec3& point);
// The joint of a staged performer nearest a world point (a click on the body
// selects it).
Joint nearest_joint(const StagePerformer& performer, const glm::dvec3& point);

// Where the ray enters one Stage shape (t > 0 along origin + t·direction), or
// a negative number when it misses it or starts inside it. For garment shells,
// the entry point's coverage is not considered here (pick does that).
double ray_enter_shape(const Shape& shape, const glm::dvec3& origin, const glm::dvec3& direction);

}  // namespace cs
