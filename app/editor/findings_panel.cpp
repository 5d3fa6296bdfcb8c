// findings_panel.cpp — the left column's lower half: what the checks found,
// by count, filterable by severity. Click a finding to go to its count and look
// through its camera. The checks run in the background after every edit
// (EditorApp::update_checks); while they run, the list shows the last results, dimmed.
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/editor/panels.hpp"

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
  std::snprintf(label, sizeof label, "%d %s%s", n, severity_word(s), n == 1 ? "" : "s");
  ImGui::PushStyleColor(ImGuiCol_Text, on && n > 0 ? ImGui::ColorConvertU32ToFloat4(severity_color_u32(s))
                                                    : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::PushStyleColor(ImGuiCol_Button, on ? ImVec4(0.20f, 0.21f, 0.24f, 1) : ImVec4(0, 0, 0, 0));
  if (ImGui::SmallButton(label)) on = !on;
  ImGui::PopStyleColor(2);
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
    ImGui::TextDisabled("Nothing found: every beat keeps within the agreements.");
  }

  ImGui::BeginChild("##findings", ImVec2(0, 0), false);
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
      if (ImGui::Selectable("##row", here || f.hovered == rows[static_cast<std::size_t>(r)], 0, ImVec2(0, row_h - ImGui::GetStyle().ItemSpacing.y)))
        go_to_finding(s, x);
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
        ImGui::TextUnformatted(x.message.c_str());
        if (!x.suggestion.empty()) ImGui::TextDisabled("%s %s", fonts.arrow, x.suggestion.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const float lh = ImGui::GetTextLineHeight();
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
      dl->AddText(a, ImGui::GetColorU32(ImGuiCol_TextDisabled), x.message.c_str());
      dl->PopClipRect();
      ImGui::PopID();
    }
  }
  if (f.running) ImGui::PopStyleVar();
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace cs::editor
