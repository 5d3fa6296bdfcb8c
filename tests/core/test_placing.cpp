// test_placing.cpp — contact-aware placing on the bedroom example: the kind
// from the body part, the layer from the garments worn then, the state that
// governs it from both performers' maps, the modifier a refused region needs,
// and that the contact written is the one the checks then judge; the surface
// snap and the joint a click selects.
#include <doctest/doctest.h>

#include <algorithm>

#include "notation/checks.hpp"
#include "notation/checks_run.hpp"  // check_contacts: one beat's contact findings
#include "notation/consent.hpp"
#include "notation/format.hpp"
#include "notation/pick.hpp"
#include "notation/placing.hpp"
#include "notation/stage.hpp"

using namespace cs;

namespace {

Document bedroom() {
  const LoadResult r = load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/bedroom.closedset.json");
  REQUIRE(r.ok());
  return *r.document;
}

std::size_t beat_index(const Document& d, const std::string& id) {
  for (std::size_t i = 0; i < d.choreography.beats.size(); ++i)
    if (d.choreography.beats[i].id == id) return i;
  FAIL("no beat " << id);
  return 0;
}

bool has_finding(const std::vector<Finding>& fs, FindingCode code, const std::string& beat, const std::string& performer,
                 Region region) {
  return std::any_of(fs.begin(), fs.end(), [&](const Finding& f) {
    return f.code == code && f.beat == beat && f.performer == performer && f.region == region;
  });
}

}  // namespace

TEST_CASE("placing: the kind comes from the body part that touches") {
  CHECK(contact_kind_for(Region::hand_r) == ContactKind::hand);
  CHECK(contact_kind_for(Region::hand_l) == ContactKind::hand);
  CHECK(contact_kind_for(Region::lips) == ContactKind::kiss_closed);
  CHECK(contact_kind_for(Region::face) == ContactKind::cheek);
  CHECK(contact_kind_for(Region::forearm_l) == ContactKind::hold);
  CHECK(contact_kind_for(Region::chest_upper) == ContactKind::body_press);
}

TEST_CASE("placing: the layer comes from the garments worn at that moment") {
  Document d = bedroom();
  // Ana's slip (costume) covers her lower back while she wears it.
  CHECK(contact_layer_at(d, 9, "ben", Region::hand_r, "ana", Region::back_lower) == Layer::over_costume);
  // Her upper back is bare.
  CHECK(contact_layer_at(d, 9, "ben", Region::hand_r, "ana", Region::back_upper) == Layer::skin);
  // With the slip off from b03 on, her hip is over her thong only where the thong covers: the hip is skin.
  GarmentChange off;
  off.garment = "ana_slip";
  off.worn = false;
  d.choreography.beats[beat_index(d, "b03")].garment_changes.push_back(off);
  CHECK(contact_layer_at(d, 5, "ben", Region::hand_r, "ana", Region::back_lower) == Layer::over_costume);
  CHECK(contact_layer_at(d, 9, "ben", Region::hand_r, "ana", Region::back_lower) == Layer::skin);
  // Modesty wear names itself as the garment.
  std::string garment;
  CHECK(contact_layer_at(d, 9, "ben", Region::hand_r, "ana", Region::pubic, &garment) == Layer::over_garment);
  CHECK(garment == "ana_thong");
}

TEST_CASE("placing: both maps govern the glow, no and never discussed need the modifier") {
  const Document d = bedroom();
  // Agreed: Ben's hand on Ana's upper back (both maps say yes for hand, skin).
  const PlacingJudgement yes = judge_placing(d, 9, "ben", Region::hand_r, "ana", Region::back_upper);
  CHECK(yes.outcome == Governing::ok);
  REQUIRE(yes.state.has_value());
  CHECK(*yes.state == BoundaryState::yes);
  CHECK_FALSE(yes.needs_modifier);
  CHECK(yes.contact.kind == ContactKind::hand);
  CHECK(yes.contact.layer == Layer::skin);
  // Ask: Ana's left thigh.
  const PlacingJudgement ask = judge_placing(d, 9, "ben", Region::hand_r, "ana", Region::thigh_l);
  CHECK(ask.outcome == Governing::ask);
  CHECK(ask.state == std::optional<BoundaryState>(BoundaryState::ask));
  CHECK_FALSE(ask.needs_modifier);
  // No: Ana's breast.
  const PlacingJudgement no = judge_placing(d, 9, "ben", Region::hand_r, "ana", Region::breast_l);
  CHECK(no.outcome == Governing::refused);
  CHECK(no.state == std::optional<BoundaryState>(BoundaryState::no));
  CHECK(no.needs_modifier);
  // Never discussed: Ben's scalp for being touched (his map has no line for it).
  const PlacingJudgement nd = judge_placing(d, 9, "ana", Region::hand_l, "ben", Region::scalp);
  CHECK(nd.outcome == Governing::not_discussed);
  CHECK_FALSE(nd.state.has_value());
  CHECK(nd.needs_modifier);
  // Conditional: Ana's scalp (and Ben agreed to give there), so her condition governs.
  const PlacingJudgement scalp = judge_placing(d, 9, "ben", Region::hand_r, "ana", Region::scalp);
  CHECK(scalp.outcome == Governing::conditional);
  // Ana's hand on Ben's flank: never discussed on either side.
  const PlacingJudgement giver_side = judge_placing(d, 9, "ana", Region::hand_r, "ben", Region::flank_l);
  CHECK(giver_side.needs_modifier);
}

TEST_CASE("placing: a refused region is placed only with the modifier, and the checks flag the contact written") {
  const Document d = bedroom();
  const std::size_t b = beat_index(d, "b03");
  const PlacingJudgement no = judge_placing(d, 9, "ben", Region::hand_r, "ana", Region::breast_l);
  const Edited refused = add_placed_contact(d, b, no, false);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.refusal().find("Alt") != std::string::npos);
  const Edited placed = add_placed_contact(d, b, no, true);
  REQUIRE(placed.ok());
  const Beat& beat = placed.doc().choreography.beats[b];
  REQUIRE(beat.contacts.size() == d.choreography.beats[b].contacts.size() + 1);
  CHECK(beat.contacts.back() == no.contact);
  const std::vector<Finding> fs = check_notation(placed.doc());
  CHECK(has_finding(fs, FindingCode::contact_refused, "b03", "ana", Region::breast_l));
  CHECK_FALSE(has_finding(check_notation(d), FindingCode::contact_refused, "b03", "ana", Region::breast_l));
}

TEST_CASE("placing: an ask contact written by placing is judged ask by the checks, placing it again adds nothing") {
  const Document d = bedroom();
  const std::size_t b = beat_index(d, "b03");
  const PlacingJudgement ask = judge_placing(d, 9, "ben", Region::hand_r, "ana", Region::thigh_l);
  const Edited placed = add_placed_contact(d, b, ask, false);
  REQUIRE(placed.ok());
  const std::vector<Finding> fs = check_notation(placed.doc());
  CHECK(has_finding(fs, FindingCode::contact_ask, "b03", "ana", Region::thigh_l));
  const Edited again = add_placed_contact(placed.doc(), b, ask, false);
  REQUIRE(again.ok());
  CHECK(again.doc().choreography.beats[b].contacts.size() == placed.doc().choreography.beats[b].contacts.size());
}

TEST_CASE("snap: the nearest surface point lies on the region's surface, and a ray at it meets that region there") {
  const Document d = bedroom();
  const Stage st = evaluate(d, 9);
  const StagePerformer& ana = st.performers[0];
  const glm::dvec3 chest(ana.joints[static_cast<std::size_t>(Joint::spine_upper)].position);
  // From a point a little off her back and from one inside her chest.
  const glm::dvec3 back_dir = glm::dvec3(ana.joints[0].rotation * glm::vec3(0, 0, -1));
  for (const glm::dvec3 probe : {chest + 0.25 * back_dir, chest + 0.02 * back_dir}) {
    const SurfaceHit h = nearest_surface(st, 0, probe);
    REQUIRE(h);
    CHECK(h.performer == 0);
    CHECK(glm::length(h.normal) == doctest::Approx(1.0));
    // A ray from 1 cm out along the normal, straight back in, meets her there (at
    // the skin, or up to 6 mm before it on the shell of the slip worn over it).
    const SurfaceHit again = pick_surface(st, h.point + 0.01 * h.normal, -h.normal);
    REQUIRE(again);
    CHECK(again.performer == 0);
    CHECK(again.region == h.region);
    CHECK(glm::length(again.point - h.point) < 7e-3);
  }
  // Behind her back, the snap names a region of her back.
  const SurfaceHit back = nearest_surface(st, 0, chest + 0.25 * back_dir);
  CHECK((back.region == Region::back_upper || back.region == Region::back_lower));
}

TEST_CASE("pick: the region under a ray skips the performer dragging, and a click names the nearest joint") {
  const Document d = bedroom();
  const Stage st = evaluate(d, 9);
  const glm::dvec3 eye(-2, 1, 3);
  const glm::dvec3 ana_chest(st.performers[0].joints[static_cast<std::size_t>(Joint::spine_upper)].position);
  const SurfaceHit any = pick_surface(st, eye, ana_chest - eye);
  REQUIRE(any);
  const SurfaceHit skipping = pick_surface(st, eye, ana_chest - eye, any.performer);
  CHECK(skipping.performer != any.performer);
  for (const Joint j : {Joint::wrist_r, Joint::knee_l, Joint::head, Joint::elbow_l}) {
    const glm::dvec3 p(st.performers[1].joints[static_cast<std::size_t>(j)].position);
    CHECK(nearest_joint(st.performers[1], p + glm::dvec3(0.01, -0.01, 0.01)) == j);
  }
}

TEST_CASE("placing, the contact chip and the checks read one judgement: they agree for every region pair of the example") {
  // Every giver region on every receiver region, both ways between the
  // performers of the bedroom example, at each beat's start (the garments worn
  // differ, so the layer does): the placing glow, the chip of the contact it
  // would write and the contact findings of that contact never disagree.
  const Document d = bedroom();
  REQUIRE(d.performers.size() >= 2);
  auto chip_state = [](ContactConsent::Chip c) -> std::optional<BoundaryState> {
    switch (c) {
      case ContactConsent::yes: return BoundaryState::yes;
      case ContactConsent::conditional: return BoundaryState::conditional;
      case ContactConsent::ask: return BoundaryState::ask;
      case ContactConsent::not_agreed: break;
    }
    return BoundaryState::no;
  };
  // The most cautious consent finding the checks give a lone contact, as a state.
  auto checks_state = [&](const Beat& beat, const Contact& c) -> std::optional<BoundaryState> {
    Beat alone = beat;
    alone.contacts = {c};
    std::vector<Finding> fs;
    check_contacts(d, alone, fs);
    std::optional<BoundaryState> worst = BoundaryState::yes;
    for (const Finding& f : fs) {
      std::optional<BoundaryState> s;
      switch (f.code) {
        case FindingCode::contact_refused: case FindingCode::contact_partner: case FindingCode::contact_kind:
        case FindingCode::contact_layer: s = BoundaryState::no; break;
        case FindingCode::contact_ask: s = BoundaryState::ask; break;
        case FindingCode::contact_conditional: s = BoundaryState::conditional; break;
        default: continue;
      }
      if (caution(*s) > caution(*worst)) worst = s;
    }
    return worst;
  };
  std::size_t pairs = 0, agreed = 0, refused = 0, cautious = 0;
  for (const Beat& beat : d.choreography.beats) {
    for (const Performer& giver : d.performers)
      for (const Performer& receiver : d.performers) {
        if (giver.id == receiver.id) continue;
        for (std::size_t w = 0; w < kRegionCount; ++w)
          for (std::size_t r = 0; r < kRegionCount; ++r) {
            const Region with = vocab_at<Region>(w), region = vocab_at<Region>(r);
            const PlacingJudgement placed = judge_placing(d, beat.start_count, giver.id, with, receiver.id, region);
            const ContactConsent chip = contact_consent(d, placed.contact);
            // The glow shows "not discussed" apart; the chip and the checks count it as no.
            const std::optional<BoundaryState> glow = placed.state ? placed.state : std::optional<BoundaryState>(BoundaryState::no);
            INFO(placed.summary << " at " << beat.id << "; chip: " << chip.words);
            REQUIRE(glow == chip_state(chip.chip));
            REQUIRE(glow == checks_state(beat, placed.contact));
            REQUIRE(placed.needs_modifier == (chip.chip == ContactConsent::not_agreed));
            ++pairs;
            if (*glow == BoundaryState::yes) ++agreed;
            else if (*glow == BoundaryState::no) ++refused;
            else ++cautious;
          }
      }
  }
  // The example exercises every kind of answer, so the agreement is not vacuous.
  CHECK(pairs > 1000);
  CHECK(agreed > 0);
  CHECK(refused > 0);
  CHECK(cautious > 0);
}
