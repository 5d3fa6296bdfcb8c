// test_pick.cpp — picking what a ray meets first on the Stage: performers
// (skin and garments), props, cameras, and nothing.
#include <doctest/doctest.h>

#include "notation/pick.hpp"
#include "notation/stage.hpp"

using namespace cs;

namespace {

// Two performers facing each other a metre apart, a bed behind them, one camera.
Document two_and_a_bed() {
  Document doc;
  Performer ana, ben;
  ana.id = "ana";
  ana.height_m = 1.66;
  ben.id = "ben";
  ben.height_m = 1.82;
  doc.performers = {ana, ben};
  Garment shirt;
  shirt.id = "shirt"; shirt.wearer = "ben"; shirt.kind = GarmentKind::shirt; shirt.camera = GarmentCamera::costume;
  shirt.covers = {Region::chest_upper, Region::abdomen_upper, Region::abdomen_lower, Region::back_upper, Region::back_lower};
  doc.garments = {shirt};
  Beat b;
  b.id = "b1"; b.start_count = 1; b.length_counts = 4;
  Pose pa, pb;
  pa.performer = "ana"; pa.root_position = {-0.5, 0.95, 0}; pa.root_rotation = {0, 90, 0};
  pb.performer = "ben"; pb.root_position = {0.5, 1.0, 0}; pb.root_rotation = {0, -90, 0};
  b.poses = {pa, pb};
  doc.choreography.beats = {b};
  Prop bed;
  bed.id = "bed"; bed.shape = PropShape::box; bed.size = {1.6, 0.5, 2}; bed.position = {0, 0.25, -2.5};
  doc.props = {bed};
  Camera a;
  a.id = "A"; a.position = {0, 1.3, 3.5}; a.target = {0, 1.0, 0}; a.focal_mm = 32;
  doc.cameras = {a};
  return doc;
}

glm::dvec3 chest(const Stage& st, int performer) {
  return glm::dvec3(st.performers[static_cast<std::size_t>(performer)].joints[static_cast<std::size_t>(Joint::spine_upper)].position);
}

}  // namespace

TEST_CASE("pick: a ray at a performer's chest picks that performer, skin or garment") {
  const Document doc = two_and_a_bed();
  const Stage st = evaluate(doc, 1);
  const glm::dvec3 eye(0.3, 1.5, 2.5);  // in front of camera A
  for (int p : {0, 1}) {
    const PickHit h = pick(st, eye, chest(st, p) - eye);
    CHECK(h.kind == PickKind::performer);
    CHECK(h.index == p);
    CHECK(h.distance > 0);
    CHECK(h.distance < 1.0);  // in front of the joint, which is inside the body
  }
}

TEST_CASE("pick: the nearest of several along the ray wins") {
  const Document doc = two_and_a_bed();
  const Stage st = evaluate(doc, 1);
  // From the left, level with ana's chest: through ana, then ben.
  const glm::dvec3 c = chest(st, 0);
  const PickHit from_left = pick(st, glm::dvec3(-5, c.y, c.z), glm::dvec3(1, 0, 0));
  CHECK(from_left.kind == PickKind::performer);
  CHECK(from_left.index == 0);
  // From the right, ben (in his shirt) first.
  const PickHit from_right = pick(st, glm::dvec3(5, c.y, c.z), glm::dvec3(-1, 0, 0));
  CHECK(from_right.kind == PickKind::performer);
  CHECK(from_right.index == 1);
  CHECK(from_left.distance < 5.0);
  CHECK(from_right.distance < 5.0);
}

TEST_CASE("pick: props, cameras and empty space") {
  const Document doc = two_and_a_bed();
  const Stage st = evaluate(doc, 1);
  // Down onto the bed, away from the performers.
  const PickHit bed = pick(st, glm::dvec3(0.3, 3, -3), glm::dvec3(0, -1, 0));
  CHECK(bed.kind == PickKind::prop);
  CHECK(bed.index == 0);
  CHECK(bed.distance == doctest::Approx(2.5).epsilon(1e-6));  // the bed's top is at 0.5 m
  // At the camera body from the side.
  const glm::dvec3 cam = st.cameras[0].basis.position;
  const PickHit a = pick(st, cam + glm::dvec3(-3, 0, 0), glm::dvec3(1, 0, 0));
  CHECK(a.kind == PickKind::camera);
  CHECK(a.index == 0);
  CHECK(a.distance == doctest::Approx(3 - PickOptions{}.camera_radius_m));
  // Looking through that camera, it cannot be picked.
  PickOptions through;
  through.skip_camera = 0;
  CHECK_FALSE(pick(st, cam + glm::dvec3(-3, 0, 0), glm::dvec3(1, 0, 0), through));
  // Up into the sky, and a zero direction: nothing.
  CHECK_FALSE(pick(st, glm::dvec3(0, 1, 4), glm::dvec3(0, 1, 0)));
  CHECK_FALSE(pick(st, glm::dvec3(0, 1, 4), glm::dvec3(0, 0, 0)));
}

TEST_CASE("pick: canonical shapes are entered where the masking engine's are") {
  Shape s;
  s.kind = ShapeKind::box;  // [-1, 1]³
  CHECK(ray_enter_shape(s, {0, 0, 5}, {0, 0, -1}) == doctest::Approx(4));
  CHECK(ray_enter_shape(s, {0, 0, 5}, {0, 0, -2}) == doctest::Approx(2));  // t is along the given direction
  CHECK(ray_enter_shape(s, {0, 0, 0}, {0, 0, -1}) < 0);                   // starts inside
  CHECK(ray_enter_shape(s, {0, 1.5, 5}, {0, 0, -1}) < 0);                 // passes above
  s.kind = ShapeKind::ellipsoid;
  CHECK(ray_enter_shape(s, {0, 0, 5}, {0, 0, -1}) == doctest::Approx(4));
  CHECK(ray_enter_shape(s, {0, 0, -5}, {0, 0, -1}) < 0);                  // behind
  s.kind = ShapeKind::cylinder;
  CHECK(ray_enter_shape(s, {0, 5, 0}, {0, -1, 0}) == doctest::Approx(4));  // through the top cap
  CHECK(ray_enter_shape(s, {0, 0.5, 5}, {0, 0, -1}) == doctest::Approx(4));
  s.kind = ShapeKind::capsule;
  s.h = 1;
  CHECK(ray_enter_shape(s, {0, 0, 5}, {0, 0, -1}) == doctest::Approx(4));  // the side
  CHECK(ray_enter_shape(s, {0, 1.5, 5}, {0, 0, -1}) == doctest::Approx(5 - std::sqrt(0.75)));  // the cap
  CHECK(ray_enter_shape(s, {0, 5, 0}, {0, -1, 0}) == doctest::Approx(3));  // the cap's pole
  CHECK(ray_enter_shape(s, {0, 1.8, 0}, {0, 0, -1}) < 0);                 // inside the cap
  // Placed in the world: a box of half size 0.5 at x = 2.
  s.kind = ShapeKind::box;
  s.to_world = glm::mat4(0.5f);
  s.to_world[3] = glm::vec4(2, 0, 0, 1);
  s.to_canonical = glm::inverse(s.to_world);
  CHECK(ray_enter_shape(s, {0, 0, 0}, {1, 0, 0}) == doctest::Approx(1.5));
}
