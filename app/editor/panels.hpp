// panels.hpp — one function per panel (one file each), called every frame in
// this order by EditorApp::draw_ui. Each reads the state and the document afresh.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/editor/state.hpp"
#include "app/editor/viewport_tools.hpp"
#include "notation/consent.hpp"
#include "notation/mesh_import.hpp"
#include "notation/stage.hpp"
#include "render/framebuffer.hpp"
#include "render/renderer.hpp"
#include "render/scene_geometry.hpp"

namespace cs::editor {

// The lens block's shot size, cast by the masking engine once per (document
// generation, count, camera) rather than every frame.
struct LensHudCache {
  bool valid = false;
  std::uint64_t generation = 0;
  double count = 0;
  std::string camera;
  int width = 0;          // the masking grid it was cast on
  std::string shot;       // shot size name, "" when no performer is in front of the lens
  double subject_m = 0;   // distance to the shot performer's chest
};

// GPU resources of the viewport, owned by the app, used by the viewport panel.
struct ViewportResources {
  render::Renderer renderer;
  render::Framebuffer target;
  PropMeshes meshes;   // imported meshes of `mesh` props, loaded with the document
  Stage stage;         // the document at built_count
  // The stage and geometry are rebuilt only when what they depend on changes.
  std::uint64_t built_generation = ~std::uint64_t{0};
  double built_count = -1e300;
  std::string built_through, built_selected, built_mask_camera;
  Selection built_outline;   // the selection the geometry outlines
  int built_glow = -1;       // the region glow it was built with (performer × 1000 + region), −1 none
  render::ColorMode built_color = render::ColorMode::performer;
  int built_detail = 0;
  bool interacting = false;  // the user was dragging in the viewport last frame
  // The tool slot and the gesture in progress (viewport_tools.hpp): decided at
  // the press, kept until release.
  std::vector<std::unique_ptr<ViewportTool>> tools;
  ViewGesture gesture = ViewGesture::none;
  ViewportTool* tool_in_hand = nullptr;
  float press_travel_px = 0;   // how far the pointer has moved since the press
  // What the texture holds, to skip redrawing an unchanged picture.
  std::size_t geometry_serial = 0, drawn_geometry_serial = ~std::size_t{0};
  glm::mat4 drawn_view_proj{0.0f};
  int drawn_w = 0, drawn_h = 0, drawn_samples = -1;
  // Where the picture goes in the window this frame (framebuffer pixels, from
  // the top left); EditorApp::frame copies it there before ImGui draws.
  bool present = false;
  int present_x0 = 0, present_y0 = 0, present_x1 = 0, present_y1 = 0;
  render::Geometry geometry;
  // Masking colour mode: the exposure of the chosen camera at built_count,
  // from the masking engine's ray counts.
  std::optional<CameraExposure> exposure;
  LensHudCache lens_hud;
  // The view the picture was last drawn from, so a click can be turned into a
  // ray through the same pixel of the same stage.
  render::ViewSetup view;
  bool view_valid = false;
};

// A click on the viewport's picture at `ndc` (normalised device coordinates of
// the picture: x right, y up, in [−1, 1]): selects the performer, camera or prop
// under it (notation/pick.hpp, against the stage drawn), or clears the selection
// on empty space. What the viewport calls on a click; tests call it too.
// Returns what was hit.
PickHit click_in_viewport(EditorState& s, const ViewportResources& vr, glm::vec2 ndc);
// The box F frames: the selection as staged, or the whole cast.
render::Bounds frame_bounds(const EditorState& s, const Stage& stage);

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
  float left_top_h;     // the Scene panel; Findings fills the rest of the left column
};

// What the menu and the shortcuts ask of the app (handled after the frame):
// file actions, which may need the unsaved-changes guard.
struct MenuRequests {
  bool new_scene = false;
  bool open_dialog = false;
  std::optional<std::filesystem::path> open_path;  // a recent file, or the scene of a recovery copy
  bool save = false;
  bool save_as = false;
  bool seal = false;                               // File → Seal…
  bool export_dialog = false;
  bool quit = false;
};

void apply_theme(float scale);
UiFonts load_fonts(float scale);

// [SECTION] Rows that wrap (notation_widgets.cpp): the next item goes on the
// same line as the one before when its `width` fits, else on the next, so a
// row of buttons or checkboxes never runs out of a narrow panel.
void flow_next(float width, bool first);
// A button placed so (a small one unless `small` is false); true when clicked.
bool flow_button(const char* label, bool first, bool small = true);
// A checkbox placed so.
bool flow_checkbox(const char* label, bool* value, bool first);

// `config_dir` is where recovery copies are (File → Recover… lists them).
void draw_menu_bar(EditorState& s, const UiFonts& fonts, const std::vector<std::filesystem::path>& recent,
                   const std::filesystem::path& config_dir, MenuRequests& requests);
void draw_cast_panel(EditorState& s, const UiFonts& fonts, const Layout& layout);
void draw_findings_panel(EditorState& s, const UiFonts& fonts, const Layout& layout);
// "On the day": the take log, in the findings panel's place while s.on_the_day (takes_panel.cpp).
void draw_take_log_panel(EditorState& s, const UiFonts& fonts, const Layout& layout);
void draw_viewport_panel(EditorState& s, const UiFonts& fonts, const Layout& layout, ViewportResources& vr);
// The right column: whatever is selected (inspector_panel.cpp); the beat's part is beat_panel.cpp.
void draw_inspector_panel(EditorState& s, const UiFonts& fonts, const Layout& layout);
// The beat at `index` (the playhead's or the selected one), inside the inspector's window.
void draw_beat_inspector(EditorState& s, const UiFonts& fonts, int index);
void draw_timeline_panel(EditorState& s, const UiFonts& fonts, const Layout& layout);
// A performer's body map, rider and garments (body_map_panel.cpp), over the viewport while open.
void draw_body_map_window(EditorState& s, const UiFonts& fonts, const Layout& layout);
void draw_status_bar(EditorState& s, const UiFonts& fonts, const Layout& layout);

// [SECTION] Dialogs (dialogs.cpp)
// Modal listing every load error; opens itself when s.show_errors_popup is set.
void draw_load_errors_dialog(EditorState& s, const UiFonts& fonts);
// Modal for s.notice (a refused edit, a failed save); closes by clearing it.
void draw_notice_dialog(EditorState& s, const UiFonts& fonts);
// "Delete beat b04? Takes name it": shows which, deletes on yes (s.pending_beat_delete).
void draw_beat_delete_dialog(EditorState& s, const UiFonts& fonts);
// "Save changes to NAME?" Save / Discard / Cancel; the choice once clicked.
enum class UnsavedChoice { none, save, discard, cancel };
UnsavedChoice draw_unsaved_dialog(bool open_now, const std::string& scene_name, const std::string& doing, const UiFonts& fonts);
// "Recover unsaved changes?" Recover / Discard; the choice once clicked.
enum class RecoveryChoice { none, recover, discard };
// A passphrase, typed hidden (twice when `confirm`). Returns ok with the
// passphrase in `out` (its buffers wiped), cancel, or none while it is open.
enum class PassphraseChoice { none, ok, cancel };
PassphraseChoice draw_passphrase_dialog(bool open_now, const std::string& title, const std::string& message, bool confirm,
                                        const UiFonts& fonts, std::string& out);

// `interrupted_save`: the copy is one a save left when it was killed, not an autosave.
RecoveryChoice draw_recovery_dialog(bool open_now, const std::string& scene_name, const std::string& when,
                                    bool interrupted_save, const UiFonts& fonts);
// A small in-app file browser for *.closedset.json. Open: picks an existing
// file. Save: picks a name (asks before replacing a file). `cancelled` is set
// when the user closes it without a choice.
enum class FileDialogMode { open, save };
std::optional<std::filesystem::path> draw_file_dialog(FileDialogMode mode, bool open_now, const std::filesystem::path& start_dir,
                                                      const std::string& suggested_name, const UiFonts& fonts,
                                                      bool* cancelled = nullptr);

// Keyboard shortcuts that are not tied to one panel (Ctrl+Z/Y/S/O/N/Q, Space, arrows, F, 1–9).
void handle_global_shortcuts(EditorState& s, MenuRequests& requests);

// Colours shared by panels (ImGui packed).
ImU32 performer_color_u32(int index, float alpha = 1.0f);
ImU32 severity_color_u32(Severity severity, float alpha = 1.0f);
ImU32 vec4_u32(const glm::vec4& c);

}  // namespace cs::editor
