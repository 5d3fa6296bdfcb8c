// audience.cpp — the privacy filter (see audience.hpp for who sees what).
//
// Built as "keep only what is allowed": each view starts from a copy of the
// document and empties, per performer, every private field the audience may
// not read; what an audience may know that is derived from a private field
// (the terms of a contact, agreed / not agreed from a view) is worded here from
// states and codes, so the writers never need the private fields.
//
// [SECTION] Audiences
// [SECTION] Redaction
// [SECTION] Findings in an audience's words
// [SECTION] The view
#include "notation/audience.hpp"

#include <algorithm>
#include <set>

#include "notation/checks.hpp"
#include "notation/consent.hpp"
#include "notation/otio_export.hpp"
#include "notation/phrasing.hpp"

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] Audiences

std::optional<Audience> parse_audience(const Document& doc, std::string_view text, std::string& why) {
  Audience a;
  if (text == "director") a.kind = AudienceKind::director;
  else if (text == "costume") a.kind = AudienceKind::costume;
  else if (text == "ad") a.kind = AudienceKind::ad;
  else if (text == "continuity") a.kind = AudienceKind::continuity;
  else if (text == "interchange") a.kind = AudienceKind::interchange;
  else if (text.substr(0, 10) == "performer:") {
    a.kind = AudienceKind::performer;
    a.performer = std::string(text.substr(10));
    if (!doc.performer(a.performer)) {
      std::vector<std::string> ids;
      for (const Performer& p : doc.performers) ids.push_back(p.id);
      why = "no performer '" + a.performer + "' in the scene (performers: " + (ids.empty() ? "none" : join_list(ids)) +
            ")";
      return std::nullopt;
    }
  } else {
    // Name the performers this scene has, so "--for performer" or "--for ana" shows what to write.
    std::vector<std::string> ids;
    for (const Performer& p : doc.performers) ids.push_back("performer:" + p.id);
    why = "'" + std::string(text) + "' is not an audience: use performer:ID" +
          (ids.empty() ? std::string() : " (here " + join_list(ids, "or") + ")") + ", director, costume, ad or continuity";
    return std::nullopt;
  }
  return a;
}

std::string audience_id(const Audience& a) {
  switch (a.kind) {
    case AudienceKind::performer: return "performer:" + a.performer;
    case AudienceKind::director: return "director";
    case AudienceKind::costume: return "costume";
    case AudienceKind::ad: return "ad";
    case AudienceKind::continuity: return "continuity";
    case AudienceKind::interchange: return "interchange";
  }
  return "interchange";
}

std::string audience_words(const Document& doc, const Audience& a) {
  switch (a.kind) {
    case AudienceKind::performer: {
      const Performer* p = doc.performer(a.performer);
      if (!p) return a.performer;
      return p->actor.empty() ? display_name(*p) : display_name(*p) + " (" + p->actor + ")";
    }
    case AudienceKind::director: return "the director and DP";
    case AudienceKind::costume: return "the costume department";
    case AudienceKind::ad: return "the AD team";
    case AudienceKind::continuity: return "the script supervisor and the IC";
    case AudienceKind::interchange: return "interchange (3D and editing tools)";
  }
  return "";
}

std::string_view agreement_words(AgreementWords w) {
  switch (w) {
    case AgreementWords::agreed: return "agreed";
    case AgreementWords::agreed_with_conditions: return "agreed, with conditions";
    case AgreementWords::ask_each_time: return "agreed, asking first before every run";
    case AgreementWords::not_agreed: return "not agreed: do not run it; talk to the IC";
  }
  return "";
}

std::string ContactTerms::sentence() const {
  std::string s(agreement_words(words));
  if (!conditions.empty()) {
    std::string joined;
    for (const std::string& c : conditions) joined += (joined.empty() ? "" : "; ") + c;
    s += (words == AgreementWords::agreed_with_conditions ? ": " : "; conditions: ") + joined;
  }
  return s;
}

// ---------------------------------------------------------------------------
// [SECTION] Redaction

namespace {

void clear_body_map(Performer& p) {
  p.boundaries.clear();
  p.exposure.clear();
  p.tiers.clear();
}

// Everyone: no private note reaches any audience; takes (their notes and
// deviation notes) belong to the continuity log, not to these views.
void clear_ic_only(Document& d) {
  for (Performer& p : d.performers) p.private_note.clear();
  d.takes.clear();
}

AgreementWords words_of(Governing::Outcome o) {
  switch (o) {
    case Governing::ok: return AgreementWords::agreed;
    case Governing::conditional: return AgreementWords::agreed_with_conditions;
    case Governing::ask: return AgreementWords::ask_each_time;
    default: return AgreementWords::not_agreed;
  }
}

int words_caution(AgreementWords w) {
  switch (w) {
    case AgreementWords::agreed: return 0;
    case AgreementWords::agreed_with_conditions: return 1;
    case AgreementWords::ask_each_time: return 2;
    case AgreementWords::not_agreed: return 3;
  }
  return 3;
}

// The performer's view: their own body map, of each partner only the lines
// that govern a contact between the two of them, only their contacts, breath,
// eyelines and masking notes, and of the garments only theirs and those their
// contacts are over.
void redact_for_performer(const Document& full, Document& d, const std::string& me, std::vector<ContactTerms>& terms) {
  // Which of each partner's lines govern a contact with me (pointers into `full`).
  std::set<const Boundary*> partner_lines;
  std::set<std::string> garments_named;
  for (const Beat& b : full.choreography.beats) {
    std::size_t kept = 0;
    for (const Contact& c : b.contacts) {
      if (c.giver != me && c.receiver != me) continue;
      const Performer* receiver = full.performer(c.receiver);
      const Performer* giver = full.performer(c.giver);
      ContactTerms t;
      t.beat = b.id;
      t.contact = kept++;
      t.words = AgreementWords::agreed;
      auto apply = [&](const Performer* p, Direction dir, const std::string& partner) {
        if (!p) return;
        const Governing g = govern(*p, dir, c.region, partner, c.kind, c.layer);
        const AgreementWords w = words_of(g.outcome);
        if (words_caution(w) > words_caution(t.words)) t.words = w;
        for (const Boundary* line : g.lines) {
          if (p->id != me) partner_lines.insert(line);
          if (!line->conditions.empty() &&
              std::find(t.conditions.begin(), t.conditions.end(), line->conditions) == t.conditions.end())
            t.conditions.push_back(line->conditions);
        }
      };
      apply(receiver, Direction::receive, c.giver);
      apply(giver, Direction::give, c.receiver);
      if (!c.garment.empty()) garments_named.insert(c.garment);
      terms.push_back(std::move(t));
    }
  }
  for (std::size_t i = 0; i < d.performers.size(); ++i) {
    Performer& p = d.performers[i];
    if (p.id == me) continue;
    const Performer& src = full.performers[i];
    p.boundaries.clear();
    for (const Boundary& line : src.boundaries)
      if (partner_lines.count(&line)) p.boundaries.push_back(line);
    p.exposure.clear();
    p.tiers.clear();
  }
  std::erase_if(d.garments, [&](const Garment& g) { return g.wearer != me && !garments_named.count(g.id); });
  auto kept_garment = [&](const std::string& id) { return d.garment(id) != nullptr; };
  for (Beat& b : d.choreography.beats) {
    std::erase_if(b.contacts, [&](const Contact& c) { return c.giver != me && c.receiver != me; });
    std::erase_if(b.breath, [&](const BreathNote& n) { return n.performer != me; });
    std::erase_if(b.eyelines, [&](const Eyeline& e) { return e.performer != me; });
    std::erase_if(b.masking, [&](const MaskingNote& m) { return m.performer != me; });
    std::erase_if(b.garment_changes, [&](const GarmentChange& g) { return !kept_garment(g.garment); });
  }
  for (ChoreographyVersion& v : d.choreography.history) {
    std::erase_if(v.garments, [&](const Garment& g) { return g.wearer != me; });
    for (Beat& b : v.beats) {
      std::erase_if(b.contacts, [&](const Contact& c) { return c.giver != me && c.receiver != me; });
      std::erase_if(b.breath, [&](const BreathNote& n) { return n.performer != me; });
      std::erase_if(b.eyelines, [&](const Eyeline& e) { return e.performer != me; });
      std::erase_if(b.masking, [&](const MaskingNote& m) { return m.performer != me; });
      std::erase_if(b.garment_changes, [&](const GarmentChange& g) { return !kept_garment(g.garment); });
    }
  }
  std::erase_if(d.choreography.confirmations, [&](const Confirmation& c) { return c.performer != me; });
}

// ---------------------------------------------------------------------------
// [SECTION] Findings in an audience's words
//
// Made from the code and the places only: the checks' sentences quote
// conditions and rider lines, which these audiences may not read.

std::string region_of(const Finding& f) {
  return f.region ? std::string(region_label(*f.region)) : std::string("body");
}

std::string whose_region(const Document& d, const Finding& f) {
  return possessive(display_name(d, f.performer)) + " " + region_of(f);
}

std::string thing_name(const Document& d, const std::string& id) {
  if (const Garment* g = d.garment(id)) return display_name(*g);
  if (const Prop* p = d.prop(id)) return display_name(*p);
  if (d.performer(id)) return display_name(d, id);
  return id;
}

std::string sentence_for(const Document& d, const Finding& f) {
  const std::string on_camera = f.camera.empty() ? "" : " on camera " + f.camera;
  const std::string pair = join_list({display_name(d, f.performer), display_name(d, f.other)});
  switch (f.code) {
    case FindingCode::contact_refused:
    case FindingCode::contact_partner:
    case FindingCode::contact_kind:
    case FindingCode::contact_layer:
      return "A contact between " + pair + " (" + whose_region(d, f) + ") is not agreed as notated; the IC has the details";
    case FindingCode::contact_garment_missing:
      return "A contact on " + whose_region(d, f) + " is planned over a garment that is not worn there then";
    case FindingCode::contact_barrier_missing:
      return "A contact on " + whose_region(d, f) + " is planned through a barrier, but no barrier is named";
    case FindingCode::contact_genital_no_barrier:
      return "No garment or barrier between " + pair + " at the " + region_of(f) + ": never allowed";
    case FindingCode::contact_ask:
      return "Check in with " + display_name(d, f.performer) + " before every run (a contact on the " + region_of(f) + ")";
    case FindingCode::contact_conditional: return "A contact between " + pair + " is agreed, with conditions the IC holds";
    case FindingCode::exposure_refused:
      return whose_region(d, f) + " reads" + on_camera + ": not agreed from this view";
    case FindingCode::exposure_ask:
      return whose_region(d, f) + " reads" + on_camera + ": agreed from this view only once confirmed with " +
             display_name(d, f.performer) + " before the take";
    case FindingCode::exposure_conditional:
      return whose_region(d, f) + " reads" + on_camera + ": agreed from this view, with conditions the IC holds";
    case FindingCode::garment_visible: return thing_name(d, f.other) + " reads" + on_camera + " (meant not to be seen)";
    case FindingCode::masking_intent:
      return "The masking note does not hold: " + whose_region(d, f) + " is not masked as noted" + on_camera;
    case FindingCode::masking_fragile:
      return whose_region(d, f) + " is masked" + on_camera + " but fragile: a few centimetres off a mark and it reads";
    case FindingCode::pose_unnotated_contact:
      return "The poses bring " + pair + " into contact at " + whose_region(d, f) + ", and no contact notes it";
    case FindingCode::pose_refused_contact:
      return "The poses bring " + pair + " into contact at " + whose_region(d, f) + ", which is not agreed";
    case FindingCode::pose_contact_apart:
      return "A noted contact at " + whose_region(d, f) + " is held apart by the poses";
    case FindingCode::eyeline_target:
      return possessive(display_name(d, f.performer)) + " eyeline looks at something not in the scene";
    case FindingCode::eyeline_lens:
      return display_name(d, f.performer) + " looks into the lens" + (f.other.empty() ? "" : " of camera " + f.other);
    case FindingCode::consent_reconfirm:
    case FindingCode::consent_unconfirmed_change:
      return display_name(d, f.performer) + " has not yet confirmed changes that concern them in this version";
    case FindingCode::pose_unposed:
      return display_name(d, f.performer) + " has no pose at the start of the scene yet: the checks of them are not complete";
    case FindingCode::pose_joint_limit:
      return "A pose of " + display_name(d, f.performer) + " turns a joint past its limit (the checks use the limit)";
    case FindingCode::safety_pause_word: return "No pause word is agreed yet";
  }
  return std::string(finding_info(f.code).id);
}

bool costume_code(FindingCode c) {
  return c == FindingCode::garment_visible || c == FindingCode::contact_garment_missing ||
         c == FindingCode::contact_barrier_missing || c == FindingCode::contact_genital_no_barrier;
}

Finding reworded(const Document& d, const Finding& f, bool with_sentence) {
  Finding out = f;
  out.message = with_sentence ? sentence_for(d, f) : std::string();
  out.suggestion.clear();
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] The view

AudienceView audience_view(const Document& full, const Audience& audience, const AudienceOptions& options) {
  AudienceView v;
  v.audience = audience;
  v.doc = full;
  Document& d = v.doc;
  clear_ic_only(d);

  std::vector<Finding> findings;
  if (options.run_checks && options.findings) {
    findings = *options.findings;
    v.checked = true;
  } else if (options.run_checks) {
    CheckOptions co;
    co.meshes = options.meshes;
    co.samples_per_count = options.samples_per_count;
    co.threads = options.threads;
    findings = run_checks(full, co).findings;
    v.checked = true;
  }

  switch (audience.kind) {
    case AudienceKind::performer:
      redact_for_performer(full, d, audience.performer, v.contact_terms);
      v.left_out = {"Other performers' riders, tier raises and body-map lines, except the lines that govern a contact "
                    "between you and them",
                    "Contacts, breath, eyelines and garments that are not yours",
                    "The IC's private notes, and the take log"};
      break;
    case AudienceKind::director:
    case AudienceKind::costume:
    case AudienceKind::ad:
      for (Performer& p : d.performers) clear_body_map(p);
      if (audience.kind == AudienceKind::costume) d.choreography.confirmations.clear();
      v.left_out = {"Every performer's body map, rider, conditions and tier raises (consent is shown only as agreed "
                    "or not agreed)",
                    "The IC's private notes, and the take log"};
      break;
    case AudienceKind::continuity:
      for (Performer& p : d.performers) clear_body_map(p);
      // The take log is this audience's own; a consent deviation is listed,
      // but what happened stays with the IC.
      d.takes = full.takes;
      for (Take& t : d.takes)
        for (Deviation& dv : t.deviations)
          if (dv.kind == DeviationKind::consent) dv.note.clear();
      v.left_out = {"Every performer's body map, rider, conditions and tier raises",
                    "The IC's private notes, and what a consent deviation's note says (it stays with the IC)"};
      break;
    case AudienceKind::interchange:
      for (Performer& p : d.performers) {
        clear_body_map(p);
        p.actor.clear();
      }
      for (Beat& b : d.choreography.beats) b.camera_notes.clear();
      d.choreography.history.clear();
      d.choreography.confirmations.clear();
      v.left_out = {"Body maps, riders, conditions, tier raises, notes, actors' names, camera notes, takes and "
                    "version history"};
      break;
  }

  if (!options.run_checks) return v;
  for (const Finding& f : findings) {
    switch (audience.kind) {
      case AudienceKind::director: v.findings.push_back(reworded(full, f, true)); break;
      case AudienceKind::costume:
        if (costume_code(f.code)) v.findings.push_back(reworded(full, f, true));
        break;
      case AudienceKind::interchange: v.findings.push_back(reworded(full, f, false)); break;
      default: break;
    }
  }

  // Check-ins (the AD's list; a performer sees their own): a contact or an
  // exposure agreed as ask.
  if (audience.kind == AudienceKind::ad || audience.kind == AudienceKind::performer) {
    for (const Beat& b : full.choreography.beats) {
      CheckIn ci;
      ci.beat = b.id;
      for (const Finding& f : findings) {
        if (f.code != FindingCode::contact_ask && f.code != FindingCode::exposure_ask) continue;
        if (!finding_in_beat(b, f)) continue;
        if (audience.kind == AudienceKind::performer && f.performer != audience.performer) continue;
        if (std::find(ci.performers.begin(), ci.performers.end(), f.performer) == ci.performers.end())
          ci.performers.push_back(f.performer);
      }
      if (!ci.performers.empty()) v.check_ins.push_back(std::move(ci));
    }
  }

  // Agreed / not agreed from this view, per beat, camera and performer.
  if (audience.kind == AudienceKind::director) {
    for (const Beat& b : full.choreography.beats)
      for (const Camera& c : full.cameras)
        for (const Performer& p : full.performers) {
          CameraAgreement a;
          a.beat = b.id;
          a.camera = c.id;
          a.performer = p.id;
          for (const Finding& f : findings) {
            if (f.camera != c.id || f.performer != p.id || !finding_in_beat(b, f)) continue;
            if (f.code == FindingCode::exposure_refused) {
              a.agreed = false;
              if (f.region && std::find(a.not_agreed.begin(), a.not_agreed.end(), *f.region) == a.not_agreed.end())
                a.not_agreed.push_back(*f.region);
            } else if (f.code == FindingCode::exposure_ask) {
              a.ask_first = true;
            }
          }
          v.camera_agreements.push_back(std::move(a));
        }
  }
  return v;
}

}  // namespace cs
