// edits_scene.hpp — edits of the scene's header (title, number, pages, story),
// its safety agreement (the pause word and its response) and the
// choreography's tempo and status.
#pragma once

#include "notation/edits.hpp"

namespace cs {

Edited set_scene_info(const Document& doc, SceneInfo info);
Edited set_safety(const Document& doc, Safety safety);
Edited set_tempo(const Document& doc, double tempo_bpm);

// [SECTION] Versions and consent re-confirmation
// draft → rehearsed → locked. Marking the choreography rehearsed or locked
// issues the current version: its content is kept in the history (dated, with
// a one-line summary), so later versions are compared with it and a change
// starts the next version. Going back to draft from rehearsed issues nothing.
// From locked, use unlock_to_revise. `date` is YYYY-MM-DD.
Edited set_status(const Document& doc, ChoreoStatus status, const std::string& date, const std::string& summary = "");
// Locked → draft, and the next version begins at once (the locked one stays in the history).
Edited unlock_to_revise(const Document& doc);
// A performer confirms the current version (and that they saw their sheet of
// it, or not). Issues the version if it was not yet. A confirmation is a record:
// it is never changed, only added to.
Edited confirm_version(const Document& doc, const std::string& performer, const std::string& date, bool saw_sheet);

}  // namespace cs
