// new_scene.cpp — the new-scene template (new_scene.hpp).
#include "notation/new_scene.hpp"

#include <cmath>

#include "notation/mannequin.hpp"

namespace cs {

Document new_scene() {
  Document d;
  d.scene.title = "Untitled scene";
  struct Who { const char* id; const char* name; double height; double x; double facing; };
  // Side by side across the room from camera A, turned to face each other.
  const Who cast[] = {{"p1", "Performer 1", 1.68, -0.45, 90.0}, {"p2", "Performer 2", 1.80, 0.45, -90.0}};
  Beat b;
  b.id = "b01";
  b.label = "Top of the scene";
  b.start_count = 1;
  b.length_counts = 4;
  b.placeholder = true;
  for (const Who& w : cast) {
    Performer p;
    p.id = w.id;
    p.character = w.name;
    p.height_m = w.height;
    d.performers.push_back(p);
    Garment top;
    top.id = std::string(w.id) + "_top";
    top.wearer = w.id;
    top.label = "Rehearsal top";
    top.kind = GarmentKind::shirt;
    top.camera = GarmentCamera::costume;
    top.covers = {Region::chest_upper, Region::breast_l, Region::breast_r, Region::nipple_l, Region::nipple_r,
                  Region::abdomen_upper, Region::abdomen_lower, Region::flank_l, Region::flank_r,
                  Region::back_upper, Region::back_lower};
    d.garments.push_back(top);
    Garment bottom;
    bottom.id = std::string(w.id) + "_bottom";
    bottom.wearer = w.id;
    bottom.label = "Rehearsal trousers";
    bottom.kind = GarmentKind::trousers;
    bottom.camera = GarmentCamera::costume;
    bottom.covers = {Region::hip_l, Region::hip_r, Region::pubic, Region::genitals, Region::perineum,
                     Region::buttock_l, Region::buttock_r, Region::thigh_l, Region::thigh_r,
                     Region::inner_thigh_l, Region::inner_thigh_r};
    d.garments.push_back(bottom);
    Pose pose;
    pose.performer = w.id;
    // Rounded to the millimetre, so the file reads cleanly; the feet stay within 1 mm of the floor.
    const double pelvis = std::round(make_mannequin(p.height_m, p.build).pelvis_height * 1000.0) / 1000.0;
    pose.root_position = {w.x, pelvis, 0};
    pose.root_rotation = {0, w.facing, 0};
    b.poses.push_back(pose);
  }
  Camera cam;
  cam.id = "A";
  cam.label = "Two-shot";
  cam.sensor = Sensor::super35;
  cam.focal_mm = 32;
  cam.aspect = 1.78;
  cam.fit = Fit::horizontal;
  cam.position = {0, 1.2, 5.0};
  cam.target = {0, 0.95, 0};
  d.cameras.push_back(cam);
  d.choreography.beats.push_back(b);
  return d;
}

}  // namespace cs
