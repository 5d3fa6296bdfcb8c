// gltf_export.cpp — see gltf_export.hpp for what the file holds and why.
//
// Index:
//   [SECTION] Numbers and the binary buffer
//   [SECTION] Geometry: the stage's shapes per body segment
//   [SECTION] Keys: poses, garments and cameras over the range
//   [SECTION] Assembling the glTF
#include "notation/gltf_export.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <nlohmann/json.hpp>

#include "notation/lens.hpp"
#include "notation/mannequin.hpp"
#include "notation/mesh_import.hpp"
#include "notation/phrasing.hpp"
#include "notation/stage.hpp"

namespace cs {

namespace {

using Json = nlohmann::ordered_json;

// [SECTION] Numbers and the binary buffer

constexpr int kFloat = 5126, kUnsignedShort = 5123, kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962, kElementArrayBuffer = 34963;

// The shortest decimal that reads back as this float: JSON stays readable
// ("0.0935", not "0.09350000321865082") and means the same float.
double tidy(float f) {
  char buf[48];
  const auto end = std::to_chars(buf, buf + sizeof buf, f).ptr;
  double d = 0;
  std::from_chars(buf, end, d);
  return d;
}

Json tidy3(const glm::vec3& v) { return Json::array({tidy(v.x), tidy(v.y), tidy(v.z)}); }
// glTF order: x, y, z, w.
Json tidy_quat(const glm::quat& q) { return Json::array({tidy(q.x), tidy(q.y), tidy(q.z), tidy(q.w)}); }

// The binary buffer and the bufferViews and accessors that describe it. Every
// view starts on a 4-byte boundary (the largest component here is 4 bytes).
class Buffer {
 public:
  std::string bin;
  Json views = Json::array();
  Json accessors = Json::array();

  int vec3s(const std::vector<glm::vec3>& v, int target, bool with_bounds) {
    std::vector<float> flat;
    flat.reserve(v.size() * 3);
    for (const glm::vec3& p : v) flat.insert(flat.end(), {p.x, p.y, p.z});
    return floats(flat, 3, "VEC3", target, with_bounds);
  }
  int quats(const std::vector<glm::quat>& q) {
    std::vector<float> flat;
    flat.reserve(q.size() * 4);
    for (const glm::quat& r : q) flat.insert(flat.end(), {r.x, r.y, r.z, r.w});
    return floats(flat, 4, "VEC4", 0, false);
  }
  // Animation inputs need their bounds; so do positions.
  int scalars(const std::vector<float>& v, bool with_bounds) { return floats(v, 1, "SCALAR", 0, with_bounds); }

  int indices(const std::vector<std::uint32_t>& idx, std::size_t vertex_count) {
    // 65535 is reserved (primitive restart), so 16 bits serve up to 65535 vertices.
    if (vertex_count < 65535) {
      std::vector<std::uint16_t> small(idx.begin(), idx.end());
      const int view = add_view(small.data(), small.size() * 2, kElementArrayBuffer);
      return add_accessor(view, kUnsignedShort, small.size(), "SCALAR", Json(), Json());
    }
    const int view = add_view(idx.data(), idx.size() * 4, kElementArrayBuffer);
    return add_accessor(view, kUnsignedInt, idx.size(), "SCALAR", Json(), Json());
  }

 private:
  int add_view(const void* data, std::size_t bytes, int target) {
    while (bin.size() % 4) bin.push_back('\0');
    Json v = {{"buffer", 0}, {"byteOffset", bin.size()}, {"byteLength", bytes}};
    if (target) v["target"] = target;
    bin.append(static_cast<const char*>(data), bytes);
    views.push_back(std::move(v));
    return static_cast<int>(views.size() - 1);
  }
  int add_accessor(int view, int component, std::size_t count, const char* type, Json min, Json max) {
    Json a = {{"bufferView", view}, {"componentType", component}, {"count", count}, {"type", type}};
    if (!min.is_null()) {
      a["min"] = std::move(min);
      a["max"] = std::move(max);
    }
    accessors.push_back(std::move(a));
    return static_cast<int>(accessors.size() - 1);
  }
  int floats(const std::vector<float>& flat, std::size_t width, const char* type, int target, bool with_bounds) {
    Json min, max;
    if (with_bounds && !flat.empty()) {
      std::vector<float> lo(flat.begin(), flat.begin() + long(width)), hi = lo;
      for (std::size_t i = 0; i < flat.size(); ++i) {
        lo[i % width] = std::min(lo[i % width], flat[i]);
        hi[i % width] = std::max(hi[i % width], flat[i]);
      }
      // Exact values of the floats, so a validator comparing them with the data finds them equal.
      min = Json::array();
      max = Json::array();
      for (std::size_t k = 0; k < width; ++k) {
        min.push_back(double(lo[k]));
        max.push_back(double(hi[k]));
      }
    }
    const int view = add_view(flat.data(), flat.size() * sizeof(float), target);
    return add_accessor(view, kFloat, flat.size() / width, type, std::move(min), std::move(max));
  }
};

std::string base64(const std::string& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const std::uint32_t n = (std::uint32_t(std::uint8_t(bytes[i])) << 16) |
                            (std::uint32_t(std::uint8_t(bytes[i + 1])) << 8) | std::uint8_t(bytes[i + 2]);
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], kAlphabet[n & 63]};
  }
  if (i + 1 == bytes.size()) {
    const std::uint32_t n = std::uint32_t(std::uint8_t(bytes[i])) << 16;
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const std::uint32_t n = (std::uint32_t(std::uint8_t(bytes[i])) << 16) | (std::uint32_t(std::uint8_t(bytes[i + 1])) << 8);
    out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], '='};
  }
  return out;
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>((v >> (8 * k)) & 0xFF));  // little-endian
}

std::string glb(std::string json, std::string bin) {
  while (json.size() % 4) json.push_back(' ');
  while (bin.size() % 4) bin.push_back('\0');
  const std::size_t total = 12 + 8 + json.size() + (bin.empty() ? 0 : 8 + bin.size());
  std::string out;
  out.reserve(total);
  out += "glTF";
  put_u32(out, 2);
  put_u32(out, static_cast<std::uint32_t>(total));
  put_u32(out, static_cast<std::uint32_t>(json.size()));
  put_u32(out, 0x4E4F534A);  // "JSON"
  out += json;
  if (!bin.empty()) {
    put_u32(out, static_cast<std::uint32_t>(bin.size()));
    put_u32(out, 0x004E4942);  // "BIN\0"
    out += bin;
  }
  return out;
}

// [SECTION] Geometry: the stage's shapes per body segment

// One primitive's vertices, shared where position and normal are the same bits.
struct Piece {
  std::vector<glm::vec3> positions, normals;
  std::vector<std::uint32_t> indices;

  // A triangle whose corners share a vertex is left out: it has no area (the
  // tessellation's sliver at an ellipsoid's lower pole, a tenth of a micrometre
  // across, becomes one point in the segment's frame).
  void add_triangle(const glm::vec3 (&p)[3], const glm::vec3 (&n)[3]) {
    const std::uint32_t a = vertex(p[0], n[0]), b = vertex(p[1], n[1]), c = vertex(p[2], n[2]);
    if (a == b || b == c || a == c) return;
    indices.insert(indices.end(), {a, b, c});
  }

 private:
  std::uint32_t vertex(const glm::vec3& p, const glm::vec3& n) {
    Key k{};
    std::memcpy(k.data(), &p, sizeof p);
    std::memcpy(k.data() + 3, &n, sizeof n);
    const auto [it, fresh] = index_of_.try_emplace(k, static_cast<std::uint32_t>(positions.size()));
    if (fresh) {
      positions.push_back(p);
      normals.push_back(n);
    }
    return it->second;
  }

 public:
  std::size_t triangles() const { return indices.size() / 3; }

 private:
  using Key = std::array<std::uint32_t, 6>;
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      std::uint64_t h = 1469598103934665603ull;
      for (std::uint32_t v : k) h = (h ^ v) * 1099511628211ull;
      return static_cast<std::size_t>(h);
    }
  };
  std::unordered_map<Key, std::uint32_t, KeyHash> index_of_;
};

// (layer, joint, region): layer 0 is skin, g + 1 garment g.
using PieceKey = std::tuple<int, int, int>;

// Canonical surfaces depend only on (kind, h), so one per distinct capsule length.
class SurfaceCache {
 public:
  explicit SurfaceCache(int detail) : detail_(detail) {}
  const ShapeSurface& get(const Shape& s) {
    std::uint32_t hbits = 0;
    std::memcpy(&hbits, &s.h, sizeof hbits);
    const auto key = std::make_pair(static_cast<int>(s.kind), hbits);
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(key, shape_surface(s, detail_)).first;
    return it->second;
  }

 private:
  int detail_;
  std::map<std::pair<int, std::uint32_t>, ShapeSurface> cache_;
};

std::array<Joint, kBodyPartCount> part_joints(const Mannequin& m) {
  std::array<Joint, kBodyPartCount> out{};
  for (const BodyPrimitive& bp : m.parts)
    if (bp.part != BodyPart::none) out[static_cast<std::size_t>(bp.part)] = bp.joint;
  return out;
}

// A performer's skin and garment shells from `st`, each triangle labelled as
// tessellate() labels it, in the frame of the joint its shape rides on.
std::map<PieceKey, Piece> body_pieces(const Stage& st, std::size_t performer, SurfaceCache& surfaces) {
  std::map<PieceKey, Piece> pieces;
  const StagePerformer& sp = st.performers[performer];
  const auto joint_of = part_joints(sp.mannequin);
  for (const Shape& s : st.shapes) {
    if (s.label.performer != static_cast<int>(performer) || s.part == BodyPart::none) continue;
    const Joint joint = joint_of[static_cast<std::size_t>(s.part)];
    const glm::mat4 local = glm::inverse(sp.joints[static_cast<std::size_t>(joint)].matrix()) * s.to_world;
    const glm::mat3 normal_matrix = glm::transpose(glm::inverse(glm::mat3(local)));
    const ShapeSurface& surf = surfaces.get(s);
    const int layer = s.label.garment + 1;  // the shape's own layer: skin, or its garment's shell
    for (std::size_t t = 0; t < surf.label_points.size(); ++t) {
      Label label;
      if (!st.label_at(s, surf.label_points[t], label)) continue;  // a shell point its garment does not cover
      Piece& piece = pieces[{layer, static_cast<int>(joint), static_cast<int>(label.region)}];
      glm::vec3 p[3], n[3];
      for (std::size_t k = 0; k < 3; ++k) {
        p[k] = glm::vec3(local * glm::vec4(surf.corners[3 * t + k], 1.0f));
        n[k] = glm::normalize(normal_matrix * surf.normals[3 * t + k]);
      }
      piece.add_triangle(p, n);
    }
  }
  return pieces;
}

// [SECTION] Keys: poses, garments and cameras over the range

struct Range {
  double from = 1, to = 1;
  double seconds_per_count = 1;
  float time(double count) const { return static_cast<float>((count - from) * seconds_per_count); }
};

// The angle between two rotations, in radians; atan2 keeps it exact for the
// small angles the refinement compares (acos of a dot product does not).
double rotation_angle(const glm::dquat& a, const glm::dquat& b) {
  const glm::dquat d = glm::conjugate(a) * b;
  return 2 * std::atan2(glm::length(glm::dvec3(d.x, d.y, d.z)), std::abs(d.w));
}

// Rotation keys are at most this far apart. glTF's LINEAR is a slerp, but some
// importers interpolate a quaternion's components linearly (Blender's makes one
// LINEAR f-curve per component): over 20° that strays by at most 0.01° from the
// slerp (over the 160° of a turn in one beat, by 5.6°).
constexpr double kMaxRotationStep = 20 * 3.14159265358979323846 / 180;

// A rotation channel keeps each key on the same side of the quaternion sphere
// as the one before, so any slerp between them takes the stage's (shortest) arc.
void continue_sign(std::vector<glm::quat>& keys, glm::quat q) {
  if (!keys.empty() && glm::dot(keys.back(), q) < 0) q = -q;
  keys.push_back(q);
}

// The largest turn of any performer's root or joint from one pose to the other.
double largest_turn(const std::vector<PoseState>& a, const std::vector<PoseState>& b) {
  double most = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    most = std::max(most, rotation_angle(glm::dquat(a[i].root_rotation), glm::dquat(b[i].root_rotation)));
    for (std::size_t j = 0; j < kJointCount; ++j)
      most = std::max(most, rotation_angle(glm::dquat(a[i].local[j]), glm::dquat(b[i].local[j])));
  }
  return most;
}

struct PoseKeys {
  std::vector<glm::vec3> root_position;            // per key
  std::vector<glm::quat> root_rotation;            // per key
  std::array<std::vector<glm::quat>, kJointCount> joint;  // per joint, per key
};

// The counts where the stage's poses may change pace: every beat start and end
// within the range, and its ends. Between two of them each rotation is a slerp
// and the root moves linearly (stage.hpp, "Timeline"), so LINEAR keys there
// reproduce the stage at every count; evenly spaced keys between them (where a
// rotation turns more than kMaxRotationStep) lie on the same slerp.
std::vector<double> pose_key_counts(const Document& doc, const Range& r) {
  std::set<double> counts{r.from, r.to};
  for (const Beat& b : doc.choreography.beats)
    for (double c : {b.start_count, b.end_count()})
      if (c > r.from && c < r.to) counts.insert(c);
  return {counts.begin(), counts.end()};
}

struct CameraKeys {
  std::vector<double> counts;
  std::vector<glm::vec3> position;
  std::vector<glm::quat> rotation;
  std::vector<float> yfov;
  bool zooms() const {
    return std::any_of(yfov.begin(), yfov.end(), [&](float f) { return f != yfov.front(); });
  }
};

glm::dquat camera_rotation(const CameraBasis& b) {
  return glm::normalize(glm::quat_cast(glm::dmat3(b.right, b.up, -b.forward)));
}

struct CameraSample {
  glm::dvec3 position{0};
  glm::dquat rotation{1, 0, 0, 0};
  double yfov = 0;
};

CameraSample camera_sample(const Document& doc, const Stage& st, std::size_t c) {
  const StageCamera& sc = st.cameras[c];
  return {sc.basis.position, camera_rotation(sc.basis), gltf_camera(doc.cameras[c], sc.focal_mm).yfov_rad};
}

// Keys for every camera: at the range's ends and each move's count, and between
// them wherever a slerp of the rotation (the stage aims the camera at a moving
// target, which is not a slerp) or a linear yfov would stray by more than
// 0.01° from the stage; positions move linearly between keys, as in the stage.
std::vector<CameraKeys> camera_keys(const Document& cam_doc, const Range& r) {
  constexpr double kMaxRotationError = 0.01 * 3.14159265358979323846 / 180;
  constexpr int kMaxDepth = 10;
  const std::size_t n = cam_doc.cameras.size();
  std::vector<CameraKeys> out(n);
  auto sample = [&](double count) {
    const Stage st = evaluate(cam_doc, count);
    std::vector<CameraSample> s;
    for (std::size_t c = 0; c < n; ++c) s.push_back(camera_sample(cam_doc, st, c));
    return s;
  };
  for (std::size_t c = 0; c < n; ++c) {
    std::set<double> base{r.from, r.to};
    for (const CameraMove& m : cam_doc.cameras[c].moves)
      if (m.count > r.from && m.count < r.to) base.insert(m.count);
    const std::vector<double> counts(base.begin(), base.end());
    CameraKeys& keys = out[c];
    auto push = [&](double count, const CameraSample& s) {
      keys.counts.push_back(count);
      keys.position.push_back(glm::vec3(s.position));
      continue_sign(keys.rotation, glm::normalize(glm::quat(s.rotation)));
      keys.yfov.push_back(static_cast<float>(s.yfov));
    };
    // Adds keys strictly inside (a, b), given the samples at a and b.
    std::function<void(double, const CameraSample&, double, const CameraSample&, int)> refine =
        [&](double a, const CameraSample& sa, double b, const CameraSample& sb, int depth) {
          if (depth >= kMaxDepth) return;
          bool straight = rotation_angle(sa.rotation, sb.rotation) <= kMaxRotationStep;
          for (double u : {0.25, 0.5, 0.75}) {
            if (!straight) break;
            const CameraSample mid = sample(a + (b - a) * u)[c];
            const glm::dquat predicted = glm::slerp(sa.rotation, sb.rotation, u);  // glm's slerp takes the short arc
            const double yfov_predicted = sa.yfov + (sb.yfov - sa.yfov) * u;
            if (rotation_angle(predicted, mid.rotation) > kMaxRotationError ||
                std::abs(yfov_predicted - mid.yfov) > kMaxRotationError) {
              straight = false;
              break;
            }
          }
          if (straight) return;
          const double m = (a + b) / 2;
          const CameraSample sm = sample(m)[c];
          refine(a, sa, m, sm, depth + 1);
          push(m, sm);
          refine(m, sm, b, sb, depth + 1);
        };
    // A move at the same count as the key before it (say, at the first count)
    // makes the stage jump there: the key's own value at that count, the move's
    // just after. glTF keys need increasing times, so the jump takes 1/1024 count.
    auto jumps = [](const CameraSample& x, const CameraSample& y) {
      return glm::distance(x.position, y.position) > 1e-6 || rotation_angle(x.rotation, y.rotation) > 1e-6 ||
             std::abs(x.yfov - y.yfov) > 1e-7;
    };
    CameraSample prev = sample(counts.front())[c];
    push(counts.front(), prev);
    for (std::size_t k = 1; k < counts.size(); ++k) {
      double from = counts[k - 1];
      if (jumps(prev, sample(from + 1e-9)[c])) {
        from += std::min(1.0 / 1024, (counts[k] - from) / 4);
        prev = sample(from)[c];
        push(from, prev);
      }
      const CameraSample next = sample(counts[k])[c];
      refine(from, prev, counts[k], next, 0);
      push(counts[k], next);
      prev = next;
    }
  }
  return out;
}

// [SECTION] Assembling the glTF

constexpr std::array<float, 4> kSkinColour{0.80f, 0.66f, 0.56f, 1.0f};
constexpr std::array<float, 4> kHiddenGarmentColour{0.95f, 0.62f, 0.15f, 1.0f};  // modesty wear: amber, as the editor
constexpr std::array<float, 4> kCostumeColour{0.36f, 0.45f, 0.62f, 1.0f};
constexpr std::array<float, 4> kPropColour{0.55f, 0.52f, 0.48f, 1.0f};
constexpr std::array<float, 4> kBarrierColour{0.90f, 0.48f, 0.20f, 1.0f};

Json material(const std::string& name, const std::array<float, 4>& colour, bool double_sided) {
  Json m = {{"name", name},
            {"pbrMetallicRoughness",
             {{"baseColorFactor", {tidy(colour[0]), tidy(colour[1]), tidy(colour[2]), tidy(colour[3])}},
              {"metallicFactor", 0},
              {"roughnessFactor", 0.8}}}};
  if (double_sided) m["doubleSided"] = true;
  return m;
}

class Builder {
 public:
  Builder(const Document& doc, const GltfOptions& opt, GltfExport& out) : doc_(doc), opt_(opt), out_(out) {}

  bool cancelled() const { return opt_.cancel && opt_.cancel->load(); }
  void progress(double f) const {
    if (opt_.progress) opt_.progress(f);
  }

  int node(Json n) {
    nodes_.push_back(std::move(n));
    return static_cast<int>(nodes_.size() - 1);
  }
  void child(int parent, int c) { nodes_[std::size_t(parent)]["children"].push_back(c); }

  int material_index(const std::string& name, const std::array<float, 4>& colour, bool double_sided) {
    auto it = material_of_.find(name);
    if (it != material_of_.end()) return it->second;
    materials_.push_back(material(name, colour, double_sided));
    return material_of_[name] = static_cast<int>(materials_.size() - 1);
  }

  Json primitive(const Piece& piece, int material, const Json& extras) {
    Json p = {{"attributes",
               {{"POSITION", buf_.vec3s(piece.positions, kArrayBuffer, true)},
                {"NORMAL", buf_.vec3s(piece.normals, kArrayBuffer, false)}}},
              {"indices", buf_.indices(piece.indices, piece.positions.size())},
              {"material", material}};
    if (!extras.is_null()) p["extras"] = extras;
    out_.summary.triangles += piece.triangles();
    ++out_.summary.primitives;
    return p;
  }

  int mesh(const std::string& name, Json primitives) {
    meshes_.push_back({{"name", name}, {"primitives", std::move(primitives)}});
    return static_cast<int>(meshes_.size() - 1);
  }

  // A performer's tree under `parent`; returns the nodes to animate.
  struct PerformerNodes {
    int performer = -1;
    std::array<int, kJointCount> joint{};
    std::map<int, std::vector<int>> garment;  // doc garment index → its nodes
  };
  PerformerNodes performer_tree(std::size_t i, const StagePerformer& posed, const std::map<PieceKey, Piece>& pieces,
                                const std::vector<bool>& worn_now) {
    const Performer& p = doc_.performers[i];
    PerformerNodes out;
    out.performer = node({{"name", display_name(p)},
                          {"translation", tidy3(posed.pose.root_position)},
                          {"rotation", tidy_quat(posed.pose.root_rotation)},
                          {"extras", {{"performer", p.id}}}});
    for (std::size_t j = 0; j < kJointCount; ++j) {
      const Joint joint = vocab_at<Joint>(j);
      Json n = {{"name", p.id + "/joint:" + std::string(vocab_name(joint))}};
      if (joint != Joint::pelvis) n["translation"] = tidy3(posed.mannequin.rest_offset[j]);
      n["rotation"] = tidy_quat(posed.pose.local[j]);
      n["extras"] = {{"performer", p.id}, {"joint", std::string(vocab_name(joint))}};
      out.joint[j] = node(std::move(n));
      child(joint == Joint::pelvis ? out.performer : out.joint[static_cast<std::size_t>(joint_parent(joint))],
            out.joint[j]);
    }
    // How many segments each region's skin, and each garment, lies on (names get "@joint" when more than one).
    std::map<int, std::set<int>> region_joints, garment_joints;
    for (const auto& [key, piece] : pieces) {
      const auto [layer, joint, region] = key;
      (layer == 0 ? region_joints[region] : garment_joints[layer - 1]).insert(joint);
    }
    // Skin: a node per (segment, region).
    for (const auto& [key, piece] : pieces) {
      const auto [layer, joint, region] = key;
      if (layer != 0) continue;
      const std::string rname(vocab_name(vocab_at<Region>(std::size_t(region))));
      const std::string jname(vocab_name(vocab_at<Joint>(std::size_t(joint))));
      const std::string name = p.id + "/" + rname + (region_joints[region].size() > 1 ? "@" + jname : "");
      Json prims = Json::array({primitive(piece, material_index("region:" + rname, kSkinColour, false), Json())});
      const int n = node({{"name", name}, {"mesh", mesh(name, std::move(prims))},
                          {"extras", {{"performer", p.id}, {"region", rname}, {"segment", jname}}}});
      child(out.joint[std::size_t(joint)], n);
    }
    // Garments: a node per (garment, segment), a primitive per covered region.
    std::map<std::pair<int, int>, Json> garment_prims;  // (garment, joint) → primitives
    for (const auto& [key, piece] : pieces) {
      const auto [layer, joint, region] = key;
      if (layer == 0) continue;
      const Garment& g = doc_.garments[std::size_t(layer - 1)];
      const int mat = material_index("garment:" + g.id,
                                     g.camera == GarmentCamera::hidden ? kHiddenGarmentColour : kCostumeColour, true);
      const std::string rname(vocab_name(vocab_at<Region>(std::size_t(region))));
      auto& prims = garment_prims[{layer - 1, joint}];
      if (prims.is_null()) prims = Json::array();
      prims.push_back(primitive(piece, mat, {{"region", rname}}));
    }
    for (auto& [gj, prims] : garment_prims) {
      const auto [g, joint] = gj;
      const Garment& garment = doc_.garments[std::size_t(g)];
      const std::string jname(vocab_name(vocab_at<Joint>(std::size_t(joint))));
      const std::string name =
          p.id + "/garment:" + garment.id + (garment_joints[g].size() > 1 ? "@" + jname : "");
      Json n = {{"name", name}, {"mesh", mesh(name, std::move(prims))}};
      if (!worn_now[std::size_t(g)]) n["scale"] = {0, 0, 0};
      n["extras"] = {{"performer", p.id}, {"garment", garment.id}, {"kind", std::string(vocab_name(garment.kind))},
                     {"segment", jname}};
      const int idx = node(std::move(n));
      child(out.joint[std::size_t(joint)], idx);
      out.garment[g].push_back(idx);
    }
    return out;
  }

  void props(int root, const Stage& geometry) {
    SurfaceCache surfaces(opt_.detail);
    for (std::size_t i = 0; i < doc_.props.size(); ++i) {
      const Prop& p = doc_.props[i];
      const glm::mat4 placement = prop_placement(p);
      const glm::vec3 size(float(p.size[0]), float(p.size[1]), float(p.size[2]));
      const std::string name = "prop/" + p.id;
      const int mat = material_index((p.barrier ? "barrier:" : "prop:") + p.id, p.barrier ? kBarrierColour : kPropColour,
                                     false);
      Json prim;
      glm::vec3 scale = size;
      if (p.shape == PropShape::mesh) {
        const MeshData* m = opt_.meshes && i < opt_.meshes->meshes.size() && opt_.meshes->meshes[i]
                                ? &*opt_.meshes->meshes[i] : nullptr;
        if (!m) {
          out_.notes.push_back("prop '" + p.id + "': its mesh is not loaded, so it is left out");
          continue;
        }
        // The imported vertices as modelled; glTF readers give flat normals to a primitive without them.
        prim = {{"attributes", {{"POSITION", buf_.vec3s(m->positions, kArrayBuffer, true)}}},
                {"indices", buf_.indices(m->indices, m->positions.size())},
                {"material", mat}};
        out_.summary.triangles += m->triangle_count();
        ++out_.summary.primitives;
      } else {
        const Shape* shape = nullptr;
        for (const Shape& s : geometry.shapes)
          if (s.label.prop == static_cast<int>(i)) shape = &s;
        if (!shape) continue;
        const ShapeSurface& surf = surfaces.get(*shape);
        Piece piece;
        for (std::size_t t = 0; t + 2 < surf.corners.size(); t += 3) {
          const glm::vec3 corners[3] = {surf.corners[t], surf.corners[t + 1], surf.corners[t + 2]};
          const glm::vec3 normals[3] = {surf.normals[t], surf.normals[t + 1], surf.normals[t + 2]};
          piece.add_triangle(corners, normals);
        }
        prim = primitive(piece, mat, Json());
        scale = size * 0.5f;
      }
      const glm::quat rotation = glm::normalize(glm::quat_cast(glm::mat3(placement)));
      const int n = node({{"name", name},
                          {"mesh", mesh(name, Json::array({std::move(prim)}))},
                          {"translation", tidy3(glm::vec3(placement[3]))},
                          {"rotation", tidy_quat(rotation)},
                          {"scale", tidy3(scale)},
                          {"extras", {{"prop", p.id}, {"shape", std::string(vocab_name(p.shape))}, {"barrier", p.barrier}}}});
      child(root, n);
    }
  }

  // The cameras in `selected` (doc indices), as glTF cameras 0, 1, … in that order.
  std::vector<int> cameras(int root, const Stage& at, const std::vector<std::size_t>& selected) {
    std::vector<int> out;
    for (std::size_t c : selected) {
      const Camera& cam = doc_.cameras[c];
      const StageCamera& sc = at.cameras[c];
      const GltfCamera g = gltf_camera(cam, sc.focal_mm);
      const LensFrame lens = lens_frame(cam, sc.focal_mm);
      const SensorSize sensor = camera_sensor(cam);
      Json extras = {{"id", cam.id},
                     {"focal_mm", sc.focal_mm},
                     {"sensor_mm", {sensor.width_mm, sensor.height_mm}},
                     {"sensor", std::string(vocab_name(cam.sensor))},
                     {"fit", std::string(vocab_name(cam.fit))},
                     {"aspect", cam.aspect},
                     {"frame_mm", {lens.frame_w_mm, lens.frame_h_mm}},
                     {"hfov_deg", lens.hfov_deg},
                     {"vfov_deg", lens.vfov_deg}};
      if (!cam.label.empty()) extras["label"] = cam.label;
      cameras_.push_back({{"name", cam.id},
                          {"type", "perspective"},
                          {"perspective", {{"aspectRatio", cam.aspect}, {"yfov", g.yfov_rad}, {"znear", 0.05}, {"zfar", 1000}}},
                          {"extras", std::move(extras)}});
      const CameraSample s = camera_sample(doc_, at, c);
      const int n = node({{"name", "camera/" + cam.id},
                          {"camera", static_cast<int>(cameras_.size() - 1)},
                          {"translation", tidy3(glm::vec3(s.position))},
                          {"rotation", tidy_quat(glm::normalize(glm::quat(s.rotation)))}});
      child(root, n);
      out.push_back(n);
    }
    return out;
  }

  std::size_t channel_count() const { return channels_.size(); }

  // An animation sampler and a channel driving node `node`'s `path`.
  void channel(int input, int output, const char* interpolation, int node_index, const char* path) {
    samplers_.push_back({{"input", input}, {"interpolation", interpolation}, {"output", output}});
    channels_.push_back({{"sampler", samplers_.size() - 1}, {"target", {{"node", node_index}, {"path", path}}}});
  }
  void pointer_channel(int input, int output, const std::string& pointer) {
    samplers_.push_back({{"input", input}, {"interpolation", "LINEAR"}, {"output", output}});
    channels_.push_back({{"sampler", samplers_.size() - 1},
                         {"target", {{"path", "pointer"}, {"extensions", {{"KHR_animation_pointer", {{"pointer", pointer}}}}}}}});
    uses_animation_pointer_ = true;
  }
  int times(const std::vector<double>& counts, const Range& r) {
    std::vector<float> t;
    for (double c : counts) t.push_back(r.time(c));
    return buf_.scalars(t, true);
  }

  std::string finish(const Json& scene_extras, const Json& animation_extras) {
    Json gltf;
    gltf["asset"] = {{"version", "2.0"}, {"generator", std::string("ClosedSet ") + CLOSEDSET_VERSION}};
    if (uses_animation_pointer_) gltf["extensionsUsed"] = Json::array({"KHR_animation_pointer"});
    gltf["scene"] = 0;
    std::string title = doc_.scene.title.empty() ? "scene" : doc_.scene.title;
    gltf["scenes"] = Json::array({{{"name", title}, {"nodes", Json::array({0})}, {"extras", scene_extras}}});
    gltf["nodes"] = nodes_;
    if (!meshes_.empty()) gltf["meshes"] = meshes_;
    if (!materials_.empty()) gltf["materials"] = materials_;
    if (!cameras_.empty()) gltf["cameras"] = cameras_;
    if (!channels_.empty())
      gltf["animations"] = Json::array({{{"name", "choreography"}, {"channels", channels_}, {"samplers", samplers_},
                                         {"extras", animation_extras}}});
    const bool embed = opt_.container == GltfContainer::gltf;
    if (!buf_.bin.empty()) {
      Json b = {{"byteLength", buf_.bin.size()}};
      if (embed) b["uri"] = "data:application/octet-stream;base64," + base64(buf_.bin);
      gltf["buffers"] = Json::array({std::move(b)});
      gltf["bufferViews"] = buf_.views;
      gltf["accessors"] = buf_.accessors;
    }
    out_.summary.nodes = nodes_.size();
    out_.summary.meshes = meshes_.size();
    out_.summary.materials = materials_.size();
    out_.summary.cameras = cameras_.size();
    out_.summary.animations = channels_.empty() ? 0 : 1;
    out_.summary.channels = channels_.size();
    const auto err = Json::error_handler_t::replace;
    if (embed) return gltf.dump(1, ' ', false, err) + "\n";
    return glb(gltf.dump(-1, ' ', false, err), buf_.bin);
  }

  Buffer buf_;

 private:
  const Document& doc_;
  const GltfOptions& opt_;
  GltfExport& out_;
  Json nodes_ = Json::array(), meshes_ = Json::array(), materials_ = Json::array(), cameras_ = Json::array();
  Json samplers_ = Json::array(), channels_ = Json::array();
  std::map<std::string, int> material_of_;
  bool uses_animation_pointer_ = false;
};

// The document with only what the poses (and garment states) depend on, and
// only what the cameras depend on: evaluating it at many counts is then cheap.
Document pose_document(const Document& doc) {
  Document d;
  d.performers = doc.performers;
  d.garments = doc.garments;
  d.choreography = doc.choreography;
  return d;
}
Document camera_document(const Document& doc, const std::vector<std::size_t>& selected) {
  Document d;
  for (std::size_t c : selected) d.cameras.push_back(doc.cameras[c]);
  d.choreography = doc.choreography;
  return d;
}

// The stage with every garment on, so that each has its shell to export.
Stage geometry_stage(const Document& doc, double count, const PropMeshes* meshes) {
  Document all = doc;
  for (Garment& g : all.garments) g.worn = true;
  for (Beat& b : all.choreography.beats) b.garment_changes.clear();
  return evaluate(all, count, meshes);
}

Json beat_markers(const Document& doc, const BeatRange& beats, const Range& r) {
  Json markers = Json::array();
  for (std::size_t i = beats.first; i <= beats.last; ++i) {
    const Beat& b = doc.choreography.beats[i];
    markers.push_back({{"name", b.label.empty() ? b.id : b.id + " " + b.label},
                       {"beat", b.id},
                       {"count", b.start_count},
                       {"time_s", tidy(r.time(b.start_count))}});
  }
  return markers;
}

}  // namespace

GltfCamera gltf_camera(const Camera& cam, double focal_mm) {
  const LensFrame f = lens_frame(cam, focal_mm);
  return {2 * std::atan(f.tan_half_h), cam.aspect};
}

GltfExport export_gltf(const Document& doc, const GltfOptions& opt) {
  GltfExport out;
  auto cancelled = [&] {
    out.bytes.clear();
    out.cancelled = true;
    out.error = "export cancelled";
    return out;
  };
  const std::optional<BeatRange> beats = opt.beats ? opt.beats : whole_choreography(doc);
  Range r;
  r.seconds_per_count = doc.seconds_per_count();
  if (beats) {
    r.from = beats->from_count;
    r.to = beats->to_count;
  } else {
    r.from = r.to = doc.first_count();
  }
  if (opt.animated && !beats) {
    out.error = "the choreography has no beats, so there is nothing to animate (export a still without --animated)";
    return out;
  }
  const double at = opt.animated ? r.from : opt.at.value_or(r.from);
  if (!std::isfinite(at) || (beats && (at < r.from - 1e-9 || at > r.to + 1e-9))) {
    out.error = "count " + number_text(at) + " is outside the exported beats (counts " + number_text(r.from) + " to " +
                number_text(r.to) + ")";
    return out;
  }
  if (opt.detail < 4 || opt.detail > 96) {
    out.error = "detail " + std::to_string(opt.detail) + " is out of range (4 to 96)";
    return out;
  }

  Builder b(doc, opt, out);
  b.progress(0);
  const Stage posed = evaluate(doc, at, opt.meshes);  // the moment the nodes stand at (animated: the first count)
  const Stage geometry = opt.animated ? geometry_stage(doc, at, opt.meshes) : posed;
  const int root = b.node({{"name", doc.scene.title.empty() ? "scene" : doc.scene.title}});

  // Performers: geometry in each segment's frame, nodes posed at `at`.
  std::vector<Builder::PerformerNodes> perf_nodes;
  SurfaceCache surfaces(opt.detail);
  for (std::size_t i = 0; i < doc.performers.size(); ++i) {
    if (b.cancelled()) return cancelled();
    const auto pieces = body_pieces(geometry, i, surfaces);
    perf_nodes.push_back(b.performer_tree(i, posed.performers[i], pieces, posed.garment_worn));
    b.child(root, perf_nodes.back().performer);
    b.progress(0.5 * double(i + 1) / double(doc.performers.size() + 1));
  }
  b.props(root, geometry);
  std::vector<std::size_t> selected;
  for (std::size_t c = 0; c < doc.cameras.size(); ++c)
    if (opt.cameras.empty() || std::find(opt.cameras.begin(), opt.cameras.end(), doc.cameras[c].id) != opt.cameras.end())
      selected.push_back(c);
  const std::vector<int> camera_nodes = b.cameras(root, posed, selected);
  b.progress(0.5);

  Json animation_extras;
  if (opt.animated) {
    // Poses and garments, keyed together.
    const Document pose_doc = pose_document(doc);
    struct PoseSample {
      std::vector<PoseState> poses;   // per performer
      std::vector<bool> worn;         // per garment
    };
    auto sample = [&](double count) {
      const Stage st = evaluate(pose_doc, count);
      PoseSample s;
      for (const StagePerformer& sp : st.performers) s.poses.push_back(sp.pose);
      s.worn = st.garment_worn;
      return s;
    };
    const std::vector<double> base = pose_key_counts(doc, r);
    std::vector<double> counts{base.front()};
    std::vector<PoseSample> samples{sample(base.front())};
    for (std::size_t k = 1; k < base.size(); ++k) {
      if (b.cancelled()) return cancelled();
      PoseSample next = sample(base[k]);
      const int steps = std::max(1, int(std::ceil(largest_turn(samples.back().poses, next.poses) / kMaxRotationStep)));
      for (int s = 1; s < steps; ++s) {
        counts.push_back(base[k - 1] + (base[k] - base[k - 1]) * s / steps);
        samples.push_back(sample(counts.back()));
      }
      counts.push_back(base[k]);
      samples.push_back(std::move(next));
      b.progress(0.5 + 0.3 * double(k) / double(base.size()));
    }
    std::vector<PoseKeys> keys(doc.performers.size());
    std::vector<std::vector<float>> worn(doc.garments.size());
    for (const PoseSample& s : samples) {
      for (std::size_t i = 0; i < doc.performers.size(); ++i) {
        const PoseState& pose = s.poses[i];
        keys[i].root_position.push_back(pose.root_position);
        continue_sign(keys[i].root_rotation, pose.root_rotation);
        for (std::size_t j = 0; j < kJointCount; ++j) continue_sign(keys[i].joint[j], pose.local[j]);
      }
      for (std::size_t g = 0; g < doc.garments.size(); ++g) worn[g].push_back(s.worn[g] ? 1.0f : 0.0f);
    }
    // The pose keys' times, written once the first channel needs them (an
    // accessor nothing uses is an object the validator calls unused).
    int pose_times_accessor = -1;
    auto pose_times = [&] {
      if (pose_times_accessor < 0) pose_times_accessor = b.times(counts, r);
      return pose_times_accessor;
    };
    auto constant = [](const auto& v) { return std::all_of(v.begin(), v.end(), [&](const auto& x) { return x == v.front(); }); };
    for (std::size_t i = 0; i < doc.performers.size(); ++i) {
      if (!constant(keys[i].root_position))
        b.channel(pose_times(), b.buf_.vec3s(keys[i].root_position, 0, false), "LINEAR", perf_nodes[i].performer, "translation");
      if (!constant(keys[i].root_rotation))
        b.channel(pose_times(), b.buf_.quats(keys[i].root_rotation), "LINEAR", perf_nodes[i].performer, "rotation");
      for (std::size_t j = 0; j < kJointCount; ++j)
        if (!constant(keys[i].joint[j]))
          b.channel(pose_times(), b.buf_.quats(keys[i].joint[j]), "LINEAR", perf_nodes[i].joint[j], "rotation");
    }
    // Garments: STEP keys at the start and wherever the state changes.
    for (std::size_t g = 0; g < doc.garments.size(); ++g) {
      if (constant(worn[g])) continue;
      std::vector<double> at_counts;
      std::vector<glm::vec3> scale;
      for (std::size_t k = 0; k < counts.size(); ++k)
        if (k == 0 || worn[g][k] != worn[g][k - 1]) {
          at_counts.push_back(counts[k]);
          scale.push_back(glm::vec3(worn[g][k]));
        }
      const int input = b.times(at_counts, r), output = b.buf_.vec3s(scale, 0, false);
      for (const auto& pn : perf_nodes) {
        auto it = pn.garment.find(static_cast<int>(g));
        if (it == pn.garment.end()) continue;
        for (int node : it->second) b.channel(input, output, "STEP", node, "scale");
      }
    }
    // Cameras.
    const Document cam_doc = camera_document(doc, selected);
    const std::vector<CameraKeys> cam_keys = camera_keys(cam_doc, r);
    if (b.cancelled()) return cancelled();
    for (std::size_t c = 0; c < cam_keys.size(); ++c) {
      const CameraKeys& ck = cam_keys[c];
      if (constant(ck.position) && constant(ck.rotation) && !ck.zooms()) continue;
      const int input = b.times(ck.counts, r);
      if (!constant(ck.position)) b.channel(input, b.buf_.vec3s(ck.position, 0, false), "LINEAR", camera_nodes[c], "translation");
      if (!constant(ck.rotation)) b.channel(input, b.buf_.quats(ck.rotation), "LINEAR", camera_nodes[c], "rotation");
      if (ck.zooms()) {
        b.pointer_channel(input, b.buf_.scalars(ck.yfov, false), "/cameras/" + std::to_string(c) + "/perspective/yfov");
        out.notes.push_back("camera " + cam_doc.cameras[c].id +
                            " zooms: its field of view is animated through KHR_animation_pointer (Blender 4.2 and later "
                            "read it; other tools keep the first focal length)");
      }
    }
    // Nothing moves over these counts: a glTF animation needs a channel, and
    // without an animation the clip's length and its beat markers would be
    // lost. The scene's root holds still (its own translation, keyed at the
    // first and last count), so the file has the clip the message announces.
    if (b.channel_count() == 0) {
      std::vector<double> ends{r.from};
      if (r.to > r.from) ends.push_back(r.to);
      b.channel(b.times(ends, r), b.buf_.vec3s(std::vector<glm::vec3>(ends.size(), glm::vec3(0)), 0, false), "STEP", root,
                "translation");
      out.notes.push_back("nothing moves over these counts: the animation holds the scene still for its " +
                          number_text((r.to - r.from) * r.seconds_per_count) + " s, so it keeps its length and beat markers");
    }
    const Json markers = beat_markers(doc, *beats, r);
    out.summary.markers = markers.size();
    animation_extras = {{"markers", markers}};
  }
  b.progress(0.85);

  Json scene_extras = {{"closedset",
                        {{"format", "closedset-gltf"},
                         {"version", 1},
                         {"tempo_bpm", doc.choreography.tempo_bpm},
                         {"choreography_version", doc.choreography.version}}}};
  if (opt.animated) {
    scene_extras["closedset"]["from_count"] = r.from;
    scene_extras["closedset"]["to_count"] = r.to;
  } else {
    scene_extras["closedset"]["at_count"] = at;
  }
  out.summary.from_count = opt.animated ? r.from : at;
  out.summary.to_count = opt.animated ? r.to : at;
  out.summary.duration_s = opt.animated ? (r.to - r.from) * r.seconds_per_count : 0;
  if (b.cancelled()) return cancelled();
  out.bytes = b.finish(scene_extras, animation_extras);
  b.progress(1);
  return out;
}

}  // namespace cs
