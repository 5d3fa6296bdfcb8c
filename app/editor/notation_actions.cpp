// notation_actions.cpp — the notation panels' actions (notation_widgets.hpp):
// contacts, breath cues on the timeline, and brush strokes on the body map and
// on a garment's cover. Each goes through the edit functions and the history:
// one undo step per click, stroke or drag.
#include <algorithm>

#include "app/editor/notation_widgets.hpp"
#include "notation/edits_beats.hpp"
#include "notation/edits_cast.hpp"
#include "notation/edits_garments.hpp"
#include "notation/phrasing.hpp"

namespace cs::editor {

// [SECTION] Contacts

bool add_contact(EditorState& s, std::size_t beat) {
  if (!s.history.has_document()) return false;
  const Document& d = s.history.doc();
  if (d.performers.size() < 2) {
    s.notice = Notice{"Edit not made", "A contact needs two performers: add a partner to the cast first", {}};
    return false;
  }
  Contact c;
  c.giver = d.performers[1].id;
  c.receiver = d.performers[0].id;
  c.with = Region::hand_r;
  c.region = Region::back_upper;
  c.kind = ContactKind::hand;
  c.pressure = Pressure::light;
  c.layer = worn_layer(d, beat, c.receiver, c.region, &c.garment);
  const std::size_t n = beat < d.choreography.beats.size() ? d.choreography.beats[beat].contacts.size() : 0;
  if (!edit_document(s, "Add contact", cs::add_note(d, beat, c))) return false;
  select_contact(s, s.history.doc().choreography.beats[beat].id, n);
  return true;
}

bool set_contact(EditorState& s, std::size_t beat, std::size_t i, const Contact& c) {
  if (!s.history.has_document()) return false;
  Contact fixed = c;
  // A garment or barrier belongs to its layer only.
  if (fixed.layer != Layer::over_garment) fixed.garment.clear();
  if (fixed.layer != Layer::through_barrier) fixed.barrier.clear();
  return edit_document(s, "Edit contact", cs::set_note(s.history.doc(), beat, i, fixed));
}

bool remove_contact(EditorState& s, std::size_t beat, std::size_t i) {
  if (!s.history.has_document()) return false;
  return edit_document(s, "Delete contact", cs::remove_note<Contact>(s.history.doc(), beat, i));
}

bool add_eyeline(EditorState& s, std::size_t beat) {
  if (!s.history.has_document()) return false;
  const Document& d = s.history.doc();
  if (d.performers.empty()) return false;
  Eyeline e;
  e.performer = d.performers.front().id;
  if (s.selection.kind == SelectionKind::performer && s.selection.region && s.selection.id != e.performer) {
    e.target.performer = s.selection.id;
    e.target.region = s.selection.region;
  } else if (d.performers.size() > 1) {
    e.target.performer = d.performers[1].id;
    e.target.region = Region::face;
  } else if (!d.cameras.empty()) {
    e.target.camera = d.cameras.front().id;
  } else {
    e.target.point = Vec3{0, 1.5, 2};
  }
  return edit_document(s, "Add eyeline", cs::add_note(d, beat, e));
}

bool add_masking_note(EditorState& s, std::size_t beat) {
  if (!s.history.has_document()) return false;
  const Document& d = s.history.doc();
  if (d.cameras.empty() || d.performers.size() < 2) {
    s.notice = Notice{"Edit not made", "A masking note needs a camera and two performers: add them first", {}};
    return false;
  }
  MaskingNote m;
  m.camera = d.cameras.front().id;
  m.performer = d.performers.front().id;
  m.regions = {Region::breast_l, Region::breast_r};
  m.by = d.performers[1].id;
  return edit_document(s, "Add masking note", cs::add_note(d, beat, m));
}

bool add_garment_for(EditorState& s, const std::string& performer) {
  if (!s.history.has_document()) return false;
  Garment g;
  g.wearer = performer;
  g.label = "Modesty garment";
  g.kind = GarmentKind::strapless_thong;
  g.camera = GarmentCamera::hidden;
  g.covers = {Region::pubic, Region::genitals, Region::perineum};
  std::string id;
  if (!edit_document(s, "Add garment for " + display_name(s.history.doc(), performer), add_garment(s.history.doc(), g, &id)))
    return false;
  s.notation.garment = id;
  return true;
}

bool add_prop_of(EditorState& s, PropShape shape, bool barrier, const std::string& owner) {
  if (!s.history.has_document()) return false;
  Prop p;
  p.shape = shape;
  p.size = barrier ? Vec3{0.5, 0.15, 0.35} : shape == PropShape::box ? Vec3{1, 0.5, 1}
                   : shape == PropShape::cylinder ? Vec3{0.4, 0.8, 0.4} : Vec3{0.3, 0.3, 0.3};
  p.position = {0, p.size[1] / 2, 0};
  p.barrier = barrier;
  p.owner = barrier ? owner : std::string();
  p.label = barrier ? std::string("Barrier") : std::string(vocab_label(shape));
  std::string id;
  if (!edit_document(s, barrier ? "Add barrier" : "Add prop", add_prop(s.history.doc(), p, &id))) return false;
  select(s, SelectionKind::prop, id);
  return true;
}

bool add_cast_member(EditorState& s) {
  if (!s.history.has_document()) return false;
  Performer p;
  p.character = "New performer";
  std::string id;
  if (!edit_document(s, "Add performer", add_performer(s.history.doc(), p, &id))) return false;
  select(s, SelectionKind::performer, id);
  return true;
}

// [SECTION] Breath cues

bool add_breath_at(EditorState& s, const std::string& performer, double count, BreathCue cue) {
  if (!s.history.has_document()) return false;
  return edit_document(s, "Add breath cue (" + display_name(s.history.doc(), performer) + ", " +
                              std::string(vocab_label(cue)) + " at " + count_label(snap_count(count)) + ")",
                       cs::place_breath(s.history.doc(), performer, count, cue));
}

void begin_breath_drag(EditorState& s, std::size_t beat, std::size_t i) {
  if (!s.history.has_document()) return;
  auto& d = s.notation.breath_drag;
  d = {};
  d.active = true;
  d.beat = beat;
  d.index = i;
  s.history.begin("Move breath cue");
}

void update_breath_drag(EditorState& s, double count) {
  auto& d = s.notation.breath_drag;
  if (!d.active || !s.history.editing()) return;
  const double c = snap_count(count);
  if (c == d.applied) return;
  d.applied = c;
  const std::string why = s.history.update(cs::move_breath(s.history.original(), d.beat, d.index, c));
  if (!why.empty()) s.status = "Move breath cue stopped: " + why;
}

bool end_breath_drag(EditorState& s) {
  const bool was = s.notation.breath_drag.active;
  s.notation.breath_drag = {};
  return was && finish_interaction(s);
}

// [SECTION] The body map's brush

void open_body_map(EditorState& s, const std::string& performer) {
  NotationUi& n = s.notation;
  n.body_map_performer = performer;
  n.detail_region.reset();
  n.stroke.clear();
  if (n.partner == performer) n.partner.clear();
}

namespace {

std::string stroke_label(const EditorState& s) {
  const NotationUi& n = s.notation;
  const std::string who = display_name(s.history.doc(), n.body_map_performer);
  if (n.page == NotationUi::Page::garments) return "Paint garment cover";
  if (!n.rider_stroke.empty()) return "Paint " + possessive(who) + " rider: " + brush_words(n.brush);
  return "Paint " + possessive(who) + " body map: " + brush_words(n.brush);
}

Edited stroke_edit(const EditorState& s, const Document& original) {
  const NotationUi& n = s.notation;
  if (!n.rider_stroke.empty()) return set_rider_cells(original, n.body_map_performer, n.rider_stroke, n.brush);
  if (n.page == NotationUi::Page::garments) {
    const Garment* g = original.garment(n.garment);
    if (!g) return Edited::refused("Choose a garment to paint what it covers");
    Garment changed = *g;
    for (Region r : n.stroke) {
      const auto at = std::find(changed.covers.begin(), changed.covers.end(), r);
      if (n.stroke_adds && at == changed.covers.end()) changed.covers.push_back(r);
      if (!n.stroke_adds && at != changed.covers.end()) changed.covers.erase(at);
    }
    return set_garment(original, g->id, changed);
  }
  BrushStroke b;
  b.direction = n.direction;
  b.partner = n.partner;
  b.state = n.brush;
  b.layer = n.brush_layer;
  return paint_regions(original, n.body_map_performer, b, n.stroke);
}

// The stroke so far, applied afresh to the document it started from; a refusal
// stops it, saying why on the status line.
void apply_stroke(EditorState& s) {
  const std::string why = s.history.update(stroke_edit(s, s.history.original()));
  if (!why.empty()) s.status = stroke_label(s) + " stopped: " + why;
}

}  // namespace

void begin_stroke(EditorState& s, Region r) {
  if (!s.history.has_document()) return;
  NotationUi& n = s.notation;
  n.stroke = {r};
  n.before_stroke = s.history.doc();
  if (n.page == NotationUi::Page::garments) {
    const Garment* g = s.history.doc().garment(n.garment);
    n.stroke_adds = !g || std::find(g->covers.begin(), g->covers.end(), r) == g->covers.end();
  }
  s.history.begin(stroke_label(s));
  apply_stroke(s);
}

void extend_stroke(EditorState& s, Region r) {
  NotationUi& n = s.notation;
  if (!s.history.editing() || n.stroke.empty()) return;
  if (std::find(n.stroke.begin(), n.stroke.end(), r) != n.stroke.end()) return;
  n.stroke.push_back(r);
  apply_stroke(s);
}

void begin_rider_stroke(EditorState& s, RiderCell c) {
  if (!s.history.has_document()) return;
  NotationUi& n = s.notation;
  n.stroke.clear();
  n.rider_stroke = {c};
  n.before_stroke = s.history.doc();
  s.history.begin(stroke_label(s));
  apply_stroke(s);
}

void extend_rider_stroke(EditorState& s, RiderCell c) {
  NotationUi& n = s.notation;
  if (!s.history.editing() || n.rider_stroke.empty()) return;
  if (std::find(n.rider_stroke.begin(), n.rider_stroke.end(), c) != n.rider_stroke.end()) return;
  n.rider_stroke.push_back(c);
  apply_stroke(s);
}

bool end_stroke(EditorState& s) {
  NotationUi& n = s.notation;
  if (n.stroke.empty() && n.rider_stroke.empty()) return false;
  n.stroke.clear();
  n.rider_stroke.clear();
  const bool changed = finish_interaction(s);
  if (changed && n.page != NotationUi::Page::garments) say_consent_reach(s, n.before_stroke);
  n.before_stroke = Document();
  return changed;
}

bool paint(EditorState& s, const std::vector<Region>& regions) {
  if (regions.empty()) return false;
  begin_stroke(s, regions.front());
  for (std::size_t i = 1; i < regions.size(); ++i) extend_stroke(s, regions[i]);
  return end_stroke(s);
}

}  // namespace cs::editor
