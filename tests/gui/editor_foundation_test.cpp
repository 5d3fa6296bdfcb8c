// The editor's foundations for tools: a widget made undoable by one helper,
// a selection that names sub-items, a viewport press that decides at once
// whether its drag belongs to a tool, to selection or to the view, and the
// inspector for what is selected. Real frames under xvfb-run.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/editor/editor_app.hpp"
#include "app/editor/undoable.hpp"
#include "notation/edits_beats.hpp"
#include "notation/edits_cameras.hpp"
#include "notation/edits_cast.hpp"
#include "notation/phrasing.hpp"
#include "render/image.hpp"
#include "tests/gui/test_editor.hpp"

namespace fs = std::filesystem;
using cs::editor::EditorApp;
using cs::editor::SelectionKind;
using cs::editor::WidgetFrame;
using cs::editor::WidgetOutcome;

namespace {

const fs::path kExample = fs::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json";

using Session = test::ExampleSession;

// The edit a "Character" field makes when its text is `text`.
cs::editor::EditFromOriginal rename_character(std::string id, std::string text) {
  return [id, text](const cs::Document& d) {
    cs::Performer p = *d.performer(id);
    p.character = text;
    return cs::set_performer(d, id, p);
  };
}

}  // namespace

TEST_CASE("a text field made undoable: one step per visit, a refused value stops, Esc puts it back") {
  Session t("undoable");
  auto& s = t.s();
  const cs::Document original = t.doc();
  const std::string id = original.performers[0].id;
  const std::string label = "Edit character";

  // Click into the field, type three letters over three frames, click away.
  WidgetFrame w;
  w.activated = w.active = true;
  CHECK(cs::editor::undoable_step(s, label, w, rename_character(id, original.performers[0].character)) == WidgetOutcome::none);
  w = {};
  w.active = true;
  w.changed = true;
  for (const char* text : {"M", "Ma", "Mai"}) CHECK(cs::editor::undoable_step(s, label, w, rename_character(id, text)) == WidgetOutcome::shown);
  CHECK(t.doc().performers[0].character == "Mai");  // shown while typing
  w = {};
  w.deactivated = w.deactivated_after_edit = true;
  CHECK(cs::editor::undoable_step(s, label, w, rename_character(id, "Mai")) == WidgetOutcome::committed);
  CHECK(s.history.undo_steps() == 1);
  CHECK(s.history.undo_label() == label);
  REQUIRE(cs::editor::undo(s));
  CHECK(t.doc() == original);

  // A height typed out of range is refused: the last good value stays, and the status says why.
  auto height = [id](double h) {
    return [id, h](const cs::Document& d) {
      cs::Performer p = *d.performer(id);
      p.height_m = h;
      return cs::set_performer(d, id, p);
    };
  };
  w = {};
  w.activated = w.active = w.changed = true;
  CHECK(cs::editor::undoable_step(s, "Edit height", w, height(1.7)) == WidgetOutcome::shown);
  w = {};
  w.active = w.changed = true;
  CHECK(cs::editor::undoable_step(s, "Edit height", w, height(17)) == WidgetOutcome::refused);
  CHECK(t.doc().performers[0].height_m == 1.7);
  CHECK(s.status.find("out of range") != std::string::npos);

  // Esc while the field is held: the document as it was before the visit, and no step.
  w = {};
  w.active = w.escape = true;
  CHECK(cs::editor::undoable_step(s, "Edit height", w, height(1.7)) == WidgetOutcome::cancelled);
  CHECK(t.doc() == original);
  w = {};
  w.deactivated = true;
  cs::editor::undoable_step(s, "Edit height", w, height(1.7));
  CHECK(s.history.undo_steps() == 0);
  CHECK_FALSE(s.dirty());

  // A one-click widget (a checkbox): one step at once.
  w = {};
  w.changed = true;
  const auto first_beat_placeholder = [](const cs::Document& d) {
    return cs::set_beat_placeholder(d, 0, !d.choreography.beats[0].placeholder);
  };
  CHECK(cs::editor::undoable_step(s, "Mark beat", w, first_beat_placeholder) == WidgetOutcome::committed);
  CHECK(s.history.undo_steps() == 1);
  CHECK(t.doc().choreography.beats[0].placeholder != original.choreography.beats[0].placeholder);
  t.frames();
}

TEST_CASE("a rename typed over several frames keeps every letter, and a refused id leaves the last good one") {
  Session t("rename");
  auto& s = t.s();
  const cs::Document original = t.doc();
  const cs::Camera camera = original.cameras[0];
  const std::string taken = original.cameras[1].id;
  // Each frame's edit is made from the document as the field was activated,
  // the way the inspector makes it: the camera at its place in that list.
  auto typed = [&](const std::string& text) {
    cs::Camera c = camera;
    c.id = text;
    return cs::editor::edit_item_at(&cs::Document::cameras, 0, c, &cs::set_camera);
  };
  WidgetFrame w;
  w.activated = w.active = true;
  cs::editor::undoable_step(s, "Rename camera", w, typed(camera.id));
  w = {};
  w.active = w.changed = true;
  for (const std::string& text : {camera.id + "x", camera.id + "xy", camera.id + "xyz"})
    CHECK(cs::editor::undoable_step(s, "Rename camera", w, typed(text)) == WidgetOutcome::shown);
  CHECK(t.doc().cameras[0].id == camera.id + "xyz");
  // An id another camera has is refused mid-typing: the last good id stays.
  CHECK(cs::editor::undoable_step(s, "Rename camera", w, typed(taken)) == WidgetOutcome::refused);
  CHECK(t.doc().cameras[0].id == camera.id + "xyz");
  w = {};
  w.deactivated = w.deactivated_after_edit = true;
  CHECK(cs::editor::undoable_step(s, "Rename camera", w, typed(camera.id + "xyz")) == WidgetOutcome::committed);
  CHECK(s.history.undo_steps() == 1);
  CHECK(t.doc().cameras[1].id == taken);
}

TEST_CASE("the selection names sub-items and drops only what is gone") {
  Session t("sub_items");
  auto& s = t.s();
  const cs::Document& d = t.doc();
  const std::string ana = d.performers[0].id;

  REQUIRE(cs::editor::select_joint(s, ana, cs::Joint::elbow_l));
  CHECK(s.selection.kind == SelectionKind::performer);
  CHECK(cs::editor::selection_name(s) == cs::display_name(d.performers[0]) + "'s left elbow");
  REQUIRE(cs::editor::select_region(s, ana, cs::Region::back_lower));
  CHECK_FALSE(s.selection.joint);
  CHECK(cs::editor::selection_name(s).find("lower back") != std::string::npos);
  CHECK_FALSE(cs::editor::select_joint(s, "nobody", cs::Joint::head));
  CHECK(s.selection.region == cs::Region::back_lower);  // a refused selection changes nothing

  // A beat's contact: removing the contact keeps the beat selected, without it.
  std::size_t beat = 0;
  while (d.choreography.beats[beat].contacts.empty()) ++beat;
  const std::string beat_id = d.choreography.beats[beat].id;
  const std::size_t last = d.choreography.beats[beat].contacts.size() - 1;
  REQUIRE(cs::editor::select_contact(s, beat_id, last));
  CHECK(cs::editor::selection_name(s) == "beat " + beat_id + ", contact " + std::to_string(last + 1));
  CHECK_FALSE(cs::editor::select_contact(s, beat_id, last + 1));
  REQUIRE(cs::editor::edit_document(s, "Remove contact", cs::remove_note<cs::Contact>(t.doc(), beat, last)));
  t.frames();
  CHECK(s.selection.is(SelectionKind::beat, beat_id));
  CHECK_FALSE(s.selection.contact);

  // A camera's move.
  cs::CameraMove m{10, {1, 1.6, 4}, {0, 1, 0}, std::nullopt};
  const std::string cam = t.doc().cameras[0].id;
  REQUIRE(cs::editor::edit_document(s, "Key camera", cs::add_camera_move(t.doc(), cam, m)));
  const std::size_t move = t.doc().camera(cam)->moves.size() - 1;
  REQUIRE(cs::editor::select_move(s, cam, move));
  CHECK(s.selection.move == move);
  REQUIRE(cs::editor::undo(s));  // the move is gone; the camera stays selected
  t.frames();
  CHECK(s.selection.is(SelectionKind::camera, cam));
  CHECK_FALSE(s.selection.move);
  CHECK(s.dirty());  // the contact removal is still there
}

namespace {

// A tool with one handle: a disc of radius 0.2 (in the picture's coordinates)
// at (0.5, 0.5). It records what it was given.
struct FakeTool : cs::editor::ViewportTool {
  int drags = 0, releases = 0, cancels = 0;
  glm::vec2 last{0};
  bool claims(const cs::editor::EditorState&, const cs::editor::ViewportResources&, const cs::editor::ViewportPointer& p) override {
    return glm::length(p.ndc - glm::vec2(0.5f)) < 0.2f;
  }
  void drag(cs::editor::EditorState&, const cs::editor::ViewportResources&, const cs::editor::ViewportPointer& p) override {
    ++drags;
    last = p.ndc;
  }
  void release(cs::editor::EditorState&, const cs::editor::ViewportResources&, const cs::editor::ViewportPointer&) override {
    ++releases;
  }
  void cancel(cs::editor::EditorState&) override { ++cancels; }
};

cs::editor::ViewportPointer at(float x, float y, glm::vec2 delta = glm::vec2(0),
                               cs::editor::PointerButton b = cs::editor::PointerButton::left) {
  cs::editor::ViewportPointer p;
  p.ndc = glm::vec2(x, y);
  p.delta_px = delta;
  p.picture_height_px = 600;
  p.button = b;
  return p;
}

}  // namespace

TEST_CASE("a viewport press decides who owns the drag, and it stays theirs until release") {
  using cs::editor::ViewGesture;
  Session t("gesture");
  auto& s = t.s();
  auto& vr = t.vr();
  auto owned = std::make_unique<FakeTool>();
  FakeTool& tool = *owned;
  vr.tools.push_back(std::move(owned));

  // Pressed on the handle: the tool's drag, even after the pointer leaves the handle; the view does not move.
  const float yaw = s.orbit.yaw_deg;
  cs::editor::viewport_press(s, vr, at(0.5f, 0.5f));
  CHECK(vr.gesture == ViewGesture::tool);
  cs::editor::viewport_move(s, vr, at(-0.8f, -0.8f, glm::vec2(-200, 150)));
  CHECK(tool.drags == 1);
  CHECK(tool.last == glm::vec2(-0.8f, -0.8f));
  CHECK(s.orbit.yaw_deg == yaw);
  cs::editor::viewport_release(s, vr, at(-0.8f, -0.8f));
  CHECK(tool.releases == 1);
  CHECK(vr.gesture == ViewGesture::none);

  // Pressed elsewhere: an orbit once it moves, even when it passes over the handle.
  cs::editor::viewport_press(s, vr, at(-0.5f, 0.0f));
  CHECK(vr.gesture == ViewGesture::click_or_orbit);
  cs::editor::viewport_move(s, vr, at(0.5f, 0.5f, glm::vec2(40, 10)));
  CHECK(vr.gesture == ViewGesture::orbit);
  CHECK(s.orbit.yaw_deg != yaw);
  CHECK(tool.drags == 1);
  cs::editor::viewport_release(s, vr, at(0.5f, 0.5f));
  CHECK(tool.releases == 1);

  // Shift or the middle button pans; a right press orbits; neither goes to the tool.
  CHECK(cs::editor::gesture_for_press(false, cs::editor::PointerButton::middle, false) == ViewGesture::pan);
  CHECK(cs::editor::gesture_for_press(false, cs::editor::PointerButton::left, true) == ViewGesture::pan);
  CHECK(cs::editor::gesture_for_press(true, cs::editor::PointerButton::right, false) == ViewGesture::orbit);

  // A right-click during the tool's drag cancels it; so does Esc (the panel calls viewport_cancel).
  cs::editor::viewport_press(s, vr, at(0.55f, 0.5f));
  cs::editor::viewport_move(s, vr, at(0.6f, 0.5f, glm::vec2(10, 0)));
  cs::editor::viewport_press(s, vr, at(0.6f, 0.5f, glm::vec2(0), cs::editor::PointerButton::right));
  CHECK(tool.cancels == 1);
  CHECK(vr.gesture == ViewGesture::none);
  cs::editor::viewport_release(s, vr, at(0.6f, 0.5f));
  CHECK(tool.releases == 1);  // nothing is released twice

  // A press that does not move is a click: it selects what is under it (here: nothing).
  cs::editor::select(s, SelectionKind::performer, t.doc().performers[0].id);
  cs::editor::viewport_press(s, vr, at(0.99f, 0.99f));
  cs::editor::viewport_release(s, vr, at(0.99f, 0.99f));
  CHECK(s.selection.empty());
  vr.tools.clear();
  t.frames();
}

TEST_CASE("the inspector shows what is selected, the beat under the playhead otherwise") {
  Session t("inspector");
  auto& s = t.s();
  cs::editor::select(s, SelectionKind::performer, t.doc().performers[0].id);
  cs::render::Image shot;
  t.frames();
  t.app->frame(&shot);
  const fs::path png = t.dir / "inspector_performer.png";
  REQUIRE(cs::render::write_png(png, shot, nullptr));
  CHECK(cs::render::luminance_variance(shot) > 50.0);
  cs::editor::select(s, SelectionKind::camera, t.doc().cameras[0].id);
  t.frames();
  t.app->frame(&shot);
  REQUIRE(cs::render::write_png(t.dir / "inspector_camera.png", shot, nullptr));
  MESSAGE("screenshots in " << t.dir.string());
}
