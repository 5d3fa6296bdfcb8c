// edits_poses.cpp — the pose keys (edits_poses.hpp).
#include "notation/edits_poses.hpp"

#include <algorithm>
#include <cmath>

#include "notation/mannequin.hpp"
#include "notation/edits_lists.hpp"
#include "notation/phrasing.hpp"

namespace cs {

namespace {

using edit_lists::no_beat;

Pose* pose_of(Beat& b, const std::string& performer) {
  for (Pose& p : b.poses)
    if (p.performer == performer) return &p;
  return nullptr;
}

std::string no_key(const Document& d, const Beat& b, const std::string& performer) {
  return "Beat " + quoted_text(b.id) + " holds no pose of " + display_name(d, performer) + "; add one first";
}

void sort_joints(Pose& p) {
  std::stable_sort(p.joints.begin(), p.joints.end(),
                   [](const JointRotation& a, const JointRotation& b) { return a.joint < b.joint; });
}

}  // namespace

Edited set_pose(const Document& doc, std::size_t beat, Pose pose) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused(no_beat(beat));
  Document d = doc;
  Beat& b = d.choreography.beats[beat];
  sort_joints(pose);
  if (Pose* existing = pose_of(b, pose.performer)) *existing = std::move(pose);
  else b.poses.push_back(std::move(pose));
  return checked(doc, std::move(d));
}

Edited remove_pose(const Document& doc, std::size_t beat, const std::string& performer) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused(no_beat(beat));
  Document d = doc;
  Beat& b = d.choreography.beats[beat];
  const auto it = std::find_if(b.poses.begin(), b.poses.end(), [&](const Pose& p) { return p.performer == performer; });
  if (it == b.poses.end()) return Edited::refused(no_key(d, b, performer));
  b.poses.erase(it);
  return checked(doc, std::move(d));
}

Edited set_joint(const Document& doc, std::size_t beat, const std::string& performer, Joint joint, Vec3 degrees) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused(no_beat(beat));
  for (double v : degrees)
    if (!std::isfinite(v)) return Edited::refused("A joint angle must be an ordinary number of degrees");
  Document d = doc;
  Beat& b = d.choreography.beats[beat];
  Pose* p = pose_of(b, performer);
  if (!p) return Edited::refused(no_key(d, b, performer));
  const Vec3 clamped = clamp_joint(joint, degrees);
  auto it = std::find_if(p->joints.begin(), p->joints.end(), [&](const JointRotation& j) { return j.joint == joint; });
  if (it != p->joints.end()) it->degrees = clamped;
  else p->joints.push_back({joint, clamped});
  sort_joints(*p);
  return checked(doc, std::move(d));
}

Edited set_root(const Document& doc, std::size_t beat, const std::string& performer, Vec3 position, Vec3 rotation) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused(no_beat(beat));
  Document d = doc;
  Beat& b = d.choreography.beats[beat];
  Pose* p = pose_of(b, performer);
  if (!p) return Edited::refused(no_key(d, b, performer));
  p->root_position = position;
  p->root_rotation = rotation;
  return checked(doc, std::move(d));
}

}  // namespace cs
