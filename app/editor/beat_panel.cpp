// beat_panel.cpp — the inspector's beat (inspector_panel.cpp): the beat under
// the playhead, or the selected one, as the IC wrote it: counts, action,
// contacts, breath, eyelines, garments, masking notes.
#include <cfloat>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/editor/panels.hpp"
#include "app/editor/undoable.hpp"
#include "notation/phrasing.hpp"

namespace cs::editor {

namespace {

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

// A text field on one of the beat's strings: typing shows at once (the
// timeline follows); the whole visit to the field is one undo step.
void beat_text(EditorState& s, std::size_t index, BeatText field, const char* id, float height) {
  const Beat& b = s.document()->choreography.beats[index];
  std::string text = field == BeatText::label ? b.label : field == BeatText::action ? b.action : b.camera_notes;
  const char* what = beat_text_edit_label(field);
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool changed = height <= 0 ? ImGui::InputText(id, &text)
                                   : ImGui::InputTextMultiline(id, &text, ImVec2(-FLT_MIN, height));
  undoable(s, what, changed, [&](const Document& d) { return cs::set_beat_text(d, index, field, text); });
}

// Start or length of the beat: typed or stepped by half counts; each visit or
// click is one step, stopped by the neighbours.
void beat_number(EditorState& s, std::size_t index, bool length, const char* id, float width) {
  const Beat& b = s.document()->choreography.beats[index];
  double v = length ? b.length_counts : b.start_count;
  ImGui::SetNextItemWidth(width);
  const bool changed = ImGui::InputDouble(id, &v, kBeatSnap, 1.0, "%g");
  undoable(s, length ? "Resize beat" : "Move beat", changed, [&](const Document& d) {
    const Beat& ob = d.choreography.beats[index];
    return length ? cs::resize_beat(d, index, ob.start_count, ob.start_count + v) : cs::move_beat(d, index, v);
  });
}

}  // namespace

void draw_beat_inspector(EditorState& s, const UiFonts& fonts, int index) {
  if (!s.document() || index < 0 || static_cast<std::size_t>(index) >= s.document()->choreography.beats.size()) {
    ImGui::TextDisabled(s.document() ? "Before the first beat." : "No scene open.");
    if (s.document() && ImGui::Button("Add beat at playhead (B)")) add_beat_at_playhead(s);
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
    const bool changed = ImGui::Checkbox("Placeholder (not yet choreographed)", &placeholder);
    undoable(s, placeholder ? "Mark beat as placeholder" : "Mark beat as choreographed", changed,
             [&](const Document& d) { return cs::set_beat_placeholder(d, bi, placeholder); });
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

  // The rest is read here; the edits above may have replaced or removed the beat.
  const Document& d = *s.document();
  if (bi >= d.choreography.beats.size()) return;
  const Beat* b = &d.choreography.beats[bi];

  heading(fonts, "Contacts", b->contacts.size());
  if (b->contacts.empty()) ImGui::TextDisabled("None.");
  for (const Contact& c : b->contacts) {
    ImGui::TextWrapped("%s's %s %s %s's %s", display_name(d, c.giver).c_str(), std::string(region_label(c.with)).c_str(), fonts.arrow,
                       display_name(d, c.receiver).c_str(), std::string(region_label(c.region)).c_str());
    ImGui::Indent();
    ImGui::TextDisabled("%s  ·  %s  ·  %s", std::string(vocab_name(c.kind)).c_str(), std::string(vocab_name(c.layer)).c_str(),
                        std::string(vocab_name(c.pressure)).c_str());
    ImGui::Unindent();
  }

  heading(fonts, "Breath", b->breath.size());
  if (b->breath.empty()) ImGui::TextDisabled("None.");
  for (const BreathNote& n : b->breath)
    ImGui::Text("%g  %s: %s", n.count, display_name(d, n.performer).c_str(), std::string(vocab_name(n.cue)).c_str());

  heading(fonts, "Eyelines", b->eyelines.size());
  if (b->eyelines.empty()) ImGui::TextDisabled("None.");
  for (const Eyeline& e : b->eyelines) {
    std::string target;
    if (!e.target.performer.empty()) {
      target = display_name(d, e.target.performer);
      if (e.target.region) target += "'s " + std::string(region_label(*e.target.region));
    } else if (!e.target.camera.empty()) target = "camera " + e.target.camera + " (into the lens)";
    else if (e.target.point) target = "a point in the room";
    ImGui::TextWrapped("%s %s %s", display_name(d, e.performer).c_str(), fonts.arrow, target.c_str());
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
      ImGui::TextWrapped("Camera %s: %s's %s masked by %s", m.camera.c_str(), display_name(d, m.performer).c_str(), regions.c_str(),
                         d.performer(m.by) ? display_name(d, m.by).c_str() : m.by.c_str());
    }
  }
}

}  // namespace cs::editor
