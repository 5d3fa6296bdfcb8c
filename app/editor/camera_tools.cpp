// camera_tools.cpp — placing and operating cameras in the viewport
// (pose_tools.hpp): in the free view, drag the selected camera's body on the
// floor plan (its height kept; it keeps its aim) or its aim point (snapping to
// performers' joints); looking through a camera, a drag operates it — pan and
// tilt, Shift truck and boom, Ctrl dolly — and a click still selects.
//
// Each drag is one undo step, computed every frame from the document at the
// press (edits_cameras.hpp), so the camera never drifts. A drag edits the key
// that governs the camera at the playhead (set_camera_place): its own position
// and target, the move at that count, or, between keys, a new move there — what
// moves is what the picture at the playhead shows.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>

#include "app/editor/panels.hpp"
#include "app/editor/pose_tools.hpp"
#include "notation/conventions.hpp"
#include "notation/edits_beats.hpp"
#include "notation/edits_cameras.hpp"
#include "notation/lens.hpp"
#include "notation/phrasing.hpp"

namespace cs::editor {

namespace {

constexpr float kBodyPx = 16;   // the camera body handle's reach
constexpr float kAimPx = 10;    // the aim handle's
constexpr float kSnapPx = 18;   // the aim snaps to a joint this close on screen
constexpr float kClickPx = 4;   // a press that moves less is a click

Vec3 vec3_of(const glm::dvec3& v) { return {v.x, v.y, v.z}; }
glm::dvec3 dvec_of(const Vec3& v) { return {v[0], v[1], v[2]}; }

// "Ana · face": a joint named as a DP calls the aim point.
std::string aim_name(const Document& d, int performer, Joint j) {
  const std::string who = display_name(d.performers[static_cast<std::size_t>(performer)]);
  if (j == Joint::head || j == Joint::neck) return who + " \u00B7 face";
  if (j == Joint::spine_upper) return who + " \u00B7 chest";
  return who + " \u00B7 " + std::string(joint_label(j));
}

class CameraTool final : public ViewportTool {
 public:
  bool claims(const EditorState& s, const ViewportResources& vr, const ViewportPointer& p) override;
  void drag(EditorState& s, const ViewportResources& vr, const ViewportPointer& p) override;
  void release(EditorState& s, const ViewportResources& vr, const ViewportPointer& p) override;
  void cancel(EditorState& s) override;
  void draw(const EditorState& s, const ViewportResources& vr, ImDrawList* dl, glm::vec2 picture_min,
            glm::vec2 picture_size) override;

 private:
  enum class Grab { none, body, aim, operate };
  Grab grab_ = Grab::none;
  std::string camera_;
  bool started_ = false;
  float travel_px_ = 0;
  glm::vec2 press_ndc_{0};
  CameraOperation op_;
  CameraMove start_;            // where the camera stood and aimed at the playhead when the drag began
  std::string snapped_;
  std::string label_;
};

bool CameraTool::claims(const EditorState& s, const ViewportResources& vr, const ViewportPointer& p) {
  grab_ = Grab::none;
  const Document* d = s.document();
  if (!d || !vr.view_valid) return false;
  press_ndc_ = p.ndc;
  travel_px_ = 0;
  if (!s.through_camera.empty() && d->camera(s.through_camera)) {
    camera_ = s.through_camera;
    grab_ = Grab::operate;
    return true;
  }
  if (s.selection.kind != SelectionKind::camera) return false;
  const Camera* c = d->camera(s.selection.id);
  if (!c) return false;
  const glm::dvec2 size = picture_pixels(vr.view, p.picture_height_px);
  const glm::dvec2 at = pointer_px(p.ndc, size);
  const CameraMove here = camera_key_at(*d, static_cast<std::size_t>(c - d->cameras.data()), s.count);
  glm::dvec2 aim, body;
  if (world_to_px(vr.view, size, dvec_of(here.target), aim) && glm::length(aim - at) < kAimPx) grab_ = Grab::aim;
  if (grab_ == Grab::none && world_to_px(vr.view, size, dvec_of(here.position), body) && glm::length(body - at) < kBodyPx)
    grab_ = Grab::body;
  camera_ = c->id;
  return grab_ != Grab::none;
}

void CameraTool::drag(EditorState& s, const ViewportResources& vr, const ViewportPointer& p) {
  if (grab_ == Grab::none) return;
  travel_px_ += std::hypot(p.delta_px.x, p.delta_px.y);
  if (!started_) {
    if (travel_px_ <= kClickPx) return;  // not yet a drag: a click keeps the camera where it is
    const Camera* c = s.document() ? s.document()->camera(camera_) : nullptr;
    if (!c) return;
    s.history.begin("Camera " + camera_);
    start_ = camera_key_at(*s.document(), static_cast<std::size_t>(c - s.document()->cameras.data()), s.count);
    op_ = {};
    snapped_.clear();
    started_ = true;
  }
  if (!s.history.editing()) return;
  const Document& original = s.history.original();
  const Camera* c = original.camera(camera_);
  if (!c) return;
  const render::ViewSetup& view = vr.view;
  std::string refused;
  // Each frame places the camera at the playhead from where it stood at the press.
  auto place = [&](const Vec3& position, const Vec3& target) {
    refused = s.history.update(set_camera_place(original, camera_, s.count, position, target));
  };
  switch (grab_) {
    case Grab::body: {
      glm::dvec3 hit;
      if (!pointer_on_plane(view, p.ndc, dvec_of(start_.position), glm::dvec3(0, 1, 0), hit)) return;
      place({hit.x, start_.position[1], hit.z}, start_.target);
      label_ = "Move camera " + camera_;
      Camera moved;
      moved.position = {hit.x, start_.position[1], hit.z};
      moved.target = start_.target;
      const CameraAim aim = camera_aim(moved);
      char buf[160];
      std::snprintf(buf, sizeof buf, "Camera %s  ·  height %.2f m  ·  %.2f m to its aim point", camera_.c_str(), aim.height_m, aim.distance_m);
      s.status = buf;
      break;
    }
    case Grab::aim: {
      const glm::dvec3 target = dvec_of(start_.target), eye(view.eye);
      glm::dvec3 hit;
      if (!pointer_on_plane(view, p.ndc, target, glm::normalize(target - eye), hit)) return;
      // Snap to the nearest joint on screen.
      const glm::dvec2 size = picture_pixels(view, p.picture_height_px);
      const glm::dvec2 at = pointer_px(p.ndc, size);
      double best = kSnapPx;
      snapped_.clear();
      for (const StagePerformer& sp : vr.stage.performers)
        for (std::size_t j = 0; j < kJointCount; ++j) {
          const glm::dvec3 w(sp.joints[j].position);
          glm::dvec2 q;
          if (world_to_px(view, size, w, q) && glm::length(q - at) < best) {
            best = glm::length(q - at);
            hit = w;
            snapped_ = aim_name(original, sp.index, vocab_at<Joint>(j));
          }
        }
      place(start_.position, vec3_of(hit));
      label_ = "Aim camera " + camera_ + (snapped_.empty() ? std::string() : " at " + snapped_);
      s.status = label_;
      break;
    }
    case Grab::operate: {
      const LensFrame lens = lens_frame(*c);
      const double deg_per_px = lens.vfov_deg / std::max(1.0f, p.picture_height_px);
      if (p.shift) {
        op_.truck_m += p.delta_px.x * 0.004;
        op_.boom_m -= p.delta_px.y * 0.004;
      } else if (p.ctrl) {
        op_.dolly_m -= p.delta_px.y * 0.01;
      } else {
        op_.pan_deg += p.delta_px.x * deg_per_px;
        op_.tilt_deg -= p.delta_px.y * deg_per_px;
      }
      const CameraMove operated_place = operated(start_, op_);
      place(operated_place.position, operated_place.target);
      label_ = "Operate camera " + camera_;
      char buf[200];
      std::snprintf(buf, sizeof buf, "Camera %s  ·  pan %+.1f°  tilt %+.1f°  ·  truck %+.2f m  dolly %+.2f m  boom %+.2f m",
                    camera_.c_str(), op_.pan_deg, op_.tilt_deg, op_.truck_m, op_.dolly_m, op_.boom_m);
      s.status = buf;
      break;
    }
    case Grab::none: return;
  }
  if (!refused.empty()) s.status = refused;
}

void CameraTool::release(EditorState& s, const ViewportResources& vr, const ViewportPointer& p) {
  const bool was_started = std::exchange(started_, false);
  const Grab g = std::exchange(grab_, Grab::none);
  if (!was_started) {
    if (g == Grab::operate) click_in_viewport(s, vr, p.ndc);  // a click through the lens selects
    return;
  }
  if (!s.history.editing()) return;
  Document shown = s.history.doc();
  const Document original = s.history.original();
  s.history.cancel();
  // One step, labelled with what it did ("Aim camera A at Ana · face"); a
  // drag between the camera's keys keys it at the playhead, and says so.
  const Camera* c = shown.camera(camera_);
  const Camera* was = original.camera(camera_);
  if (!c || !was) return;
  const bool keyed = c->moves.size() > was->moves.size();
  if (edit_document(s, label_, set_camera(original, camera_, *c)) && keyed)
    s.status += "  ·  keyed camera " + camera_ + " at count " + count_label(s.count);
}

void CameraTool::cancel(EditorState& s) {
  if (started_ && s.history.editing()) {
    s.history.cancel();
    s.status = "Cancelled";
  }
  started_ = false;
  grab_ = Grab::none;
}

void CameraTool::draw(const EditorState& s, const ViewportResources& vr, ImDrawList* dl, glm::vec2 picture_min,
                      glm::vec2 picture_size_px) {
  const Document* d = s.document();
  if (!d || !vr.view_valid) return;
  const glm::dvec2 size(picture_size_px.x, picture_size_px.y);
  const ImVec2 mid(picture_min.x + picture_size_px.x * 0.5f, picture_min.y + picture_size_px.y * 0.5f);
  if (!s.through_camera.empty()) {
    const char* hint = "drag: pan / tilt  ·  Shift: truck / boom  ·  Ctrl: dolly  ·  click: select";
    const ImVec2 ts = ImGui::CalcTextSize(hint);
    const ImVec2 at(mid.x - ts.x * 0.5f, picture_min.y + picture_size_px.y - ts.y - 12);
    dl->AddText(ImVec2(at.x + 1, at.y + 1), IM_COL32(0, 0, 0, 200), hint);
    dl->AddText(at, IM_COL32(200, 205, 215, 230), hint);
    return;
  }
  if (s.selection.kind != SelectionKind::camera) return;
  const Camera* c = d->camera(s.selection.id);
  if (!c) return;
  const CameraMove here = camera_key_at(*d, static_cast<std::size_t>(c - d->cameras.data()), s.count);
  glm::dvec2 b, a;
  const bool ok_body = world_to_px(vr.view, size, dvec_of(here.position), b);
  const bool ok_aim = world_to_px(vr.view, size, dvec_of(here.target), a);
  const ImVec2 bp(mid.x + static_cast<float>(b.x), mid.y + static_cast<float>(b.y));
  const ImVec2 ap(mid.x + static_cast<float>(a.x), mid.y + static_cast<float>(a.y));
  const ImU32 gold = IM_COL32(240, 200, 90, 255);
  if (ok_body && ok_aim) dl->AddLine(bp, ap, IM_COL32(240, 200, 90, 140), 1.5f);
  if (ok_body) dl->AddCircle(bp, kBodyPx, gold, 0, started_ && grab_ == Grab::body ? 3.0f : 2.0f);
  if (ok_aim) {
    dl->AddCircle(ap, kAimPx - 2, gold, 0, 2.0f);
    dl->AddLine(ImVec2(ap.x - kAimPx, ap.y), ImVec2(ap.x + kAimPx, ap.y), gold, 1.5f);
    dl->AddLine(ImVec2(ap.x, ap.y - kAimPx), ImVec2(ap.x, ap.y + kAimPx), gold, 1.5f);
    if (started_ && grab_ == Grab::aim && !snapped_.empty()) dl->AddText(ImVec2(ap.x + 12, ap.y - 18), gold, snapped_.c_str());
  }
}

}  // namespace

std::unique_ptr<ViewportTool> make_camera_tool() { return std::make_unique<CameraTool>(); }

// [SECTION] Camera moves on the timeline

std::optional<CameraMoveRef> camera_move_near(const Document& doc, double count, double tolerance) {
  std::optional<CameraMoveRef> best;
  double best_d = tolerance;
  for (const Camera& c : doc.cameras)
    for (std::size_t i = 0; i < c.moves.size(); ++i) {
      const double dist = std::fabs(c.moves[i].count - count);
      if (dist < best_d || (!best && dist <= tolerance)) {
        best = CameraMoveRef{c.id, i};
        best_d = dist;
      }
    }
  return best;
}

bool begin_camera_move_drag(EditorState& s, const std::string& camera, std::size_t index) {
  if (!s.history.has_document() || s.history.editing() || !select_move(s, camera, index)) return false;
  s.move_drag = {true, camera, index, -1e300, std::nullopt};
  s.history.begin("Move camera " + camera + "'s move");
  return true;
}

void update_camera_move_drag(EditorState& s, double count) {
  CameraMoveDrag& m = s.move_drag;
  if (!m.active || !s.history.editing()) return;
  const double c = snap_count(count);
  if (c == m.applied) return;
  m.applied = c;
  // Every frame's edit is made from the document as it was at the press; a
  // count the rules refuse leaves the marker where it last was, saying why.
  const std::string why = s.history.update(retime_camera_move(s.history.original(), m.camera, m.index, c));
  if (why.empty()) m.shown = c;
  else s.status = s.drag.stopped = "Stopped: " + why;
}

bool end_camera_move_drag(EditorState& s) {
  const CameraMoveDrag m = std::exchange(s.move_drag, CameraMoveDrag{});
  if (!m.active) return false;
  // Where the move went (its index may change as it passes another).
  std::size_t index = m.index;
  if (m.shown) retime_camera_move(s.history.original(), m.camera, m.index, *m.shown, &index);
  const bool changed = finish_interaction(s);
  select_move(s, m.camera, changed ? index : m.index);
  return changed;
}

bool delete_camera_move(EditorState& s, const std::string& camera, std::size_t index) {
  const Document* d = s.document();
  const Camera* c = d ? d->camera(camera) : nullptr;
  if (!c || index >= c->moves.size()) return false;
  const std::string label = "Delete camera " + camera + "'s move at count " + count_label(c->moves[index].count);
  return edit_document(s, label, remove_camera_move(*d, camera, index));
}

}  // namespace cs::editor
