// sheet.cpp — each audience's sheet from its view (see sheet.hpp).
//
// [SECTION] Words
// [SECTION] Revision marks
// [SECTION] Shared sections
// [SECTION] Performer's beat sheet
// [SECTION] Director's masking sheet
// [SECTION] Costume sheet
// [SECTION] AD sheet
// [SECTION] The sheet
#include "notation/sheet.hpp"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <set>

#include "notation/consent.hpp"
#include "notation/diff.hpp"
#include "notation/edits.hpp"
#include "notation/lens.hpp"
#include "notation/lined.hpp"
#include "notation/masking.hpp"
#include "notation/otio_export.hpp"  // finding_in_beat
#include "notation/phrasing.hpp"
#include "notation/stage.hpp"
#include "notation/timeline.hpp"

namespace cs {

namespace {

// ---------------------------------------------------------------------------
// [SECTION] Words

std::string seconds_text(const Document& d, double count) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", (count - d.first_count()) * d.seconds_per_count());
  return buf;
}

std::string beat_title(const Beat& b) { return b.id + (b.label.empty() ? "" : " " + b.label); }

// "5 to 9 (4 counts, 6.3 s to 11.3 s)"
std::string counts_words(const Document& d, const Beat& b) {
  return count_label(b.start_count) + " to " + count_label(b.end_count()) + " (" + counts_text(b.length_counts) +
         ", " + seconds_text(d, b.start_count) + " to " +
         seconds_text(d, b.end_count()) + ")";
}

std::string camera_height_and_tilt(const Camera& c) {
  const double dx = c.target[0] - c.position[0], dy = c.target[1] - c.position[1], dz = c.target[2] - c.position[2];
  const double tilt = std::atan2(dy, std::sqrt(dx * dx + dz * dz)) * 180.0 / 3.14159265358979323846;
  return number_text(std::round(c.position[1] * 100) / 100) + " m high, tilted " +
         (std::abs(tilt) < 0.5 ? std::string("level") : number_text(std::round(std::abs(tilt))) + "° " +
                                                            (tilt < 0 ? "down" : "up"));
}

std::string region_text(Region r) { return std::string(region_label(r)); }

std::string eyeline_words(const Document& d, const Eyeline& e) {
  if (!e.target.performer.empty())
    return e.target.region ? possessive(display_name(d, e.target.performer)) + " " + region_text(*e.target.region)
                           : display_name(d, e.target.performer);
  if (!e.target.camera.empty()) return "the lens of camera " + e.target.camera;
  if (e.target.point) return "a point in the room";
  return "nothing named";
}

std::string state_words(BoundaryState s, const std::string& conditions) {
  switch (effective_state(s, conditions)) {
    case BoundaryState::yes: return "yes";
    case BoundaryState::conditional: return "yes, with conditions";
    case BoundaryState::ask: return "ask each time";
    case BoundaryState::no: return "no";
  }
  return "no";
}

std::string partners_words(const Document& d, const std::vector<std::string>& partners) {
  return partners.empty() ? std::string("any partner") : performer_names(d, partners, "or");
}

std::string kinds_words(const std::vector<ContactKind>& kinds) {
  if (kinds.empty()) return "any kind";
  std::vector<std::string> w;
  for (ContactKind k : kinds) w.push_back(std::string(vocab_label(k)));
  return join_list(w, "or");
}

SheetTable body_map_table(const Document& d, const Performer& p, bool own) {
  SheetTable t;
  t.columns = {"", "Region", "With", "Contact", "Most exposed layer", "Agreed", "Conditions"};
  for (const Boundary& b : p.boundaries) {
    const std::string who = own ? "You" : display_name(p);
    t.rows.push_back({who + (b.direction == Direction::receive ? " receive" : " give") + (own ? "" : "s"),
                      region_text(b.region), partners_words(d, b.partners), kinds_words(b.contact), layer_words(b.layer),
                      state_words(b.state, b.conditions), b.conditions});
  }
  t.row_beats.assign(t.rows.size(), "");
  t.row_revised.assign(t.rows.size(), false);
  t.row_alert.assign(t.rows.size(), false);
  return t;
}

void finish(SheetTable& t) {
  t.row_beats.resize(t.rows.size());
  t.row_revised.resize(t.rows.size(), false);
  t.row_alert.resize(t.rows.size(), false);
}

// ---------------------------------------------------------------------------
// [SECTION] Revision marks
//
// The version the reader compares with: a performer's latest confirmation;
// for everyone else the latest issued version before the current one. Beats
// the diff (notation/diff.hpp, without re-masking) names are revised.

struct Revisions {
  int since = 0;
  std::set<std::string> beats;
};

Revisions revisions(const AudienceView& v) {
  Revisions r;
  const Document& d = v.doc;
  const int current = d.choreography.version;
  if (v.audience.kind == AudienceKind::performer) {
    for (const Confirmation& c : d.choreography.confirmations)
      if (c.performer == v.audience.performer && c.version < current) r.since = std::max(r.since, c.version);
  } else {
    for (const ChoreographyVersion& h : d.choreography.history)
      if (h.version < current) r.since = std::max(r.since, h.version);
  }
  if (r.since == 0) return r;
  const ChoreographyVersion* before = nullptr;
  for (const ChoreographyVersion& h : d.choreography.history)
    if (h.version == r.since) before = &h;
  if (!before) {
    r.since = 0;
    return r;
  }
  DiffOptions o;
  o.exposure = false;
  const ChoreographyDiff diff = diff_versions(*before, snapshot_of(d, "", ""), d, o);
  for (const Change& c : diff.changes)
    if (!c.beat.empty() && d.beat(c.beat)) r.beats.insert(c.beat);
  return r;
}

// ---------------------------------------------------------------------------
// [SECTION] Shared sections

SheetSection safety_section(const Document& d) {
  SheetSection s;
  s.anchor = "safety";
  s.title = "Pause word";
  s.facts.push_back({"Pause word", pause_word_text(d.safety)});
  s.facts.push_back({"Response", d.safety.response.empty() ? std::string("not agreed yet") : "\"" + d.safety.response + "\""});
  s.lines.push_back("Anyone may say the pause word at any moment, in rehearsal or in a take: everything stops at once, "
                    "and nobody asks why.");
  return s;
}

SheetSection left_out_section(const AudienceView& v) {
  SheetSection s;
  s.anchor = "left-out";
  s.title = "What this sheet leaves out";
  for (const std::string& l : v.left_out) s.lines.push_back(l);
  return s;
}

SheetTable beat_list_base(const Document& d, const Revisions& rev) {
  SheetTable t;
  t.columns = {"beat", "start_count", "count_label", "length_counts", "end_count", "start_s", "end_s", "label",
               "action", "placeholder", "revised"};
  for (const Beat& b : d.choreography.beats) {
    const bool revised = rev.beats.count(b.id) > 0;
    t.rows.push_back({b.id, exact_number_text(b.start_count), count_label(b.start_count),
                      exact_number_text(b.length_counts), exact_number_text(b.end_count()),
                      number_text((b.start_count - d.first_count()) * d.seconds_per_count()),
                      number_text((b.end_count() - d.first_count()) * d.seconds_per_count()), b.label, b.action,
                      b.placeholder ? "yes" : "no", revised ? "yes" : "no"});
    t.row_beats.push_back(b.id);
    t.row_revised.push_back(revised);
  }
  return t;
}

void add_column(SheetTable& t, const std::string& name, const std::vector<std::string>& per_row) {
  t.columns.push_back(name);
  for (std::size_t i = 0; i < t.rows.size(); ++i) t.rows[i].push_back(i < per_row.size() ? per_row[i] : "");
}

std::string garment_changes_words(const Document& d, const Beat& b, const std::string& only_wearer = "") {
  std::vector<std::string> w;
  for (const GarmentChange& c : b.garment_changes) {
    const Garment* g = d.garment(c.garment);
    if (!g || (!only_wearer.empty() && g->wearer != only_wearer)) continue;
    w.push_back(display_name(*g) + (c.worn ? " goes on" : " comes off"));
  }
  return join_list(w);
}

// "b01 to b03, b07": runs of consecutive beats.
std::string beat_runs(const Document& d, const std::vector<bool>& in) {
  const auto& beats = d.choreography.beats;
  std::vector<std::string> runs;
  for (std::size_t i = 0; i < beats.size();) {
    if (!in[i]) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < beats.size() && in[j + 1]) ++j;
    runs.push_back(i == j ? beats[i].id : beats[i].id + " to " + beats[j].id);
    i = j + 1;
  }
  return runs.empty() ? std::string("none") : join_list(runs);
}

// ---------------------------------------------------------------------------
// [SECTION] Performer's beat sheet

std::string contact_words(const Document& d, const Contact& c, const std::string& me) {
  const std::string layer = layer_words(c.layer) +
                            (c.garment.empty() ? "" : " (" + (d.garment(c.garment) ? display_name(*d.garment(c.garment)) : c.garment) + ")") +
                            (c.barrier.empty() ? "" : " (" + (d.prop(c.barrier) ? display_name(*d.prop(c.barrier)) : c.barrier) + ")");
  const std::string how = std::string(vocab_label(c.kind)) + ", " + layer + ", " + std::string(vocab_label(c.pressure)) + " pressure";
  if (c.giver == me)
    return "You give: your " + region_text(c.with) + " to " + possessive(display_name(d, c.receiver)) + " " +
           region_text(c.region) + " — " + how;
  return "You receive: " + possessive(display_name(d, c.giver)) + " " + region_text(c.with) + " on your " +
         region_text(c.region) + " — " + how;
}

std::string short_contact(const Document& d, const Contact& c, const std::string& me) {
  if (c.giver == me) return region_text(c.with) + " > " + display_name(d, c.receiver) + " " + region_text(c.region);
  return display_name(d, c.giver) + " " + region_text(c.with) + " > " + region_text(c.region);
}

void performer_sheet(const AudienceView& v, const Revisions& rev, Sheet& sheet) {
  const Document& d = v.doc;
  const std::string& me = v.audience.performer;
  const Performer& p = *d.performer(me);
  sheet.header.kind = "Beat sheet";

  SheetSection safety = safety_section(d);
  for (const CheckIn& c : v.check_ins)
    safety.links.push_back({"Check-in before every run of " + c.beat + ": the IC asks you first", "beat-" + c.beat});
  sheet.sections.push_back(std::move(safety));

  // The count score.
  SheetSection score;
  score.anchor = "score";
  score.title = "Count score";
  SheetScore sc;
  sc.first = d.first_count();
  sc.last = d.last_count();
  ScoreRow beats{"beats", {}}, gives{"you give", {}}, receives{"you receive", {}}, breath{"breath", {}},
      eyes{"eyes", {}};
  for (const Beat& b : d.choreography.beats) {
    beats.marks.push_back({b.start_count, b.end_count(), b.id});
    std::vector<std::string> g, r, e;
    for (const Contact& c : b.contacts) (c.giver == me ? g : r).push_back(short_contact(d, c, me));
    for (const Eyeline& y : b.eyelines) e.push_back(eyeline_words(d, y));
    // "; " between contacts: a region list inside one already says "and".
    auto listed = [](const std::vector<std::string>& items) {
      std::string out;
      for (const std::string& i : items) out += (out.empty() ? "" : "; ") + i;
      return out;
    };
    if (!g.empty()) gives.marks.push_back({b.start_count, b.end_count(), listed(g)});
    if (!r.empty()) receives.marks.push_back({b.start_count, b.end_count(), listed(r)});
    if (!e.empty()) eyes.marks.push_back({b.start_count, b.end_count(), listed(e)});
    for (const BreathNote& n : b.breath) breath.marks.push_back({n.count, n.count, std::string(vocab_label(n.cue))});
  }
  sc.rows = {beats, gives, receives, breath, eyes};
  score.score = std::move(sc);
  score.lines.push_back("Counted in " + bar_length_words() + " at " + number_text(d.choreography.tempo_bpm) + " bpm; \"&\" marks the half count.");
  sheet.sections.push_back(std::move(score));

  // Agreements.
  SheetSection mine;
  mine.anchor = "your-agreements";
  mine.title = "Your agreements";
  mine.lines.push_back("Your body map: what you agreed to receive, and to give. A region not listed is not discussed, "
                       "which counts as no.");
  mine.table = body_map_table(d, p, true);
  sheet.sections.push_back(std::move(mine));
  SheetSection rider;
  rider.level = 2;
  rider.anchor = "your-rider";
  rider.title = "Your nudity rider";
  for (const Exposure& e : p.exposure) {
    std::vector<std::string> views;
    for (View w : e.views) views.push_back(view_words(w));
    rider.lines.push_back(region_words(e.regions) + ": " + state_words(e.state, e.conditions) + (views.empty() ? "" : ", from " + join_list(views, "or")) +
                          (e.conditions.empty() ? "" : "; conditions: " + e.conditions));
  }
  if (p.exposure.empty()) rider.lines.push_back("No rider lines: no bare skin of an intimate region may read on camera.");
  for (const TierRaise& t : p.tiers)
    rider.lines.push_back("You hold your " + region_text(t.region) + " as " + std::string(vocab_label(t.tier)) + ".");
  sheet.sections.push_back(std::move(rider));
  for (const Performer& other : d.performers) {
    if (other.id == me || other.boundaries.empty()) continue;
    SheetSection s;
    s.level = 2;
    s.anchor = "lines-" + other.id;
    s.title = possessive(display_name(other)) + " lines for contact with you";
    s.lines.push_back("Only the lines of " + possessive(display_name(other)) +
                      " body map that govern a contact between the two of you.");
    s.table = body_map_table(d, other, false);
    sheet.sections.push_back(std::move(s));
  }

  // Cameras.
  SheetSection cams;
  cams.anchor = "cameras";
  cams.title = "Cameras";
  for (const Camera& c : d.cameras)
    cams.lines.push_back("Camera " + c.id + (c.label.empty() ? "" : " (" + c.label + ")") + ": " +
                         lens_label(c, c.focal_mm) + ", " + camera_height_and_tilt(c) +
                         (c.moves.empty() ? "" : "; it moves (" + plural(static_cast<long long>(c.moves.size()), "mark") + ")"));
  sheet.sections.push_back(std::move(cams));

  // Beat by beat.
  SheetSection part;
  part.anchor = "beats";
  part.title = "Beat by beat";
  sheet.sections.push_back(std::move(part));
  std::vector<std::string> col_contacts, col_terms, col_garments, col_checkin;
  for (const Beat& b : d.choreography.beats) {
    SheetSection s;
    s.level = 2;
    s.anchor = "beat-" + b.id;
    s.title = beat_title(b);
    s.beat = b.id;
    s.revised = rev.beats.count(b.id) > 0;
    s.facts.push_back({"Counts", counts_words(d, b)});
    if (!b.action.empty()) s.facts.push_back({"What happens", b.action});
    if (b.placeholder) s.lines.push_back("Placeholder: a stand-in action until this beat is rehearsed.");
    const bool check_in = std::any_of(v.check_ins.begin(), v.check_ins.end(), [&](const CheckIn& c) { return c.beat == b.id; });
    if (check_in) s.lines.push_back("Check-in: the IC asks you before every run of this beat.");
    std::vector<std::string> cs_, ts;
    for (std::size_t i = 0; i < b.contacts.size(); ++i) {
      const Contact& c = b.contacts[i];
      std::string terms = "terms not found";
      for (const ContactTerms& t : v.contact_terms)
        if (t.beat == b.id && t.contact == i) terms = t.sentence();
      s.lines.push_back(contact_words(d, c, me) + ". Terms: " + terms + ".");
      cs_.push_back(short_contact(d, c, me));
      ts.push_back(terms);
    }
    if (b.contacts.empty()) s.lines.push_back("No contact for you in this beat.");
    for (const BreathNote& n : b.breath)
      s.lines.push_back("Breath: " + std::string(vocab_label(n.cue)) + " on count " + count_label(n.count) + ".");
    for (const Eyeline& e : b.eyelines) s.lines.push_back("Eyes: " + eyeline_words(d, e) + ".");
    // Garments: what you wear in this beat, and what goes on or off.
    const std::vector<bool> worn = garments_worn_at(d, b.start_count);
    std::vector<std::string> wearing;
    for (std::size_t g = 0; g < d.garments.size(); ++g)
      if (worn[g] && d.garments[g].wearer == me) wearing.push_back(display_name(d.garments[g]));
    s.lines.push_back("Wearing: " + (wearing.empty() ? std::string("none of your listed garments") : join_list(wearing)) + ".");
    const std::string changes = garment_changes_words(d, b, me);
    if (!changes.empty()) s.lines.push_back("At count " + count_label(b.start_count) + ": " + changes + ".");
    // Where each camera is, seen from you at the start of the beat.
    const Stage stage = evaluate(d, b.start_count);
    const int pi = d.performer_index(me);
    for (const StageCamera& c : stage.cameras) {
      const StagePerformer& sp = stage.performers[std::size_t(pi)];
      const glm::dvec3 cam = c.basis.position;
      const glm::dvec3 pelvis(sp.joints[std::size_t(Joint::pelvis)].position);
      s.lines.push_back("Camera " + c.id + " (" + lens_label(d.cameras[std::size_t(c.index)], c.focal_mm) + ") sees you from " +
                        view_words(view_of(sp, cam)) + ", " + number_text(std::round(glm::length(cam - pelvis) * 10) / 10) +
                        " m away.");
    }
    if (!b.camera_notes.empty()) s.lines.push_back("Camera notes: " + b.camera_notes);
    for (const MaskingNote& m : b.masking)
      s.lines.push_back("Masking agreed for camera " + m.camera + ": your " + region_words(m.regions) + " masked by " +
                        (d.performer(m.by) ? display_name(d, m.by) : d.prop(m.by) ? display_name(*d.prop(m.by)) : m.by) + ".");
    sheet.sections.push_back(std::move(s));
    std::string contacts_cell, terms_cell;
    for (std::size_t i = 0; i < cs_.size(); ++i) {
      contacts_cell += (i ? "; " : "") + cs_[i];
      terms_cell += (i ? "; " : "") + ts[i];
    }
    col_contacts.push_back(contacts_cell);
    col_terms.push_back(terms_cell);
    col_garments.push_back(changes);
    col_checkin.push_back(check_in ? "yes" : "no");
  }
  add_column(sheet.beat_list, "your_contacts", col_contacts);
  add_column(sheet.beat_list, "terms", col_terms);
  add_column(sheet.beat_list, "your_garment_changes", col_garments);
  add_column(sheet.beat_list, "check_in", col_checkin);
}

// ---------------------------------------------------------------------------
// [SECTION] Director's masking sheet

std::string agreement_line(const Document& d, const CameraAgreement& a) {
  const std::string who = display_name(d, a.performer);
  if (!a.agreed) return who + ": not agreed from this view (" + region_words(a.not_agreed) + " reads)";
  if (a.ask_first) return who + ": agreed from this view once confirmed with " + who + " before the take";
  return who + ": agreed from this view";
}

void director_sheet(const AudienceView& v, const Revisions& rev, const SheetOptions& opt, Sheet& sheet) {
  const Document& d = v.doc;
  sheet.header.kind = "Masking sheet";
  sheet.sections.push_back(safety_section(d));
  // One staging per beat, masked by every camera (shot sizes).
  std::vector<std::vector<std::string>> shot(d.cameras.size());
  std::vector<std::string> col_not_agreed, col_findings;
  for (std::size_t ci = 0; ci < d.cameras.size(); ++ci) {
    const Camera& c = d.cameras[ci];
    const LensFrame lf = lens_frame(c);
    SheetSection cs_;
    cs_.anchor = "camera-" + c.id;
    cs_.title = "Camera " + c.id + (c.label.empty() ? "" : " (" + c.label + ")");
    cs_.facts = {{"Lens", number_text(c.focal_mm) + " mm"},
                 {"Sensor", std::string(sensor_size_mm(c.sensor).label) + " (" + number_text(lf.sensor_w_mm) + " × " +
                                number_text(lf.sensor_h_mm) + " mm)"},
                 {"Fit", std::string(vocab_label(c.fit))},
                 {"Aspect", number_text(c.aspect) + " (frame lines " + number_text(std::round(lf.frame_w_mm * 10) / 10) +
                                " × " + number_text(std::round(lf.frame_h_mm * 10) / 10) + " mm)"},
                 {"Field of view", number_text(std::round(lf.hfov_deg * 10) / 10) + "° across, " +
                                       number_text(std::round(lf.vfov_deg * 10) / 10) + "° down"},
                 {"Height and tilt", camera_height_and_tilt(c)}};
    if (!c.moves.empty()) cs_.facts.push_back({"Moves", plural(static_cast<long long>(c.moves.size()), "mark")});
    sheet.sections.push_back(std::move(cs_));
  }
  std::vector<SheetSection> beat_sections;
  for (const Beat& b : d.choreography.beats) {
    const Stage stage = evaluate(d, b.start_count);
    MaskingOptions mo;
    const std::vector<CameraMasking> masks = mask_all(stage, mo);
    for (std::size_t ci = 0; ci < d.cameras.size(); ++ci) shot[ci].push_back(std::string(shot_size_name(masks[ci].shot)));
  }
  // Camera parts come first in the outline: camera → beat.
  std::vector<SheetSection> ordered;
  std::size_t next_camera = 1;  // after the safety section
  for (std::size_t ci = 0; ci < d.cameras.size(); ++ci) {
    const Camera& c = d.cameras[ci];
    ordered.push_back(sheet.sections[next_camera++]);
    for (std::size_t bi = 0; bi < d.choreography.beats.size(); ++bi) {
      const Beat& b = d.choreography.beats[bi];
      SheetSection s;
      s.level = 2;
      s.anchor = "camera-" + c.id + "-" + b.id;
      s.title = c.id + " · " + beat_title(b);
      s.beat = b.id;
      s.revised = rev.beats.count(b.id) > 0;
      s.facts.push_back({"Counts", counts_words(d, b)});
      s.facts.push_back({"Shot size", shot[ci][bi]});
      if (!b.action.empty()) s.facts.push_back({"What happens", b.action});
      if (opt.stills) s.still = SheetStill{int(ci), b.start_count, opt.still_overlay};
      for (const CameraAgreement& a : v.camera_agreements)
        if (a.beat == b.id && a.camera == c.id) s.lines.push_back("Consent: " + agreement_line(d, a) + ".");
      for (const MaskingNote& m : b.masking) {
        if (m.camera != c.id) continue;
        bool holds = true, fragile = false;
        for (const Finding& f : v.findings) {
          if (f.camera != c.id || f.performer != m.performer || !finding_in_beat(b, f)) continue;
          if (f.code == FindingCode::masking_intent) holds = false;
          if (f.code == FindingCode::masking_fragile) fragile = true;
        }
        const std::string by = d.performer(m.by) ? display_name(d, m.by) : d.prop(m.by) ? display_name(*d.prop(m.by)) : m.by;
        s.lines.push_back("Masking note: " + possessive(display_name(d, m.performer)) + " " + region_words(m.regions) +
                          " masked by " + by + ": " + (!holds ? "does not hold" : fragile ? "holds, but fragile" : "holds") + ".");
      }
      for (const Finding& f : v.findings)
        if ((f.camera == c.id || f.camera.empty()) && finding_in_beat(b, f))
          s.lines.push_back(std::string(severity_name(f.severity)) + ": " + f.message + ".");
      if (!b.camera_notes.empty()) s.lines.push_back("Camera notes: " + b.camera_notes);
      ordered.push_back(std::move(s));
    }
  }
  ordered.insert(ordered.begin(), sheet.sections.front());
  sheet.sections = std::move(ordered);

  SheetSection findings;
  findings.anchor = "findings";
  findings.title = "Findings";
  if (v.findings.empty()) findings.lines.push_back("None: every beat holds from every camera.");
  for (const Finding& f : v.findings) {
    const std::string cam = f.camera.empty() ? (d.cameras.empty() ? "" : d.cameras.front().id) : f.camera;
    std::string beat = f.beat;
    if (beat.empty())
      if (const Beat* b = beat_at(d, f.from_count)) beat = b->id;
    const std::string where = (beat.empty() ? "" : beat + ", ") + (f.camera.empty() ? "" : "camera " + f.camera + ", ") +
                              count_span_words(f.from_count, f.to_count);
    findings.links.push_back({std::string(severity_name(f.severity)) + " (" + where + "): " + f.message,
                              beat.empty() || cam.empty() ? "" : "camera-" + cam + "-" + beat});
  }
  sheet.sections.push_back(std::move(findings));

  for (const Beat& b : d.choreography.beats) {
    std::vector<std::string> na;
    int n = 0;
    for (const CameraAgreement& a : v.camera_agreements)
      if (a.beat == b.id && !a.agreed) na.push_back(a.camera + ": " + display_name(d, a.performer) + " " + region_words(a.not_agreed));
    for (const Finding& f : v.findings) n += finding_in_beat(b, f) ? 1 : 0;
    col_not_agreed.push_back(na.empty() ? "" : "not agreed from this view: " + join_list(na));
    col_findings.push_back(std::to_string(n));
  }
  for (std::size_t ci = 0; ci < d.cameras.size(); ++ci) add_column(sheet.beat_list, "shot_" + d.cameras[ci].id, shot[ci]);
  add_column(sheet.beat_list, "consent", col_not_agreed);
  add_column(sheet.beat_list, "findings", col_findings);
}

// ---------------------------------------------------------------------------
// [SECTION] Costume sheet

void costume_sheet(const AudienceView& v, const Revisions& rev, Sheet& sheet) {
  const Document& d = v.doc;
  sheet.header.kind = "Costume sheet";
  const auto& beats = d.choreography.beats;
  for (const Performer& p : d.performers) {
    SheetSection s;
    s.anchor = "performer-" + p.id;
    s.title = display_name(p) + (p.actor.empty() ? "" : " (" + p.actor + ")");
    SheetTable t;
    t.columns = {"Garment", "Kind", "Covers", "On camera", "At the top", "On and off", "Worn in beats"};
    for (std::size_t gi = 0; gi < d.garments.size(); ++gi) {
      const Garment& g = d.garments[gi];
      if (g.wearer != p.id) continue;
      std::vector<std::string> changes;
      std::vector<bool> in(beats.size());
      for (std::size_t bi = 0; bi < beats.size(); ++bi) {
        in[bi] = garments_worn_at(d, beats[bi].start_count)[gi];
        for (const GarmentChange& c : beats[bi].garment_changes)
          if (c.garment == g.id)
            changes.push_back(std::string(c.worn ? "on" : "off") + " at " + count_label(beats[bi].start_count) + " (" +
                              beats[bi].id + ")");
      }
      t.rows.push_back({name_and_id(g), std::string(vocab_label(g.kind)), region_words(g.covers),
                        g.camera == GarmentCamera::hidden ? "must not read" : "may be seen", g.worn ? "worn" : "not worn",
                        changes.empty() ? "no change" : join_list(changes), beat_runs(d, in)});
    }
    if (t.rows.empty()) s.lines.push_back("No garments listed.");
    finish(t);
    s.table = std::move(t);
    for (const Prop& pr : d.props)
      if (pr.barrier && pr.owner == p.id) {
        std::vector<bool> used(beats.size());
        for (std::size_t bi = 0; bi < beats.size(); ++bi)
          for (const Contact& c : beats[bi].contacts) used[bi] = used[bi] || c.barrier == pr.id;
        s.lines.push_back("Barrier: " + display_name(pr) + " (" + pr.id + "), used in " + beat_runs(d, used) + ".");
      }
    sheet.sections.push_back(std::move(s));
  }
  SheetSection changes;
  changes.anchor = "changes";
  changes.title = "Changes, beat by beat";
  SheetTable t;
  t.columns = {"Beat", "Count", "Seconds", "Change"};
  std::vector<std::string> col;
  for (const Beat& b : beats) {
    const std::string w = garment_changes_words(d, b);
    col.push_back(w);
    if (w.empty()) continue;
    t.rows.push_back({beat_title(b), count_label(b.start_count), seconds_text(d, b.start_count), w});
    t.row_beats.push_back(b.id);
    t.row_revised.push_back(rev.beats.count(b.id) > 0);
  }
  if (t.rows.empty()) changes.lines.push_back("No garment goes on or off during the scene.");
  changes.table = std::move(t);
  sheet.sections.push_back(std::move(changes));
  SheetSection f;
  f.anchor = "findings";
  f.title = "Garment findings";
  if (v.findings.empty()) f.lines.push_back("None.");
  for (const Finding& x : v.findings)
    f.lines.push_back(std::string(severity_name(x.severity)) + " (" + (x.beat.empty() ? "" : x.beat + ", ") +
                      count_span_words(x.from_count, x.to_count) + "): " + x.message + ".");
  sheet.sections.push_back(std::move(f));
  add_column(sheet.beat_list, "garment_changes", col);
}

// ---------------------------------------------------------------------------
// [SECTION] AD sheet

void ad_sheet(const AudienceView& v, const Revisions& rev, Sheet& sheet) {
  const Document& d = v.doc;
  sheet.header.kind = "AD sheet";
  sheet.sections.push_back(safety_section(d));
  SheetSection ci;
  ci.anchor = "check-ins";
  ci.title = "Check-ins before every run";
  SheetTable ct;
  ct.columns = {"Beat", "Counts", "Check in with"};
  std::vector<std::string> col(d.choreography.beats.size());
  for (const CheckIn& c : v.check_ins) {
    const Beat* b = d.beat(c.beat);
    if (!b) continue;
    std::vector<std::string> names;
    for (const std::string& id : c.performers) names.push_back(display_name(d, id));
    ct.rows.push_back({beat_title(*b), count_label(b->start_count) + " to " + count_label(b->end_count()), join_list(names)});
    ct.row_beats.push_back(b->id);
    ct.row_revised.push_back(rev.beats.count(b->id) > 0);
    col[std::size_t(b - d.choreography.beats.data())] = join_list(names);
  }
  if (ct.rows.empty()) ci.lines.push_back("None: no beat is agreed as ask.");
  ci.table = std::move(ct);
  sheet.sections.push_back(std::move(ci));

  SheetSection tm;
  tm.anchor = "timings";
  tm.title = "Timings";
  tm.lines.push_back(number_text(d.choreography.tempo_bpm) + " counts a minute; one count is " +
                     number_text(std::round(d.seconds_per_count() * 100) / 100) + " s.");
  SheetTable tt;
  tt.columns = {"Beat", "Counts", "Length", "From", "To", "Placeholder"};
  for (const Beat& b : d.choreography.beats) {
    tt.rows.push_back({beat_title(b), count_label(b.start_count) + " to " + count_label(b.end_count()),
                       counts_text(b.length_counts), seconds_text(d, b.start_count),
                       seconds_text(d, b.end_count()), b.placeholder ? "yes" : ""});
    tt.row_beats.push_back(b.id);
    tt.row_revised.push_back(rev.beats.count(b.id) > 0);
  }
  tm.table = std::move(tt);
  sheet.sections.push_back(std::move(tm));

  SheetSection cams;
  cams.anchor = "cameras";
  cams.title = "Cameras";
  SheetTable cam;
  cam.columns = {"Camera", "Lens", "Height and tilt", "Moves"};
  for (const Camera& c : d.cameras)
    cam.rows.push_back({c.id + (c.label.empty() ? "" : " (" + c.label + ")"), lens_label(c, c.focal_mm),
                        camera_height_and_tilt(c), c.moves.empty() ? "static" : plural(static_cast<long long>(c.moves.size()), "mark")});
  finish(cam);
  cams.table = std::move(cam);
  sheet.sections.push_back(std::move(cams));

  SheetSection conf;
  conf.anchor = "confirmations";
  conf.title = "Confirmations";
  for (const Confirmation& c : d.choreography.confirmations)
    conf.lines.push_back(display_name(d, c.performer) + " confirmed version " + std::to_string(c.version) +
                         (c.date.empty() ? "" : " on " + c.date) + (c.saw_sheet ? ", having seen their sheet" : "") +
                         (c.version == d.choreography.version ? "" : " (not the current version)") + ".");
  for (const Performer& p : d.performers)
    if (std::none_of(d.choreography.confirmations.begin(), d.choreography.confirmations.end(),
                     [&](const Confirmation& c) { return c.performer == p.id; }))
      conf.lines.push_back(display_name(p) + " has confirmed no version yet.");
  sheet.sections.push_back(std::move(conf));
  add_column(sheet.beat_list, "check_in_with", col);
}

// ---------------------------------------------------------------------------
// [SECTION] Continuity sheet (the script supervisor's and the IC's log)

// A lined-choreography cell: one mark per performer, in the cast's order.
std::string lined_cell(const std::vector<OnScreen>& row) {
  std::string s;
  for (OnScreen o : row) s += o == OnScreen::seen ? "\u2503" : o == OnScreen::hidden ? "\u2506" : "\u2240";  // ┃ ┆ ≀
  return s;
}

// What a consent deviation's note becomes on a continuity sheet: the view has
// emptied it (notation/audience.cpp), and the sheet says who holds it.
const std::string kConsentNoteWords = "CONSENT: see the IC";

const std::string kConsentKindWords = "CONSENT";

// The beats a take's consent deviations are in, in the order noted.
std::vector<std::string> consent_beats(const Take& t) {
  std::vector<std::string> beats;
  for (const Deviation& dv : t.deviations)
    if (dv.kind == DeviationKind::consent) beats.push_back(dv.beat);
  return beats;
}

// "2", "2, 1 CONSENT (b02)": a take's deviations on the take log.
std::string deviation_count_words(const Take& t) {
  const std::vector<std::string> consent = consent_beats(t);
  std::string s = std::to_string(t.deviations.size());
  if (!consent.empty()) s += ", " + std::to_string(consent.size()) + " " + kConsentKindWords + " (" + join_list(consent) + ")";
  return s;
}

// A deviation in a few words: "b04 timing: the kiss came early", "b02 CONSENT:
// see the IC", "b05 (beat removed in v4) garment: …".
std::string deviation_words(const Deviation& dv) {
  const bool consent = dv.kind == DeviationKind::consent;
  std::string s = dv.beat;
  if (dv.beat_removed_in > 0) s += " (beat removed in v" + std::to_string(dv.beat_removed_in) + ")";
  if (consent) return s + " " + kConsentNoteWords;  // "CONSENT: see the IC", never the note
  if (dv.kind) s += " " + std::string(vocab_label(*dv.kind));
  return dv.note.empty() ? s : s + ": " + dv.note;
}

// The take log as the script supervisor's CSV: one row per take, in the order
// logged, its deviations in one cell, and a column that names the beats of its
// consent deviations (empty when none), so a filter on it finds them all.
SheetTable take_log_csv(const Document& d) {
  SheetTable t;
  t.columns = {"scene", "setup", "take", "date", "camera", "lens_mm", "status", "version", "note", "deviations",
               "consent_deviations"};
  for (const Take& k : d.takes) {
    const Camera* cam = d.camera(k.camera);
    const double lens = k.lens_mm ? *k.lens_mm : cam ? cam->focal_mm : 0;
    std::vector<std::string> devs;
    for (const Deviation& dv : k.deviations) devs.push_back(deviation_words(dv));
    const std::vector<std::string> consent = consent_beats(k);
    std::string dev_cell, consent_cell;
    for (const std::string& x : devs) dev_cell += (dev_cell.empty() ? "" : "; ") + x;
    if (!consent.empty()) consent_cell = join_list(consent) + " " + kConsentNoteWords;
    t.rows.push_back({d.scene.number, k.setup, std::to_string(k.number), k.date, k.camera, lens > 0 ? number_text(lens) : "",
                      std::string(vocab_label(k.status)), std::to_string(k.choreography_version), k.note, dev_cell,
                      consent_cell});
  }
  finish(t);
  for (std::size_t i = 0; i < d.takes.size(); ++i) t.row_alert[i] = !consent_beats(d.takes[i]).empty();
  return t;
}

void continuity_sheet(const AudienceView& v, const Revisions& rev, const SheetOptions& opt, Sheet& sheet) {
  const Document& d = v.doc;
  const int current = d.choreography.version;
  sheet.header.kind = "Continuity sheet";

  SheetSection ver;
  ver.anchor = "version";
  ver.title = "The version in force";
  ver.facts.push_back({"Version", std::to_string(current) + " (" + std::string(vocab_label(d.choreography.status)) + ")"});
  for (const ChoreographyVersion& h : d.choreography.history)
    ver.lines.push_back("Version " + std::to_string(h.version) + (h.date.empty() ? "" : ", " + h.date) +
                        (h.summary.empty() ? "" : ": " + h.summary));
  for (const Confirmation& c : d.choreography.confirmations)
    ver.lines.push_back(display_name(d, c.performer) + " confirmed version " + std::to_string(c.version) +
                        (c.date.empty() ? "" : " on " + c.date) + (c.saw_sheet ? ", having seen their sheet" : "") +
                        (c.version == current ? "" : " (not the version in force)") + ".");
  // Consent deviations first, before the version and the log: nobody reads past one.
  SheetSection alert;
  alert.anchor = "consent-deviations";
  alert.alert = true;
  for (const Take& t : d.takes)
    for (const Deviation& dv : t.deviations) {
      if (dv.kind != DeviationKind::consent) continue;
      const Beat* b = d.beat(dv.beat);
      alert.lines.push_back("Take " + t.setup + std::to_string(t.number) + " on camera " + t.camera +
                            (t.date.empty() ? "" : ", " + t.date) + ", version " + std::to_string(t.choreography_version) +
                            ": a CONSENT deviation in " + (b ? beat_title(*b) : dv.beat) +
                            (dv.beat_removed_in > 0 ? " (beat removed in v" + std::to_string(dv.beat_removed_in) + ")" : "") +
                            ". What happened stays with the IC: see them before the next take.");
    }
  if (!alert.lines.empty()) {
    alert.title = "CONSENT: " + plural(static_cast<long long>(alert.lines.size()), "consent deviation") + " logged";
    sheet.sections.insert(sheet.sections.begin(), std::move(alert));
  }
  sheet.sections.push_back(std::move(ver));

  SheetSection log;
  log.anchor = "takes";
  log.title = "Take log";
  SheetTable lt;
  lt.columns = {"Take", "Camera", "Lens", "Status", "Version", "Date", "Deviations", "Note"};
  for (const Take& t : d.takes) {
    const Camera* cam = d.camera(t.camera);
    const double lens = t.lens_mm ? *t.lens_mm : cam ? cam->focal_mm : 0;
    lt.rows.push_back({t.setup + std::to_string(t.number), t.camera, lens > 0 ? number_text(lens) + " mm" : "",
                       std::string(vocab_label(t.status)),
                       "v" + std::to_string(t.choreography_version) +
                           (t.choreography_version == current ? "" : " (in force: v" + std::to_string(current) + ")"),
                       t.date, deviation_count_words(t), t.note});
    lt.row_alert.push_back(!consent_beats(t).empty());
  }
  if (lt.rows.empty()) log.lines.push_back("No take logged yet.");
  finish(lt);
  log.table = std::move(lt);
  sheet.sections.push_back(std::move(log));
  sheet.take_log = take_log_csv(d);

  SheetSection dev;
  dev.anchor = "deviations";
  dev.title = "Deviations by beat";
  SheetTable dt;
  dt.columns = {"Beat", "Take", "Kind", "Note"};
  auto add_deviations = [&](const std::string& beat_id, const std::string& title) {
    for (const Take& t : d.takes)
      for (const Deviation& dv : t.deviations) {
        if (dv.beat != beat_id) continue;
        const bool consent = dv.kind == DeviationKind::consent;
        dt.rows.push_back({title + (dv.beat_removed_in > 0 ? " (removed in v" + std::to_string(dv.beat_removed_in) + ")" : ""),
                           t.setup + std::to_string(t.number), consent ? kConsentKindWords : dv.kind ? std::string(vocab_label(*dv.kind)) : "",
                           consent ? kConsentNoteWords : dv.note});
        dt.row_beats.push_back(d.beat(beat_id) ? beat_id : "");
        dt.row_revised.push_back(rev.beats.count(beat_id) > 0);
        dt.row_alert.push_back(consent);
      }
  };
  for (const Beat& b : d.choreography.beats) add_deviations(b.id, beat_title(b));
  std::set<std::string> gone;  // beats the log names that are no longer in the choreography
  for (const Take& t : d.takes)
    for (const Deviation& dv : t.deviations)
      if (!d.beat(dv.beat)) gone.insert(dv.beat);
  for (const std::string& id : gone) add_deviations(id, id);
  if (dt.rows.empty()) dev.lines.push_back("None noted.");
  finish(dt);
  dev.table = std::move(dt);
  sheet.sections.push_back(std::move(dev));

  // The lined choreography: down the beats, a column per setup shot.
  SheetSection lined;
  lined.anchor = "lined";
  lined.title = "Lined choreography";
  LinedOptions lo;
  lo.meshes = opt.meshes;
  const LinedChoreography lc = lined_choreography(d, lo);
  std::vector<std::string> cast;
  for (const Performer& p : d.performers) cast.push_back(display_name(p));
  lined.lines.push_back("Each column is a setup; in each cell one mark per performer (" + join_list(cast) +
                        "): \u2503 seen, \u2506 in frame but hidden, \u2240 out of frame, from the masking engine at " +
                        plural(lo.samples_per_count, "moment") + " a count.");
  if (!lc.setups.empty() && lc.setups.front().planned)
    lined.lines.push_back("No take logged yet: one column per camera, as planned.");
  SheetTable ln;
  ln.columns = {"Beat", "Counts"};
  for (const LinedSetup& s : lc.setups)
    ln.columns.push_back((s.setup.empty() ? std::string() : s.setup + " ") + s.camera + " " + number_text(s.lens_mm) + " mm");
  for (std::size_t bi = 0; bi < d.choreography.beats.size(); ++bi) {
    const Beat& b = d.choreography.beats[bi];
    std::vector<std::string> row = {beat_title(b), count_label(b.start_count) + " to " + count_label(b.end_count())};
    for (const LinedSetup& s : lc.setups) row.push_back(lined_cell(s.beats[bi]));
    ln.rows.push_back(std::move(row));
    ln.row_beats.push_back(b.id);
    ln.row_revised.push_back(rev.beats.count(b.id) > 0);
  }
  lined.table = std::move(ln);
  sheet.sections.push_back(std::move(lined));

  // A still per camera per beat, camera → beat in the outline.
  if (opt.stills)
    for (std::size_t ci = 0; ci < d.cameras.size(); ++ci) {
      const Camera& c = d.cameras[ci];
      SheetSection cs;
      cs.anchor = "camera-" + c.id;
      cs.title = "Camera " + c.id + (c.label.empty() ? "" : " (" + c.label + ")");
      cs.facts.push_back({"Lens", lens_label(c, c.focal_mm)});
      sheet.sections.push_back(std::move(cs));
      for (const Beat& b : d.choreography.beats) {
        SheetSection s;
        s.level = 2;
        s.anchor = "camera-" + c.id + "-" + b.id;
        s.title = c.id + " \u00b7 " + beat_title(b);
        s.beat = b.id;
        s.revised = rev.beats.count(b.id) > 0;
        s.facts.push_back({"Counts", counts_words(d, b)});
        s.still = SheetStill{int(ci), b.start_count, StillOverlay::none};
        sheet.sections.push_back(std::move(s));
      }
    }
}

std::string digest_of(const std::string& text) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a 64
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04x-%04x", unsigned((h >> 48) & 0xffff), unsigned((h >> 32) & 0xffff));
  return buf;
}

void table_text(const SheetTable& t, std::string& s) {
  for (const std::string& c : t.columns) s += c + "\t";
  s += "\n";
  for (const auto& row : t.rows) {
    for (const std::string& c : row) s += c + "\t";
    s += "\n";
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] The sheet

std::string sheet_plain_text(const Sheet& sheet) {
  const SheetHeader& h = sheet.header;
  std::string s = h.kind + "\n" + h.scene_title + "\nScene " + h.scene_number + ", pages " + h.pages + "\nVersion " +
                  std::to_string(h.version) + " (" + h.status + ")\n" + h.date + "\nFor: " + h.for_words + "\n" +
                  h.digest + "\n" + h.tempo + "\n";
  for (const SheetSection& sec : sheet.sections) {
    s += sec.title + (sec.revised ? " [revised]" : "") + (sec.alert ? " [consent]" : "") + "\n";
    for (const auto& [k, val] : sec.facts) s += k + ": " + val + "\n";
    for (const std::string& l : sec.lines) s += l + "\n";
    for (const SheetLink& l : sec.links) s += l.text + "\n";
    if (sec.table) table_text(*sec.table, s);
    if (sec.score)
      for (const ScoreRow& r : sec.score->rows) {
        s += r.label + ":";
        for (const ScoreMark& m : r.marks) s += " " + m.text;
        s += "\n";
      }
  }
  table_text(sheet.beat_list, s);
  if (sheet.take_log) table_text(*sheet.take_log, s);
  for (const std::string& l : sheet.left_out) s += l + "\n";
  return s;
}

const SheetTable& sheet_csv_table(const Sheet& sheet) { return sheet.take_log ? *sheet.take_log : sheet.beat_list; }

std::string header_line(const SheetHeader& h, bool with_for) {
  std::vector<std::string> parts;
  if (!h.scene_number.empty()) parts.push_back("Scene " + h.scene_number);
  if (!h.pages.empty()) parts.push_back((parts.empty() ? "Pages " : "pages ") + h.pages);
  parts.push_back((parts.empty() ? "Version " : "version ") + std::to_string(h.version) +
                  (h.status.empty() ? "" : " (" + h.status + ")"));
  if (!h.date.empty()) parts.push_back(h.date);
  if (with_for && !h.for_words.empty()) parts.push_back("For: " + h.for_words);
  if (!h.digest.empty()) parts.push_back("digest " + h.digest);
  std::string line;
  for (const std::string& p : parts) line += (line.empty() ? "" : " \u00b7 ") + p;
  return line;
}

Sheet build_sheet(const AudienceView& view, const SheetOptions& options) {
  const Document& d = view.doc;
  Sheet sheet;
  sheet.audience = view.audience;
  const Revisions rev = revisions(view);
  SheetHeader& h = sheet.header;
  h.scene_title = d.scene.title;
  h.scene_number = d.scene.number;
  h.pages = d.scene.pages;
  h.version = d.choreography.version;
  h.status = std::string(vocab_label(d.choreography.status));
  h.date = options.date;
  h.for_words = audience_words(d, view.audience);
  h.tempo = number_text(d.choreography.tempo_bpm) + " bpm, counts " + count_label(d.first_count()) + " to " +
            count_label(d.last_count()) + " (" + seconds_text(d, d.last_count()) + ")";
  h.revised_since = rev.since;
  sheet.beat_list = beat_list_base(d, rev);
  switch (view.audience.kind) {
    case AudienceKind::performer: performer_sheet(view, rev, sheet); break;
    case AudienceKind::director: director_sheet(view, rev, options, sheet); break;
    case AudienceKind::costume: costume_sheet(view, rev, sheet); break;
    case AudienceKind::ad: ad_sheet(view, rev, sheet); break;
    case AudienceKind::continuity: continuity_sheet(view, rev, options, sheet); break;
    case AudienceKind::interchange: h.kind = "Beat list"; break;
  }
  if (rev.since > 0)
    sheet.sections.insert(std::find_if(sheet.sections.begin(), sheet.sections.end(), [](const SheetSection& x) { return !x.alert; }),
                          SheetSection{1, "revisions", "Revisions", "", false, {},
                                       {"A bar beside a beat marks a change since version " + std::to_string(rev.since) +
                                        (view.audience.kind == AudienceKind::performer ? ", the version you confirmed" : "") +
                                        " (" + plural(static_cast<long long>(rev.beats.size()), "beat") + " changed)."},
                                       {}, std::nullopt, std::nullopt, std::nullopt, false});
  sheet.sections.push_back(left_out_section(view));
  sheet.left_out = view.left_out;
  // The digest is of the content, not of the day it was printed.
  h.digest = "";
  h.date = "";
  h.digest = digest_of(sheet_plain_text(sheet));
  h.date = options.date;
  return sheet;
}

}  // namespace cs
