// findings_panel.cpp — the left column's lower half: what the checks found,
// by count, filterable by severity. Click a finding to go to its count and look
// through its camera; the clicked finding is shown in full below the list, and
// for a camera seeing what it should not, "Suggest a camera move" finds the
// smallest slide of that camera that masks it. The checks run in the background
// after every edit (EditorApp::update_checks); while they run, the list shows
// the last results, dimmed.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/editor/panels.hpp"
#include "notation/phrasing.hpp"

namespace cs::editor {

namespace {

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "";
}

bool shown(const FindingsState& f, Severity s) {
  return s == Severity::error ? f.show_error : s == Severity::warning ? f.show_warning : f.show_info;
}

void severity_toggle(bool& on, Severity s, int n) {
  char label[48];
  std::snprintf(label, sizeof label, "%s", plural(n, severity_word(s), s == Severity::info ? "info" : "").c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, on && n > 0 ? ImGui::ColorConvertU32ToFloat4(severity_color_u32(s))
                                                    : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::PushStyleColor(ImGuiCol_Button, on ? ImVec4(0.20f, 0.21f, 0.24f, 1) : ImVec4(0, 0, 0, 0));
  if (ImGui::SmallButton(label)) on = !on;
  ImGui::PopStyleColor(2);
}

// The selected finding: where, its sentence and suggestion, and for a camera
// that sees what it should not, a camera move.
void draw_selected_finding(EditorState& s, const Finding& x, const UiFonts& fonts) {
  FindingsState& f = s.checks;
  ImGui::Separator();
  ImGui::BeginChild("##finding_detail", ImVec2(0, 0), false);
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(std::string(finding_info(x.code).id).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  if (x.to_count > x.from_count) ImGui::TextDisabled("%g–%g · worst %g", x.from_count, x.to_count, x.peak_count);
  else ImGui::TextDisabled("count %g", x.from_count);
  // The camera move first (it is what this area is for), then the finding in full.
  if (camera_move_applies(x)) {
    const bool have = f.suggestion && f.suggestion->finding == x;
    if (ImGui::Button("Suggest a camera move")) suggest_camera_move(s);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Slides camera %s 5, 10, 20 or 40 cm left, right, up or down at count %g, its worst moment,\n"
                        "and names the smallest slide that masks it (or frames it out).",
                        x.camera.c_str(), x.peak_count);
    if (have) {
      ImGui::PushStyleColor(ImGuiCol_Text, f.suggestion->move ? ImVec4(0.55f, 0.85f, 0.75f, 1) : ImVec4(0.95f, 0.75f, 0.35f, 1));
      ImGui::TextWrapped("%s", f.suggestion->text.c_str());
      ImGui::PopStyleColor();
      if (f.suggestion->move) ImGui::TextDisabled("Only that moment is tried: step through the span to see it hold.");
    }
  }
  ImGui::TextWrapped("%s", x.message.c_str());
  if (!x.suggestion.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s %s", fonts.arrow, x.suggestion.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
}

}  // namespace

namespace {

// `text` as it fits on one line `width` wide in the current font: whole, or cut
// at a word with "…" after it, so a cut message never reads as complete (the
// row's tooltip and the selected finding below the list show it all).
std::string fitted(const std::string& text, float width) {
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x <= width) return text;
  const char* ellipsis = "\u2026";
  const float room = std::max(0.0f, width - font->CalcTextSizeA(size, FLT_MAX, 0, ellipsis).x);
  const char* begin = text.c_str();
  const char* cut = font->CalcWordWrapPositionA(size / font->FontSize, begin, begin + text.size(), room);
  std::string out(begin, cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';')) out.pop_back();
  return out + ellipsis;
}

}  // namespace

void draw_findings_panel(EditorState& s, const UiFonts& fonts, const Layout& layout) {
  ImGui::SetNextWindowPos(ImVec2(layout.origin.x, layout.origin.y + layout.left_top_h));
  ImGui::SetNextWindowSize(ImVec2(layout.left_w, layout.size.y - layout.bottom_h - layout.left_top_h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!ImGui::Begin("Findings", nullptr, flags)) {
    ImGui::End();
    return;
  }
  FindingsState& f = s.checks;
  if (!s.document()) {
    ImGui::TextDisabled("No scene open.");
    ImGui::End();
    return;
  }
  if (!f.have) {
    ImGui::TextDisabled("Checking every beat from every camera…");
    ImGui::End();
    return;
  }
  // A prop the checks could not include: say so above everything, as the
  // command line refuses to check at all (closedset check exits 2).
  if (!s.mesh_errors.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(severity_color_u32(Severity::error)));
    ImGui::TextWrapped("Not a complete check: the checks leave out props whose mesh could not be loaded, so they mask "
                       "nothing. Fix the file or the path, then reopen the scene.");
    ImGui::PopStyleColor();
    for (const std::string& e : s.mesh_errors) ImGui::TextWrapped("  %s", e.c_str());
    ImGui::Separator();
  }
  int counts[3] = {0, 0, 0};
  for (const Finding& x : f.findings) ++counts[static_cast<int>(x.severity)];
  severity_toggle(f.show_error, Severity::error, counts[2]);
  ImGui::SameLine();
  severity_toggle(f.show_warning, Severity::warning, counts[1]);
  ImGui::SameLine();
  severity_toggle(f.show_info, Severity::info, counts[0]);
  if (f.running) {
    ImGui::SameLine();
    ImGui::TextDisabled("checking…");
  } else if (f.findings.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(s.mesh_errors.empty() ? "Nothing found: every beat keeps within the agreements."
                                              : "Nothing found with what could be loaded (see above).");
    ImGui::PopTextWrapPos();
  }

  // The selected finding, in full, below the list.
  const Finding* sel = nullptr;
  if (f.selected)
    for (const Finding& x : f.findings)
      if (x == *f.selected) sel = &x;
  const float detail_h = sel ? std::floor(ImGui::GetContentRegionAvail().y * 0.5f) : 0.0f;
  ImGui::BeginChild("##findings", ImVec2(0, -detail_h), false);
  if (f.running) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.55f);  // last results, out of date
  const float dot = ImGui::GetTextLineHeight() * 0.32f;
  ImGuiListClipper clipper;
  std::vector<int> rows;
  rows.reserve(f.findings.size());
  for (std::size_t i = 0; i < f.findings.size(); ++i)
    if (shown(f, f.findings[i].severity)) rows.push_back(static_cast<int>(i));
  const float row_h = ImGui::GetTextLineHeightWithSpacing() * 2;
  // When the playhead moves (playing, stepping, a click on the timeline), the
  // list follows it: the first finding still under way at the count comes to the top.
  static double followed_count = -1e300;
  static std::uint64_t followed_generation = 0;
  if (s.count != followed_count || f.generation != followed_generation) {
    followed_count = s.count;
    followed_generation = f.generation;
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (f.findings[static_cast<std::size_t>(rows[r])].to_count >= s.count - 1e-9) {
        ImGui::SetScrollY(static_cast<float>(r) * row_h);
        break;
      }
  }
  clipper.Begin(static_cast<int>(rows.size()), row_h);
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const Finding& x = f.findings[static_cast<std::size_t>(rows[static_cast<std::size_t>(r)])];
      ImGui::PushID(rows[static_cast<std::size_t>(r)]);
      const bool here = s.count >= x.from_count - 1e-9 && s.count <= x.to_count + 1e-9;
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const bool highlighted = here || f.hovered == rows[static_cast<std::size_t>(r)] || sel == &x;
      if (ImGui::Selectable("##row", highlighted, 0, ImVec2(0, row_h - ImGui::GetStyle().ItemSpacing.y)))
        go_to_finding(s, x);
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
        ImGui::PushFont(fonts.mono);  // the code in full: the row may cut it short
        ImGui::TextUnformatted(std::string(finding_info(x.code).id).c_str());
        ImGui::PopFont();
        ImGui::TextUnformatted(x.message.c_str());
        if (!x.suggestion.empty()) ImGui::TextDisabled("%s %s", fonts.arrow, x.suggestion.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const float lh = ImGui::GetTextLineHeight();
      if (sel == &x)  // the selected finding: a bar down its left edge
        dl->AddRectFilled(ImVec2(p.x - 4, p.y), ImVec2(p.x - 1, p.y + row_h - ImGui::GetStyle().ItemSpacing.y), IM_COL32(250, 220, 115, 255));
      dl->AddCircleFilled(ImVec2(p.x + dot + 2, p.y + lh * 0.5f + 1), dot, severity_color_u32(x.severity));
      char head[160];
      if (x.to_count > x.from_count) std::snprintf(head, sizeof head, "%g–%g  %s", x.from_count, x.to_count, std::string(finding_info(x.code).id).c_str());
      else std::snprintf(head, sizeof head, "%g  %s", x.from_count, std::string(finding_info(x.code).id).c_str());
      std::string where;
      if (!x.camera.empty()) where += "cam " + x.camera;
      if (!x.beat.empty()) where += (where.empty() ? "" : " · ") + x.beat;
      const float right = p.x + ImGui::GetContentRegionAvail().x;
      const float ww = ImGui::CalcTextSize(where.c_str()).x;
      dl->PushClipRect(ImVec2(p.x, p.y), ImVec2(right - ww - 10, p.y + lh), true);
      dl->AddText(fonts.mono, fonts.mono->FontSize, ImVec2(p.x + dot * 2 + 8, p.y), ImGui::GetColorU32(ImGuiCol_Text), head);
      dl->PopClipRect();
      dl->AddText(ImVec2(right - ww - 4, p.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), where.c_str());
      const ImVec2 a(p.x + dot * 2 + 8, p.y + lh), z(p.x + ImGui::GetContentRegionAvail().x, p.y + lh * 2 + 2);
      dl->PushClipRect(a, z, true);
      dl->AddText(a, ImGui::GetColorU32(ImGuiCol_TextDisabled), fitted(x.message, z.x - a.x - 2).c_str());
      dl->PopClipRect();
      ImGui::PopID();
    }
  }
  if (f.running) ImGui::PopStyleVar();
  ImGui::EndChild();
  if (sel) draw_selected_finding(s, *sel, fonts);
  ImGui::End();
}

}  // namespace cs::editor
