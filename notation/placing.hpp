// placing.hpp — contact-aware placing: what a contact made by dragging one
// body part onto a partner would be, and how both performers' agreements
// govern it, before it is written.
//
// While a hand (or lips, a cheek, the chest…) is dragged over a partner, the
// editor asks `judge_placing` about the region under it every frame and glows
// that region in the governing state; on release it writes the contact with
// `add_placed_contact`. The judgement is the checks' and the contact chip's
// own: judge_contact() of consent.hpp (the receiver's `receive` lines, the
// giver's `give` lines, and the giver's own region where it is sensitive or
// intimate for them), with the layer from the garments worn at that count
// (timeline.hpp garments_worn_at), so the glow, the chip, the contact written
// and the finding that follows agree.
//
// A contact the checks would report as an error (a region marked no or never
// discussed, or agreed but not with this partner, this kind or this layer)
// needs a deliberate modifier key to place; it is written all the same when
// the IC holds it (the notation can record what was rehearsed, and the checks
// then flag it at once), never silently.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "notation/consent.hpp"
#include "notation/document.hpp"
#include "notation/edits.hpp"

namespace cs {

// The kind of contact a body part makes: hands → hand, lips → kiss (closed),
// face → cheek, forearms → hold, anything else → body press.
ContactKind contact_kind_for(Region giver_region);

// The layer between two regions at `count`: over a modesty garment (hidden
// wear) when one is worn over the touched region (or, failing that, over the
// giver's touching region), naming it in *garment; over costume for a costume
// garment; skin when neither is covered.
Layer contact_layer_at(const Document& doc, double count, const std::string& giver, Region with,
                       const std::string& receiver, Region region, std::string* garment = nullptr);

struct PlacingJudgement {
  Contact contact;                                  // the contact that would be written
  Governing::Outcome outcome = Governing::not_discussed;  // the most cautious of its sides
  std::string governed_by;                          // the performer whose agreement governs (their id)
  bool needs_modifier = false;                      // an error the checks would report: hold the modifier to place
  // The glow: yes, conditional, ask or no; nullopt for not discussed.
  std::optional<BoundaryState> state;
  std::string summary;                              // "Ben's right hand on Ana's lower back (hand, skin): ask"
};

// Judges the contact `giver`'s region `with` would make on `receiver`'s
// `region` at `count` (kind from `with`, layer from the garments worn then).
PlacingJudgement judge_placing(const Document& doc, double count, const std::string& giver, Region with,
                               const std::string& receiver, Region region);

// Writes a placed contact into beat `beat`. One already notated between the
// same two regions is kept as it is (with the kind and layer the IC gave it),
// not added twice. Refused when the judgement needs the modifier and
// `modifier` is false ("hold Alt to place it anyway").
Edited add_placed_contact(const Document& doc, std::size_t beat, const PlacingJudgement& judged, bool modifier);

}  // namespace cs
