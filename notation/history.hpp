// history.hpp — the undo stack: whole-document snapshots, one step per user
// interaction, the saved point for the dirty flag, and a generation counter
// for everything derived from the document.
//
// History records edits; it does not make them. Every change arrives as an
// `Edited` from an edit function (edits.hpp), which has already been checked
// against every rule a load keeps, so the document here is always valid.
//
//   h.apply("Set tempo", set_tempo(h.doc(), 72));      // a one-shot edit (a menu command)
//
// An interaction that spans frames (dragging a beat, typing in a field):
//   h.begin("Move beat");                              // on press: snapshot
//   h.update(move_beat(h.original(), i, start));       // every frame: from the snapshot
//   EditResult r = h.commit();                         // on release: one step (none if unchanged)
//
// Snapshots are the simplest correct undo for a plain-data document of a few
// hundred kilobytes; a step that changes nothing is not recorded (as goxel's
// image_history_push does). No UI here: tests/core/test_history.cpp drives it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "notation/diagnostics.hpp"
#include "notation/document.hpp"
#include "notation/edits.hpp"

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
  // autosave, a new scene), so it starts dirty.
  void reset(Document doc, bool saved = true);
  void close();                                  // no document at all
  bool has_document() const { return doc_.has_value(); }
  const Document& doc() const;                   // requires has_document()
  // Bumped by every change to the current document (interaction frames, undo,
  // redo, reset): what derived data (stage, geometry, findings) is keyed on.
  std::uint64_t generation() const { return generation_; }

  // [SECTION] Saved point
  bool dirty() const { return state_ != saved_state_; }
  // After a successful save. What the saved file records (an issued version, a
  // confirmation) is not undone past: undo steps that would remove such a
  // record are dropped, so a record on disk is never lost by a later save.
  void mark_saved();

  // [SECTION] One step
  // The edit's document becomes the current one as one step labelled `label`.
  // A refused edit records nothing, changes nothing (an open interaction goes
  // on) and returns its refusal (prefixed with the label); an edit that changes
  // nothing records nothing. An open interaction is committed first, as its
  // own step (the edit was made on the document it shows).
  EditResult apply(std::string label, Edited edit);

  // [SECTION] One interaction over several frames
  // Starts an interaction: snapshots the document. A begin while one is open
  // is ignored (the open one continues).
  void begin(std::string label);
  bool editing() const { return editing_; }
  // The document as it was when the interaction began (requires editing()):
  // compute each frame's edit from it, so the result never drifts.
  const Document& original() const;
  // Shows an edited document while the interaction lasts. A refused edit
  // leaves the last accepted one shown and returns its refusal ("" when shown).
  std::string update(Edited edit);
  // Ends the interaction: one step when the document changed, none otherwise.
  EditResult commit();
  // Ends the interaction and restores the snapshot.
  void cancel();

  // [SECTION] Undo and redo (an open interaction is cancelled first)
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  const std::string& undo_label() const;         // "" when there is nothing to undo
  const std::string& redo_label() const;
  bool undo();
  bool redo();
  std::size_t undo_steps() const { return undo_.size(); }

 private:
  struct Step {
    Document doc;        // the document on the other side of the step
    std::uint64_t state; // its state id
    std::string label;
  };
  void record(Document before, std::string label);
  std::optional<Document> doc_;
  std::vector<Step> undo_, redo_;
  std::size_t max_steps_;
  std::uint64_t state_ = 0, saved_state_ = 0, next_state_ = 1;
  std::uint64_t generation_ = 0;
  bool editing_ = false;
  Document before_;
  std::string label_;
};

}  // namespace cs
