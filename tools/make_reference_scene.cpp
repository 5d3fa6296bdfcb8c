// make_reference_scene — writes assets/examples/reference.closedset.json, the
// larger scene the benchmarks run on: 64 beats, 2 performers, 4 cameras.
// Deterministic (no randomness): run it again and the bytes are the same.
//   build/tools/make_reference_scene assets/examples/reference.closedset.json
#include <cmath>
#include <cstdio>
#include <string>

#include "notation/format.hpp"

using namespace cs;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_reference_scene OUT.closedset.json\n");
    return 2;
  }
  Document d;
  d.scene = {"Reference scene (benchmarks)", "R1", "1-4",
             "A long counted sequence on a bed, for measuring masking and checks; not a story."};
  for (int i = 0; i < 2; ++i) {
    Performer p;
    p.id = i == 0 ? "ana" : "ben";
    p.actor = i == 0 ? "Performer One" : "Performer Two";
    p.character = i == 0 ? "Ana" : "Ben";
    p.height_m = i == 0 ? 1.66 : 1.84;
    p.build = i == 0 ? Build::slim : Build::broad;
    const std::string partner = i == 0 ? "ben" : "ana";
    for (Region r : {Region::lips, Region::face, Region::back_upper, Region::back_lower, Region::chest_upper,
                     Region::shoulder_l, Region::shoulder_r, Region::hand_l, Region::hand_r}) {
      for (Direction dir : {Direction::receive, Direction::give}) {
        Boundary b;
        b.direction = dir;
        b.region = r;
        b.partners = {partner};
        b.layer = Layer::skin;
        b.state = r == Region::back_lower ? BoundaryState::ask : BoundaryState::yes;
        p.boundaries.push_back(b);
      }
    }
    Exposure x;
    x.regions = {Region::back_upper, Region::back_lower, Region::shoulder_l, Region::shoulder_r, Region::thigh_l,
                 Region::thigh_r, Region::upper_arm_l, Region::upper_arm_r};
    x.state = BoundaryState::yes;
    x.views = {View::any};
    p.exposure.push_back(x);
    d.performers.push_back(p);
    Garment g;
    g.id = p.id + "_cover";
    g.wearer = p.id;
    g.kind = i == 0 ? GarmentKind::strapless_thong : GarmentKind::pouch;
    g.covers = {Region::genitals, Region::pubic, Region::perineum};
    g.camera = GarmentCamera::hidden;
    d.garments.push_back(g);
  }
  Prop bed;
  bed.id = "bed";
  bed.label = "Bed";
  bed.size = {1.6, 0.5, 2.1};
  bed.position = {0, 0.25, 0};
  d.props.push_back(bed);
  Prop pillow;
  pillow.id = "pillow";
  pillow.label = "Barrier pillow";
  pillow.size = {0.45, 0.14, 0.3};
  pillow.position = {0, 0.62, 0.1};
  pillow.barrier = true;
  pillow.owner = "ana";
  d.props.push_back(pillow);

  const char* ids[] = {"A", "B", "C", "D"};
  const double focal[] = {32, 85, 50, 24};
  for (int c = 0; c < 4; ++c) {
    Camera cam;
    cam.id = ids[c];
    cam.label = std::string(ids[c]) + " camera";
    cam.sensor = c == 3 ? Sensor::full_frame : Sensor::super35;
    cam.focal_mm = focal[c];
    cam.aspect = c == 2 ? 1.85 : 2.39;
    const double a = c * 1.5707963267948966 + 0.3;
    const double dist = 1.5 + 0.03 * focal[c];
    cam.position = {std::round(dist * std::sin(a) * 1000) / 1000, 1.3 + 0.2 * c, std::round(dist * std::cos(a) * 1000) / 1000};
    cam.target = {0, 0.8, 0};
    if (c == 3) cam.position = {0, 3.2, 0.3};  // an overhead
    d.cameras.push_back(cam);
  }

  d.choreography.version = 1;
  d.choreography.tempo_bpm = 60;
  const double joint_cycle[] = {0, 20, 45, 70, 30, -10};
  for (int b = 0; b < 64; ++b) {
    Beat beat;
    char id[8];
    std::snprintf(id, sizeof id, "b%02d", b + 1);
    beat.id = id;
    beat.label = "Beat " + std::to_string(b + 1);
    beat.action = "Counted phrase " + std::to_string(b + 1);
    beat.start_count = 1 + 2 * b;
    beat.length_counts = 2;
    for (int i = 0; i < 2; ++i) {
      Pose p;
      p.performer = d.performers[static_cast<std::size_t>(i)].id;
      const double phase = (b + 3 * i) % 6;
      p.root_position = {i == 0 ? -0.25 : 0.25, 0.62 + 0.02 * (b % 3), 0.1 * ((b + i) % 4) - 0.15};
      p.root_rotation = {-90, 0, (b % 8) * 45.0 - 180 + 180 * i};
      p.joints.push_back({Joint::hip_l, {-joint_cycle[static_cast<int>(phase)], 0, 0}});
      p.joints.push_back({Joint::knee_l, {joint_cycle[static_cast<int>(phase)], 0, 0}});
      p.joints.push_back({Joint::shoulder_r, {-joint_cycle[(static_cast<int>(phase) + 2) % 6], 0, 0}});
      beat.poses.push_back(p);
    }
    Contact c;
    c.giver = b % 2 ? "ana" : "ben";
    c.receiver = b % 2 ? "ben" : "ana";
    c.with = Region::hand_r;
    c.region = b % 3 ? Region::back_upper : Region::shoulder_l;
    c.kind = ContactKind::hand;
    c.layer = Layer::skin;
    beat.contacts.push_back(c);
    beat.breath.push_back({b % 2 ? "ana" : "ben", b % 2 ? BreathCue::inhale : BreathCue::exhale, beat.start_count + 1});
    d.choreography.beats.push_back(beat);
  }
  if (const auto problems = validate(d); !problems.empty()) {
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", format_diagnostic(p).c_str());
    return 1;
  }
  const SaveResult s = write_file_atomic(argv[1], save_scene_text(d), false);
  if (!s.ok) {
    std::fprintf(stderr, "%s\n", s.error.c_str());
    return 1;
  }
  return 0;
}
