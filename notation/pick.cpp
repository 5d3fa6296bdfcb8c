// pick.cpp — pick.hpp. The canonical shapes are those of the masking engine
// (masking.cpp): ellipsoid = unit sphere; capsule = unit radius around the
// segment y ∈ [−h, h]; box = [−1, 1]³; cylinder = x² + z² ≤ 1, y ∈ [−1, 1].
#include "notation/pick.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cs {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The span [t0, t1] of the ray inside a convex piece, or false when it misses.
bool sphere_span(const glm::dvec3& o, const glm::dvec3& d, double& t0, double& t1) {
  const double a = glm::dot(d, d);
  const double b = glm::dot(o, d);
  const glm::dvec3 x = glm::cross(o, d);
  const double disc = a - glm::dot(x, x);  // b² − a·(|o|² − 1), without cancellation
  if (a <= 0 || disc < 0) return false;
  const double sq = std::sqrt(disc);
  t0 = (-b - sq) / a;
  t1 = (-b + sq) / a;
  return true;
}

// x² + z² ≤ 1 (an infinite cylinder along y).
bool tube_span(const glm::dvec3& o, const glm::dvec3& d, double& t0, double& t1) {
  const double a = d.x * d.x + d.z * d.z;
  if (a < 1e-18) {
    if (o.x * o.x + o.z * o.z > 1) return false;
    t0 = -kInf;
    t1 = kInf;
    return true;
  }
  const double cr = o.x * d.z - o.z * d.x;
  const double disc = a - cr * cr;
  if (disc < 0) return false;
  const double b = o.x * d.x + o.z * d.z;
  const double sq = std::sqrt(disc);
  t0 = (-b - sq) / a;
  t1 = (-b + sq) / a;
  return true;
}

// lo ≤ o[k] + t·d[k] ≤ hi on axis k, intersected into [t0, t1].
bool slab(const glm::dvec3& o, const glm::dvec3& d, int k, double lo, double hi, double& t0, double& t1) {
  if (std::abs(d[k]) < 1e-18) return o[k] >= lo && o[k] <= hi;
  double a = (lo - o[k]) / d[k], b = (hi - o[k]) / d[k];
  if (a > b) std::swap(a, b);
  t0 = std::max(t0, a);
  t1 = std::min(t1, b);
  return t0 <= t1;
}

// The entry into a convex piece: t0 when the ray is outside it at t = 0 and
// enters ahead; −1 when it misses or starts inside.
double entry(bool hit, double t0, double t1) { return hit && t1 >= t0 && t0 > 0 ? t0 : -1; }
bool inside(bool hit, double t0, double t1) { return hit && t0 <= 0 && t1 >= 0; }

double triangle_enter(const StageTriangle& tri, const glm::dvec3& o, const glm::dvec3& d) {
  const glm::dvec3 a(tri.a), e1 = glm::dvec3(tri.b) - a, e2 = glm::dvec3(tri.c) - a;
  const glm::dvec3 p = glm::cross(d, e2);
  const double det = glm::dot(e1, p);
  if (std::abs(det) < 1e-18) return -1;
  const glm::dvec3 s = o - a;
  const double u = glm::dot(s, p) / det;
  if (u < 0 || u > 1) return -1;
  const glm::dvec3 q = glm::cross(s, e1);
  const double v = glm::dot(d, q) / det;
  if (v < 0 || u + v > 1) return -1;
  const double t = glm::dot(e2, q) / det;
  return t > 0 ? t : -1;
}

// The outward normal of a canonical shape at a canonical surface point.
glm::dvec3 canonical_normal(const Shape& s, const glm::dvec3& q) {
  if (s.kind == ShapeKind::capsule) return q - glm::dvec3(0, std::clamp(q.y, -double(s.h), double(s.h)), 0);
  return q;
}

SurfaceHit surface_hit(const Stage& stage, const Shape& s, const glm::dvec3& world, double distance) {
  SurfaceHit hit;
  const glm::dvec3 q(glm::dmat4(s.to_canonical) * glm::dvec4(world, 1.0));
  Label l;
  if (!stage.label_at(s, glm::vec3(q), l)) return hit;
  hit.performer = l.performer;
  hit.region = l.region;
  hit.garment = l.garment;
  hit.point = world;
  hit.distance = distance;
  const glm::dvec3 n = glm::transpose(glm::dmat3(glm::dmat4(s.to_canonical))) * canonical_normal(s, q);
  if (glm::dot(n, n) > 0) hit.normal = glm::normalize(n);
  return hit;
}

}  // namespace

SurfaceHit pick_surface(const Stage& stage, const glm::dvec3& origin, const glm::dvec3& direction, int skip_performer) {
  SurfaceHit best;
  double nearest = kInf;
  if (glm::dot(direction, direction) <= 0) return best;
  for (const Shape& s : stage.shapes) {
    if (s.label.performer < 0 || s.label.performer == skip_performer) continue;
    const double t = ray_enter_shape(s, origin, direction);
    if (t <= 0 || t >= nearest) continue;
    const SurfaceHit h = surface_hit(stage, s, origin + t * direction, t);
    if (!h) continue;  // a garment shell where it does not cover
    nearest = t;
    best = h;
  }
  return best;
}

SurfaceHit nearest_surface(const Stage& stage, int performer, const glm::dvec3& point) {
  SurfaceHit best;
  double nearest = kInf;
  for (const Shape& s : stage.shapes) {
    if (s.label.performer != performer || s.covers != 0) continue;  // skin (covered skin carries its garment)
    if (s.kind != ShapeKind::ellipsoid && s.kind != ShapeKind::capsule) continue;
    const glm::dvec3 c(glm::dmat4(s.to_canonical) * glm::dvec4(point, 1.0));
    const glm::dvec3 axis = s.kind == ShapeKind::capsule ? glm::dvec3(0, std::clamp(c.y, -double(s.h), double(s.h)), 0)
                                                         : glm::dvec3(0);
    glm::dvec3 radial = c - axis;
    if (glm::dot(radial, radial) < 1e-18) radial = glm::dvec3(0, 0, 1);
    const glm::dvec3 q = axis + glm::normalize(radial);
    const glm::dvec3 world(glm::dmat4(s.to_world) * glm::dvec4(q, 1.0));
    const double dist = glm::length(world - point);
    if (dist >= nearest) continue;
    const SurfaceHit h = surface_hit(stage, s, world, dist);
    if (!h) continue;
    nearest = dist;
    best = h;
  }
  return best;
}

Joint nearest_joint(const StagePerformer& performer, const glm::dvec3& point) {
  Joint best = Joint::pelvis;
  double nearest = kInf;
  for (std::size_t j = 0; j < kJointCount; ++j) {
    const double d = glm::length(glm::dvec3(performer.joints[j].position) - point);
    if (d < nearest) {
      nearest = d;
      best = vocab_at<Joint>(j);
    }
  }
  return best;
}

double ray_enter_shape(const Shape& shape, const glm::dvec3& origin, const glm::dvec3& direction) {
  const glm::dmat4 m(shape.to_canonical);
  const glm::dvec3 o(m * glm::dvec4(origin, 1.0));
  const glm::dvec3 d(m * glm::dvec4(direction, 0.0));
  double t0 = -kInf, t1 = kInf;
  switch (shape.kind) {
    case ShapeKind::ellipsoid: {
      const bool h = sphere_span(o, d, t0, t1);
      return entry(h, t0, t1);
    }
    case ShapeKind::box: {
      const bool h = slab(o, d, 0, -1, 1, t0, t1) && slab(o, d, 1, -1, 1, t0, t1) && slab(o, d, 2, -1, 1, t0, t1);
      return entry(h, t0, t1);
    }
    case ShapeKind::cylinder: {
      const bool h = tube_span(o, d, t0, t1) && slab(o, d, 1, -1, 1, t0, t1);
      return entry(h, t0, t1);
    }
    case ShapeKind::capsule: {
      // A capsule is convex: the union of its core (a capped tube) and its two
      // end spheres, so the ray enters it at the first of their entries.
      const double hh = shape.h;
      double best = kInf;
      double a0 = -kInf, a1 = kInf;
      const bool core = tube_span(o, d, a0, a1) && slab(o, d, 1, -hh, hh, a0, a1);
      if (inside(core, a0, a1)) return -1;
      if (const double e = entry(core, a0, a1); e > 0) best = std::min(best, e);
      for (const double c : {-hh, hh}) {
        double s0 = 0, s1 = 0;
        const bool h = sphere_span(o - glm::dvec3(0, c, 0), d, s0, s1);
        if (inside(h, s0, s1)) return -1;
        if (const double e = entry(h, s0, s1); e > 0) best = std::min(best, e);
      }
      return best < kInf ? best : -1;
    }
    case ShapeKind::triangle: return -1;  // mesh triangles are Stage::triangles, not shapes
  }
  return -1;
}

PickHit pick(const Stage& stage, const glm::dvec3& origin, const glm::dvec3& direction, const PickOptions& options) {
  PickHit best;
  double nearest = kInf;
  if (glm::dot(direction, direction) <= 0) return best;
  const double len = glm::length(direction);
  auto take = [&](double t, PickKind kind, int index) {
    if (t > 0 && t < nearest) {
      nearest = t;
      best.kind = kind;
      best.index = index;
      best.distance = t;
    }
  };
  for (const Shape& s : stage.shapes) {
    // Cheap rejection by the shape's bounding sphere.
    const glm::dvec3 c = glm::dvec3(s.bound_center) - origin;
    const double along = glm::dot(c, direction) / len;
    const double off2 = glm::dot(c, c) - along * along;
    const double r = static_cast<double>(s.bound_radius) * 1.001 + 1e-6;
    if (off2 > r * r || (along < -r)) continue;
    const double t = ray_enter_shape(s, origin, direction);
    if (t <= 0 || t >= nearest) continue;
    if (s.label.is_prop()) {
      take(t, PickKind::prop, s.label.prop);
      continue;
    }
    if (s.covers) {
      // A shell shows only where its garment covers the region there.
      const glm::dvec3 p = origin + t * direction;
      const glm::vec3 canonical(glm::dmat4(s.to_canonical) * glm::dvec4(p, 1.0));
      Label l;
      if (!stage.label_at(s, canonical, l)) continue;
    }
    take(t, PickKind::performer, s.label.performer);
  }
  for (const StageTriangle& tri : stage.triangles)
    if (tri.label.is_prop()) take(triangle_enter(tri, origin, direction), PickKind::prop, tri.label.prop);
  if (options.cameras) {
    for (const StageCamera& sc : stage.cameras) {
      if (sc.index == options.skip_camera) continue;
      double t0 = 0, t1 = 0;
      const glm::dvec3 o = (origin - sc.basis.position) / options.camera_radius_m;
      if (sphere_span(o, direction / options.camera_radius_m, t0, t1)) take(entry(true, t0, t1), PickKind::camera, sc.index);
    }
  }
  return best;
}

}  // namespace cs
