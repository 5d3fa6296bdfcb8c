// findings.hpp — the one catalogue of what the checks can say, and a finding.
//
// Every finding has a stable code ("contact.refused"), a severity fixed by the
// code, where it is (beat, count span, camera, performer, region, the other
// party), a sentence a person can act on and, where possible, a suggestion.
// Tests assert on codes and locations, never on sentences.
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

enum class FindingCode : std::uint8_t {
  contact_refused,
  contact_partner,
  contact_kind,
  contact_layer,
  contact_garment_missing,
  contact_barrier_missing,
  contact_genital_no_barrier,
  contact_ask,
  contact_conditional,
  exposure_refused,
  exposure_ask,
  exposure_conditional,
  garment_visible,
  masking_intent,
  masking_fragile,
  pose_unnotated_contact,
  pose_refused_contact,
  pose_contact_apart,
  eyeline_target,
  eyeline_lens,
};

struct FindingInfo {
  FindingCode code;
  std::string_view id;        // stable: "contact.refused"
  Severity severity;
  std::string_view when;      // one line for the README and --help
};

// The whole catalogue, in the order above.
const std::array<FindingInfo, 20>& finding_catalogue();
const FindingInfo& finding_info(FindingCode code);
std::optional<FindingCode> finding_code(std::string_view id);

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

}  // namespace cs
