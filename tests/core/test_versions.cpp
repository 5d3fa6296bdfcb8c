// test_versions.cpp — versions of the choreography: issuing (rehearsed, locked,
// confirmed), a change to an issued version starting the next one, locking,
// unlocking to revise, confirmations, the take log's new fields, and files of
// format version 1 reading as they are.
#include <doctest/doctest.h>

#include <functional>

#include "notation/edits_beats.hpp"
#include "notation/edits_cameras.hpp"
#include "notation/edits_cast.hpp"
#include "notation/edits_garments.hpp"
#include "notation/edits_poses.hpp"
#include "notation/edits_scene.hpp"
#include "notation/edits_takes.hpp"
#include "notation/format.hpp"
#include "notation/phrasing.hpp"
#include "small_scene.hpp"

using test_scenes::small_scene;

namespace {

cs::Document made(cs::Edited e) {
  INFO(e.refusal());
  REQUIRE(e.ok());
  return std::move(e).take();
}

void round_trips(const cs::Document& d) {
  const cs::LoadResult back = cs::load_scene_text(cs::save_scene_text(d));
  for (const cs::Diagnostic& p : back.errors) MESSAGE(cs::format_diagnostic(p));
  REQUIRE(back.ok());
  CHECK(*back.document == d);
}

// A small scene with a garment and a prop, so every kind of content edit has something to act on.
cs::Document dressed_scene() {
  cs::Document d = small_scene();
  cs::Garment g;
  g.id = "g1";
  g.wearer = "ana";
  g.covers = {cs::Region::genitals, cs::Region::pubic};
  d.garments.push_back(g);
  cs::Prop p;
  p.id = "bed";
  d.props.push_back(p);
  cs::Pose pose;
  pose.performer = "ana";
  pose.root_position = {0, 0.92, 0};
  d.choreography.beats[0].poses.push_back(pose);
  REQUIRE(cs::validate(d).empty());
  return d;
}

}  // namespace

TEST_CASE("marking the choreography rehearsed issues the version, a change to it starts the next, as a draft") {
  cs::Document d = made(cs::set_status(dressed_scene(), cs::ChoreoStatus::rehearsed, "2026-12-01", "first run"));
  CHECK(d.choreography.version == 1);
  REQUIRE(d.choreography.history.size() == 1);
  CHECK(d.choreography.history[0].version == 1);
  CHECK(d.choreography.history[0].date == "2026-12-01");
  CHECK(d.choreography.history[0].beats == d.choreography.beats);
  CHECK(cs::current_version_issued(d));

  const cs::Document e = made(cs::set_beat_text(d, 1, cs::BeatText::action, "Ben's hand rests on Ana's upper back"));
  CHECK(e.choreography.version == 2);
  CHECK(e.choreography.status == cs::ChoreoStatus::draft);
  CHECK(e.choreography.history.size() == 1);  // version 1 stays as it was issued
  CHECK(e.choreography.history[0].beats == d.choreography.beats);
  CHECK_FALSE(cs::current_version_issued(e));
  // A further change stays in version 2, which is not issued yet.
  CHECK(made(cs::set_beat_text(e, 0, cs::BeatText::label, "Approach")).choreography.version == 2);
  // Edits that do not touch the choreography do not start a version.
  cs::Performer ana = *d.performer("ana");
  ana.private_note = "prefers the check-in before the kiss";
  CHECK(made(cs::set_performer(d, "ana", ana)).choreography.version == 1);
  round_trips(e);
}

TEST_CASE("a rehearsed choreography with no recorded history (an older file) keeps what was rehearsed when changed") {
  cs::Document d = dressed_scene();
  d.choreography.status = cs::ChoreoStatus::rehearsed;  // as an older file has it: no history
  d.choreography.version = 3;
  REQUIRE(d.choreography.history.empty());
  const cs::Document e = made(cs::set_beat_text(d, 1, cs::BeatText::action, "Ben's hand rests on Ana's upper back"));
  CHECK(e.choreography.version == 4);
  CHECK(e.choreography.status == cs::ChoreoStatus::draft);
  REQUIRE(e.choreography.history.size() == 1);
  CHECK(e.choreography.history[0].version == 3);
  CHECK(e.choreography.history[0].date.empty());  // recorded later: undated
  CHECK(e.choreography.history[0].beats == d.choreography.beats);
  // Each performer's body is part of what was rehearsed.
  REQUIRE(e.choreography.history[0].cast.size() == d.performers.size());
  CHECK(e.choreography.history[0].cast[0].height_m == d.performers[0].height_m);
  round_trips(e);
}

TEST_CASE("a locked choreography refuses every edit to what it holds, and allows the rest") {
  const cs::Document d = made(cs::set_status(dressed_scene(), cs::ChoreoStatus::locked, "2026-12-02", "locked for the shoot"));
  REQUIRE(d.choreography.status == cs::ChoreoStatus::locked);
  const cs::Contact c = d.choreography.beats[1].contacts[0];
  cs::Garment g = d.garments[0];
  g.covers.push_back(cs::Region::perineum);
  cs::Prop bed = d.props[0];
  bed.position = {0, 0.4, 0};
  cs::Camera cam = d.cameras[0];
  cam.focal_mm = 85;
  cs::Pose pose = d.choreography.beats[0].poses[0];
  pose.root_position[0] = 0.3;
  const std::vector<std::pair<const char*, std::function<cs::Edited()>>> refused = {
      {"add a beat", [&] { return cs::add_beat(d, 20); }},
      {"split a beat", [&] { return cs::split_beat(d, 2); }},
      {"move a beat", [&] { return cs::move_beat(d, 2, 14); }},
      {"resize a beat", [&] { return cs::resize_beat(d, 2, 13, 18); }},
      {"delete a beat", [&] { return cs::delete_beat(d, 0); }},
      {"relabel a beat", [&] { return cs::set_beat_text(d, 0, cs::BeatText::label, "x"); }},
      {"mark a placeholder", [&] { return cs::set_beat_placeholder(d, 0, true); }},
      {"add a contact", [&] { return cs::add_note(d, 0, c); }},
      {"remove a contact", [&] { return cs::remove_note<cs::Contact>(d, 1, 0); }},
      {"add a breath cue", [&] { return cs::add_note(d, 0, cs::BreathNote{"ana", cs::BreathCue::inhale, 2}); }},
      {"change a garment's wearing", [&] { return cs::add_note(d, 0, cs::GarmentChange{"g1", false}); }},
      {"pose", [&] { return cs::set_pose(d, 0, pose); }},
      {"turn a joint", [&] { return cs::set_joint(d, 0, "ana", cs::Joint::elbow_l, {-30, 0, 0}); }},
      {"change a garment", [&] { return cs::set_garment(d, "g1", g); }},
      {"add a garment", [&] { return cs::add_garment(d, cs::Garment{"", "ben", "", cs::GarmentKind::pouch, {cs::Region::genitals}, cs::GarmentCamera::hidden, true}); }},
      {"move a prop", [&] { return cs::set_prop(d, "bed", bed); }},
      {"change a lens", [&] { return cs::set_camera(d, "A", cam); }},
      {"key a camera move", [&] { return cs::add_camera_move(d, "A", cs::CameraMove{3, {1, 1.5, 4}, {0, 1, 0}, std::nullopt}); }},
      {"change the tempo", [&] { return cs::set_tempo(d, 72); }},
  };
  for (const auto& [what, edit] : refused) {
    INFO(what);
    const cs::Edited e = edit();
    REQUIRE_FALSE(e.ok());
    CHECK(e.refusal().find("locked") != std::string::npos);
    CHECK(e.refusal().find("unlock") != std::string::npos);
  }
  // Consent stays revocable, the take log stays open, and the scene's header and safety can be set.
  cs::Boundary withdrawn;
  withdrawn.region = cs::Region::back_upper;
  withdrawn.state = cs::BoundaryState::no;
  CHECK(cs::add_line(d, "ana", withdrawn).ok());
  cs::Take t;
  t.setup = "A";
  t.number = 2;
  t.camera = "A";
  CHECK(cs::add_take(d, t).ok());
  CHECK(cs::set_safety(d, cs::Safety{"hold", "What do you need?"}).ok());
  CHECK(cs::confirm_version(d, "ben", "2026-12-02", true).ok());
  // Going back to draft or rehearsed from locked is unlocking: it is refused, and says how.
  CHECK(cs::set_status(d, cs::ChoreoStatus::draft, "2026-12-02").refusal().find("unlock") != std::string::npos);
}

TEST_CASE("unlock to revise starts the next version at once, the locked one stays in the history") {
  const cs::Document locked = made(cs::set_status(dressed_scene(), cs::ChoreoStatus::locked, "2026-12-02"));
  CHECK_FALSE(cs::unlock_to_revise(dressed_scene()).ok());  // a draft has nothing to unlock
  const cs::Document d = made(cs::unlock_to_revise(locked));
  CHECK(d.choreography.version == 2);
  CHECK(d.choreography.status == cs::ChoreoStatus::draft);
  REQUIRE(d.choreography.history.size() == 1);
  CHECK(d.choreography.history[0].version == 1);
  const cs::Document e = made(cs::set_beat_text(d, 0, cs::BeatText::label, "Approach, revised"));
  CHECK(e.choreography.version == 2);
  const cs::Document relocked = made(cs::set_status(e, cs::ChoreoStatus::locked, "2026-12-03", "after the revision"));
  REQUIRE(relocked.choreography.history.size() == 2);
  CHECK(relocked.choreography.history[1].version == 2);
  CHECK(relocked.choreography.history[1].summary == "after the revision");
  round_trips(relocked);
}

TEST_CASE("a confirmation records who, when, which version and whether they saw their sheet, it issues the version") {
  const cs::Document d = made(cs::confirm_version(dressed_scene(), "ana", "2026-12-02", true));
  REQUIRE(d.choreography.confirmations.size() == 1);
  const cs::Confirmation& c = d.choreography.confirmations[0];
  CHECK(c.performer == "ana");
  CHECK(c.version == 1);
  CHECK(c.date == "2026-12-02");
  CHECK(c.saw_sheet);
  CHECK(cs::current_version_issued(d));
  CHECK_FALSE(cs::confirm_version(d, "nobody", "2026-12-02", true).ok());
  CHECK_FALSE(cs::confirm_version(d, "ben", "2026-13-02", true).ok());  // not a date
  // A confirmation is a record of what happened, not a reference: it does not
  // hold the performer in the scene, and it stays when they leave it.
  for (const std::string& where : cs::references_to(d, cs::ItemKind::performer, "ana"))
    CHECK(where.find("confirmation") == std::string::npos);
  cs::Document gone = d;
  gone.performers.erase(gone.performers.begin());
  CHECK(cs::validate(gone).size() >= 1);  // beats still name Ana…
  bool confirmation_flagged = false;
  for (const cs::Diagnostic& p : cs::validate(gone)) confirmation_flagged |= p.path.find("/confirmations") != std::string::npos;
  CHECK_FALSE(confirmation_flagged);  // …but her confirmation is not a problem
  // A confirmation of a version that was never issued does not load.
  cs::Document bad = d;
  bad.choreography.confirmations[0].version = 5;
  CHECK_FALSE(cs::validate(bad).empty());
  round_trips(d);
}

TEST_CASE("the take log: setups skip I and O, takes count up, deviations have kinds and outlive their beat") {
  cs::Document d = dressed_scene();
  d.takes.clear();
  CHECK(cs::next_setup_letters(d) == "A");
  CHECK(cs::next_take_number(d, "A", "A") == 1);
  cs::Take t;
  t.setup = "H";
  t.number = 1;
  t.camera = "A";
  t.lens_mm = 50;
  t.date = "2026-12-04";
  t.status = cs::TakeStatus::circle;
  d = made(cs::add_take(d, t));
  CHECK(cs::next_setup_letters(d) == "J");
  CHECK(cs::next_take_number(d, "H", "A") == 2);
  t.setup = "N";
  d = made(cs::add_take(d, t));
  CHECK(cs::next_setup_letters(d) == "P");
  t.setup = "I";
  CHECK(cs::add_take(d, t).refusal().find("setup letters") != std::string::npos);
  t.setup = "H";
  CHECK(cs::add_take(d, t).refusal().find("logged twice") != std::string::npos);

  cs::Deviation consent;
  consent.beat = "b02";
  consent.kind = cs::DeviationKind::consent;
  consent.note = "Ana asked to hold; the kiss was not done";
  d = made(cs::add_deviation(d, 0, consent));
  d = made(cs::set_status(d, cs::ChoreoStatus::rehearsed, "2026-12-04"));
  d = made(cs::delete_beat(d, 1));  // b02: the change starts version 2
  CHECK(d.choreography.version == 2);
  CHECK(d.takes[0].deviations[0].beat_removed_in == 2);
  CHECK(d.takes[0].deviations[0].kind == cs::DeviationKind::consent);
  round_trips(d);
}

TEST_CASE("the take log goes on where it stopped: the current setup is the last take's, and any setup can be chosen") {
  cs::Document d = dressed_scene();
  d.takes.clear();
  CHECK(cs::current_setup_letters(d) == "A");
  CHECK(cs::setup_letters_choices(d) == std::vector<std::string>{"A"});
  cs::Take t;
  t.number = 1;
  t.camera = "A";
  t.date = "2026-12-04";
  t.setup = "C";
  d = made(cs::add_take(d, t));
  t.setup = "B";  // back to an earlier setup after lunch: the last take logged, not the highest, is where the day is
  d = made(cs::add_take(d, t));
  CHECK(cs::current_setup_letters(d) == "B");
  CHECK(cs::next_setup_letters(d) == "D");
  CHECK(cs::setup_letters_choices(d) == std::vector<std::string>{"A", "B", "C", "D"});
  CHECK(cs::setup_letters_choices(d, "G") == std::vector<std::string>{"A", "B", "C", "D", "E", "F", "G"});
  CHECK(cs::setup_letters_choices(d, "J") == std::vector<std::string>{"A", "B", "C", "D", "E", "F", "G", "H", "J"});
  CHECK(cs::setup_letters_choices(d, "I") == std::vector<std::string>{"A", "B", "C", "D"});  // not setup letters
  t.setup = "";  // a take from a file without setups names none: the one before it says where the day is
  t.number = 2;
  d.takes.push_back(t);
  CHECK(cs::current_setup_letters(d) == "B");
}

TEST_CASE("a take about to be shot on a draft, or on a version someone has not confirmed, is warned of") {
  cs::Document d = dressed_scene();
  REQUIRE(d.choreography.status == cs::ChoreoStatus::draft);
  REQUIRE(d.performers.size() == 2);
  const std::string a = cs::display_name(d.performers[0]), b = cs::display_name(d.performers[1]);
  const std::string v = std::to_string(d.choreography.version);
  CHECK(cs::unready_version_warning(d) == "Version " + v + " is a draft, not rehearsed or locked; " + a + " and " + b +
                                              " have not confirmed it");
  d = made(cs::set_status(d, cs::ChoreoStatus::rehearsed, "2026-12-04"));
  const std::string v2 = std::to_string(d.choreography.version);
  CHECK(cs::unready_version_warning(d) == a + " and " + b + " have not confirmed version " + v2);
  d = made(cs::confirm_version(d, d.performers[0].id, "2026-12-04", true));
  CHECK(cs::unready_version_warning(d) == b + " has not confirmed version " + v2);
  d = made(cs::confirm_version(d, d.performers[1].id, "2026-12-04", false));
  CHECK(cs::unready_version_warning(d).empty());
  // A confirmation of an earlier version is not one of this version.
  d.choreography.confirmations[1].version = d.choreography.version - 1;
  CHECK(cs::unready_version_warning(d) == b + " has not confirmed version " + v2);
}

TEST_CASE("a file of format version 1 reads as it is and is written as version 2") {
  const std::string v1 = R"({"format": "closedset-scene", "version": 1,
    "performers": [{"id": "ana"}], "cameras": [{"id": "A", "sensor": "super35", "focal_mm": 32, "aspect": 1.78,
    "fit": "horizontal", "position": [0, 1.5, 4], "target": [0, 1, 0]}],
    "choreography": {"version": 3, "status": "rehearsed", "tempo_bpm": 60, "beats": [{"id": "b01", "start_count": 1, "length_counts": 4}]},
    "takes": [{"number": 1, "camera": "A", "status": "circle", "choreography_version": 3, "deviations": [{"beat": "b01", "note": "late"}]}]})";
  const cs::LoadResult r = cs::load_scene_text(v1);
  REQUIRE(r.ok());
  const cs::Document& d = *r.document;
  CHECK(d.choreography.history.empty());
  CHECK_FALSE(d.takes[0].deviations[0].kind);  // no kind was given, and none is made up
  CHECK(d.safety.pause_word.empty());          // no safety block: no pause word agreed, and none made up
  const std::string saved = cs::save_scene_text(d);
  CHECK(saved.find("\"version\": 2") != std::string::npos);
  CHECK(saved.find("\"kind\"") == std::string::npos);
  round_trips(d);
}

TEST_CASE("versions: an issued version holds no more beats, garments, props or cameras than the scene may") {
  cs::Document d = small_scene();
  cs::ChoreographyVersion v;
  v.version = 1;
  for (std::size_t i = 0; i <= cs::rules::kMaxBeats; ++i)
    v.beats.push_back(test_scenes::beat(("b" + std::to_string(i)).c_str(), 1 + 0.5 * double(i), 0.5));
  v.cameras.resize(cs::rules::kMaxCameras + 1);
  for (std::size_t i = 0; i < v.cameras.size(); ++i) v.cameras[i].id = "c" + std::to_string(i);
  d.choreography.history = {v};
  const std::vector<cs::Diagnostic> problems = cs::validate(d);
  auto says = [&](const std::string& path, const std::string& words) {
    for (const cs::Diagnostic& p : problems)
      if (p.path == path && p.message.find(words) != std::string::npos) return true;
    return false;
  };
  CHECK(says("/choreography/history/0/beats", "There are 5001 beats; at most 5000 are allowed"));
  CHECK(says("/choreography/history/0/cameras", "There are 65 cameras; at most 64 are allowed"));
  v.beats.pop_back();
  v.cameras.pop_back();
  d.choreography.history = {v};
  for (const cs::Diagnostic& p : cs::validate(d)) CHECK(p.message.find("at most") == std::string::npos);
}
