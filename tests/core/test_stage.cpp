// test_stage.cpp — evaluating a document at a count: labels, garments, props, meshes, tessellation.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "notation/format.hpp"
#include "notation/masking.hpp"
#include "notation/mesh_import.hpp"
#include "notation/stage.hpp"

using namespace cs;
namespace fs = std::filesystem;

namespace {

Document dressed() {
  Document doc;
  Performer ana;
  ana.id = "ana";
  ana.height_m = 1.66;
  doc.performers = {ana};
  Garment robe;
  robe.id = "robe"; robe.wearer = "ana"; robe.kind = GarmentKind::robe; robe.camera = GarmentCamera::costume;
  robe.covers = {Region::chest_upper, Region::breast_l, Region::breast_r, Region::nipple_l, Region::nipple_r,
                 Region::abdomen_upper, Region::abdomen_lower, Region::back_upper, Region::back_lower};
  Garment thong;
  thong.id = "thong"; thong.wearer = "ana"; thong.kind = GarmentKind::strapless_thong;
  thong.covers = {Region::genitals, Region::pubic, Region::perineum};
  doc.garments = {robe, thong};
  Beat b1, b2;
  b1.id = "b1"; b1.start_count = 1; b1.length_counts = 4;
  b2.id = "b2"; b2.start_count = 5; b2.length_counts = 4;
  b2.garment_changes = {{"robe", false}};
  doc.choreography.beats = {b1, b2};
  Prop bed;
  bed.id = "bed"; bed.shape = PropShape::box; bed.size = {1.6, 0.5, 2}; bed.position = {0, 0.25, -2};
  doc.props = {bed};
  Camera a;
  a.id = "A"; a.position = {0, 1.3, 3.5}; a.target = {0, 1.0, 0}; a.focal_mm = 32;
  doc.cameras = {a};
  return doc;
}

}  // namespace

TEST_CASE("stage: every piece is labelled with its performer and layer, or its prop") {
  const Document doc = dressed();
  const Stage st = evaluate(doc, 1);
  std::size_t skin = 0, shells = 0, props = 0;
  for (const Shape& s : st.shapes) {
    if (s.label.is_prop()) { ++props; CHECK(s.label.prop == 0); continue; }
    CHECK(s.label.performer == 0);
    if (s.covers) { ++shells; CHECK(s.label.garment >= 0); } else { ++skin; CHECK(s.label.garment == -1); }
  }
  CHECK(skin == kBodyPartCount);
  CHECK(shells > 0);
  CHECK(props == 1);
  const StageMesh mesh = tessellate(st, 16);
  CHECK(mesh.positions.size() == 3 * mesh.triangle_count());
  CHECK(mesh.normals.size() == mesh.positions.size());
  std::set<Region> regions;
  for (const Label& l : mesh.labels) {
    CHECK((l.is_prop() || l.performer == 0));
    if (!l.is_prop()) regions.insert(l.region);
  }
  CHECK(regions.size() == kRegionCount);
}

TEST_CASE("stage: garment changes apply from their beat on, covered skin carries the garment") {
  const Document doc = dressed();
  const Stage before = evaluate(doc, 4.9), after = evaluate(doc, 5);
  CHECK(before.garment_worn[0]);
  CHECK_FALSE(after.garment_worn[0]);
  CHECK(after.garment_worn[1]);
  CHECK(before.performers[0].covering[std::size_t(Region::breast_l)] == 0);
  CHECK(after.performers[0].covering[std::size_t(Region::breast_l)] == -1);
  CHECK(after.performers[0].covering[std::size_t(Region::genitals)] == 1);
  // Drawing agrees: no bare-skin triangle of a covered region.
  for (const Stage* st : {&before, &after}) {
    const StageMesh mesh = tessellate(*st, 16);
    for (const Label& l : mesh.labels) {
      if (l.is_prop() || !l.is_skin()) continue;
      CHECK(st->performers[0].covering[std::size_t(l.region)] == -1);
    }
  }
  std::size_t shells_before = 0, shells_after = 0;
  for (const Shape& s : before.shapes) shells_before += s.covers != 0;
  for (const Shape& s : after.shapes) shells_after += s.covers != 0;
  CHECK(shells_after < shells_before);
  // The outer of two garments over a region is the one seen.
  Document two = doc;
  Garment briefs;
  briefs.id = "briefs"; briefs.wearer = "ana"; briefs.kind = GarmentKind::nude_briefs; briefs.covers = {Region::pubic};
  two.garments.push_back(briefs);
  CHECK(evaluate(two, 1).performers[0].covering[std::size_t(Region::pubic)] == 2);
  CHECK(evaluate(two, 1).performers[0].covering[std::size_t(Region::genitals)] == 1);
}

TEST_CASE("stage: mesh props import through Assimp and are refused with the file named") {
  const fs::path dir = fs::temp_directory_path() / "closedset_test_stage_mesh";
  fs::create_directories(dir);
  const fs::path obj = dir / "panel.obj";
  {
    std::ofstream out(obj);
    out << "v -1 0 0\nv 1 0 0\nv 1 2 0\nv -1 2 0\nf 1 2 3\nf 1 3 4\n";
  }
  const MeshImportResult ok = import_mesh(obj);
  REQUIRE(ok.mesh);
  CHECK(ok.mesh->triangle_count() == 2);

  const MeshImportResult stl = import_mesh(dir / "panel.stl");
  CHECK_FALSE(stl.mesh);
  CHECK(stl.error.find("panel.stl") != std::string::npos);
  const MeshImportResult missing = import_mesh(dir / "nowhere.glb");
  CHECK_FALSE(missing.mesh);
  CHECK(missing.error.find("nowhere.glb") != std::string::npos);
  MeshImportLimits small;
  small.max_triangles = 1;
  const MeshImportResult many = import_mesh(obj, small);
  CHECK_FALSE(many.mesh);
  CHECK(many.error.find("triangles") != std::string::npos);
  small = {};
  small.max_bytes = 10;
  const MeshImportResult big = import_mesh(obj, small);
  CHECK_FALSE(big.mesh);
  CHECK(big.error.find("limit") != std::string::npos);
  const fs::path junk = dir / "junk.glb";
  { std::ofstream out(junk, std::ios::binary); out << "glTF\x02garbage"; }
  const MeshImportResult bad = import_mesh(junk);
  CHECK_FALSE(bad.mesh);
  CHECK(bad.error.find("junk.glb") != std::string::npos);

  // A mesh prop in a scene: a 2 m × 2 m panel right in front of the camera fills the middle of the frame.
  Document doc;
  Prop panel;
  panel.id = "panel"; panel.shape = PropShape::mesh; panel.mesh = "panel.obj"; panel.position = {0, 0, 1};
  doc.props = {panel};
  Camera cam;
  cam.id = "A"; cam.position = {0, 1, 3}; cam.target = {0, 1, 0};
  doc.cameras = {cam};
  const PropMeshes meshes = load_prop_meshes(doc, dir);
  REQUIRE(meshes.ok());
  const Stage st = evaluate(doc, 1, &meshes);
  CHECK(st.triangles.size() == 2);
  const CameraMasking m = mask_camera(st, 0);
  CHECK(m.prop_rays[0] == m.rays());  // 2 m wide at 2 m covers a 27.96° frame
  const Stage without = evaluate(doc, 1);
  CHECK(without.triangles.empty());
  CHECK(without.warnings.size() == 1);
  Document broken = doc;
  broken.props[0].mesh = "absent.obj";
  const PropMeshes none = load_prop_meshes(broken, dir);
  REQUIRE(none.errors.size() == 1);
  CHECK(none.errors[0].find("absent.obj") != std::string::npos);
  fs::remove_all(dir);
}

// shape_surface is tessellate's surface in canonical space: transformed as
// tessellate transforms it, it gives the very same positions, for every kind.
TEST_CASE("stage: a shape's canonical surface is tessellate's, bit for bit") {
  const LoadResult r = load_scene_file(std::string(CLOSEDSET_EXAMPLES_DIR) + "/bedroom.closedset.json");
  REQUIRE(r.ok());
  const Stage st = evaluate(*r.document, 14);
  int kinds_seen = 0;
  for (ShapeKind kind : {ShapeKind::ellipsoid, ShapeKind::capsule, ShapeKind::box}) {
    const auto it = std::find_if(st.shapes.begin(), st.shapes.end(),
                                 [&](const Shape& s) { return s.kind == kind && s.covers == 0; });
    if (it == st.shapes.end()) continue;
    ++kinds_seen;
    Stage one;
    one.performers = st.performers;
    one.garment_worn = st.garment_worn;
    one.shapes = {*it};
    for (int detail : {8, 24}) {
      const StageMesh mesh = tessellate(one, detail);
      const ShapeSurface surf = shape_surface(*it, detail);
      REQUIRE(surf.corners.size() == mesh.positions.size());
      REQUIRE(surf.label_points.size() * 3 == surf.corners.size());
      for (std::size_t k = 0; k < surf.corners.size(); ++k)
        CHECK(glm::vec3(it->to_world * glm::vec4(surf.corners[k], 1.0f)) == mesh.positions[k]);
    }
  }
  CHECK(kinds_seen == 3);
}
