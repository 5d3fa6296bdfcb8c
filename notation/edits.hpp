// edits.hpp — the one door every change to a document goes through.
//
// An edit is a plain function: it takes a document and returns the edited
// document, or a refusal with a reason (`Edited`). Every edit function ends in
// `checked()`, which runs validate() (the same rules a load keeps) and refuses
// the edit when the result breaks any of them; an `Edited` that holds a
// document can be made in no other way. So whatever an edit returns saves and
// loads back as the same document, and a refused edit changes nothing.
//
// The edits, by domain: edits_beats.hpp (the timeline and each beat's
// notation), edits_poses.hpp, edits_cast.hpp (performers, body maps, riders),
// edits_garments.hpp (garments and props), edits_cameras.hpp, edits_takes.hpp,
// edits_scene.hpp (the scene's header, safety, tempo). The editor records
// them as undo steps through history.hpp; tests and scripts call them directly.
//
//   Edited e = set_tempo(doc, 72);
//   if (!e.ok()) show(e.refusal());   // "The tempo of 0 counts per minute is out of range: …"
//   else doc = std::move(e).take();
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notation/diagnostics.hpp"
#include "notation/document.hpp"

namespace cs {

class Edited {
 public:
  // An edit that cannot be made, and why (a sentence a person can act on).
  static Edited refused(std::string why);
  bool ok() const { return doc_.has_value(); }
  const Document& doc() const;               // requires ok()
  Document take() &&;                        // requires ok()
  const std::string& refusal() const { return refusal_; }
  // The validation problems that refused it (empty for refusals of other kinds).
  const std::vector<Diagnostic>& problems() const { return problems_; }

 private:
  friend Edited checked(const Document& before, Document after);
  friend Edited checked_pose_keys(const Document& before, Document after, std::size_t beat);
  Edited() = default;
  // `doc` with the problems found in it: refused when there are any or when it
  // would not fit in a scene file.
  static Edited judged(Document doc, std::vector<Diagnostic> problems);
  std::optional<Document> doc_;
  std::string refusal_;
  std::vector<Diagnostic> problems_;
};

// The door, from the document an edit was made on to the one it made:
//  - a locked choreography refuses any change to what it holds (beats and all
//    their notation, garments, props, cameras, tempo): "unlock to revise" first;
//  - a change to a version that was issued (rehearsed, locked, or confirmed by
//    a performer) starts the next version, as a draft: what a performer
//    confirmed is never changed under them;
//  - the result must be valid (validate()) and fit in a scene file.
// Otherwise a refusal naming the first problem.
Edited checked(const Document& before, Document after);
// The door for a change of beat `beat`'s pose keys alone, made from a valid
// document (as every document an edit returns is): the same version rules
// and file-size limit, and of validate() the rules a pose key can break
// (validate.hpp validate_pose_keys). It makes a pose drag's every frame cheap;
// the drag's release goes through checked(), the whole document validated.
// A change elsewhere than `beat`'s pose keys needs checked().
Edited checked_pose_keys(const Document& before, Document after, std::size_t beat);

// [SECTION] Versions
// The current version as an issued version (the snapshot history keeps): what
// a version holds — the beats with all their notation, garments, props,
// cameras, tempo, and each performer's height and build.
ChoreographyVersion snapshot_of(const Document& doc, std::string date, std::string summary);
// Whether two versions hold the same (their number, date and summary aside).
bool same_content(const ChoreographyVersion& a, const ChoreographyVersion& b);
// Whether what a version holds differs between two documents.
bool choreography_changed(const Document& a, const Document& b);
// Issues the current version: its snapshot joins the history (once).
void issue_current(Document& doc, const std::string& date, const std::string& summary);
// The issued version `version`, or nullptr.
const ChoreographyVersion* issued_version(const Document& doc, int version);
// Whether the current version has been issued (its snapshot is in the history).
bool current_version_issued(const Document& doc);
// The version a change to the choreography's content will be in: the current
// one, or the next when the current one was issued (or is rehearsed or locked).
int version_after_change(const Document& doc);

// [SECTION] Where something is referenced
// What refers to an item by id, in a person's words ("the contact 2 of beat
// b04 (giver)", "take 3 on camera A"), in document order; empty when nothing
// does. Deleting an item that is still referenced is refused with this list.
enum class ItemKind { performer, garment, prop, camera, beat };
std::vector<std::string> references_to(const Document& doc, ItemKind kind, std::string_view id);
// Makes every reference to `from` name `to` (renaming an item keeps what names it).
void rename_references(Document& doc, ItemKind kind, std::string_view from, std::string_view to);
// "Performer "ana" is still named in …; change those first" or "" when free.
std::string refuse_if_referenced(const Document& doc, ItemKind kind, std::string_view id);

// [SECTION] New ids
// "b07": "<prefix><number>" above every such id in `taken`, with at least
// `digits` digits (so new beats sort after the numbered ones).
std::string next_numbered_id(const std::vector<std::string>& taken, std::string_view prefix, std::size_t digits);
template <class T> std::vector<std::string> ids_of(const std::vector<T>& list) {
  std::vector<std::string> ids;
  ids.reserve(list.size());
  for (const T& item : list) ids.push_back(item.id);
  return ids;
}
// Camera letters A, B, C… skipping I and O (they read as 1 and 0 on a slate);
// after Z, AA, AB…
std::string next_camera_letter(const Document& doc);

}  // namespace cs
