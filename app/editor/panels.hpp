// panels.hpp — one function per panel (one file each), called every frame in
// this order by EditorApp::draw_ui. Each reads the state and the document afresh.
#pragma once

#include <imgui.h>

#include "app/editor/state.hpp"
#include "notation/mesh_import.hpp"
#include "notation/stage.hpp"
#include "render/framebuffer.hpp"
#include "render/renderer.hpp"
#include "render/scene_geometry.hpp"

namespace cs::editor {

// GPU resources of the viewport, owned by the app, used by the viewport panel.
struct ViewportResources {
  render::Renderer renderer;
  render::Framebuffer target;
  PropMeshes meshes;   // imported meshes of `mesh` props, loaded with the document
  Stage stage;         // the document at built_count
  // The stage and geometry are rebuilt only when what they depend on changes.
  const Document* built_for = nullptr;
  double built_count = -1e300;
  std::string built_through, built_selected;
  std::size_t built_generation = 0;
  int built_detail = 0;
  bool interacting = false;  // the user was dragging in the viewport last frame
  // What the texture holds, to skip redrawing an unchanged picture.
  std::size_t geometry_serial = 0, drawn_geometry_serial = ~std::size_t{0};
  glm::mat4 drawn_view_proj{0.0f};
  int drawn_w = 0, drawn_h = 0, drawn_samples = -1;
  std::size_t generation = 0;  // bumped when the document is replaced or edited
  render::Geometry geometry;
};

// Fonts and symbols chosen at start-up (symbols fall back to ASCII with the default font).
struct UiFonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* mono = nullptr;
  float scale = 1.0f;
  const char* play = ">";
  const char* pause = "||";
  const char* prev_beat = "|<";
  const char* next_beat = ">|";
  const char* prev_count = "<";
  const char* next_count = ">";
  const char* arrow = "->";
  const char* dot = "*";
};

struct Layout {
  ImVec2 origin, size;  // the work area below the menu bar
  float left_w, right_w, bottom_h;
};

// What the menu asks of the app (handled after the frame).
struct MenuRequests {
  bool open_dialog = false;
  bool quit = false;
};

void apply_theme(float scale);
UiFonts load_fonts(float scale);

void draw_menu_bar(EditorState& s, const UiFonts& fonts, MenuRequests& requests);
void draw_cast_panel(EditorState& s, const UiFonts& fonts, const Layout& layout);
void draw_viewport_panel(EditorState& s, const UiFonts& fonts, const Layout& layout, ViewportResources& vr);
void draw_beat_panel(EditorState& s, const UiFonts& fonts, const Layout& layout);
void draw_timeline_panel(EditorState& s, const UiFonts& fonts, const Layout& layout);
void draw_status_bar(EditorState& s, const UiFonts& fonts, const Layout& layout);
// Modal listing every load error; opens itself when s.show_errors_popup is set.
void draw_load_errors_dialog(EditorState& s, const UiFonts& fonts);
// A small in-app file browser for *.closedset.json; returns a path when the user picks one.
std::optional<std::filesystem::path> draw_open_dialog(bool open_now, const std::filesystem::path& start_dir,
                                                      const UiFonts& fonts);

// Keyboard shortcuts that are not tied to one panel (Space, arrows, F, 1–9).
void handle_global_shortcuts(EditorState& s, MenuRequests& requests);

// Colours shared by panels (ImGui packed).
ImU32 performer_color_u32(int index, float alpha = 1.0f);

}  // namespace cs::editor
