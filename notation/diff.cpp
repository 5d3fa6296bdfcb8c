// diff.cpp — what changed between two versions of a choreography (diff.hpp).
//
// [SECTION] Words
// [SECTION] Scene-wide: tempo, garments, props, cameras
// [SECTION] Beats and their notation
// [SECTION] Poses
// [SECTION] Exposure: what each camera sees, both versions staged
// [SECTION] Text
#include "notation/diff.hpp"

#include "notation/edits.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <glm/gtc/quaternion.hpp>

#include "notation/consent.hpp"
#include "notation/conventions.hpp"
#include "notation/mannequin.hpp"
#include "notation/masking.hpp"
#include "notation/phrasing.hpp"
#include "notation/stage.hpp"
#include "notation/timeline.hpp"

namespace cs {

std::string_view change_kind_name(ChangeKind k) {
  static constexpr std::string_view kNames[] = {
      "tempo", "body_changed", "beat_added", "beat_removed", "beat_retimed", "beat_relabelled", "beat_action",
      "beat_notes", "contact_added", "contact_removed", "contact_changed", "pose_added", "pose_removed", "pose_changed",
      "breath_changed", "eyelines_changed", "garment_added", "garment_removed", "garment_changed",
      "garment_worn_changed", "prop_added", "prop_removed", "prop_changed", "camera_added", "camera_removed",
      "camera_changed", "masking_added", "masking_removed", "masking_changed", "exposure_changed"};
  static_assert(std::size(kNames) == static_cast<std::size_t>(ChangeKind::exposure_changed) + 1);
  return kNames[static_cast<std::size_t>(k)];
}

std::vector<const Change*> ChoreographyDiff::concerning(const std::string& performer) const {
  std::vector<const Change*> out;
  for (const Change& c : changes)
    if (std::find(c.performers.begin(), c.performers.end(), performer) != c.performers.end()) out.push_back(&c);
  return out;
}

namespace {

// ---------------------------------------------------------------------------
// [SECTION] Words

std::string contact_key(const Contact& c) {
  return c.giver + ":" + std::string(vocab_name(c.with)) + ">" + c.receiver + ":" + std::string(vocab_name(c.region));
}

std::string contact_words(const Document& names, const Contact& c) {
  return possessive(display_name(names, c.giver)) + " " + std::string(region_label(c.with)) + " → " +
         possessive(display_name(names, c.receiver)) + " " + std::string(region_label(c.region));
}

std::string contact_terms(const Contact& c) {
  std::string t = std::string(vocab_label(c.kind)) + ", " + layer_words(c.layer) + ", " + std::string(vocab_label(c.pressure));
  if (!c.garment.empty()) t += ", over " + c.garment;
  if (!c.barrier.empty()) t += ", through " + c.barrier;
  return t;
}

struct Differ {
  const ChoreographyVersion& a;
  const ChoreographyVersion& b;
  const Document& names;
  const DiffOptions& o;
  std::vector<Change> out;

  void add(ChangeKind kind, std::string beat, std::string subject, std::vector<std::string> performers, std::string text,
           double amount = 0, std::string camera = "") {
    std::sort(performers.begin(), performers.end());
    performers.erase(std::unique(performers.begin(), performers.end()), performers.end());
    out.push_back({kind, std::move(beat), std::move(subject), std::move(performers), std::move(text), amount, std::move(camera)});
  }

  // [SECTION] Scene-wide: tempo, garments, props, cameras

  void scene() {
    if (a.tempo_bpm != b.tempo_bpm)
      add(ChangeKind::tempo, "", "tempo", all_performers(),
          "Tempo " + number_text(a.tempo_bpm) + " → " + number_text(b.tempo_bpm) + " counts per minute (every timing changes)");
    for (const CastBody& c : b.cast)
      for (const CastBody& o : a.cast)
        if (o.performer == c.performer && o != c)
          add(ChangeKind::body_changed, "", c.performer, {c.performer},
              possessive(display_name(names, c.performer)) + " body: " + number_text(o.height_m) + " m " +
                  std::string(vocab_label(o.build)) + " → " + number_text(c.height_m) + " m " + std::string(vocab_label(c.build)));
    by_id(a.garments, b.garments, [&](const Garment* x, const Garment* y) {
      const Garment& g = y ? *y : *x;
      const std::string who = display_name(names, g.wearer);
      const std::string name = g.label.empty() ? g.id : g.label;
      if (!x) add(ChangeKind::garment_added, "", g.id, {g.wearer}, "Garment added: " + possessive(who) + " " + name);
      else if (!y) add(ChangeKind::garment_removed, "", g.id, {g.wearer}, "Garment removed: " + possessive(who) + " " + name);
      else if (*x != *y)
        add(ChangeKind::garment_changed, "", g.id, {x->wearer, y->wearer},
            possessive(who) + " " + name + " changed (" + garment_difference(*x, *y) + ")");
    });
    by_id(a.props, b.props, [&](const Prop* x, const Prop* y) {
      const Prop& p = y ? *y : *x;
      const std::string name = p.label.empty() ? p.id : p.label;
      std::vector<std::string> who;
      if (!p.owner.empty()) who.push_back(p.owner);
      if (!x) add(ChangeKind::prop_added, "", p.id, who, "Prop added: " + name);
      else if (!y) add(ChangeKind::prop_removed, "", p.id, who, "Prop removed: " + name);
      else if (*x != *y) add(ChangeKind::prop_changed, "", p.id, who, "Prop " + name + " moved or changed");
    });
    by_id(a.cameras, b.cameras, [&](const Camera* x, const Camera* y) {
      const Camera& c = y ? *y : *x;
      if (!x) add(ChangeKind::camera_added, "", c.id, {}, "Camera " + c.id + " added");
      else if (!y) add(ChangeKind::camera_removed, "", c.id, {}, "Camera " + c.id + " removed");
      else if (*x != *y) add(ChangeKind::camera_changed, "", c.id, {}, "Camera " + c.id + " changed (" + camera_difference(*x, *y) + ")");
    });
  }

  std::vector<std::string> all_performers() const {
    std::vector<std::string> ids;
    for (const Performer& p : names.performers) ids.push_back(p.id);
    return ids;
  }

  static std::string garment_difference(const Garment& x, const Garment& y) {
    std::vector<std::string> what;
    if (x.covers != y.covers) what.push_back("covers " + region_words(y.covers));
    if (x.kind != y.kind) what.push_back(std::string(vocab_label(y.kind)));
    if (x.camera != y.camera) what.push_back(y.camera == GarmentCamera::hidden ? "now hidden modesty wear" : "now costume");
    if (x.worn != y.worn) what.push_back(y.worn ? "worn at the top" : "not worn at the top");
    if (x.wearer != y.wearer) what.push_back("worn by " + y.wearer);
    if (x.label != y.label) what.push_back("renamed");
    return join_list(what, "and");
  }

  static std::string camera_difference(const Camera& x, const Camera& y) {
    std::vector<std::string> what;
    if (x.focal_mm != y.focal_mm) what.push_back(number_text(x.focal_mm) + " → " + number_text(y.focal_mm) + " mm");
    if (x.sensor != y.sensor || x.sensor_mm != y.sensor_mm) what.push_back("sensor");
    if (x.aspect != y.aspect || x.fit != y.fit) what.push_back("frame lines");
    if (x.position != y.position) what.push_back("moved");
    if (x.target != y.target || x.roll_deg != y.roll_deg) what.push_back("aimed differently");
    if (x.moves != y.moves) what.push_back("its moves");
    if (x.label != y.label && what.empty()) what.push_back("renamed");
    return join_list(what, "and");
  }

  // Calls f(old, new) for each id in either list (nullptr where absent), in the new list's order, then the removed.
  template <class T, class F> static void by_id(const std::vector<T>& xs, const std::vector<T>& ys, F&& f) {
    for (const T& y : ys) {
      const auto x = std::find_if(xs.begin(), xs.end(), [&](const T& t) { return t.id == y.id; });
      f(x == xs.end() ? nullptr : &*x, &y);
    }
    for (const T& x : xs)
      if (std::none_of(ys.begin(), ys.end(), [&](const T& t) { return t.id == x.id; })) f(&x, nullptr);
  }

  // [SECTION] Beats and their notation

  void beats() {
    by_id(a.beats, b.beats, [&](const Beat* x, const Beat* y) {
      const Beat& beat = y ? *y : *x;
      const std::string at = beat.id;
      std::vector<std::string> who = performers_in(beat);
      if (!x) { add(ChangeKind::beat_added, at, at, who, "Beat added: " + beat_words(beat)); return; }
      if (!y) { add(ChangeKind::beat_removed, at, at, who, "Beat removed: " + beat_words(beat)); return; }
      if (x->start_count != y->start_count || x->length_counts != y->length_counts)
        add(ChangeKind::beat_retimed, at, at, who,
            "Re-timed: counts " + number_text(x->start_count) + "–" + number_text(x->end_count()) + " → " +
                number_text(y->start_count) + "–" + number_text(y->end_count()));
      if (x->label != y->label) add(ChangeKind::beat_relabelled, at, at, {}, "Relabelled: \"" + x->label + "\" → \"" + y->label + "\"");
      if (x->action != y->action) add(ChangeKind::beat_action, at, at, who, "What happens is written differently");
      contacts(*x, *y);
      poses(*x, *y);
      if (x->breath != y->breath)
        add(ChangeKind::breath_changed, at, "breath", changed_for(x->breath, y->breath),
            "Breath cues changed for " + performer_names(names, changed_for(x->breath, y->breath), "and"));
      if (x->eyelines != y->eyelines)
        add(ChangeKind::eyelines_changed, at, "eyelines", changed_for(x->eyelines, y->eyelines),
            "Eyelines changed for " + performer_names(names, changed_for(x->eyelines, y->eyelines), "and"));
      if (x->camera_notes != y->camera_notes || x->placeholder != y->placeholder)
        add(ChangeKind::beat_notes, at, at, {},
            x->placeholder != y->placeholder ? (y->placeholder ? "Marked a placeholder" : "Choreographed (no longer a placeholder)")
                                             : "Camera notes rewritten");
      worn_changes(*x, *y);
      masking(*x, *y);
    });
  }

  std::string beat_words(const Beat& beat) const {
    return beat.id + (beat.label.empty() ? std::string() : " \"" + beat.label + "\"") + " (counts " +
           number_text(beat.start_count) + "–" + number_text(beat.end_count()) + ")";
  }

  // Everyone whose body a beat notates: posed, touching, touched, breathing, looking, masked.
  static std::vector<std::string> performers_in(const Beat& beat) {
    std::set<std::string> ids;
    for (const Pose& p : beat.poses) ids.insert(p.performer);
    for (const Contact& c : beat.contacts) { ids.insert(c.giver); ids.insert(c.receiver); }
    for (const BreathNote& n : beat.breath) ids.insert(n.performer);
    for (const Eyeline& e : beat.eyelines) ids.insert(e.performer);
    for (const MaskingNote& m : beat.masking) ids.insert(m.performer);
    return {ids.begin(), ids.end()};
  }

  // The performers whose own items of a list differ between two beats (a partner's cue changing is not theirs).
  template <class Item> static std::vector<std::string> changed_for(const std::vector<Item>& xs, const std::vector<Item>& ys) {
    std::set<std::string> ids;
    for (const Item& i : xs) ids.insert(i.performer);
    for (const Item& i : ys) ids.insert(i.performer);
    std::vector<std::string> out;
    for (const std::string& id : ids) {
      const auto own = [&](const std::vector<Item>& list) {
        std::vector<Item> mine;
        for (const Item& i : list)
          if (i.performer == id) mine.push_back(i);
        return mine;
      };
      if (own(xs) != own(ys)) out.push_back(id);
    }
    return out;
  }

  void contacts(const Beat& x, const Beat& y) {
    std::vector<const Contact*> gone, fresh;
    for (const Contact& c : x.contacts) gone.push_back(&c);
    for (const Contact& c : y.contacts) fresh.push_back(&c);
    // Same contact (who touches whom with what where): changed when its terms differ.
    for (auto f = fresh.begin(); f != fresh.end();) {
      const auto g = std::find_if(gone.begin(), gone.end(), [&](const Contact* c) { return contact_key(*c) == contact_key(**f); });
      if (g == gone.end()) { ++f; continue; }
      if (**g != **f)
        add(ChangeKind::contact_changed, y.id, contact_key(**f), {(*f)->giver, (*f)->receiver},
            contact_words(names, **f) + ": " + contact_terms(**g) + " → " + contact_terms(**f));
      gone.erase(g);
      f = fresh.erase(f);
    }
    // The same hand on another region: one contact changed, not one removed and one added.
    for (auto f = fresh.begin(); f != fresh.end();) {
      const auto g = std::find_if(gone.begin(), gone.end(), [&](const Contact* c) {
        return c->giver == (*f)->giver && c->receiver == (*f)->receiver && c->with == (*f)->with;
      });
      if (g == gone.end()) { ++f; continue; }
      add(ChangeKind::contact_changed, y.id, contact_key(**f), {(*f)->giver, (*f)->receiver},
          contact_words(names, **g) + " now → " + std::string(region_label((*f)->region)) + " (" + contact_terms(**f) + ")");
      gone.erase(g);
      f = fresh.erase(f);
    }
    for (const Contact* c : fresh)
      add(ChangeKind::contact_added, y.id, contact_key(*c), {c->giver, c->receiver},
          "Contact added: " + contact_words(names, *c) + " (" + contact_terms(*c) + ")");
    for (const Contact* c : gone)
      add(ChangeKind::contact_removed, y.id, contact_key(*c), {c->giver, c->receiver},
          "Contact removed: " + contact_words(names, *c));
  }

  void worn_changes(const Beat& x, const Beat& y) {
    if (x.garment_changes == y.garment_changes) return;
    std::set<std::string> wearers;
    std::vector<std::string> what;
    for (const auto* list : {&x.garment_changes, &y.garment_changes})
      for (const GarmentChange& g : *list) {
        const auto find = [&](const std::vector<Garment>& gs) { return std::find_if(gs.begin(), gs.end(), [&](const Garment& k) { return k.id == g.garment; }); };
        if (auto it = find(b.garments); it != b.garments.end()) wearers.insert(it->wearer);
        if (auto it = find(a.garments); it != a.garments.end()) wearers.insert(it->wearer);
      }
    for (const GarmentChange& g : y.garment_changes) what.push_back(g.garment + (g.worn ? " on" : " off"));
    add(ChangeKind::garment_worn_changed, y.id, "garment_changes", {wearers.begin(), wearers.end()},
        "Garments on and off changed" + (what.empty() ? std::string(": none now") : ": now " + join_list(what, "and")));
  }

  // Masking notes matched one to one: the same note, then the same camera and
  // performer (changed), and what is left added or removed.
  void masking(const Beat& x, const Beat& y) {
    const auto key = [](const MaskingNote& m) { return m.camera + "/" + m.performer; };
    const auto words = [&](const MaskingNote& m) {
      return "camera " + m.camera + ", " + possessive(display_name(names, m.performer)) + " " + region_words(m.regions) +
             " masked by " + display_name(names, m.by);
    };
    std::vector<const MaskingNote*> gone, fresh;
    for (const MaskingNote& m : x.masking) gone.push_back(&m);
    for (const MaskingNote& m : y.masking) fresh.push_back(&m);
    const auto pair_off = [&](auto&& same, auto&& on_pair) {
      for (auto f = fresh.begin(); f != fresh.end();) {
        const auto g = std::find_if(gone.begin(), gone.end(), [&](const MaskingNote* n) { return same(*n, **f); });
        if (g == gone.end()) { ++f; continue; }
        on_pair(**g, **f);
        gone.erase(g);
        f = fresh.erase(f);
      }
    };
    pair_off([](const MaskingNote& a, const MaskingNote& b) { return a == b; }, [](const MaskingNote&, const MaskingNote&) {});
    pair_off([&](const MaskingNote& a, const MaskingNote& b) { return key(a) == key(b); },
             [&](const MaskingNote&, const MaskingNote& m) {
               add(ChangeKind::masking_changed, y.id, key(m), {m.performer}, "Masking note changed: " + words(m));
             });
    for (const MaskingNote* m : fresh) add(ChangeKind::masking_added, y.id, key(*m), {m->performer}, "Masking note added: " + words(*m));
    for (const MaskingNote* m : gone) add(ChangeKind::masking_removed, y.id, key(*m), {m->performer}, "Masking note removed: " + words(*m));
  }

  // [SECTION] Poses

  static double turn_degrees(const Vec3& p, const Vec3& q) {
    const glm::quat a = euler_xyz_deg(p), b = euler_xyz_deg(q);
    const float w = std::min(1.0f, std::fabs(glm::dot(a, b)));
    return glm::degrees(2.0 * std::acos(static_cast<double>(w)));
  }

  void poses(const Beat& x, const Beat& y) {
    std::set<std::string> performers;
    for (const Pose& p : x.poses) performers.insert(p.performer);
    for (const Pose& p : y.poses) performers.insert(p.performer);
    for (const std::string& who : performers) {
      const auto find = [&](const Beat& beat) -> const Pose* {
        for (const Pose& p : beat.poses)
          if (p.performer == who) return &p;
        return nullptr;
      };
      const Pose* p = find(x);
      const Pose* q = find(y);
      const std::string name = display_name(names, who);
      if (!p) { add(ChangeKind::pose_added, y.id, who, {who}, possessive(name) + " shape is now set in this beat"); continue; }
      if (!q) { add(ChangeKind::pose_removed, y.id, who, {who}, possessive(name) + " shape is no longer set in this beat (they move through it)"); continue; }
      std::vector<std::string> what;
      double most = 0;
      for (std::size_t j = 0; j < kJointCount; ++j) {
        const Joint joint = vocab_at<Joint>(j);
        const auto angles = [&](const Pose& pose) {
          for (const JointRotation& jr : pose.joints)
            if (jr.joint == joint) return clamp_joint(joint, jr.degrees);
          return Vec3{0, 0, 0};
        };
        const double turn = turn_degrees(angles(*p), angles(*q));
        if (turn > o.pose_degrees) {
          what.push_back(std::string(joint_label(joint)) + " turns " + number_text(std::round(turn)) + "°");
          most = std::max(most, turn);
        }
      }
      const double body_turn = turn_degrees(p->root_rotation, q->root_rotation);
      if (body_turn > o.pose_degrees) {
        what.insert(what.begin(), "body turns " + number_text(std::round(body_turn)) + "°");
        most = std::max(most, body_turn);
      }
      const double moved = std::hypot(q->root_position[0] - p->root_position[0], q->root_position[1] - p->root_position[1],
                                      q->root_position[2] - p->root_position[2]);
      if (moved > o.pose_metres) {
        what.insert(what.begin(), "moves " + centimetres_text(moved));
        if (most == 0) most = moved;
      }
      if (!what.empty())
        add(ChangeKind::pose_changed, y.id, who, {who}, possessive(name) + " shape: " + join_list(what, "and"), most);
    }
  }

  // [SECTION] Exposure: what each camera sees, both versions staged

  static Document staged(const Document& names, const ChoreographyVersion& v) {
    Document d = names;
    // Each body as the version had it (heights and builds change what is seen and what touches).
    for (Performer& p : d.performers)
      for (const CastBody& c : v.cast)
        if (c.performer == p.id) {
          p.height_m = c.height_m;
          p.build = c.build;
        }
    d.choreography.tempo_bpm = v.tempo_bpm;
    d.choreography.beats = v.beats;
    d.garments = v.garments;
    d.props = v.props;
    d.cameras = v.cameras;
    return d;
  }

  // The imported meshes fit a version only when its props are the current document's, in the same order.
  static const PropMeshes* meshes_for(const Document& names, const Document& d, const DiffOptions& o) {
    if (d.props.size() != names.props.size()) return nullptr;
    for (std::size_t i = 0; i < d.props.size(); ++i)
      if (d.props[i].id != names.props[i].id || d.props[i].mesh != names.props[i].mesh) return nullptr;
    return o.meshes;
  }

  // Per camera id, per performer: the regions whose bare skin reads.
  static std::map<std::string, std::vector<std::uint64_t>> reads_at(const Document& d, double count, const DiffOptions& o,
                                                                    const PropMeshes* meshes) {
    const Stage st = evaluate(d, count, meshes);
    MaskingOptions mo;
    mo.threads = o.threads;
    std::map<std::string, std::vector<std::uint64_t>> out;
    for (const CameraMasking& m : mask_all(st, mo)) {
      std::vector<std::uint64_t>& per = out[d.cameras[static_cast<std::size_t>(m.camera)].id];
      per.assign(d.performers.size(), 0);
      const std::uint32_t need = reads_threshold(m.rays());
      for (std::size_t p = 0; p < m.performers.size() && p < per.size(); ++p)
        for (std::size_t r = 0; r < kRegionCount; ++r)
          if (m.performers[p].regions[r].skin >= need) per[p] |= region_bit(vocab_at<Region>(r));
    }
    return out;
  }

  static std::string region_bits_words(std::uint64_t bits) {
    std::vector<Region> rs;
    for (std::size_t r = 0; r < kRegionCount; ++r)
      if (bits & region_bit(vocab_at<Region>(r))) rs.push_back(vocab_at<Region>(r));
    return region_words(rs);
  }

  void exposure() {
    if (!o.exposure) return;
    const Document da = staged(names, a), db = staged(names, b);
    std::set<double> counts;
    for (const Document* d : {&da, &db}) {
      for (const Beat& beat : d->choreography.beats) counts.insert(beat.start_count);
      if (!d->choreography.beats.empty())
        for (double c = std::ceil(d->first_count()); c <= d->last_count(); c += 1) counts.insert(c);
    }
    // A performer's exposure is what their rider is about: regions they hold
    // sensitive or intimate, and any region a line of their rider names. An
    // arm coming into view is not a change to their exposure.
    std::vector<std::uint64_t> concern(names.performers.size(), 0);
    for (std::size_t p = 0; p < names.performers.size(); ++p) {
      const Performer& pf = names.performers[p];
      for (std::size_t r = 0; r < kRegionCount; ++r)
        if (tier_for(pf, vocab_at<Region>(r)) != Tier::ordinary) concern[p] |= region_bit(vocab_at<Region>(r));
      for (const Exposure& x : pf.exposure)
        for (Region r : x.regions) concern[p] |= region_bit(r);
    }
    struct Seen { std::uint64_t now_reads = 0, no_longer = 0; double first = 0; };
    std::map<std::tuple<std::string, std::string, std::string>, Seen> changed;  // (performer, camera, beat)
    for (double c : counts) {
      const auto ra = reads_at(da, c, o, meshes_for(names, da, o)), rb = reads_at(db, c, o, meshes_for(names, db, o));
      std::set<std::string> cams;
      for (const auto& [id, v] : ra) cams.insert(id);
      for (const auto& [id, v] : rb) cams.insert(id);
      const Beat* beat = beat_at(db, c);
      if (!beat) beat = beat_at(da, c);
      const std::string beat_id = beat ? beat->id : std::string();
      for (const std::string& cam : cams) {
        for (std::size_t p = 0; p < names.performers.size(); ++p) {
          const auto bits = [&](const auto& m) -> std::uint64_t {
            const auto it = m.find(cam);
            return it == m.end() || p >= it->second.size() ? 0 : it->second[p];
          };
          const std::uint64_t before = bits(ra) & concern[p], after = bits(rb) & concern[p];
          if (before == after) continue;
          Seen& s = changed[{names.performers[p].id, cam, beat_id}];
          if (s.now_reads == 0 && s.no_longer == 0) s.first = c;
          s.now_reads |= after & ~before;
          s.no_longer |= before & ~after;
        }
      }
    }
    for (const auto& [key, s] : changed) {
      const auto& [who, cam, beat] = key;
      std::vector<std::string> what;
      if (s.now_reads) what.push_back(region_bits_words(s.now_reads) + " now read");
      if (s.no_longer) what.push_back(region_bits_words(s.no_longer) + " no longer read");
      add(ChangeKind::exposure_changed, beat, who + "@" + cam, {who},
          possessive(display_name(names, who)) + " exposure on camera " + cam + " changes from count " +
              number_text(s.first) + ": " + join_list(what, "and"),
          0, cam);
    }
  }
};

int beat_order(const ChoreographyVersion& a, const ChoreographyVersion& b, const std::string& beat) {
  if (beat.empty()) return -1;
  for (std::size_t i = 0; i < b.beats.size(); ++i)
    if (b.beats[i].id == beat) return static_cast<int>(i) * 2;
  for (std::size_t i = 0; i < a.beats.size(); ++i)
    if (a.beats[i].id == beat) return static_cast<int>(i) * 2 + 1;
  return 1 << 30;
}

}  // namespace

ChoreographyDiff diff_versions(const ChoreographyVersion& before, const ChoreographyVersion& after, const Document& names,
                               const DiffOptions& options) {
  Differ d{before, after, names, options, {}};
  d.scene();
  d.beats();
  // Exposure is only compared when something that moves a body or a camera changed.
  const bool geometry = !same_content(before, after);
  if (geometry) d.exposure();
  ChoreographyDiff out;
  out.from_version = before.version;
  out.to_version = after.version;
  out.changes = std::move(d.out);
  std::stable_sort(out.changes.begin(), out.changes.end(), [&](const Change& x, const Change& y) {
    const int bx = beat_order(before, after, x.beat), by = beat_order(before, after, y.beat);
    if (bx != by) return bx < by;
    return x.kind < y.kind;
  });
  return out;
}

// ---------------------------------------------------------------------------
// [SECTION] Text

std::string diff_text(const ChoreographyDiff& diff, const Document& names) {
  (void)names;
  std::string out;
  std::string beat = "\x01";
  for (const Change& c : diff.changes) {
    if (c.beat != beat) {
      beat = c.beat;
      out += beat.empty() ? std::string("\nScene\n") : "\n" + beat + "\n";
    }
    out += "  " + std::string(change_kind_name(c.kind)) + std::string(std::max<std::size_t>(2, 20 - change_kind_name(c.kind).size()), ' ') +
           c.text + "\n";
  }
  return out;
}

}  // namespace cs
