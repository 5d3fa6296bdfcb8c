// dialogs.cpp — the modals: every load error, a notice (refused edit, failed
// save), the unsaved-changes guard, the recovery offer, the passphrase of a
// sealed scene, and a small in-app browser for opening and saving scene files.
#include <algorithm>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/editor/panels.hpp"
#include "notation/edits.hpp"
#include "notation/phrasing.hpp"
#include "notation/seal.hpp"

namespace cs::editor {

namespace {

void center_next(ImVec2 size) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (size.x > 0) ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
}

bool escape_pressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false); }
bool enter_pressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false); }

void bullet_lines(const std::vector<std::string>& lines, const UiFonts& fonts) {
  ImGui::PushFont(fonts.mono);
  for (const std::string& line : lines) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.62f, 0.55f, 1));
    ImGui::TextUnformatted("\u25CF");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(line.c_str());
  }
  ImGui::PopFont();
}

}  // namespace

void draw_load_errors_dialog(EditorState& s, const UiFonts& fonts) {
  const char* id = "Cannot open scene";
  if (s.show_errors_popup && s.load_errors) {
    ImGui::OpenPopup(id);
    s.show_errors_popup = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  center_next(ImVec2(std::min(vp->Size.x * 0.8f, 900 * fonts.scale), std::min(vp->Size.y * 0.7f, 520 * fonts.scale)));
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
  ImGui::TextDisabled("%s. %s", plural(static_cast<long long>(e.lines.size()), "problem").c_str(),
                      e.kept_previous ? "The scene that was open is unchanged." : "Nothing was opened.");
  ImGui::Spacing();
  const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("##errors", ImVec2(0, -footer), true, ImGuiWindowFlags_HorizontalScrollbar);
  bullet_lines(e.lines, fonts);
  ImGui::EndChild();
  if (ImGui::Button("Copy all")) {
    std::string all;
    for (const std::string& line : e.lines) all += line + "\n";
    ImGui::SetClipboardText(all.c_str());
  }
  ImGui::SameLine();
  if (ImGui::Button("Close") || escape_pressed()) {
    s.load_errors.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void draw_beat_delete_dialog(EditorState& s, const UiFonts& fonts) {
  const char* id = "Delete a beat the take log names";
  if (s.pending_beat_delete && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  center_next(ImVec2(std::min(vp->Size.x * 0.7f, 640 * fonts.scale), 0));
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!s.pending_beat_delete) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const PendingBeatDelete p = *s.pending_beat_delete;
  const Document* d = s.document();
  const int version = d ? version_after_change(*d) : 0;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(vp->Size.x * 0.65f, 600 * fonts.scale));
  ImGui::TextUnformatted(("Beat " + p.beat + " is named in the take log:").c_str());
  bullet_lines(p.named_by, fonts);
  ImGui::TextUnformatted(("If you delete it, those deviations are kept, marked \"beat removed in v" + std::to_string(version) +
                          "\". Ctrl+Z brings the beat back.").c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  if (ImGui::Button("Delete the beat", ImVec2(160 * fonts.scale, 0))) {
    delete_beat(s, p.index, true);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel", ImVec2(120 * fonts.scale, 0)) || escape_pressed()) {
    s.pending_beat_delete.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void draw_notice_dialog(EditorState& s, const UiFonts& fonts) {
  const char* id = "##notice";
  if (s.notice && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  center_next(ImVec2(std::min(vp->Size.x * 0.7f, 720 * fonts.scale), 0));
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
    return;
  if (!s.notice) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const float wrap = std::min(vp->Size.x * 0.7f, 700 * fonts.scale);
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(s.notice->title.c_str());
  ImGui::PopFont();
  ImGui::Separator();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextUnformatted(s.notice->message.c_str());
  ImGui::PopTextWrapPos();
  if (!s.notice->lines.empty()) {
    ImGui::Spacing();
    bullet_lines(s.notice->lines, fonts);
  }
  ImGui::Spacing();
  if (ImGui::Button("OK", ImVec2(120 * fonts.scale, 0)) || escape_pressed() || enter_pressed()) {
    s.notice.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

UnsavedChoice draw_unsaved_dialog(bool open_now, const std::string& scene_name, const std::string& doing, const UiFonts& fonts) {
  const char* id = "Unsaved changes";
  if (open_now) ImGui::OpenPopup(id);
  center_next(ImVec2(0, 0));
  UnsavedChoice choice = UnsavedChoice::none;
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) return choice;
  ImGui::PushFont(fonts.bold);
  ImGui::Text("Save the changes to %s %s?", scene_name.c_str(), doing.c_str());
  ImGui::PopFont();
  ImGui::TextDisabled("If you don't save, your changes since the last save are lost.");
  ImGui::Spacing();
  const ImVec2 button(120 * fonts.scale, 0);
  if (ImGui::Button("Save", button) || enter_pressed()) choice = UnsavedChoice::save;
  ImGui::SameLine();
  if (ImGui::Button("Don't save", button)) choice = UnsavedChoice::discard;
  ImGui::SameLine();
  if (ImGui::Button("Cancel", button) || escape_pressed()) choice = UnsavedChoice::cancel;
  if (choice != UnsavedChoice::none) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return choice;
}

RecoveryChoice draw_recovery_dialog(bool open_now, const std::string& scene_name, const std::string& when,
                                    bool interrupted_save, const UiFonts& fonts) {
  const char* id = "Recover unsaved changes";
  if (open_now) ImGui::OpenPopup(id);
  center_next(ImVec2(0, 0));
  RecoveryChoice choice = RecoveryChoice::none;
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) return choice;
  ImGui::PushFont(fonts.bold);
  if (interrupted_save) {
    ImGui::Text("A save of %s at %s was interrupted before it replaced the file.", scene_name.c_str(), when.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("Its copy is complete and newer than the file. Recover it (you can then save or undo), or "
                        "discard it (the file stays as it is).");
  } else {
    ImGui::Text("Changes to %s were autosaved at %s and never saved.", scene_name.c_str(), when.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("ClosedSet may have closed unexpectedly. Recover them (you can then save or undo), or discard them.");
  }
  ImGui::Spacing();
  const ImVec2 button(150 * fonts.scale, 0);
  if (ImGui::Button("Recover", button)) choice = RecoveryChoice::recover;
  ImGui::SameLine();
  if (ImGui::Button(interrupted_save ? "Discard it" : "Discard them", button)) choice = RecoveryChoice::discard;
  if (choice != RecoveryChoice::none) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return choice;
}

PassphraseChoice draw_passphrase_dialog(bool open_now, const std::string& title, const std::string& message, bool confirm,
                                        const UiFonts& fonts, std::string& out) {
  // The typed text lives only in these buffers, wiped when the dialog closes.
  static char first[256], second[256];
  static std::string problem;
  const char* id = "Passphrase";
  if (open_now) {
    explicit_bzero(first, sizeof first);
    explicit_bzero(second, sizeof second);
    problem.clear();
    ImGui::OpenPopup(id);
  }
  center_next(ImVec2(560 * fonts.scale, 0));
  PassphraseChoice choice = PassphraseChoice::none;
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) return choice;
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(title.c_str());
  ImGui::PopFont();
  ImGui::PushTextWrapPos(540 * fonts.scale);
  ImGui::TextDisabled("%s", message.c_str());
  ImGui::PopTextWrapPos();
  if (open_now) ImGui::SetKeyboardFocusHere();
  bool submit = ImGui::InputText("Passphrase", first, sizeof first, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  if (confirm)
    submit = ImGui::InputText("Again", second, sizeof second, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue) || submit;
  if (!problem.empty()) ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.4f, 1), "%s", problem.c_str());
  const ImVec2 button(150 * fonts.scale, 0);
  if (ImGui::Button("OK", button) || submit) {
    if (std::strlen(first) < kMinPassphraseBytes) problem = "Use at least " + std::to_string(kMinPassphraseBytes) + " characters.";
    else if (confirm && std::strcmp(first, second) != 0) problem = "The two passphrases differ.";
    else choice = PassphraseChoice::ok;
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel", button) || escape_pressed()) choice = PassphraseChoice::cancel;
  if (choice == PassphraseChoice::ok) out.assign(first);
  if (choice != PassphraseChoice::none) {
    explicit_bzero(first, sizeof first);
    explicit_bzero(second, sizeof second);
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return choice;
}

std::optional<std::filesystem::path> draw_file_dialog(FileDialogMode mode, bool open_now, const std::filesystem::path& start_dir,
                                                      const std::string& suggested_name, const UiFonts& fonts, bool* cancelled) {
  namespace fs = std::filesystem;
  // One browser at a time, so one set of state for both modes.
  static fs::path dir;
  static std::string typed;
  static std::optional<fs::path> confirm_replace;
  const bool saving = mode == FileDialogMode::save;
  const char* id = saving ? "Save scene as" : "Open scene";
  if (open_now) {
    dir = start_dir;
    typed = suggested_name;
    confirm_replace.reset();
    ImGui::OpenPopup(id);
  }
  center_next(ImVec2(720 * fonts.scale, 460 * fonts.scale));
  std::optional<fs::path> picked;
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings)) return picked;

  if (confirm_replace) {
    ImGui::PushFont(fonts.bold);
    ImGui::TextWrapped("%s already exists. Replace it?", confirm_replace->filename().string().c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("The file it replaces is kept as %s.bak (older versions as .bak.2 and .bak.3).",
                        confirm_replace->filename().string().c_str());
    if (ImGui::Button("Replace")) {
      picked = *confirm_replace;
      confirm_replace.reset();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Back") || escape_pressed()) confirm_replace.reset();
    ImGui::EndPopup();
    return picked;
  }

  ImGui::TextDisabled("Folder");
  ImGui::SameLine();
  ImGui::TextUnformatted(dir.string().c_str());
  // Folders first, then scene files (*.json); hidden entries skipped.
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
  std::optional<fs::path> chosen;
  for (const auto& f : files) {
    const std::string name = f.path().filename().string();
    if (ImGui::Selectable(name.c_str(), typed == name, ImGuiSelectableFlags_AllowDoubleClick)) {
      typed = name;
      if (ImGui::IsMouseDoubleClicked(0)) chosen = f.path();
    }
  }
  ImGui::EndChild();
  ImGui::SetNextItemWidth(-220 * fonts.scale);
  const bool enter = ImGui::InputTextWithHint("##file", "file name or path", &typed, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button(saving ? "Save" : "Open") || enter) && !typed.empty()) {
    const fs::path p(typed);
    chosen = p.is_absolute() ? p : dir / p;
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || escape_pressed()) {
    if (cancelled) *cancelled = true;
    ImGui::CloseCurrentPopup();
  }
  if (chosen) {
    fs::path target = *chosen;
    if (saving && target.extension() != ".json") target += ".closedset.json";
    std::error_code ec2;
    if (saving && fs::exists(target, ec2)) {
      confirm_replace = target;
    } else {
      picked = target;
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::EndPopup();
  return picked;
}

}  // namespace cs::editor
