// gltf_reader.hpp — reading an exported glTF back in the tests, independently of
// the exporter: the GLB container or the embedded base64 buffer, accessors,
// node transforms, and the animation sampled at any time as the glTF 2.0
// specification interpolates it (LINEAR: lerp and slerp; STEP: hold).
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <nlohmann/json.hpp>

namespace gltf_test {

using Json = nlohmann::json;

inline std::uint32_t u32(const std::string& b, std::size_t at) {
  std::uint32_t v = 0;
  for (int k = 3; k >= 0; --k) v = (v << 8) | std::uint8_t(b.at(at + std::size_t(k)));
  return v;
}

inline std::string unbase64(const std::string& s) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : s) {
    const int v = val(c);
    if (v < 0) continue;  // '=' padding
    acc = (acc << 6) | std::uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(char((acc >> bits) & 0xFF));
    }
  }
  return out;
}

struct Gltf {
  Json json;
  std::string bin;

  // A .glb (magic "glTF") or a .gltf with its buffer as a data URI.
  static Gltf parse(const std::string& bytes) {
    Gltf g;
    if (bytes.compare(0, 4, "glTF") == 0) {
      if (u32(bytes, 4) != 2 || u32(bytes, 8) != bytes.size()) throw std::runtime_error("bad GLB header");
      const std::uint32_t json_len = u32(bytes, 12);
      if (u32(bytes, 16) != 0x4E4F534A) throw std::runtime_error("first GLB chunk is not JSON");
      g.json = Json::parse(bytes.substr(20, json_len));
      const std::size_t bin_at = 20 + json_len;
      if (bin_at < bytes.size()) {
        if (u32(bytes, bin_at + 4) != 0x004E4942) throw std::runtime_error("second GLB chunk is not BIN");
        g.bin = bytes.substr(bin_at + 8, u32(bytes, bin_at));
      }
    } else {
      g.json = Json::parse(bytes);
      if (g.json.contains("buffers")) {
        const std::string uri = g.json["buffers"][0]["uri"];
        g.bin = unbase64(uri.substr(uri.find(',') + 1));
      }
    }
    return g;
  }

  // The accessor's components as doubles, `width` per element.
  std::vector<double> accessor(int index, std::size_t* width = nullptr) const {
    const Json& a = json["accessors"][std::size_t(index)];
    const Json& v = json["bufferViews"][a["bufferView"].get<std::size_t>()];
    const std::size_t offset = v.value("byteOffset", std::size_t(0)) + a.value("byteOffset", std::size_t(0));
    const std::string type = a["type"];
    const std::size_t w = type == "SCALAR" ? 1 : type == "VEC2" ? 2 : type == "VEC3" ? 3 : type == "VEC4" ? 4 : 16;
    if (width) *width = w;
    const std::size_t n = a["count"].get<std::size_t>() * w;
    std::vector<double> out(n);
    const int ct = a["componentType"];
    for (std::size_t i = 0; i < n; ++i) {
      if (ct == 5126) {
        float f;
        std::memcpy(&f, bin.data() + offset + 4 * i, 4);
        out[i] = f;
      } else if (ct == 5123) {
        std::uint16_t s;
        std::memcpy(&s, bin.data() + offset + 2 * i, 2);
        out[i] = s;
      } else if (ct == 5125) {
        std::uint32_t s;
        std::memcpy(&s, bin.data() + offset + 4 * i, 4);
        out[i] = s;
      } else {
        throw std::runtime_error("unexpected component type");
      }
    }
    return out;
  }
  std::vector<glm::vec3> vec3s(int index) const {
    const auto v = accessor(index);
    std::vector<glm::vec3> out;
    for (std::size_t i = 0; i + 2 < v.size(); i += 3) out.emplace_back(v[i], v[i + 1], v[i + 2]);
    return out;
  }

  int node_named(const std::string& name) const {
    for (std::size_t i = 0; i < json["nodes"].size(); ++i)
      if (json["nodes"][i].value("name", "") == name) return int(i);
    return -1;
  }
  std::vector<int> parents() const {
    std::vector<int> p(json["nodes"].size(), -1);
    for (std::size_t i = 0; i < json["nodes"].size(); ++i)
      for (const Json& c : json["nodes"][i].value("children", Json::array())) p[c.get<std::size_t>()] = int(i);
    return p;
  }
};

struct Trs {
  glm::dvec3 t{0};
  glm::dquat r{1, 0, 0, 0};
  glm::dvec3 s{1};
  glm::dmat4 matrix() const { return glm::translate(glm::dmat4(1), t) * glm::mat4_cast(r) * glm::scale(glm::dmat4(1), s); }
};

inline Trs node_trs(const Json& n) {
  Trs x;
  if (n.contains("translation")) x.t = {n["translation"][0], n["translation"][1], n["translation"][2]};
  if (n.contains("rotation")) x.r = glm::dquat(n["rotation"][3], n["rotation"][0], n["rotation"][1], n["rotation"][2]);
  if (n.contains("scale")) x.s = {n["scale"][0], n["scale"][1], n["scale"][2]};
  return x;
}

// Every node's local TRS at time `t` (seconds) of animation 0, as the spec
// interpolates it; without an animation, the nodes' own TRS. With
// `component_wise`, rotations are interpolated as Blender's importer does it
// (each quaternion component linearly, then normalised) instead of by slerp.
inline std::vector<Trs> pose_at(const Gltf& g, double t, bool component_wise = false) {
  std::vector<Trs> local;
  for (const Json& n : g.json["nodes"]) local.push_back(node_trs(n));
  if (!g.json.contains("animations")) return local;
  const Json& anim = g.json["animations"][0];
  for (const Json& ch : anim["channels"]) {
    if (!ch["target"].contains("node")) continue;  // KHR_animation_pointer: read separately
    const Json& sampler = anim["samplers"][ch["sampler"].get<std::size_t>()];
    const auto in = g.accessor(sampler["input"]);
    std::size_t w = 0;
    const auto out = g.accessor(sampler["output"], &w);
    std::size_t k = 0;
    while (k + 1 < in.size() && in[k + 1] <= t) ++k;
    double u = 0;
    std::size_t k1 = k;
    if (sampler.value("interpolation", "LINEAR") == "LINEAR" && k + 1 < in.size() && t > in[k]) {
      k1 = k + 1;
      u = (t - in[k]) / (in[k1] - in[k]);
    }
    const std::string path = ch["target"]["path"];
    Trs& x = local[ch["target"]["node"].get<std::size_t>()];
    auto v3 = [&](std::size_t i) { return glm::dvec3(out[w * i], out[w * i + 1], out[w * i + 2]); };
    if (path == "translation") x.t = glm::mix(v3(k), v3(k1), u);
    else if (path == "scale") x.s = glm::mix(v3(k), v3(k1), u);
    else if (path == "rotation") {
      const glm::dquat a(out[4 * k + 3], out[4 * k], out[4 * k + 1], out[4 * k + 2]);
      const glm::dquat b(out[4 * k1 + 3], out[4 * k1], out[4 * k1 + 1], out[4 * k1 + 2]);
      x.r = component_wise ? glm::normalize(a * (1 - u) + b * u) : glm::normalize(glm::slerp(a, b, u));
    }
  }
  return local;
}

inline std::vector<glm::dmat4> world_matrices(const Gltf& g, const std::vector<Trs>& local) {
  const auto parent = g.parents();
  std::vector<glm::dmat4> world(local.size());
  std::vector<bool> done(local.size(), false);
  std::function<const glm::dmat4&(std::size_t)> get = [&](std::size_t i) -> const glm::dmat4& {
    if (!done[i]) {
      world[i] = parent[i] < 0 ? local[i].matrix() : get(std::size_t(parent[i])) * local[i].matrix();
      done[i] = true;
    }
    return world[i];
  };
  for (std::size_t i = 0; i < local.size(); ++i) get(i);
  return world;
}

}  // namespace gltf_test
