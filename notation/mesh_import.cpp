#include "notation/mesh_import.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <memory>
#include <sstream>
#include <system_error>

#include <assimp/BaseImporter.h>
#include <assimp/Importer.hpp>
#include <assimp/importerdesc.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

namespace cs {

namespace {

bool allowed_extension(std::string ext) {
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext == ".gltf" || ext == ".glb" || ext == ".obj" || ext == ".fbx";
}

// Keep only the importers we trust: glTF (1 and 2, incl. GLB), OBJ, FBX.
void restrict_importers(Assimp::Importer& imp) {
  std::vector<Assimp::BaseImporter*> drop;
  for (std::size_t i = 0; i < imp.GetImporterCount(); ++i) {
    const aiImporterDesc* d = imp.GetImporterInfo(i);
    std::istringstream exts(d && d->mFileExtensions ? d->mFileExtensions : "");
    bool keep = false;
    for (std::string e; exts >> e;)
      if (e == "gltf" || e == "glb" || e == "obj" || e == "fbx") keep = true;
    if (!keep) drop.push_back(imp.GetImporter(i));
  }
  for (Assimp::BaseImporter* b : drop)
    if (b && imp.UnregisterLoader(b) == AI_SUCCESS) delete b;  // unregistered importers are ours to delete
}

}  // namespace

MeshImportResult import_mesh(const std::filesystem::path& path, const MeshImportLimits& limits) {
  MeshImportResult r;
  const std::string name = path.string();
  auto fail = [&](const std::string& why) {
    r.error = name + ": " + why;
    return r;
  };
  if (!allowed_extension(path.extension().string()))
    return fail("unsupported mesh format '" + path.extension().string() + "' (use .gltf, .glb, .obj or .fbx)");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return fail("no such file");
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (ec) return fail("cannot read the file size: " + ec.message());
  if (bytes > limits.max_bytes)
    return fail("the file is " + std::to_string(bytes >> 20) + " MiB, over the " +
                std::to_string(limits.max_bytes >> 20) + " MiB limit for mesh props");
  try {
    Assimp::Importer imp;
    restrict_importers(imp);
    imp.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    const aiScene* scene = imp.ReadFile(name, aiProcess_Triangulate | aiProcess_JoinIdenticalVertices |
                                                  aiProcess_PreTransformVertices | aiProcess_SortByPType);
    if (!scene || !scene->mRootNode || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE))
      return fail(std::string("cannot import the mesh: ") + imp.GetErrorString());
    std::size_t tris = 0;
    for (unsigned m = 0; m < scene->mNumMeshes; ++m) tris += scene->mMeshes[m]->mNumFaces;
    if (tris == 0) return fail("the file holds no triangles");
    if (tris > limits.max_triangles)
      return fail("the mesh has " + std::to_string(tris) + " triangles, over the limit of " +
                  std::to_string(limits.max_triangles));
    MeshData mesh;
    mesh.indices.reserve(tris * 3);
    for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
      const aiMesh* am = scene->mMeshes[m];
      const auto base = static_cast<std::uint32_t>(mesh.positions.size());
      for (unsigned v = 0; v < am->mNumVertices; ++v)
        mesh.positions.emplace_back(am->mVertices[v].x, am->mVertices[v].y, am->mVertices[v].z);
      for (unsigned f = 0; f < am->mNumFaces; ++f) {
        const aiFace& face = am->mFaces[f];
        if (face.mNumIndices != 3) continue;
        bool ok = true;
        for (int k = 0; k < 3; ++k) ok = ok && face.mIndices[k] < am->mNumVertices;
        if (!ok) continue;
        for (int k = 0; k < 3; ++k) mesh.indices.push_back(base + face.mIndices[k]);
      }
    }
    for (const glm::vec3& p : mesh.positions)
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) return fail("the mesh has non-finite vertices");
    if (mesh.indices.empty()) return fail("the file holds no triangles");
    r.mesh = std::move(mesh);
    return r;
  } catch (const std::exception& e) {
    return fail(std::string("cannot import the mesh: ") + e.what());
  } catch (...) {
    return fail("cannot import the mesh");
  }
}

PropMeshes load_prop_meshes(const Document& doc, const std::filesystem::path& scene_dir,
                            const MeshImportLimits& limits) {
  PropMeshes out;
  out.meshes.resize(doc.props.size());
  for (std::size_t i = 0; i < doc.props.size(); ++i) {
    const Prop& p = doc.props[i];
    if (p.shape != PropShape::mesh) continue;
    if (p.mesh.empty()) {
      out.errors.push_back("prop '" + p.id + "': shape is mesh but no mesh file is named");
      continue;
    }
    std::filesystem::path file(p.mesh);
    if (file.is_relative()) file = scene_dir / file;
    MeshImportResult r = import_mesh(file, limits);
    if (r.mesh) out.meshes[i] = std::move(r.mesh);
    else out.errors.push_back("prop '" + p.id + "': " + r.error);
  }
  return out;
}

}  // namespace cs
