// stage.hpp — the document evaluated at one moment: posed, labelled world-space
// shapes that both the renderer and the masking engine read.
//
// Usage:
//   Stage st = evaluate(doc, count);            // + &meshes when the scene has mesh props
//   StageMesh mesh = tessellate(st, 24);        // triangles for drawing, one Label each
//   // masking.hpp casts rays against st.shapes / st.triangles directly.
//
// One geometry, two consumers: `shapes` are analytic primitives (ellipsoids and
// capsules for bodies and garment shells; boxes, cylinders and ellipsoids for
// props) and `triangles` are imported prop meshes. `tessellate` turns exactly
// these into triangles and labels each one with `Stage::label_at` at its
// centroid — the function the masking engine applies at each ray hit — so what
// is drawn is what is counted (up to tessellation detail).
//
// Labels: every piece knows its performer (index into doc.performers) and
// region, and its layer: skin (garment == −1) or a garment (index into
// doc.garments); or it is a prop (index into doc.props).
//
// Garments: each worn garment is a shell `garment_offset_m(kind)` outside every
// body primitive that carries a region it covers; a shell point counts only where
// its region is covered. Bare skin of a covered region is never reported: a
// covered region's skin is labelled with the outermost garment over it (the
// garment "paints" the skin, so thin modesty wear reads even at grazing angles).
// When two worn garments cover a region, the outer one (larger offset; equal
// offsets: the smaller garment id) is the one seen.
//
// Timeline (`evaluate`): for each performer, the keys are the beats that pose
// them, at each beat's start_count. Between key k0 (start s0) and the next key
// k1 (start s1), the shape moves from k0 to k1 over [s0, E], E = end count of
// the last beat starting before s1 (so a gap between beats holds the shape
// reached), by linear root position and shortest-arc slerp of every rotation.
// Before the first key the first key's shape holds, after the last the last.
// A performer with no key stands at rest at the origin. Garments: as
// garments_worn_at (timeline.hpp) says.
// Cameras: the camera's own position/target/focal is the key at the first count
// of the choreography; each move is a key at its count; linear between keys,
// held after the last.
//
// No GL, no window headers (the renderer builds its matrices from `StageCamera`).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "notation/document.hpp"
#include "notation/lens.hpp"
#include "notation/mannequin.hpp"

namespace cs {

struct PropMeshes;  // mesh_import.hpp

struct Label {
  std::int16_t performer = -1;   // doc.performers index; −1 for props
  std::int16_t garment = -1;     // doc.garments index when the layer is a garment; −1 for skin / props
  std::int16_t prop = -1;        // doc.props index; −1 for bodies
  Region region = Region::face;  // for bodies
  bool is_prop() const { return prop >= 0; }
  bool is_skin() const { return performer >= 0 && garment < 0; }
  bool is_garment() const { return garment >= 0; }
  bool operator==(const Label&) const = default;
};

// One analytic primitive in world space (canonical shapes: see ShapeKind).
struct Shape {
  ShapeKind kind = ShapeKind::ellipsoid;
  BodyPart part = BodyPart::none;     // body shapes: which region function applies
  glm::mat4 to_world{1.0f};           // canonical → world (affine)
  glm::mat4 to_canonical{1.0f};       // its inverse
  float h = 0;                        // capsule: canonical half length of the core segment
  Label label;                        // region is fixed for props; for bodies see region_at
  std::uint64_t covers = 0;           // garment shells: covered regions (bit per Region); 0 for skin
  std::uint64_t order = 0;            // stable tie-break key (independent of file order)
  glm::vec3 bound_center{0};          // world bounding sphere
  float bound_radius = 0;
};

// A triangle of an imported prop mesh, world space.
struct StageTriangle {
  glm::vec3 a{0}, b{0}, c{0};
  Label label;
  std::uint64_t order = 0;
};

struct StageCamera {
  int index = -1;                     // doc.cameras index
  std::string id;
  double focal_mm = 50;               // after moves (zoom)
  CameraBasis basis;                  // after moves
  LensFrame lens;                     // frame lines at this focal length
  // The direction (not normalised) through frame point (u, v), both in [−1, 1]
  // from the left/bottom frame line to the right/top one.
  glm::dvec3 ray_direction(double u, double v) const {
    return basis.forward + (u * lens.tan_half_w) * basis.right + (v * lens.tan_half_h) * basis.up;
  }
};

struct StagePerformer {
  int index = -1;                                        // doc.performers index
  Mannequin mannequin;
  PoseState pose;                                        // interpolated, limits applied
  std::array<JointTransform, kJointCount> joints{};      // world
  std::array<std::int16_t, kRegionCount> covering{};     // outermost worn garment over each region, −1 none
};

struct Stage {
  double count = 1;
  std::vector<StagePerformer> performers;   // one per doc performer, same order
  std::vector<StageCamera> cameras;         // one per doc camera, same order
  std::vector<bool> garment_worn;           // per doc garment
  std::vector<Shape> shapes;                // skin, garment shells, analytic props
  std::vector<StageTriangle> triangles;     // mesh props
  std::vector<std::string> warnings;        // e.g. a mesh prop whose mesh was not loaded

  // The label of a body or prop shape at a canonical surface point (for bodies:
  // region from the part; a covered region's skin carries its garment; a garment
  // shell's label is its own). Returns false for a garment-shell point whose
  // region that garment does not cover (the ray passes on).
  bool label_at(const Shape& s, const glm::vec3& canonical, Label& out) const;
};

// Where a prop stands: translate(position) · rotation (Y, then X, then Z; see
// document.hpp), without its size. Its shape is this · scale(size / 2) for
// boxes, cylinders and spheres (canonical shapes span −1..1), and this ·
// scale(size) for a mesh (its vertices as modelled).
glm::mat4 prop_placement(const Prop& p);

// Offset of a garment's shell from the skin, in metres (2 mm for modesty wear,
// 4 mm underwear and body stockings, 6 mm other, 10 mm shirts and trousers, 25 mm robes).
float garment_offset_m(GarmentKind kind);

// The Stage at `count`. `meshes` (indexed like doc.props) supplies mesh props;
// without it mesh props are left out with a warning.
Stage evaluate(const Document& doc, double count, const PropMeshes* meshes = nullptr);

// The region-function input for a canonical point of a body shape
// ((x, y/h, z) for capsules, the point itself for ellipsoids).
inline glm::vec3 region_coords(const Shape& s, const glm::vec3& p) {
  return s.kind == ShapeKind::capsule ? glm::vec3(p.x, p.y / s.h, p.z) : p;
}

// Where camera `index` stands and aims, and its focal length, at `count` (its
// keys interpolated as `evaluate` does): what the viewport shows through it.
CameraMove camera_key_at(const Document& doc, std::size_t index, double count);

// Triangles for drawing. Triangle i uses vertices 3i, 3i+1, 3i+2 (not shared,
// so a label can colour it flat); normals are smooth (per vertex of the shape).
// `detail` ≥ 4: stacks per ellipsoid (slices = 2·detail); 24 is the default.
struct StageMesh {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;
  std::vector<Label> labels;                  // one per triangle
  std::size_t triangle_count() const { return labels.size(); }
};
StageMesh tessellate(const Stage& stage, int detail = 24);

// One shape's surface as tessellate() builds it, in the shape's canonical space
// (the same corners and label points, in the same order; every triangle, also
// those a garment shell would leave out): transform the corners by to_world
// exactly as tessellate() does (glm::vec3(to_world * vec4(p, 1))) and you have
// its positions; its normals go through the inverse transpose, as tessellate()'s
// do. It depends only on the shape's kind, h and the detail, so a caller can
// keep it across moments.
struct ShapeSurface {
  std::vector<glm::vec3> corners;       // 3 per triangle
  std::vector<glm::vec3> normals;       // 3 per triangle, canonical (unit length)
  std::vector<glm::vec3> label_points;  // 1 per triangle
};
ShapeSurface shape_surface(const Shape& s, int detail = 24);

}  // namespace cs
