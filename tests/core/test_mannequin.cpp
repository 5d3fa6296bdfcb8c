// test_mannequin.cpp — proportions, joint limits, forward kinematics, regions on the surface.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include <glm/gtc/quaternion.hpp>

#include "notation/mannequin.hpp"
#include "notation/stage.hpp"

using namespace cs;

namespace {

Document one_performer(double height = 1.70, Build build = Build::average) {
  Document doc;
  Performer p;
  p.id = "ana";
  p.height_m = height;
  p.build = build;
  doc.performers = {p};
  return doc;
}

// Inside another skin shape of the same performer (a buried point is not surface).
bool buried(const Stage& st, std::size_t self, const glm::vec3& w) {
  for (std::size_t k = 0; k < st.shapes.size(); ++k) {
    const Shape& s = st.shapes[k];
    if (k == self || s.covers || s.label.is_prop()) continue;
    const glm::vec3 p(s.to_canonical * glm::vec4(w, 1));
    if (s.kind == ShapeKind::capsule) {
      const float y = std::clamp(p.y, -s.h, s.h);
      if (glm::length(glm::vec3(p.x, p.y - y, p.z)) < 0.999f) return true;
    } else if (glm::length(p) < 0.999f) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("mannequin: rest proportions follow Drillis & Contini fractions of height") {
  for (double H : {1.55, 1.70, 1.92}) {
    const Mannequin m = make_mannequin(H, Build::average);
    const auto joints = forward_kinematics(m, rest_pose(m));
    auto y = [&](Joint j) { return double(joints[std::size_t(j)].position.y); };
    CHECK(y(Joint::knee_l) == doctest::Approx(0.285 * H).epsilon(0.01));
    CHECK(y(Joint::ankle_r) == doctest::Approx(0.039 * H).epsilon(0.01));
    CHECK(y(Joint::hip_l) == doctest::Approx(0.530 * H).epsilon(0.01));
    CHECK(y(Joint::shoulder_l) - y(Joint::elbow_l) == doctest::Approx(0.186 * H).epsilon(0.01));
    CHECK(y(Joint::elbow_r) - y(Joint::wrist_r) == doctest::Approx(0.146 * H).epsilon(0.01));
    // The surface spans the floor to the crown.
    Document doc = one_performer(H);
    const StageMesh mesh = tessellate(evaluate(doc, 1), 24);
    float lo = 1e9f, hi = -1e9f;
    for (const glm::vec3& p : mesh.positions) { lo = std::min(lo, p.y); hi = std::max(hi, p.y); }
    CHECK(lo == doctest::Approx(0.0).epsilon(0.01 * H));
    CHECK(double(hi) == doctest::Approx(H).epsilon(0.01));
  }
}

TEST_CASE("mannequin: a silhouette, not sticks — trunk wider than limbs, build widens it") {
  const Mannequin avg = make_mannequin(1.70, Build::average), broad = make_mannequin(1.70, Build::broad);
  auto part = [](const Mannequin& m, BodyPart p) {
    for (const BodyPrimitive& b : m.parts) if (b.part == p) return b;
    return BodyPrimitive{};
  };
  CHECK(part(avg, BodyPart::chest).radii.x > 2.5f * part(avg, BodyPart::upper_arm_l).radii.x);
  CHECK(part(avg, BodyPart::pelvis).radii.x * 2 == doctest::Approx(0.2 * 1.70).epsilon(0.06));  // hip width 0.191H
  CHECK(part(broad, BodyPart::chest).radii.x > part(avg, BodyPart::chest).radii.x);
  CHECK(avg.parts.size() == kBodyPartCount);
}

TEST_CASE("mannequin: left and right are mirror images") {
  const Mannequin m = make_mannequin(1.70, Build::average);
  const auto joints = forward_kinematics(m, rest_pose(m));
  for (std::size_t j = 0; j < kJointCount; ++j) {
    const Joint jj = vocab_at<Joint>(j);
    const auto name = std::string(vocab_name(jj));
    if (name.back() != 'l' || name[name.size() - 2] != '_') continue;
    const Joint jr = *vocab_parse<Joint>(name.substr(0, name.size() - 1) + "r");
    CHECK(joints[j].position.x == doctest::Approx(-joints[std::size_t(jr)].position.x));
    CHECK(joints[j].position.y == doctest::Approx(joints[std::size_t(jr)].position.y));
    const JointLimits l = joint_limits(jj), r = joint_limits(jr);
    CHECK(l.min_deg.x == r.min_deg.x);
    CHECK(l.min_deg.z == -r.max_deg.z);
    CHECK(l.max_deg.y == -r.min_deg.y);
  }
}

TEST_CASE("mannequin: joint limits clamp poses to what a body can do") {
  CHECK(clamp_joint(Joint::knee_l, {-30, 0, 0})[0] == 0);       // knees do not bend forwards
  CHECK(clamp_joint(Joint::knee_r, {200, 0, 0})[0] == 150);
  CHECK(clamp_joint(Joint::elbow_l, {-90, 0, 40})[2] == 0);     // elbows are hinges
  CHECK(clamp_joint(Joint::neck, {0, 120, 0})[1] == 60);
  CHECK(clamp_joint(Joint::shoulder_l, {0, 0, 170})[2] == 170);  // the left arm raises sideways...
  CHECK(clamp_joint(Joint::shoulder_r, {0, 0, 170})[2] == 30);   // ...the right one the other way
  Pose p;
  p.joints = {{Joint::knee_l, {-40, 0, 0}}};
  const PoseState s = pose_state(p);
  CHECK(std::abs(glm::angle(s.local[std::size_t(Joint::knee_l)])) < 1e-6f);
}

TEST_CASE("mannequin: forward kinematics moves children with their parents") {
  const Mannequin m = make_mannequin(1.70, Build::average);
  PoseState s = rest_pose(m);
  const auto rest = forward_kinematics(m, s);
  // Elbow flexed 90°: the wrist comes forward (+Z) by the forearm's length.
  s.local[std::size_t(Joint::elbow_l)] = euler_xyz_deg({-90, 0, 0});
  auto bent = forward_kinematics(m, s);
  const glm::vec3 e = bent[std::size_t(Joint::elbow_l)].position, w = bent[std::size_t(Joint::wrist_l)].position;
  CHECK(w.y == doctest::Approx(e.y).epsilon(1e-4));
  CHECK(double(w.z - e.z) == doctest::Approx(0.146 * 1.70).epsilon(0.01));
  // Left arm abducted 90°: the hand goes out to +X (the figure's left).
  s = rest_pose(m);
  s.local[std::size_t(Joint::shoulder_l)] = euler_xyz_deg({0, 0, 90});
  bent = forward_kinematics(m, s);
  CHECK(bent[std::size_t(Joint::wrist_l)].position.x > rest[std::size_t(Joint::wrist_l)].position.x + 0.3f);
  // Root turned 180° about Y: the figure faces −Z, its left hand at −X.
  s = rest_pose(m);
  s.root_rotation = euler_xyz_deg({0, 180, 0});
  bent = forward_kinematics(m, s);
  CHECK(bent[std::size_t(Joint::wrist_l)].position.x < 0);
  CHECK(bent[std::size_t(Joint::head)].position.y == doctest::Approx(rest[std::size_t(Joint::head)].position.y));
}

TEST_CASE("mannequin: every region is on the surface with a visible area") {
  for (Build b : {Build::slim, Build::average, Build::broad}) {
    Document doc = one_performer(1.62, b);
    const Stage st = evaluate(doc, 1);
    std::map<Region, double> area;
    // Fine tessellation, one shape at a time so buried triangles can be told apart.
    Stage one = st;
    for (std::size_t k = 0; k < st.shapes.size(); ++k) {
      one.shapes = {st.shapes[k]};
      const StageMesh mesh = tessellate(one, 48);
      for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
        const glm::vec3 a = mesh.positions[3 * t], bb = mesh.positions[3 * t + 1], c = mesh.positions[3 * t + 2];
        if (buried(st, k, (a + bb + c) / 3.0f)) continue;
        area[mesh.labels[t].region] += 0.5 * glm::length(glm::cross(bb - a, c - a));
      }
    }
    for (std::size_t r = 0; r < kRegionCount; ++r) {
      const Region reg = vocab_at<Region>(r);
      CAPTURE(vocab_name(reg));
      CHECK(area[reg] > 4e-4);  // at least 4 cm² of outer surface
    }
    CHECK(area[Region::nipple_l] == doctest::Approx(area[Region::nipple_r]).epsilon(0.01));
  }
}

TEST_CASE("mannequin: slerp between beat keyframes, a gap holds the shape reached") {
  Document doc = one_performer();
  doc.choreography.beats.resize(2);
  Beat& b1 = doc.choreography.beats[0];
  Beat& b2 = doc.choreography.beats[1];
  b1.id = "b1"; b1.start_count = 1; b1.length_counts = 2;
  b2.id = "b2"; b2.start_count = 5; b2.length_counts = 2;  // counts 3 to 5 are a gap
  Pose p1, p2;
  p1.performer = p2.performer = "ana";
  p1.root_position = {0, 0.9, 0};
  p2.root_position = {1, 0.9, 0};
  p1.joints = {{Joint::shoulder_l, {0, 0, 0}}};
  p2.joints = {{Joint::shoulder_l, {0, 0, 90}}};
  b1.poses = {p1};
  b2.poses = {p2};
  auto angle_at = [&](double count) {
    const Stage st = evaluate(doc, count);
    return glm::degrees(glm::angle(st.performers[0].pose.local[std::size_t(Joint::shoulder_l)]));
  };
  CHECK(angle_at(1) == doctest::Approx(0).epsilon(1e-3));
  CHECK(angle_at(2) == doctest::Approx(45).epsilon(1e-3));   // midpoint of the move
  CHECK(angle_at(3) == doctest::Approx(90).epsilon(1e-3));   // reached at the end of b1
  CHECK(angle_at(4) == doctest::Approx(90).epsilon(1e-3));   // held through the gap
  CHECK(angle_at(9) == doctest::Approx(90).epsilon(1e-3));   // held after the last key
  CHECK(evaluate(doc, 2).performers[0].pose.root_position.x == doctest::Approx(0.5));
  const glm::quat mid = evaluate(doc, 2).performers[0].pose.local[std::size_t(Joint::shoulder_l)];
  const glm::quat want = euler_xyz_deg({0, 0, 45});
  CHECK(std::abs(glm::dot(mid, want)) == doctest::Approx(1).epsilon(1e-5));
}
