// edits_consent.hpp — the edits an IC makes with a performer over their body
// map and nudity rider, and how a change of consent is said.
//
// The body map is painted with a brush (yes, conditional, ask, no, or not
// discussed) on regions, for one direction (receive or give) and one partner
// (or any partner). A brush writes one plain line per region: the line with no
// kinds listed and exactly that partner (or none). Lines that list kinds are
// details, edited one by one (edits_cast.hpp's set_line), and a brush never
// touches them. "Not discussed" removes the plain line: the region then has no
// line of its own, which the checks count as no. A brush never cycles: painting
// the same state again changes nothing.
//
// The rider is a grid of regions against views; a cell is set to a state, or
// cleared. Its lines stay what the file holds (regions × views, a state,
// conditions); a cell is split out of the line that held it, so the rest of
// that line keeps what it said.
//
// [SECTION] The body map: the brush and what a region shows
// [SECTION] Bulk edits: copy to a partner, mirror, tiers
// [SECTION] The rider: cells and presets
// [SECTION] What a change of consent reaches
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notation/edits.hpp"

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] The body map: the brush and what a region shows

// nullopt is "not discussed".
using BrushState = std::optional<BoundaryState>;

// What a brush stroke writes: for each region, the plain line for (direction,
// partner) gets `state` and `layer` (its conditions are kept), or is removed
// for "not discussed". `partner` "" is any partner. One edit for a whole drag.
struct BrushStroke {
  Direction direction = Direction::receive;
  std::string partner;                 // "" : any partner
  BrushState state;
  Layer layer = Layer::over_costume;   // the most exposed layer the line agrees
};
Edited paint_regions(const Document& doc, const std::string& performer, const BrushStroke& stroke,
                     const std::vector<Region>& regions);

// What the map shows on a region for a direction and a partner filter: the
// most cautious state among the lines that apply to that partner (a line for
// any partner applies to every partner; with `partner` "", only those lines),
// conditions making a yes conditional. nullopt: not discussed.
BrushState map_state(const Performer& p, Direction dir, const std::string& partner, Region r);
// The lines of (dir, region) that apply to the partner filter, by index into p.boundaries.
std::vector<std::size_t> map_lines(const Performer& p, Direction dir, const std::string& partner, Region r);
// "yes", "conditional", "ask", "no", "not discussed": every state in words.
std::string brush_words(BrushState s);

// ---------------------------------------------------------------------------
// [SECTION] Bulk edits: copy to a partner, mirror, tiers

// Copies the lines that name `from_partner` (or, with "", the lines for any
// partner) to lines naming `to_partner` alone, replacing the lines that named
// only `to_partner`. Both directions. Refused for the performer themself, an
// unknown partner, or the same partner.
Edited copy_map_to_partner(const Document& doc, const std::string& performer, const std::string& from_partner,
                           const std::string& to_partner);
// Left to right: every line on a left region (left breast, left hand…) is
// copied to its right twin, replacing the lines that were there. Central
// regions are unchanged. Both directions.
Edited mirror_map_left_to_right(const Document& doc, const std::string& performer);
// Holds a region at `tier`; its default tier (or nullopt) removes the raise.
// A tier below the default is refused (a tier can be raised, never lowered).
Edited set_region_tier(const Document& doc, const std::string& performer, Region r, std::optional<Tier> tier);

// ---------------------------------------------------------------------------
// [SECTION] The rider: cells and presets

// The four views of the grid (`any` is a line's shorthand for all of them).
inline constexpr View kRiderViews[] = {View::front, View::side, View::rear, View::overhead};

// The state a cell shows: the most cautious line naming the region and the view
// (or any view), conditions making a yes conditional; nullopt when none does.
BrushState rider_cell(const Performer& p, Region r, View v);
// Sets cell (r, v): it leaves every line that held it (the rest of each line
// is kept as it was) and joins a line of `state` for that view alone,
// keeping the conditions of the line it left. nullopt clears it.
Edited set_rider_cell(const Document& doc, const std::string& performer, Region r, View v, BrushState state);
// A stroke over the grid: each cell set in turn, as set_rider_cell does, as one
// edit (one undo step). Refused, naming the cell, if any cell is.
struct RiderCell {
  Region region;
  View view;
  bool operator==(const RiderCell&) const = default;
};
Edited set_rider_cells(const Document& doc, const std::string& performer, const std::vector<RiderCell>& cells,
                       BrushState state);

// The common rider categories as sets of regions and views.
#define CS_RIDER_PRESETS(X)                                                 \
  X(topless, "topless (waist up)")                                          \
  X(side_breast, "side breast (nipples not seen)")                          \
  X(rear_only, "rear only")                                                 \
  X(full_frontal, "full frontal")                                           \
  X(implied, "implied nudity (nothing intimate seen)")
enum class RiderPreset {
#define CS_RIDER_PRESET_ENUM(name, words) name,
  CS_RIDER_PRESETS(CS_RIDER_PRESET_ENUM)
#undef CS_RIDER_PRESET_ENUM
};
inline constexpr RiderPreset kRiderPresets[] = {
#define CS_RIDER_PRESET_LIST(name, words) RiderPreset::name,
    CS_RIDER_PRESETS(CS_RIDER_PRESET_LIST)
#undef CS_RIDER_PRESET_LIST
};
std::string_view rider_preset_words(RiderPreset p);
// The lines a preset adds: what may be seen (yes) from which views, and, where
// the category keeps something unseen (side breast: the nipples; implied: every
// intimate region), a no line for it from any view.
std::vector<Exposure> rider_preset_lines(RiderPreset p);
// Adds the preset's lines to the performer's rider (as one edit).
Edited apply_rider_preset(const Document& doc, const std::string& performer, RiderPreset p);

// ---------------------------------------------------------------------------
// [SECTION] What a change of consent reaches

// The status line after an edit of agreements: what changed for whom, and
// which contacts it reaches ("Ana: lower back now ask — 3 contacts in b04, b05
// affected"); "" when no performer's body map or rider changed. A contact is
// affected when the state governing it (either side) changed.
std::string consent_change_words(const Document& before, const Document& after);

}  // namespace cs
