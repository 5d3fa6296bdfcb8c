// pose_presets.cpp — the presets' angles and applying one (pose_presets.hpp).
#include "notation/pose_presets.hpp"

#include <algorithm>
#include <cmath>

#include <glm/gtc/quaternion.hpp>

#include "notation/edits_poses.hpp"
#include "notation/ik.hpp"
#include "notation/mannequin.hpp"
#include "notation/phrasing.hpp"

namespace cs {

namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;

// Right limbs mirror the left: (x, y, z) → (x, −y, −z).
Vec3 right(Vec3 left) { return {left[0], -left[1], -left[2]}; }

// Both sides of a limb joint, the left's angles given.
void both(std::vector<JointRotation>& out, Joint l, Joint r, Vec3 left) {
  out.push_back({l, left});
  out.push_back({r, right(left)});
}

PosePresetData make(PosePreset p) {
  PosePresetData d;
  std::vector<JointRotation>& j = d.joints;
  switch (p) {
    case PosePreset::stand:
      d.name = "stand";
      both(j, Joint::shoulder_l, Joint::shoulder_r, {0, 0, 8});  // arms just off the sides
      both(j, Joint::elbow_l, Joint::elbow_r, {-10, 0, 0});
      break;
    case PosePreset::sit:  // on the floor, legs out in front, hands beside the hips
      d.name = "sit";
      j.push_back({Joint::spine_lower, {10, 0, 0}});
      both(j, Joint::shoulder_l, Joint::shoulder_r, {-15, 0, 12});
      both(j, Joint::elbow_l, Joint::elbow_r, {-10, 0, 0});
      both(j, Joint::hip_l, Joint::hip_r, {-85, 0, 5});
      both(j, Joint::knee_l, Joint::knee_r, {20, 0, 0});
      break;
    case PosePreset::kneel:  // upright on both knees, the shins flat behind
      d.name = "kneel";
      both(j, Joint::shoulder_l, Joint::shoulder_r, {0, 0, 8});
      both(j, Joint::elbow_l, Joint::elbow_r, {-15, 0, 0});
      both(j, Joint::knee_l, Joint::knee_r, {90, 0, 0});
      both(j, Joint::ankle_l, Joint::ankle_r, {40, 0, 0});
      break;
    case PosePreset::lie_back:  // flat on the back, arms by the sides
      d.name = "lie on the back";
      d.tip = {-90, 0, 0};
      both(j, Joint::shoulder_l, Joint::shoulder_r, {0, 0, 10});
      both(j, Joint::ankle_l, Joint::ankle_r, {20, 0, 0});
      break;
    case PosePreset::lie_side:  // on the right side, knees drawn up a little, arms forward
      d.name = "lie on the side";
      d.tip = {0, 0, 90};
      j.push_back({Joint::spine_lower, {10, 0, 0}});
      both(j, Joint::shoulder_l, Joint::shoulder_r, {-70, 0, 0});
      both(j, Joint::elbow_l, Joint::elbow_r, {-40, 0, 0});
      both(j, Joint::hip_l, Joint::hip_r, {-40, 0, 0});
      both(j, Joint::knee_l, Joint::knee_r, {60, 0, 0});
      break;
  }
  std::stable_sort(j.begin(), j.end(), [](const JointRotation& a, const JointRotation& b) { return a.joint < b.joint; });
  return d;
}

}  // namespace

const PosePresetData& pose_preset(PosePreset p) {
  static const std::array<PosePresetData, kPosePresets.size()> all = [] {
    std::array<PosePresetData, kPosePresets.size()> a;
    for (std::size_t i = 0; i < kPosePresets.size(); ++i) a[i] = make(kPosePresets[i]);
    return a;
  }();
  return all.at(static_cast<std::size_t>(p));
}

Edited apply_pose_preset(const Document& doc, std::size_t beat, const std::string& performer, PosePreset preset,
                         const PropMeshes* meshes) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused("There is no beat " + std::to_string(beat + 1));
  if (!doc.performer(performer)) return Edited::refused("There is no performer " + quoted_text(performer));
  const PosePresetData& data = pose_preset(preset);
  const Pose was = key_or_staged(doc, beat, performer);
  // Facing as before (the turn about the vertical), tipped as the preset lies.
  const glm::dvec3 facing = glm::dquat(euler_xyz_deg(was.root_rotation)) * glm::dvec3(0, 0, 1);
  const double yaw = std::atan2(facing.x, facing.z);
  const glm::dquat q = glm::angleAxis(yaw, glm::dvec3(0, 1, 0)) * glm::angleAxis(data.tip[0] * kDeg, glm::dvec3(1, 0, 0)) *
                       glm::angleAxis(data.tip[2] * kDeg, glm::dvec3(0, 0, 1));
  Pose key;
  key.performer = performer;
  key.root_position = was.root_position;
  key.root_rotation = euler_xyz_from_quat(glm::quat(q), was.root_rotation);
  for (const JointRotation& jr : data.joints) key.joints.push_back({jr.joint, clamp_joint(jr.joint, jr.degrees)});
  Edited posed = set_pose(doc, beat, std::move(key));
  if (!posed.ok()) return posed;
  // Resting on what is under it: one edit made from the first document, so one step.
  Pose rested = key_or_staged(posed.doc(), beat, performer);
  rested.root_position[1] -= height_above_support(posed.doc(), beat, performer, meshes);
  return set_pose(doc, beat, std::move(rested));
}

}  // namespace cs
