// renderer.hpp — draws a Geometry from a ViewSetup into whatever framebuffer is
// bound: the editor's viewport texture, or an offscreen target for a PNG.
//
//   Renderer r;  if (!r.init(&error)) ...        // needs a current GL 3.3 context
//   r.set_geometry(build_stage_geometry(doc, count, opts));
//   fb.ensure(w, h); fb.bind(); r.draw(view, w, h); Image img = fb.read();
#pragma once

#include <string>

#include "render/geometry.hpp"
#include "render/image.hpp"
#include "render/shader.hpp"
#include "render/view.hpp"

namespace cs::render {

struct DrawOptions {
  bool grid = true;
  bool frame_overlay = true;           // dim outside the frame lines when looking through a camera
  glm::vec4 background_top{0.155f, 0.165f, 0.185f, 1};
  glm::vec4 background_bottom{0.085f, 0.09f, 0.10f, 1};
  float outline_px = 2.0f;             // width of the selection's outline (Geometry::outline_indices)
};

class Renderer {
 public:
  Renderer() = default;
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;
  ~Renderer();

  // Builds shaders and buffers. Returns false with the reason (a shader's file
  // name and compiler log) in `error`.
  bool init(std::string* error);
  bool ready() const { return static_cast<bool>(mesh_program_); }

  // Uploads the scene; it stays until the next call.
  void set_geometry(const Geometry& g);
  // Clears and draws into the bound framebuffer of `width`×`height` pixels.
  void draw(const ViewSetup& view, int width, int height, const DrawOptions& options = {});

 private:
  struct Buffer {
    GLuint vao = 0, vbo = 0, ebo = 0;
    GLsizei count = 0;
  };
  void upload_lines(Buffer& b, const std::vector<LineVertex>& v);
  void draw_lines(const Buffer& b, GLenum mode, const glm::mat4& view_proj, glm::vec3 eye, float fade);

  void draw_outline(const glm::mat4& view_proj, int width, int height, float px);

  Program mesh_program_, line_program_, outline_program_;
  Buffer mesh_, lines_, grid_, overlay_;
  Buffer outline_;  // the mesh's vertices, the selection's triangles
};

// Draws `geometry` seen from `view` into a new offscreen picture of
// `width`×`height` (4× multisampled). Needs a current GL context and an
// initialised renderer. This is the path `closedset render` and exports take.
Image render_offscreen(Renderer& renderer, const Geometry& geometry, const ViewSetup& view, int width, int height,
                       const DrawOptions& options = {});

}  // namespace cs::render
