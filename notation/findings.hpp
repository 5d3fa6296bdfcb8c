// findings.hpp — the one catalogue of what the checks can say, and a finding.
//
// Every finding has a stable code ("contact.refused"), a severity fixed by the
// code, where it is (beat, count span, camera, performer, region, the other
// party), a sentence a person can act on and, where possible, a suggestion.
// Tests assert on codes and locations, never on sentences.
//
// The catalogue is one list, CS_FINDING_CODES below: one line per code with its
// family, its name, its severity and the sentence that says when it is raised
// (as sokol's _SG_LOG_ITEMS does). The enum, the "family.name" ids, the
// severities, `closedset check --help` and the README's table of checks all
// come from that line; nothing else spells a code or counts them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "notation/vocab.hpp"

namespace cs {

enum class Severity : std::uint8_t { info, warning, error };
std::string_view severity_name(Severity s);  // "info", "warning", "error"

// X(family, name, severity, when): the code is family_name, its id "family.name".
// The order is the order of the README's table, and breaks ties when findings
// are sorted (after count and severity).
#define CS_FINDING_CODES(X)                                                                                        \
  X(contact, refused, error,                                                                                       \
    "a contact touches a region the receiver (or the giver, for what they touch) marked no or never discussed")    \
  X(contact, partner, error, "agreed, but not with this partner")                                                  \
  X(contact, kind, error, "agreed, but not this kind of contact")                                                  \
  X(contact, layer, error, "more exposed than agreed (skin where only over garment was agreed)")                   \
  X(contact, garment_missing, error, "planned over a garment or costume that is not worn there at that moment")    \
  X(contact, barrier_missing, error, "planned through a barrier, but no barrier is named")                         \
  X(contact, genital_no_barrier, error,                                                                            \
    "genitals, pubic area or perineum touched with no garment or barrier between: never allowed, whatever else "   \
    "was agreed")                                                                                                  \
  X(contact, ask, warning, "agreed as ask: check in before every run")                                             \
  X(contact, conditional, info, "agreed with conditions; the conditions are shown")                                \
  X(exposure, refused, error,                                                                                      \
    "a camera sees bare skin of a region whose exposure is not agreed, or not from this view")                     \
  X(exposure, ask, warning, "a camera sees bare skin of a region agreed as ask: confirm with the performer")       \
  X(exposure, conditional, info,                                                                                   \
    "a camera sees bare skin of a region agreed with conditions; the conditions are shown")                        \
  X(garment, visible, warning, "a hidden garment or a barrier reads on camera")                                    \
  X(masking, intent, error,                                                                                        \
    "a beat's masking note does not hold: the named regions read on that camera, or something other than the "     \
    "named masker hides them")                                                                                     \
  X(masking, fragile, warning,                                                                                     \
    "hidden now, but reads if the camera moves 5 cm (left, right, up, down, closer) or a performer is 5 cm off "    \
    "their mark; names what breaks it")                                                                            \
  X(pose, unnotated_contact, warning,                                                                              \
    "the poses bring two performers' regions into contact that no contact notes (where one of them is sensitive "  \
    "or intimate), and the touched performer agreed to some contact there with that partner")                      \
  X(pose, refused_contact, error,                                                                                  \
    "the poses bring a partner into contact with a region the touched performer marked no, or never discussed, "   \
    "for that partner, and no contact notes it")                                                                   \
  X(pose, contact_apart, warning, "a notated contact whose regions the poses hold apart for the whole beat")       \
  X(pose, unposed, error,                                                                                          \
    "a performer has no pose at a beat (nor before it): the stage would have to invent their shape, so the checks "\
    "of them are guesses; names the first such beat")                                                              \
  X(pose, joint_limit, warning,                                                                                    \
    "a pose turns a joint past its limit; names the angle and the limit the stage holds it to")                    \
  X(eyeline, target, error, "an eyeline looks at a performer or a camera that is not in the scene, or at nothing") \
  X(eyeline, lens, info, "an eyeline looks into a lens (named, or within 4° of it)")                               \
  X(consent, reconfirm, warning,                                                                                   \
    "the draft changes what concerns a performer (a contact they give or receive, their shape, garments or "       \
    "exposure on a camera) since the version they confirmed: confirm again before rehearsal")                     \
  X(consent, unconfirmed_change, error,                                                                            \
    "the same, once the choreography is rehearsed or locked: it is not to be run until they confirm again")        \
  X(safety, pause_word, warning, "no pause word is agreed yet: the sheets and the editor say \"not agreed yet\"")

enum class FindingCode : std::uint8_t {
#define CS_FINDING_ENUMERATOR(family, name, severity, when) family##_##name,
  CS_FINDING_CODES(CS_FINDING_ENUMERATOR)
#undef CS_FINDING_ENUMERATOR
};

inline constexpr std::size_t kFindingCodeCount = 0
#define CS_FINDING_COUNT(family, name, severity, when) +1
    CS_FINDING_CODES(CS_FINDING_COUNT)
#undef CS_FINDING_COUNT
    ;

struct FindingInfo {
  FindingCode code;
  std::string_view id;        // stable: "contact.refused"
  Severity severity;
  std::string_view when;      // one line for the README and --help
};

// The whole catalogue, in the order of CS_FINDING_CODES.
const std::array<FindingInfo, kFindingCodeCount>& finding_catalogue();
const FindingInfo& finding_info(FindingCode code);
std::optional<FindingCode> finding_code(std::string_view id);
// The catalogue as the README's markdown table ("| code | severity | when |"),
// one row per code, ending in a newline. `closedset check --list-codes --format
// md` prints it; a test holds README.md to it.
std::string finding_table_markdown();

struct Finding {
  FindingCode code = FindingCode::contact_refused;
  Severity severity = Severity::error;
  std::string beat;                  // beat id where it starts ("" when not tied to a beat)
  double from_count = 0, to_count = 0;  // the span on the timeline (equal for one moment)
  double peak_count = 0;             // where in the span it is worst (the most of the frame); else from_count
  std::string camera;                // camera id, "" when no camera is involved
  std::string performer;             // whose boundary, rider or body it concerns
  std::optional<Region> region;
  std::string other;                 // the partner, garment or prop involved ("" if none)
  std::string message;               // a sentence a person can act on
  std::string suggestion;            // what would fix it ("" when nothing specific)
  bool operator==(const Finding&) const = default;
};

// A finding of `code` with its catalogue severity, the rest empty.
Finding new_finding(FindingCode code);

}  // namespace cs
