// camera_moves_test.cpp — camera moves as markers on the timeline: found under
// the pointer, dragged along the counts (one undo step), deleted; through the
// actions the timeline's press, drag, release and right-click call
// (camera_moves_row in timeline_panel.cpp). The bedroom example's camera A has
// moves at counts 1, 12 and 16; camera B at 4, 5, 8, 9, 13 and 15.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "app/editor/editor_app.hpp"
#include "app/editor/state.hpp"
#include "notation/format.hpp"
#include "render/image.hpp"
#include "tests/gui/test_editor.hpp"

namespace {

std::vector<double> counts_of(const cs::Document& d, const std::string& camera) {
  std::vector<double> out;
  for (const cs::CameraMove& m : d.camera(camera)->moves) out.push_back(m.count);
  return out;
}

}  // namespace

TEST_CASE("camera moves on the timeline: a marker is found, dragged as one undo step, and deleted") {
  test::ExampleSession t("camera_moves");
  auto& s = t.s();
  using namespace cs::editor;
  REQUIRE(counts_of(t.doc(), "A") == std::vector<double>{1, 12, 16});

  // The marker under the pointer: the nearest within the tolerance, none elsewhere.
  const auto near12 = camera_move_near(t.doc(), 12.1, 0.25);
  REQUIRE(near12);
  CHECK(near12->camera == "A");
  CHECK(near12->index == 1);
  const auto near13 = camera_move_near(t.doc(), 12.9, 0.25);
  REQUIRE(near13);
  CHECK(near13->camera == "B");
  CHECK(near13->index == 4);
  CHECK_FALSE(camera_move_near(t.doc(), 10.5, 0.25));

  // Press on A's move at 12, drag through 13.8 to 14.2 (snapped: 14), release: one step.
  const cs::Document before = t.doc();
  const std::string before_text = cs::save_scene_text(before);
  const cs::CameraMove dragged = before.camera("A")->moves[1];
  REQUIRE(begin_camera_move_drag(s, "A", 1));
  CHECK(s.selection.kind == SelectionKind::camera);
  CHECK(s.selection.move == std::size_t{1});
  update_camera_move_drag(s, 13.8);
  t.frames(1);
  update_camera_move_drag(s, 14.2);
  t.frames(1);
  CHECK(s.history.editing());  // frames between the drag's moves leave it open
  REQUIRE(end_camera_move_drag(s));
  CHECK(s.history.undo_label() == "Move camera A's move");
  CHECK(counts_of(t.doc(), "A") == std::vector<double>{1, 14, 16});
  CHECK(t.doc().camera("A")->moves[1].position == dragged.position);  // the place is kept
  CHECK(t.doc().camera("A")->moves[1].target == dragged.target);
  CHECK(counts_of(t.doc(), "B") == counts_of(before, "B"));         // the other camera is untouched
  const cs::Document after_first = t.doc();

  // Dragged past the move at 16, it becomes the last, and stays selected; onto
  // 16 itself the drag stops and says why (one move a count), then goes on.
  REQUIRE(begin_camera_move_drag(s, "A", 1));
  update_camera_move_drag(s, 16.1);
  CHECK(counts_of(t.doc(), "A") == std::vector<double>{1, 14, 16});
  CHECK(s.status.find("already has a move at count 16") != std::string::npos);
  t.frames(1);
  update_camera_move_drag(s, 20.4);
  t.frames(1);
  REQUIRE(end_camera_move_drag(s));
  CHECK(counts_of(t.doc(), "A") == std::vector<double>{1, 16, 20.5});
  CHECK(s.selection.move == std::size_t{2});
  CHECK(t.doc().camera("A")->moves[2].position == dragged.position);

  // A press and release without a drag changes nothing and adds no step.
  const std::string label = s.history.undo_label();
  REQUIRE(begin_camera_move_drag(s, "B", 0));
  CHECK_FALSE(end_camera_move_drag(s));
  CHECK(s.history.undo_label() == label);

  // Each drag is one undo step, back to the document byte for byte.
  REQUIRE(undo(s));
  CHECK(t.doc() == after_first);
  REQUIRE(undo(s));
  CHECK(cs::save_scene_text(t.doc()) == before_text);

  // The right-click menu's Delete: one step, labelled with the count.
  REQUIRE(delete_camera_move(s, "B", 0));
  CHECK(s.history.undo_label() == "Delete camera B's move at count 4");
  CHECK(counts_of(t.doc(), "B") == std::vector<double>{5, 8, 9, 13, 15});
  CHECK_FALSE(delete_camera_move(s, "B", 99));
  REQUIRE(undo(s));
  CHECK(cs::save_scene_text(t.doc()) == before_text);

  // The timeline with A's move at 12 selected: the markers and the CAMERA MOVES row.
  REQUIRE(select_move(s, "A", 1));
  set_count(s, 12);
  t.frames();
  cs::render::Image shot;
  t.app->frame(&shot);
  REQUIRE(cs::render::write_png(t.dir / "timeline_camera_moves.png", shot, nullptr));
  CHECK(cs::render::luminance_variance(shot) > 50.0);
  MESSAGE("screenshot in " << (t.dir / "timeline_camera_moves.png").string());
}
