#include "render/shader.hpp"

#include <string>
#include <vector>

namespace cs::render {

namespace {

// Returns 0 and fills `error` ("shaders/NAME: <log>") when compilation fails,
// in the spirit of imgui_impl_opengl3.cpp's CheckShader().
GLuint compile(GLenum type, std::string_view name, std::string* error) {
  const std::string_view text = embedded_shader(name);
  if (text.empty()) {
    if (error) *error = "shaders/" + std::string(name) + ": not embedded in this build";
    return 0;
  }
  const GLuint s = glCreateShader(type);
  const char* src = text.data();
  const auto len = static_cast<GLint>(text.size());
  glShaderSource(s, 1, &src, &len);
  glCompileShader(s);
  GLint ok = 0, log_len = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  glGetShaderiv(s, GL_INFO_LOG_LENGTH, &log_len);
  if (!ok) {
    std::vector<char> log(static_cast<std::size_t>(std::max(log_len, 1)));
    glGetShaderInfoLog(s, log_len, nullptr, log.data());
    if (error) *error = "shaders/" + std::string(name) + ": failed to compile:\n" + log.data();
    glDeleteShader(s);
    return 0;
  }
  return s;
}

}  // namespace

Program& Program::operator=(Program&& o) noexcept {
  if (this != &o) {
    if (id_) glDeleteProgram(id_);
    id_ = o.id_;
    o.id_ = 0;
  }
  return *this;
}

Program::~Program() {
  if (id_) glDeleteProgram(id_);
}

Program Program::build(std::string_view vert, std::string_view frag, std::string* error) {
  Program p;
  const GLuint vs = compile(GL_VERTEX_SHADER, vert, error);
  if (!vs) return p;
  const GLuint fs = compile(GL_FRAGMENT_SHADER, frag, error);
  if (!fs) {
    glDeleteShader(vs);
    return p;
  }
  const GLuint prog = glCreateProgram();
  glAttachShader(prog, vs);
  glAttachShader(prog, fs);
  glLinkProgram(prog);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0, log_len = 0;
  glGetProgramiv(prog, GL_LINK_STATUS, &ok);
  glGetProgramiv(prog, GL_INFO_LOG_LENGTH, &log_len);
  if (!ok) {
    std::vector<char> log(static_cast<std::size_t>(std::max(log_len, 1)));
    glGetProgramInfoLog(prog, log_len, nullptr, log.data());
    if (error) *error = "shaders/" + std::string(vert) + " + " + std::string(frag) + ": failed to link:\n" + log.data();
    glDeleteProgram(prog);
    return p;
  }
  p.id_ = prog;
  return p;
}

}  // namespace cs::render
