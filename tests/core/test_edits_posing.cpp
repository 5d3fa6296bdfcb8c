// test_edits_posing.cpp — the pose and camera edits the viewport's tools make:
// a gesture in a beat without a key starts from the staged shape (nothing
// jumps), joint angles stop at their limits, rest on support lowers a body onto
// the floor or the bed, and the camera edits keep what they say they keep.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "notation/edits_cameras.hpp"
#include "notation/edits_poses.hpp"
#include "notation/format.hpp"
#include "notation/ik.hpp"
#include "notation/pose_presets.hpp"
#include "notation/validate.hpp"
#include "notation/stage.hpp"

using namespace cs;

namespace {

Document bedroom() {
  const LoadResult r = load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/bedroom.closedset.json");
  REQUIRE(r.ok());
  return *r.document;
}

Document made(Edited e) {
  INFO(e.refusal());
  REQUIRE(e.ok());
  return std::move(e).take();
}

std::size_t beat_index(const Document& d, const std::string& id) {
  for (std::size_t i = 0; i < d.choreography.beats.size(); ++i)
    if (d.choreography.beats[i].id == id) return i;
  FAIL("no beat " << id);
  return 0;
}

glm::dvec3 v3(const Vec3& v) { return {v[0], v[1], v[2]}; }

}  // namespace

TEST_CASE("posing: a beat without a key starts the key from the staged shape, so nothing moves until edited") {
  Document d = bedroom();
  // Take Ben's key out of b04r2: he is then staged between b04r and b04m there.
  const std::size_t b = beat_index(d, "b04r2");
  d = made(remove_pose(d, b, "ben"));
  const double start = d.choreography.beats[b].start_count;
  const Stage before = evaluate(d, start);
  const Pose key = key_or_staged(d, b, "ben");
  CHECK(key.performer == "ben");
  Document keyed = made(set_pose(d, b, key));
  const Stage after = evaluate(keyed, start);
  // Within a centimetre: a shape slerped between two keys can lie a little
  // outside what per-angle limits let a key hold.
  for (std::size_t j = 0; j < kJointCount; ++j)
    CHECK(glm::length(after.performers[1].joints[j].position - before.performers[1].joints[j].position) < 1e-2f);
  // One joint edited in that beat: the key is written, with the rest of the shape as staged.
  const Document edited = made(set_key_joints(d, b, "ben", {{Joint::elbow_r, {-40, 0, 0}}}));
  const Beat& eb = edited.choreography.beats[b];
  const auto it = std::find_if(eb.poses.begin(), eb.poses.end(), [](const Pose& p) { return p.performer == "ben"; });
  REQUIRE(it != eb.poses.end());
  CHECK(pose_joint(*it, Joint::elbow_r)[0] == doctest::Approx(-40));
  CHECK(v3(it->root_position) == v3(key.root_position));
}

TEST_CASE("posing: a joint set past its limit stops at the limit") {
  const Document d = bedroom();
  const std::size_t b = beat_index(d, "b01");
  const Document e = made(set_key_joints(d, b, "ana", {{Joint::elbow_l, {-200, 0, 30}}, {Joint::knee_r, {170, 0, 0}}}));
  const Pose& p = *std::find_if(e.choreography.beats[b].poses.begin(), e.choreography.beats[b].poses.end(),
                                [](const Pose& q) { return q.performer == "ana"; });
  CHECK(pose_joint(p, Joint::elbow_l)[0] == doctest::Approx(-150));
  CHECK(pose_joint(p, Joint::elbow_l)[2] == doctest::Approx(0));
  CHECK(pose_joint(p, Joint::knee_r)[0] == doctest::Approx(150));
  CHECK_FALSE(set_key_joints(d, b, "ana", {{Joint::elbow_l, {NAN, 0, 0}}}).ok());
  CHECK_FALSE(set_key_joints(d, b, "nobody", {{Joint::elbow_l, {0, 0, 0}}}).ok());
}

TEST_CASE("rest on support: a body lifted off the bed comes down onto it, one over the floor onto the floor") {
  Document d = bedroom();
  // The sheet and the pillow go to the far side of the room: the bed alone is under her.
  for (Prop& p : d.props)
    if (p.id == "sheet" || p.id == "pillow") p.position[0] += 6;
  const std::size_t b = beat_index(d, "b04");
  // Ana lies on the bed (top at 0.5 m). Lift her 30 cm, then rest her.
  Pose ana = key_or_staged(d, b, "ana");
  ana.root_position[1] += 0.3;
  d = made(set_pose(d, b, ana));
  CHECK(height_above_support(d, b, "ana") > 0.25);
  const Document rested = made(rest_on_support(d, b, "ana"));
  CHECK(std::abs(height_above_support(rested, b, "ana")) < 1e-3);
  const Pose back = key_or_staged(rested, b, "ana");
  // Her lowest point is on the bed's top, not the floor: her pelvis stays above 0.5 m.
  CHECK(back.root_position[1] > 0.5);
  CHECK(back.root_position[0] == ana.root_position[0]);
  // Standing beside the bed, sunk 10 cm into the floor: raised out of it.
  Document floor = bedroom();
  const std::size_t b1 = beat_index(floor, "b01");
  Pose ben = key_or_staged(floor, b1, "ben");
  ben.root_position = {2.5, 0.5 * 1.82 - 0.1, 0.5};
  ben.root_rotation = {0, 0, 0};
  ben.joints.clear();
  floor = made(set_pose(floor, b1, ben));
  CHECK(height_above_support(floor, b1, "ben") < -0.05);
  const Document stood = made(rest_on_support(floor, b1, "ben"));
  CHECK(std::abs(height_above_support(stood, b1, "ben")) < 1e-3);
  const Stage st = evaluate(stood, floor.choreography.beats[b1].start_count);
  CHECK(st.performers[1].joints[static_cast<std::size_t>(Joint::ankle_l)].position.y > 0.0f);
}

TEST_CASE("cameras: move keeps the aim point, aim keeps the place, orbit keeps the distance") {
  const Document d = bedroom();
  const Camera& a = *d.camera("A");
  const Document moved = made(move_camera(d, "A", {-1.5, 1.0, 2.5}));
  CHECK(moved.camera("A")->target == a.target);
  CHECK(moved.camera("A")->position == Vec3{-1.5, 1.0, 2.5});
  const Document aimed = made(aim_camera(d, "A", {0.5, 0.9, -0.4}));
  CHECK(aimed.camera("A")->position == a.position);
  const double r0 = glm::length(v3(a.position) - v3(a.target));
  const Document orbited = made(orbit_camera(d, "A", 30, 10));
  const Camera& o = *orbited.camera("A");
  CHECK(glm::length(v3(o.position) - v3(o.target)) == doctest::Approx(r0));
  CHECK(o.target == a.target);
  CHECK(camera_aim(o).tilt_deg == doctest::Approx(camera_aim(a).tilt_deg - 10).epsilon(1e-6));
  // Over the top is not allowed: the camera stops 1° short of straight down.
  const Document top = made(orbit_camera(d, "A", 0, 200));
  CHECK(camera_aim(*top.camera("A")).tilt_deg == doctest::Approx(-89));
  CHECK_FALSE(move_camera(d, "Z", {0, 1, 0}).ok());
  CHECK_FALSE(move_camera(d, "A", {NAN, 1, 0}).ok());
}

TEST_CASE("cameras: height, tilt, pan and distance read back as set, operating moves as a DP means") {
  const Document d = bedroom();
  CameraAim aim{1.6, -12, 35, 3.2};
  const Document set = made(set_camera_aim(d, "B", aim));
  const CameraAim back = camera_aim(*set.camera("B"));
  CHECK(back.height_m == doctest::Approx(1.6));
  CHECK(back.tilt_deg == doctest::Approx(-12));
  CHECK(back.pan_deg == doctest::Approx(35));
  CHECK(back.distance_m == doctest::Approx(3.2));
  // Pan 0 looks along −Z; pan 90 looks along +X (the camera turned to its right).
  const Document p90 = made(set_camera_aim(d, "B", CameraAim{1.5, 0, 90, 2}));
  const Camera& c90 = *p90.camera("B");
  CHECK(c90.target[0] - c90.position[0] == doctest::Approx(2));
  // Truck right moves both the camera and its aim along the camera's right.
  const Camera& a = *d.camera("A");
  const Document trucked = made(operate_camera(d, "A", CameraOperation{0.5, 0, 0, 0, 0}));
  const glm::dvec3 dp = v3(trucked.camera("A")->position) - v3(a.position);
  const glm::dvec3 dt = v3(trucked.camera("A")->target) - v3(a.target);
  CHECK(glm::length(dp) == doctest::Approx(0.5));
  CHECK(glm::length(dp - dt) < 1e-9);
  const glm::dvec3 fwd = glm::normalize(v3(a.target) - v3(a.position));
  CHECK(std::abs(glm::dot(dp, fwd)) < 1e-9);            // sideways
  CHECK(glm::cross(fwd, dp).y < 0);                      // to the camera's right (forward × right points down)
  // Boom up raises only the height; pan turns only the aim.
  const Document boomed = made(operate_camera(d, "A", CameraOperation{0, 0, 0.3, 0, 0}));
  CHECK(boomed.camera("A")->position[1] == doctest::Approx(a.position[1] + 0.3));
  const Document panned = made(operate_camera(d, "A", CameraOperation{0, 0, 0, 10, 0}));
  CHECK(panned.camera("A")->position == a.position);
  CHECK(camera_aim(*panned.camera("A")).pan_deg == doctest::Approx(camera_aim(a).pan_deg + 10));
}

TEST_CASE("cameras: the frame width at the subject is distance times frame width over focal length") {
  Camera c;
  c.sensor = Sensor::full_frame;
  c.focal_mm = 50;
  c.aspect = 1.5;
  c.fit = Fit::horizontal;
  CHECK(frame_width_at(c, 5) == doctest::Approx(5 * 36.0 / 50));
  c.focal_mm = 100;
  CHECK(frame_width_at(c, 5) == doctest::Approx(5 * 36.0 / 100));
  const Document d = bedroom();
  CHECK(made(set_focal_length(d, "A", 65)).camera("A")->focal_mm == 65);
  CHECK_FALSE(set_focal_length(d, "A", -5).ok());
}

TEST_CASE("mirror: twice is the identity, once puts the left arm's shape on the right arm, mirrored in space") {
  const Document d = bedroom();
  const std::size_t b = beat_index(d, "b03");
  const Pose key = key_or_staged(d, b, "ana");
  CHECK(mirrored_pose(mirrored_pose(key)) == key);
  // Mirrored about the body's own midline, wherever it stands and however it is turned:
  // each joint's partner lands at its mirror image across that plane.
  const Mannequin m = make_mannequin(1.66, Build::slim);
  const auto a = forward_kinematics(m, pose_state(key));
  const auto b2 = forward_kinematics(m, pose_state(mirrored_pose(key)));
  const glm::vec3 root = a[0].position;
  const glm::vec3 side = glm::normalize(a[0].rotation * glm::inverse(pose_state(key).local[0]) * glm::vec3(1, 0, 0));
  for (const auto& [left, right] : {std::pair{Joint::wrist_l, Joint::wrist_r}, std::pair{Joint::ankle_r, Joint::ankle_l},
                                    std::pair{Joint::head, Joint::head}}) {
    const glm::vec3 pa = a[static_cast<std::size_t>(left)].position, pb = b2[static_cast<std::size_t>(right)].position;
    const glm::vec3 image = pa - 2.0f * glm::dot(pa - root, side) * side;
    CHECK(glm::length(pb - image) < 1e-3f);
  }
  const Document once = made(mirror_pose(d, b, "ana"));
  const Document twice = made(mirror_pose(once, b, "ana"));
  CHECK(twice.choreography.beats[b] == made(set_pose(d, b, key)).choreography.beats[b]);
}

TEST_CASE("flip the staging: both performers mirrored across the centre line, places and all, twice gives the beat back") {
  const Document d = bedroom();
  const std::size_t b = beat_index(d, "b04");
  const Document flipped = made(flip_staging(d, b));
  const Stage s0 = evaluate(d, d.choreography.beats[b].start_count);
  const Stage s1 = evaluate(flipped, d.choreography.beats[b].start_count);
  for (std::size_t p = 0; p < 2; ++p) {
    const glm::vec3 a = s0.performers[p].joints[static_cast<std::size_t>(Joint::wrist_l)].position;
    const glm::vec3 m = s1.performers[p].joints[static_cast<std::size_t>(Joint::wrist_r)].position;
    CHECK(glm::length(m - glm::vec3(-a.x, a.y, a.z)) < 2e-3f);
  }
  CHECK(made(flip_staging(flipped, b)).choreography.beats[b] == d.choreography.beats[b]);
}

TEST_CASE("copy the pose from the previous beat") {
  const Document d = bedroom();
  const std::size_t b = beat_index(d, "b02");
  const Document copied = made(copy_pose_from_previous(d, b, "ben"));
  const Pose& prev = key_or_staged(d, b - 1, "ben");
  CHECK(key_or_staged(copied, b, "ben") == prev);
  CHECK_FALSE(copy_pose_from_previous(d, 0, "ben").ok());
}

TEST_CASE("a drag's every frame goes through the pose-key door: out-of-range keys are refused, valid ones equal the whole door's") {
  Document d = bedroom();
  const std::size_t b = beat_index(d, "b03");
  const Pose key = key_or_staged(d, b, "ana");
  // A valid frame: the same document the whole door makes (versions and all).
  Pose moved = key;
  set_pose_joint(moved, Joint::elbow_r, {-40, 0, 0});
  const Edited fast = drag_pose(d, b, moved), whole = set_pose(d, b, moved);
  REQUIRE(fast.ok());
  REQUIRE(whole.ok());
  CHECK(fast.doc() == whole.doc());
  // Out of range: the same refusal as the whole door's, by the same rule.
  const auto refused_alike = [&](const Pose& bad, const std::string& words) {
    const Edited f = drag_pose(d, b, bad), w = set_pose(d, b, bad);
    REQUIRE_FALSE(f.ok());
    REQUIRE_FALSE(w.ok());
    CHECK(f.refusal() == w.refusal());
    CHECK(f.refusal().find(words) != std::string::npos);
  };
  Pose far = key;
  far.root_position[0] = 20000;  // beyond rules::coordinate
  refused_alike(far, "out of range");
  Pose spun = key;
  spun.root_rotation[1] = 5000;  // beyond rules::angle
  refused_alike(spun, "out of range");
  Pose nan = key;
  nan.root_position[1] = std::nan("");
  refused_alike(nan, "A position");
  Pose twice = key;
  twice.joints.push_back({Joint::elbow_r, {-10, 0, 0}});
  twice.joints.push_back({Joint::elbow_r, {-20, 0, 0}});
  refused_alike(twice, "given twice");
  Pose nobody = key;
  nobody.performer = "nobody";
  refused_alike(nobody, "unknown performer");
  // A locked choreography refuses a drag's frames too.
  Document locked = d;
  locked.choreography.status = ChoreoStatus::locked;
  REQUIRE(validate(locked).empty());
  CHECK_FALSE(drag_pose(locked, b, moved).ok());
  CHECK(drag_pose(locked, b, moved).refusal().find("locked") != std::string::npos);
  // An issued version: the frame starts the next version, as the whole door does.
  Document issued = d;
  issue_current(issued, "2026-12-01", "rehearsed");
  const Edited next = drag_pose(issued, b, moved);
  REQUIRE(next.ok());
  CHECK(next.doc().choreography.version == issued.choreography.version + 1);
  CHECK(next.doc() == set_pose(issued, b, moved).doc());
}

TEST_CASE("pose presets: each gives a valid key, resting on the floor, placed and facing as before") {
  Document d = bedroom();
  const std::size_t b = beat_index(d, "b01");
  // Ana away from the bed, on the bare floor.
  Pose start = key_or_staged(d, b, "ana");
  start.root_position[0] = 3.0;
  start.root_position[2] = 3.0;
  d = made(set_pose(d, b, start));
  const double count = d.choreography.beats[b].start_count;
  for (const PosePreset p : kPosePresets) {
    const PosePresetData& data = pose_preset(p);
    INFO(data.name);
    const Document posed = made(apply_pose_preset(d, b, "ana", p));
    CHECK(validate(posed).empty());
    // On the floor: the lowest point of the body touches it (within a millimetre).
    CHECK(std::abs(height_above_support(posed, b, "ana")) < 1e-3);
    const Stage st = evaluate(posed, count);
    const StagePerformer& ana = st.performers[static_cast<std::size_t>(posed.performer_index("ana"))];
    const glm::vec3 pelvis = ana.joints[static_cast<std::size_t>(Joint::pelvis)].position;
    // Placed where she was.
    CHECK(std::abs(pelvis.x - 3.0) < 0.5);
    CHECK(std::abs(pelvis.z - 3.0) < 0.5);
    // Standing and kneeling keep the head high; lying brings it near the floor.
    const float head = ana.joints[static_cast<std::size_t>(Joint::head)].position.y;
    switch (p) {
      case PosePreset::stand: CHECK(head > 1.3f); break;
      case PosePreset::kneel: CHECK(head > 0.9f); CHECK(head < 1.3f); break;
      case PosePreset::sit: CHECK(head > 0.6f); CHECK(head < 1.1f); break;
      case PosePreset::lie_back: case PosePreset::lie_side: CHECK(head < 0.35f); break;
    }
    // The preset's joints are the key's.
    const Pose key = key_or_staged(posed, b, "ana");
    for (const JointRotation& jr : data.joints) CHECK(pose_joint(key, jr.joint) == clamp_joint(jr.joint, jr.degrees));
  }
}
