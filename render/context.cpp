#include "render/context.hpp"

#include <cstdio>
#include <cstdlib>

#include "render/gl.hpp"
#include <GLFW/glfw3.h>

namespace cs::render {

namespace {
std::string g_last_glfw_error;
void on_glfw_error(int code, const char* description) {
  g_last_glfw_error = description ? description : "";
  std::fprintf(stderr, "closedset: GLFW error %d: %s\n", code, g_last_glfw_error.c_str());
}
}  // namespace

bool ensure_glfw(std::string* error) {
  static bool initialised = false;
  if (initialised) return true;
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    if (error) *error = "cannot start GLFW (is there a display? on a headless machine use xvfb-run): " + g_last_glfw_error;
    return false;
  }
  initialised = true;
  std::atexit(glfwTerminate);
  return true;
}

void glfw_hint_gl33_core() {
  glfwDefaultWindowHints();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
}

bool load_gl(std::string* error) {
  const int version = gladLoadGL(glfwGetProcAddress);
  if (version == 0 || GLAD_VERSION_MAJOR(version) * 10 + GLAD_VERSION_MINOR(version) < 33) {
    if (error) *error = "OpenGL 3.3 core is not available from this driver";
    return false;
  }
  return true;
}

std::unique_ptr<HeadlessContext> HeadlessContext::create(std::string* error) {
  if (!ensure_glfw(error)) return nullptr;
  glfw_hint_gl33_core();
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  GLFWwindow* w = glfwCreateWindow(64, 64, "closedset offscreen", nullptr, nullptr);
  if (!w) {
    if (error) *error = "cannot create an OpenGL 3.3 core context: " + g_last_glfw_error;
    return nullptr;
  }
  std::unique_ptr<HeadlessContext> ctx(new HeadlessContext());
  ctx->window_ = w;
  glfwMakeContextCurrent(w);
  if (!load_gl(error)) return nullptr;
  return ctx;
}

HeadlessContext::~HeadlessContext() {
  if (window_) glfwDestroyWindow(window_);
}

void HeadlessContext::make_current() { glfwMakeContextCurrent(window_); }

}  // namespace cs::render
