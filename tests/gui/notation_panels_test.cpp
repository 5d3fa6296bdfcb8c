// The notation panels as an IC uses them: from File → New to a checked
// choreography without seeing JSON — two performers named, body maps painted
// with the brush (receive and give), a modesty garment, a barrier, the camera
// the new scene has, three beats with contacts (each with its consent chip),
// a breath cue placed and dragged, an eyeline and a masking note — through the
// same actions the panels' clicks and drags call, with the checks running in
// the background. After each step: the document, and the findings of that
// very document. Then every step is undone back to the new scene, byte for
// byte. Screenshots of the body map, the rider grid and the contact inspector
// go to the build folder (and, with CLOSEDSET_UPDATE_DOCS=1, to docs/).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/editor/editor_app.hpp"
#include "app/editor/notation_widgets.hpp"
#include "notation/consent.hpp"
#include "notation/edits_cast.hpp"
#include "notation/format.hpp"
#include "render/image.hpp"
#include "tests/gui/test_editor.hpp"

namespace fs = std::filesystem;
using namespace cs::editor;

namespace {

bool has_finding(const EditorState& s, cs::FindingCode code, const std::string& beat) {
  for (const cs::Finding& f : s.checks.findings)
    if (f.code == code && f.beat == beat) return true;
  return false;
}

// Findings of the document shown: waits for the checks worker.
void checked(EditorApp& app) {
  REQUIRE(app.wait_for_checks(120));
  CHECK(app.state().checks.generation == app.state().history.generation());
}

void shoot(EditorApp& app, const char* name, bool for_docs = true) {
  cs::render::Image img;
  app.frame();
  app.frame(&img);
  REQUIRE_FALSE(img.empty());
  CHECK(cs::render::luminance_variance(img) > 50.0);
  const fs::path dir = fs::temp_directory_path() / "closedset_gui_tests" / "notation";
  fs::create_directories(dir);
  std::string error;
  CHECK_MESSAGE(cs::render::write_png(dir / name, img, &error), error);
  if (const char* update = std::getenv("CLOSEDSET_UPDATE_DOCS"); for_docs && update && std::string(update) == "1")
    CHECK_MESSAGE(cs::render::write_png(fs::path(CLOSEDSET_EXAMPLES_DIR) / ".." / ".." / "docs" / name, img, &error), error);
}

}  // namespace

TEST_CASE("from File → New to a checked choreography through the notation panels, and undone byte for byte") {
  AppConfig config = test::editor_config();
  config.width = 1600;
  config.height = 900;
  config.background_checks = true;
  auto app = test::make_editor(config);
  app->new_scene();
  app->frame();
  EditorState& s = app->state();
  const std::string empty_scene = cs::save_scene_text(s.history.doc());
  const auto doc = [&]() -> const cs::Document& { return s.history.doc(); };
  REQUIRE(doc().performers.size() == 2);
  REQUIRE(doc().cameras.size() == 1);
  checked(*app);

  // Names, through the performer inspector's edit function.
  cs::Performer ana = doc().performers[0];
  ana.character = "Ana";
  ana.actor = "A. Actor";
  REQUIRE(edit_document(s, "Edit character", cs::set_performer(doc(), "p1", ana)));
  cs::Performer ben = doc().performers[1];
  ben.character = "Ben";
  REQUIRE(edit_document(s, "Edit character", cs::set_performer(doc(), "p2", ben)));

  // Three beats: the new scene's b01 [1,5), then at 5 and 9.
  set_count(s, 5);
  REQUIRE(add_beat_at_playhead(s));
  set_count(s, 9);
  REQUIRE(add_beat_at_playhead(s));
  REQUIRE(doc().choreography.beats.size() == 3);

  // A contact before anyone agreed to anything: not agreed, and the checks say so.
  REQUIRE(add_contact(s, 0));
  const cs::Contact first = doc().choreography.beats[0].contacts.at(0);
  CHECK(first.giver == "p2");
  CHECK(first.receiver == "p1");
  CHECK(first.layer == cs::Layer::over_costume);  // the rehearsal top covers the upper back
  CHECK(cs::contact_consent(doc(), first).chip == cs::ContactConsent::not_agreed);
  checked(*app);
  CHECK(has_finding(s, cs::FindingCode::contact_refused, "b01"));

  // Ana's body map, receiving from Ben: her back and shoulders yes (a drag across four regions).
  open_body_map(s, "p1");
  s.notation.direction = cs::Direction::receive;
  s.notation.partner = "p2";
  s.notation.brush_on = true;
  s.notation.brush = cs::BoundaryState::yes;
  s.notation.brush_layer = cs::Layer::over_costume;
  app->frame();
  const cs::Document before_stroke = doc();
  begin_stroke(s, cs::Region::back_upper);
  app->frame();  // the stroke shows live, frame by frame
  extend_stroke(s, cs::Region::back_lower);
  extend_stroke(s, cs::Region::shoulder_l);
  extend_stroke(s, cs::Region::back_lower);  // back over a region already painted: nothing new
  extend_stroke(s, cs::Region::shoulder_r);
  app->frame();
  REQUIRE(end_stroke(s));
  // One drag, one undo step.
  CHECK(s.history.undo_label() == "Paint Ana's body map: yes");
  const std::string reach = s.status;
  REQUIRE(undo(s));
  CHECK(doc() == before_stroke);
  REQUIRE(redo(s));
  s.status = reach;
  CHECK(doc().performer("p1")->boundaries.size() == 4);
  for (cs::Region r : {cs::Region::back_upper, cs::Region::back_lower, cs::Region::shoulder_l, cs::Region::shoulder_r})
    CHECK(cs::map_state(*doc().performer("p1"), cs::Direction::receive, "p2", r) == cs::BoundaryState::yes);
  // The status line names what changed and the contact it reaches.
  CHECK(s.status.find("Ana: left shoulder now yes with Ben, right shoulder now yes with Ben and 2 more") == 0);
  CHECK(s.status.find("1 contact in b01 affected") != std::string::npos);
  // With the brush off, a click opens the region's lines (as the picture's click does).
  s.notation.brush_on = false;
  s.notation.detail_region = cs::Region::back_lower;
  shoot(*app, "body_map_details.png", false);
  s.notation.detail_region.reset();
  s.notation.brush_on = true;
  // Her buttocks: no.
  s.notation.brush = cs::BoundaryState::no;
  REQUIRE(paint(s, {cs::Region::buttock_l, cs::Region::buttock_r}));
  // The brush on: a click never cycles. The same state again changes nothing.
  CHECK_FALSE(paint(s, {cs::Region::buttock_l}));
  shoot(*app, "body_map.png");

  // Ana's rider: a preset, then a stroke of cells with the brush.
  s.notation.page = NotationUi::Page::rider;
  REQUIRE(consent_edit(s, "Rider preset", cs::apply_rider_preset(doc(), "p1", cs::RiderPreset::side_breast)));
  s.notation.brush = cs::BoundaryState::ask;
  // A drag down the rear column: press on one cell, cross two more, release.
  const cs::Document before_rider_stroke = doc();
  begin_rider_stroke(s, {cs::Region::back_lower, cs::View::rear});
  extend_rider_stroke(s, {cs::Region::buttock_l, cs::View::rear});
  extend_rider_stroke(s, {cs::Region::buttock_l, cs::View::rear});  // the same cell again: nothing new
  extend_rider_stroke(s, {cs::Region::buttock_r, cs::View::rear});
  CHECK(cs::rider_cell(*doc().performer("p1"), cs::Region::buttock_r, cs::View::rear) == cs::BoundaryState::ask);  // live
  // The mouse is up: the grid ends the stroke as it draws (two frames: the tab is chosen first).
  app->frame();
  app->frame();
  CHECK(s.notation.rider_stroke.empty());
  CHECK(s.history.undo_label() == "Paint Ana's rider: ask");
  REQUIRE(undo(s));
  CHECK(doc() == before_rider_stroke);
  REQUIRE(redo(s));
  CHECK(cs::rider_cell(*doc().performer("p1"), cs::Region::breast_l, cs::View::side) == cs::BoundaryState::yes);
  for (cs::Region r : {cs::Region::back_lower, cs::Region::buttock_l, cs::Region::buttock_r})
    CHECK(cs::rider_cell(*doc().performer("p1"), r, cs::View::rear) == cs::BoundaryState::ask);
  CHECK_FALSE(cs::rider_cell(*doc().performer("p1"), cs::Region::buttock_r, cs::View::front));
  app->frame();
  shoot(*app, "rider.png");

  // Still not agreed: Ben never said he would touch a back.
  checked(*app);
  CHECK(has_finding(s, cs::FindingCode::contact_refused, "b01"));
  // Ben's map, giving to Ana: her back, yes.
  open_body_map(s, "p2");
  s.notation.page = NotationUi::Page::body_map;
  s.notation.direction = cs::Direction::give;
  s.notation.partner = "p1";
  s.notation.brush = cs::BoundaryState::yes;
  REQUIRE(paint(s, {cs::Region::back_upper, cs::Region::back_lower}));
  CHECK(cs::contact_consent(doc(), first).words == "yes");
  checked(*app);
  CHECK_FALSE(has_finding(s, cs::FindingCode::contact_refused, "b01"));

  // A modesty garment for Ana, its cover painted on the garments page (perineum off again).
  s.notation.page = NotationUi::Page::garments;
  open_body_map(s, "p1");
  REQUIRE(add_garment_for(s, "p1"));
  const std::string thong = s.notation.garment;
  REQUIRE(doc().garment(thong));
  REQUIRE(paint(s, {cs::Region::perineum}));  // it covered the perineum: the stroke removes it
  CHECK(doc().garment(thong)->covers == std::vector<cs::Region>{cs::Region::pubic, cs::Region::genitals});
  // Painting away the last region it covers is refused (a garment covers something), and nothing changes.
  // A stroke stops where the rule would break: the pubic area comes off, the genitals stay covered.
  REQUIRE(paint(s, {cs::Region::pubic, cs::Region::genitals}));
  CHECK(doc().garment(thong)->covers == std::vector<cs::Region>{cs::Region::genitals});
  const cs::Document one_region = doc();
  CHECK_FALSE(paint(s, {cs::Region::genitals}));
  CHECK(doc() == one_region);
  CHECK(s.status.find("stopped") != std::string::npos);
  REQUIRE(paint(s, {cs::Region::pubic}));  // and back on
  CHECK(doc().garment(thong)->covers == std::vector<cs::Region>{cs::Region::genitals, cs::Region::pubic});
  shoot(*app, "garments.png", false);

  // A barrier, Ana's own.
  REQUIRE(add_prop_of(s, cs::PropShape::box, true, "p1"));
  REQUIRE(doc().props.size() == 1);
  CHECK(doc().props[0].barrier);
  CHECK(doc().props[0].owner == "p1");

  // b02: Ben's hand on Ana's lower back, edited in place from the default.
  REQUIRE(add_contact(s, 1));
  cs::Contact low = doc().choreography.beats[1].contacts.at(0);
  low.region = cs::Region::back_lower;
  low.pressure = cs::Pressure::medium;
  REQUIRE(set_contact(s, 1, 0, low));
  CHECK(cs::contact_consent(doc(), doc().choreography.beats[1].contacts[0]).words == "yes");
  // b03: a hand on a buttock, which Ana said no to: the chip and the checks say so.
  REQUIRE(add_contact(s, 2));
  cs::Contact no = doc().choreography.beats[2].contacts.at(0);
  no.region = cs::Region::buttock_l;
  REQUIRE(set_contact(s, 2, 0, no));
  CHECK(cs::contact_consent(doc(), doc().choreography.beats[2].contacts[0]).words == "not agreed: Ana said no");
  checked(*app);
  CHECK(has_finding(s, cs::FindingCode::contact_refused, "b03"));
  CHECK_FALSE(has_finding(s, cs::FindingCode::contact_refused, "b02"));

  // Breath: placed on Ana's lane at 2.3 (2.5), dragged to 7.2 (7, in b02): one step.
  REQUIRE(add_breath_at(s, "p1", 2.3, cs::BreathCue::exhale));
  REQUIRE(doc().choreography.beats[0].breath.size() == 1);
  CHECK(doc().choreography.beats[0].breath[0].count == 2.5);
  const cs::Document before_drag = doc();
  begin_breath_drag(s, 0, 0);
  update_breath_drag(s, 3.2);
  app->frame();
  update_breath_drag(s, 7.2);
  app->frame();
  REQUIRE(end_breath_drag(s));
  CHECK(s.history.undo_label() == "Move breath cue");
  CHECK(doc().choreography.beats[0].breath.empty());
  REQUIRE(doc().choreography.beats[1].breath.size() == 1);
  CHECK(doc().choreography.beats[1].breath[0].count == 7.0);
  REQUIRE(undo(s));
  CHECK(doc() == before_drag);  // the whole drag was one step
  REQUIRE(redo(s));

  // An eyeline at the region picked in the viewport: Ben's face.
  REQUIRE(select_region(s, "p2", cs::Region::face));
  REQUIRE(add_eyeline(s, 1));
  const cs::Eyeline look = doc().choreography.beats[1].eyelines.at(0);
  CHECK(look.performer == "p1");
  CHECK(look.target.performer == "p2");
  CHECK(look.target.region == cs::Region::face);
  // A masking note in b02, and whether it holds, from the checks of this document.
  REQUIRE(add_masking_note(s, 1));
  CHECK(doc().choreography.beats[1].masking.size() == 1);
  checked(*app);
  CHECK_FALSE(has_finding(s, cs::FindingCode::eyeline_target, "b02"));

  // The contact inspector, on b03 with its refused contact.
  open_body_map(s, "");
  REQUIRE(select_contact(s, "b03", 0));
  app->frame();
  shoot(*app, "contact_inspector.png");

  // Saved and loaded back: the same document.
  const std::string built = cs::save_scene_text(doc());
  const cs::LoadResult back = cs::load_scene_text(built, "built");
  REQUIRE(back.ok());
  CHECK(*back.document == doc());

  // Every step undone: the new scene, byte for byte.
  int undone = 0;
  while (undo(s)) ++undone;
  CHECK(undone > 15);
  CHECK(cs::save_scene_text(doc()) == empty_scene);
  app->frame();
}

TEST_CASE("removing a performer still named is refused, saying where, a new one can go again") {
  test::ExampleSession t("notation_cast");
  EditorState& s = t.s();
  const cs::Document before = t.doc();
  const std::string first = before.performers.front().id;
  CHECK_FALSE(edit_document(s, "Remove performer", cs::remove_performer(t.doc(), first)));
  REQUIRE(s.notice);
  CHECK(s.notice->message.find("is still named in") != std::string::npos);
  CHECK(s.notice->message.find("beat ") != std::string::npos);
  CHECK(t.doc() == before);
  s.notice.reset();
  REQUIRE(add_cast_member(s));
  const std::string added = s.selection.id;
  CHECK(t.doc().performers.size() == before.performers.size() + 1);
  t.frames();
  REQUIRE(edit_document(s, "Remove performer", cs::remove_performer(t.doc(), added)));
  CHECK(t.doc().performers == before.performers);
}
