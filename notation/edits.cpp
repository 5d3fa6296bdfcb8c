// edits.cpp — the door (checked), references, new ids.
#include "notation/edits.hpp"

#include <algorithm>
#include <cassert>

#include "notation/conventions.hpp"
#include "notation/format.hpp"
#include "notation/phrasing.hpp"
#include "notation/validate.hpp"

namespace cs {

Edited Edited::refused(std::string why) {
  assert(!why.empty() && "a refusal says why");
  Edited e;
  e.refusal_ = why.empty() ? std::string("The edit was refused") : std::move(why);
  return e;
}

const Document& Edited::doc() const {
  assert(doc_ && "Edited::doc() on a refused edit; check ok()");
  return *doc_;
}

Document Edited::take() && {
  assert(doc_ && "Edited::take() on a refused edit; check ok()");
  return std::move(*doc_);
}

ChoreographyVersion snapshot_of(const Document& doc, std::string date, std::string summary) {
  ChoreographyVersion v;
  v.version = doc.choreography.version;
  v.date = std::move(date);
  v.summary = std::move(summary);
  v.tempo_bpm = doc.choreography.tempo_bpm;
  for (const Performer& p : doc.performers) v.cast.push_back({p.id, p.height_m, p.build});
  v.beats = doc.choreography.beats;
  v.garments = doc.garments;
  v.props = doc.props;
  v.cameras = doc.cameras;
  return v;
}

bool same_content(const ChoreographyVersion& a, const ChoreographyVersion& b) {
  return a.tempo_bpm == b.tempo_bpm && a.cast == b.cast && a.beats == b.beats && a.garments == b.garments &&
         a.props == b.props && a.cameras == b.cameras;
}

bool choreography_changed(const Document& a, const Document& b) {
  // What a version holds is what snapshot_of keeps; the version's number, date and summary are not content.
  return !same_content(snapshot_of(a, "", ""), snapshot_of(b, "", ""));
}

void issue_current(Document& doc, const std::string& date, const std::string& summary) {
  if (current_version_issued(doc)) return;
  doc.choreography.history.push_back(snapshot_of(doc, date, summary));
}

const ChoreographyVersion* issued_version(const Document& doc, int version) {
  for (const ChoreographyVersion& v : doc.choreography.history)
    if (v.version == version) return &v;
  return nullptr;
}

bool current_version_issued(const Document& doc) {
  return issued_version(doc, doc.choreography.version) != nullptr;
}

namespace {

// The door's version rules, for a change `changed` made from `before`: a locked
// choreography refuses it ("" when allowed); an issued version's change becomes
// the next version, a draft. *recorded: a legacy issued version's content was
// recorded into the history now.
std::string versioned(const Document& before, Document& doc, bool changed, bool* recorded) {
  if (recorded) *recorded = false;
  if (!changed) return "";
  if (before.choreography.status == ChoreoStatus::locked && doc.choreography.status == ChoreoStatus::locked)
    return "The choreography is locked (version " + std::to_string(before.choreography.version) +
           "); unlock it to revise, which starts version " + std::to_string(before.choreography.version + 1);
  // What was issued stays as it was issued: the change is the next version, a
  // draft. A version rehearsed or locked counts as issued even when a file
  // made before versions were kept has no record of it: its content is
  // recorded now, undated, before it changes.
  const bool issued = current_version_issued(before) || before.choreography.status != ChoreoStatus::draft;
  if (issued && doc.choreography.version == before.choreography.version) {
    if (!current_version_issued(before)) {
      ChoreographyVersion was = snapshot_of(before, "", "as " + std::string(vocab_label(before.choreography.status)) +
                                                        "; recorded when it first changed");
      doc.choreography.history.push_back(std::move(was));
      if (recorded) *recorded = true;
    }
    doc.choreography.version = before.choreography.version + 1;
    doc.choreography.status = ChoreoStatus::draft;
  }
  return "";
}

}  // namespace

Edited Edited::judged(Document doc, std::vector<Diagnostic> problems) {
  Edited e;
  e.problems_ = std::move(problems);
  if (!e.problems_.empty()) {
    e.refusal_ = e.problems_.front().message;
    if (e.problems_.size() > 1)
      e.refusal_ += " (and " + plural(static_cast<long long>(e.problems_.size() - 1), "more problem", "more problems") + ")";
    return e;
  }
  if (std::string why = save_size_problem(doc); !why.empty()) {
    e.refusal_ = std::move(why);
    return e;
  }
  e.doc_ = std::move(doc);
  return e;
}

Edited checked(const Document& before, Document doc) {
  if (std::string why = versioned(before, doc, choreography_changed(before, doc), nullptr); !why.empty())
    return Edited::refused(std::move(why));
  std::vector<Diagnostic> problems = validate(doc);
  return Edited::judged(std::move(doc), std::move(problems));
}

Edited checked_pose_keys(const Document& before, Document doc, std::size_t beat) {
  const auto& bb = before.choreography.beats;
  const auto& db = doc.choreography.beats;
  if (beat >= bb.size() || bb.size() != db.size()) return checked(before, std::move(doc));
  bool recorded = false;
  if (std::string why = versioned(before, doc, bb[beat].poses != db[beat].poses, &recorded); !why.empty())
    return Edited::refused(std::move(why));
  // A legacy version's content recorded now is a new entry in the history: checked whole.
  std::vector<Diagnostic> problems = recorded ? validate(doc) : validate_pose_keys(doc, beat);
  return Edited::judged(std::move(doc), std::move(problems));
}

int version_after_change(const Document& doc) {
  const bool issued = current_version_issued(doc) || doc.choreography.status != ChoreoStatus::draft;
  return doc.choreography.version + (issued ? 1 : 0);
}

// ---------------------------------------------------------------------------
// [SECTION] References

namespace {

// Calls visit(ref, where) for every id string in the document that refers to
// an item of `kind`, with where the reference is in a person's words. Both
// references_to() and rename_references() are this one walk.
template <class Doc, class Visit> void for_each_reference(Doc& d, ItemKind kind, Visit&& visit) {
  const auto beat_words = [](const Beat& b) { return "beat " + b.id; };
  if (kind == ItemKind::performer) {
    for (auto& p : d.performers)
      for (auto& b : p.boundaries)
        for (auto& partner : b.partners) visit(partner, possessive(display_name(p)) + " body map (as a partner)");
    for (auto& g : d.garments) visit(g.wearer, "garment " + g.id + " (the wearer)");
    for (auto& p : d.props)
      if (!p.owner.empty()) visit(p.owner, "barrier " + p.id + " (the owner)");
  }
  for (auto& b : d.choreography.beats) {
    if (kind == ItemKind::performer)
      for (auto& p : b.poses) visit(p.performer, beat_words(b) + " (a pose)");
    std::size_t n = 0;
    for (auto& c : b.contacts) {
      const std::string where = beat_words(b) + ", contact " + std::to_string(++n);
      if (kind == ItemKind::performer) {
        visit(c.giver, where + " (the giver)");
        visit(c.receiver, where + " (the receiver)");
      }
      if (kind == ItemKind::garment && !c.garment.empty()) visit(c.garment, where + " (over this garment)");
      if (kind == ItemKind::prop && !c.barrier.empty()) visit(c.barrier, where + " (through this barrier)");
    }
    if (kind == ItemKind::performer)
      for (auto& br : b.breath) visit(br.performer, beat_words(b) + " (a breath cue)");
    for (auto& y : b.eyelines) {
      if (kind == ItemKind::performer) {
        visit(y.performer, beat_words(b) + " (an eyeline)");
        if (!y.target.performer.empty()) visit(y.target.performer, beat_words(b) + " (an eyeline's target)");
      }
      if (kind == ItemKind::camera && !y.target.camera.empty())
        visit(y.target.camera, beat_words(b) + " (an eyeline into the lens)");
    }
    if (kind == ItemKind::garment)
      for (auto& g : b.garment_changes) visit(g.garment, beat_words(b) + " (a garment change)");
    for (auto& m : b.masking) {
      if (kind == ItemKind::camera) visit(m.camera, beat_words(b) + " (a masking note)");
      if (kind == ItemKind::performer) visit(m.performer, beat_words(b) + " (a masking note)");
      // "by" names a performer or a prop (their ids never coincide).
      if (kind == ItemKind::performer || kind == ItemKind::prop) visit(m.by, beat_words(b) + " (a masking note)");
    }
  }
  for (auto& t : d.takes) {
    const std::string take = "take " + std::to_string(t.number);
    if (kind == ItemKind::camera) visit(t.camera, take + " on camera " + t.camera);
    if (kind == ItemKind::beat)
      for (auto& dv : t.deviations)
        if (dv.beat_removed_in == 0)  // a deviation in a beat since removed names the beat that was
          visit(dv.beat, take + (t.camera.empty() ? std::string() : " on camera " + t.camera) + " (a deviation)");
  }
}

}  // namespace

std::vector<std::string> references_to(const Document& d, ItemKind kind, std::string_view id) {
  std::vector<std::string> out;
  if (id.empty()) return out;
  for_each_reference(d, kind, [&](const std::string& ref, std::string where) {
    // One line per place: a beat with two masking notes naming it is said once.
    if (ref == id && (out.empty() || out.back() != where)) out.push_back(std::move(where));
  });
  return out;
}

void rename_references(Document& d, ItemKind kind, std::string_view from, std::string_view to) {
  if (from.empty() || from == to) return;
  for_each_reference(d, kind, [&](std::string& ref, const std::string&) {
    if (ref == from) ref = std::string(to);
  });
}

std::string refuse_if_referenced(const Document& d, ItemKind kind, std::string_view id) {
  const std::vector<std::string> where = references_to(d, kind, id);
  if (where.empty()) return "";
  static constexpr const char* kWhat[] = {"Performer", "Garment", "Prop", "Camera", "Beat"};
  std::vector<std::string> shown(where.begin(), where.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(where.size(), 6)));
  if (where.size() > 6) shown.push_back(std::to_string(where.size() - 6) + " more");
  return std::string(kWhat[static_cast<int>(kind)]) + " " + quoted_text(id) + " is still named in " +
         join_list(shown, "and") + "; change those first";
}

// ---------------------------------------------------------------------------
// [SECTION] New ids

std::string next_numbered_id(const std::vector<std::string>& taken, std::string_view prefix, std::size_t digits) {
  long long highest = 0;
  for (const std::string& id : taken) {
    if (id.size() <= prefix.size() || id.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = id.substr(prefix.size());
    if (rest.size() > 9 || !std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    highest = std::max(highest, std::stoll(rest));
    digits = std::max(digits, rest.size());
  }
  for (long long n = highest + 1;; ++n) {
    std::string number = std::to_string(n);
    if (number.size() < digits) number.insert(0, digits - number.size(), '0');
    std::string id = std::string(prefix) + number;
    if (std::find(taken.begin(), taken.end(), id) == taken.end()) return id;
  }
}

std::string next_camera_letter(const Document& d) {
  std::string id = "A";
  while (d.camera(id)) id = slate_letters_after(id);
  return id;
}

}  // namespace cs
