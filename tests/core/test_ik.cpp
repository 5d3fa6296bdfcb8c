// test_ik.cpp — two-bone IK: reachable targets are reached within 1 mm with
// every angle inside its limits; unreachable ones leave the limb pointing at
// them and say how far short; the pole chooses the bend; Euler angles read
// back from a rotation make the same rotation.
#include <doctest/doctest.h>

#include <cmath>

#include "notation/ik.hpp"

using namespace cs;

namespace {

Pose standing() {
  Pose p;
  p.performer = "ana";
  p.root_position = {0, 0.55 * 1.7, 0};
  return p;
}

glm::dvec3 joint_at(const Mannequin& m, const Pose& p, Joint j) {
  return glm::dvec3(forward_kinematics(m, pose_state(p))[static_cast<std::size_t>(j)].position);
}

bool within_limits(Joint j, const Vec3& d) {
  const Vec3 c = clamp_joint(j, d);
  return std::abs(c[0] - d[0]) < 1e-9 && std::abs(c[1] - d[1]) < 1e-9 && std::abs(c[2] - d[2]) < 1e-9;
}

Pose applied(Pose p, Limb limb, const IkResult& r) {
  set_pose_joint(p, limb_joints(limb).upper, r.upper_deg);
  set_pose_joint(p, limb_joints(limb).middle, r.middle_deg);
  return p;
}

}  // namespace

TEST_CASE("ik: targets within reach and limits are reached within 1 mm, the result inside the limits") {
  const Mannequin m = make_mannequin(1.7, Build::average);
  Pose p = standing();
  p.root_rotation = {0, 30, 0};
  struct Case { Limb limb; glm::dvec3 offset; };  // offset from the upper joint
  const Case cases[] = {
      {Limb::arm_r, {-0.1, -0.2, 0.35}},  // hand in front, elbow bent
      {Limb::arm_l, {0.15, -0.4, 0.2}},
      {Limb::arm_r, {-0.05, 0.25, 0.3}},  // raised forward
      {Limb::leg_l, {0.0, -0.6, 0.3}},    // a step forward, knee bent
      {Limb::leg_r, {-0.05, -0.5, -0.25}},
  };
  for (const Case& c : cases) {
    const LimbJoints lj = limb_joints(c.limb);
    const glm::dvec3 target = joint_at(m, p, lj.upper) + c.offset;
    const IkResult r = solve_limb(m, p, c.limb, target);
    INFO("limb " << static_cast<int>(c.limb) << " short " << r.short_m);
    CHECK(r.reached());
    CHECK(r.short_m < 1e-3);
    CHECK(within_limits(lj.upper, r.upper_deg));
    CHECK(within_limits(lj.middle, r.middle_deg));
    // The pose, applied, puts the end joint there (the result is not just a claim).
    CHECK(glm::length(joint_at(m, applied(p, c.limb, r), lj.end) - target) < 1e-3);
  }
}

TEST_CASE("ik: a target out of reach straightens the limb towards it and reports how far short") {
  const Mannequin m = make_mannequin(1.7, Build::average);
  const Pose p = standing();
  const glm::dvec3 shoulder = joint_at(m, p, Joint::shoulder_r);
  const double reach = glm::length(glm::dvec3(m.rest_offset[static_cast<std::size_t>(Joint::elbow_r)])) +
                       glm::length(glm::dvec3(m.rest_offset[static_cast<std::size_t>(Joint::wrist_r)]));
  const glm::dvec3 target = shoulder + glm::dvec3(0, 0, reach + 0.03);  // 3 cm beyond, straight ahead
  const IkResult r = solve_limb(m, p, Limb::arm_r, target);
  CHECK_FALSE(r.reached());
  CHECK(r.short_m == doctest::Approx(0.03).epsilon(0.02));
  CHECK(r.middle_deg[0] == doctest::Approx(0).epsilon(1e-6));  // straight
  CHECK(glm::dot(glm::normalize(r.end_position - shoulder), glm::dvec3(0, 0, 1)) > 0.999);
}

TEST_CASE("ik: a target the limits forbid stops at the limit and says how far short") {
  const Mannequin m = make_mannequin(1.7, Build::average);
  const Pose p = standing();
  // A foot close in front of the hip: the knee bends at most 150°, so it cannot fold that far.
  const IkResult k = solve_limb(m, p, Limb::leg_l, joint_at(m, p, Joint::hip_l) + glm::dvec3(0, -0.05, 0.1));
  CHECK(within_limits(Joint::knee_l, k.middle_deg));
  CHECK(within_limits(Joint::hip_l, k.upper_deg));
  CHECK(k.middle_deg[0] == doctest::Approx(150));
  CHECK(k.short_m > 0.05);
  // A hand at the shoulder itself: the elbow stops at 150° too.
  const IkResult a = solve_limb(m, p, Limb::arm_l, joint_at(m, p, Joint::shoulder_l) + glm::dvec3(0, -0.01, 0.01));
  CHECK(a.middle_deg[0] == doctest::Approx(-150));
  CHECK(a.short_m > 0.02);
}

TEST_CASE("ik: the pole turns the elbow to point where it says") {
  const Mannequin m = make_mannequin(1.7, Build::average);
  const Pose p = standing();
  const glm::dvec3 shoulder = joint_at(m, p, Joint::shoulder_r);
  const glm::dvec3 target = shoulder + glm::dvec3(0, -0.15, 0.3);
  for (const glm::dvec3 pole : {glm::dvec3(-1, 0, 0), glm::dvec3(0, -1, 0)}) {
    const IkResult r = solve_limb(m, p, Limb::arm_r, target, pole);
    CHECK(r.reached());
    const Pose solved = applied(p, Limb::arm_r, r);
    const glm::dvec3 elbow = joint_at(m, solved, Joint::elbow_r);
    const glm::dvec3 line = glm::normalize(target - shoulder);
    glm::dvec3 off = elbow - shoulder;
    off -= glm::dot(off, line) * line;
    // It points the pole's way, as far as a direction across the limb's line can.
    glm::dvec3 across = pole - glm::dot(pole, line) * line;
    INFO("pole " << pole.x << "," << pole.y);
    CHECK(glm::dot(glm::normalize(off), glm::normalize(across)) > 0.99);
  }
}

TEST_CASE("ik: Euler angles read from a rotation rebuild it, the solution nearest the previous") {
  for (const Vec3 d : {Vec3{10, 20, 30}, Vec3{-120, 45, -10}, Vec3{170, -80, 95}, Vec3{0, 90, 0}, Vec3{30, -90, 20}}) {
    const glm::quat q = euler_xyz_deg(d);
    const Vec3 back = euler_xyz_from_quat(q, d);
    const glm::quat q2 = euler_xyz_deg(back);
    INFO(d[0] << " " << d[1] << " " << d[2] << " -> " << back[0] << " " << back[1] << " " << back[2]);
    CHECK(std::abs(glm::dot(q, q2)) > 0.99999f);
    if (std::abs(d[1]) < 89) {
      CHECK(back[0] == doctest::Approx(d[0]).epsilon(1e-3));
      CHECK(back[2] == doctest::Approx(d[2]).epsilon(1e-3));
    }
  }
}
