// format.cpp — reading and writing `closedset-scene` files (the bytes; save.cpp
// puts them on disk). What a valid scene
// is (ranges, references, order) is validate.cpp's: the reader checks only the
// file's structure (JSON, keys, types, vocabulary words) and then calls validate().
//
// [SECTION] Text checks: size, UTF-8, nesting, duplicate keys, syntax
// [SECTION] Reader: JSON → Document, every problem with its JSON path
// [SECTION] Migration of older versions
// [SECTION] Writer: Document → canonical JSON
#include "notation/format.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace cs {

using json = nlohmann::ordered_json;

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

// Finds object keys that appear twice, which JSON parsers otherwise resolve by
// silently keeping one value: a SAX handler (nlohmann::json::sax_parse) that
// tracks the JSON path and builds nothing. It runs as a pass of its own after
// the parse, not as nlohmann's parse callback: in nlohmann 3.11.2 (Debian 12)
// the callback parser scans the whole enclosing array at the end of every
// object for discarded values, so 100 000 beats took seconds and 400 000 tens
// of seconds (issue 16). Two linear passes instead (bench/bench_load.cpp).
class DuplicateKeyFinder {
 public:
  std::vector<std::string> duplicates;  // JSON paths

  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(json::number_integer_t) { return value(); }
  bool number_unsigned(json::number_unsigned_t) { return value(); }
  bool number_float(json::number_float_t, const std::string&) { return value(); }
  bool string(std::string&) { return value(); }
  bool binary(json::binary_t&) { return value(); }
  bool start_object(std::size_t) { return push(false); }
  bool start_array(std::size_t) { return push(true); }
  bool key(std::string& k) {
    Frame& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(f.key).second) duplicates.push_back(path());
    return true;
  }
  bool end_object() { return end(); }
  bool end_array() { return end(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  struct Frame {
    bool is_array = false;
    std::size_t index = 0;
    std::string key;
    std::set<std::string> keys;
  };
  std::vector<Frame> frames_;

  bool value() {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
    return true;
  }
  bool end() {
    if (!frames_.empty()) frames_.pop_back();
    return value();
  }
  bool push(bool is_array) {
    Frame f;
    f.is_array = is_array;
    frames_.push_back(std::move(f));
    return true;
  }
  std::string path() const {
    std::string p;
    for (const Frame& f : frames_)
      p += "/" + (f.is_array ? std::to_string(f.index) : pointer_token(f.key));
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
        error(path + "/" + pointer_token(it.key()),
              "Unknown key " + quoted_text(it.key()) + " in " + std::string(what) +
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

  // A number's type only; whether it is in range is validate()'s rule.
  bool number_value(const json& j, const std::string& path, double& out) {
    if (!j.is_number()) { error(path, std::string("Expected a number, found ") + type_name(j)); return false; }
    out = j.get<double>();
    return true;
  }

  void number(const json& obj, const std::string& path, const char* key, double& out, bool required,
              std::string_view what) {
    const json* j = field(obj, path, key, required, what);
    if (j) number_value(*j, path + "/" + key, out);
  }

  // A whole number that fits an int; its range is validate()'s rule.
  void integer(const json& obj, const std::string& path, const char* key, int& out, bool required,
               std::string_view what) {
    const json* j = field(obj, path, key, required, what);
    if (!j) return;
    const std::string p = path + "/" + key;
    if (!j->is_number_integer()) {
      error(p, std::string("Expected a whole number, found ") + (j->is_number() ? "a fraction" : type_name(*j)));
      return;
    }
    const bool fits = j->is_number_unsigned() ? j->get<std::uint64_t>() <= static_cast<std::uint64_t>(INT_MAX)
                                              : j->get<std::int64_t>() >= INT_MIN && j->get<std::int64_t>() <= INT_MAX;
    if (!fits) { error(p, "Number " + j->dump() + " is far too large here"); return; }
    out = j->get<int>();
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
    std::string msg = quoted_text(w) + " is not a " + std::string(Vocab<E>::what);
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
      if (word_value((*j)[i], p + "/" + std::to_string(i), e)) out.push_back(e);  // repeats: validate()
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

  bool vec_value(const json& j, const std::string& path, double* out, std::size_t n) {
    if (!j.is_array() || j.size() != n) {
      error(path, "Expected a list of " + std::to_string(n) + " numbers, found " +
                      (j.is_array() ? "a list of " + std::to_string(j.size()) : std::string(type_name(j))));
      return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < n; ++i) ok &= number_value(j[i], path + "/" + std::to_string(i), out[i]);
    return ok;
  }

  void vec3(const json& obj, const std::string& path, const char* key, Vec3& out, bool required,
            std::string_view what) {
    const json* j = field(obj, path, key, required, what);
    if (j) vec_value(*j, path + "/" + key, out.data(), 3);
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
  r.number(j, p, "height_m", pf.height_m, false, what);
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
  r.vec3(j, p, "size", pr.size, true, what);
  r.vec3(j, p, "position", pr.position, true, what);
  r.vec3(j, p, "rotation", pr.rotation, false, what);
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
    r.vec_value(*s, p + "/sensor_mm", c.sensor_mm.data(), 2);
  r.number(j, p, "focal_mm", c.focal_mm, true, what);
  r.number(j, p, "aspect", c.aspect, true, what);
  r.word(j, p, "fit", c.fit, true, what);
  r.vec3(j, p, "position", c.position, true, what);
  r.vec3(j, p, "target", c.target, true, what);
  r.number(j, p, "roll_deg", c.roll_deg, false, what);
  r.list(j, p, "moves", false, what, [&](const json& e, const std::string& ep) {
    CameraMove m;
    constexpr std::string_view mw = "a camera move";
    if (!r.object(e, ep, {"count", "position", "target", "focal_mm"}, mw)) return;
    r.number(e, ep, "count", m.count, true, mw);
    r.vec3(e, ep, "position", m.position, true, mw);
    r.vec3(e, ep, "target", m.target, true, mw);
    if (e.contains("focal_mm")) {
      double f = 0;
      if (r.number_value(e["focal_mm"], ep + "/focal_mm", f)) m.focal_mm = f;
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
      r.vec3(*root, rp, "position", pose.root_position, false, "a pose root");
      r.vec3(*root, rp, "rotation", pose.root_rotation, false, "a pose root");
    }
  }
  if (const json* joints = r.field(j, p, "joints", false, what)) {
    const std::string jp = p + "/joints";
    if (!joints->is_object()) {
      r.error(jp, std::string("Expected an object of joint rotations, found ") + type_name(*joints));
    } else {
      for (auto it = joints->begin(); it != joints->end(); ++it) {
        const std::string ep = jp + "/" + pointer_token(it.key());
        JointRotation jr;
        auto joint = vocab_parse<Joint>(it.key());
        if (!joint) {
          r.error(ep, quoted_text(it.key()) + " is not a joint" + did_you_mean(it.key(), Vocab<Joint>::names) +
                          "; joints are " + vocab_list<Joint>());
          continue;
        }
        jr.joint = *joint;
        if (r.vec_value(it.value(), ep, jr.degrees.data(), 3)) pose.joints.push_back(jr);
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
  r.number(j, p, "start_count", b.start_count, true, what);
  r.number(j, p, "length_counts", b.length_counts, true, what);
  r.string(j, p, "label", b.label, false, what);
  r.string(j, p, "action", b.action, false, what);
  r.boolean(j, p, "placeholder", b.placeholder, false, what);
  if (const json* poses = r.field(j, p, "poses", false, what)) {
    const std::string pp = p + "/poses";
    if (!poses->is_object()) {
      r.error(pp, std::string("Expected an object keyed by performer id, found ") + type_name(*poses));
    } else {
      for (auto it = poses->begin(); it != poses->end(); ++it)
        b.poses.push_back(read_pose(r, it.key(), it.value(), pp + "/" + pointer_token(it.key())));
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
    r.number(e, ep, "count", n.count, true, nw);
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
          if (r.vec_value((*t)["point"], tp + "/point", v.data(), 3)) y.target.point = v;
        }
        // Which of them it names, exactly one, is validate()'s rule.
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
  if (!r.object(j, p, {"setup", "number", "camera", "lens_mm", "status", "choreography_version", "date", "note",
                       "deviations"}, what))
    return t;
  r.string(j, p, "setup", t.setup, false, what);
  r.integer(j, p, "number", t.number, true, what);
  r.id(j, p, "camera", t.camera, true, what);
  if (const json* lens = r.field(j, p, "lens_mm", false, what)) {
    double mm = 0;
    if (r.number_value(*lens, p + "/lens_mm", mm)) t.lens_mm = mm;
  }
  r.word(j, p, "status", t.status, true, what);
  r.integer(j, p, "choreography_version", t.choreography_version, true, what);
  r.string(j, p, "date", t.date, false, what);
  r.string(j, p, "note", t.note, false, what);
  r.list(j, p, "deviations", false, what, [&](const json& e, const std::string& ep) {
    Deviation d;
    if (!r.object(e, ep, {"beat", "kind", "note", "beat_removed_in"}, "a deviation")) return;
    r.id(e, ep, "beat", d.beat, true, "a deviation");
    if (const json* k = r.field(e, ep, "kind", false, "a deviation")) {
      DeviationKind kind{};
      if (r.word_value(*k, ep + "/kind", kind)) d.kind = kind;
    }
    r.string(e, ep, "note", d.note, true, "a deviation");
    r.integer(e, ep, "beat_removed_in", d.beat_removed_in, false, "a deviation");
    t.deviations.push_back(std::move(d));
  });
  return t;
}

// An issued version: what the choreography was (its beats, garments, props and cameras).
ChoreographyVersion read_version(Reader& r, const json& j, const std::string& p) {
  ChoreographyVersion v;
  constexpr std::string_view what = "an issued version";
  if (!r.object(j, p, {"version", "date", "summary", "tempo_bpm", "cast", "beats", "garments", "props", "cameras"}, what))
    return v;
  r.integer(j, p, "version", v.version, true, what);
  r.string(j, p, "date", v.date, false, what);
  r.string(j, p, "summary", v.summary, false, what);
  r.number(j, p, "tempo_bpm", v.tempo_bpm, true, what);
  r.list(j, p, "cast", false, what, [&](const json& e, const std::string& ep) {
    CastBody c;
    constexpr std::string_view cw = "a performer of an issued version's cast";
    if (!r.object(e, ep, {"performer", "height_m", "build"}, cw)) return;
    r.id(e, ep, "performer", c.performer, true, cw);
    r.number(e, ep, "height_m", c.height_m, true, cw);
    r.word(e, ep, "build", c.build, true, cw);
    v.cast.push_back(std::move(c));
  });
  r.list(j, p, "beats", true, what, [&](const json& e, const std::string& ep) { v.beats.push_back(read_beat(r, e, ep)); });
  r.list(j, p, "garments", false, what,
         [&](const json& e, const std::string& ep) { v.garments.push_back(read_garment(r, e, ep)); });
  r.list(j, p, "props", false, what, [&](const json& e, const std::string& ep) { v.props.push_back(read_prop(r, e, ep)); });
  r.list(j, p, "cameras", false, what,
         [&](const json& e, const std::string& ep) { v.cameras.push_back(read_camera(r, e, ep)); });
  return v;
}

// ---------------------------------------------------------------------------
// [SECTION] Migration
//
// Version N-1 → N steps go here, in order, each a function on the raw JSON.
// A file without a version, or with version 0 or less, is refused.
// 1 → 2 added only what is optional (issued versions, confirmations, setups,
// lenses and dates of takes, kinds of deviations): a version 1 file reads as it is.
using MigrationStep = void (*)(json& root);
constexpr MigrationStep kMigrations[] = {nullptr, nullptr};  // index v: from version v to v+1 (none below 1)
static_assert(std::size(kMigrations) == kFormatVersion, "one migration step per version");

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
    if (r.object(*c, cp, {"version", "status", "tempo_bpm", "beats", "history", "confirmations"}, cw)) {
      r.integer(*c, cp, "version", d.choreography.version, false, cw);
      r.word(*c, cp, "status", d.choreography.status, false, cw);
      r.number(*c, cp, "tempo_bpm", d.choreography.tempo_bpm, true, cw);
      r.list(*c, cp, "beats", true, cw, [&](const json& e, const std::string& ep) {
        d.choreography.beats.push_back(read_beat(r, e, ep));
      });
      r.list(*c, cp, "history", false, cw, [&](const json& e, const std::string& ep) {
        d.choreography.history.push_back(read_version(r, e, ep));
      });
      r.list(*c, cp, "confirmations", false, cw, [&](const json& e, const std::string& ep) {
        Confirmation k;
        constexpr std::string_view kw = "a confirmation";
        if (!r.object(e, ep, {"performer", "version", "date", "saw_sheet"}, kw)) return;
        r.id(e, ep, "performer", k.performer, true, kw);
        r.integer(e, ep, "version", k.version, true, kw);
        r.string(e, ep, "date", k.date, true, kw);
        r.boolean(e, ep, "saw_sheet", k.saw_sheet, false, kw);
        d.choreography.confirmations.push_back(std::move(k));
      });
    }
  }
  r.list(root, p, "takes", false, "a scene file",
         [&](const json& e, const std::string& ep) { d.takes.push_back(read_take(r, e, ep)); });
  return d;
}

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

json write_garment(const Garment& g) {
  json j;
  j["id"] = g.id;
  j["wearer"] = g.wearer;
  j["label"] = g.label;
  j["kind"] = word(g.kind);
  j["covers"] = words_json(g.covers);
  j["camera"] = word(g.camera);
  j["worn"] = g.worn;
  return j;
}

json write_prop(const Prop& p) {
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
  return j;
}

json write_camera(const Camera& c) {
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
  return j;
}

json write_beat(const Beat& b) {
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
  return j;
}

template <class T> json write_list(const std::vector<T>& items, json (*write)(const T&)) {
  json a = json::array();
  for (const T& item : items) a.push_back(write(item));
  return a;
}

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
  root["garments"] = write_list(d.garments, &write_garment);
  root["props"] = write_list(d.props, &write_prop);
  root["cameras"] = write_list(d.cameras, &write_camera);
  json ch;
  ch["version"] = d.choreography.version;
  ch["status"] = word(d.choreography.status);
  ch["tempo_bpm"] = number(d.choreography.tempo_bpm);
  ch["beats"] = write_list(d.choreography.beats, &write_beat);
  // Version 2: issued versions and confirmations, written only when there are any.
  if (!d.choreography.history.empty()) {
    ch["history"] = json::array();
    for (const ChoreographyVersion& v : d.choreography.history) {
      json vj;
      vj["version"] = v.version;
      vj["date"] = v.date;
      vj["summary"] = v.summary;
      vj["tempo_bpm"] = number(v.tempo_bpm);
      vj["cast"] = json::array();
      for (const CastBody& c : v.cast)
        vj["cast"].push_back({{"performer", c.performer}, {"height_m", number(c.height_m)}, {"build", word(c.build)}});
      vj["beats"] = write_list(v.beats, &write_beat);
      vj["garments"] = write_list(v.garments, &write_garment);
      vj["props"] = write_list(v.props, &write_prop);
      vj["cameras"] = write_list(v.cameras, &write_camera);
      ch["history"].push_back(std::move(vj));
    }
  }
  if (!d.choreography.confirmations.empty()) {
    ch["confirmations"] = json::array();
    for (const Confirmation& c : d.choreography.confirmations)
      ch["confirmations"].push_back(
          {{"performer", c.performer}, {"version", c.version}, {"date", c.date}, {"saw_sheet", c.saw_sheet}});
  }
  root["choreography"] = std::move(ch);
  json takes = json::array();
  for (const Take& t : d.takes) {
    json j;
    if (!t.setup.empty()) j["setup"] = t.setup;
    j["number"] = t.number;
    j["camera"] = t.camera;
    if (t.lens_mm) j["lens_mm"] = number(*t.lens_mm);
    j["status"] = word(t.status);
    j["choreography_version"] = t.choreography_version;
    if (!t.date.empty()) j["date"] = t.date;
    j["note"] = t.note;
    j["deviations"] = json::array();
    for (const Deviation& dv : t.deviations) {
      json dj = {{"beat", dv.beat}};
      if (dv.kind) dj["kind"] = word(*dv.kind);
      dj["note"] = dv.note;
      if (dv.beat_removed_in > 0) dj["beat_removed_in"] = dv.beat_removed_in;
      j["deviations"].push_back(std::move(dj));
    }
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
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    // nlohmann says "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
    if (auto colon = what.find(": "); colon != std::string::npos && what.find("parse error") < colon)
      what = what.substr(colon + 2);
    // nlohmann quotes the text it last read ("; last read: '...'"): that can be
    // the inside of a private note, so it never goes into a message.
    if (auto last_read = what.find("; last read:"); last_read != std::string::npos) what.erase(last_read);
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

  // The text is valid JSON by now: the duplicate-key pass reads it again, building nothing.
  json::sax_parse(text.begin(), text.end(), &dup);
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
  if (text.starts_with(kSealMagic))
    return fail("This scene is sealed (encrypted with a passphrase): the editor asks for the passphrase; on the "
                "command line, give it with --passphrase-file PASSFILE (a file whose first line is the passphrase)");
  return load_scene_text(text, label);
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

namespace {

// An upper bound of a document's saved size, without writing it: every text
// as if each byte were escaped (\u00XX, 6 bytes), and a generous allowance for
// the keys, numbers and indentation of each item of every list.
std::size_t saved_size_bound(const Document& d) {
  constexpr std::size_t kPerItem = 4096;  // a pose (19 joints of 3 numbers) is the largest item, about 1.6 KB
  std::size_t text = d.scene.title.size() + d.scene.number.size() + d.scene.pages.size() + d.scene.story.size() +
                     d.safety.pause_word.size() + d.safety.response.size();
  std::size_t items = 1;
  auto strings = [&](const std::vector<std::string>& v) { for (const std::string& s : v) text += s.size() + 8; };
  for (const Performer& p : d.performers) {
    text += p.id.size() + p.actor.size() + p.character.size() + p.private_note.size();
    items += 1 + p.tiers.size() + p.boundaries.size() + p.exposure.size();
    for (const Boundary& b : p.boundaries) { text += b.conditions.size(); strings(b.partners); }
    for (const Exposure& x : p.exposure) text += x.conditions.size();
  }
  auto garments = [&](const std::vector<Garment>& list) {
    for (const Garment& g : list) { text += g.id.size() + g.wearer.size() + g.label.size(); ++items; }
  };
  auto props = [&](const std::vector<Prop>& list) {
    for (const Prop& p : list) { text += p.id.size() + p.label.size() + p.owner.size() + p.mesh.size(); ++items; }
  };
  auto cameras = [&](const std::vector<Camera>& list) {
    for (const Camera& c : list) { text += c.id.size() + c.label.size(); items += 1 + c.moves.size(); }
  };
  auto beats = [&](const std::vector<Beat>& list) {
  for (const Beat& b : list) {
    text += b.id.size() + b.label.size() + b.action.size() + b.camera_notes.size();
    items += 1 + b.poses.size() + b.contacts.size() + b.breath.size() + b.eyelines.size() + b.garment_changes.size() +
             b.masking.size();
    for (const Pose& p : b.poses) text += p.performer.size();
    for (const Contact& c : b.contacts) text += c.giver.size() + c.receiver.size() + c.garment.size() + c.barrier.size();
    for (const BreathNote& n : b.breath) text += n.performer.size();
    for (const Eyeline& y : b.eyelines) text += y.performer.size() + y.target.performer.size() + y.target.camera.size();
    for (const GarmentChange& g : b.garment_changes) text += g.garment.size();
    for (const MaskingNote& m : b.masking) text += m.camera.size() + m.performer.size() + m.by.size();
  }
  };
  garments(d.garments);
  props(d.props);
  cameras(d.cameras);
  beats(d.choreography.beats);
  for (const ChoreographyVersion& v : d.choreography.history) {
    text += v.date.size() + v.summary.size();
    ++items;
    garments(v.garments);
    props(v.props);
    cameras(v.cameras);
    beats(v.beats);
  }
  for (const Confirmation& c : d.choreography.confirmations) { text += c.performer.size() + c.date.size(); ++items; }
  for (const Take& t : d.takes) {
    text += t.setup.size() + t.camera.size() + t.date.size() + t.note.size();
    items += 1 + t.deviations.size();
    for (const Deviation& dv : t.deviations) text += dv.beat.size() + dv.note.size();
  }
  return 6 * text + kPerItem * items;
}

}  // namespace

std::string save_size_problem(const Document& doc) {
  if (saved_size_bound(doc) <= kMaxFileBytes) return "";
  std::size_t size = 0;
  try {
    size = save_scene_text(doc).size();
  } catch (const nlohmann::json::exception&) {
    return "The scene cannot be written as JSON";
  }
  if (size <= kMaxFileBytes) return "";
  return "The scene would be " + std::to_string(size) + " bytes, over the " + std::to_string(kMaxFileBytes >> 20) +
         " MiB a scene file may hold, so it could not be opened again";
}

}  // namespace cs
