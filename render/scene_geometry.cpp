#include "render/scene_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/gtc/matrix_transform.hpp>

#include "render/view.hpp"

namespace cs::render {

namespace {

glm::vec3 v3(const Vec3& v) { return {static_cast<float>(v[0]), static_cast<float>(v[1]), static_cast<float>(v[2])}; }

// Rotation applied Y, then X, then Z (document.hpp, Prop::rotation).
glm::mat4 rotation_yxz(glm::vec3 deg) {
  glm::mat4 m(1.0f);
  m = glm::rotate(m, glm::radians(deg.y), glm::vec3(0, 1, 0));
  m = glm::rotate(m, glm::radians(deg.x), glm::vec3(1, 0, 0));
  m = glm::rotate(m, glm::radians(deg.z), glm::vec3(0, 0, 1));
  return m;
}

// Standing pelvis height as a fraction of stature (Drillis & Contini: hip joint ≈ 0.53 H).
constexpr float kPelvisFraction = 0.53f;

void add_placeholder_figure(Geometry& g, const PerformerPlacement& p, glm::vec4 color) {
  // A plain jointless figure, facing +Z: the Stage's mannequin replaces it.
  const float h = p.height_m;
  const glm::mat4 m = p.model();
  auto at = [&](float x, float y, float z) { return glm::vec3(m * glm::vec4(x * h, y * h, z * h, 1)); };
  const float pelvis = 0.0f, chest = 0.72f - kPelvisFraction, neck = 0.81f - kPelvisFraction;
  g.add_capsule(at(0, pelvis + 0.02f, 0), at(0, chest, 0), 0.085f * h, color);
  g.add_capsule(at(-0.09f, chest + 0.02f, 0), at(0.09f, chest + 0.02f, 0), 0.06f * h, color);
  glm::mat4 head = m;
  head = glm::translate(head, glm::vec3(0, (0.935f - kPelvisFraction) * h, 0.005f * h));
  g.add_ellipsoid(head, glm::vec3(0.085f, 0.125f, 0.10f) * h, color);
  g.add_capsule(at(0, neck - 0.02f, 0), at(0, neck + 0.04f, 0), 0.03f * h, color);
  for (const float side : {-1.0f, 1.0f}) {
    g.add_capsule(at(side * 0.11f, chest + 0.02f, 0), at(side * 0.13f, chest - 0.17f, 0), 0.032f * h, color);
    g.add_capsule(at(side * 0.13f, chest - 0.17f, 0), at(side * 0.14f, chest - 0.33f, 0.02f), 0.027f * h, color);
    g.add_capsule(at(side * 0.055f, pelvis, 0), at(side * 0.06f, -0.245f, 0), 0.05f * h, color);
    g.add_capsule(at(side * 0.06f, -0.245f, 0), at(side * 0.06f, -0.49f, -0.01f), 0.035f * h, color);
    g.add_capsule(at(side * 0.06f, -0.505f, -0.01f), at(side * 0.06f, -0.515f, 0.08f), 0.022f * h, color);
  }
}

void add_camera(Geometry& g, const Document& doc, const Camera& cam, double count, const SceneDrawOptions& o) {
  const CameraPose pose = camera_pose_at(cam, count, doc.first_count());
  const Lens lens = lens_for(cam, pose.focal_mm);
  const bool selected = cam.id == o.selected_camera;
  const glm::vec4 line_color = selected ? palette::camera_active() : glm::vec4(0.70f, 0.72f, 0.78f, 0.8f);

  glm::vec3 fwd = pose.target - pose.position;
  const float target_dist = glm::length(fwd);
  fwd = target_dist > 1e-6f ? fwd / target_dist : glm::vec3(0, 0, -1);
  glm::vec3 up(0, 1, 0);
  if (std::abs(glm::dot(fwd, up)) > 0.999f) up = glm::vec3(0, 0, -1);
  // Camera-to-world: the inverse of the view matrix.
  const glm::mat4 world = glm::inverse(glm::lookAt(pose.position, pose.target, up));

  if (cam.id != o.through_camera) {
    const glm::vec4 body = selected ? glm::vec4(0.55f, 0.45f, 0.22f, 1) : palette::camera_body();
    g.add_box(glm::translate(world, glm::vec3(0, 0, 0.06f)), glm::vec3(0.16f, 0.15f, 0.26f), body);
    g.add_box(glm::translate(world, glm::vec3(0, 0.11f, 0.02f)), glm::vec3(0.05f, 0.07f, 0.12f), body);
    glm::mat4 lens_m = glm::rotate(glm::translate(world, glm::vec3(0, 0, -0.13f)), glm::radians(90.0f), glm::vec3(1, 0, 0));
    const float lens_len = 0.04f + static_cast<float>(lens.focal_mm) * 0.0012f;
    lens_m = glm::translate(lens_m, glm::vec3(0, lens_len * 0.5f, 0));
    g.add_cylinder(lens_m, 0.09f, lens_len, glm::vec4(0.16f, 0.16f, 0.18f, 1));

    // Frustum of the delivery frame, out to the target (or a fixed length).
    const float d = o.frustum_length > 0 ? o.frustum_length : std::clamp(target_dist, 0.5f, 12.0f);
    const float f = static_cast<float>(std::max(lens.focal_mm, 0.01));
    const float hx = static_cast<float>(lens.frame_w_mm) / (2 * f) * d, hy = static_cast<float>(lens.frame_h_mm) / (2 * f) * d;
    auto corner = [&](float sx, float sy) { return glm::vec3(world * glm::vec4(sx * hx, sy * hy, -d, 1)); };
    const glm::vec3 c[4] = {corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)};
    glm::vec4 faint = line_color;
    faint.a *= 0.55f;
    for (int i = 0; i < 4; ++i) {
      g.add_line(pose.position, c[i], faint);
      g.add_line(c[i], c[(i + 1) % 4], line_color);
    }
    // A small "up" tick on the frame's top edge so the orientation reads.
    const glm::vec3 top_mid = (c[2] + c[3]) * 0.5f;
    g.add_line(top_mid, top_mid + glm::vec3(world * glm::vec4(0, hy * 0.15f, 0, 0)), line_color);

    if (o.labels) {
      char text[96];
      std::snprintf(text, sizeof text, "%s  %.0f mm", cam.id.c_str(), lens.focal_mm);
      g.labels.push_back({pose.position + glm::vec3(0, 0.22f, 0), text, selected ? palette::camera_active() : glm::vec4(0.85f, 0.87f, 0.92f, 1)});
    }
  }
}

}  // namespace

// [SECTION] Placement

glm::mat4 PerformerPlacement::model() const {
  return glm::translate(glm::mat4(1.0f), position) * rotation_yxz(rotation_deg);
}

glm::vec3 PerformerPlacement::head() const {
  return glm::vec3(model() * glm::vec4(0, (0.935f - kPelvisFraction) * height_m, 0.02f * height_m, 1));
}

const Beat* beat_at(const Document& doc, double count) {
  const Beat* found = nullptr;
  for (const Beat& b : doc.choreography.beats)
    if (b.start_count <= count && (!found || b.start_count >= found->start_count)) found = &b;
  return found;
}

PerformerPlacement performer_placement(const Document& doc, std::size_t index, double count) {
  const Performer& perf = doc.performers[index];
  PerformerPlacement p;
  p.height_m = static_cast<float>(perf.height_m);
  const float standing = kPelvisFraction * p.height_m;
  const float spread = (static_cast<float>(index) - 0.5f * static_cast<float>(doc.performers.size() - 1)) * 0.8f;
  p.position = glm::vec3(spread, standing, 0);

  // Keyframes: each beat's pose of this performer holds at the beat's start;
  // between two keyframes the root travels linearly (the Stage will do better).
  const Pose* before = nullptr;
  const Pose* after = nullptr;
  double t0 = 0, t1 = 0;
  for (const Beat& b : doc.choreography.beats)
    for (const Pose& pose : b.poses) {
      if (pose.performer != perf.id) continue;
      if (b.start_count <= count && (!before || b.start_count >= t0)) { before = &pose; t0 = b.start_count; }
      if (b.start_count > count && (!after || b.start_count < t1)) { after = &pose; t1 = b.start_count; }
    }
  if (!before) { before = after; t0 = t1; }
  if (!before) return p;
  glm::vec3 pos = v3(before->root_position), rot = v3(before->root_rotation);
  if (after && after != before && t1 > t0) {
    const float t = static_cast<float>((count - t0) / (t1 - t0));
    pos = glm::mix(pos, v3(after->root_position), t);
    rot = glm::mix(rot, v3(after->root_rotation), t);
  }
  p.position = glm::vec3(pos.x, standing + pos.y, pos.z);
  p.rotation_deg = rot;
  return p;
}

void Bounds::add(glm::vec3 p) {
  if (!valid) { lo = hi = p; valid = true; return; }
  lo = glm::min(lo, p);
  hi = glm::max(hi, p);
}

Bounds scene_bounds(const Document& doc, double count) {
  Bounds b;
  for (const Prop& pr : doc.props) {
    const glm::vec3 c = v3(pr.position), h = v3(pr.size) * 0.5f;
    b.add(c - h);
    b.add(c + h);
  }
  for (std::size_t i = 0; i < doc.performers.size(); ++i) {
    const PerformerPlacement p = performer_placement(doc, i, count);
    b.add(p.position - glm::vec3(0.3f, p.height_m * kPelvisFraction, 0.3f));
    b.add(p.head() + glm::vec3(0.3f, 0.1f, 0.3f));
  }
  if (!b.valid) { b.add({-1, 0, -1}); b.add({1, 1.8f, 1}); }
  return b;
}

// [SECTION] Building the scene

Geometry build_scene_geometry(const Document& doc, double count, const SceneDrawOptions& o) {
  Geometry g;
  g.add_floor_grid(20.0f, 0.5f, 2);

  for (const Prop& pr : doc.props) {
    const glm::mat4 model = glm::translate(glm::mat4(1.0f), v3(pr.position)) * rotation_yxz(v3(pr.rotation));
    const glm::vec3 size = v3(pr.size);
    const glm::vec4 color = pr.barrier ? palette::barrier() : palette::prop();
    switch (pr.shape) {
      case PropShape::box: g.add_box(model, size, color); break;
      case PropShape::cylinder: g.add_cylinder(model, size.x, size.y, color, 32); break;
      case PropShape::sphere: g.add_ellipsoid(model, size, color); break;
      case PropShape::mesh: g.add_wire_box(model, size, color); break;  // imported meshes: outline until loaded
    }
    g.add_wire_box(model, size * 1.001f, glm::vec4(0.08f, 0.08f, 0.09f, 0.35f));
  }

  std::vector<PerformerPlacement> placements;
  for (std::size_t i = 0; i < doc.performers.size(); ++i) {
    placements.push_back(performer_placement(doc, i, count));
    add_placeholder_figure(g, placements.back(), palette::performer(static_cast<int>(i)));
    if (o.labels) {
      const Performer& perf = doc.performers[i];
      g.labels.push_back({placements.back().head() + glm::vec3(0, 0.2f, 0),
                          perf.character.empty() ? perf.id : perf.character, palette::performer(static_cast<int>(i))});
    }
  }

  if (o.eyelines) {
    if (const Beat* beat = beat_at(doc, count)) {
      for (const Eyeline& e : beat->eyelines) {
        const int from = doc.performer_index(e.performer);
        if (from < 0) continue;
        const glm::vec3 a = placements[static_cast<std::size_t>(from)].head();
        glm::vec3 b = a;
        if (const int to = doc.performer_index(e.target.performer); to >= 0) b = placements[static_cast<std::size_t>(to)].head();
        else if (const Camera* cam = doc.camera(e.target.camera)) b = camera_pose_at(*cam, count, doc.first_count()).position;
        else if (e.target.point) b = v3(*e.target.point);
        if (glm::length(b - a) < 1e-3f) continue;
        glm::vec4 c = palette::performer(from);
        c.a = 0.9f;
        // Dashed, so an eyeline never reads as a contact.
        const int dashes = std::max(2, static_cast<int>(glm::length(b - a) / 0.06f));
        for (int k = 0; k < dashes; k += 2)
          g.add_line(glm::mix(a, b, float(k) / float(dashes)), glm::mix(a, b, float(k + 1) / float(dashes)), c);
      }
    }
  }

  if (o.cameras)
    for (const Camera& cam : doc.cameras) add_camera(g, doc, cam, count, o);
  return g;
}

}  // namespace cs::render
