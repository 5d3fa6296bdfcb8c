// test_edits_consent.cpp — painting a body map with the brush, copying it to a
// partner, mirroring it, tiers, rider cells and presets, the contact chip, the
// words for a change of consent, the body map's picture, and deleting what is
// still referenced.
#include <doctest/doctest.h>

#include <algorithm>

#include "notation/body_map.hpp"
#include "notation/consent.hpp"
#include "notation/edits_beats.hpp"
#include "notation/edits_cast.hpp"
#include "notation/edits_consent.hpp"
#include "notation/edits_garments.hpp"
#include "small_scene.hpp"

using test_scenes::small_scene;

namespace {

cs::Document made(cs::Edited e) {
  INFO(e.refusal());
  REQUIRE(e.ok());
  return std::move(e).take();
}

const cs::Performer& ana(const cs::Document& d) { return *d.performer("ana"); }

cs::BrushStroke brush(cs::BrushState state, std::string partner = "", cs::Layer layer = cs::Layer::over_costume) {
  cs::BrushStroke b;
  b.state = state;
  b.partner = std::move(partner);
  b.layer = layer;
  return b;
}

}  // namespace

TEST_CASE("the brush writes one plain line per region, never cycles, and 'not discussed' removes it") {
  using cs::BoundaryState;
  using cs::Region;
  cs::Document d = small_scene();
  d = made(cs::paint_regions(d, "ana", brush(BoundaryState::yes), {Region::back_upper, Region::back_lower}));
  CHECK(ana(d).boundaries.size() == 2);
  CHECK(cs::map_state(ana(d), cs::Direction::receive, "", Region::back_upper) == BoundaryState::yes);
  CHECK(cs::map_state(ana(d), cs::Direction::receive, "ben", Region::back_upper) == BoundaryState::yes);
  CHECK_FALSE(cs::map_state(ana(d), cs::Direction::give, "", Region::back_upper));

  // The same state again changes nothing: a stray stroke never changes anyone's consent.
  const cs::Document again = made(cs::paint_regions(d, "ana", brush(BoundaryState::yes), {Region::back_upper}));
  CHECK(again.performers == d.performers);

  // Ask over yes: the line changes, its conditions are kept, no second line appears.
  {
    cs::Document withc = d;
    withc.performers[0].boundaries[0].conditions = "hands flat";
    withc = made(cs::paint_regions(withc, "ana", brush(BoundaryState::ask), {Region::back_upper}));
    REQUIRE(ana(withc).boundaries.size() == 2);
    CHECK(ana(withc).boundaries[0].state == BoundaryState::ask);
    CHECK(ana(withc).boundaries[0].conditions == "hands flat");
  }

  // A line for Ben alone sits beside the one for anyone; the most cautious shows for Ben.
  d = made(cs::paint_regions(d, "ana", brush(BoundaryState::no, "ben"), {Region::back_lower}));
  CHECK(cs::map_state(ana(d), cs::Direction::receive, "ben", Region::back_lower) == BoundaryState::no);
  CHECK(cs::map_state(ana(d), cs::Direction::receive, "", Region::back_lower) == BoundaryState::yes);

  // Not discussed removes only the brush's own line (Ben's), not the line for anyone.
  d = made(cs::paint_regions(d, "ana", brush(std::nullopt, "ben"), {Region::back_lower}));
  CHECK(cs::map_state(ana(d), cs::Direction::receive, "ben", Region::back_lower) == BoundaryState::yes);
  d = made(cs::paint_regions(d, "ana", brush(std::nullopt), {Region::back_lower}));
  CHECK_FALSE(cs::map_state(ana(d), cs::Direction::receive, "ben", Region::back_lower));

  // A line that lists kinds is a detail: the brush leaves it alone.
  cs::Boundary kiss;
  kiss.region = Region::lips;
  kiss.contact = {cs::ContactKind::kiss_closed};
  kiss.state = BoundaryState::yes;
  d = made(cs::add_line(d, "ana", kiss));
  d = made(cs::paint_regions(d, "ana", brush(std::nullopt), {Region::lips}));
  CHECK(ana(d).boundaries.back() == kiss);

  CHECK_FALSE(cs::paint_regions(d, "ana", brush(BoundaryState::yes, "ana"), {Region::face}).ok());
  CHECK_FALSE(cs::paint_regions(d, "nobody", brush(BoundaryState::yes), {Region::face}).ok());
  CHECK_FALSE(cs::paint_regions(d, "ana", brush(BoundaryState::yes, "nobody"), {Region::face}).ok());
}

TEST_CASE("the contact chip is the more cautious of the receiver's and the giver's maps") {
  using cs::BoundaryState;
  using cs::Region;
  cs::Document d = small_scene();  // b02: Ben's right hand on Ana's upper back, hand, over costume
  const cs::Contact c = d.choreography.beats[1].contacts[0];
  CHECK(cs::contact_consent(d, c).chip == cs::ContactConsent::not_agreed);
  CHECK(cs::contact_consent(d, c).words == "not agreed: not discussed with ana");

  d = made(cs::paint_regions(d, "ana", brush(BoundaryState::yes), {Region::back_upper}));
  // Ben never agreed to touch an upper back.
  CHECK(cs::contact_consent(d, c).chip == cs::ContactConsent::not_agreed);
  cs::BrushStroke give = brush(BoundaryState::ask);
  give.direction = cs::Direction::give;
  d = made(cs::paint_regions(d, "ben", give, {Region::back_upper}));
  CHECK(cs::contact_consent(d, c).words == "ask: check in");

  give.state = BoundaryState::yes;
  d = made(cs::paint_regions(d, "ben", give, {Region::back_upper}));
  CHECK(cs::contact_consent(d, c).words == "yes");
  d.performers[0].boundaries[0].conditions = "hands flat";
  CHECK(cs::contact_consent(d, c).chip == cs::ContactConsent::conditional);
  CHECK(cs::contact_consent(d, c).words == "conditional: hands flat");

  // Skin where only over costume was agreed.
  cs::Contact skin = c;
  skin.layer = cs::Layer::skin;
  CHECK(cs::contact_consent(d, skin).chip == cs::ContactConsent::not_agreed);
}

TEST_CASE("copy a map to a partner, mirror left to right, and raise a tier") {
  using cs::BoundaryState;
  using cs::Region;
  cs::Document d = small_scene();
  cs::Performer cy;
  cy.id = "cy";
  d = made(cs::add_performer(d, cy));
  d = made(cs::paint_regions(d, "ana", brush(BoundaryState::yes, "ben"), {Region::hand_l, Region::shoulder_l}));
  d = made(cs::paint_regions(d, "ana", brush(BoundaryState::no, "cy"), {Region::face}));
  d = made(cs::copy_map_to_partner(d, "ana", "ben", "cy"));
  CHECK(cs::map_state(ana(d), cs::Direction::receive, "cy", Region::hand_l) == BoundaryState::yes);
  CHECK(cs::map_state(ana(d), cs::Direction::receive, "cy", Region::shoulder_l) == BoundaryState::yes);
  // Cy's own lines were replaced by the copy.
  CHECK_FALSE(cs::map_state(ana(d), cs::Direction::receive, "cy", Region::face));
  CHECK(cs::map_state(ana(d), cs::Direction::receive, "ben", Region::hand_l) == BoundaryState::yes);
  CHECK_FALSE(cs::copy_map_to_partner(d, "ana", "ben", "ben").ok());
  CHECK_FALSE(cs::copy_map_to_partner(d, "ana", "ben", "ana").ok());
  CHECK_FALSE(cs::copy_map_to_partner(d, "ana", "", "ben").ok());  // no lines for any partner to copy

  d = made(cs::paint_regions(d, "ana", brush(BoundaryState::no, "ben"), {Region::hand_r}));
  d = made(cs::mirror_map_left_to_right(d, "ana"));
  CHECK(cs::map_state(ana(d), cs::Direction::receive, "ben", Region::hand_r) == BoundaryState::yes);
  CHECK(cs::map_state(ana(d), cs::Direction::receive, "cy", Region::shoulder_r) == BoundaryState::yes);
  CHECK(cs::map_state(ana(d), cs::Direction::receive, "ben", Region::hand_l) == BoundaryState::yes);

  d = made(cs::set_region_tier(d, "ana", Region::back_lower, cs::Tier::intimate));
  CHECK(cs::tier_for(ana(d), Region::back_lower) == cs::Tier::intimate);
  const cs::Edited lower = cs::set_region_tier(d, "ana", Region::genitals, cs::Tier::ordinary);
  CHECK_FALSE(lower.ok());
  CHECK(lower.refusal().find("raised, not lowered") != std::string::npos);
  d = made(cs::set_region_tier(d, "ana", Region::back_lower, std::nullopt));
  CHECK(ana(d).tiers.empty());
}

TEST_CASE("a stroke across rider cells sets each as one cell would, in one edit") {
  using cs::BoundaryState;
  using cs::Region;
  using cs::View;
  const cs::Document start = made(cs::apply_rider_preset(small_scene(), "ana", cs::RiderPreset::topless));
  const std::vector<cs::RiderCell> cells{{Region::breast_l, View::side}, {Region::breast_r, View::side},
                                         {Region::buttock_l, View::rear}};
  const cs::Document d = made(cs::set_rider_cells(start, "ana", cells, BoundaryState::ask));
  // The same as the cells one by one.
  cs::Document one = start;
  for (const cs::RiderCell& c : cells) one = made(cs::set_rider_cell(one, "ana", c.region, c.view, BoundaryState::ask));
  CHECK(ana(d).exposure == ana(one).exposure);
  for (const cs::RiderCell& c : cells) CHECK(cs::rider_cell(ana(d), c.region, c.view) == BoundaryState::ask);
  CHECK(cs::rider_cell(ana(d), Region::breast_l, View::front) == BoundaryState::yes);  // the rest stays
  // A refused cell refuses the stroke, naming the cell, and changes nothing.
  const cs::Edited bad = cs::set_rider_cells(start, "ana", {{Region::nipple_l, View::front}, {Region::genitals, View::any}},
                                             BoundaryState::yes);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.refusal().find("genitals") != std::string::npos);
  CHECK_FALSE(cs::set_rider_cells(start, "ana", {}, BoundaryState::yes).ok());
  CHECK_FALSE(cs::set_rider_cells(start, "nobody", cells, BoundaryState::yes).ok());
}

TEST_CASE("rider cells split the line that held them, and presets add their categories") {
  using cs::BoundaryState;
  using cs::Region;
  using cs::View;
  cs::Document d = small_scene();
  d = made(cs::apply_rider_preset(d, "ana", cs::RiderPreset::topless));
  CHECK(cs::rider_cell(ana(d), Region::breast_l, View::front) == BoundaryState::yes);
  CHECK(cs::rider_cell(ana(d), Region::nipple_r, View::overhead) == BoundaryState::yes);
  CHECK_FALSE(cs::rider_cell(ana(d), Region::genitals, View::front));

  // The left breast from the side becomes ask; everything else the line said stays.
  d = made(cs::set_rider_cell(d, "ana", Region::breast_l, View::side, BoundaryState::ask));
  CHECK(cs::rider_cell(ana(d), Region::breast_l, View::side) == BoundaryState::ask);
  CHECK(cs::rider_cell(ana(d), Region::breast_l, View::front) == BoundaryState::yes);
  CHECK(cs::rider_cell(ana(d), Region::breast_r, View::side) == BoundaryState::yes);
  CHECK(cs::rider_verdict(ana(d), Region::breast_l, View::side).outcome == cs::RiderVerdict::ask);
  // Cleared: not agreed from that view any more, still agreed from the others.
  d = made(cs::set_rider_cell(d, "ana", Region::breast_l, View::side, std::nullopt));
  CHECK_FALSE(cs::rider_cell(ana(d), Region::breast_l, View::side));
  CHECK(cs::rider_verdict(ana(d), Region::breast_l, View::side).outcome == cs::RiderVerdict::not_from_view);
  CHECK_FALSE(cs::set_rider_cell(d, "ana", Region::breast_l, View::any, BoundaryState::yes).ok());

  // Side breast keeps the nipples unseen from any view; implied keeps every intimate region unseen.
  cs::Document s = made(cs::apply_rider_preset(small_scene(), "ana", cs::RiderPreset::side_breast));
  CHECK(cs::rider_cell(ana(s), Region::breast_r, View::side) == BoundaryState::yes);
  CHECK(cs::rider_cell(ana(s), Region::nipple_r, View::side) == BoundaryState::no);
  CHECK_FALSE(cs::rider_cell(ana(s), Region::breast_r, View::front));
  cs::Document i = made(cs::apply_rider_preset(small_scene(), "ana", cs::RiderPreset::implied));
  for (Region r : {Region::genitals, Region::buttock_l, Region::nipple_l})
    CHECK(cs::rider_cell(ana(i), r, View::rear) == BoundaryState::no);
  CHECK_FALSE(cs::rider_cell(ana(i), Region::face, View::front));
  cs::Document f = made(cs::apply_rider_preset(small_scene(), "ana", cs::RiderPreset::full_frontal));
  CHECK(cs::rider_cell(ana(f), Region::genitals, View::front) == BoundaryState::yes);
  CHECK_FALSE(cs::rider_cell(ana(f), Region::genitals, View::rear));
  cs::Document r = made(cs::apply_rider_preset(small_scene(), "ana", cs::RiderPreset::rear_only));
  CHECK(cs::rider_cell(ana(r), Region::buttock_r, View::rear) == BoundaryState::yes);
  CHECK_FALSE(cs::rider_cell(ana(r), Region::buttock_r, View::side));
}

TEST_CASE("a change of consent names the region, its new state and the contacts it reaches") {
  using cs::BoundaryState;
  using cs::Region;
  cs::Document d = small_scene();
  cs::BrushStroke give = brush(BoundaryState::yes);
  give.direction = cs::Direction::give;
  d = made(cs::paint_regions(d, "ben", give, {Region::back_upper}));
  d = made(cs::paint_regions(d, "ana", brush(BoundaryState::yes), {Region::back_upper}));
  const cs::Document after = made(cs::paint_regions(d, "ana", brush(BoundaryState::ask), {Region::back_upper}));
  CHECK(cs::consent_change_words(d, after) == "ana: upper back now ask \u2014 1 contact in b02 affected");
  // A region no contact touches: no contacts named.
  const cs::Document face = made(cs::paint_regions(d, "ana", brush(BoundaryState::no), {Region::face}));
  CHECK(cs::consent_change_words(d, face) == "ana: face now no");
  CHECK(cs::consent_change_words(d, d).empty());
  // The rider: the cell that changed.
  const cs::Document rider = made(cs::set_rider_cell(d, "ana", Region::back_lower, cs::View::rear, BoundaryState::ask));
  CHECK(cs::consent_change_words(d, rider) == "ana: rider: lower back from the rear now ask");
  // A line for one partner: said with whom.
  const cs::Document ben = made(cs::paint_regions(d, "ana", brush(BoundaryState::no, "ben"), {Region::back_upper}));
  CHECK(cs::consent_change_words(d, ben) == "ana: upper back now no with ben \u2014 1 contact in b02 affected");
}

TEST_CASE("the body map's picture is the performer's own mannequin, front and back") {
  cs::Performer p;
  p.id = "ana";
  p.height_m = 1.70;
  const cs::BodyMapPicture front = cs::body_map_picture(p, false, 120);
  const cs::BodyMapPicture back = cs::body_map_picture(p, true, 120);
  CHECK(front.height == 120);
  CHECK(front.width > 40);
  const auto cells = [](const cs::BodyMapPicture& pic, cs::Region r) {
    return std::count(pic.cells.begin(), pic.cells.end(), static_cast<std::int8_t>(r));
  };
  CHECK(front.shows(cs::Region::breast_l));
  CHECK(front.shows(cs::Region::abdomen_upper));
  CHECK(back.shows(cs::Region::back_lower));
  // What faces the viewer fills the picture; what faces away shows at most at the silhouette's edge.
  CHECK(cells(front, cs::Region::face) > 5 * cells(back, cs::Region::face));
  CHECK(cells(back, cs::Region::buttock_l) > 5 * cells(front, cs::Region::buttock_l));
  CHECK(cells(front, cs::Region::breast_l) > 5 * cells(back, cs::Region::breast_l));
  // From the front the performer's left hand is on the viewer's right; from behind, on the left.
  auto mean_x = [](const cs::BodyMapPicture& pic, cs::Region r) {
    double sum = 0;
    int n = 0;
    for (int y = 0; y < pic.height; ++y)
      for (int x = 0; x < pic.width; ++x)
        if (pic.region_at(x, y) == r) { sum += x; ++n; }
    REQUIRE(n > 0);
    return sum / n / pic.width;
  };
  CHECK(mean_x(front, cs::Region::hand_l) > 0.6);
  CHECK(mean_x(back, cs::Region::hand_l) < 0.4);
  // The head is at the top, the feet at the bottom.
  int face_y = -1, foot_y = -1;
  for (int y = 0; y < front.height; ++y)
    for (int x = 0; x < front.width; ++x) {
      if (face_y < 0 && front.region_at(x, y) == cs::Region::face) face_y = y;
      if (front.region_at(x, y) == cs::Region::foot_l) foot_y = y;
    }
  CHECK(face_y >= 0);
  CHECK(face_y < 20);
  CHECK(foot_y > 100);
  // A taller performer fills the same cells: the picture is scaled to them.
  p.height_m = 1.95;
  CHECK(cs::body_map_picture(p, false, 120).metres_per_cell > front.metres_per_cell);
}

TEST_CASE("deleting a performer or a garment still referenced is refused, saying where") {
  cs::Document d = small_scene();
  const cs::Edited e = cs::remove_performer(d, "ben");
  REQUIRE_FALSE(e.ok());
  CHECK(e.refusal().find("beat b02, contact 1 (the giver)") != std::string::npos);
  cs::Garment g;
  g.wearer = "ana";
  g.covers = {cs::Region::pubic};
  std::string gid;
  d = made(cs::add_garment(d, g, &gid));
  d = made(cs::add_note(d, 1, cs::GarmentChange{gid, false}));
  const cs::Edited eg = cs::remove_garment(d, gid);
  REQUIRE_FALSE(eg.ok());
  CHECK(eg.refusal().find("garment change") != std::string::npos);
  // Once nothing names her, Ana can go... but Ana is the receiver in b02 and has a breath cue.
  CHECK_FALSE(cs::remove_performer(d, "ana").ok());
  cs::Performer cy;
  cy.id = "cy";
  d = made(cs::add_performer(d, cy));
  CHECK(made(cs::remove_performer(d, "cy")).performers.size() == 2);
}

TEST_CASE("the grouped list names every region once") {
  std::vector<int> seen(cs::kRegionCount, 0);
  for (const cs::RegionGroup& g : cs::region_groups())
    for (cs::Region r : g.regions) ++seen[static_cast<std::size_t>(r)];
  for (std::size_t i = 0; i < cs::kRegionCount; ++i) {
    INFO(cs::vocab_name(cs::vocab_at<cs::Region>(i)));
    CHECK(seen[i] == 1);
  }
}

TEST_CASE("the contact chip holds contact as mutual, as the checks do: the giver's own intimate region is touched too") {
  using cs::BoundaryState;
  using cs::Region;
  cs::Document d = small_scene();
  cs::Contact c = d.choreography.beats[1].contacts[0];  // Ben → Ana's upper back
  c.with = Region::forearm_r;                           // Ben touches with his forearm…
  REQUIRE(cs::tier_for(*d.performer("ben"), Region::forearm_r) == cs::Tier::ordinary);
  d = made(cs::paint_regions(d, "ana", brush(BoundaryState::yes), {Region::back_upper}));
  cs::BrushStroke give = brush(BoundaryState::yes);
  give.direction = cs::Direction::give;
  d = made(cs::paint_regions(d, "ben", give, {Region::back_upper}));
  CHECK(cs::contact_consent(d, c).words == "yes");  // an ordinary region doing the touching is just giving

  c.with = Region::pubic;  // …with an intimate region: Ben's own receive lines govern it
  CHECK(cs::contact_consent(d, c).chip == cs::ContactConsent::not_agreed);
  CHECK(cs::contact_consent(d, c).words == "not agreed: not discussed with ben");
  d = made(cs::paint_regions(d, "ben", brush(BoundaryState::yes), {Region::pubic}));
  d.performers[1].boundaries.back().conditions = "pillow between";
  CHECK(cs::contact_consent(d, c).chip == cs::ContactConsent::conditional);
  CHECK(cs::contact_consent(d, c).words == "conditional: pillow between");
}
