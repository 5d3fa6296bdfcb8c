// fuzz_mesh.cpp — libFuzzer target for the mesh import path: the first byte
// picks the format ('o' OBJ, 'g' glTF, 'b' GLB, 'f' FBX; any other byte by its
// value modulo 4), the rest is the file, written into a folder of its own and
// imported as a prop's mesh is (confined to that folder, with small limits).
// Oracle: no crash; a refusal names the file; a mesh has finite vertices and
// every index inside them, within the limits.
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "notation/mesh_import.hpp"

namespace {

const std::filesystem::path& folder() {
  static const std::filesystem::path dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "closedset-fuzz-mesh-XXXXXX").string();
    const char* made = ::mkdtemp(tmpl.data());
    if (!made) std::abort();
    return std::filesystem::path(made) / "scene";
  }();
  static const bool created = std::filesystem::create_directories(dir) || true;
  (void)created;
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* kExt[] = {".obj", ".gltf", ".glb", ".fbx"};
  int pick = data[0] % 4;
  if (data[0] == 'o') pick = 0;
  else if (data[0] == 'g') pick = 1;
  else if (data[0] == 'b') pick = 2;
  else if (data[0] == 'f') pick = 3;
  const std::filesystem::path file = folder() / (std::string("mesh") + kExt[pick]);
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  cs::MeshImportLimits limits;
  limits.max_bytes = 1u << 20;
  limits.max_triangles = 20000;
  limits.max_vertices = 60000;
  limits.root = folder();
  const cs::MeshImportResult r = cs::import_mesh(file, limits);
  if (!r.mesh) {
    if (r.error.find(file.string()) == std::string::npos) {
      std::fprintf(stderr, "a refusal that does not name the file: %s\n", r.error.c_str());
      std::abort();
    }
    return 0;
  }
  const cs::MeshData& m = *r.mesh;
  if (m.triangle_count() == 0 || m.triangle_count() > limits.max_triangles || m.indices.size() % 3 != 0) std::abort();
  for (const std::uint32_t i : m.indices)
    if (i >= m.positions.size()) std::abort();
  for (const auto& p : m.positions)
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) std::abort();
  return 0;
}
