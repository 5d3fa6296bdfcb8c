// format.cpp — reading, validating and writing `closedset-scene` files.
//
// [SECTION] Text checks: size, UTF-8, nesting, duplicate keys, syntax
// [SECTION] Reader: JSON → Document, every problem with its JSON path
// [SECTION] Migration of older versions
// [SECTION] Validation of a typed Document (ids, references, ranges, overlaps)
// [SECTION] Writer: Document → canonical JSON
// [SECTION] Atomic file writing
#include "notation/format.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace cs {

using json = nlohmann::ordered_json;

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file.empty() ? std::string("<scene>") : d.file;
  if (d.line > 0) {
    out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  } else if (!d.path.empty()) {
    out += ": " + d.path;
  }
  out += ": " + d.message;
  return out;
}

namespace {

// ---------------------------------------------------------------------------
// [SECTION] Text checks

struct LineCol { int line = 1, column = 1; };

LineCol line_col_at(std::string_view text, std::size_t offset) {
  LineCol lc;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') { ++lc.line; lc.column = 1; }
    else ++lc.column;
  }
  return lc;
}

// Offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    std::size_t len;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

// Offset of the bracket that opens nesting level `limit + 1`, or npos.
// Strings are skipped so brackets inside them do not count.
std::size_t too_deep_at(std::string_view s, int limit) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > limit) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::string_view::npos;
}

// nlohmann reports the offset of the last byte it read; a person wants the start
// of the token that was unexpected (the opening quote of a string, the first digit).
std::size_t token_start(std::string_view s, std::size_t last) {
  if (last >= s.size()) return s.empty() ? 0 : s.size() - 1;
  if (s[last] == '"' && last > 0) {
    std::size_t i = last;
    while (i > 0) {
      --i;
      if (s[i] == '"') {
        std::size_t slashes = 0;
        for (std::size_t k = i; k > 0 && s[k - 1] == '\\'; --k) ++slashes;
        if (slashes % 2 == 0) return i;
      }
      if (s[i] == '\n') break;
    }
    return last;
  }
  const auto word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-';
  };
  std::size_t i = last;
  while (i > 0 && word(s[i]) && word(s[i - 1])) --i;
  return i;
}

std::string escape_pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string qt(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20) out += '?';
    else out += c;
    if (out.size() > 60) { out += "…"; break; }
  }
  return out + "\"";
}

// Finds object keys that appear twice, which JSON parsers otherwise resolve by
// silently keeping one value. Tracks the JSON path while nlohmann parses.
class DuplicateKeyFinder {
 public:
  std::vector<std::string> duplicates;  // JSON paths

  bool on_event(nlohmann::json::parse_event_t event, json& parsed) {
    using E = nlohmann::json::parse_event_t;
    switch (event) {
      case E::object_start: push(false); break;
      case E::array_start: push(true); break;
      case E::key: {
        Frame& f = frames_.back();
        f.key = parsed.get<std::string>();
        if (!f.keys.insert(f.key).second) duplicates.push_back(path());
        break;
      }
      case E::object_end:
      case E::array_end:
        if (!frames_.empty()) frames_.pop_back();
        if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
        break;
      case E::value:
        if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool is_array = false;
    std::size_t index = 0;
    std::string key;
    std::set<std::string> keys;
  };
  std::vector<Frame> frames_;

  void push(bool is_array) {
    Frame f;
    f.is_array = is_array;
    frames_.push_back(std::move(f));
  }
  std::string path() const {
    std::string p;
    for (const Frame& f : frames_)
      p += "/" + (f.is_array ? std::to_string(f.index) : escape_pointer_token(f.key));
    return p;
  }
};

// ---------------------------------------------------------------------------
// [SECTION] Reader

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1] ? 1u : 0u)});
      diag = up;
    }
  }
  return row[b.size()];
}

// " (did you mean "x"?)" when one candidate is close; "" otherwise.
template <class Range> std::string did_you_mean(std::string_view word, const Range& candidates) {
  std::string best;
  std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) { best_d = d; best = std::string(c); }
  }
  if (best.empty()) return "";
  return " (did you mean \"" + best + "\"?)";
}

const char* type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "a list";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "true/false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    default: return "something else";
  }
}

struct Range {
  double min = -1e9, max = 1e9;
  bool min_exclusive = false;
};

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  std::vector<Diagnostic> errors;
  std::size_t suppressed = 0;

  void error(const std::string& path, std::string message) {
    if (errors.size() >= kMaxDiagnostics) { ++suppressed; return; }
    Diagnostic d;
    d.file = file_;
    d.path = path;
    d.message = std::move(message);
    errors.push_back(std::move(d));
  }

  // Reports keys of `j` not in `allowed`. Returns false (and reports) if `j` is not an object.
  bool object(const json& j, const std::string& path, std::initializer_list<std::string_view> allowed,
              std::string_view what) {
    if (!j.is_object()) {
      error(path, "Expected " + std::string(what) + " (an object), found " + type_name(j));
      return false;
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
        error(path + "/" + escape_pointer_token(it.key()),
              "Unknown key " + qt(it.key()) + " in " + std::string(what) +
                  did_you_mean(it.key(), allowed));
      }
    }
    return true;
  }

  const json* field(const json& obj, const std::string& path, const char* key, bool required,
                    std::string_view what) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) error(path, "Missing required field \"" + std::string(key) + "\" in " + std::string(what));
      return nullptr;
    }
    return &*it;
  }

  void string(const json& obj, const std::string& path, const char* key, std::string& out,
              bool required, std::string_view what) {
    const json* j = field(obj, path, key, required, what);
    if (!j) return;
    if (!j->is_string()) { error(path + "/" + key, std::string("Expected text, found ") + type_name(*j)); return; }
    out = j->get<std::string>();
  }

  // An id: non-empty text. (Uniqueness and references are checked by validate().)
  void id(const json& obj, const std::string& path, const char* key, std::string& out,
          bool required, std::string_view what) {
    string(obj, path, key, out, required, what);
    const json* j = obj.is_object() ? (obj.contains(key) ? &obj.at(key) : nullptr) : nullptr;
    if (j && j->is_string() && out.empty())
      error(path + "/" + key, std::string("\"") + key + "\" is empty; give an id" +
                                  (required ? "" : ", or leave the key out"));
  }

  bool number_value(const json& j, const std::string& path, double& out, const Range& r) {
    if (!j.is_number()) { error(path, std::string("Expected a number, found ") + type_name(j)); return false; }
    const double v = j.get<double>();
    if (!std::isfinite(v)) { error(path, "Number is not finite (NaN or infinity); use an ordinary number"); return false; }
    const bool low = r.min_exclusive ? v <= r.min : v < r.min;
    if (low || v > r.max) {
      std::ostringstream s;
      s << "Value " << v << " is out of range: must be " << (r.min_exclusive ? "greater than " : "at least ")
        << r.min << " and at most " << r.max;
      error(path, s.str());
      return false;
    }
    out = v;
    return true;
  }

  void number(const json& obj, const std::string& path, const char* key, double& out, bool required,
              std::string_view what, Range r) {
    const json* j = field(obj, path, key, required, what);
    if (j) number_value(*j, path + "/" + key, out, r);
  }

  void integer(const json& obj, const std::string& path, const char* key, int& out, bool required,
               std::string_view what, int min, int max) {
    const json* j = field(obj, path, key, required, what);
    if (!j) return;
    const std::string p = path + "/" + key;
    if (!j->is_number_integer()) {
      error(p, std::string("Expected a whole number, found ") + (j->is_number() ? "a fraction" : type_name(*j)));
      return;
    }
    const auto v = j->get<std::int64_t>();
    if (v < min || v > max) {
      error(p, "Value " + std::to_string(v) + " is out of range: must be from " + std::to_string(min) +
                   " to " + std::to_string(max));
      return;
    }
    out = static_cast<int>(v);
  }

  void boolean(const json& obj, const std::string& path, const char* key, bool& out, bool required,
               std::string_view what) {
    const json* j = field(obj, path, key, required, what);
    if (!j) return;
    if (!j->is_boolean()) { error(path + "/" + key, std::string("Expected true or false, found ") + type_name(*j)); return; }
    out = j->get<bool>();
  }

  template <class E> bool word_value(const json& j, const std::string& path, E& out) {
    if (!j.is_string()) {
      error(path, "Expected a " + std::string(Vocab<E>::what) + " (text), found " + type_name(j));
      return false;
    }
    const std::string w = j.get<std::string>();
    if (auto v = vocab_parse<E>(w)) { out = *v; return true; }
    std::string msg = qt(w) + " is not a " + std::string(Vocab<E>::what);
    std::string hint = did_you_mean(w, Vocab<E>::names);
    if (!hint.empty()) msg += hint;
    else if (Vocab<E>::names.size() <= 20) msg += "; expected " + vocab_list<E>();
    else msg += "; see the list in README.md, \"Body regions\"";
    error(path, msg);
    return false;
  }

  template <class E> void word(const json& obj, const std::string& path, const char* key, E& out,
                               bool required, std::string_view what) {
    const json* j = field(obj, path, key, required, what);
    if (j) word_value(*j, path + "/" + key, out);
  }

  template <class E> void words(const json& obj, const std::string& path, const char* key,
                                std::vector<E>& out, bool required, std::string_view what) {
    const json* j = field(obj, path, key, required, what);
    if (!j) return;
    const std::string p = path + "/" + key;
    if (!j->is_array()) { error(p, std::string("Expected a list, found ") + type_name(*j)); return; }
    for (std::size_t i = 0; i < j->size(); ++i) {
      E e{};
      if (word_value((*j)[i], p + "/" + std::to_string(i), e)) {
        if (std::find(out.begin(), out.end(), e) != out.end())
          error(p + "/" + std::to_string(i), qt(vocab_name(e)) + " is listed twice");
        else
          out.push_back(e);
      }
    }
  }

  void strings(const json& obj, const std::string& path, const char* key, std::vector<std::string>& out,
               bool required, std::string_view what) {
    const json* j = field(obj, path, key, required, what);
    if (!j) return;
    const std::string p = path + "/" + key;
    if (!j->is_array()) { error(p, std::string("Expected a list, found ") + type_name(*j)); return; }
    for (std::size_t i = 0; i < j->size(); ++i) {
      if (!(*j)[i].is_string()) { error(p + "/" + std::to_string(i), std::string("Expected text, found ") + type_name((*j)[i])); continue; }
      out.push_back((*j)[i].get<std::string>());
    }
  }

  bool vec_value(const json& j, const std::string& path, double* out, std::size_t n, Range r) {
    if (!j.is_array() || j.size() != n) {
      error(path, "Expected a list of " + std::to_string(n) + " numbers, found " +
                      (j.is_array() ? "a list of " + std::to_string(j.size()) : std::string(type_name(j))));
      return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < n; ++i) ok &= number_value(j[i], path + "/" + std::to_string(i), out[i], r);
    return ok;
  }

  void vec3(const json& obj, const std::string& path, const char* key, Vec3& out, bool required,
            std::string_view what, Range r = {}) {
    const json* j = field(obj, path, key, required, what);
    if (j) vec_value(*j, path + "/" + key, out.data(), 3, r);
  }

  // Calls `each(element, element_path)` for each element of a list field.
  template <class F> void list(const json& obj, const std::string& path, const char* key, bool required,
                               std::string_view what, F&& each) {
    const json* j = field(obj, path, key, required, what);
    if (!j) return;
    const std::string p = path + "/" + key;
    if (!j->is_array()) { error(p, std::string("Expected a list, found ") + type_name(*j)); return; }
    for (std::size_t i = 0; i < j->size(); ++i) each((*j)[i], p + "/" + std::to_string(i));
  }

 private:
  std::string file_;
};

// Numbers: positions and sizes are metres in a room; counts stay on a sane timeline.
constexpr Range kAnyCoord{-10000, 10000};
constexpr Range kPositive{0, 10000, true};
constexpr Range kCount{-100000, 100000};
constexpr Range kAngle{-3600, 3600};

void read_scene_info(Reader& r, const json& j, const std::string& p, SceneInfo& s) {
  if (!r.object(j, p, {"title", "number", "pages", "story"}, "the scene block")) return;
  r.string(j, p, "title", s.title, false, "the scene block");
  r.string(j, p, "number", s.number, false, "the scene block");
  r.string(j, p, "pages", s.pages, false, "the scene block");
  r.string(j, p, "story", s.story, false, "the scene block");
}

void read_safety(Reader& r, const json& j, const std::string& p, Safety& s) {
  if (!r.object(j, p, {"pause_word", "response"}, "the safety block")) return;
  r.string(j, p, "pause_word", s.pause_word, false, "the safety block");
  r.string(j, p, "response", s.response, false, "the safety block");
}

Performer read_performer(Reader& r, const json& j, const std::string& p) {
  Performer pf;
  constexpr std::string_view what = "a performer";
  if (!r.object(j, p, {"id", "actor", "character", "height_m", "build", "tiers", "boundaries", "exposure",
                       "private_note"}, what))
    return pf;
  r.id(j, p, "id", pf.id, true, what);
  r.string(j, p, "actor", pf.actor, false, what);
  r.string(j, p, "character", pf.character, false, what);
  r.number(j, p, "height_m", pf.height_m, false, what, Range{1.0, 2.3});
  r.word(j, p, "build", pf.build, false, what);
  r.list(j, p, "tiers", false, what, [&](const json& e, const std::string& ep) {
    TierRaise t;
    if (!r.object(e, ep, {"region", "tier"}, "a tier entry")) return;
    r.word(e, ep, "region", t.region, true, "a tier entry");
    r.word(e, ep, "tier", t.tier, true, "a tier entry");
    pf.tiers.push_back(t);
  });
  r.list(j, p, "boundaries", false, what, [&](const json& e, const std::string& ep) {
    Boundary b;
    constexpr std::string_view bw = "a boundary";
    if (!r.object(e, ep, {"direction", "region", "partners", "contact", "layer", "state", "conditions"}, bw)) return;
    r.word(e, ep, "direction", b.direction, true, bw);
    r.word(e, ep, "region", b.region, true, bw);
    r.strings(e, ep, "partners", b.partners, false, bw);
    r.words(e, ep, "contact", b.contact, false, bw);
    r.word(e, ep, "layer", b.layer, true, bw);
    r.word(e, ep, "state", b.state, true, bw);
    r.string(e, ep, "conditions", b.conditions, false, bw);
    pf.boundaries.push_back(std::move(b));
  });
  r.list(j, p, "exposure", false, what, [&](const json& e, const std::string& ep) {
    Exposure x;
    constexpr std::string_view xw = "an exposure agreement";
    if (!r.object(e, ep, {"regions", "state", "views", "conditions"}, xw)) return;
    r.words(e, ep, "regions", x.regions, true, xw);
    r.word(e, ep, "state", x.state, true, xw);
    r.words(e, ep, "views", x.views, true, xw);
    r.string(e, ep, "conditions", x.conditions, false, xw);
    pf.exposure.push_back(std::move(x));
  });
  r.string(j, p, "private_note", pf.private_note, false, what);
  return pf;
}

Garment read_garment(Reader& r, const json& j, const std::string& p) {
  Garment g;
  constexpr std::string_view what = "a garment";
  if (!r.object(j, p, {"id", "wearer", "label", "kind", "covers", "camera", "worn"}, what)) return g;
  r.id(j, p, "id", g.id, true, what);
  r.id(j, p, "wearer", g.wearer, true, what);
  r.string(j, p, "label", g.label, false, what);
  r.word(j, p, "kind", g.kind, false, what);
  r.words(j, p, "covers", g.covers, true, what);
  r.word(j, p, "camera", g.camera, true, what);
  r.boolean(j, p, "worn", g.worn, false, what);
  return g;
}

Prop read_prop(Reader& r, const json& j, const std::string& p) {
  Prop pr;
  constexpr std::string_view what = "a prop";
  if (!r.object(j, p, {"id", "label", "shape", "size", "position", "rotation", "barrier", "owner", "mesh"}, what))
    return pr;
  r.id(j, p, "id", pr.id, true, what);
  r.string(j, p, "label", pr.label, false, what);
  r.word(j, p, "shape", pr.shape, true, what);
  r.vec3(j, p, "size", pr.size, true, what, kPositive);
  r.vec3(j, p, "position", pr.position, true, what, kAnyCoord);
  r.vec3(j, p, "rotation", pr.rotation, false, what, kAngle);
  r.boolean(j, p, "barrier", pr.barrier, false, what);
  r.id(j, p, "owner", pr.owner, false, what);
  r.string(j, p, "mesh", pr.mesh, false, what);
  return pr;
}

Camera read_camera(Reader& r, const json& j, const std::string& p) {
  Camera c;
  constexpr std::string_view what = "a camera";
  if (!r.object(j, p, {"id", "label", "sensor", "sensor_mm", "focal_mm", "aspect", "fit", "position", "target",
                       "roll_deg", "moves"}, what))
    return c;
  r.id(j, p, "id", c.id, true, what);
  r.string(j, p, "label", c.label, false, what);
  r.word(j, p, "sensor", c.sensor, true, what);
  if (const json* s = r.field(j, p, "sensor_mm", false, what))
    r.vec_value(*s, p + "/sensor_mm", c.sensor_mm.data(), 2, Range{0, 100, true});
  r.number(j, p, "focal_mm", c.focal_mm, true, what, Range{0, 2000, true});
  r.number(j, p, "aspect", c.aspect, true, what, Range{0.5, 4.0});
  r.word(j, p, "fit", c.fit, true, what);
  r.vec3(j, p, "position", c.position, true, what, kAnyCoord);
  r.vec3(j, p, "target", c.target, true, what, kAnyCoord);
  r.number(j, p, "roll_deg", c.roll_deg, false, what, Range{-180, 180});
  r.list(j, p, "moves", false, what, [&](const json& e, const std::string& ep) {
    CameraMove m;
    constexpr std::string_view mw = "a camera move";
    if (!r.object(e, ep, {"count", "position", "target", "focal_mm"}, mw)) return;
    r.number(e, ep, "count", m.count, true, mw, kCount);
    r.vec3(e, ep, "position", m.position, true, mw, kAnyCoord);
    r.vec3(e, ep, "target", m.target, true, mw, kAnyCoord);
    if (e.contains("focal_mm")) {
      double f = 0;
      if (r.number_value(e["focal_mm"], ep + "/focal_mm", f, Range{0, 2000, true})) m.focal_mm = f;
    }
    c.moves.push_back(m);
  });
  return c;
}

Pose read_pose(Reader& r, const std::string& performer, const json& j, const std::string& p) {
  Pose pose;
  pose.performer = performer;
  constexpr std::string_view what = "a pose";
  if (!r.object(j, p, {"root", "joints"}, what)) return pose;
  if (const json* root = r.field(j, p, "root", false, what)) {
    const std::string rp = p + "/root";
    if (r.object(*root, rp, {"position", "rotation"}, "a pose root")) {
      r.vec3(*root, rp, "position", pose.root_position, false, "a pose root", kAnyCoord);
      r.vec3(*root, rp, "rotation", pose.root_rotation, false, "a pose root", kAngle);
    }
  }
  if (const json* joints = r.field(j, p, "joints", false, what)) {
    const std::string jp = p + "/joints";
    if (!joints->is_object()) {
      r.error(jp, std::string("Expected an object of joint rotations, found ") + type_name(*joints));
    } else {
      for (auto it = joints->begin(); it != joints->end(); ++it) {
        const std::string ep = jp + "/" + escape_pointer_token(it.key());
        JointRotation jr;
        auto joint = vocab_parse<Joint>(it.key());
        if (!joint) {
          r.error(ep, qt(it.key()) + " is not a joint" + did_you_mean(it.key(), Vocab<Joint>::names) +
                          "; joints are " + vocab_list<Joint>());
          continue;
        }
        jr.joint = *joint;
        if (r.vec_value(it.value(), ep, jr.degrees.data(), 3, kAngle)) pose.joints.push_back(jr);
      }
      std::sort(pose.joints.begin(), pose.joints.end(),
                [](const JointRotation& a, const JointRotation& b) { return a.joint < b.joint; });
    }
  }
  return pose;
}

Beat read_beat(Reader& r, const json& j, const std::string& p) {
  Beat b;
  constexpr std::string_view what = "a beat";
  if (!r.object(j, p, {"id", "start_count", "length_counts", "label", "action", "placeholder", "poses", "contacts",
                       "breath", "eyelines", "garment_changes", "masking", "camera_notes"}, what))
    return b;
  r.id(j, p, "id", b.id, true, what);
  r.number(j, p, "start_count", b.start_count, true, what, kCount);
  r.number(j, p, "length_counts", b.length_counts, true, what, Range{0, 100000, true});
  r.string(j, p, "label", b.label, false, what);
  r.string(j, p, "action", b.action, false, what);
  r.boolean(j, p, "placeholder", b.placeholder, false, what);
  if (const json* poses = r.field(j, p, "poses", false, what)) {
    const std::string pp = p + "/poses";
    if (!poses->is_object()) {
      r.error(pp, std::string("Expected an object keyed by performer id, found ") + type_name(*poses));
    } else {
      for (auto it = poses->begin(); it != poses->end(); ++it)
        b.poses.push_back(read_pose(r, it.key(), it.value(), pp + "/" + escape_pointer_token(it.key())));
    }
  }
  r.list(j, p, "contacts", false, what, [&](const json& e, const std::string& ep) {
    Contact c;
    constexpr std::string_view cw = "a contact";
    if (!r.object(e, ep, {"giver", "with", "receiver", "region", "kind", "layer", "pressure", "garment", "barrier"}, cw))
      return;
    r.id(e, ep, "giver", c.giver, true, cw);
    r.word(e, ep, "with", c.with, true, cw);
    r.id(e, ep, "receiver", c.receiver, true, cw);
    r.word(e, ep, "region", c.region, true, cw);
    r.word(e, ep, "kind", c.kind, true, cw);
    r.word(e, ep, "layer", c.layer, true, cw);
    r.word(e, ep, "pressure", c.pressure, false, cw);
    r.id(e, ep, "garment", c.garment, false, cw);
    r.id(e, ep, "barrier", c.barrier, false, cw);
    b.contacts.push_back(std::move(c));
  });
  r.list(j, p, "breath", false, what, [&](const json& e, const std::string& ep) {
    BreathNote n;
    constexpr std::string_view nw = "a breath cue";
    if (!r.object(e, ep, {"performer", "cue", "count"}, nw)) return;
    r.id(e, ep, "performer", n.performer, true, nw);
    r.word(e, ep, "cue", n.cue, true, nw);
    r.number(e, ep, "count", n.count, true, nw, kCount);
    b.breath.push_back(std::move(n));
  });
  r.list(j, p, "eyelines", false, what, [&](const json& e, const std::string& ep) {
    Eyeline y;
    constexpr std::string_view yw = "an eyeline";
    if (!r.object(e, ep, {"performer", "target"}, yw)) return;
    r.id(e, ep, "performer", y.performer, true, yw);
    if (const json* t = r.field(e, ep, "target", true, yw)) {
      const std::string tp = ep + "/target";
      if (r.object(*t, tp, {"performer", "region", "camera", "point"}, "an eyeline target")) {
        r.id(*t, tp, "performer", y.target.performer, false, "an eyeline target");
        if (t->contains("region")) {
          Region reg{};
          if (r.word_value((*t)["region"], tp + "/region", reg)) y.target.region = reg;
        }
        r.id(*t, tp, "camera", y.target.camera, false, "an eyeline target");
        if (t->contains("point")) {
          Vec3 v{};
          if (r.vec_value((*t)["point"], tp + "/point", v.data(), 3, kAnyCoord)) y.target.point = v;
        }
        const int kinds = (t->contains("performer") ? 1 : 0) + (t->contains("camera") ? 1 : 0) +
                          (t->contains("point") ? 1 : 0);
        if (kinds != 1)
          r.error(tp, "An eyeline target names exactly one of \"performer\" (with an optional \"region\"), "
                      "\"camera\" or \"point\"");
        else if (t->contains("region") && !t->contains("performer"))
          r.error(tp + "/region", "\"region\" in an eyeline target needs a \"performer\"");
      }
    }
    b.eyelines.push_back(std::move(y));
  });
  r.list(j, p, "garment_changes", false, what, [&](const json& e, const std::string& ep) {
    GarmentChange g;
    constexpr std::string_view gw = "a garment change";
    if (!r.object(e, ep, {"garment", "worn"}, gw)) return;
    r.id(e, ep, "garment", g.garment, true, gw);
    r.boolean(e, ep, "worn", g.worn, true, gw);
    b.garment_changes.push_back(std::move(g));
  });
  r.list(j, p, "masking", false, what, [&](const json& e, const std::string& ep) {
    MaskingNote m;
    constexpr std::string_view mw = "a masking note";
    if (!r.object(e, ep, {"camera", "performer", "regions", "by"}, mw)) return;
    r.id(e, ep, "camera", m.camera, true, mw);
    r.id(e, ep, "performer", m.performer, true, mw);
    r.words(e, ep, "regions", m.regions, true, mw);
    r.id(e, ep, "by", m.by, true, mw);
    b.masking.push_back(std::move(m));
  });
  r.string(j, p, "camera_notes", b.camera_notes, false, what);
  return b;
}

Take read_take(Reader& r, const json& j, const std::string& p) {
  Take t;
  constexpr std::string_view what = "a take";
  if (!r.object(j, p, {"number", "camera", "status", "choreography_version", "note", "deviations"}, what)) return t;
  r.integer(j, p, "number", t.number, true, what, 1, 100000);
  r.id(j, p, "camera", t.camera, true, what);
  r.word(j, p, "status", t.status, true, what);
  r.integer(j, p, "choreography_version", t.choreography_version, true, what, 1, 100000);
  r.string(j, p, "note", t.note, false, what);
  r.list(j, p, "deviations", false, what, [&](const json& e, const std::string& ep) {
    Deviation d;
    if (!r.object(e, ep, {"beat", "note"}, "a deviation")) return;
    r.id(e, ep, "beat", d.beat, true, "a deviation");
    r.string(e, ep, "note", d.note, true, "a deviation");
    t.deviations.push_back(std::move(d));
  });
  return t;
}

// ---------------------------------------------------------------------------
// [SECTION] Migration
//
// Version N-1 → N steps go here, in order, each a function on the raw JSON.
// Version 1 is the first published version, so there are no steps yet; a file
// without a version, or with version 0 or less, is refused.
using MigrationStep = void (*)(json& root);
constexpr MigrationStep kMigrations[] = {nullptr};  // index v: from version v to v+1 (none below 1)

void migrate(json& root, int from_version) {
  for (int v = from_version; v < kFormatVersion; ++v) {
    const auto step = kMigrations[static_cast<std::size_t>(v)];
    if (step) step(root);
  }
  root["version"] = kFormatVersion;
}

Document read_document(Reader& r, json& root) {
  Document d;
  if (!r.object(root, "", {"format", "version", "scene", "safety", "performers", "garments", "props", "cameras",
                           "choreography", "takes"}, "a scene file"))
    return d;
  const std::string p;
  if (const json* s = r.field(root, p, "scene", false, "a scene file")) read_scene_info(r, *s, "/scene", d.scene);
  if (const json* s = r.field(root, p, "safety", false, "a scene file")) read_safety(r, *s, "/safety", d.safety);
  r.list(root, p, "performers", false, "a scene file",
         [&](const json& e, const std::string& ep) { d.performers.push_back(read_performer(r, e, ep)); });
  r.list(root, p, "garments", false, "a scene file",
         [&](const json& e, const std::string& ep) { d.garments.push_back(read_garment(r, e, ep)); });
  r.list(root, p, "props", false, "a scene file",
         [&](const json& e, const std::string& ep) { d.props.push_back(read_prop(r, e, ep)); });
  r.list(root, p, "cameras", false, "a scene file",
         [&](const json& e, const std::string& ep) { d.cameras.push_back(read_camera(r, e, ep)); });
  if (const json* c = r.field(root, p, "choreography", true, "a scene file")) {
    constexpr std::string_view cw = "the choreography";
    const std::string cp = "/choreography";
    if (r.object(*c, cp, {"version", "status", "tempo_bpm", "beats"}, cw)) {
      r.integer(*c, cp, "version", d.choreography.version, false, cw, 1, 100000);
      r.word(*c, cp, "status", d.choreography.status, false, cw);
      r.number(*c, cp, "tempo_bpm", d.choreography.tempo_bpm, true, cw, Range{1, 600});
      r.list(*c, cp, "beats", true, cw, [&](const json& e, const std::string& ep) {
        d.choreography.beats.push_back(read_beat(r, e, ep));
      });
    }
  }
  r.list(root, p, "takes", false, "a scene file",
         [&](const json& e, const std::string& ep) { d.takes.push_back(read_take(r, e, ep)); });
  return d;
}

// ---------------------------------------------------------------------------
// [SECTION] Validation

class Validator {
 public:
  Validator(const Document& d, std::string file) : d_(d), file_(std::move(file)) {}
  std::vector<Diagnostic> out;

  void error(std::string path, std::string message) {
    if (out.size() >= kMaxDiagnostics) return;
    out.push_back(Diagnostic{file_, 0, 0, std::move(path), std::move(message)});
  }

  void check_id(const std::string& id, const std::string& path, std::string_view what) {
    if (id.empty()) {
      std::string w(what);
      if (!w.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      error(path, w + " needs a non-empty id");
      return;
    }
    if (id.size() > 64) error(path, "Id " + qt(id) + " is longer than 64 characters; ids are short names");
    for (unsigned char c : id)
      if (c < 0x20 || c == 0x7f) { error(path, "Id " + qt(id) + " contains a control character"); break; }
  }

  template <class T> void unique_ids(const std::vector<T>& list, const std::string& path, std::string_view what) {
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string ip = path + "/" + std::to_string(i) + "/id";
      check_id(list[i].id, ip, what);
      if (list[i].id.empty()) continue;
      auto [it, fresh] = seen.emplace(list[i].id, i);
      if (!fresh)
        error(ip, "Duplicate id " + qt(list[i].id) + ": " + std::string(what) + " " +
                      std::to_string(it->second) + " already uses it; ids must be unique in their list");
    }
  }

  void performer_ref(const std::string& id, const std::string& path, std::string_view role) {
    if (id.empty()) return;  // a missing required id was reported by the reader
    if (!d_.performer(id))
      error(path, "Unknown performer " + qt(id) + " as " + std::string(role) + existing(d_.performers));
  }

  template <class T> std::string existing(const std::vector<T>& list) {
    if (list.empty()) return " (there are none in this scene)";
    std::vector<std::string> ids;
    for (const T& item : list)
      if (!item.id.empty() && std::find(ids.begin(), ids.end(), item.id) == ids.end()) ids.push_back(item.id);
    if (ids.empty()) return " (none in this scene has an id yet)";
    std::string s = " (known: ";
    for (std::size_t i = 0; i < ids.size() && i < 12; ++i) s += (i ? ", " : "") + ids[i];
    if (ids.size() > 12) s += ", …";
    return s + ")";
  }

  void run() {
    unique_ids(d_.performers, "/performers", "performer");
    unique_ids(d_.garments, "/garments", "garment");
    unique_ids(d_.props, "/props", "prop");
    unique_ids(d_.cameras, "/cameras", "camera");
    unique_ids(d_.choreography.beats, "/choreography/beats", "beat");
    // Props and performers share a namespace where a masking note's "by" may name either.
    for (std::size_t i = 0; i < d_.props.size(); ++i)
      if (!d_.props[i].id.empty() && d_.performer(d_.props[i].id))
        error("/props/" + std::to_string(i) + "/id", "Prop id " + qt(d_.props[i].id) +
              " is also a performer's id; masking notes name either, so they must differ");

    for (std::size_t i = 0; i < d_.performers.size(); ++i) performer(d_.performers[i], "/performers/" + std::to_string(i));
    for (std::size_t i = 0; i < d_.garments.size(); ++i) {
      const Garment& g = d_.garments[i];
      const std::string p = "/garments/" + std::to_string(i);
      performer_ref(g.wearer, p + "/wearer", "the wearer");
      if (g.covers.empty()) error(p + "/covers", "A garment must cover at least one region");
    }
    for (std::size_t i = 0; i < d_.props.size(); ++i) {
      const Prop& pr = d_.props[i];
      const std::string p = "/props/" + std::to_string(i);
      performer_ref(pr.owner, p + "/owner", "the owner");
      if (pr.shape == PropShape::mesh && pr.mesh.empty())
        error(p + "/mesh", "A prop of shape \"mesh\" needs \"mesh\": the path of a glTF, GLB, OBJ or FBX file");
      if (pr.shape != PropShape::mesh && !pr.mesh.empty())
        error(p + "/mesh", "\"mesh\" is only for props of shape \"mesh\" (this one is \"" +
                               std::string(vocab_name(pr.shape)) + "\")");
    }
    for (std::size_t i = 0; i < d_.cameras.size(); ++i) camera(d_.cameras[i], "/cameras/" + std::to_string(i));
    beats();
    takes();
  }

  void performer(const Performer& pf, const std::string& p) {
    for (std::size_t k = 0; k < pf.tiers.size(); ++k) {
      const TierRaise& t = pf.tiers[k];
      if (t.tier < default_tier(t.region))
        error(p + "/tiers/" + std::to_string(k) + "/tier",
              "A tier can be raised, not lowered: " + std::string(vocab_name(t.region)) + " is " +
                  std::string(vocab_name(default_tier(t.region))) + " by default");
    }
    for (std::size_t k = 0; k < pf.boundaries.size(); ++k) {
      const Boundary& b = pf.boundaries[k];
      const std::string bp = p + "/boundaries/" + std::to_string(k);
      for (std::size_t m = 0; m < b.partners.size(); ++m) {
        performer_ref(b.partners[m], bp + "/partners/" + std::to_string(m), "a partner");
        if (b.partners[m] == pf.id)
          error(bp + "/partners/" + std::to_string(m), "A performer cannot be their own partner in a boundary");
      }
    }
    for (std::size_t k = 0; k < pf.exposure.size(); ++k) {
      const Exposure& x = pf.exposure[k];
      const std::string xp = p + "/exposure/" + std::to_string(k);
      if (x.regions.empty()) error(xp + "/regions", "An exposure agreement must name at least one region");
      if (x.views.empty()) error(xp + "/views", "An exposure agreement must name at least one view (or \"any\")");
    }
  }

  void camera(const Camera& c, const std::string& p) {
    if (c.sensor == Sensor::custom && (c.sensor_mm[0] <= 0 || c.sensor_mm[1] <= 0))
      error(p + "/sensor_mm", "A camera with sensor \"custom\" needs \"sensor_mm\": [width, height] in millimetres");
    if (c.sensor != Sensor::custom && (c.sensor_mm[0] != 0 || c.sensor_mm[1] != 0))
      error(p + "/sensor_mm", "\"sensor_mm\" is only for sensor \"custom\"; " + std::string(vocab_name(c.sensor)) +
                                  " has its size from the sensor table");
    if (c.position == c.target) error(p + "/target", "The camera's target is at its own position, so it looks nowhere");
    for (std::size_t k = 0; k < c.moves.size(); ++k) {
      const CameraMove& m = c.moves[k];
      const std::string mp = p + "/moves/" + std::to_string(k);
      if (m.position == m.target) error(mp + "/target", "This move's target is at its own position");
      if (k > 0 && m.count <= c.moves[k - 1].count)
        error(mp + "/count", "Camera moves must be listed in order of count; this one is at or before the previous");
    }
  }

  void beats() {
    const auto& beats = d_.choreography.beats;
    const std::string base = "/choreography/beats";
    for (std::size_t i = 0; i < beats.size(); ++i) {
      const Beat& b = beats[i];
      const std::string p = base + "/" + std::to_string(i);
      if (i > 0) {
        const Beat& prev = beats[i - 1];
        if (b.start_count < prev.start_count) {
          error(p + "/start_count", "Beat " + qt(b.id) + " starts at count " + num(b.start_count) +
                                        ", before the beat listed ahead of it (" + qt(prev.id) + " at " +
                                        num(prev.start_count) + "); list beats in the order they happen");
        } else if (b.start_count < prev.end_count() - 1e-9) {
          error(p + "/start_count", "Beat " + qt(b.id) + " starts at count " + num(b.start_count) +
                                        " but beat " + qt(prev.id) + " runs until count " +
                                        num(prev.end_count()) + "; beats must not overlap");
        }
      }
      std::set<std::string> posed;
      for (std::size_t k = 0; k < b.poses.size(); ++k) {
        const std::string pp = p + "/poses/" + escape_pointer_token(b.poses[k].performer);
        if (!d_.performer(b.poses[k].performer))
          error(pp, "Pose for unknown performer " + qt(b.poses[k].performer) + existing(d_.performers));
        for (std::size_t m = 1; m < b.poses[k].joints.size(); ++m)
          if (b.poses[k].joints[m].joint == b.poses[k].joints[m - 1].joint)
            error(pp + "/joints", "Joint " + std::string(vocab_name(b.poses[k].joints[m].joint)) + " is given twice");
      }
      for (std::size_t k = 0; k < b.contacts.size(); ++k) {
        const Contact& c = b.contacts[k];
        const std::string cp = p + "/contacts/" + std::to_string(k);
        performer_ref(c.giver, cp + "/giver", "the giver");
        performer_ref(c.receiver, cp + "/receiver", "the receiver");
        if (!c.giver.empty() && c.giver == c.receiver)
          error(cp + "/receiver", "A contact is between two performers; " + qt(c.giver) +
                                      " is both giver and receiver (notate the partner who is touched)");
        if (!c.garment.empty()) {
          const Garment* g = d_.garment(c.garment);
          if (!g) error(cp + "/garment", "Unknown garment " + qt(c.garment) + existing(d_.garments));
          else if (g->wearer != c.receiver && g->wearer != c.giver)
            error(cp + "/garment", "Garment " + qt(c.garment) + " is worn by " + qt(g->wearer) +
                                       ", who is neither the giver nor the receiver of this contact");
        }
        if (!c.barrier.empty()) {
          const Prop* pr = d_.prop(c.barrier);
          if (!pr) error(cp + "/barrier", "Unknown barrier " + qt(c.barrier) + existing(d_.props));
          else if (!pr->barrier)
            error(cp + "/barrier", "Prop " + qt(c.barrier) + " is not marked as a barrier (\"barrier\": true)");
        }
      }
      for (std::size_t k = 0; k < b.breath.size(); ++k) {
        const BreathNote& n = b.breath[k];
        const std::string np = p + "/breath/" + std::to_string(k);
        performer_ref(n.performer, np + "/performer", "the one breathing");
        if (n.count < b.start_count - 1e-9 || n.count > b.end_count() + 1e-9)
          error(np + "/count", "Breath cue at count " + num(n.count) + " falls outside beat " + qt(b.id) +
                                   " (counts " + num(b.start_count) + " to " + num(b.end_count()) + ")");
      }
      for (std::size_t k = 0; k < b.eyelines.size(); ++k)
        performer_ref(b.eyelines[k].performer, p + "/eyelines/" + std::to_string(k) + "/performer", "the one looking");
      // Eyeline *targets* are not refused here: `closedset check` reports them
      // as eyeline.target, so a scene with a stale target still opens for editing.
      for (std::size_t k = 0; k < b.garment_changes.size(); ++k) {
        const GarmentChange& g = b.garment_changes[k];
        for (std::size_t m = 0; m < k; ++m)
          if (!g.garment.empty() && b.garment_changes[m].garment == g.garment)
            error(p + "/garment_changes/" + std::to_string(k) + "/garment",
                  "Garment " + qt(g.garment) + " changes twice in beat " + qt(b.id) +
                      "; a beat says once whether it is worn (split the beat to take it off and put it back)");
        if (!g.garment.empty() && !d_.garment(g.garment))
          error(p + "/garment_changes/" + std::to_string(k) + "/garment",
                "Unknown garment " + qt(g.garment) + existing(d_.garments));
      }
      for (std::size_t k = 0; k < b.masking.size(); ++k) {
        const MaskingNote& m = b.masking[k];
        const std::string mp = p + "/masking/" + std::to_string(k);
        if (!m.camera.empty() && !d_.camera(m.camera))
          error(mp + "/camera", "Unknown camera " + qt(m.camera) + existing(d_.cameras));
        performer_ref(m.performer, mp + "/performer", "the masked performer");
        if (!m.by.empty() && !d_.performer(m.by) && !d_.prop(m.by))
          error(mp + "/by", "Unknown performer or prop " + qt(m.by) + " doing the masking");
        if (m.regions.empty()) error(mp + "/regions", "A masking note must name at least one region");
      }
    }
  }

  void takes() {
    std::set<std::pair<std::string, int>> seen;
    for (std::size_t i = 0; i < d_.takes.size(); ++i) {
      const Take& t = d_.takes[i];
      const std::string p = "/takes/" + std::to_string(i);
      if (!t.camera.empty() && !d_.camera(t.camera))
        error(p + "/camera", "Unknown camera " + qt(t.camera) + existing(d_.cameras));
      if (!seen.insert({t.camera, t.number}).second)
        error(p + "/number", "Take " + std::to_string(t.number) + " on camera " + qt(t.camera) + " is logged twice");
      if (t.choreography_version > d_.choreography.version)
        error(p + "/choreography_version", "Take refers to choreography version " +
                                               std::to_string(t.choreography_version) + ", newer than the current " +
                                               std::to_string(d_.choreography.version));
      for (std::size_t k = 0; k < t.deviations.size(); ++k)
        if (!t.deviations[k].beat.empty() && !d_.beat(t.deviations[k].beat))
          error(p + "/deviations/" + std::to_string(k) + "/beat", "Unknown beat " + qt(t.deviations[k].beat));
    }
  }

 private:
  const Document& d_;
  std::string file_;

  static std::string num(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
  }
};

// ---------------------------------------------------------------------------
// [SECTION] Writer

// Whole numbers are written without a fraction ("2", not "2.0"); all others in
// the shortest form that reads back to the same double.
json number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return json(static_cast<std::int64_t>(v));
  return json(v);
}

json vec(const double* v, std::size_t n) {
  json a = json::array();
  for (std::size_t i = 0; i < n; ++i) a.push_back(number(v[i]));
  return a;
}
json vec(const Vec3& v) { return vec(v.data(), 3); }

template <class E> json words_json(const std::vector<E>& list) {
  json a = json::array();
  for (E e : list) a.push_back(std::string(vocab_name(e)));
  return a;
}
template <class E> json word(E e) { return std::string(vocab_name(e)); }

json write_document(const Document& d) {
  json root;
  root["format"] = kFormatName;
  root["version"] = kFormatVersion;
  root["scene"] = {{"title", d.scene.title}, {"number", d.scene.number}, {"pages", d.scene.pages},
                   {"story", d.scene.story}};
  root["safety"] = {{"pause_word", d.safety.pause_word}, {"response", d.safety.response}};
  json performers = json::array();
  for (const Performer& p : d.performers) {
    json j;
    j["id"] = p.id;
    j["actor"] = p.actor;
    j["character"] = p.character;
    j["height_m"] = number(p.height_m);
    j["build"] = word(p.build);
    if (!p.tiers.empty()) {
      j["tiers"] = json::array();
      for (const TierRaise& t : p.tiers) j["tiers"].push_back({{"region", word(t.region)}, {"tier", word(t.tier)}});
    }
    j["boundaries"] = json::array();
    for (const Boundary& b : p.boundaries) {
      json bj;
      bj["direction"] = word(b.direction);
      bj["region"] = word(b.region);
      bj["partners"] = b.partners;
      bj["contact"] = words_json(b.contact);
      bj["layer"] = word(b.layer);
      bj["state"] = word(b.state);
      bj["conditions"] = b.conditions;
      j["boundaries"].push_back(std::move(bj));
    }
    j["exposure"] = json::array();
    for (const Exposure& x : p.exposure) {
      json xj;
      xj["regions"] = words_json(x.regions);
      xj["state"] = word(x.state);
      xj["views"] = words_json(x.views);
      xj["conditions"] = x.conditions;
      j["exposure"].push_back(std::move(xj));
    }
    j["private_note"] = p.private_note;
    performers.push_back(std::move(j));
  }
  root["performers"] = std::move(performers);
  json garments = json::array();
  for (const Garment& g : d.garments) {
    json j;
    j["id"] = g.id;
    j["wearer"] = g.wearer;
    j["label"] = g.label;
    j["kind"] = word(g.kind);
    j["covers"] = words_json(g.covers);
    j["camera"] = word(g.camera);
    j["worn"] = g.worn;
    garments.push_back(std::move(j));
  }
  root["garments"] = std::move(garments);
  json props = json::array();
  for (const Prop& p : d.props) {
    json j;
    j["id"] = p.id;
    j["label"] = p.label;
    j["shape"] = word(p.shape);
    j["size"] = vec(p.size);
    j["position"] = vec(p.position);
    j["rotation"] = vec(p.rotation);
    j["barrier"] = p.barrier;
    if (!p.owner.empty()) j["owner"] = p.owner;
    if (!p.mesh.empty()) j["mesh"] = p.mesh;
    props.push_back(std::move(j));
  }
  root["props"] = std::move(props);
  json cameras = json::array();
  for (const Camera& c : d.cameras) {
    json j;
    j["id"] = c.id;
    j["label"] = c.label;
    j["sensor"] = word(c.sensor);
    if (c.sensor == Sensor::custom) j["sensor_mm"] = vec(c.sensor_mm.data(), 2);
    j["focal_mm"] = number(c.focal_mm);
    j["aspect"] = number(c.aspect);
    j["fit"] = word(c.fit);
    j["position"] = vec(c.position);
    j["target"] = vec(c.target);
    j["roll_deg"] = number(c.roll_deg);
    j["moves"] = json::array();
    for (const CameraMove& m : c.moves) {
      json mj;
      mj["count"] = number(m.count);
      mj["position"] = vec(m.position);
      mj["target"] = vec(m.target);
      if (m.focal_mm) mj["focal_mm"] = number(*m.focal_mm);
      j["moves"].push_back(std::move(mj));
    }
    cameras.push_back(std::move(j));
  }
  root["cameras"] = std::move(cameras);
  json ch;
  ch["version"] = d.choreography.version;
  ch["status"] = word(d.choreography.status);
  ch["tempo_bpm"] = number(d.choreography.tempo_bpm);
  ch["beats"] = json::array();
  for (const Beat& b : d.choreography.beats) {
    json j;
    j["id"] = b.id;
    j["start_count"] = number(b.start_count);
    j["length_counts"] = number(b.length_counts);
    j["label"] = b.label;
    j["action"] = b.action;
    j["placeholder"] = b.placeholder;
    j["poses"] = json::object();
    for (const Pose& p : b.poses) {
      json pj;
      pj["root"] = {{"position", vec(p.root_position)}, {"rotation", vec(p.root_rotation)}};
      pj["joints"] = json::object();
      std::vector<JointRotation> joints = p.joints;  // canonical: skeleton order
      std::stable_sort(joints.begin(), joints.end(),
                       [](const JointRotation& x, const JointRotation& y) { return x.joint < y.joint; });
      for (const JointRotation& jr : joints) pj["joints"][std::string(vocab_name(jr.joint))] = vec(jr.degrees);
      j["poses"][p.performer] = std::move(pj);
    }
    j["contacts"] = json::array();
    for (const Contact& c : b.contacts) {
      json cj;
      cj["giver"] = c.giver;
      cj["with"] = word(c.with);
      cj["receiver"] = c.receiver;
      cj["region"] = word(c.region);
      cj["kind"] = word(c.kind);
      cj["layer"] = word(c.layer);
      cj["pressure"] = word(c.pressure);
      if (!c.garment.empty()) cj["garment"] = c.garment;
      if (!c.barrier.empty()) cj["barrier"] = c.barrier;
      j["contacts"].push_back(std::move(cj));
    }
    j["breath"] = json::array();
    for (const BreathNote& n : b.breath)
      j["breath"].push_back({{"performer", n.performer}, {"cue", word(n.cue)}, {"count", number(n.count)}});
    j["eyelines"] = json::array();
    for (const Eyeline& y : b.eyelines) {
      json t = json::object();
      if (!y.target.performer.empty()) t["performer"] = y.target.performer;
      if (y.target.region) t["region"] = word(*y.target.region);
      if (!y.target.camera.empty()) t["camera"] = y.target.camera;
      if (y.target.point) t["point"] = vec(*y.target.point);
      j["eyelines"].push_back({{"performer", y.performer}, {"target", std::move(t)}});
    }
    j["garment_changes"] = json::array();
    for (const GarmentChange& g : b.garment_changes)
      j["garment_changes"].push_back({{"garment", g.garment}, {"worn", g.worn}});
    j["masking"] = json::array();
    for (const MaskingNote& m : b.masking)
      j["masking"].push_back(
          {{"camera", m.camera}, {"performer", m.performer}, {"regions", words_json(m.regions)}, {"by", m.by}});
    j["camera_notes"] = b.camera_notes;
    ch["beats"].push_back(std::move(j));
  }
  root["choreography"] = std::move(ch);
  json takes = json::array();
  for (const Take& t : d.takes) {
    json j;
    j["number"] = t.number;
    j["camera"] = t.camera;
    j["status"] = word(t.status);
    j["choreography_version"] = t.choreography_version;
    j["note"] = t.note;
    j["deviations"] = json::array();
    for (const Deviation& dv : t.deviations) j["deviations"].push_back({{"beat", dv.beat}, {"note", dv.note}});
    takes.push_back(std::move(j));
  }
  root["takes"] = std::move(takes);
  return root;
}

bool path_within(const std::string& inner, const std::string& outer) {
  if (outer.empty()) return inner.empty();
  return inner == outer || (inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
                            inner[outer.size()] == '/');
}

}  // namespace

// ---------------------------------------------------------------------------
// Public entry points

LoadResult load_scene_text(std::string_view text, std::string_view file) {
  LoadResult result;
  const std::string label(file);
  auto fail_at = [&](std::size_t offset, std::string message) {
    const LineCol lc = line_col_at(text, offset);
    result.errors.push_back(Diagnostic{label, lc.line, lc.column, "", std::move(message)});
    return result;
  };
  auto fail = [&](std::string path, std::string message) {
    result.errors.push_back(Diagnostic{label, 0, 0, std::move(path), std::move(message)});
    return result;
  };

  if (text.size() > kMaxFileBytes)
    return fail("", "File is " + std::to_string(text.size()) + " bytes, over the " +
                        std::to_string(kMaxFileBytes >> 20) + " MiB limit for a scene file; nothing was read");
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos)
    return fail_at(bad, "Text is not valid UTF-8 here; save the file as UTF-8");
  if (const std::size_t deep = too_deep_at(text, kMaxNestingDepth); deep != std::string_view::npos)
    return fail_at(deep, "Nesting is deeper than " + std::to_string(kMaxNestingDepth) +
                             " levels; a scene file never needs this many");

  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return fail("", text.empty() ? "The file is empty; a scene file is a JSON object starting with {"
                                 : "The file holds only blank space; a scene file is a JSON object starting with {");

  DuplicateKeyFinder dup;
  json root;
  try {
    root = json::parse(text.begin(), text.end(),
                       [&dup](int, nlohmann::json::parse_event_t ev, json& parsed) { return dup.on_event(ev, parsed); });
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    // nlohmann says "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
    if (auto colon = what.find(": "); colon != std::string::npos && what.find("parse error") < colon)
      what = what.substr(colon + 2);
    // nlohmann quotes the text it last read ("; last read: '...'"): that can be
    // the inside of a private note, so it never goes into a message.
    if (auto quoted_text = what.find("; last read:"); quoted_text != std::string::npos) what.erase(quoted_text);
    if ((what.find("expected '}'") != std::string::npos || what.find("expected ']'") != std::string::npos) &&
        what.find("unexpected") != std::string::npos && what.find("end of input") == std::string::npos)
      what += " (is a comma missing before this?)";
    if (what.find("control character") != std::string::npos)
      what += " (a line break or tab inside quoted text must be written as \\n or \\t)";
    if (!what.empty()) what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
    return fail_at(token_start(text, e.byte > 0 ? e.byte - 1 : 0), "JSON syntax: " + what);
  } catch (const json::out_of_range& e) {
    // nlohmann says "number overflow parsing '1e999'" without a position: find the token.
    const std::string what = e.what();
    std::size_t at = 0;
    if (auto q = what.find('\''); q != std::string::npos) {
      const std::string token = what.substr(q + 1, what.rfind('\'') - q - 1);
      if (auto found = text.find(token); found != std::string_view::npos) at = found;
    }
    return fail_at(at, "A number is too large to represent (it would be infinite); use an ordinary number");
  } catch (const json::exception& e) {
    return fail("", std::string("Cannot read the JSON: ") + e.what());
  }

  Reader r(label);
  for (const std::string& p : dup.duplicates)
    r.error(p, "Key appears twice in the same object; a JSON reader would silently keep only one value");

  if (!root.is_object()) return fail("", std::string("A scene file is a JSON object; this file holds ") + type_name(root));
  auto fmt = root.find("format");
  if (fmt == root.end() || !fmt->is_string() || fmt->get<std::string>() != kFormatName)
    return fail("/format", std::string("Not a ClosedSet scene: \"format\" must be \"") + kFormatName + "\"");
  auto ver = root.find("version");
  if (ver == root.end() || !ver->is_number_integer())
    return fail("/version", "Missing or non-whole \"version\"; this build reads version " +
                                std::to_string(kFormatVersion));
  const auto version = ver->get<std::int64_t>();
  if (version > kFormatVersion)
    return fail("/version", "This file is format version " + std::to_string(version) +
                                ", written by a newer ClosedSet; this build reads up to version " +
                                std::to_string(kFormatVersion) + ". Open it with a newer ClosedSet; nothing was changed");
  if (version < 1) return fail("/version", "Format version " + std::to_string(version) + " does not exist; versions start at 1");
  migrate(root, static_cast<int>(version));

  Document doc = read_document(r, root);
  result.errors = std::move(r.errors);
  result.suppressed = r.suppressed;
  std::vector<Diagnostic> semantic = validate(doc, label);
  const bool had_structural = !result.errors.empty();
  for (Diagnostic& d : semantic) {
    if (had_structural) {
      // A field the reader already refused would echo here as a knock-on problem.
      bool echo = false;
      for (const Diagnostic& e : result.errors)
        if (path_within(d.path, e.path) || path_within(e.path, d.path)) { echo = true; break; }
      if (echo) continue;
    }
    if (result.errors.size() >= kMaxDiagnostics) { ++result.suppressed; continue; }
    result.errors.push_back(std::move(d));
  }
  if (result.errors.empty()) result.document = std::move(doc);
  return result;
}

LoadResult load_scene_file(const std::filesystem::path& path) {
  LoadResult result;
  const std::string label = path.string();
  auto fail = [&](std::string message) {
    result.errors.push_back(Diagnostic{label, 0, 0, "", std::move(message)});
    return result;
  };
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return fail("No such file");
  if (!std::filesystem::is_regular_file(status)) return fail("Not a regular file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail("Cannot read the file's size: " + ec.message());
  if (size > kMaxFileBytes)
    return fail("File is " + std::to_string(size) + " bytes, over the " + std::to_string(kMaxFileBytes >> 20) +
                " MiB limit for a scene file; nothing was read");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(std::string("Cannot open the file: ") + std::strerror(errno));
  std::string text;
  text.resize(static_cast<std::size_t>(size));
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) return fail("The file changed size while it was being read");
  return load_scene_text(text, label);
}

std::vector<Diagnostic> validate(const Document& doc, std::string_view file) {
  Validator v(doc, std::string(file));
  v.run();
  return std::move(v.out);
}

namespace {

// nlohmann's dump puts every array element on its own line; a list of plain
// values (a position, a list of regions) reads better on one line, and still
// diffs well. Objects and long lists keep one entry per line. 2-space indent.
constexpr std::size_t kInlineListWidth = 100;

bool all_scalars(const json& a) {
  for (const json& e : a)
    if (e.is_structured()) return false;
  return true;
}

void dump_canonical(const json& j, std::string& out, int indent) {
  const auto scalar = [](const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::strict); };
  const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
  const std::string close_pad(static_cast<std::size_t>(indent), ' ');
  if (j.is_object()) {
    if (j.empty()) { out += "{}"; return; }
    out += "{\n";
    bool first = true;
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (!first) out += ",\n";
      first = false;
      out += pad + scalar(json(it.key())) + ": ";
      dump_canonical(it.value(), out, indent + 2);
    }
    out += "\n" + close_pad + "}";
  } else if (j.is_array()) {
    if (j.empty()) { out += "[]"; return; }
    if (all_scalars(j)) {
      std::string line = "[";
      for (std::size_t i = 0; i < j.size(); ++i) line += (i ? ", " : "") + scalar(j[i]);
      line += "]";
      if (line.size() + static_cast<std::size_t>(indent) <= kInlineListWidth) { out += line; return; }
    }
    out += "[\n";
    for (std::size_t i = 0; i < j.size(); ++i) {
      if (i) out += ",\n";
      out += pad;
      dump_canonical(j[i], out, indent + 2);
    }
    out += "\n" + close_pad + "]";
  } else {
    out += scalar(j);
  }
}

}  // namespace

std::string save_scene_text(const Document& doc) {
  std::string out;
  dump_canonical(write_document(doc), out, 0);
  out += "\n";
  return out;
}

// ---------------------------------------------------------------------------
// [SECTION] Atomic file writing

namespace {

std::string errno_text(const char* what, const std::filesystem::path& p) {
  return std::string(what) + " " + p.string() + ": " + std::strerror(errno);
}

bool write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) { errno = ENOSPC; return false; }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool copy_file_durably(const std::filesystem::path& from, const std::filesystem::path& to, std::string& error) {
  std::ifstream in(from, std::ios::binary);
  if (!in) { error = errno_text("Cannot read", from); return false; }
  std::ostringstream buf;
  buf << in.rdbuf();
  SaveResult r = write_file_atomic(to, buf.str(), false);
  if (!r.ok) error = r.error;
  return r.ok;
}

}  // namespace

SaveResult write_file_atomic(const std::filesystem::path& given, std::string_view bytes, bool keep_backup) {
  SaveResult result;
  namespace fs = std::filesystem;
  // A symbolic link is written through: the file it points to is replaced (and
  // its backup kept beside it), and the link stays a link.
  fs::path path = given;
  {
    std::error_code lec;
    if (fs::is_symlink(given, lec)) {
      path = fs::canonical(given, lec);
      if (lec) {
        result.error = given.string() + " is a link to a file that does not exist; nothing was written";
        return result;
      }
    }
  }
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const std::string name = path.filename().string();
  if (name.empty()) { result.error = "No file name in " + path.string(); return result; }

  std::error_code ec;
  if (!fs::is_directory(dir, ec)) { result.error = "Folder " + dir.string() + " does not exist"; return result; }
  const bool existed = fs::exists(path, ec);
  if (existed && !fs::is_regular_file(path, ec)) {
    result.error = path.string() + " exists and is not a regular file; nothing was written";
    return result;
  }

  std::string tmpl = (dir / ("." + name + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) { result.error = errno_text("Cannot create a temporary file beside", path); return result; }
  const fs::path tmp = tmpl;
  auto abandon = [&](std::string why) {
    ::close(fd);
    ::unlink(tmp.c_str());
    result.error = std::move(why) + "; " + path.string() + " was not changed";
    return result;
  };

  // Keep the permissions of the file we replace; a new scene file is private to its owner
  // (it holds boundaries and notes), so it starts as 0600 (mkstemp's mode).
  struct stat st {};
  if (existed && ::stat(path.c_str(), &st) == 0) ::fchmod(fd, st.st_mode & 07777);

  if (!write_all(fd, bytes)) return abandon(errno_text("Cannot write", tmp));
  if (::fsync(fd) != 0) return abandon(errno_text("Cannot flush to disk", tmp));
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    result.error = errno_text("Cannot close", tmp) + "; " + path.string() + " was not changed";
    return result;
  }

  if (existed && keep_backup) {
    const fs::path bak = path.string() + ".bak";
    ::unlink(bak.c_str());
    // A hard link keeps the old bytes under the backup name at no cost; where
    // the file system has no links, copy them.
    if (::link(path.c_str(), bak.c_str()) != 0) {
      std::string err;
      if (!copy_file_durably(path, bak, err)) {
        ::unlink(tmp.c_str());
        result.error = "Cannot keep a backup of the previous version (" + err + "); " + path.string() + " was not changed";
        return result;
      }
    }
    result.backup = bak;
  }

  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = errno_text("Cannot rename the new file over", path);
    ::unlink(tmp.c_str());
    result.error = why + "; it was not changed";
    return result;
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);  // make the rename itself durable
    ::close(dfd);
  }
  result.ok = true;
  return result;
}

SaveResult save_scene_file(const Document& doc, const std::filesystem::path& path) {
  std::string text;
  try {
    text = save_scene_text(doc);
  } catch (const nlohmann::json::exception& e) {
    SaveResult r;
    r.error = std::string("Cannot write the scene as JSON (") + e.what() + "); nothing was written";
    return r;
  }
  return write_file_atomic(path, text, true);
}

}  // namespace cs
