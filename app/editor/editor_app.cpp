// editor_app.cpp — window, GL context, ImGui set-up and the frame, following
// ocornut/imgui v1.86 examples/example_glfw_opengl3/main.cpp for the order of
// initialisation, the loop and shutdown.
#include "app/editor/editor_app.hpp"

#include <algorithm>
#include <cfloat>

#include "render/context.hpp"
#include "render/gl.hpp"
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "notation/format.hpp"

namespace cs::editor {

std::unique_ptr<EditorApp> EditorApp::create(const AppConfig& config, std::string* error) {
  if (!render::ensure_glfw(error)) return nullptr;
  render::glfw_hint_gl33_core();
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  std::unique_ptr<EditorApp> app(new EditorApp());
  app->config_ = config;
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
  app->last_time_ = glfwGetTime();
  app->update_title();
  return app;
}

EditorApp::~EditorApp() {
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

bool EditorApp::open(const std::filesystem::path& path) {
  LoadResult r = load_scene_file(path);
  if (!r.ok()) {
    LoadErrors e;
    e.file = path.string();
    for (const Diagnostic& d : r.errors) e.lines.push_back(format_diagnostic(d));
    if (r.suppressed > 0) e.lines.push_back("... and " + std::to_string(r.suppressed) + " more problems");
    if (e.lines.empty()) e.lines.push_back(path.string() + ": cannot be opened");
    e.kept_previous = state_.doc.has_value();
    state_.load_errors = std::move(e);
    state_.show_errors_popup = true;
    state_.status = "Could not open " + path.filename().string();
    return false;
  }
  state_.doc = std::move(r.document);
  state_.path = path;
  viewport_->meshes = load_prop_meshes(*state_.doc, path.parent_path());
  state_.count = state_.doc->first_count();
  state_.playing = false;
  state_.through_camera.clear();
  state_.frame_request = true;
  state_.status = "Opened " + path.string();
  if (!viewport_->meshes.ok()) state_.status += "  ·  " + viewport_->meshes.errors.front();
  ++viewport_->generation;
  update_title();
  return true;
}

std::string EditorApp::window_title() const {
  if (!state_.doc) return "ClosedSet";
  std::string t = "ClosedSet — ";
  t += state_.doc->scene.title.empty() ? std::string("Untitled scene") : state_.doc->scene.title;
  if (!state_.path.empty()) t += " — " + state_.path.filename().string();
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
void EditorApp::request_close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

void EditorApp::draw_ui() {
  MenuRequests req;
  draw_menu_bar(state_, fonts_, req);
  handle_global_shortcuts(state_, req);
  if (req.quit) request_close();
  if (req.open_dialog) want_open_dialog_ = true;

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float menu_h = ImGui::GetFrameHeight();
  const float status_h = ImGui::GetFrameHeight();
  Layout layout;
  layout.origin = ImVec2(vp->Pos.x, vp->Pos.y + menu_h);
  layout.size = ImVec2(vp->Size.x, vp->Size.y - menu_h - status_h);
  layout.left_w = std::clamp(layout.size.x * 0.19f, 240.0f * fonts_.scale, 340.0f * fonts_.scale);
  layout.right_w = std::clamp(layout.size.x * 0.21f, 260.0f * fonts_.scale, 380.0f * fonts_.scale);
  layout.bottom_h = std::clamp(layout.size.y * 0.36f, 220.0f * fonts_.scale, 440.0f * fonts_.scale);

  draw_cast_panel(state_, fonts_, layout);
  draw_viewport_panel(state_, fonts_, layout, *viewport_);
  draw_beat_panel(state_, fonts_, layout);
  draw_timeline_panel(state_, fonts_, layout);
  draw_status_bar(state_, fonts_, layout);
  draw_load_errors_dialog(state_, fonts_);

  const std::filesystem::path start = state_.path.empty() ? std::filesystem::current_path() : state_.path.parent_path();
  if (auto picked = draw_open_dialog(want_open_dialog_, start, fonts_)) open(*picked);
  want_open_dialog_ = false;
}

void EditorApp::frame(render::Image* capture) {
  glfwMakeContextCurrent(window_);
  ImGui::SetCurrentContext(imgui_);
  // Idle, the editor sleeps until an event (or a quarter second) instead of
  // spinning; playing, it draws every frame.
  if (config_.headless_test || state_.playing || viewport_->interacting) glfwPollEvents();
  else glfwWaitEventsTimeout(0.25);
  const double now = glfwGetTime();
  const double dt = config_.headless_test ? 1.0 / 60.0 : std::clamp(now - last_time_, 0.0, 0.25);
  last_time_ = now;
  advance_playback(state_, dt);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // Scripted runs and tests must not depend on where the pointer happens to be
  // (a tooltip in a screenshot); they drive the state directly.
  if (config_.headless_test) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ImGui::NewFrame();
  draw_ui();
  ImGui::Render();

  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, w, h);
  glClearColor(0.07f, 0.075f, 0.085f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (capture) {
    glReadBuffer(GL_BACK);
    *capture = render::read_pixels(w, h);
  }
  glfwSwapBuffers(window_);
  update_title();
}

}  // namespace cs::editor
