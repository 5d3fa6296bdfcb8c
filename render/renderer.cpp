#include "render/renderer.hpp"

#include <cstddef>
#include <vector>

#include <glm/gtc/type_ptr.hpp>

#include "render/framebuffer.hpp"

namespace cs::render {

namespace {

void quad(std::vector<LineVertex>& out, float x0, float y0, float x1, float y1, glm::vec4 c0, glm::vec4 c1 = {-1, 0, 0, 0}) {
  if (c1.x < 0) c1 = c0;  // c0 at the bottom, c1 at the top
  out.push_back({{x0, y0, 0}, c0});
  out.push_back({{x1, y0, 0}, c0});
  out.push_back({{x1, y1, 0}, c1});
  out.push_back({{x0, y0, 0}, c0});
  out.push_back({{x1, y1, 0}, c1});
  out.push_back({{x0, y1, 0}, c1});
}

// An outline of thickness (px, py) in NDC, drawn as four quads because core
// profile lines are one pixel wide.
void outline(std::vector<LineVertex>& out, glm::vec4 r, float px, float py, glm::vec4 c) {
  quad(out, r.x - px, r.y - py, r.z + px, r.y + py, c);
  quad(out, r.x - px, r.w - py, r.z + px, r.w + py, c);
  quad(out, r.x - px, r.y + py, r.x + px, r.w - py, c);
  quad(out, r.z - px, r.y + py, r.z + px, r.w - py, c);
}

}  // namespace

Renderer::~Renderer() {
  for (Buffer* b : {&mesh_, &lines_, &grid_, &overlay_, &outline_}) {
    if (b->vao) glDeleteVertexArrays(1, &b->vao);
    if (b->vbo && b != &outline_) glDeleteBuffers(1, &b->vbo);  // the outline shares the mesh's
    if (b->ebo) glDeleteBuffers(1, &b->ebo);
  }
}

bool Renderer::init(std::string* error) {
  mesh_program_ = Program::build("mesh.vert", "mesh.frag", error);
  if (!mesh_program_) return false;
  line_program_ = Program::build("line.vert", "line.frag", error);
  if (!line_program_) return false;
  outline_program_ = Program::build("outline.vert", "outline.frag", error);
  if (!outline_program_) return false;

  glGenVertexArrays(1, &mesh_.vao);
  glGenBuffers(1, &mesh_.vbo);
  glGenBuffers(1, &mesh_.ebo);
  glBindVertexArray(mesh_.vao);
  glBindBuffer(GL_ARRAY_BUFFER, mesh_.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh_.ebo);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(MeshVertex), reinterpret_cast<void*>(offsetof(MeshVertex, position)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(MeshVertex), reinterpret_cast<void*>(offsetof(MeshVertex, normal)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, sizeof(MeshVertex), reinterpret_cast<void*>(offsetof(MeshVertex, color)));

  // The outline draws some of the mesh's triangles: the same vertices, its own indices.
  glGenVertexArrays(1, &outline_.vao);
  glGenBuffers(1, &outline_.ebo);
  outline_.vbo = mesh_.vbo;
  glBindVertexArray(outline_.vao);
  glBindBuffer(GL_ARRAY_BUFFER, mesh_.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, outline_.ebo);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(MeshVertex), reinterpret_cast<void*>(offsetof(MeshVertex, position)));

  for (Buffer* b : {&lines_, &grid_, &overlay_}) {
    glGenVertexArrays(1, &b->vao);
    glGenBuffers(1, &b->vbo);
    glBindVertexArray(b->vao);
    glBindBuffer(GL_ARRAY_BUFFER, b->vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(LineVertex), reinterpret_cast<void*>(offsetof(LineVertex, position)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, sizeof(LineVertex), reinterpret_cast<void*>(offsetof(LineVertex, color)));
  }
  glBindVertexArray(0);
  return true;
}

void Renderer::upload_lines(Buffer& b, const std::vector<LineVertex>& v) {
  glBindBuffer(GL_ARRAY_BUFFER, b.vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(v.size() * sizeof(LineVertex)), v.data(), GL_DYNAMIC_DRAW);
  b.count = static_cast<GLsizei>(v.size());
}

void Renderer::set_geometry(const Geometry& g) {
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, mesh_.vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.vertices.size() * sizeof(MeshVertex)), g.vertices.data(),
               GL_DYNAMIC_DRAW);
  glBindVertexArray(mesh_.vao);  // the element buffer binding belongs to the VAO
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.indices.size() * sizeof(std::uint32_t)),
               g.indices.data(), GL_DYNAMIC_DRAW);
  glBindVertexArray(outline_.vao);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(g.outline_indices.size() * sizeof(std::uint32_t)),
               g.outline_indices.data(), GL_DYNAMIC_DRAW);
  glBindVertexArray(0);
  mesh_.count = static_cast<GLsizei>(g.indices.size());
  outline_.count = static_cast<GLsizei>(g.outline_indices.size());
  upload_lines(lines_, g.lines);
  upload_lines(grid_, g.grid_lines);
}

void Renderer::draw_lines(const Buffer& b, GLenum mode, const glm::mat4& view_proj, glm::vec3 eye, float fade) {
  if (b.count == 0) return;
  glUseProgram(line_program_.id());
  glUniformMatrix4fv(line_program_.uniform("u_view_proj"), 1, GL_FALSE, glm::value_ptr(view_proj));
  glUniform3fv(line_program_.uniform("u_eye"), 1, glm::value_ptr(eye));
  glUniform1f(line_program_.uniform("u_fade_distance"), fade);
  glBindVertexArray(b.vao);
  glDrawArrays(mode, 0, b.count);
}

void Renderer::draw(const ViewSetup& view, int width, int height, const DrawOptions& options) {
  if (!ready() || width <= 0 || height <= 0) return;
  const glm::mat4 vp = view.view_proj();
  const glm::mat4 identity(1.0f);

  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_CULL_FACE);
  // The background and the solids are opaque: drawn without blending, which a
  // software rasteriser (llvmpipe) would otherwise pay for on every pixel.
  // Lines and the viewfinder overlay blend.
  glDisable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glClearColor(options.background_bottom.r, options.background_bottom.g, options.background_bottom.b, 1);
  glClearDepth(1.0);
  glDepthMask(GL_TRUE);
  glClearStencil(0);
  glStencilMask(0xFF);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);

  // Background: a soft vertical gradient, drawn without depth.
  std::vector<LineVertex> bg;
  quad(bg, -1, -1, 1, 1, options.background_bottom, options.background_top);
  glDisable(GL_DEPTH_TEST);
  upload_lines(overlay_, bg);
  draw_lines(overlay_, GL_TRIANGLES, identity, glm::vec3(0), 0);

  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  if (mesh_.count > 0) {
    glUseProgram(mesh_program_.id());
    glUniformMatrix4fv(mesh_program_.uniform("u_view_proj"), 1, GL_FALSE, glm::value_ptr(vp));
    glUniform3fv(mesh_program_.uniform("u_eye"), 1, glm::value_ptr(view.eye));
    glBindVertexArray(mesh_.vao);
    glDrawElements(GL_TRIANGLES, mesh_.count, GL_UNSIGNED_INT, nullptr);
  }
  // Grid after the solids, without writing depth, so bodies lying on the floor
  // are not striped by it.
  glEnable(GL_BLEND);
  glDepthMask(GL_FALSE);
  if (options.grid) draw_lines(grid_, GL_LINES, vp, view.eye, 22.0f);
  draw_lines(lines_, GL_LINES, vp, view.eye, 0);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  if (outline_.count > 0 && options.outline_px > 0) draw_outline(vp, width, height, options.outline_px);
  glEnable(GL_BLEND);

  // Viewfinder overlay when looking through a camera.
  if (options.frame_overlay && view.frame_ndc) {
    glDisable(GL_DEPTH_TEST);
    const glm::vec4 f = *view.frame_ndc;
    const glm::vec4 dim(0.02f, 0.02f, 0.025f, 0.62f);
    std::vector<LineVertex> ov;
    quad(ov, -1, -1, 1, f.y, dim);
    quad(ov, -1, f.w, 1, 1, dim);
    quad(ov, -1, f.y, f.x, f.w, dim);
    quad(ov, f.z, f.y, 1, f.w, dim);
    const float px = 2.0f / static_cast<float>(width), py = 2.0f / static_cast<float>(height);
    if (view.sensor_ndc) outline(ov, *view.sensor_ndc, px * 0.5f, py * 0.5f, {0.8f, 0.8f, 0.8f, 0.25f});
    outline(ov, f, px * 0.75f, py * 0.75f, palette::frame_line());
    // Centre cross, a small fixed size in pixels.
    const float cx = (f.x + f.z) * 0.5f, cy = (f.y + f.w) * 0.5f;
    const glm::vec4 cross(1, 1, 1, 0.5f);
    quad(ov, cx - 12 * px, cy - 0.5f * py, cx + 12 * px, cy + 0.5f * py, cross);
    quad(ov, cx - 0.5f * px, cy - 12 * py, cx + 0.5f * px, cy + 12 * py, cross);
    upload_lines(overlay_, ov);
    draw_lines(overlay_, GL_TRIANGLES, identity, glm::vec3(0), 0);
  }
  glBindVertexArray(0);
  glUseProgram(0);
  glDisable(GL_DEPTH_TEST);
}

// The selection's outline: its silhouette marks the stencil, then the same
// triangles shifted `px` pixels in eight directions are drawn flat wherever the
// stencil is not marked, which leaves a rim. Where something stands in front of
// the selection the rim is drawn faint rather than not at all, so a performer
// under a sheet or behind another still shows where they are.
void Renderer::draw_outline(const glm::mat4& view_proj, int width, int height, float px) {
  glUseProgram(outline_program_.id());
  glUniformMatrix4fv(outline_program_.uniform("u_view_proj"), 1, GL_FALSE, glm::value_ptr(view_proj));
  const GLint color = outline_program_.uniform("u_color");
  const GLint offset = outline_program_.uniform("u_offset");
  glBindVertexArray(outline_.vao);
  glEnable(GL_STENCIL_TEST);
  glStencilMask(0xFF);
  glDepthMask(GL_FALSE);

  // 1. The silhouette, seen or not: stencil 1.
  glDisable(GL_DEPTH_TEST);
  glStencilFunc(GL_ALWAYS, 1, 0xFF);
  glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
  glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
  glUniform2f(offset, 0, 0);
  glDrawElements(GL_TRIANGLES, outline_.count, GL_UNSIGNED_INT, nullptr);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);

  // 2. The rim where nothing is in front (depth test), then 3. faint where
  // something is; each rim pixel is drawn once (marked when drawn).
  const float dx = 2.0f * px / static_cast<float>(width), dy = 2.0f * px / static_cast<float>(height);
  constexpr float kDiag = 0.7071f;
  const float dirs[8][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {kDiag, kDiag}, {-kDiag, kDiag}, {kDiag, -kDiag}, {-kDiag, -kDiag}};
  glStencilFunc(GL_EQUAL, 0, 0xFF);
  glStencilOp(GL_KEEP, GL_KEEP, GL_INCR);  // drawn: marked; hidden by depth: left for the faint pass
  for (int pass = 0; pass < 2; ++pass) {
    glm::vec4 c = palette::selection();
    if (pass == 0) {
      glEnable(GL_DEPTH_TEST);
      glDepthFunc(GL_LEQUAL);
      glDisable(GL_BLEND);
    } else {
      glDisable(GL_DEPTH_TEST);
      glEnable(GL_BLEND);
      c.a = 0.4f;
    }
    glUniform4fv(color, 1, glm::value_ptr(c));
    for (const auto& d : dirs) {
      glUniform2f(offset, d[0] * dx, d[1] * dy);
      glDrawElements(GL_TRIANGLES, outline_.count, GL_UNSIGNED_INT, nullptr);
    }
  }
  glDepthMask(GL_TRUE);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
}

Image render_offscreen(Renderer& renderer, const Geometry& geometry, const ViewSetup& view, int width, int height,
                       const DrawOptions& options) {
  Framebuffer fb;
  if (!fb.ensure(width, height, 4)) return {};
  renderer.set_geometry(geometry);
  fb.bind();
  renderer.draw(view, width, height, options);
  return fb.read();
}

}  // namespace cs::render
