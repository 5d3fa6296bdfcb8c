// test_lined.cpp — the lined choreography: who is on screen in each beat of
// each setup, from the masking engine (notation/lined.hpp).
#include <doctest/doctest.h>

#include "notation/lined.hpp"
#include "small_scene.hpp"

namespace {

// The small scene with Ana and Ben standing apart, facing camera A (4 m away, 50 mm).
cs::Document apart() {
  cs::Document d = test_scenes::small_scene();
  for (const auto& [who, x] : {std::pair{"ana", -0.6}, std::pair{"ben", 0.6}}) {
    cs::Pose p;
    p.performer = who;
    p.root_position = {x, 0.95, 0};
    d.choreography.beats[0].poses.push_back(p);
  }
  REQUIRE(cs::validate(d).empty());
  return d;
}

bool all_are(const cs::LinedSetup& s, std::size_t performer, cs::OnScreen want) {
  for (const auto& row : s.beats)
    if (row[performer] != want) return false;
  return true;
}

}  // namespace

TEST_CASE("lined: one column per setup from the take log, both performers seen where the camera frames them") {
  const cs::LinedChoreography l = cs::lined_choreography(apart());
  REQUIRE(l.setups.size() == 1);
  const cs::LinedSetup& s = l.setups[0];
  CHECK(s.camera == "A");
  CHECK_FALSE(s.planned);
  CHECK(s.takes == std::vector<std::string>{"1 hold"});
  CHECK(s.lens_mm == 50);
  REQUIRE(s.beats.size() == 3);
  CHECK(all_are(s, 0, cs::OnScreen::seen));
  CHECK(all_are(s, 1, cs::OnScreen::seen));
}

TEST_CASE("lined: a camera turned away has everyone out, a wall in front of Ben leaves him hidden, Ana seen") {
  cs::Document away = apart();
  away.cameras[0].target = {0, 1.5, 8};
  const cs::LinedChoreography l = cs::lined_choreography(away);
  CHECK(all_are(l.setups[0], 0, cs::OnScreen::out));
  CHECK(all_are(l.setups[0], 1, cs::OnScreen::out));

  cs::Document wall = apart();
  cs::Prop p;
  p.id = "flat";
  p.shape = cs::PropShape::box;
  p.position = {0.6, 1.0, 2.0};
  p.size = {1.0, 2.2, 0.2};
  wall.props.push_back(p);
  REQUIRE(cs::validate(wall).empty());
  const cs::LinedChoreography w = cs::lined_choreography(wall);
  CHECK(all_are(w.setups[0], 0, cs::OnScreen::seen));
  CHECK(all_are(w.setups[0], 1, cs::OnScreen::hidden));
}

TEST_CASE("lined: the lens a take logged is the setup's, a scene with no takes has a planned column per camera") {
  cs::Document d = apart();
  cs::Take tele = d.takes[0];
  tele.setup = "B";
  tele.number = 1;
  tele.lens_mm = 200;  // at 4 m, a frame 0.5 m wide between them
  tele.deviations.clear();
  d.takes.push_back(tele);
  REQUIRE(cs::validate(d).empty());
  const cs::LinedChoreography l = cs::lined_choreography(d);
  REQUIRE(l.setups.size() == 2);
  CHECK(l.setups[1].setup == "B");
  CHECK(l.setups[1].lens_mm == 200);
  CHECK(l.setups[1].takes == std::vector<std::string>{"B1 hold"});
  CHECK(all_are(l.setups[0], 0, cs::OnScreen::seen));
  CHECK(all_are(l.setups[1], 0, cs::OnScreen::out));
  CHECK(all_are(l.setups[1], 1, cs::OnScreen::out));

  cs::Document none = apart();
  none.takes.clear();
  none.cameras.push_back(none.cameras[0]);
  none.cameras.back().id = "B";
  const cs::LinedChoreography p = cs::lined_choreography(none);
  REQUIRE(p.setups.size() == 2);
  CHECK(p.setups[0].planned);
  CHECK(p.setups[1].camera == "B");
  CHECK(p.setups[1].takes.empty());
}
