// scene_geometry.hpp — the Document at one count, as geometry to draw: floor
// grid, props, performers, camera bodies with frusta and frame lines, eyelines.
//
// Performers: until notation/stage.hpp exists this draws a plain placeholder
// figure at each performer's root (interpolated between beat keyframes). When
// the Stage lands, its labelled tessellation replaces the placeholder here, so
// the viewport draws exactly what masking casts rays against. render/ never
// builds a human model of its own beyond that placeholder.
#pragma once

#include <string>

#include <glm/glm.hpp>

#include "notation/document.hpp"
#include "render/geometry.hpp"

namespace cs::render {

struct SceneDrawOptions {
  bool cameras = true;          // camera bodies, frusta and frame lines
  bool labels = true;           // names next to performers and cameras
  bool eyelines = true;
  std::string through_camera;   // looking through this camera: do not draw its own body
  std::string selected_camera;  // drawn highlighted
  float frustum_length = 0;     // metres; 0: to the camera's target
};

Geometry build_scene_geometry(const Document& doc, double count, const SceneDrawOptions& options = {});

// Placement of one performer at a count (root only; the Stage adds the joints).
struct PerformerPlacement {
  glm::vec3 position{0, 0, 0};  // pelvis on the floor plan plus the pose's height offset
  glm::vec3 rotation_deg{0, 0, 0};
  float height_m = 1.7f;
  glm::vec3 head() const;        // where eyelines start and labels sit
  glm::mat4 model() const;       // pelvis frame in the world
};
PerformerPlacement performer_placement(const Document& doc, std::size_t performer_index, double count);

// The box holding the props and performers at a count (for F, frame all).
struct Bounds {
  glm::vec3 lo{0, 0, 0}, hi{0, 0, 0};
  bool valid = false;
  void add(glm::vec3 p);
};
Bounds scene_bounds(const Document& doc, double count);

// The beat at a count: the last beat starting at or before it (a gap holds the
// last shape), or nullptr before the first beat.
const Beat* beat_at(const Document& doc, double count);

}  // namespace cs::render
