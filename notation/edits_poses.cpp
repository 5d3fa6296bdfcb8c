// edits_poses.cpp — the pose keys (edits_poses.hpp).
#include "notation/edits_poses.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "notation/ik.hpp"
#include "notation/mannequin.hpp"
#include "notation/edits_lists.hpp"
#include "notation/phrasing.hpp"
#include "notation/stage.hpp"

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

namespace {

// `doc` with `pose` as beat `beat`'s key (requires a valid beat index).
Document with_pose(const Document& doc, std::size_t beat, Pose pose) {
  Document d = doc;
  Beat& b = d.choreography.beats[beat];
  sort_joints(pose);
  if (Pose* existing = pose_of(b, pose.performer)) *existing = std::move(pose);
  else b.poses.push_back(std::move(pose));
  return d;
}

}  // namespace

Edited set_pose(const Document& doc, std::size_t beat, Pose pose) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused(no_beat(beat));
  return checked(doc, with_pose(doc, beat, std::move(pose)));
}

Edited drag_pose(const Document& doc, std::size_t beat, Pose pose) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused(no_beat(beat));
  return checked_pose_keys(doc, with_pose(doc, beat, std::move(pose)), beat);
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

// [SECTION] Posing in the viewport

namespace {

bool valid_target(const Document& doc, std::size_t beat, const std::string& performer, std::string& why) {
  if (beat >= doc.choreography.beats.size()) why = no_beat(beat);
  else if (!doc.performer(performer)) why = "There is no performer " + quoted_text(performer);
  return why.empty();
}

// Half extents of a canonical shape mapped by `m`'s linear part, per world axis.
glm::dvec3 half_extents(ShapeKind kind, const glm::dmat3& l) {
  glm::dvec3 e(0);
  for (int a = 0; a < 3; ++a) {
    const glm::dvec3 row(l[0][a], l[1][a], l[2][a]);
    switch (kind) {
      case ShapeKind::box: e[a] = std::abs(row.x) + std::abs(row.y) + std::abs(row.z); break;
      case ShapeKind::cylinder: e[a] = std::abs(row.y) + std::hypot(row.x, row.z); break;
      default: e[a] = glm::length(row); break;  // ellipsoids; a capsule's sphere
    }
  }
  return e;
}

struct SupportTop {
  double x0, x1, z0, z1, top;
};

}  // namespace

Pose key_or_staged(const Document& doc, std::size_t beat, const std::string& performer) {
  const Beat& b = doc.choreography.beats.at(beat);
  for (const Pose& p : b.poses)
    if (p.performer == performer) return p;
  Pose key;
  key.performer = performer;
  const int index = doc.performer_index(performer);
  if (index < 0) return key;
  const Stage st = evaluate(doc, b.start_count);
  const PoseState& ps = st.performers[static_cast<std::size_t>(index)].pose;
  key.root_position = {ps.root_position.x, ps.root_position.y, ps.root_position.z};
  key.root_rotation = euler_xyz_from_quat(ps.root_rotation);
  for (std::size_t j = 0; j < kJointCount; ++j) {
    if (std::abs(std::abs(ps.local[j].w) - 1.0f) < 1e-7f) continue;  // at rest
    const Joint joint = vocab_at<Joint>(j);
    key.joints.push_back({joint, joint_angles_from_quat(joint, ps.local[j])});
  }
  return key;
}

Edited set_key_joints(const Document& doc, std::size_t beat, const std::string& performer,
                      const std::vector<JointRotation>& joints) {
  std::string why;
  if (!valid_target(doc, beat, performer, why)) return Edited::refused(why);
  Pose key = key_or_staged(doc, beat, performer);
  for (const JointRotation& j : joints) {
    for (double v : j.degrees)
      if (!std::isfinite(v)) return Edited::refused("A joint angle must be an ordinary number of degrees");
    set_pose_joint(key, j.joint, clamp_joint(j.joint, j.degrees));
  }
  return set_pose(doc, beat, std::move(key));
}

Edited set_key_root(const Document& doc, std::size_t beat, const std::string& performer, Vec3 position, Vec3 rotation) {
  std::string why;
  if (!valid_target(doc, beat, performer, why)) return Edited::refused(why);
  Pose key = key_or_staged(doc, beat, performer);
  key.root_position = position;
  key.root_rotation = rotation;
  return set_pose(doc, beat, std::move(key));
}

double height_above_support(const Document& doc, std::size_t beat, const std::string& performer, const PropMeshes* meshes) {
  const int index = doc.performer_index(performer);
  if (beat >= doc.choreography.beats.size() || index < 0) return 0;
  const Stage st = evaluate(doc, doc.choreography.beats[beat].start_count, meshes);
  // What can hold a body: the tops of props, each over its footprint.
  std::vector<SupportTop> tops;
  for (const Shape& s : st.shapes) {
    if (!s.label.is_prop()) continue;
    const glm::dmat4 m(s.to_world);
    const glm::dvec3 c(m[3]), e = half_extents(s.kind, glm::dmat3(m));
    tops.push_back({c.x - e.x, c.x + e.x, c.z - e.z, c.z + e.z, c.y + e.y});
  }
  for (const StageTriangle& t : st.triangles) {
    const glm::dvec3 lo = glm::min(glm::min(glm::dvec3(t.a), glm::dvec3(t.b)), glm::dvec3(t.c));
    const glm::dvec3 hi = glm::max(glm::max(glm::dvec3(t.a), glm::dvec3(t.b)), glm::dvec3(t.c));
    tops.push_back({lo.x, hi.x, lo.z, hi.z, hi.y});
  }
  double gap = std::numeric_limits<double>::infinity();
  for (const Shape& s : st.shapes) {
    if (s.label.performer != index || s.covers != 0) continue;
    const glm::dmat4 m(s.to_world);
    glm::dvec3 centre(m[3]);
    const glm::dvec3 e = half_extents(ShapeKind::ellipsoid, glm::dmat3(m));
    if (s.kind == ShapeKind::capsule) {
      const glm::dvec3 axis = glm::dvec3(m[1]) * double(s.h);
      centre = axis.y < 0 ? centre + axis : centre - axis;  // the lower end's sphere
    }
    const double bottom = centre.y - e.y;
    double support = 0;  // the floor
    for (const SupportTop& t : tops)
      if (centre.x >= t.x0 && centre.x <= t.x1 && centre.z >= t.z0 && centre.z <= t.z1 && t.top <= centre.y)
        support = std::max(support, t.top);
    gap = std::min(gap, bottom - support);
  }
  return std::isfinite(gap) ? gap : 0;
}

Edited rest_on_support(const Document& doc, std::size_t beat, const std::string& performer, const PropMeshes* meshes) {
  std::string why;
  if (!valid_target(doc, beat, performer, why)) return Edited::refused(why);
  const double gap = height_above_support(doc, beat, performer, meshes);
  Pose key = key_or_staged(doc, beat, performer);
  key.root_position[1] -= gap;
  return set_pose(doc, beat, std::move(key));
}

// [SECTION] Mirror, copy, flip

namespace {

Joint mirror_joint(Joint j) {
  switch (j) {
    case Joint::clavicle_l: return Joint::clavicle_r;
    case Joint::clavicle_r: return Joint::clavicle_l;
    case Joint::shoulder_l: return Joint::shoulder_r;
    case Joint::shoulder_r: return Joint::shoulder_l;
    case Joint::elbow_l: return Joint::elbow_r;
    case Joint::elbow_r: return Joint::elbow_l;
    case Joint::wrist_l: return Joint::wrist_r;
    case Joint::wrist_r: return Joint::wrist_l;
    case Joint::hip_l: return Joint::hip_r;
    case Joint::hip_r: return Joint::hip_l;
    case Joint::knee_l: return Joint::knee_r;
    case Joint::knee_r: return Joint::knee_l;
    case Joint::ankle_l: return Joint::ankle_r;
    case Joint::ankle_r: return Joint::ankle_l;
    default: return j;
  }
}

Vec3 mirror_angles(const Vec3& d) { return {d[0], d[1] == 0 ? 0.0 : -d[1], d[2] == 0 ? 0.0 : -d[2]}; }

}  // namespace

Pose mirrored_pose(const Pose& pose) {
  Pose out = pose;
  out.joints.clear();
  for (const JointRotation& j : pose.joints) out.joints.push_back({mirror_joint(j.joint), mirror_angles(j.degrees)});
  sort_joints(out);
  return out;
}

Edited mirror_pose(const Document& doc, std::size_t beat, const std::string& performer) {
  std::string why;
  if (!valid_target(doc, beat, performer, why)) return Edited::refused(why);
  return set_pose(doc, beat, mirrored_pose(key_or_staged(doc, beat, performer)));
}

Edited copy_pose_from_previous(const Document& doc, std::size_t beat, const std::string& performer) {
  std::string why;
  if (!valid_target(doc, beat, performer, why)) return Edited::refused(why);
  if (beat == 0) return Edited::refused("Beat " + quoted_text(doc.choreography.beats[0].id) + " is the first: there is no beat before it");
  Pose previous = key_or_staged(doc, beat - 1, performer);
  return set_pose(doc, beat, std::move(previous));
}

Edited flip_staging(const Document& doc, std::size_t beat) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused(no_beat(beat));
  Document d = doc;
  for (const Performer& p : doc.performers) {
    Pose flipped = mirrored_pose(key_or_staged(doc, beat, p.id));
    // Mirrored across the centre line: the place x → −x, and the turn of the whole body mirrored too.
    flipped.root_position[0] = flipped.root_position[0] == 0 ? 0.0 : -flipped.root_position[0];
    flipped.root_rotation = mirror_angles(flipped.root_rotation);
    Beat& b = d.choreography.beats[beat];
    sort_joints(flipped);
    if (Pose* existing = pose_of(b, p.id)) *existing = std::move(flipped);
    else b.poses.push_back(std::move(flipped));
  }
  return checked(doc, std::move(d));
}

}  // namespace cs
