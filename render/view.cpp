#include "render/view.hpp"

#include <algorithm>
#include <cmath>

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

namespace cs::render {

// [SECTION] Rays and projection

glm::vec3 ViewSetup::ray_direction(glm::vec2 ndc) const {
  // The point on the near plane, less the eye: precise in float, unlike the far plane.
  const glm::vec4 p = glm::inverse(view_proj()) * glm::vec4(ndc, -1.0f, 1.0f);
  return glm::vec3(p) / p.w - eye;
}

bool ViewSetup::project(glm::vec3 world, glm::vec2& ndc) const {
  const glm::vec4 c = view_proj() * glm::vec4(world, 1.0f);
  if (c.w <= 1e-6f) return false;
  ndc = glm::vec2(c) / c.w;
  return true;
}

// [SECTION] Orbit view

glm::vec3 OrbitView::eye() const {
  const float yaw = glm::radians(yaw_deg), pitch = glm::radians(pitch_deg);
  const glm::vec3 dir(std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch));
  return target + dir * distance;
}

ViewSetup OrbitView::setup(float aspect) const {
  ViewSetup s;
  s.eye = eye();
  s.view = glm::lookAt(s.eye, target, glm::vec3(0, 1, 0));
  s.proj = glm::perspective(glm::radians(fov_y_deg), std::max(aspect, 0.01f), 0.05f, 200.0f);
  return s;
}

void OrbitView::orbit(float dx_deg, float dy_deg) {
  yaw_deg = std::fmod(yaw_deg - dx_deg, 360.0f);
  pitch_deg = std::clamp(pitch_deg + dy_deg, -89.0f, 89.0f);
}

void OrbitView::pan(float dx, float dy, float viewport_height_px) {
  const glm::vec3 e = eye();
  const glm::vec3 fwd = glm::normalize(target - e);
  const glm::vec3 right = glm::normalize(glm::cross(fwd, glm::vec3(0, 1, 0)));
  const glm::vec3 up = glm::cross(right, fwd);
  // One pixel of drag moves the target one pixel's worth at the target's depth.
  const float per_px = 2.0f * distance * std::tan(glm::radians(fov_y_deg) * 0.5f) / std::max(viewport_height_px, 1.0f);
  target += (-right * dx + up * dy) * per_px;
}

void OrbitView::zoom(float wheel_steps) {
  distance = std::clamp(distance * std::pow(0.88f, wheel_steps), 0.3f, 150.0f);
}

void OrbitView::frame(glm::vec3 lo, glm::vec3 hi) {
  target = (lo + hi) * 0.5f;
  const float radius = std::max(glm::length(hi - lo) * 0.5f, 0.25f);
  distance = radius / std::sin(glm::radians(fov_y_deg) * 0.5f) * 1.05f;
}

// [SECTION] Looking through a staged camera

ViewSetup look_through(const StageCamera& cam, float aspect, float surround) {
  const glm::vec3 pos(cam.basis.position), fwd(cam.basis.forward), up(cam.basis.up);
  ViewSetup s;
  s.eye = pos;
  s.view = glm::lookAt(pos, pos + fwd, up);  // the basis carries the roll

  // Half-extents of the frame lines on the image plane at distance 1.
  const auto fx = static_cast<float>(cam.lens.tan_half_w), fy = static_cast<float>(cam.lens.tan_half_h);
  const float fill = 1.0f - surround;
  aspect = std::max(aspect, 0.01f);
  float vx, vy;  // half-extents of the whole viewport at distance 1
  if (fx / std::max(fy, 1e-6f) > aspect) { vx = fx / fill; vy = vx / aspect; }
  else { vy = fy / fill; vx = vy * aspect; }
  const float n = 0.05f, far = 200.0f;
  s.proj = glm::frustum(-vx * n, vx * n, -vy * n, vy * n, n, far);
  s.frame_ndc = glm::vec4(-fx / vx, -fy / vy, fx / vx, fy / vy);
  const double f = std::max(cam.lens.focal_mm, 0.01);
  const auto sx = static_cast<float>(cam.lens.sensor_w_mm / (2 * f)), sy = static_cast<float>(cam.lens.sensor_h_mm / (2 * f));
  s.sensor_ndc = glm::vec4(-sx / vx, -sy / vy, sx / vx, sy / vy);
  return s;
}


}  // namespace cs::render
