// pose_tools.hpp — the viewport's posing and camera tools (they fill the tool
// slot of viewport_tools.hpp), and what the inspector and the tests share with them.
//
// Posing (pose_tool.cpp), on the selected performer, in the beat under the
// playhead: a gesture writes that beat's key (edits_poses.hpp), moves the
// playhead to the beat's start, and is one undo step labelled as notation
// ("Pose Ana: right elbow bend / straighten −40°").
//  - rotation rings on the selected joint: one per stored angle (gimbal rings,
//    so nothing flips), labelled in anatomical words (conventions.hpp), the
//    joint's range drawn as an arc; a drag stops at the limit, Shift drags
//    finely (a tenth), Ctrl snaps to 5°, digits typed during the drag set the
//    angle, Esc or a right-click cancels;
//  - reach handles on the wrists and ankles (two-bone IK, ik.hpp) with a pole
//    handle at the elbow or knee; the status line says how far short a hand is;
//    over a partner the handle snaps to the region under it, which glows in the
//    consent state that governs the contact (placing.hpp); release writes the
//    contact (a region marked no or never discussed needs Alt);
//  - a floor disk under the pelvis: drag inside to move the body, the rim to
//    turn it; pinned feet stay where they are (the legs follow by IK), a pinned
//    pelvis does not move.
// Cameras (camera_tools.cpp): in the free view, the selected camera's body
// drags on the floor plan at its height, its aim point drags and snaps to the
// performers' joints ("Ana · face"); looking through a camera, a drag
// operates it: pan and tilt, Shift truck and boom, Ctrl dolly; a click still
// selects.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include <glm/glm.hpp>

#include "app/editor/viewport_tools.hpp"
#include "notation/vocab.hpp"

namespace cs::render {
struct ViewSetup;
}

namespace cs::editor {

struct EditorState;
struct UiFonts;

// The tools in the order the slot asks them: posing first, then cameras.
std::unique_ptr<ViewportTool> make_pose_tool();
std::unique_ptr<ViewportTool> make_camera_tool();
// Fills an empty tool slot with the tools above (the viewport does it on its first frame).
void install_viewport_tools(ViewportResources& vr);

// Pins: performer id and joint (ankle_l, ankle_r or pelvis). Editor state, not
// the document; the inspector toggles them.
using Pin = std::pair<std::string, Joint>;
std::set<Pin>& pose_pins();
bool pinnable(Joint j);

// How a pose drag's every frame goes through the door: false (the editor's
// way), by drag_pose (edits_poses.hpp: the rules a pose key can break);
// true, by set_pose (the whole document validated each frame, as the release
// always is). The frame benchmark sets it to measure the two in one run.
bool& drag_frames_validate_whole_document();

// Tab: the next performer (after the selected one; the first when none is).
void select_next_performer(EditorState& s);
// "Posing Ana · b04 Lie back" when a performer is selected and a beat is under
// the playhead (the key a gesture writes); "" otherwise.
std::string posing_banner(const EditorState& s);
// Where the pointer's ray (at `ndc` of the picture drawn from `view`) meets
// the plane through `point` with `normal`; false when it does not (behind the
// eye, or along the plane). Shared by the tools.
bool pointer_on_plane(const render::ViewSetup& view, glm::vec2 ndc, const glm::dvec3& point, const glm::dvec3& normal,
                      glm::dvec3& out);
// The picture's size in pixels, from its height and the view's aspect.
glm::dvec2 picture_pixels(const render::ViewSetup& view, float height_px);
// Where a world point is on the picture of `size` pixels, in pixels from its
// centre (y down); false behind the eye. Shared by the tools.
bool world_to_px(const render::ViewSetup& view, glm::dvec2 size, const glm::dvec3& world, glm::dvec2& out);
// The pointer (at `ndc`) in the same pixels.
glm::dvec2 pointer_px(glm::vec2 ndc, glm::dvec2 size);

// A region glow a tool asks the viewport to draw while it drags.
struct RegionGlow {
  int performer = -1;
  Region region = Region::face;
  glm::vec4 color{1};
};

// Where the posing handles are drawn now, in the picture's normalised device
// coordinates (what a press there grabs; the GUI tests press on them): the
// point at `degrees` on the selected joint's ring about `axis` (0 x, 1 y, 2 z),
// and the reach handle on a wrist or ankle of the selected performer. nullopt
// when there is no such handle or it is behind the eye.
std::optional<glm::vec2> ring_handle_ndc(const EditorState& s, const ViewportResources& vr, int axis, double degrees,
                                         float picture_height_px);
std::optional<glm::vec2> reach_handle_ndc(const EditorState& s, const ViewportResources& vr, Joint end);

// The inspector's sections for the selected joint (angles, pins, rest on
// support) and the selected camera (the DP's numbers, the lens set, add,
// duplicate, delete, key at count). One call from inspector_panel.cpp.
void draw_posing_and_camera_inspector(EditorState& s, const UiFonts& fonts);
// Its camera half (camera_tools_inspector.cpp).
void draw_camera_tools_inspector(EditorState& s, const UiFonts& fonts);

}  // namespace cs::editor
