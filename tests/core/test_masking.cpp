// test_masking.cpp — what each camera sees: closed-form cases, symmetry,
// convergence, determinism, independence from the order of the file.
#include <numbers>
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "notation/format.hpp"
#include "notation/masking.hpp"
#include "notation/stage.hpp"

using namespace cs;

namespace {


Pose pose(const char* who, Vec3 root, Vec3 rot, std::vector<JointRotation> joints) {
  Pose p;
  p.performer = who;
  p.root_position = root;
  p.root_rotation = rot;
  p.joints = std::move(joints);
  return p;
}

Camera camera(const char* id, Vec3 pos, Vec3 target, double focal, double aspect, Sensor sensor = Sensor::super35) {
  Camera c;
  c.id = id;
  c.position = pos;
  c.target = target;
  c.focal_mm = focal;
  c.aspect = aspect;
  c.sensor = sensor;
  return c;
}

// Two performers standing and turning, a modesty garment each, a barrier pillow,
// four cameras around them (front, side, rear, overhead).
Document two_people() {
  Document doc;
  Performer ana, ben;
  ana.id = "ana"; ana.height_m = 1.66; ana.build = Build::slim;
  ben.id = "ben"; ben.height_m = 1.84; ben.build = Build::broad;
  doc.performers = {ana, ben};
  Garment g1, g2;
  g1.id = "ana_cover"; g1.wearer = "ana"; g1.kind = GarmentKind::strapless_thong;
  g1.covers = {Region::genitals, Region::pubic, Region::perineum};
  g2.id = "ben_cover"; g2.wearer = "ben"; g2.kind = GarmentKind::pouch;
  g2.covers = {Region::genitals, Region::pubic, Region::perineum};
  doc.garments = {g1, g2};
  Prop pillow;
  pillow.id = "pillow"; pillow.shape = PropShape::box; pillow.size = {0.45, 0.3, 0.14};
  pillow.position = {0.0, 0.95, 0.1}; pillow.rotation = {0, 10, 0}; pillow.barrier = true; pillow.owner = "ana";
  Prop stool;
  stool.id = "stool"; stool.shape = PropShape::cylinder; stool.size = {0.4, 0.45, 0.4}; stool.position = {1.0, 0.225, -0.6};
  doc.props = {pillow, stool};
  doc.cameras = {camera("A", {0.7, 1.3, 3.2}, {0, 1.0, 0}, 32, 2.39), camera("B", {3.6, 1.5, -0.8}, {0, 1.0, 0}, 50, 2.39),
                 camera("C", {-0.9, 1.7, -3.0}, {0, 1.0, 0}, 40, 1.85),
                 camera("D", {0.1, 3.6, 0.4}, {0, 0.9, 0}, 24, 2.39, Sensor::full_frame)};
  Beat b1, b2, b3;
  b1.id = "b1"; b1.start_count = 1; b1.length_counts = 2;
  b2.id = "b2"; b2.start_count = 3; b2.length_counts = 2;
  b3.id = "b3"; b3.start_count = 5; b3.length_counts = 2;
  b1.poses = {pose("ana", {-0.35, 0.913, 0}, {0, 25, 0}, {{Joint::shoulder_r, {-40, 0, -20}}, {Joint::elbow_r, {-60, 0, 0}}}),
              pose("ben", {0.35, 1.012, 0.05}, {0, -35, 0}, {{Joint::shoulder_l, {-30, 0, 15}}, {Joint::hip_r, {-20, 0, 0}}})};
  b2.poses = {pose("ana", {-0.3, 0.913, 0.1}, {0, 60, 0}, {{Joint::spine_lower, {15, 10, 0}}, {Joint::shoulder_r, {-80, 0, -10}}}),
              pose("ben", {0.25, 1.012, 0.1}, {0, -80, 0}, {{Joint::shoulder_l, {-70, 20, 30}}, {Joint::knee_l, {40, 0, 0}}})};
  b3.poses = {pose("ana", {-0.2, 0.913, 0.1}, {0, 150, 0}, {{Joint::neck, {0, 30, 0}}}),
              pose("ben", {0.2, 1.012, 0.1}, {0, -120, 0}, {})};
  doc.choreography.beats = {b1, b2, b3};
  return doc;
}

Vec3 flip(Vec3 v) { return {-v[0], v[1], v[2]}; }
Vec3 flip_rot(Vec3 v) { return {v[0], -v[1], -v[2]}; }
Joint mirror_joint(Joint j) {
  std::string n(vocab_name(j));
  if (n.size() > 2 && n[n.size() - 2] == '_') n.back() = n.back() == 'l' ? 'r' : 'l';
  return vocab_parse<Joint>(n).value_or(j);
}

// The scene reflected through the x = 0 plane: every left becomes right.
Document mirrored(Document doc) {
  for (Garment& g : doc.garments)
    for (Region& r : g.covers) r = mirror(r);
  for (Prop& p : doc.props) { p.position = flip(p.position); p.rotation = flip_rot(p.rotation); }
  for (Camera& c : doc.cameras) { c.position = flip(c.position); c.target = flip(c.target); c.roll_deg = -c.roll_deg; }
  for (Beat& b : doc.choreography.beats)
    for (Pose& p : b.poses) {
      p.root_position = flip(p.root_position);
      p.root_rotation = flip_rot(p.root_rotation);
      for (JointRotation& j : p.joints) { j.joint = mirror_joint(j.joint); j.degrees = flip_rot(j.degrees); }
      std::sort(p.joints.begin(), p.joints.end(), [](const JointRotation& x, const JointRotation& y) { return x.joint < y.joint; });
    }
  return doc;
}

const CameraMasking& by_camera(const std::vector<CameraMasking>& v, int cam) {
  for (const CameraMasking& m : v) if (m.camera == cam) return m;
  FAIL("camera missing");
  return v.front();
}

}  // namespace

TEST_CASE("masking: a sphere of known size at a known distance covers the share the formula says") {
  Document doc;
  Prop ball;
  ball.id = "ball"; ball.shape = PropShape::sphere; ball.size = {0.6, 0.6, 0.6}; ball.position = {0, 1, -1};
  doc.props = {ball};
  doc.cameras = {camera("A", {0, 1, 4}, {0, 1, 0}, 50, 2.39)};  // 5 m from the centre
  const Stage st = evaluate(doc, 1);
  MaskingOptions opt;
  opt.width = 960;
  const CameraMasking m = mask_camera(st, 0, opt);
  // The silhouette of a sphere of radius r at distance D on the axis is a disc of
  // radius tan(asin(r/D)) in the image plane (tangent units).
  const double r = 0.3, D = 5, tan_a = r / std::sqrt(D * D - r * r);
  const LensFrame f = st.cameras[0].lens;
  const double expected = std::numbers::pi * tan_a * tan_a / (4 * f.tan_half_w * f.tan_half_h);
  CHECK(m.share(m.prop_rays[0]) == doctest::Approx(expected).epsilon(0.01));
  CHECK(m.empty_rays + m.prop_rays[0] == m.rays());
  CHECK(m.height == masking_height(960, 2.39));
  CHECK(m.shot == ShotSize::none);
}

TEST_CASE("masking: a box right in front of the lens hides every region") {
  Document doc = two_people();
  Prop flag;
  flag.id = "flag"; flag.shape = PropShape::box; flag.size = {3, 3, 0.05};
  // 0.4 m in front of camera A, facing it.
  const glm::dvec3 pos(0.7, 1.3, 3.2), dir = glm::normalize(glm::dvec3(0, 1.0, 0) - pos);
  const glm::dvec3 c = pos + 0.4 * dir;
  flag.position = {c.x, c.y, c.z};
  flag.rotation = {0, std::atan2(dir.x, dir.z) * 180 / std::numbers::pi, 0};
  doc.props.push_back(flag);
  const Stage st = evaluate(doc, 1);
  const CameraMasking m = mask_camera(st, 0);
  CHECK(m.prop_rays[2] == m.rays());
  std::size_t in_frame = 0;
  for (const PerformerMasking& pm : m.performers) {
    CHECK(pm.seen == 0);
    for (std::size_t r = 0; r < kRegionCount; ++r) {
      const RegionCounts& rc = pm.regions[r];
      CHECK(rc.skin == 0);
      CHECK(rc.garment == 0);
      if (rc.footprint) {
        ++in_frame;
        CHECK(m.shares(pm.performer, vocab_at<Region>(r)).hidden == 1.0);
      }
    }
  }
  CHECK(in_frame > 40);  // both performers are in frame, behind the flag
}

TEST_CASE("masking: a camera turned away sees nothing in frame") {
  Document doc = two_people();
  doc.cameras[0].target = {1.4, 1.6, 6.4};  // looking away from the set
  const CameraMasking m = mask_camera(evaluate(doc, 1), 0);
  CHECK(m.empty_rays == m.rays());
  for (const PerformerMasking& pm : m.performers) {
    CHECK(pm.in_frame == 0);
    for (const RegionCounts& rc : pm.regions) CHECK(rc == RegionCounts{});
  }
  CHECK(m.shot == ShotSize::none);
}

TEST_CASE("masking: a region under its garment shows the garment and no skin") {
  Document doc = two_people();
  Garment bra;
  bra.id = "ana_bra"; bra.wearer = "ana"; bra.kind = GarmentKind::bra; bra.camera = GarmentCamera::costume;
  bra.covers = {Region::breast_l, Region::breast_r, Region::nipple_l, Region::nipple_r};
  doc.garments.push_back(bra);
  doc.performers.pop_back();  // Ana alone, facing camera A
  doc.garments.erase(doc.garments.begin() + 1);
  for (Beat& b : doc.choreography.beats) b.poses.pop_back();
  const Stage st = evaluate(doc, 1);
  const auto all = mask_all(st);
  std::uint32_t bra_seen = 0, cover_seen = 0;
  for (const CameraMasking& m : all) {
    const PerformerMasking& ana = m.performers[0];
    for (Region r : {Region::breast_l, Region::breast_r, Region::nipple_l, Region::nipple_r, Region::genitals,
                     Region::pubic, Region::perineum}) {
      CAPTURE(vocab_name(r));
      CHECK(ana.regions[std::size_t(r)].skin == 0);
      if (ana.regions[std::size_t(r)].footprint) CHECK(m.shares(0, r).hidden == 1.0);
    }
    bra_seen += m.garment_rays[1];
    cover_seen += m.garment_rays[0];
  }
  const CameraMasking& front = all[0];
  CHECK(front.performers[0].regions[std::size_t(Region::breast_l)].garment > 0);
  CHECK(front.performers[0].regions[std::size_t(Region::nipple_r)].garment > 0);
  CHECK(front.performers[0].regions[std::size_t(Region::genitals)].garment > 0);
  CHECK(front.performers[0].regions[std::size_t(Region::face)].skin > 0);
  CHECK(bra_seen > 0);
  CHECK(cover_seen > 0);
}

TEST_CASE("masking: removing every garment never lowers a bare-skin share") {
  const Document doc = two_people();
  Document bare = doc;
  Garment robe;
  robe.id = "robe"; robe.wearer = "ben"; robe.kind = GarmentKind::robe;
  robe.covers = {Region::back_upper, Region::back_lower, Region::chest_upper, Region::abdomen_upper, Region::flank_l,
                 Region::flank_r, Region::upper_arm_l, Region::upper_arm_r, Region::shoulder_l, Region::shoulder_r};
  Document more = doc;
  more.garments.push_back(robe);
  bare.garments.clear();
  for (double count : {1.0, 2.0, 3.5, 5.0}) {
    for (const Document* dressed : {static_cast<const Document*>(&doc), static_cast<const Document*>(&more)}) {
      const auto with = mask_all(evaluate(*dressed, count));
      const auto without = mask_all(evaluate(bare, count));
      for (std::size_t c = 0; c < with.size(); ++c)
        for (std::size_t p = 0; p < 2; ++p)
          for (std::size_t r = 0; r < kRegionCount; ++r) {
            CAPTURE(c); CAPTURE(p); CAPTURE(vocab_name(vocab_at<Region>(r)));
            CHECK(without[c].performers[p].regions[r].skin >= with[c].performers[p].regions[r].skin);
          }
    }
  }
}

TEST_CASE("masking: a scene mirrored left to right swaps every _l and _r number") {
  const Document doc = two_people();
  const Document mir = mirrored(doc);
  for (double count : {1.0, 2.0, 4.0}) {
    const auto a = mask_all(evaluate(doc, count));
    const auto b = mask_all(evaluate(mir, count));
    for (std::size_t c = 0; c < a.size(); ++c)
      for (int p = 0; p < 2; ++p)
        for (std::size_t r = 0; r < kRegionCount; ++r) {
          const Region reg = vocab_at<Region>(r);
          CAPTURE(c); CAPTURE(p); CAPTURE(vocab_name(reg));
          const RegionShares x = a[c].shares(p, reg), y = b[c].shares(p, mirror(reg));
          CHECK(std::abs(x.skin - y.skin) <= 0.002);
          CHECK(std::abs(x.garment - y.garment) <= 0.002);
          CHECK(std::abs(x.footprint - y.footprint) <= 0.002);
        }
  }
}

TEST_CASE("masking: the default grid is within 1 percentage point of a grid 4x finer") {
  const Document doc = two_people();
  MaskingOptions fine;
  fine.width = 4 * kDefaultMaskingWidth;
  double worst = 0;
  for (double count : {1.0, 2.5, 5.0}) {
    const Stage st = evaluate(doc, count);
    const auto a = mask_all(st), b = mask_all(st, fine);
    for (std::size_t c = 0; c < a.size(); ++c)
      for (int p = 0; p < 2; ++p)
        for (std::size_t r = 0; r < kRegionCount; ++r) {
          const Region reg = vocab_at<Region>(r);
          const RegionShares x = a[c].shares(p, reg), y = b[c].shares(p, reg);
          const double hx = a[c].share(a[c].performers[std::size_t(p)].regions[r].hidden());
          const double hy = b[c].share(b[c].performers[std::size_t(p)].regions[r].hidden());
          for (double d : {x.skin - y.skin, x.garment - y.garment, x.footprint - y.footprint, hx - hy})
            worst = std::max(worst, std::abs(d));
        }
  }
  MESSAGE("largest difference, default vs 4x finer: " << worst * 100 << " percentage points");
  CHECK(worst < 0.01);
}

TEST_CASE("masking: one thread and two threads give identical results") {
  const Document doc = two_people();
  MaskingOptions one, two;
  one.threads = 1;
  two.threads = 2;
  one.keep_image = two.keep_image = true;
  for (double count : {1.0, 3.7}) {
    const Stage st = evaluate(doc, count);
    CHECK(mask_all(st, one) == mask_all(st, two));
  }
}

TEST_CASE("masking: the order of performers, garments, props and cameras in the file does not matter") {
  const Document doc = two_people();
  Document rev = doc;
  std::reverse(rev.performers.begin(), rev.performers.end());
  std::reverse(rev.garments.begin(), rev.garments.end());
  std::reverse(rev.props.begin(), rev.props.end());
  std::reverse(rev.cameras.begin(), rev.cameras.end());
  // A duplicate prop in the same place: ties are broken by id, not by position in the list.
  Prop twin = doc.props[0];
  twin.id = "pillow_twin";
  Document a = doc, b = rev;
  a.props.push_back(twin);
  b.props.insert(b.props.begin(), twin);
  for (double count : {1.0, 4.2}) {
    const auto ma = mask_all(evaluate(a, count)), mb = mask_all(evaluate(b, count));
    for (const CameraMasking& x : ma) {
      const CameraMasking& y = by_camera(mb, b.cameras.size() ? int(b.cameras.size()) - 1 - x.camera : 0);  // reversed
      CHECK(x.empty_rays == y.empty_rays);
      CHECK(x.shot == y.shot);
      for (std::size_t p = 0; p < a.performers.size(); ++p) {
        const int q = b.performer_index(a.performers[p].id);
        CHECK(x.performers[p].regions == y.performers[std::size_t(q)].regions);
      }
      for (std::size_t g = 0; g < a.garments.size(); ++g)
        for (std::size_t h = 0; h < b.garments.size(); ++h)
          if (a.garments[g].id == b.garments[h].id) CHECK(x.garment_rays[g] == y.garment_rays[h]);
      for (std::size_t g = 0; g < a.props.size(); ++g)
        for (std::size_t h = 0; h < b.props.size(); ++h)
          if (a.props[g].id == b.props[h].id) CHECK(x.prop_rays[g] == y.prop_rays[h]);
    }
  }
}

TEST_CASE("masking: shot size from the regions of the nearest performer in frame") {
  Document doc = two_people();
  doc.performers.pop_back();
  doc.garments.pop_back();
  for (Beat& b : doc.choreography.beats) b.poses.pop_back();
  doc.props.clear();
  const double eye = 0.936 * 1.66;
  doc.cameras = {camera("far", {-0.35, 1.2, 14}, {-0.35, 0.9, 0}, 32, 2.39),
                 camera("full", {-0.35, 1.0, 6.5}, {-0.35, 0.85, 0}, 32, 1.78),
                 camera("cu", {-0.35, eye - 0.05, 1.0}, {-0.35, eye - 0.08, 0}, 50, 1.78),
                 camera("ecu", {-0.35, eye - 0.04, 0.35}, {-0.35, eye - 0.04, 0}, 85, 2.39),
                 camera("mcu", {-0.35, 1.35, 1.3}, {-0.35, 1.30, 0}, 35, 1.78)};
  doc.choreography.beats[0].poses[0].root_rotation = {0, 0, 0};
  const auto m = mask_all(evaluate(doc, 1));
  CHECK(m[0].shot == ShotSize::wide);
  CHECK(m[1].shot == ShotSize::full);
  CHECK(m[2].shot == ShotSize::close_up);
  CHECK(m[3].shot == ShotSize::extreme_close_up);
  CHECK(m[4].shot == ShotSize::medium_close_up);
  CHECK(m[0].shot_performer == 0);
  CHECK(shot_size_name(ShotSize::medium_close_up) == "medium close-up");
}

TEST_CASE("masking: the reference scene masks on all cameras") {
  const auto loaded = load_scene_file(std::filesystem::path(CLOSEDSET_EXAMPLES_DIR) / "reference.closedset.json");
  REQUIRE(loaded.ok());
  const Document& doc = *loaded.document;
  const Stage st = evaluate(doc, doc.first_count() + 4.5);
  const auto m = mask_all(st);
  REQUIRE(m.size() == doc.cameras.size());
  std::uint32_t seen = 0;
  for (const CameraMasking& c : m) {
    for (const PerformerMasking& p : c.performers) seen += p.seen;
    std::uint64_t total = c.empty_rays;
    for (auto n : c.prop_rays) total += n;
    for (const PerformerMasking& p : c.performers) total += p.seen;
    CHECK(total == c.rays());  // every ray is classified exactly once
  }
  CHECK(seen > 0);
}
