// geometry.hpp — what the renderer draws: world-space triangles and lines with
// colours, plus screen overlays and text labels anchored in the world.
//
// The stage is posed on the CPU (notation/), so the GPU only sees flat arrays;
// a scene of two mannequins, a bed and a few cameras is a few tens of thousands
// of vertices, re-uploaded when the count changes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace cs::render {

struct MeshVertex {
  glm::vec3 position;
  glm::vec3 normal;
  glm::vec4 color;  // sRGB, straight alpha
};

struct LineVertex {
  glm::vec3 position;
  glm::vec4 color;
};

// A word drawn next to a point of the scene (camera ids, performer names).
struct TextLabel {
  glm::vec3 position;
  std::string text;
  glm::vec4 color{1, 1, 1, 1};
};

struct Geometry {
  std::vector<MeshVertex> vertices;    // opaque lit triangles
  std::vector<std::uint32_t> indices;
  std::vector<LineVertex> lines;       // pairs: each two vertices make a segment
  std::vector<LineVertex> grid_lines;  // pairs, faded with distance from the eye
  std::vector<TextLabel> labels;
  // Triangles (indices into `vertices`, three each) of what is selected: the
  // renderer draws an outline around them.
  std::vector<std::uint32_t> outline_indices;

  void clear();  // keeps the vectors' capacity, so a geometry rebuilt every frame does not reallocate
  bool empty() const { return indices.empty() && lines.empty() && grid_lines.empty(); }

  // Primitive builders. `model` places the unit shape in the world.
  // Box of full extents `size` centred on the origin.
  void add_box(const glm::mat4& model, glm::vec3 size, glm::vec4 color);
  // Cylinder along local Y, centred, `diameter` × `height`.
  void add_cylinder(const glm::mat4& model, float diameter, float height, glm::vec4 color, int segments = 24);
  // Ellipsoid with full extents `size`.
  void add_ellipsoid(const glm::mat4& model, glm::vec3 size, glm::vec4 color, int rings = 12, int segments = 20);

  void add_line(glm::vec3 a, glm::vec3 b, glm::vec4 color);
  // Square floor grid on y = 0: `half_extent` metres each way, a line every `step`,
  // a stronger line every `major_every` steps, and the X (red) and Z (blue) axes.
  void add_floor_grid(float half_extent, float step, int major_every);
};

// Colours used across the viewport, timeline and exports (sRGB).
namespace palette {
glm::vec4 performer(int index);        // distinct, calm hues for up to 8 performers, then cycling
glm::vec4 prop();
glm::vec4 barrier();
glm::vec4 camera_body();
glm::vec4 camera_active();
glm::vec4 frame_line();
glm::vec4 selection();                 // the outline around what is selected
}  // namespace palette

}  // namespace cs::render
