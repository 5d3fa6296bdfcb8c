// test_masking_window.cpp — a window of the grid counts exactly what the full
// grid counts inside it (fragile-masking probes rely on this).
#include <doctest/doctest.h>

#include <cmath>
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


// An interest (what the checks ask for) casts only the tiles that can matter
// and counts exactly what the full grid counts for what it names.
TEST_CASE("masking: an interest counts exactly the full grid's numbers for what it asks") {
  for (const char* name : {"/reference.closedset.json", "/bedroom.closedset.json"}) {
    const LoadResult r = load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + name);
    REQUIRE(r.ok());
    const Document& d = *r.document;
    for (double count : {2.0, 9.5, 17.25}) {
      const Stage st = evaluate(d, count);
      MaskingOptions full;
      full.width = 160;
      // Intimate regions of the first performer, every region of nobody else;
      // every garment marked hidden in the document; the barrier props.
      MaskingInterest in;
      in.regions.assign(st.performers.size(), 0);
      for (Region reg : {Region::breast_l, Region::nipple_r, Region::buttock_l, Region::genitals, Region::pubic})
        in.regions[0] |= region_bit(reg);
      in.garments.assign(d.garments.size(), false);
      for (std::size_t g = 0; g < d.garments.size(); ++g) in.garments[g] = d.garments[g].camera == GarmentCamera::hidden;
      in.props.assign(d.props.size(), false);
      for (std::size_t p = 0; p < d.props.size(); ++p) in.props[p] = d.props[p].barrier;
      MaskingOptions part_opts = full;
      part_opts.interest = &in;
      std::uint32_t cast_less = 0;
      for (int cam = 0; cam < static_cast<int>(st.cameras.size()); ++cam) {
        CAPTURE(name);
        CAPTURE(count);
        CAPTURE(cam);
        const CameraMasking all = mask_camera(st, cam, full);
        const CameraMasking part = mask_camera(st, cam, part_opts);
        CHECK_FALSE(all.partial);
        CHECK(part.partial);
        for (std::size_t k = 0; k < kRegionCount; ++k)
          if (in.regions[0] & (std::uint64_t{1} << k)) CHECK(part.performers[0].regions[k] == all.performers[0].regions[k]);
        for (std::size_t g = 0; g < d.garments.size(); ++g)
          if (in.garments[g]) CHECK(part.garment_rays[g] == all.garment_rays[g]);
        for (std::size_t p = 0; p < d.props.size(); ++p)
          if (in.props[p]) CHECK(part.prop_rays[p] == all.prop_rays[p]);
        cast_less += part.empty_rays > all.empty_rays;
      }
      CHECK(cast_less > 0);  // the interest did leave rays out somewhere
    }
  }
}

// Each region's footprint box is where its footprint lies: a window of exactly
// that box counts the whole footprint, one a row or a column smaller does not.
TEST_CASE("masking: a region's footprint box bounds its footprint exactly") {
  const LoadResult r = load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/reference.closedset.json");
  REQUIRE(r.ok());
  const Stage st = evaluate(*r.document, 9.5);
  MaskingOptions full;
  full.width = 120;
  int tested = 0;
  for (int cam = 0; cam < static_cast<int>(st.cameras.size()); ++cam) {
    const CameraMasking all = mask_camera(st, cam, full);
    for (std::size_t p = 0; p < all.performers.size(); ++p)
      for (std::size_t k = 0; k < kRegionCount; k += 5) {
        const RegionCounts& rc = all.performers[p].regions[k];
        CHECK(rc.box.empty() == (rc.footprint == 0));
        if (rc.footprint == 0) continue;
        MaskingOptions w = full;
        w.row_min = rc.box.row_min;
        w.row_max = rc.box.row_max;
        w.col_min = rc.box.col_min;
        w.col_max = rc.box.col_max;
        const RegionCounts in = mask_camera(st, cam, w).performers[p].regions[k];
        CHECK(in.footprint == rc.footprint);
        CHECK(in.box == rc.box);
        for (int side = 0; side < 4; ++side) {
          MaskingOptions s = w;
          if (side == 0) ++s.row_min;
          if (side == 1) --s.row_max;
          if (side == 2) ++s.col_min;
          if (side == 3) --s.col_max;
          if (s.row_max < s.row_min || s.col_max < s.col_min) continue;
          CHECK(mask_camera(st, cam, s).performers[p].regions[k].footprint < rc.footprint);
        }
        ++tested;
      }
  }
  CHECK(tested > 10);
}

// The screen bounds that decide which rays meet a shape must hold every point
// of its surface seen in frame, including shapes that run out of the frame
// (a capsule with one end far outside) and cameras close enough to be among
// the bodies.
TEST_CASE("masking: a shape's ray bounds hold every point of its surface in frame") {
  const LoadResult r = load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/reference.closedset.json");
  REQUIRE(r.ok());
  Stage st = evaluate(*r.document, 9.5);
  const int W = 96;
  const int H = 54;
  int points_checked = 0, edge_shapes = 0;
  // The scene's own cameras, and each pulled in to a third of its distance.
  const std::size_t n_cams = st.cameras.size();
  for (std::size_t c = 0; c < n_cams; ++c) {
    StageCamera near = st.cameras[c];
    const glm::dvec3 chest(st.performers[0].joints[static_cast<std::size_t>(Joint::spine_upper)].position);
    near.basis.position = chest + (near.basis.position - chest) / 3.0;
    st.cameras.push_back(near);
  }
  for (std::size_t c = 0; c < st.cameras.size(); ++c) {
    const StageCamera& cam = st.cameras[c];
    for (std::size_t k = 0; k < st.shapes.size(); ++k) {
      const Shape& s = st.shapes[k];
      if (s.kind != ShapeKind::ellipsoid && s.kind != ShapeKind::capsule) continue;
      int i0 = 0, i1 = -1, j0 = 0, j1 = -1;
      const bool any = detail::shape_ray_bounds(st, static_cast<int>(c), k, W, H, i0, i1, j0, j1);
      const double hy = s.kind == ShapeKind::capsule ? static_cast<double>(s.h) : 0.0;
      const glm::dmat4 w(s.to_world);
      bool inside = false, outside = false;
      for (int a = 0; a < 24; ++a)
        for (int b = 0; b < 48; ++b) {
          const double pi = std::acos(-1.0);
          const double th = pi * (a + 0.5) / 24, ph = 2 * pi * b / 48;
          const double y = std::cos(th) + (std::cos(th) > 0 ? hy : -hy);
          const glm::dvec3 p(w * glm::dvec4(std::sin(th) * std::cos(ph), y, std::sin(th) * std::sin(ph), 1));
          const glm::dvec3 rel = p - cam.basis.position;
          const double z = glm::dot(rel, cam.basis.forward);
          if (z <= 1e-3) continue;
          const double u = glm::dot(rel, cam.basis.right) / (z * cam.lens.tan_half_w);
          const double v = glm::dot(rel, cam.basis.up) / (z * cam.lens.tan_half_h);
          if (std::fabs(u) > 1 || std::fabs(v) > 1) {
            outside = true;
            continue;
          }
          inside = true;
          // The rays either side of the point.
          const double fi = (u + 1) * W / 2 - 0.5, fj = (1 - v) * H / 2 - 0.5;
          ++points_checked;
          CHECK(any);
          CHECK(i0 <= std::max(0.0, std::ceil(fi)));
          CHECK(i1 >= std::min(W - 1.0, std::floor(fi)));
          CHECK(j0 <= std::max(0.0, std::ceil(fj)));
          CHECK(j1 >= std::min(H - 1.0, std::floor(fj)));
        }
      edge_shapes += inside && outside;
    }
  }
  CHECK(points_checked > 10000);
  CHECK(edge_shapes > 5);  // shapes that cross the frame's edge were among them
}
