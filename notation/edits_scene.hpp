// edits_scene.hpp — edits of the scene's header (title, number, pages, story),
// its safety agreement (the pause word and its response) and the
// choreography's tempo and status.
#pragma once

#include "notation/edits.hpp"

namespace cs {

Edited set_scene_info(const Document& doc, SceneInfo info);
Edited set_safety(const Document& doc, Safety safety);
Edited set_tempo(const Document& doc, double tempo_bpm);
Edited set_status(const Document& doc, ChoreoStatus status);

}  // namespace cs
