// mannequin.hpp — the parametric human figure: skeleton, joint limits, forward
// kinematics, and a surface of labelled analytic primitives.
//
// Proportions: segment lengths and heights as fractions of standing height H
// from Drillis & Contini (1966), "Body segment parameters", as tabulated in
// D. A. Winter, "Biomechanics and Motor Control of Human Movement", fig. 3.1:
// shoulder height 0.818H, chest (nipple) 0.720H, elbow 0.630H, wrist 0.485H,
// hip (greater trochanter) 0.530H, knee 0.285H, ankle 0.039H; upper arm 0.186H,
// forearm 0.146H, hand 0.108H, thigh 0.245H, leg 0.246H, foot length 0.152H,
// foot width 0.055H, shoulder width 0.259H, hip width 0.191H, head 0.130H.
// Widths and depths of the trunk and limbs are scaled by the build (slim 0.9,
// average 1.0, broad 1.12); lengths follow height only.
//
// Frames: metres, right-handed, +Y up; at rest the figure stands on y = 0 facing
// +Z, so its left is +X (glTF convention). Every joint's rest frame is aligned
// with the body frame, so a joint rotation (x, y, z) degrees means: about X
// flexion/extension, about Y twist, about Z sideways (abduction for the left
// limbs when positive). Euler order: R = Rx · Ry · Rz (intrinsic X, then Y, then Z).
//
// The surface: ellipsoids and capsules attached to joints. Each primitive is a
// `BodyPart`; `body_region(part, q)` names the region at a point of its surface
// given in the primitive's canonical coordinates (see `BodyPrimitive`). All 41
// regions of vocab.hpp exist on the surface with visible area.
#pragma once

#include <array>
#include <cstdint>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "notation/document.hpp"

namespace cs {

// Analytic shapes in canonical form (the Stage maps them to world space):
//   ellipsoid: the unit sphere
//   capsule:   points within 1 of the segment (0,−h,0)–(0,h,0)
//   box:       the cube [−1,1]³
//   cylinder:  x²+z² ≤ 1, |y| ≤ 1
//   triangle:  a world-space triangle of an imported mesh
enum class ShapeKind : std::uint8_t { ellipsoid, capsule, box, cylinder, triangle };

enum class BodyPart : std::uint8_t {
  head, ear_l, ear_r, neck, chest, abdomen, pelvis, genitals,
  breast_l, breast_r, buttock_l, buttock_r, deltoid_l, deltoid_r,
  upper_arm_l, upper_arm_r, forearm_l, forearm_r, hand_l, hand_r,
  thigh_l, thigh_r, lower_leg_l, lower_leg_r, foot_l, foot_r,
  nose,  // part of the face; it shows which way a head faces
  none,  // not a body part (props)
};
inline constexpr std::size_t kBodyPartCount = static_cast<std::size_t>(BodyPart::none);

constexpr std::uint64_t region_bit(Region r) { return std::uint64_t{1} << static_cast<unsigned>(r); }

// One primitive of the figure, in the rest frame of `joint`.
// World transform = joint world transform · translate(center) · scale(radii).
// For a capsule, `radii` scale the unit-radius canonical capsule and
// `half_length` is the half length of its core segment in metres along the
// joint's Y; its canonical h = half_length / radii.y.
struct BodyPrimitive {
  BodyPart part = BodyPart::none;
  Joint joint = Joint::pelvis;
  ShapeKind kind = ShapeKind::ellipsoid;
  glm::vec3 center{0};
  glm::vec3 radii{1};
  float half_length = 0;
};

struct Mannequin {
  double height_m = 1.70;
  Build build = Build::average;
  float pelvis_height = 0;                         // rest height of the pelvis joint above the floor
  std::array<glm::vec3, kJointCount> rest_offset{};  // from the parent joint, in its frame (pelvis: from the root)
  std::vector<BodyPrimitive> parts;                // in a fixed order (by BodyPart)
};

// The figure for a performer's height (metres, > 0) and build.
Mannequin make_mannequin(double height_m, Build build);

// The parent of a joint; pelvis (the root) returns pelvis.
Joint joint_parent(Joint j);

// Joint limits in degrees per Euler axis (see the frame convention above).
// Left and right limits are mirror images: (x, y, z) ↔ (x, −y, −z).
struct JointLimits { glm::vec3 min_deg, max_deg; };
JointLimits joint_limits(Joint j);
// Each Euler angle clamped into the joint's range.
Vec3 clamp_joint(Joint j, const Vec3& degrees);

// R = Rx · Ry · Rz from degrees.
glm::quat euler_xyz_deg(const Vec3& degrees);

// The interpolable state of a pose: root placement and one local rotation per
// joint (limits applied). `root_position` is where the pelvis joint is in the
// world (x, z on the floor plan, y its height above the floor: about 0.55 × height
// standing, less lying on a bed), as in the scene file's `root.position`.
struct PoseState {
  glm::vec3 root_position{0};
  glm::quat root_rotation{1, 0, 0, 0};
  std::array<glm::quat, kJointCount> local{};
  PoseState() { local.fill(glm::quat(1, 0, 0, 0)); }
};
// Standing at rest with the pelvis above the origin.
PoseState rest_pose(const Mannequin& m);
PoseState pose_state(const Pose& pose);  // clamps every joint to its limits
// Linear root position, shortest-arc slerp of every rotation; u in [0, 1].
PoseState interpolate(const PoseState& a, const PoseState& b, float u);

struct JointTransform {
  glm::vec3 position{0};
  glm::quat rotation{1, 0, 0, 0};
  glm::mat4 matrix() const;  // translate(position) · rotate(rotation)
};
// World transforms of every joint (indexed by Joint).
std::array<JointTransform, kJointCount> forward_kinematics(const Mannequin& m, const PoseState& pose);

// The region at a point of a part's surface. `q` is canonical: for ellipsoids
// the point on the unit sphere; for capsules (x, y / h, z), so q.y runs from −1
// at the distal end of the core segment to +1 at the proximal end (beyond in the caps).
Region body_region(BodyPart part, const glm::vec3& q);
// Every region `body_region` can return for a part (bit per Region).
std::uint64_t part_regions(BodyPart part);

}  // namespace cs
