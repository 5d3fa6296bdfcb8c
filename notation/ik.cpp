// ik.cpp — two-bone IK within the joint limits (ik.hpp).
#include "notation/ik.hpp"

#include <numbers>
#include <algorithm>
#include <array>
#include <cmath>

#include <glm/gtc/matrix_access.hpp>

namespace cs {

namespace {

constexpr double kRad = std::numbers::pi / 180.0;

std::size_t ji(Joint j) { return static_cast<std::size_t>(j); }

double wrap_near(double deg, double near) {
  while (deg - near > 180) deg -= 360;
  while (deg - near < -180) deg += 360;
  return deg;
}

// The two (X, Y, Z) solutions of R = Rx · Ry · Rz, in degrees, unwrapped.
std::array<Vec3, 2> euler_solutions(const glm::quat& q, const Vec3& near) {
  const glm::dmat3 m = glm::mat3_cast(glm::normalize(q));  // m[col][row]
  const double r02 = std::clamp(m[2][0], -1.0, 1.0);
  const double b = std::asin(r02);
  if (std::abs(std::cos(b)) < 1e-6) {
    // Gimbal lock: only X + Z (or Z − X) is known; keep X where it was.
    const double s = std::atan2(m[0][1], m[1][1]);  // b = +90: a + c; b = −90: c − a
    const double a = near[0] * kRad;
    const double c = b > 0 ? s - a : s + a;
    const Vec3 v{near[0], b / kRad, wrap_near(c / kRad, near[2])};
    return {v, v};
  }
  const double a = std::atan2(-m[2][1], m[2][2]);
  const double c = std::atan2(-m[1][0], m[0][0]);
  const Vec3 first{a / kRad, b / kRad, c / kRad};
  const Vec3 second{a / kRad + 180, 180 - b / kRad, c / kRad + 180};
  std::array<Vec3, 2> out{first, second};
  for (Vec3& v : out)
    for (int k = 0; k < 3; ++k) v[static_cast<std::size_t>(k)] = wrap_near(v[static_cast<std::size_t>(k)], near[static_cast<std::size_t>(k)]);
  return out;
}

double distance2(const Vec3& a, const Vec3& b) {
  double s = 0;
  for (int k = 0; k < 3; ++k) s += (a[static_cast<std::size_t>(k)] - b[static_cast<std::size_t>(k)]) * (a[static_cast<std::size_t>(k)] - b[static_cast<std::size_t>(k)]);
  return s;
}

// The solution nearest `near` that the joint's limits keep (or, when both are
// outside them, the one that is least outside), so clamping changes it least.
Vec3 euler_within(Joint j, const glm::quat& q, const Vec3& near) {
  const std::array<Vec3, 2> sol = euler_solutions(q, near);
  Vec3 best = sol[0];
  double best_cost = 1e300;
  for (const Vec3& v : sol) {
    // Try each angle also one turn either way: the limits may sit past ±180.
    Vec3 shifted = v;
    const JointLimits l = joint_limits(j);
    for (int k = 0; k < 3; ++k) {
      const auto kk = static_cast<std::size_t>(k);
      const double lo = l.min_deg[k], hi = l.max_deg[k];
      for (double t : {v[kk] - 360, v[kk], v[kk] + 360})
        if (t >= lo && t <= hi) shifted[kk] = t;
    }
    const Vec3 clamped = clamp_joint(j, shifted);
    const double cost = 1e4 * distance2(clamped, shifted) + distance2(shifted, near);
    if (cost < best_cost) {
      best_cost = cost;
      best = shifted;
    }
  }
  return clamp_joint(j, best);
}

// The way the middle joint bends at rest, in the upper joint's frame: a knee
// points forward (+Z), an elbow back (−Z).
glm::dvec3 natural_bend(Limb limb) {
  return limb == Limb::leg_l || limb == Limb::leg_r ? glm::dvec3(0, 0, 1) : glm::dvec3(0, 0, -1);
}

glm::dvec3 perpendicular_part(const glm::dvec3& v, const glm::dvec3& axis_unit) {
  return v - glm::dot(v, axis_unit) * axis_unit;
}

std::array<JointTransform, kJointCount> pose_fk(const Mannequin& m, const Pose& pose) {
  return forward_kinematics(m, pose_state(pose));
}

}  // namespace

LimbJoints limb_joints(Limb limb) {
  switch (limb) {
    case Limb::arm_l: return {Joint::shoulder_l, Joint::elbow_l, Joint::wrist_l};
    case Limb::arm_r: return {Joint::shoulder_r, Joint::elbow_r, Joint::wrist_r};
    case Limb::leg_l: return {Joint::hip_l, Joint::knee_l, Joint::ankle_l};
    case Limb::leg_r: return {Joint::hip_r, Joint::knee_r, Joint::ankle_r};
  }
  return {Joint::shoulder_l, Joint::elbow_l, Joint::wrist_l};
}

std::optional<Limb> limb_ending_at(Joint end) {
  switch (end) {
    case Joint::wrist_l: return Limb::arm_l;
    case Joint::wrist_r: return Limb::arm_r;
    case Joint::ankle_l: return Limb::leg_l;
    case Joint::ankle_r: return Limb::leg_r;
    default: return std::nullopt;
  }
}

std::string_view limb_end_word(Limb limb) {
  return limb == Limb::arm_l || limb == Limb::arm_r ? "hand" : "foot";
}

Vec3 euler_xyz_from_quat(const glm::quat& q, const Vec3& near) {
  const std::array<Vec3, 2> sol = euler_solutions(q, near);
  return distance2(sol[0], near) <= distance2(sol[1], near) ? sol[0] : sol[1];
}

Vec3 joint_angles_from_quat(Joint j, const glm::quat& q, const Vec3& near) { return euler_within(j, q, near); }

Vec3 pose_joint(const Pose& pose, Joint j) {
  for (const JointRotation& r : pose.joints)
    if (r.joint == j) return r.degrees;
  return {0, 0, 0};
}

void set_pose_joint(Pose& pose, Joint j, const Vec3& degrees) {
  for (JointRotation& r : pose.joints)
    if (r.joint == j) {
      r.degrees = degrees;
      return;
    }
  const auto at = std::find_if(pose.joints.begin(), pose.joints.end(), [&](const JointRotation& r) { return r.joint > j; });
  pose.joints.insert(at, JointRotation{j, degrees});
}

glm::dvec3 current_pole(const Mannequin& m, const Pose& pose, Limb limb) {
  const LimbJoints lj = limb_joints(limb);
  const auto fk = pose_fk(m, pose);
  const glm::dvec3 a(fk[ji(lj.upper)].position), b(fk[ji(lj.middle)].position), c(fk[ji(lj.end)].position);
  const glm::dvec3 line = c - a;
  if (glm::length(line) > 1e-9) {
    const glm::dvec3 off = perpendicular_part(b - a, glm::normalize(line));
    if (glm::length(off) > 1e-4) return glm::normalize(off);
  }
  return glm::normalize(glm::dquat(fk[ji(lj.upper)].rotation) * natural_bend(limb));
}

IkResult solve_limb(const Mannequin& m, const Pose& pose, Limb limb, const glm::dvec3& target,
                    const std::optional<glm::dvec3>& pole) {
  const LimbJoints lj = limb_joints(limb);
  const bool knee = limb == Limb::leg_l || limb == Limb::leg_r;
  const auto fk = pose_fk(m, pose);
  const glm::dvec3 a(fk[ji(lj.upper)].position);
  const glm::dquat parent(fk[ji(joint_parent(lj.upper))].rotation);
  const glm::dvec3 mid_local(m.rest_offset[ji(lj.middle)]);
  const glm::dvec3 end_rest(m.rest_offset[ji(lj.end)]);
  const double l1 = glm::length(mid_local), l2 = glm::length(end_rest);

  // The middle joint: the bend the distance asks for, within the hinge.
  const double d = glm::length(target - a);
  const double cos_interior = std::clamp((l1 * l1 + l2 * l2 - d * d) / (2 * l1 * l2), -1.0, 1.0);
  const double bend_deg = (std::numbers::pi - std::acos(cos_interior)) / kRad;
  Vec3 middle = pose_joint(pose, lj.middle);
  middle[0] = knee ? bend_deg : -bend_deg;
  middle = clamp_joint(lj.middle, middle);

  // The limb in the upper joint's frame: the end and the way the middle points.
  const glm::dvec3 end_local = mid_local + glm::dquat(euler_xyz_deg(middle)) * end_rest;
  const glm::dvec3 u = glm::normalize(end_local);
  glm::dvec3 v = perpendicular_part(mid_local, u);
  if (glm::length(v) < 1e-6 * l1) v = perpendicular_part(natural_bend(limb), u);
  v = glm::normalize(v);

  // The same two directions in the parent's frame: towards the target, and the pole.
  const glm::dquat to_parent = glm::inverse(parent);
  glm::dvec3 U = to_parent * (target - a);
  Vec3 upper = pose_joint(pose, lj.upper);
  if (glm::length(U) > 1e-9) {
    U = glm::normalize(U);
    // The pole: the one given; else the way the limb bends now; else (straight,
    // or bending along the new line) the way it bends at rest carried by the
    // smallest turn from where the limb points now to the target, so a straight
    // arm swung forward keeps its elbow pointing as it did.
    glm::dvec3 V(0);
    auto usable = [&](const glm::dvec3& world) {
      const glm::dvec3 p = perpendicular_part(to_parent * world, U);
      if (glm::length(p) <= 1e-3 * std::max(1.0, glm::length(world))) return false;
      V = glm::normalize(p);
      return true;
    };
    const glm::dvec3 b(fk[ji(lj.middle)].position), c(fk[ji(lj.end)].position);
    const glm::dvec3 line_now = c - a;
    bool found = pole && usable(*pole);
    if (!found && glm::length(line_now) > 1e-9) {
      const glm::dvec3 bent = perpendicular_part(b - a, glm::normalize(line_now));
      found = glm::length(bent) > 1e-4 && usable(bent);
    }
    if (!found) {
      const glm::dvec3 from = glm::length(line_now) > 1e-9 ? glm::normalize(line_now) : glm::dquat(fk[ji(lj.upper)].rotation) * glm::dvec3(0, -1, 0);
      const glm::dvec3 to = glm::normalize(target - a);
      const glm::dvec3 bend_now = glm::dquat(fk[ji(lj.upper)].rotation) * natural_bend(limb);
      const double cosang = std::clamp(glm::dot(from, to), -1.0, 1.0);
      glm::dvec3 axis = glm::cross(from, to);
      glm::dquat carry(1, 0, 0, 0);
      if (glm::length(axis) > 1e-9) carry = glm::angleAxis(std::acos(cosang), glm::normalize(axis));
      found = usable(carry * bend_now) || usable(parent * glm::dvec3(0, 0, 1)) || usable(parent * glm::dvec3(1, 0, 0));
    }
    const glm::dmat3 local_basis(u, v, glm::cross(u, v));
    const glm::dmat3 parent_basis(U, V, glm::cross(U, V));
    const glm::dmat3 rotation = parent_basis * glm::transpose(local_basis);
    upper = euler_within(lj.upper, glm::quat_cast(glm::mat3(rotation)), upper);
  }

  IkResult r;
  r.upper_deg = upper;
  r.middle_deg = middle;
  Pose solved = pose;
  set_pose_joint(solved, lj.upper, upper);
  set_pose_joint(solved, lj.middle, middle);
  r.end_position = glm::dvec3(pose_fk(m, solved)[ji(lj.end)].position);
  r.short_m = glm::length(r.end_position - target);
  return r;
}

}  // namespace cs
