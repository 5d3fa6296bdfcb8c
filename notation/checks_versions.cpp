// checks_versions.cpp — consent re-confirmation: when a later version changes
// anything that concerns a performer since the version they confirmed, they
// must confirm again (a warning in a draft, an error once rehearsed or locked).
//
// "Concerns them" is diff.hpp's: a contact they give or receive, their own
// shape, breath or eyelines, a beat they are in added, removed or re-timed, the
// tempo, their garments (and a garment's coming on or off), a masking note
// about them, and their exposure on any camera (both versions staged and
// masked, among the regions their rider is about). A change that concerns only
// a partner, or a camera move that changes nothing they show, is not theirs.
#include <algorithm>
#include <map>
#include <set>

#include "notation/checks_run.hpp"
#include "notation/diff.hpp"
#include "notation/edits.hpp"
#include "notation/phrasing.hpp"

namespace cs {

namespace {

// The categories a person is told about, in the order the sentence names them.
struct Concerns {
  std::set<std::string> gives, receives, shape, garments, exposure_cameras, other;  // beat ids or camera ids
  std::set<std::string> beats;                                                    // every beat any of it is in
  int contacts_given = 0, contacts_received = 0;
  bool scene_wide = false;
};

std::string beat_list(const std::set<std::string>& beats) {
  std::vector<std::string> ids;
  for (const std::string& b : beats)
    if (!b.empty()) ids.push_back(b);
  return ids.empty() ? std::string() : " (" + join_list(ids, "and") + ")";
}


}  // namespace

void check_reconfirmation(const Document& doc, const CheckOptions& options, std::vector<Finding>& out) {
  const Choreography& ch = doc.choreography;
  if (ch.confirmations.empty()) return;
  // Each performer's latest confirmation.
  std::map<std::string, const Confirmation*> latest;
  for (const Confirmation& c : ch.confirmations) {
    const Confirmation*& l = latest[c.performer];
    if (!l || c.version >= l->version) l = &c;
  }
  const ChoreographyVersion now = snapshot_of(doc, "", "");
  std::map<int, ChoreographyDiff> diffs;  // one diff per confirmed version
  for (const auto& [who, c] : latest) {
    if (!doc.performer(who) || c->version > ch.version) continue;
    const ChoreographyVersion* then = issued_version(doc, c->version);
    if (!then) continue;
    // The same number and the same content: nothing changed (a file edited by
    // hand can change a version's content without moving its number).
    if (c->version == ch.version && same_content(*then, now)) continue;
    auto it = diffs.find(c->version);
    if (it == diffs.end()) {
      DiffOptions o;
      o.exposure = options.geometry;
      o.meshes = options.meshes;
      o.threads = options.threads;
      it = diffs.emplace(c->version, diff_versions(*then, now, doc, o)).first;
    }
    const std::vector<const Change*> mine = it->second.concerning(who);
    if (mine.empty()) continue;

    Concerns k;
    for (const Change* ch_ : mine) {
      const Change& x = *ch_;
      k.beats.insert(x.beat);
      if (x.beat.empty()) k.scene_wide = true;
      switch (x.kind) {
        case ChangeKind::contact_added: case ChangeKind::contact_removed: case ChangeKind::contact_changed: {
          const bool gives = x.subject.rfind(who + ":", 0) == 0;  // subject is giver:region>receiver:region
          (gives ? k.gives : k.receives).insert(x.beat);
          ++(gives ? k.contacts_given : k.contacts_received);
          break;
        }
        case ChangeKind::pose_added: case ChangeKind::pose_removed: case ChangeKind::pose_changed: k.shape.insert(x.beat); break;
        case ChangeKind::garment_added: case ChangeKind::garment_removed: case ChangeKind::garment_changed:
        case ChangeKind::garment_worn_changed: k.garments.insert(x.beat); break;
        case ChangeKind::exposure_changed: k.exposure_cameras.insert(x.camera); break;
        default: k.other.insert(x.beat); break;
      }
    }
    const std::string name = display_name(doc, who);
    std::vector<std::string> what;
    if (k.contacts_given) what.push_back(plural(k.contacts_given, "contact ", "contacts ") + name + " gives" + beat_list(k.gives));
    if (k.contacts_received)
      what.push_back(plural(k.contacts_received, "contact ", "contacts ") + name + " receives" + beat_list(k.receives));
    if (!k.shape.empty()) what.push_back(possessive(name) + " shape" + beat_list(k.shape));
    if (!k.garments.empty()) what.push_back(possessive(name) + " garments" + beat_list(k.garments));
    if (!k.exposure_cameras.empty()) {
      std::vector<std::string> cams(k.exposure_cameras.begin(), k.exposure_cameras.end());
      what.push_back(possessive(name) + " exposure on camera " + join_list(cams, "and"));
    }
    if (!k.other.empty()) what.push_back("the timing or notation of beats " + name + " is in" + beat_list(k.other));
    const bool run_ready = ch.status != ChoreoStatus::draft;
    Finding f;
    f.code = run_ready ? FindingCode::consent_unconfirmed_change : FindingCode::consent_reconfirm;
    f.severity = finding_info(f.code).severity;
    f.performer = who;
    // Where: the first beat it touches, over the span of all the beats it touches (the whole timeline when scene-wide).
    double from = doc.last_count(), to = doc.first_count();
    std::string first_beat;
    for (const Beat& b : ch.beats)
      if (k.scene_wide || k.beats.count(b.id)) {
        if (first_beat.empty()) first_beat = b.id;
        from = std::min(from, b.start_count);
        to = std::max(to, b.end_count());
      }
    if (from > to) from = to = doc.first_count();
    f.beat = k.scene_wide ? std::string() : first_beat;
    f.from_count = from;
    f.to_count = to;
    f.peak_count = from;
    const std::string now_words = (c->version == ch.version ? "since then v" : "v") + std::to_string(ch.version) + " changes";
    f.message = name + " confirmed v" + std::to_string(c->version) + (c->date.empty() ? "" : " on " + c->date) + "; " +
                now_words + " " + join_list(what, "and") + ": confirm again before " + (run_ready ? "it is run" : "rehearsal");
    f.suggestion = "Show " + name + " their sheet of v" + std::to_string(ch.version) +
                   " (closedset diff --from " + std::to_string(c->version) + " lists every change) and record their confirmation";
    out.push_back(std::move(f));
  }
}

}  // namespace cs
