// body_map.hpp — the picture a body map is painted on: the performer's own
// mannequin (their height and build), standing with the arms a little away
// from the body, seen straight from the front or the back, as a grid of
// regions. Each cell holds the region an orthographic ray through its centre
// meets first on the Stage's own shapes (Stage::label_at, as masking and
// picking do), so what is painted is what the checks call that region.
//
// The editor draws the cells in the map's colours and turns a click or a drag
// into regions with `region_at`; no GL is needed, so it is tested here.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "notation/document.hpp"

namespace cs {

struct BodyMapPicture {
  int width = 0, height = 0;          // cells
  bool back = false;                  // seen from behind (the performer's left is then on the left)
  double metres_per_cell = 0;
  std::vector<std::int8_t> cells;     // row-major from the top row; region index, −1 for none
  std::optional<Region> region_at(int x, int y) const;
  // Whether the picture shows the region at all (some small ones, like the
  // perineum, are only in the grouped list).
  bool shows(Region r) const;
};

// The regions in groups, as the map's list shows them (every region once, in
// the order a body map form reads: head to feet).
struct RegionGroup {
  std::string_view name;
  std::vector<Region> regions;
};
const std::vector<RegionGroup>& region_groups();

// The performer's mannequin from the front (or the back), `height` cells tall
// (the width follows the figure's proportions).
BodyMapPicture body_map_picture(const Performer& p, bool back, int height);

}  // namespace cs
