#include "notation/findings.hpp"

namespace cs {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "?";
}

const std::array<FindingInfo, 20>& finding_catalogue() {
  using C = FindingCode;
  using S = Severity;
  static const std::array<FindingInfo, 20> catalogue = {{
    {C::contact_refused, "contact.refused", S::error,
     "a contact touches a region the receiver (or the giver, for what they touch) marked no or never discussed"},
    {C::contact_partner, "contact.partner", S::error, "agreed, but not with this partner"},
    {C::contact_kind, "contact.kind", S::error, "agreed, but not this kind of contact"},
    {C::contact_layer, "contact.layer", S::error, "more exposed than agreed (skin where only over garment was agreed)"},
    {C::contact_garment_missing, "contact.garment_missing", S::error,
     "contact planned over a garment or costume that is not worn there at that moment"},
    {C::contact_barrier_missing, "contact.barrier_missing", S::error,
     "contact planned through a barrier, but no barrier is named for it"},
    {C::contact_genital_no_barrier, "contact.genital_no_barrier", S::error,
     "genitals, pubic area or perineum touched with no garment or barrier between: never allowed"},
    {C::contact_ask, "contact.ask", S::warning, "agreed as ask: check in before every run"},
    {C::contact_conditional, "contact.conditional", S::info, "agreed with conditions; the conditions are shown"},
    {C::exposure_refused, "exposure.refused", S::error,
     "a camera sees bare skin of a region whose exposure is not agreed, or not from this view"},
    {C::exposure_ask, "exposure.ask", S::warning, "a camera sees a region agreed as ask: confirm with the performer"},
    {C::exposure_conditional, "exposure.conditional", S::info,
     "a camera sees a region agreed with conditions; the conditions are shown"},
    {C::garment_visible, "garment.visible", S::warning, "a hidden garment or a barrier reads on camera"},
    {C::masking_intent, "masking.intent", S::error, "a beat's masking note does not hold: the named regions read on that camera"},
    {C::masking_fragile, "masking.fragile", S::warning,
     "hidden now, but exposed if the camera or a performer is a few centimetres off their mark"},
    {C::pose_unnotated_contact, "pose.unnotated_contact", S::warning,
     "the poses bring two performers' regions into contact that no contact notes"},
    {C::pose_refused_contact, "pose.refused_contact", S::error,
     "the poses bring a partner into contact with a region the performer marked no or never discussed, "
     "with no contact noted"},
    {C::pose_contact_apart, "pose.contact_apart", S::warning, "a notated contact whose regions the poses hold apart"},
    {C::eyeline_target, "eyeline.target", S::error, "an eyeline names a performer, region or camera that does not exist"},
    {C::eyeline_lens, "eyeline.lens", S::info, "an eyeline looks into a lens"},
  }};
  return catalogue;
}

const FindingInfo& finding_info(FindingCode code) { return finding_catalogue()[static_cast<std::size_t>(code)]; }

std::optional<FindingCode> finding_code(std::string_view id) {
  for (const FindingInfo& f : finding_catalogue())
    if (f.id == id) return f.code;
  return std::nullopt;
}

}  // namespace cs
