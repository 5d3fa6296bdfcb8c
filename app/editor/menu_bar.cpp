// menu_bar.cpp — the main menu, the status bar and the window-wide shortcuts.
#include <cstdio>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/editor/files.hpp"
#include "app/editor/panels.hpp"
#include "notation/phrasing.hpp"
#include "render/scene_geometry.hpp"

namespace cs::editor {

namespace {

const char* color_mode_name(render::ColorMode m) {
  switch (m) {
    case render::ColorMode::performer: return "By performer";
    case render::ColorMode::consent: return "By consent (touch)";
    case render::ColorMode::masking: return "By masking from the camera";
  }
  return "";
}

}  // namespace

void draw_menu_bar(EditorState& s, const UiFonts&, const std::vector<std::filesystem::path>& recent,
                   const std::filesystem::path& config_dir, MenuRequests& req) {
  if (!ImGui::BeginMainMenuBar()) return;
  const bool has_doc = s.history.has_document();
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("New", "Ctrl+N")) req.new_scene = true;
    if (ImGui::MenuItem("Open…", "Ctrl+O")) req.open_dialog = true;
    if (ImGui::BeginMenu("Open Recent", !recent.empty())) {
      for (const auto& p : recent)
        if (ImGui::MenuItem(p.filename().string().c_str(), nullptr)) req.open_path = p;
        else if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.string().c_str());
      ImGui::EndMenu();
    }
    // Unsaved work of other scenes, autosaved when their editor stopped
    // without saving (a crash): opening the scene offers the copy.
    if (ImGui::BeginMenu("Recover…", !config_dir.empty())) {
      const std::vector<RecoveryListing> copies = list_recoveries(config_dir, recent, s.path);
      if (copies.empty()) ImGui::TextDisabled("No unsaved work to recover");
      for (const RecoveryListing& c : copies) {
        const std::string label = c.name + "  ·  autosaved " + c.offer.when;
        const bool known = !c.offer.file.empty();
        if (ImGui::MenuItem(label.c_str(), nullptr, false, known)) req.open_path = c.offer.file;
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
          ImGui::SetTooltip("%s", known       ? ("Open " + c.offer.file.string() + " and offer its unsaved changes").c_str()
                                  : c.untitled ? "Offered when the editor starts"
                                               : (c.offer.recovery.string() + "\nIts scene is not among the recent files; "
                                                  "the copy is a scene file you can open and save elsewhere.").c_str());
      }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Save", "Ctrl+S", false, has_doc)) req.save = true;
    if (ImGui::MenuItem("Save As…", "Ctrl+Shift+S", false, has_doc)) req.save_as = true;
    if (ImGui::MenuItem("Seal…", nullptr, false, has_doc && !s.path.empty())) req.seal = true;
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("Encrypt the scene's file with a passphrase: it, its backups and its autosaves open only with it");
    ImGui::Separator();
    if (ImGui::MenuItem("Export…", "Ctrl+E", false, has_doc)) req.export_dialog = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) req.quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    const std::string undo_label = s.history.can_undo() ? "Undo " + s.history.undo_label() : std::string("Undo");
    const std::string redo_label = s.history.can_redo() ? "Redo " + s.history.redo_label() : std::string("Redo");
    if (ImGui::MenuItem(undo_label.c_str(), "Ctrl+Z", false, s.history.can_undo())) undo(s);
    if (ImGui::MenuItem(redo_label.c_str(), "Ctrl+Shift+Z", false, s.history.can_redo())) redo(s);
    ImGui::Separator();
    const int current = current_beat_index(s);
    if (ImGui::MenuItem("Add beat at playhead", "B", false, has_doc)) add_beat_at_playhead(s);
    if (ImGui::MenuItem("Split beat at playhead", "S", false, current >= 0)) split_beat_at_playhead(s);
    if (ImGui::MenuItem("Delete beat", "Delete", false, current >= 0)) delete_beat(s, static_cast<std::size_t>(current));
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    const Document* d = s.document();
    if (ImGui::MenuItem("Free view", "0", s.through_camera.empty())) s.through_camera.clear();
    if (d) {
      for (std::size_t i = 0; i < d->cameras.size(); ++i) {
        const Camera& c = d->cameras[i];
        char label[128], key[24];
        std::snprintf(label, sizeof label, "Camera %s  (%.0f mm)", c.id.c_str(), c.focal_mm);
        std::snprintf(key, sizeof key, "%zu", i + 1);
        if (ImGui::MenuItem(label, i < 9 ? key : nullptr, s.through_camera == c.id)) s.through_camera = c.id;
      }
    }
    ImGui::Separator();
    for (render::ColorMode m : {render::ColorMode::performer, render::ColorMode::consent, render::ColorMode::masking})
      if (ImGui::MenuItem(color_mode_name(m), nullptr, s.color_mode == m)) s.color_mode = m;
    ImGui::Separator();
    const std::string frame_label = s.selection.empty() ? std::string("Frame the cast") : "Frame the " + selection_name(s);
    if (ImGui::MenuItem(frame_label.c_str(), "F")) frame_selection(s);
    if (ImGui::MenuItem("Clear the selection", "Esc", false, !s.selection.empty())) clear_selection(s);
    ImGui::Separator();
    if (ImGui::MenuItem("On the day (take log)", nullptr, s.on_the_day)) s.on_the_day = !s.on_the_day;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Playback")) {
    if (ImGui::MenuItem(s.playing ? "Pause" : "Play", "Space")) toggle_play(s);
    if (ImGui::MenuItem("Loop current beat", nullptr, s.loop_beat)) s.loop_beat = !s.loop_beat;
    ImGui::Separator();
    if (ImGui::MenuItem("Next count", "Right")) step_count(s, +1);
    if (ImGui::MenuItem("Previous count", "Left")) step_count(s, -1);
    if (ImGui::MenuItem("Next beat", "Down")) step_beat(s, +1);
    if (ImGui::MenuItem("Previous beat", "Up")) step_beat(s, -1);
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void handle_global_shortcuts(EditorState& s, MenuRequests& req) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
  // ImGui 1.86 keys are the backend's native codes (GLFW_KEY_*).
  auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
  if (io.KeyCtrl) {
    if (pressed(GLFW_KEY_Z)) io.KeyShift ? redo(s) : undo(s);
    if (pressed(GLFW_KEY_Y)) redo(s);
    if (pressed(GLFW_KEY_S)) (io.KeyShift ? req.save_as : req.save) = true;
    if (pressed(GLFW_KEY_O)) req.open_dialog = true;
    if (pressed(GLFW_KEY_E)) req.export_dialog = s.history.has_document();
    if (pressed(GLFW_KEY_N)) req.new_scene = true;
    if (pressed(GLFW_KEY_Q)) req.quit = true;
    return;
  }
  if (pressed(GLFW_KEY_SPACE)) toggle_play(s);
  if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) step_count(s, +1);
  if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) step_count(s, -1);
  if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) step_beat(s, +1);
  if (ImGui::IsKeyPressed(GLFW_KEY_UP)) step_beat(s, -1);
  if (pressed(GLFW_KEY_HOME)) set_count(s, s.first_count());
  if (pressed(GLFW_KEY_END)) set_count(s, s.last_count());
  if (pressed(GLFW_KEY_F)) frame_selection(s);
  if (pressed(GLFW_KEY_B)) add_beat_at_playhead(s);
  if (pressed(GLFW_KEY_S)) split_beat_at_playhead(s);
  if (pressed(GLFW_KEY_DELETE) && current_beat_index(s) >= 0) delete_beat(s, static_cast<std::size_t>(current_beat_index(s)));
  if (pressed(GLFW_KEY_0)) s.through_camera.clear();
  if (pressed(GLFW_KEY_ESCAPE)) escape(s);
  for (int k = 1; k <= 9; ++k)
    if (pressed(GLFW_KEY_0 + k)) look_through_index(s, static_cast<std::size_t>(k - 1));
}

void draw_status_bar(EditorState& s, const UiFonts&, const Layout& layout) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - h));
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 2));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.10f, 0.105f, 0.12f, 1));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("##status", nullptr, flags)) {
    ImGui::AlignTextToFramePadding();
    if (s.dirty()) {
      ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.35f, 1), "\u25CF unsaved");
      ImGui::SameLine();
    }
    ImGui::TextDisabled("%s", s.status.empty() ? "Ready" : s.status.c_str());
    if (const Document* d = s.document()) {
      char right[200];
      const char* checking = s.checks.running ? "checking…  ·  " : "";
      std::snprintf(right, sizeof right, "%s%s  ·  v%d  ·  %.0f bpm  ·  %s", checking,
                    std::string(vocab_label(d->choreography.status)).c_str(), d->choreography.version, d->choreography.tempo_bpm,
                    plural(static_cast<long long>(d->choreography.beats.size()), "beat").c_str());
      ImGui::SameLine(layout.size.x - ImGui::CalcTextSize(right).x - 12);
      ImGui::TextDisabled("%s", right);
    }
  }
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
}

}  // namespace cs::editor
