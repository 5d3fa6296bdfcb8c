// history.cpp — the undo stack (history.hpp).
#include "notation/history.hpp"

#include <algorithm>
#include <cassert>
#include <limits>
#include <utility>

namespace cs {

namespace {
constexpr std::uint64_t kNeverSaved = std::numeric_limits<std::uint64_t>::max();
}  // namespace

void History::reset(Document doc, bool saved) {
  doc_ = std::move(doc);
  undo_.clear();
  redo_.clear();
  editing_ = false;
  state_ = next_state_++;
  saved_state_ = saved ? state_ : kNeverSaved;
  ++generation_;
}

void History::close() {
  doc_.reset();
  undo_.clear();
  redo_.clear();
  editing_ = false;
  state_ = saved_state_ = 0;
  ++generation_;
}

namespace {

// Whether `older` still holds every record `newer` holds: each issued version
// (as it was issued) and each confirmation.
bool keeps_records(const Document& older, const Document& newer) {
  for (const ChoreographyVersion& v : newer.choreography.history)
    if (std::find(older.choreography.history.begin(), older.choreography.history.end(), v) ==
        older.choreography.history.end())
      return false;
  for (const Confirmation& c : newer.choreography.confirmations)
    if (std::find(older.choreography.confirmations.begin(), older.choreography.confirmations.end(), c) ==
        older.choreography.confirmations.end())
      return false;
  return true;
}

}  // namespace

void History::mark_saved() {
  saved_state_ = state_;
  if (!doc_) return;
  // Undo stops at the newest step that would take away a record the file now holds.
  for (std::size_t i = undo_.size(); i-- > 0;)
    if (!keeps_records(undo_[i].doc, *doc_)) {
      undo_.erase(undo_.begin(), undo_.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      break;
    }
}

const Document& History::doc() const {
  assert(doc_ && "History::doc() with no document open; check has_document()");
  return *doc_;
}

void History::record(Document before, std::string label) {
  undo_.push_back({std::move(before), state_, std::move(label)});
  if (undo_.size() > max_steps_) undo_.erase(undo_.begin());
  redo_.clear();
  state_ = next_state_++;
  ++generation_;
}

EditResult History::apply(std::string label, Edited edit) {
  EditResult r;
  if (!doc_) {
    r.error = "No scene is open";
    return r;
  }
  if (!edit.ok()) {
    // A refusal changes nothing: an open interaction goes on as it was.
    r.error = label + " was not done: " + edit.refusal();
    r.problems = edit.problems();
    return r;
  }
  // The edit was made on the document as shown: an open interaction (a drag
  // under way) is kept as its own step first, never folded into this one.
  commit();
  if (edit.doc() == *doc_) return r;  // nothing changed: no step
  Document before = std::exchange(*doc_, std::move(edit).take());
  record(std::move(before), std::move(label));
  r.changed = true;
  return r;
}

void History::begin(std::string label) {
  assert(doc_ && "History::begin() with no document open");
  if (!doc_ || editing_) return;
  before_ = *doc_;
  label_ = std::move(label);
  editing_ = true;
}

const Document& History::original() const {
  assert(editing_ && "History::original() outside begin()/commit()");
  return before_;
}

std::string History::update(Edited edit) {
  assert(editing_ && "History::update() outside begin()/commit()");
  if (!editing_) return "No interaction is open";
  if (!edit.ok()) return edit.refusal();
  if (edit.doc() == *doc_) return "";
  *doc_ = std::move(edit).take();
  ++generation_;
  return "";
}

EditResult History::commit() {
  EditResult r;
  if (!editing_) return r;
  editing_ = false;
  if (*doc_ == before_) return r;  // nothing changed: no step
  record(std::move(before_), std::move(label_));
  r.changed = true;
  return r;
}

void History::cancel() {
  if (!editing_) return;
  editing_ = false;
  if (*doc_ != before_) {
    *doc_ = std::move(before_);
    ++generation_;
  }
}

const std::string& History::undo_label() const {
  static const std::string none;
  return undo_.empty() ? none : undo_.back().label;
}

const std::string& History::redo_label() const {
  static const std::string none;
  return redo_.empty() ? none : redo_.back().label;
}

bool History::undo() {
  cancel();
  if (undo_.empty() || !doc_) return false;
  Step s = std::move(undo_.back());
  undo_.pop_back();
  redo_.push_back({std::move(*doc_), state_, s.label});
  *doc_ = std::move(s.doc);
  state_ = s.state;
  ++generation_;
  return true;
}

bool History::redo() {
  cancel();
  if (redo_.empty() || !doc_) return false;
  Step s = std::move(redo_.back());
  redo_.pop_back();
  undo_.push_back({std::move(*doc_), state_, s.label});
  *doc_ = std::move(s.doc);
  state_ = s.state;
  ++generation_;
  return true;
}

}  // namespace cs
