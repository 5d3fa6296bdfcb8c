// framebuffer.hpp — an offscreen target: multisampled colour + depth, resolved
// into a texture that ImGui can show (the viewport) or that can be read back to
// an Image (exports, `closedset render`, tests). One drawing path for both.
#pragma once

#include "render/gl.hpp"
#include "render/image.hpp"

namespace cs::render {

class Framebuffer {
 public:
  Framebuffer() = default;
  Framebuffer(const Framebuffer&) = delete;
  Framebuffer& operator=(const Framebuffer&) = delete;
  ~Framebuffer();

  // (Re)allocates when the size or sample count changes. Returns false (and
  // leaves the framebuffer unusable) when the driver refuses the format.
  bool ensure(int width, int height, int samples = 4);
  // Binds for drawing and sets the viewport to the whole target.
  void bind() const;
  // Resolves multisampling into the texture and binds the default framebuffer.
  void resolve() const;
  // Copies the resolved picture into the default framebuffer's rectangle
  // (x0, y0)–(x1, y1) (GL's bottom-left origin; scaled, filtered, when the sizes
  // differ), and leaves the default framebuffer bound. The cheapest way to show it.
  void blit_to_default(int x0, int y0, int x1, int y1) const;
  // The resolved colour texture (valid after resolve()).
  GLuint texture() const { return color_tex_; }
  // Resolves, then reads the picture back (top row first).
  Image read() const;

  int width() const { return width_; }
  int height() const { return height_; }

 private:
  void release();
  int width_ = 0, height_ = 0, samples_ = 0;
  GLuint msaa_fbo_ = 0, msaa_color_ = 0, msaa_depth_ = 0;
  GLuint fbo_ = 0, color_tex_ = 0, depth_ = 0;
};

}  // namespace cs::render
