// viewport_input.cpp — a press in the viewport goes to a tool, to selection or
// to the view, decided at the press and kept until release (viewport_tools.hpp).
#include <algorithm>
#include <cmath>
#include <utility>

#include "app/editor/panels.hpp"

namespace cs::editor {

namespace {

// A press that moves less than this is a click.
constexpr float kClickSlopPx = 4.0f;

// Leaving the lens: the free view starts where the camera stands, looking where it looks.
void leave_lens(EditorState& s, const ViewportResources& vr) {
  if (s.through_camera.empty()) return;
  for (const StageCamera& sc : vr.stage.cameras) {
    if (sc.id != s.through_camera) continue;
    const glm::vec3 cam_pos(sc.basis.position), fwd(sc.basis.forward);
    s.orbit.distance = 3.0f;
    s.orbit.target = cam_pos + fwd * s.orbit.distance;
    s.orbit.yaw_deg = glm::degrees(std::atan2(-fwd.x, -fwd.z));
    s.orbit.pitch_deg = glm::degrees(std::asin(std::clamp(-fwd.y, -1.0f, 1.0f)));
  }
  s.through_camera.clear();
}

}  // namespace

ViewGesture gesture_for_press(bool tool_claims, PointerButton button, bool shift) {
  if (button == PointerButton::left && tool_claims) return ViewGesture::tool;
  if (button == PointerButton::middle || (button == PointerButton::left && shift)) return ViewGesture::pan;
  if (button == PointerButton::left) return ViewGesture::click_or_orbit;
  return ViewGesture::orbit;
}

void viewport_press(EditorState& s, ViewportResources& vr, const ViewportPointer& p) {
  if (vr.gesture != ViewGesture::none) {
    // A right-click during a tool's drag cancels it; other presses mid-gesture are ignored.
    if (vr.gesture == ViewGesture::tool && p.button == PointerButton::right) viewport_cancel(s, vr);
    return;
  }
  ViewportTool* claimed = nullptr;
  if (p.button == PointerButton::left && s.document())
    for (const auto& tool : vr.tools)
      if (tool->claims(s, vr, p)) {
        claimed = tool.get();
        break;
      }
  vr.gesture = gesture_for_press(claimed != nullptr, p.button, p.shift);
  vr.tool_in_hand = claimed;
  vr.press_travel_px = 0;
}

void viewport_move(EditorState& s, ViewportResources& vr, const ViewportPointer& p) {
  vr.press_travel_px += std::hypot(p.delta_px.x, p.delta_px.y);
  const bool moved = p.delta_px.x != 0 || p.delta_px.y != 0;
  switch (vr.gesture) {
    case ViewGesture::none: return;
    case ViewGesture::tool:
      if (vr.tool_in_hand) vr.tool_in_hand->drag(s, vr, p);
      return;
    case ViewGesture::click_or_orbit:
      if (vr.press_travel_px <= kClickSlopPx) return;  // a click keeps the lens
      vr.gesture = ViewGesture::orbit;
      [[fallthrough]];
    case ViewGesture::orbit:
      if (!moved || vr.press_travel_px <= kClickSlopPx) return;  // a right-click keeps the lens too
      leave_lens(s, vr);
      s.orbit.orbit(p.delta_px.x * 0.3f, p.delta_px.y * 0.3f);
      return;
    case ViewGesture::pan:
      if (!moved || vr.press_travel_px <= kClickSlopPx) return;
      leave_lens(s, vr);
      s.orbit.pan(p.delta_px.x, p.delta_px.y, p.picture_height_px);
      return;
  }
}

void viewport_release(EditorState& s, ViewportResources& vr, const ViewportPointer& p) {
  const ViewGesture g = std::exchange(vr.gesture, ViewGesture::none);
  ViewportTool* tool = std::exchange(vr.tool_in_hand, nullptr);
  if (g == ViewGesture::tool && tool) tool->release(s, vr, p);
  if (g == ViewGesture::click_or_orbit) click_in_viewport(s, vr, p.ndc);
}

void viewport_cancel(EditorState& s, ViewportResources& vr) {
  const ViewGesture g = std::exchange(vr.gesture, ViewGesture::none);
  ViewportTool* tool = std::exchange(vr.tool_in_hand, nullptr);
  if (g == ViewGesture::tool && tool) tool->cancel(s);
}

}  // namespace cs::editor
