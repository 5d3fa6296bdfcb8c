// shader.hpp — GLSL programs built from the shaders embedded from shaders/.
#pragma once

#include <string>
#include <string_view>

#include "render/gl.hpp"

namespace cs::render {

// The text of shaders/NAME as embedded at build time; empty when there is none.
std::string_view embedded_shader(std::string_view name);

// A linked program. Move-only; deletes itself.
class Program {
 public:
  Program() = default;
  Program(Program&& o) noexcept : id_(o.id_) { o.id_ = 0; }
  Program& operator=(Program&& o) noexcept;
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;
  ~Program();

  // Compiles and links shaders/VERT + shaders/FRAG. On failure returns an empty
  // program and sets `error` to the file name and the driver's log.
  static Program build(std::string_view vert, std::string_view frag, std::string* error);

  GLuint id() const { return id_; }
  explicit operator bool() const { return id_ != 0; }
  GLint uniform(const char* name) const { return glGetUniformLocation(id_, name); }

 private:
  GLuint id_ = 0;
};

}  // namespace cs::render
