// FBX meshes: counted before Assimp allocates. A binary FBX is written here
// record by record (notation/mesh_import.cpp reads the same records), so the
// tests hold what a real file holds: a quad that imports, and files whose
// arrays claim more than the limits allow, refused before import, naming the file.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "notation/mesh_import.hpp"

namespace fs = std::filesystem;
using namespace cs;

namespace {

std::string le(std::uint64_t v, int bytes) {
  std::string s;
  for (int i = 0; i < bytes; ++i) s.push_back(char((v >> (8 * i)) & 0xFF));
  return s;
}

std::string prop_int(std::int32_t v) { return "I" + le(std::uint32_t(v), 4); }
std::string prop_long(std::int64_t v) { return "L" + le(std::uint64_t(v), 8); }
std::string prop_string(const std::string& v) { return "S" + le(v.size(), 4) + v; }

// zlib's "stored" form (no compression): what an FBX array with encoding 1 holds.
std::string zlib_stored(const std::string& data) {
  std::string z = "\x78\x01";
  z += '\x01';  // the last block, stored
  z += le(data.size(), 2) + le(~data.size() & 0xFFFF, 2) + data;
  std::uint32_t a = 1, b = 0;
  for (unsigned char c : data) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  const std::uint32_t adler = b << 16 | a;
  for (int i = 3; i >= 0; --i) z.push_back(char((adler >> (8 * i)) & 0xFF));
  return z;
}

// An array property: `type` d or i; `declared` overrides the element count the header claims.
std::string prop_array(char type, const std::string& raw, std::size_t elements, bool compressed,
                       std::uint64_t declared = 0) {
  const std::string stored = compressed ? zlib_stored(raw) : raw;
  return std::string(1, type) + le(declared ? declared : elements, 4) + le(compressed ? 1 : 0, 4) +
         le(stored.size(), 4) + stored;
}
std::string doubles(const std::vector<double>& v) {
  std::string s(v.size() * 8, '\0');
  std::memcpy(s.data(), v.data(), s.size());
  return s;
}
std::string ints(const std::vector<std::int32_t>& v) {
  std::string s(v.size() * 4, '\0');
  std::memcpy(s.data(), v.data(), s.size());
  return s;
}

struct Node {
  std::string name;
  std::vector<std::string> props;
  std::vector<Node> children;
};

std::string write_node(const Node& n, std::size_t at, bool wide) {
  const int w = wide ? 8 : 4;
  std::string props;
  for (const std::string& p : n.props) props += p;
  std::string body = n.name + props;
  const std::size_t head = std::size_t(3 * w + 1);
  std::size_t offset = at + head + body.size();
  for (const Node& c : n.children) {
    const std::string child = write_node(c, offset, wide);
    body += child;
    offset += child.size();
  }
  if (!n.children.empty()) body += std::string(head, '\0');  // the null record that ends the children
  const std::size_t end = at + head + body.size();
  return le(end, w) + le(n.props.size(), w) + le(props.size(), w) + char(n.name.size()) + body;
}

std::string write_fbx(const std::vector<Node>& nodes, std::uint32_t version) {
  const bool wide = version >= 7500;
  std::string out("Kaydara FBX Binary  \0\x1a\0", 23);
  out += le(version, 4);
  for (const Node& n : nodes) out += write_node(n, out.size(), wide);
  out += std::string(wide ? 25 : 13, '\0');  // the top-level list ends with a null record
  return out;
}

// A 2 m square (4 vertices, one quad: 2 triangles). `vertices` and `corners`
// replace the Vertices and PolygonVertexIndex properties when given.
std::string quad_fbx(std::uint32_t version, bool compressed, const std::string& vertices = "",
                     const std::string& corners = "") {
  const std::vector<double> v = {-1, 0, 0, 1, 0, 0, 1, 2, 0, -1, 2, 0};
  const std::vector<std::int32_t> i = {0, 1, 2, -4};  // the last corner of a polygon is stored as ~index
  Node header{"FBXHeaderExtension", {}, {{"FBXHeaderVersion", {prop_int(1003)}, {}}, {"FBXVersion", {prop_int(7400)}, {}}}};
  Node geometry{"Geometry",
                {prop_long(100), prop_string(std::string("quad\0\1Geometry", 14)), prop_string("Mesh")},
                {{"GeometryVersion", {prop_int(124)}, {}},
                 {"Vertices", {vertices.empty() ? prop_array('d', doubles(v), v.size(), compressed) : vertices}, {}},
                 {"PolygonVertexIndex", {corners.empty() ? prop_array('i', ints(i), i.size(), compressed) : corners}, {}}}};
  Node model{"Model", {prop_long(200), prop_string(std::string("quad\0\1Model", 11)), prop_string("Mesh")},
             {{"Version", {prop_int(232)}, {}}}};
  Node objects{"Objects", {}, {geometry, model}};
  Node connections{"Connections", {}, {{"C", {prop_string("OO"), prop_long(100), prop_long(200)}, {}},
                                       {"C", {prop_string("OO"), prop_long(200), prop_long(0)}, {}}}};
  return write_fbx({header, objects, connections}, version);
}

fs::path write(const fs::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << bytes;
  return file;
}

struct Folder {
  fs::path dir = fs::temp_directory_path() / "closedset_test_mesh_fbx";
  Folder() { fs::remove_all(dir); fs::create_directories(dir); }
  ~Folder() { fs::remove_all(dir); }
};

bool says(const MeshImportResult& r, const fs::path& file, const std::string& words) {
  return !r.mesh && r.error.find(file.string()) != std::string::npos && r.error.find(words) != std::string::npos;
}

}  // namespace

TEST_CASE("mesh import: a binary FBX quad imports, 32-bit and 64-bit records, raw and compressed arrays") {
  Folder f;
  for (std::uint32_t version : {7400u, 7500u})
    for (bool compressed : {false, true}) {
      CAPTURE(version);
      CAPTURE(compressed);
      const fs::path file = write(f.dir / "quad.fbx", quad_fbx(version, compressed));
      const MeshImportResult r = import_mesh(file);
      REQUIRE_MESSAGE(r.mesh, r.error);
      CHECK(r.mesh->triangle_count() == 2);
      CHECK(r.mesh->positions.size() == 4);
    }
}

TEST_CASE("mesh import: an FBX array that claims more than the limits is refused before import, naming the file") {
  Folder f;
  // Four bytes stored, four billion doubles claimed: Assimp would allocate 32 GiB to decompress it.
  const std::string bomb = prop_array('d', std::string(8, '\0'), 1, true, 0xFFFFFFF0u);
  for (std::uint32_t version : {7400u, 7500u}) {
    const fs::path file = write(f.dir / "bomb.fbx", quad_fbx(version, true, bomb));
    const MeshImportResult r = import_mesh(file);
    CHECK_MESSAGE(says(r, file, "the FBX array 'Vertices' declares 4294967280 numbers, 32767 MiB in memory, over the 64 MiB limit"),
                  r.error);
  }
  // Within the size limit, over the counts: 700 000 vertices; 3 000 000 corners make at least 1 000 000 triangles.
  const fs::path many_vertices =
      write(f.dir / "vertices.fbx", quad_fbx(7400, true, prop_array('d', std::string(8, '\0'), 1, true, 2100000)));
  MeshImportResult r = import_mesh(many_vertices);
  CHECK_MESSAGE(says(r, many_vertices, "700000 vertices, over the limit of 600000"), r.error);
  const fs::path many_corners =
      write(f.dir / "corners.fbx", quad_fbx(7400, true, "", prop_array('i', std::string(4, '\0'), 1, true, 3000000)));
  r = import_mesh(many_corners);
  CHECK_MESSAGE(says(r, many_corners, "1000000 triangles, over the limit of 200000"), r.error);
  // Many arrays each within the limit, together over four times it.
  Node normals{"LayerElementNormal", {prop_int(0)}, {}};
  for (int k = 0; k < 5; ++k)
    normals.children.push_back({"Normals", {prop_array('d', std::string(8, '\0'), 1, true, 7000000)}, {}});
  const fs::path together = write(f.dir / "together.fbx", write_fbx({{"Objects", {}, {normals}}}, 7400));
  r = import_mesh(together);
  CHECK_MESSAGE(says(r, together, "the FBX's arrays declare 267 MiB in memory, over the 256 MiB limit"), r.error);
}

TEST_CASE("mesh import: a binary FBX whose records do not fit together is refused before import") {
  Folder f;
  const std::string whole = quad_fbx(7400, false);
  const fs::path cut = write(f.dir / "cut.fbx", whole.substr(0, whole.size() / 2));
  MeshImportResult r = import_mesh(cut);
  CHECK_MESSAGE(says(r, cut, "not a well-formed binary FBX"), r.error);
  std::string lying = whole;
  lying[27] = '\xFF';  // the first record's end, past the file's end
  lying[28] = '\xFF';
  const fs::path past = write(f.dir / "past.fbx", lying);
  r = import_mesh(past);
  CHECK_MESSAGE(says(r, past, "not a well-formed binary FBX: a node record ends outside its parent (byte 27)"), r.error);
}

TEST_CASE("mesh import: an ASCII FBX's declared array lengths are counted before import") {
  Folder f;
  const fs::path file = write(f.dir / "ascii.fbx",
                              "; FBX 7.4.0 project file\n; Vertices: *99999999999 in a comment is not an array\n"
                              "Objects:  {\n  Geometry: 100, \"Geometry::a: *88888888888\", \"Mesh\" {\n"
                              "    Vertices: *2100000 {\n      a: 0,0,0\n    }\n  }\n}\n");
  const MeshImportResult r = import_mesh(file);
  CHECK_MESSAGE(says(r, file, "700000 vertices, over the limit of 600000"), r.error);
  const fs::path huge = write(f.dir / "huge.fbx", "Objects:  {\n  Geometry: 1, \"g\", \"Mesh\" {\n    Normals: *4000000000 {\n"
                                                  "      a: 0\n    }\n  }\n}\n");
  const MeshImportResult h = import_mesh(huge);
  CHECK_MESSAGE(says(h, huge, "the FBX array 'Normals' declares 4000000000 numbers, 30517 MiB in memory"), h.error);
}
