#include "notation/masking.hpp"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>
#include <thread>

#include <immintrin.h>

namespace cs {

// [SECTION] Index
//   Per-camera primitives (Prim): a shape or triangle prepared for one camera
//   Intersections: entry distance along the ray, in float
//   Binning: screen bounds → 8 × 8-ray tiles
//   The ray loop: nearest hit, footprint, tallies
//   Shot size

namespace {

constexpr int kTile = 8;

enum Role : std::uint8_t { kSkin, kShell, kProp };

// A shape or a mesh triangle prepared for one camera. The ray through frame
// point (u, v) is o + t·(dc + u·du + v·dv) in the primitive's space (canonical
// for shapes; world, relative to the first vertex, for triangles). t is the same
// parameter along the world ray for every primitive, so hits compare directly.
struct Prim {
  glm::vec3 dc{0}, du{0}, dv{0};
  glm::vec3 o{0};       // camera origin in the primitive's space (triangles: camera − a)
  glm::vec3 e1{0}, e2{0}, q{0};  // triangles: edges, q = (camera − a) × e1
  float c = 0;          // ellipsoid: |o|² − 1; capsule, cylinder: o.x² + o.z² − 1
  float h = 0;          // capsule: canonical half length; triangles: e2·q
  ShapeKind kind = ShapeKind::ellipsoid;
  Role role = kProp;
  BodyPart part = BodyPart::none;
  std::int16_t performer = -1;
  std::uint64_t covers = 0;
  std::uint64_t order = 0;
  // Body parts that carry one region only (part_regions has one bit): that region,
  // without evaluating body_region. Shells covering every region of their part
  // count at any point.
  bool fixed_region = false;
  bool covers_all = false;
  Region region = Region::face;
  std::uint64_t part_bits = 0;  // part_regions(part)
  Label label;            // shapes: the shape's label (Stage::label_at starts from it)
};

// [SECTION] Intersections — entry t0 > 0 and exit t1 ≥ t0, or false. A ray
// starting inside a shape (t0 ≤ 0) does not see it.

inline bool hit_sphere_at(const glm::vec3& o, const glm::vec3& d, float& t0, float& t1) {
  const float a = glm::dot(d, d);
  const float b = glm::dot(o, d);
  const glm::vec3 x = glm::cross(o, d);
  const float disc = a - glm::dot(x, x);  // = b² − a·(|o|² − 1) without cancellation
  if (disc < 0) return false;
  const float sq = std::sqrt(disc), inv = 1.0f / a;
  t0 = (-b - sq) * inv;
  t1 = (-b + sq) * inv;
  return true;
}

inline bool hit_ellipsoid(const Prim& p, const glm::vec3& d, float& t0, float& t1) {
  return hit_sphere_at(p.o, d, t0, t1) && t0 > 0;
}

inline bool hit_capsule(const Prim& p, const glm::vec3& d, float& t0, float& t1) {
  const float a = d.x * d.x + d.z * d.z;
  float s0, s1;  // the cap centre (±h) entered / left through; 0: through the side
  if (a > 1e-12f) {
    const float cr = p.o.x * d.z - p.o.z * d.x;
    const float disc = a - cr * cr;
    if (disc < 0) return false;
    const float b = p.o.x * d.x + p.o.z * d.z;
    const float sq = std::sqrt(disc), inv = 1.0f / a;
    t0 = (-b - sq) * inv;
    t1 = (-b + sq) * inv;
    const float y0 = p.o.y + t0 * d.y, y1 = p.o.y + t1 * d.y;
    s0 = std::abs(y0) <= p.h ? 0.0f : (y0 > 0 ? p.h : -p.h);
    s1 = std::abs(y1) <= p.h ? 0.0f : (y1 > 0 ? p.h : -p.h);
  } else {
    if (p.c >= 0) return false;
    s0 = d.y < 0 ? p.h : -p.h;
    s1 = -s0;
  }
  float unused;
  if (s0 != 0 && !hit_sphere_at(glm::vec3(p.o.x, p.o.y - s0, p.o.z), d, t0, unused)) return false;
  if (s1 != 0 && !hit_sphere_at(glm::vec3(p.o.x, p.o.y - s1, p.o.z), d, unused, t1)) return false;
  return t0 > 0;
}

inline bool hit_box(const Prim& p, const glm::vec3& d, float& t0, float& t1) {
  float tn = -std::numeric_limits<float>::infinity(), tf = std::numeric_limits<float>::infinity();
  for (int k = 0; k < 3; ++k) {
    if (std::abs(d[k]) < 1e-20f) {
      if (std::abs(p.o[k]) > 1) return false;
      continue;
    }
    const float inv = 1.0f / d[k];
    float a = (-1 - p.o[k]) * inv, b = (1 - p.o[k]) * inv;
    if (a > b) std::swap(a, b);
    tn = std::max(tn, a);
    tf = std::min(tf, b);
  }
  t0 = tn;
  t1 = tf;
  return tn <= tf && tn > 0;
}

inline bool hit_cylinder(const Prim& p, const glm::vec3& d, float& t0, float& t1) {
  float c0 = -std::numeric_limits<float>::infinity(), c1 = std::numeric_limits<float>::infinity();
  const float a = d.x * d.x + d.z * d.z;
  if (a > 1e-12f) {
    const float cr = p.o.x * d.z - p.o.z * d.x;
    const float disc = a - cr * cr;
    if (disc < 0) return false;
    const float b = p.o.x * d.x + p.o.z * d.z;
    const float sq = std::sqrt(disc);
    c0 = (-b - sq) / a;
    c1 = (-b + sq) / a;
  } else if (p.c > 0) {
    return false;
  }
  float ta = -std::numeric_limits<float>::infinity(), tb = std::numeric_limits<float>::infinity();
  if (std::abs(d.y) > 1e-20f) {
    ta = (-1 - p.o.y) / d.y;
    tb = (1 - p.o.y) / d.y;
    if (ta > tb) std::swap(ta, tb);
  } else if (std::abs(p.o.y) > 1) {
    return false;
  }
  t0 = std::max(c0, ta);
  t1 = std::min(c1, tb);
  return t0 <= t1 && t0 > 0;
}

inline bool hit_triangle(const Prim& p, const glm::vec3& d, float& t0, float& t1) {
  const glm::vec3 pv = glm::cross(d, p.e2);
  const float det = glm::dot(p.e1, pv);
  if (std::abs(det) < 1e-20f) return false;
  const float inv = 1.0f / det;
  const float uu = glm::dot(p.o, pv) * inv;
  if (uu < 0 || uu > 1) return false;
  const float vv = glm::dot(d, p.q) * inv;
  if (vv < 0 || uu + vv > 1) return false;
  t0 = t1 = p.h * inv;
  return t0 > 0;
}

inline bool hit(const Prim& p, const glm::vec3& d, float& t0, float& t1) {
  switch (p.kind) {
    case ShapeKind::ellipsoid: return hit_ellipsoid(p, d, t0, t1);
    case ShapeKind::capsule: return hit_capsule(p, d, t0, t1);
    case ShapeKind::box: return hit_box(p, d, t0, t1);
    case ShapeKind::cylinder: return hit_cylinder(p, d, t0, t1);
    case ShapeKind::triangle: return hit_triangle(p, d, t0, t1);
  }
  return false;
}

// Packets: the same tests on 4 rays of a tile row at once (GCC vector
// extensions, one SSE register on baseline x86-64). Every lane performs exactly the
// float operations of the scalar test above, in the same order (no FMA, IEEE
// sqrt and division), and every branch becomes a lane mask with the same NaN
// behaviour, so each lane's outcome and t0, t1 are bit for bit the scalar ones.
// The scalar tests stay the reference: Debug builds check every lane against them.

typedef float v4f __attribute__((vector_size(16)));
typedef std::int32_t v4i __attribute__((vector_size(16)));
constexpr int kLanes = 4;  // a tile row is two packets

inline v4f splat(float x) { return _mm_set1_ps(x); }
inline v4f vabs(v4f x) { return (v4f)((v4i)x & 0x7fffffff); }
inline v4f vsqrt(v4f x) { return _mm_sqrt_ps(x); }
// One bit per lane (lane c: bit c) of a comparison result.
inline unsigned lane_bits(v4i m) { return unsigned(_mm_movemask_ps((__m128)m)); }

// The ray directions of a packet, structure of arrays.
struct Dirs { v4f x, y, z; };

// hit_sphere_at for every lane: a lane mask of disc ≥ 0 (or NaN, as the scalar
// `disc < 0` test lets NaN through), and t0, t1.
inline v4i packet_sphere_at(float ox, v4f oy, float oz, const Dirs& d, unsigned want, v4f& t0, v4f& t1) {
  const v4f a = (d.x * d.x + d.y * d.y) + d.z * d.z;
  const v4f cx = oy * d.z - d.y * oz, cy = oz * d.x - d.z * ox, cz = ox * d.y - d.x * oy;
  const v4f disc = a - ((cx * cx + cy * cy) + cz * cz);
  const v4i ok = ~(disc < 0);
  t0 = t1 = disc;
  if (!(lane_bits(ok) & want)) return v4i{};  // no wanted lane hits: skip the sqrt and division
  const v4f b = (ox * d.x + oy * d.y) + oz * d.z;
  const v4f sq = vsqrt(disc), inv = 1.0f / a;
  t0 = (-b - sq) * inv;
  t1 = (-b + sq) * inv;
  return ok;
}

inline v4i packet_ellipsoid(const Prim& p, const Dirs& d, unsigned want, v4f& t0, v4f& t1) {
  return packet_sphere_at(p.o.x, splat(p.o.y), p.o.z, d, want, t0, t1) & (t0 > 0);
}

inline v4i packet_capsule(const Prim& p, const Dirs& d, unsigned want, v4f& t0, v4f& t1) {
  const v4f a = d.x * d.x + d.z * d.z;
  const v4i side = a > 1e-12f;
  v4i ok = ~v4i{};
  // Through the side (lanes `side`).
  const v4f cr = p.o.x * d.z - p.o.z * d.x;
  const v4f disc = a - cr * cr;
  ok &= ~(side & (disc < 0));
  if (p.c >= 0) ok &= side;
  t0 = t1 = disc;
  if (!(lane_bits(ok) & want)) return v4i{};
  const v4f b = p.o.x * d.x + p.o.z * d.z;
  const v4f sq = vsqrt(disc), inv = 1.0f / a;
  const v4f st0 = (-b - sq) * inv, st1 = (-b + sq) * inv;
  const v4f y0 = p.o.y + st0 * d.y, y1 = p.o.y + st1 * d.y;
  const v4f h = splat(p.h), nh = splat(-p.h), zero = splat(0.0f);
  const v4f ss0 = vabs(y0) <= p.h ? zero : (y0 > 0 ? h : nh);
  const v4f ss1 = vabs(y1) <= p.h ? zero : (y1 > 0 ? h : nh);
  // Along the axis (the other lanes): t0, t1 as the caller left them, 0.
  const v4f as0 = d.y < 0 ? h : nh;
  const v4f s0 = side ? ss0 : as0, s1 = side ? ss1 : -as0;
  t0 = side ? st0 : zero;
  t1 = side ? st1 : zero;
  // Through a cap: the cap sphere's entry (s0) or exit (s1).
  const v4i cap0 = s0 != 0, cap1 = s1 != 0;
  if (lane_bits(cap0 & ok) & want) {
    v4f e0, unused;
    ok &= ~(cap0 & ~packet_sphere_at(p.o.x, p.o.y - s0, p.o.z, d, want, e0, unused));
    t0 = cap0 ? e0 : t0;
  }
  if (lane_bits(cap1 & ok) & want) {
    v4f unused, e1;
    ok &= ~(cap1 & ~packet_sphere_at(p.o.x, p.o.y - s1, p.o.z, d, want, unused, e1));
    t1 = cap1 ? e1 : t1;
  }
  return ok & (t0 > 0);
}

inline v4i packet_box(const Prim& p, const Dirs& d, [[maybe_unused]] unsigned want, v4f& t0, v4f& t1) {
  v4f tn = splat(-std::numeric_limits<float>::infinity()), tf = splat(std::numeric_limits<float>::infinity());
  v4i ok = ~v4i{};
  const v4f* dk[3] = {&d.x, &d.y, &d.z};
  for (int k = 0; k < 3; ++k) {
    const v4f dd = *dk[k];
    const v4i flat = vabs(dd) < 1e-20f;
    if (std::abs(p.o[k]) > 1) ok &= ~flat;
    const v4f inv = 1.0f / dd;
    v4f a = (-1 - p.o[k]) * inv, b = (1 - p.o[k]) * inv;
    const v4i sw = a > b;
    const v4f lo = sw ? b : a, hi = sw ? a : b;
    tn = (~flat & (tn < lo)) ? lo : tn;  // std::max(tn, a)
    tf = (~flat & (hi < tf)) ? hi : tf;  // std::min(tf, b)
  }
  t0 = tn;
  t1 = tf;
  return ok & (tn <= tf) & (tn > 0);
}

inline v4i packet_cylinder(const Prim& p, const Dirs& d, unsigned want, v4f& t0, v4f& t1) {
  const v4f ninf = splat(-std::numeric_limits<float>::infinity()), pinf = splat(std::numeric_limits<float>::infinity());
  const v4f a = d.x * d.x + d.z * d.z;
  const v4i side = a > 1e-12f;
  v4i ok = ~v4i{};
  const v4f cr = p.o.x * d.z - p.o.z * d.x;
  const v4f disc = a - cr * cr;
  ok &= ~(side & (disc < 0));
  if (p.c > 0) ok &= side;
  t0 = t1 = disc;
  if (!(lane_bits(ok) & want)) return v4i{};
  const v4f b = p.o.x * d.x + p.o.z * d.z;
  const v4f sq = vsqrt(disc);
  const v4f c0 = side ? (-b - sq) / a : ninf, c1 = side ? (-b + sq) / a : pinf;
  const v4i slope = vabs(d.y) > 1e-20f;
  if (std::abs(p.o.y) > 1) ok &= slope;
  v4f ta = (-1 - p.o.y) / d.y, tb = (1 - p.o.y) / d.y;
  const v4i sw = ta > tb;
  const v4f lo = sw ? tb : ta, hi = sw ? ta : tb;
  ta = slope ? lo : ninf;
  tb = slope ? hi : pinf;
  t0 = c0 < ta ? ta : c0;  // std::max(c0, ta)
  t1 = tb < c1 ? tb : c1;  // std::min(c1, tb)
  return ok & (t0 <= t1) & (t0 > 0);
}

inline v4i packet_triangle(const Prim& p, const Dirs& d, [[maybe_unused]] unsigned want, v4f& t0, v4f& t1) {
  const v4f px = d.y * p.e2.z - p.e2.y * d.z, py = d.z * p.e2.x - p.e2.z * d.x, pz = d.x * p.e2.y - p.e2.x * d.y;
  const v4f det = (p.e1.x * px + p.e1.y * py) + p.e1.z * pz;
  const v4f inv = 1.0f / det;
  const v4f uu = ((p.o.x * px + p.o.y * py) + p.o.z * pz) * inv;
  const v4f vv = ((d.x * p.q.x + d.y * p.q.y) + d.z * p.q.z) * inv;
  t0 = t1 = p.h * inv;
  return ~(vabs(det) < 1e-20f) & ~(uu < 0) & ~(uu > 1) & ~(vv < 0) & ~(uu + vv > 1) & (t0 > 0);
}

// [SECTION] Per-camera preparation and binning

struct Bounds { int i0, i1, j0, j1; bool any; };

struct CameraJob {
  int camera = -1;
  int width = 0, height = 0, tiles_x = 0, tiles_y = 0;
  glm::dvec3 position{0};
  std::vector<Prim> prims;                 // shapes (same index as Stage::shapes), then triangles
  std::vector<std::uint32_t> tile_start;   // CSR over tiles
  std::vector<std::uint32_t> tile_items;
  std::size_t max_items = 0;
  std::vector<Bounds> bounds;              // per prim: the rays it can cover
  // Per prim and row of its bounds (j0 … j1): the columns its outline can cover
  // on that row (lo > hi: none), at span_at[prim] + (row − j0).
  std::vector<std::uint32_t> span_at;
  std::vector<std::array<int, 2>> spans;
  const std::array<int, 2>& span(std::uint32_t k, int j) const { return spans[span_at[k] + std::size_t(j - bounds[k].j0)]; }
  // The tiles prim k's spans reach in tile row ty: tile columns t0 … t1 (none: t1 < t0).
  void tile_cols(std::size_t k, int ty, int& t0, int& t1) const {
    const Bounds& bd = bounds[k];
    int lo = width, hi = -1;
    for (int j = std::max(bd.j0, ty * kTile); j <= std::min(bd.j1, ty * kTile + kTile - 1); ++j) {
      const std::array<int, 2>& sp = span(static_cast<std::uint32_t>(k), j);
      if (sp[0] > sp[1]) continue;
      lo = std::min(lo, sp[0]);
      hi = std::max(hi, sp[1]);
    }
    t0 = lo / kTile;
    t1 = hi < 0 ? -1 : hi / kTile;
  }
  Label* image = nullptr;
  int wi0 = 0, wi1 = 0, wj0 = 0, wj1 = 0;  // the window of rays cast (inclusive)
  std::vector<bool> tile_on;               // with an interest: the tiles cast (empty: all)
  std::vector<std::uint64_t> footprint_bits;  // with an interest: per performer, the footprints counted
  std::vector<float> zmin;                 // per prim: a lower bound of the t at which a ray can meet it
};

// Pixel range covered by the projection of world points (their convex hull).
template <class Points> Bounds project(const StageCamera& cam, const Points& pts, int W, int H) {
  const CameraBasis& b = cam.basis;
  double u0 = 1e300, u1 = -1e300, v0 = 1e300, v1 = -1e300;
  int behind = 0, n = 0;
  bool straddle = false;
  for (const glm::dvec3& p : pts) {
    ++n;
    const glm::dvec3 r = p - b.position;
    const double z = glm::dot(r, b.forward);
    if (z <= 1e-6) {
      if (z <= 0) ++behind;
      straddle = true;
      continue;
    }
    const double u = glm::dot(r, b.right) / (z * cam.lens.tan_half_w);
    const double v = glm::dot(r, b.up) / (z * cam.lens.tan_half_h);
    u0 = std::min(u0, u); u1 = std::max(u1, u);
    v0 = std::min(v0, v); v1 = std::max(v1, v);
  }
  if (behind == n) return {0, -1, 0, -1, false};
  if (straddle) return {0, W - 1, 0, H - 1, true};
  // Sample i sits at u = 2(i + ½)/W − 1; row j at v = 1 − 2(j + ½)/H. One sample of margin.
  auto clampi = [](double x, int lo, int hi) { return int(std::clamp(x, double(lo), double(hi))); };
  if (u1 < -1.1 || u0 > 1.1 || v1 < -1.1 || v0 > 1.1) return {0, -1, 0, -1, false};
  const int i0 = clampi(std::floor((u0 + 1) * 0.5 * W - 0.5) - 1, 0, W - 1);
  const int i1 = clampi(std::ceil((u1 + 1) * 0.5 * W - 0.5) + 1, 0, W - 1);
  const int j0 = clampi(std::floor((1 - v1) * 0.5 * H - 0.5) - 1, 0, H - 1);
  const int j1 = clampi(std::ceil((1 - v0) * 0.5 * H - 0.5) + 1, 0, H - 1);
  return {i0, i1, j0, j1, i0 <= i1 && j0 <= j1};
}

// The outline of an ellipsoid c + M·s (|s| ≤ 1, world) on the image: from the
// planes through the lens tangent to it. A plane x − u·z = 0 (camera space, x
// and z scaled so the frame edges are u = ±1) touches the ellipsoid where
// (n·c)² = nᵀ(M Mᵀ)n, n = (1, 0, −u): a quadratic in u whose roots are the
// outline's left and right edges (likewise v). Only for an ellipsoid wholly in
// front of the lens (else false). The extent is merged into [lo, hi].
bool outline_extent(const StageCamera& cam, const glm::dmat3& M, const glm::dvec3& centre, glm::dvec2& lo,
                    glm::dvec2& hi) {
  const CameraBasis& b = cam.basis;
  const glm::dvec3 axes[3] = {b.right / cam.lens.tan_half_w, b.up / cam.lens.tan_half_h, b.forward};
  glm::dvec3 c, row[3];
  for (int a = 0; a < 3; ++a) {
    c[a] = glm::dot(axes[a], centre - b.position);
    row[a] = glm::transpose(M) * axes[a];  // the rows of K·M, K the camera axes
  }
  const double azz = glm::dot(row[2], row[2]);
  if (c.z <= 0 || c.z * c.z - azz <= 1e-6 * c.z * c.z) return false;  // reaches the lens plane
  for (int a = 0; a < 2; ++a) {
    const double aaa = glm::dot(row[a], row[a]), aaz = glm::dot(row[a], row[2]);
    const double qa = c.z * c.z - azz, qb = c[a] * c.z - aaz, qc = c[a] * c[a] - aaa;
    const double disc = qb * qb - qa * qc;
    if (disc < 0) return false;  // cannot happen for a real ellipsoid in front; be safe
    const double sq = std::sqrt(disc);
    lo[a] = std::min(lo[a], (qb - sq) / qa);
    hi[a] = std::max(hi[a], (qb + sq) / qa);
  }
  return true;
}

// The rays an ellipsoid, or a capsule (the hull of its two end ellipsoids), can
// meet, with one sample of margin as project() has; false when a part of it
// reaches the lens plane.
bool outline_bounds(const StageCamera& cam, const glm::dmat4& w, double half_y, int W, int H, Bounds& out) {
  const glm::dmat3 M(w);
  glm::dvec2 lo(std::numeric_limits<double>::infinity()), hi(-std::numeric_limits<double>::infinity());
  if (!outline_extent(cam, M, glm::dvec3(w * glm::dvec4(0, half_y, 0, 1)), lo, hi) ||
      !outline_extent(cam, M, glm::dvec3(w * glm::dvec4(0, -half_y, 0, 1)), lo, hi))
    return false;
  // u = 2(i + ½)/W − 1, v = 1 − 2(j + ½)/H.
  if (hi.x < -1.1 || lo.x > 1.1 || hi.y < -1.1 || lo.y > 1.1) {
    out = {0, -1, 0, -1, false};
    return true;
  }
  auto clampi = [](double x, int a, int b) { return int(std::clamp(x, double(a), double(b))); };
  out = {clampi(std::floor((lo.x + 1) * 0.5 * W - 0.5) - 1, 0, W - 1),
         clampi(std::ceil((hi.x + 1) * 0.5 * W - 0.5) + 1, 0, W - 1),
         clampi(std::floor((1 - hi.y) * 0.5 * H - 0.5) - 1, 0, H - 1),
         clampi(std::ceil((1 - lo.y) * 0.5 * H - 0.5) + 1, 0, H - 1), true};
  return true;
}

// The columns of row j that an ellipsoid's or a capsule's outline can cover,
// within its bounds (other kinds: the bounds' columns). In canonical space the
// ray through (u, v) is o + t·(A + u·B), A = dc + v·dv, B = du; it meets the
// unit sphere where (o·D)² − |D|²(|o|² − 1) ≥ 0, a quadratic in u: the row's
// span lies between its roots. A capsule lies within the hull of its two end
// spheres and its infinite cylinder (the same test on x and z). Each is grown
// by 0.1 % and the span by a column or two each side, far beyond the rounding
// of the float rays, so no ray that meets the shape is left out.
std::array<int, 2> row_span(const Prim& p, const Bounds& bd, int j, int W, int H) {
  const std::array<int, 2> all{bd.i0, bd.i1};
  if (p.kind != ShapeKind::ellipsoid && p.kind != ShapeKind::capsule) return all;
  const double v = 1.0 - (double(j) + 0.5) * (2.0 / H);
  const glm::dvec3 A = glm::dvec3(p.dc) + v * glm::dvec3(p.dv), B(p.du);
  constexpr double r2 = 1.001 * 1.001;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  // false: this piece cannot be bounded on the row (the lens inside it, or open-ended).
  auto piece = [&](const glm::dvec3& o, const glm::dvec3& a, const glm::dvec3& b) {
    const double k = glm::dot(o, o) - r2;
    if (k <= 0) return false;
    const double ob = glm::dot(o, b), oa = glm::dot(o, a);
    const double qa = ob * ob - k * glm::dot(b, b), qb = oa * ob - k * glm::dot(a, b), qc = oa * oa - k * glm::dot(a, a);
    if (qa >= 0) return false;
    const double disc = qb * qb - qa * qc;
    if (disc < 0) return true;  // misses this row
    const double sq = std::sqrt(disc);
    lo = std::min(lo, (-qb + sq) / qa);
    hi = std::max(hi, (-qb - sq) / qa);
    return true;
  };
  const glm::dvec3 o(p.o);
  if (p.kind == ShapeKind::ellipsoid) {
    if (!piece(o, A, B)) return all;
  } else {
    const glm::dvec3 up(0, double(p.h), 0), flat(1, 0, 1);
    if (!piece(o - up, A, B) || !piece(o + up, A, B) || !piece(o * flat, A * flat, B * flat)) return all;
  }
  if (lo > hi) return {bd.i0, bd.i0 - 1};
  // u = (i + ½)·(2/W) − 1. Truncation instead of floor and ceil (a library
  // call each here), with a column more of margin.
  const int c0 = int(std::clamp((lo + 1) * W / 2 - 0.5, -1e6, 1e6)) - 2;
  const int c1 = int(std::clamp((hi + 1) * W / 2 - 0.5, -1e6, 1e6)) + 2;
  return {std::max(bd.i0, c0), std::min(bd.i1, c1)};
}

Bounds clip(const Bounds& b, const Bounds& w) {
  Bounds c{std::max(b.i0, w.i0), std::min(b.i1, w.i1), std::max(b.j0, w.j0), std::min(b.j1, w.j1), false};
  c.any = b.any && c.i0 <= c.i1 && c.j0 <= c.j1;
  return c;
}

// Whether a shape's bounding sphere can reach the window's rays: the image of
// the box around the sphere (camera axes), x'/z' over its corners, with a
// column and a row of margin. False only when it certainly cannot.
bool sphere_may_meet(const StageCamera& cam, const Shape& s, int W, int H, const Bounds& w) {
  const CameraBasis& b = cam.basis;
  const glm::dvec3 rel = glm::dvec3(s.bound_center) - b.position;
  const double r = s.bound_radius, z = glm::dot(rel, b.forward);
  if (z - r <= 1e-3) return true;  // reaches the lens plane: let the exact bounds decide
  const double x = glm::dot(rel, b.right), y = glm::dot(rel, b.up);
  auto lo = [&](double c) { return c - r < 0 ? (c - r) / (z - r) : (c - r) / (z + r); };
  auto hi = [&](double c) { return c + r > 0 ? (c + r) / (z - r) : (c + r) / (z + r); };
  const double u0 = lo(x) / cam.lens.tan_half_w, u1 = hi(x) / cam.lens.tan_half_w;
  const double v0 = lo(y) / cam.lens.tan_half_h, v1 = hi(y) / cam.lens.tan_half_h;
  // u = 2(i + ½)/W − 1, v = 1 − 2(j + ½)/H.
  const double i0 = (u0 + 1) * W / 2 - 0.5 - 2, i1 = (u1 + 1) * W / 2 - 0.5 + 2;
  const double j0 = (1 - v1) * H / 2 - 0.5 - 2, j1 = (1 - v0) * H / 2 - 0.5 + 2;
  return i1 >= w.i0 && i0 <= w.i1 && j1 >= w.j0 && j0 <= w.j1;
}

// The rays a shape can meet.
Bounds shape_bounds(const StageCamera& cam, const Shape& s, int W, int H) {
  // The canonical bounding box's corners.
  const double ey = s.kind == ShapeKind::capsule ? double(s.h) + 1 : 1;
  std::array<glm::dvec3, 8> corners;
  const glm::dmat4 w(s.to_world);
  for (int c = 0; c < 8; ++c)
    corners[c] = glm::dvec3(w * glm::dvec4(c & 1 ? 1 : -1, c & 2 ? ey : -ey, c & 4 ? 1 : -1, 1));
  Bounds out = project(cam, corners, W, H);
  // Ellipsoids and capsules (the hull of two ellipsoids): the exact extent of
  // their outline, far tighter than the box's for a limb seen at an angle.
  if (out.any && (s.kind == ShapeKind::ellipsoid || s.kind == ShapeKind::capsule)) {
    Bounds e{};
    if (outline_bounds(cam, w, s.kind == ShapeKind::capsule ? double(s.h) : 0.0, W, H, e)) out = e;
  }
  return out;
}

// `window`: the rays cast (columns i0 … i1, rows j0 … j1); each primitive's
// bounds are clipped to it, so nothing outside it is binned or spanned.
CameraJob prepare(const Stage& stage, int camera, int W, int H, const Bounds& window) {
  CameraJob job;
  job.camera = camera;
  job.width = W;
  job.height = H;
  job.tiles_x = (W + kTile - 1) / kTile;
  job.tiles_y = (H + kTile - 1) / kTile;
  const StageCamera& cam = stage.cameras[static_cast<std::size_t>(camera)];
  const CameraBasis& b = cam.basis;
  job.position = b.position;
  const glm::dvec3 F = b.forward, R = b.right * cam.lens.tan_half_w, U = b.up * cam.lens.tan_half_h;

  const bool small_window = (window.i1 - window.i0 + 1) * 2 < W || (window.j1 - window.j0 + 1) * 2 < H;
  job.prims.resize(stage.shapes.size() + stage.triangles.size());
  job.bounds.resize(job.prims.size());
  std::vector<Bounds>& bounds = job.bounds;
  for (std::size_t k = 0; k < stage.shapes.size(); ++k) {
    const Shape& s = stage.shapes[k];
    // A window smaller than the frame (a probe): first a cheap test of the
    // bounding sphere's box, so shapes far from the window cost nothing more.
    if (small_window && !sphere_may_meet(cam, s, W, H, window)) {
      bounds[k] = {0, -1, 0, -1, false};
      continue;
    }
    bounds[k] = clip(shape_bounds(cam, s, W, H), window);
    if (!bounds[k].any) continue;  // never binned: its Prim is never read
    Prim& p = job.prims[k];
    const glm::dmat4 inv(s.to_canonical);
    const glm::dmat3 m3(inv);
    p.dc = glm::vec3(m3 * F);
    p.du = glm::vec3(m3 * R);
    p.dv = glm::vec3(m3 * U);
    p.o = glm::vec3(inv * glm::dvec4(b.position, 1.0));
    p.kind = s.kind;
    p.h = s.h;
    p.c = s.kind == ShapeKind::ellipsoid ? glm::dot(p.o, p.o) - 1 : p.o.x * p.o.x + p.o.z * p.o.z - 1;
    p.role = s.label.is_prop() ? kProp : (s.covers ? kShell : kSkin);
    p.part = s.part;
    p.performer = s.label.performer;
    p.covers = s.covers;
    p.order = s.order;
    p.label = s.label;
    if (s.part != BodyPart::none) {
      const std::uint64_t regions = part_regions(s.part);
      p.part_bits = regions;
      p.fixed_region = regions && !(regions & (regions - 1));
      if (p.fixed_region) p.region = static_cast<Region>(__builtin_ctzll(regions));
      p.covers_all = (s.covers & regions) == regions;
    }
  }
  for (std::size_t t = 0; t < stage.triangles.size(); ++t) {
    const StageTriangle& tri = stage.triangles[t];
    Prim& p = job.prims[stage.shapes.size() + t];
    const glm::dvec3 a(tri.a), e1 = glm::dvec3(tri.b) - a, e2 = glm::dvec3(tri.c) - a;
    const glm::dvec3 T = b.position - a;
    const glm::dvec3 Q = glm::cross(T, e1);
    p.dc = glm::vec3(F);
    p.du = glm::vec3(R);
    p.dv = glm::vec3(U);
    p.o = glm::vec3(T);
    p.e1 = glm::vec3(e1);
    p.e2 = glm::vec3(e2);
    p.q = glm::vec3(Q);
    p.h = float(glm::dot(e2, Q));
    p.kind = ShapeKind::triangle;
    p.role = kProp;
    p.order = tri.order;
    const std::array<glm::dvec3, 3> pts{glm::dvec3(tri.a), glm::dvec3(tri.b), glm::dvec3(tri.c)};
    bounds[stage.shapes.size() + t] = clip(project(cam, pts, W, H), window);
  }

  // Depth bounds. t along a ray is depth along the lens axis (the ray's
  // direction has unit forward component), so nothing of a shape lies at t below
  // its nearest point's depth (exact for each kind); a small margin keeps it a
  // bound after float rounding of the hit.
  job.zmin.assign(job.prims.size(), -std::numeric_limits<float>::infinity());
  auto depth_bound = [](double z) { return float(z - 1e-4 * (1 + std::fabs(z))); };
  for (std::size_t k = 0; k < stage.shapes.size(); ++k) {
    if (!bounds[k].any) continue;
    const Shape& s = stage.shapes[k];
    const glm::dmat4 w(s.to_world);
    double z = std::numeric_limits<double>::infinity();
    if (s.kind == ShapeKind::ellipsoid || s.kind == ShapeKind::capsule) {
      // The nearest point of an ellipsoid c + M·s: F·c − |Mᵀ F| (a capsule: of its two ends).
      const double reach = glm::length(glm::transpose(glm::dmat3(w)) * F);
      const double hy = s.kind == ShapeKind::capsule ? double(s.h) : 0.0;
      for (double y : {hy, -hy}) z = std::min(z, glm::dot(glm::dvec3(w * glm::dvec4(0, y, 0, 1)) - b.position, F) - reach);
    } else {
      for (int c = 0; c < 8; ++c)  // a box, or a cylinder inside its box: the nearest corner
        z = std::min(z, glm::dot(glm::dvec3(w * glm::dvec4(c & 1 ? 1 : -1, c & 2 ? 1 : -1, c & 4 ? 1 : -1, 1)) - b.position, F));
    }
    job.zmin[k] = depth_bound(z);
  }
  for (std::size_t t = 0; t < stage.triangles.size(); ++t) {
    const StageTriangle& tri = stage.triangles[t];
    const double z = std::min({glm::dot(glm::dvec3(tri.a) - b.position, F), glm::dot(glm::dvec3(tri.b) - b.position, F),
                               glm::dot(glm::dvec3(tri.c) - b.position, F)});
    job.zmin[stage.shapes.size() + t] = depth_bound(z);
  }

  // Row by row, the columns each ellipsoid's or capsule's outline can cover.
  job.span_at.assign(job.prims.size(), 0);
  for (std::size_t k = 0; k < job.prims.size(); ++k) {
    const Bounds& bd = bounds[k];
    job.span_at[k] = static_cast<std::uint32_t>(job.spans.size());
    if (!bd.any) continue;
    for (int j = bd.j0; j <= bd.j1; ++j) job.spans.push_back(row_span(job.prims[k], bd, j, W, H));
  }

  // CSR binning into tiles.
  const std::size_t tiles = std::size_t(job.tiles_x) * std::size_t(job.tiles_y);
  std::vector<std::uint32_t> count(tiles + 1, 0);
  for (std::size_t k = 0; k < bounds.size(); ++k) {
    const Bounds& bd = bounds[k];
    if (!bd.any) continue;
    for (int ty = bd.j0 / kTile; ty <= bd.j1 / kTile; ++ty) {
      int t0, t1;
      job.tile_cols(k, ty, t0, t1);
      for (int tx = t0; tx <= t1; ++tx) ++count[std::size_t(ty) * job.tiles_x + tx];
    }
  }
  job.tile_start.assign(tiles + 1, 0);
  for (std::size_t t = 0; t < tiles; ++t) {
    job.tile_start[t + 1] = job.tile_start[t] + count[t];
    job.max_items = std::max<std::size_t>(job.max_items, count[t]);
  }
  job.tile_items.resize(job.tile_start[tiles]);
  // Filled kind by kind, so the intersection switch runs in predictable stretches.
  std::vector<std::uint32_t> by_kind(bounds.size());
  for (std::size_t k = 0; k < by_kind.size(); ++k) by_kind[k] = static_cast<std::uint32_t>(k);
  std::stable_sort(by_kind.begin(), by_kind.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return job.prims[x].kind < job.prims[y].kind; });
  std::vector<std::uint32_t> fill(job.tile_start.begin(), job.tile_start.end() - 1);
  for (const std::uint32_t k : by_kind) {
    const Bounds& bd = bounds[k];
    if (!bd.any) continue;
    for (int ty = bd.j0 / kTile; ty <= bd.j1 / kTile; ++ty) {
      int t0, t1;
      job.tile_cols(k, ty, t0, t1);
      for (int tx = t0; tx <= t1; ++tx) job.tile_items[fill[std::size_t(ty) * job.tiles_x + tx]++] = static_cast<std::uint32_t>(k);
    }
  }
  return job;
}

// With an interest: the tiles that a primitive able to produce one of its
// labels can cover. A ray elsewhere meets none of them (nor the footprint of a
// region asked for), so it cannot change a count that was asked for.
void mark_interest(const Stage& stage, const MaskingInterest& in, CameraJob& job) {
  job.tile_on.assign(std::size_t(job.tiles_x) * std::size_t(job.tiles_y), false);
  // Per performer, the regions whose primitives matter: those asked for, and
  // those under a garment asked for (a garment's rays are its shells and the
  // skin of the regions it covers, which it paints).
  std::vector<std::uint64_t> bits(stage.performers.size(), 0);
  job.footprint_bits.assign(stage.performers.size(), 0);
  if (in.footprints)
    for (std::size_t P = 0; P < bits.size() && P < in.regions.size(); ++P)
      job.footprint_bits[P] = in.regions[P] & (in.footprint_regions.empty() ? ~std::uint64_t{0}
                                               : P < in.footprint_regions.size() ? in.footprint_regions[P] : 0);
  for (std::size_t P = 0; P < bits.size(); ++P) {
    if (P < in.regions.size()) bits[P] = in.regions[P];
    const auto& covering = stage.performers[P].covering;
    for (std::size_t r = 0; r < kRegionCount; ++r)
      if (covering[r] >= 0 && std::size_t(covering[r]) < in.garments.size() && in.garments[std::size_t(covering[r])])
        bits[P] |= region_bit(static_cast<Region>(r));
  }
  auto wants = [&](const Label& l, BodyPart part) {
    if (l.is_prop()) return std::size_t(l.prop) < in.props.size() && in.props[std::size_t(l.prop)];
    if (l.performer < 0 || std::size_t(l.performer) >= bits.size()) return false;
    if (l.garment >= 0 && std::size_t(l.garment) < in.garments.size() && in.garments[std::size_t(l.garment)]) return true;
    return (part_regions(part) & bits[std::size_t(l.performer)]) != 0;
  };
  const std::size_t n_shapes = stage.shapes.size();
  for (std::size_t k = 0; k < job.prims.size(); ++k) {
    const Bounds& bd = job.bounds[k];
    if (!bd.any) continue;
    const bool want = k < n_shapes ? wants(stage.shapes[k].label, stage.shapes[k].part)
                                   : wants(stage.triangles[k - n_shapes].label, BodyPart::none);
    if (!want) continue;
    for (int ty = bd.j0 / kTile; ty <= bd.j1 / kTile; ++ty) {
      int t0, t1;
      job.tile_cols(k, ty, t0, t1);
      for (int tx = t0; tx <= t1; ++tx) job.tile_on[std::size_t(ty) * job.tiles_x + tx] = true;
    }
  }
}

// [SECTION] The ray loop

struct Counters {
  std::size_t perfs = 0;
  std::vector<RegionCounts> regions;   // perfs × kRegionCount
  std::vector<std::uint32_t> seen, in_frame;
  std::vector<int> rmin, rmax, cmin, cmax;
  std::vector<std::uint32_t> garments, props;
  std::uint32_t empty = 0, cast = 0;
  void init(std::size_t p, std::size_t g, std::size_t pr) {
    perfs = p;
    regions.assign(p * kRegionCount, {});
    seen.assign(p, 0);
    in_frame.assign(p, 0);
    rmin.assign(p, std::numeric_limits<int>::max());
    cmin.assign(p, std::numeric_limits<int>::max());
    rmax.assign(p, -1);
    cmax.assign(p, -1);
    garments.assign(g, 0);
    props.assign(pr, 0);
  }
  void add(const Counters& o) {
    for (std::size_t i = 0; i < regions.size(); ++i) {
      regions[i].skin += o.regions[i].skin;
      regions[i].garment += o.regions[i].garment;
      regions[i].footprint += o.regions[i].footprint;
    }
    for (std::size_t i = 0; i < perfs; ++i) {
      seen[i] += o.seen[i];
      in_frame[i] += o.in_frame[i];
      rmin[i] = std::min(rmin[i], o.rmin[i]);
      cmin[i] = std::min(cmin[i], o.cmin[i]);
      rmax[i] = std::max(rmax[i], o.rmax[i]);
      cmax[i] = std::max(cmax[i], o.cmax[i]);
    }
    for (std::size_t i = 0; i < garments.size(); ++i) garments[i] += o.garments[i];
    for (std::size_t i = 0; i < props.size(); ++i) props[i] += o.props[i];
    empty += o.empty;
    cast += o.cast;
    for (std::size_t i = 0; i < regions.size(); ++i) {
      RayBox& a = regions[i].box;
      const RayBox& b = o.regions[i].box;
      a.row_min = std::min(a.row_min, b.row_min);
      a.row_max = std::max(a.row_max, b.row_max);
      a.col_min = std::min(a.col_min, b.col_min);
      a.col_max = std::max(a.col_max, b.col_max);
    }
  }
};

struct SkinHit {
  std::uint32_t prim;
  std::int16_t performer;
  float t0, t1;
};

// A primitive as one tile sees it: the rays of the tile its screen bounds cover.
// Its ray direction comes in two halves, dc + u·du per column (kept per item
// and column, ItemCols) and v·dv per row, and a ray's is their sum: the same
// float operations, in the same order, as dc + u·du + v·dv (identical bits) at
// a quarter of the cost.
struct TileItem {
  const Prim* p;
  std::uint32_t k;
  int i0, i1, j0, j1;
  float zmin;   // no point of it lies nearer the lens (along the ray, t ≥ zmin)
  bool needed;  // intersected whatever is in front: a skin primitive whose performer's footprint is counted
};

// The state of the rays of a tile row while the row's items are intersected,
// by packet (column bi + c: packet c / 4, lane c % 4): the nearest hit's t and
// primitive (~0u none); per ray, its skin hits so far. The nearest's order and
// ray direction are looked up or recomputed when needed (ray_dir).
struct RayState {
  v4f best_t[kTile / kLanes];
  v4i best[kTile / kLanes];
  std::uint32_t n_skin[kTile];
  std::uint32_t best_of(int c) const { return std::uint32_t(best[c / kLanes][c % kLanes]); }
  float best_t_of(int c) const { return best_t[c / kLanes][c % kLanes]; }
};

// dc + u·du of an item for the kTile columns of its tile (column bi + c: packet
// c / 4, lane c % 4),
// structure of arrays; lanes outside the item's columns hold finite values and
// are masked off.
struct ItemCols {
  v4f x[2], y[2], z[2];  // packets 0 and 1: lanes 0–3 and 4–7
};

struct Scratch {
  std::vector<SkinHit> skin_hits;        // kTile rays × skin_cap
  std::size_t skin_cap = 0;
  std::vector<std::uint64_t> fmask;      // per performer
  std::vector<std::int16_t> touched;
  std::vector<TileItem> items;           // of the current tile
  std::vector<ItemCols> col_part;        // per item: dc + u·du of the tile's kTile columns
  std::vector<std::pair<float, std::uint32_t>> by_depth;  // the tile's items, nearest first
};

// A ray's direction in a primitive's space, as the packets form it: the column
// half dc + u·du, then the row half v·dv added (the same float operations).
inline glm::vec3 ray_dir(const Prim& p, float u, float v) {
  const glm::vec3 col = p.dc + u * p.du;
  return col + v * p.dv;
}

// The region of a body primitive at entry t along direction d.
inline Region region_at(const Prim& p, const glm::vec3& d, float t) {
  if (p.fixed_region) return p.region;
  const glm::vec3 x = p.o + t * d;
  return body_region(p.part, p.kind == ShapeKind::capsule ? glm::vec3(x.x, x.y / p.h, x.z) : x);
}

// Intersects one item with its rays of a tile row, packet by packet (`lanes` has
// bit c set for the rays the item can cover; a packet with none is skipped), and
// records the hits: skin hits ray by ray, the nearest by packet (each ray's
// outcome does not depend on the order its items come in, as the nearest is the
// least (t, order) and the skin hits form a set). skin is indexed by column − bi,
// the tile's first column; `us` are the columns' u, v the row's.
template <class PacketFn, class HitFn>
inline void intersect_row(const TileItem& ti, const ItemCols& cols, float v, [[maybe_unused]] const v4f* us, unsigned lanes,
                          const Prim* __restrict prims, RayState& rs, SkinHit* __restrict skin,
                          std::size_t skin_cap, PacketFn packet_fn, [[maybe_unused]] HitFn hit_fn) {
  const Prim& p = *ti.p;
  const glm::vec3 row = v * p.dv;
  const std::uint32_t k = ti.k;
  const Role role = p.role;
  const std::uint64_t order = p.order;
  for (int half = 0; half < kTile / kLanes; ++half) {
    const unsigned mine = (lanes >> (half * kLanes)) & ((1u << kLanes) - 1);
    if (!mine) continue;
    const Dirs d{cols.x[half] + row.x, cols.y[half] + row.y, cols.z[half] + row.z};
    v4f t0, t1;
    const unsigned hits = lane_bits(packet_fn(p, d, mine, t0, t1)) & mine;
#ifndef NDEBUG
    for (int c = 0; c < kLanes; ++c) {
      if (!(mine >> c & 1)) continue;
      float s0 = 0, s1 = 0;
      const bool h = hit_fn(p, glm::vec3(d.x[c], d.y[c], d.z[c]), s0, s1);
      assert(h == bool(hits >> c & 1));
      assert(!h || (std::memcmp(&s0, &t0[c], 4) == 0 && std::memcmp(&s1, &t1[c], 4) == 0));
      const glm::vec3 again = ray_dir(p, us[half][c], v);
      const float lane[3] = {d.x[c], d.y[c], d.z[c]};
      assert(std::memcmp(&again.x, &lane[0], 4) == 0 && std::memcmp(&again.y, &lane[1], 4) == 0 &&
             std::memcmp(&again.z, &lane[2], 4) == 0);
    }
#endif
    if (!hits) continue;
    if (ti.needed)  // a skin primitive whose footprints are counted (others' hits would only be passed over)
      for (unsigned m = hits; m; m &= m - 1) {
        const int col = half * kLanes + __builtin_ctz(m);
        skin[std::size_t(col) * skin_cap + rs.n_skin[col]++] = {k, p.performer, t0[col % kLanes], t1[col % kLanes]};
      }
    // Nearer than the ray's nearest so far, or as near and not later in order.
    v4f& best_t = rs.best_t[half];
    v4i& best = rs.best[half];
    unsigned take = lane_bits(t0 < best_t) & hits;
    for (unsigned m = lane_bits(t0 == best_t) & hits; m; m &= m - 1) {
      const int c = __builtin_ctz(m);
      const std::uint32_t b = std::uint32_t(best[c]);
      if (!(order > (b == ~0u ? ~std::uint64_t{0} : prims[b].order))) take |= 1u << c;
    }
    // A shell is the nearest only where its garment covers the region.
    if (role == kShell && !p.covers_all)
      for (unsigned m = take; m; m &= m - 1) {
        const int c = __builtin_ctz(m);
        if (!(p.covers & region_bit(region_at(p, glm::vec3(d.x[c], d.y[c], d.z[c]), t0[c])))) take &= ~(1u << c);
      }
    if (!take) continue;
    const v4i sel = (v4i{1, 2, 4, 8} & int(take)) != 0;
    best_t = sel ? t0 : best_t;
    best = sel ? v4i{} + int(k) : best;
  }
}

void trace_tile_row(const Stage& stage, const CameraJob& job, int ty, Counters& out,
                    Scratch& sc) {
  const int W = job.width, H = job.height;
  const float su = 2.0f / float(W), sv = 2.0f / float(H);
  const int tj0 = std::max(ty * kTile, job.wj0), tj1 = std::min({H - 1, (ty + 1) * kTile - 1, job.wj1});
  const std::size_t skin_cap = sc.skin_cap;
  const std::uint64_t* const fp_bits = job.footprint_bits.empty() ? nullptr : job.footprint_bits.data();
  for (int tx = job.wi0 / kTile; tx <= job.wi1 / kTile; ++tx) {
    const std::size_t tile = std::size_t(ty) * job.tiles_x + tx;
    if (!job.tile_on.empty() && !job.tile_on[tile]) continue;
    const std::uint32_t* items = job.tile_items.data() + job.tile_start[tile];
    const std::uint32_t n_items = job.tile_start[tile + 1] - job.tile_start[tile];
    const int ti0 = std::max(tx * kTile, job.wi0), ti1 = std::min({W - 1, (tx + 1) * kTile - 1, job.wi1});
    const int bi = tx * kTile;  // the tile's first column
    out.cast += std::uint32_t(ti1 - ti0 + 1) * std::uint32_t(std::max(0, tj1 - tj0 + 1));

    // The tile's items (in kind order), clipped to the rays they can cover.
    v4f u[kTile / kLanes];  // of the tile's columns
    for (int c = 0; c < kTile; ++c) u[c / kLanes][c % kLanes] = (float(bi + c) + 0.5f) * su - 1.0f;
    TileItem* const tis = sc.items.data();
    std::uint32_t n_ti = 0, n_ti_needed = 0;
    for (std::uint32_t it = 0; it < n_items; ++it) {
      const std::uint32_t k = items[it];
      const Bounds& bd = job.bounds[k];
      const Prim& p = job.prims[k];
      const bool needed = p.role == kSkin && (!fp_bits || fp_bits[std::size_t(p.performer)]);
      TileItem ti{&p, k, std::max(bd.i0, ti0), std::min(bd.i1, ti1), std::max(bd.j0, tj0), std::min(bd.j1, tj1),
                  job.zmin[k], needed};
      if (ti.i0 > ti.i1 || ti.j0 > ti.j1) continue;
      ItemCols& cp = sc.col_part[n_ti];
      for (int h = 0; h < kTile / kLanes; ++h) {
        cp.x[h] = p.dc.x + u[h] * p.du.x;
        cp.y[h] = p.dc.y + u[h] * p.du.y;
        cp.z[h] = p.dc.z + u[h] * p.du.z;
      }
      sc.by_depth[n_ti] = {ti.zmin, n_ti};
      n_ti_needed += needed;
      tis[n_ti++] = ti;
    }
    // Nearest first: once every ray of a row has met something nearer than an
    // item can be, that item (and every later one not needed for a footprint)
    // cannot change the row. The outcome does not depend on item order.
    std::sort(sc.by_depth.begin(), sc.by_depth.begin() + n_ti);

    RayState rs;
    SkinHit* const skin = sc.skin_hits.data();
    const Prim* const prims = job.prims.data();
    for (int j = tj0; j <= tj1; ++j) {
      const float v = 1.0f - (float(j) + 0.5f) * sv;
      for (int h = 0; h < kTile / kLanes; ++h) {
        rs.best_t[h] = splat(std::numeric_limits<float>::infinity());
        rs.best[h] = v4i{} - 1;  // ~0u: none
      }
      // Columns of the tile outside the cast ones never block the early stop.
      for (int c = 0; c < kTile; ++c)
        if (bi + c < ti0 || bi + c > ti1) rs.best_t[c / kLanes][c % kLanes] = -std::numeric_limits<float>::infinity();
      std::fill(std::begin(rs.n_skin), std::end(rs.n_skin), 0u);
      std::uint32_t needed_left = n_ti_needed;
      for (std::uint32_t o = 0; o < n_ti; ++o) {
        const std::uint32_t x = sc.by_depth[o].second;
        const TileItem& ti = tis[x];
        needed_left -= ti.needed;
        if (!ti.needed) {
          v4f far = rs.best_t[0];
          for (int h = 1; h < kTile / kLanes; ++h) far = far > rs.best_t[h] ? far : rs.best_t[h];
          const float row_far = std::max({far[0], far[1], far[2], far[3]});
          if (ti.zmin > row_far) {  // every ray of the row already has a nearer hit
            if (!needed_left) break;
            continue;
          }
        }
        if (j < ti.j0 || j > ti.j1) continue;
        const ItemCols& cols = sc.col_part[x];
        const std::array<int, 2>& sp = job.span(ti.k, j);
        const int c0 = std::max(ti.i0, sp[0]), c1 = std::min(ti.i1, sp[1]);
        if (c0 > c1) continue;
        const unsigned lanes = (2u << (c1 - bi)) - (1u << (c0 - bi));  // columns c0 … c1
        switch (ti.p->kind) {
          case ShapeKind::ellipsoid: intersect_row(ti, cols, v, u, lanes, prims, rs, skin, skin_cap, packet_ellipsoid, hit_ellipsoid); break;
          case ShapeKind::capsule: intersect_row(ti, cols, v, u, lanes, prims, rs, skin, skin_cap, packet_capsule, hit_capsule); break;
          case ShapeKind::box: intersect_row(ti, cols, v, u, lanes, prims, rs, skin, skin_cap, packet_box, hit_box); break;
          case ShapeKind::cylinder: intersect_row(ti, cols, v, u, lanes, prims, rs, skin, skin_cap, packet_cylinder, hit_cylinder); break;
          case ShapeKind::triangle: intersect_row(ti, cols, v, u, lanes, prims, rs, skin, skin_cap, packet_triangle, hit_triangle); break;
        }
      }

      for (int i = ti0; i <= ti1; ++i) {
        const int c = i - bi;
        const float ui = u[c / kLanes][c % kLanes];
        const SkinHit* sh_row = skin + std::size_t(c) * skin_cap;
        const std::size_t n_skin = rs.n_skin[c];
        // Footprint: skin entries not buried in another skin primitive of the
        // same performer, i.e. not strictly between that primitive's entry and
        // exit. (The nearest hit, when skin, is one of them and never buried.)
        const std::uint32_t best = rs.best_of(c);
        const float best_t = rs.best_t_of(c);
        Region best_region = Region::face;  // when the nearest is skin: its region, from the footprint
        bool best_region_known = false;
        for (std::size_t e = 0; e < n_skin; ++e) {
          const SkinHit& sh = sh_row[e];
          // With an interest, only the footprints asked for are counted.
          if (fp_bits && !(job.prims[sh.prim].part_bits & fp_bits[std::size_t(sh.performer)])) continue;
          bool buried = false;
          for (std::size_t f = 0; f < n_skin && !buried; ++f)
            buried = f != e && sh_row[f].performer == sh.performer && sh_row[f].t0 < sh.t0 && sh.t0 < sh_row[f].t1;
          if (buried) continue;
          const Prim& p = job.prims[sh.prim];
          const Region reg = p.fixed_region ? p.region : region_at(p, ray_dir(p, ui, v), sh.t0);
          if (sh.prim == best) {
            best_region = reg;
            best_region_known = true;
          }
          std::uint64_t& m = sc.fmask[std::size_t(p.performer)];
          if (!m) sc.touched.push_back(p.performer);
          m |= region_bit(reg);
        }

        // The nearest hit, labelled as Stage::label_at labels it: the shape's
        // label; on a body, the region at the hit (for skin, the one just found
        // from the same point; a shell's nearest point is one its garment covers)
        // and the outermost garment over that region, if any.
        Label label;
        if (best == ~0u) {
          ++out.empty;
        } else if (best >= stage.shapes.size()) {
          label = stage.triangles[best - stage.shapes.size()].label;
          ++out.props[std::size_t(label.prop)];
        } else {
          const Prim& p = job.prims[best];
          label = p.label;
          if (p.part != BodyPart::none) {
            // (The same point as the footprint's when that found it: the same t, the same direction.)
            const Region reg = p.role == kSkin && best_region_known ? best_region : region_at(p, ray_dir(p, ui, v), best_t);
            label.region = reg;
            const std::int16_t g =
                stage.performers[std::size_t(label.performer)].covering[std::size_t(reg)];
            if (g >= 0) label.garment = g;
          }
#ifndef NDEBUG
          Label check;
          stage.label_at(stage.shapes[best], p.o + best_t * ray_dir(p, ui, v), check);
          assert(check == label);
#endif
          if (label.is_prop()) {
            ++out.props[std::size_t(label.prop)];
          } else {
            const std::size_t P = std::size_t(label.performer);
            RegionCounts& rc = out.regions[P * kRegionCount + std::size_t(label.region)];
            if (label.is_garment()) {
              ++rc.garment;
              ++out.garments[std::size_t(label.garment)];
            } else {
              ++rc.skin;
            }
            ++out.seen[P];
          }
        }
        if (job.image) job.image[std::size_t(j) * W + i] = label;

        for (std::int16_t P : sc.touched) {
          std::uint64_t m = sc.fmask[std::size_t(P)];
          sc.fmask[std::size_t(P)] = 0;
          RegionCounts* rc = out.regions.data() + std::size_t(P) * kRegionCount;
          while (m) {
            const int rb = __builtin_ctzll(m);
            m &= m - 1;
            ++rc[rb].footprint;
            RayBox& box = rc[rb].box;
            box.row_min = std::min(box.row_min, j);
            box.row_max = std::max(box.row_max, j);
            box.col_min = std::min(box.col_min, i);
            box.col_max = std::max(box.col_max, i);
          }
          ++out.in_frame[std::size_t(P)];
          out.rmin[std::size_t(P)] = std::min(out.rmin[std::size_t(P)], j);
          out.rmax[std::size_t(P)] = std::max(out.rmax[std::size_t(P)], j);
          out.cmin[std::size_t(P)] = std::min(out.cmin[std::size_t(P)], i);
          out.cmax[std::size_t(P)] = std::max(out.cmax[std::size_t(P)], i);
        }
        sc.touched.clear();
      }
    }
  }
}

// [SECTION] Shot size

ShotSize shot_for(const PerformerMasking& pm, int W, int H) {
  auto in = [&](Region r) { return pm.regions[std::size_t(r)].footprint > 0; };
  auto any = [&](std::initializer_list<Region> rs) {
    for (Region r : rs) if (in(r)) return true;
    return false;
  };
  if (pm.in_frame == 0) return ShotSize::none;
  if (!any({Region::face, Region::lips})) return ShotSize::insert;
  if (any({Region::foot_l, Region::foot_r})) {
    const double ext = std::max(double(pm.row_max - pm.row_min + 1) / H, double(pm.col_max - pm.col_min + 1) / W);
    return ext < 0.5 ? ShotSize::wide : ShotSize::full;
  }
  if (any({Region::lower_leg_l, Region::lower_leg_r})) return ShotSize::full;
  if (any({Region::thigh_l, Region::thigh_r, Region::inner_thigh_l, Region::inner_thigh_r})) return ShotSize::cowboy;
  if (any({Region::hip_l, Region::hip_r, Region::pubic, Region::genitals, Region::buttock_l, Region::buttock_r,
           Region::abdomen_lower, Region::back_lower}))
    return ShotSize::medium;
  if (any({Region::breast_l, Region::breast_r, Region::nipple_l, Region::nipple_r, Region::abdomen_upper,
           Region::flank_l, Region::flank_r, Region::back_upper}))
    return ShotSize::medium_close_up;
  if (any({Region::neck_front, Region::neck_back, Region::shoulder_l, Region::shoulder_r, Region::chest_upper}))
    return ShotSize::close_up;
  return in(Region::scalp) ? ShotSize::close_up : ShotSize::extreme_close_up;
}

}  // namespace

std::string_view shot_size_name(ShotSize s) {
  switch (s) {
    case ShotSize::none: return "no performer";
    case ShotSize::insert: return "insert";
    case ShotSize::extreme_close_up: return "extreme close-up";
    case ShotSize::close_up: return "close-up";
    case ShotSize::medium_close_up: return "medium close-up";
    case ShotSize::medium: return "medium";
    case ShotSize::cowboy: return "cowboy";
    case ShotSize::full: return "full";
    case ShotSize::wide: return "wide";
  }
  return "?";
}

int masking_height(int width, double aspect) {
  if (!(aspect > 0)) return std::max(1, width);
  return std::max(1, int(std::lround(double(width) / aspect)));
}

GridSize grid_within(int max_w, int max_h, double aspect) {
  GridSize g;
  g.width = std::max(1, max_w);
  g.height = masking_height(g.width, aspect);
  if (max_h > 0 && g.height > max_h) {
    g.height = max_h;
    g.width = std::clamp(static_cast<int>(std::lround(max_h * aspect)), 1, std::max(1, max_w));
  }
  return g;
}

RegionShares CameraMasking::shares(int performer, Region r) const {
  RegionShares s;
  const RegionCounts& c = performers[std::size_t(performer)].regions[std::size_t(r)];
  s.skin = share(c.skin);
  s.garment = share(c.garment);
  s.footprint = share(c.footprint);
  s.hidden = c.footprint ? double(c.hidden()) / double(c.footprint) : 0.0;
  return s;
}

std::vector<CameraMasking> mask_cameras(const Stage& stage, const std::vector<int>& cameras,
                                        const MaskingOptions& options) {
  const std::size_t n_perf = stage.performers.size(), n_garm = stage.garment_worn.size();
  std::size_t n_prop = 0;
  for (const Shape& s : stage.shapes) if (s.label.is_prop()) n_prop = std::max<std::size_t>(n_prop, std::size_t(s.label.prop) + 1);
  for (const StageTriangle& t : stage.triangles) n_prop = std::max<std::size_t>(n_prop, std::size_t(t.label.prop) + 1);

  std::size_t n_skin_prims = 0;  // a ray meets each at most once
  for (const Shape& s : stage.shapes) n_skin_prims += !s.label.is_prop() && !s.covers;
  std::vector<CameraMasking> results(cameras.size());
  std::vector<CameraJob> jobs;
  jobs.reserve(cameras.size());
  std::size_t max_items = 1;
  for (std::size_t c = 0; c < cameras.size(); ++c) {
    const StageCamera& cam = stage.cameras.at(std::size_t(cameras[c]));
    const int W = std::max(1, options.width);
    const int H = options.height > 0 ? options.height : masking_height(W, cam.lens.aspect);
    const bool windowed = options.row_max >= options.row_min && options.col_max >= options.col_min;
    const Bounds window{windowed ? std::clamp(options.col_min, 0, W - 1) : 0,
                        windowed ? std::clamp(options.col_max, 0, W - 1) : W - 1,
                        windowed ? std::clamp(options.row_min, 0, H - 1) : 0,
                        windowed ? std::clamp(options.row_max, 0, H - 1) : H - 1, true};
    jobs.push_back(prepare(stage, cameras[c], W, H, window));
    CameraJob& job = jobs.back();
    job.wi0 = window.i0;
    job.wi1 = window.i1;
    job.wj0 = window.j0;
    job.wj1 = window.j1;
    if (options.interest) mark_interest(stage, *options.interest, job);
    max_items = std::max(max_items, job.max_items);
    CameraMasking& r = results[c];
    r.partial = options.interest != nullptr;
    r.camera = cameras[c];
    r.count = stage.count;
    r.width = W;
    r.height = H;
    if (options.keep_image) {
      r.image.assign(std::size_t(W) * std::size_t(H), Label{});
      jobs.back().image = r.image.data();
    }
  }

  // Work items: (camera, tile row), handed out in order; counts are integers, so
  // the sums do not depend on which thread took which row.
  std::vector<std::pair<std::uint32_t, int>> work;
  for (std::size_t c = 0; c < jobs.size(); ++c)
    for (int ty = jobs[c].wj0 / kTile; ty <= jobs[c].wj1 / kTile; ++ty) work.push_back({std::uint32_t(c), ty});
  unsigned threads = options.threads > 0 ? unsigned(options.threads) : std::max(1u, std::thread::hardware_concurrency());
  threads = std::max(1u, std::min<unsigned>(threads, unsigned(work.size())));

  std::vector<std::vector<Counters>> per_thread(threads, std::vector<Counters>(jobs.size()));
  std::atomic<std::size_t> next{0};
  auto worker = [&](unsigned t) {
    Scratch sc;
    sc.skin_cap = std::max<std::size_t>(1, std::min(max_items, n_skin_prims));
    sc.skin_hits.resize(kTile * sc.skin_cap);
    sc.fmask.assign(n_perf, 0);
    sc.touched.reserve(n_perf);
    sc.items.resize(max_items);
    sc.col_part.resize(max_items);
    sc.by_depth.resize(max_items);
    for (Counters& c : per_thread[t]) c.init(n_perf, n_garm, n_prop);
    for (std::size_t w; (w = next.fetch_add(1)) < work.size();) {
      const auto [c, ty] = work[w];
      trace_tile_row(stage, jobs[c], ty, per_thread[t][c], sc);
    }
  };
  if (threads == 1) {
    worker(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker, t);
    for (std::thread& th : pool) th.join();
  }

  for (std::size_t c = 0; c < jobs.size(); ++c) {
    Counters total;
    total.init(n_perf, n_garm, n_prop);
    for (unsigned t = 0; t < threads; ++t) total.add(per_thread[t][c]);
    CameraMasking& r = results[c];
    r.garment_rays = total.garments;
    r.prop_rays = total.props;
    r.empty_rays = total.empty;
    // Rays outside the window (or the interest) were not cast: they count as empty.
    r.empty_rays += r.rays() - total.cast;
    r.rays_cast = total.cast;
    r.performers.resize(n_perf);
    double nearest = std::numeric_limits<double>::infinity();
    for (std::size_t p = 0; p < n_perf; ++p) {
      PerformerMasking& pm = r.performers[p];
      pm.performer = int(p);
      std::copy_n(total.regions.begin() + std::ptrdiff_t(p * kRegionCount), kRegionCount, pm.regions.begin());
      pm.seen = total.seen[p];
      pm.in_frame = total.in_frame[p];
      if (pm.in_frame) {
        pm.row_min = total.rmin[p]; pm.row_max = total.rmax[p];
        pm.col_min = total.cmin[p]; pm.col_max = total.cmax[p];
        const glm::dvec3 chest(stage.performers[p].joints[std::size_t(Joint::spine_upper)].position);
        const double dist = glm::length(chest - jobs[c].position);
        // The subject is the nearest performer that reads at all: one fully
        // hidden behind a wall or a prop is not what the shot is of.
        if (pm.seen > 0 && dist < nearest) { nearest = dist; r.shot_performer = int(p); }
      }
    }
    r.shot = r.shot_performer >= 0 ? shot_for(r.performers[std::size_t(r.shot_performer)], r.width, r.height)
                                   : ShotSize::none;
  }
  return results;
}

namespace detail {
bool shape_ray_bounds(const Stage& stage, int camera, std::size_t shape, int W, int H, int& i0, int& i1, int& j0,
                      int& j1) {
  const Bounds b = shape_bounds(stage.cameras.at(std::size_t(camera)), stage.shapes.at(shape), W, H);
  i0 = b.i0;
  i1 = b.i1;
  j0 = b.j0;
  j1 = b.j1;
  return b.any;
}
}  // namespace detail

std::vector<CameraMasking> mask_all(const Stage& stage, const MaskingOptions& options) {
  std::vector<int> cams(stage.cameras.size());
  for (std::size_t i = 0; i < cams.size(); ++i) cams[i] = int(i);
  return mask_cameras(stage, cams, options);
}

CameraMasking mask_camera(const Stage& stage, int camera, const MaskingOptions& options) {
  return mask_cameras(stage, {camera}, options).front();
}

}  // namespace cs
