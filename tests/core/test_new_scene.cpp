// test_new_scene.cpp — the scene File → New and `closedset new` start from.
#include <doctest/doctest.h>

#include <algorithm>

#include "notation/checks.hpp"
#include "notation/format.hpp"
#include "notation/masking.hpp"
#include "notation/new_scene.hpp"
#include "notation/stage.hpp"

TEST_CASE("a new scene is valid and saves and loads back as itself") {
  const cs::Document d = cs::new_scene();
  CHECK(cs::validate(d).empty());
  const cs::LoadResult back = cs::load_scene_text(cs::save_scene_text(d));
  REQUIRE(back.ok());
  CHECK(*back.document == d);
}

TEST_CASE("in a new scene both performers stand on the floor") {
  const cs::Document d = cs::new_scene();
  const cs::Stage st = cs::evaluate(d, 1);
  const cs::StageMesh mesh = cs::tessellate(st);
  REQUIRE(d.performers.size() == 2);
  for (int p = 0; p < 2; ++p) {
    float lowest = 1e9f, highest = -1e9f;
    for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
      if (mesh.labels[t].performer != p) continue;
      for (int k = 0; k < 3; ++k) {
        lowest = std::min(lowest, mesh.positions[3 * t + k].y);
        highest = std::max(highest, mesh.positions[3 * t + k].y);
      }
    }
    INFO("performer " << p << ": lowest " << lowest << " m, highest " << highest << " m");
    CHECK(lowest > -0.01f);  // not sunk into the floor
    CHECK(lowest < 0.01f);   // not floating above it
    CHECK(highest == doctest::Approx(d.performers[static_cast<std::size_t>(p)].height_m).epsilon(0.03));
  }
}

TEST_CASE("in a new scene camera A frames both performers, head to foot") {
  const cs::Document d = cs::new_scene();
  const cs::Stage st = cs::evaluate(d, 1);
  const cs::CameraMasking m = cs::mask_camera(st, 0);
  for (std::size_t p = 0; p < 2; ++p) {
    const cs::PerformerMasking& pm = m.performers[p];
    CHECK(pm.in_frame > 0);
    // Whole figures: the face and both feet are in frame.
    CHECK(m.shares(static_cast<int>(p), cs::Region::face).footprint > 0);
    CHECK(m.shares(static_cast<int>(p), cs::Region::foot_l).footprint + m.shares(static_cast<int>(p), cs::Region::foot_r).footprint > 0);
  }
}

TEST_CASE("a new scene checks with no error") {
  const cs::Document d = cs::new_scene();
  const cs::CheckReport r = cs::run_checks(d);
  for (const cs::Finding& f : r.findings)
    if (f.severity == cs::Severity::error) MESSAGE(f.message);
  CHECK(r.errors() == 0);
}
