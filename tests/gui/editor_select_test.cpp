// Selecting as a user does it: a click on the viewport's picture (through the
// same click_in_viewport the viewport calls, at the pixel where something is
// drawn), a click on a name in the cast panel (select), F to frame it, Esc to
// clear it; and what happens to a selection over undo, redo, an edit that
// removes its item and a reload. Real frames under xvfb-run.
#include <doctest/doctest.h>

#include "notation/edits_garments.hpp"

#include <filesystem>
#include <memory>
#include <string>

#include "app/editor/editor_app.hpp"
#include "tests/gui/test_editor.hpp"
#include "render/image.hpp"

namespace fs = std::filesystem;
using cs::PickKind;
using cs::editor::EditorApp;

namespace {

const fs::path kExample = fs::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json";

struct Session : test::ExampleSession {
  using ExampleSession::ExampleSession;
  // Where a world point is in the picture now (normalised device coordinates).
  glm::vec2 ndc_of(glm::vec3 world) {
    glm::vec2 p(99);
    CHECK(vr().view.project(world, p));
    return p;
  }
  glm::vec3 chest(int performer) {
    return vr().stage.performers[static_cast<std::size_t>(performer)].joints[static_cast<std::size_t>(cs::Joint::spine_upper)].position;
  }
  // A click on the picture where `world` is drawn.
  cs::PickHit click_at(glm::vec3 world) { return cs::editor::click_in_viewport(s(), vr(), ndc_of(world)); }
};

bool inside_view(glm::vec2 p, float margin = 0) { return std::abs(p.x) <= 1 - margin && std::abs(p.y) <= 1 - margin; }

}  // namespace

TEST_CASE("a click on a performer in the viewport selects them, F frames them, Esc clears, none of it is an edit") {
  Session t("select_performer");
  auto& s = t.s();
  const std::size_t steps = s.history.undo_steps();
  REQUIRE(s.selection.empty());

  const cs::PickHit hit = t.click_at(t.chest(0));
  CHECK(hit.kind == PickKind::performer);
  CHECK(s.selection.is(cs::editor::SelectionKind::performer, "ana"));
  t.frames();
  CHECK_FALSE(t.vr().geometry.outline_indices.empty());  // the viewport outlines her

  // Look away: Ana's chest leaves the picture.
  s.orbit.target += glm::vec3(30, 0, 30);
  t.frames();
  CHECK_FALSE(inside_view(t.ndc_of(t.chest(0))));

  // F (the key, the button and the menu all call frame_selection).
  cs::editor::frame_selection(s);
  t.frames();
  const glm::vec2 c = t.ndc_of(t.chest(0));
  CHECK(std::abs(c.x) < 0.25f);
  CHECK(std::abs(c.y) < 0.4f);
  // The whole of her fits, and she fills a good part of the view.
  const cs::render::Bounds b = cs::render::performer_bounds(t.vr().stage, 0);
  REQUIRE(b.valid);
  CHECK(inside_view(t.ndc_of(b.lo)));
  CHECK(inside_view(t.ndc_of(b.hi)));
  CHECK(glm::length(t.ndc_of(b.hi) - t.ndc_of(b.lo)) > 0.5f);
  // Ben is not what was framed: framing him puts the target elsewhere.
  const glm::vec3 ana_target = s.orbit.target;
  cs::editor::select(s, cs::editor::SelectionKind::performer, "ben");  // a click on his name in the cast panel
  CHECK(s.selection.is(cs::editor::SelectionKind::performer, "ben"));
  cs::editor::frame_selection(s);
  t.frames();
  CHECK(glm::length(s.orbit.target - ana_target) > 0.2f);
  CHECK(std::abs(t.ndc_of(t.chest(1)).x) < 0.25f);

  // Esc clears; F then frames the whole cast.
  cs::editor::escape(s);
  CHECK(s.selection.empty());
  t.frames();
  CHECK(t.vr().geometry.outline_indices.empty());
  cs::editor::frame_selection(s);
  t.frames();
  const cs::render::Bounds cast = cs::render::cast_bounds(t.vr().stage);
  CHECK(glm::length(s.orbit.target - (cast.lo + cast.hi) * 0.5f) < 1e-4f);

  // Selecting, framing and clearing made no undo step and changed nothing.
  CHECK(s.history.undo_steps() == steps);
  CHECK_FALSE(s.dirty());
  CHECK(t.app->window_title().find("•") == std::string::npos);
}

TEST_CASE("a click selects a camera or a prop, and a click on empty space clears") {
  Session t("select_camera_prop");
  auto& s = t.s();
  // Camera B's body, in the free view.
  const glm::vec3 cam_b(t.vr().stage.cameras[1].basis.position);
  REQUIRE(inside_view(t.ndc_of(cam_b)));
  CHECK(t.click_at(cam_b).kind == PickKind::camera);
  CHECK(s.selection.is(cs::editor::SelectionKind::camera, "B"));
  t.frames();
  CHECK_FALSE(t.vr().geometry.outline_indices.empty());
  cs::editor::frame_selection(s);
  t.frames();
  CHECK(glm::length(s.orbit.target - cam_b) < 1e-3f);

  // The headboard, seen from behind it.
  s.orbit.target = glm::vec3(0, 0.8f, -1.09f);
  s.orbit.yaw_deg = 180;
  s.orbit.pitch_deg = 10;
  s.orbit.distance = 3;
  t.frames();
  CHECK(cs::editor::click_in_viewport(s, t.vr(), glm::vec2(0, 0)).kind == PickKind::prop);
  CHECK(s.selection.is(cs::editor::SelectionKind::prop, "headboard"));

  // The sky above it: nothing there, so nothing is selected.
  CHECK(cs::editor::click_in_viewport(s, t.vr(), glm::vec2(0, 0.95f)).kind == PickKind::none);
  CHECK(s.selection.empty());

  // Looking through camera A, A itself is not in the picture and cannot be picked.
  REQUIRE(cs::editor::look_through_index(s, 0));  // key 1: camera A
  t.frames();
  const cs::PickHit through = cs::editor::click_in_viewport(s, t.vr(), glm::vec2(0, 0));
  CHECK(through.kind != PickKind::camera);
  CHECK(s.through_camera == "A");  // a click keeps the lens
}

TEST_CASE("the selection survives undo, redo and a reload, and goes when its item does") {
  Session t("select_history");
  auto& s = t.s();
  cs::editor::select(s, cs::editor::SelectionKind::prop, "pillow");
  REQUIRE(s.selection.is(cs::editor::SelectionKind::prop, "pillow"));

  // An unrelated edit, undone and redone: still selected.
  cs::editor::set_count(s, s.first_count() + 2);
  REQUIRE(cs::editor::split_beat_at_playhead(s));
  t.frames();
  CHECK(s.selection.is(cs::editor::SelectionKind::prop, "pillow"));
  REQUIRE(cs::editor::undo(s));
  CHECK(s.selection.is(cs::editor::SelectionKind::prop, "pillow"));
  REQUIRE(cs::editor::redo(s));
  CHECK(s.selection.is(cs::editor::SelectionKind::prop, "pillow"));
  REQUIRE(cs::editor::undo(s));

  // Reopening the same file keeps it; the selection was never saved.
  REQUIRE(t.app->open(t.scene));
  t.frames();
  CHECK(s.selection.is(cs::editor::SelectionKind::prop, "pillow"));

  // An edit that removes the sheet while it is selected drops the selection.
  cs::editor::select(s, cs::editor::SelectionKind::prop, "sheet");
  REQUIRE(cs::editor::edit_document(s, "Remove the sheet", cs::remove_prop(*s.document(), "sheet")));
  t.frames();
  CHECK(s.selection.empty());
  t.frames();  // and the viewport copes
  CHECK(t.vr().geometry.outline_indices.empty());
  // Undo brings the sheet back, not the selection (it was dropped); selecting it again works.
  REQUIRE(cs::editor::undo(s));
  CHECK(s.selection.empty());
  cs::editor::select(s, cs::editor::SelectionKind::prop, "sheet");
  CHECK(s.selection.is(cs::editor::SelectionKind::prop, "sheet"));
  // Something that does not exist cannot be selected.
  cs::editor::select(s, cs::editor::SelectionKind::performer, "nobody");
  CHECK(s.selection.empty());

  // Another file (a new scene) starts with nothing selected.
  cs::editor::select(s, cs::editor::SelectionKind::performer, "ana");
  t.app->new_scene();
  CHECK(s.selection.empty());
}

TEST_CASE("the selection's outline shows in the picture") {
  Session t("select_outline");
  auto& s = t.s();
  cs::render::Image before, after;
  t.app->frame(&before);
  cs::editor::select(s, cs::editor::SelectionKind::performer, "ben");
  t.frames();
  t.app->frame(&after);
  CHECK(cs::render::difference_fraction(before, after) > 0.001);
  std::string error;
  CHECK(cs::render::write_png(t.dir / "selected.png", after, &error));
}
