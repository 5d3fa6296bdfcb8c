#include "render/geometry.hpp"

#include <array>
#include <cmath>

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

namespace cs::render {

namespace {

glm::vec3 transform_point(const glm::mat4& m, glm::vec3 p) { return glm::vec3(m * glm::vec4(p, 1.0f)); }

glm::vec3 transform_normal(const glm::mat4& m, glm::vec3 n) {
  // Models here are rotation, translation and scale; the inverse transpose keeps
  // normals right under non-uniform scale.
  return glm::normalize(glm::vec3(glm::transpose(glm::inverse(m)) * glm::vec4(n, 0.0f)));
}

}  // namespace

void Geometry::clear() {
  vertices.clear();
  indices.clear();
  lines.clear();
  grid_lines.clear();
  labels.clear();
  outline_indices.clear();
}

void Geometry::add_box(const glm::mat4& model, glm::vec3 size, glm::vec4 color) {
  const glm::vec3 h = size * 0.5f;
  // Each face: normal, then two axes spanning it.
  const std::array<std::array<glm::vec3, 3>, 6> faces{{
      {glm::vec3(1, 0, 0), glm::vec3(0, 0, -1), glm::vec3(0, 1, 0)},
      {glm::vec3(-1, 0, 0), glm::vec3(0, 0, 1), glm::vec3(0, 1, 0)},
      {glm::vec3(0, 1, 0), glm::vec3(1, 0, 0), glm::vec3(0, 0, -1)},
      {glm::vec3(0, -1, 0), glm::vec3(1, 0, 0), glm::vec3(0, 0, 1)},
      {glm::vec3(0, 0, 1), glm::vec3(1, 0, 0), glm::vec3(0, 1, 0)},
      {glm::vec3(0, 0, -1), glm::vec3(-1, 0, 0), glm::vec3(0, 1, 0)},
  }};
  for (const auto& [n, u, v] : faces) {
    const auto base = static_cast<std::uint32_t>(vertices.size());
    const glm::vec3 wn = transform_normal(model, n);
    for (const auto& [su, sv] : std::array<std::array<float, 2>, 4>{{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}}) {
      const glm::vec3 p = (n + u * su + v * sv) * h;
      vertices.push_back({transform_point(model, p), wn, color});
    }
    indices.insert(indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
  }
}

void Geometry::add_cylinder(const glm::mat4& model, float diameter, float height, glm::vec4 color, int segments) {
  const float r = diameter * 0.5f, hy = height * 0.5f;
  const auto side = static_cast<std::uint32_t>(vertices.size());
  for (int i = 0; i <= segments; ++i) {
    const float a = glm::two_pi<float>() * static_cast<float>(i) / static_cast<float>(segments);
    const glm::vec3 n(std::cos(a), 0, std::sin(a));
    const glm::vec3 wn = transform_normal(model, n);
    vertices.push_back({transform_point(model, glm::vec3(n.x * r, -hy, n.z * r)), wn, color});
    vertices.push_back({transform_point(model, glm::vec3(n.x * r, hy, n.z * r)), wn, color});
  }
  for (int i = 0; i < segments; ++i) {
    const std::uint32_t a = side + 2 * static_cast<std::uint32_t>(i);
    indices.insert(indices.end(), {a, a + 1, a + 3, a, a + 3, a + 2});
  }
  for (const float sy : {-1.0f, 1.0f}) {
    const auto centre = static_cast<std::uint32_t>(vertices.size());
    const glm::vec3 wn = transform_normal(model, glm::vec3(0, sy, 0));
    vertices.push_back({transform_point(model, glm::vec3(0, sy * hy, 0)), wn, color});
    for (int i = 0; i <= segments; ++i) {
      const float a = glm::two_pi<float>() * static_cast<float>(i) / static_cast<float>(segments);
      vertices.push_back({transform_point(model, glm::vec3(std::cos(a) * r, sy * hy, std::sin(a) * r)), wn, color});
    }
    for (int i = 0; i < segments; ++i) {
      const std::uint32_t a = centre + 1 + static_cast<std::uint32_t>(i);
      indices.insert(indices.end(), {centre, a, a + 1});
    }
  }
}

void Geometry::add_ellipsoid(const glm::mat4& model, glm::vec3 size, glm::vec4 color, int rings, int segments) {
  const glm::vec3 h = size * 0.5f;
  const glm::mat4 m = glm::scale(model, h);
  const auto base = static_cast<std::uint32_t>(vertices.size());
  for (int r = 0; r <= rings; ++r) {
    const float phi = glm::pi<float>() * static_cast<float>(r) / static_cast<float>(rings);
    for (int s = 0; s <= segments; ++s) {
      const float th = glm::two_pi<float>() * static_cast<float>(s) / static_cast<float>(segments);
      const glm::vec3 p(std::sin(phi) * std::cos(th), std::cos(phi), std::sin(phi) * std::sin(th));
      vertices.push_back({transform_point(m, p), transform_normal(m, p), color});
    }
  }
  const auto row = static_cast<std::uint32_t>(segments + 1);
  for (int r = 0; r < rings; ++r)
    for (int s = 0; s < segments; ++s) {
      const std::uint32_t a = base + static_cast<std::uint32_t>(r) * row + static_cast<std::uint32_t>(s);
      indices.insert(indices.end(), {a, a + 1, a + row + 1, a, a + row + 1, a + row});
    }
}

void Geometry::add_line(glm::vec3 a, glm::vec3 b, glm::vec4 color) {
  lines.push_back({a, color});
  lines.push_back({b, color});
}

void Geometry::add_floor_grid(float half_extent, float step, int major_every) {
  const int n = static_cast<int>(std::round(half_extent / step));
  const glm::vec4 minor(0.34f, 0.36f, 0.40f, 0.45f), major(0.46f, 0.49f, 0.54f, 0.75f);
  const glm::vec4 x_axis(0.78f, 0.30f, 0.30f, 0.9f), z_axis(0.30f, 0.45f, 0.85f, 0.9f);
  for (int i = -n; i <= n; ++i) {
    const float t = static_cast<float>(i) * step;
    const bool is_major = (i % major_every) == 0;
    const glm::vec4 cx = i == 0 ? x_axis : (is_major ? major : minor);
    const glm::vec4 cz = i == 0 ? z_axis : (is_major ? major : minor);
    grid_lines.push_back({{-half_extent, 0, t}, cx});
    grid_lines.push_back({{half_extent, 0, t}, cx});
    grid_lines.push_back({{t, 0, -half_extent}, cz});
    grid_lines.push_back({{t, 0, half_extent}, cz});
  }
}

namespace palette {

glm::vec4 performer(int index) {
  // Muted, distinguishable on dark grey and in colour-blind simulations
  // (from the Okabe–Ito set, lightened).
  static constexpr std::array<glm::vec4, 8> kColors{{
      {0.90f, 0.62f, 0.25f, 1}, {0.35f, 0.68f, 0.90f, 1}, {0.40f, 0.75f, 0.55f, 1}, {0.85f, 0.55f, 0.75f, 1},
      {0.95f, 0.85f, 0.40f, 1}, {0.55f, 0.55f, 0.90f, 1}, {0.85f, 0.45f, 0.35f, 1}, {0.60f, 0.80f, 0.80f, 1},
  }};
  if (index < 0) return {0.7f, 0.7f, 0.7f, 1};
  return kColors[static_cast<std::size_t>(index) % kColors.size()];
}
glm::vec4 prop() { return {0.50f, 0.50f, 0.53f, 1}; }
glm::vec4 barrier() { return {0.62f, 0.52f, 0.70f, 1}; }
glm::vec4 camera_body() { return {0.28f, 0.29f, 0.32f, 1}; }
glm::vec4 camera_active() { return {0.98f, 0.78f, 0.30f, 1}; }
glm::vec4 frame_line() { return {0.98f, 0.86f, 0.45f, 1}; }
glm::vec4 selection() { return {0.96f, 0.98f, 1.0f, 1}; }

}  // namespace palette

}  // namespace cs::render
