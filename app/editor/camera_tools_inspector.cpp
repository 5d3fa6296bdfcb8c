// camera_tools_inspector.cpp — the Inspector's camera section in a DP's terms
// (pose_tools.hpp): height in metres and feet, tilt, pan, distance to the aim
// point, the lens set, the frame width at the aim point; add, duplicate and
// delete cameras (letters A, B, C… skipping I and O); key the camera at the
// playhead's count as a move, and the moves it has. Every field is an edit
// function behind undoable(); buttons are one step each.
#include <imgui.h>

#include <cfloat>
#include <cstdio>
#include <string>

#include "app/editor/panels.hpp"
#include "app/editor/pose_tools.hpp"
#include "app/editor/undoable.hpp"
#include "notation/edits_cameras.hpp"
#include "notation/lens.hpp"
#include "notation/phrasing.hpp"

namespace cs::editor {

namespace {

constexpr double kFeetPerMetre = 3.28084;

bool aim_field(const char* name, const char* id, double& v, double speed, double lo, double hi, const char* format) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", name);
  ImGui::SameLine(ImGui::CalcTextSize("Distance m").x + 16);
  ImGui::SetNextItemWidth(-FLT_MIN);
  return ImGui::DragScalar(id, ImGuiDataType_Double, &v, static_cast<float>(speed), &lo, &hi, format, ImGuiSliderFlags_AlwaysClamp);
}

}  // namespace

void draw_camera_tools_inspector(EditorState& s, const UiFonts& fonts) {
  const Document* d = s.document();
  const Camera* found = d ? d->camera(s.selection.id) : nullptr;
  if (!found) return;
  const Camera shown = *found;
  const std::string id = shown.id;
  const CameraAim aim = camera_aim(shown);
  ImGui::Spacing();
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted("Placing");
  ImGui::PopFont();
  auto aim_edit = [&](const char* label, bool changed, CameraAim a) {
    undoable(s, label, changed, [id, a](const Document& doc) { return set_camera_aim(doc, id, a); });
  };
  CameraAim a = aim;
  char height_format[48];
  std::snprintf(height_format, sizeof height_format, "%%.2f m  (%.1f ft)", aim.height_m * kFeetPerMetre);
  aim_edit("Camera height", aim_field("Height", "##cam_height", a.height_m, 0.01, -1.0, 30.0, height_format), a);
  a = aim;
  aim_edit("Camera tilt", aim_field("Tilt", "##cam_tilt", a.tilt_deg, 0.2, -89.0, 89.0, "%.1f°"), a);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Up positive; 0 is level");
  a = aim;
  aim_edit("Camera pan", aim_field("Pan", "##cam_pan", a.pan_deg, 0.2, -360.0, 360.0, "%.1f°"), a);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("0 looks along −Z (towards the set from the front); positive turns right");
  a = aim;
  aim_edit("Camera distance to subject", aim_field("Distance m", "##cam_distance", a.distance_m, 0.01, 0.05, 100.0, "%.2f m"), a);
  const double frame_w = frame_width_at(shown, aim.distance_m);
  ImGui::TextDisabled("Frame %.2f m wide at the aim point (%.2f m)", frame_w, aim.distance_m);

  // The lens set.
  ImGui::TextDisabled("Lens");
  for (std::size_t i = 0; i < std::size(kLensSetMm); ++i) {
    const double mm = kLensSetMm[i];
    if (i % 5 != 0) ImGui::SameLine();
    char label[32];
    std::snprintf(label, sizeof label, "%.0f##lens%zu", mm, i);
    const bool current = std::abs(shown.focal_mm - mm) < 0.01;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.55f, 0.41f, 0.16f, 1));
    if (ImGui::Button(label, ImVec2(ImGui::GetFontSize() * 2.6f, 0)))
      edit_document(s, "Camera " + id + " on the " + number_text(mm) + " mm", set_focal_length(*s.document(), id, mm));
    if (current) ImGui::PopStyleColor();
  }

  // A move at the playhead's count: the camera as it stands now.
  ImGui::Spacing();
  char key_label[64];
  std::snprintf(key_label, sizeof key_label, "Key at count %s", count_label(s.count).c_str());
  if (ImGui::Button(key_label)) {
    CameraMove m;
    m.count = s.count;
    m.position = shown.position;
    m.target = shown.target;
    m.focal_mm = shown.focal_mm;
    edit_document(s, "Key camera " + id + " at count " + count_label(s.count), add_camera_move(*s.document(), id, m));
  }
  for (std::size_t i = 0; i < shown.moves.size(); ++i) {
    const CameraMove& m = shown.moves[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextDisabled("move at count %s", count_label(m.count).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("go")) set_count(s, m.count);
    ImGui::SameLine();
    if (ImGui::SmallButton("delete")) delete_camera_move(s, id, i);
    ImGui::PopID();
  }

  // Add, duplicate, delete.
  ImGui::Spacing();
  if (ImGui::Button("Add camera")) {
    Camera c;
    std::string made;
    if (edit_document(s, "Add camera", add_camera(*s.document(), c, &made))) select(s, SelectionKind::camera, made);
  }
  ImGui::SameLine();
  if (ImGui::Button("Duplicate")) {
    Camera c = shown;
    c.id.clear();
    c.label.clear();
    std::string made;
    if (edit_document(s, "Duplicate camera " + id, add_camera(*s.document(), c, &made))) select(s, SelectionKind::camera, made);
  }
  ImGui::SameLine();
  if (ImGui::Button("Delete")) {
    if (edit_document(s, "Delete camera " + id, remove_camera(*s.document(), id))) clear_selection(s);
  }
}

}  // namespace cs::editor
