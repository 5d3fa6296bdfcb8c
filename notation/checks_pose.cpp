// checks_pose.cpp — the poses against the notation: two performers' regions
// brought into contact that no contact notes (pose.unnotated_contact, or
// pose.refused_contact where the touched performer agreed to nothing there with
// that partner), and noted contacts whose regions the poses hold apart for a
// whole beat (pose.contact_apart).
//
// Distances are measured between points on the bodies' surfaces (the centres of
// tessellate()'s triangles at kPoseDetail, and of their mirror images, so that
// left and right are measured alike), only for shapes within touching
// reach of another body or carrying a contact's region, and only for region
// pairs where one side is sensitive or intimate: two ordinary regions touching
// is no concern.
//
// [SECTION] Poses as written
// [SECTION] Surfaces and points
// [SECTION] Region distances
// [SECTION] Measuring a sample
// [SECTION] Verdicts
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "notation/checks_run.hpp"
#include "notation/consent.hpp"
#include "notation/conventions.hpp"
#include "notation/mannequin.hpp"
#include "notation/phrasing.hpp"

namespace cs {

namespace {

// The tessellation the pose checks measure with (kTessellationSlackM is for it).
constexpr int kPoseDetail = 8;

bool is_head(Region r) {
  return r == Region::scalp || r == Region::face || r == Region::lips || r == Region::ear_l || r == Region::ear_r;
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] Poses as written
//
// pose.unposed: the stage takes a performer's shape from their keys (stage.hpp);
// before their first key it has none to hold, so it borrows the first one (or,
// with no key at all, stands them at the origin, inside whoever is there).
// Either is a shape nobody notated, and every check of them would be judged on
// it. pose.joint_limit: the stage holds each angle to its joint's limits
// (clamp_joint); an angle written past them is not what will be checked.

void check_poses_written(const Document& doc, std::vector<Finding>& out) {
  const auto& beats = doc.choreography.beats;
  if (beats.empty()) return;
  std::vector<const Beat*> order;
  for (const Beat& b : beats) order.push_back(&b);
  std::stable_sort(order.begin(), order.end(),
                   [](const Beat* a, const Beat* b) { return a->start_count < b->start_count; });
  for (const Performer& p : doc.performers) {
    const Beat* first_key = nullptr;
    for (const Beat* b : order)
      if (std::any_of(b->poses.begin(), b->poses.end(), [&](const Pose& q) { return q.performer == p.id; })) {
        first_key = b;
        break;
      }
    const Beat* first = order.front();
    if (first_key == first) continue;
    Finding f = new_finding(FindingCode::pose_unposed);
    f.beat = first->id;
    f.performer = p.id;
    f.from_count = first->start_count;
    f.to_count = first_key ? first_key->start_count : doc.last_count();
    const std::string who = display_name(p);
    if (first_key) {
      f.message = who + " has no pose at " + first->id + " (" + first->label + "), the first beat, nor until " +
                  first_key->id + " at count " + number_text(first_key->start_count) +
                  ", so the stage holds that later pose from the start: a shape nobody notated, and the checks of " +
                  who + " before it are judged on it";
      f.suggestion = "Pose " + who + " at " + first->id;
    } else {
      f.message = who + " has no pose in any beat, so the stage stands them at the origin, inside anyone there: "
                  "every check of " + who + " is judged on a shape nobody notated";
      f.suggestion = "Pose " + who + " at " + first->id;
    }
    out.push_back(std::move(f));
  }
  for (const Beat* b : order)
    for (const Pose& pose : b->poses)
      for (const JointRotation& jr : pose.joints) {
        const JointLimits l = joint_limits(jr.joint);
        std::string past;
        for (int axis = 0; axis < 3; ++axis) {
          const double v = jr.degrees[static_cast<std::size_t>(axis)];
          const double lo = l.min_deg[axis], hi = l.max_deg[axis];
          // The limits are floats; an angle within a thousandth of a degree of one is at it.
          if (v >= lo - 1e-3 && v <= hi + 1e-3) continue;
          const JointAxis ax = joint_axis(jr.joint, axis);
          if (!past.empty()) past += "; ";
          if (lo == 0 && hi == 0) {  // an axis the joint does not turn about at all
            past += "a turn of " + number_text(v) + "° about an axis it does not turn on (" +
                    std::string(axis == 0 ? "x" : axis == 1 ? "y" : "z") + ")";
            continue;
          }
          past += std::string(ax.name) + " " + number_text(v) + "° is past its limit of " +
                  number_text(v > hi ? hi : lo) + "° (" + std::string(v > hi ? ax.positive : ax.negative) +
                  " at most " + number_text(std::abs(v > hi ? hi : lo)) + "°)";
        }
        if (past.empty()) continue;
        Finding f = new_finding(FindingCode::pose_joint_limit);
        f.beat = b->id;
        f.performer = pose.performer;
        f.from_count = f.to_count = b->start_count;
        f.other = std::string(vocab_name(jr.joint));
        f.message = possessive(display_name(doc, pose.performer)) + " " + std::string(joint_label(jr.joint)) + " in " +
                    b->id + ": " + past + "; the stage holds it at the limit, so that is what is checked";
        f.suggestion = "Bring the angle within the joint's range";
        out.push_back(std::move(f));
      }
}

// ---------------------------------------------------------------------------
// [SECTION] Surfaces and points

const SurfaceCache::Entry& SurfaceCache::get(const Shape& s) {
  const ShapeKey key = shape_key(s);
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it != entries_.end()) return it->second;
  Entry e;
  const ShapeSurface surface = shape_surface(s, kPoseDetail);
  // Corners shared by neighbouring triangles are transformed once (the same
  // bits: a corner's transform does not depend on its triangle).
  std::map<std::array<float, 3>, std::uint32_t> index;
  auto corner = [&](const glm::vec3& c) {
    const auto [slot, fresh] = index.emplace(std::array<float, 3>{c.x, c.y, c.z}, static_cast<std::uint32_t>(e.vertices.size()));
    if (fresh) e.vertices.push_back(c);
    return slot->second;
  };
  // Each triangle, and its mirror image through the canonical x = 0 plane. A
  // left limb's shape is its right twin's mirrored, and the tessellation splits
  // each quad along one diagonal, which a mirror turns into the other: with
  // both, the points of a left part are exactly the mirror of the right's, so a
  // scene mirrored left to right gives the mirrored touches.
  for (int side = 0; side < 2; ++side)
    for (std::size_t t = 0; t < surface.label_points.size(); ++t) {
      const glm::vec3 flip(side ? -1.0f : 1.0f, 1.0f, 1.0f);
      std::array<std::uint32_t, 3> tri{};
      for (int k = 0; k < 3; ++k) tri[static_cast<std::size_t>(k)] = corner(surface.corners[3 * t + static_cast<std::size_t>(k)] * flip);
      e.triangles.push_back(tri);
      e.regions.push_back(body_region(s.part, region_coords(s, surface.label_points[t] * flip)));
    }
  return entries_.emplace(key, std::move(e)).first->second;  // std::map: references stay valid
}

namespace {

// Surface points of each performer's body by region, for proximity.
struct BodyPoints {
  std::vector<glm::vec3> points;
  std::vector<Region> regions;
};

// Points on the bodies' surfaces (each triangle's centre of tessellate()'s
// surface at kPoseDetail, computed as it computes them) near enough another
// body to touch it (within `reach` of another performer's shape, by bounding
// spheres: a surface point lies inside its shape's sphere), and on the regions
// in `keep` (per performer: the regions whose distance a contact needs),
// wherever they are. Garment shells lie a few millimetres outside the skin and
// props are not bodies, so neither counts.
std::vector<BodyPoints> body_points(const Stage& st, float reach, const std::vector<std::uint64_t>& keep,
                                    SurfaceCache& cache) {
  std::vector<BodyPoints> out(st.performers.size());
  std::vector<glm::vec3> world;  // one shape's corners, placed
  std::vector<const Shape*> skin;
  for (const Shape& sh : st.shapes)
    if (sh.label.performer >= 0 && !sh.label.is_prop() && sh.covers == 0 && sh.part != BodyPart::none)
      skin.push_back(&sh);
  for (const Shape* sh : skin) {
    const std::size_t P = static_cast<std::size_t>(sh->label.performer);
    bool want = P < keep.size() && (part_regions(sh->part) & keep[P]);
    for (std::size_t o = 0; o < skin.size() && !want; ++o)
      want = skin[o]->label.performer != sh->label.performer &&
             glm::distance(sh->bound_center, skin[o]->bound_center) <= sh->bound_radius + skin[o]->bound_radius + reach;
    if (!want) continue;
    const SurfaceCache::Entry& e = cache.get(*sh);
    BodyPoints& bp = out[P];
    world.resize(e.vertices.size());
    for (std::size_t v = 0; v < e.vertices.size(); ++v) world[v] = glm::vec3(sh->to_world * glm::vec4(e.vertices[v], 1.0f));
    for (std::size_t t = 0; t < e.triangles.size(); ++t) {
      const std::array<std::uint32_t, 3>& tri = e.triangles[t];
      bp.points.push_back((world[tri[0]] + world[tri[1]] + world[tri[2]]) / 3.0f);
      bp.regions.push_back(e.regions[t]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// [SECTION] Region distances

// Smallest distance between every region of A and every region of B that come
// within `reach` of each other, where at least one of the two is in its
// performer's `a_private` / `b_private` bits (the pose checks report only
// touches of a sensitive or intimate region; two ordinary regions touching is
// no concern). A grid of `reach`-sized cells over B's points, each cell's
// private points first, so an ordinary point of A looks only at those.
RegionPairDistance near_pairs(const BodyPoints& a, const BodyPoints& b, float reach, std::uint64_t a_private,
                              std::uint64_t b_private) {
  RegionPairDistance out;
  if (a.points.empty() || b.points.empty()) return out;
  // Only the overlap of the two bodies' boxes (grown by `reach`) can hold a
  // near pair; a dense grid of `reach`-sized cells over it, B's points sorted
  // into the cells (counting sort), then each of A's points looks at 27 cells.
  glm::vec3 alo(std::numeric_limits<float>::max()), ahi(-std::numeric_limits<float>::max());
  glm::vec3 blo = alo, bhi = ahi;
  for (const glm::vec3& p : a.points) { alo = glm::min(alo, p); ahi = glm::max(ahi, p); }
  for (const glm::vec3& p : b.points) { blo = glm::min(blo, p); bhi = glm::max(bhi, p); }
  const glm::vec3 lo = glm::max(alo, blo) - glm::vec3(reach), hi = glm::min(ahi, bhi) + glm::vec3(reach);
  if (lo.x > hi.x || lo.y > hi.y || lo.z > hi.z) return out;
  const float cell = std::max(reach, std::max({hi.x - lo.x, hi.y - lo.y, hi.z - lo.z}) / 256.0f);
  const int nx = static_cast<int>((hi.x - lo.x) / cell) + 1, ny = static_cast<int>((hi.y - lo.y) / cell) + 1,
            nz = static_cast<int>((hi.z - lo.z) / cell) + 1;
  auto inside = [&](const glm::vec3& p) {
    return p.x >= lo.x && p.y >= lo.y && p.z >= lo.z && p.x <= hi.x && p.y <= hi.y && p.z <= hi.z;
  };
  auto index = [&](int x, int y, int z) { return (static_cast<std::size_t>(z) * ny + y) * nx + x; };
  auto coords = [&](const glm::vec3& p, int& x, int& y, int& z) {
    x = std::min(nx - 1, static_cast<int>((p.x - lo.x) / cell));
    y = std::min(ny - 1, static_cast<int>((p.y - lo.y) / cell));
    z = std::min(nz - 1, static_cast<int>((p.z - lo.z) / cell));
  };
  auto is_private = [](std::uint64_t bits, Region r) { return (bits & region_bit(r)) != 0; };
  // start[c] … start[c + 1]: cell c's points, its private ones first, up to split[c].
  std::vector<std::uint32_t> start(static_cast<std::size_t>(nx) * ny * nz + 1, 0);
  std::vector<std::uint32_t> cell_of(b.points.size(), ~0u);
  for (std::uint32_t j = 0; j < b.points.size(); ++j) {
    if (!inside(b.points[j])) continue;
    int x, y, z;
    coords(b.points[j], x, y, z);
    cell_of[j] = static_cast<std::uint32_t>(index(x, y, z));
    ++start[cell_of[j] + 1];
  }
  for (std::size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
  // split[c]: where cell c's private points end and its others begin.
  std::vector<std::uint32_t> split(start.begin(), start.end() - 1);
  for (std::uint32_t j = 0; j < b.points.size(); ++j)
    if (cell_of[j] != ~0u && is_private(b_private, b.regions[j])) ++split[cell_of[j]];
  std::vector<std::uint32_t> items(start.back());
  {
    std::vector<std::uint32_t> mine(start.begin(), start.end() - 1), others(split);
    for (std::uint32_t j = 0; j < b.points.size(); ++j)
      if (cell_of[j] != ~0u) items[is_private(b_private, b.regions[j]) ? mine[cell_of[j]]++ : others[cell_of[j]]++] = j;
  }
  // An ordinary point of A can only be near a private point of B: within
  // reach of their box.
  glm::vec3 plo(std::numeric_limits<float>::max()), phi(-std::numeric_limits<float>::max());
  for (std::uint32_t j = 0; j < b.points.size(); ++j)
    if (is_private(b_private, b.regions[j])) {
      plo = glm::min(plo, b.points[j]);
      phi = glm::max(phi, b.points[j]);
    }
  plo -= glm::vec3(reach);
  phi += glm::vec3(reach);
  const float reach2 = reach * reach;
  std::array<float, kRegionCount * kRegionCount> best;
  best.fill(std::numeric_limits<float>::infinity());
  for (std::size_t i = 0; i < a.points.size(); ++i) {
    const glm::vec3& p = a.points[i];
    if (!inside(p)) continue;
    const bool mine = is_private(a_private, a.regions[i]);
    if (!mine && (p.x < plo.x || p.y < plo.y || p.z < plo.z || p.x > phi.x || p.y > phi.y || p.z > phi.z)) continue;
    int x, y, z;
    coords(p, x, y, z);
    const std::size_t ra = static_cast<std::size_t>(a.regions[i]) * kRegionCount;
    for (int dz = std::max(0, z - 1); dz <= std::min(nz - 1, z + 1); ++dz)
      for (int dy = std::max(0, y - 1); dy <= std::min(ny - 1, y + 1); ++dy)
        for (int dx = std::max(0, x - 1); dx <= std::min(nx - 1, x + 1); ++dx) {
          const std::size_t c = index(dx, dy, dz);
          const std::uint32_t stop = mine ? start[c + 1] : split[c];
          for (std::uint32_t k = start[c]; k < stop; ++k) {
            const std::uint32_t j = items[k];
            const glm::vec3 d = p - b.points[j];
            const float d2 = glm::dot(d, d);
            if (d2 > reach2) continue;
            float& slot = best[ra + static_cast<std::size_t>(b.regions[j])];
            slot = std::min(slot, d2);
          }
        }
  }
  for (std::size_t ra = 0; ra < kRegionCount; ++ra)
    for (std::size_t rb = 0; rb < kRegionCount; ++rb)
      if (std::isfinite(best[ra * kRegionCount + rb]))
        out[{vocab_at<Region>(ra), vocab_at<Region>(rb)}] = std::sqrt(best[ra * kRegionCount + rb]);
  return out;
}

// Smallest distance between region `ra` of A and region `rb` of B (brute force
// over the two regions' points, which are few).
float region_distance(const BodyPoints& a, Region ra, const BodyPoints& b, Region rb) {
  float best = std::numeric_limits<float>::infinity();
  std::vector<glm::vec3> pb;
  for (std::size_t j = 0; j < b.points.size(); ++j)
    if (b.regions[j] == rb) pb.push_back(b.points[j]);
  for (std::size_t i = 0; i < a.points.size(); ++i) {
    if (a.regions[i] != ra) continue;
    for (const glm::vec3& q : pb) {
      const glm::vec3 d = a.points[i] - q;
      best = std::min(best, glm::dot(d, d));
    }
  }
  return std::sqrt(best);
}

// Tessellation places points at triangle centres, up to about half a triangle
// from the true surface; this slack is added to the touching distance.
constexpr float kTessellationSlackM = 0.015f;


}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] Measuring a sample

void measure_pose(const CheckRun& run, const Stage& st, const Beat& beat, SampleGeometry& g) {
  const Document& d = run.doc;
  const float reach = static_cast<float>(kTouchM) + kTessellationSlackM;
  std::vector<std::uint64_t> keep(st.performers.size(), 0);
  for (const Contact& ct : beat.contacts) {
    const int gi = d.performer_index(ct.giver), ri = d.performer_index(ct.receiver);
    if (gi >= 0) keep[static_cast<std::size_t>(gi)] |= region_bit(ct.with);
    if (ri >= 0) keep[static_cast<std::size_t>(ri)] |= region_bit(ct.region);
  }
  const std::vector<BodyPoints> pts = body_points(st, reach, keep, run.surfaces);
  g.contact_distance.assign(beat.contacts.size(), std::numeric_limits<float>::infinity());
  for (std::size_t c = 0; c < beat.contacts.size(); ++c) {
    const Contact& ct = beat.contacts[c];
    const int gi = d.performer_index(ct.giver), ri = d.performer_index(ct.receiver);
    if (gi < 0 || ri < 0 || gi == ri) continue;
    g.contact_distance[c] = std::max(0.0f, region_distance(pts[static_cast<std::size_t>(gi)], ct.with,
                                                           pts[static_cast<std::size_t>(ri)], ct.region) -
                                               kTessellationSlackM);
  }
  for (std::size_t a = 0; a < pts.size(); ++a)
    for (std::size_t b = a + 1; b < pts.size(); ++b)
      g.touching[{static_cast<int>(a), static_cast<int>(b)}] =
          near_pairs(pts[a], pts[b], reach, run.private_regions[a], run.private_regions[b]);
}

// ---------------------------------------------------------------------------
// [SECTION] Verdicts

namespace {

// Performer `touched`'s private region `pr` touched by performer `toucher`'s
// region `by`, with no contact noting it.
void observe_touch(CheckRun& run, int k, const Beat& beat, std::size_t touched_index, Region pr,
                   std::size_t toucher_index, Region by) {
  const Document& d = run.doc;
  const Performer& touched = d.performers[touched_index];
  const std::string& pid = touched.id;
  const std::string& oid = d.performers[toucher_index].id;
  // Where the touched performer agreed to nothing there with this partner
  // (only `no` lines, or none), an unnoted touch is an error, not a note-keeping gap.
  bool agreed_any = false, named = false;
  for (const Boundary& bl : touched.boundaries) {
    if (bl.direction != Direction::receive || bl.region != pr || !names_partner(bl, oid)) continue;
    named = true;
    agreed_any |= bl.state != BoundaryState::no;
  }
  Finding f = new_finding(agreed_any ? FindingCode::pose_unnotated_contact : FindingCode::pose_refused_contact);
  f.beat = beat.id;
  f.performer = pid;
  f.region = pr;
  f.other = oid;
  f.message = "The poses bring " + possessive(display_name(d, oid)) + " {details} into contact with " +
              possessive(display_name(d, pid)) + " " + std::string(region_label(pr)) +
              " {span}, and no contact notes it" +
              (agreed_any ? std::string()
                          : std::string("; ") + display_name(d, pid) + (named ? " marked it no" : " never discussed it") +
                                " for " + display_name(d, oid));
  f.suggestion = agreed_any ? "Notate the contact (and check it against both body maps), or adjust the poses"
                            : "Adjust the poses (an in-between key, or another path for the limb) so they do not meet there";
  Observation o{"touch|" + pid + "|" + std::string(vocab_name(pr)) + "|" + oid, f, 0};
  o.detail = std::string(region_label(by));
  run.spans.observe(k, std::move(o));
}

}  // namespace

void observe_pose(CheckRun& run, int k, double count, const Beat& beat, const SampleGeometry& g) {
  const Document& d = run.doc;
  for (std::size_t c = 0; c < g.contact_distance.size(); ++c) {
    auto [slot, fresh] = run.contact_min.emplace(std::make_pair(&beat, c), g.contact_distance[c]);
    if (!fresh) slot->second = std::min(slot->second, g.contact_distance[c]);
  }
  if (count > beat.end_count() + 1e-9) return;  // in a gap: no notation to hold the poses to
  for (const auto& [pair, near] : g.touching) {
    const std::size_t a = static_cast<std::size_t>(pair.first), b = static_cast<std::size_t>(pair.second);
    const std::string& ida = d.performers[a].id;
    const std::string& idb = d.performers[b].id;
    for (const auto& entry : near) {
      const auto [ra, rb] = entry.first;  // every pair in `near` is within touching reach
      const Tier ta = tier_for(d.performers[a], ra), tb = tier_for(d.performers[b], rb);
      if (ta == Tier::ordinary && tb == Tier::ordinary) continue;
      bool noted = false;
      for (const Contact& ct : beat.contacts) {
        const bool ab = ct.giver == ida && ct.receiver == idb, ba = ct.giver == idb && ct.receiver == ida;
        if ((ab && ct.with == ra && ct.region == rb) || (ba && ct.with == rb && ct.region == ra)) {
          noted = true;
          break;
        }
        // A kiss or a cheek to cheek brings whole faces together: a noted
        // contact head to head covers every head region touching head.
        if ((ab || ba) && is_head(ct.with) && is_head(ct.region) && is_head(ra) && is_head(rb)) {
          noted = true;
          break;
        }
      }
      if (noted) continue;
      // One finding per private region touched, from each side whose region
      // is private: both directions, so the findings do not depend on which
      // performer comes first in the file (a tie in tier once picked the first).
      if (ta != Tier::ordinary) observe_touch(run, k, beat, a, ra, b, rb);
      if (tb != Tier::ordinary) observe_touch(run, k, beat, b, rb, a, ra);
    }
  }
}

void report_contacts_apart(CheckRun& run) {
  const Document& d = run.doc;
  for (const auto& [key, dist] : run.contact_min) {
    const Beat& b = *key.first;
    const Contact& c = b.contacts[key.second];
    // Through a barrier, the barrier's own thickness is between them.
    double allowed = kApartM;
    if (c.layer == Layer::through_barrier)
      if (const Prop* barrier = d.prop(c.barrier))
        allowed += std::min({barrier->size[0], barrier->size[1], barrier->size[2]});
    if (dist <= allowed) continue;
    Finding f = new_finding(FindingCode::pose_contact_apart);
    f.beat = b.id;
    f.from_count = b.start_count;
    f.to_count = b.end_count();
    f.performer = c.giver;
    f.region = c.with;
    f.other = c.receiver;
    f.message = "Noted contact " + possessive(display_name(d, c.giver)) + " " + std::string(region_label(c.with)) +
                " to " + possessive(display_name(d, c.receiver)) + " " + std::string(region_label(c.region)) +
                ", but the poses keep them " +
                // (rounded in float, as the distance is measured)
                (std::isfinite(dist) ? "at least " + number_text(std::round(dist * 100)) + " cm" : std::string("far")) +
                " apart throughout the beat";
    f.suggestion = "Adjust the poses so they meet, or remove the contact";
    run.whole_beat.push_back(std::move(f));
  }
}

}  // namespace cs
