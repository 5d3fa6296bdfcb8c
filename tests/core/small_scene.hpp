// small_scene.hpp — a small scene the history and edit tests share: two
// performers, beats b01 [1, 5), b02 [5, 9) with a breath cue at 7 and a
// contact, a gap, b03 [13, 17); take 1 notes a deviation in b03.
#pragma once

#include <doctest/doctest.h>

#include "notation/document.hpp"
#include "notation/validate.hpp"

namespace test_scenes {

inline cs::Beat beat(const char* id, double start, double length) {
  cs::Beat b;
  b.id = id;
  b.label = std::string("Beat ") + id;
  b.start_count = start;
  b.length_counts = length;
  return b;
}

inline cs::Document small_scene() {
  cs::Document d;
  d.scene.title = "History";
  cs::Performer ana;
  ana.id = "ana";
  cs::Performer ben;
  ben.id = "ben";
  d.performers = {ana, ben};
  cs::Camera cam;
  cam.id = "A";
  d.cameras = {cam};
  d.choreography.beats = {beat("b01", 1, 4), beat("b02", 5, 4), beat("b03", 13, 4)};
  cs::BreathNote n;
  n.performer = "ana";
  n.cue = cs::BreathCue::exhale;
  n.count = 7;
  d.choreography.beats[1].breath = {n};
  cs::Contact c;
  c.giver = "ben";
  c.receiver = "ana";
  c.with = cs::Region::hand_r;
  c.region = cs::Region::back_upper;
  d.choreography.beats[1].contacts = {c};
  cs::Take t;
  t.number = 1;
  t.camera = "A";
  cs::Deviation late;
  late.beat = "b03";
  late.kind = cs::DeviationKind::timing;
  late.note = "late";
  t.deviations = {late};
  d.takes = {t};
  REQUIRE(cs::validate(d).empty());
  return d;
}

}  // namespace test_scenes
