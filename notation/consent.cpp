// consent.cpp — consent.hpp. The one definition of the contact and rider rules,
// the view and the "reads" threshold; the checks and the editor use these.
#include "notation/consent.hpp"

#include <algorithm>
#include <cmath>

#include <glm/gtc/quaternion.hpp>

#include "notation/checks.hpp"
#include "notation/phrasing.hpp"

namespace cs {

// [SECTION] Contacts

bool names_partner(const Boundary& b, const std::string& partner) {
  return b.partners.empty() || std::find(b.partners.begin(), b.partners.end(), partner) != b.partners.end();
}
bool names_kind(const Boundary& b, ContactKind k) {
  return b.contact.empty() || std::find(b.contact.begin(), b.contact.end(), k) != b.contact.end();
}

Governing govern(const Performer& p, Direction dir, Region region, const std::string& partner, ContactKind kind,
                 Layer layer) {
  Governing g;
  std::vector<const Boundary*> lines;
  for (const Boundary& b : p.boundaries)
    if (b.direction == dir && b.region == region) lines.push_back(&b);
  if (lines.empty()) return g;  // not discussed

  std::vector<const Boundary*> applying;
  for (const Boundary* b : lines) {
    if (!names_partner(*b, partner) || !names_kind(*b, kind)) continue;
    if (b->state != BoundaryState::no && layer > b->layer) continue;
    applying.push_back(b);
  }
  if (!applying.empty()) {
    int worst = -1;
    for (const Boundary* b : applying) worst = std::max(worst, caution(effective_state(b->state, b->conditions)));
    for (const Boundary* b : applying)
      if (caution(effective_state(b->state, b->conditions)) == worst) g.lines.push_back(b);
    switch (worst) {
      case 0: g.outcome = Governing::ok; break;
      case 1: g.outcome = Governing::conditional; break;
      case 2: g.outcome = Governing::ask; break;
      default: g.outcome = Governing::refused; break;
    }
    return g;
  }
  std::vector<const Boundary*> agreed;
  for (const Boundary* b : lines)
    if (b->state != BoundaryState::no) agreed.push_back(b);
  if (agreed.empty()) {
    g.outcome = Governing::refused;
    g.lines = lines;
    return g;
  }
  std::vector<const Boundary*> with_partner;
  for (const Boundary* b : agreed)
    if (names_partner(*b, partner)) with_partner.push_back(b);
  if (with_partner.empty()) {
    g.outcome = Governing::partner;
    g.lines = agreed;
    return g;
  }
  std::vector<const Boundary*> with_kind;
  for (const Boundary* b : with_partner)
    if (names_kind(*b, kind)) with_kind.push_back(b);
  if (with_kind.empty()) {
    g.outcome = Governing::kind;
    g.lines = with_partner;
    return g;
  }
  g.outcome = Governing::layer;
  g.lines = with_kind;
  return g;
}

int outcome_caution(Governing::Outcome o) {
  switch (o) {
    case Governing::ok: return 0;
    case Governing::conditional: return 1;
    case Governing::ask: return 2;
    case Governing::layer: return 3;
    case Governing::kind: return 4;
    case Governing::partner: return 5;
    case Governing::not_discussed: return 6;
    case Governing::refused: return 7;
  }
  return 7;
}

std::optional<BoundaryState> outcome_state(Governing::Outcome o) {
  switch (o) {
    case Governing::ok: return BoundaryState::yes;
    case Governing::conditional: return BoundaryState::conditional;
    case Governing::ask: return BoundaryState::ask;
    case Governing::not_discussed: return std::nullopt;
    case Governing::refused: case Governing::partner: case Governing::kind: case Governing::layer: break;
  }
  return BoundaryState::no;
}

ContactJudgement judge_contact(const Document& doc, const Contact& c) {
  ContactJudgement j;
  const Performer* receiver = doc.performer(c.receiver);
  const Performer* giver = doc.performer(c.giver);
  auto side = [&](const Performer* self, Direction dir, Region region, const std::string& partner) {
    if (!self) return;
    j.sides.push_back({self, dir, region, partner, govern(*self, dir, region, partner, c.kind, c.layer)});
  };
  side(receiver, Direction::receive, c.region, c.giver);
  side(giver, Direction::give, c.region, c.receiver);
  if (giver && c.giver != c.receiver && tier_for(*giver, c.with) != Tier::ordinary)
    side(giver, Direction::receive, c.with, c.receiver);
  for (std::size_t k = 0; k < j.sides.size(); ++k)
    if (j.governing < 0 || outcome_caution(j.sides[k].governing.outcome) > outcome_caution(j.outcome)) {
      j.governing = static_cast<int>(k);
      j.outcome = j.sides[k].governing.outcome;
    }
  return j;
}

ContactConsent contact_consent(const Document& doc, const Contact& c) {
  ContactConsent out;
  if (!doc.performer(c.receiver) || !doc.performer(c.giver)) {
    out.words = "not agreed: an unknown performer";
    return out;
  }
  const ContactJudgement j = judge_contact(doc, c);
  const auto conditions_of = [](const ContactSide& s) {
    std::vector<std::string> conditions;
    for (const Boundary* b : s.governing.lines)
      if (!b->conditions.empty() && std::find(conditions.begin(), conditions.end(), b->conditions) == conditions.end())
        conditions.push_back(b->conditions);
    return conditions.empty() ? std::string("conditions not written") : join_list(conditions, "and");
  };
  const ContactSide& g = j.sides.at(static_cast<std::size_t>(j.governing));
  const std::string me = display_name(*g.self);
  switch (j.outcome) {
    case Governing::ok: out.chip = ContactConsent::yes; out.words = "yes"; break;
    case Governing::conditional: {
      out.chip = ContactConsent::conditional;
      // Several sides conditional: every set of conditions holds.
      for (const ContactSide& s : j.sides) {
        if (s.governing.outcome != Governing::conditional) continue;
        const std::string these = conditions_of(s);
        if (out.words.empty()) out.words = "conditional: " + these;
        else if (out.words.find(these) == std::string::npos) out.words += "; " + these;
      }
      break;
    }
    case Governing::ask: out.chip = ContactConsent::ask; out.words = "ask: check in"; break;
    case Governing::refused: out.words = "not agreed: " + me + " said no"; break;
    case Governing::not_discussed: out.words = "not agreed: not discussed with " + me; break;
    case Governing::partner: out.words = "not agreed: not with " + display_name(doc, g.partner); break;
    case Governing::kind: out.words = "not agreed: not " + std::string(vocab_label(c.kind)); break;
    case Governing::layer: out.words = "not agreed: more exposed than " + me + " agreed"; break;
  }
  return out;
}

// [SECTION] Touch and exposure

std::optional<BoundaryState> touch_state(const Performer& p, Region r) {
  std::optional<BoundaryState> worst;
  for (const Boundary& b : p.boundaries) {
    if (b.direction != Direction::receive || b.region != r) continue;
    const BoundaryState st = effective_state(b.state, b.conditions);
    if (!worst || caution(st) > caution(*worst)) worst = st;
  }
  return worst;
}

RiderVerdict rider_verdict(const Performer& p, Region r, View v) {
  RiderVerdict out;
  bool named = false;
  int worst = -1;
  for (const Exposure& x : p.exposure) {
    if (std::find(x.regions.begin(), x.regions.end(), r) == x.regions.end()) continue;
    named = true;
    const bool any = std::find(x.views.begin(), x.views.end(), View::any) != x.views.end();
    if (x.state != BoundaryState::no)
      for (View w : x.views)
        if (std::find(out.agreed_views.begin(), out.agreed_views.end(), w) == out.agreed_views.end())
          out.agreed_views.push_back(w);
    if (!any && std::find(x.views.begin(), x.views.end(), v) == x.views.end()) continue;
    const int c = caution(effective_state(x.state, x.conditions));
    if (c > worst) {
      worst = c;
      out.conditions = x.conditions;
    } else if (c == worst && !x.conditions.empty()) {
      out.conditions += (out.conditions.empty() ? "" : "; ") + x.conditions;
    }
  }
  switch (worst) {
    case 0: out.outcome = RiderVerdict::allowed; break;
    case 1: out.outcome = RiderVerdict::conditional; break;
    case 2: out.outcome = RiderVerdict::ask; break;
    case 3: out.outcome = RiderVerdict::refused; break;
    default:
      if (named) out.outcome = RiderVerdict::not_from_view;
      else out.outcome = tier_for(p, r) == Tier::intimate ? RiderVerdict::not_discussed : RiderVerdict::allowed;
  }
  return out;
}

bool rider_forbids(const RiderVerdict& v) {
  return v.outcome == RiderVerdict::refused || v.outcome == RiderVerdict::not_from_view ||
         v.outcome == RiderVerdict::not_discussed || v.outcome == RiderVerdict::ask;
}

View view_of(const StagePerformer& p, const glm::dvec3& camera) {
  const JointTransform& chest = p.joints[static_cast<std::size_t>(Joint::spine_upper)];
  const JointTransform& low = p.joints[static_cast<std::size_t>(Joint::spine_lower)];
  const glm::dvec3 center = glm::dvec3(low.position + chest.position) * 0.5;
  const glm::dquat q(chest.rotation);
  const glm::dvec3 forward = q * glm::dvec3(0, 0, 1), up = q * glm::dvec3(0, 1, 0), right = q * glm::dvec3(1, 0, 0);
  const glm::dvec3 d = glm::normalize(camera - center);
  if (glm::dot(d, up) > std::cos(glm::radians(kOverheadDeg))) return View::overhead;
  const double deg = std::fabs(glm::degrees(std::atan2(glm::dot(d, right), glm::dot(d, forward))));
  if (deg <= 45) return View::front;
  if (deg >= 135) return View::rear;
  return View::side;
}

std::uint32_t reads_threshold(std::uint32_t rays) {
  // (less a hair, so 2 / 57600 of 57600 rays is 2, not 3 by rounding)
  return std::max<std::uint32_t>(kReadMinRays, static_cast<std::uint32_t>(std::ceil(kReadShare * rays - 1e-9)));
}

CameraExposure camera_exposure(const Document& doc, const Stage& stage, const CameraMasking& m) {
  using Mark = CameraExposure::Mark;
  CameraExposure out;
  out.camera = m.camera;
  out.regions.assign(doc.performers.size(), {});
  out.views.assign(doc.performers.size(), View::front);
  out.hidden_garment_reads.assign(doc.garments.size(), false);
  out.barrier_reads.assign(doc.props.size(), false);
  if (m.camera < 0 || static_cast<std::size_t>(m.camera) >= stage.cameras.size()) return out;
  const glm::dvec3 eye = stage.cameras[static_cast<std::size_t>(m.camera)].basis.position;
  const std::uint32_t need = reads_threshold(m.rays());
  for (const PerformerMasking& pm : m.performers) {
    const auto pi = static_cast<std::size_t>(pm.performer);
    if (pm.performer < 0 || pi >= doc.performers.size() || pi >= stage.performers.size()) continue;
    const View view = view_of(stage.performers[pi], eye);
    out.views[pi] = view;
    for (std::size_t ri = 0; ri < kRegionCount; ++ri) {
      if (pm.regions[ri].skin < need) continue;
      const RiderVerdict v = rider_verdict(doc.performers[pi], vocab_at<Region>(ri), view);
      out.regions[pi][ri] = rider_forbids(v) ? Mark::forbidden
                            : v.outcome == RiderVerdict::conditional ? Mark::conditional
                                                                     : Mark::agreed;
    }
  }
  for (std::size_t g = 0; g < doc.garments.size() && g < m.garment_rays.size(); ++g)
    out.hidden_garment_reads[g] = doc.garments[g].camera == GarmentCamera::hidden && m.garment_rays[g] >= need;
  for (std::size_t p = 0; p < doc.props.size() && p < m.prop_rays.size(); ++p)
    out.barrier_reads[p] = doc.props[p].barrier && m.prop_rays[p] >= need;
  return out;
}

}  // namespace cs
