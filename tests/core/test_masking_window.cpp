// test_masking_window.cpp — a window of the grid counts exactly what the full
// grid counts inside it (fragile-masking probes rely on this).
#include <doctest/doctest.h>

#include <string>

#include "notation/format.hpp"
#include "notation/masking.hpp"
#include "notation/stage.hpp"

using namespace cs;

TEST_CASE("masking: a window counts exactly the full grid's rays inside it") {
  const LoadResult r = load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/reference.closedset.json");
  REQUIRE(r.ok());
  const Stage st = evaluate(*r.document, 9.5);
  MaskingOptions full;
  full.width = 160;
  full.keep_image = true;
  for (int cam = 0; cam < static_cast<int>(st.cameras.size()); ++cam) {
    const CameraMasking all = mask_camera(st, cam, full);
    MaskingOptions win = full;
    win.col_min = 37;
    win.col_max = 101;
    win.row_min = 11;
    win.row_max = all.height - 9;
    const CameraMasking part = mask_camera(st, cam, win);
    // Skin and garment counts per region, from the full image restricted to the window.
    std::vector<RegionCounts> expect(st.performers.size() * kRegionCount);
    std::uint32_t inside = 0;
    for (int j = win.row_min; j <= win.row_max; ++j)
      for (int i = win.col_min; i <= win.col_max; ++i) {
        ++inside;
        const Label& l = all.image[static_cast<std::size_t>(j * all.width + i)];
        CHECK(part.image[static_cast<std::size_t>(j * all.width + i)] == l);
        if (l.performer < 0 || l.is_prop()) continue;
        RegionCounts& rc = expect[static_cast<std::size_t>(l.performer) * kRegionCount + static_cast<std::size_t>(l.region)];
        if (l.is_garment()) ++rc.garment;
        else ++rc.skin;
      }
    for (std::size_t p = 0; p < st.performers.size(); ++p)
      for (std::size_t k = 0; k < kRegionCount; ++k) {
        CHECK(part.performers[p].regions[k].skin == expect[p * kRegionCount + k].skin);
        CHECK(part.performers[p].regions[k].garment == expect[p * kRegionCount + k].garment);
      }
    std::uint32_t classified = part.empty_rays;
    for (auto n : part.garment_rays) classified += n;
    for (auto n : part.prop_rays) classified += n;
    for (const auto& pm : part.performers)
      for (const auto& rc : pm.regions) classified += rc.skin;
    // Garment rays are counted per garment and per region; count each ray once.
    std::uint32_t garment_region_rays = 0;
    for (const auto& pm : part.performers)
      for (const auto& rc : pm.regions) garment_region_rays += rc.garment;
    std::uint32_t garment_rays = 0;
    for (auto n : part.garment_rays) garment_rays += n;
    CHECK(garment_region_rays == garment_rays);
    CHECK(classified == part.rays());
    CHECK(part.empty_rays >= part.rays() - inside);
  }
}
