// menu_bar.cpp — the main menu, the status bar and the window-wide shortcuts.
#include <cstdio>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/editor/panels.hpp"
#include "render/scene_geometry.hpp"

namespace cs::editor {

void draw_menu_bar(EditorState& s, const UiFonts&, MenuRequests& req) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open…", "Ctrl+O")) req.open_dialog = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) req.quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Free view", "0", s.through_camera.empty())) s.through_camera.clear();
    if (s.doc) {
      for (std::size_t i = 0; i < s.doc->cameras.size(); ++i) {
        const Camera& c = s.doc->cameras[i];
        char label[128], key[24];
        std::snprintf(label, sizeof label, "Camera %s  (%.0f mm)", c.id.c_str(), c.focal_mm);
        std::snprintf(key, sizeof key, "%zu", i + 1);
        if (ImGui::MenuItem(label, i < 9 ? key : nullptr, s.through_camera == c.id)) s.through_camera = c.id;
      }
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Frame scene", "F")) {
      s.frame_request = true;
      s.through_camera.clear();
    }
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
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O, false)) req.open_dialog = true;
  if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) req.quit = true;
  // ImGui 1.86 keys are the backend's native codes (GLFW_KEY_*).
  if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) toggle_play(s);
  if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) step_count(s, +1);
  if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) step_count(s, -1);
  if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) step_beat(s, +1);
  if (ImGui::IsKeyPressed(GLFW_KEY_UP)) step_beat(s, -1);
  if (ImGui::IsKeyPressed(GLFW_KEY_HOME, false)) set_count(s, s.first_count());
  if (ImGui::IsKeyPressed(GLFW_KEY_END, false)) set_count(s, s.last_count());
  if (io.KeyCtrl) return;
  if (ImGui::IsKeyPressed(GLFW_KEY_F, false)) {
    s.frame_request = true;
    s.through_camera.clear();
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_0, false) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) s.through_camera.clear();
  for (int k = 1; k <= 9; ++k)
    if (ImGui::IsKeyPressed(GLFW_KEY_0 + k, false)) look_through_index(s, static_cast<std::size_t>(k - 1));
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
    ImGui::TextDisabled("%s", s.status.empty() ? "Ready" : s.status.c_str());
    if (s.doc) {
      char right[160];
      std::snprintf(right, sizeof right, "%s  ·  v%d  ·  %.0f bpm  ·  %zu beats", std::string(vocab_name(s.doc->choreography.status)).c_str(),
                    s.doc->choreography.version, s.doc->choreography.tempo_bpm, s.doc->choreography.beats.size());
      ImGui::SameLine(layout.size.x - ImGui::CalcTextSize(right).x - 12);
      ImGui::TextDisabled("%s", right);
    }
  }
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
}

}  // namespace cs::editor
