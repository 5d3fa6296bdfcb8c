// posing_test.cpp — posing and cameras through the same pointer calls a drag
// in the viewport makes (viewport_press / viewport_move / viewport_release of
// viewport_tools.hpp), on real frames under xvfb-run: a ring turns a joint and
// stops at its limit, undo gives the file back byte for byte, Esc cancels; a
// hand dragged onto a partner snaps, glows and writes the contact the checks
// then judge; a camera body dragged on the floor changes what it masks; a
// drag through the lens operates the camera. Screenshots of a ring, a reach
// and the matte go to the temp folder (and, with CLOSEDSET_DOCS_SHOTS set, to docs/).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "app/editor/pose_tools.hpp"
#include "notation/checks.hpp"
#include "notation/edits_cameras.hpp"
#include "notation/format.hpp"
#include "notation/ik.hpp"
#include "notation/masking.hpp"
#include "notation/pick.hpp"
#include "notation/placing.hpp"
#include "notation/stage.hpp"
#include "render/color_modes.hpp"
#include "render/image.hpp"
#include "tests/gui/test_editor.hpp"

namespace fs = std::filesystem;
using namespace cs;
using namespace cs::editor;

namespace {

struct Session : test::ExampleSession {
  using ExampleSession::ExampleSession;
  float picture_h() { return static_cast<float>(vr().present_y1 - vr().present_y0); }
  ViewportPointer at(glm::vec2 ndc, glm::vec2 delta = glm::vec2(0)) {
    ViewportPointer p;
    p.ndc = ndc;
    p.delta_px = delta;
    p.picture_height_px = picture_h();
    return p;
  }
  glm::vec2 ndc_of(glm::vec3 world) {
    glm::vec2 p(99);
    CHECK(vr().view.project(world, p));
    return p;
  }
  glm::vec3 joint(int performer, Joint j) {
    return vr().stage.performers[static_cast<std::size_t>(performer)].joints[static_cast<std::size_t>(j)].position;
  }
  // A drag from `from` to `to` in `steps` moves, as the viewport reports it.
  void drag(glm::vec2 from, glm::vec2 to, int steps, bool shift = false, bool ctrl = false, bool alt = false,
            bool release = true) {
    ViewportPointer p = at(from);
    viewport_press(s(), vr(), p);
    glm::vec2 last = from;
    const float w = picture_h() * vr().view.proj[1][1] / vr().view.proj[0][0];
    for (int i = 1; i <= steps; ++i) {
      const glm::vec2 q = from + (to - from) * (static_cast<float>(i) / static_cast<float>(steps));
      ViewportPointer m = at(q, glm::vec2((q.x - last.x) * w * 0.5f, -(q.y - last.y) * picture_h() * 0.5f));
      m.shift = shift;
      m.ctrl = ctrl;
      m.alt = alt;
      viewport_move(s(), vr(), m);
      last = q;
    }
    if (release) {
      ViewportPointer r = at(to);
      r.alt = alt;
      viewport_release(s(), vr(), r);
    }
  }
  const Pose& key(const std::string& beat, const std::string& performer) {
    const Beat* b = doc().beat(beat);
    REQUIRE(b);
    const auto it = std::find_if(b->poses.begin(), b->poses.end(), [&](const Pose& p) { return p.performer == performer; });
    REQUIRE(it != b->poses.end());
    return *it;
  }
  void shot(const char* name) {
    render::Image img;
    app->frame(&img);
    REQUIRE_FALSE(img.empty());
    std::string error;
    const fs::path out = fs::temp_directory_path() / "closedset_gui_tests" / name;
    CHECK(render::write_png(out, img, &error));
    if (const char* docs = std::getenv("CLOSEDSET_DOCS_SHOTS")) CHECK(render::write_png(fs::path(docs) / name, img, &error));
  }
};

}  // namespace

TEST_CASE("posing: a click selects the performer, a second click the joint, Tab the next performer, the banner names the beat") {
  Session t("posing_select");
  auto& s = t.s();
  set_count(s, 1);
  t.frames();
  click_in_viewport(s, t.vr(), t.ndc_of(t.joint(0, Joint::spine_upper)));
  CHECK(s.selection.is(SelectionKind::performer, "ana"));
  CHECK_FALSE(s.selection.joint);
  t.frames();
  click_in_viewport(s, t.vr(), t.ndc_of(t.joint(0, Joint::head)));
  REQUIRE(s.selection.joint);
  CHECK(*s.selection.joint == Joint::head);
  CHECK(posing_banner(s) == "Posing Ana \u00B7 b01 Sit");
  select_next_performer(s);
  CHECK(s.selection.is(SelectionKind::performer, "ben"));
  select_next_performer(s);
  CHECK(s.selection.is(SelectionKind::performer, "ana"));
}

TEST_CASE("posing: a ring turns the joint, stops at its limit, snaps with Ctrl, undo gives the file back byte for byte") {
  Session t("posing_ring");
  auto& s = t.s();
  set_count(s, 2.5);  // inside b01, where Ana moves towards b02
  t.frames();
  REQUIRE(select_joint(s, "ana", Joint::elbow_r));
  t.frames();
  const std::string before = save_scene_text(t.doc());
  const std::size_t steps = s.history.undo_steps();
  {
    // A gesture keys b01: the playhead goes to its start (and Esc leaves the document alone).
    const auto mark = ring_handle_ndc(s, t.vr(), 0, 0, t.picture_h());
    REQUIRE(mark);
    const auto near = ring_handle_ndc(s, t.vr(), 0, -10, t.picture_h());
    REQUIRE(near);
    t.drag(*mark, *near, 3, false, false, false, false);
    CHECK(s.count == 1);
    viewport_cancel(s, t.vr());
    CHECK(save_scene_text(t.doc()) == before);
    t.frames();
  }
  const double x0 = pose_joint(t.key("b01", "ana"), Joint::elbow_r)[0];

  // Grab the flex ring where its marker is, drag 40° round it (towards bending).
  const auto from = ring_handle_ndc(s, t.vr(), 0, x0, t.picture_h());
  const auto to = ring_handle_ndc(s, t.vr(), 0, x0 - 40, t.picture_h());
  REQUIRE(from);
  REQUIRE(to);
  t.drag(*from, *to, 12, false, false, false, false);
  t.frames(1);
  t.shot("posing_ring.png");
  viewport_release(s, t.vr(), t.at(*to));
  t.frames();
  const double x1 = pose_joint(t.key("b01", "ana"), Joint::elbow_r)[0];
  CHECK(x1 == doctest::Approx(x0 - 40).epsilon(0.08));
  CHECK(s.history.undo_steps() == steps + 1);
  INFO(s.history.undo_label());
  CHECK(s.history.undo_label().rfind("Pose Ana: right elbow bend / straighten", 0) == 0);
  REQUIRE(undo(s));
  CHECK(save_scene_text(t.doc()) == before);
  t.frames();

  // Far past the limit (−150°): it stops there.
  const auto far = ring_handle_ndc(s, t.vr(), 0, x0 - 100, t.picture_h());
  const auto farther = ring_handle_ndc(s, t.vr(), 0, x0 - 200, t.picture_h());
  REQUIRE(far);
  REQUIRE(farther);
  viewport_press(s, t.vr(), t.at(*from));
  for (const glm::vec2 q : {*to, *far, *farther}) viewport_move(s, t.vr(), t.at(q, glm::vec2(1, 0)));
  viewport_release(s, t.vr(), t.at(*farther));
  CHECK(pose_joint(t.key("b01", "ana"), Joint::elbow_r)[0] == doctest::Approx(-150));
  REQUIRE(undo(s));
  t.frames();

  // Ctrl snaps to 5°.
  t.drag(*from, *to, 7, false, true);
  const double snapped = pose_joint(t.key("b01", "ana"), Joint::elbow_r)[0];
  CHECK(std::abs(std::remainder(snapped, 5.0)) < 1e-6);
  CHECK(snapped != doctest::Approx(x0));
  REQUIRE(undo(s));
  t.frames();

  // Esc (or a right-click) cancels: nothing changes, no step.
  t.drag(*from, *to, 6, false, false, false, false);
  CHECK(save_scene_text(t.doc()) != before);
  viewport_cancel(s, t.vr());
  CHECK(save_scene_text(t.doc()) == before);
  CHECK(s.history.undo_steps() == steps);
}

TEST_CASE("posing: a hand dragged onto a partner snaps to the region, glows in its consent state and writes the contact the checks judge") {
  Session t("posing_contact");
  auto& s = t.s();
  set_count(s, 5);  // b02, the kiss: they sit facing each other
  t.frames();
  REQUIRE(select_joint(s, "ben", Joint::wrist_r));
  t.frames();
  const Beat& b02 = *t.doc().beat("b02");
  const std::size_t contacts_before = b02.contacts.size();
  // A point of Ana's surface by her left shoulder, facing the eye (Ben's own body is skipped, as the tool skips it).
  const glm::dvec3 eye(t.vr().view.eye);
  const glm::dvec3 target(t.joint(0, Joint::shoulder_l));
  const SurfaceHit on_ana = pick_surface(t.vr().stage, eye, target - eye, 1);
  REQUIRE(on_ana);
  REQUIRE(on_ana.performer == 0);
  const auto hand = reach_handle_ndc(s, t.vr(), Joint::wrist_r);
  REQUIRE(hand);
  const glm::vec2 onto = t.ndc_of(glm::vec3(on_ana.point));
  t.drag(*hand, onto, 10, false, false, true, false);
  // While over her: the region under the handle glows in the state that governs it.
  const RegionGlow* glow = nullptr;
  for (const auto& tool : t.vr().tools)
    if (!glow) glow = tool->glow();
  INFO(s.status);
  REQUIRE(glow);
  CHECK(glow->performer == 0);
  const PlacingJudgement judged = judge_placing(t.doc(), 5, "ben", Region::hand_r, "ana", glow->region);
  CHECK(glow->color == render::palette::consent(judged.state));
  t.frames(1);
  t.shot("posing_reach.png");
  viewport_release(s, t.vr(), [&] { auto p = t.at(onto); p.alt = true; return p; }());
  t.frames();
  const Beat& after = *t.doc().beat("b02");
  INFO(s.status);
  REQUIRE(after.contacts.size() == contacts_before + 1);
  const Contact& c = after.contacts.back();
  CHECK(c.giver == "ben");
  CHECK(c.with == Region::hand_r);
  CHECK(c.receiver == "ana");
  CHECK(c.region == glow->region);
  CHECK(c == judged.contact);
  // The checks judge that contact as the glow said.
  const std::vector<Finding> fs = check_notation(t.doc());
  const bool flagged = std::any_of(fs.begin(), fs.end(), [&](const Finding& f) {
    return f.beat == "b02" && f.region == c.region && (f.performer == "ana" || f.performer == "ben") &&
           (f.code == FindingCode::contact_refused || f.code == FindingCode::contact_ask ||
            f.code == FindingCode::contact_conditional || f.code == FindingCode::contact_kind ||
            f.code == FindingCode::contact_partner || f.code == FindingCode::contact_layer);
  });
  CHECK(flagged == (judged.outcome != Governing::ok));
  // One step, named as notation.
  CHECK(s.history.undo_label().find("onto Ana's") != std::string::npos);
}

TEST_CASE("cameras: the body drags on the floor at its height, keying the camera at the playhead, and what it masks changes, the aim snaps to a joint") {
  Session t("posing_camera");
  auto& s = t.s();
  set_count(s, 13);  // between camera A's moves at 12 and 16
  select(s, SelectionKind::camera, "A");
  // From above and in front, the room in view: camera A's body and its aim point both show.
  s.frame_request = false;
  s.orbit.target = glm::vec3(0, 0.6f, 0.8f);
  s.orbit.yaw_deg = -20;
  s.orbit.pitch_deg = 55;
  s.orbit.distance = 8;
  t.frames(3);
  auto place = [&] { return camera_key_at(t.doc(), 0, 13); };
  auto v3 = [](const Vec3& v) { return glm::vec3(static_cast<float>(v[0]), static_cast<float>(v[1]), static_cast<float>(v[2])); };
  const CameraMove p0 = place();
  const std::size_t moves0 = t.doc().camera("A")->moves.size();
  const CameraMasking before = mask_camera(evaluate(t.doc(), 13), 0);
  const glm::vec2 body = t.ndc_of(v3(p0.position));
  const glm::vec2 to = t.ndc_of(glm::vec3(2.2f, static_cast<float>(p0.position[1]), 2.0f));
  const std::size_t steps = s.history.undo_steps();
  t.drag(body, to, 8);
  const CameraMove p1 = place();
  CHECK(p1.position[1] == doctest::Approx(p0.position[1]));
  CHECK(p1.position[0] == doctest::Approx(2.2).epsilon(0.02));
  CHECK(p1.position[2] == doctest::Approx(2.0).epsilon(0.02));
  CHECK(p1.target == p0.target);  // it keeps its aim
  CHECK(t.doc().camera("A")->moves.size() == moves0 + 1);  // keyed at count 13
  CHECK(s.history.undo_steps() == steps + 1);
  const CameraMasking after = mask_camera(evaluate(t.doc(), 13), 0);
  CHECK(after.performers[0].seen != before.performers[0].seen);
  t.frames();

  // The aim point, dropped near Ben's head, snaps onto it.
  const glm::vec2 aim = t.ndc_of(v3(p1.target));
  const glm::vec3 head = t.joint(1, Joint::head);
  t.drag(aim, t.ndc_of(head) + glm::vec2(0.004f, 0.004f), 6);
  CHECK(glm::length(v3(place().target) - head) < 1e-4f);
  CHECK(s.history.undo_label() == "Aim camera A at Ben \u00B7 face");
  REQUIRE(undo(s));
  REQUIRE(undo(s));
  CHECK(t.doc().camera("A")->moves.size() == moves0);
}

TEST_CASE("cameras: looking through, a drag pans and tilts, Shift trucks, and a click still selects, the matte shows the frame") {
  Session t("posing_operate");
  auto& s = t.s();
  set_count(s, 1);  // camera A's own place governs at the first count
  REQUIRE(look_through_index(s, 0));  // camera A, as the 1 key does
  t.frames(3);
  t.shot("posing_matte.png");
  const Camera a0 = *t.doc().camera("A");
  const CameraAim aim0 = camera_aim(a0);
  t.drag(glm::vec2(0, 0), glm::vec2(0.2f, 0.1f), 5);
  CHECK(s.through_camera == "A");  // still looking through the lens
  const CameraAim aim1 = camera_aim(*t.doc().camera("A"));
  CHECK(aim1.pan_deg > aim0.pan_deg + 1);
  CHECK(aim1.tilt_deg > aim0.tilt_deg + 0.5);
  CHECK(t.doc().camera("A")->position == a0.position);
  REQUIRE(undo(s));
  t.frames();
  t.drag(glm::vec2(0, 0), glm::vec2(0.2f, 0), 5, true);
  const Camera& trucked = *t.doc().camera("A");
  CHECK(trucked.position != a0.position);
  CHECK(camera_aim(trucked).pan_deg == doctest::Approx(aim0.pan_deg).epsilon(1e-6));
  REQUIRE(undo(s));
  t.frames();
  // A click (no movement) on Ana selects her, and the camera stays put.
  const std::string doc_before = save_scene_text(t.doc());
  const glm::vec2 ana = t.ndc_of(t.joint(0, Joint::head));
  viewport_press(s, t.vr(), t.at(ana));
  viewport_release(s, t.vr(), t.at(ana));
  CHECK(s.selection.kind == SelectionKind::performer);
  CHECK(save_scene_text(t.doc()) == doc_before);
}
