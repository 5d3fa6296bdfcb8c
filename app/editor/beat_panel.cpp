// beat_panel.cpp — the inspector's beat (inspector_panel.cpp): the beat under
// the playhead, or the selected one, as the IC wrote it: counts, the action
// and camera notes (wrapped, never cut off), the placeholder toggle, then its
// notation (contacts_panel.cpp: contacts, breath, eyelines, garments, masking notes).
#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/editor/notation_widgets.hpp"
#include "app/editor/panels.hpp"
#include "app/editor/undoable.hpp"
#include "notation/phrasing.hpp"

namespace cs::editor {

namespace {

// SameLine when a button labelled `label` still fits on this line, else it goes
// on the next: nothing runs past the Inspector's edge.
void same_line_if_fits(const char* label) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float w = ImGui::CalcTextSize(label).x + st.FramePadding.x * 2;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + st.ItemSpacing.x + w <= right) ImGui::SameLine();
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

// A long text that wraps: read wrapped, every word shown; a click opens it for
// typing (a multi-line field as tall as the text), and leaving it commits the
// visit as one undo step.
void wrapped_beat_text(EditorState& s, std::size_t index, BeatText field, const char* id) {
  const Beat& b = s.document()->choreography.beats[index];
  const std::string& shown = field == BeatText::action ? b.action : b.camera_notes;
  const ImGuiID key = ImGui::GetID(id);
  static ImGuiID editing = 0;  // one field is typed in at a time
  const float width = ImGui::GetContentRegionAvail().x;
  const ImGuiStyle& st = ImGui::GetStyle();
  const float text_w = width - st.FramePadding.x * 2;
  const float text_h = ImGui::CalcTextSize(shown.empty() ? " " : shown.c_str(), nullptr, false, text_w).y;
  if (editing != key) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size(width, std::max(text_h, ImGui::GetTextLineHeight()) + st.FramePadding.y * 2);
    if (ImGui::InvisibleButton(id, size)) editing = key;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to edit");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg), st.FrameRounding);
    ImGui::SetCursorScreenPos(ImVec2(p.x + st.FramePadding.x, p.y + st.FramePadding.y));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    if (shown.empty()) ImGui::TextDisabled("(none)");
    else ImGui::TextWrapped("%s", shown.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + size.y + st.ItemSpacing.y));
    ImGui::Dummy(ImVec2(0, 0));
    return;
  }
  if (!ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
  beat_text(s, index, field, id, std::max(text_h + ImGui::GetTextLineHeight() * 2, ImGui::GetTextLineHeight() * 3.4f));
  if (ImGui::IsItemDeactivated()) editing = 0;
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
    const bool changed = ImGui::Checkbox("Placeholder", &placeholder);
    ImGui::SameLine();
    ImGui::TextDisabled("(not yet choreographed)");  // wraps at the Inspector's edge
    undoable(s, placeholder ? "Mark beat as placeholder" : "Mark beat as choreographed", changed,
             [&](const Document& d) { return cs::set_beat_placeholder(d, bi, placeholder); });
  }
  ImGui::TextDisabled("Action (in plain, anatomical words)");
  wrapped_beat_text(s, bi, BeatText::action, "##action");
  ImGui::TextDisabled("Camera notes");
  wrapped_beat_text(s, bi, BeatText::camera_notes, "##camera_notes");
  if (ImGui::Button("Split at playhead")) split_beat_at_playhead(s);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Split this beat in two at the playhead (S)");
  same_line_if_fits("Delete");
  if (ImGui::Button("Delete")) delete_beat(s, bi);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this beat (Delete); Ctrl+Z brings it back");
  same_line_if_fits("Add beat");
  if (ImGui::Button("Add beat")) add_beat_at_playhead(s);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add a placeholder beat at the playhead, or after this beat (B)");
  ImGui::PopID();

  // The notation (contacts_panel.cpp); the edits above may have replaced or removed the beat.
  if (bi < s.document()->choreography.beats.size()) draw_beat_notation(s, fonts, bi);
}

}  // namespace cs::editor
