// consent.hpp — what a performer's agreements say, defined once for the checks
// and the editor:
//  - a contact: which lines of a body map govern it, and what they say
//    (govern; the contact checks report it);
//  - touch: the most cautious `receive` state any line of their body map gives
//    a region (the editor's consent colours);
//  - exposure: what their nudity rider says about a region read from one view,
//    and, for a camera's masking at one moment, which regions' bare skin reads
//    against the rider and which hidden garments read (masking colours).
//
// The contact and exposure rules, the view of a performer from a camera and the
// "reads" threshold are defined here once; the checks (notation/checks_*.cpp)
// apply them with the constants of checks.hpp, so the colours never disagree
// with a finding; tests/gui/color_modes_test.cpp also holds the two to
// agreement on the example.
//
// [SECTION] Caution: how states compare
// [SECTION] Contacts: the lines that govern one
// [SECTION] Touch and exposure
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "notation/document.hpp"
#include "notation/masking.hpp"
#include "notation/stage.hpp"

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] Caution: how states compare

// How cautious a state is: yes 0 < conditional 1 < ask 2 < no 3. Among lines
// that apply, the most cautious governs.
inline int caution(BoundaryState s) {
  switch (s) {
    case BoundaryState::yes: return 0;
    case BoundaryState::conditional: return 1;
    case BoundaryState::ask: return 2;
    case BoundaryState::no: return 3;
  }
  return 3;
}

// A `yes` that carries written conditions is read as `conditional`: conditions
// are part of consent and are never silently dropped.
inline BoundaryState effective_state(BoundaryState s, const std::string& conditions) {
  return s == BoundaryState::yes && !conditions.empty() ? BoundaryState::conditional : s;
}

// ---------------------------------------------------------------------------
// [SECTION] Contacts: the lines that govern one
//
// The lines of a performer's body map for (direction, region). A line applies
// to a contact when its partners are empty or name the partner and its kinds are
// empty or name the kind; a `yes`/`conditional`/`ask` line must also agree a
// layer at least as exposed as the contact's. Among the lines that apply, the
// most cautious state governs: no > ask > conditional > yes. When none applies,
// the outcome says why, in order: only `no` lines → refused; no line names this
// partner → partner; none this kind → kind; else → layer. No line at all for
// the region: not discussed.

// A line names this partner (or any partner) / this kind of contact (or any kind).
bool names_partner(const Boundary& b, const std::string& partner);
bool names_kind(const Boundary& b, ContactKind kind);

struct Governing {
  enum Outcome { ok, conditional, ask, refused, not_discussed, partner, kind, layer } outcome = not_discussed;
  std::vector<const Boundary*> lines;  // the lines behind the outcome (pointers into the performer)
};
Governing govern(const Performer& p, Direction dir, Region region, const std::string& partner, ContactKind kind,
                 Layer layer);

// How cautious an outcome is, the most cautious governing a contact: ok 0 <
// conditional 1 < ask 2 < layer 3 < kind 4 < partner 5 < not discussed 6 <
// refused 7 (an explicit no outranks one never discussed). From layer up, the
// checks report an error.
int outcome_caution(Governing::Outcome o);
inline bool outcome_is_error(Governing::Outcome o) { return outcome_caution(o) >= 3; }
// The state an outcome shows as (the placing glow, the chip's colour): yes,
// conditional, ask, or no for every error; nullopt for not discussed.
std::optional<BoundaryState> outcome_state(Governing::Outcome o);

// [SECTION] One contact judged against both maps
// The one judgement of a contact's consent, which the contact checks
// (checks_contacts.cpp), the contact chip (contact_consent) and the placing
// glow (placing.hpp) all read, so they never disagree. Its sides:
//  - the receiver's `receive` lines for the touched region;
//  - the giver's `give` lines for that region;
//  - contact is mutual: where the giver touches with a region that is
//    sensitive or intimate for them (and is not touching themself), that
//    region is touched too, held to the giver's own `receive` lines with the
//    receiver as the partner. Hands, forearms and other ordinary regions doing
//    the touching are just giving.
// The most cautious side governs (the first of equals).
struct ContactSide {
  const Performer* self = nullptr;  // whose lines (a pointer into the document)
  Direction direction = Direction::receive;
  Region region = Region::face;     // the region of self's map
  std::string partner;              // the other performer's id
  Governing governing;
};
struct ContactJudgement {
  std::vector<ContactSide> sides;   // in the order above; a side of an unknown performer is left out
  Governing::Outcome outcome = Governing::not_discussed;  // the governing side's (not discussed with no side)
  int governing = -1;               // index into sides; −1 when there is none
};
ContactJudgement judge_contact(const Document& doc, const Contact& c);

// What both performers' maps say of one contact, for the editor's chip:
// judge_contact's outcome in words. `words` is the chip: "yes",
// "conditional: hands flat", "ask: check in", "not agreed: Ana said no". The
// findings say the rest (garments, barriers, the genital barrier rule).
struct ContactConsent {
  enum Chip { yes, conditional, ask, not_agreed } chip = not_agreed;
  std::string words;
};
ContactConsent contact_consent(const Document& doc, const Contact& c);

// ---------------------------------------------------------------------------
// [SECTION] Touch and exposure

// The most cautious state (no > ask > conditional > yes) among the performer's
// `receive` lines for `r`, whatever partner, kind or layer; nullopt when no
// line names the region (not discussed).
std::optional<BoundaryState> touch_state(const Performer& p, Region r);

// How the rider treats a region read from a view. Lines naming the region and
// the view (or `any`) apply and the most cautious governs. With none: a region
// named only for other views is not agreed from this one; a region never named
// is not discussed, which refuses it when the performer holds it intimate and
// is no concern otherwise.
struct RiderVerdict {
  enum Outcome { allowed, conditional, ask, refused, not_from_view, not_discussed } outcome = allowed;
  std::string conditions;
  std::vector<View> agreed_views;  // views where the region is agreed at all
};
RiderVerdict rider_verdict(const Performer& p, Region r, View v);
// Refused, not from this view, not discussed, or ask: bare skin must not read
// (or must be confirmed first). Conditional is agreed with its conditions.
bool rider_forbids(const RiderVerdict& v);

// The view a camera at `camera` has of a staged performer: overhead within
// kOverheadDeg of the torso's head axis, else front, rear (within 45° of the
// chest's or back's facing) or side.
View view_of(const StagePerformer& p, const glm::dvec3& camera);

// Rays a region (or garment) needs to "read" in a frame of `rays` rays.
std::uint32_t reads_threshold(std::uint32_t rays);

// One camera at one moment, from its masking (mask_camera of the same Stage).
struct CameraExposure {
  enum class Mark : std::uint8_t { none, agreed, conditional, forbidden };
  int camera = -1;
  // Per performer (doc order), per region: bare skin does not read (none), or
  // reads and the rider agrees, agrees with conditions, or forbids it.
  std::vector<std::array<Mark, kRegionCount>> regions;
  std::vector<View> views;              // per performer: the camera's view of them
  std::vector<bool> hidden_garment_reads;  // per garment: modesty wear that reads
  std::vector<bool> barrier_reads;      // per prop: a barrier that reads
};
CameraExposure camera_exposure(const Document& doc, const Stage& stage, const CameraMasking& masking);

}  // namespace cs
