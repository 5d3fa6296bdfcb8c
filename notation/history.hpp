// history.hpp — the one door every document edit goes through: undo and redo
// as whole-document snapshots (one step per user interaction), the saved point
// for the dirty flag, a generation counter for everything derived from the
// document, and the choreography edits the editor's timeline makes.
//
// Usage (an interaction that spans frames, e.g. dragging a beat):
//   h.begin("Move beat");            // on IsItemActivated: snapshot
//   move_beat(h.live(), i, start);   // every frame of the drag: edit in place
//   EditResult r = h.commit();       // on release: validate, one step (or none if unchanged)
//   if (!r.ok()) show(r.error);      // refused: the document is back as it was
// A one-shot edit (a menu command) is `h.apply("Delete beat", fn)`.
//
// Snapshots are the simplest correct undo for a plain-data document of a few
// hundred kilobytes; a step that changes nothing is not recorded (as goxel's
// image_history_push does). No UI here: tests/core/test_history.cpp drives it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "notation/diagnostics.hpp"
#include "notation/document.hpp"

namespace cs {

struct EditResult {
  bool changed = false;             // a step was recorded
  std::string error;                // why the edit was refused ("" when it was not)
  std::vector<Diagnostic> problems; // validation problems that refused it
  bool ok() const { return error.empty(); }
};

class History {
 public:
  explicit History(std::size_t max_steps = 200) : max_steps_(max_steps) {}

  // [SECTION] The document
  // Replaces the document (open, new, recover) and forgets every step. `saved`:
  // the document is what is on disk; false for one that never was (a recovered
  // autosave), so it starts dirty.
  void reset(Document doc, bool saved = true);
  void close();                                  // no document at all
  bool has_document() const { return doc_.has_value(); }
  const Document& doc() const;                   // requires has_document()
  // Bumped by every change to the current document (edit frames, undo, redo,
  // reset): what derived data (stage, geometry, findings) is keyed on.
  std::uint64_t generation() const { return generation_; }

  // [SECTION] Saved point
  bool dirty() const { return state_ != saved_state_; }
  void mark_saved() { saved_state_ = state_; }   // after a successful save

  // [SECTION] One interaction
  // Starts an interaction: snapshots the document. A begin while one is open
  // is ignored (the open one continues).
  void begin(std::string label);
  bool editing() const { return editing_; }
  // The document during an interaction, to edit in place (requires editing()).
  Document& live();
  // Ends the interaction: when the edited document has validation problems the
  // snapshot did not, restores it and says why; when nothing changed, records
  // nothing; otherwise records one step.
  EditResult commit();
  // Ends the interaction and restores the snapshot.
  void cancel();
  // begin + edit + commit. `edit` returns "" or why it cannot be made (then the
  // document is restored and that is the error).
  EditResult apply(std::string label, const std::function<std::string(Document&)>& edit);

  // [SECTION] Undo and redo (an open interaction is cancelled first)
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  const std::string& undo_label() const;         // "" when there is nothing to undo
  const std::string& redo_label() const;
  bool undo();
  bool redo();
  std::size_t undo_steps() const { return undo_.size(); }
  std::size_t redo_steps() const { return redo_.size(); }

 private:
  struct Step {
    Document doc;        // the document on the other side of the step
    std::uint64_t state; // its state id
    std::string label;
  };
  std::optional<Document> doc_;
  std::vector<Step> undo_, redo_;
  std::size_t max_steps_;
  std::uint64_t state_ = 0, saved_state_ = 0, next_state_ = 1;
  std::uint64_t generation_ = 0;
  bool editing_ = false;
  Document before_;
  std::vector<Diagnostic> before_problems_;
  std::string label_;
};

// ---------------------------------------------------------------------------
// [SECTION] Choreography edits
//
// Plain functions on a Document, used through History (the editor's timeline
// and Beat panel call them). Each returns "" on success or a sentence saying why
// it cannot be done, and keeps the beats in order and never overlapping. Counts
// are snapped to half counts ("3-and" is 3.5).

inline constexpr double kBeatSnap = 0.5;
inline constexpr double kMinBeatLength = 0.5;
double snap_count(double count);

// The index of the beat whose span [start, end) holds `count`, or -1.
int beat_index_at(const Document& doc, double count);
// "b06": the first "bNN" id not taken, NN above every numbered id in use.
std::string next_beat_id(const Document& doc);

// Adds a placeholder beat at `count` (snapped), up to `length` counts long and
// shortened to fit before the next beat. Inside a beat, it goes at the first
// gap after it. Sets *index to where it went.
std::string add_beat(Document& doc, double count, double length = 4, std::size_t* index = nullptr);
// Splits the beat holding `count` (snapped) in two there. The first part keeps
// the id, poses, garment changes and camera notes; the second gets a new id,
// the breath cues from `count` on, and the same contacts, eyelines and masking
// notes (they continue). Poses are not copied, so the movement is unchanged.
std::string split_beat(Document& doc, double count);
// Moves beat `index` to start at `start` (snapped), stopped by its neighbours
// (and not before count 1 unless it already was); its breath cues move with it.
std::string move_beat(Document& doc, std::size_t index, double start);
// Sets beat `index`'s start and end (snapped), stopped by its neighbours, at
// least kMinBeatLength long. Use the current value for the edge not dragged.
std::string resize_beat(Document& doc, std::size_t index, double start, double end);
std::string delete_beat(Document& doc, std::size_t index);

enum class BeatText { label, action, camera_notes };
std::string set_beat_text(Document& doc, std::size_t index, BeatText field, std::string text);

}  // namespace cs
