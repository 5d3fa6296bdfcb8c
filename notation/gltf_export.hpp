// gltf_export.hpp — the staged scene as glTF 2.0 (.glb or .gltf), for Blender,
// Unreal and other 3D tools. Builds the file's bytes from a Document: no GL, no
// window, no file system (the caller writes them with write_file_atomic).
//
// Usage:
//   GltfOptions opt;  opt.animated = true;  opt.meshes = &prop_meshes;
//   GltfExport out = export_gltf(doc, opt);
//   if (out.ok()) write_file_atomic(path, out.bytes, false);
//
// What is in the file (README "closedset export" says the same for users):
//  - One node tree per performer, named by display_name: the performer's node
//    carries the root placement, below it one node per skeleton joint
//    ("ana/joint:pelvis" … "ana/joint:ankle_r", the mannequin's hierarchy), and
//    below each joint the meshes that ride on that body segment. The geometry is
//    the stage's own posed shapes (`shape_surface`, labelled with
//    `Stage::label_at`, as `tessellate` does), written in the segment's frame.
//  - Skin: a node and mesh "<performer>/<region>" per region, one primitive, the
//    material "region:<id>" (one per region, shared by performers). Seven regions
//    lie on two segments (a shoulder on the chest and the deltoid, the flanks,
//    upper and lower abdomen, lower back); each of their pieces is named
//    "<performer>/<region>@<joint>", so no two nodes built from ids share a name.
//  - Garments: their own nodes "<performer>/garment:<id>" (with "@<joint>" when
//    on several segments), one primitive per covered region, the material
//    "garment:<id>". Shown or hidden per beat by the node's scale (1 or 0, STEP
//    keys at the beats that change them), because scale is the one switch every
//    importer honours; the static export leaves out what is not worn.
//  - Props: "prop/<id>", material "prop:<id>" ("barrier:<id>" for barriers); the
//    node carries position, rotation and size, the mesh is the canonical shape
//    (or an imported mesh's own vertices), so a previs artist can move it.
//  - Cameras: "camera/<id>", perspective, looking down −Z. yfov is the delivery
//    frame's vertical field of view (fit horizontal: frame height = sensor width
//    ÷ aspect; vertical: the sensor height), aspectRatio the delivery aspect,
//    and the real lens in the camera's extras (focal_mm, sensor_mm, fit, aspect).
//    Moves are animated; a zoom animates yfov through KHR_animation_pointer (used,
//    not required: a reader without it keeps the first focal length).
//  - With `animated`: one animation, "choreography", times in seconds from the
//    range's first count at the scene's tempo; joint rotations and the root are
//    keyed at every beat start and end (between keys the stage slerps each
//    rotation and moves the root linearly, which is exactly glTF's LINEAR),
//    and in between so that no rotation turns more than 20° per key (for
//    importers that interpolate quaternion components linearly, as Blender's
//    does); cameras where their moves need it. Beat starts are markers in the
//    animation's extras: {"markers": [{"name", "beat", "count", "time_s"}]}.
//
// Why a node per body segment and not a skin: the mannequin is rigid pieces, each
// attached to one joint, so a node per segment reproduces the checked geometry
// exactly at every moment, needs no weights or bind matrices, and imports as a
// plain object hierarchy everywhere; garments can then be switched by node
// scale, which a skinned mesh ignores.
//
// Privacy: the exporter reads the cast's ids, names (display_name), heights and
// builds, the garments, props, cameras and choreography (poses, beat ids,
// labels, garment changes). It never reads boundaries, exposure (the rider),
// tiers, conditions, private notes, contacts, camera notes or takes, so none of
// them can reach the file; tests prove it with marker strings and by changing
// every private field and getting the same bytes.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "notation/beat_range.hpp"
#include "notation/document.hpp"

namespace cs {

struct PropMeshes;  // mesh_import.hpp

enum class GltfContainer { glb, gltf };  // binary, or JSON with the buffer embedded (base64)

struct GltfOptions {
  GltfContainer container = GltfContainer::glb;
  bool animated = false;
  std::optional<double> at;               // static: the count (default: the range's first count)
  std::optional<BeatRange> beats;         // default: the whole choreography
  std::vector<std::string> cameras;       // camera ids to export; empty: every camera (the caller checks the ids)
  int detail = 24;                        // tessellation, as tessellate() (the editor draws 24)
  const PropMeshes* meshes = nullptr;     // mesh props; without them they are left out, with a note
  // For the editor: progress in [0, 1] (called on the exporting thread), and a
  // flag another thread may set to stop; a cancelled export returns no bytes.
  std::function<void(double)> progress;
  const std::atomic<bool>* cancel = nullptr;
};

struct GltfSummary {
  std::size_t nodes = 0, meshes = 0, primitives = 0, materials = 0, cameras = 0, triangles = 0;
  std::size_t animations = 0, channels = 0, markers = 0;
  double from_count = 1, to_count = 1, duration_s = 0;  // animated: the range; static: from = to = the count
};

struct GltfExport {
  std::string bytes;                      // the file; empty when !ok()
  std::string error;                      // why not, when !ok()
  bool cancelled = false;
  GltfSummary summary;
  std::vector<std::string> notes;         // things a user should know (a mesh prop left out…)
  bool ok() const { return error.empty(); }
};

GltfExport export_gltf(const Document& doc, const GltfOptions& options = {});

// The glTF camera of a doc camera at a focal length: the delivery frame's
// vertical field of view in radians, and the delivery aspect.
struct GltfCamera {
  double yfov_rad = 0;
  double aspect = 1;
};
GltfCamera gltf_camera(const Camera& cam, double focal_mm);

}  // namespace cs
