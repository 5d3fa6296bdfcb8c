// audience.hpp — the one privacy filter: what each audience may see of a scene.
//
// Every sheet (notation/sheet.hpp), every still, and every interchange export
// (glTF, OTIO) is built from an AudienceView, never from the Document itself.
// The view holds a redacted copy of the document in which every field the
// audience may not see is emptied, plus what the audience may know that is
// derived from private fields (a contact's agreed terms, "agreed / not agreed
// from this view"), worded here so no writer has to look at a boundary.
//
// Who sees what (README, "Sheets and stills"; DESIGN.md section 8):
//   performer:ID  their own body map, rider and tier raises; of a partner only
//                 the body-map lines that govern a contact between the two of
//                 them (with their conditions, which are the terms of that
//                 contact); only the contacts, breath and eyelines they are in.
//                 Never a partner's rider, tiers, or anyone's private note.
//   director      no body map, rider or tier of anyone; per beat and camera,
//                 each performer's exposure as agreed / not agreed from this
//                 view; findings in sentences made here from their codes and
//                 places, never from the checks' own sentences (which quote
//                 conditions).
//   costume       garments, barriers and when they go on and off; no body map
//                 or rider; garment findings only.
//   ad            the pause word, the beats that need a check-in (ask) and
//                 with whom, timings, cameras; no body map or rider.
//   interchange   the staged scene for 3D tools and editors: no body map,
//                 rider, tier, note, actor name, camera note, take or version
//                 history; findings only as codes, places and severities
//                 (beat marker colours).
// Private notes, takes and deviation notes reach no audience here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notation/document.hpp"
#include "notation/findings.hpp"

namespace cs {

struct PropMeshes;

enum class AudienceKind { performer, director, costume, ad, interchange };

struct Audience {
  AudienceKind kind = AudienceKind::interchange;
  std::string performer;  // kind == performer: whose sheet
  bool operator==(const Audience&) const = default;
};

// "performer:ana", "director", "costume", "ad", "interchange". nullopt with
// `why` set when the text names no audience or a performer not in the scene.
std::optional<Audience> parse_audience(const Document& doc, std::string_view text, std::string& why);
// "performer:ana", "director"…: the words parse_audience reads.
std::string audience_id(const Audience& a);
// Who the sheet is for, as the header says it: "Ana (Maya Lind)", "the director and DP",
// "costume", "the AD team", "interchange (3D and editing tools)".
std::string audience_words(const Document& doc, const Audience& a);

// What a contact's agreement is, in the words a sheet may use.
enum class AgreementWords { agreed, agreed_with_conditions, ask_each_time, not_agreed };
std::string_view agreement_words(AgreementWords w);  // "agreed", "agreed, with conditions", …

// Performer view: the terms of one contact the viewer gives or receives.
struct ContactTerms {
  std::string beat;
  std::size_t contact = 0;           // index into that beat's contacts in the view's document
  AgreementWords words = AgreementWords::not_agreed;
  std::vector<std::string> conditions;  // of the lines that govern it (the viewer's and the partner's)
  std::string sentence() const;      // "agreed, with conditions: hands flat"
};

// Director view: a performer's exposure on a camera during a beat.
struct CameraAgreement {
  std::string beat, camera, performer;
  bool agreed = true;                // no bare skin reads that the rider does not agree from this view
  bool ask_first = false;            // agreed only once confirmed with the performer before the take
  std::vector<Region> not_agreed;    // regions whose bare skin reads, not agreed from this view
};

// A beat that needs a check-in before every run (AD view).
struct CheckIn {
  std::string beat;
  std::vector<std::string> performers;  // whom to check in with
};

struct AudienceView {
  Audience audience;
  Document doc;                                 // redacted: only what this audience may see
  std::vector<ContactTerms> contact_terms;      // performer
  std::vector<CameraAgreement> camera_agreements;  // director (with findings)
  // Director, costume, interchange (with the checks): the findings this audience
  // may know of, each `message` a sentence made here from its code and places
  // (never the checks' own, which quote conditions; interchange: empty), no suggestion.
  std::vector<Finding> findings;
  std::vector<CheckIn> check_ins;               // ad, performer (with findings)
  std::vector<std::string> left_out;            // what this view leaves out, in words
  bool checked = false;                         // the checks ran (findings, agreements, check-ins are filled)
};

struct AudienceOptions {
  bool run_checks = true;              // fill findings, camera agreements, check-ins
  const PropMeshes* meshes = nullptr;  // imported prop meshes, for the checks
  int samples_per_count = 4;           // the checks' sampling (as closedset check)
  int threads = 0;
  // The checks' findings on this same document, when the caller already has
  // them (several audiences from one scene): used instead of running the checks.
  const std::vector<Finding>* findings = nullptr;
};

// The view of `doc` for `audience`. A performer audience must name a performer of
// the document (parse_audience makes sure).
AudienceView audience_view(const Document& doc, const Audience& audience, const AudienceOptions& options = {});

}  // namespace cs
