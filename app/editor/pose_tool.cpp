// pose_tool.cpp — posing in the viewport (pose_tools.hpp): rotation rings,
// reach handles with a pole, contact-aware placing, the floor disk and pins.
//
// Every drag computes its edit each frame from the document as it was at the
// press (History::original) and the key the beat held then (`key_`), so it
// never drifts; the release makes it one undo step labelled as notation.
//
// [SECTION] Shared: the selected performer, screen geometry
// [SECTION] Handles: where they are and which one a press is on
// [SECTION] The tool: press, drag, release, cancel
// [SECTION] Drawing
// [SECTION] Free functions of pose_tools.hpp
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "app/editor/panels.hpp"
#include "app/editor/pose_tools.hpp"
#include "notation/conventions.hpp"
#include "notation/edits_poses.hpp"
#include "notation/ik.hpp"
#include "notation/phrasing.hpp"
#include "notation/pick.hpp"
#include "notation/placing.hpp"
#include "notation/timeline.hpp"
#include "render/color_modes.hpp"

namespace cs::editor {

namespace {

// ---------------------------------------------------------------------------
// [SECTION] Shared: the selected performer, screen geometry

constexpr float kRingPx = 74;       // ring radius on screen
constexpr float kGrabPx = 9;        // a ring or handle is under the pointer within this
constexpr float kHandlePx = 7;      // reach handle radius
constexpr double kDiskM = 0.38;     // floor disk radius
constexpr double kPoleM = 0.28;     // pole handle's distance from the elbow or knee
constexpr double kTouchReachM = 0.03;  // a placed hand this short of the region still touches it (else no contact is written)
constexpr double kDeg = 3.14159265358979323846 / 180.0;

std::size_t ji(Joint j) { return static_cast<std::size_t>(j); }


// World metres per screen pixel at a point.
double metres_per_px(const render::ViewSetup& view, glm::dvec2 size, const glm::dvec3& at) {
  const double dist = glm::length(at - glm::dvec3(view.eye));
  return 2.0 * dist / (std::max(1e-6f, view.proj[1][1]) * size.y);
}

double segment_distance(glm::dvec2 p, glm::dvec2 a, glm::dvec2 b) {
  const glm::dvec2 ab = b - a;
  const double t = glm::dot(ab, ab) > 0 ? std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0, 1.0) : 0.0;
  return glm::length(p - (a + t * ab));
}


// The selected performer and the beat a gesture would key.
struct Subject {
  const Document* doc = nullptr;
  int index = -1;                   // doc.performers
  const StagePerformer* staged = nullptr;
  int beat = -1;
  explicit operator bool() const { return doc && index >= 0 && staged; }
};

// A joint's stored angles as staged now (the key's own when it names the joint,
// so a turn past 180° reads as the file has it). No stage evaluation: drawn every frame.
Vec3 staged_angles(const Document& d, int beat, const std::string& performer, const StagePerformer& sp, Joint j) {
  Vec3 near{0, 0, 0};
  if (beat >= 0)
    for (const Pose& p : d.choreography.beats[static_cast<std::size_t>(beat)].poses)
      if (p.performer == performer) near = pose_joint(p, j);
  return clamp_joint(j, euler_xyz_from_quat(sp.pose.local[ji(j)], near));
}

Subject subject_of(const EditorState& s, const ViewportResources& vr) {
  Subject sub;
  sub.doc = s.document();
  if (!sub.doc || s.selection.kind != SelectionKind::performer || !s.through_camera.empty()) return sub;
  sub.index = sub.doc->performer_index(s.selection.id);
  if (sub.index < 0 || static_cast<std::size_t>(sub.index) >= vr.stage.performers.size()) return sub;
  sub.staged = &vr.stage.performers[static_cast<std::size_t>(sub.index)];
  sub.beat = current_beat_index(s);
  return sub;
}

// The frames of a ring: its centre, axis and the direction at angle 0, world.
struct Ring {
  glm::dvec3 center{0}, axis{1, 0, 0}, ref{0, -1, 0};
};

bool trunk_joint(Joint j) {
  return j == Joint::pelvis || j == Joint::spine_lower || j == Joint::spine_upper || j == Joint::neck || j == Joint::head;
}

// Gimbal axes of R = Rx · Ry · Rz in the parent's frame: X, Rx·Y, Rx·Ry·Z.
Ring ring_for(const std::array<JointTransform, kJointCount>& fk, const PoseState& ps, Joint j, const Vec3& deg, int axis) {
  const glm::dquat parent = j == Joint::pelvis ? glm::dquat(ps.root_rotation) : glm::dquat(fk[ji(joint_parent(j))].rotation);
  const glm::dquat rx = glm::angleAxis(deg[0] * kDeg, glm::dvec3(1, 0, 0));
  const glm::dquat ry = glm::angleAxis(deg[1] * kDeg, glm::dvec3(0, 1, 0));
  const glm::dvec3 bone(0, trunk_joint(j) ? 1 : -1, 0);
  Ring r;
  r.center = glm::dvec3(fk[ji(j)].position);
  if (axis == 0) {
    r.axis = parent * glm::dvec3(1, 0, 0);
    r.ref = parent * bone;
  } else if (axis == 1) {
    r.axis = parent * (rx * glm::dvec3(0, 1, 0));
    r.ref = parent * (rx * glm::dvec3(0, 0, 1));
  } else {
    r.axis = parent * (rx * (ry * glm::dvec3(0, 0, 1)));
    r.ref = parent * (rx * (ry * bone));
  }
  return r;
}

glm::dvec3 ring_point(const Ring& r, double radius, double deg) {
  return r.center + radius * (glm::angleAxis(deg * kDeg, r.axis) * r.ref);
}

bool axis_turns(Joint j, int axis) {
  const JointLimits l = joint_limits(j);
  return l.max_deg[axis] > l.min_deg[axis];
}

Region limb_end_region(Limb limb) {
  switch (limb) {
    case Limb::arm_l: return Region::hand_l;
    case Limb::arm_r: return Region::hand_r;
    case Limb::leg_l: return Region::foot_l;
    case Limb::leg_r: return Region::foot_r;
  }
  return Region::hand_r;
}

std::string degrees_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%.0f°", v < -0.5 ? "\u2212" : "", std::abs(v));
  return buf;
}

// ---------------------------------------------------------------------------
// [SECTION] Handles: where they are and which one a press is on

enum class Grab { none, ring, reach, pole, disk_move, disk_turn };

struct Handles {
  std::array<glm::dvec3, 4> reach{};   // by Limb
  std::array<glm::dvec3, 4> pole{};
  glm::dvec3 disk_center{0};
};

// The way a limb bends, from its joints' places (as current_pole does from a key).
glm::dvec3 pole_of(const std::array<JointTransform, kJointCount>& fk, Limb limb) {
  const LimbJoints lj = limb_joints(limb);
  const glm::dvec3 a(fk[ji(lj.upper)].position), b(fk[ji(lj.middle)].position), c(fk[ji(lj.end)].position);
  if (glm::length(c - a) > 1e-9) {
    const glm::dvec3 u = glm::normalize(c - a);
    const glm::dvec3 off = (b - a) - glm::dot(b - a, u) * u;
    if (glm::length(off) > 1e-4) return glm::normalize(off);
  }
  const bool leg = limb == Limb::leg_l || limb == Limb::leg_r;
  return glm::normalize(glm::dquat(fk[ji(lj.upper)].rotation) * glm::dvec3(0, 0, leg ? 1 : -1));
}

Handles handles_of(const std::array<JointTransform, kJointCount>& fk) {
  Handles h;
  for (int l = 0; l < 4; ++l) {
    const Limb limb = static_cast<Limb>(l);
    const LimbJoints lj = limb_joints(limb);
    h.reach[static_cast<std::size_t>(l)] = glm::dvec3(fk[ji(lj.end)].position);
    h.pole[static_cast<std::size_t>(l)] = glm::dvec3(fk[ji(lj.middle)].position) + kPoleM * pole_of(fk, limb);
  }
  const glm::vec3 pelvis = fk[ji(Joint::pelvis)].position;
  h.disk_center = glm::dvec3(pelvis.x, 0.0, pelvis.z);
  return h;
}

// ---------------------------------------------------------------------------
// [SECTION] The tool: press, drag, release, cancel

class PoseTool final : public ViewportTool {
 public:
  bool claims(const EditorState& s, const ViewportResources& vr, const ViewportPointer& p) override;
  void drag(EditorState& s, const ViewportResources& vr, const ViewportPointer& p) override;
  void release(EditorState& s, const ViewportResources& vr, const ViewportPointer& p) override;
  void cancel(EditorState& s) override;
  void draw(const EditorState& s, const ViewportResources& vr, ImDrawList* dl, glm::vec2 picture_min,
            glm::vec2 picture_size) override;
  const RegionGlow* glow() const override { return glowing_ ? &glow_ : nullptr; }

 private:
  bool start(EditorState& s, const ViewportResources& vr);
  void update(EditorState& s, const ViewportResources& vr, const ViewportPointer& p);
  void show(EditorState& s, const Pose& pose);
  Pose with_pins(const Pose& pose) const;
  std::string gesture_label(const Document& d) const;

  // The press (set by claims)
  Grab grab_ = Grab::none;
  int axis_ = 0;
  Limb limb_ = Limb::arm_r;
  glm::vec2 press_ndc_{0};
  // The drag (set by start)
  bool started_ = false;
  std::string performer_;
  int index_ = -1;
  std::size_t beat_ = 0;
  Mannequin mannequin_;
  Pose key_, shown_;
  std::array<JointTransform, kJointCount> key_fk_{};
  Vec3 angles0_{0, 0, 0};
  double accum_deg_ = 0, value_deg_ = 0;
  glm::dvec3 prev_vec_{0}, plane_point_{0}, press_point_{0}, target_{0};
  std::optional<glm::dvec3> pole_;
  std::array<glm::dvec3, 2> pinned_ankles_{};
  glm::vec2 last_ndc_{1e9f};
  bool last_shift_ = false, last_ctrl_ = false;
  std::string typed_;
  double short_m_ = 0;
  std::optional<PlacingJudgement> placing_;
  bool glowing_ = false;
  RegionGlow glow_;
};

bool PoseTool::claims(const EditorState& s, const ViewportResources& vr, const ViewportPointer& p) {
  grab_ = Grab::none;
  const Subject sub = subject_of(s, vr);
  if (!sub || !vr.view_valid) return false;
  const render::ViewSetup& view = vr.view;
  const glm::dvec2 size = picture_pixels(view, p.picture_height_px), at = pointer_px(p.ndc, size);
  const StagePerformer& sp = *sub.staged;
  // A reach handle under the pointer first: small and specific (a ring seen
  // edge-on runs through its joint on screen).
  {
    const Handles reach = handles_of(sp.joints);
    double nearest = kHandlePx + 4;
    for (int l = 0; l < 4; ++l) {
      glm::dvec2 q;
      if (world_to_px(view, size, reach.reach[static_cast<std::size_t>(l)], q) && glm::length(q - at) < nearest) {
        nearest = glm::length(q - at);
        grab_ = Grab::reach;
        limb_ = static_cast<Limb>(l);
      }
    }
    if (grab_ == Grab::reach) {
      press_ndc_ = p.ndc;
      return true;
    }
  }
  double best = kGrabPx;
  // Then the rings of the selected joint.
  if (s.selection.joint) {
    const Joint j = *s.selection.joint;
    const Vec3 deg = staged_angles(*sub.doc, sub.beat, s.selection.id, sp, j);
    const glm::dvec3 c(sp.joints[ji(j)].position);
    const double radius = kRingPx * metres_per_px(view, size, c);
    for (int a = 0; a < 3; ++a) {
      if (!axis_turns(j, a)) continue;
      const Ring r = ring_for(sp.joints, sp.pose, j, deg, a);
      glm::dvec2 prev;
      bool have_prev = false;
      for (int k = 0; k <= 64; ++k) {
        glm::dvec2 q;
        if (!world_to_px(view, size, ring_point(r, radius, k * 360.0 / 64), q)) {
          have_prev = false;
          continue;
        }
        if (have_prev) {
          const double d = segment_distance(at, prev, q);
          if (d < best) {
            best = d;
            grab_ = Grab::ring;
            axis_ = a;
          }
        }
        prev = q;
        have_prev = true;
      }
    }
    if (grab_ == Grab::ring) {
      press_ndc_ = p.ndc;
      return true;
    }
  }
  // Reach handles (wrists, ankles) and pole handles.
  const Handles h = handles_of(sp.joints);
  best = kHandlePx + 4;
  for (int l = 0; l < 4; ++l) {
    glm::dvec2 q;
    if (world_to_px(view, size, h.reach[static_cast<std::size_t>(l)], q) && glm::length(q - at) < best) {
      best = glm::length(q - at);
      grab_ = Grab::reach;
      limb_ = static_cast<Limb>(l);
    }
  }
  if (s.selection.joint) {
    for (int l = 0; l < 4; ++l) {
      const LimbJoints lj = limb_joints(static_cast<Limb>(l));
      if (*s.selection.joint != lj.end && *s.selection.joint != lj.middle) continue;  // the pole shows for the limb in hand
      glm::dvec2 q;
      if (world_to_px(view, size, h.pole[static_cast<std::size_t>(l)], q) && glm::length(q - at) < best) {
        best = glm::length(q - at);
        grab_ = Grab::pole;
        limb_ = static_cast<Limb>(l);
      }
    }
  }
  if (grab_ == Grab::none) {
    // The floor disk: its rim turns, inside it moves.
    glm::dvec3 hit;
    if (pointer_on_plane(view, p.ndc, h.disk_center, glm::dvec3(0, 1, 0), hit)) {
      const double r = glm::length(hit - h.disk_center);
      const double rim = 10 * metres_per_px(view, size, h.disk_center);
      if (std::abs(r - kDiskM) < rim) grab_ = Grab::disk_turn;
      else if (r < kDiskM * 0.55) {
        // Inside the disk, but not when the body is in front of it there (a click selects a joint).
        const PickHit body = pick(vr.stage, glm::dvec3(view.eye), glm::dvec3(view.ray_direction(p.ndc)));
        if (!(body.kind == PickKind::performer && body.distance < glm::length(hit - glm::dvec3(view.eye)) /
                                                                     glm::length(glm::dvec3(view.ray_direction(p.ndc)))))
          grab_ = Grab::disk_move;
      }
    }
  }
  press_ndc_ = p.ndc;
  return grab_ != Grab::none;
}

bool PoseTool::start(EditorState& s, const ViewportResources& vr) {
  const Subject sub = subject_of(s, vr);
  if (!sub) return false;
  if (sub.beat < 0) {
    s.status = "No beat under the playhead: add a beat (B) to pose " + display_name(sub.doc->performers[static_cast<std::size_t>(sub.index)]) + " in";
    return false;
  }
  performer_ = s.selection.id;
  index_ = sub.index;
  beat_ = static_cast<std::size_t>(sub.beat);
  mannequin_ = sub.staged->mannequin;
  key_ = key_or_staged(*sub.doc, beat_, performer_);
  shown_ = key_;
  const PoseState ps = pose_state(key_);
  key_fk_ = forward_kinematics(mannequin_, ps);
  pinned_ankles_ = {glm::dvec3(key_fk_[ji(Joint::ankle_l)].position), glm::dvec3(key_fk_[ji(Joint::ankle_r)].position)};
  const render::ViewSetup& view = vr.view;
  const glm::dvec3 eye(view.eye);
  const Handles h = handles_of(key_fk_);
  if ((grab_ == Grab::disk_move || grab_ == Grab::disk_turn) && pose_pins().count({performer_, Joint::pelvis})) {
    s.status = possessive(display_name(sub.doc->performers[static_cast<std::size_t>(index_)])) +
               " pelvis is pinned: unpin it in the Inspector to move the body";
    return false;
  }
  switch (grab_) {
    case Grab::ring: {
      const Joint j = *s.selection.joint;
      angles0_ = clamp_joint(j, pose_joint(key_, j));
      value_deg_ = angles0_[static_cast<std::size_t>(axis_)];
      const Ring r = ring_for(key_fk_, ps, j, angles0_, axis_);
      glm::dvec3 hit;
      prev_vec_ = glm::dvec3(0);
      if (pointer_on_plane(view, press_ndc_, r.center, r.axis, hit)) {
        const glm::dvec3 v = hit - r.center - glm::dot(hit - r.center, r.axis) * r.axis;
        if (glm::length(v) > 1e-9) prev_vec_ = glm::normalize(v);
      }
      break;
    }
    case Grab::reach:
      plane_point_ = h.reach[static_cast<std::size_t>(limb_)];
      target_ = plane_point_;
      pole_.reset();
      break;
    case Grab::pole:
      plane_point_ = h.pole[static_cast<std::size_t>(limb_)];
      target_ = h.reach[static_cast<std::size_t>(limb_)];
      pole_ = current_pole(mannequin_, key_, limb_);
      break;
    case Grab::disk_move: case Grab::disk_turn: {
      glm::dvec3 hit;
      press_point_ = pointer_on_plane(view, press_ndc_, h.disk_center, glm::dvec3(0, 1, 0), hit) ? hit : h.disk_center;
      plane_point_ = h.disk_center;
      break;
    }
    case Grab::none: return false;
  }
  (void)eye;
  accum_deg_ = 0;
  typed_.clear();
  short_m_ = 0;
  placing_.reset();
  glowing_ = false;
  s.history.begin("Pose " + display_name(sub.doc->performers[static_cast<std::size_t>(index_)]));
  // The gesture edits this beat's key: the playhead goes to where the key is.
  set_count(s, sub.doc->choreography.beats[beat_].start_count);
  started_ = true;
  return true;
}

Pose PoseTool::with_pins(const Pose& pose) const {
  Pose out = pose;
  for (int side = 0; side < 2; ++side) {
    const Joint ankle = side == 0 ? Joint::ankle_l : Joint::ankle_r;
    if (!pose_pins().count({performer_, ankle})) continue;
    const Limb leg = side == 0 ? Limb::leg_l : Limb::leg_r;
    const IkResult r = solve_limb(mannequin_, out, leg, pinned_ankles_[static_cast<std::size_t>(side)]);
    set_pose_joint(out, limb_joints(leg).upper, r.upper_deg);
    set_pose_joint(out, limb_joints(leg).middle, r.middle_deg);
  }
  return out;
}

void PoseTool::show(EditorState& s, const Pose& pose) {
  shown_ = pose;
  // Each frame through the pose-key door; the release through the whole door.
  const Document& original = s.history.original();
  const std::string refused =
      s.history.update(drag_frames_validate_whole_document() ? set_pose(original, beat_, pose) : drag_pose(original, beat_, pose));
  if (!refused.empty()) s.status = refused;
}

void PoseTool::drag(EditorState& s, const ViewportResources& vr, const ViewportPointer& p) {
  if (!started_ && !start(s, vr)) {
    grab_ = Grab::none;
    return;
  }
  if (grab_ == Grab::none || !s.history.editing()) return;
  // Digits typed while a ring is dragged set its angle (Blender's way).
  bool typed_changed = false;
  if (grab_ == Grab::ring && ImGui::GetCurrentContext()) {
    for (const ImWchar c : ImGui::GetIO().InputQueueCharacters)
      if ((c >= '0' && c <= '9') || c == '-' || c == '.') {
        typed_ += static_cast<char>(c);
        typed_changed = true;
      }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !typed_.empty()) {
      typed_.pop_back();
      typed_changed = true;
    }
  }
  if (!typed_changed && p.ndc == last_ndc_ && p.shift == last_shift_ && p.ctrl == last_ctrl_) return;
  last_ndc_ = p.ndc;
  last_shift_ = p.shift;
  last_ctrl_ = p.ctrl;
  update(s, vr, p);
}

void PoseTool::update(EditorState& s, const ViewportResources& vr, const ViewportPointer& p) {
  const render::ViewSetup& view = vr.view;
  const glm::dvec2 size = picture_pixels(view, p.picture_height_px);
  const Document& original = s.history.original();
  const std::string who = display_name(original.performers[static_cast<std::size_t>(index_)]);
  switch (grab_) {
    case Grab::ring: {
      const Joint j = *s.selection.joint;
      const Ring r = ring_for(key_fk_, pose_state(key_), j, angles0_, axis_);
      glm::dvec3 hit;
      const glm::dvec3 dir = glm::normalize(glm::dvec3(view.ray_direction(p.ndc)));
      double delta = 0;
      if (std::abs(glm::dot(dir, r.axis)) > 0.12 && pointer_on_plane(view, p.ndc, r.center, r.axis, hit) && glm::length(prev_vec_) > 0) {
        glm::dvec3 v = hit - r.center - glm::dot(hit - r.center, r.axis) * r.axis;
        if (glm::length(v) > 1e-9) {
          v = glm::normalize(v);
          delta = std::atan2(glm::dot(glm::cross(prev_vec_, v), r.axis), glm::dot(prev_vec_, v)) / kDeg;
          prev_vec_ = v;
        }
      } else {
        // Edge-on: the ring is a line on screen; drag along the screen instead.
        delta = (p.delta_px.x - p.delta_px.y) * 0.5;
      }
      accum_deg_ += delta * (p.shift ? 0.1 : 1.0);
      double v = angles0_[static_cast<std::size_t>(axis_)] + accum_deg_;
      if (p.ctrl) v = std::round(v / 5.0) * 5.0;
      if (!typed_.empty() && typed_ != "-" && typed_ != ".") v = std::strtod(typed_.c_str(), nullptr);
      Vec3 angles = angles0_;
      angles[static_cast<std::size_t>(axis_)] = v;
      const Vec3 clamped = clamp_joint(j, angles);
      value_deg_ = clamped[static_cast<std::size_t>(axis_)];
      Pose pose = key_;
      set_pose_joint(pose, j, clamped);
      show(s, pose);
      const JointLimits l = joint_limits(j);
      const JointAxis words = joint_axis(j, axis_);
      s.status = who + ": " + std::string(joint_label(j)) + " " + std::string(words.name) + " " + degrees_text(value_deg_) +
                 (clamped != angles ? "  ·  at the limit (" + degrees_text(l.min_deg[axis_]) + " to " + degrees_text(l.max_deg[axis_]) + ")" : "") +
                 (typed_.empty() ? "" : "  ·  typed " + typed_);
      return;
    }
    case Grab::reach: case Grab::pole: {
      const glm::dvec3 eye(view.eye);
      const glm::dvec3 normal = glm::normalize(plane_point_ - eye);
      glm::dvec3 hit;
      if (!pointer_on_plane(view, p.ndc, plane_point_, normal, hit)) return;
      const LimbJoints lj = limb_joints(limb_);
      if (grab_ == Grab::pole) {
        const glm::dvec3 mid = 0.5 * (glm::dvec3(key_fk_[ji(lj.upper)].position) + target_);
        if (glm::length(hit - mid) > 1e-6) pole_ = glm::normalize(hit - mid);
      } else {
        target_ = hit;
        placing_.reset();
        glowing_ = false;
        // Over a partner within the limb's reach: snap to the region under the pointer.
        const SurfaceHit over = pick_surface(vr.stage, eye, glm::dvec3(view.ray_direction(p.ndc)), index_);
        const double reach = glm::length(mannequin_.rest_offset[ji(lj.middle)]) + glm::length(mannequin_.rest_offset[ji(lj.end)]) +
                             0.15 * mannequin_.height_m;
        if (over && glm::length(over.point - glm::dvec3(key_fk_[ji(lj.upper)].position)) < reach) {
          const float H = static_cast<float>(mannequin_.height_m);
          const bool arm = limb_ == Limb::arm_l || limb_ == Limb::arm_r;
          // The palm (or sole) on the surface: the end joint sits back along the limb from it.
          const double thickness = arm ? 0.012 * H : 0.022 * H, reach_back = arm ? 0.054 * H : 0.02 * H;
          const glm::dvec3 along = glm::normalize(over.point - glm::dvec3(key_fk_[ji(lj.upper)].position));
          target_ = over.point + thickness * over.normal - reach_back * along;
          const std::string partner = original.performers[static_cast<std::size_t>(over.performer)].id;
          placing_ = judge_placing(original, original.choreography.beats[beat_].start_count, performer_,
                                   limb_end_region(limb_), partner, over.region);
          glow_ = {over.performer, over.region, render::palette::consent(placing_->state)};
          glowing_ = true;
        }
      }
      const IkResult r = solve_limb(mannequin_, key_, limb_, target_, pole_);
      Pose pose = key_;
      set_pose_joint(pose, lj.upper, r.upper_deg);
      set_pose_joint(pose, lj.middle, r.middle_deg);
      show(s, pose);
      short_m_ = r.short_m;
      std::string status = who + ": " + std::string(limb_end_word(limb_));
      if (r.short_m >= 0.005) status += " " + centimetres_text(r.short_m) + " short";
      else status += " reaches";
      if (placing_) {
        status += "  ·  " + placing_->summary;
        if (placing_->needs_modifier) status += p.alt ? "  ·  Alt: will be placed and flagged" : "  ·  hold Alt to place it";
      }
      s.status = status;
      return;
    }
    case Grab::disk_move: case Grab::disk_turn: {
      glm::dvec3 hit;
      if (!pointer_on_plane(view, p.ndc, plane_point_, glm::dvec3(0, 1, 0), hit)) return;
      Pose pose = key_;
      if (grab_ == Grab::disk_move) {
        const glm::dvec3 d = hit - press_point_;
        const double step = p.shift ? 0.1 : 1.0;
        pose.root_position = {key_.root_position[0] + d.x * step, key_.root_position[1], key_.root_position[2] + d.z * step};
        s.status = "Move " + who + "  ·  " + centimetres_text(glm::length(glm::dvec2(d.x, d.z) * step));
      } else {
        const glm::dvec3 a = press_point_ - plane_point_, b = hit - plane_point_;
        double turn = (std::atan2(b.x, b.z) - std::atan2(a.x, a.z)) / kDeg;
        if (p.shift) turn *= 0.1;
        if (p.ctrl) turn = std::round(turn / 5.0) * 5.0;
        const glm::quat q = glm::angleAxis(static_cast<float>(turn * kDeg), glm::vec3(0, 1, 0)) * euler_xyz_deg(key_.root_rotation);
        pose.root_rotation = euler_xyz_from_quat(q, key_.root_rotation);
        // Turning about the pelvis: its place on the floor stays.
        s.status = "Turn " + who + "  ·  " + degrees_text(turn);
      }
      (void)size;
      show(s, with_pins(pose));
      return;
    }
    case Grab::none: return;
  }
}

std::string PoseTool::gesture_label(const Document& d) const {
  const std::string who = display_name(d.performers[static_cast<std::size_t>(index_)]);
  switch (grab_) {
    case Grab::ring: return "";  // made in release (it needs the joint)
    case Grab::reach: return "Pose " + who + ": " + std::string(joint_label(limb_joints(limb_).end)) + " reach";
    case Grab::pole: return "Pose " + who + ": " + std::string(joint_label(limb_joints(limb_).middle)) + " points";
    case Grab::disk_move: return "Move " + who;
    case Grab::disk_turn: return "Turn " + who;
    case Grab::none: return "";
  }
  return "";
}

void PoseTool::release(EditorState& s, const ViewportResources& vr, const ViewportPointer& p) {
  const bool was_started = started_;
  started_ = false;
  glowing_ = false;
  if (!was_started) {
    // A press on a handle that did not move: a reach handle selects its joint.
    if (grab_ == Grab::reach && s.selection.kind == SelectionKind::performer)
      select_joint(s, s.selection.id, limb_joints(limb_).end);
    else if (grab_ == Grab::disk_move || grab_ == Grab::disk_turn)
      click_in_viewport(s, vr, p.ndc);
    grab_ = Grab::none;
    return;
  }
  if (!s.history.editing()) return;
  const Document original = s.history.original();
  const std::string who = display_name(original.performers[static_cast<std::size_t>(index_)]);
  std::string label = gesture_label(original);
  if (grab_ == Grab::ring && s.selection.joint)
    label = "Pose " + who + ": " + std::string(joint_label(*s.selection.joint)) + " " +
            std::string(joint_axis(*s.selection.joint, axis_).name) + " " + degrees_text(value_deg_);
  Edited pose_edit = set_pose(original, beat_, shown_);
  std::string note;
  if (placing_ && pose_edit.ok() && short_m_ > kTouchReachM) {
    note = "No contact written: the " + std::string(limb_end_word(limb_)) + " is " + centimetres_text(short_m_) +
           " short of " + possessive(display_name(original, placing_->contact.receiver)) + " " +
           std::string(region_label(placing_->contact.region));
  } else if (placing_ && pose_edit.ok()) {
    const std::string partner = placing_->contact.receiver;
    Edited with_contact = add_placed_contact(pose_edit.doc(), beat_, *placing_, p.alt);
    if (with_contact.ok()) {
      label += " onto " + possessive(display_name(original, partner)) + " " + std::string(region_label(placing_->contact.region));
      pose_edit = std::move(with_contact);
      note = "Contact: " + placing_->summary + (placing_->needs_modifier ? " — flagged" : "");
    } else {
      note = "Contact not written: " + with_contact.refusal();
    }
  }
  s.history.cancel();
  edit_document(s, label, std::move(pose_edit));
  if (!note.empty()) s.status += "  ·  " + note;
  else if (grab_ == Grab::reach && short_m_ >= 0.005)
    s.status += "  ·  " + std::string(limb_end_word(limb_)) + " " + centimetres_text(short_m_) + " short";
  placing_.reset();
  grab_ = Grab::none;
}

void PoseTool::cancel(EditorState& s) {
  if (started_ && s.history.editing()) s.history.cancel();
  if (started_) s.status = "Cancelled";
  started_ = false;
  glowing_ = false;
  placing_.reset();
  grab_ = Grab::none;
}

// ---------------------------------------------------------------------------
// [SECTION] Drawing

ImU32 axis_color(int axis, float alpha) {
  static const ImU32 kRgb[3][3] = {{235, 82, 82}, {110, 205, 95}, {85, 140, 245}};
  return IM_COL32(kRgb[axis][0], kRgb[axis][1], kRgb[axis][2], static_cast<int>(alpha * 255));
}

void PoseTool::draw(const EditorState& s, const ViewportResources& vr, ImDrawList* dl, glm::vec2 picture_min,
                    glm::vec2 picture_size) {
  const Subject sub = subject_of(s, vr);
  if (!sub || !vr.view_valid) return;
  const render::ViewSetup& view = vr.view;
  const glm::dvec2 size(picture_size.x, picture_size.y);
  const ImVec2 mid(picture_min.x + picture_size.x * 0.5f, picture_min.y + picture_size.y * 0.5f);
  auto screen = [&](const glm::dvec3& w, ImVec2& out) {
    glm::dvec2 q;
    if (!world_to_px(view, size, w, q)) return false;
    out = ImVec2(mid.x + static_cast<float>(q.x), mid.y + static_cast<float>(q.y));
    return true;
  };
  const StagePerformer& sp = *sub.staged;

  // The floor disk under the pelvis.
  const glm::vec3 pelvis = sp.joints[ji(Joint::pelvis)].position;
  const glm::dvec3 dc(pelvis.x, 0, pelvis.z);
  std::vector<ImVec2> pts;
  const bool disk_active = started_ && (grab_ == Grab::disk_move || grab_ == Grab::disk_turn);
  for (int k = 0; k <= 48; ++k) {
    ImVec2 q;
    const double a = k * 2 * 3.14159265358979323846 / 48;
    if (screen(dc + kDiskM * glm::dvec3(std::sin(a), 0, std::cos(a)), q)) pts.push_back(q);
  }
  if (pts.size() > 2) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(240, 200, 90, disk_active ? 255 : 150), 0, disk_active ? 3.0f : 2.0f);
  const glm::vec3 facing = sp.joints[ji(Joint::pelvis)].rotation * glm::vec3(0, 0, 1);
  ImVec2 c0, c1;
  if (screen(dc, c0) && screen(dc + kDiskM * glm::normalize(glm::dvec3(facing.x, 0, facing.z) + glm::dvec3(1e-9, 0, 0)), c1))
    dl->AddLine(c0, c1, IM_COL32(240, 200, 90, 170), 2.0f);  // which way the body faces
  if (pose_pins().count({s.selection.id, Joint::pelvis}) && screen(glm::dvec3(pelvis), c0))
    dl->AddText(ImVec2(c0.x + 8, c0.y - 8), IM_COL32(240, 200, 90, 255), "pinned");

  // Reach handles and, for the limb in hand, its pole.
  const Handles h = handles_of(sp.joints);
  for (int l = 0; l < 4; ++l) {
    ImVec2 q;
    if (!screen(h.reach[static_cast<std::size_t>(l)], q)) continue;
    const bool hot = started_ && grab_ == Grab::reach && limb_ == static_cast<Limb>(l);
    const Joint end = limb_joints(static_cast<Limb>(l)).end;
    const bool pinned = pose_pins().count({s.selection.id, end}) > 0;
    dl->AddCircleFilled(q, kHandlePx, hot ? IM_COL32(255, 235, 150, 255) : IM_COL32(250, 250, 250, 200));
    dl->AddCircle(q, kHandlePx, pinned ? IM_COL32(240, 200, 90, 255) : IM_COL32(20, 20, 25, 255), 0, 2.0f);
    const LimbJoints lj = limb_joints(static_cast<Limb>(l));
    const bool pole_shown = (s.selection.joint && (*s.selection.joint == lj.end || *s.selection.joint == lj.middle)) ||
                            (started_ && grab_ == Grab::pole && limb_ == static_cast<Limb>(l));
    ImVec2 m, pq;
    if (pole_shown && screen(h.pole[static_cast<std::size_t>(l)], pq) && screen(glm::dvec3(sp.joints[ji(lj.middle)].position), m)) {
      dl->AddLine(m, pq, IM_COL32(200, 160, 255, 180), 1.5f);
      dl->AddCircle(pq, kHandlePx - 1, IM_COL32(200, 160, 255, 255), 0, 2.0f);
    }
  }

  // Rotation rings on the selected joint.
  if (s.selection.joint) {
    const Joint j = *s.selection.joint;
    const Vec3 deg = staged_angles(*sub.doc, sub.beat, s.selection.id, sp, j);
    const glm::dvec3 c(sp.joints[ji(j)].position);
    const double radius = kRingPx * metres_per_px(view, size, c);
    const JointLimits lim = joint_limits(j);
    for (int a = 0; a < 3; ++a) {
      if (!axis_turns(j, a)) continue;
      const bool hot = started_ && grab_ == Grab::ring && axis_ == a;
      if (started_ && grab_ == Grab::ring && !hot) continue;  // the dragged ring alone, as Blender does
      const Ring r = ring_for(sp.joints, sp.pose, j, deg, a);
      pts.clear();
      for (int k = 0; k <= 64; ++k) {
        ImVec2 q;
        if (screen(ring_point(r, radius, k * 360.0 / 64), q)) pts.push_back(q);
      }
      if (pts.size() > 2) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), axis_color(a, hot ? 1.0f : 0.75f), 0, hot ? 3.0f : 2.0f);
      // The allowed range as an arc just outside the ring.
      pts.clear();
      const double lo = lim.min_deg[a], hi = lim.max_deg[a];
      for (int k = 0; k <= 40; ++k) {
        ImVec2 q;
        if (screen(ring_point(r, radius * 1.1, lo + (hi - lo) * k / 40.0), q)) pts.push_back(q);
      }
      if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), axis_color(a, 0.45f), 0, 5.0f);
      // Where the angle is now, and the label.
      ImVec2 cq, mq;
      const double now = hot ? value_deg_ : deg[static_cast<std::size_t>(a)];
      if (screen(c, cq) && screen(ring_point(r, radius, now), mq)) {
        if (hot) dl->AddLine(cq, mq, axis_color(a, 0.9f), 2.0f);
        dl->AddCircleFilled(mq, 5, axis_color(a, 1.0f));
        const std::string text = std::string(joint_axis(j, a).name) + " " + degrees_text(now);
        ImVec2 lq;
        if (screen(ring_point(r, radius * 1.25, now), lq)) {
          dl->AddText(ImVec2(lq.x + 1, lq.y + 1), IM_COL32(0, 0, 0, 220), text.c_str());
          dl->AddText(lq, axis_color(a, 1.0f), text.c_str());
        }
      }
    }
  }
  // While reaching: the target, and the shortfall.
  if (started_ && (grab_ == Grab::reach) && short_m_ >= 0.005) {
    ImVec2 q;
    if (screen(target_, q)) {
      dl->AddCircle(q, 5, IM_COL32(255, 120, 90, 255), 0, 2.0f);
      const std::string t = std::string(limb_end_word(limb_)) + " " + centimetres_text(short_m_) + " short";
      dl->AddText(ImVec2(q.x + 9, q.y - 7), IM_COL32(255, 150, 120, 255), t.c_str());
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] Free functions of pose_tools.hpp

std::unique_ptr<ViewportTool> make_pose_tool() { return std::make_unique<PoseTool>(); }

bool pointer_on_plane(const render::ViewSetup& view, glm::vec2 ndc, const glm::dvec3& point, const glm::dvec3& normal,
                      glm::dvec3& out) {
  const glm::dvec3 eye(view.eye), dir(view.ray_direction(ndc));
  const double den = glm::dot(dir, normal);
  if (std::abs(den) < 1e-9) return false;
  const double t = glm::dot(point - eye, normal) / den;
  if (t <= 0) return false;
  out = eye + t * dir;
  return true;
}

glm::dvec2 picture_pixels(const render::ViewSetup& view, float height_px) {
  const double h = std::max(1.0f, height_px);
  const double aspect = view.proj[0][0] != 0 ? view.proj[1][1] / view.proj[0][0] : 1.0;
  return {h * aspect, h};
}

bool world_to_px(const render::ViewSetup& view, glm::dvec2 size, const glm::dvec3& world, glm::dvec2& out) {
  glm::vec2 ndc;
  if (!view.project(glm::vec3(world), ndc)) return false;
  out = pointer_px(ndc, size);
  return true;
}

glm::dvec2 pointer_px(glm::vec2 ndc, glm::dvec2 size) { return {ndc.x * size.x * 0.5, -ndc.y * size.y * 0.5}; }

std::optional<glm::vec2> ring_handle_ndc(const EditorState& s, const ViewportResources& vr, int axis, double degrees,
                                         float picture_height_px) {
  const Subject sub = subject_of(s, vr);
  if (!sub || !vr.view_valid || !s.selection.joint || axis < 0 || axis > 2) return std::nullopt;
  const Joint j = *s.selection.joint;
  const StagePerformer& sp = *sub.staged;
  const glm::dvec2 size = picture_pixels(vr.view, picture_height_px);
  const Ring r = ring_for(sp.joints, sp.pose, j, staged_angles(*sub.doc, sub.beat, s.selection.id, sp, j), axis);
  glm::vec2 ndc;
  if (!vr.view.project(glm::vec3(ring_point(r, kRingPx * metres_per_px(vr.view, size, r.center), degrees)), ndc)) return std::nullopt;
  return ndc;
}

std::optional<glm::vec2> reach_handle_ndc(const EditorState& s, const ViewportResources& vr, Joint end) {
  const Subject sub = subject_of(s, vr);
  if (!sub || !vr.view_valid || !limb_ending_at(end)) return std::nullopt;
  glm::vec2 ndc;
  if (!vr.view.project(sub.staged->joints[ji(end)].position, ndc)) return std::nullopt;
  return ndc;
}

void install_viewport_tools(ViewportResources& vr) {
  if (!vr.tools.empty()) return;
  vr.tools.push_back(make_pose_tool());
  vr.tools.push_back(make_camera_tool());
}

bool& drag_frames_validate_whole_document() {
  static bool whole = false;
  return whole;
}

std::set<Pin>& pose_pins() {
  static std::set<Pin> pins;
  return pins;
}

bool pinnable(Joint j) { return j == Joint::ankle_l || j == Joint::ankle_r || j == Joint::pelvis; }

void select_next_performer(EditorState& s) {
  const Document* d = s.document();
  if (!d || d->performers.empty()) return;
  std::size_t next = 0;
  if (s.selection.kind == SelectionKind::performer) {
    const int i = d->performer_index(s.selection.id);
    if (i >= 0) next = (static_cast<std::size_t>(i) + 1) % d->performers.size();
  }
  select(s, SelectionKind::performer, d->performers[next].id);
}

std::string posing_banner(const EditorState& s) {
  const Document* d = s.document();
  if (!d || s.selection.kind != SelectionKind::performer || !s.through_camera.empty()) return "";
  const Performer* p = d->performer(s.selection.id);
  const int b = current_beat_index(s);
  if (!p || b < 0) return "";
  const Beat& beat = d->choreography.beats[static_cast<std::size_t>(b)];
  return "Posing " + display_name(*p) + " \u00B7 " + beat.id + (beat.label.empty() ? "" : " " + beat.label);
}

}  // namespace cs::editor
