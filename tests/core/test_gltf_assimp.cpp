// test_gltf_assimp.cpp — a round trip through Assimp (the importer many tools
// are built on): the same nodes, meshes, cameras and animation come back, and
// each camera's field of view within 0.1°.
//
// Assimp 5.2's glTF importer sets aiCamera::mHorizontalFOV = yfov × aspectRatio
// (its code multiplies the angle itself, not its tangent), so the vertical field
// of view is read back as mHorizontalFOV / mAspect: the inverse of what Assimp
// did, not of a true horizontal field of view. A tool that takes
// mHorizontalFOV as the real horizontal angle is off by Assimp's approximation
// (42.50° becomes 44.18° for a 2.39 frame), which is Assimp's to fix.
#include <numbers>
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <set>

#include <assimp/Importer.hpp>
#include <assimp/scene.h>

#include "notation/format.hpp"
#include "notation/gltf_export.hpp"
#include "notation/lens.hpp"

#include "tests/core/gltf_reader.hpp"

using namespace cs;
namespace fs = std::filesystem;

namespace {


std::size_t count_nodes(const aiNode* n) {
  std::size_t k = 1;
  for (unsigned i = 0; i < n->mNumChildren; ++i) k += count_nodes(n->mChildren[i]);
  return k;
}

}  // namespace

TEST_CASE("gltf: Assimp reads back the same nodes, meshes, cameras, animation and fields of view") {
  for (const char* name : {"bedroom.closedset.json", "reference.closedset.json"})
    for (bool animated : {false, true})
      for (GltfContainer container : {GltfContainer::glb, GltfContainer::gltf}) {
        CAPTURE(name);
        CAPTURE(animated);
        CAPTURE(container == GltfContainer::glb);
        const LoadResult r = load_scene_file(fs::path(CLOSEDSET_EXAMPLES_DIR) / name);
        REQUIRE(r.ok());
        const Document& doc = *r.document;
        GltfOptions opt;
        opt.animated = animated;
        opt.container = container;
        const GltfExport e = export_gltf(doc, opt);
        REQUIRE(e.ok());
        const gltf_test::Gltf mine = gltf_test::Gltf::parse(e.bytes);

        Assimp::Importer imp;
        const aiScene* s = imp.ReadFileFromMemory(e.bytes.data(), e.bytes.size(), 0,
                                                  container == GltfContainer::glb ? "glb" : "gltf");
        REQUIRE_MESSAGE(s, imp.GetErrorString());
        REQUIRE(s->mRootNode);
        // One root node, so Assimp adds none of its own.
        CHECK(count_nodes(s->mRootNode) == e.summary.nodes);
        CHECK(std::string(s->mRootNode->mName.C_Str()) == doc.scene.title);
        // Assimp makes one aiMesh per glTF primitive.
        CHECK(s->mNumMeshes == e.summary.primitives);
        CHECK(s->mNumCameras == doc.cameras.size());
        CHECK(s->mNumAnimations == (animated ? 1u : 0u));
        if (animated) {
          // Assimp gathers a node's translation, rotation and scale channels into one aiNodeAnim.
          std::set<int> animated_nodes;
          for (const auto& ch : mine.json["animations"][0]["channels"])
            if (ch["target"].contains("node")) animated_nodes.insert(ch["target"]["node"].get<int>());
          const aiAnimation* a = s->mAnimations[0];
          CHECK(a->mNumChannels == animated_nodes.size());
          CHECK(a->mDuration / a->mTicksPerSecond == doctest::Approx(e.summary.duration_s).epsilon(1e-6));
        }
        for (unsigned c = 0; c < s->mNumCameras; ++c) {
          const aiCamera* cam = s->mCameras[c];
          const std::string node = cam->mName.C_Str();
          REQUIRE(node.rfind("camera/", 0) == 0);
          const Camera* dc = doc.camera(node.substr(7));
          REQUIRE(dc);
          const double vfov_deg = double(cam->mHorizontalFOV) / double(cam->mAspect) * 180 / std::numbers::pi;
          CHECK(std::abs(vfov_deg - lens_frame(*dc).vfov_deg) < 0.1);
          CHECK(cam->mAspect == doctest::Approx(dc->aspect));
          // The node Assimp hangs the camera on stands where the camera does.
          const aiNode* n = s->mRootNode->FindNode(cam->mName);
          REQUIRE(n);
          aiMatrix4x4 m = n->mTransformation;
          for (const aiNode* p = n->mParent; p; p = p->mParent) m = p->mTransformation * m;
          CHECK(m.a4 == doctest::Approx(dc->position[0]).epsilon(1e-5));
          CHECK(m.b4 == doctest::Approx(dc->position[1]).epsilon(1e-5));
          CHECK(m.c4 == doctest::Approx(dc->position[2]).epsilon(1e-5));
        }
      }
}
