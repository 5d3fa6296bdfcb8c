// scene_geometry.hpp — a Stage (the Document evaluated at one count) as
// geometry to draw: the posed, labelled tessellation of bodies, garments and
// props from notation/stage.hpp, plus the floor grid, camera bodies with their
// frusta and frame lines, contact markers and eyelines.
//
// One geometry, two consumers: the triangles drawn here are `cs::tessellate`
// of the same Stage the masking engine casts rays against. render/ builds no
// figure of its own; it only chooses colours from each triangle's Label.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "notation/document.hpp"
#include "notation/stage.hpp"
#include "render/geometry.hpp"

namespace cs::render {

enum class ColorMode { performer, consent, masking };

struct SceneDrawOptions {
  // By performer, unless `label_colors` is set (render/color_modes.hpp makes
  // the consent and masking colourings); `color` names the mode in use.
  ColorMode color = ColorMode::performer;
  std::function<glm::vec4(const cs::Label&)> label_colors;
  bool cameras = true;          // camera bodies, frusta and frame lines
  bool labels = true;           // names next to performers and cameras
  bool eyelines = true;
  bool contacts = true;         // markers where the current beat notates a contact
  std::string through_camera;   // looking through this camera: do not draw its own body
  std::string selected_camera;  // drawn highlighted
  // What is selected in the editor, outlined (Geometry::outline_indices):
  // doc.performers / doc.props index, or a camera id; −1 / "" for none.
  int outline_performer = -1;
  int outline_prop = -1;
  std::string outline_camera;
  int detail = 16;              // tessellation detail (cs::tessellate)
  // A region glowing while a tool drags over it (placing a contact): its
  // triangles (skin or the garment over it) drawn in `glow_color`. −1: none.
  int glow_performer = -1;
  cs::Region glow_region = cs::Region::face;
  glm::vec4 glow_color{1.0f};
};

Geometry build_scene_geometry(const Document& doc, const Stage& stage, const SceneDrawOptions& options = {});
// The same into `out` (cleared first, its buffers reused): the editor rebuilds
// the geometry every frame while playing, and several megabytes of fresh
// allocations a frame cost page faults.
void build_scene_geometry(const Document& doc, const Stage& stage, const SceneDrawOptions& options, Geometry& out);

// Where a performer's region is at this moment: the area-weighted centre of its
// triangles (skin or the garment over it). False when the region has no triangles.
bool region_center(const StageMesh& mesh, int performer, Region region, glm::vec3& out);

// The box around the staged bodies and props (for F, frame all).
struct Bounds {
  glm::vec3 lo{0, 0, 0}, hi{0, 0, 0};
  bool valid = false;
  void add(glm::vec3 p);
};
Bounds stage_bounds(const Stage& stage);
// The box around the performers' bodies (and garments) only: what F frames,
// the people the scene is about. Falls back to stage_bounds with no performers.
Bounds cast_bounds(const Stage& stage);
// The box around one performer's body and garments, or one prop (its shapes
// and mesh triangles), as staged; not valid when there is none.
Bounds performer_bounds(const Stage& stage, int performer);
Bounds prop_bounds(const Stage& stage, int prop);
// The box around a staged camera's body (what F frames when it is selected).
Bounds camera_bounds(const Stage& stage, int camera);

}  // namespace cs::render
