// pose_inspector.cpp — the Inspector's posing section (pose_tools.hpp): the
// selected joint's angles as numbers, clamped to its limits and labelled in
// anatomical words, the pins, mirror, copy the previous beat's pose, flip the
// staging, the pose presets and "Rest on support"; each field is an edit
// function behind undoable(), one undo step per visit.
#include <imgui.h>

#include <cfloat>
#include <cstdio>
#include <string>

#include "app/editor/panels.hpp"
#include "app/editor/pose_tools.hpp"
#include "app/editor/undoable.hpp"
#include "notation/conventions.hpp"
#include "notation/edits_poses.hpp"
#include "notation/ik.hpp"
#include "notation/phrasing.hpp"
#include "notation/pose_presets.hpp"

namespace cs::editor {

namespace {

void pose_section(EditorState& s, const UiFonts& fonts, const Performer& performer) {
  const Document* d = s.document();
  const int beat = current_beat_index(s);
  ImGui::Spacing();
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted("Pose");
  ImGui::PopFont();
  if (beat < 0) {
    ImGui::TextDisabled("No beat under the playhead: add one (B) to pose in.");
    return;
  }
  const Beat& b = d->choreography.beats[static_cast<std::size_t>(beat)];
  ImGui::SameLine();
  ImGui::TextDisabled("key of %s at count %s", b.id.c_str(), count_label(b.start_count).c_str());
  const std::string id = performer.id, who = display_name(performer);
  const std::size_t bi = static_cast<std::size_t>(beat);
  if (s.selection.joint) {
    const Joint j = *s.selection.joint;
    const Vec3 deg = clamp_joint(j, pose_joint(key_or_staged(*d, bi, id), j));
    const JointLimits lim = joint_limits(j);
    ImGui::Text("%s", (possessive(who) + " " + std::string(joint_label(j))).c_str());
    for (int a = 0; a < 3; ++a) {
      const JointAxis words = joint_axis(j, a);
      if (lim.max_deg[a] <= lim.min_deg[a]) continue;
      double v = deg[static_cast<std::size_t>(a)];
      const double lo = lim.min_deg[a], hi = lim.max_deg[a];
      ImGui::AlignTextToFramePadding();
      ImGui::TextDisabled("%s", std::string(words.name).c_str());
      ImGui::SameLine(ImGui::CalcTextSize("shoulder forward / back").x + 16);
      ImGui::SetNextItemWidth(-FLT_MIN);
      char field[16];
      std::snprintf(field, sizeof field, "##angle%d", a);
      const bool changed = ImGui::DragScalar(field, ImGuiDataType_Double, &v, 0.5f, &lo, &hi, "%.1f°", ImGuiSliderFlags_AlwaysClamp);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s to %s°\npositive %s\nnegative %s", number_text(lo).c_str(), number_text(hi).c_str(),
                          std::string(words.positive).c_str(), std::string(words.negative).c_str());
      Vec3 next = deg;
      next[static_cast<std::size_t>(a)] = v;
      const std::string label = "Pose " + who + ": " + std::string(joint_label(j)) + " " + std::string(words.name) + " " +
                                number_text(std::round(v)) + "°";
      if (undoable(s, label, changed, [bi, id, j, next](const Document& doc) { return set_key_joints(doc, bi, id, {{j, next}}); }))
        set_count(s, b.start_count);
    }
  } else {
    ImGui::TextDisabled("Click a joint on the body to turn it; drag a hand or foot to reach.");
  }
  ImGui::Spacing();
  // Rows wrap in a narrow inspector: nothing is cut off at its edge.
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Pins");
  for (const Joint j : {Joint::ankle_l, Joint::ankle_r, Joint::pelvis}) {
    bool pinned = pose_pins().count({id, j}) > 0;
    const char* name = j == Joint::ankle_l ? "left foot" : j == Joint::ankle_r ? "right foot" : "pelvis";
    if (flow_checkbox(name, &pinned, false)) {
      if (pinned) pose_pins().insert({id, j});
      else pose_pins().erase({id, j});
    }
  }
  // Whole-pose edits, each one undo step.
  if (flow_button("Mirror pose", true, false)) {
    if (edit_document(s, "Mirror " + possessive(who) + " pose", mirror_pose(*s.document(), bi, id))) set_count(s, b.start_count);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Mirror %s pose left to right, in place", possessive(who).c_str());
  if (flow_button("Copy previous pose", false, false)) {
    if (edit_document(s, "Copy " + possessive(who) + " pose from the previous beat", copy_pose_from_previous(*s.document(), bi, id)))
      set_count(s, b.start_count);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Give %s the pose of the beat before %s", who.c_str(), b.id.c_str());
  if (flow_button("Flip staging", false, false)) {
    if (edit_document(s, "Flip the staging of " + b.id, flip_staging(*s.document(), bi))) set_count(s, b.start_count);
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Mirror every performer of %s across the stage's centre line, places and all:\nwhich way to roll so the garments stay hidden", b.id.c_str());
  ImGui::TextDisabled("Presets");
  for (const PosePreset preset : kPosePresets) {
    const std::string name(pose_preset(preset).name);
    if (flow_button(name.c_str(), false)) {
      if (edit_document(s, "Pose " + who + ": " + name, apply_pose_preset(*s.document(), bi, id, preset, s.checks.options.meshes)))
        set_count(s, b.start_count);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Pose %s to %s, where they are, resting on what is under them", who.c_str(), name.c_str());
  }
  if (ImGui::Button("Rest on support")) {
    if (edit_document(s, "Rest " + who + " on support", rest_on_support(*s.document(), bi, id, s.checks.options.meshes)))
      set_count(s, b.start_count);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lower (or raise) %s until the body rests on the floor, the bed or a prop", who.c_str());
}

}  // namespace

void draw_posing_and_camera_inspector(EditorState& s, const UiFonts& fonts) {
  const Document* d = s.document();
  if (!d) return;
  if (s.selection.kind == SelectionKind::performer) {
    if (const Performer* p = d->performer(s.selection.id)) pose_section(s, fonts, Performer(*p));
  } else if (s.selection.kind == SelectionKind::camera) {
    draw_camera_tools_inspector(s, fonts);
  }
}

}  // namespace cs::editor
