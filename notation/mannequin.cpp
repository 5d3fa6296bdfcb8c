#include "notation/mannequin.hpp"

#include <array>

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace cs {

namespace {

constexpr float kDeg = 3.14159265358979323846f / 180.0f;

constexpr std::size_t ji(Joint j) { return static_cast<std::size_t>(j); }

Region side(bool left, Region l, Region r) { return left ? l : r; }

float build_factor(Build b) {
  switch (b) {
    case Build::slim: return 0.90f;
    case Build::average: return 1.0f;
    case Build::broad: return 1.12f;
  }
  return 1.0f;
}

}  // namespace

// [SECTION] Skeleton

Joint joint_parent(Joint j) {
  switch (j) {
    case Joint::pelvis: return Joint::pelvis;
    case Joint::spine_lower: return Joint::pelvis;
    case Joint::spine_upper: return Joint::spine_lower;
    case Joint::neck: return Joint::spine_upper;
    case Joint::head: return Joint::neck;
    case Joint::clavicle_l: case Joint::clavicle_r: return Joint::spine_upper;
    case Joint::shoulder_l: return Joint::clavicle_l;
    case Joint::shoulder_r: return Joint::clavicle_r;
    case Joint::elbow_l: return Joint::shoulder_l;
    case Joint::elbow_r: return Joint::shoulder_r;
    case Joint::wrist_l: return Joint::elbow_l;
    case Joint::wrist_r: return Joint::elbow_r;
    case Joint::hip_l: case Joint::hip_r: return Joint::pelvis;
    case Joint::knee_l: return Joint::hip_l;
    case Joint::knee_r: return Joint::hip_r;
    case Joint::ankle_l: return Joint::knee_l;
    case Joint::ankle_r: return Joint::knee_r;
  }
  return Joint::pelvis;
}

Mannequin make_mannequin(double height_m, Build build) {
  Mannequin m;
  m.height_m = height_m;
  m.build = build;
  const float H = static_cast<float>(height_m);
  const float w = build_factor(build);

  // Rest positions in the body frame (metres above the floor, x = left).
  std::array<glm::vec3, kJointCount> pos{};
  auto P = [&](Joint j, float x, float y, float z) { pos[ji(j)] = glm::vec3(x, y, z); };
  P(Joint::pelvis, 0, 0.550f * H, 0);
  P(Joint::spine_lower, 0, 0.610f * H, 0);
  P(Joint::spine_upper, 0, 0.720f * H, 0);              // chest (nipple) height
  P(Joint::neck, 0, 0.820f * H, 0);                     // ≈ shoulder height 0.818
  P(Joint::head, 0, 0.885f * H, 0);
  for (int s : {1, -1}) {
    const bool left = s > 0;
    const float x = static_cast<float>(s);
    P(left ? Joint::clavicle_l : Joint::clavicle_r, x * 0.015f * H * w, 0.800f * H, 0);
    P(left ? Joint::shoulder_l : Joint::shoulder_r, x * 0.120f * H * w, 0.805f * H, 0);
    P(left ? Joint::elbow_l : Joint::elbow_r, x * 0.120f * H * w, (0.805f - 0.186f) * H, 0);    // upper arm 0.186
    P(left ? Joint::wrist_l : Joint::wrist_r, x * 0.120f * H * w, (0.805f - 0.332f) * H, 0);    // forearm 0.146
    P(left ? Joint::hip_l : Joint::hip_r, x * 0.050f * H * w, 0.530f * H, 0);                   // trochanter 0.530
    P(left ? Joint::knee_l : Joint::knee_r, x * 0.050f * H * w, 0.285f * H, 0);                 // knee 0.285
    P(left ? Joint::ankle_l : Joint::ankle_r, x * 0.050f * H * w, 0.039f * H, 0);               // ankle 0.039
  }
  m.pelvis_height = pos[ji(Joint::pelvis)].y;
  for (std::size_t j = 0; j < kJointCount; ++j) {
    const Joint jj = vocab_at<Joint>(j);
    m.rest_offset[j] = jj == Joint::pelvis ? glm::vec3(0) : pos[j] - pos[ji(joint_parent(jj))];
  }

  auto E = [&](BodyPart part, Joint j, glm::vec3 c, glm::vec3 r) {
    m.parts.push_back({part, j, ShapeKind::ellipsoid, c, r, 0.0f});
  };
  auto C = [&](BodyPart part, Joint j, glm::vec3 c, float radius, float half_len) {
    m.parts.push_back({part, j, ShapeKind::capsule, c, glm::vec3(radius), half_len});
  };

  // Head: 0.130H from chin to crown; centred at eye height (0.936H).
  E(BodyPart::head, Joint::head, {0, 0.050f * H, 0.004f * H}, {0.046f * H, 0.063f * H, 0.056f * H});
  // A nose, so a director can read which way a head faces; it is face.
  E(BodyPart::nose, Joint::head, {0, 0.042f * H, 0.057f * H}, {0.009f * H, 0.016f * H, 0.011f * H});
  E(BodyPart::ear_l, Joint::head, {0.047f * H, 0.050f * H, -0.004f * H}, {0.006f * H, 0.016f * H, 0.010f * H});
  E(BodyPart::ear_r, Joint::head, {-0.047f * H, 0.050f * H, -0.004f * H}, {0.006f * H, 0.016f * H, 0.010f * H});
  C(BodyPart::neck, Joint::neck, {0, 0.035f * H, 0.002f * H}, 0.028f * H * w, 0.035f * H);
  E(BodyPart::chest, Joint::spine_upper, {0, 0.035f * H, 0}, {0.090f * H * w, 0.085f * H, 0.058f * H * w});
  E(BodyPart::abdomen, Joint::spine_lower, {0, 0.020f * H, 0.004f * H * w}, {0.083f * H * w, 0.075f * H, 0.054f * H * w});
  E(BodyPart::pelvis, Joint::pelvis, {0, -0.015f * H, 0}, {0.100f * H * w, 0.065f * H, 0.060f * H * w});
  E(BodyPart::genitals, Joint::pelvis, {0, -0.050f * H, 0.047f * H * w}, {0.018f * H, 0.025f * H, 0.016f * H});
  for (int s : {1, -1}) {
    const bool left = s > 0;
    const float x = static_cast<float>(s);
    E(left ? BodyPart::breast_l : BodyPart::breast_r, Joint::spine_upper,
      // Tucked inside the chest's outline seen from behind (its half width, about 0.07 H), so a
      // rear view does not show a sliver of breast that a real body would not.
      {x * 0.040f * H * w, -0.005f * H, 0.041f * H * w}, {0.030f * H * w, 0.034f * H, 0.030f * H * w});
    E(left ? BodyPart::buttock_l : BodyPart::buttock_r, Joint::pelvis,
      {x * 0.045f * H * w, -0.030f * H, -0.033f * H * w}, {0.050f * H * w, 0.055f * H, 0.040f * H * w});
    E(left ? BodyPart::deltoid_l : BodyPart::deltoid_r, left ? Joint::clavicle_l : Joint::clavicle_r,
      {x * 0.090f * H * w, 0.005f * H, 0}, {0.040f * H * w, 0.028f * H, 0.030f * H * w});
    C(left ? BodyPart::upper_arm_l : BodyPart::upper_arm_r, left ? Joint::shoulder_l : Joint::shoulder_r,
      {0, -0.093f * H, 0}, 0.026f * H * w, 0.093f * H);
    C(left ? BodyPart::forearm_l : BodyPart::forearm_r, left ? Joint::elbow_l : Joint::elbow_r,
      {0, -0.073f * H, 0}, 0.019f * H * w, 0.073f * H);
    E(left ? BodyPart::hand_l : BodyPart::hand_r, left ? Joint::wrist_l : Joint::wrist_r,
      {0, -0.054f * H, 0.004f * H}, {0.010f * H, 0.054f * H, 0.025f * H});  // hand 0.108
    C(left ? BodyPart::thigh_l : BodyPart::thigh_r, left ? Joint::hip_l : Joint::hip_r,
      {0, -0.1225f * H, 0}, 0.036f * H * w, 0.1225f * H);  // thigh 0.245
    C(left ? BodyPart::lower_leg_l : BodyPart::lower_leg_r, left ? Joint::knee_l : Joint::knee_r,
      {0, -0.123f * H, 0}, 0.026f * H * w, 0.123f * H);    // leg 0.246
    E(left ? BodyPart::foot_l : BodyPart::foot_r, left ? Joint::ankle_l : Joint::ankle_r,
      {0, -0.019f * H, 0.035f * H}, {0.0275f * H * w, 0.020f * H, 0.077f * H});  // foot 0.152 × 0.055
  }
  std::stable_sort(m.parts.begin(), m.parts.end(),
                   [](const BodyPrimitive& a, const BodyPrimitive& b) { return a.part < b.part; });
  return m;
}

// [SECTION] Joint limits

JointLimits joint_limits(Joint j) {
  auto L = [](float x0, float x1, float y0, float y1, float z0, float z1) {
    return JointLimits{glm::vec3(x0, y0, z0), glm::vec3(x1, y1, z1)};
  };
  auto mirror_r = [](JointLimits l) {  // (x, y, z) → (x, −y, −z)
    return JointLimits{glm::vec3(l.min_deg.x, -l.max_deg.y, -l.max_deg.z),
                       glm::vec3(l.max_deg.x, -l.min_deg.y, -l.min_deg.z)};
  };
  switch (j) {
    case Joint::pelvis: return L(-180, 180, -180, 180, -180, 180);
    case Joint::spine_lower: return L(-25, 45, -30, 30, -25, 25);
    case Joint::spine_upper: return L(-20, 40, -30, 30, -20, 20);
    case Joint::neck: return L(-40, 45, -60, 60, -35, 35);
    case Joint::head: return L(-30, 30, -30, 30, -20, 20);
    case Joint::clavicle_l: return L(-15, 15, -20, 20, -10, 30);
    case Joint::shoulder_l: return L(-180, 60, -90, 90, -30, 180);
    case Joint::elbow_l: return L(-150, 0, -80, 80, 0, 0);
    case Joint::wrist_l: return L(-70, 70, 0, 0, -25, 35);
    case Joint::hip_l: return L(-125, 30, -45, 45, -30, 45);
    case Joint::knee_l: return L(0, 150, -10, 10, 0, 0);
    case Joint::ankle_l: return L(-20, 50, -20, 20, -25, 25);
    case Joint::clavicle_r: return mirror_r(joint_limits(Joint::clavicle_l));
    case Joint::shoulder_r: return mirror_r(joint_limits(Joint::shoulder_l));
    case Joint::elbow_r: return mirror_r(joint_limits(Joint::elbow_l));
    case Joint::wrist_r: return mirror_r(joint_limits(Joint::wrist_l));
    case Joint::hip_r: return mirror_r(joint_limits(Joint::hip_l));
    case Joint::knee_r: return mirror_r(joint_limits(Joint::knee_l));
    case Joint::ankle_r: return mirror_r(joint_limits(Joint::ankle_l));
  }
  return L(-180, 180, -180, 180, -180, 180);
}

Vec3 clamp_joint(Joint j, const Vec3& d) {
  const JointLimits l = joint_limits(j);
  return {std::clamp(d[0], double(l.min_deg.x), double(l.max_deg.x)),
          std::clamp(d[1], double(l.min_deg.y), double(l.max_deg.y)),
          std::clamp(d[2], double(l.min_deg.z), double(l.max_deg.z))};
}

glm::quat euler_xyz_deg(const Vec3& d) {
  const glm::quat qx = glm::angleAxis(static_cast<float>(d[0]) * kDeg, glm::vec3(1, 0, 0));
  const glm::quat qy = glm::angleAxis(static_cast<float>(d[1]) * kDeg, glm::vec3(0, 1, 0));
  const glm::quat qz = glm::angleAxis(static_cast<float>(d[2]) * kDeg, glm::vec3(0, 0, 1));
  return glm::normalize(qx * qy * qz);
}

// [SECTION] Poses and forward kinematics

PoseState rest_pose(const Mannequin& m) {
  PoseState s;
  s.root_position = glm::vec3(0, m.pelvis_height, 0);
  return s;
}

PoseState pose_state(const Pose& pose) {
  PoseState s;
  s.root_position = glm::vec3(pose.root_position[0], pose.root_position[1], pose.root_position[2]);
  s.root_rotation = euler_xyz_deg(pose.root_rotation);
  for (const JointRotation& jr : pose.joints)
    s.local[ji(jr.joint)] = euler_xyz_deg(clamp_joint(jr.joint, jr.degrees));
  return s;
}

PoseState interpolate(const PoseState& a, const PoseState& b, float u) {
  if (u <= 0) return a;
  if (u >= 1) return b;
  PoseState s;
  s.root_position = glm::mix(a.root_position, b.root_position, u);
  s.root_rotation = glm::normalize(glm::slerp(a.root_rotation, b.root_rotation, u));
  for (std::size_t j = 0; j < kJointCount; ++j) {
    glm::quat qb = b.local[j];
    if (glm::dot(a.local[j], qb) < 0) qb = -qb;  // shortest arc
    s.local[j] = glm::normalize(glm::slerp(a.local[j], qb, u));
  }
  return s;
}

glm::mat4 JointTransform::matrix() const {
  return glm::translate(glm::mat4(1.0f), position) * glm::mat4_cast(rotation);
}

std::array<JointTransform, kJointCount> forward_kinematics(const Mannequin& m, const PoseState& pose) {
  std::array<JointTransform, kJointCount> out{};
  glm::quat root = pose.root_rotation;
  if (glm::dot(root, root) > 0) root = glm::normalize(root);
  // Joints are declared parent-before-child, so one pass suffices.
  for (std::size_t j = 0; j < kJointCount; ++j) {
    const Joint jj = vocab_at<Joint>(j);
    if (jj == Joint::pelvis) {
      out[j].position = pose.root_position;
      out[j].rotation = glm::normalize(root * pose.local[j]);
      continue;
    }
    const JointTransform& parent = out[ji(joint_parent(jj))];
    out[j].position = parent.position + parent.rotation * m.rest_offset[j];
    out[j].rotation = glm::normalize(parent.rotation * pose.local[j]);
  }
  return out;
}

// [SECTION] Regions on the surface
//
// Thresholds are on canonical coordinates (x = the figure's left, y up, z front
// at rest), chosen so that each region has a plausible extent for its anatomy:
// lips ~5 × 3 cm, nipples ~4 cm across, the perineum a strip between the thighs.

Region body_region(BodyPart part, const glm::vec3& q) {
  const bool left = q.x > 0;
  const float ax = std::abs(q.x);
  switch (part) {
    case BodyPart::head:
      if (q.z > 0.55f && q.y > -0.80f && q.y < -0.50f && ax < 0.30f) return Region::lips;
      if (q.z > 0.30f && q.y < 0.42f) return Region::face;
      if (q.z > -0.10f && q.y < -0.60f) return Region::face;  // under the jaw
      return Region::scalp;
    case BodyPart::ear_l: return Region::ear_l;
    case BodyPart::ear_r: return Region::ear_r;
    case BodyPart::nose: return Region::face;
    case BodyPart::neck: return q.z > 0 ? Region::neck_front : Region::neck_back;
    case BodyPart::chest:
      if (q.y > 0.45f && ax > 0.45f) return side(left, Region::shoulder_l, Region::shoulder_r);
      if (q.z < -0.20f) return Region::back_upper;
      if (ax > 0.80f) return side(left, Region::flank_l, Region::flank_r);
      return q.y > -0.45f ? Region::chest_upper : Region::abdomen_upper;
    case BodyPart::abdomen:
      if (q.z < -0.25f) return Region::back_lower;
      if (ax > 0.75f) return side(left, Region::flank_l, Region::flank_r);
      return q.y > 0.0f ? Region::abdomen_upper : Region::abdomen_lower;
    case BodyPart::pelvis:
      // The perineum is the underside between the legs, not the back of the pelvis:
      // a standing figure seen from behind shows buttocks there, not perineum.
      if (q.y < -0.80f && ax < 0.30f && q.z >= -0.20f && q.z < 0.45f) return Region::perineum;
      if (q.z < -0.20f) return q.y > 0.35f ? Region::back_lower : side(left, Region::buttock_l, Region::buttock_r);
      if (ax > 0.55f) return side(left, Region::hip_l, Region::hip_r);
      return q.y > 0.20f ? Region::abdomen_lower : Region::pubic;
    case BodyPart::genitals: return Region::genitals;
    case BodyPart::breast_l: return q.z > 0.95f ? Region::nipple_l : Region::breast_l;
    case BodyPart::breast_r: return q.z > 0.95f ? Region::nipple_r : Region::breast_r;
    case BodyPart::buttock_l: return Region::buttock_l;
    case BodyPart::buttock_r: return Region::buttock_r;
    case BodyPart::deltoid_l: return Region::shoulder_l;
    case BodyPart::deltoid_r: return Region::shoulder_r;
    case BodyPart::upper_arm_l: return Region::upper_arm_l;
    case BodyPart::upper_arm_r: return Region::upper_arm_r;
    case BodyPart::forearm_l: return Region::forearm_l;
    case BodyPart::forearm_r: return Region::forearm_r;
    case BodyPart::hand_l: return Region::hand_l;
    case BodyPart::hand_r: return Region::hand_r;
    case BodyPart::thigh_l: return q.x < -0.45f ? Region::inner_thigh_l : Region::thigh_l;
    case BodyPart::thigh_r: return q.x > 0.45f ? Region::inner_thigh_r : Region::thigh_r;
    case BodyPart::lower_leg_l: return Region::lower_leg_l;
    case BodyPart::lower_leg_r: return Region::lower_leg_r;
    case BodyPart::foot_l: return Region::foot_l;
    case BodyPart::foot_r: return Region::foot_r;
    case BodyPart::none: break;
  }
  return Region::face;
}

namespace {
std::uint64_t part_regions_of(BodyPart part) {
  auto b = [](std::initializer_list<Region> rs) {
    std::uint64_t m = 0;
    for (Region r : rs) m |= region_bit(r);
    return m;
  };
  switch (part) {
    case BodyPart::head: return b({Region::lips, Region::face, Region::scalp});
    case BodyPart::neck: return b({Region::neck_front, Region::neck_back});
    case BodyPart::chest:
      return b({Region::shoulder_l, Region::shoulder_r, Region::back_upper, Region::flank_l, Region::flank_r,
                Region::chest_upper, Region::abdomen_upper});
    case BodyPart::abdomen:
      return b({Region::back_lower, Region::flank_l, Region::flank_r, Region::abdomen_upper, Region::abdomen_lower});
    case BodyPart::pelvis:
      return b({Region::perineum, Region::back_lower, Region::buttock_l, Region::buttock_r, Region::hip_l,
                Region::hip_r, Region::abdomen_lower, Region::pubic});
    case BodyPart::breast_l: return b({Region::nipple_l, Region::breast_l});
    case BodyPart::breast_r: return b({Region::nipple_r, Region::breast_r});
    case BodyPart::thigh_l: return b({Region::inner_thigh_l, Region::thigh_l});
    case BodyPart::thigh_r: return b({Region::inner_thigh_r, Region::thigh_r});
    case BodyPart::none: return 0;
    default: return region_bit(body_region(part, glm::vec3(0, 0, 1)));
  }
}
}  // namespace

// A table, built once: the checks and the ray caster ask for it per primitive
// and per probe.
std::uint64_t part_regions(BodyPart part) {
  static const std::array<std::uint64_t, kBodyPartCount + 1> table = [] {
    std::array<std::uint64_t, kBodyPartCount + 1> t{};
    for (std::size_t k = 0; k <= kBodyPartCount; ++k) t[k] = part_regions_of(static_cast<BodyPart>(k));
    return t;
  }();
  const auto k = static_cast<std::size_t>(part);
  return k < table.size() ? table[k] : 0;
}

}  // namespace cs
