// validate.cpp — the rules of a valid scene (validate.hpp), for loads and edits alike.
//
// [SECTION] Number rules
// [SECTION] The validator: ids, references, numbers, lists, texts
// [SECTION] Per part: performers, garments, props, cameras, beats, takes
#include "notation/validate.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "notation/conventions.hpp"
#include "notation/document.hpp"
#include "notation/phrasing.hpp"

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] Number rules

bool NumberRule::allows(double v) const {
  if (!std::isfinite(v)) return false;
  const bool low = min_exclusive ? v <= min : v < min;
  return !low && v <= max;
}

std::string NumberRule::refusal(double v) const {
  const std::string u = unit.empty() ? std::string() : (unit == "°" ? std::string(unit) : " " + std::string(unit));
  if (!std::isfinite(v)) return std::string(what) + " is not a finite number (NaN or infinity); give an ordinary number";
  std::string out = std::string(what) + " of " + number_text(v) + u + " is out of range: it must be ";
  out += min_exclusive ? "more than " + number_text(min) + u + " and at most " + number_text(max) + u
                       : "from " + number_text(min) + " to " + number_text(max) + u;
  return out;
}

std::string IntRule::refusal(long long v) const {
  return std::string(what) + " of " + std::to_string(v) + " is out of range: it must be from " + std::to_string(min) +
         " to " + std::to_string(max);
}

namespace {

// ---------------------------------------------------------------------------
// [SECTION] The validator

std::string index_path(const std::string& base, std::size_t i) { return base + "/" + std::to_string(i); }

// "2026-12-02": four digits, two, two; a month 1–12 and a day that month has.
bool is_iso_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  const int y = std::stoi(std::string(d.substr(0, 4))), m = std::stoi(std::string(d.substr(5, 2))),
            day = std::stoi(std::string(d.substr(8, 2)));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || day < 1 || day > kDays[m - 1]) return false;
  return !(m == 2 && day == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0)));
}

// Setup letters: slate letters (conventions.hpp), at most three; "" is no setup.
bool is_setup_letters(std::string_view s) { return s.size() <= 3 && is_slate_letters(s); }

class Validator {
 public:
  Validator(const Document& d, std::string file) : doc_(d), file_(std::move(file)) {}
  std::vector<Diagnostic> problems;

  // The rules of one beat's pose keys alone (validate_pose_keys).
  void run_pose_keys(std::size_t beat) {
    integer(doc_.choreography.version, rules::version, "/choreography/version");
    if (beat < doc_.choreography.beats.size())
      poses(doc_.choreography.beats[beat], index_path("/choreography/beats", beat));
  }

  void run() {
    top_level_lists();
    for (std::size_t i = 0; i < doc_.performers.size(); ++i) performer(doc_.performers[i], index_path("/performers", i));
    for (std::size_t i = 0; i < doc_.garments.size(); ++i) garment(doc_.garments[i], index_path("/garments", i));
    for (std::size_t i = 0; i < doc_.props.size(); ++i) prop(doc_.props[i], index_path("/props", i));
    for (std::size_t i = 0; i < doc_.cameras.size(); ++i) camera(doc_.cameras[i], index_path("/cameras", i));
    choreography();
    takes();
    texts_of_scene();
  }

 private:
  const Document& doc_;
  std::string file_;
  // False while checking an issued version: what it named may have gone since.
  bool references_ = true;

  void problem(std::string path, std::string message) {
    if (problems.size() >= kMaxDiagnostics) return;
    problems.push_back(Diagnostic{file_, 0, 0, std::move(path), std::move(message)});
  }

  // [SECTION] Primitive rules

  void number(double v, const NumberRule& rule, const std::string& path) {
    if (!rule.allows(v)) problem(path, rule.refusal(v));
  }
  void vec(const Vec3& v, const NumberRule& rule, const std::string& path) {
    for (std::size_t i = 0; i < 3; ++i) number(v[i], rule, index_path(path, i));
  }
  void integer(long long v, const IntRule& rule, const std::string& path) {
    if (!rule.allows(v)) problem(path, rule.refusal(v));
  }

  // Free text: valid UTF-8 (the file is UTF-8) and not longer than a text can be.
  void text(const std::string& s, const std::string& path) {
    if (first_invalid_utf8(s) != std::string::npos)
      problem(path, "Text is not valid UTF-8; it cannot be saved as it is");
    else if (s.size() > rules::kMaxTextBytes)
      problem(path, "Text is " + std::to_string(s.size()) + " bytes long, over the limit of " +
                        std::to_string(rules::kMaxTextBytes) + "; shorten it");
  }

  // An id of an item in a list (or a reference to one): non-empty, short, printable.
  void id(const std::string& v, const std::string& path, std::string_view what) {
    if (v.empty()) {
      std::string w(what);
      if (!w.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      problem(path, w + " needs a non-empty id");
      return;
    }
    if (first_invalid_utf8(v) != std::string::npos) { problem(path, "Id is not valid UTF-8"); return; }
    if (v.size() > rules::kMaxIdBytes)
      problem(path, "Id " + quoted_text(v) + " is longer than " + std::to_string(rules::kMaxIdBytes) +
                        " bytes; ids are short names");
    for (unsigned char c : v)
      if (c < 0x20 || c == 0x7f) { problem(path, "Id " + quoted_text(v) + " contains a control character"); break; }
  }

  template <class T> void unique_ids(const std::vector<T>& list, const std::string& path, std::string_view what) {
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string ip = index_path(path, i) + "/id";
      id(list[i].id, ip, what);
      if (list[i].id.empty()) continue;
      auto [it, fresh] = seen.emplace(list[i].id, i);
      if (!fresh)
        problem(ip, "Duplicate id " + quoted_text(list[i].id) + ": the " + std::string(what) + " at " +
                        index_path(path, it->second) + " already uses it; ids must be unique in their list");
    }
  }

  template <class T> bool within(const std::vector<T>& list, std::size_t limit, const std::string& path,
                                 std::string_view what) {
    if (list.size() <= limit) return true;
    problem(path, "There are " + std::to_string(list.size()) + " " + std::string(what) + "; at most " +
                      std::to_string(limit) + " are allowed");
    return false;
  }

  // A vocabulary word: one the file format knows (an edit could hold any value of the enum's type).
  template <class E> bool word(E v, const std::string& path) {
    if (static_cast<std::size_t>(v) < vocab_size<E>()) return true;
    problem(path, "Not a known " + std::string(Vocab<E>::what) + " (value " +
                      std::to_string(static_cast<unsigned>(v)) + ")");
    return false;
  }

  // A list of vocabulary words: each known, each at most once.
  template <class E> void no_repeats(const std::vector<E>& list, const std::string& path) {
    within(list, rules::kMaxPerList, path, "entries");
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (!word(list[i], index_path(path, i))) continue;
      for (std::size_t k = 0; k < i; ++k)
        if (list[k] == list[i]) {
          problem(index_path(path, i), quoted_text(vocab_name(list[i])) + " is listed twice");
          break;
        }
    }
  }

  template <class T> std::string known(const std::vector<T>& list) {
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

  // A required reference to a performer.
  void performer_ref(const std::string& ref, const std::string& path, std::string_view role) {
    if (ref.empty()) { problem(path, "Name " + std::string(role) + " (a performer's id)"); return; }
    if (references_ && !doc_.performer(ref))
      problem(path, "Unknown performer " + quoted_text(ref) + " as " + std::string(role) + known(doc_.performers));
  }
  void camera_ref(const std::string& ref, const std::string& path) {
    if (ref.empty()) { problem(path, "Name a camera (its id)"); return; }
    if (references_ && !doc_.camera(ref)) problem(path, "Unknown camera " + quoted_text(ref) + known(doc_.cameras));
  }

  // [SECTION] Per part

  void top_level_lists() {
    within(doc_.performers, rules::kMaxPerformers, "/performers", "performers");
    within(doc_.garments, rules::kMaxGarments, "/garments", "garments");
    within(doc_.props, rules::kMaxProps, "/props", "props");
    within(doc_.cameras, rules::kMaxCameras, "/cameras", "cameras");
    within(doc_.choreography.beats, rules::kMaxBeats, "/choreography/beats", "beats");
    within(doc_.takes, rules::kMaxTakes, "/takes", "takes");
    unique_ids(doc_.performers, "/performers", "performer");
    unique_ids(doc_.garments, "/garments", "garment");
    unique_ids(doc_.props, "/props", "prop");
    unique_ids(doc_.cameras, "/cameras", "camera");
    unique_ids(doc_.choreography.beats, "/choreography/beats", "beat");
    // Props and performers share a namespace where a masking note's "by" may name either.
    for (std::size_t i = 0; i < doc_.props.size(); ++i)
      if (!doc_.props[i].id.empty() && doc_.performer(doc_.props[i].id))
        problem(index_path("/props", i) + "/id", "Prop id " + quoted_text(doc_.props[i].id) +
                                                     " is also a performer's id; masking notes name either, so they must differ");
  }

  void texts_of_scene() {
    text(doc_.scene.title, "/scene/title");
    text(doc_.scene.number, "/scene/number");
    text(doc_.scene.pages, "/scene/pages");
    text(doc_.scene.story, "/scene/story");
    text(doc_.safety.pause_word, "/safety/pause_word");
    text(doc_.safety.response, "/safety/response");
  }

  void performer(const Performer& pf, const std::string& p) {
    text(pf.actor, p + "/actor");
    text(pf.character, p + "/character");
    text(pf.private_note, p + "/private_note");
    number(pf.height_m, rules::height, p + "/height_m");
    word(pf.build, p + "/build");
    within(pf.tiers, rules::kMaxPerList, p + "/tiers", "tier entries");
    for (std::size_t k = 0; k < pf.tiers.size(); ++k) {
      const TierRaise& t = pf.tiers[k];
      const std::string tp = index_path(p + "/tiers", k);
      if (!word(t.region, tp + "/region") || !word(t.tier, tp + "/tier")) continue;
      if (t.tier < default_tier(t.region))
        problem(index_path(p + "/tiers", k) + "/tier",
                "A tier can be raised, not lowered: " + std::string(vocab_name(t.region)) + " is " +
                    std::string(vocab_name(default_tier(t.region))) + " by default");
    }
    within(pf.boundaries, rules::kMaxPerList, p + "/boundaries", "boundary lines");
    for (std::size_t k = 0; k < pf.boundaries.size(); ++k) {
      const Boundary& b = pf.boundaries[k];
      const std::string bp = index_path(p + "/boundaries", k);
      word(b.direction, bp + "/direction");
      word(b.region, bp + "/region");
      word(b.layer, bp + "/layer");
      word(b.state, bp + "/state");
      within(b.partners, rules::kMaxPerList, bp + "/partners", "partners");
      for (std::size_t m = 0; m < b.partners.size(); ++m) {
        const std::string mp = index_path(bp + "/partners", m);
        performer_ref(b.partners[m], mp, "a partner");
        if (b.partners[m] == pf.id) problem(mp, "A performer cannot be their own partner in a boundary");
        for (std::size_t q = 0; q < m; ++q)
          if (b.partners[q] == b.partners[m]) { problem(mp, quoted_text(b.partners[m]) + " is listed twice"); break; }
      }
      no_repeats(b.contact, bp + "/contact");
      text(b.conditions, bp + "/conditions");
    }
    within(pf.exposure, rules::kMaxPerList, p + "/exposure", "exposure lines");
    for (std::size_t k = 0; k < pf.exposure.size(); ++k) {
      const Exposure& x = pf.exposure[k];
      const std::string xp = index_path(p + "/exposure", k);
      word(x.state, xp + "/state");
      if (x.regions.empty()) problem(xp + "/regions", "An exposure agreement must name at least one region");
      if (x.views.empty()) problem(xp + "/views", "An exposure agreement must name at least one view (or \"any\")");
      no_repeats(x.regions, xp + "/regions");
      no_repeats(x.views, xp + "/views");
      text(x.conditions, xp + "/conditions");
    }
  }

  void garment(const Garment& g, const std::string& p) {
    performer_ref(g.wearer, p + "/wearer", "the wearer");
    text(g.label, p + "/label");
    word(g.kind, p + "/kind");
    word(g.camera, p + "/camera");
    if (g.covers.empty()) problem(p + "/covers", "A garment must cover at least one region");
    no_repeats(g.covers, p + "/covers");
  }

  void prop(const Prop& pr, const std::string& p) {
    text(pr.label, p + "/label");
    text(pr.mesh, p + "/mesh");
    if (!word(pr.shape, p + "/shape")) return;
    vec(pr.size, rules::prop_size, p + "/size");
    vec(pr.position, rules::coordinate, p + "/position");
    vec(pr.rotation, rules::angle, p + "/rotation");
    if (!pr.owner.empty()) performer_ref(pr.owner, p + "/owner", "the owner");
    if (pr.shape == PropShape::mesh && pr.mesh.empty())
      problem(p + "/mesh", "A prop of shape \"mesh\" needs \"mesh\": the path of a glTF, GLB, OBJ or FBX file");
    if (pr.shape != PropShape::mesh && !pr.mesh.empty())
      problem(p + "/mesh", "\"mesh\" is only for props of shape \"mesh\" (this one is \"" +
                               std::string(vocab_name(pr.shape)) + "\")");
  }

  void camera(const Camera& c, const std::string& p) {
    text(c.label, p + "/label");
    word(c.fit, p + "/fit");
    if (!word(c.sensor, p + "/sensor")) return;
    number(c.focal_mm, rules::focal, p + "/focal_mm");
    number(c.aspect, rules::aspect, p + "/aspect");
    number(c.roll_deg, rules::roll, p + "/roll_deg");
    vec(c.position, rules::coordinate, p + "/position");
    vec(c.target, rules::coordinate, p + "/target");
    if (c.sensor == Sensor::custom) {
      if (c.sensor_mm[0] <= 0 || c.sensor_mm[1] <= 0)
        problem(p + "/sensor_mm", "A camera with sensor \"custom\" needs \"sensor_mm\": [width, height] in millimetres");
      else
        for (std::size_t i = 0; i < 2; ++i) number(c.sensor_mm[i], rules::sensor_side, index_path(p + "/sensor_mm", i));
    } else if (c.sensor_mm[0] != 0 || c.sensor_mm[1] != 0) {
      problem(p + "/sensor_mm", "\"sensor_mm\" is only for sensor \"custom\"; " + std::string(vocab_name(c.sensor)) +
                                    " has its size from the sensor table");
    }
    if (c.position == c.target) problem(p + "/target", "The camera's target is at its own position, so it looks nowhere");
    within(c.moves, rules::kMaxPerList, p + "/moves", "camera moves");
    for (std::size_t k = 0; k < c.moves.size(); ++k) {
      const CameraMove& m = c.moves[k];
      const std::string mp = index_path(p + "/moves", k);
      number(m.count, rules::count, mp + "/count");
      vec(m.position, rules::coordinate, mp + "/position");
      vec(m.target, rules::coordinate, mp + "/target");
      if (m.focal_mm) number(*m.focal_mm, rules::focal, mp + "/focal_mm");
      if (m.position == m.target) problem(mp + "/target", "This move's target is at its own position");
      if (k > 0 && !(m.count > c.moves[k - 1].count))
        problem(mp + "/count", "Camera moves must be listed in order of count; this one is at or before the previous");
    }
  }

  void choreography() {
    const Choreography& ch = doc_.choreography;
    integer(ch.version, rules::version, "/choreography/version");
    word(ch.status, "/choreography/status");
    number(ch.tempo_bpm, rules::tempo, "/choreography/tempo_bpm");
    const auto& beats = ch.beats;
    const std::string base = "/choreography/beats";
    for (std::size_t i = 0; i < beats.size(); ++i) beat(beats, index_path(base, i), i);
    issued_versions();
    confirmations();
    if (!beats.empty()) {
      const double first = beats.front().start_count, last = beats.back().end_count();
      if (std::isfinite(first) && std::isfinite(last) && last - first > rules::kMaxSpanCounts)
        problem(base, "The choreography runs from count " + number_text(first) + " to " + number_text(last) + ", " +
                          number_text(last - first) + " counts; at most " + number_text(rules::kMaxSpanCounts) +
                          " are allowed (the checks examine every count)");
    }
  }

  // Beat i of `beats` (the current choreography's, or an issued version's).
  void beat(const std::vector<Beat>& beats, const std::string& p, std::size_t i) {
    const Beat& b = beats[i];
    text(b.label, p + "/label");
    text(b.action, p + "/action");
    text(b.camera_notes, p + "/camera_notes");
    number(b.start_count, rules::count, p + "/start_count");
    number(b.length_counts, rules::beat_length, p + "/length_counts");
    if (std::isfinite(b.end_count()) && b.end_count() > rules::count.max)
      problem(p + "/length_counts", "Beat " + quoted_text(b.id) + " ends at count " + number_text(b.end_count()) +
                                        ", after the last count allowed (" + number_text(rules::count.max) + ")");
    if (i > 0) {
      const Beat& prev = beats[i - 1];
      if (b.start_count < prev.start_count) {
        problem(p + "/start_count", "Beat " + quoted_text(b.id) + " starts at count " + number_text(b.start_count) +
                                        ", before the beat listed ahead of it (" + quoted_text(prev.id) + " at " +
                                        number_text(prev.start_count) + "); list beats in the order they happen");
      } else if (b.start_count < prev.end_count() - 1e-9) {
        problem(p + "/start_count", "Beat " + quoted_text(b.id) + " starts at count " + number_text(b.start_count) +
                                        " but beat " + quoted_text(prev.id) + " runs until count " +
                                        number_text(prev.end_count()) + "; beats must not overlap");
      }
    }
    poses(b, p);
    contacts(b, p);
    within(b.breath, rules::kMaxPerList, p + "/breath", "breath cues");
    for (std::size_t k = 0; k < b.breath.size(); ++k) {
      const BreathNote& n = b.breath[k];
      const std::string np = index_path(p + "/breath", k);
      performer_ref(n.performer, np + "/performer", "the one breathing");
      word(n.cue, np + "/cue");
      number(n.count, rules::count, np + "/count");
      if (n.count < b.start_count - 1e-9 || n.count > b.end_count() + 1e-9)
        problem(np + "/count", "Breath cue at count " + number_text(n.count) + " falls outside beat " + quoted_text(b.id) +
                                   " (counts " + number_text(b.start_count) + " to " + number_text(b.end_count()) + ")");
    }
    eyelines(b, p);
    within(b.garment_changes, rules::kMaxPerList, p + "/garment_changes", "garment changes");
    for (std::size_t k = 0; k < b.garment_changes.size(); ++k) {
      const GarmentChange& g = b.garment_changes[k];
      const std::string gp = index_path(p + "/garment_changes", k) + "/garment";
      if (g.garment.empty()) { problem(gp, "Name the garment that changes (its id)"); continue; }
      for (std::size_t m = 0; m < k; ++m)
        if (b.garment_changes[m].garment == g.garment) {
          problem(gp, "Garment " + quoted_text(g.garment) + " changes twice in beat " + quoted_text(b.id) +
                          "; a beat says once whether it is worn (split the beat to take it off and put it back)");
          break;
        }
      if (references_ && !doc_.garment(g.garment)) problem(gp, "Unknown garment " + quoted_text(g.garment) + known(doc_.garments));
    }
    within(b.masking, rules::kMaxPerList, p + "/masking", "masking notes");
    for (std::size_t k = 0; k < b.masking.size(); ++k) {
      const MaskingNote& m = b.masking[k];
      const std::string mp = index_path(p + "/masking", k);
      camera_ref(m.camera, mp + "/camera");
      performer_ref(m.performer, mp + "/performer", "the masked performer");
      if (m.by.empty()) problem(mp + "/by", "Name the performer or prop doing the masking");
      else if (references_ && !doc_.performer(m.by) && !doc_.prop(m.by))
        problem(mp + "/by", "Unknown performer or prop " + quoted_text(m.by) + " doing the masking");
      if (m.regions.empty()) problem(mp + "/regions", "A masking note must name at least one region");
      no_repeats(m.regions, mp + "/regions");
    }
  }

  void poses(const Beat& b, const std::string& p) {
    within(b.poses, rules::kMaxPerformers, p + "/poses", "poses");
    for (std::size_t k = 0; k < b.poses.size(); ++k) {
      const Pose& pose = b.poses[k];
      const std::string pp = p + "/poses/" + pointer_token(pose.performer);
      if (pose.performer.empty() || (references_ && !doc_.performer(pose.performer)))
        problem(pp, "Pose for unknown performer " + quoted_text(pose.performer) + known(doc_.performers));
      for (std::size_t m = 0; m < k; ++m)
        if (b.poses[m].performer == pose.performer) {
          problem(pp, "Beat " + quoted_text(b.id) + " poses " + quoted_text(pose.performer) + " twice; a beat holds one pose per performer");
          break;
        }
      vec(pose.root_position, rules::coordinate, pp + "/root/position");
      vec(pose.root_rotation, rules::angle, pp + "/root/rotation");
      for (std::size_t m = 0; m < pose.joints.size(); ++m) {
        const JointRotation& jr = pose.joints[m];
        if (!word(jr.joint, pp + "/joints")) continue;
        const std::string jp = pp + "/joints/" + std::string(vocab_name(jr.joint));
        vec(jr.degrees, rules::angle, jp);
        const bool prev_known = m > 0 && static_cast<std::size_t>(pose.joints[m - 1].joint) < kJointCount;
        if (prev_known && !(pose.joints[m - 1].joint < jr.joint))
          problem(jp, pose.joints[m - 1].joint == jr.joint
                          ? "Joint " + std::string(vocab_name(jr.joint)) + " is given twice"
                          : "Joints are kept in skeleton order; " + std::string(vocab_name(jr.joint)) + " comes after " +
                                std::string(vocab_name(pose.joints[m - 1].joint)));
      }
    }
  }

  void contacts(const Beat& b, const std::string& p) {
    within(b.contacts, rules::kMaxPerList, p + "/contacts", "contacts");
    for (std::size_t k = 0; k < b.contacts.size(); ++k) {
      const Contact& c = b.contacts[k];
      const std::string cp = index_path(p + "/contacts", k);
      word(c.with, cp + "/with");
      word(c.region, cp + "/region");
      word(c.kind, cp + "/kind");
      word(c.layer, cp + "/layer");
      word(c.pressure, cp + "/pressure");
      performer_ref(c.giver, cp + "/giver", "the giver");
      performer_ref(c.receiver, cp + "/receiver", "the receiver");
      if (!c.giver.empty() && c.giver == c.receiver)
        problem(cp + "/receiver", "A contact is between two performers; " + quoted_text(c.giver) +
                                      " is both giver and receiver (notate the partner who is touched)");
      if (!c.garment.empty() && references_) {
        const Garment* g = doc_.garment(c.garment);
        if (!g) problem(cp + "/garment", "Unknown garment " + quoted_text(c.garment) + known(doc_.garments));
        else if (g->wearer != c.receiver && g->wearer != c.giver)
          problem(cp + "/garment", "Garment " + quoted_text(c.garment) + " is worn by " + quoted_text(g->wearer) +
                                       ", who is neither the giver nor the receiver of this contact");
      }
      if (!c.barrier.empty() && references_) {
        const Prop* pr = doc_.prop(c.barrier);
        if (!pr) problem(cp + "/barrier", "Unknown barrier " + quoted_text(c.barrier) + known(doc_.props));
        else if (!pr->barrier)
          problem(cp + "/barrier", "Prop " + quoted_text(c.barrier) + " is not marked as a barrier (\"barrier\": true)");
      }
    }
  }

  // Eyeline *targets* that name nothing that exists are not refused here:
  // the checks report them (eyeline.target), so a scene with a stale target
  // still opens for editing. What the file cannot express is refused.
  void eyelines(const Beat& b, const std::string& p) {
    within(b.eyelines, rules::kMaxPerList, p + "/eyelines", "eyelines");
    for (std::size_t k = 0; k < b.eyelines.size(); ++k) {
      const Eyeline& y = b.eyelines[k];
      const std::string yp = index_path(p + "/eyelines", k);
      performer_ref(y.performer, yp + "/performer", "the one looking");
      const EyelineTarget& t = y.target;
      const std::string tp = yp + "/target";
      const int kinds = (t.performer.empty() ? 0 : 1) + (t.camera.empty() ? 0 : 1) + (t.point ? 1 : 0);
      if (kinds != 1)
        problem(tp, "An eyeline target names exactly one of \"performer\" (with an optional \"region\"), "
                    "\"camera\" or \"point\"");
      else if (t.region && t.performer.empty())
        problem(tp + "/region", "\"region\" in an eyeline target needs a \"performer\"");
      if (t.region) word(*t.region, tp + "/region");
      if (!t.performer.empty()) id(t.performer, tp + "/performer", "an eyeline's performer");
      if (!t.camera.empty()) id(t.camera, tp + "/camera", "an eyeline's camera");
      if (t.point) vec(*t.point, rules::coordinate, tp + "/point");
    }
  }

  // A day, written YYYY-MM-DD.
  void date(const std::string& d, const std::string& path, bool required) {
    if (d.empty() && !required) return;
    if (!is_iso_date(d)) problem(path, "Date " + quoted_text(d) + " is not a day written YYYY-MM-DD (as 2026-12-02)");
  }

  // Issued versions: in order, older than or the same as the current one, each
  // a consistent choreography of its own (what it named may have gone since).
  void issued_versions() {
    const Choreography& ch = doc_.choreography;
    const std::string base = "/choreography/history";
    within(ch.history, rules::kMaxPerList, base, "issued versions");
    for (std::size_t k = 0; k < ch.history.size(); ++k) {
      const ChoreographyVersion& v = ch.history[k];
      const std::string vp = index_path(base, k);
      integer(v.version, rules::version, vp + "/version");
      if (v.version > ch.version)
        problem(vp + "/version", "Issued version " + std::to_string(v.version) + " is newer than the current version " +
                                     std::to_string(ch.version));
      if (k > 0 && !(ch.history[k - 1].version < v.version))
        problem(vp + "/version", "Issued versions are kept in order, each once; version " + std::to_string(v.version) +
                                     " comes after version " + std::to_string(ch.history[k - 1].version));
      date(v.date, vp + "/date", false);  // "" when recorded later, undated
      within(v.cast, rules::kMaxPerformers, vp + "/cast", "performers");
      for (std::size_t i = 0; i < v.cast.size(); ++i) {
        const std::string cp = index_path(vp + "/cast", i);
        id(v.cast[i].performer, cp + "/performer", "a performer of the cast");
        number(v.cast[i].height_m, rules::height, cp + "/height_m");
        word(v.cast[i].build, cp + "/build");
      }
      text(v.summary, vp + "/summary");
      number(v.tempo_bpm, rules::tempo, vp + "/tempo_bpm");
      references_ = false;
      // An issued version holds what the current choreography may hold, and no more.
      within(v.beats, rules::kMaxBeats, vp + "/beats", "beats");
      within(v.garments, rules::kMaxGarments, vp + "/garments", "garments");
      within(v.props, rules::kMaxProps, vp + "/props", "props");
      within(v.cameras, rules::kMaxCameras, vp + "/cameras", "cameras");
      unique_ids(v.beats, vp + "/beats", "beat");
      unique_ids(v.garments, vp + "/garments", "garment");
      unique_ids(v.props, vp + "/props", "prop");
      unique_ids(v.cameras, vp + "/cameras", "camera");
      for (std::size_t i = 0; i < v.beats.size(); ++i) beat(v.beats, index_path(vp + "/beats", i), i);
      for (std::size_t i = 0; i < v.garments.size(); ++i) garment(v.garments[i], index_path(vp + "/garments", i));
      for (std::size_t i = 0; i < v.props.size(); ++i) prop(v.props[i], index_path(vp + "/props", i));
      for (std::size_t i = 0; i < v.cameras.size(); ++i) camera(v.cameras[i], index_path(vp + "/cameras", i));
      references_ = true;
    }
  }

  void confirmations() {
    const Choreography& ch = doc_.choreography;
    const std::string base = "/choreography/confirmations";
    within(ch.confirmations, rules::kMaxPerList, base, "confirmations");
    for (std::size_t k = 0; k < ch.confirmations.size(); ++k) {
      const Confirmation& c = ch.confirmations[k];
      const std::string cp = index_path(base, k);
      // A confirmation is a record: it stands when the performer has since left the cast.
      id(c.performer, cp + "/performer", "the one confirming");
      integer(c.version, rules::version, cp + "/version");
      date(c.date, cp + "/date", true);
      const bool issued = std::any_of(ch.history.begin(), ch.history.end(),
                                      [&](const ChoreographyVersion& v) { return v.version == c.version; });
      if (!issued)
        problem(cp + "/version", "Version " + std::to_string(c.version) +
                                     " was confirmed but is not among the issued versions; a confirmation names what was seen");
    }
  }

  void takes() {
    std::set<std::tuple<std::string, std::string, int>> seen;
    for (std::size_t i = 0; i < doc_.takes.size(); ++i) {
      const Take& t = doc_.takes[i];
      const std::string p = index_path("/takes", i);
      integer(t.number, rules::take_number, p + "/number");
      word(t.status, p + "/status");
      if (!is_setup_letters(t.setup))
        problem(p + "/setup", "Setup " + quoted_text(t.setup) + " is not setup letters (A, B… AA, skipping I and O)");
      if (t.lens_mm) number(*t.lens_mm, rules::focal, p + "/lens_mm");
      date(t.date, p + "/date", false);
      integer(t.choreography_version, rules::version, p + "/choreography_version");
      camera_ref(t.camera, p + "/camera");
      text(t.note, p + "/note");
      if (!seen.insert({t.setup, t.camera, t.number}).second)
        problem(p + "/number", "Take " + std::to_string(t.number) + (t.setup.empty() ? std::string() : " of setup " + t.setup) +
                                   " on camera " + quoted_text(t.camera) + " is logged twice");
      if (t.choreography_version > doc_.choreography.version)
        problem(p + "/choreography_version", "Take refers to choreography version " +
                                                 std::to_string(t.choreography_version) + ", newer than the current " +
                                                 std::to_string(doc_.choreography.version));
      within(t.deviations, rules::kMaxPerList, p + "/deviations", "deviations");
      for (std::size_t k = 0; k < t.deviations.size(); ++k) {
        const Deviation& dv = t.deviations[k];
        const std::string dp = index_path(p + "/deviations", k);
        if (dv.kind) word(*dv.kind, dp + "/kind");
        if (dv.beat.empty()) problem(dp + "/beat", "Name the beat the deviation is in (its id)");
        else if (dv.beat_removed_in == 0 && !doc_.beat(dv.beat)) problem(dp + "/beat", "Unknown beat " + quoted_text(dv.beat));
        if (dv.beat_removed_in != 0 && (dv.beat_removed_in < 1 || dv.beat_removed_in > doc_.choreography.version))
          problem(dp + "/beat_removed_in", "A beat is removed in a version from 1 to the current " +
                                               std::to_string(doc_.choreography.version));
        text(dv.note, dp + "/note");
      }
    }
  }
};

}  // namespace

std::vector<Diagnostic> validate(const Document& doc, std::string_view file) {
  Validator v(doc, std::string(file));
  v.run();
  return std::move(v.problems);
}

std::vector<Diagnostic> validate_pose_keys(const Document& doc, std::size_t beat, std::string_view file) {
  Validator v(doc, std::string(file));
  v.run_pose_keys(beat);
  return std::move(v.problems);
}

}  // namespace cs
