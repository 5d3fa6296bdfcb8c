// editor_app.cpp — window, GL context, ImGui set-up and the frame, following
// ocornut/imgui v1.86 examples/example_glfw_opengl3/main.cpp for the order of
// initialisation, the loop and shutdown; the files (new, open, save, recent,
// the unsaved-changes guard, autosave and recovery) and the background checks.
//
// [SECTION] Creation and shutdown
// [SECTION] Files
// [SECTION] Guard
// [SECTION] Autosave and recovery
// [SECTION] Checks
// [SECTION] Frame
#include "app/editor/editor_app.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <chrono>
#include <cstdint>
#include <thread>

#include "notation/new_scene.hpp"
#include "render/context.hpp"
#include "render/gl.hpp"
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "notation/format.hpp"
#include "notation/phrasing.hpp"
#include "notation/seal.hpp"

namespace cs::editor {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// [SECTION] Creation and shutdown

std::unique_ptr<EditorApp> EditorApp::create(const AppConfig& config, std::string* error) {
  if (!render::ensure_glfw(error)) return nullptr;
  render::glfw_hint_gl33_core();
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  std::unique_ptr<EditorApp> app(new EditorApp());
  app->config_ = config;
  if (config.headless_test) app->config_.checks_delay_seconds = 0;
  app->window_ = glfwCreateWindow(config.width, config.height, "ClosedSet", nullptr, nullptr);
  if (!app->window_) {
    if (error) *error = "cannot open a window with OpenGL 3.3 core (on a headless machine, run under xvfb-run)";
    return nullptr;
  }
  glfwMakeContextCurrent(app->window_);
  glfwSwapInterval(config.vsync && !config.headless_test ? 1 : 0);
  if (!render::load_gl(error)) return nullptr;

  float xscale = 1, yscale = 1;
  glfwGetWindowContentScale(app->window_, &xscale, &yscale);
  const float scale = std::clamp(std::max(xscale, yscale), 1.0f, 4.0f);

  IMGUI_CHECKVERSION();
  app->imgui_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(app->imgui_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is fixed; nothing to remember between runs yet
  apply_theme(scale);
  ImGui_ImplGlfw_InitForOpenGL(app->window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  app->fonts_ = load_fonts(scale);

  app->viewport_ = std::make_unique<ViewportResources>();
  if (!app->viewport_->renderer.init(error)) return nullptr;
  CheckOptions o;
  // Leave a core for the editor (and llvmpipe) on small machines.
  o.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency() / 2));
  if (config.background_checks) app->checks_ = std::make_unique<ChecksWorker>(o, [] { glfwPostEmptyEvent(); });
  // A camera move suggested in the findings panel measures as the checks do:
  // the same options, and the document's prop meshes (which the worker gets per request).
  o.meshes = &app->viewport_->meshes;
  app->state_.checks.options = o;
  app->config_dir_ = config.config_dir ? *config.config_dir : config.headless_test ? fs::path() : default_config_dir();
  app->recent_ = load_recent(app->config_dir_);
  app->last_time_ = glfwGetTime();
  app->last_autosave_ = app->last_time_;
  app->update_title();
  return app;
}

EditorApp::~EditorApp() {
  if (!state_.path.empty() && config_.open_markers.value_or(!config_.headless_test)) release_open_marker(state_.path);
  checks_.reset();  // joins the worker before the document goes
  ImGuiContext* previous = ImGui::GetCurrentContext();
  if (window_) glfwMakeContextCurrent(window_);
  viewport_.reset();  // GL objects go while the context is current
  if (imgui_) {
    ImGui::SetCurrentContext(imgui_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(imgui_);
    ImGui::SetCurrentContext(previous != imgui_ ? previous : nullptr);
  }
  if (window_) glfwDestroyWindow(window_);
}

// ---------------------------------------------------------------------------
// [SECTION] Files

void EditorApp::document_replaced() {
  EditorState& s = state_;
  s.count = s.first_count();
  s.playing = false;
  s.through_camera.clear();
  s.masking_camera.clear();
  s.drag = {};
  s.frame_request = true;
  const CheckOptions options = s.checks.options;
  s.checks = FindingsState{};
  s.checks.options = options;
  drop_missing_selection(s);
  start_take_draft(s);
  viewport_->meshes = s.history.has_document() ? load_prop_meshes(s.history.doc(), s.path.parent_path()) : PropMeshes{};
  s.mesh_errors = viewport_->meshes.errors;
  viewport_->exposure.reset();
  autosaved_generation_ = s.history.generation();
  last_autosave_ = glfwGetTime();
  update_title();
}

bool EditorApp::open(const fs::path& path) {
  if (file_is_sealed(path)) {
    pass_prompt_ = {PassPrompt::open, path, true};
    state_.status = path.filename().string() + " is sealed: enter its passphrase";
    return false;
  }
  forget_passphrase();
  return finish_open(path, load_scene_file(path));
}

bool EditorApp::open_sealed(const fs::path& path, std::string passphrase) {
  LoadResult r = load_sealed_scene_file(path, passphrase);
  if (!r.ok()) {
    wipe(passphrase);
    state_.notice = Notice{"Could not open " + path.filename().string(), "", {}};
    for (const Diagnostic& d : r.errors) state_.notice->message += d.message;
    state_.notice->message += "\nThe scene that was open is unchanged.";
    state_.status = "Could not open " + path.filename().string();
    return false;
  }
  forget_passphrase();
  passphrase_ = std::move(passphrase);
  return finish_open(path, std::move(r));
}

void EditorApp::forget_passphrase() { wipe(passphrase_); }

bool EditorApp::seal(std::string passphrase) {
  if (!state_.history.has_document() || state_.path.empty()) {
    wipe(passphrase);
    state_.status = "Save the scene to a file first; then seal it";
    return false;
  }
  SaveOptions o;
  o.keep_backup = false;  // a backup now would be the plain text
  const SaveResult r = save_sealed_scene_file(state_.history.doc(), state_.path, passphrase, o);
  if (!r.ok) {
    wipe(passphrase);
    state_.notice = Notice{"Could not seal", r.error + "\nThe file on disk is unchanged.", {}};
    return false;
  }
  forget_passphrase();
  passphrase_ = std::move(passphrase);
  std::string error;
  const std::size_t removed = remove_plain_backups(state_.path, &error).size();
  remove_recovery(config_dir_, state_.path);  // a plain autosave
  state_.history.mark_saved();
  state_.status = "Sealed " + state_.path.filename().string() + "; it opens only with the passphrase";
  if (removed) state_.status += "  ·  removed " + plural(static_cast<long long>(removed), "plain backup");
  for (const std::string& w : r.warnings) state_.status += "  ·  " + w;
  if (!error.empty()) state_.notice = Notice{"A plain backup is left", error, {}};
  update_title();
  return true;
}

bool EditorApp::finish_open(const fs::path& path, LoadResult r) {
  if (!r.ok()) {
    LoadErrors e;
    e.file = path.string();
    for (const Diagnostic& d : r.errors) e.lines.push_back(format_diagnostic(d));
    if (r.suppressed > 0) e.lines.push_back("... and " + std::to_string(r.suppressed) + " more problems");
    if (e.lines.empty()) e.lines.push_back(path.string() + ": cannot be opened");
    e.kept_previous = state_.history.has_document();
    state_.load_errors = std::move(e);
    state_.show_errors_popup = true;
    state_.status = "Could not open " + path.filename().string();
    return false;
  }
  const bool same_file = !state_.path.empty() && state_.path == path;
  const fs::path previous = state_.path;
  state_.history.reset(std::move(*r.document));
  state_.path = path;
  mark_open(previous);
  // Reopening the same file keeps what is selected (if it is still there).
  if (!same_file) state_.selection = {};
  document_replaced();
  state_.status = "Opened " + path.string();
  if (!viewport_->meshes.ok()) state_.status += "  ·  " + viewport_->meshes.errors.front();
  recent_ = add_recent(config_dir_, path);
  std::string tidied;
  recovery_offer_ = find_recovery(config_dir_, path);
  std::optional<RecoveryOffer> interrupted = tidy_interrupted_saves(path, &tidied);
  if (!recovery_offer_) recovery_offer_ = std::move(interrupted);
  if (!tidied.empty()) state_.status += "  ·  " + tidied;
  show_recovery_ = recovery_offer_.has_value();
  return true;
}

void EditorApp::mark_open(const fs::path& previous) {
  if (!config_.open_markers.value_or(!config_.headless_test)) return;
  if (!previous.empty() && previous != state_.path) release_open_marker(previous);
  if (state_.path.empty()) return;
  if (const std::optional<OpenMarker> other = open_elsewhere(state_.path)) {
    state_.notice = Notice{"Open in another editor",
                           state_.path.filename().string() + " is open in another ClosedSet: " + other->user + " on " +
                               other->host + " (process " + std::to_string(other->pid) + "), since " + other->since +
                               ".\nIf you both save, the later save replaces the other's changes (the earlier one is "
                               "kept as " + state_.path.filename().string() + ".bak). Agree who edits, or save under "
                               "another name.",
                           {}};
    return;  // their marker stays: it is theirs
  }
  std::string error;
  if (!claim_open_marker(state_.path, &error)) state_.status += "  ·  Could not mark the scene as open: " + error;
}

void EditorApp::new_scene() {
  Document d = cs::new_scene();
  forget_passphrase();
  const fs::path previous = state_.path;
  state_.history.reset(std::move(d));
  state_.path.clear();
  mark_open(previous);
  state_.selection = {};
  document_replaced();
  state_.status = "New scene";
  recovery_offer_ = find_recovery(config_dir_, {});
  show_recovery_ = recovery_offer_.has_value();
}

bool EditorApp::save() {
  if (!state_.history.has_document()) return false;
  if (state_.path.empty()) {
    want_save_as_dialog_ = true;
    return false;
  }
  const SaveResult r = sealed() ? save_sealed_scene_file(state_.history.doc(), state_.path, passphrase_)
                                 : save_scene_file(state_.history.doc(), state_.path);
  if (!r.ok) {
    state_.notice = Notice{"Could not save", r.error + "\nThe file on disk is unchanged; your changes are still open here.", {}};
    state_.status = "Could not save " + state_.path.filename().string();
    return false;
  }
  state_.history.mark_saved();
  remove_recovery(config_dir_, state_.path);
  recent_ = add_recent(config_dir_, state_.path);
  state_.status = "Saved " + state_.path.string();
  for (const std::string& w : r.warnings) state_.status += "  ·  " + w;
  update_title();
  return true;
}

bool EditorApp::start_export(const ExportSettings& settings) {
  EditorState& s = state_;
  if (!s.history.has_document()) return false;
  if (export_job_ && !export_job_->finished()) {
    s.status = "An export is still running: wait for it or cancel it first";
    return false;
  }
  export_job_ = std::make_unique<ExportJob>(s.history.doc(), s.path.empty() ? fs::current_path() : s.path.parent_path(),
                                            settings);
  export_reported_ = false;
  s.status = "Exporting " + settings.out.filename().string() + "…";
  return true;
}

bool EditorApp::save_as(fs::path path) {
  if (!state_.history.has_document() || path.empty()) return false;
  if (path.extension() != ".json") path += ".closedset.json";
  const fs::path previous = state_.path;
  const SaveResult r = sealed() ? save_sealed_scene_file(state_.history.doc(), path, passphrase_)
                                 : save_scene_file(state_.history.doc(), path);
  if (!r.ok) {
    state_.notice = Notice{"Could not save", r.error + "\nNothing was written; your changes are still open here.", {}};
    state_.status = "Could not save " + path.filename().string();
    return false;
  }
  remove_recovery(config_dir_, previous);
  state_.path = path;
  mark_open(previous);
  state_.history.mark_saved();
  remove_recovery(config_dir_, path);
  recent_ = add_recent(config_dir_, path);
  state_.status = "Saved " + path.string();
  for (const std::string& w : r.warnings) state_.status += "  ·  " + w;
  update_title();
  return true;
}

// ---------------------------------------------------------------------------
// [SECTION] Guard

void EditorApp::request(FileAction action, const fs::path& path) {
  if (action == FileAction::none) return;
  // Opening asks for the file first; the guard comes when one is picked.
  if (action != FileAction::open_dialog && state_.dirty()) {
    pending_ = {action, path};
    show_guard_ = true;
    return;
  }
  perform(action, path);
}

void EditorApp::perform(FileAction action, const fs::path& path) {
  switch (action) {
    case FileAction::none: break;
    case FileAction::new_scene: new_scene(); break;
    case FileAction::open_dialog: want_open_dialog_ = true; break;
    case FileAction::open_path: open(path); break;
    case FileAction::quit:
      // Quitting with nothing unsaved (or discarded): no recovery copy is needed.
      if (state_.history.has_document()) remove_recovery(config_dir_, state_.path);
      quit_confirmed_ = true;
      glfwSetWindowShouldClose(window_, GLFW_TRUE);
      break;
  }
}

void EditorApp::resolve_guard(GuardChoice choice) {
  const Pending p = pending_;
  pending_ = {};
  show_guard_ = false;
  switch (choice) {
    case GuardChoice::cancel: state_.status = "Cancelled"; break;
    case GuardChoice::discard:
      remove_recovery(config_dir_, state_.path);
      perform(p.action, p.path);
      break;
    case GuardChoice::save:
      if (state_.path.empty()) {
        after_save_as_ = p;  // Save As first; the action follows a successful save
        want_save_as_dialog_ = true;
      } else if (save()) {
        perform(p.action, p.path);
      }
      break;
  }
}

// ---------------------------------------------------------------------------
// [SECTION] Autosave and recovery

fs::path EditorApp::recovery_file() const {
  return config_dir_.empty() ? fs::path() : recovery_path(config_dir_, state_.path);
}

bool EditorApp::autosave_now() {
  if (config_dir_.empty() || !state_.history.has_document()) return false;
  std::string error;
  autosaved_generation_ = state_.history.generation();
  last_autosave_ = glfwGetTime();
  if (!write_recovery(config_dir_, state_.path, state_.history.doc(), &error, passphrase_)) {
    state_.status = "Autosave failed: " + error;
    return false;
  }
  return true;
}

void EditorApp::update_autosave(double now) {
  if (config_dir_.empty() || !state_.dirty() || state_.history.editing()) return;
  if (state_.history.generation() == autosaved_generation_) return;
  if (now - last_autosave_ < config_.autosave_seconds) return;
  autosave_now();
}

void EditorApp::offer_untitled_recovery() {
  if (recovery_offer_) return;
  recovery_offer_ = find_recovery(config_dir_, {});
  show_recovery_ = recovery_offer_.has_value();
}

void EditorApp::resolve_recovery(bool recover) {
  show_recovery_ = false;
  if (!recovery_offer_) return;
  const RecoveryOffer o = *recovery_offer_;
  recovery_offer_.reset();
  if (!recover) {
    std::error_code ec;
    fs::remove(o.recovery, ec);
    state_.status = "Discarded the recovered changes";
    return;
  }
  LoadResult r = load_sealed_scene_file(o.recovery, passphrase_);  // a plain copy loads as it is
  if (!r.ok()) {
    state_.notice = Notice{"Could not recover", "The recovery copy " + o.recovery.string() + " does not load; it was left in place.", {}};
    for (const Diagnostic& d : r.errors) state_.notice->lines.push_back(format_diagnostic(d));
    return;
  }
  if (state_.path != o.file) state_.selection = {};
  state_.history.reset(std::move(*r.document), /*saved=*/false);
  state_.path = o.file;
  document_replaced();
  state_.status = (o.interrupted_save ? "Recovered the interrupted save of " : "Recovered unsaved changes from ") +
                  o.when + "; save to keep them";
}

// ---------------------------------------------------------------------------
// [SECTION] Checks

void EditorApp::update_checks(double now) {
  FindingsState& f = state_.checks;
  if (!checks_) return;
  const std::uint64_t gen = state_.history.generation();
  if (auto r = checks_->take()) {
    // Results for an older document are dropped: a newer run is on its way.
    if (r->generation == gen) {
      f.findings = std::move(r->findings);
      f.generation = r->generation;
      f.have = true;
      f.seconds = r->seconds;
      f.hovered = -1;
      // The selected finding stays selected while the checks still find it.
      if (f.selected && std::find(f.findings.begin(), f.findings.end(), *f.selected) == f.findings.end()) f.selected.reset();
      if (!f.selected || (f.suggestion && (f.suggestion->finding != *f.selected || f.suggestion->generation != r->generation)))
        f.suggestion.reset();
      if (!r->error.empty()) state_.status = "The checks failed: " + r->error;
    }
  }
  if (!state_.history.has_document()) {
    const CheckOptions options = f.options;
    f = FindingsState{};
    f.options = options;
    return;
  }
  if (gen != last_seen_generation_) {
    last_seen_generation_ = gen;
    last_change_time_ = now;
  }
  // Debounced: not while an interaction is open, and only once the document has
  // been still for a moment.
  if (gen != checks_requested_ && !state_.history.editing() && now - last_change_time_ >= config_.checks_delay_seconds) {
    checks_->request(state_.history.doc(), gen, std::make_shared<const PropMeshes>(viewport_->meshes));
    checks_requested_ = gen;
  }
  f.running = f.generation != gen || !f.have;
}

bool EditorApp::wait_for_checks(double timeout_s) {
  if (!checks_ || !state_.history.has_document()) return false;
  const auto t0 = std::chrono::steady_clock::now();
  for (;;) {
    frame();
    if (state_.checks.have && state_.checks.generation == state_.history.generation()) return true;
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() > timeout_s) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

// ---------------------------------------------------------------------------
// [SECTION] Frame

std::string EditorApp::window_title() const {
  if (!state_.history.has_document()) return "ClosedSet";
  std::string t = state_.dirty() ? "• ClosedSet — " : "ClosedSet — ";
  const Document& d = state_.history.doc();
  t += d.scene.title.empty() ? std::string("Untitled scene") : d.scene.title;
  t += " — " + (state_.path.empty() ? std::string("not saved") : state_.path.filename().string());
  return t;
}

void EditorApp::update_title() {
  const std::string t = window_title();
  if (t != applied_title_) {
    glfwSetWindowTitle(window_, t.c_str());
    applied_title_ = t;
  }
}

bool EditorApp::should_close() const { return glfwWindowShouldClose(window_); }

void EditorApp::handle_requests(const MenuRequests& req) {
  if (req.save) save();
  if (req.save_as) want_save_as_dialog_ = true;
  if (req.seal) pass_prompt_ = {PassPrompt::seal, state_.path, true};
  if (req.export_dialog) open_export_dialog();
  if (req.new_scene) request(FileAction::new_scene);
  if (req.open_dialog) request(FileAction::open_dialog);
  if (req.open_path) request(FileAction::open_path, *req.open_path);
  if (req.quit) request(FileAction::quit);
}

void EditorApp::draw_ui() {
  EditorState& s = state_;
  MenuRequests req;
  draw_menu_bar(s, fonts_, recent_, config_dir_, req);
  handle_global_shortcuts(s, req);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float menu_h = ImGui::GetFrameHeight();
  const float status_h = ImGui::GetFrameHeight();
  Layout layout;
  layout.origin = ImVec2(vp->Pos.x, vp->Pos.y + menu_h);
  layout.size = ImVec2(vp->Size.x, vp->Size.y - menu_h - status_h);
  layout.left_w = std::clamp(layout.size.x * 0.20f, 250.0f * fonts_.scale, 380.0f * fonts_.scale);
  layout.right_w = std::clamp(layout.size.x * 0.21f, 260.0f * fonts_.scale, 380.0f * fonts_.scale);
  layout.bottom_h = std::clamp(layout.size.y * 0.36f, 220.0f * fonts_.scale, 440.0f * fonts_.scale);
  layout.left_top_h = std::floor((layout.size.y - layout.bottom_h) * 0.5f);

  drop_missing_selection(s);  // an edit may have removed what was selected
  if (s.on_the_day) {
    draw_take_log_panel(s, fonts_, layout);  // the whole left column: the day's log
  } else {
    draw_cast_panel(s, fonts_, layout);
    draw_findings_panel(s, fonts_, layout);
  }
  draw_viewport_panel(s, fonts_, layout, *viewport_);
  draw_inspector_panel(s, fonts_, layout);
  draw_timeline_panel(s, fonts_, layout);
  draw_body_map_window(s, fonts_, layout);  // over the viewport while a performer's map is open
  draw_status_bar(s, fonts_, layout);

  // A field's interaction whose widget went away (the beat under the playhead
  // changed while typing) or that ended on a click (the +/- of a number) ends
  // here, so the history never stays open. Timeline drags (beats, camera moves),
  // viewport tools' drags, body-map strokes and breath-cue drags end on their own release.
  if (s.history.editing() && s.drag.kind == BeatDrag::none && !s.move_drag.active &&
      viewport_->gesture != ViewGesture::tool && s.notation.stroke.empty() && !s.notation.breath_drag.active &&
      !ImGui::IsAnyItemActive())
    finish_interaction(s);

  // [SECTION] Dialogs (one at a time; a modal blocks the rest)
  draw_load_errors_dialog(s, fonts_);
  draw_notice_dialog(s, fonts_);
  draw_beat_delete_dialog(s, fonts_);
  const std::string name = s.path.empty() ? std::string("the untitled scene") : s.path.filename().string();
  const char* doing = pending_.action == FileAction::quit        ? "before closing"
                      : pending_.action == FileAction::new_scene ? "before starting a new scene"
                                                                 : "before opening another scene";
  const bool guard_now = show_guard_ && pending_.action != FileAction::none && !ImGui::IsPopupOpen("Unsaved changes");
  switch (draw_unsaved_dialog(guard_now, name, doing, fonts_)) {
    case UnsavedChoice::save: resolve_guard(GuardChoice::save); break;
    case UnsavedChoice::discard: resolve_guard(GuardChoice::discard); break;
    case UnsavedChoice::cancel: resolve_guard(GuardChoice::cancel); break;
    case UnsavedChoice::none: break;
  }
  show_guard_ = show_guard_ && pending_.action != FileAction::none;
  if (pass_prompt_.kind != PassPrompt::none) {
    const bool opening = pass_prompt_.kind == PassPrompt::open;
    const std::string sealed_name = pass_prompt_.path.filename().string();
    std::string typed;
    const PassphraseChoice c = draw_passphrase_dialog(
        pass_prompt_.show && !ImGui::IsPopupOpen("Passphrase"),
        opening ? sealed_name + " is sealed" : "Seal " + sealed_name,
        opening ? "Enter the passphrase it was sealed with."
                : "The file, its backups and its autosaves will open only with this passphrase. It cannot be "
                  "recovered if it is forgotten: keep it where the production keeps its other secrets.",
        !opening, fonts_, typed);
    pass_prompt_.show = false;
    if (c != PassphraseChoice::none) {
      const PassPrompt p = pass_prompt_;
      pass_prompt_ = {};
      if (c == PassphraseChoice::ok) {
        if (p.kind == PassPrompt::open) open_sealed(p.path, std::move(typed));
        else seal(std::move(typed));
      } else {
        state_.status = "Cancelled";
      }
      wipe(typed);
    }
  }
  if (recovery_offer_) {
    const std::string rname = recovery_offer_->file.empty() ? std::string("an untitled scene") : recovery_offer_->file.filename().string();
    const bool now = show_recovery_ && !ImGui::IsPopupOpen("Recover unsaved changes");
    switch (draw_recovery_dialog(now, rname, recovery_offer_->when, recovery_offer_->interrupted_save, fonts_)) {
      case RecoveryChoice::recover: resolve_recovery(true); break;
      case RecoveryChoice::discard: resolve_recovery(false); break;
      case RecoveryChoice::none: break;
    }
  }

  const fs::path start = s.path.empty() ? fs::current_path() : s.path.parent_path();
  if (auto picked = draw_file_dialog(FileDialogMode::open, want_open_dialog_, start, "", fonts_))
    request(FileAction::open_path, *picked);
  want_open_dialog_ = false;
  bool cancelled = false;
  const std::string suggested = s.path.empty() ? std::string("untitled.closedset.json") : s.path.filename().string();
  if (auto picked = draw_file_dialog(FileDialogMode::save, want_save_as_dialog_, start, suggested, fonts_, &cancelled)) {
    const Pending then = after_save_as_;
    after_save_as_ = {};
    if (save_as(*picked)) perform(then.action, then.path);
  }
  if (cancelled) after_save_as_ = {};
  want_save_as_dialog_ = false;

  // A new visit to the dialog starts from the form, unless an export still runs.
  if (want_export_dialog_ && export_job_ && export_job_->finished()) export_job_.reset();
  const ExportDialogResult ex = draw_export_dialog(
      want_export_dialog_ ? std::optional<ExportFormat>(export_dialog_format_) : std::nullopt, s, export_job_.get(), fonts_);
  want_export_dialog_ = false;
  if (ex.start) start_export(*ex.start);
  if (ex.cancel && export_job_) export_job_->cancel();
  if (ex.close && export_job_ && export_job_->finished()) export_job_.reset();
  if (export_job_ && export_job_->finished() && !export_reported_) {
    s.status = export_job_->outcome().message;
    export_reported_ = true;
  }

  handle_requests(req);
}

void EditorApp::frame(render::Image* capture) {
  glfwMakeContextCurrent(window_);
  ImGui::SetCurrentContext(imgui_);
  // Idle, the editor sleeps until an event (or a quarter second) instead of
  // spinning; playing, it draws every frame.
  if (config_.headless_test || state_.playing || viewport_->interacting) glfwPollEvents();
  else glfwWaitEventsTimeout(export_job_ && !export_job_->finished() ? 0.05 : 0.25);  // an export's bar moves
  // The window's close button asks through the unsaved-changes guard.
  if (glfwWindowShouldClose(window_) && !quit_confirmed_) {
    glfwSetWindowShouldClose(window_, GLFW_FALSE);
    request(FileAction::quit);
  }
  const double now = glfwGetTime();
  const double dt = config_.headless_test ? 1.0 / 60.0 : std::clamp(now - last_time_, 0.0, 0.25);
  last_time_ = now;
  advance_playback(state_, dt);
  update_checks(now);
  update_autosave(now);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // Scripted runs and tests must not depend on where the pointer happens to be
  // (a tooltip in a screenshot); they drive the state directly.
  if (config_.headless_test) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ImGui::NewFrame();
  if (!atlas_nearest_) {
    // The backend made the font atlas in NewFrame; every glyph sits on whole
    // pixels (load_fonts), so nearest sampling gives the same picture, cheaper.
    const auto tex = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(ImGui::GetIO().Fonts->TexID));
    if (tex) {
      glBindTexture(GL_TEXTURE_2D, tex);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
      glBindTexture(GL_TEXTURE_2D, 0);
      atlas_nearest_ = true;
    }
  }
  viewport_->present = false;
  draw_ui();
  ImGui::Render();

  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, w, h);
  glClearColor(0.07f, 0.075f, 0.085f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (viewport_->present) {
    const ViewportResources& v = *viewport_;
    v.target.blit_to_default(v.present_x0, h - v.present_y1, v.present_x1, h - v.present_y0);
  }
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (capture) {
    glReadBuffer(GL_BACK);
    *capture = render::read_pixels(w, h);
  }
  glfwSwapBuffers(window_);
  update_title();
}

}  // namespace cs::editor
