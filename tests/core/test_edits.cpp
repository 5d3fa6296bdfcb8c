// test_edits.cpp — the one door: every edit function either refuses, with a
// reason, or gives a document that saves and loads back as itself. The
// property test applies long random sequences of edits, with hostile values,
// and checks exactly that after each one.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>

#include "notation/conventions.hpp"
#include "notation/edits_beats.hpp"
#include "notation/edits_cameras.hpp"
#include "notation/edits_cast.hpp"
#include "notation/edits_consent.hpp"
#include "notation/edits_garments.hpp"
#include "notation/edits_poses.hpp"
#include "notation/edits_scene.hpp"
#include "notation/edits_takes.hpp"
#include "notation/format.hpp"
#include "random_edits.hpp"
#include "small_scene.hpp"

using random_edits::Hostile;
using random_edits::random_edit;
using test_scenes::small_scene;

namespace {

cs::Document bedroom() {
  const cs::LoadResult r = cs::load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/bedroom.closedset.json");
  REQUIRE(r.ok());
  return *r.document;
}

cs::Document made(cs::Edited e) {
  INFO(e.refusal());
  REQUIRE(e.ok());
  return std::move(e).take();
}

// Saves and loads back: the same document, and the same bytes again.
void round_trips(const cs::Document& d) {
  const std::string text = cs::save_scene_text(d);
  const cs::LoadResult back = cs::load_scene_text(text, "edited");
  if (!back.ok()) {
    for (const cs::Diagnostic& p : back.errors) MESSAGE(cs::format_diagnostic(p));
  }
  REQUIRE(back.ok());
  CHECK(*back.document == d);
  CHECK(cs::save_scene_text(*back.document) == text);
}

}  // namespace

TEST_CASE("edits that made files that would not open again are refused, naming the rule") {
  const cs::Document d = bedroom();
  const std::size_t last = d.choreography.beats.size() - 1;
  const double start = d.choreography.beats[last].start_count;

  const cs::Edited long_beat = cs::resize_beat(d, last, start, start + 200000);
  REQUIRE_FALSE(long_beat.ok());
  CHECK(long_beat.refusal().find("out of range") != std::string::npos);

  const cs::Edited no_tempo = cs::set_tempo(d, 0);
  REQUIRE_FALSE(no_tempo.ok());
  CHECK(no_tempo.refusal().find("The tempo of 0 counts per minute is out of range") == 0);

  cs::Performer giant = d.performers[0];
  giant.height_m = 7;
  const cs::Edited tall = cs::set_performer(d, giant.id, giant);
  REQUIRE_FALSE(tall.ok());
  CHECK(tall.refusal().find("A performer's height of 7 m is out of range: it must be from 1 to 2.3 m") == 0);

  cs::Camera cam = d.cameras[0];
  cam.focal_mm = -5;
  const cs::Edited lens = cs::set_camera(d, cam.id, cam);
  REQUIRE_FALSE(lens.ok());
  CHECK(lens.refusal().find("The focal length of -5 mm is out of range") == 0);

  cam.focal_mm = std::nan("");
  CHECK(cs::set_camera(d, cam.id, cam).refusal().find("not a finite number") != std::string::npos);
}

TEST_CASE("the loader and the edits keep the same rules") {
  // A file with the values the edits refuse is refused on load, at the same path.
  cs::Document d = bedroom();
  d.choreography.tempo_bpm = 0;
  d.performers[0].height_m = 7;
  const std::string text = cs::save_scene_text(d);
  const cs::LoadResult r = cs::load_scene_text(text);
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].path == "/performers/0/height_m");
  CHECK(r.errors[1].path == "/choreography/tempo_bpm");
  CHECK(r.errors == cs::validate(d));
}

TEST_CASE("removing something still referenced is refused, saying where, renaming keeps the references") {
  const cs::Document d = small_scene();
  const cs::Edited gone = cs::remove_performer(d, "ana");
  REQUIRE_FALSE(gone.ok());
  CHECK(gone.refusal().find("beat b02, contact 1 (the receiver)") != std::string::npos);
  CHECK(gone.refusal().find("beat b02 (a breath cue)") != std::string::npos);
  CHECK(cs::references_to(d, cs::ItemKind::camera, "A") == std::vector<std::string>{"take 1 on camera A"});
  CHECK_FALSE(cs::remove_camera(d, "A").ok());

  cs::Performer renamed = *d.performer("ana");
  renamed.id = "anna";
  const cs::Document e = made(cs::set_performer(d, "ana", renamed));
  CHECK(e.choreography.beats[1].contacts[0].receiver == "anna");
  CHECK(e.choreography.beats[1].breath[0].performer == "anna");
  CHECK(cs::references_to(e, cs::ItemKind::performer, "ana").empty());

  // Renaming onto an id in use is refused.
  renamed.id = "ben";
  const std::string dup = cs::set_performer(d, "ana", renamed).refusal();
  CHECK(dup.find("Duplicate id") != std::string::npos);
  CHECK_MESSAGE(dup.find("the performer at /performers/") != std::string::npos, dup);  // where the id is already used

  // Free once nothing names it.
  cs::Document lone = small_scene();
  lone.performers.push_back(cs::Performer{});
  lone.performers.back().id = "cleo";
  CHECK(made(cs::remove_performer(lone, "cleo")).performers.size() == 2);
}

TEST_CASE("new ids: numbered after the highest, camera letters skip I and O") {
  cs::Document d = small_scene();
  std::string id;
  d = made(cs::add_performer(d, cs::Performer{}, &id));
  CHECK(id == "p1");
  d = made(cs::add_performer(d, cs::Performer{}, &id));
  CHECK(id == "p2");
  for (const char* letter : {"B", "C", "D", "E", "F", "G", "H", "J"}) {
    cs::Camera c;
    d = made(cs::add_camera(d, c, &id));
    CHECK(id == letter);
  }
  d.cameras.clear();
  for (char c = 'A'; c <= 'Z'; ++c) {
    if (c == 'I' || c == 'O') continue;
    d.cameras.push_back(cs::Camera{});
    d.cameras.back().id = std::string(1, c);
  }
  CHECK(cs::next_camera_letter(d) == "AA");
}

TEST_CASE("an add that is refused tells no id or index") {
  const cs::Document d = small_scene();
  cs::Camera bad;
  bad.focal_mm = -5;
  std::string id = "untouched";
  CHECK_FALSE(cs::add_camera(d, bad, &id).ok());
  CHECK(id == "untouched");
  std::size_t index = 99;
  cs::Document locked = d;
  locked.choreography.status = cs::ChoreoStatus::locked;
  CHECK_FALSE(cs::add_beat(locked, 200, 2, &index).ok());
  CHECK(index == 99);
  CHECK(cs::add_beat(d, 200, 2, &index).ok());
  CHECK(index == d.choreography.beats.size());
}

TEST_CASE("slate letters: A to Z without I and O, then AA, shorter sorts first") {
  CHECK(cs::slate_letters_after("") == "A");
  CHECK(cs::slate_letters_after("H") == "J");
  CHECK(cs::slate_letters_after("N") == "P");
  CHECK(cs::slate_letters_after("Z") == "AA");
  CHECK(cs::slate_letters_after("AZ") == "BA");
  CHECK(cs::slate_letters_after("ZZ") == "AAA");
  CHECK(cs::is_slate_letters("ABJ"));
  CHECK_FALSE(cs::is_slate_letters("AI"));
  CHECK_FALSE(cs::is_slate_letters("a"));
  CHECK(cs::slate_letters_before("Z", "AA"));
  CHECK_FALSE(cs::slate_letters_before("AA", "Z"));
  CHECK(cs::slate_letters_before("A", "B"));
}

TEST_CASE("pose keys: joints clamped to their limits, kept in skeleton order") {
  cs::Document d = small_scene();
  cs::Pose p;
  p.performer = "ana";
  p.root_position = {0, 0.9, 0};
  p.joints = {{cs::Joint::knee_l, {10, 0, 0}}, {cs::Joint::hip_l, {-20, 0, 0}}};  // out of order
  d = made(cs::set_pose(d, 0, p));
  const cs::Pose& key = d.choreography.beats[0].poses[0];
  REQUIRE(key.joints.size() == 2);
  CHECK(key.joints[0].joint == cs::Joint::hip_l);
  d = made(cs::set_joint(d, 0, "ana", cs::Joint::elbow_l, {-400, 0, 0}));
  const cs::Pose& clamped = d.choreography.beats[0].poses[0];
  REQUIRE(clamped.joints.size() == 3);
  CHECK(clamped.joints[0].joint == cs::Joint::elbow_l);  // skeleton order: elbow, hip, knee
  CHECK(clamped.joints[0].degrees[0] == -150);           // the elbow's limit
  CHECK_FALSE(cs::set_joint(d, 1, "ana", cs::Joint::elbow_l, {0, 0, 0}).ok());  // b02 holds no key of ana
  round_trips(d);
}

TEST_CASE("a camera's moves stay in order of count") {
  cs::Document d = small_scene();
  cs::CameraMove late{8, {1, 1.5, 4}, {0, 1, 0}, std::nullopt};
  cs::CameraMove early{3, {-1, 1.5, 4}, {0, 1, 0}, 35.0};
  d = made(cs::add_camera_move(d, "A", late));
  d = made(cs::add_camera_move(d, "A", early));
  REQUIRE(d.cameras[0].moves.size() == 2);
  CHECK(d.cameras[0].moves[0].count == 3);
  CHECK_FALSE(cs::add_camera_move(d, "A", late).ok());  // two keys at one count
  round_trips(d);
}

TEST_CASE("a camera move dragged along the timeline keeps its place and lens, and its order") {
  cs::Document d = small_scene();
  d = made(cs::add_camera_move(d, "A", {3, {-1, 1.5, 4}, {0, 1, 0}, 35.0}));
  d = made(cs::add_camera_move(d, "A", {8, {1, 1.5, 4}, {0, 1, 0}, std::nullopt}));
  std::size_t at = 99;
  // The early move dragged past the late one: it is second now, everything else kept.
  const cs::Document moved = made(cs::retime_camera_move(d, "A", 0, 10.5, &at));
  CHECK(at == 1);
  REQUIRE(moved.cameras[0].moves.size() == 2);
  CHECK(moved.cameras[0].moves[0].count == 8);
  CHECK(moved.cameras[0].moves[1].count == 10.5);
  CHECK(moved.cameras[0].moves[1].position == cs::Vec3{-1, 1.5, 4});
  CHECK(moved.cameras[0].moves[1].focal_mm == 35.0);
  round_trips(moved);
  // Refused, saying why: onto another move, outside the choreography, not a number, no such move or camera.
  const cs::Edited onto = cs::retime_camera_move(d, "A", 0, 8);
  REQUIRE_FALSE(onto.ok());
  CHECK(onto.refusal().find("already has a move at count 8") != std::string::npos);
  const cs::Edited outside = cs::retime_camera_move(d, "A", 0, 40);
  REQUIRE_FALSE(outside.ok());
  CHECK(outside.refusal().find("outside the choreography (1 to 17)") != std::string::npos);
  CHECK_FALSE(cs::retime_camera_move(d, "A", 0, 0.5).ok());
  CHECK_FALSE(cs::retime_camera_move(d, "A", 0, std::numeric_limits<double>::quiet_NaN()).ok());
  CHECK_FALSE(cs::retime_camera_move(d, "A", 2, 4).ok());
  CHECK_FALSE(cs::retime_camera_move(d, "Z", 0, 4).ok());
  // Onto its own count is no change of order.
  at = 99;
  CHECK(made(cs::retime_camera_move(d, "A", 1, 8, &at)) == d);
  CHECK(at == 1);
}

// ---------------------------------------------------------------------------
// [SECTION] The property: random sequences of edits, hostile values included
// (random_edits.hpp; fuzz/fuzz_edits.cpp drives the same edits from libFuzzer's bytes)


TEST_CASE("property: every edit is refused with a reason, or saves and loads back as itself") {
  int made_count = 0, refused = 0;
  for (unsigned seed : {1u, 2u, 3u, 4u}) {
    std::mt19937 gen(seed);
    Hostile h([&gen] { return static_cast<std::uint32_t>(gen()); });
    cs::Document d = seed % 2 ? bedroom() : small_scene();
    for (int step = 0; step < 500; ++step) {
      const cs::Document before = d;
      cs::Edited e = random_edit(d, h);
      CHECK(d == before);  // an edit never changes what it was given
      if (!e.ok()) {
        ++refused;
        CHECK_FALSE(e.refusal().empty());
        continue;
      }
      ++made_count;
      d = std::move(e).take();
      INFO("seed " << seed << ", step " << step);
      round_trips(d);
      CHECK(cs::validate(d).empty());
    }
  }
  MESSAGE("edits made: " << made_count << ", refused: " << refused);
  // Both outcomes happen often, so the property is tested on each side.
  CHECK(made_count > 200);
  CHECK(refused > 200);
}
