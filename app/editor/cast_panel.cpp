// cast_panel.cpp — the left column: the scene (its details: title, number,
// pages, story, pause word and response, tempo, status and version), its cast
// and their garments (+ Performer adds one), the props (+ Box, Cylinder,
// Sphere, Barrier) and the cameras. Clicking a name selects it (the viewport outlines
// it, F frames it, Esc clears it); double-clicking a camera looks through it.
#include <cstdio>
#include <string>

#include <cfloat>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/editor/notation_widgets.hpp"
#include "app/editor/panels.hpp"
#include "app/editor/undoable.hpp"
#include "notation/edits_cast.hpp"
#include "notation/edits_garments.hpp"
#include "notation/edits_scene.hpp"
#include "notation/lens.hpp"
#include "notation/phrasing.hpp"

namespace cs::editor {

namespace {

void section_title(const UiFonts& fonts, const char* text) {
  ImGui::Spacing();
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  ImGui::Separator();
}

// A full-width selectable row one text line high, drawn under what follows on
// the line. Returns true when clicked.
bool select_row(const char* id, bool selected) {
  const ImVec2 at = ImGui::GetCursorPos();
  const bool clicked = ImGui::Selectable(id, selected, ImGuiSelectableFlags_AllowItemOverlap | ImGuiSelectableFlags_AllowDoubleClick,
                                         ImVec2(0, ImGui::GetTextLineHeight()));
  ImGui::SetCursorPos(at);
  return clicked;
}

void swatch(ImU32 color) {
  const float sz = ImGui::GetTextLineHeight() * 0.7f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float pad = (ImGui::GetTextLineHeight() - sz) * 0.5f;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + pad), ImVec2(p.x + sz, p.y + pad + sz), color, 2);
  ImGui::Dummy(ImVec2(sz, ImGui::GetTextLineHeight()));
  ImGui::SameLine();
}

// The scene's header, its safety agreement, tempo, status and version; each
// field an edit through undoable() (one step per visit).
void scene_details(EditorState& s) {
  if (!ImGui::CollapsingHeader("Scene details")) return;
  const Document& d = *s.document();
  const float label_w = ImGui::CalcTextSize("Response").x + ImGui::GetStyle().ItemSpacing.x * 2;
  const auto text = [&](const char* name, const char* id, std::string SceneInfo::*field) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", name);
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-FLT_MIN);
    SceneInfo info = s.document()->scene;
    const bool changed = ImGui::InputText(id, &(info.*field));
    const std::string value = info.*field;
    undoable(s, std::string("Edit scene ") + name, changed, [field, value](const Document& o) {
      SceneInfo i = o.scene;
      i.*field = value;
      return set_scene_info(o, i);
    });
  };
  text("Title", "##title", &SceneInfo::title);
  text("Number", "##number", &SceneInfo::number);
  text("Pages", "##pages", &SceneInfo::pages);
  text("Story", "##story", &SceneInfo::story);
  const auto safety = [&](const char* name, const char* id, std::string Safety::*field, const char* hint) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", name);
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-FLT_MIN);
    Safety sf = s.document()->safety;
    const bool changed = ImGui::InputTextWithHint(id, hint, &(sf.*field));
    const std::string value = sf.*field;
    undoable(s, std::string("Edit ") + name, changed, [field, value](const Document& o) {
      Safety x = o.safety;
      x.*field = value;
      return set_safety(o, x);
    });
  };
  safety("Pause", "##pause_word", &Safety::pause_word, "the word the cast agreed (e.g. hold)");
  safety("Response", "##response", &Safety::response, "e.g. What do you need?");
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Tempo");
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(-FLT_MIN);
  double bpm = s.document()->choreography.tempo_bpm;
  const bool changed = ImGui::InputDouble("##tempo", &bpm, 1, 10, "%.0f counts per minute");
  undoable(s, "Set tempo", changed, [bpm](const Document& o) { return set_tempo(o, bpm); });
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Status");
  ImGui::SameLine(label_w);
  ChoreoStatus st = s.document()->choreography.status;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (ImGui::BeginCombo("##status", std::string(vocab_label(st)).c_str())) {
    for (std::size_t i = 0; i < vocab_size<ChoreoStatus>(); ++i) {
      const ChoreoStatus c = vocab_at<ChoreoStatus>(i);
      if (ImGui::Selectable(std::string(vocab_label(c)).c_str(), c == st) && c != st) {
        if (st == ChoreoStatus::locked) unlock_to_revise(s);
        else set_choreography_status(s, c);
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("version %d", s.document()->choreography.version);
  (void)d;
}

}  // namespace

void draw_cast_panel(EditorState& s, const UiFonts& fonts, const Layout& layout) {
  ImGui::SetNextWindowPos(layout.origin);
  ImGui::SetNextWindowSize(ImVec2(layout.left_w, layout.left_top_h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!ImGui::Begin("Scene", nullptr, flags)) {
    ImGui::End();
    return;
  }
  if (!s.document()) {
    ImGui::TextDisabled("No scene open.");
    ImGui::TextDisabled("File \u2192 Open… (Ctrl+O)");
    ImGui::End();
    return;
  }
  scene_details(s);
  const Document& d = *s.document();

  ImGui::PushFont(fonts.bold);
  ImGui::TextWrapped("%s", d.scene.title.empty() ? "Untitled scene" : d.scene.title.c_str());
  ImGui::PopFont();
  if (!d.scene.number.empty() || !d.scene.pages.empty())
    ImGui::TextDisabled("Scene %s  ·  pp. %s", d.scene.number.c_str(), d.scene.pages.c_str());
  if (!d.scene.story.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", d.scene.story.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  ImGui::Text("Pause word:");
  ImGui::SameLine();
  if (d.safety.pause_word.empty()) {
    // Nobody has agreed one: say so, in the colour of a warning, never a word nobody chose.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(severity_color_u32(Severity::warning)));
    ImGui::TextUnformatted(pause_word_text(d.safety).c_str());
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.75f, 0.35f, 1));
    ImGui::TextUnformatted(pause_word_text(d.safety).c_str());
  }
  ImGui::PopStyleColor();


  section_title(fonts, "Cast");
  if (ImGui::SmallButton("+ Performer")) {
    add_cast_member(s);
    ImGui::End();
    return;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add a performer: actor, character, height and build in the Inspector");
  for (std::size_t i = 0; i < d.performers.size(); ++i) {
    const Performer& p = d.performers[i];
    ImGui::PushID(static_cast<int>(i));
    if (select_row("##performer", s.selection.is(SelectionKind::performer, p.id))) select(s, SelectionKind::performer, p.id);
    const std::string name = display_name(p);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Select %s (F frames, Esc clears)", name.c_str());
    swatch(performer_color_u32(static_cast<int>(i)));
    ImGui::TextUnformatted(name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", p.actor.c_str());
    ImGui::Indent();
    ImGui::TextDisabled("%.2f m  ·  %s  ·  id %s", p.height_m, std::string(vocab_label(p.build)).c_str(), p.id.c_str());
    for (const Garment& g : d.garments) {
      if (g.wearer != p.id) continue;
      ImGui::TextDisabled("%s %s (%s)%s", fonts.dot, g.label.empty() ? std::string(vocab_label(g.kind)).c_str() : g.label.c_str(),
                          std::string(vocab_label(g.camera)).c_str(), g.worn ? "" : ", off at top");
    }
    ImGui::Unindent();
    ImGui::PopID();
  }

  section_title(fonts, "Cameras");
  if (d.cameras.empty()) ImGui::TextDisabled("No cameras.");
  for (std::size_t i = 0; i < d.cameras.size(); ++i) {
    const Camera& c = d.cameras[i];
    const LensFrame lens = lens_frame(c);
    char label[160];
    std::snprintf(label, sizeof label, "%s  %.0f mm  ·  %s  ·  %.2f:1%s##cam%zu", c.id.c_str(), c.focal_mm,
                  std::string(camera_sensor(c).label).c_str(), c.aspect, s.through_camera == c.id ? "  ·  looking through" : "", i);
    if (ImGui::Selectable(label, s.selection.is(SelectionKind::camera, c.id), ImGuiSelectableFlags_AllowDoubleClick)) {
      select(s, SelectionKind::camera, c.id);
      if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) s.through_camera = (s.through_camera == c.id) ? std::string() : c.id;
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Select camera %s; double-click (or key %zu) to look through it\nHFOV %.1f°  VFOV %.1f°", c.id.c_str(),
                        i + 1, lens.hfov_deg, lens.vfov_deg);
  }

  section_title(fonts, "Props");
  {
    // New props stand on the floor at the middle of the set; the Inspector places and turns them.
    int n = 0;
    const auto add = [&](const char* label, PropShape shape, bool barrier) {
      if (n++ > 0) ImGui::SameLine();
      if (!ImGui::SmallButton(label)) return false;
      add_prop_of(s, shape, barrier, barrier && !d.performers.empty() ? d.performers.front().id : std::string());
      return true;
    };
    if (add("+ Box", PropShape::box, false) || add("+ Cylinder", PropShape::cylinder, false) ||
        add("+ Sphere", PropShape::sphere, false) || add("+ Barrier", PropShape::box, true)) {
      ImGui::End();
      return;
    }
  }
  if (d.props.empty()) ImGui::TextDisabled("No props.");
  for (std::size_t i = 0; i < d.props.size(); ++i) {
    const Prop& p = d.props[i];
    ImGui::PushID(static_cast<int>(i));
    if (select_row("##prop", s.selection.is(SelectionKind::prop, p.id))) select(s, SelectionKind::prop, p.id);
    ImGui::PopID();
    ImGui::TextUnformatted(p.label.empty() ? p.id.c_str() : p.label.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s%s  %.2f × %.2f × %.2f m", std::string(vocab_label(p.shape)).c_str(), p.barrier ? ", barrier" : "",
                        p.size[0], p.size[1], p.size[2]);
  }
  ImGui::End();
}

}  // namespace cs::editor
