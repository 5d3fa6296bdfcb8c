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
#include "notation/edits_garments.hpp"
#include "notation/edits_poses.hpp"
#include "notation/edits_scene.hpp"
#include "notation/edits_takes.hpp"
#include "notation/format.hpp"
#include "small_scene.hpp"

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

TEST_CASE("removing something still referenced is refused, saying where; renaming keeps the references") {
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

TEST_CASE("slate letters: A to Z without I and O, then AA; shorter sorts first") {
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

// ---------------------------------------------------------------------------
// [SECTION] The property: random sequences of edits, hostile values included

namespace {

class Hostile {
 public:
  explicit Hostile(unsigned seed) : rng_(seed) {}

  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

  // Mostly plausible numbers; one in five is hostile.
  double number(double lo, double hi) {
    if (chance(0.2)) {
      static const double kBad[] = {std::nan(""), std::numeric_limits<double>::infinity(),
                                    -std::numeric_limits<double>::infinity(), 1e300, -1e300, 0.0, -0.0,
                                    200000, -5, 7, 1e-310, 4000.5, -10001};
      return kBad[below(std::size(kBad))];
    }
    return std::uniform_real_distribution<double>(lo, hi)(rng_);
  }
  cs::Vec3 vec(double lo, double hi) { return {number(lo, hi), number(lo, hi), number(lo, hi)}; }
  int integer() { return chance(0.2) ? static_cast<int>(below(3)) - 1 + (chance(0.5) ? 100000 : 0) : static_cast<int>(below(9)) + 1; }

  std::string text() {
    static const char* kTexts[] = {"", "Ana's left shoulder", "Hands flat; no squeezing", "é — ñ, 中文",
                                   "line\nbreak\ttab", "\x01\x02 control", "\xc3\x28 not UTF-8", "\"quoted\" \\ slash"};
    if (chance(0.05)) return std::string(300, 'x');
    return kTexts[below(std::size(kTexts))];
  }

  // An id from the list, or one that is empty, unknown, too long or not printable.
  template <class T> std::string id_from(const std::vector<T>& list) {
    if (!list.empty() && chance(0.75)) return list[below(list.size())].id;
    static const char* kBad[] = {"", "nobody", "b01", "A", "ana", "line\nbreak", "\xff\xfe"};
    if (chance(0.05)) return std::string(80, 'k');
    return kBad[below(std::size(kBad))];
  }
  std::string fresh_or_existing_id(const std::vector<cs::Performer>& list) {
    return chance(0.5) ? std::string() : id_from(list);
  }

  template <class E> E word() {
    // One in fifty is a value the enum's type can hold but the format has no word for.
    if (chance(0.02)) return static_cast<E>(cs::vocab_size<E>() + below(3));
    return cs::vocab_at<E>(below(cs::vocab_size<E>()));
  }
  template <class E> std::vector<E> words(std::size_t max) {
    std::vector<E> out(below(max + 1));
    for (E& e : out) e = word<E>();
    return out;
  }

  std::mt19937& rng() { return rng_; }

 private:
  std::mt19937 rng_;
};

std::size_t beat_count(const cs::Document& d) { return d.choreography.beats.size(); }

cs::Contact random_contact(const cs::Document& d, Hostile& h) {
  cs::Contact c;
  c.giver = h.id_from(d.performers);
  c.receiver = h.id_from(d.performers);
  c.with = h.word<cs::Region>();
  c.region = h.word<cs::Region>();
  c.kind = h.word<cs::ContactKind>();
  c.layer = h.word<cs::Layer>();
  c.pressure = h.word<cs::Pressure>();
  if (h.chance(0.3)) c.garment = h.id_from(d.garments);
  if (h.chance(0.2)) c.barrier = h.id_from(d.props);
  return c;
}

cs::Pose random_pose(const cs::Document& d, Hostile& h) {
  cs::Pose p;
  p.performer = h.id_from(d.performers);
  p.root_position = h.vec(-3, 3);
  p.root_rotation = h.vec(-180, 180);
  for (std::size_t i = h.below(5); i > 0; --i) p.joints.push_back({h.word<cs::Joint>(), h.vec(-200, 200)});
  return p;
}

cs::Performer random_performer(const cs::Document& d, Hostile& h) {
  cs::Performer p;
  p.id = h.fresh_or_existing_id(d.performers);
  p.actor = h.text();
  p.character = h.text();
  p.height_m = h.number(1.2, 2.1);
  p.build = h.word<cs::Build>();
  p.private_note = h.text();
  return p;
}

cs::Boundary random_boundary(const cs::Document& d, Hostile& h) {
  cs::Boundary b;
  b.direction = h.word<cs::Direction>();
  b.region = h.word<cs::Region>();
  for (std::size_t i = h.below(3); i > 0; --i) b.partners.push_back(h.id_from(d.performers));
  b.contact = h.words<cs::ContactKind>(3);
  b.layer = h.word<cs::Layer>();
  b.state = h.word<cs::BoundaryState>();
  b.conditions = h.text();
  return b;
}

cs::Camera random_camera(const cs::Document& d, Hostile& h) {
  cs::Camera c;
  c.id = h.chance(0.5) ? std::string() : h.id_from(d.cameras);
  c.label = h.text();
  c.sensor = h.word<cs::Sensor>();
  if (c.sensor == cs::Sensor::custom || h.chance(0.1)) c.sensor_mm = {h.number(5, 40), h.number(5, 30)};
  c.focal_mm = h.number(12, 200);
  c.aspect = h.number(1.3, 2.4);
  c.fit = h.word<cs::Fit>();
  c.position = h.vec(-5, 5);
  c.target = h.vec(-2, 2);
  c.roll_deg = h.number(-10, 10);
  return c;
}

// One random edit of the document, through an edit function.
cs::Edited random_edit(const cs::Document& d, Hostile& h) {
  const std::size_t nb = beat_count(d);
  const std::size_t beat = h.below(nb + 1);  // sometimes one past the end
  switch (h.below(30)) {
    case 0: return cs::set_tempo(d, h.number(30, 140));
    case 1: return cs::set_scene_info(d, {h.text(), h.text(), h.text(), h.text()});
    case 2: return cs::set_safety(d, {h.text(), h.text()});
    case 3: {
      switch (h.below(4)) {
        case 0: return cs::set_status(d, h.word<cs::ChoreoStatus>(), h.chance(0.9) ? "2026-12-02" : h.text(), h.text());
        case 1: return cs::unlock_to_revise(d);
        default: return cs::confirm_version(d, h.id_from(d.performers), h.chance(0.9) ? "2026-12-03" : "2026-02-30", h.chance(0.5));
      }
    }
    case 4: return cs::add_beat(d, h.number(-5, 60), h.number(0, 8));
    case 5: return cs::split_beat(d, h.number(0, 60));
    case 6: return cs::move_beat(d, beat, h.number(-5, 60));
    case 7: {
      const double s = h.number(-5, 60);
      return cs::resize_beat(d, beat, s, s + h.number(-2, 10));
    }
    case 8: return cs::delete_beat(d, beat);
    case 9:
      if (h.chance(0.2)) return cs::set_beat_placeholder(d, beat, h.chance(0.5));
      return cs::set_beat_text(d, beat, static_cast<cs::BeatText>(h.below(3)), h.text());
    case 10: return cs::add_note(d, beat, random_contact(d, h));
    case 11: return cs::set_note(d, beat, h.below(3), random_contact(d, h));
    case 12:
      switch (h.below(6)) {
        case 0: return cs::remove_note<cs::BreathNote>(d, beat, h.below(3));
        case 1: return cs::remove_note<cs::Eyeline>(d, beat, h.below(3));
        case 2: return cs::remove_note<cs::GarmentChange>(d, beat, h.below(3));
        case 3: return cs::remove_note<cs::MaskingNote>(d, beat, h.below(3));
        case 4: return cs::set_note(d, beat, h.below(3), cs::GarmentChange{h.id_from(d.garments), h.chance(0.5)});
        default: return cs::remove_note<cs::Contact>(d, beat, h.below(3));
      }
    case 13: {
      const double start = beat < nb ? d.choreography.beats[beat].start_count : 1;
      return cs::add_note(d, beat, cs::BreathNote{h.id_from(d.performers), h.word<cs::BreathCue>(), start + h.number(-1, 5)});
    }
    case 14: {
      cs::Eyeline y;
      y.performer = h.id_from(d.performers);
      switch (h.below(4)) {
        case 0: y.target.performer = h.id_from(d.performers); if (h.chance(0.5)) y.target.region = h.word<cs::Region>(); break;
        case 1: y.target.camera = h.id_from(d.cameras); break;
        case 2: y.target.point = h.vec(-3, 3); break;
        default: y.target.camera = h.id_from(d.cameras); y.target.point = h.vec(-1, 1); break;  // two at once
      }
      return cs::add_note(d, beat, y);
    }
    case 15: return cs::add_note(d, beat, cs::GarmentChange{h.id_from(d.garments), h.chance(0.5)});
    case 16: return cs::add_note(d, beat, cs::MaskingNote{h.id_from(d.cameras), h.id_from(d.performers),
                                                         h.words<cs::Region>(3), h.chance(0.5) ? h.id_from(d.props) : h.id_from(d.performers)});
    case 17: return cs::set_pose(d, beat, random_pose(d, h));
    case 18:
      if (h.chance(0.3)) return cs::set_root(d, beat, h.id_from(d.performers), h.vec(-30, 30), h.vec(-400, 400));
      return cs::set_joint(d, beat, h.id_from(d.performers), h.word<cs::Joint>(), h.vec(-200, 200));
    case 19: return cs::remove_pose(d, beat, h.id_from(d.performers));
    case 20: return cs::add_performer(d, random_performer(d, h));
    case 21: return cs::set_performer(d, h.id_from(d.performers), random_performer(d, h));
    case 22: return cs::remove_performer(d, h.id_from(d.performers));
    case 23: {
      const std::string who = h.id_from(d.performers);
      switch (h.below(9)) {
        case 5: return cs::set_line(d, who, h.below(3), cs::Exposure{h.words<cs::Region>(3), h.word<cs::BoundaryState>(), h.words<cs::View>(2), h.text()});
        case 6: return cs::remove_line<cs::Exposure>(d, who, h.below(3));
        case 7: return cs::set_line(d, who, h.below(3), cs::TierRaise{h.word<cs::Region>(), h.word<cs::Tier>()});
        case 8: return cs::remove_line<cs::TierRaise>(d, who, h.below(3));
        case 0: return cs::add_line(d, who, random_boundary(d, h));
        case 1: return cs::set_line(d, who, h.below(4), random_boundary(d, h));
        case 2: return cs::remove_line<cs::Boundary>(d, who, h.below(4));
        case 3: return cs::add_line(d, who, cs::Exposure{h.words<cs::Region>(3), h.word<cs::BoundaryState>(), h.words<cs::View>(2), h.text()});
        default: return cs::add_line(d, who, cs::TierRaise{h.word<cs::Region>(), h.word<cs::Tier>()});
      }
    }
    case 24: {
      cs::Garment g;
      g.id = h.chance(0.5) ? std::string() : h.id_from(d.garments);
      g.wearer = h.id_from(d.performers);
      g.label = h.text();
      g.kind = h.word<cs::GarmentKind>();
      g.covers = h.words<cs::Region>(4);
      g.camera = h.word<cs::GarmentCamera>();
      g.worn = h.chance(0.5);
      if (h.chance(0.5) && !d.garments.empty()) return cs::set_garment(d, h.id_from(d.garments), g);
      return h.chance(0.8) ? cs::add_garment(d, g) : cs::remove_garment(d, h.id_from(d.garments));
    }
    case 25: {
      cs::Prop p;
      p.id = h.chance(0.5) ? std::string() : h.id_from(d.props);
      p.label = h.text();
      p.shape = h.word<cs::PropShape>();
      if (p.shape == cs::PropShape::mesh || h.chance(0.1)) p.mesh = h.text();
      p.size = h.vec(0.1, 2);
      p.position = h.vec(-3, 3);
      p.rotation = h.vec(-90, 90);
      p.barrier = h.chance(0.3);
      if (h.chance(0.3)) p.owner = h.id_from(d.performers);
      if (h.chance(0.5) && !d.props.empty()) return cs::set_prop(d, h.id_from(d.props), p);
      return h.chance(0.8) ? cs::add_prop(d, p) : cs::remove_prop(d, h.id_from(d.props));
    }
    case 26: {
      if (h.chance(0.3)) return cs::add_camera(d, random_camera(d, h));
      if (h.chance(0.2)) return cs::remove_camera(d, h.id_from(d.cameras));
      return cs::set_camera(d, h.id_from(d.cameras), random_camera(d, h));
    }
    case 27: {
      const std::string cam = h.id_from(d.cameras);
      cs::CameraMove m{h.number(0, 60), h.vec(-5, 5), h.vec(-2, 2), std::nullopt};
      if (h.chance(0.3)) m.focal_mm = h.number(12, 200);
      if (h.chance(0.6)) return cs::add_camera_move(d, cam, m);
      return h.chance(0.5) ? cs::set_camera_move(d, cam, h.below(3), m) : cs::remove_camera_move(d, cam, h.below(3));
    }
    case 28: {
      cs::Take t;
      t.setup = h.chance(0.7) ? cs::next_setup_letters(d) : (h.chance(0.5) ? std::string("I") : h.text());
      if (h.chance(0.5)) t.lens_mm = h.number(18, 135);
      t.date = h.chance(0.8) ? "2026-12-04" : h.text();
      t.number = h.integer();
      t.camera = h.id_from(d.cameras);
      t.status = h.word<cs::TakeStatus>();
      t.choreography_version = h.integer();
      t.note = h.text();
      const std::size_t take = h.below(d.takes.size() + 1);
      switch (h.below(3)) {
        case 0: return cs::add_take(d, t);
        case 1: return cs::set_take(d, take, t);
        default: return cs::remove_take(d, take);
      }
    }
    default: {
      const std::size_t take = h.below(d.takes.size() + 1);
      cs::Deviation dv;
      dv.beat = h.id_from(d.choreography.beats);
      if (h.chance(0.8)) dv.kind = h.word<cs::DeviationKind>();
      dv.note = h.text();
      switch (h.below(3)) {
        case 0: return cs::add_deviation(d, take, dv);
        case 1: return cs::set_deviation(d, take, h.below(2), dv);
        default: return cs::remove_deviation(d, take, h.below(2));
      }
    }
  }
}

}  // namespace

TEST_CASE("property: every edit is refused with a reason, or saves and loads back as itself") {
  int made_count = 0, refused = 0;
  for (unsigned seed : {1u, 2u, 3u, 4u}) {
    Hostile h(seed);
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
