// test_checks.cpp — every finding code: a small scene that must raise it and a
// near-identical one that must not, the difference being exactly the rule.
// Assertions are on codes and locations, never on sentences.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "notation/checks.hpp"
#include "notation/consent.hpp"
#include "notation/format.hpp"
#include "notation/masking.hpp"
#include "notation/mesh_import.hpp"
#include "notation/stage.hpp"

using namespace cs;

namespace {

Boundary line(Direction dir, Region r, BoundaryState state, Layer layer, std::vector<std::string> partners = {},
              std::vector<ContactKind> kinds = {}, std::string conditions = "") {
  Boundary b;
  b.direction = dir;
  b.region = r;
  b.state = state;
  b.layer = layer;
  b.partners = std::move(partners);
  b.contact = std::move(kinds);
  b.conditions = std::move(conditions);
  return b;
}

Performer person(const std::string& id, double height = 1.70) {
  Performer p;
  p.id = id;
  p.character = id == "ana" ? "Ana" : id == "ben" ? "Ben" : id;
  p.height_m = height;
  return p;
}

Pose standing(const std::string& id, Vec3 at, double yaw = 0, double height = 1.70) {
  Pose p;
  p.performer = id;
  p.root_position = {at[0], at[1] > 0 ? at[1] : 0.53 * height, at[2]};
  p.root_rotation = {0, yaw, 0};
  return p;
}

Camera camera(const std::string& id, Vec3 position, Vec3 target, double focal = 35) {
  Camera c;
  c.id = id;
  c.sensor = Sensor::super35;
  c.focal_mm = focal;
  c.aspect = 1.78;
  c.fit = Fit::horizontal;
  c.position = position;
  c.target = target;
  return c;
}

// Two performers, one beat (counts 1 to 2). Ana stands at the origin facing +Z;
// Ben stands 2 m to her left. No cameras, no garments, no contacts.
Document base() {
  Document d;
  d.scene.title = "test";
  d.safety.pause_word = "hold";  // agreed (safety.pause_word has its own tests)
  d.performers = {person("ana"), person("ben")};
  d.choreography.tempo_bpm = 60;
  Beat b;
  b.id = "b01";
  b.start_count = 1;
  b.length_counts = 1;
  b.poses = {standing("ana", {0, 0, 0}), standing("ben", {2.0, 0, 0})};
  d.choreography.beats.push_back(b);
  return d;
}

Contact touch(const std::string& giver, Region with, const std::string& receiver, Region region, ContactKind kind,
              Layer layer) {
  Contact c;
  c.giver = giver;
  c.with = with;
  c.receiver = receiver;
  c.region = region;
  c.kind = kind;
  c.layer = layer;
  return c;
}

std::vector<Finding> with_code(const std::vector<Finding>& all, FindingCode code) {
  std::vector<Finding> out;
  for (const Finding& f : all)
    if (f.code == code) out.push_back(f);
  return out;
}

bool has(const std::vector<Finding>& all, FindingCode code, const std::string& performer = "",
         std::optional<Region> region = std::nullopt, const std::string& camera = "") {
  return std::any_of(all.begin(), all.end(), [&](const Finding& f) {
    return f.code == code && (performer.empty() || f.performer == performer) && (!region || f.region == region) &&
           (camera.empty() || f.camera == camera);
  });
}

CheckOptions fast() {
  CheckOptions o;
  o.samples_per_count = 2;
  o.masking_width = 200;
  o.threads = 2;
  return o;
}

// The findings of the whole pipeline, after checking the document is valid.
std::vector<Finding> check(const Document& d, CheckOptions o = fast()) {
  const auto problems = validate(d);
  for (const auto& p : problems) FAIL_CHECK(format_diagnostic(p));
  return run_checks(d, o).findings;
}

// Ben's right hand on Ana's lower back, skin, which both agreed.
Document agreed_touch() {
  Document d = base();
  d.performers[0].boundaries.push_back(line(Direction::receive, Region::back_lower, BoundaryState::yes, Layer::skin,
                                            {"ben"}, {ContactKind::hand}));
  d.performers[1].boundaries.push_back(
      line(Direction::give, Region::back_lower, BoundaryState::yes, Layer::skin, {"ana"}, {ContactKind::hand}));
  d.choreography.beats[0].contacts.push_back(
      touch("ben", Region::hand_r, "ana", Region::back_lower, ContactKind::hand, Layer::skin));
  return d;
}

}  // namespace

TEST_SUITE("checks: contacts") {
  TEST_CASE("an agreed contact raises nothing") {
    CHECK(check_notation(agreed_touch()).empty());
  }

  TEST_CASE("contact.refused: not discussed, and marked no") {
    Document d = agreed_touch();
    d.performers[0].boundaries.clear();  // never discussed
    auto f = check_notation(d);
    CHECK(has(f, FindingCode::contact_refused, "ana", Region::back_lower));
    CHECK_FALSE(has(f, FindingCode::contact_refused, "ben"));

    d = agreed_touch();
    d.performers[0].boundaries.push_back(
        line(Direction::receive, Region::back_lower, BoundaryState::no, Layer::through_barrier));
    f = check_notation(d);
    CHECK(has(f, FindingCode::contact_refused, "ana", Region::back_lower));
    REQUIRE(with_code(f, FindingCode::contact_refused).size() == 1);
    CHECK(with_code(f, FindingCode::contact_refused)[0].beat == "b01");
    CHECK(with_code(f, FindingCode::contact_refused)[0].other == "ben");
  }

  TEST_CASE("contact.refused on the giver's side: what they touch") {
    Document d = agreed_touch();
    d.performers[1].boundaries.clear();  // Ben never agreed to touch a lower back
    auto f = check_notation(d);
    CHECK(has(f, FindingCode::contact_refused, "ben", Region::back_lower));
    CHECK_FALSE(has(f, FindingCode::contact_refused, "ana"));
  }

  TEST_CASE("contact.partner") {
    Document d = agreed_touch();
    d.performers.push_back(person("cara"));
    d.performers[0].boundaries[0].partners = {"cara"};
    auto f = check_notation(d);
    CHECK(has(f, FindingCode::contact_partner, "ana", Region::back_lower));
    d.performers[0].boundaries[0].partners = {"cara", "ben"};
    CHECK_FALSE(has(check_notation(d), FindingCode::contact_partner));
  }

  TEST_CASE("contact.kind") {
    Document d = agreed_touch();
    d.choreography.beats[0].contacts[0].kind = ContactKind::stroke;
    d.performers[1].boundaries[0].contact.clear();  // Ben: any kind
    auto f = check_notation(d);
    CHECK(has(f, FindingCode::contact_kind, "ana", Region::back_lower));
    d.performers[0].boundaries[0].contact.push_back(ContactKind::stroke);
    CHECK_FALSE(has(check_notation(d), FindingCode::contact_kind));
  }

  TEST_CASE("contact.layer") {
    Document d = agreed_touch();
    d.performers[0].boundaries[0].layer = Layer::over_garment;
    auto f = check_notation(d);
    CHECK(has(f, FindingCode::contact_layer, "ana", Region::back_lower));
    d.performers[0].boundaries[0].layer = Layer::skin;
    CHECK_FALSE(has(check_notation(d), FindingCode::contact_layer));
  }

  TEST_CASE("contact.garment_missing: over a garment that is not worn there") {
    Document d = agreed_touch();
    d.choreography.beats[0].contacts[0].layer = Layer::over_garment;
    Garment slip;
    slip.id = "slip";
    slip.wearer = "ana";
    slip.kind = GarmentKind::other;
    slip.camera = GarmentCamera::costume;
    slip.covers = {Region::back_lower, Region::abdomen_lower};
    slip.worn = false;
    d.garments.push_back(slip);
    auto f = check_notation(d);
    CHECK(has(f, FindingCode::contact_garment_missing, "ana", Region::back_lower));
    d.garments[0].worn = true;
    CHECK_FALSE(has(check_notation(d), FindingCode::contact_garment_missing));
    // Taken off in this beat: missing again (changes apply from their beat on).
    d.choreography.beats[0].garment_changes.push_back({"slip", false});
    CHECK(has(check_notation(d), FindingCode::contact_garment_missing, "ana"));
  }

  TEST_CASE("contact.garment_missing: a named garment that does not cover the region") {
    Document d = agreed_touch();
    d.choreography.beats[0].contacts[0].layer = Layer::over_garment;
    Garment g;
    g.id = "covers";
    g.wearer = "ana";
    g.camera = GarmentCamera::hidden;
    g.covers = {Region::nipple_l, Region::nipple_r};
    d.garments.push_back(g);
    d.choreography.beats[0].contacts[0].garment = "covers";
    CHECK(has(check_notation(d), FindingCode::contact_garment_missing, "ana", Region::back_lower));
    d.garments[0].covers.push_back(Region::back_lower);
    CHECK_FALSE(has(check_notation(d), FindingCode::contact_garment_missing));
  }

  TEST_CASE("contact.barrier_missing") {
    Document d = agreed_touch();
    d.performers[0].boundaries[0].layer = Layer::skin;
    d.choreography.beats[0].contacts[0].layer = Layer::through_barrier;
    CHECK(has(check_notation(d), FindingCode::contact_barrier_missing, "ana"));
    Prop pillow;
    pillow.id = "pillow";
    pillow.barrier = true;
    pillow.size = {0.4, 0.1, 0.3};
    d.props.push_back(pillow);
    d.choreography.beats[0].contacts[0].barrier = "pillow";
    CHECK_FALSE(has(check_notation(d), FindingCode::contact_barrier_missing));
  }

  TEST_CASE("contact.genital_no_barrier: whatever was agreed") {
    Document d = base();
    // Both agreed body press at the pubic area on skin: still never allowed without a barrier.
    d.performers[0].boundaries.push_back(line(Direction::receive, Region::pubic, BoundaryState::yes, Layer::skin));
    d.performers[1].boundaries.push_back(line(Direction::give, Region::pubic, BoundaryState::yes, Layer::skin));
    d.choreography.beats[0].contacts.push_back(
        touch("ben", Region::pubic, "ana", Region::pubic, ContactKind::body_press, Layer::skin));
    auto f = check_notation(d);
    CHECK(has(f, FindingCode::contact_genital_no_barrier, "ana", Region::pubic));
    CHECK(has(f, FindingCode::contact_genital_no_barrier, "ben", Region::pubic));

    // Over garments, each worn: allowed (layer agreed as over_garment or more).
    d.choreography.beats[0].contacts[0].layer = Layer::over_garment;
    Garment thong;
    thong.id = "thong";
    thong.wearer = "ana";
    thong.kind = GarmentKind::strapless_thong;
    thong.covers = {Region::pubic, Region::genitals, Region::perineum};
    Garment pouch = thong;
    pouch.id = "pouch";
    pouch.wearer = "ben";
    pouch.kind = GarmentKind::pouch;
    d.garments = {thong};
    f = check_notation(d);
    CHECK_FALSE(has(f, FindingCode::contact_genital_no_barrier, "ana"));
    CHECK(has(f, FindingCode::contact_genital_no_barrier, "ben", Region::pubic));  // Ben has nothing on
    d.garments = {thong, pouch};
    CHECK_FALSE(has(check_notation(d), FindingCode::contact_genital_no_barrier));
  }

  TEST_CASE("contact.ask and contact.conditional") {
    Document d = agreed_touch();
    d.performers[0].boundaries[0].state = BoundaryState::ask;
    auto f = check_notation(d);
    CHECK(has(f, FindingCode::contact_ask, "ana", Region::back_lower));
    CHECK(with_code(f, FindingCode::contact_ask)[0].severity == Severity::warning);

    d.performers[0].boundaries[0].state = BoundaryState::conditional;
    d.performers[0].boundaries[0].conditions = "Only in takes";
    f = check_notation(d);
    REQUIRE(has(f, FindingCode::contact_conditional, "ana", Region::back_lower));
    CHECK(with_code(f, FindingCode::contact_conditional)[0].severity == Severity::info);
    CHECK_FALSE(has(f, FindingCode::contact_ask));
  }

  TEST_CASE("the most cautious applicable line governs: an explicit no wins over a yes") {
    Document d = agreed_touch();
    d.performers[0].boundaries.push_back(
        line(Direction::receive, Region::back_lower, BoundaryState::no, Layer::through_barrier, {"ben"}));
    CHECK(has(check_notation(d), FindingCode::contact_refused, "ana"));
    d.performers[0].boundaries.back().partners = {"someone_else"};
    d.performers.push_back(person("someone_else"));
    CHECK_FALSE(has(check_notation(d), FindingCode::contact_refused));
  }
}

TEST_SUITE("checks: eyelines") {
  TEST_CASE("eyeline.target") {
    Document d = base();
    Eyeline y;
    y.performer = "ana";
    y.target.performer = "cara";
    d.choreography.beats[0].eyelines.push_back(y);
    CHECK(has(check_notation(d), FindingCode::eyeline_target, "ana"));
    d.choreography.beats[0].eyelines[0].target.performer = "ben";
    CHECK_FALSE(has(check_notation(d), FindingCode::eyeline_target));
    d.choreography.beats[0].eyelines[0].target = {};
    d.choreography.beats[0].eyelines[0].target.camera = "Z";
    CHECK(has(check_notation(d), FindingCode::eyeline_target, "ana"));
  }

  TEST_CASE("eyeline.lens: a look into a lens, named or in line") {
    Document d = base();
    d.cameras.push_back(camera("A", {0, 1.5, 4}, {0, 1.2, 0}));
    Eyeline y;
    y.performer = "ana";
    y.target.camera = "A";
    d.choreography.beats[0].eyelines.push_back(y);
    auto f = check(d);
    CHECK(has(f, FindingCode::eyeline_lens, "ana", std::nullopt, "A"));
    // Looking at Ben, two metres to her side: not into the lens.
    d.choreography.beats[0].eyelines[0].target = {};
    d.choreography.beats[0].eyelines[0].target.performer = "ben";
    d.choreography.beats[0].eyelines[0].target.region = Region::face;
    CHECK_FALSE(has(check(d), FindingCode::eyeline_lens));
    // A point straight at the camera body.
    d.choreography.beats[0].eyelines[0].target = {};
    d.choreography.beats[0].eyelines[0].target.point = Vec3{0, 1.5, 4};
    CHECK(has(check(d), FindingCode::eyeline_lens, "ana", std::nullopt, "A"));
  }
}

namespace {

// Ana faces camera A, 3 m away at chest height; Ben is out of frame.
Document facing_camera() {
  Document d = base();
  d.performers[1].boundaries.clear();
  d.choreography.beats[0].poses[1] = standing("ben", {6.0, 0, 0});
  d.cameras.push_back(camera("A", {0, 1.2, 3.0}, {0, 1.1, 0}));
  return d;
}

Exposure rider(std::vector<Region> regions, BoundaryState state, std::vector<View> views, std::string cond = "") {
  Exposure x;
  x.regions = std::move(regions);
  x.state = state;
  x.views = std::move(views);
  x.conditions = std::move(cond);
  return x;
}

const std::vector<Region> kIntimateFront = {Region::breast_l, Region::breast_r, Region::nipple_l, Region::nipple_r,
                                            Region::pubic,    Region::genitals, Region::perineum};

}  // namespace

TEST_SUITE("checks: exposure") {
  TEST_CASE("the view is front for a camera in front of the chest") {
    Document d = facing_camera();
    d.performers[0].exposure.push_back(rider(kIntimateFront, BoundaryState::yes, {View::front}));
    CHECK(with_code(check(d), FindingCode::exposure_refused).empty());
    d.performers[0].exposure[0].views = {View::rear, View::side};
    auto f = check(d);
    CHECK(has(f, FindingCode::exposure_refused, "ana", Region::breast_l, "A"));
    CHECK(has(f, FindingCode::exposure_refused, "ana", Region::genitals, "A"));
  }

  TEST_CASE("exposure.refused: not discussed counts as not agreed for intimate regions only") {
    Document d = facing_camera();
    auto f = check(d);
    CHECK(has(f, FindingCode::exposure_refused, "ana", Region::nipple_r, "A"));
    CHECK_FALSE(has(f, FindingCode::exposure_refused, "ana", Region::face));      // ordinary
    CHECK_FALSE(has(f, FindingCode::exposure_refused, "ana", Region::abdomen_upper));
    // Raising a tier makes a region governed by the rider.
    d.performers[0].tiers.push_back({Region::abdomen_upper, Tier::intimate});
    CHECK(has(check(d), FindingCode::exposure_refused, "ana", Region::abdomen_upper, "A"));
  }

  TEST_CASE("exposure.refused spans the beat and names the beat") {
    Document d = facing_camera();
    const auto f = with_code(check(d), FindingCode::exposure_refused);
    REQUIRE_FALSE(f.empty());
    for (const Finding& x : f) {
      CHECK(x.beat == "b01");
      CHECK(x.from_count == 1);
      CHECK(x.to_count == 2);  // merged over every sample: one finding, not one per sample
    }
  }

  TEST_CASE("a garment over the region: no bare skin, so no exposure") {
    Document d = facing_camera();
    d.performers[0].exposure.push_back(
        rider({Region::pubic, Region::genitals, Region::perineum}, BoundaryState::yes, {View::any}));
    Garment covers;
    covers.id = "covers";
    covers.wearer = "ana";
    covers.kind = GarmentKind::nipple_covers;
    covers.camera = GarmentCamera::costume;
    covers.covers = {Region::breast_l, Region::breast_r, Region::nipple_l, Region::nipple_r};
    d.garments.push_back(covers);
    CHECK_FALSE(has(check(d), FindingCode::exposure_refused));
    d.garments[0].worn = false;
    CHECK(has(check(d), FindingCode::exposure_refused, "ana", Region::breast_l));
  }

  TEST_CASE("exposure.ask and exposure.conditional") {
    Document d = facing_camera();
    d.performers[0].exposure.push_back(rider(kIntimateFront, BoundaryState::ask, {View::any}));
    auto f = check(d);
    CHECK(has(f, FindingCode::exposure_ask, "ana", Region::breast_l, "A"));
    CHECK_FALSE(has(f, FindingCode::exposure_refused));
    d.performers[0].exposure[0].state = BoundaryState::conditional;
    d.performers[0].exposure[0].conditions = "closed set only";
    f = check(d);
    CHECK(has(f, FindingCode::exposure_conditional, "ana", Region::breast_l, "A"));
    CHECK_FALSE(has(f, FindingCode::exposure_ask));
  }

  TEST_CASE("a camera turned away raises no exposure") {
    Document d = facing_camera();
    d.cameras[0].target = {0, 1.1, 10};
    CHECK_FALSE(has(check(d), FindingCode::exposure_refused));
  }
}

TEST_SUITE("checks: garments and masking") {
  TEST_CASE("garment.visible: a hidden garment that reads, a costume one does not") {
    Document d = facing_camera();
    d.performers[0].exposure.push_back(rider(kIntimateFront, BoundaryState::yes, {View::any}));
    Garment covers;
    covers.id = "covers";
    covers.wearer = "ana";
    covers.kind = GarmentKind::nipple_covers;
    covers.camera = GarmentCamera::hidden;
    covers.covers = {Region::nipple_l, Region::nipple_r};
    d.garments.push_back(covers);
    auto f = check(d);
    REQUIRE(has(f, FindingCode::garment_visible, "ana", std::nullopt, "A"));
    CHECK(with_code(f, FindingCode::garment_visible)[0].other == "covers");
    d.garments[0].camera = GarmentCamera::costume;
    CHECK_FALSE(has(check(d), FindingCode::garment_visible));
  }

  TEST_CASE("garment.visible: a barrier prop that reads") {
    Document d = facing_camera();
    d.performers[0].exposure.push_back(rider(kIntimateFront, BoundaryState::yes, {View::any}));
    Prop pillow;
    pillow.id = "pillow";
    pillow.size = {0.4, 0.3, 0.2};
    pillow.position = {0.6, 1.0, 0.5};
    pillow.barrier = true;
    pillow.owner = "ana";
    d.props.push_back(pillow);
    REQUIRE(has(check(d), FindingCode::garment_visible, "ana", std::nullopt, "A"));
    d.props[0].barrier = false;
    CHECK_FALSE(has(check(d), FindingCode::garment_visible));
  }

  TEST_CASE("masking.intent: the note holds while Ben masks, breaks when he steps aside") {
    Document d = facing_camera();
    // Ben stands between Ana and the camera, facing her.
    d.choreography.beats[0].poses[1] = standing("ben", {0, 0, 0.45}, 180, 1.85);
    d.performers[1].height_m = 1.85;
    d.performers[1].exposure.push_back(rider({Region::buttock_l, Region::buttock_r, Region::pubic, Region::genitals,
                                               Region::breast_l, Region::breast_r, Region::nipple_l, Region::nipple_r},
                                              BoundaryState::yes, {View::any}));
    MaskingNote note;
    note.camera = "A";
    note.performer = "ana";
    note.regions = {Region::breast_l, Region::breast_r};
    note.by = "ben";
    d.choreography.beats[0].masking.push_back(note);
    auto f = check(d);
    CHECK_FALSE(has(f, FindingCode::masking_intent));
    CHECK_FALSE(has(f, FindingCode::exposure_refused, "ana", Region::breast_l));

    d.choreography.beats[0].poses[1] = standing("ben", {1.2, 0, 0.45}, 180, 1.85);
    f = check(d);
    REQUIRE(has(f, FindingCode::masking_intent, "ana", std::nullopt, "A"));
    CHECK(with_code(f, FindingCode::masking_intent)[0].beat == "b01");
    CHECK(with_code(f, FindingCode::masking_intent)[0].other == "ben");
  }

  TEST_CASE("masking.intent: hidden, but by something other than the note says") {
    Document d = facing_camera();
    // Ana turns her back to the camera: her own body hides her breasts, not Ben.
    d.choreography.beats[0].poses[0].root_rotation = {0, 180, 0};
    d.performers[0].exposure.push_back(rider({Region::buttock_l, Region::buttock_r}, BoundaryState::yes, {View::any}));
    MaskingNote note;
    note.camera = "A";
    note.performer = "ana";
    note.regions = {Region::breast_l, Region::breast_r};
    note.by = "ben";
    d.choreography.beats[0].masking.push_back(note);
    CHECK(has(check(d), FindingCode::masking_intent, "ana", std::nullopt, "A"));
    d.choreography.beats[0].masking[0].by = "ana";  // her own body: the note is right
    CHECK_FALSE(has(check(d), FindingCode::masking_intent));
  }
}

namespace {

// How much of Ana's left breast camera A sees as bare skin with a board at `x`.
std::uint32_t breast_skin_with_board(Document d, double x) {
  d.props[0].position[0] = x;
  const Stage st = evaluate(d, 1);
  MaskingOptions o;
  o.width = 200;
  const CameraMasking m = mask_camera(st, 0, o);
  return m.performers[0].regions[static_cast<std::size_t>(Region::breast_l)].skin +
         m.performers[0].regions[static_cast<std::size_t>(Region::nipple_l)].skin;
}

}  // namespace

TEST_SUITE("checks: fragile masking") {
  TEST_CASE("masking.fragile: a board that only just hides a breast, the same board well over it does not") {
    Document d = facing_camera();
    d.performers[0].exposure.push_back(rider({Region::pubic, Region::genitals, Region::breast_r, Region::nipple_r},
                                             BoundaryState::yes, {View::any}));
    // A tall board in front of Ana, sliding in from her left (+x) until her left breast just disappears.
    Prop board;
    board.id = "board";
    board.size = {0.6, 2.0, 0.02};
    board.position = {1.0, 1.0, 0.6};
    d.props.push_back(board);
    double x = 1.0;
    while (x > -0.5 && breast_skin_with_board(d, x) > 0) x -= 0.005;
    REQUIRE(x > -0.5);
    d.props[0].position[0] = x;
    auto f = check(d);
    CHECK_FALSE(has(f, FindingCode::exposure_refused, "ana", Region::breast_l));
    CHECK(has(f, FindingCode::masking_fragile, "ana", std::nullopt, "A"));
    // 15 cm further over: robustly hidden.
    d.props[0].position[0] = x - 0.15;
    f = check(d);
    CHECK_FALSE(has(f, FindingCode::masking_fragile, "ana", Region::breast_l));
    CHECK_FALSE(has(f, FindingCode::masking_fragile, "ana", Region::nipple_l));
  }
}

TEST_SUITE("checks: poses against notation") {
  TEST_CASE("pose.unnotated_contact: chests pressed together with nothing noted") {
    Document d = base();
    d.choreography.beats[0].poses[1] = standing("ben", {0, 0, 0.22}, 180);
    auto f = check_notation(d);
    CHECK(f.empty());
    // Nothing discussed: the touch on her breasts is refused outright.
    f = check(d);
    CHECK(has(f, FindingCode::pose_refused_contact, "ana", Region::breast_l));
    CHECK_FALSE(has(f, FindingCode::pose_unnotated_contact, "ana", Region::breast_l));
    // Agreed for some contact with Ben, just not noted here: a warning.
    for (Region r : {Region::breast_l, Region::breast_r, Region::nipple_l, Region::nipple_r, Region::chest_upper})
      for (std::size_t p = 0; p < 2; ++p)
        d.performers[p].boundaries.push_back(
            line(Direction::receive, r, BoundaryState::yes, Layer::skin, {p == 0 ? "ben" : "ana"}, {ContactKind::body_press}));
    f = check(d);
    CHECK(has(f, FindingCode::pose_unnotated_contact));
    CHECK_FALSE(has(f, FindingCode::pose_refused_contact, "ana", Region::breast_l));
    d.choreography.beats[0].poses[1] = standing("ben", {0, 0, 1.0}, 180);
    CHECK_FALSE(has(check(d), FindingCode::pose_unnotated_contact));
  }

  TEST_CASE("pose.contact_apart: a noted contact two metres apart, the same contact where they meet") {
    Document d = base();
    d.performers[0].boundaries.push_back(line(Direction::receive, Region::hand_r, BoundaryState::yes, Layer::skin));
    d.performers[1].boundaries.push_back(line(Direction::give, Region::hand_r, BoundaryState::yes, Layer::skin));
    d.choreography.beats[0].contacts.push_back(
        touch("ben", Region::hand_r, "ana", Region::hand_r, ContactKind::hand, Layer::skin));
    auto f = check(d);
    REQUIRE(has(f, FindingCode::pose_contact_apart, "ben", Region::hand_r));
    CHECK(with_code(f, FindingCode::pose_contact_apart)[0].other == "ana");
    // Same place, same height: the hands coincide.
    d.choreography.beats[0].poses[1] = standing("ben", {0, 0, 0});
    CHECK_FALSE(has(check(d), FindingCode::pose_contact_apart));
  }
}

TEST_SUITE("checks: the timeline") {
  TEST_CASE("samples cover every count, transitions included") {
    Document d = base();
    d.choreography.beats[0].length_counts = 2;
    const auto s = sample_counts(d, 4);
    REQUIRE(s.size() == 9);
    CHECK(s.front() == 1);
    CHECK(s.back() == 3);
    CHECK(s[1] == 1.25);
  }

  TEST_CASE("an exposure only in the transition between two safe shapes is found") {
    Document d = facing_camera();
    // Ana starts and ends side-on to the camera, as her rider allows; between
    // the two (the shortest turn from +80° to −80°) she faces the lens.
    d.performers[0].exposure.push_back(rider({Region::buttock_l, Region::buttock_r, Region::breast_l, Region::breast_r,
                                              Region::nipple_l, Region::nipple_r, Region::pubic, Region::genitals,
                                              Region::perineum},
                                             BoundaryState::yes, {View::side, View::rear}));
    d.choreography.beats[0].poses[0].root_rotation = {0, 80, 0};
    Beat b2;
    b2.id = "b02";
    b2.start_count = 2;
    b2.length_counts = 1;
    b2.poses = {standing("ana", {0, 0, 0}, -80)};
    d.choreography.beats.push_back(b2);
    const auto f = with_code(check(d), FindingCode::exposure_refused);
    REQUIRE_FALSE(f.empty());
    for (const Finding& x : f) {
      CHECK(x.from_count > 1);
      CHECK(x.to_count < 3);
      // A span running on into the next beat is listed under the beat it starts in, and says so.
      const Beat* b = d.beat(x.beat);
      REQUIRE(b);
      CHECK(x.from_count >= b->start_count);
      if (x.to_count >= b->end_count()) CHECK(x.message.find("(b01 to b02)") != std::string::npos);
    }
  }

  TEST_CASE("checks are the same for 1 and 2 threads") {
    Document d = facing_camera();
    CheckOptions one = fast(), two = fast();
    one.threads = 1;
    two.threads = 2;
    CHECK(run_checks(d, one).findings == run_checks(d, two).findings);
  }
}

TEST_SUITE("checks: incremental") {
  TEST_CASE("a cache gives the same findings, and after an edit the same as a fresh run") {
    Document d = facing_camera();
    d.choreography.beats[0].length_counts = 2;
    Beat b2;
    b2.id = "b02";
    b2.start_count = 3;
    b2.length_counts = 2;
    b2.poses = {standing("ana", {0, 0, 0}, 90)};
    d.choreography.beats.push_back(b2);
    CheckCache cache;
    const CheckReport cold = run_checks(d, fast(), &cache);
    CHECK(cold.samples_reused < static_cast<std::size_t>(cold.samples));
    CHECK(cache.size() > 0);
    const CheckReport warm = run_checks(d, fast(), &cache);
    CHECK(warm.findings == cold.findings);
    CHECK(warm.samples_reused == static_cast<std::size_t>(warm.samples));  // nothing changed: nothing re-measured
    CHECK(warm.camera_passes == 0);

    d.choreography.beats[1].poses[0].root_rotation[1] = 180;  // an edit to the second beat only
    const CheckReport edited = run_checks(d, fast(), &cache);
    CHECK(edited.findings == run_checks(d, fast()).findings);
    CHECK(edited.samples_reused > 0);                          // the first beat's hold was kept
    CHECK(edited.samples_reused < static_cast<std::size_t>(edited.samples));
  }
}

// What the checks cast depends on which garments are meant to stay hidden and
// which props are barriers: an edit to either must not reuse a sample measured
// before it (the cache would otherwise miss a garment now meant to be hidden).
TEST_CASE("checks: the cache is not fooled by a garment turned hidden or a prop turned barrier") {
  const LoadResult r = load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/bedroom.closedset.json");
  REQUIRE(r.ok());
  Document d = *r.document;
  CheckOptions o = fast();
  o.fragile_offset_m = 0;  // the probes do not matter here
  CheckCache cache;
  // Everything in plain sight first, then each made something the checks look for.
  for (Garment& g : d.garments) g.camera = GarmentCamera::costume;
  for (Prop& p : d.props) p.barrier = false;
  run_checks(d, o, &cache);
  for (Garment& g : d.garments) g.camera = GarmentCamera::hidden;
  const CheckReport garments = run_checks(d, o, &cache);
  const CheckReport garments_fresh = run_checks(d, o);
  CHECK(garments.findings == garments_fresh.findings);
  CHECK(std::any_of(garments_fresh.findings.begin(), garments_fresh.findings.end(),
                    [](const Finding& f) { return f.code == FindingCode::garment_visible; }));
  for (Prop& p : d.props) p.barrier = true;
  const CheckReport props = run_checks(d, o, &cache);
  CHECK(props.findings == run_checks(d, o).findings);
}

// A touch of a region marked no is reported even when only one sample sees it
// (Ben's legs brushing Ana's inner thighs on his way over her, between two key
// poses: the bedroom example as first staged); the same brush of a region she
// agreed to is a one-sample interpolation graze and is not.
TEST_CASE("checks: a brush of a refused region on a single sample is an error, of an agreed one, nothing") {
  const LoadResult r = load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/bedroom.closedset.json");
  REQUIRE(r.ok());
  Document d = *r.document;
  Beat* down = nullptr;
  for (Beat& b : d.choreography.beats)
    if (b.id == "b03l") down = &b;
  REQUIRE(down);
  for (Pose& p : down->poses)
    if (p.performer == "ben") {  // standing at the bedside, as first staged
      p.root_position = {1.08, 1.0, -0.15};
      p.root_rotation = {0, -90, 0};
      p.joints = {{Joint::spine_upper, {10, 0, 0}}, {Joint::neck, {25, 0, 0}}, {Joint::shoulder_l, {-50, 0, 25}},
                  {Joint::shoulder_r, {-50, 0, -25}}, {Joint::elbow_l, {-50, 0, 0}}, {Joint::elbow_r, {-50, 0, 0}}};
    }
  CheckOptions o;  // the default 4 samples per count
  o.fragile_offset_m = 0;
  auto brushes = [&](const Document& doc, FindingCode code) {
    std::vector<Finding> out;
    for (const Finding& f : run_checks(doc, o).findings)
      if (f.code == code && f.beat == "b03l" && f.performer == "ana" &&
          (f.region == Region::inner_thigh_l || f.region == Region::inner_thigh_r))
        out.push_back(f);
    return out;
  };
  const std::vector<Finding> refused = brushes(d, FindingCode::pose_refused_contact);
  REQUIRE_FALSE(refused.empty());
  for (const Finding& f : refused) CHECK(f.from_count == f.to_count);  // one sample
  // Ana agrees to Ben's legs there: the one-sample brush is no longer reported at all.
  for (Performer& p : d.performers)
    if (p.id == "ana")
      for (Boundary& b : p.boundaries)
        if (b.direction == Direction::receive && (b.region == Region::inner_thigh_l || b.region == Region::inner_thigh_r)) {
          b.state = BoundaryState::yes;
          b.layer = Layer::skin;
        }
  CHECK(brushes(d, FindingCode::pose_refused_contact).empty());
  CHECK(brushes(d, FindingCode::pose_unnotated_contact).empty());
}

TEST_SUITE("checks: the bundled example") {
  // The example is written to show what an IC meets in prep: an ask, conditions
  // (one of them written on a `yes`), a fragile masking angle; and no errors. If the mannequin, the poses or a
  // rule changes, this list changes with it, deliberately.
  TEST_CASE("the bedroom example's findings are pinned") {
    const LoadResult r = load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/bedroom.closedset.json");
    REQUIRE(r.ok());
    const CheckReport report = run_checks(*r.document);
    struct Pin {
      const char* code;
      const char* beat;
      double from, to;
      const char* camera;
      const char* performer;
      const char* region;
    };
    const std::vector<Pin> pinned = {
      {"contact.conditional", "b02", 5, 9, "", "ana", "scalp"},
      {"contact.conditional", "b03", 9, 11, "", "ana", "flank_r"},
      {"contact.ask", "b04", 13, 20, "", "ana", "hip_l"},
      {"contact.conditional", "b04", 13, 19, "", "ana", "pubic"},
      // Two rays of the pillow on camera B: read since the threshold is an area
      // (2 rays of the default grid, as the README always said; the code needed 3).
      {"garment.visible", "b04", 14, 14, "B", "ana", ""},
      {"masking.fragile", "b05", 21, 29, "A", "ana", "breast_l"},
    };
    CHECK(report.errors() == 0);
    REQUIRE(report.findings.size() == pinned.size());
    for (std::size_t i = 0; i < pinned.size(); ++i) {
      const Finding& f = report.findings[i];
      CAPTURE(i);
      CAPTURE(f.message);
      CHECK(finding_info(f.code).id == pinned[i].code);
      CHECK(f.beat == pinned[i].beat);
      CHECK(f.from_count == doctest::Approx(pinned[i].from));
      CHECK(f.to_count == doctest::Approx(pinned[i].to));
      CHECK(f.camera == pinned[i].camera);
      CHECK(f.performer == pinned[i].performer);
      CHECK((f.region ? std::string(vocab_name(*f.region)) : std::string()) == pinned[i].region);
    }
  }
}

TEST_SUITE("checks: contacts") {
  TEST_CASE("contact.refused for the giver's own private region that does the touching") {
    Document d = base();
    // Ana's breast pressed to Ben's chest: Ben agreed to receive it, Ana agreed to give
    // to his chest, but her breasts are a no.
    d.performers[0].boundaries.push_back(line(Direction::receive, Region::breast_l, BoundaryState::no, Layer::through_barrier));
    d.performers[0].boundaries.push_back(line(Direction::give, Region::chest_upper, BoundaryState::yes, Layer::skin));
    d.performers[1].boundaries.push_back(line(Direction::receive, Region::chest_upper, BoundaryState::yes, Layer::skin));
    d.choreography.beats[0].contacts.push_back(
        touch("ana", Region::breast_l, "ben", Region::chest_upper, ContactKind::body_press, Layer::skin));
    CHECK(has(check_notation(d), FindingCode::contact_refused, "ana", Region::breast_l));
    // Her hand instead: giving with an ordinary region is what giving is.
    d.choreography.beats[0].contacts[0].with = Region::hand_l;
    CHECK(check_notation(d).empty());
  }
}

TEST_SUITE("checks: mesh props") {
  TEST_CASE("a mesh prop masks in the checks as a box would") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "closedset_test_checks_mesh";
    fs::create_directories(dir);
    {
      std::ofstream out(dir / "screen.obj");  // a 2 m × 2 m screen standing in the xy plane
      out << "v -1 0 0\nv 1 0 0\nv 1 2 0\nv -1 2 0\nf 1 2 3\nf 1 3 4\n";
    }
    Document d = facing_camera();
    Prop screen;
    screen.id = "screen";
    screen.shape = PropShape::mesh;
    screen.mesh = "screen.obj";
    screen.position = {0, 0, 1.0};
    d.props.push_back(screen);
    const PropMeshes meshes = load_prop_meshes(d, dir);
    REQUIRE(meshes.ok());
    CheckOptions o = fast();
    o.meshes = &meshes;
    // Ana stands behind the screen: nothing of her reads.
    CHECK_FALSE(has(check(d, o), FindingCode::exposure_refused));
    // Without the meshes the screen is not there, and her exposure is reported.
    CHECK(has(check(d, fast()), FindingCode::exposure_refused, "ana"));
  }
}

TEST_SUITE("checks: contacts") {
  TEST_CASE("a yes with written conditions reads as conditional: conditions are never dropped") {
    Document d = agreed_touch();
    d.performers[0].boundaries[0].conditions = "Hand flat";
    const auto f = check_notation(d);
    REQUIRE(has(f, FindingCode::contact_conditional, "ana", Region::back_lower));
    CHECK(with_code(f, FindingCode::contact_conditional)[0].message.find("Hand flat") != std::string::npos);
  }

  TEST_CASE("the same contact noted through consecutive beats is one finding spanning them") {
    Document d = agreed_touch();
    d.performers[0].boundaries[0].state = BoundaryState::ask;
    Beat b2 = d.choreography.beats[0];
    b2.id = "b02";
    b2.start_count = 2;
    b2.poses.clear();
    d.choreography.beats.push_back(b2);
    auto f = with_code(check_notation(d), FindingCode::contact_ask);
    REQUIRE(f.size() == 1);
    CHECK(f[0].beat == "b01");
    CHECK(f[0].from_count == 1);
    CHECK(f[0].to_count == 3);
    // With a gap between the beats they stay two findings.
    d.choreography.beats[1].start_count = 2.5;
    CHECK(with_code(check_notation(d), FindingCode::contact_ask).size() == 2);
  }
}

// The reference scene (64 beats, 4 cameras) at 1 sample per count and a coarse
// grid: its findings by code, pinned. The numbers were produced before the
// checks learnt to cast only the rays that matter (rider, notes, hidden
// garments, barriers) and to look only around a fragile candidate's footprint,
// and are unchanged by them: those are speed-ups, not new rules.
TEST_CASE("checks: the reference scene's findings by code are pinned") {
  const LoadResult r = load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/reference.closedset.json");
  REQUIRE(r.ok());
  CheckOptions o;
  o.samples_per_count = 1;
  o.masking_width = 120;
  const CheckReport report = run_checks(*r.document, o);
  std::map<std::string, int> by_code;
  for (const Finding& f : report.findings) ++by_code[std::string(finding_info(f.code).id)];
  // Changed on purpose by the "trust in the checks" work: exposure.refused was
  // 553 before adaptive time looked between these whole-count samples (what it
  // adds are exposures the samples stepped over); masking.fragile was 208
  // before a probe that brings a region to within the hold threshold broke it
  // (a margin instead of a knife edge).
  // Adaptive space then changed exposure.refused from 3190 to 1641 and
  // masking.fragile from 318 to 325 (measured before the window bound of
  // checks_space.cpp; to be re-pinned and explained finding by finding: the
  // drop is thought to be spans that flickered on this coarse grid now
  // reading continuously and merging, not yet shown).
  const std::map<std::string, int> expect{{"exposure.refused", 3190},    {"garment.visible", 49},
                                          {"masking.fragile", 318},      {"pose.contact_apart", 61},
                                          {"pose.refused_contact", 415}, {"pose.unnotated_contact", 48}};
  std::string got;
  for (const auto& [code, n] : by_code) got += " " + code + "=" + std::to_string(n);
  CAPTURE(got);
  CHECK(by_code == expect);
}

// The smallest camera move that masks a bare region: a wall's edge just left
// of the lens's line to Ana's chest. Sliding camera A left puts her left breast
// behind the wall; with no wall, only a bigger move (one that frames the
// chest out) stops it reading.
TEST_CASE("checks: the smallest camera move that masks an exposure") {
  auto scene = [](bool wall) {
    Document d = base();
    d.performers.resize(1);
    d.choreography.beats[0].poses.resize(1);
    d.cameras = {camera("A", {0, 1.3, 3}, {0, 1.25, 0}, 50)};
    if (wall) {
      Prop w;
      w.id = "flat";
      w.label = "Wall flat";
      w.shape = PropShape::box;
      w.size = {1.0, 2.5, 0.1};
      w.position = {-0.55, 1.25, 2.0};  // its right edge at x = -0.05, a metre in front of the lens
      d.props.push_back(w);
    }
    return d;
  };
  for (bool wall : {true, false}) {
    CAPTURE(wall);
    const Document d = scene(wall);
    const std::vector<Finding> all = check(d);
    const auto it = std::find_if(all.begin(), all.end(), [](const Finding& f) {
      return f.code == FindingCode::exposure_refused && f.region == Region::breast_l && f.camera == "A";
    });
    REQUIRE(it != all.end());
    CHECK(it->peak_count >= it->from_count);
    CHECK(it->peak_count <= it->to_count);
    const std::optional<MaskingMove> mv = smallest_masking_move(d, *it, fast());
    if (!wall) {
      if (mv) {
        CHECK(mv->distance_m > 0.20);
        CHECK(mv->out_of_frame);
        CHECK(mv->sentence().find("frames it out") != std::string::npos);
      }
      continue;
    }
    REQUIRE(mv);
    CHECK(mv->direction == "left");
    CHECK(mv->distance_m > 0.05);  // 5 cm is not enough: the breast's outer side still reads
    CHECK(mv->distance_m <= 0.20);
    CHECK(mv->rays_before > mv->rays_after);
    CHECK_FALSE(mv->out_of_frame);
    CHECK(mv->sentence().find("Camera A") == 0);
    // What it claims, measured independently: the camera moved, the breast no longer reads.
    Stage st = evaluate(d, mv->count);
    st.cameras[0].basis.position -= st.cameras[0].basis.right * mv->distance_m;
    MaskingOptions mo;
    mo.width = fast().masking_width;
    const CameraMasking m = mask_camera(st, 0, mo);
    CHECK(m.performers[0].regions[static_cast<std::size_t>(Region::breast_l)].skin < reads_threshold(m.rays()));
    // The garment or the region is the finding's; a contact finding has none.
    Finding contact = *it;
    contact.code = FindingCode::contact_refused;
    CHECK_FALSE(smallest_masking_move(d, contact, fast()));
  }
}
