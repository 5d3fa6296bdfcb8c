// editor_app.hpp — the editor as an object: a window, a GL context, ImGui, the
// panels, the files (new, open, save, recent, autosave and recovery) and the
// background checks. `run()` drives it from the event loop; GUI tests drive the
// same object frame by frame and call the same actions a click calls.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/editor/checks_worker.hpp"
#include "app/editor/export_job.hpp"
#include "app/editor/files.hpp"
#include "app/editor/panels.hpp"
#include "app/editor/state.hpp"
#include "notation/format.hpp"
#include "render/image.hpp"

struct GLFWwindow;
struct ImGuiContext;

namespace cs::editor {

struct AppConfig {
  int width = 1600, height = 900;  // window size in screen units
  bool vsync = true;
  bool headless_test = false;      // tests and scripted runs: no vsync, no ini file, fixed frame time
  // Where recent files and recovery copies live. Unset: default_config_dir(),
  // except in headless_test runs, which keep nothing unless given a folder.
  std::optional<std::filesystem::path> config_dir;
  double autosave_seconds = 60;    // autosave a dirty scene this often (0: every frame it changed)
  bool background_checks = true;   // run cs::run_checks after edits
  double checks_delay_seconds = 0.4;  // wait this long after the last change (headless: 0)
  // Mark the open scene with `.~lock.NAME#` (cs::claim_open_marker), so another
  // editor opening it warns. Unset: on, except in headless_test runs.
  std::optional<bool> open_markers;
};

// What the user asked for that first needs the unsaved-changes guard.
enum class FileAction { none, new_scene, open_dialog, open_path, quit };
enum class GuardChoice { save, discard, cancel };

class EditorApp {
 public:
  // Creates the window and GL/ImGui state. Returns nullptr with the reason
  // (no display, no OpenGL 3.3, shaders failed) in `error`.
  static std::unique_ptr<EditorApp> create(const AppConfig& config, std::string* error);
  ~EditorApp();
  EditorApp(const EditorApp&) = delete;
  EditorApp& operator=(const EditorApp&) = delete;

  // [SECTION] Files (no guard: the request() path adds it)
  // Loads a scene. On failure the current document stays, and the errors are
  // kept in state().load_errors and shown in a dialog. Returns success. A
  // recovery copy newer than the file is offered (recovery_offer()), or else
  // a complete copy an interrupted save left beside it; partial copies are
  // removed. When another editor has the scene open, a notice says who.
  bool open(const std::filesystem::path& path);
  // A new untitled scene: two performers, one camera, one placeholder beat.
  void new_scene();
  // Saves to the scene's file (cs::save_scene_file: atomic, keeps NAME.bak);
  // an untitled scene opens the Save As dialog instead. A failure is shown in a
  // dialog (state().notice) and returns false.
  bool save();
  // Saves to `path` (".closedset.json" added when it has no .json ending), which
  // becomes the scene's file.
  bool save_as(std::filesystem::path path);
  const std::vector<std::filesystem::path>& recent() const { return recent_; }
  const std::filesystem::path& config_dir() const { return config_dir_; }

  // [SECTION] Sealed scenes
  // Opening a sealed scene asks for its passphrase (a dialog), then calls
  // open_sealed(). False with the reason in state().notice (a wrong passphrase
  // changes nothing). While a sealed scene is open, its passphrase stays in
  // memory: saves, backups and autosaves are sealed with it.
  bool open_sealed(const std::filesystem::path& path, std::string passphrase);
  // File → Seal…: seals the scene's file in place (saving the open document),
  // removes its plain backups and its plain autosave. False with the reason.
  bool seal(std::string passphrase);
  bool sealed() const { return !passphrase_.empty(); }
  bool passphrase_requested() const { return pass_prompt_.kind != PassPrompt::none; }

  // [SECTION] The unsaved-changes guard
  // New, open and quit as the menus, shortcuts and the window's close button
  // ask: with unsaved changes, a dialog asks Save / Discard / Cancel first.
  void request(FileAction action, const std::filesystem::path& path = {});
  bool guard_pending() const { return pending_.action != FileAction::none; }
  void resolve_guard(GuardChoice choice);  // what the dialog's buttons call

  // [SECTION] Autosave and recovery
  // Writes the recovery copy now (the timer calls it every autosave_seconds
  // while the scene is dirty). False when there is nowhere to write or it failed.
  bool autosave_now();
  std::filesystem::path recovery_file() const;
  const std::optional<RecoveryOffer>& recovery_offer() const { return recovery_offer_; }
  // At start-up: offer the autosave of an untitled scene, unless another offer is up.
  void offer_untitled_recovery();
  // Recover (load the copy, dirty, same file) or discard (delete the copy).
  void resolve_recovery(bool recover);

  // [SECTION] Export (File → Export…)
  // Starts an export of the document as it is now, on its own thread; refused
  // (false, with the status line saying why) while another runs. The dialog
  // shows its progress, Cancel and the outcome.
  bool start_export(const ExportSettings& settings);
  ExportJob* export_job() { return export_job_.get(); }
  void open_export_dialog(ExportFormat format = ExportFormat::glb) {
    want_export_dialog_ = true;
    export_dialog_format_ = format;
  }

  // [SECTION] Frames
  // One frame: events, UI, drawing, swap. `capture` (if given) receives the
  // window's pixels as drawn, read back before the swap.
  void frame(render::Image* capture = nullptr);
  bool should_close() const;
  void request_close() { request(FileAction::quit); }
  // Runs frames until the findings shown are those of the current document
  // (or `timeout_s` passes). For tests and screenshots.
  bool wait_for_checks(double timeout_s = 60);

  // "ClosedSet — TITLE — FILE" with "•" when there are unsaved changes.
  std::string window_title() const;
  EditorState& state() { return state_; }
  // The viewport's stage, geometry and last view (tests project and click through it).
  ViewportResources& viewport() { return *viewport_; }
  GLFWwindow* window() const { return window_; }

 private:
  EditorApp() = default;
  void draw_ui();
  void update_title();
  void perform(FileAction action, const std::filesystem::path& path);
  void handle_requests(const MenuRequests& req);
  void document_replaced();
  void update_checks(double now);
  void update_autosave(double now);
  // The open-elsewhere marker follows state_.path: released for the old file, claimed for the new.
  void mark_open(const std::filesystem::path& previous);
  bool finish_open(const std::filesystem::path& path, LoadResult r);
  void forget_passphrase();

  AppConfig config_;
  GLFWwindow* window_ = nullptr;
  ImGuiContext* imgui_ = nullptr;  // each app has its own, so tests may open two
  EditorState state_;
  UiFonts fonts_;
  std::unique_ptr<ViewportResources> viewport_;
  std::unique_ptr<ChecksWorker> checks_;
  std::string applied_title_;
  double last_time_ = 0;
  bool atlas_nearest_ = false;

  // Files
  std::filesystem::path config_dir_;
  std::vector<std::filesystem::path> recent_;
  struct Pending {
    FileAction action = FileAction::none;
    std::filesystem::path path;
  };
  Pending pending_;                 // waiting for the guard dialog
  Pending after_save_as_;           // waiting for the Save As the guard's "Save" opened
  std::optional<RecoveryOffer> recovery_offer_;
  std::string passphrase_;          // the open sealed scene's; empty for a plain scene
  struct PassPrompt {
    enum Kind { none, open, seal } kind = none;
    std::filesystem::path path;
    bool show = false;              // open the dialog on the next frame
  };
  PassPrompt pass_prompt_;
  bool show_guard_ = false, show_recovery_ = false;
  bool want_open_dialog_ = false, want_save_as_dialog_ = false, want_export_dialog_ = false;
  ExportFormat export_dialog_format_ = ExportFormat::glb;  // what the Export dialog opens with
  std::unique_ptr<ExportJob> export_job_;
  bool export_reported_ = false;   // the finished job's outcome is in the status line
  bool quit_confirmed_ = false;
  double last_autosave_ = 0;
  std::uint64_t autosaved_generation_ = 0;

  // Checks
  std::uint64_t checks_requested_ = ~std::uint64_t{0};
  std::uint64_t last_seen_generation_ = ~std::uint64_t{0};
  double last_change_time_ = 0;
};

}  // namespace cs::editor
