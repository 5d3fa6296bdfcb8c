// test_gltf_export.cpp — the glTF export read back independently (gltf_reader.hpp):
// the stage's own geometry, the animation against the stage at any count, the
// cameras' lenses, privacy, ranges, zooms, mesh props, cancel and progress.
#include <numbers>
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include "notation/beat_range.hpp"
#include "notation/format.hpp"
#include "notation/gltf_export.hpp"
#include "notation/lens.hpp"
#include "notation/mesh_import.hpp"
#include "notation/new_scene.hpp"
#include "notation/stage.hpp"

#include "tests/core/gltf_reader.hpp"
#include "tests/core/private_markers.hpp"

using namespace cs;
using gltf_test::Gltf;
using gltf_test::Json;
namespace fs = std::filesystem;

namespace {


Document example(const char* name) {
  const LoadResult r = load_scene_file(fs::path(CLOSEDSET_EXAMPLES_DIR) / name);
  REQUIRE(r.ok());
  return *r.document;
}

GltfExport exported(const Document& doc, GltfOptions opt = {}) {
  GltfExport e = export_gltf(doc, opt);
  REQUIRE_MESSAGE(e.ok(), e.error);
  return e;
}

// The angle between two rotations in degrees (atan2: exact for small angles, where acos is not).
double angle_deg(glm::dquat a, glm::dquat b) {
  const glm::dquat d = glm::conjugate(glm::normalize(a)) * glm::normalize(b);
  return 2 * std::atan2(glm::length(glm::dvec3(d.x, d.y, d.z)), std::abs(d.w)) * 180 / std::numbers::pi;
}

// A scene with one performer, a garment taken off in the second beat, a box, a
// camera that moves, one that zooms (vertical fit on a custom sensor, rolled).
Document small_scene() {
  Document doc;
  doc.scene.title = "Small";
  Performer ana;
  ana.id = "ana";
  ana.character = "Ana";
  ana.height_m = 1.66;
  doc.performers = {ana};
  Garment robe;
  robe.id = "robe"; robe.wearer = "ana"; robe.kind = GarmentKind::robe; robe.camera = GarmentCamera::costume;
  robe.covers = {Region::chest_upper, Region::breast_l, Region::breast_r, Region::back_upper, Region::abdomen_upper};
  Garment thong;
  thong.id = "thong"; thong.wearer = "ana"; thong.kind = GarmentKind::strapless_thong;
  thong.covers = {Region::genitals, Region::pubic, Region::perineum};
  doc.garments = {robe, thong};
  Prop bed;
  bed.id = "bed"; bed.shape = PropShape::box; bed.size = {1.6, 0.5, 2}; bed.position = {0, 0.25, -1.5};
  bed.rotation = {0, 20, 0};
  doc.props = {bed};
  Camera a;
  a.id = "A"; a.position = {0, 1.3, 3.5}; a.target = {0, 1.0, 0}; a.focal_mm = 32;
  a.moves = {{3, {1.5, 1.6, 3.0}, {0, 0.9, 0}, std::nullopt}, {7, {-2, 1.2, 2}, {0.2, 1.1, 0}, std::nullopt}};
  Camera z;
  z.id = "Z"; z.sensor = Sensor::custom; z.sensor_mm = {30, 20}; z.fit = Fit::vertical; z.aspect = 1.85;
  z.focal_mm = 24; z.position = {2, 1.5, 2}; z.target = {0, 1, 0}; z.roll_deg = 5;
  z.moves = {{5, {2, 1.5, 2}, {0, 1, 0}, 85.0}};
  doc.cameras = {a, z};
  doc.choreography.tempo_bpm = 72;
  Beat b1, b2, b3;
  b1.id = "b1"; b1.label = "Stand"; b1.start_count = 1; b1.length_counts = 2;
  b1.poses = {{"ana", {0, 0.92, 0}, {0, 0, 0}, {{Joint::shoulder_r, {-30, 0, 0}}}}};
  b2.id = "b2"; b2.label = "Turn"; b2.start_count = 3; b2.length_counts = 3;
  b2.poses = {{"ana", {0.4, 0.92, 0.2}, {0, 160, 0},
               {{Joint::spine_lower, {20, 10, 0}}, {Joint::shoulder_r, {-120, 0, 30}}, {Joint::knee_l, {60, 0, 0}}}}};
  b2.garment_changes = {{"robe", false}};
  b3.id = "b3"; b3.label = "Lie back"; b3.start_count = 7; b3.length_counts = 2;  // a gap of a count before it
  b3.poses = {{"ana", {0.2, 0.62, -1.2}, {-90, 200, 0}, {{Joint::hip_l, {-40, 0, 0}}}}};
  b3.garment_changes = {{"robe", true}};
  doc.choreography.beats = {b1, b2, b3};
  return doc;
}

// Every triangle of the exported performers, in world space, with its
// (performer id, region) from the node's or primitive's extras.
struct WorldTriangle {
  std::string performer, region;
  glm::dvec3 centroid;
};
std::vector<WorldTriangle> body_triangles(const Gltf& g, double t) {
  const auto world = gltf_test::world_matrices(g, gltf_test::pose_at(g, t));
  std::vector<WorldTriangle> out;
  for (std::size_t n = 0; n < g.json["nodes"].size(); ++n) {
    const Json& node = g.json["nodes"][n];
    if (!node.contains("mesh") || !node.contains("extras") || !node["extras"].contains("performer")) continue;
    for (const Json& prim : g.json["meshes"][node["mesh"].get<std::size_t>()]["primitives"]) {
      const std::string region = prim.contains("extras") ? prim["extras"]["region"] : node["extras"]["region"];
      const auto pos = g.vec3s(prim["attributes"]["POSITION"]);
      const auto idx = g.accessor(prim["indices"]);
      for (std::size_t i = 0; i + 2 < idx.size(); i += 3) {
        glm::dvec3 c(0);
        for (int k = 0; k < 3; ++k) c += glm::dvec3(world[n] * glm::dvec4(glm::dvec3(pos[std::size_t(idx[i + k])]), 1.0));
        out.push_back({node["extras"]["performer"], region, c / 3.0});
      }
    }
  }
  return out;
}

// The same from the stage: tessellate() with its labels.
std::vector<WorldTriangle> stage_triangles(const Document& doc, const Stage& st) {
  const StageMesh mesh = tessellate(st, 24);
  std::vector<WorldTriangle> out;
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    const Label& l = mesh.labels[t];
    if (l.is_prop()) continue;
    const glm::dvec3 c = (glm::dvec3(mesh.positions[3 * t]) + glm::dvec3(mesh.positions[3 * t + 1]) +
                          glm::dvec3(mesh.positions[3 * t + 2])) / 3.0;
    out.push_back({doc.performers[std::size_t(l.performer)].id, std::string(vocab_name(l.region)), c});
  }
  return out;
}

// How many of `a` have a triangle of `b` with the same performer and region within `tol` metres.
std::size_t matched(const std::vector<WorldTriangle>& a, const std::vector<WorldTriangle>& b, double tol) {
  std::unordered_map<std::string, std::vector<glm::dvec3>> by;
  for (const WorldTriangle& t : b) by[t.performer + "/" + t.region].push_back(t.centroid);
  std::size_t n = 0;
  for (const WorldTriangle& t : a) {
    const auto& cands = by[t.performer + "/" + t.region];
    n += std::any_of(cands.begin(), cands.end(), [&](const glm::dvec3& c) { return glm::distance(c, t.centroid) < tol; });
  }
  return n;
}

}  // namespace

TEST_CASE("gltf: a still holds the stage's own triangles, each with the region the checks give it") {
  const Document doc = example("bedroom.closedset.json");
  for (double count : {1.0, 14.5, 23.0}) {
    CAPTURE(count);
    GltfOptions opt;
    opt.at = count;
    const GltfExport e = exported(doc, opt);
    const Gltf g = Gltf::parse(e.bytes);
    const auto mine = body_triangles(g, 0);
    const auto stage = stage_triangles(doc, evaluate(doc, count));
    // Only zero-area slivers are left out (see Piece::add_triangle).
    CHECK(mine.size() <= stage.size());
    CHECK(mine.size() > stage.size() * 99 / 100);
    CHECK(matched(mine, stage, 1e-4) == mine.size());
    CHECK(matched(stage, mine, 1e-4) > stage.size() * 99 / 100);
  }
}

TEST_CASE("gltf: animated, the file interpolated as glTF says reproduces the stage at any count") {
  const Document doc = small_scene();
  GltfOptions opt;
  opt.animated = true;
  const GltfExport e = exported(doc, opt);
  const Gltf g = Gltf::parse(e.bytes);
  REQUIRE(g.json["animations"].size() == 1);
  const double spc = 60.0 / doc.choreography.tempo_bpm;
  for (double count : {1.0, 1.7, 2.9, 3.0, 3.4, 4.25, 5.0, 5.5, 6.0, 6.5, 7.0, 7.9, 9.0}) {
    CAPTURE(count);
    const double t = (count - 1) * spc;
    const auto world = gltf_test::world_matrices(g, gltf_test::pose_at(g, t));
    const Stage st = evaluate(doc, count);
    // Every joint where the stage puts it.
    for (std::size_t j = 0; j < kJointCount; ++j) {
      const int n = g.node_named("ana/joint:" + std::string(vocab_name(vocab_at<Joint>(j))));
      REQUIRE(n >= 0);
      const JointTransform& jt = st.performers[0].joints[j];
      CHECK(glm::distance(glm::dvec3(world[std::size_t(n)][3]), glm::dvec3(jt.position)) < 1e-4);
      CHECK(angle_deg(glm::quat_cast(glm::dmat3(world[std::size_t(n)])), glm::dquat(jt.rotation)) < 0.05);
    }
    // Garments: on when worn (scale 1), off otherwise (scale 0).
    for (std::size_t gi = 0; gi < doc.garments.size(); ++gi) {
      const int n = g.node_named("ana/garment:" + doc.garments[gi].id + "@spine_upper");
      if (n < 0) continue;
      const double s = glm::length(glm::dvec3(world[std::size_t(n)][0]));
      CHECK(s == doctest::Approx(st.garment_worn[gi] ? 1.0 : 0.0).epsilon(1e-6));
    }
    // Cameras where the stage puts and aims them (between keys too), within 0.02°.
    for (std::size_t c = 0; c < doc.cameras.size(); ++c) {
      const int n = g.node_named("camera/" + doc.cameras[c].id);
      REQUIRE(n >= 0);
      const CameraBasis& b = st.cameras[c].basis;
      CHECK(glm::distance(glm::dvec3(world[std::size_t(n)][3]), b.position) < 1e-4);
      const glm::dmat3 r(world[std::size_t(n)]);
      CHECK(angle_deg(glm::quat_cast(r), glm::quat_cast(glm::dmat3(b.right, b.up, -b.forward))) < 0.02);
    }
  }
  // The robe comes off at b2 and back on at b3: STEP keys at those beats' starts.
  const int robe = g.node_named("ana/garment:robe@spine_upper");
  REQUIRE(robe >= 0);
  bool stepped = false;
  for (const Json& ch : g.json["animations"][0]["channels"])
    if (ch["target"].value("node", -1) == robe && ch["target"]["path"] == "scale") {
      const Json& s = g.json["animations"][0]["samplers"][ch["sampler"].get<std::size_t>()];
      CHECK(s["interpolation"] == "STEP");
      const auto in = g.accessor(s["input"]);
      REQUIRE(in.size() == 3);
      CHECK(in[1] == doctest::Approx(2 * spc));
      CHECK(in[2] == doctest::Approx(6 * spc));
      stepped = true;
    }
  CHECK(stepped);

  // No rotation channel turns more than 20° from key to key, so a reader that
  // interpolates quaternion components linearly (Blender) stays on the stage's
  // path: b1 → b2 turns Ana 160° about the vertical in 2 counts.
  for (const Json& ch : g.json["animations"][0]["channels"]) {
    if (ch["target"]["path"] != "rotation") continue;
    const auto q = g.accessor(g.json["animations"][0]["samplers"][ch["sampler"].get<std::size_t>()]["output"]);
    for (std::size_t k = 4; k + 3 < q.size(); k += 4) {
      const glm::dquat a(q[k - 1], q[k - 4], q[k - 3], q[k - 2]), b(q[k + 3], q[k], q[k + 1], q[k + 2]);
      CHECK(glm::dot(a, b) >= 0);  // each key on the same side as the one before
      CHECK(angle_deg(a, b) <= 20.001);  // 20° steps, as floats
    }
  }
  double worst = 0;
  for (double count = 1; count <= 9; count += 0.05) {
    const auto world = gltf_test::world_matrices(g, gltf_test::pose_at(g, (count - 1) * spc, true));
    const Stage st = evaluate(doc, count);
    for (std::size_t j = 0; j < kJointCount; ++j) {
      const auto n = std::size_t(g.node_named("ana/joint:" + std::string(vocab_name(vocab_at<Joint>(j)))));
      worst = std::max(worst, angle_deg(glm::quat_cast(glm::dmat3(world[n])), glm::dquat(st.performers[0].joints[j].rotation)));
    }
  }
  CHECK(worst < 0.05);
}

TEST_CASE("gltf: cameras carry the delivery frame's vertical field of view and the real lens") {
  const Document doc = small_scene();
  const Gltf g = Gltf::parse(exported(doc).bytes);
  REQUIRE(g.json["cameras"].size() == 2);
  // A: Super 35 (24.89 mm wide), 32 mm, 2.39, horizontal fit: frame height 24.89 / 2.39.
  const Json& a = g.json["cameras"][0];
  CHECK(a["type"] == "perspective");
  CHECK(a["perspective"]["yfov"].get<double>() == doctest::Approx(2 * std::atan(24.89 / 2.39 / (2 * 32))));
  CHECK(a["perspective"]["yfov"].get<double>() * 180 / std::numbers::pi == doctest::Approx(18.4846).epsilon(1e-4));
  CHECK(a["perspective"]["aspectRatio"] == 2.39);
  CHECK(a["extras"]["focal_mm"] == 32);
  CHECK(a["extras"]["sensor_mm"] == Json::array({24.89, 18.66}));
  CHECK(a["extras"]["fit"] == "horizontal");
  CHECK(a["extras"]["aspect"] == 2.39);
  // Z: a custom 30 × 20 mm sensor, vertical fit: frame height = the sensor's 20 mm.
  const Json& z = g.json["cameras"][1];
  CHECK(z["perspective"]["yfov"].get<double>() == doctest::Approx(2 * std::atan(20.0 / (2 * 24))));
  CHECK(z["perspective"]["aspectRatio"] == 1.85);
  CHECK(z["extras"]["fit"] == "vertical");
  CHECK(z["extras"]["sensor_mm"] == Json::array({30, 20}));
  // Both match the lens readout the editor and `closedset masking` give.
  CHECK(a["perspective"]["yfov"].get<double>() * 180 / std::numbers::pi == doctest::Approx(lens_frame(doc.cameras[0]).vfov_deg));
  CHECK(z["perspective"]["yfov"].get<double>() * 180 / std::numbers::pi == doctest::Approx(lens_frame(doc.cameras[1]).vfov_deg));
  // A camera node looks down its −Z at the target (with roll, the frame's up tips).
  const auto world = gltf_test::world_matrices(g, gltf_test::pose_at(g, 0));
  const int n = g.node_named("camera/A");
  const glm::dvec3 forward = -glm::normalize(glm::dvec3(world[std::size_t(n)][2]));
  const glm::dvec3 to_target = glm::normalize(glm::dvec3(0, 1.0, 0) - glm::dvec3(0, 1.3, 3.5));
  CHECK(glm::dot(forward, to_target) == doctest::Approx(1.0).epsilon(1e-6));
}

TEST_CASE("gltf: a zoom is animated through KHR_animation_pointer, keyed to the lens at each count") {
  const Document doc = small_scene();
  GltfOptions opt;
  opt.animated = true;
  const GltfExport e = exported(doc, opt);
  const Gltf g = Gltf::parse(e.bytes);
  CHECK(g.json["extensionsUsed"] == Json::array({"KHR_animation_pointer"}));
  CHECK_FALSE(g.json.contains("extensionsRequired"));
  bool found = false;
  const double spc = 60.0 / doc.choreography.tempo_bpm;
  for (const Json& ch : g.json["animations"][0]["channels"]) {
    if (ch["target"]["path"] != "pointer") continue;
    CHECK(ch["target"]["extensions"]["KHR_animation_pointer"]["pointer"] == "/cameras/1/perspective/yfov");
    const Json& s = g.json["animations"][0]["samplers"][ch["sampler"].get<std::size_t>()];
    const auto in = g.accessor(s["input"]), out = g.accessor(s["output"]);
    REQUIRE(in.size() == out.size());
    for (std::size_t k = 0; k < in.size(); ++k) {
      const double count = 1 + in[k] / spc;
      CHECK(out[k] == doctest::Approx(gltf_camera(doc.cameras[1], evaluate(doc, count).cameras[1].focal_mm).yfov_rad)
                          .epsilon(1e-6));
    }
    CHECK(out.front() > out.back());  // 24 mm to 85 mm: narrower
    found = true;
  }
  CHECK(found);
  CHECK(std::any_of(e.notes.begin(), e.notes.end(), [](const std::string& n) { return n.find("camera Z zooms") != std::string::npos; }));
  // Without a zoom, no extension.
  Document still = doc;
  still.cameras.pop_back();
  CHECK_FALSE(Gltf::parse(exported(still, opt).bytes).json.contains("extensionsUsed"));
}

TEST_CASE("gltf: names, materials and the hierarchy follow the documented scheme") {
  const Document doc = small_scene();
  GltfOptions opt;
  opt.at = 1;
  const Gltf g = Gltf::parse(exported(doc, opt).bytes);
  const auto parent = g.parents();
  CHECK(g.json["scenes"][0]["nodes"] == Json::array({0}));
  CHECK(g.json["nodes"][0]["name"] == "Small");
  const int perf = g.node_named("Ana");  // display_name: the character
  REQUIRE(perf >= 0);
  CHECK(parent[std::size_t(perf)] == 0);
  CHECK(g.json["nodes"][std::size_t(perf)]["extras"]["performer"] == "ana");
  // The skeleton's hierarchy.
  const int pelvis = g.node_named("ana/joint:pelvis"), knee = g.node_named("ana/joint:knee_l");
  CHECK(parent[std::size_t(pelvis)] == perf);
  CHECK(parent[std::size_t(knee)] == g.node_named("ana/joint:hip_l"));
  // A region on one segment has its plain name; a region on two carries the joint.
  const int lips = g.node_named("ana/lips");
  REQUIRE(lips >= 0);
  CHECK(parent[std::size_t(lips)] == g.node_named("ana/joint:head"));
  CHECK(g.node_named("ana/shoulder_l") < 0);
  CHECK(g.node_named("ana/shoulder_l@clavicle_l") >= 0);
  CHECK(g.node_named("ana/shoulder_l@spine_upper") >= 0);
  // Every region of the body is there; one material per region, garment and prop.
  std::set<std::string> regions, materials;
  for (const Json& n : g.json["nodes"])
    if (n.contains("extras") && n["extras"].contains("region")) regions.insert(n["extras"]["region"]);
  CHECK(regions.size() == kRegionCount);
  for (const Json& m : g.json["materials"]) materials.insert(m["name"]);
  CHECK(materials.count("region:lips") == 1);
  CHECK(materials.count("garment:robe") == 1);
  CHECK(materials.count("garment:thong") == 1);
  CHECK(materials.count("prop:bed") == 1);
  CHECK(materials.size() == kRegionCount + 3);
  for (const Json& mesh : g.json["meshes"])
    for (const Json& p : mesh["primitives"]) {
      const std::string mat = g.json["materials"][p["material"].get<std::size_t>()]["name"];
      if (mat.rfind("region:", 0) == 0) CHECK(mesh["primitives"].size() == 1);  // one primitive per region and layer
    }
  // The prop stands where the stage puts it, with its size as the node's scale.
  const int bed = g.node_named("prop/bed");
  REQUIRE(bed >= 0);
  CHECK(g.json["nodes"][std::size_t(bed)]["translation"] == Json::array({0, 0.25, -1.5}));
  CHECK(g.json["nodes"][std::size_t(bed)]["scale"] == Json::array({0.8, 0.25, 1}));
  // A still leaves out garments that are not worn then.
  opt.at = 4;
  const Gltf later = Gltf::parse(exported(doc, opt).bytes);
  CHECK(later.node_named("ana/garment:robe@spine_upper") < 0);
  CHECK(later.node_named("ana/garment:thong") >= 0);
}

TEST_CASE("gltf: --beats exports that stretch, timed from its first beat, with its beats as markers") {
  const Document doc = small_scene();
  std::string why;
  const auto range = parse_beat_range(doc, "b2..b3", why);
  REQUIRE(range);
  GltfOptions opt;
  opt.animated = true;
  opt.beats = range;
  const GltfExport e = exported(doc, opt);
  CHECK(e.summary.from_count == 3);
  CHECK(e.summary.to_count == 9);
  CHECK(e.summary.duration_s == doctest::Approx(6 * 60.0 / 72));
  const Gltf g = Gltf::parse(e.bytes);
  const Json& markers = g.json["animations"][0]["extras"]["markers"];
  REQUIRE(markers.size() == 2);
  CHECK(markers[0]["name"] == "b2 Turn");
  CHECK(markers[0]["time_s"] == 0);
  CHECK(markers[1]["beat"] == "b3");
  CHECK(markers[1]["count"] == 7);
  CHECK(markers[1]["time_s"].get<double>() == doctest::Approx(4 * 60.0 / 72));
  // Time 0 is count 3: the pose there is b2's.
  const auto world = gltf_test::world_matrices(g, gltf_test::pose_at(g, 0));
  const int pelvis = g.node_named("ana/joint:pelvis");
  CHECK(glm::distance(glm::dvec3(world[std::size_t(pelvis)][3]), glm::dvec3(0.4, 0.92, 0.2)) < 1e-5);
  // A still outside the range is refused.
  GltfOptions still;
  still.beats = range;
  still.at = 1.5;
  const GltfExport bad = export_gltf(doc, still);
  CHECK_FALSE(bad.ok());
  CHECK(bad.error.find("outside the exported beats") != std::string::npos);
  CHECK(bad.bytes.empty());
}

TEST_CASE("beat ranges: FROM..TO or one id, unknown ids and backward ranges say what is wrong") {
  const Document doc = small_scene();
  std::string why;
  auto r = parse_beat_range(doc, "b1..b2", why);
  REQUIRE(r);
  CHECK(r->first == 0);
  CHECK(r->last == 1);
  CHECK(r->from_count == 1);
  CHECK(r->to_count == 6);
  r = parse_beat_range(doc, "b3", why);
  REQUIRE(r);
  CHECK(r->first == 2);
  CHECK(r->to_count == 9);
  CHECK_FALSE(parse_beat_range(doc, "b1..b9", why));
  CHECK(why.find("no beat 'b9'") != std::string::npos);
  CHECK(why.find("b1, b2 and b3") != std::string::npos);
  CHECK_FALSE(parse_beat_range(doc, "b3..b1", why));
  CHECK(why.find("comes after") != std::string::npos);
  CHECK_FALSE(parse_beat_range(doc, "..b2", why));
  CHECK(why.find("FROM..TO") != std::string::npos);
  CHECK_FALSE(parse_beat_range(Document{}, "b1", why));
}

TEST_CASE("gltf: no boundary, rider line, condition, tier, note or take reaches the file") {
  Document doc = example("bedroom.closedset.json");
  for (const Performer& p : doc.performers) {
    REQUIRE(!p.boundaries.empty());
    REQUIRE(!p.exposure.empty());
  }
  // A marker in every confidential text field, and in garment labels (which the export does not read either).
  std::vector<std::string> markers = privacy_test::mark_confidential_text(doc);
  for (Garment& g : doc.garments) markers.push_back(g.label = "PRIVATE-" + g.id + "-label-7f3a");
  REQUIRE(validate(doc).empty());
  for (bool animated : {false, true})
    for (GltfContainer c : {GltfContainer::glb, GltfContainer::gltf}) {
      GltfOptions opt;
      opt.animated = animated;
      opt.container = c;
      const std::string bytes = exported(doc, opt).bytes;
      for (const std::string& m : markers) {
        CAPTURE(m);
        CHECK(bytes.find(m) == std::string::npos);
      }
      CHECK(bytes.find("PRIVATE-") == std::string::npos);
    }

  // Stronger: the file does not depend on private fields at all. Change every
  // one (boundaries, rider, tiers, notes, contacts, takes) and get the same bytes.
  GltfOptions opt;
  opt.animated = true;
  const std::string before = exported(doc, opt).bytes;
  Document changed = doc;
  for (Performer& p : changed.performers) {
    for (Boundary& b : p.boundaries) b.state = b.state == BoundaryState::yes ? BoundaryState::no : BoundaryState::yes;
    p.boundaries.pop_back();
    for (Exposure& x : p.exposure) x.views = {View::any};
    p.tiers = {{Region::hand_l, Tier::intimate}};
    p.private_note = "changed";
  }
  for (Beat& b : changed.choreography.beats) {
    b.contacts.clear();
    b.breath.clear();
    b.masking.clear();
  }
  changed.takes.clear();
  REQUIRE(validate(changed).empty());
  CHECK(exported(changed, opt).bytes == before);
}

TEST_CASE("gltf: the same document gives the same bytes") {
  const Document doc = example("bedroom.closedset.json");
  GltfOptions opt;
  opt.animated = true;
  CHECK(exported(doc, opt).bytes == exported(doc, opt).bytes);
  opt.container = GltfContainer::gltf;
  CHECK(exported(doc, opt).bytes == exported(doc, opt).bytes);
}

TEST_CASE("gltf: a .gltf holds the same scene as the .glb, its buffer embedded") {
  const Document doc = small_scene();
  GltfOptions opt;
  opt.animated = true;
  const Gltf binary = Gltf::parse(exported(doc, opt).bytes);
  opt.container = GltfContainer::gltf;
  const std::string text = exported(doc, opt).bytes;
  CHECK(text.rfind("{", 0) == 0);
  const Gltf embedded = Gltf::parse(text);
  CHECK(embedded.bin == binary.bin);
  Json a = embedded.json, b = binary.json;
  a["buffers"][0].erase("uri");
  CHECK(a == b);
}

TEST_CASE("gltf: an imported mesh prop is carried through with its own vertices") {
  const fs::path dir = fs::temp_directory_path() / "closedset_test_gltf_mesh";
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "panel.obj");
    out << "v -1 0 0\nv 1 0 0\nv 1 2 0\nv -1 2 0\nf 1 2 3\nf 1 3 4\n";
  }
  Document doc = small_scene();
  Prop panel;
  panel.id = "panel"; panel.shape = PropShape::mesh; panel.mesh = "panel.obj"; panel.size = {0.5, 1, 1};
  panel.position = {1, 0, 0}; panel.barrier = true; panel.owner = "ana";
  doc.props.push_back(panel);
  const PropMeshes meshes = load_prop_meshes(doc, dir);
  REQUIRE(meshes.ok());
  GltfOptions opt;
  opt.meshes = &meshes;
  const Gltf g = Gltf::parse(exported(doc, opt).bytes);
  const int n = g.node_named("prop/panel");
  REQUIRE(n >= 0);
  const Json& node = g.json["nodes"][std::size_t(n)];
  CHECK(node["scale"] == Json::array({0.5, 1, 1}));
  const Json& prim = g.json["meshes"][node["mesh"].get<std::size_t>()]["primitives"][0];
  CHECK(g.vec3s(prim["attributes"]["POSITION"]).size() == meshes.meshes[1]->positions.size());
  CHECK(g.accessor(prim["indices"]).size() == 6);
  CHECK(g.json["materials"][prim["material"].get<std::size_t>()]["name"] == "barrier:panel");
  // World positions: the stage's triangles.
  const auto world = gltf_test::world_matrices(g, gltf_test::pose_at(g, 0));
  const auto pos = g.vec3s(prim["attributes"]["POSITION"]);
  const Stage st = evaluate(doc, 1, &meshes);
  REQUIRE(st.triangles.size() == 2);
  const glm::dvec3 corner = glm::dvec3(world[std::size_t(n)] * glm::dvec4(glm::dvec3(pos[0]), 1.0));
  bool found = false;
  for (const StageTriangle& t : st.triangles)
    for (const glm::vec3& p : {t.a, t.b, t.c}) found = found || glm::distance(glm::dvec3(p), corner) < 1e-5;
  CHECK(found);
  // Without the meshes, the prop is left out and the export says so.
  const GltfExport without = exported(doc);
  CHECK(Gltf::parse(without.bytes).node_named("prop/panel") < 0);
  REQUIRE(without.notes.size() == 1);
  CHECK(without.notes[0].find("panel") != std::string::npos);
}

TEST_CASE("gltf: progress runs from 0 to 1, a cancel flag stops the export with no bytes") {
  const Document doc = example("reference.closedset.json");
  std::vector<double> seen;
  GltfOptions opt;
  opt.animated = true;
  opt.progress = [&](double f) { seen.push_back(f); };
  REQUIRE(exported(doc, opt).ok());
  REQUIRE(seen.size() > 3);
  CHECK(seen.front() == 0);
  CHECK(seen.back() == 1);
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  // Cancelled part way (at the first progress report after the start).
  std::atomic<bool> cancel{false};
  opt.cancel = &cancel;
  opt.progress = [&](double f) { if (f > 0) cancel = true; };
  const GltfExport stopped = export_gltf(doc, opt);
  CHECK(stopped.cancelled);
  CHECK_FALSE(stopped.ok());
  CHECK(stopped.bytes.empty());
}

TEST_CASE("gltf: a scene with no beats exports a still, and refuses to animate") {
  Document doc = small_scene();
  doc.choreography.beats.clear();
  const GltfExport still = exported(doc);
  CHECK(Gltf::parse(still.bytes).node_named("ana/joint:pelvis") >= 0);
  GltfOptions opt;
  opt.animated = true;
  const GltfExport e = export_gltf(doc, opt);
  CHECK_FALSE(e.ok());
  CHECK(e.error.find("no beats") != std::string::npos);
}

// Every accessor of the file is read by a primitive or an animation sampler (the
// validator calls any other UNUSED_OBJECT).
static std::set<std::size_t> used_accessors(const Gltf& g) {
  std::set<std::size_t> used;
  if (g.json.contains("meshes"))
    for (const auto& m : g.json["meshes"])
      for (const auto& p : m["primitives"]) {
        for (const auto& [k, a] : p["attributes"].items()) used.insert(a.get<std::size_t>());
        if (p.contains("indices")) used.insert(p["indices"].get<std::size_t>());
      }
  if (g.json.contains("animations"))
    for (const auto& an : g.json["animations"])
      for (const auto& sm : an["samplers"]) {
        used.insert(sm["input"].get<std::size_t>());
        used.insert(sm["output"].get<std::size_t>());
      }
  return used;
}

TEST_CASE("gltf: an animated export of a scene where nothing moves has the clip and the markers its summary announces") {
  const Document doc = cs::new_scene();
  REQUIRE_FALSE(doc.choreography.beats.empty());
  GltfOptions opt;
  opt.animated = true;
  const GltfExport e = export_gltf(doc, opt);
  REQUIRE(e.ok());
  const Gltf g = Gltf::parse(e.bytes);
  // The file and the summary agree: one animation, its channels, a marker per beat in its extras.
  REQUIRE(g.json.contains("animations"));
  REQUIRE(g.json["animations"].size() == 1);
  CHECK(e.summary.animations == 1);
  CHECK(e.summary.channels == g.json["animations"][0]["channels"].size());
  CHECK(e.summary.channels >= 1);
  CHECK(e.summary.markers == doc.choreography.beats.size());
  CHECK(g.json["animations"][0]["extras"]["markers"].size() == e.summary.markers);
  // The hold spans the clip: its keys at the first and the last count, in seconds.
  const auto& sm = g.json["animations"][0]["samplers"][0];
  const auto& input = g.json["accessors"][sm["input"].get<std::size_t>()];
  CHECK(input["min"][0].get<double>() == doctest::Approx(0.0));
  CHECK(input["max"][0].get<double>() == doctest::Approx(e.summary.duration_s).epsilon(1e-5));
  CHECK(e.summary.duration_s > 0);
  bool said = false;
  for (const std::string& n : e.notes) said |= n.find("nothing moves") != std::string::npos;
  CHECK(said);
  // No accessor left unused.
  const std::set<std::size_t> used = used_accessors(g);
  for (std::size_t a = 0; a < g.json["accessors"].size(); ++a) CHECK_MESSAGE(used.count(a) == 1, "accessor " << a << " is unused");
}

TEST_CASE("gltf: an animated export where things move uses every accessor and adds no hold") {
  GltfOptions opt;
  opt.animated = true;
  const GltfExport e = export_gltf(small_scene(), opt);
  REQUIRE(e.ok());
  const Gltf g = Gltf::parse(e.bytes);
  for (const std::string& n : e.notes) CHECK(n.find("nothing moves") == std::string::npos);
  const std::set<std::size_t> used = used_accessors(g);
  for (std::size_t a = 0; a < g.json["accessors"].size(); ++a) CHECK_MESSAGE(used.count(a) == 1, "accessor " << a << " is unused");
}

TEST_CASE("gltf: the bedroom example animated matches the stage every twentieth of a count") {
  // Its camera A has a move at the first count (a jump the export keys 1/1024
  // count later) and B a move through a changing target (refined keys).
  const Document doc = example("bedroom.closedset.json");
  GltfOptions opt;
  opt.animated = true;
  const Gltf g = Gltf::parse(exported(doc, opt).bytes);
  double worst_angle = 0, worst_camera_m = 0, worst_joint_m = 0;
  for (int step = 0; step <= 20 * 28; ++step) {
    const double count = 1 + step / 20.0;
    const auto world = gltf_test::world_matrices(g, gltf_test::pose_at(g, (count - 1) * doc.seconds_per_count()));
    const Stage st = evaluate(doc, count);
    for (std::size_t c = 0; c < doc.cameras.size(); ++c) {
      const auto n = std::size_t(g.node_named("camera/" + doc.cameras[c].id));
      const CameraBasis& b = st.cameras[c].basis;
      worst_angle = std::max(worst_angle, angle_deg(glm::quat_cast(glm::dmat3(world[n])),
                                                    glm::quat_cast(glm::dmat3(b.right, b.up, -b.forward))));
      worst_camera_m = std::max(worst_camera_m, glm::distance(glm::dvec3(world[n][3]), b.position));
    }
    for (std::size_t i = 0; i < doc.performers.size(); ++i)
      for (std::size_t j = 0; j < kJointCount; ++j) {
        const auto n = std::size_t(
            g.node_named(doc.performers[i].id + "/joint:" + std::string(vocab_name(vocab_at<Joint>(j)))));
        worst_joint_m = std::max(worst_joint_m,
                                 glm::distance(glm::dvec3(world[n][3]), glm::dvec3(st.performers[i].joints[j].position)));
      }
  }
  MESSAGE("worst camera angle " << worst_angle << "°, camera position " << worst_camera_m << " m, joint " << worst_joint_m
                                << " m");
  CHECK(worst_angle < 0.012);
  CHECK(worst_camera_m < 1e-5);
  CHECK(worst_joint_m < 1e-5);
}

TEST_CASE("gltf: faces wind counter-clockwise seen from outside, as glTF's front faces do") {
  const Document doc = example("bedroom.closedset.json");
  GltfOptions opt;
  opt.at = 14;
  const Gltf g = Gltf::parse(exported(doc, opt).bytes);
  std::size_t outward = 0, inward = 0;
  for (const Json& mesh : g.json["meshes"])
    for (const Json& p : mesh["primitives"]) {
      if (!p["attributes"].contains("NORMAL")) continue;
      const auto pos = g.vec3s(p["attributes"]["POSITION"]), nrm = g.vec3s(p["attributes"]["NORMAL"]);
      const auto idx = g.accessor(p["indices"]);
      for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
        const glm::dvec3 a(pos[std::size_t(idx[t])]), b(pos[std::size_t(idx[t + 1])]), c(pos[std::size_t(idx[t + 2])]);
        const glm::dvec3 cross = glm::cross(b - a, c - a);
        if (glm::length(cross) / 2 < 1e-8) continue;  // sub-micrometre slivers at the poles have no direction to speak of
        const glm::dvec3 n = glm::dvec3(nrm[std::size_t(idx[t])]) + glm::dvec3(nrm[std::size_t(idx[t + 1])]) +
                             glm::dvec3(nrm[std::size_t(idx[t + 2])]);
        (glm::dot(cross, n) > 0 ? outward : inward) += 1;
      }
    }
  CHECK(outward > 100000);
  CHECK(inward == 0);
}
