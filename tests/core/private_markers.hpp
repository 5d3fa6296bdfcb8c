// private_markers.hpp — for privacy tests of exports: puts a unique marker
// string ("PRIVATE-<where>-7f3a") in every confidential text field of a
// document (private notes, boundary and rider conditions, camera notes, take
// and deviation notes, and the actors' real names), and returns the markers, so
// a test can prove that none of them reaches a file.
#pragma once

#include <string>
#include <vector>

#include "notation/document.hpp"

namespace privacy_test {

inline constexpr const char* kMarkerPrefix = "PRIVATE-";

inline std::vector<std::string> mark_confidential_text(cs::Document& doc) {
  std::vector<std::string> markers;
  auto mark = [&](std::string& field, const std::string& where) {
    field = kMarkerPrefix + where + "-7f3a";
    markers.push_back(field);
  };
  for (cs::Performer& p : doc.performers) {
    mark(p.private_note, p.id + "-note");
    mark(p.actor, p.id + "-actor");
    for (std::size_t i = 0; i < p.boundaries.size(); ++i) mark(p.boundaries[i].conditions, p.id + "-boundary" + std::to_string(i));
    for (std::size_t i = 0; i < p.exposure.size(); ++i) mark(p.exposure[i].conditions, p.id + "-rider" + std::to_string(i));
  }
  for (cs::Beat& b : doc.choreography.beats) mark(b.camera_notes, b.id + "-camnotes");
  for (cs::Take& t : doc.takes) {
    mark(t.note, "take" + std::to_string(t.number));
    for (cs::Deviation& d : t.deviations) mark(d.note, "deviation-" + d.beat);
  }
  return markers;
}

}  // namespace privacy_test
