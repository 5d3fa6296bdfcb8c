// edits_consent.cpp — painting body maps and riders, bulk edits, presets,
// and the words for a change of consent (edits_consent.hpp).
#include "notation/edits_consent.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "notation/consent.hpp"
#include "notation/edits_lists.hpp"
#include "notation/phrasing.hpp"

namespace cs {

namespace {

Performer* performer_in(Document& d, const std::string& id) { return edit_lists::find(d.performers, id); }
std::string no_performer(const std::string& id) { return "There is no performer " + quoted_text(id); }

std::vector<std::string> partners_for(const std::string& partner) {
  return partner.empty() ? std::vector<std::string>{} : std::vector<std::string>{partner};
}

// The brush's own line: no kinds listed, exactly this partner (or none).
bool is_plain_line(const Boundary& b, Direction dir, Region r, const std::string& partner) {
  return b.direction == dir && b.region == r && b.contact.empty() && b.partners == partners_for(partner);
}

template <class T> bool contains(const std::vector<T>& list, const T& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] The body map: the brush and what a region shows

Edited paint_regions(const Document& doc, const std::string& performer, const BrushStroke& stroke,
                     const std::vector<Region>& regions) {
  Document d = doc;
  Performer* p = performer_in(d, performer);
  if (!p) return Edited::refused(no_performer(performer));
  if (!stroke.partner.empty() && !doc.performer(stroke.partner))
    return Edited::refused("There is no partner " + quoted_text(stroke.partner) + " to paint " +
                           possessive(display_name(*p)) + " body map for");
  if (stroke.partner == performer) return Edited::refused("A performer cannot be their own partner in a boundary");
  for (Region r : regions) {
    auto& lines = p->boundaries;
    const auto first = std::find_if(lines.begin(), lines.end(), [&](const Boundary& b) {
      return is_plain_line(b, stroke.direction, r, stroke.partner);
    });
    if (!stroke.state) {
      lines.erase(std::remove_if(lines.begin(), lines.end(),
                                 [&](const Boundary& b) { return is_plain_line(b, stroke.direction, r, stroke.partner); }),
                  lines.end());
      continue;
    }
    if (first == lines.end()) {
      Boundary b;
      b.direction = stroke.direction;
      b.region = r;
      b.partners = partners_for(stroke.partner);
      b.layer = stroke.layer;
      b.state = *stroke.state;
      lines.push_back(std::move(b));
      continue;
    }
    first->state = *stroke.state;
    first->layer = stroke.layer;
    // One plain line per (direction, region, partner): a second one would say the same twice, or disagree.
    const std::size_t keep = static_cast<std::size_t>(first - lines.begin());
    for (std::size_t i = lines.size(); i-- > keep + 1;)
      if (is_plain_line(lines[i], stroke.direction, r, stroke.partner))
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return checked(doc, std::move(d));
}

std::vector<std::size_t> map_lines(const Performer& p, Direction dir, const std::string& partner, Region r) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < p.boundaries.size(); ++i) {
    const Boundary& b = p.boundaries[i];
    if (b.direction != dir || b.region != r) continue;
    if (partner.empty() ? b.partners.empty() : names_partner(b, partner)) out.push_back(i);
  }
  return out;
}

BrushState map_state(const Performer& p, Direction dir, const std::string& partner, Region r) {
  BrushState worst;
  for (std::size_t i : map_lines(p, dir, partner, r)) {
    const Boundary& b = p.boundaries[i];
    const BoundaryState s = effective_state(b.state, b.conditions);
    if (!worst || caution(s) > caution(*worst)) worst = s;
  }
  return worst;
}

std::string brush_words(BrushState s) { return s ? std::string(vocab_label(*s)) : std::string("not discussed"); }

// ---------------------------------------------------------------------------
// [SECTION] Bulk edits: copy to a partner, mirror, tiers

Edited copy_map_to_partner(const Document& doc, const std::string& performer, const std::string& from_partner,
                           const std::string& to_partner) {
  Document d = doc;
  Performer* p = performer_in(d, performer);
  if (!p) return Edited::refused(no_performer(performer));
  if (to_partner.empty() || !doc.performer(to_partner))
    return Edited::refused("Copy " + possessive(display_name(*p)) + " body map to which partner? " +
                           quoted_text(to_partner) + " is not in the cast");
  if (!from_partner.empty() && !doc.performer(from_partner))
    return Edited::refused("There is no partner " + quoted_text(from_partner) + " to copy from");
  if (to_partner == performer || from_partner == performer)
    return Edited::refused("A performer cannot be their own partner in a boundary");
  if (to_partner == from_partner) return Edited::refused("The map is already for " + display_name(doc, to_partner));
  std::vector<Boundary> copies;
  for (const Boundary& b : p->boundaries) {
    const bool source = from_partner.empty() ? b.partners.empty() : contains(b.partners, from_partner);
    if (!source) continue;
    Boundary c = b;
    c.partners = {to_partner};
    copies.push_back(std::move(c));
  }
  if (copies.empty())
    return Edited::refused(possessive(display_name(*p)) + " body map has no lines for " +
                           (from_partner.empty() ? std::string("any partner") : display_name(doc, from_partner)) +
                           " to copy");
  std::erase_if(p->boundaries, [&](const Boundary& b) { return b.partners == std::vector<std::string>{to_partner}; });
  for (Boundary& c : copies) p->boundaries.push_back(std::move(c));
  return checked(doc, std::move(d));
}

Edited mirror_map_left_to_right(const Document& doc, const std::string& performer) {
  Document d = doc;
  Performer* p = performer_in(d, performer);
  if (!p) return Edited::refused(no_performer(performer));
  // A left region is one whose spelling ends in "_l"; its twin is mirror(r).
  const auto is_left = [](Region r) {
    const std::string_view n = vocab_name(r);
    return n.size() > 2 && n.substr(n.size() - 2) == "_l";
  };
  std::set<Region> twins;
  std::vector<Boundary> copies;
  for (const Boundary& b : p->boundaries) {
    if (!is_left(b.region)) continue;
    Boundary c = b;
    c.region = mirror(b.region);
    twins.insert(c.region);
    copies.push_back(std::move(c));
  }
  if (copies.empty())
    return Edited::refused(possessive(display_name(*p)) + " body map has nothing on the left side to mirror");
  std::erase_if(p->boundaries, [&](const Boundary& b) { return twins.count(b.region) > 0; });
  for (Boundary& c : copies) p->boundaries.push_back(std::move(c));
  return checked(doc, std::move(d));
}

Edited set_region_tier(const Document& doc, const std::string& performer, Region r, std::optional<Tier> tier) {
  Document d = doc;
  Performer* p = performer_in(d, performer);
  if (!p) return Edited::refused(no_performer(performer));
  if (static_cast<std::size_t>(r) >= kRegionCount || (tier && static_cast<std::size_t>(*tier) >= vocab_size<Tier>()))
    return Edited::refused("A tier needs a body region and ordinary, sensitive or intimate");
  if (tier && *tier < default_tier(r))
    return Edited::refused("A tier can be raised, not lowered: " + std::string(region_label(r)) + " is " +
                           std::string(vocab_label(default_tier(r))) + " by default");
  std::erase_if(p->tiers, [&](const TierRaise& t) { return t.region == r; });
  if (tier && *tier != default_tier(r)) p->tiers.push_back({r, *tier});
  return checked(doc, std::move(d));
}

// ---------------------------------------------------------------------------
// [SECTION] The rider: cells and presets

namespace {

bool names_view(const Exposure& x, View v) { return contains(x.views, v) || contains(x.views, View::any); }

}  // namespace

BrushState rider_cell(const Performer& p, Region r, View v) {
  BrushState worst;
  for (const Exposure& x : p.exposure) {
    if (!contains(x.regions, r) || !names_view(x, v)) continue;
    const BoundaryState s = effective_state(x.state, x.conditions);
    if (!worst || caution(s) > caution(*worst)) worst = s;
  }
  return worst;
}

Edited set_rider_cell(const Document& doc, const std::string& performer, Region r, View v, BrushState state) {
  if (v == View::any) return Edited::refused("Choose a view for the cell: front, side, rear or overhead");
  Document d = doc;
  Performer* p = performer_in(d, performer);
  if (!p) return Edited::refused(no_performer(performer));
  std::string conditions;
  std::vector<Exposure> out;
  for (const Exposure& x : p->exposure) {
    if (!contains(x.regions, r) || !names_view(x, v)) {
      out.push_back(x);
      continue;
    }
    if (conditions.empty()) conditions = x.conditions;
    // The line holds regions × views; without the cell it is the other
    // regions at every view, and this region at the other views.
    std::vector<View> views;
    for (View w : contains(x.views, View::any) ? std::vector<View>(std::begin(kRiderViews), std::end(kRiderViews)) : x.views)
      if (w != v && !contains(views, w)) views.push_back(w);
    Exposure rest = x;
    std::erase(rest.regions, r);
    if (!rest.regions.empty()) out.push_back(std::move(rest));
    if (!views.empty()) {
      Exposure here = x;
      here.regions = {r};
      here.views = std::move(views);
      out.push_back(std::move(here));
    }
  }
  if (state) {
    // Joins a line of this state, conditions and this view alone, or starts one.
    const std::string kept = *state == BoundaryState::no ? std::string() : conditions;
    auto it = std::find_if(out.begin(), out.end(), [&](const Exposure& x) {
      return x.state == *state && x.conditions == kept && x.views == std::vector<View>{v};
    });
    if (it != out.end()) {
      if (!contains(it->regions, r)) it->regions.push_back(r);
    } else {
      out.push_back(Exposure{{r}, *state, {v}, kept});
    }
  }
  p->exposure = std::move(out);
  return checked(doc, std::move(d));
}

Edited set_rider_cells(const Document& doc, const std::string& performer, const std::vector<RiderCell>& cells,
                       BrushState state) {
  if (cells.empty()) return Edited::refused("Paint at least one cell of the rider");
  Document d = doc;
  for (const RiderCell& c : cells) {
    Edited one = set_rider_cell(d, performer, c.region, c.view, state);
    if (!one.ok())
      return Edited::refused(std::string(region_label(c.region)) + " from " + view_words(c.view) + ": " + one.refusal());
    d = std::move(one).take();
  }
  return checked(doc, std::move(d));
}

std::string_view rider_preset_words(RiderPreset p) {
  switch (p) {
#define CS_RIDER_PRESET_WORDS(name, words) \
  case RiderPreset::name: return words;
    CS_RIDER_PRESETS(CS_RIDER_PRESET_WORDS)
#undef CS_RIDER_PRESET_WORDS
  }
  return "";
}

std::vector<Exposure> rider_preset_lines(RiderPreset p) {
  using R = Region;
  using V = View;
  const std::vector<R> breasts{R::breast_l, R::breast_r, R::nipple_l, R::nipple_r};
  std::vector<R> intimate;
  for (std::size_t i = 0; i < kRegionCount; ++i)
    if (default_tier(vocab_at<R>(i)) == Tier::intimate) intimate.push_back(vocab_at<R>(i));
  switch (p) {
    case RiderPreset::topless: {
      std::vector<R> top{R::chest_upper, R::abdomen_upper, R::flank_l, R::flank_r, R::back_upper, R::back_lower};
      top.insert(top.end(), breasts.begin(), breasts.end());
      return {Exposure{top, BoundaryState::yes, {V::front, V::side, V::rear, V::overhead}, ""}};
    }
    case RiderPreset::side_breast:
      return {Exposure{{R::breast_l, R::breast_r}, BoundaryState::yes, {V::side}, ""},
              Exposure{{R::nipple_l, R::nipple_r}, BoundaryState::no, {V::any}, ""}};
    case RiderPreset::rear_only:
      return {Exposure{{R::back_upper, R::back_lower, R::buttock_l, R::buttock_r}, BoundaryState::yes, {V::rear}, ""}};
    case RiderPreset::full_frontal: {
      std::vector<R> front{R::chest_upper, R::abdomen_upper, R::abdomen_lower, R::pubic, R::genitals};
      front.insert(front.end(), breasts.begin(), breasts.end());
      return {Exposure{front, BoundaryState::yes, {V::front}, ""}};
    }
    case RiderPreset::implied:
      return {Exposure{intimate, BoundaryState::no, {V::any}, ""}};
  }
  return {};
}

Edited apply_rider_preset(const Document& doc, const std::string& performer, RiderPreset preset) {
  Document d = doc;
  Performer* p = performer_in(d, performer);
  if (!p) return Edited::refused(no_performer(performer));
  for (Exposure& x : rider_preset_lines(preset)) p->exposure.push_back(std::move(x));
  return checked(doc, std::move(d));
}

// ---------------------------------------------------------------------------
// [SECTION] What a change of consent reaches

std::string consent_change_words(const Document& before, const Document& after) {
  std::vector<std::string> parts;
  for (const Performer& now : after.performers) {
    const Performer* was = before.performer(now.id);
    if (!was || (was->boundaries == now.boundaries && was->exposure == now.exposure && was->tiers == now.tiers))
      continue;
    const std::string name = display_name(now);
    // Touch: the regions whose shown state (receive or give, any partner) changed.
    std::vector<std::string> changes;
    for (Direction dir : {Direction::receive, Direction::give})
      for (std::size_t i = 0; i < kRegionCount; ++i) {
        const Region r = vocab_at<Region>(i);
        const std::string where = std::string(region_label(r)) + (dir == Direction::give ? " (to touch)" : "");
        const BrushState a = map_state(*was, dir, "", r), b = map_state(now, dir, "", r);
        if (a != b) {
          changes.push_back(where + " now " + brush_words(b));
          continue;
        }
        // The lines for any partner are as they were: what changed is for one partner (or several).
        for (const Performer& q : after.performers) {
          if (q.id == now.id) continue;
          const BrushState qa = map_state(*was, dir, q.id, r), qb = map_state(now, dir, q.id, r);
          if (qa != qb) changes.push_back(where + " now " + brush_words(qb) + " with " + display_name(q));
        }
      }
    // The rider: each cell (region, view) whose state changed.
    if (was->exposure != now.exposure)
      for (std::size_t i = 0; i < kRegionCount; ++i)
        for (View v : kRiderViews) {
          const Region r = vocab_at<Region>(i);
          const BrushState a = rider_cell(*was, r, v), b = rider_cell(now, r, v);
          if (a != b)
            changes.push_back("rider: " + std::string(region_label(r)) + " from " + view_words(v) + " now " +
                              (b ? std::string(vocab_label(*b)) : std::string("not agreed")));
        }
    if (changes.empty() && was->exposure != now.exposure) changes.push_back("rider conditions changed");
    if (changes.empty() && was->tiers != now.tiers) changes.push_back("tiers changed");
    if (changes.empty()) changes.push_back("conditions changed");
    if (changes.size() > 3) {
      const std::size_t more = changes.size() - 2;
      changes.resize(2);
      changes.push_back(std::to_string(more) + " more");
    }
    // The contacts whose chip (either side) changed.
    std::size_t contacts = 0;
    std::vector<std::string> beats;
    for (const Beat& b : after.choreography.beats)
      for (const Contact& c : b.contacts) {
        if (c.giver != now.id && c.receiver != now.id) continue;
        if (contact_consent(before, c).words == contact_consent(after, c).words) continue;
        ++contacts;
        if (beats.empty() || beats.back() != b.id) beats.push_back(b.id);
      }
    std::string line = name + ": " + join_list(changes, "and");
    if (contacts > 0)
      line += " \u2014 " + plural(static_cast<long long>(contacts), "contact") + " in " +
              join_list(beats, "and") + " affected";
    parts.push_back(std::move(line));
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

}  // namespace cs
