// edits_cameras.cpp — cameras and their moves (edits_cameras.hpp).
#include "notation/edits_cameras.hpp"

#include <numbers>
#include <algorithm>
#include <cmath>

#include <glm/glm.hpp>

#include "notation/edits_lists.hpp"
#include "notation/lens.hpp"
#include "notation/phrasing.hpp"

namespace cs {

namespace {

void sort_moves(Camera& c) {
  std::stable_sort(c.moves.begin(), c.moves.end(), [](const CameraMove& a, const CameraMove& b) { return a.count < b.count; });
}

constexpr double kRad = std::numbers::pi / 180.0;
constexpr double kMaxTiltDeg = 89;
constexpr double kMinAimDistanceM = 0.05;

glm::dvec3 v3(const Vec3& v) { return {v[0], v[1], v[2]}; }
Vec3 to_vec3(const glm::dvec3& v) { return {v.x, v.y, v.z}; }

glm::dvec3 direction_of(double tilt_deg, double pan_deg) {
  const double t = tilt_deg * kRad, p = pan_deg * kRad;
  return {std::cos(t) * std::sin(p), std::sin(t), -std::cos(t) * std::cos(p)};
}

// Applies `change` to a copy of camera `id` and writes it back through set_camera.
template <class F> Edited change_camera(const Document& doc, const std::string& id, F change) {
  const Camera* c = doc.camera(id);
  if (!c) return Edited::refused("There is no camera " + quoted_text(id));
  Camera changed = *c;
  if (std::string why = change(changed); !why.empty()) return Edited::refused(why);
  for (const double v : {changed.position[0], changed.position[1], changed.position[2], changed.target[0],
                         changed.target[1], changed.target[2]})
    if (!std::isfinite(v)) return Edited::refused("Camera " + id + ": a position must be ordinary numbers of metres");
  return set_camera(doc, id, std::move(changed));
}

}  // namespace

CameraAim camera_aim(const Camera& camera) {
  const glm::dvec3 d = v3(camera.target) - v3(camera.position);
  CameraAim a;
  a.height_m = camera.position[1];
  a.distance_m = glm::length(d);
  if (a.distance_m > 0) {
    a.tilt_deg = std::asin(std::clamp(d.y / a.distance_m, -1.0, 1.0)) / kRad;
    a.pan_deg = std::hypot(d.x, d.z) > 1e-12 ? std::atan2(d.x, -d.z) / kRad : 0;
  }
  return a;
}

Edited set_camera_aim(const Document& doc, const std::string& id, const CameraAim& aim) {
  return change_camera(doc, id, [&](Camera& c) -> std::string {
    if (!std::isfinite(aim.height_m) || !std::isfinite(aim.tilt_deg) || !std::isfinite(aim.pan_deg) ||
        !std::isfinite(aim.distance_m))
      return "Camera " + id + ": height, tilt, pan and distance must be ordinary numbers";
    c.position[1] = aim.height_m;
    const double distance = std::max(aim.distance_m, kMinAimDistanceM);
    const glm::dvec3 t = v3(c.position) + distance * direction_of(std::clamp(aim.tilt_deg, -kMaxTiltDeg, kMaxTiltDeg), aim.pan_deg);
    c.target = to_vec3(t);
    return "";
  });
}

Edited move_camera(const Document& doc, const std::string& id, Vec3 position) {
  return change_camera(doc, id, [&](Camera& c) -> std::string {
    c.position = position;
    return "";
  });
}

Edited aim_camera(const Document& doc, const std::string& id, Vec3 target) {
  return change_camera(doc, id, [&](Camera& c) -> std::string {
    c.target = target;
    return "";
  });
}

Edited orbit_camera(const Document& doc, const std::string& id, double yaw_deg, double pitch_deg) {
  return change_camera(doc, id, [&](Camera& c) -> std::string {
    const glm::dvec3 target = v3(c.target), offset = v3(c.position) - target;
    const double r = glm::length(offset);
    if (r < 1e-9) return "Camera " + id + " stands on its aim point; move it away first";
    const double elevation = std::asin(std::clamp(offset.y / r, -1.0, 1.0)) / kRad;
    const double azimuth = std::atan2(offset.x, offset.z) / kRad;
    const double e = std::clamp(elevation + pitch_deg, -kMaxTiltDeg, kMaxTiltDeg) * kRad;
    const double a = (azimuth + yaw_deg) * kRad;
    c.position = to_vec3(target + r * glm::dvec3(std::cos(e) * std::sin(a), std::sin(e), std::cos(e) * std::cos(a)));
    return "";
  });
}

CameraMove operated(CameraMove place, const CameraOperation& op) {
  Camera c;
  c.position = place.position;
  c.target = place.target;
  CameraAim aim = camera_aim(c);
  const glm::dvec3 ahead = direction_of(0, aim.pan_deg), right(-ahead.z, 0, ahead.x);
  const glm::dvec3 shift = op.truck_m * right + op.dolly_m * ahead + glm::dvec3(0, op.boom_m, 0);
  const glm::dvec3 position = v3(place.position) + shift;
  aim.pan_deg += op.pan_deg;
  aim.tilt_deg = std::clamp(aim.tilt_deg + op.tilt_deg, -kMaxTiltDeg, kMaxTiltDeg);
  const double distance = std::max(aim.distance_m, kMinAimDistanceM);
  place.position = to_vec3(position);
  place.target = to_vec3(position + distance * direction_of(aim.tilt_deg, aim.pan_deg));
  return place;
}

Edited operate_camera(const Document& doc, const std::string& id, const CameraOperation& op) {
  return change_camera(doc, id, [&](Camera& c) -> std::string {
    CameraMove place;
    place.position = c.position;
    place.target = c.target;
    place = operated(place, op);
    c.position = place.position;
    c.target = place.target;
    return "";
  });
}

Edited set_camera_place(const Document& doc, const std::string& id, double count, Vec3 position, Vec3 target) {
  return change_camera(doc, id, [&](Camera& c) -> std::string {
    if (!std::isfinite(count)) return "A count must be an ordinary number";
    // At the first count the camera's own place governs (camera_key_at), as it does with no moves.
    if (c.moves.empty() || count <= doc.first_count() + 1e-9) {
      c.position = position;
      c.target = target;
      return "";
    }
    for (CameraMove& m : c.moves)
      if (std::abs(m.count - count) < 1e-9) {
        m.position = position;
        m.target = target;
        return "";
      }
    CameraMove m;
    m.count = count;
    m.position = position;
    m.target = target;
    c.moves.push_back(m);
    std::stable_sort(c.moves.begin(), c.moves.end(), [](const CameraMove& a, const CameraMove& b) { return a.count < b.count; });
    return "";
  });
}

Edited set_focal_length(const Document& doc, const std::string& id, double focal_mm) {
  return change_camera(doc, id, [&](Camera& c) -> std::string {
    if (!std::isfinite(focal_mm)) return "The focal length must be an ordinary number of millimetres";
    c.focal_mm = focal_mm;
    return "";
  });
}

double frame_width_at(const Camera& camera, double distance_m) {
  const LensFrame f = lens_frame(camera);
  return f.focal_mm > 0 ? distance_m * f.frame_w_mm / f.focal_mm : 0;
}

Edited add_camera(const Document& doc, Camera camera, std::string* id) {
  if (camera.id.empty()) camera.id = next_camera_letter(doc);
  sort_moves(camera);
  return edit_lists::add(doc, &Document::cameras, std::move(camera), id);
}

Edited set_camera(const Document& doc, const std::string& id, Camera camera) {
  sort_moves(camera);
  return edit_lists::set(doc, &Document::cameras, id, std::move(camera), ItemKind::camera, "camera");
}

Edited remove_camera(const Document& doc, const std::string& id) {
  return edit_lists::remove(doc, &Document::cameras, id, ItemKind::camera, "camera");
}

Edited add_camera_move(const Document& doc, const std::string& camera, CameraMove move) {
  const Camera* c = doc.camera(camera);
  if (!c) return Edited::refused("There is no camera " + quoted_text(camera));
  Camera changed = *c;
  changed.moves.push_back(move);
  return set_camera(doc, camera, std::move(changed));
}

Edited set_camera_move(const Document& doc, const std::string& camera, std::size_t i, CameraMove move) {
  const Camera* c = doc.camera(camera);
  if (!c) return Edited::refused("There is no camera " + quoted_text(camera));
  if (i >= c->moves.size()) return edit_lists::refuse_index<CameraMove>(i, "move", "Camera " + camera);
  Camera changed = *c;
  changed.moves[i] = move;
  return set_camera(doc, camera, std::move(changed));
}

Edited retime_camera_move(const Document& doc, const std::string& camera, std::size_t i, double count,
                          std::size_t* index) {
  const Camera* c = doc.camera(camera);
  if (!c) return Edited::refused("There is no camera " + quoted_text(camera));
  if (i >= c->moves.size()) return edit_lists::refuse_index<CameraMove>(i, "move", "Camera " + camera);
  if (!std::isfinite(count)) return Edited::refused("Camera " + camera + ": a move's count must be an ordinary number");
  const double first = doc.first_count(), last = doc.last_count();
  if (count < first - 1e-9 || count > last + 1e-9)
    return Edited::refused("Camera " + camera + ": count " + number_text(count) + " is outside the choreography (" +
                           number_text(first) + " to " + number_text(last) + ")");
  for (std::size_t j = 0; j < c->moves.size(); ++j)
    if (j != i && std::fabs(c->moves[j].count - count) < 1e-9)
      return Edited::refused("Camera " + camera + " already has a move at count " + count_label(count) +
                             "; a camera has one move a count");
  Camera changed = *c;
  changed.moves[i].count = count;
  sort_moves(changed);
  if (index)
    for (std::size_t j = 0; j < changed.moves.size(); ++j)
      if (changed.moves[j].count == count) *index = j;
  return set_camera(doc, camera, std::move(changed));
}

Edited remove_camera_move(const Document& doc, const std::string& camera, std::size_t i) {
  const Camera* c = doc.camera(camera);
  if (!c) return Edited::refused("There is no camera " + quoted_text(camera));
  if (i >= c->moves.size()) return edit_lists::refuse_index<CameraMove>(i, "move", "Camera " + camera);
  Camera changed = *c;
  changed.moves.erase(changed.moves.begin() + static_cast<std::ptrdiff_t>(i));
  return set_camera(doc, camera, std::move(changed));
}

}  // namespace cs
