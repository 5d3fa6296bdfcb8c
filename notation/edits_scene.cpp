// edits_scene.cpp — the scene's header, safety, tempo and status (edits_scene.hpp).
#include "notation/edits_scene.hpp"

#include "notation/phrasing.hpp"

namespace cs {

Edited set_scene_info(const Document& doc, SceneInfo info) {
  Document d = doc;
  d.scene = std::move(info);
  return checked(doc, std::move(d));
}

Edited set_safety(const Document& doc, Safety safety) {
  Document d = doc;
  d.safety = std::move(safety);
  return checked(doc, std::move(d));
}

Edited set_tempo(const Document& doc, double tempo_bpm) {
  Document d = doc;
  d.choreography.tempo_bpm = tempo_bpm;
  return checked(doc, std::move(d));
}

Edited set_status(const Document& doc, ChoreoStatus status, const std::string& date, const std::string& summary) {
  const ChoreoStatus from = doc.choreography.status;
  if (from == status) {
    // Marking a rehearsed or locked version so again issues it if it never was (a file from before versions were kept).
    Document d = doc;
    if (status != ChoreoStatus::draft) issue_current(d, date, summary);
    return checked(doc, std::move(d));
  }
  if (from == ChoreoStatus::locked)
    return Edited::refused("The choreography is locked (version " + std::to_string(doc.choreography.version) +
                           "); unlock it to revise, which starts the next version");
  Document d = doc;
  d.choreography.status = status;
  if (status != ChoreoStatus::draft) issue_current(d, date, summary);
  return checked(doc, std::move(d));
}

Edited unlock_to_revise(const Document& doc) {
  if (doc.choreography.status != ChoreoStatus::locked)
    return Edited::refused("The choreography is not locked (it is " +
                           std::string(vocab_label(doc.choreography.status)) + "); there is nothing to unlock");
  Document d = doc;
  issue_current(d, "", "as locked; recorded when it was unlocked");  // a lock from before versions were kept
  d.choreography.status = ChoreoStatus::draft;
  d.choreography.version += 1;
  return checked(doc, std::move(d));
}

Edited confirm_version(const Document& doc, const std::string& performer, const std::string& date, bool saw_sheet) {
  if (!doc.performer(performer)) return Edited::refused("There is no performer " + quoted_text(performer));
  Document d = doc;
  issue_current(d, date, "first confirmed by " + display_name(doc, performer));
  d.choreography.confirmations.push_back({performer, d.choreography.version, date, saw_sheet});
  return checked(doc, std::move(d));
}

}  // namespace cs
