// test_diff.cpp — what changed between two versions: one crafted pair per kind
// of change, none for an identical pair, and whom each change concerns.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "notation/diff.hpp"
#include "notation/edits.hpp"
#include "notation/format.hpp"
#include "small_scene.hpp"

using test_scenes::small_scene;

namespace {

cs::Document scene() {
  cs::Document d = small_scene();
  cs::Garment g;
  g.id = "g1";
  g.wearer = "ana";
  g.covers = {cs::Region::genitals};
  d.garments.push_back(g);
  cs::Prop p;
  p.id = "bed";
  d.props.push_back(p);
  cs::Pose pose;
  pose.performer = "ana";
  pose.root_position = {0, 0.92, 0};
  pose.joints = {{cs::Joint::elbow_l, {-20, 0, 0}}};
  d.choreography.beats[0].poses.push_back(pose);
  d.choreography.beats[1].masking.push_back({"A", "ana", {cs::Region::breast_l}, "ben"});
  REQUIRE(cs::validate(d).empty());
  return d;
}

// The changes between the scene and the scene changed by `change`, the notation only.
cs::ChoreographyDiff diff_after(const std::function<void(cs::Document&)>& change, bool exposure = false) {
  const cs::Document a = scene();
  cs::Document b = a;
  change(b);
  cs::DiffOptions o;
  o.exposure = exposure;
  return cs::diff_versions(cs::snapshot_of(a, "", ""), cs::snapshot_of(b, "", ""), b, o);
}

bool has(const cs::ChoreographyDiff& d, cs::ChangeKind k, const std::string& beat = "*") {
  return std::any_of(d.changes.begin(), d.changes.end(),
                     [&](const cs::Change& c) { return c.kind == k && (beat == "*" || c.beat == beat); });
}

}  // namespace

TEST_CASE("diff: an identical pair has no change") {
  CHECK(diff_after([](cs::Document&) {}, true).empty());
}

TEST_CASE("diff: one crafted pair per kind of change") {
  using K = cs::ChangeKind;
  struct Case {
    const char* what;
    std::function<void(cs::Document&)> change;
    K kind;
    const char* beat;
    std::vector<std::string> concerns;
  };
  const std::vector<Case> cases = {
      {"tempo", [](cs::Document& d) { d.choreography.tempo_bpm = 72; }, K::tempo, "", {"ana", "ben"}},
      {"beat added", [](cs::Document& d) { d.choreography.beats.push_back(test_scenes::beat("b04", 20, 2)); }, K::beat_added, "b04", {}},
      {"beat removed", [](cs::Document& d) { d.choreography.beats.erase(d.choreography.beats.begin() + 2); }, K::beat_removed, "b03", {}},
      {"beat re-timed", [](cs::Document& d) { d.choreography.beats[2].start_count = 14; }, K::beat_retimed, "b03", {}},
      {"beat relabelled", [](cs::Document& d) { d.choreography.beats[2].label = "The turn"; }, K::beat_relabelled, "b03", {}},
      {"action rewritten", [](cs::Document& d) { d.choreography.beats[1].action = "Ben's hand rests"; }, K::beat_action, "b02", {"ana", "ben"}},
      {"contact added", [](cs::Document& d) {
         cs::Contact c = d.choreography.beats[1].contacts[0];
         c.with = cs::Region::hand_l;
         d.choreography.beats[1].contacts.push_back(c);
       }, K::contact_added, "b02", {"ana", "ben"}},
      {"contact removed", [](cs::Document& d) { d.choreography.beats[1].contacts.clear(); }, K::contact_removed, "b02", {"ana", "ben"}},
      {"contact's terms changed", [](cs::Document& d) { d.choreography.beats[1].contacts[0].layer = cs::Layer::skin; }, K::contact_changed, "b02", {"ana", "ben"}},
      {"contact moved to another region", [](cs::Document& d) { d.choreography.beats[1].contacts[0].region = cs::Region::back_lower; }, K::contact_changed, "b02", {"ana", "ben"}},
      {"pose key added", [](cs::Document& d) {
         cs::Pose p;
         p.performer = "ben";
         p.root_position = {0.5, 0.99, 0};
         d.choreography.beats[1].poses.push_back(p);
       }, K::pose_added, "b02", {"ben"}},
      {"pose key removed", [](cs::Document& d) { d.choreography.beats[0].poses.clear(); }, K::pose_removed, "b01", {"ana"}},
      {"pose changed", [](cs::Document& d) { d.choreography.beats[0].poses[0].joints[0].degrees[0] = -60; }, K::pose_changed, "b01", {"ana"}},
      {"pelvis moved", [](cs::Document& d) { d.choreography.beats[0].poses[0].root_position[2] = 0.3; }, K::pose_changed, "b01", {"ana"}},
      {"breath", [](cs::Document& d) { d.choreography.beats[1].breath[0].cue = cs::BreathCue::inhale; }, K::breath_changed, "b02", {"ana"}},
      {"eyelines", [](cs::Document& d) {
         cs::Eyeline y;
         y.performer = "ben";
         y.target.performer = "ana";
         d.choreography.beats[1].eyelines.push_back(y);
       }, K::eyelines_changed, "b02", {"ben"}},
      {"garment added", [](cs::Document& d) { d.garments.push_back(cs::Garment{"g2", "ben", "", cs::GarmentKind::pouch, {cs::Region::genitals}, cs::GarmentCamera::hidden, true}); }, K::garment_added, "", {"ben"}},
      {"garment removed", [](cs::Document& d) { d.garments.clear(); }, K::garment_removed, "", {"ana"}},
      {"garment changed", [](cs::Document& d) { d.garments[0].covers.push_back(cs::Region::pubic); }, K::garment_changed, "", {"ana"}},
      {"garment taken off in a beat", [](cs::Document& d) { d.choreography.beats[2].garment_changes.push_back({"g1", false}); }, K::garment_worn_changed, "b03", {"ana"}},
      {"prop added", [](cs::Document& d) { d.props.push_back(cs::Prop{}); d.props.back().id = "pillow"; }, K::prop_added, "", {}},
      {"prop removed", [](cs::Document& d) { d.props.clear(); }, K::prop_removed, "", {}},
      {"prop moved", [](cs::Document& d) { d.props[0].position = {1, 0.5, 0}; }, K::prop_changed, "", {}},
      {"camera added", [](cs::Document& d) { d.cameras.push_back(d.cameras[0]); d.cameras.back().id = "B"; }, K::camera_added, "", {}},
      {"camera removed", [](cs::Document& d) { d.cameras.clear(); d.takes.clear(); d.choreography.beats[1].masking.clear(); }, K::camera_removed, "", {}},
      {"camera changed", [](cs::Document& d) { d.cameras[0].focal_mm = 85; }, K::camera_changed, "", {}},
      {"masking note added", [](cs::Document& d) { d.choreography.beats[2].masking.push_back({"A", "ben", {cs::Region::buttock_l}, "bed"}); }, K::masking_added, "b03", {"ben"}},
      {"masking note removed", [](cs::Document& d) { d.choreography.beats[1].masking.clear(); }, K::masking_removed, "b02", {"ana"}},
      {"masking note changed", [](cs::Document& d) { d.choreography.beats[1].masking[0].regions.push_back(cs::Region::breast_r); }, K::masking_changed, "b02", {"ana"}},
      {"a performer's height", [](cs::Document& d) { d.performers[0].height_m = 1.80; }, K::body_changed, "", {"ana"}},
      {"camera notes rewritten", [](cs::Document& d) { d.choreography.beats[2].camera_notes = "A holds wide"; }, K::beat_notes, "b03", {}},
      {"a beat marked a placeholder", [](cs::Document& d) { d.choreography.beats[2].placeholder = true; }, K::beat_notes, "b03", {}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const cs::ChoreographyDiff d = diff_after(c.change);
    REQUIRE(has(d, c.kind, c.beat));
    for (const cs::Change& ch : d.changes) {
      if (ch.kind != c.kind) continue;
      if (!c.concerns.empty()) CHECK(ch.performers == c.concerns);
      CHECK_FALSE(ch.text.empty());
    }
  }
}

TEST_CASE("diff: masking notes are matched one to one: a second, identical note removed is a change") {
  const cs::Document a = [] {
    cs::Document d = scene();
    d.choreography.beats[1].masking.push_back(d.choreography.beats[1].masking[0]);
    return d;
  }();
  cs::Document b = a;
  b.choreography.beats[1].masking.pop_back();
  const cs::ChoreographyDiff d = cs::diff_versions(cs::snapshot_of(a, "", ""), cs::snapshot_of(b, "", ""), b, {});
  CHECK(has(d, cs::ChangeKind::masking_removed, "b02"));
}

TEST_CASE("diff: a pose turned less than the threshold is no change, a contact changed is not removed and added") {
  const cs::ChoreographyDiff small = diff_after([](cs::Document& d) { d.choreography.beats[0].poses[0].joints[0].degrees[0] = -21; });
  CHECK(small.empty());
  const cs::ChoreographyDiff moved = diff_after([](cs::Document& d) { d.choreography.beats[1].contacts[0].region = cs::Region::back_lower; });
  REQUIRE(moved.changes.size() == 1);
  CHECK(moved.changes[0].kind == cs::ChangeKind::contact_changed);
}

TEST_CASE("diff: exposure on each camera, among the regions a performer's rider is about") {
  const cs::LoadResult r = cs::load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/bedroom.closedset.json");
  REQUIRE(r.ok());
  const cs::Document a = *r.document;
  cs::Document b = a;
  b.cameras[0].focal_mm = 40;  // a longer lens on camera A
  cs::DiffOptions o;
  const cs::ChoreographyDiff d = cs::diff_versions(cs::snapshot_of(a, "", ""), cs::snapshot_of(b, "", ""), b, o);
  REQUIRE(has(d, cs::ChangeKind::exposure_changed));
  for (const cs::Change& c : d.changes) {
    if (c.kind != cs::ChangeKind::exposure_changed) continue;
    CHECK(c.camera == "A");
    REQUIRE(c.performers.size() == 1);
  }
  // The notation alone: no staging, no exposure changes.
  o.exposure = false;
  const cs::ChoreographyDiff notation = cs::diff_versions(cs::snapshot_of(a, "", ""), cs::snapshot_of(b, "", ""), b, o);
  CHECK_FALSE(has(notation, cs::ChangeKind::exposure_changed));
  CHECK(has(notation, cs::ChangeKind::camera_changed));
  // A change to the words only stages nothing, and finds no exposure change.
  cs::Document c = a;
  c.choreography.beats[0].label = "Sitting";
  CHECK(cs::diff_versions(cs::snapshot_of(a, "", ""), cs::snapshot_of(c, "", ""), c).changes.size() == 1);
}
