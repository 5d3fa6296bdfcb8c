// checks_suggest.cpp — suggestions that need geometry: the smallest camera
// move that stops a finding's camera seeing what it reports (checks.hpp).
//
// [SECTION] Which findings a camera move can answer
// [SECTION] The smallest masking move
#include <cmath>

#include "notation/checks_run.hpp"
#include "notation/phrasing.hpp"

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] Which findings a camera move can answer

bool camera_move_applies(const Finding& f) {
  switch (f.code) {
    case FindingCode::exposure_refused:
    case FindingCode::exposure_ask:
    case FindingCode::exposure_conditional:
    case FindingCode::garment_visible: return !f.camera.empty();
    default: return false;
  }
}

// ---------------------------------------------------------------------------
// [SECTION] The smallest masking move

std::string MaskingMove::sentence() const {
  return "Camera " + camera + " " + centimetres_text(distance_m) + " " +
         (direction == "up" ? std::string("higher") : direction == "down" ? std::string("lower") : "to the " + direction) +
         (out_of_frame ? " frames it out" : " masks it") + " at count " + number_text(count) + ", its worst moment";
}

std::optional<MaskingMove> smallest_masking_move(const Document& doc, const Finding& f, const CheckOptions& options) {
  if (!camera_move_applies(f)) return std::nullopt;
  const bool exposure = f.code != FindingCode::garment_visible;
  const int cam = [&] {
    for (std::size_t c = 0; c < doc.cameras.size(); ++c)
      if (doc.cameras[c].id == f.camera) return static_cast<int>(c);
    return -1;
  }();
  if (cam < 0) return std::nullopt;
  const Stage st = evaluate(doc, f.peak_count, options.meshes);
  MaskingInterest in;  // (a region's footprint tells masked from framed out)
  in.regions.assign(st.performers.size(), 0);
  in.garments.assign(doc.garments.size(), false);
  in.props.assign(doc.props.size(), false);
  const int performer = doc.performer_index(f.performer);
  int garment = -1, prop = -1;
  if (exposure) {
    if (performer < 0 || !f.region) return std::nullopt;
    in.regions[static_cast<std::size_t>(performer)] = region_bit(*f.region);
  } else {
    for (std::size_t g = 0; g < doc.garments.size(); ++g)
      if (doc.garments[g].id == f.other) garment = static_cast<int>(g);
    for (std::size_t p = 0; p < doc.props.size(); ++p)
      if (doc.props[p].id == f.other) prop = static_cast<int>(p);
    if (garment >= 0) in.garments[static_cast<std::size_t>(garment)] = true;
    else if (prop >= 0) in.props[static_cast<std::size_t>(prop)] = true;
    else return std::nullopt;
  }
  MaskingOptions mo;
  mo.width = options.masking_width > 0 ? options.masking_width : kDefaultMaskingWidth;
  mo.threads = options.threads;
  mo.interest = &in;
  bool framed_out = false;
  auto seen = [&](const Stage& s) {
    const CameraMasking m = mask_camera(s, cam, mo);
    if (exposure) {
      const RegionCounts& rc = m.performers[static_cast<std::size_t>(performer)].regions[static_cast<std::size_t>(*f.region)];
      framed_out = rc.footprint == 0;
      return rc.skin;
    }
    return garment >= 0 ? m.garment_rays[static_cast<std::size_t>(garment)] : m.prop_rays[static_cast<std::size_t>(prop)];
  };
  const std::uint32_t before = seen(st);
  const std::uint32_t rays = static_cast<std::uint32_t>(mo.width) *
                             static_cast<std::uint32_t>(masking_height(mo.width, st.cameras[static_cast<std::size_t>(cam)].lens.aspect));
  const std::uint32_t reads = thresholds_for(rays).start;
  if (before < reads) return std::nullopt;  // it does not read at that moment (a span's held tail)
  const CameraBasis& b = st.cameras[static_cast<std::size_t>(cam)].basis;
  const std::pair<glm::dvec3, const char*> dirs[] = {{-b.right, "left"}, {b.right, "right"}, {b.up, "up"}, {-b.up, "down"}};
  for (double step : kMoveSteps) {
    std::optional<MaskingMove> best;
    for (const auto& [dir, name] : dirs) {
      Stage s = st;
      s.cameras[static_cast<std::size_t>(cam)].basis.position += dir * step;
      const std::uint32_t after = seen(s);
      if (after >= reads || (best && after >= best->rays_after)) continue;
      best = MaskingMove{f.camera, name, step, f.peak_count, before, after, framed_out};
    }
    if (best) return best;
  }
  return std::nullopt;
}

}  // namespace cs
