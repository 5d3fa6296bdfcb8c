// edits_scene.cpp — the scene's header, safety, tempo and status (edits_scene.hpp).
#include "notation/edits_scene.hpp"

namespace cs {

Edited set_scene_info(const Document& doc, SceneInfo info) {
  Document d = doc;
  d.scene = std::move(info);
  return checked(std::move(d));
}

Edited set_safety(const Document& doc, Safety safety) {
  Document d = doc;
  d.safety = std::move(safety);
  return checked(std::move(d));
}

Edited set_tempo(const Document& doc, double tempo_bpm) {
  Document d = doc;
  d.choreography.tempo_bpm = tempo_bpm;
  return checked(std::move(d));
}

Edited set_status(const Document& doc, ChoreoStatus status) {
  Document d = doc;
  d.choreography.status = status;
  return checked(std::move(d));
}

}  // namespace cs
