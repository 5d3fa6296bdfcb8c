// checks_exposure.cpp — what each camera is cast for, and what its masking
// says against the rider: bare skin the rider does not simply allow from that
// view (exposure.*), hidden garments and barriers that read (garment.visible).
// The rider rules, the view and the threshold are consent.hpp's.
//
// [SECTION] What a camera is cast for
// [SECTION] Verdicts
#include <algorithm>

#include "notation/checks_run.hpp"
#include "notation/consent.hpp"
#include "notation/phrasing.hpp"

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] What a camera is cast for
//
// Each camera is cast only where something the checks read can be: the regions
// its view of each performer makes not simply allowed, the regions of this
// beat's masking notes for it, hidden garments, barriers.

MaskingInterest camera_interest(const CheckRun& run, const Stage& st, std::size_t c, const Beat* beat, bool probe) {
  const Document& d = run.doc;
  const Camera& cam = d.cameras[c];
  MaskingInterest in;
  in.regions.assign(st.performers.size(), 0);
  for (std::size_t p = 0; p < st.performers.size(); ++p)
    in.regions[p] = run.not_allowed[p][static_cast<std::size_t>(view_of(st.performers[p], st.cameras[c].basis.position))];
  // Footprints are read by fragile probing (at probe samples) and by the
  // masking notes; elsewhere only what is seen, so rays stop at the nearest.
  if (!probe) in.footprint_regions.assign(st.performers.size(), 0);
  if (beat)
    for (const MaskingNote& n : beat->masking) {
      const int pi = d.performer_index(n.performer);
      if (n.camera != cam.id || pi < 0) continue;
      for (Region r : n.regions) {
        in.regions[static_cast<std::size_t>(pi)] |= region_bit(r);
        if (!probe) in.footprint_regions[static_cast<std::size_t>(pi)] |= region_bit(r);
      }
    }
  in.garments.resize(d.garments.size());
  for (std::size_t gi = 0; gi < d.garments.size(); ++gi) in.garments[gi] = d.garments[gi].camera == GarmentCamera::hidden;
  in.props.resize(d.props.size());
  for (std::size_t pi = 0; pi < d.props.size(); ++pi) in.props[pi] = d.props[pi].barrier;
  return in;
}

// ---------------------------------------------------------------------------
// [SECTION] Verdicts

namespace {

void observe_region(CheckRun& run, int k, const Beat* beat, const Camera& cam, const Performer& perf, Region r,
                    View view, const RiderVerdict& v, double share) {
  const Document& d = run.doc;
  FindingCode code = FindingCode::exposure_refused;
  std::string why;
  switch (v.outcome) {
    case RiderVerdict::conditional:
      code = FindingCode::exposure_conditional;
      why = "agreed with conditions: " + (v.conditions.empty() ? std::string("(none written)") : v.conditions);
      break;
    case RiderVerdict::ask:
      code = FindingCode::exposure_ask;
      why = "agreed as ask: confirm with " + display_name(perf) + " before it is shot";
      break;
    case RiderVerdict::refused: why = "the rider says no"; break;
    case RiderVerdict::not_from_view:
      why = "the rider allows it only from " + vocab_words(v.agreed_views) + ", not " + std::string(vocab_label(view));
      break;
    case RiderVerdict::not_discussed: why = "the rider never mentions it, so it is not agreed"; break;
    default: return;
  }
  Finding f = new_finding(code);
  f.beat = beat ? beat->id : "";
  f.camera = cam.id;
  f.performer = perf.id;
  f.region = r;
  f.message = "Camera " + cam.id + " sees " + possessive(display_name(perf)) + " bare " + std::string(region_label(r)) +
              " from " + view_words(view) + " (up to {amount} of the frame) {span}; " + why;
  if (code == FindingCode::exposure_refused) {
    std::string cover;
    for (const Garment& gm : d.garments)
      if (gm.wearer == perf.id && std::find(gm.covers.begin(), gm.covers.end(), r) != gm.covers.end()) {
        cover = name_and_id(gm);
        break;
      }
    f.suggestion = cover.empty() ? "Mask it (a partner, the sheet) or change the angle; costume could plan a cover"
                                 : "Keep " + cover + " on, or mask it, or change the angle";
  }
  run.spans.observe(k, {std::string(finding_info(code).id) + "|" + cam.id + "|" + perf.id + "|" +
                            std::string(vocab_name(r)),
                        f, share});
}

}  // namespace

std::set<std::pair<int, Region>> observe_exposure(CheckRun& run, int k, const Beat* beat, const SampleGeometry& g,
                                                  std::size_t ci) {
  const Document& d = run.doc;
  const CameraMasking& m = g.masks[ci];
  std::set<std::pair<int, Region>> reading_regions;
  if (m.camera < 0) return reading_regions;  // a refined sample that did not cast this camera
  const Camera& cam = d.cameras[static_cast<std::size_t>(m.camera)];
  const Thresholds t = thresholds_for(m.rays());
  // Bare skin is judged in sub-rays (adaptive space, checks_space.cpp): the
  // same thresholds, kSubRays sub-rays to a ray.
  const Thresholds sub{t.start * kSubRays, t.hold * kSubRays};
  for (const PerformerMasking& pm : m.performers) {
    const Performer& perf = d.performers[static_cast<std::size_t>(pm.performer)];
    const View view = g.views[ci][static_cast<std::size_t>(pm.performer)];
    // A refined sample counted only some regions: the others are not judged there.
    const std::uint64_t counted = g.refined ? g.measured[ci][static_cast<std::size_t>(pm.performer)] : ~std::uint64_t{0};
    for (std::size_t ri = 0; ri < kRegionCount; ++ri) {
      const Region r = vocab_at<Region>(ri);
      if (!(counted & region_bit(r))) continue;
      const std::uint32_t skin = skin_subrays(g, ci, pm.performer, r);
      const std::string rkey = cam.id + "|" + perf.id + "|" + std::string(vocab_name(r));
      if (g.refined) run.spans.measured(rkey);
      if (!run.reading.reads(k, rkey, skin, sub)) continue;
      reading_regions.insert({pm.performer, r});
      const RiderVerdict v = rider_verdict(perf, r, view);
      if (v.outcome == RiderVerdict::allowed) continue;
      observe_region(run, k, beat, cam, perf, r, view, v, m.share(skin) / kSubRays);
    }
  }
  if (g.refined) return reading_regions;  // garments and barriers are judged at the regular samples
  // Hidden garments and barriers that read. `read_key` keeps its hysteresis,
  // `span_key` its span.
  auto observe_visible = [&](const std::string& read_key, const std::string& span_key, std::uint32_t rays,
                             const std::string& wearer, const std::string& id, std::string message,
                             std::string suggestion) {
    if (!run.reading.reads(k, read_key, rays, t)) return;
    Finding f = new_finding(FindingCode::garment_visible);
    f.beat = beat ? beat->id : "";
    f.camera = cam.id;
    f.performer = wearer;
    f.other = id;
    f.message = std::move(message);
    f.suggestion = std::move(suggestion);
    run.spans.observe(k, {span_key, f, m.share(rays)});
  };
  for (std::size_t gi = 0; gi < d.garments.size(); ++gi) {
    const Garment& gm = d.garments[gi];
    if (gm.camera != GarmentCamera::hidden || gi >= m.garment_rays.size()) continue;
    observe_visible(cam.id + "|garment|" + gm.id, "garment|" + cam.id + "|" + gm.id, m.garment_rays[gi], gm.wearer,
                    gm.id,
                    "Camera " + cam.id + " sees " + possessive(display_name(d, gm.wearer)) + " " + display_name(gm) +
                        " (up to {amount} of the frame) {span}; it is meant to stay hidden",
                    "Cheat the angle or the pose, or plan to paint it out");
  }
  for (std::size_t p = 0; p < d.props.size(); ++p) {
    const Prop& pr = d.props[p];
    if (!pr.barrier || p >= m.prop_rays.size()) continue;
    observe_visible(cam.id + "|prop|" + pr.id, "barrier|" + cam.id + "|" + pr.id, m.prop_rays[p], pr.owner, pr.id,
                    "Camera " + cam.id + " sees " + (pr.label.empty() ? "the barrier " + pr.id : pr.label) +
                        " (a barrier; up to {amount} of the frame) {span}",
                    "Hide it behind a body or the sheet, or cheat the angle");
  }
  return reading_regions;
}

}  // namespace cs
