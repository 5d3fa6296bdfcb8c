// viewport_tools.hpp — the viewport's tool slot and how a press is given to a
// tool, to selection or to the view.
//
// A press decides, at the moment it happens, what the drag that follows is
// for, and keeps that until release: a tool's handle under the pointer gets it
// (a rotation ring, a reach handle, a camera's body…); otherwise a left press
// is a click that selects what is under it, or, once it moves more than a few
// pixels, an orbit; a middle press or Shift+left pans; a right press orbits.
// Moving onto a handle mid-orbit does not hand the drag over, and leaving the
// handle mid-drag does not take it away. Esc or a right-click cancels a
// tool's drag. The editor's tools (posing, cameras) implement ViewportTool;
// the viewport panel turns ImGui's mouse into the pointer calls below, which
// GUI tests call directly.
#pragma once

#include <cstdint>

#include <glm/glm.hpp>

struct ImDrawList;

namespace cs::editor {

struct EditorState;
struct ViewportResources;
struct RegionGlow;  // pose_tools.hpp

enum class ViewGesture : std::uint8_t { none, tool, click_or_orbit, orbit, pan };
enum class PointerButton : std::uint8_t { left, right, middle };

// Where the pointer is, in the picture: normalised device coordinates (x
// right, y up, in [−1, 1]), the movement since the last event in pixels, the
// picture's height in pixels (pans scale by it) and the modifier keys.
struct ViewportPointer {
  glm::vec2 ndc{0};
  glm::vec2 delta_px{0};
  float picture_height_px = 1;
  PointerButton button = PointerButton::left;
  bool shift = false, ctrl = false, alt = false;
};

// What a press starts, from whether a tool claims it, the button and Shift.
ViewGesture gesture_for_press(bool tool_claims, PointerButton button, bool shift);

class ViewportTool {
 public:
  virtual ~ViewportTool() = default;
  // At a left press: is one of this tool's handles under the pointer?
  virtual bool claims(const EditorState& s, const ViewportResources& vr, const ViewportPointer& p) = 0;
  // Every movement of its drag, and its end; cancel: Esc or a right-click.
  virtual void drag(EditorState& s, const ViewportResources& vr, const ViewportPointer& p) = 0;
  virtual void release(EditorState& s, const ViewportResources& vr, const ViewportPointer& p) = 0;
  virtual void cancel(EditorState& s) = 0;
  // Its handles over the picture (the picture's rectangle on screen).
  virtual void draw(const EditorState&, const ViewportResources&, ImDrawList*, glm::vec2 /*picture_min*/,
                    glm::vec2 /*picture_size*/) {}
  // A region to glow on the bodies while this tool drags (nullptr: none).
  virtual const RegionGlow* glow() const { return nullptr; }
};

// [SECTION] The pointer in the viewport (viewport_input.cpp)
void viewport_press(EditorState& s, ViewportResources& vr, const ViewportPointer& p);
void viewport_move(EditorState& s, ViewportResources& vr, const ViewportPointer& p);
void viewport_release(EditorState& s, ViewportResources& vr, const ViewportPointer& p);
// Esc or a right-click during a tool's drag: the tool puts things back.
void viewport_cancel(EditorState& s, ViewportResources& vr);

}  // namespace cs::editor
