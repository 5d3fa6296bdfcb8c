// checks.cpp — the checks of checks.hpp.
//
// [SECTION] Helpers: names, numbers, garments at a beat
// [SECTION] Boundaries: which line governs a contact
// [SECTION] Contacts (per beat, no geometry)
// [SECTION] Eyeline targets
// [SECTION] Spans: merging observations on consecutive samples
// [SECTION] Geometry: exposure, garments, masking notes, fragile masking, poses, lenses
// [SECTION] run_checks
#include "notation/checks.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "notation/consent.hpp"
#include "notation/masking.hpp"
#include "notation/stage.hpp"

namespace cs {

int CheckReport::errors() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [](const Finding& f) { return f.severity == Severity::error; }));
}
int CheckReport::warnings() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [](const Finding& f) { return f.severity == Severity::warning; }));
}
int CheckReport::infos() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [](const Finding& f) { return f.severity == Severity::info; }));
}

namespace {

// ---------------------------------------------------------------------------
// [SECTION] Helpers

std::string num(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

// "Ana" (the character) when there is one, else the id.
std::string who(const Document& d, const std::string& id) {
  const Performer* p = d.performer(id);
  if (p && !p->character.empty()) return p->character;
  return id;
}

std::string possessive(const std::string& name) { return name + (name.ends_with('s') ? "'" : "'s"); }

std::string rlabel(Region r) { return std::string(region_label(r)); }

// A layer as a person says it.
std::string layer_words(Layer l) {
  switch (l) {
    case Layer::through_barrier: return "through a barrier";
    case Layer::over_costume: return "over costume";
    case Layer::over_garment: return "over a garment";
    case Layer::skin: return "skin to skin";
  }
  return "at an unknown layer";
}

template <class E> std::string words(const std::vector<E>& list) {
  std::string s;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) s += (i + 1 == list.size()) ? " or " : ", ";
    s += std::string(vocab_name(list[i]));
  }
  return s;
}

std::string region_list(const std::vector<Region>& list) {
  std::string s;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) s += (i + 1 == list.size()) ? " and " : ", ";
    s += rlabel(list[i]);
  }
  return s;
}

std::string names(const Document& d, const std::vector<std::string>& ids) {
  std::string s;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) s += (i + 1 == ids.size()) ? " or " : ", ";
    s += who(d, ids[i]);
  }
  return s;
}

Finding make(FindingCode code) {
  Finding f;
  f.code = code;
  f.severity = finding_info(code).severity;
  return f;
}

// Index of a garment of `wearer` worn (per `worn`) over `region`, or -1.
int covering_garment(const Document& d, const std::vector<bool>& worn, const std::string& wearer, Region region) {
  for (std::size_t g = 0; g < d.garments.size(); ++g) {
    const Garment& gm = d.garments[g];
    if (!worn[g] || gm.wearer != wearer) continue;
    if (std::find(gm.covers.begin(), gm.covers.end(), region) != gm.covers.end()) return static_cast<int>(g);
  }
  return -1;
}

// ---------------------------------------------------------------------------
// [SECTION] Boundaries
//
// The lines of a performer's body map for (direction, region). A line applies
// to a contact when its partners are empty or name the partner and its kinds are
// empty or name the kind; a `yes`/`conditional`/`ask` line must also agree a
// layer at least as exposed as the contact's. Among the lines that apply, the
// most cautious state governs: no > ask > conditional > yes. When none applies,
// the finding says why, in order: only `no` lines → refused; no line names this
// partner → contact.partner; none this kind → contact.kind; else → contact.layer.


bool partner_ok(const Boundary& b, const std::string& partner) {
  return b.partners.empty() || std::find(b.partners.begin(), b.partners.end(), partner) != b.partners.end();
}
bool kind_ok(const Boundary& b, ContactKind k) {
  return b.contact.empty() || std::find(b.contact.begin(), b.contact.end(), k) != b.contact.end();
}

struct Governing {
  enum Outcome { ok, conditional, ask, refused, not_discussed, partner, kind, layer } outcome = not_discussed;
  std::vector<const Boundary*> lines;  // the lines behind the outcome
};

Governing govern(const Performer& p, Direction dir, Region region, const std::string& partner, ContactKind kind,
                 Layer layer) {
  Governing g;
  std::vector<const Boundary*> lines;
  for (const Boundary& b : p.boundaries)
    if (b.direction == dir && b.region == region) lines.push_back(&b);
  if (lines.empty()) return g;  // not discussed

  std::vector<const Boundary*> applying;
  for (const Boundary* b : lines) {
    if (!partner_ok(*b, partner) || !kind_ok(*b, kind)) continue;
    if (b->state != BoundaryState::no && layer > b->layer) continue;
    applying.push_back(b);
  }
  if (!applying.empty()) {
    int worst = -1;
    for (const Boundary* b : applying) worst = std::max(worst, caution(effective_state(b->state, b->conditions)));
    for (const Boundary* b : applying)
      if (caution(effective_state(b->state, b->conditions)) == worst) g.lines.push_back(b);
    switch (worst) {
      case 0: g.outcome = Governing::ok; break;
      case 1: g.outcome = Governing::conditional; break;
      case 2: g.outcome = Governing::ask; break;
      default: g.outcome = Governing::refused; break;
    }
    return g;
  }
  std::vector<const Boundary*> agreed;
  for (const Boundary* b : lines)
    if (b->state != BoundaryState::no) agreed.push_back(b);
  if (agreed.empty()) {
    g.outcome = Governing::refused;
    g.lines = lines;
    return g;
  }
  std::vector<const Boundary*> with_partner;
  for (const Boundary* b : agreed)
    if (partner_ok(*b, partner)) with_partner.push_back(b);
  if (with_partner.empty()) {
    g.outcome = Governing::partner;
    g.lines = agreed;
    return g;
  }
  std::vector<const Boundary*> with_kind;
  for (const Boundary* b : with_partner)
    if (kind_ok(*b, kind)) with_kind.push_back(b);
  if (with_kind.empty()) {
    g.outcome = Governing::kind;
    g.lines = with_partner;
    return g;
  }
  g.outcome = Governing::layer;
  g.lines = with_kind;
  return g;
}

// ---------------------------------------------------------------------------
// [SECTION] Contacts

void check_contact_side(const Document& d, const Beat& beat, const Contact& c, Direction dir,
                        std::vector<Finding>& out) {
  const bool receiving = dir == Direction::receive;
  const std::string& self_id = receiving ? c.receiver : c.giver;
  const std::string& partner_id = receiving ? c.giver : c.receiver;
  const Performer* self = d.performer(self_id);
  if (!self) return;  // validation reports unknown performers
  const Governing g = govern(*self, dir, c.region, partner_id, c.kind, c.layer);

  Finding f;
  const std::string me = who(d, self_id), them = who(d, partner_id);
  const std::string what = receiving
      ? them + " touching " + possessive(me) + " " + rlabel(c.region) + " (" + std::string(vocab_name(c.kind)) +
            ", " + std::string(vocab_name(c.layer)) + ")"
      : me + " touching " + possessive(them) + " " + rlabel(c.region) + " (" + std::string(vocab_name(c.kind)) +
            ", " + std::string(vocab_name(c.layer)) + ")";
  const std::string map = receiving ? possessive(me) + " body map" : possessive(me) + " boundaries for touching";
  switch (g.outcome) {
    case Governing::ok: return;
    case Governing::not_discussed:
      f = make(FindingCode::contact_refused);
      f.message = what + ": " + (receiving ? possessive(me) + " " + rlabel(c.region) + " was never discussed for being touched"
                                           : "touching a partner's " + rlabel(c.region) + " was never discussed with " + me) +
                  ", which counts as no";
      f.suggestion = "Talk it through with " + me + " and add a boundary, or change the contact";
      break;
    case Governing::refused:
      f = make(FindingCode::contact_refused);
      f.message = what + ": " + map + " says no";
      f.suggestion = "Change the contact to a region " + me + " agreed to";
      break;
    case Governing::partner: {
      f = make(FindingCode::contact_partner);
      std::set<std::string> partners;
      for (const Boundary* b : g.lines)
        for (const std::string& p : b->partners) partners.insert(p);
      f.message = what + ": agreed by " + me + ", but not with " + them;
      f.suggestion = "Agreed only with " + names(d, std::vector<std::string>(partners.begin(), partners.end()));
      break;
    }
    case Governing::kind: {
      f = make(FindingCode::contact_kind);
      std::vector<ContactKind> kinds;
      for (const Boundary* b : g.lines)
        for (ContactKind k : b->contact)
          if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
      std::sort(kinds.begin(), kinds.end());
      f.message = what + ": " + me + " agreed to contact there, but not " + std::string(vocab_name(c.kind));
      f.suggestion = "Agreed kinds: " + words(kinds);
      break;
    }
    case Governing::layer: {
      f = make(FindingCode::contact_layer);
      Layer most = Layer::through_barrier;
      for (const Boundary* b : g.lines) most = std::max(most, b->layer);
      f.message = what + ": more exposed than agreed; " + me + " agreed to " + layer_words(most) +
                  (most == Layer::through_barrier ? " only" : " at most");
      f.suggestion = "Make the contact " + layer_words(most) + (most == Layer::through_barrier ? "" : " or less exposed");
      break;
    }
    case Governing::conditional: {
      f = make(FindingCode::contact_conditional);
      std::string conditions;
      for (const Boundary* b : g.lines)
        if (!b->conditions.empty()) conditions += (conditions.empty() ? "" : "; ") + b->conditions;
      f.message = what + ": agreed with conditions: " + (conditions.empty() ? "(none written)" : conditions);
      break;
    }
    case Governing::ask:
      f = make(FindingCode::contact_ask);
      f.message = what + ": agreed as ask; check in with " + me + " before every run";
      break;
  }
  f.beat = beat.id;
  f.from_count = beat.start_count;
  f.to_count = beat.end_count();
  f.performer = self_id;
  f.region = c.region;
  f.other = partner_id;
  out.push_back(std::move(f));
}

// Contact is mutual: the giver's own region (`with`) is touched too. Where that
// region is sensitive or intimate for the giver, it is held to the giver's own
// `receive` lines, with the receiver as the partner (a breast pressed against a
// partner's chest is that breast being touched). Hands, forearms and other
// ordinary regions doing the touching are not: that is what giving is.
void check_giver_region(const Document& d, const Beat& beat, const Contact& c, std::vector<Finding>& out) {
  const Performer* giver = d.performer(c.giver);
  if (!giver || c.giver == c.receiver || tier_for(*giver, c.with) == Tier::ordinary) return;
  Contact mirrored = c;
  mirrored.giver = c.receiver;
  mirrored.receiver = c.giver;
  mirrored.region = c.with;
  mirrored.with = c.region;
  check_contact_side(d, beat, mirrored, Direction::receive, out);
}

void check_contact_layers(const Document& d, const Beat& beat, const std::vector<bool>& worn, const Contact& c,
                          std::vector<Finding>& out) {
  auto finding = [&](FindingCode code, const std::string& performer, Region r, std::string msg, std::string sug) {
    Finding f = make(code);
    f.beat = beat.id;
    f.from_count = beat.start_count;
    f.to_count = beat.end_count();
    f.performer = performer;
    f.region = r;
    f.other = performer == c.receiver ? c.giver : c.receiver;
    f.message = std::move(msg);
    f.suggestion = std::move(sug);
    out.push_back(std::move(f));
  };
  const std::string recv = who(d, c.receiver), give = who(d, c.giver);
  const int recv_cover = covering_garment(d, worn, c.receiver, c.region);
  const int give_cover = covering_garment(d, worn, c.giver, c.with);

  // A garment that would cover a region, for suggestions.
  auto garment_for = [&](const std::string& wearer, Region r) -> std::string {
    for (const Garment& g : d.garments)
      if (g.wearer == wearer && std::find(g.covers.begin(), g.covers.end(), r) != g.covers.end())
        return g.label.empty() ? g.id : g.label + " (" + g.id + ")";
    return "";
  };

  if (c.layer == Layer::over_garment || c.layer == Layer::over_costume) {
    const char* layer_words = c.layer == Layer::over_garment ? "over a garment" : "over costume";
    if (!c.garment.empty()) {
      const Garment* g = d.garment(c.garment);
      const std::size_t gi = g ? static_cast<std::size_t>(g - d.garments.data()) : 0;
      const Region on = g && g->wearer == c.giver && g->wearer != c.receiver ? c.with : c.region;
      const bool covers = g && std::find(g->covers.begin(), g->covers.end(), on) != g->covers.end();
      if (g && (!worn[gi] || !covers)) {
        const std::string other = garment_for(c.receiver, c.region);
        finding(FindingCode::contact_garment_missing, g->wearer, on,
                "Contact " + std::string(layer_words) + " " + (g->label.empty() ? g->id : g->label) + " (" +
                    possessive(who(d, g->wearer)) + "), but " +
                    (!worn[gi] ? std::string("it is not worn in this beat")
                               : "it does not cover " + possessive(who(d, g->wearer)) + " " + rlabel(on)),
                !worn[gi] ? "Keep " + g->id + " on through this beat, or change the layer"
                          : "Name a garment worn over " + possessive(recv) + " " + rlabel(c.region) +
                                (other.empty() ? std::string() : " (" + other + ")") + ", or change the layer");
      }
    } else if (recv_cover < 0 && give_cover < 0) {
      const std::string g = garment_for(c.receiver, c.region);
      finding(FindingCode::contact_garment_missing, c.receiver, c.region,
              "Contact planned " + std::string(layer_words) + " on " + possessive(recv) + " " + rlabel(c.region) +
                  ", but nothing is worn there in this beat, so it is skin",
              g.empty() ? "Plan a garment for it with costume, or notate the contact as skin if that was agreed"
                        : "Keep " + g + " on through this beat");
    }
  }
  if (c.layer == Layer::through_barrier && c.barrier.empty()) {
    finding(FindingCode::contact_barrier_missing, c.receiver, c.region,
            "Contact planned through a barrier on " + possessive(recv) + " " + rlabel(c.region) +
                ", but no barrier is named",
            "Name the barrier prop in the contact (\"barrier\")");
  }

  // SAG-AFTRA: simulated sex always has a barrier between genitals. Each
  // genital-area side needs its own worn garment, unless a barrier is named.
  const bool barrier = c.layer == Layer::through_barrier && !c.barrier.empty();
  auto genital_side = [&](const std::string& performer, Region r, int cover) {
    if (!is_genital_area(r)) return;
    if (c.layer != Layer::skin && (barrier || cover >= 0)) return;
    const std::string g = garment_for(performer, r);
    std::string fix;
    if (c.layer == Layer::skin && cover >= 0)  // a modesty garment is worn there: the notation is what is wrong
      fix = "Never allowed as skin. " + possessive(who(d, performer)) + " " +
            (d.garments[static_cast<std::size_t>(cover)].label.empty() ? d.garments[static_cast<std::size_t>(cover)].id
                                                                        : d.garments[static_cast<std::size_t>(cover)].label) +
            " is worn there: notate the contact over it, or through a named barrier";
    else
      fix = "Never allowed. Put a barrier between them and a modesty garment on each" +
            (g.empty() ? std::string() : " (" + g + ")");
    finding(FindingCode::contact_genital_no_barrier, performer, r,
            possessive(who(d, performer)) + " " + rlabel(r) + " in contact with no garment or barrier between" +
                (c.layer == Layer::skin ? " (notated as skin)" : ""),
            fix);
  };
  genital_side(c.receiver, c.region, recv_cover);
  if (c.giver != c.receiver || c.with != c.region) genital_side(c.giver, c.with, give_cover);
}

// ---------------------------------------------------------------------------
// [SECTION] Eyeline targets

void check_eyeline_targets(const Document& d, const Beat& beat, std::vector<Finding>& out) {
  for (const Eyeline& y : beat.eyelines) {
    std::string problem;
    if (!y.target.performer.empty() && !d.performer(y.target.performer))
      problem = "performer \"" + y.target.performer + "\", who is not in the cast";
    else if (!y.target.camera.empty() && !d.camera(y.target.camera))
      problem = "camera \"" + y.target.camera + "\", which is not in the scene";
    else if (y.target.performer.empty() && y.target.camera.empty() && !y.target.point)
      problem = "nothing";
    if (problem.empty()) continue;
    Finding f = make(FindingCode::eyeline_target);
    f.beat = beat.id;
    f.from_count = beat.start_count;
    f.to_count = beat.end_count();
    f.performer = y.performer;
    f.other = !y.target.performer.empty() ? y.target.performer : y.target.camera;
    f.message = possessive(who(d, y.performer)) + " eyeline looks at " + problem;
    f.suggestion = "Point the eyeline at a performer in the cast, a camera, or a point in the room";
    out.push_back(std::move(f));
  }
}

// ---------------------------------------------------------------------------
// [SECTION] Spans
//
// An observation is a finding at one sample plus a key. Observations with the
// same key on consecutive samples merge into one finding spanning them.

struct Observation {
  Observation(std::string k, Finding f, double a = 0) : key(std::move(k)), finding(std::move(f)), amount(a) {}
  std::string key;
  Finding finding;
  double amount = 0;   // e.g. the largest frame share seen, kept across the span
  std::string detail;  // collected across the span into {details} ("right hand, forearm")
};

class Spans {
 public:
  explicit Spans(std::vector<double> samples = {}, std::vector<std::string> beats = {})
      : samples_(std::move(samples)), beats_(std::move(beats)) {}
  // Unnoted touches of regions the performer agreed to be touched there, seen
  // on fewer consecutive samples than this, are dropped: interpolation between
  // keys passes limbs through each other for an instant. A touch of a region
  // marked no, or never discussed, is reported from a single sample: a brush
  // on the way into a shape is still a touch nobody agreed to.
  int min_touch_samples = 1;
  // For spans over a sparser sequence of samples: append its counts (and beat) as they come.
  void push_sample(double count, std::string beat) {
    samples_.push_back(count);
    beats_.push_back(std::move(beat));
  }

  void observe(int sample, Observation o) {
    auto it = open_.find(o.key);
    if (it != open_.end() && (it->second.last == sample - 1 || it->second.last == sample)) {
      it->second.last = sample;
      if (o.amount > it->second.amount) it->second.peak = sample;
      it->second.amount = std::max(it->second.amount, o.amount);
      it->second.extra.insert(o.finding.suggestion);
      if (!o.detail.empty()) it->second.details.insert(o.detail);
      return;
    }
    if (it != open_.end()) close(it);
    Open op;
    op.first = op.last = op.peak = sample;
    op.amount = o.amount;
    op.extra.insert(o.finding.suggestion);
    if (!o.detail.empty()) op.details.insert(o.detail);
    op.finding = std::move(o.finding);
    open_.emplace(o.key, std::move(op));
  }

  // Closes spans not observed at `sample`.
  void end_sample(int sample) {
    for (auto it = open_.begin(); it != open_.end();) {
      if (it->second.last < sample) it = close(it);
      else ++it;
    }
  }

  std::vector<Finding> finish() {
    for (auto it = open_.begin(); it != open_.end();) it = close(it);
    return std::move(done_);
  }

  // Turns the span into words: `{span}` in a message is replaced by "at count 5"
  // or "from count 5 to 7.25"; `{amount}` by the largest share in percent;
  // `{extras}` by the union of the suggestions seen.
 private:
  struct Open {
    int first = 0, last = 0, peak = 0;  // peak: the first sample of the largest amount
    double amount = 0;
    std::set<std::string> extra;
    std::set<std::string> details;
    Finding finding;
  };
  std::vector<double> samples_;
  std::vector<std::string> beats_;  // the beat of each sample
  std::map<std::string, Open> open_;
  std::vector<Finding> done_;

  std::map<std::string, Open>::iterator close(std::map<std::string, Open>::iterator it) {
    Open& op = it->second;
    if (op.finding.code == FindingCode::pose_unnotated_contact && op.last - op.first + 1 < min_touch_samples)
      return open_.erase(it);
    Finding f = std::move(op.finding);
    f.from_count = samples_[static_cast<std::size_t>(op.first)];
    f.to_count = samples_[static_cast<std::size_t>(op.last)];
    f.peak_count = samples_[static_cast<std::size_t>(op.peak)];
    std::string span = op.first == op.last ? "at count " + num(f.from_count)
                                           : "from count " + num(f.from_count) + " to " + num(f.to_count);
    // A span may run on through several beats; it is listed under the first.
    if (static_cast<std::size_t>(op.last) < beats_.size() && beats_[static_cast<std::size_t>(op.first)] !=
                                                              beats_[static_cast<std::size_t>(op.last)])
      span += " (" + beats_[static_cast<std::size_t>(op.first)] + " to " + beats_[static_cast<std::size_t>(op.last)] + ")";
    std::string extras;
    for (const std::string& e : op.extra)
      if (!e.empty()) extras += (extras.empty() ? "" : "; ") + e;
    std::ostringstream amount;
    amount.precision(2);
    amount << std::fixed << op.amount * 100 << "%";
    auto replace = [](std::string& s, const std::string& from, const std::string& to) {
      for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    };
    std::string details;
    std::size_t n = 0;
    for (const std::string& e : op.details) {
      ++n;
      details += (n == 1 ? "" : n == op.details.size() ? " and " : ", ") + e;
    }
    replace(f.message, "{details}", details);
    replace(f.message, "{span}", span);
    replace(f.message, "{amount}", amount.str());
    replace(f.suggestion, "{extras}", extras);
    if (f.suggestion.find("{") == std::string::npos && op.extra.size() > 1 && f.code == FindingCode::masking_fragile)
      f.suggestion = extras;
    done_.push_back(std::move(f));
    return open_.erase(it);
  }
};

// ---------------------------------------------------------------------------
// [SECTION] Geometry

// The rider rules (rider_verdict), the view and the "reads" threshold live in
// consent.hpp, shared with the editor's colour modes, so a colour and a finding
// can never disagree.

struct Thresholds {
  std::uint32_t start = 2, hold = 1;
};
Thresholds thresholds_for(std::uint32_t rays) {
  Thresholds t;
  t.start = reads_threshold(rays);
  t.hold = kHoldRays;
  return t;
}

// A stage with one performer or prop left out (to learn what masks what).
Stage without(const Stage& st, int performer, int prop) {
  Stage s = st;
  s.shapes.erase(std::remove_if(s.shapes.begin(), s.shapes.end(),
                                [&](const Shape& sh) {
                                  return (performer >= 0 && sh.label.performer == performer) ||
                                         (prop >= 0 && sh.label.prop == prop);
                                }),
                 s.shapes.end());
  s.triangles.erase(std::remove_if(s.triangles.begin(), s.triangles.end(),
                                   [&](const StageTriangle& t) { return prop >= 0 && t.label.prop == prop; }),
                    s.triangles.end());
  return s;
}

// A stage with one performer's body moved by `offset` (metres, world).
Stage shifted(const Stage& st, int performer, const glm::vec3& offset) {
  Stage s = st;
  const glm::mat4 to = glm::translate(glm::mat4(1.0f), offset);
  const glm::mat4 back = glm::translate(glm::mat4(1.0f), -offset);
  for (Shape& sh : s.shapes) {
    if (sh.label.performer != performer) continue;
    sh.to_world = to * sh.to_world;
    sh.to_canonical = sh.to_canonical * back;
    sh.bound_center += offset;
  }
  return s;
}

Joint joint_near(Region r) {
  switch (r) {
    case Region::scalp: case Region::face: case Region::lips: case Region::ear_l: case Region::ear_r: return Joint::head;
    case Region::neck_front: case Region::neck_back: return Joint::neck;
    case Region::shoulder_l: return Joint::shoulder_l;
    case Region::shoulder_r: return Joint::shoulder_r;
    case Region::chest_upper: case Region::breast_l: case Region::breast_r: case Region::nipple_l:
    case Region::nipple_r: case Region::back_upper: return Joint::spine_upper;
    case Region::abdomen_upper: case Region::abdomen_lower: case Region::flank_l: case Region::flank_r:
    case Region::back_lower: return Joint::spine_lower;
    case Region::upper_arm_l: return Joint::shoulder_l;
    case Region::upper_arm_r: return Joint::shoulder_r;
    case Region::forearm_l: return Joint::elbow_l;
    case Region::forearm_r: return Joint::elbow_r;
    case Region::hand_l: return Joint::wrist_l;
    case Region::hand_r: return Joint::wrist_r;
    case Region::thigh_l: case Region::inner_thigh_l: return Joint::hip_l;
    case Region::thigh_r: case Region::inner_thigh_r: return Joint::hip_r;
    case Region::lower_leg_l: return Joint::knee_l;
    case Region::lower_leg_r: return Joint::knee_r;
    case Region::foot_l: return Joint::ankle_l;
    case Region::foot_r: return Joint::ankle_r;
    default: return Joint::pelvis;
  }
}

bool is_head(Region r) {
  return r == Region::scalp || r == Region::face || r == Region::lips || r == Region::ear_l || r == Region::ear_r;
}

// Surface points of each performer's body by region, for proximity.
struct BodyPoints {
  std::vector<glm::vec3> points;
  std::vector<Region> regions;
};

// The tessellation the pose checks measure with (kTessellationSlackM is for it).
constexpr int kPoseDetail = 8;

// Body shapes' surfaces in canonical space, with each triangle's region: they
// depend only on the shape's kind, part and h, so they are built once a run.
class SurfaceCache {
 public:
  struct Entry {
    std::vector<glm::vec3> vertices;           // the surface's distinct corners
    std::vector<std::array<std::uint32_t, 3>> triangles;  // into vertices, in tessellate()'s order
    std::vector<Region> regions;  // per triangle, as Stage::label_at reads it
  };
  const Entry& get(const Shape& s) {
    std::uint32_t hb = 0;
    std::memcpy(&hb, &s.h, sizeof hb);
    const auto key = std::make_tuple(static_cast<int>(s.kind), static_cast<int>(s.part), hb);
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) return it->second;
    Entry e;
    const ShapeSurface surface = shape_surface(s, kPoseDetail);
    // Corners shared by neighbouring triangles are transformed once (the same
    // bits: a corner's transform does not depend on its triangle).
    std::map<std::array<float, 3>, std::uint32_t> index;
    for (std::size_t t = 0; t < surface.label_points.size(); ++t) {
      std::array<std::uint32_t, 3> tri{};
      for (int k = 0; k < 3; ++k) {
        const glm::vec3& c = surface.corners[3 * t + static_cast<std::size_t>(k)];
        const auto [slot, fresh] = index.emplace(std::array<float, 3>{c.x, c.y, c.z}, static_cast<std::uint32_t>(e.vertices.size()));
        if (fresh) e.vertices.push_back(c);
        tri[static_cast<std::size_t>(k)] = slot->second;
      }
      e.triangles.push_back(tri);
      e.regions.push_back(body_region(s.part, region_coords(s, surface.label_points[t])));
    }
    return entries_.emplace(key, std::move(e)).first->second;  // std::map: references stay valid
  }

 private:
  std::mutex mutex_;
  std::map<std::tuple<int, int, std::uint32_t>, Entry> entries_;
};

// Points on the bodies' surfaces (each triangle's centre of tessellate()'s
// surface at kPoseDetail, computed as it computes them) near enough another
// body to touch it (within `reach` of another performer's shape, by bounding
// spheres: a surface point lies inside its shape's sphere), and on the regions
// in `keep` (per performer: the regions whose distance a contact needs),
// wherever they are. Garment shells lie a few millimetres outside the skin and
// props are not bodies, so neither counts.
std::vector<BodyPoints> body_points(const Stage& st, float reach, const std::vector<std::uint64_t>& keep,
                                    SurfaceCache& cache) {
  std::vector<BodyPoints> out(st.performers.size());
  std::vector<glm::vec3> world;  // one shape's corners, placed
  std::vector<const Shape*> skin;
  for (const Shape& sh : st.shapes)
    if (sh.label.performer >= 0 && !sh.label.is_prop() && sh.covers == 0 && sh.part != BodyPart::none)
      skin.push_back(&sh);
  for (const Shape* sh : skin) {
    const std::size_t P = static_cast<std::size_t>(sh->label.performer);
    bool want = P < keep.size() && (part_regions(sh->part) & keep[P]);
    for (std::size_t o = 0; o < skin.size() && !want; ++o)
      want = skin[o]->label.performer != sh->label.performer &&
             glm::distance(sh->bound_center, skin[o]->bound_center) <= sh->bound_radius + skin[o]->bound_radius + reach;
    if (!want) continue;
    const SurfaceCache::Entry& e = cache.get(*sh);
    BodyPoints& bp = out[P];
    world.resize(e.vertices.size());
    for (std::size_t v = 0; v < e.vertices.size(); ++v) world[v] = glm::vec3(sh->to_world * glm::vec4(e.vertices[v], 1.0f));
    for (std::size_t t = 0; t < e.triangles.size(); ++t) {
      const std::array<std::uint32_t, 3>& tri = e.triangles[t];
      bp.points.push_back((world[tri[0]] + world[tri[1]] + world[tri[2]]) / 3.0f);
      bp.regions.push_back(e.regions[t]);
    }
  }
  return out;
}

// Smallest distance between every region of A and every region of B that come
// within `reach` of each other, where at least one of the two is in its
// performer's `a_private` / `b_private` bits (the pose checks report only
// touches of a sensitive or intimate region; two ordinary regions touching is
// no concern). A grid of `reach`-sized cells over B's points, each cell's
// private points first, so an ordinary point of A looks only at those.
using RegionPairDistance = std::map<std::pair<Region, Region>, float>;

RegionPairDistance near_pairs(const BodyPoints& a, const BodyPoints& b, float reach, std::uint64_t a_private,
                              std::uint64_t b_private) {
  RegionPairDistance out;
  if (a.points.empty() || b.points.empty()) return out;
  // Only the overlap of the two bodies' boxes (grown by `reach`) can hold a
  // near pair; a dense grid of `reach`-sized cells over it, B's points sorted
  // into the cells (counting sort), then each of A's points looks at 27 cells.
  glm::vec3 alo(std::numeric_limits<float>::max()), ahi(-std::numeric_limits<float>::max());
  glm::vec3 blo = alo, bhi = ahi;
  for (const glm::vec3& p : a.points) { alo = glm::min(alo, p); ahi = glm::max(ahi, p); }
  for (const glm::vec3& p : b.points) { blo = glm::min(blo, p); bhi = glm::max(bhi, p); }
  const glm::vec3 lo = glm::max(alo, blo) - glm::vec3(reach), hi = glm::min(ahi, bhi) + glm::vec3(reach);
  if (lo.x > hi.x || lo.y > hi.y || lo.z > hi.z) return out;
  const float cell = std::max(reach, std::max({hi.x - lo.x, hi.y - lo.y, hi.z - lo.z}) / 256.0f);
  const int nx = static_cast<int>((hi.x - lo.x) / cell) + 1, ny = static_cast<int>((hi.y - lo.y) / cell) + 1,
            nz = static_cast<int>((hi.z - lo.z) / cell) + 1;
  auto inside = [&](const glm::vec3& p) {
    return p.x >= lo.x && p.y >= lo.y && p.z >= lo.z && p.x <= hi.x && p.y <= hi.y && p.z <= hi.z;
  };
  auto index = [&](int x, int y, int z) { return (static_cast<std::size_t>(z) * ny + y) * nx + x; };
  auto coords = [&](const glm::vec3& p, int& x, int& y, int& z) {
    x = std::min(nx - 1, static_cast<int>((p.x - lo.x) / cell));
    y = std::min(ny - 1, static_cast<int>((p.y - lo.y) / cell));
    z = std::min(nz - 1, static_cast<int>((p.z - lo.z) / cell));
  };
  auto is_private = [](std::uint64_t bits, Region r) { return (bits & region_bit(r)) != 0; };
  // start[c] … start[c + 1]: cell c's points, its private ones first, up to split[c].
  std::vector<std::uint32_t> start(static_cast<std::size_t>(nx) * ny * nz + 1, 0);
  std::vector<std::uint32_t> cell_of(b.points.size(), ~0u);
  for (std::uint32_t j = 0; j < b.points.size(); ++j) {
    if (!inside(b.points[j])) continue;
    int x, y, z;
    coords(b.points[j], x, y, z);
    cell_of[j] = static_cast<std::uint32_t>(index(x, y, z));
    ++start[cell_of[j] + 1];
  }
  for (std::size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
  // split[c]: where cell c's private points end and its others begin.
  std::vector<std::uint32_t> split(start.begin(), start.end() - 1);
  for (std::uint32_t j = 0; j < b.points.size(); ++j)
    if (cell_of[j] != ~0u && is_private(b_private, b.regions[j])) ++split[cell_of[j]];
  std::vector<std::uint32_t> items(start.back());
  {
    std::vector<std::uint32_t> mine(start.begin(), start.end() - 1), others(split);
    for (std::uint32_t j = 0; j < b.points.size(); ++j)
      if (cell_of[j] != ~0u) items[is_private(b_private, b.regions[j]) ? mine[cell_of[j]]++ : others[cell_of[j]]++] = j;
  }
  // An ordinary point of A can only be near a private point of B: within
  // reach of their box.
  glm::vec3 plo(std::numeric_limits<float>::max()), phi(-std::numeric_limits<float>::max());
  for (std::uint32_t j = 0; j < b.points.size(); ++j)
    if (is_private(b_private, b.regions[j])) {
      plo = glm::min(plo, b.points[j]);
      phi = glm::max(phi, b.points[j]);
    }
  plo -= glm::vec3(reach);
  phi += glm::vec3(reach);
  const float reach2 = reach * reach;
  std::array<float, kRegionCount * kRegionCount> best;
  best.fill(std::numeric_limits<float>::infinity());
  for (std::size_t i = 0; i < a.points.size(); ++i) {
    const glm::vec3& p = a.points[i];
    if (!inside(p)) continue;
    const bool mine = is_private(a_private, a.regions[i]);
    if (!mine && (p.x < plo.x || p.y < plo.y || p.z < plo.z || p.x > phi.x || p.y > phi.y || p.z > phi.z)) continue;
    int x, y, z;
    coords(p, x, y, z);
    const std::size_t ra = static_cast<std::size_t>(a.regions[i]) * kRegionCount;
    for (int dz = std::max(0, z - 1); dz <= std::min(nz - 1, z + 1); ++dz)
      for (int dy = std::max(0, y - 1); dy <= std::min(ny - 1, y + 1); ++dy)
        for (int dx = std::max(0, x - 1); dx <= std::min(nx - 1, x + 1); ++dx) {
          const std::size_t c = index(dx, dy, dz);
          const std::uint32_t stop = mine ? start[c + 1] : split[c];
          for (std::uint32_t k = start[c]; k < stop; ++k) {
            const std::uint32_t j = items[k];
            const glm::vec3 d = p - b.points[j];
            const float d2 = glm::dot(d, d);
            if (d2 > reach2) continue;
            float& slot = best[ra + static_cast<std::size_t>(b.regions[j])];
            slot = std::min(slot, d2);
          }
        }
  }
  for (std::size_t ra = 0; ra < kRegionCount; ++ra)
    for (std::size_t rb = 0; rb < kRegionCount; ++rb)
      if (std::isfinite(best[ra * kRegionCount + rb]))
        out[{vocab_at<Region>(ra), vocab_at<Region>(rb)}] = std::sqrt(best[ra * kRegionCount + rb]);
  return out;
}

// Smallest distance between region `ra` of A and region `rb` of B (brute force
// over the two regions' points, which are few).
float region_distance(const BodyPoints& a, Region ra, const BodyPoints& b, Region rb) {
  float best = std::numeric_limits<float>::infinity();
  std::vector<glm::vec3> pb;
  for (std::size_t j = 0; j < b.points.size(); ++j)
    if (b.regions[j] == rb) pb.push_back(b.points[j]);
  for (std::size_t i = 0; i < a.points.size(); ++i) {
    if (a.regions[i] != ra) continue;
    for (const glm::vec3& q : pb) {
      const glm::vec3 d = a.points[i] - q;
      best = std::min(best, glm::dot(d, d));
    }
  }
  return std::sqrt(best);
}

// Tessellation places points at triangle centres, up to about half a triangle
// from the true surface; this slack is added to the touching distance.
constexpr float kTessellationSlackM = 0.015f;

// The geometric checks run in two phases.
//  1. Per sample, in parallel and cached by content: evaluate the Stage, mask
//     every camera, probe fragile masking, re-mask without a masking note's
//     named masker, measure region proximity. Everything here is a pure
//     function of the staged geometry and the notation that selects what to
//     measure, so a sample whose inputs hash the same as one already computed
//     (a held shape, or an edit elsewhere on the timeline) reuses it.
//  2. In timeline order: thresholds with hysteresis, verdicts, spans.

// Stateless "worth probing" test for fragile masking (phase 1); phase 2 only
// reports a candidate that also does not read under the hysteresis.
struct FragileResult {
  int performer = -1;
  Region region = Region::face;
  std::vector<std::string> breaks;  // which probes expose it
  double zmin = 0;                  // the region's nearest depth from the camera (bounding spheres)
};

struct NoteResult {
  bool measured = false;            // a re-mask without the named masker was done
  std::uint32_t seen_without = 0;   // its regions' rays with the masker removed
};

struct SampleGeometry {
  std::vector<CameraMasking> masks;                    // per camera
  std::vector<std::vector<View>> views;                // [camera][performer]
  std::vector<std::vector<FragileResult>> fragile;     // [camera] (probe samples only)
  std::vector<std::vector<NoteResult>> notes;          // [camera][masking note of the beat]
  std::vector<std::array<glm::dvec3, kJointCount>> joints;  // per performer, world
  std::vector<glm::dvec3> camera_positions;            // per camera
  // Pose: per unordered performer pair (a < b): region pairs within touching reach.
  std::map<std::pair<int, int>, RegionPairDistance> touching;
  std::vector<float> contact_distance;                 // per contact of the beat
  std::size_t passes = 0;
};

void hash_bytes(std::uint64_t& h, const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) {
    h ^= p[i];
    h *= 1099511628211ull;
  }
}
template <class T> void hash_value(std::uint64_t& h, const T& v) { hash_bytes(h, &v, sizeof v); }
// Field by field: a struct's padding bytes are not part of its value.
void hash_label(std::uint64_t& h, const Label& l) {
  hash_value(h, l.performer);
  hash_value(h, l.garment);
  hash_value(h, l.prop);
  hash_value(h, l.region);
}
void hash_string(std::uint64_t& h, const std::string& s) {
  hash_value(h, s.size());
  hash_bytes(h, s.data(), s.size());
}

}  // namespace

struct CheckCache::Impl {
  std::mutex mutex;
  std::unordered_map<std::uint64_t, std::shared_ptr<const SampleGeometry>> entries;
};

CheckCache::CheckCache() : impl_(std::make_unique<Impl>()) {}
CheckCache::~CheckCache() = default;
std::size_t CheckCache::size() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->entries.size();
}
void CheckCache::clear() {
  std::lock_guard lock(impl_->mutex);
  impl_->entries.clear();
}

namespace {

std::vector<std::string> beat_ids(const Document& d, const std::vector<double>& samples) {
  std::vector<std::string> out;
  for (double c : samples) {
    const Beat* b = beat_at(d, c);
    out.push_back(b ? b->id : "");
  }
  return out;
}

class GeometryChecks {
 public:
  GeometryChecks(const Document& d, const CheckOptions& o, std::vector<double> samples, CheckCache* cache)
      : d_(d), o_(o), samples_(samples), spans_(samples, beat_ids(d, samples)), cache_(cache) {
    spc_ = std::max(1, o.samples_per_count);
    spans_.min_touch_samples = spc_ >= 2 ? 2 : 1;
    mopt_.width = o.masking_width > 0 ? o.masking_width : kDefaultMaskingWidth;
    mopt_.threads = 1;  // parallel over samples instead
    rider_hash_ = 1469598103934665603ull;
    for (const Performer& p : d.performers) {
      for (const Exposure& x : p.exposure) {
        for (Region r : x.regions) hash_value(rider_hash_, r);
        hash_value(rider_hash_, x.state);
        for (View v : x.views) hash_value(rider_hash_, v);
      }
      for (const TierRaise& t : p.tiers) {
        hash_value(rider_hash_, t.region);
        hash_value(rider_hash_, t.tier);
      }
      hash_string(rider_hash_, p.id);
    }
    for (const Prop& p : d.props) {
      hash_string(rider_hash_, p.id);
      hash_value(rider_hash_, p.barrier);  // what is cast depends on it (barriers are looked for)
    }
    for (const Garment& g : d.garments) hash_value(rider_hash_, g.camera);  // and on which garments must stay hidden
    hash_value(rider_hash_, o.fragile_offset_m);
    hash_value(rider_hash_, mopt_.width);
    // Per performer, the sensitive and intimate regions: the only ones whose
    // touches the pose checks report.
    for (const Performer& p : d.performers) {
      std::uint64_t bits = 0;
      for (std::size_t r = 0; r < kRegionCount; ++r)
        if (tier_for(p, vocab_at<Region>(r)) != Tier::ordinary) bits |= region_bit(vocab_at<Region>(r));
      private_.push_back(bits);
    }
    // Per performer and view, the regions whose bare skin the rider does not
    // simply allow: the only skin counts the exposure checks read.
    not_allowed_.resize(d.performers.size());
    for (std::size_t p = 0; p < d.performers.size(); ++p)
      for (std::size_t v = 0; v < kViewCount; ++v)
        for (std::size_t r = 0; r < kRegionCount; ++r)
          if (rider_verdict(d.performers[p], vocab_at<Region>(r), vocab_at<View>(v)).outcome != RiderVerdict::allowed)
            not_allowed_[p][v] |= region_bit(vocab_at<Region>(r));
  }

  std::size_t passes = 0;
  std::size_t reused = 0;

  void run() {
    const std::size_t n = samples_.size();
    std::vector<std::shared_ptr<const SampleGeometry>> geo(n);
    std::vector<std::uint64_t> keys(n);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> computed_passes{0}, reused_count{0};
    auto worker = [&] {
      for (std::size_t k = next++; k < n; k = next++) {
        const double count = samples_[k];
        const Beat* beat = beat_at(d_, count);
        const bool probe = is_probe(static_cast<int>(k), count, beat);
        const Stage st = evaluate(d_, count, o_.meshes);
        keys[k] = sample_key(st, beat, probe, count);
        if (auto hit = lookup(keys[k])) {
          geo[k] = std::move(hit);
          ++reused_count;
          continue;
        }
        auto g = std::make_shared<SampleGeometry>(measure(st, beat, probe, count));
        computed_passes += g->passes;
        geo[k] = g;
        store(keys[k], g);
      }
    };
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const unsigned threads = o_.threads > 0 ? static_cast<unsigned>(o_.threads) : hw;
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<unsigned>(threads, static_cast<unsigned>(n)); ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();
    passes = computed_passes;
    reused = reused_count;
    if (cache_) prune(keys);

    // Phase 2, in timeline order.
    std::map<std::pair<const Beat*, std::size_t>, float> contact_min;
    for (int k = 0; k < static_cast<int>(n); ++k) {
      const double count = samples_[static_cast<std::size_t>(k)];
      const Beat* beat = beat_at(d_, count);
      const SampleGeometry& g = *geo[static_cast<std::size_t>(k)];
      const bool probe = is_probe(k, count, beat);
      if (probe) fragile_spans_.push_sample(count, beat ? beat->id : "");
      for (std::size_t c = 0; c < g.masks.size(); ++c) camera_checks(k, count, beat, g, c, probe);
      if (beat) pose_checks(k, count, *beat, g, contact_min);
      if (beat && count == beat->start_count) eyeline_lens(k, *beat, g);
      spans_.end_sample(k);
      if (probe) fragile_spans_.end_sample(probe_index_++);
    }
    for (const auto& [key, dist] : contact_min) {
      const Beat& b = *key.first;
      const Contact& c = b.contacts[key.second];
      // Through a barrier, the barrier's own thickness is between them.
      double allowed = kApartM;
      if (c.layer == Layer::through_barrier)
        if (const Prop* barrier = d_.prop(c.barrier))
          allowed += std::min({barrier->size[0], barrier->size[1], barrier->size[2]});
      if (dist <= allowed) continue;
      Finding f = make(FindingCode::pose_contact_apart);
      f.beat = b.id;
      f.from_count = b.start_count;
      f.to_count = b.end_count();
      f.performer = c.giver;
      f.region = c.with;
      f.other = c.receiver;
      f.message = "Noted contact " + possessive(who(d_, c.giver)) + " " + rlabel(c.with) + " to " +
                  possessive(who(d_, c.receiver)) + " " + rlabel(c.region) + ", but the poses keep them " +
                  (std::isfinite(dist) ? "at least " + num(std::round(dist * 100)) + " cm" : "far") +
                  " apart throughout the beat";
      f.suggestion = "Adjust the poses so they meet, or remove the contact";
      extra_.push_back(std::move(f));
    }
  }

  std::vector<Finding> finish() {
    std::vector<Finding> out = spans_.finish();
    for (Finding& f : fragile_spans_.finish()) out.push_back(std::move(f));
    for (Finding& f : extra_) out.push_back(std::move(f));
    return out;
  }

 private:
  const Document& d_;
  CheckOptions o_;
  std::vector<double> samples_;
  Spans spans_;
  CheckCache* cache_;
  MaskingOptions mopt_;
  std::uint64_t rider_hash_ = 0;
  static constexpr std::size_t kViewCount = static_cast<std::size_t>(View::any) + 1;
  std::vector<std::array<std::uint64_t, kViewCount>> not_allowed_;  // [performer][view]: region bits
  std::vector<std::uint64_t> private_;  // per performer: sensitive and intimate regions
  std::vector<Finding> extra_;
  mutable SurfaceCache surfaces_;  // shared by the measuring threads
  // Fragile masking is probed once per count (and at each beat start and the
  // last sample), not at every sample: each probe re-masks the camera a dozen times.
  int spc_ = 4;
  Spans fragile_spans_;
  int probe_index_ = 0;
  std::set<std::string> reading_;  // (camera, performer, region) keys that read at the previous sample
  std::set<std::string> reading_now_;
  int reading_sample_ = -1;

  bool is_probe(int k, double count, const Beat* beat) const {
    return o_.fragile_offset_m > 0 &&
           (k % spc_ == 0 || (beat && count == beat->start_count) || k + 1 == static_cast<int>(samples_.size()));
  }

  // [SECTION] Phase 1: measuring one sample

  std::uint64_t sample_key(const Stage& st, const Beat* beat, bool probe, double count) const {
    std::uint64_t h = rider_hash_;
    for (const Shape& s : st.shapes) {
      hash_value(h, s.kind);
      hash_value(h, s.part);
      hash_value(h, s.to_world);
      hash_value(h, s.h);
      hash_label(h, s.label);
      hash_value(h, s.covers);
      hash_value(h, s.order);
    }
    for (const StageTriangle& t : st.triangles) {
      hash_value(h, t.a);
      hash_value(h, t.b);
      hash_value(h, t.c);
      hash_label(h, t.label);
    }
    for (const StageCamera& c : st.cameras) {
      hash_value(h, c.basis);
      hash_value(h, c.lens.tan_half_w);
      hash_value(h, c.lens.tan_half_h);
    }
    for (const StagePerformer& p : st.performers) hash_value(h, p.covering);
    for (bool w : st.garment_worn) hash_value(h, w);
    hash_value(h, probe);
    if (beat) {
      hash_string(h, beat->id);
      const bool in_beat = count <= beat->end_count() + 1e-9;
      hash_value(h, in_beat);
      for (const MaskingNote& m : beat->masking) {
        hash_string(h, m.camera);
        hash_string(h, m.performer);
        hash_string(h, m.by);
        for (Region r : m.regions) hash_value(h, r);
      }
      for (const Contact& c : beat->contacts) {
        hash_string(h, c.giver);
        hash_string(h, c.receiver);
        hash_value(h, c.with);
        hash_value(h, c.region);
      }
    }
    return h;
  }

  std::shared_ptr<const SampleGeometry> lookup(std::uint64_t key) const {
    if (!cache_) return nullptr;
    std::lock_guard lock(cache_->impl_->mutex);
    auto it = cache_->impl_->entries.find(key);
    return it == cache_->impl_->entries.end() ? nullptr : it->second;
  }
  void store(std::uint64_t key, std::shared_ptr<const SampleGeometry> g) const {
    if (!cache_) return;
    std::lock_guard lock(cache_->impl_->mutex);
    cache_->impl_->entries[key] = std::move(g);
  }
  // Keeps only what this run used, so the cache stays the size of one timeline.
  void prune(const std::vector<std::uint64_t>& used) const {
    std::lock_guard lock(cache_->impl_->mutex);
    std::set<std::uint64_t> keep(used.begin(), used.end());
    for (auto it = cache_->impl_->entries.begin(); it != cache_->impl_->entries.end();)
      it = keep.count(it->first) ? std::next(it) : cache_->impl_->entries.erase(it);
  }

  bool noted_masked(const Beat* beat, const std::string& camera, const std::string& performer, Region r) const {
    if (!beat) return false;
    for (const MaskingNote& n : beat->masking)
      if (n.camera == camera && n.performer == performer &&
          std::find(n.regions.begin(), n.regions.end(), r) != n.regions.end())
        return true;
    return false;
  }

  SampleGeometry measure(const Stage& st, const Beat* beat, bool probe, double count) const {
    SampleGeometry g;
    // Each camera is cast only where something the checks read can be: the
    // regions its view of each performer makes not simply allowed, the regions
    // of this beat's masking notes for it, hidden garments, barriers.
    for (std::size_t c = 0; c < st.cameras.size(); ++c) {
      const Camera& cam = d_.cameras[c];
      MaskingInterest in;
      in.regions.assign(st.performers.size(), 0);
      for (std::size_t p = 0; p < st.performers.size(); ++p)
        in.regions[p] = not_allowed_[p][static_cast<std::size_t>(view_of(st.performers[p], st.cameras[c].basis.position))];
      // Footprints are read by fragile probing (at probe samples) and by the
      // masking notes; elsewhere only what is seen, so rays stop at the nearest.
      if (!probe) in.footprint_regions.assign(st.performers.size(), 0);
      if (beat)
        for (const MaskingNote& n : beat->masking) {
          const int pi = d_.performer_index(n.performer);
          if (n.camera != cam.id || pi < 0) continue;
          for (Region r : n.regions) {
            in.regions[static_cast<std::size_t>(pi)] |= region_bit(r);
            if (!probe) in.footprint_regions[static_cast<std::size_t>(pi)] |= region_bit(r);
          }
        }
      in.garments.resize(d_.garments.size());
      for (std::size_t gi = 0; gi < d_.garments.size(); ++gi) in.garments[gi] = d_.garments[gi].camera == GarmentCamera::hidden;
      in.props.resize(d_.props.size());
      for (std::size_t pi = 0; pi < d_.props.size(); ++pi) in.props[pi] = d_.props[pi].barrier;
      MaskingOptions mo = mopt_;
      mo.interest = &in;
      g.masks.push_back(mask_camera(st, static_cast<int>(c), mo));
    }
    g.passes += g.masks.size();
    g.views.resize(g.masks.size());
    g.fragile.resize(g.masks.size());
    g.notes.resize(g.masks.size());
    for (const StagePerformer& p : st.performers) {
      std::array<glm::dvec3, kJointCount> js{};
      for (std::size_t j = 0; j < kJointCount; ++j) js[j] = glm::dvec3(p.joints[j].position);
      g.joints.push_back(js);
    }
    for (const StageCamera& c : st.cameras) g.camera_positions.push_back(c.basis.position);
    for (std::size_t c = 0; c < g.masks.size(); ++c) {
      const CameraMasking& m = g.masks[c];
      const StageCamera& sc = st.cameras[static_cast<std::size_t>(m.camera)];
      for (const StagePerformer& sp : st.performers) g.views[c].push_back(view_of(sp, sc.basis.position));
      if (probe) g.fragile[c] = measure_fragile(st, beat, m, g.views[c], g.passes);
      if (beat) g.notes[c] = measure_notes(st, *beat, m, count, g.passes);
    }
    if (beat && st.performers.size() >= 2) measure_pose(st, *beat, g);
    return g;
  }

  std::vector<FragileResult> measure_fragile(const Stage& st, const Beat* beat, const CameraMasking& m,
                                             const std::vector<View>& views, std::size_t& passes_out) const {
    const Camera& cam = d_.cameras[static_cast<std::size_t>(m.camera)];
    const Thresholds t = thresholds_for(m.rays());
    std::vector<FragileResult> cands;
    for (const PerformerMasking& pm : m.performers) {
      const Performer& perf = d_.performers[static_cast<std::size_t>(pm.performer)];
      const StagePerformer& sp = st.performers[static_cast<std::size_t>(pm.performer)];
      for (std::size_t ri = 0; ri < kRegionCount; ++ri) {
        const Region r = vocab_at<Region>(ri);
        const RegionCounts& rc = pm.regions[ri];
        if (rc.footprint < t.start || rc.skin >= t.start || sp.covering[ri] >= 0) continue;
        const RiderVerdict v = rider_verdict(perf, r, views[static_cast<std::size_t>(pm.performer)]);
        if (!rider_forbids(v) && !noted_masked(beat, cam.id, perf.id, r)) continue;
        cands.push_back({pm.performer, r, {}});
      }
    }
    if (cands.empty()) return cands;
    const StageCamera& sc = st.cameras[static_cast<std::size_t>(m.camera)];
    // Each candidate's nearest depth, from the body shapes that carry its region
    // (the same for every probe: probe_window bounds each move's reach with it).
    for (FragileResult& c : cands) {
      c.zmin = std::numeric_limits<double>::infinity();
      for (const Shape& sh : st.shapes) {
        if (sh.label.performer != c.performer || sh.label.garment >= 0 || sh.label.is_prop()) continue;
        if (!(part_regions(sh.part) & region_bit(c.region))) continue;
        const glm::dvec3 rel = glm::dvec3(sh.bound_center) - sc.basis.position;
        c.zmin = std::min(c.zmin, glm::dot(rel, sc.basis.forward) - sh.bound_radius);
      }
    }
    const double dm = o_.fragile_offset_m;
    const std::string cm = num(std::round(dm * 100)) + " cm";
    MaskingInterest in;  // the candidates' bare skin only
    in.footprints = false;
    in.regions.assign(st.performers.size(), 0);
    for (const FragileResult& c : cands) in.regions[static_cast<std::size_t>(c.performer)] |= region_bit(c.region);
    // Each probe looks only where its move can carry the candidates: `moved`
    // gives, per candidate, how its points move relative to the camera.
    auto probe = [&](const Stage& s, const std::string& what, const std::function<glm::dvec3(const FragileResult&)>& moved) {
      MaskingOptions window = probe_window(sc, m, cands, moved);
      window.interest = &in;
      const CameraMasking pm = mask_camera(s, m.camera, window);
      ++passes_out;
      for (FragileResult& c : cands) {
        const RegionCounts& rc = pm.performers[static_cast<std::size_t>(c.performer)].regions[static_cast<std::size_t>(c.region)];
        if (rc.skin >= t.start) c.breaks.push_back(what);
      }
    };
    auto camera_probe = [&](const glm::dvec3& offset, const std::string& what) {
      Stage s = st;
      s.cameras[static_cast<std::size_t>(m.camera)].basis.position += offset;
      probe(s, "camera " + cam.id + " " + cm + " " + what, [&](const FragileResult&) { return -offset; });
    };
    camera_probe(sc.basis.right * dm, "to the right");
    camera_probe(-sc.basis.right * dm, "to the left");
    camera_probe(sc.basis.up * dm, "higher");
    camera_probe(-sc.basis.up * dm, "lower");
    camera_probe(sc.basis.forward * dm, "closer");
    // Performers slide on the floor, along the camera's left-right and to-and-from
    // directions, so a suggestion reads the way a DP would say it.
    glm::dvec3 across(sc.basis.right.x, 0, sc.basis.right.z), along(sc.basis.forward.x, 0, sc.basis.forward.z);
    if (glm::length(across) < 1e-6) across = glm::dvec3(1, 0, 0);
    across = glm::normalize(across);
    along = glm::length(along) < 1e-6 ? glm::dvec3(-sc.basis.up.x, 0, -sc.basis.up.z) : along;
    along = glm::length(along) < 1e-6 ? glm::dvec3(0, 0, -1) : glm::normalize(along);
    const glm::vec3 a(across * dm), f(along * dm);
    for (std::size_t p = 0; p < st.performers.size(); ++p) {
      const std::string name = who(d_, d_.performers[p].id);
      const int pi = static_cast<int>(p);
      auto slide = [&](const glm::vec3& by, const std::string& what) {
        probe(shifted(st, pi, by), name + " " + cm + what, [&](const FragileResult& c) {
          return c.performer == pi ? glm::dvec3(by) : glm::dvec3(0);
        });
      };
      slide(a, " to camera right");
      slide(-a, " to camera left");
      slide(-f, " towards camera " + cam.id);
      slide(f, " away from camera " + cam.id);
    }
    return cands;
  }

  // The part of the grid where the candidates' regions can be under one probe.
  // Each region's footprint box on the mark, one ray wider each side (a
  // region's edge lies within a ray of the last ray that met it), grown by how
  // far the probe's move carries its points across the image, then one ray of
  // margin. A point at depth z and image position (u, v) (tangent units) that
  // moves by s relative to the camera (camera axes: sx right, sy up, sz ahead)
  // lands at u' = u + (sx − u·sz)/(z + sz), likewise v. For z from the region's
  // nearest depth zmin (bounded by the bounding spheres of the body shapes that
  // carry it) outward, that shift runs from its value at zmin down to 0, and it
  // is linear in u: so the box's edges at zmin bound it on each side.
  MaskingOptions probe_window(const StageCamera& sc, const CameraMasking& m,
                              const std::vector<FragileResult>& cands,
                              const std::function<glm::dvec3(const FragileResult&)>& moved) const {
    MaskingOptions o = mopt_;
    const int W = m.width, H = m.height;
    o.height = H;
    const double tw = sc.lens.tan_half_w, th = sc.lens.tan_half_h;
    int c0 = std::numeric_limits<int>::max(), c1 = -1, r0 = std::numeric_limits<int>::max(), r1 = -1;
    for (const FragileResult& c : cands) {
      const RayBox& b = m.performers[static_cast<std::size_t>(c.performer)].regions[static_cast<std::size_t>(c.region)].box;
      if (b.empty()) continue;
      const glm::dvec3 sw = moved(c);
      const glm::dvec3 s(glm::dot(sw, sc.basis.right), glm::dot(sw, sc.basis.up), glm::dot(sw, sc.basis.forward));
      const double zmin = c.zmin;
      if (!(zmin > 0.05) || !(zmin + s.z > 0.05)) return o;  // the region reaches the lens: the whole grid
      const double ua = (2.0 * (b.col_min - 0.5) / W - 1) * tw, ub = (2.0 * (b.col_max + 1.5) / W - 1) * tw;
      const double va = (1 - 2.0 * (b.row_max + 1.5) / H) * th, vb = (1 - 2.0 * (b.row_min - 0.5) / H) * th;
      const double du_a = (s.x - ua * s.z) / (zmin + s.z), du_b = (s.x - ub * s.z) / (zmin + s.z);
      const double dv_a = (s.y - va * s.z) / (zmin + s.z), dv_b = (s.y - vb * s.z) / (zmin + s.z);
      const double u_lo = ua + std::min({0.0, du_a, du_b}), u_hi = ub + std::max({0.0, du_a, du_b});
      const double v_lo = va + std::min({0.0, dv_a, dv_b}), v_hi = vb + std::max({0.0, dv_a, dv_b});
      // u = 2(i + ½)/W − 1, v = 1 − 2(j + ½)/H (in units of the half frame).
      c0 = std::min(c0, static_cast<int>(std::floor((u_lo / tw + 1) * W / 2 - 0.5)) - 1);
      c1 = std::max(c1, static_cast<int>(std::ceil((u_hi / tw + 1) * W / 2 - 0.5)) + 1);
      r0 = std::min(r0, static_cast<int>(std::floor((1 - v_hi / th) * H / 2 - 0.5)) - 1);
      r1 = std::max(r1, static_cast<int>(std::ceil((1 - v_lo / th) * H / 2 - 0.5)) + 1);
    }
    if (c1 < 0 || r1 < 0 || c0 >= W || r0 >= H) {
      o.col_min = o.row_min = 0;  // nothing to look at (cannot happen for a candidate): a one-ray window
      o.col_max = o.row_max = 0;
      return o;
    }
    o.col_min = std::max(0, c0);
    o.col_max = std::min(W - 1, c1);
    o.row_min = std::max(0, r0);
    o.row_max = std::min(H - 1, r1);
    return o;
  }


  std::vector<NoteResult> measure_notes(const Stage& st, const Beat& beat, const CameraMasking& m, double count,
                                        std::size_t& passes_out) const {
    std::vector<NoteResult> out(beat.masking.size());
    if (count > beat.end_count() + 1e-9) return out;
    const Camera& cam = d_.cameras[static_cast<std::size_t>(m.camera)];
    const Thresholds t = thresholds_for(m.rays());
    for (std::size_t n = 0; n < beat.masking.size(); ++n) {
      const MaskingNote& note = beat.masking[n];
      if (note.camera != cam.id || note.by == note.performer) continue;
      const int pi = d_.performer_index(note.performer);
      if (pi < 0) continue;
      const PerformerMasking& pm = m.performers[static_cast<std::size_t>(pi)];
      std::uint32_t footprint = 0;
      bool any_reads = false;
      for (Region r : note.regions) {
        const RegionCounts& rc = pm.regions[static_cast<std::size_t>(r)];
        footprint += rc.footprint;
        any_reads |= rc.skin + rc.garment >= t.start;
      }
      if (any_reads || footprint < t.start) continue;  // phase 2 reports a note that reads
      const int by_perf = d_.performer_index(note.by);
      int by_prop = -1;
      for (std::size_t p = 0; p < d_.props.size(); ++p)
        if (d_.props[p].id == note.by) by_prop = static_cast<int>(p);
      if (by_perf < 0 && by_prop < 0) continue;
      const CameraMasking again = mask_camera(without(st, by_perf, by_prop), m.camera, mopt_);
      ++passes_out;
      out[n].measured = true;
      for (Region r : note.regions) {
        const RegionCounts& rc = again.performers[static_cast<std::size_t>(pi)].regions[static_cast<std::size_t>(r)];
        out[n].seen_without += rc.skin + rc.garment;
      }
    }
    return out;
  }

  void measure_pose(const Stage& st, const Beat& beat, SampleGeometry& g) const {
    const float reach = static_cast<float>(kTouchM) + kTessellationSlackM;
    std::vector<std::uint64_t> keep(st.performers.size(), 0);
    for (const Contact& ct : beat.contacts) {
      const int gi = d_.performer_index(ct.giver), ri = d_.performer_index(ct.receiver);
      if (gi >= 0) keep[static_cast<std::size_t>(gi)] |= region_bit(ct.with);
      if (ri >= 0) keep[static_cast<std::size_t>(ri)] |= region_bit(ct.region);
    }
    const std::vector<BodyPoints> pts = body_points(st, reach, keep, surfaces_);
    g.contact_distance.assign(beat.contacts.size(), std::numeric_limits<float>::infinity());
    for (std::size_t c = 0; c < beat.contacts.size(); ++c) {
      const Contact& ct = beat.contacts[c];
      const int gi = d_.performer_index(ct.giver), ri = d_.performer_index(ct.receiver);
      if (gi < 0 || ri < 0 || gi == ri) continue;
      g.contact_distance[c] = std::max(0.0f, region_distance(pts[static_cast<std::size_t>(gi)], ct.with,
                                                             pts[static_cast<std::size_t>(ri)], ct.region) -
                                                 kTessellationSlackM);
    }
    for (std::size_t a = 0; a < pts.size(); ++a)
      for (std::size_t b = a + 1; b < pts.size(); ++b)
        g.touching[{static_cast<int>(a), static_cast<int>(b)}] = near_pairs(pts[a], pts[b], reach, private_[a], private_[b]);
  }

  // [SECTION] Phase 2: verdicts and spans

  bool reads(int k, const std::string& key, std::uint32_t rays, const Thresholds& t) {
    if (k != reading_sample_) {
      reading_ = std::move(reading_now_);
      reading_now_.clear();
      reading_sample_ = k;
    }
    const bool was = reading_.count(key) > 0;
    const bool now = rays >= (was ? t.hold : t.start);
    if (now) reading_now_.insert(key);
    return now;
  }

  void camera_checks(int k, double count, const Beat* beat, const SampleGeometry& g, std::size_t ci, bool probe) {
    const CameraMasking& m = g.masks[ci];
    const Camera& cam = d_.cameras[static_cast<std::size_t>(m.camera)];
    const Thresholds t = thresholds_for(m.rays());
    std::set<std::pair<int, Region>> reading_regions;
    for (const PerformerMasking& pm : m.performers) {
      const Performer& perf = d_.performers[static_cast<std::size_t>(pm.performer)];
      const View view = g.views[ci][static_cast<std::size_t>(pm.performer)];
      for (std::size_t ri = 0; ri < kRegionCount; ++ri) {
        const Region r = vocab_at<Region>(ri);
        const RegionCounts& rc = pm.regions[ri];
        const std::string rkey = cam.id + "|" + perf.id + "|" + std::string(vocab_name(r));
        if (!reads(k, rkey, rc.skin, t)) continue;
        reading_regions.insert({pm.performer, r});
        const RiderVerdict v = rider_verdict(perf, r, view);
        if (v.outcome == RiderVerdict::allowed) continue;
        exposure(k, beat, cam, perf, r, view, v, m.share(rc.skin));
      }
    }
    // Hidden garments and barriers that read.
    for (std::size_t gi = 0; gi < d_.garments.size(); ++gi) {
      const Garment& gm = d_.garments[gi];
      if (gm.camera != GarmentCamera::hidden || gi >= m.garment_rays.size()) continue;
      if (!reads(k, cam.id + "|garment|" + gm.id, m.garment_rays[gi], t)) continue;
      Finding f = make(FindingCode::garment_visible);
      f.beat = beat ? beat->id : "";
      f.camera = cam.id;
      f.performer = gm.wearer;
      f.other = gm.id;
      f.message = "Camera " + cam.id + " sees " + possessive(who(d_, gm.wearer)) + " " +
                  (gm.label.empty() ? gm.id : gm.label) + " (up to {amount} of the frame) {span}; it is meant to stay hidden";
      f.suggestion = "Cheat the angle or the pose, or plan to paint it out";
      spans_.observe(k, {"garment|" + cam.id + "|" + gm.id, f, m.share(m.garment_rays[gi])});
    }
    for (std::size_t p = 0; p < d_.props.size(); ++p) {
      const Prop& pr = d_.props[p];
      if (!pr.barrier || p >= m.prop_rays.size()) continue;
      if (!reads(k, cam.id + "|prop|" + pr.id, m.prop_rays[p], t)) continue;
      Finding f = make(FindingCode::garment_visible);
      f.beat = beat ? beat->id : "";
      f.camera = cam.id;
      f.performer = pr.owner;
      f.other = pr.id;
      f.message = "Camera " + cam.id + " sees " + (pr.label.empty() ? "the barrier " + pr.id : pr.label) +
                  " (a barrier; up to {amount} of the frame) {span}";
      f.suggestion = "Hide it behind a body or the sheet, or cheat the angle";
      spans_.observe(k, {"barrier|" + cam.id + "|" + pr.id, f, m.share(m.prop_rays[p])});
    }
    if (beat) masking_notes(k, count, *beat, g, ci);
    if (probe) {
      for (const FragileResult& fr : g.fragile[ci]) {
        if (fr.breaks.empty() || reading_regions.count({fr.performer, fr.region})) continue;
        const Performer& p = d_.performers[static_cast<std::size_t>(fr.performer)];
        Finding fd = make(FindingCode::masking_fragile);
        fd.beat = beat ? beat->id : "";
        fd.camera = cam.id;
        fd.performer = p.id;
        fd.region = fr.region;
        fd.message = "Camera " + cam.id + " does not see " + possessive(who(d_, p.id)) + " " + rlabel(fr.region) +
                     " {span}, but would if the camera or a performer were " + num(std::round(o_.fragile_offset_m * 100)) + " cm off the mark";
        std::string what;
        for (std::size_t i = 0; i < fr.breaks.size() && i < 3; ++i) what += (i ? "; " : "") + fr.breaks[i];
        if (fr.breaks.size() > 3) what += " (and " + std::to_string(fr.breaks.size() - 3) + " more)";
        fd.suggestion = "Breaks with: " + what;
        fragile_spans_.observe(probe_index_, {"fragile|" + cam.id + "|" + p.id + "|" +
                                                  std::string(vocab_name(fr.region)),
                                              fd, 0});
      }
    }
  }

  void exposure(int k, const Beat* beat, const Camera& cam, const Performer& perf, Region r, View view,
                const RiderVerdict& v, double share) {
    FindingCode code = FindingCode::exposure_refused;
    std::string why;
    switch (v.outcome) {
      case RiderVerdict::conditional:
        code = FindingCode::exposure_conditional;
        why = "agreed with conditions: " + (v.conditions.empty() ? std::string("(none written)") : v.conditions);
        break;
      case RiderVerdict::ask:
        code = FindingCode::exposure_ask;
        why = "agreed as ask: confirm with " + who(d_, perf.id) + " before it is shot";
        break;
      case RiderVerdict::refused: why = "the rider says no"; break;
      case RiderVerdict::not_from_view:
        why = "the rider allows it only from " + words(v.agreed_views) + ", not " + std::string(vocab_name(view));
        break;
      case RiderVerdict::not_discussed: why = "the rider never mentions it, so it is not agreed"; break;
      default: return;
    }
    Finding f = make(code);
    f.beat = beat ? beat->id : "";
    f.camera = cam.id;
    f.performer = perf.id;
    f.region = r;
    f.message = "Camera " + cam.id + " sees " + possessive(who(d_, perf.id)) + " bare " + rlabel(r) + " from " +
                (view == View::overhead ? std::string("overhead") : "the " + std::string(vocab_name(view))) + " (up to {amount} of the frame) {span}; " + why;
    if (code == FindingCode::exposure_refused) {
      std::string cover;
      for (const Garment& gm : d_.garments)
        if (gm.wearer == perf.id && std::find(gm.covers.begin(), gm.covers.end(), r) != gm.covers.end()) {
          cover = gm.label.empty() ? gm.id : gm.label + " (" + gm.id + ")";
          break;
        }
      f.suggestion = cover.empty() ? "Mask it (a partner, the sheet) or change the angle; costume could plan a cover"
                                   : "Keep " + cover + " on, or mask it, or change the angle";
    }
    spans_.observe(k, {std::string(finding_info(code).id) + "|" + cam.id + "|" + perf.id + "|" +
                           std::string(vocab_name(r)),
                       f, share});
  }

  void masking_notes(int k, double count, const Beat& beat, const SampleGeometry& g, std::size_t ci) {
    const CameraMasking& m = g.masks[ci];
    const Camera& cam = d_.cameras[static_cast<std::size_t>(m.camera)];
    const Thresholds t = thresholds_for(m.rays());
    if (count > beat.end_count() + 1e-9) return;  // in a gap after the beat: the note no longer applies
    for (std::size_t n = 0; n < beat.masking.size(); ++n) {
      const MaskingNote& note = beat.masking[n];
      if (note.camera != cam.id) continue;
      const int pi = d_.performer_index(note.performer);
      if (pi < 0) continue;
      const PerformerMasking& pm = m.performers[static_cast<std::size_t>(pi)];
      std::uint32_t seen = 0;
      std::vector<Region> reading;
      for (Region r : note.regions) {
        const RegionCounts& rc = pm.regions[static_cast<std::size_t>(r)];
        seen += rc.skin + rc.garment;
        if (rc.skin + rc.garment >= t.start) reading.push_back(r);
      }
      const std::string key = "masking|" + beat.id + "|" + std::to_string(n);
      Finding f = make(FindingCode::masking_intent);
      f.beat = beat.id;
      f.camera = cam.id;
      f.performer = note.performer;
      f.region = note.regions.empty() ? std::nullopt : std::optional<Region>(note.regions.front());
      f.other = note.by;
      if (!reading.empty()) {
        f.message = "Masking note: from " + cam.id + ", " + possessive(who(d_, note.performer)) + " " +
                    region_list(note.regions) + " should be masked by " + who(d_, note.by) + ", but " +
                    region_list(reading) + " read (up to {amount} of the frame) {span}";
        f.suggestion = "Adjust the poses or the camera so the masking holds through the whole beat";
        spans_.observe(k, {key, f, m.share(seen)});
        continue;
      }
      const NoteResult& nr = g.notes[ci][n];
      if (!nr.measured || nr.seen_without >= t.start) continue;  // the named one does the masking
      f.message = "Masking note: from " + cam.id + ", " + possessive(who(d_, note.performer)) + " " +
                  region_list(note.regions) + " should be masked by " + who(d_, note.by) +
                  ", but they are hidden by something else {span} (with " + who(d_, note.by) +
                  " out of the way they still do not read)";
      f.suggestion = "Correct the note to say what masks them, or restage so " + who(d_, note.by) + " does";
      spans_.observe(k, {key + "|other", f, 0});
    }
  }

  void pose_checks(int k, double count, const Beat& beat, const SampleGeometry& g,
                   std::map<std::pair<const Beat*, std::size_t>, float>& contact_min) {
    for (std::size_t c = 0; c < g.contact_distance.size(); ++c) {
      auto [slot, fresh] = contact_min.emplace(std::make_pair(&beat, c), g.contact_distance[c]);
      if (!fresh) slot->second = std::min(slot->second, g.contact_distance[c]);
    }
    if (count > beat.end_count() + 1e-9) return;  // in a gap: no notation to hold the poses to
    for (const auto& [pair, near] : g.touching) {
      const std::size_t a = static_cast<std::size_t>(pair.first), b = static_cast<std::size_t>(pair.second);
      const std::string& ida = d_.performers[a].id;
      const std::string& idb = d_.performers[b].id;
      for (const auto& entry : near) {
        const auto [ra, rb] = entry.first;  // every pair in `near` is within touching reach
        const Tier ta = tier_for(d_.performers[a], ra), tb = tier_for(d_.performers[b], rb);
        if (ta == Tier::ordinary && tb == Tier::ordinary) continue;
        bool noted = false;
        for (const Contact& ct : beat.contacts) {
          const bool ab = ct.giver == ida && ct.receiver == idb, ba = ct.giver == idb && ct.receiver == ida;
          if ((ab && ct.with == ra && ct.region == rb) || (ba && ct.with == rb && ct.region == ra)) {
            noted = true;
            break;
          }
          // A kiss or a cheek to cheek brings whole faces together: a noted
          // contact head to head covers every head region touching head.
          if ((ab || ba) && is_head(ct.with) && is_head(ct.region) && is_head(ra) && is_head(rb)) {
            noted = true;
            break;
          }
        }
        if (noted) continue;
        // One finding per private region touched (the side with the higher tier),
        // listing what of the partner touches it.
        const bool a_side = ta >= tb;
        const std::string& pid = a_side ? ida : idb;
        const std::string& oid = a_side ? idb : ida;
        const Region pr = a_side ? ra : rb, orr = a_side ? rb : ra;
        // Where the touched performer agreed to nothing there with this partner
        // (only `no` lines, or none), an unnoted touch is an error, not a note-keeping gap.
        const Performer& touched = d_.performers[a_side ? a : b];
        bool agreed_any = false, named = false;
        for (const Boundary& bl : touched.boundaries) {
          if (bl.direction != Direction::receive || bl.region != pr || !partner_ok(bl, oid)) continue;
          named = true;
          agreed_any |= bl.state != BoundaryState::no;
        }
        Finding f = make(agreed_any ? FindingCode::pose_unnotated_contact : FindingCode::pose_refused_contact);
        f.beat = beat.id;
        f.performer = pid;
        f.region = pr;
        f.other = oid;
        f.message = "The poses bring " + possessive(who(d_, oid)) + " {details} into contact with " +
                    possessive(who(d_, pid)) + " " + rlabel(pr) + " {span}, and no contact notes it" +
                    (agreed_any ? std::string()
                                : std::string("; ") + who(d_, pid) + (named ? " marked it no" : " never discussed it") +
                                      " for " + who(d_, oid));
        f.suggestion = agreed_any ? "Notate the contact (and check it against both body maps), or adjust the poses"
                                  : "Adjust the poses (an in-between key, or another path for the limb) so they do not meet there";
        Observation o{"touch|" + pid + "|" + std::string(vocab_name(pr)) + "|" + oid, f, 0};
        o.detail = rlabel(orr);
        spans_.observe(k, std::move(o));
      }
    }
  }

  void eyeline_lens(int k, const Beat& beat, const SampleGeometry& g) {
    for (const Eyeline& y : beat.eyelines) {
      const int pi = d_.performer_index(y.performer);
      if (pi < 0) continue;
      const glm::dvec3 eye = g.joints[static_cast<std::size_t>(pi)][static_cast<std::size_t>(Joint::head)];
      std::optional<glm::dvec3> target;
      std::string lens_id;
      if (!y.target.camera.empty()) {
        const Camera* c = d_.camera(y.target.camera);
        if (!c) continue;
        lens_id = c->id;
      } else if (y.target.point) {
        target = glm::dvec3((*y.target.point)[0], (*y.target.point)[1], (*y.target.point)[2]);
      } else {
        const int ti = d_.performer_index(y.target.performer);
        if (ti < 0) continue;
        const Joint j = y.target.region ? joint_near(*y.target.region) : Joint::head;
        target = g.joints[static_cast<std::size_t>(ti)][static_cast<std::size_t>(j)];
      }
      if (target) {
        const glm::dvec3 dir = glm::normalize(*target - eye);
        for (std::size_t c = 0; c < g.camera_positions.size(); ++c) {
          const glm::dvec3 to_cam = g.camera_positions[c] - eye;
          const double dist = glm::length(to_cam);
          if (dist < 1e-6) continue;
          const double angle = glm::degrees(std::acos(std::clamp(glm::dot(dir, to_cam / dist), -1.0, 1.0)));
          if (angle <= kLensEyelineDeg) lens_id = d_.cameras[c].id;
        }
      }
      if (lens_id.empty()) continue;
      Finding f = make(FindingCode::eyeline_lens);
      f.beat = beat.id;
      f.camera = lens_id;
      f.performer = y.performer;
      f.message = possessive(who(d_, y.performer)) + " eyeline looks into lens " + lens_id + " {span}" +
                  (y.target.camera.empty() ? " (the target is in line with the camera)" : "");
      f.suggestion = y.target.camera.empty() ? "Cheat the eyeline a few degrees off the lens unless a look to camera is meant"
                                             : "";
      spans_.observe(k, {"lens|" + y.performer + "|" + lens_id + "|" + beat.id, f, 0});
    }
  }
};

bool finding_less(const Finding& a, const Finding& b) {
  return std::make_tuple(a.from_count, -static_cast<int>(a.severity), static_cast<int>(a.code), a.camera, a.performer,
                         a.region ? static_cast<int>(*a.region) : -1, a.other, a.to_count, a.message) <
         std::make_tuple(b.from_count, -static_cast<int>(b.severity), static_cast<int>(b.code), b.camera, b.performer,
                         b.region ? static_cast<int>(*b.region) : -1, b.other, b.to_count, b.message);
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] run_checks


// The same contact noted in consecutive beats (a hold through a roll) gives the
// same finding in each; one finding spanning them reads better.
std::vector<Finding> merge_consecutive_beats(std::vector<Finding> in) {
  std::vector<Finding> out;
  std::vector<std::string> last_beat;
  for (Finding& f : in) {
    bool merged = false;
    for (std::size_t i = out.size(); i-- > 0;) {
      Finding& o = out[i];
      if (o.code == f.code && o.performer == f.performer && o.region == f.region && o.other == f.other &&
          o.message == f.message && o.to_count == f.from_count) {
        o.to_count = f.to_count;
        last_beat[i] = f.beat;
        merged = true;
        break;
      }
    }
    if (!merged) {
      last_beat.push_back(f.beat);
      out.push_back(std::move(f));
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i)
    if (last_beat[i] != out[i].beat) out[i].message += " (noted in " + out[i].beat + " to " + last_beat[i] + ")";
  return out;
}

std::vector<Finding> check_notation(const Document& doc) {
  std::vector<Finding> out;
  for (const Beat& beat : doc.choreography.beats) {
    const std::vector<bool> worn = garments_worn_at(doc, beat.start_count);
    for (const Contact& c : beat.contacts) {
      check_contact_side(doc, beat, c, Direction::receive, out);
      check_contact_side(doc, beat, c, Direction::give, out);
      check_giver_region(doc, beat, c, out);
      check_contact_layers(doc, beat, worn, c, out);
    }
    check_eyeline_targets(doc, beat, out);
  }
  return merge_consecutive_beats(std::move(out));
}

CheckReport run_checks(const Document& doc, const CheckOptions& options, CheckCache* cache) {
  CheckReport report;
  report.findings = check_notation(doc);
  if (options.geometry && !doc.choreography.beats.empty()) {
    std::vector<double> samples = sample_counts(doc, options.samples_per_count);
    report.samples = static_cast<int>(samples.size());
    GeometryChecks g(doc, options, samples, cache);
    g.run();
    report.camera_passes = g.passes;
    report.samples_reused = g.reused;
    for (Finding& f : g.finish()) report.findings.push_back(std::move(f));
  }
  for (Finding& f : report.findings)
    if (!(f.peak_count >= f.from_count && f.peak_count <= f.to_count)) f.peak_count = f.from_count;
  std::sort(report.findings.begin(), report.findings.end(), finding_less);
  return report;
}

std::string MaskingMove::sentence() const {
  return "Camera " + camera + " " + num(std::round(distance_m * 100)) + " cm " +
         (direction == "up" ? std::string("higher") : direction == "down" ? std::string("lower") : "to the " + direction) +
         (out_of_frame ? " frames it out" : " masks it") + " at count " + num(count) + ", its worst moment";
}

bool camera_move_applies(const Finding& f) {
  switch (f.code) {
    case FindingCode::exposure_refused:
    case FindingCode::exposure_ask:
    case FindingCode::exposure_conditional:
    case FindingCode::garment_visible: return !f.camera.empty();
    default: return false;
  }
}

std::optional<MaskingMove> smallest_masking_move(const Document& doc, const Finding& f, const CheckOptions& options) {
  if (!camera_move_applies(f)) return std::nullopt;
  const bool exposure = f.code != FindingCode::garment_visible;
  int cam = -1;
  for (std::size_t c = 0; c < doc.cameras.size(); ++c)
    if (doc.cameras[c].id == f.camera) cam = static_cast<int>(c);
  if (cam < 0) return std::nullopt;
  const Stage st = evaluate(doc, f.peak_count, options.meshes);
  MaskingInterest in;  // (a region's footprint tells masked from framed out)
  in.regions.assign(st.performers.size(), 0);
  in.garments.assign(doc.garments.size(), false);
  in.props.assign(doc.props.size(), false);
  const int performer = doc.performer_index(f.performer);
  int garment = -1, prop = -1;
  if (exposure) {
    if (performer < 0 || !f.region) return std::nullopt;
    in.regions[static_cast<std::size_t>(performer)] = region_bit(*f.region);
  } else {
    for (std::size_t g = 0; g < doc.garments.size(); ++g)
      if (doc.garments[g].id == f.other) garment = static_cast<int>(g);
    for (std::size_t p = 0; p < doc.props.size(); ++p)
      if (doc.props[p].id == f.other) prop = static_cast<int>(p);
    if (garment >= 0) in.garments[static_cast<std::size_t>(garment)] = true;
    else if (prop >= 0) in.props[static_cast<std::size_t>(prop)] = true;
    else return std::nullopt;
  }
  MaskingOptions mo;
  mo.width = options.masking_width > 0 ? options.masking_width : kDefaultMaskingWidth;
  mo.threads = options.threads;
  mo.interest = &in;
  bool framed_out = false;
  auto seen = [&](const Stage& s) {
    const CameraMasking m = mask_camera(s, cam, mo);
    if (exposure) {
      const RegionCounts& rc = m.performers[static_cast<std::size_t>(performer)].regions[static_cast<std::size_t>(*f.region)];
      framed_out = rc.footprint == 0;
      return rc.skin;
    }
    return garment >= 0 ? m.garment_rays[static_cast<std::size_t>(garment)] : m.prop_rays[static_cast<std::size_t>(prop)];
  };
  const std::uint32_t before = seen(st);
  const std::uint32_t rays = static_cast<std::uint32_t>(mo.width) *
                             static_cast<std::uint32_t>(masking_height(mo.width, st.cameras[static_cast<std::size_t>(cam)].lens.aspect));
  const std::uint32_t reads = thresholds_for(rays).start;
  if (before < reads) return std::nullopt;  // it does not read at that moment (a span's held tail)
  const CameraBasis& b = st.cameras[static_cast<std::size_t>(cam)].basis;
  const std::pair<glm::dvec3, const char*> dirs[] = {{-b.right, "left"}, {b.right, "right"}, {b.up, "up"}, {-b.up, "down"}};
  for (double step : kMoveSteps) {
    std::optional<MaskingMove> best;
    for (const auto& [dir, name] : dirs) {
      Stage s = st;
      s.cameras[static_cast<std::size_t>(cam)].basis.position += dir * step;
      const std::uint32_t after = seen(s);
      if (after >= reads || (best && after >= best->rays_after)) continue;
      best = MaskingMove{f.camera, name, step, f.peak_count, before, after, framed_out};
    }
    if (best) return best;
  }
  return std::nullopt;
}

}  // namespace cs
