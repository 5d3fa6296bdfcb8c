// placing.cpp — judging and writing a placed contact (placing.hpp).
#include "notation/placing.hpp"

#include <algorithm>

#include "notation/edits_beats.hpp"
#include "notation/phrasing.hpp"
#include "notation/timeline.hpp"

namespace cs {

namespace {

// A worn garment of `wearer` over `region` at this moment; −1 none. Modesty wear
// (hidden) is preferred: it is what the layer names when both are worn.
int worn_over(const Document& d, const std::vector<bool>& worn, const std::string& wearer, Region region) {
  int found = -1;
  for (std::size_t g = 0; g < d.garments.size(); ++g) {
    const Garment& gm = d.garments[g];
    if (g >= worn.size() || !worn[g] || gm.wearer != wearer) continue;
    if (std::find(gm.covers.begin(), gm.covers.end(), region) == gm.covers.end()) continue;
    if (found < 0 || gm.camera == GarmentCamera::costume) found = static_cast<int>(g);  // the costume is outermost
  }
  return found;
}

std::string outcome_words(Governing::Outcome o) {
  switch (o) {
    case Governing::ok: return "agreed";
    case Governing::conditional: return "agreed with conditions";
    case Governing::ask: return "ask first";
    case Governing::refused: return "no";
    case Governing::not_discussed: return "never discussed (counts as no)";
    case Governing::partner: return "agreed, but not with this partner";
    case Governing::kind: return "agreed, but not this kind of contact";
    case Governing::layer: return "more exposed than agreed";
  }
  return "";
}

}  // namespace

ContactKind contact_kind_for(Region giver_region) {
  switch (giver_region) {
    case Region::hand_l: case Region::hand_r: return ContactKind::hand;
    case Region::lips: return ContactKind::kiss_closed;
    case Region::face: return ContactKind::cheek;
    case Region::forearm_l: case Region::forearm_r: return ContactKind::hold;
    default: return ContactKind::body_press;
  }
}

Layer contact_layer_at(const Document& doc, double count, const std::string& giver, Region with,
                       const std::string& receiver, Region region, std::string* garment) {
  const std::vector<bool> worn = garments_worn_at(doc, count);
  int g = worn_over(doc, worn, receiver, region);
  if (g < 0) g = worn_over(doc, worn, giver, with);
  if (garment) garment->clear();
  if (g < 0) return Layer::skin;
  const Garment& gm = doc.garments[static_cast<std::size_t>(g)];
  if (gm.camera == GarmentCamera::costume) return Layer::over_costume;
  if (garment) *garment = gm.id;
  return Layer::over_garment;
}

PlacingJudgement judge_placing(const Document& doc, double count, const std::string& giver, Region with,
                               const std::string& receiver, Region region) {
  PlacingJudgement j;
  Contact& c = j.contact;
  c.giver = giver;
  c.with = with;
  c.receiver = receiver;
  c.region = region;
  c.kind = contact_kind_for(with);
  c.layer = contact_layer_at(doc, count, giver, with, receiver, region, &c.garment);
  c.pressure = Pressure::light;

  // The one judgement of consent.hpp, as the chip and the checks read it.
  const ContactJudgement judged = judge_contact(doc, c);
  j.outcome = judged.outcome;
  j.governed_by = judged.governing >= 0 ? judged.sides[static_cast<std::size_t>(judged.governing)].self->id : receiver;
  j.needs_modifier = outcome_is_error(j.outcome);
  j.state = outcome_state(j.outcome);
  j.summary = possessive(display_name(doc, giver)) + " " + std::string(region_label(with)) + " on " +
              possessive(display_name(doc, receiver)) + " " + std::string(region_label(region)) + " (" +
              std::string(vocab_label(c.kind)) + ", " + layer_words(c.layer) + "): " + outcome_words(j.outcome);
  if (j.outcome != Governing::ok && j.governed_by != receiver)
    j.summary += " for " + display_name(doc, j.governed_by);
  return j;
}

Edited add_placed_contact(const Document& doc, std::size_t beat, const PlacingJudgement& judged, bool modifier) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused("There is no beat " + std::to_string(beat + 1));
  if (judged.needs_modifier && !modifier)
    return Edited::refused(judged.summary + ". Hold Alt while releasing to place it anyway; the checks will flag it");
  const Beat& b = doc.choreography.beats[beat];
  const Contact& c = judged.contact;
  for (const Contact& o : b.contacts) {
    // Already notated (perhaps with a kind or layer the IC chose): kept as it is.
    if (o.giver == c.giver && o.with == c.with && o.receiver == c.receiver && o.region == c.region)
      return checked(doc, doc);
  }
  return add_note(doc, beat, c);
}

}  // namespace cs
