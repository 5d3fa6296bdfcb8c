// inspector_panel.cpp — the right column: whatever is selected, to read and
// edit. A performer, a camera or a prop shows its fields; otherwise (nothing,
// or a beat, selected) the beat under the playhead or the selected beat
// (beat_panel.cpp). Every field is an edit function behind undoable(): one
// undo step per visit to a field, refused values stop where the rules allow.
#include <cfloat>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/editor/notation_widgets.hpp"
#include "app/editor/panels.hpp"
#include "app/editor/pose_tools.hpp"
#include "app/editor/undoable.hpp"
#include "notation/edits_cameras.hpp"
#include "notation/edits_cast.hpp"
#include "notation/edits_garments.hpp"
#include "notation/lens.hpp"
#include "notation/phrasing.hpp"
#include "notation/validate.hpp"

namespace cs::editor {

namespace {

// [SECTION] Field widgets: a label column, then the widget at full width.

float g_label_w = 0;

void field_label(const char* name) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", name);
  ImGui::SameLine(g_label_w);
  ImGui::SetNextItemWidth(-FLT_MIN);
}

bool text_field(const char* name, const char* id, std::string& value) {
  field_label(name);
  return ImGui::InputText(id, &value);
}

bool number_field(const char* name, const char* id, double& value, const NumberRule& rule, double step,
                  const char* format = "%g") {
  field_label(name);
  const bool changed = ImGui::InputDouble(id, &value, step, step * 10, format);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s: %g to %g %s", std::string(rule.what).c_str(), rule.min, rule.max, std::string(rule.unit).c_str());
  return changed;
}

bool vec3_field(const char* name, const char* id, Vec3& value) {
  field_label(name);
  return ImGui::InputScalarN(id, ImGuiDataType_Double, value.data(), 3, nullptr, nullptr, "%.3f");
}

template <class E> bool word_field(const char* name, const char* id, E& value) {
  field_label(name);
  bool changed = false;
  if (ImGui::BeginCombo(id, std::string(vocab_label(value)).c_str())) {
    for (std::size_t i = 0; i < vocab_size<E>(); ++i) {
      const E e = vocab_at<E>(i);
      if (ImGui::Selectable(std::string(vocab_label(e)).c_str(), e == value)) {
        value = e;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

void title(const UiFonts& fonts, const std::string& text, const char* kind) {
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", kind);
  ImGui::Separator();
}

// After a field that renames the selected item, keep it selected under its new
// id, once the document holds it (a refused id, mid-typing, leaves the selection).
template <class T>
void follow_rename(EditorState& s, SelectionKind kind, const std::vector<T>& (*list)(const Document&), std::size_t u,
                   bool shown) {
  const Document* d = s.document();
  if (shown && d && s.selection.kind == kind && u < list(*d).size()) s.selection.id = list(*d)[u].id;
}
const std::vector<Performer>& performers_of(const Document& d) { return d.performers; }
const std::vector<Camera>& cameras_of(const Document& d) { return d.cameras; }
const std::vector<Prop>& props_of(const Document& d) { return d.props; }

// [SECTION] A performer

void performer_inspector(EditorState& s, const UiFonts& fonts, std::size_t u, const Performer& shown) {
  // An interaction's edits are made from the document as it was when the field
  // was activated (undoable.hpp): name the item by its place there, so that a
  // rename typed over several frames edits the same item each time.
  title(fonts, display_name(shown), "performer");
  auto edit = [&](const char* label, bool changed, Performer p) {
    return undoable(s, label, changed, edit_item_at(&Document::performers, u, p, &set_performer));
  };
  Performer p = shown;
  follow_rename(s, SelectionKind::performer, &performers_of, u, edit("Rename performer", text_field("Id", "##id", p.id), p));
  p = shown;
  edit("Edit character", text_field("Character", "##character", p.character), p);
  p = shown;
  edit("Edit actor", text_field("Actor", "##actor", p.actor), p);
  p = shown;
  edit("Edit height", number_field("Height m", "##height", p.height_m, rules::height, 0.01, "%.2f"), p);
  p = shown;
  edit("Edit build", word_field("Build", "##build", p.build), p);
  // What they agreed: the body map, the rider, their garments (body_map_panel.cpp).
  ImGui::Spacing();
  const std::string id = shown.id;
  if (ImGui::Button("Body map, rider and garments\u2026", ImVec2(-FLT_MIN, 0))) open_body_map(s, id);
  if (const Performer* now = s.document() ? s.document()->performer(id) : nullptr)
    ImGui::TextDisabled("%s  ·  %s", plural(static_cast<long long>(now->boundaries.size()), "body-map line").c_str(),
                        plural(static_cast<long long>(now->exposure.size()), "rider line").c_str());
  ImGui::Spacing();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(severity_color_u32(Severity::warning)), "Private note");
  ImGui::SameLine();
  ImGui::TextDisabled("IC only · never exported");
  p = shown;
  ImGui::SetNextItemWidth(-FLT_MIN);
  edit("Edit private note",
       ImGui::InputTextMultiline("##private_note", &p.private_note, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 4),
                                 ImGuiInputTextFlags_NoUndoRedo),
       p);
  ImGui::Spacing();
  // Refused while anything names them; the notice lists where.
  if (ImGui::Button("Remove from the cast")) edit_document(s, "Remove performer " + display_name(shown), remove_performer(*s.document(), id));
}

// [SECTION] A camera

void camera_inspector(EditorState& s, const UiFonts& fonts, std::size_t u, const Camera& shown) {
  // An interaction's edits are made from the document as it was when the field
  // was activated (undoable.hpp): name the item by its place there, so that a
  // rename typed over several frames edits the same item each time.
  title(fonts, "Camera " + shown.id, "camera");
  auto edit = [&](const char* label, bool changed, Camera c) {
    return undoable(s, label, changed, edit_item_at(&Document::cameras, u, c, &set_camera));
  };
  Camera c = shown;
  follow_rename(s, SelectionKind::camera, &cameras_of, u, edit("Rename camera", text_field("Id", "##id", c.id), c));
  c = shown;
  edit("Edit camera label", text_field("Label", "##label", c.label), c);
  c = shown;
  edit("Change sensor", word_field("Sensor", "##sensor", c.sensor), c);
  c = shown;
  edit("Change focal length", number_field("Focal mm", "##focal", c.focal_mm, rules::focal, 1, "%.0f"), c);
  c = shown;
  edit("Change aspect ratio", number_field("Aspect", "##aspect", c.aspect, rules::aspect, 0.01, "%.2f"), c);
  c = shown;
  edit("Change fit", word_field("Fit", "##fit", c.fit), c);
  c = shown;
  edit("Move camera", vec3_field("Position", "##position", c.position), c);
  c = shown;
  edit("Aim camera", vec3_field("Target", "##target", c.target), c);
  c = shown;
  edit("Roll camera", number_field("Roll °", "##roll", c.roll_deg, rules::roll, 1, "%.1f"), c);
  const LensFrame lens = lens_frame(shown);
  ImGui::TextDisabled("HFOV %.1f°  ·  VFOV %.1f°  ·  %s", lens.hfov_deg, lens.vfov_deg,
                      std::string(camera_sensor(shown).label).c_str());
  if (!shown.moves.empty())
    ImGui::TextDisabled("%s on the timeline", plural(static_cast<long long>(shown.moves.size()), "move").c_str());
}

// [SECTION] A prop

void prop_inspector(EditorState& s, const UiFonts& fonts, std::size_t u, const Prop& shown) {
  // An interaction's edits are made from the document as it was when the field
  // was activated (undoable.hpp): name the item by its place there, so that a
  // rename typed over several frames edits the same item each time.
  title(fonts, shown.label.empty() ? shown.id : shown.label, shown.barrier ? "barrier" : "prop");
  auto edit = [&](const char* label, bool changed, Prop p) {
    return undoable(s, label, changed, edit_item_at(&Document::props, u, p, &set_prop));
  };
  Prop p = shown;
  follow_rename(s, SelectionKind::prop, &props_of, u, edit("Rename prop", text_field("Id", "##id", p.id), p));
  p = shown;
  edit("Edit prop label", text_field("Label", "##label", p.label), p);
  p = shown;
  edit("Change prop shape", word_field("Shape", "##shape", p.shape), p);
  p = shown;
  edit("Resize prop", vec3_field("Size m", "##size", p.size), p);
  p = shown;
  edit("Move prop", vec3_field("Position", "##position", p.position), p);
  p = shown;
  edit("Turn prop", vec3_field("Rotation °", "##rotation", p.rotation), p);
  p = shown;
  ImGui::SetCursorPosX(g_label_w);
  edit(p.barrier ? "Unmark barrier" : "Mark as barrier", ImGui::Checkbox("Barrier between bodies", &p.barrier), p);
  if (shown.barrier && s.document()) {
    p = shown;
    field_label("Owner");
    // Each performer has their own barriers; they are never shared.
    edit("Name barrier owner", performer_combo("##owner", *s.document(), p.owner, -FLT_MIN, "(set piece, no owner)"), p);
  }
  ImGui::Spacing();
  if (ImGui::Button("Delete prop")) edit_document(s, "Delete prop " + display_name(shown), remove_prop(*s.document(), shown.id));
}

}  // namespace

void draw_inspector_panel(EditorState& s, const UiFonts& fonts, const Layout& layout) {
  ImGui::SetNextWindowPos(ImVec2(layout.origin.x + layout.size.x - layout.right_w, layout.origin.y));
  ImGui::SetNextWindowSize(ImVec2(layout.right_w, layout.size.y - layout.bottom_h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!ImGui::Begin("Inspector", nullptr, flags)) {
    ImGui::End();
    return;
  }
  g_label_w = ImGui::CalcTextSize("Character").x + ImGui::GetStyle().ItemSpacing.x * 2;
  // Every line of text in the Inspector wraps at its right edge rather than
  // running out of sight (hints, counts, notes under the fields).
  ImGui::PushTextWrapPos(0.0f);
  const Document* d = s.document();
  const int i = selected_index(s);
  const auto u = static_cast<std::size_t>(i);
  // The fields show a copy made here, once per frame; each edit is made from the
  // document as it was when its field was activated.
  ImGui::PushID(static_cast<int>(s.selection.kind));
  if (d && i >= 0 && s.selection.kind == SelectionKind::performer) performer_inspector(s, fonts, u, Performer(d->performers[u]));
  else if (d && i >= 0 && s.selection.kind == SelectionKind::camera) camera_inspector(s, fonts, u, Camera(d->cameras[u]));
  else if (d && i >= 0 && s.selection.kind == SelectionKind::prop) prop_inspector(s, fonts, u, Prop(d->props[u]));
  else draw_beat_inspector(s, fonts, s.selection.kind == SelectionKind::beat ? i : current_beat_index(s));
  draw_posing_and_camera_inspector(s, fonts);  // the selected joint's pose, the camera's placing (pose_inspector.cpp)
  ImGui::PopID();
  ImGui::PopTextWrapPos();
  ImGui::End();
}

}  // namespace cs::editor
