// mesh_import.hpp — triangle meshes for `mesh` props, read through Assimp.
//
// Only the glTF 2 / GLB, glTF 1, OBJ and FBX importers are registered (Debian's
// Assimp carries unpatched bugs in other importers); any other extension is
// refused before Assimp sees the file. Every failure is an error value whose
// message names the file; nothing here throws. Assimp stays in the .cpp.
//
// Limits before work: the file's size, and its vertex and triangle counts (an
// OBJ's lines; a glTF's JSON: accessor counts times the nodes that place each
// mesh; an FBX's declared array lengths, read from its node records without
// decompressing anything) are checked before Assimp allocates anything. An
// FBX's arrays must also fit, decompressed, in max_bytes each and four times
// max_bytes together (Assimp allocates what an array declares), and a binary
// FBX whose records do not nest properly is refused before Assimp reads it.
//
// Confinement: the mesh file and every file it references (a glTF's buffers and
// images, an OBJ's materials) must lie inside `root` (the scene's folder),
// after symbolic links are resolved. Assimp reads through an IOSystem that
// refuses anything else, so a buffer named "../../../etc/passwd" is an error
// naming it, never vertices.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "notation/document.hpp"

namespace cs {

struct MeshData {
  std::vector<glm::vec3> positions;     // metres, as modelled (node transforms applied)
  std::vector<std::uint32_t> indices;   // 3 per triangle
  std::size_t triangle_count() const { return indices.size() / 3; }
};

struct MeshImportLimits {
  std::uintmax_t max_bytes = 64u << 20;  // 64 MiB, for the mesh file and for each file it references
  std::size_t max_triangles = 200000;
  std::size_t max_vertices = 600000;
  // Every file read must lie inside this folder; empty: the mesh file's own folder.
  std::filesystem::path root;
};

struct MeshImportResult {
  std::optional<MeshData> mesh;
  std::string error;                     // set when !mesh: "<path>: why"
};

MeshImportResult import_mesh(const std::filesystem::path& path, const MeshImportLimits& limits = {});

// The meshes of a document's `mesh` props, indexed like doc.props (nullopt for
// other shapes or on failure). `scene_dir` resolves relative paths, and every
// mesh (and what it references) must lie inside it: limits.root is set to it.
struct PropMeshes {
  std::vector<std::optional<MeshData>> meshes;
  std::vector<std::string> errors;       // one per failed prop, naming the prop and file
  bool ok() const { return errors.empty(); }
};
PropMeshes load_prop_meshes(const Document& doc, const std::filesystem::path& scene_dir,
                            const MeshImportLimits& limits = {});

}  // namespace cs
