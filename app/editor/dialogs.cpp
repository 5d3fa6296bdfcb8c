// dialogs.cpp — the modal that lists every load error, and a small in-app
// browser for opening scene files.
#include <algorithm>
#include <string>
#include <system_error>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/editor/panels.hpp"

namespace cs::editor {

void draw_load_errors_dialog(EditorState& s, const UiFonts& fonts) {
  const char* id = "Cannot open scene";
  if (s.show_errors_popup && s.load_errors) {
    ImGui::OpenPopup(id);
    s.show_errors_popup = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(vp->Size.x * 0.8f, 900 * fonts.scale), std::min(vp->Size.y * 0.7f, 520 * fonts.scale)),
                           ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  if (!s.load_errors) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const LoadErrors& e = *s.load_errors;
  ImGui::PushFont(fonts.bold);
  ImGui::TextWrapped("%s", e.file.c_str());
  ImGui::PopFont();
  ImGui::TextDisabled("%zu problem%s. %s", e.lines.size(), e.lines.size() == 1 ? "" : "s",
                      e.kept_previous ? "The scene that was open is unchanged." : "Nothing was opened.");
  ImGui::Spacing();
  const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("##errors", ImVec2(0, -footer), true, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PushFont(fonts.mono);
  for (const std::string& line : e.lines) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.62f, 0.55f, 1));
    ImGui::TextUnformatted("\u25CF");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(line.c_str());
  }
  ImGui::PopFont();
  ImGui::EndChild();
  if (ImGui::Button("Copy all")) {
    std::string all;
    for (const std::string& line : e.lines) all += line + "\n";
    ImGui::SetClipboardText(all.c_str());
  }
  ImGui::SameLine();
  if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    s.load_errors.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

std::optional<std::filesystem::path> draw_open_dialog(bool open_now, const std::filesystem::path& start_dir, const UiFonts& fonts) {
  namespace fs = std::filesystem;
  static fs::path dir;
  static std::string typed;
  const char* id = "Open scene";
  if (open_now) {
    dir = start_dir;
    typed.clear();
    ImGui::OpenPopup(id);
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(720 * fonts.scale, 460 * fonts.scale), ImGuiCond_Appearing);
  std::optional<fs::path> picked;
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings)) return picked;

  ImGui::TextDisabled("Folder");
  ImGui::SameLine();
  ImGui::TextUnformatted(dir.string().c_str());
  // Folders first, then scene files (*.closedset.json, *.json); hidden entries skipped.
  std::vector<fs::directory_entry> folders, files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code ec2;
    if (it->is_directory(ec2)) folders.push_back(*it);
    else if (it->path().extension() == ".json") files.push_back(*it);
  }
  auto by_name = [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path().filename() < b.path().filename(); };
  std::sort(folders.begin(), folders.end(), by_name);
  std::sort(files.begin(), files.end(), by_name);

  const float footer = ImGui::GetFrameHeightWithSpacing() * 2;
  ImGui::BeginChild("##entries", ImVec2(0, -footer), true);
  if (dir.has_parent_path() && dir != dir.root_path() && ImGui::Selectable("..", false, ImGuiSelectableFlags_AllowDoubleClick) &&
      ImGui::IsMouseDoubleClicked(0))
    dir = dir.parent_path();
  for (const auto& f : folders) {
    const std::string label = f.path().filename().string() + "/";
    if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick) && ImGui::IsMouseDoubleClicked(0)) dir = f.path();
  }
  for (const auto& f : files) {
    const std::string name = f.path().filename().string();
    if (ImGui::Selectable(name.c_str(), typed == name, ImGuiSelectableFlags_AllowDoubleClick)) {
      typed = name;
      if (ImGui::IsMouseDoubleClicked(0)) picked = f.path();
    }
  }
  ImGui::EndChild();
  ImGui::SetNextItemWidth(-220 * fonts.scale);
  const bool enter = ImGui::InputTextWithHint("##file", "file name or path", &typed, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Open") || enter) && !typed.empty()) {
    const fs::path p(typed);
    picked = p.is_absolute() ? p : dir / p;
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) ImGui::CloseCurrentPopup();
  if (picked) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return picked;
}

}  // namespace cs::editor
