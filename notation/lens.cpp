#include "notation/lens.hpp"

#include <numbers>
#include <cmath>
#include <cstdio>

namespace cs {

namespace {
double deg(double rad) { return rad * 180.0 / std::numbers::pi; }
}  // namespace

SensorSize camera_sensor(const Camera& cam) {
  if (cam.sensor == Sensor::custom) return {cam.sensor_mm[0], cam.sensor_mm[1], "custom"};
  return sensor_size_mm(cam.sensor);
}

LensFrame lens_frame(double sensor_w_mm, double sensor_h_mm, double focal_mm, double aspect, Fit fit) {
  LensFrame f;
  f.focal_mm = focal_mm;
  f.sensor_w_mm = sensor_w_mm;
  f.sensor_h_mm = sensor_h_mm;
  f.aspect = aspect;
  if (fit == Fit::horizontal) {
    f.frame_w_mm = sensor_w_mm;
    f.frame_h_mm = sensor_w_mm / aspect;
  } else {
    f.frame_h_mm = sensor_h_mm;
    f.frame_w_mm = sensor_h_mm * aspect;
  }
  f.exceeds_sensor = f.frame_w_mm > sensor_w_mm * (1 + 1e-9) || f.frame_h_mm > sensor_h_mm * (1 + 1e-9);
  f.tan_half_w = f.frame_w_mm / (2 * focal_mm);
  f.tan_half_h = f.frame_h_mm / (2 * focal_mm);
  f.hfov_deg = deg(2 * std::atan(f.tan_half_w));
  f.vfov_deg = deg(2 * std::atan(f.tan_half_h));
  return f;
}

LensFrame lens_frame(const Camera& cam, double focal_mm) {
  const SensorSize s = camera_sensor(cam);
  return lens_frame(s.width_mm, s.height_mm, focal_mm, cam.aspect, cam.fit);
}

std::string lens_label(const Camera& cam, double focal_mm) {
  char buf[128];
  const SensorSize s = camera_sensor(cam);
  std::string sensor(s.label);
  if (cam.sensor == Sensor::large_format) sensor = "large format";
  std::snprintf(buf, sizeof buf, "%g mm %s, %.2f", focal_mm, sensor.c_str(), cam.aspect);
  return buf;
}

CameraBasis look_at(const glm::dvec3& position, const glm::dvec3& target, double roll_deg) {
  CameraBasis b;
  b.position = position;
  glm::dvec3 fwd = target - position;
  const double len = glm::length(fwd);
  fwd = len > 1e-12 ? fwd / len : glm::dvec3(0, 0, -1);
  glm::dvec3 world_up(0, 1, 0);
  if (std::abs(glm::dot(fwd, world_up)) > 0.999999) world_up = fwd.y > 0 ? glm::dvec3(0, 0, 1) : glm::dvec3(0, 0, -1);
  glm::dvec3 right = glm::normalize(glm::cross(fwd, world_up));
  glm::dvec3 up = glm::cross(right, fwd);
  if (roll_deg != 0) {
    const double a = roll_deg * std::numbers::pi / 180.0, c = std::cos(a), s = std::sin(a);
    const glm::dvec3 r2 = c * right - s * up;
    const glm::dvec3 u2 = s * right + c * up;
    right = r2;
    up = u2;
  }
  b.right = right;
  b.up = up;
  b.forward = fwd;
  return b;
}

}  // namespace cs
