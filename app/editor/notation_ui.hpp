// notation_ui.hpp — what the notation panels keep between frames (editor
// state, never document edits): the body map window's performer, filters and
// brush, the region whose lines are open, the stroke in progress, and a breath
// cue being dragged on the timeline.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "notation/document.hpp"
#include "notation/edits_consent.hpp"

namespace cs::editor {

struct NotationUi {
  // [SECTION] The body map window (body_map_panel.cpp)
  std::string body_map_performer;      // "" : closed
  enum class Page { body_map, rider, garments } page = Page::body_map;
  Page page_shown = Page::body_map;    // the tab drawn last (a different `page` selects its tab)
  Direction direction = Direction::receive;
  std::string partner;                 // "" : any partner
  bool brush_on = false;               // off: a click opens the region's lines
  std::optional<BoundaryState> brush;  // nullopt: not discussed
  Layer brush_layer = Layer::over_costume;
  std::optional<Region> detail_region; // the region whose lines are open
  std::string garment;                 // garments page: the garment whose cover is painted
  std::vector<Region> stroke;          // regions painted by the stroke in progress
  std::vector<RiderCell> rider_stroke; // rider cells painted by the stroke in progress (rider page)
  bool stroke_adds = true;             // garment covers: the stroke adds (or removes) regions
  Document before_stroke;              // the document the stroke started from (for the status line)

  // [SECTION] The timeline's breath row (timeline_panel.cpp)
  struct BreathDrag {
    bool active = false;
    std::size_t beat = 0, index = 0;   // the cue as it was when the drag began
    double applied = -1e300;           // the snapped count last shown
  } breath_drag;
  std::string breath_add_performer;    // the lane a click will add a cue to (popup)
  double breath_add_count = 0;
};

}  // namespace cs::editor
