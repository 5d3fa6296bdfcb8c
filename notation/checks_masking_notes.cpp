// checks_masking_notes.cpp — masking: a beat's masking notes held to the
// geometry (masking.intent), and masking that holds only on the mark
// (masking.fragile).
//
// A note fails when its regions read on its camera, or when they are hidden
// but would still be hidden with the named masker out of the way (so something
// else masks them). Fragile masking: a region that may not read, hidden now,
// re-masked with the camera moved the fragile offset (left, right, up, down,
// closer) and with each performer slid that far on the floor; a probe that
// brings it to within a margin of reading (the hold threshold, half the read
// area) breaks it, so a millimetre cannot flip the finding.
//
// [SECTION] Stages with one thing moved or removed
// [SECTION] Fragile masking: measuring the probes
// [SECTION] Masking notes: measuring without the masker
// [SECTION] Verdicts
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include <glm/gtc/matrix_transform.hpp>

#include "notation/checks_run.hpp"
#include "notation/consent.hpp"
#include "notation/phrasing.hpp"

namespace cs {

namespace {

// ---------------------------------------------------------------------------
// [SECTION] Stages with one thing moved or removed

// A stage with one performer or prop left out (to learn what masks what).
Stage without(const Stage& st, int performer, int prop) {
  Stage s = st;
  s.shapes.erase(std::remove_if(s.shapes.begin(), s.shapes.end(),
                                [&](const Shape& sh) {
                                  return (performer >= 0 && sh.label.performer == performer) ||
                                         (prop >= 0 && sh.label.prop == prop);
                                }),
                 s.shapes.end());
  s.triangles.erase(std::remove_if(s.triangles.begin(), s.triangles.end(),
                                   [&](const StageTriangle& t) { return prop >= 0 && t.label.prop == prop; }),
                    s.triangles.end());
  return s;
}

// A stage with one performer's body moved by `offset` (metres, world).
Stage shifted(const Stage& st, int performer, const glm::vec3& offset) {
  Stage s = st;
  const glm::mat4 to = glm::translate(glm::mat4(1.0f), offset);
  const glm::mat4 back = glm::translate(glm::mat4(1.0f), -offset);
  for (Shape& sh : s.shapes) {
    if (sh.label.performer != performer) continue;
    sh.to_world = to * sh.to_world;
    sh.to_canonical = sh.to_canonical * back;
    sh.bound_center += offset;
  }
  return s;
}

bool noted_masked(const Beat* beat, const std::string& camera, const std::string& performer, Region r) {
  if (!beat) return false;
  for (const MaskingNote& n : beat->masking)
    if (n.camera == camera && n.performer == performer &&
        std::find(n.regions.begin(), n.regions.end(), r) != n.regions.end())
      return true;
  return false;
}

// ---------------------------------------------------------------------------
// [SECTION] Fragile masking: measuring the probes

// The part of the grid where the candidates' regions can be under one probe.
// Each region's footprint box on the mark, one ray wider each side (a
// region's edge lies within a ray of the last ray that met it), grown by how
// far the probe's move carries its points across the image, then one ray of
// margin. A point at depth z and image position (u, v) (tangent units) that
// moves by s relative to the camera (camera axes: sx right, sy up, sz ahead)
// lands at u' = u + (sx − u·sz)/(z + sz), likewise v. For z from the region's
// nearest depth zmin (bounded by the bounding spheres of the body shapes that
// carry it) outward, that shift runs from its value at zmin down to 0, and it
// is linear in u: so the box's edges at zmin bound it on each side.
MaskingOptions probe_window(const MaskingOptions& grid, const StageCamera& sc, const CameraMasking& m,
                            const std::vector<FragileResult>& cands,
                            const std::function<glm::dvec3(const FragileResult&)>& moved) {
  MaskingOptions o = grid;
  const int W = m.width, H = m.height;
  o.height = H;
  const double tw = sc.lens.tan_half_w, th = sc.lens.tan_half_h;
  int c0 = std::numeric_limits<int>::max(), c1 = -1, r0 = std::numeric_limits<int>::max(), r1 = -1;
  for (const FragileResult& c : cands) {
    const RayBox& b = m.performers[static_cast<std::size_t>(c.performer)].regions[static_cast<std::size_t>(c.region)].box;
    if (b.empty()) continue;
    const glm::dvec3 sw = moved(c);
    const glm::dvec3 s(glm::dot(sw, sc.basis.right), glm::dot(sw, sc.basis.up), glm::dot(sw, sc.basis.forward));
    const double zmin = c.zmin;
    if (!(zmin > 0.05) || !(zmin + s.z > 0.05)) return o;  // the region reaches the lens: the whole grid
    const double ua = (2.0 * (b.col_min - 0.5) / W - 1) * tw, ub = (2.0 * (b.col_max + 1.5) / W - 1) * tw;
    const double va = (1 - 2.0 * (b.row_max + 1.5) / H) * th, vb = (1 - 2.0 * (b.row_min - 0.5) / H) * th;
    const double du_a = (s.x - ua * s.z) / (zmin + s.z), du_b = (s.x - ub * s.z) / (zmin + s.z);
    const double dv_a = (s.y - va * s.z) / (zmin + s.z), dv_b = (s.y - vb * s.z) / (zmin + s.z);
    const double u_lo = ua + std::min({0.0, du_a, du_b}), u_hi = ub + std::max({0.0, du_a, du_b});
    const double v_lo = va + std::min({0.0, dv_a, dv_b}), v_hi = vb + std::max({0.0, dv_a, dv_b});
    // u = 2(i + ½)/W − 1, v = 1 − 2(j + ½)/H (in units of the half frame).
    c0 = std::min(c0, static_cast<int>(std::floor((u_lo / tw + 1) * W / 2 - 0.5)) - 1);
    c1 = std::max(c1, static_cast<int>(std::ceil((u_hi / tw + 1) * W / 2 - 0.5)) + 1);
    r0 = std::min(r0, static_cast<int>(std::floor((1 - v_hi / th) * H / 2 - 0.5)) - 1);
    r1 = std::max(r1, static_cast<int>(std::ceil((1 - v_lo / th) * H / 2 - 0.5)) + 1);
  }
  if (c1 < 0 || r1 < 0 || c0 >= W || r0 >= H) {
    o.col_min = o.row_min = 0;  // nothing to look at (cannot happen for a candidate): a one-ray window
    o.col_max = o.row_max = 0;
    return o;
  }
  o.col_min = std::max(0, c0);
  o.col_max = std::min(W - 1, c1);
  o.row_min = std::max(0, r0);
  o.row_max = std::min(H - 1, r1);
  return o;
}

}  // namespace

std::vector<FragileResult> measure_fragile(const CheckRun& run, const Stage& st, const Beat* beat,
                                           const CameraMasking& m, const std::vector<View>& views,
                                           std::size_t& passes_out) {
  const Document& d = run.doc;
  const Camera& cam = d.cameras[static_cast<std::size_t>(m.camera)];
  const Thresholds t = thresholds_for(m.rays());
  std::vector<FragileResult> cands;
  for (const PerformerMasking& pm : m.performers) {
    const Performer& perf = d.performers[static_cast<std::size_t>(pm.performer)];
    const StagePerformer& sp = st.performers[static_cast<std::size_t>(pm.performer)];
    for (std::size_t ri = 0; ri < kRegionCount; ++ri) {
      const Region r = vocab_at<Region>(ri);
      const RegionCounts& rc = pm.regions[ri];
      if (rc.footprint < t.start || rc.skin >= t.start || sp.covering[ri] >= 0) continue;
      const RiderVerdict v = rider_verdict(perf, r, views[static_cast<std::size_t>(pm.performer)]);
      if (!rider_forbids(v) && !noted_masked(beat, cam.id, perf.id, r)) continue;
      cands.push_back({pm.performer, r, {}});
    }
  }
  if (cands.empty()) return cands;
  const StageCamera& sc = st.cameras[static_cast<std::size_t>(m.camera)];
  // Each candidate's nearest depth, from the body shapes that carry its region
  // (the same for every probe: probe_window bounds each move's reach with it).
  for (FragileResult& c : cands) {
    c.zmin = std::numeric_limits<double>::infinity();
    for (const Shape& sh : st.shapes) {
      if (sh.label.performer != c.performer || sh.label.garment >= 0 || sh.label.is_prop()) continue;
      if (!(part_regions(sh.part) & region_bit(c.region))) continue;
      const glm::dvec3 rel = glm::dvec3(sh.bound_center) - sc.basis.position;
      c.zmin = std::min(c.zmin, glm::dot(rel, sc.basis.forward) - sh.bound_radius);
    }
  }
  const double dm = run.options.fragile_offset_m;
  const std::string cm = centimetres_text(dm);
  MaskingInterest in;  // the candidates' bare skin only
  in.footprints = false;
  in.regions.assign(st.performers.size(), 0);
  for (const FragileResult& c : cands) in.regions[static_cast<std::size_t>(c.performer)] |= region_bit(c.region);
  // Each probe looks only where its move can carry the candidates: `moved`
  // gives, per candidate, how its points move relative to the camera.
  auto probe = [&](const Stage& s, const std::string& what, const std::function<glm::dvec3(const FragileResult&)>& moved) {
    MaskingOptions window = probe_window(run.masking, sc, m, cands, moved);
    window.interest = &in;
    const CameraMasking pm = mask_camera(s, m.camera, window);
    ++passes_out;
    // A margin, not a knife edge: a probe that brings the region to within
    // the hold threshold (half the read area) breaks the masking, since a
    // millimetre more would make it read (checks.hpp, kHoldShare).
    for (FragileResult& c : cands) {
      const RegionCounts& rc = pm.performers[static_cast<std::size_t>(c.performer)].regions[static_cast<std::size_t>(c.region)];
      if (rc.skin >= t.hold) c.breaks.push_back(what);
    }
  };
  auto camera_probe = [&](const glm::dvec3& offset, const std::string& what) {
    Stage s = st;
    s.cameras[static_cast<std::size_t>(m.camera)].basis.position += offset;
    probe(s, "camera " + cam.id + " " + cm + " " + what, [&](const FragileResult&) { return -offset; });
  };
  camera_probe(sc.basis.right * dm, "to the right");
  camera_probe(-sc.basis.right * dm, "to the left");
  camera_probe(sc.basis.up * dm, "higher");
  camera_probe(-sc.basis.up * dm, "lower");
  camera_probe(sc.basis.forward * dm, "closer");
  // Performers slide on the floor, along the camera's left-right and to-and-from
  // directions, so a suggestion reads the way a DP would say it.
  glm::dvec3 across(sc.basis.right.x, 0, sc.basis.right.z), along(sc.basis.forward.x, 0, sc.basis.forward.z);
  if (glm::length(across) < 1e-6) across = glm::dvec3(1, 0, 0);
  across = glm::normalize(across);
  along = glm::length(along) < 1e-6 ? glm::dvec3(-sc.basis.up.x, 0, -sc.basis.up.z) : along;
  along = glm::length(along) < 1e-6 ? glm::dvec3(0, 0, -1) : glm::normalize(along);
  const glm::vec3 a(across * dm), f(along * dm);
  for (std::size_t p = 0; p < st.performers.size(); ++p) {
    const std::string name = display_name(d.performers[p]);
    const int pi = static_cast<int>(p);
    auto slide = [&](const glm::vec3& by, const std::string& what) {
      probe(shifted(st, pi, by), name + " " + cm + what, [&](const FragileResult& c) {
        return c.performer == pi ? glm::dvec3(by) : glm::dvec3(0);
      });
    };
    slide(a, " to camera right");
    slide(-a, " to camera left");
    slide(-f, " towards camera " + cam.id);
    slide(f, " away from camera " + cam.id);
  }
  return cands;
}

// ---------------------------------------------------------------------------
// [SECTION] Masking notes: measuring without the masker

std::vector<NoteResult> measure_notes(const CheckRun& run, const Stage& st, const Beat& beat, const CameraMasking& m,
                                      double count, std::size_t& passes_out) {
  const Document& d = run.doc;
  std::vector<NoteResult> out(beat.masking.size());
  if (count > beat.end_count() + 1e-9) return out;
  const Camera& cam = d.cameras[static_cast<std::size_t>(m.camera)];
  const Thresholds t = thresholds_for(m.rays());
  for (std::size_t n = 0; n < beat.masking.size(); ++n) {
    const MaskingNote& note = beat.masking[n];
    if (note.camera != cam.id || note.by == note.performer) continue;
    const int pi = d.performer_index(note.performer);
    if (pi < 0) continue;
    const PerformerMasking& pm = m.performers[static_cast<std::size_t>(pi)];
    std::uint32_t footprint = 0;
    bool any_reads = false;
    for (Region r : note.regions) {
      const RegionCounts& rc = pm.regions[static_cast<std::size_t>(r)];
      footprint += rc.footprint;
      any_reads |= rc.skin + rc.garment >= t.start;
    }
    if (any_reads || footprint < t.start) continue;  // phase 2 reports a note that reads
    const int by_perf = d.performer_index(note.by);
    int by_prop = -1;
    for (std::size_t p = 0; p < d.props.size(); ++p)
      if (d.props[p].id == note.by) by_prop = static_cast<int>(p);
    if (by_perf < 0 && by_prop < 0) continue;
    const CameraMasking again = mask_camera(without(st, by_perf, by_prop), m.camera, run.masking);
    ++passes_out;
    out[n].measured = true;
    for (Region r : note.regions) {
      const RegionCounts& rc = again.performers[static_cast<std::size_t>(pi)].regions[static_cast<std::size_t>(r)];
      out[n].seen_without += rc.skin + rc.garment;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// [SECTION] Verdicts

void observe_masking_notes(CheckRun& run, int k, double count, const Beat& beat, const SampleGeometry& g,
                           std::size_t ci) {
  const Document& d = run.doc;
  const CameraMasking& m = g.masks[ci];
  const Camera& cam = d.cameras[static_cast<std::size_t>(m.camera)];
  const Thresholds t = thresholds_for(m.rays());
  if (count > beat.end_count() + 1e-9) return;  // in a gap after the beat: the note no longer applies
  for (std::size_t n = 0; n < beat.masking.size(); ++n) {
    const MaskingNote& note = beat.masking[n];
    if (note.camera != cam.id) continue;
    const int pi = d.performer_index(note.performer);
    if (pi < 0) continue;
    const PerformerMasking& pm = m.performers[static_cast<std::size_t>(pi)];
    std::uint32_t seen = 0;
    std::vector<Region> reading;
    for (Region r : note.regions) {
      const RegionCounts& rc = pm.regions[static_cast<std::size_t>(r)];
      seen += rc.skin + rc.garment;
      if (rc.skin + rc.garment >= t.start) reading.push_back(r);
    }
    const std::string key = "masking|" + beat.id + "|" + std::to_string(n);
    Finding f = new_finding(FindingCode::masking_intent);
    f.beat = beat.id;
    f.camera = cam.id;
    f.performer = note.performer;
    f.region = note.regions.empty() ? std::nullopt : std::optional<Region>(note.regions.front());
    f.other = note.by;
    const std::string whose = possessive(display_name(d, note.performer)) + " " + region_words(note.regions);
    const std::string masker = display_name(d, note.by);
    if (!reading.empty()) {
      f.message = "Masking note: from " + cam.id + ", " + whose + " should be masked by " + masker + ", but " +
                  region_words(reading) + " read (up to {amount} of the frame) {span}";
      f.suggestion = "Adjust the poses or the camera so the masking holds through the whole beat";
      run.spans.observe(k, {key, f, m.share(seen)});
      continue;
    }
    const NoteResult& nr = g.notes[ci][n];
    if (!nr.measured || nr.seen_without >= t.start) continue;  // the named one does the masking
    f.message = "Masking note: from " + cam.id + ", " + whose + " should be masked by " + masker +
                ", but they are hidden by something else {span} (with " + masker +
                " out of the way they still do not read)";
    f.suggestion = "Correct the note to say what masks them, or restage so " + masker + " does";
    run.spans.observe(k, {key + "|other", f, 0});
  }
}

void observe_fragile(CheckRun& run, const Beat* beat, const SampleGeometry& g, std::size_t ci,
                     const std::set<std::pair<int, Region>>& reading_regions) {
  const Document& d = run.doc;
  const Camera& cam = d.cameras[static_cast<std::size_t>(g.masks[ci].camera)];
  for (const FragileResult& fr : g.fragile[ci]) {
    if (fr.breaks.empty() || reading_regions.count({fr.performer, fr.region})) continue;
    const Performer& p = d.performers[static_cast<std::size_t>(fr.performer)];
    Finding fd = new_finding(FindingCode::masking_fragile);
    fd.beat = beat ? beat->id : "";
    fd.camera = cam.id;
    fd.performer = p.id;
    fd.region = fr.region;
    fd.message = "Camera " + cam.id + " does not see " + possessive(display_name(p)) + " " +
                 std::string(region_label(fr.region)) + " {span}, but would if the camera or a performer were " +
                 centimetres_text(run.options.fragile_offset_m) + " off the mark";
    std::string what;
    for (std::size_t i = 0; i < fr.breaks.size() && i < 3; ++i) what += (i ? "; " : "") + fr.breaks[i];
    if (fr.breaks.size() > 3) what += " (and " + std::to_string(fr.breaks.size() - 3) + " more)";
    fd.suggestion = "Breaks with: " + what;
    run.fragile_spans.observe(run.probe_index,
                              {"fragile|" + cam.id + "|" + p.id + "|" + std::string(vocab_name(fr.region)), fd, 0});
  }
}

}  // namespace cs
