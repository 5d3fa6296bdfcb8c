// checks_contacts.cpp — a beat's contacts against both body maps, the garments
// worn and the barriers named; no geometry. The sides of a contact and the
// lines that govern each are consent.hpp's judge_contact() (which the contact
// chip and the placing glow read too); this file turns each side into findings.
//
// [SECTION] One side of a contact: the receiver's or the giver's lines
// [SECTION] Layers: garments, barriers, and the genital barrier rule
// [SECTION] check_contacts
#include <algorithm>
#include <set>

#include "notation/checks_run.hpp"
#include "notation/consent.hpp"
#include "notation/phrasing.hpp"
#include "notation/timeline.hpp"

namespace cs {

namespace {

// ---------------------------------------------------------------------------
// [SECTION] One side of a contact: the receiver's or the giver's lines

void check_contact_side(const Document& d, const Beat& beat, const Contact& c, const ContactSide& side,
                        std::vector<Finding>& out) {
  const bool receiving = side.direction == Direction::receive;
  const std::string& self_id = side.self->id;
  const std::string& partner_id = side.partner;
  const Governing& g = side.governing;

  Finding f;
  const std::string me = display_name(d, self_id), them = display_name(d, partner_id);
  const std::string region = std::string(region_label(side.region));
  const std::string how = " (" + std::string(vocab_label(c.kind)) + ", " + std::string(vocab_label(c.layer)) + ")";
  const std::string what = receiving ? them + " touching " + possessive(me) + " " + region + how
                                     : me + " touching " + possessive(them) + " " + region + how;
  const std::string map = receiving ? possessive(me) + " body map" : possessive(me) + " boundaries for touching";
  switch (g.outcome) {
    case Governing::ok: return;
    case Governing::not_discussed:
      f = new_finding(FindingCode::contact_refused);
      f.message = what + ": " + (receiving ? possessive(me) + " " + region + " was never discussed for being touched"
                                           : "touching a partner's " + region + " was never discussed with " + me) +
                  ", which counts as no";
      f.suggestion = "Talk it through with " + me + " and add a boundary, or change the contact";
      break;
    case Governing::refused:
      f = new_finding(FindingCode::contact_refused);
      f.message = what + ": " + map + " says no";
      f.suggestion = "Change the contact to a region " + me + " agreed to";
      break;
    case Governing::partner: {
      f = new_finding(FindingCode::contact_partner);
      std::set<std::string> partners;
      for (const Boundary* b : g.lines)
        for (const std::string& p : b->partners) partners.insert(p);
      f.message = what + ": agreed by " + me + ", but not with " + them;
      f.suggestion = "Agreed only with " + performer_names(d, std::vector<std::string>(partners.begin(), partners.end()));
      break;
    }
    case Governing::kind: {
      f = new_finding(FindingCode::contact_kind);
      std::vector<ContactKind> kinds;
      for (const Boundary* b : g.lines)
        for (ContactKind k : b->contact)
          if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
      std::sort(kinds.begin(), kinds.end());
      f.message = what + ": " + me + " agreed to contact there, but not " + std::string(vocab_label(c.kind));
      f.suggestion = "Agreed kinds: " + vocab_words(kinds);
      break;
    }
    case Governing::layer: {
      f = new_finding(FindingCode::contact_layer);
      Layer most = Layer::through_barrier;
      for (const Boundary* b : g.lines) most = std::max(most, b->layer);
      f.message = what + ": more exposed than agreed; " + me + " agreed to " + layer_words(most) +
                  (most == Layer::through_barrier ? " only" : " at most");
      f.suggestion = "Make the contact " + layer_words(most) + (most == Layer::through_barrier ? "" : " or less exposed");
      break;
    }
    case Governing::conditional: {
      f = new_finding(FindingCode::contact_conditional);
      std::string conditions;
      for (const Boundary* b : g.lines)
        if (!b->conditions.empty()) conditions += (conditions.empty() ? "" : "; ") + b->conditions;
      f.message = what + ": agreed with conditions: " + (conditions.empty() ? "(none written)" : conditions);
      break;
    }
    case Governing::ask:
      f = new_finding(FindingCode::contact_ask);
      f.message = what + ": agreed as ask; check in with " + me + " before every run";
      break;
  }
  f.beat = beat.id;
  f.from_count = beat.start_count;
  f.to_count = beat.end_count();
  f.performer = self_id;
  f.region = side.region;
  f.other = partner_id;
  out.push_back(std::move(f));
}

// ---------------------------------------------------------------------------
// [SECTION] Layers: garments, barriers, and the genital barrier rule

// Index of a garment of `wearer` worn (per `worn`) over `region`, or -1.
int covering_garment(const Document& d, const std::vector<bool>& worn, const std::string& wearer, Region region) {
  for (std::size_t g = 0; g < d.garments.size(); ++g) {
    const Garment& gm = d.garments[g];
    if (!worn[g] || gm.wearer != wearer) continue;
    if (std::find(gm.covers.begin(), gm.covers.end(), region) != gm.covers.end()) return static_cast<int>(g);
  }
  return -1;
}

// A garment of `wearer` that would cover `region`, worn or not, for suggestions: "Her robe (robe)"; "" for none.
std::string garment_for(const Document& d, const std::string& wearer, Region r) {
  for (const Garment& g : d.garments)
    if (g.wearer == wearer && std::find(g.covers.begin(), g.covers.end(), r) != g.covers.end()) return name_and_id(g);
  return "";
}

void check_contact_layers(const Document& d, const Beat& beat, const std::vector<bool>& worn, const Contact& c,
                          std::vector<Finding>& out) {
  auto finding = [&](FindingCode code, const std::string& performer, Region r, std::string msg, std::string sug) {
    Finding f = new_finding(code);
    f.beat = beat.id;
    f.from_count = beat.start_count;
    f.to_count = beat.end_count();
    f.performer = performer;
    f.region = r;
    f.other = performer == c.receiver ? c.giver : c.receiver;
    f.message = std::move(msg);
    f.suggestion = std::move(sug);
    out.push_back(std::move(f));
  };
  const std::string recv = display_name(d, c.receiver);
  const int recv_cover = covering_garment(d, worn, c.receiver, c.region);
  const int give_cover = covering_garment(d, worn, c.giver, c.with);

  if (c.layer == Layer::over_garment || c.layer == Layer::over_costume) {
    if (!c.garment.empty()) {
      const Garment* g = d.garment(c.garment);
      const std::size_t gi = g ? static_cast<std::size_t>(g - d.garments.data()) : 0;
      const Region on = g && g->wearer == c.giver && g->wearer != c.receiver ? c.with : c.region;
      const bool covers = g && std::find(g->covers.begin(), g->covers.end(), on) != g->covers.end();
      if (g && (!worn[gi] || !covers)) {
        const std::string other = garment_for(d, c.receiver, c.region);
        const std::string wearer = display_name(d, g->wearer);
        finding(FindingCode::contact_garment_missing, g->wearer, on,
                "Contact " + layer_words(c.layer) + " " + display_name(*g) + " (" + possessive(wearer) + "), but " +
                    (!worn[gi] ? std::string("it is not worn in this beat")
                               : "it does not cover " + possessive(wearer) + " " + std::string(region_label(on))),
                !worn[gi] ? "Keep " + g->id + " on through this beat, or change the layer"
                          : "Name a garment worn over " + possessive(recv) + " " + std::string(region_label(c.region)) +
                                (other.empty() ? std::string() : " (" + other + ")") + ", or change the layer");
      }
    } else if (recv_cover < 0 && give_cover < 0) {
      const std::string g = garment_for(d, c.receiver, c.region);
      finding(FindingCode::contact_garment_missing, c.receiver, c.region,
              "Contact planned " + layer_words(c.layer) + " on " + possessive(recv) + " " +
                  std::string(region_label(c.region)) + ", but nothing is worn there in this beat, so it is skin",
              g.empty() ? "Plan a garment for it with costume, or notate the contact as skin if that was agreed"
                        : "Keep " + g + " on through this beat");
    }
  }
  if (c.layer == Layer::through_barrier && c.barrier.empty()) {
    finding(FindingCode::contact_barrier_missing, c.receiver, c.region,
            "Contact planned through a barrier on " + possessive(recv) + " " + std::string(region_label(c.region)) +
                ", but no barrier is named",
            "Name the barrier prop in the contact (\"barrier\")");
  }

  // SAG-AFTRA: simulated sex always has a barrier between genitals. Each
  // genital-area side needs its own worn garment, unless a barrier is named.
  const bool barrier = c.layer == Layer::through_barrier && !c.barrier.empty();
  auto genital_side = [&](const std::string& performer, Region r, int cover) {
    if (!is_genital_area(r)) return;
    if (c.layer != Layer::skin && (barrier || cover >= 0)) return;
    const std::string g = garment_for(d, performer, r);
    std::string fix;
    if (c.layer == Layer::skin && cover >= 0)  // a modesty garment is worn there: the notation is what is wrong
      fix = "Never allowed as skin. " + possessive(display_name(d, performer)) + " " +
            display_name(d.garments[static_cast<std::size_t>(cover)]) +
            " is worn there: notate the contact over it, or through a named barrier";
    else
      fix = "Never allowed. Put a barrier between them and a modesty garment on each" +
            (g.empty() ? std::string() : " (" + g + ")");
    finding(FindingCode::contact_genital_no_barrier, performer, r,
            possessive(display_name(d, performer)) + " " + std::string(region_label(r)) +
                " in contact with no garment or barrier between" + (c.layer == Layer::skin ? " (notated as skin)" : ""),
            fix);
  };
  genital_side(c.receiver, c.region, recv_cover);
  if (c.giver != c.receiver || c.with != c.region) genital_side(c.giver, c.with, give_cover);
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] check_contacts

void check_contacts(const Document& doc, const Beat& beat, std::vector<Finding>& out) {
  const std::vector<bool> worn = garments_worn_at(doc, beat.start_count);
  for (const Contact& c : beat.contacts) {
    // Each side of the one judgement (consent.hpp judge_contact): the receiver's
    // lines, the giver's, and the giver's own region where contact is mutual.
    for (const ContactSide& side : judge_contact(doc, c).sides) check_contact_side(doc, beat, c, side, out);
    check_contact_layers(doc, beat, worn, c, out);
  }
}

}  // namespace cs
