// beat_panel.cpp — the right column: the beat under the playhead, as the IC
// wrote it: counts, action, contacts, breath, eyelines, garments, masking notes.
#include <cfloat>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/editor/panels.hpp"
#include "render/scene_geometry.hpp"

namespace cs::editor {

namespace {

std::string who(const Document& d, const std::string& id) {
  const Performer* p = d.performer(id);
  if (!p) return id;
  return p->character.empty() ? p->id : p->character;
}

void heading(const UiFonts& fonts, const char* text, std::size_t n) {
  ImGui::Spacing();
  ImGui::PushFont(fonts.bold);
  ImGui::Text("%s", text);
  ImGui::PopFont();
  if (n > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled("%zu", n);
  }
  ImGui::Separator();
}

// A text field on one of the beat's strings. Typing edits the document live
// (the timeline shows it at once); the whole visit to the field is one undo
// step, committed when the field lets go (finish_interaction, or the app's
// end-of-frame check when no item is active any more).
void beat_text(EditorState& s, std::size_t index, BeatText field, const char* id, float height) {
  const Beat& b = s.document()->choreography.beats[index];
  std::string text = field == BeatText::label ? b.label : field == BeatText::action ? b.action : b.camera_notes;
  const char* what = field == BeatText::label ? "Edit beat label" : field == BeatText::action ? "Edit beat action" : "Edit camera notes";
  bool changed = false;
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (height <= 0) changed = ImGui::InputText(id, &text);
  else changed = ImGui::InputTextMultiline(id, &text, ImVec2(-FLT_MIN, height));
  if (ImGui::IsItemActivated()) s.history.begin(what);
  if (changed) {
    if (!s.history.editing()) s.history.begin(what);
    s.history.update(cs::set_beat_text(s.history.original(), index, field, text));
  }
  if (ImGui::IsItemDeactivated()) finish_interaction(s);
}

// Start or length of the beat: typed or stepped by half counts; each visit or
// click is one step, stopped by the neighbours.
void beat_number(EditorState& s, std::size_t index, bool length, const char* id, float width) {
  const Beat& b = s.document()->choreography.beats[index];
  double v = length ? b.length_counts : b.start_count;
  ImGui::SetNextItemWidth(width);
  if (ImGui::InputDouble(id, &v, kBeatSnap, 1.0, "%g")) {
    if (!s.history.editing()) s.history.begin(length ? "Resize beat" : "Move beat");
    const Document& d = s.history.original();
    const Beat& lb = d.choreography.beats[index];
    s.history.update(length ? cs::resize_beat(d, index, lb.start_count, lb.start_count + v) : cs::move_beat(d, index, v));
  }
}

}  // namespace

void draw_beat_panel(EditorState& s, const UiFonts& fonts, const Layout& layout) {
  ImGui::SetNextWindowPos(ImVec2(layout.origin.x + layout.size.x - layout.right_w, layout.origin.y));
  ImGui::SetNextWindowSize(ImVec2(layout.right_w, layout.size.y - layout.bottom_h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!ImGui::Begin("Beat", nullptr, flags)) {
    ImGui::End();
    return;
  }
  const int index = current_beat_index(s);
  if (index < 0) {
    ImGui::TextDisabled(s.document() ? "Before the first beat." : "No scene open.");
    if (s.document() && ImGui::Button("Add beat at playhead (B)")) add_beat_at_playhead(s);
    ImGui::End();
    return;
  }
  const auto bi = static_cast<std::size_t>(index);
  ImGui::PushID(s.document()->choreography.beats[bi].id.c_str());
  {
    const Beat& b = s.document()->choreography.beats[bi];
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(b.id.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("counts %g – %g  ·  %.1f s", b.start_count, b.end_count(), b.length_counts * s.document()->seconds_per_count());
  }
  const float label_w = ImGui::CalcTextSize("Length").x + ImGui::GetStyle().ItemSpacing.x * 2;
  auto row = [&](const char* name) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", name);
    ImGui::SameLine(label_w);
  };
  row("Label");
  beat_text(s, bi, BeatText::label, "##label", 0);
  row("Start");
  beat_number(s, bi, false, "##start", -FLT_MIN);
  row("Length");
  beat_number(s, bi, true, "##length", -FLT_MIN);
  {
    bool placeholder = s.document()->choreography.beats[bi].placeholder;
    if (ImGui::Checkbox("Placeholder (not yet choreographed)", &placeholder))
      edit_document(s, placeholder ? "Mark beat as placeholder" : "Mark beat as choreographed",
                    cs::set_beat_placeholder(*s.document(), bi, placeholder));
  }
  ImGui::TextDisabled("Action (what happens, in plain words)");
  beat_text(s, bi, BeatText::action, "##action", ImGui::GetTextLineHeight() * 3.4f);
  ImGui::TextDisabled("Camera notes");
  beat_text(s, bi, BeatText::camera_notes, "##camera_notes", ImGui::GetTextLineHeight() * 2.4f);
  if (ImGui::Button("Split at playhead")) split_beat_at_playhead(s);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Split this beat in two at the playhead (S)");
  ImGui::SameLine();
  if (ImGui::Button("Delete")) delete_beat(s, bi);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this beat (Delete); Ctrl+Z brings it back");
  ImGui::SameLine();
  if (ImGui::Button("Add beat")) add_beat_at_playhead(s);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add a placeholder beat at the playhead, or after this beat (B)");
  ImGui::PopID();

  // The rest is read here; the edits above may have replaced the beat.
  const int again = current_beat_index(s);
  if (again < 0) {
    ImGui::End();
    return;
  }
  const Document& d = *s.document();
  const Beat* b = &d.choreography.beats[static_cast<std::size_t>(again)];

  heading(fonts, "Contacts", b->contacts.size());
  if (b->contacts.empty()) ImGui::TextDisabled("None.");
  for (const Contact& c : b->contacts) {
    ImGui::TextWrapped("%s's %s %s %s's %s", who(d, c.giver).c_str(), std::string(region_label(c.with)).c_str(), fonts.arrow,
                       who(d, c.receiver).c_str(), std::string(region_label(c.region)).c_str());
    ImGui::Indent();
    ImGui::TextDisabled("%s  ·  %s  ·  %s", std::string(vocab_name(c.kind)).c_str(), std::string(vocab_name(c.layer)).c_str(),
                        std::string(vocab_name(c.pressure)).c_str());
    ImGui::Unindent();
  }

  heading(fonts, "Breath", b->breath.size());
  if (b->breath.empty()) ImGui::TextDisabled("None.");
  for (const BreathNote& n : b->breath)
    ImGui::Text("%g  %s: %s", n.count, who(d, n.performer).c_str(), std::string(vocab_name(n.cue)).c_str());

  heading(fonts, "Eyelines", b->eyelines.size());
  if (b->eyelines.empty()) ImGui::TextDisabled("None.");
  for (const Eyeline& e : b->eyelines) {
    std::string target;
    if (!e.target.performer.empty()) {
      target = who(d, e.target.performer);
      if (e.target.region) target += "'s " + std::string(region_label(*e.target.region));
    } else if (!e.target.camera.empty()) target = "camera " + e.target.camera + " (into the lens)";
    else if (e.target.point) target = "a point in the room";
    ImGui::TextWrapped("%s %s %s", who(d, e.performer).c_str(), fonts.arrow, target.c_str());
  }

  if (!b->garment_changes.empty()) {
    heading(fonts, "Garments", b->garment_changes.size());
    for (const GarmentChange& g : b->garment_changes) ImGui::Text("%s: %s", g.garment.c_str(), g.worn ? "on" : "off");
  }
  if (!b->masking.empty()) {
    heading(fonts, "Masking notes", b->masking.size());
    for (const MaskingNote& m : b->masking) {
      std::string regions;
      for (Region r : m.regions) regions += (regions.empty() ? "" : ", ") + std::string(region_label(r));
      ImGui::TextWrapped("Camera %s: %s's %s masked by %s", m.camera.c_str(), who(d, m.performer).c_str(), regions.c_str(),
                         d.performer(m.by) ? who(d, m.by).c_str() : m.by.c_str());
    }
  }
  ImGui::End();
}

}  // namespace cs::editor
