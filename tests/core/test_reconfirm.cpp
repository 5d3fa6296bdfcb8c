// test_reconfirm.cpp — consent re-confirmation: a finding on every kind of
// change that concerns a performer since the version they confirmed, and on
// none that does not; a warning in a draft, an error once rehearsed or locked.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "notation/checks.hpp"
#include "notation/edits_scene.hpp"
#include "notation/format.hpp"
#include "small_scene.hpp"

namespace {

// The small scene with both performers' confirmations of version 1.
cs::Document confirmed() {
  cs::Document d = test_scenes::small_scene();
  cs::Garment g;
  g.id = "g1";
  g.wearer = "ana";
  g.covers = {cs::Region::genitals};
  d.garments.push_back(g);
  cs::Pose pose;
  pose.performer = "ben";
  pose.root_position = {0.5, 0.99, 0};
  d.choreography.beats[0].poses.push_back(pose);
  for (const char* who : {"ana", "ben"}) {
    cs::Edited e = cs::confirm_version(d, who, "2026-12-01", true);
    REQUIRE(e.ok());
    d = std::move(e).take();
  }
  return d;
}

std::vector<cs::Finding> reconfirm_findings(const cs::Document& d, bool geometry = false) {
  cs::CheckOptions o;
  o.geometry = geometry;
  std::vector<cs::Finding> out;
  for (const cs::Finding& f : cs::run_checks(d, o).findings)
    if (f.code == cs::FindingCode::consent_reconfirm || f.code == cs::FindingCode::consent_unconfirmed_change) out.push_back(f);
  return out;
}

bool flags(const std::vector<cs::Finding>& fs, const std::string& who) {
  return std::any_of(fs.begin(), fs.end(), [&](const cs::Finding& f) { return f.performer == who; });
}

// A change made as the edit functions would: the version moves on because v1 was issued.
cs::Document changed(const std::function<void(cs::Document&)>& change) {
  cs::Document d = confirmed();
  change(d);
  d.choreography.version = 2;
  REQUIRE(cs::validate(d).empty());
  return d;
}

}  // namespace

TEST_CASE("re-confirmation: nothing changed, nothing to confirm") {
  CHECK(reconfirm_findings(confirmed()).empty());
}

TEST_CASE("re-confirmation: each kind of change that concerns a performer flags them, and only them") {
  struct Case {
    const char* what;
    std::function<void(cs::Document&)> change;
    bool ana, ben;
  };
  const std::vector<Case> cases = {
      {"a contact Ana receives changes layer", [](cs::Document& d) { d.choreography.beats[1].contacts[0].layer = cs::Layer::skin; }, true, true},
      {"a contact Ben gives is removed", [](cs::Document& d) { d.choreography.beats[1].contacts.clear(); }, true, true},
      {"Ben's shape changes", [](cs::Document& d) { d.choreography.beats[0].poses[0].root_position[0] = 0.8; }, false, true},
      {"Ana's breath cue changes", [](cs::Document& d) { d.choreography.beats[1].breath[0].cue = cs::BreathCue::hold; }, true, false},
      {"Ana's garment covers more", [](cs::Document& d) { d.garments[0].covers.push_back(cs::Region::pubic); }, true, false},
      {"Ana's garment comes off in b03", [](cs::Document& d) { d.choreography.beats[2].garment_changes.push_back({"g1", false}); }, true, false},
      {"a masking note about Ana", [](cs::Document& d) { d.choreography.beats[1].masking.push_back({"A", "ana", {cs::Region::breast_l}, "ben"}); }, true, false},
      {"the tempo", [](cs::Document& d) { d.choreography.tempo_bpm = 72; }, true, true},
      {"b02 (with their contact) re-timed", [](cs::Document& d) {
         d.choreography.beats[1].length_counts = 3;
         d.choreography.beats[1].breath[0].count = 6;
       }, true, true},
      {"Ben's height changes", [](cs::Document& d) { d.performers[1].height_m = 1.95; }, false, true},
      {"Ben gets a breath cue beside Ana's", [](cs::Document& d) {
         d.choreography.beats[1].breath.push_back({"ben", cs::BreathCue::exhale, d.choreography.beats[1].breath[0].count});
       }, false, true},
      {"an empty beat relabelled: nobody's concern", [](cs::Document& d) { d.choreography.beats[2].label = "Pause"; }, false, false},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const std::vector<cs::Finding> fs = reconfirm_findings(changed(c.change));
    CHECK(flags(fs, "ana") == c.ana);
    CHECK(flags(fs, "ben") == c.ben);
    for (const cs::Finding& f : fs) {
      CHECK(f.code == cs::FindingCode::consent_reconfirm);  // a draft: a warning
      CHECK(f.message.find("confirmed v1 on 2026-12-01; v2 changes") != std::string::npos);
    }
  }
}

TEST_CASE("re-confirmation: the message names what changed and where") {
  const std::vector<cs::Finding> fs =
      reconfirm_findings(changed([](cs::Document& d) { d.choreography.beats[1].contacts[0].layer = cs::Layer::skin; }));
  REQUIRE(fs.size() == 2);
  const cs::Finding& ana = fs[0].performer == "ana" ? fs[0] : fs[1];
  CHECK(ana.message == "ana confirmed v1 on 2026-12-01; v2 changes 1 contact ana receives (b02): confirm again before rehearsal");
  CHECK(ana.beat == "b02");
  CHECK(ana.from_count == 5);
  CHECK(ana.to_count == 9);
}

TEST_CASE("re-confirmation: an error once the changed version is rehearsed, a new confirmation clears it") {
  cs::Document d = changed([](cs::Document& doc) { doc.choreography.beats[1].contacts[0].layer = cs::Layer::skin; });
  cs::Edited e = cs::set_status(d, cs::ChoreoStatus::rehearsed, "2026-12-02");
  REQUIRE(e.ok());
  d = std::move(e).take();
  std::vector<cs::Finding> fs = reconfirm_findings(d);
  REQUIRE(fs.size() == 2);
  for (const cs::Finding& f : fs) CHECK(f.code == cs::FindingCode::consent_unconfirmed_change);
  e = cs::confirm_version(d, "ana", "2026-12-02", true);
  REQUIRE(e.ok());
  fs = reconfirm_findings(std::move(e).take());
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].performer == "ben");
}

TEST_CASE("re-confirmation: a camera change flags whose exposure it changes") {
  const cs::LoadResult r = cs::load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/bedroom.closedset.json");
  REQUIRE(r.ok());
  cs::Document d = *r.document;
  for (const cs::Performer& p : std::vector<cs::Performer>(d.performers)) {
    cs::Edited e = cs::confirm_version(d, p.id, "2026-12-01", true);
    REQUIRE(e.ok());
    d = std::move(e).take();
  }
  cs::Document label_only = d;
  label_only.cameras[0].label = "A: the wide";
  label_only.choreography.version += 1;
  CHECK(reconfirm_findings(label_only, true).empty());  // nobody's exposure changed
  cs::Document longer = d;
  longer.cameras[0].focal_mm = 40;
  longer.choreography.version += 1;
  const std::vector<cs::Finding> fs = reconfirm_findings(longer, true);
  REQUIRE_FALSE(fs.empty());
  for (const cs::Finding& f : fs) CHECK(f.message.find("exposure on camera A") != std::string::npos);
}
