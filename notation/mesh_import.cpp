// mesh_import.cpp — mesh_import.hpp.
//
// [SECTION] Which importers
// [SECTION] What a path is, and whether it lies inside the root
// [SECTION] The confined IOSystem Assimp reads through
// [SECTION] Counting before importing (OBJ, glTF, GLB, FBX)
// [SECTION] import_mesh, load_prop_meshes
#include "notation/mesh_import.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <exception>
#include <fstream>
#include <memory>
#include <sstream>
#include <string_view>
#include <system_error>

#include <assimp/BaseImporter.h>
#include <assimp/DefaultIOSystem.h>
#include <assimp/Importer.hpp>
#include <assimp/importerdesc.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <nlohmann/json.hpp>

namespace cs {

namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// [SECTION] Which importers

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

bool allowed_extension(const std::string& ext) {
  const std::string e = lower(ext);
  return e == ".gltf" || e == ".glb" || e == ".obj" || e == ".fbx";
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

// ---------------------------------------------------------------------------
// [SECTION] What a path is, and whether it lies inside the root

// "" for a regular file (through links); else what it is, in words.
std::string not_a_file(const fs::path& p) {
  std::error_code ec;
  const fs::file_status link = fs::symlink_status(p, ec);
  if (ec || !fs::exists(link)) return "no such file";
  const fs::file_status st = fs::status(p, ec);
  const std::string via = fs::is_symlink(link) ? " (a link to " + fs::read_symlink(p, ec).string() + ")" : "";
  if (!fs::exists(st)) return "a link to " + fs::read_symlink(p, ec).string() + ", which does not exist";
  if (fs::is_regular_file(st)) return "";
  if (fs::is_directory(st)) return "a folder" + via + ", not a mesh file";
  if (fs::is_character_file(st) || fs::is_block_file(st)) return "a device" + via + ", not a mesh file";
  if (fs::is_fifo(st)) return "a named pipe" + via + ", not a mesh file";
  if (fs::is_socket(st)) return "a socket" + via + ", not a mesh file";
  return "not a regular file" + via;
}

fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  fs::path c = fs::weakly_canonical(abs, ec);
  return ec ? abs.lexically_normal() : c;
}

// Both resolved: is `p` the root itself or below it?
bool lies_inside(const fs::path& p, const fs::path& root) {
  auto r = root.begin(), x = p.begin();
  for (; r != root.end(); ++r, ++x) {
    if (r->empty() && std::next(r) == root.end()) break;  // a trailing separator
    if (x == p.end() || *x != *r) return false;
  }
  return true;
}

// "" when `file` may be read: inside the root, a regular file (or missing:
// the reader says so), not over the size limit. Else why not.
std::string may_read(const fs::path& file, const fs::path& root, std::uintmax_t max_bytes) {
  const fs::path where = resolved(file);
  if (!lies_inside(where, root))
    return file.string() + " lies outside the scene's folder " + root.string() +
           " (meshes and the files they use must be inside it; copy them there)";
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return "";
  if (std::string what = not_a_file(file); !what.empty()) return file.string() + " is " + what;
  const std::uintmax_t bytes = fs::file_size(file, ec);
  if (!ec && bytes > max_bytes)
    return file.string() + " is " + std::to_string(bytes >> 20) + " MiB, over the " + std::to_string(max_bytes >> 20) +
           " MiB limit for mesh files";
  return "";
}

// ---------------------------------------------------------------------------
// [SECTION] The confined IOSystem Assimp reads through
//
// Assimp asks its IOSystem for the mesh file and for everything the file
// names (glTF buffers and images, OBJ material libraries). This one refuses
// what may_read() refuses and any write, and keeps the first refusal so the
// error names it (Assimp's own message would say only that a buffer is missing).

class ConfinedIO : public Assimp::DefaultIOSystem {
 public:
  ConfinedIO(fs::path root, std::uintmax_t max_bytes, std::string* refusal)
      : root_(std::move(root)), max_bytes_(max_bytes), refusal_(refusal) {}

  bool Exists(const char* file) const override {
    if (!file) return false;
    if (std::string why = may_read(file, root_, max_bytes_); !why.empty()) {
      note(why);
      return false;
    }
    return DefaultIOSystem::Exists(file);
  }

  Assimp::IOStream* Open(const char* file, const char* mode) override {
    if (!file) return nullptr;
    if (mode && (std::strchr(mode, 'w') || std::strchr(mode, 'a') || std::strchr(mode, '+'))) {
      note(std::string("the importer tried to write ") + file);
      return nullptr;
    }
    if (std::string why = may_read(file, root_, max_bytes_); !why.empty()) {
      note(why);
      return nullptr;
    }
    return DefaultIOSystem::Open(file, mode);
  }

 private:
  void note(const std::string& why) const {
    if (refusal_ && refusal_->empty()) *refusal_ = why;
  }
  fs::path root_;
  std::uintmax_t max_bytes_;
  std::string* refusal_;
};

// ---------------------------------------------------------------------------
// [SECTION] Counting before importing (OBJ, glTF, GLB, FBX)

struct Counts {
  std::uint64_t vertices = 0, triangles = 0;
};

// An OBJ's `v` lines and its `f` lines' triangles (a face of n corners is n−2).
// Stops counting once both limits are passed.
Counts count_obj(const fs::path& file, const MeshImportLimits& limits) {
  Counts c;
  std::ifstream in(file, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    std::size_t i = line.find_first_not_of(" \t");
    if (i == std::string::npos || i + 1 >= line.size()) continue;
    const bool space_after = line[i + 1] == ' ' || line[i + 1] == '\t';
    if (line[i] == 'v' && space_after) {
      ++c.vertices;
    } else if (line[i] == 'f' && space_after) {
      std::istringstream corners(line.substr(i + 2));
      std::uint64_t n = 0;
      for (std::string t; corners >> t;) ++n;
      if (n >= 3) c.triangles += n - 2;
    } else {
      continue;
    }
    if (c.vertices > limits.max_vertices && c.triangles > limits.max_triangles) break;
  }
  return c;
}

std::uint64_t json_count(const nlohmann::json& v) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer()) return std::uint64_t(std::max<std::int64_t>(0, v.get<std::int64_t>()));
  if (v.is_number_float()) {
    const double d = v.get<double>();
    return std::isfinite(d) && d > 0 ? std::uint64_t(std::min(d, 1e18)) : 0;
  }
  return 0;
}

// A glTF's vertices and triangles as Assimp will make them: each primitive's
// accessor counts, times the nodes that place its mesh (the importer copies a
// mesh per node). nullopt when the JSON is not a glTF's (Assimp then says why).
std::optional<Counts> count_gltf(const nlohmann::json& j) {
  if (!j.is_object()) return std::nullopt;
  const nlohmann::json empty = nlohmann::json::array();
  const nlohmann::json& accessors = j.contains("accessors") && j["accessors"].is_array() ? j["accessors"] : empty;
  const nlohmann::json& meshes = j.contains("meshes") && j["meshes"].is_array() ? j["meshes"] : empty;
  const nlohmann::json& nodes = j.contains("nodes") && j["nodes"].is_array() ? j["nodes"] : empty;
  auto accessor_count = [&](const nlohmann::json& index) -> std::uint64_t {
    const std::uint64_t i = json_count(index);
    if (!index.is_number() || i >= accessors.size() || !accessors[i].is_object() || !accessors[i].contains("count")) return 0;
    return json_count(accessors[i]["count"]);
  };
  std::vector<std::uint64_t> placed(meshes.size(), 0);
  for (const nlohmann::json& n : nodes)
    if (n.is_object() && n.contains("mesh")) {
      const std::uint64_t m = json_count(n["mesh"]);
      if (m < placed.size()) ++placed[m];
    }
  Counts c;
  for (std::size_t m = 0; m < meshes.size(); ++m) {
    if (!meshes[m].is_object() || !meshes[m].contains("primitives") || !meshes[m]["primitives"].is_array()) continue;
    Counts one;
    for (const nlohmann::json& p : meshes[m]["primitives"]) {
      if (!p.is_object()) continue;
      const std::uint64_t positions =
          p.contains("attributes") && p["attributes"].is_object() && p["attributes"].contains("POSITION")
              ? accessor_count(p["attributes"]["POSITION"])
              : 0;
      const std::uint64_t corners = p.contains("indices") ? accessor_count(p["indices"]) : positions;
      const std::uint64_t mode = p.contains("mode") ? json_count(p["mode"]) : 4;
      one.vertices += positions;
      if (mode == 4) one.triangles += corners / 3;
      else if ((mode == 5 || mode == 6) && corners >= 3) one.triangles += corners - 2;
    }
    const std::uint64_t times = std::max<std::uint64_t>(1, placed[m]);
    c.vertices += std::min<std::uint64_t>(one.vertices, UINT64_MAX / times) * times;
    c.triangles += std::min<std::uint64_t>(one.triangles, UINT64_MAX / times) * times;
  }
  return c;
}

std::optional<Counts> count_gltf_file(const fs::path& file, bool binary) {
  std::ifstream in(file, std::ios::binary);
  std::string text;
  if (binary) {
    // GLB: a 12-byte header, then the JSON chunk (length, type "JSON", bytes).
    unsigned char head[20] = {};
    if (!in.read(reinterpret_cast<char*>(head), sizeof head)) return std::nullopt;
    auto u32 = [&](int at) {
      return std::uint32_t(head[at]) | std::uint32_t(head[at + 1]) << 8 | std::uint32_t(head[at + 2]) << 16 |
             std::uint32_t(head[at + 3]) << 24;
    };
    if (std::memcmp(head, "glTF", 4) != 0 || u32(16) != 0x4E4F534Au) return std::nullopt;
    std::error_code ec;
    const std::uint32_t length = u32(12);
    if (length > fs::file_size(file, ec)) return std::nullopt;
    text.resize(length);
    if (!in.read(text.data(), length)) return std::nullopt;
  } else {
    std::ostringstream all;
    all << in.rdbuf();
    text = all.str();
  }
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::nullopt;
  return count_gltf(j);
}

// FBX. Assimp's FBX reader allocates each array to the length its record
// declares before it decompresses anything, so a file of a few hundred bytes
// can claim four billion doubles. The declared lengths are read here, nothing
// is decompressed: a binary FBX's node records are walked (each array's
// header holds its element count), an ASCII FBX's `Name: *N { a: … }` arrays
// are scanned for their `*N`. "Vertices" counts control points (3 numbers
// each); "PolygonVertexIndex" counts polygon corners, and a polygon of n
// corners makes n−2 triangles, at least n/3: corners/3 is the fewest
// triangles Assimp can make of them. Each array, decompressed, must fit in
// the size limit, and all of them in kFbxArraysFactor times it.
constexpr std::uint64_t kFbxArraysFactor = 4;
constexpr int kFbxMaxDepth = 64;

struct FbxCounts {
  Counts counts;
  std::uint64_t corners = 0;
  std::uint64_t array_bytes = 0;          // all arrays, decompressed
  std::uint64_t largest_bytes = 0, largest_count = 0;
  std::string largest_name;
  std::string malformed;                  // set when the file is not a well-formed FBX
};

void fbx_array(FbxCounts& c, std::string_view name, std::uint64_t count, std::uint64_t element_bytes) {
  const std::uint64_t bytes = std::min<std::uint64_t>(count, UINT64_MAX / 16) * element_bytes;
  c.array_bytes = std::min<std::uint64_t>(c.array_bytes + bytes, UINT64_MAX / 2);
  if (bytes > c.largest_bytes) {
    c.largest_bytes = bytes;
    c.largest_count = count;
    c.largest_name = std::string(name);
  }
  if (name == "Vertices") c.counts.vertices += count / 3;
  else if (name == "PolygonVertexIndex") c.corners += count;
}

constexpr std::string_view kFbxBinaryMagic{"Kaydara FBX Binary  \0\x1a\0", 23};

class FbxBinaryScan {
 public:
  explicit FbxBinaryScan(std::string_view b) : b_(b) {}

  FbxCounts run() {
    if (b_.size() < 27) return fail(b_.size(), "the header is cut short");
    version_ = static_cast<std::uint32_t>(uint(23, 4));
    width_ = version_ >= 7500 ? 8 : 4;
    std::size_t pos = 27;
    bool null_record = false;
    while (pos < b_.size() && out_.malformed.empty()) {
      if (!node(pos, b_.size(), 0, null_record) || null_record) break;
    }
    return out_;
  }

 private:
  FbxCounts fail(std::size_t at, const std::string& why) {
    if (out_.malformed.empty()) out_.malformed = why + " (byte " + std::to_string(at) + ")";
    return out_;
  }
  bool bad(std::size_t at, const std::string& why) {
    fail(at, why);
    return false;
  }
  std::uint64_t uint(std::size_t at, int bytes) const {
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(b_[at + static_cast<std::size_t>(i)]);
    return v;
  }

  // One node record at `pos` that must end by `end`; pos moves past it.
  bool node(std::size_t& pos, std::size_t end, int depth, bool& null_record) {
    null_record = false;
    if (depth > kFbxMaxDepth) return bad(pos, "nodes nest deeper than " + std::to_string(kFbxMaxDepth));
    const std::size_t w = width_, head = 3 * w + 1;
    if (end - pos < head) return bad(pos, "a node record is cut short");
    const std::uint64_t node_end = uint(pos, int(w)), properties = uint(pos + w, int(w)),
                        property_bytes = uint(pos + 2 * w, int(w));
    const std::size_t name_length = static_cast<unsigned char>(b_[pos + 3 * w]);
    if (node_end == 0 && properties == 0 && property_bytes == 0 && name_length == 0) {
      null_record = true;
      pos += head;
      return true;
    }
    if (node_end <= pos || node_end > end) return bad(pos, "a node record ends outside its parent");
    const std::size_t name_at = pos + head;
    if (name_length > node_end - name_at) return bad(pos, "a node's name runs past its record");
    const std::string_view name = b_.substr(name_at, name_length);
    std::size_t p = name_at + name_length;
    if (property_bytes > node_end - p) return bad(pos, "a node's properties run past its record");
    const std::size_t properties_end = p + static_cast<std::size_t>(property_bytes);
    for (std::uint64_t i = 0; i < properties; ++i)
      if (!property(p, properties_end, name)) return false;
    // Children up to the record's end. Assimp reads on past a null record
    // inside a node (only at the top does one end the list), so this does too.
    std::size_t child = properties_end;
    for (bool child_null = false; child < node_end;)
      if (!node(child, static_cast<std::size_t>(node_end), depth + 1, child_null)) return false;
    pos = static_cast<std::size_t>(node_end);
    return true;
  }

  bool property(std::size_t& p, std::size_t end, std::string_view node_name) {
    if (p >= end) return bad(p, "a node has fewer property bytes than properties");
    const char type = b_[p++];
    std::uint64_t fixed = 0, element = 0;
    switch (type) {
      case 'C': fixed = 1; break;
      case 'Y': fixed = 2; break;
      case 'I': case 'F': fixed = 4; break;
      case 'D': case 'L': fixed = 8; break;
      case 'b': element = 1; break;
      case 'i': case 'f': element = 4; break;
      case 'd': case 'l': element = 8; break;
      case 'S': case 'R': {
        if (end - p < 4) return bad(p, "a string property is cut short");
        const std::uint64_t length = uint(p, 4);
        if (length > end - p - 4) return bad(p, "a string property runs past its node");
        p += 4 + static_cast<std::size_t>(length);
        return true;
      }
      default: return bad(p - 1, std::string("unknown property type '") + (std::isprint(static_cast<unsigned char>(type)) ? std::string(1, type) : "?") + "'");
    }
    if (fixed) {
      if (end - p < fixed) return bad(p, "a property is cut short");
      p += static_cast<std::size_t>(fixed);
      return true;
    }
    if (end - p < 12) return bad(p, "an array property's header is cut short");
    const std::uint64_t count = uint(p, 4), stored = uint(p + 8, 4);
    if (stored > end - p - 12) return bad(p, "an array property runs past its node");
    fbx_array(out_, node_name, count, element);
    p += 12 + static_cast<std::size_t>(stored);
    return true;
  }

  std::string_view b_;
  std::uint32_t version_ = 0;
  std::size_t width_ = 4;
  FbxCounts out_;
};

// An ASCII FBX: every `Name: *N` (outside strings and `;` comments) declares
// an array of N numbers; Assimp reserves N (of 8 bytes at most) for each.
FbxCounts count_fbx_ascii(std::string_view t) {
  FbxCounts c;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char ch = t[i];
    if (ch == '"') {
      const std::size_t close = t.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (ch == ';') {
      const std::size_t eol = t.find('\n', i);
      if (eol == std::string_view::npos) break;
      i = eol;
    } else if (ch == '*') {
      std::size_t d = i + 1;
      std::uint64_t n = 0;
      while (d < t.size() && std::isdigit(static_cast<unsigned char>(t[d])) != 0) {
        n = n > UINT64_MAX / 20 ? UINT64_MAX / 2 : n * 10 + std::uint64_t(t[d] - '0');
        ++d;
      }
      if (d == i + 1) continue;
      std::size_t k = i;  // back over blanks to the ':' and the name before it
      while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t')) --k;
      if (k == 0 || t[k - 1] != ':') continue;
      std::size_t name_end = --k;
      while (k > 0 && (std::isalnum(static_cast<unsigned char>(t[k - 1])) != 0 || t[k - 1] == '_')) --k;
      fbx_array(c, t.substr(k, name_end - k), n, 8);
      i = d - 1;
    }
  }
  return c;
}

// The counts and array sizes of an FBX file, binary or ASCII.
FbxCounts count_fbx_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream all;
  all << in.rdbuf();
  const std::string bytes = all.str();
  FbxCounts c = std::string_view(bytes).starts_with(kFbxBinaryMagic) ? FbxBinaryScan(bytes).run()
                                                                      : count_fbx_ascii(bytes);
  c.counts.triangles = c.corners / 3;
  return c;
}

}  // namespace

MeshImportResult import_mesh(const std::filesystem::path& path, const MeshImportLimits& limits) {
  MeshImportResult r;
  const std::string name = path.string();
  auto fail = [&](const std::string& why) {
    r.error = name + ": " + why;
    return r;
  };
  const std::string ext = lower(path.extension().string());
  if (!allowed_extension(ext))
    return fail("unsupported mesh format '" + path.extension().string() + "' (use .gltf, .glb, .obj or .fbx)");
  const fs::path root = resolved(limits.root.empty() ? (path.has_parent_path() ? path.parent_path() : fs::path("."))
                                                     : limits.root);
  // What it is first: a link to /dev/zero is "a device", wherever it points.
  if (std::string what = not_a_file(path); !what.empty()) return fail(what);
  if (!lies_inside(resolved(path), root))
    return fail("lies outside the scene's folder " + root.string() +
                " (meshes and the files they use must be inside it; copy it there)");
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (ec) return fail("cannot read the file size: " + ec.message());
  if (bytes > limits.max_bytes)
    return fail("the file is " + std::to_string(bytes >> 20) + " MiB, over the " +
                std::to_string(limits.max_bytes >> 20) + " MiB limit for mesh props");
  // Counted before Assimp allocates anything.
  std::optional<Counts> counts;
  if (ext == ".obj") counts = count_obj(path, limits);
  else if (ext == ".gltf" || ext == ".glb") counts = count_gltf_file(path, ext == ".glb");
  else if (ext == ".fbx") {
    const FbxCounts fbx = count_fbx_file(path);
    if (!fbx.malformed.empty()) return fail("not a well-formed binary FBX: " + fbx.malformed + "; it was not imported");
    if (fbx.largest_bytes > limits.max_bytes)
      return fail("the FBX array '" + fbx.largest_name + "' declares " + std::to_string(fbx.largest_count) +
                  " numbers, " + std::to_string(fbx.largest_bytes >> 20) + " MiB in memory, over the " +
                  std::to_string(limits.max_bytes >> 20) + " MiB limit for mesh props; it was not imported");
    if (fbx.array_bytes > kFbxArraysFactor * limits.max_bytes)
      return fail("the FBX's arrays declare " + std::to_string(fbx.array_bytes >> 20) + " MiB in memory, over the " +
                  std::to_string((kFbxArraysFactor * limits.max_bytes) >> 20) +
                  " MiB limit for a mesh prop's arrays together; it was not imported");
    counts = fbx.counts;
  }
  if (counts && counts->vertices > limits.max_vertices)
    return fail("the mesh has " + std::to_string(counts->vertices) + " vertices, over the limit of " +
                std::to_string(limits.max_vertices) + "; it was not imported");
  if (counts && counts->triangles > limits.max_triangles)
    return fail("the mesh has " + std::to_string(counts->triangles) + " triangles, over the limit of " +
                std::to_string(limits.max_triangles) + "; it was not imported");
  std::string refusal;
  try {
    Assimp::Importer imp;
    restrict_importers(imp);
    imp.SetIOHandler(new ConfinedIO(root, limits.max_bytes, &refusal));  // the importer owns and deletes it
    imp.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    const aiScene* scene = imp.ReadFile(name, aiProcess_Triangulate | aiProcess_JoinIdenticalVertices |
                                                  aiProcess_PreTransformVertices | aiProcess_SortByPType);
    if (!refusal.empty()) return fail("not imported: " + refusal);
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
    MeshImportLimits confined = limits;
    confined.root = scene_dir.empty() ? std::filesystem::path(".") : scene_dir;
    MeshImportResult r = import_mesh(file, confined);
    if (r.mesh) out.meshes[i] = std::move(r.mesh);
    else out.errors.push_back("prop '" + p.id + "': " + r.error);
  }
  return out;
}

}  // namespace cs
