// test_checks_written.cpp — the checks of what is written, not staged: a
// performer with no pose (pose.unposed), angles past a joint's limits
// (pose.joint_limit), no pause word agreed (safety.pause_word). Each: a scene
// that must raise it and the same scene with exactly that put right.
#include <doctest/doctest.h>

#include <algorithm>

#include "notation/checks.hpp"
#include "notation/format.hpp"
#include "notation/phrasing.hpp"
#include "notation/validate.hpp"

using namespace cs;

namespace {

Beat beat(const char* id, double start, double length) {
  Beat b;
  b.id = id;
  b.label = std::string("Beat ") + id;
  b.start_count = start;
  b.length_counts = length;
  return b;
}

Pose standing(const std::string& id, double x) {
  Pose p;
  p.performer = id;
  p.root_position = {x, 0.9, 0};
  return p;
}

// Ana and Ben, three beats, both posed at the first; the pause word agreed.
Document scene() {
  Document d;
  d.scene.title = "written";
  d.safety.pause_word = "hold";
  Performer ana, ben;
  ana.id = "ana";
  ana.character = "Ana";
  ben.id = "ben";
  ben.character = "Ben";
  d.performers = {ana, ben};
  d.choreography.beats = {beat("b01", 1, 2), beat("b02", 3, 2), beat("b03", 5, 2)};
  d.choreography.beats[0].poses = {standing("ana", 0), standing("ben", 1)};
  REQUIRE(validate(d).empty());
  return d;
}

std::vector<Finding> of(const std::vector<Finding>& all, FindingCode code) {
  std::vector<Finding> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const Finding& f) { return f.code == code; });
  return out;
}

}  // namespace

TEST_CASE("pose.unposed: a performer with no pose at a beat is named, with the first beat lacking it") {
  Document d = scene();
  CHECK(of(check_notation(d), FindingCode::pose_unposed).empty());

  SUBCASE("no pose in any beat: they would stand at the origin") {
    d.choreography.beats[0].poses.pop_back();  // Ben
    const auto f = of(check_notation(d), FindingCode::pose_unposed);
    REQUIRE(f.size() == 1);
    CHECK(f[0].performer == "ben");
    CHECK(f[0].beat == "b01");
    CHECK(f[0].from_count == 1);
    CHECK(f[0].to_count == 7);
    CHECK(f[0].severity == Severity::error);
    // And the whole run says so (an error: the checks of Ben are guesses).
    CheckOptions o;
    o.geometry = false;
    CHECK(run_checks(d, o).errors() == 1);
  }
  SUBCASE("first posed only at b02: b01 lacks it") {
    d.choreography.beats[1].poses = {standing("ben", 1)};
    d.choreography.beats[0].poses.pop_back();
    const auto f = of(check_notation(d), FindingCode::pose_unposed);
    REQUIRE(f.size() == 1);
    CHECK(f[0].performer == "ben");
    CHECK(f[0].beat == "b01");
    CHECK(f[0].to_count == 3);
  }
  SUBCASE("beats in the file out of time order: the first in time is the one named") {
    std::swap(d.choreography.beats[0], d.choreography.beats[2]);  // b03, b02, b01 in the list
    d.choreography.beats[2].poses.pop_back();
    d.choreography.beats[1].poses = {standing("ben", 1)};
    const auto f = of(check_notation(d), FindingCode::pose_unposed);
    REQUIRE(f.size() == 1);
    CHECK(f[0].beat == "b01");
  }
  SUBCASE("posed at the first beat and not after: the pose holds, nothing to say") {
    d.choreography.beats[1].poses = {standing("ana", 0.2)};  // only Ana re-keyed
    CHECK(of(check_notation(d), FindingCode::pose_unposed).empty());
  }
}

TEST_CASE("pose.joint_limit: an angle past the joint's limit is reported with the limit, not clamped silently") {
  Document d = scene();
  JointRotation elbow;
  elbow.joint = Joint::elbow_l;
  elbow.degrees = {-150, 0, 0};  // at the limit: fine
  d.choreography.beats[0].poses[0].joints = {elbow};
  CHECK(of(check_notation(d), FindingCode::pose_joint_limit).empty());

  d.choreography.beats[0].poses[0].joints[0].degrees = {-170, 0, 0};
  auto f = of(check_notation(d), FindingCode::pose_joint_limit);
  REQUIRE(f.size() == 1);
  CHECK(f[0].performer == "ana");
  CHECK(f[0].beat == "b01");
  CHECK(f[0].other == "elbow_l");
  CHECK(f[0].severity == Severity::warning);
  CHECK(f[0].message.find("-150") != std::string::npos);  // the limit
  CHECK(f[0].message.find("-170") != std::string::npos);  // what was written

  // Another joint on another performer: each is its own finding.
  JointRotation knee;
  knee.joint = Joint::knee_r;
  knee.degrees = {20, 15, 0};  // sideways 15° where the knee allows 10
  d.choreography.beats[0].poses[1].joints = {knee};
  f = of(check_notation(d), FindingCode::pose_joint_limit);
  REQUIRE(f.size() == 2);
  CHECK(std::any_of(f.begin(), f.end(), [](const Finding& x) { return x.performer == "ben" && x.other == "knee_r"; }));
}

TEST_CASE("safety.pause_word: no pause word is a warning, and it is 'not agreed yet'") {
  Document d = scene();
  CHECK(of(check_notation(d), FindingCode::safety_pause_word).empty());
  d.safety.pause_word.clear();
  const auto f = of(check_notation(d), FindingCode::safety_pause_word);
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::warning);
  CHECK(f[0].beat.empty());
  CHECK(pause_word_text(d.safety) == "not agreed yet");
  // Saved and opened again, still none, and still the warning.
  const LoadResult r = load_scene_text(save_scene_text(d), "mem.closedset.json");
  REQUIRE(r.ok());
  CHECK(r.document->safety.pause_word.empty());
  CHECK(of(check_notation(*r.document), FindingCode::safety_pause_word).size() == 1);
}
