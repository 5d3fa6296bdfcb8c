// test_lens.cpp — frame lines, field of view, camera basis and camera moves.
#include <doctest/doctest.h>

#include <cmath>

#include "notation/lens.hpp"
#include "notation/stage.hpp"

using namespace cs;

TEST_CASE("lens: 50 mm on Super 35, horizontal fit, is 27.96 degrees across") {
  Camera cam;
  cam.sensor = Sensor::super35;
  cam.focal_mm = 50;
  cam.aspect = 2.39;
  cam.fit = Fit::horizontal;
  const LensFrame f = lens_frame(cam);
  CHECK(f.hfov_deg == doctest::Approx(27.96).epsilon(0.0005));          // 2·atan(24.89 / 100)
  CHECK(f.frame_w_mm == doctest::Approx(24.89));
  CHECK(f.frame_h_mm == doctest::Approx(24.89 / 2.39));                   // frame lines, not the sensor
  CHECK(f.vfov_deg == doctest::Approx(2 * std::atan(24.89 / 2.39 / 100) * 180 / 3.14159265358979));
  CHECK_FALSE(f.exceeds_sensor);
  CHECK(lens_label(cam, 50) == "50 mm Super 35, 2.39");
}

TEST_CASE("lens: vertical fit uses the sensor height, full frame 1.78") {
  const LensFrame f = lens_frame(36.0, 24.0, 35.0, 1.78, Fit::vertical);
  CHECK(f.frame_h_mm == doctest::Approx(24.0));
  CHECK(f.frame_w_mm == doctest::Approx(24.0 * 1.78));
  CHECK(f.vfov_deg == doctest::Approx(2 * std::atan(24.0 / 70.0) * 180 / 3.14159265358979));
  CHECK(f.exceeds_sensor);  // 42.7 mm > 36 mm: only with a squeeze
  const LensFrame g = lens_frame(36.7, 25.54, 35.0, 1.85, Fit::horizontal);
  CHECK(g.frame_h_mm == doctest::Approx(36.7 / 1.85));
  CHECK_FALSE(g.exceeds_sensor);
}

TEST_CASE("lens: look_at gives an orthonormal frame pointing at the target, roll turns it") {
  const CameraBasis b = look_at({0, 1.5, 4}, {0, 1, 0}, 0);
  CHECK(glm::length(b.forward) == doctest::Approx(1));
  CHECK(glm::dot(b.forward, b.right) == doctest::Approx(0).epsilon(1e-12));
  CHECK(glm::dot(b.up, b.right) == doctest::Approx(0).epsilon(1e-12));
  CHECK(b.right.x == doctest::Approx(1));  // looking down −Z, right is +X
  CHECK(glm::dot(glm::cross(b.right, b.up), -b.forward) == doctest::Approx(1));  // right-handed, looks down −Z
  const CameraBasis down = look_at({0, 3, 0}, {0, 0, 0}, 0);  // straight down stays defined
  CHECK(std::isfinite(down.right.x));
  CHECK(glm::length(down.right) == doctest::Approx(1));
  const CameraBasis rolled = look_at({0, 1.5, 4}, {0, 1, 0}, 90);
  CHECK(glm::dot(rolled.forward, b.forward) == doctest::Approx(1));
  CHECK(std::abs(glm::dot(rolled.right, b.right)) < 1e-9);
}

TEST_CASE("lens: camera moves interpolate between keys and hold after the last") {
  Document doc;
  Beat b1;
  b1.id = "b1"; b1.start_count = 1; b1.length_counts = 8;
  doc.choreography.beats = {b1};
  Camera cam;
  cam.id = "A";
  cam.position = {0, 1.5, 4};
  cam.target = {0, 1, 0};
  cam.focal_mm = 32;
  CameraMove m;
  m.count = 5;
  m.position = {0, 1.5, 2};
  m.target = {0, 1, 0};
  m.focal_mm = 50;
  cam.moves = {m};
  doc.cameras = {cam};
  const Stage s3 = evaluate(doc, 3);
  CHECK(s3.cameras[0].basis.position.z == doctest::Approx(3.0));
  CHECK(s3.cameras[0].focal_mm == doctest::Approx(41.0));
  const Stage s9 = evaluate(doc, 9);
  CHECK(s9.cameras[0].basis.position.z == doctest::Approx(2.0));
  CHECK(s9.cameras[0].lens.focal_mm == doctest::Approx(50.0));
  const Stage s0 = evaluate(doc, 1);
  CHECK(s0.cameras[0].basis.position.z == doctest::Approx(4.0));
}
