// beat_panel.cpp — the right column: the beat under the playhead, as the IC
// wrote it: counts, action, contacts, breath, eyelines, garments, masking notes.
#include <cstdio>
#include <string>

#include <imgui.h>

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
  const Beat* b = s.doc ? render::beat_at(*s.doc, s.count) : nullptr;
  if (!b) {
    ImGui::TextDisabled(s.doc ? "Before the first beat." : "No scene open.");
    ImGui::End();
    return;
  }
  const Document& d = *s.doc;
  ImGui::PushFont(fonts.bold);
  ImGui::TextWrapped("%s  %s", b->id.c_str(), b->label.c_str());
  ImGui::PopFont();
  const double spc = d.seconds_per_count();
  ImGui::TextDisabled("counts %g – %g  ·  %g counts  ·  %.1f s%s", b->start_count, b->end_count(), b->length_counts,
                      b->length_counts * spc, b->placeholder ? "  ·  placeholder" : "");
  if (!b->action.empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped("%s", b->action.c_str());
  }

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
  if (!b->camera_notes.empty()) {
    heading(fonts, "Camera notes", 0);
    ImGui::TextWrapped("%s", b->camera_notes.c_str());
  }
  ImGui::End();
}

}  // namespace cs::editor
