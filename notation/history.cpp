// history.cpp — History (snapshots, saved point) and the choreography edits.
#include "notation/history.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <sstream>

#include "notation/format.hpp"

namespace cs {

namespace {

constexpr std::uint64_t kNeverSaved = std::numeric_limits<std::uint64_t>::max();
constexpr double kEps = 1e-9;

std::string num(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

std::string qt(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] History

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

const Document& History::doc() const {
  assert(doc_ && "History::doc() with no document open; check has_document()");
  return *doc_;
}

void History::begin(std::string label) {
  assert(doc_ && "History::begin() with no document open");
  if (!doc_ || editing_) return;
  before_ = *doc_;
  before_problems_ = validate(before_);
  label_ = std::move(label);
  editing_ = true;
}

Document& History::live() {
  assert(editing_ && "History::live() outside begin()/commit()");
  ++generation_;
  return *doc_;
}

EditResult History::commit() {
  EditResult r;
  if (!editing_) return r;
  editing_ = false;
  if (*doc_ == before_) return r;  // nothing changed: no step
  std::vector<Diagnostic> problems = validate(*doc_);
  std::vector<Diagnostic> fresh;
  for (Diagnostic& d : problems)
    if (std::find(before_problems_.begin(), before_problems_.end(), d) == before_problems_.end()) fresh.push_back(std::move(d));
  if (!fresh.empty()) {
    *doc_ = std::move(before_);
    ++generation_;
    r.error = label_ + " was not done: " + fresh.front().message;
    if (fresh.size() > 1) r.error += " (and " + std::to_string(fresh.size() - 1) + " more problems)";
    r.problems = std::move(fresh);
    return r;
  }
  undo_.push_back({std::move(before_), state_, std::move(label_)});
  if (undo_.size() > max_steps_) undo_.erase(undo_.begin());
  redo_.clear();
  state_ = next_state_++;
  ++generation_;
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

EditResult History::apply(std::string label, const std::function<std::string(Document&)>& edit) {
  cancel();
  if (!doc_) return {false, "No scene is open", {}};
  begin(std::move(label));
  const std::string why = edit(live());
  if (!why.empty()) {
    cancel();
    return {false, why, {}};
  }
  return commit();
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

// ---------------------------------------------------------------------------
// [SECTION] Choreography edits

double snap_count(double count) { return std::round(count / kBeatSnap) * kBeatSnap; }

int beat_index_at(const Document& doc, double count) {
  const auto& beats = doc.choreography.beats;
  for (std::size_t i = 0; i < beats.size(); ++i)
    if (beats[i].start_count <= count + kEps && count < beats[i].end_count() - kEps) return static_cast<int>(i);
  return -1;
}

std::string next_beat_id(const Document& doc) {
  int highest = 0;
  std::size_t width = 2;
  for (const Beat& b : doc.choreography.beats) {
    if (b.id.size() < 2 || b.id[0] != 'b') continue;
    const std::string digits = b.id.substr(1);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) || digits.size() > 6) continue;
    highest = std::max(highest, std::stoi(digits));
    width = std::max(width, digits.size());
  }
  for (int n = highest + 1;; ++n) {
    std::string digits = std::to_string(n);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    const std::string id = "b" + digits;
    if (!doc.beat(id)) return id;
  }
}

std::string add_beat(Document& doc, double count, double length, std::size_t* index) {
  auto& beats = doc.choreography.beats;
  double c = snap_count(count);
  // Inside a beat (or a run of touching beats): the first gap after it.
  for (int i = beat_index_at(doc, c); i >= 0; i = beat_index_at(doc, c)) c = beats[static_cast<std::size_t>(i)].end_count();
  double next = std::numeric_limits<double>::infinity();
  for (const Beat& b : beats)
    if (b.start_count >= c - kEps) next = std::min(next, b.start_count);
  const double room = next - c;
  if (room < kMinBeatLength - kEps)
    return "No room for a new beat at count " + num(c) + ": the next beat starts at " + num(next);
  Beat nb;
  nb.id = next_beat_id(doc);
  nb.label = "New beat";
  nb.start_count = c;
  nb.length_counts = std::min(std::max(length, kMinBeatLength), room);
  nb.placeholder = true;
  const auto at = std::find_if(beats.begin(), beats.end(), [&](const Beat& b) { return b.start_count > c; });
  const auto it = beats.insert(at, std::move(nb));
  if (index) *index = static_cast<std::size_t>(it - beats.begin());
  return "";
}

std::string split_beat(Document& doc, double count) {
  auto& beats = doc.choreography.beats;
  const double c = snap_count(count);
  const int found = beat_index_at(doc, c);
  if (found < 0) return "There is no beat at count " + num(c) + " to split";
  const auto i = static_cast<std::size_t>(found);
  if (c <= beats[i].start_count + kEps)
    return "Count " + num(c) + " is where beat " + qt(beats[i].id) + " starts; split it inside, after its first half count";
  Beat second;
  second.id = next_beat_id(doc);
  Beat& first = beats[i];
  second.label = first.label.empty() ? std::string() : first.label + " (cont.)";
  second.action = first.action;
  second.placeholder = first.placeholder;
  second.start_count = c;
  second.length_counts = first.end_count() - c;
  second.contacts = first.contacts;
  second.eyelines = first.eyelines;
  second.masking = first.masking;
  std::vector<BreathNote> keep;
  for (BreathNote& n : first.breath) (n.count >= c - kEps ? second.breath : keep).push_back(std::move(n));
  first.breath = std::move(keep);
  first.length_counts = c - first.start_count;
  beats.insert(beats.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(second));
  return "";
}

namespace {

// Where beat i may lie: [lo, hi] for its start and end.
void neighbours(const Document& doc, std::size_t i, double& lo, double& hi) {
  const auto& beats = doc.choreography.beats;
  lo = i > 0 ? beats[i - 1].end_count() : std::min(1.0, beats[i].start_count);
  hi = i + 1 < beats.size() ? beats[i + 1].start_count : std::numeric_limits<double>::infinity();
}

}  // namespace

std::string move_beat(Document& doc, std::size_t index, double start) {
  auto& beats = doc.choreography.beats;
  if (index >= beats.size()) return "There is no beat " + std::to_string(index + 1);
  Beat& b = beats[index];
  double lo = 0, hi = 0;
  neighbours(doc, index, lo, hi);
  const double s = std::clamp(snap_count(start), lo, std::max(lo, hi - b.length_counts));
  const double delta = s - b.start_count;
  if (delta == 0) return "";
  b.start_count = s;
  for (BreathNote& n : b.breath) n.count += delta;
  return "";
}

std::string resize_beat(Document& doc, std::size_t index, double start, double end) {
  auto& beats = doc.choreography.beats;
  if (index >= beats.size()) return "There is no beat " + std::to_string(index + 1);
  Beat& b = beats[index];
  double lo = 0, hi = 0;
  neighbours(doc, index, lo, hi);
  double s = start == b.start_count ? start : std::max(snap_count(start), lo);
  double e = end == b.end_count() ? end : std::min(snap_count(end), hi);
  if (s != b.start_count) s = std::min(s, e - kMinBeatLength);
  if (e != b.end_count()) e = std::max(e, s + kMinBeatLength);
  if (s < lo - kEps || e > hi + kEps || e - s < kMinBeatLength - kEps)
    return "Beat " + qt(b.id) + " cannot run from count " + num(s) + " to " + num(e) +
           ": it must be at least " + num(kMinBeatLength) + " counts long and not overlap its neighbours";
  b.start_count = s;
  b.length_counts = e - s;
  return "";
}

std::string delete_beat(Document& doc, std::size_t index) {
  auto& beats = doc.choreography.beats;
  if (index >= beats.size()) return "There is no beat " + std::to_string(index + 1);
  const std::string& id = beats[index].id;
  for (const Take& t : doc.takes)
    for (const Deviation& d : t.deviations)
      if (d.beat == id)
        return "Beat " + qt(id) + " is named in the notes of take " + std::to_string(t.number) +
               (t.camera.empty() ? std::string() : " on camera " + t.camera) + "; edit that take first";
  beats.erase(beats.begin() + static_cast<std::ptrdiff_t>(index));
  return "";
}

std::string set_beat_text(Document& doc, std::size_t index, BeatText field, std::string text) {
  auto& beats = doc.choreography.beats;
  if (index >= beats.size()) return "There is no beat " + std::to_string(index + 1);
  Beat& b = beats[index];
  switch (field) {
    case BeatText::label: b.label = std::move(text); break;
    case BeatText::action: b.action = std::move(text); break;
    case BeatText::camera_notes: b.camera_notes = std::move(text); break;
  }
  return "";
}

}  // namespace cs
