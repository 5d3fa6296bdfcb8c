#include "render/view.hpp"

#include <algorithm>
#include <cmath>

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

namespace cs::render {

namespace {
glm::vec3 to_vec3(const Vec3& v) {
  return {static_cast<float>(v[0]), static_cast<float>(v[1]), static_cast<float>(v[2])};
}
}  // namespace

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

// [SECTION] Lenses and scene cameras

Lens lens_for(const Camera& cam, std::optional<double> focal_override) {
  Lens l;
  l.focal_mm = focal_override.value_or(cam.focal_mm);
  l.aspect = cam.aspect;
  if (cam.sensor == Sensor::custom) {
    l.sensor_w_mm = cam.sensor_mm[0];
    l.sensor_h_mm = cam.sensor_mm[1];
    l.sensor_label = "custom";
  } else {
    const SensorSize s = sensor_size_mm(cam.sensor);
    l.sensor_w_mm = s.width_mm;
    l.sensor_h_mm = s.height_mm;
    l.sensor_label = std::string(s.label);
  }
  if (cam.fit == Fit::horizontal) {
    l.frame_w_mm = l.sensor_w_mm;
    l.frame_h_mm = l.sensor_w_mm / std::max(cam.aspect, 0.01);
  } else {
    l.frame_h_mm = l.sensor_h_mm;
    l.frame_w_mm = l.sensor_h_mm * cam.aspect;
  }
  const double f = std::max(l.focal_mm, 0.01);
  l.hfov_deg = glm::degrees(2.0 * std::atan(l.frame_w_mm / (2.0 * f)));
  l.vfov_deg = glm::degrees(2.0 * std::atan(l.frame_h_mm / (2.0 * f)));
  return l;
}

CameraPose camera_pose_at(const Camera& cam, double count, double start_count) {
  CameraPose p{to_vec3(cam.position), to_vec3(cam.target), cam.focal_mm, cam.roll_deg};
  // The base placement is the key at the choreography's first count; each move
  // is a key the camera reaches at its count. Between keys it travels linearly;
  // after the last it holds.
  struct Key { double count; glm::vec3 pos, tgt; double focal; };
  std::vector<Key> keys{{start_count, p.position, p.target, p.focal_mm}};
  for (const CameraMove& m : cam.moves) {
    const Key k{m.count, to_vec3(m.position), to_vec3(m.target), m.focal_mm.value_or(keys.back().focal)};
    if (k.count <= keys.back().count) keys.back() = k;  // a key at (or before) the start replaces it
    else keys.push_back(k);
  }
  const Key* a = &keys.front();
  const Key* b = a;
  for (const Key& k : keys) {
    b = &k;
    if (k.count > count) break;
    a = &k;
  }
  float t = 0;
  if (b != a && b->count > a->count) t = static_cast<float>(std::clamp((count - a->count) / (b->count - a->count), 0.0, 1.0));
  p.position = glm::mix(a->pos, b->pos, t);
  p.target = glm::mix(a->tgt, b->tgt, t);
  p.focal_mm = a->focal + (b->focal - a->focal) * t;
  return p;
}

ViewSetup look_through(const Camera& cam, double count, double start_count, float aspect, float surround) {
  const CameraPose pose = camera_pose_at(cam, count, start_count);
  const Lens lens = lens_for(cam, pose.focal_mm);
  ViewSetup s;
  s.eye = pose.position;
  glm::vec3 fwd = pose.target - pose.position;
  if (glm::length(fwd) < 1e-6f) fwd = glm::vec3(0, 0, -1);
  glm::vec3 up(0, 1, 0);
  if (std::abs(glm::dot(glm::normalize(fwd), up)) > 0.999f) up = glm::vec3(0, 0, -1);
  s.view = glm::lookAt(pose.position, pose.target, up);
  if (pose.roll_deg != 0)
    s.view = glm::rotate(glm::mat4(1.0f), glm::radians(static_cast<float>(pose.roll_deg)), glm::vec3(0, 0, 1)) * s.view;

  // Half-extents of the frame on the image plane at distance 1.
  const float f = static_cast<float>(std::max(lens.focal_mm, 0.01));
  const float fx = static_cast<float>(lens.frame_w_mm) / (2 * f), fy = static_cast<float>(lens.frame_h_mm) / (2 * f);
  const float fill = 1.0f - surround;
  float vx, vy;  // half-extents of the whole viewport at distance 1
  if (fx / fy > aspect) { vx = fx / fill; vy = vx / aspect; }
  else { vy = fy / fill; vx = vy * aspect; }
  const float n = 0.05f, far = 200.0f;
  s.proj = glm::frustum(-vx * n, vx * n, -vy * n, vy * n, n, far);
  s.frame_ndc = glm::vec4(-fx / vx, -fy / vy, fx / vx, fy / vy);
  const float sx = static_cast<float>(lens.sensor_w_mm) / (2 * f), sy = static_cast<float>(lens.sensor_h_mm) / (2 * f);
  s.sensor_ndc = glm::vec4(-sx / vx, -sy / vy, sx / vx, sy / vy);
  return s;
}

const char* shot_size_name(double frame_h, double subject_h) {
  if (subject_h <= 0 || frame_h <= 0) return "";
  const double r = frame_h / subject_h;  // how many figure-heights the frame holds
  if (r > 2.5) return "extreme wide";
  if (r > 1.15) return "wide";
  if (r > 0.85) return "full";
  if (r > 0.6) return "medium wide";
  if (r > 0.4) return "medium";
  if (r > 0.27) return "medium close-up";
  if (r > 0.14) return "close-up";
  return "extreme close-up";
}

}  // namespace cs::render
