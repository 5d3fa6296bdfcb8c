#include "render/framebuffer.hpp"

#include <algorithm>

namespace cs::render {

Framebuffer::~Framebuffer() { release(); }

void Framebuffer::release() {
  if (msaa_fbo_) glDeleteFramebuffers(1, &msaa_fbo_);
  if (msaa_color_) glDeleteRenderbuffers(1, &msaa_color_);
  if (msaa_depth_) glDeleteRenderbuffers(1, &msaa_depth_);
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (color_tex_) glDeleteTextures(1, &color_tex_);
  if (depth_) glDeleteRenderbuffers(1, &depth_);
  msaa_fbo_ = msaa_color_ = msaa_depth_ = fbo_ = color_tex_ = depth_ = 0;
  width_ = height_ = samples_ = 0;
}

bool Framebuffer::ensure(int width, int height, int samples) {
  width = std::max(width, 1);
  height = std::max(height, 1);
  GLint max_samples = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
  samples = std::clamp(samples, 0, static_cast<int>(max_samples));
  if (fbo_ && width == width_ && height == height_ && samples == samples_) return true;
  release();
  width_ = width;
  height_ = height;
  samples_ = samples;

  glGenTextures(1, &color_tex_);
  glBindTexture(GL_TEXTURE_2D, color_tex_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);
  glGenFramebuffers(1, &fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color_tex_, 0);
  if (samples_ == 0) {  // no multisampling: draw straight into the texture
    glGenRenderbuffers(1, &depth_);
    glBindRenderbuffer(GL_RENDERBUFFER, depth_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth_);
  }
  bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;

  if (samples_ > 0) {
    glGenRenderbuffers(1, &msaa_color_);
    glBindRenderbuffer(GL_RENDERBUFFER, msaa_color_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_RGBA8, width, height);
    glGenRenderbuffers(1, &msaa_depth_);
    glBindRenderbuffer(GL_RENDERBUFFER, msaa_depth_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_DEPTH24_STENCIL8, width, height);
    glGenFramebuffers(1, &msaa_fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msaa_color_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, msaa_depth_);
    ok = ok && glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  }
  glBindRenderbuffer(GL_RENDERBUFFER, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (!ok) release();
  return ok;
}

void Framebuffer::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_ ? msaa_fbo_ : fbo_);
  glViewport(0, 0, width_, height_);
}

void Framebuffer::resolve() const {
  if (msaa_fbo_) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo_);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void Framebuffer::blit_to_default(int x0, int y0, int x1, int y1) const {
  if (!fbo_) return;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  const bool same_size = x1 - x0 == width_ && y1 - y0 == height_;
  glBlitFramebuffer(0, 0, width_, height_, x0, y0, x1, y1, GL_COLOR_BUFFER_BIT, same_size ? GL_NEAREST : GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

Image Framebuffer::read() const {
  resolve();
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  Image img = read_pixels(width_, height_);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return img;
}

}  // namespace cs::render
