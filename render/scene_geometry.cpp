#include "render/scene_geometry.hpp"

#include "notation/phrasing.hpp"
#include "notation/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/gtc/matrix_transform.hpp>

namespace cs::render {

namespace {

// [SECTION] Colours from labels

glm::vec4 label_color(const Document& doc, const cs::Label& l, ColorMode) {
  if (l.is_prop()) {
    const auto pi = static_cast<std::size_t>(l.prop);
    return pi < doc.props.size() && doc.props[pi].barrier ? palette::barrier() : palette::prop();
  }
  const glm::vec4 base = palette::performer(l.performer);
  if (l.is_garment()) {
    const auto gi = static_cast<std::size_t>(l.garment);
    const bool hidden = gi < doc.garments.size() && doc.garments[gi].camera == GarmentCamera::hidden;
    // Modesty wear: a pale neutral that reads as "not skin"; costume: a dark
    // tone of the wearer's colour.
    return hidden ? glm::vec4(0.86f, 0.84f, 0.78f, 1) : glm::vec4(glm::mix(glm::vec3(base), glm::vec3(0.30f), 0.55f), 1);
  }
  // Skin: the performer's colour, each region a touch lighter or darker than
  // its neighbours so the region map reads on the figure.
  const auto r = static_cast<unsigned>(l.region);
  const float shade = 0.90f + 0.10f * static_cast<float>((r * 7u) % 5u) / 4.0f;
  return glm::vec4(glm::vec3(base) * shade, 1);
}

void add_camera(Geometry& g, const Document& doc, const StageCamera& sc, const Bounds& stage_box, const SceneDrawOptions& o) {
  const Camera& cam = doc.cameras[static_cast<std::size_t>(sc.index)];
  if (cam.id == o.through_camera) return;
  const bool selected = cam.id == o.selected_camera;
  const glm::vec4 line_color = selected ? palette::camera_active() : glm::vec4(0.70f, 0.72f, 0.78f, 0.8f);
  const glm::vec3 pos(sc.basis.position), right(sc.basis.right), up(sc.basis.up), fwd(sc.basis.forward);
  // Camera-to-world: columns right, up, back (+Z), position.
  const glm::mat4 world(glm::vec4(right, 0), glm::vec4(up, 0), glm::vec4(-fwd, 0), glm::vec4(pos, 1));

  const glm::vec4 body = selected ? glm::vec4(0.55f, 0.45f, 0.22f, 1) : palette::camera_body();
  const std::size_t first_index = g.indices.size();
  g.add_box(glm::translate(world, glm::vec3(0, 0, 0.06f)), glm::vec3(0.16f, 0.15f, 0.26f), body);
  g.add_box(glm::translate(world, glm::vec3(0, 0.11f, 0.02f)), glm::vec3(0.05f, 0.07f, 0.12f), body);
  const float lens_len = 0.04f + static_cast<float>(sc.focal_mm) * 0.0012f;
  glm::mat4 lens_m = glm::rotate(glm::translate(world, glm::vec3(0, 0, -0.07f - lens_len * 0.5f)), glm::radians(90.0f), glm::vec3(1, 0, 0));
  g.add_cylinder(lens_m, 0.09f, lens_len, glm::vec4(0.16f, 0.16f, 0.18f, 1));
  if (cam.id == o.outline_camera)
    g.outline_indices.insert(g.outline_indices.end(), g.indices.begin() + static_cast<std::ptrdiff_t>(first_index), g.indices.end());

  // Looking through a camera, the others show as what they are on set (bodies
  // that may be in shot), without their frusta and labels across the picture.
  if (!o.through_camera.empty()) return;

  // Frustum of the delivery frame, out to the depth of the staged action.
  float d = 3.0f;
  if (stage_box.valid) d = std::clamp(glm::dot((stage_box.lo + stage_box.hi) * 0.5f - pos, fwd), 0.5f, 12.0f);
  const auto hx = static_cast<float>(sc.lens.tan_half_w) * d, hy = static_cast<float>(sc.lens.tan_half_h) * d;
  auto corner = [&](float sx, float sy) { return glm::vec3(world * glm::vec4(sx * hx, sy * hy, -d, 1)); };
  const glm::vec3 c[4] = {corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)};
  glm::vec4 faint = line_color;
  faint.a *= 0.5f;
  for (int i = 0; i < 4; ++i) {
    g.add_line(pos, c[i], faint);
    g.add_line(c[i], c[(i + 1) % 4], line_color);
  }
  const glm::vec3 top_mid = (c[2] + c[3]) * 0.5f;  // an "up" tick so the frame's orientation reads
  g.add_line(top_mid, top_mid + up * (hy * 0.15f), line_color);

  if (o.labels) {
    char text[96];
    std::snprintf(text, sizeof text, "%s  %.0f mm", cam.id.c_str(), sc.focal_mm);
    g.labels.push_back({pos + up * 0.24f, text, selected ? palette::camera_active() : glm::vec4(0.85f, 0.87f, 0.92f, 1)});
  }
}

// A small octahedron: a contact marker that reads from any side.
void add_marker(Geometry& g, glm::vec3 at, float r, glm::vec4 color) {
  g.add_ellipsoid(glm::translate(glm::mat4(1.0f), at), glm::vec3(r * 2), color, 6, 8);
}

void add_dashed(Geometry& g, glm::vec3 a, glm::vec3 b, glm::vec4 c, float dash = 0.05f) {
  const float len = glm::length(b - a);
  const int n = std::max(2, static_cast<int>(len / dash));
  for (int k = 0; k < n; k += 2)
    g.add_line(glm::mix(a, b, float(k) / float(n)), glm::mix(a, b, float(std::min(k + 1, n)) / float(n)), c);
}

}  // namespace

// [SECTION] Queries

bool region_center(const StageMesh& mesh, int performer, Region region, glm::vec3& out) {
  glm::vec3 sum(0);
  float area = 0;
  for (std::size_t t = 0; t < mesh.labels.size(); ++t) {
    const cs::Label& l = mesh.labels[t];
    if (l.performer != performer || l.is_prop() || l.region != region) continue;
    const glm::vec3 a = mesh.positions[3 * t], b = mesh.positions[3 * t + 1], c = mesh.positions[3 * t + 2];
    const float w = glm::length(glm::cross(b - a, c - a)) * 0.5f;
    sum += (a + b + c) * (w / 3.0f);
    area += w;
  }
  if (area <= 0) return false;
  out = sum / area;
  return true;
}

void Bounds::add(glm::vec3 p) {
  if (!valid) { lo = hi = p; valid = true; return; }
  lo = glm::min(lo, p);
  hi = glm::max(hi, p);
}

Bounds stage_bounds(const Stage& stage) {
  Bounds b;
  for (const Shape& s : stage.shapes) {
    b.add(s.bound_center - glm::vec3(s.bound_radius));
    b.add(s.bound_center + glm::vec3(s.bound_radius));
  }
  for (const StageTriangle& t : stage.triangles) { b.add(t.a); b.add(t.b); b.add(t.c); }
  if (!b.valid) { b.add({-1, 0, -1}); b.add({1, 1.8f, 1}); }
  return b;
}

Bounds performer_bounds(const Stage& stage, int performer) {
  Bounds b;
  for (const Shape& s : stage.shapes) {
    if (s.label.is_prop() || s.label.performer != performer) continue;
    b.add(s.bound_center - glm::vec3(s.bound_radius));
    b.add(s.bound_center + glm::vec3(s.bound_radius));
  }
  return b;
}

Bounds prop_bounds(const Stage& stage, int prop) {
  Bounds b;
  for (const Shape& s : stage.shapes) {
    if (s.label.prop != prop) continue;
    b.add(s.bound_center - glm::vec3(s.bound_radius));
    b.add(s.bound_center + glm::vec3(s.bound_radius));
  }
  for (const StageTriangle& t : stage.triangles)
    if (t.label.prop == prop) { b.add(t.a); b.add(t.b); b.add(t.c); }
  return b;
}

Bounds camera_bounds(const Stage& stage, int camera) {
  Bounds b;
  for (const StageCamera& sc : stage.cameras) {
    if (sc.index != camera) continue;
    const glm::vec3 p(sc.basis.position);
    b.add(p - glm::vec3(0.35f));
    b.add(p + glm::vec3(0.35f));
  }
  return b;
}

Bounds cast_bounds(const Stage& stage) {
  Bounds b;
  for (const Shape& s : stage.shapes) {
    if (s.label.is_prop()) continue;
    b.add(s.bound_center - glm::vec3(s.bound_radius));
    b.add(s.bound_center + glm::vec3(s.bound_radius));
  }
  return b.valid ? b : stage_bounds(stage);
}

// [SECTION] Building the scene

Geometry build_scene_geometry(const Document& doc, const Stage& stage, const SceneDrawOptions& o) {
  Geometry g;
  build_scene_geometry(doc, stage, o, g);
  return g;
}

void build_scene_geometry(const Document& doc, const Stage& stage, const SceneDrawOptions& o, Geometry& g) {
  g.clear();
  g.add_floor_grid(20.0f, 0.5f, 2);

  // Bodies, garments and props: the Stage's own triangles, coloured by label.
  const StageMesh mesh = tessellate(stage, o.detail);
  g.vertices.reserve(g.vertices.size() + mesh.positions.size() + 4096);
  g.indices.reserve(g.indices.size() + mesh.positions.size() + 8192);
  const bool outline_any = o.outline_performer >= 0 || o.outline_prop >= 0;
  for (std::size_t t = 0; t < mesh.labels.size(); ++t) {
    const cs::Label& l = mesh.labels[t];
    glm::vec4 c = o.label_colors ? o.label_colors(l) : label_color(doc, l, o.color);
    if (o.glow_performer >= 0 && l.performer == o.glow_performer && !l.is_prop() && l.region == o.glow_region)
      c = glm::vec4(glm::mix(glm::vec3(c), glm::vec3(o.glow_color), 0.85f), 1.0f);
    const bool outlined = outline_any && (l.is_prop() ? l.prop == o.outline_prop : l.performer == o.outline_performer);
    for (int k = 0; k < 3; ++k) {
      if (outlined) g.outline_indices.push_back(static_cast<std::uint32_t>(g.vertices.size()));
      g.indices.push_back(static_cast<std::uint32_t>(g.vertices.size()));
      g.vertices.push_back({mesh.positions[3 * t + k], mesh.normals[3 * t + k], c});
    }
  }

  auto point = [&](int performer, Region r, glm::vec3 fallback) {
    glm::vec3 p;
    return region_center(mesh, performer, r, p) ? p : fallback;
  };
  for (const StagePerformer& sp : stage.performers) {
    const Performer& perf = doc.performers[static_cast<std::size_t>(sp.index)];
    if (o.labels) {
      const glm::vec3 head = sp.joints[static_cast<std::size_t>(Joint::head)].position;
      g.labels.push_back({head + glm::vec3(0, 0.28f, 0), display_name(perf),
                          palette::performer(sp.index)});
    }
  }

  const Beat* beat = beat_at(doc, stage.count);
  if (beat && o.contacts) {
    for (const Contact& c : beat->contacts) {
      const int giver = doc.performer_index(c.giver), receiver = doc.performer_index(c.receiver);
      if (giver < 0 || receiver < 0) continue;
      const glm::vec3 to = point(receiver, c.region, glm::vec3(stage.performers[static_cast<std::size_t>(receiver)].joints[0].position));
      const glm::vec3 from = point(giver, c.with, to);
      add_marker(g, to, 0.028f, glm::vec4(0.98f, 0.80f, 0.32f, 1));
      g.add_line(from, to, glm::vec4(0.98f, 0.80f, 0.32f, 0.9f));
    }
  }
  if (beat && o.eyelines) {
    for (const Eyeline& e : beat->eyelines) {
      const int from = doc.performer_index(e.performer);
      if (from < 0) continue;
      const glm::vec3 a = point(from, Region::face, glm::vec3(stage.performers[static_cast<std::size_t>(from)].joints[static_cast<std::size_t>(Joint::head)].position));
      glm::vec3 b = a;
      if (const int to = doc.performer_index(e.target.performer); to >= 0)
        b = point(to, e.target.region.value_or(Region::face), glm::vec3(stage.performers[static_cast<std::size_t>(to)].joints[static_cast<std::size_t>(Joint::head)].position));
      else if (const Camera* cam = doc.camera(e.target.camera)) {
        for (const StageCamera& sc : stage.cameras)
          if (sc.id == cam->id) b = glm::vec3(sc.basis.position);
      } else if (e.target.point) {
        b = glm::vec3(static_cast<float>((*e.target.point)[0]), static_cast<float>((*e.target.point)[1]), static_cast<float>((*e.target.point)[2]));
      }
      if (glm::length(b - a) < 1e-3f) continue;
      glm::vec4 c = palette::performer(from);
      c.a = 0.95f;
      add_dashed(g, a, b, c);  // dashed, so an eyeline never reads as a contact
    }
  }

  if (o.cameras) {
    Bounds bodies;
    for (const Shape& s : stage.shapes)
      if (!s.label.is_prop()) bodies.add(s.bound_center);
    for (const StageCamera& sc : stage.cameras) add_camera(g, doc, sc, bodies, o);
  }
}

}  // namespace cs::render
