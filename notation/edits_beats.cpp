// edits_beats.cpp — the timeline and each beat's notation (edits_beats.hpp).
#include "notation/edits_beats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "notation/edits_lists.hpp"
#include "notation/phrasing.hpp"
#include "notation/timeline.hpp"

namespace cs {

namespace {

constexpr double kEps = 1e-9;

using edit_lists::no_beat;

// Where beat i may lie: [lo, hi] for its start and end.
void neighbours(const Document& doc, std::size_t i, double& lo, double& hi) {
  const auto& beats = doc.choreography.beats;
  lo = i > 0 ? beats[i - 1].end_count() : std::min(1.0, beats[i].start_count);
  hi = i + 1 < beats.size() ? beats[i + 1].start_count : std::numeric_limits<double>::infinity();
}

// The list of a beat that holds items of type Item.
template <class Item> std::vector<Item>& notes_of(Beat& b);
template <> std::vector<Contact>& notes_of(Beat& b) { return b.contacts; }
template <> std::vector<BreathNote>& notes_of(Beat& b) { return b.breath; }
template <> std::vector<Eyeline>& notes_of(Beat& b) { return b.eyelines; }
template <> std::vector<GarmentChange>& notes_of(Beat& b) { return b.garment_changes; }
template <> std::vector<MaskingNote>& notes_of(Beat& b) { return b.masking; }

template <class Item> constexpr const char* note_words() {
  if constexpr (std::is_same_v<Item, Contact>) return "contact";
  else if constexpr (std::is_same_v<Item, BreathNote>) return "breath cue";
  else if constexpr (std::is_same_v<Item, Eyeline>) return "eyeline";
  else if constexpr (std::is_same_v<Item, GarmentChange>) return "garment change";
  else return "masking note";
}

}  // namespace

double snap_count(double count) { return std::round(count / kBeatSnap) * kBeatSnap; }

int beat_index_at(const Document& doc, double count) {
  // The beat at the count (timeline.hpp), when the count is inside its own span, not in the gap after it.
  const Beat* b = beat_at(doc, count);
  if (!b || count >= b->end_count() - kEps) return -1;
  return static_cast<int>(b - doc.choreography.beats.data());
}

std::string next_beat_id(const Document& doc) {
  // A removed beat's id stays taken: the take log's deviations and the issued
  // versions still name it, and a new beat under it would read as the old one.
  std::vector<std::string> taken = ids_of(doc.choreography.beats);
  for (const ChoreographyVersion& v : doc.choreography.history)
    for (const Beat& b : v.beats) taken.push_back(b.id);
  for (const Take& t : doc.takes)
    for (const Deviation& dv : t.deviations) taken.push_back(dv.beat);
  return next_numbered_id(taken, "b", 2);
}

// ---------------------------------------------------------------------------
// [SECTION] The timeline

Edited add_beat(const Document& doc, double count, double length, std::size_t* index) {
  if (!std::isfinite(count) || !std::isfinite(length)) return Edited::refused("A new beat needs a count and a length");
  Document d = doc;
  auto& beats = d.choreography.beats;
  double c = snap_count(count);
  // Inside a beat (or a run of touching beats): the first gap after it.
  for (int i = beat_index_at(d, c); i >= 0; i = beat_index_at(d, c)) c = beats[static_cast<std::size_t>(i)].end_count();
  double next = std::numeric_limits<double>::infinity();
  for (const Beat& b : beats)
    if (b.start_count >= c - kEps) next = std::min(next, b.start_count);
  const double room = next - c;
  if (room < kMinBeatLength - kEps)
    return Edited::refused("No room for a new beat at count " + number_text(c) + ": the next beat starts at " +
                           number_text(next));
  Beat nb;
  nb.id = next_beat_id(d);
  nb.label = "New beat";
  nb.start_count = c;
  nb.length_counts = std::min(std::max(length, kMinBeatLength), room);
  nb.placeholder = true;
  const auto at = std::find_if(beats.begin(), beats.end(), [&](const Beat& b) { return b.start_count > c; });
  const auto it = beats.insert(at, std::move(nb));
  const auto added = static_cast<std::size_t>(it - beats.begin());
  Edited e = checked(doc, std::move(d));
  if (index && e.ok()) *index = added;  // only when the beat was added
  return e;
}

Edited split_beat(const Document& doc, double count) {
  if (!std::isfinite(count)) return Edited::refused("Split at which count?");
  Document d = doc;
  auto& beats = d.choreography.beats;
  const double c = snap_count(count);
  const int found = beat_index_at(d, c);
  if (found < 0) return Edited::refused("There is no beat at count " + number_text(c) + " to split");
  const auto i = static_cast<std::size_t>(found);
  if (c <= beats[i].start_count + kEps)
    return Edited::refused("Count " + number_text(c) + " is where beat " + quoted_text(beats[i].id) +
                           " starts; split it inside, after its first half count");
  Beat second;
  second.id = next_beat_id(d);
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
  return checked(doc, std::move(d));
}

Edited move_beat(const Document& doc, std::size_t index, double start) {
  if (index >= doc.choreography.beats.size()) return Edited::refused(no_beat(index));
  if (!std::isfinite(start)) return Edited::refused("Move the beat to which count?");
  Document d = doc;
  Beat& b = d.choreography.beats[index];
  double lo = 0, hi = 0;
  neighbours(d, index, lo, hi);
  const double s = std::clamp(snap_count(start), lo, std::max(lo, hi - b.length_counts));
  const double delta = s - b.start_count;
  if (delta == 0) return checked(doc, std::move(d));
  b.start_count = s;
  for (BreathNote& n : b.breath) n.count += delta;
  return checked(doc, std::move(d));
}

Edited resize_beat(const Document& doc, std::size_t index, double start, double end) {
  if (index >= doc.choreography.beats.size()) return Edited::refused(no_beat(index));
  if (!std::isfinite(start) || !std::isfinite(end)) return Edited::refused("A beat runs from one count to another");
  Document d = doc;
  Beat& b = d.choreography.beats[index];
  double lo = 0, hi = 0;
  neighbours(d, index, lo, hi);
  double s = start == b.start_count ? start : std::max(snap_count(start), lo);
  double e = end == b.end_count() ? end : std::min(snap_count(end), hi);
  if (s != b.start_count) s = std::min(s, e - kMinBeatLength);
  if (e != b.end_count()) e = std::max(e, s + kMinBeatLength);
  if (s < lo - kEps || e > hi + kEps || e - s < kMinBeatLength - kEps)
    return Edited::refused("Beat " + quoted_text(b.id) + " cannot run from count " + number_text(s) + " to " +
                           number_text(e) + ": it must be at least " + counts_text(kMinBeatLength) +
                           " long and not overlap its neighbours");
  b.start_count = s;
  b.length_counts = e - s;
  return checked(doc, std::move(d));
}

Edited delete_beat(const Document& doc, std::size_t index) {
  if (index >= doc.choreography.beats.size()) return Edited::refused(no_beat(index));
  Document d = doc;
  const std::string id = d.choreography.beats[index].id;
  // The take log keeps what happened: a deviation in this beat now says the
  // beat was removed, and in which version.
  const int removed_in = version_after_change(doc);
  for (Take& t : d.takes)
    for (Deviation& dv : t.deviations)
      if (dv.beat == id && dv.beat_removed_in == 0) dv.beat_removed_in = removed_in;
  d.choreography.beats.erase(d.choreography.beats.begin() + static_cast<std::ptrdiff_t>(index));
  return checked(doc, std::move(d));
}

// ---------------------------------------------------------------------------
// [SECTION] A beat's own fields

Edited set_beat_text(const Document& doc, std::size_t index, BeatText field, std::string text) {
  if (index >= doc.choreography.beats.size()) return Edited::refused(no_beat(index));
  Document d = doc;
  Beat& b = d.choreography.beats[index];
  switch (field) {
    case BeatText::label: b.label = std::move(text); break;
    case BeatText::action: b.action = std::move(text); break;
    case BeatText::camera_notes: b.camera_notes = std::move(text); break;
  }
  return checked(doc, std::move(d));
}

Edited set_beat_placeholder(const Document& doc, std::size_t index, bool placeholder) {
  if (index >= doc.choreography.beats.size()) return Edited::refused(no_beat(index));
  Document d = doc;
  d.choreography.beats[index].placeholder = placeholder;
  return checked(doc, std::move(d));
}

// ---------------------------------------------------------------------------
// [SECTION] A beat's notation

namespace {

template <class Item> Edited no_note(const Document& d, std::size_t beat, std::size_t i) {
  return Edited::refused(std::string("Beat ") + quoted_text(d.choreography.beats[beat].id) + " has no " +
                         note_words<Item>() + " " + std::to_string(i + 1));
}

}  // namespace

template <class Item> Edited add_note(const Document& doc, std::size_t beat, Item item) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused(no_beat(beat));
  Document d = doc;
  notes_of<Item>(d.choreography.beats[beat]).push_back(std::move(item));
  return checked(doc, std::move(d));
}

template <class Item> Edited set_note(const Document& doc, std::size_t beat, std::size_t i, Item item) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused(no_beat(beat));
  Document d = doc;
  auto& list = notes_of<Item>(d.choreography.beats[beat]);
  if (i >= list.size()) return no_note<Item>(d, beat, i);
  list[i] = std::move(item);
  return checked(doc, std::move(d));
}

template <class Item> Edited remove_note(const Document& doc, std::size_t beat, std::size_t i) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused(no_beat(beat));
  Document d = doc;
  auto& list = notes_of<Item>(d.choreography.beats[beat]);
  if (i >= list.size()) return no_note<Item>(d, beat, i);
  list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
  return checked(doc, std::move(d));
}

// ---------------------------------------------------------------------------
// [SECTION] Breath cues on the timeline

Edited place_breath(const Document& doc, const std::string& performer, double count, BreathCue cue,
                    std::size_t* beat, std::size_t* index) {
  if (!std::isfinite(count)) return Edited::refused("A breath cue needs a count");
  const double c = snap_count(count);
  const int at = beat_index_at(doc, c);
  if (at < 0) return Edited::refused("There is no beat at count " + number_text(c) + " for a breath cue");
  const auto bi = static_cast<std::size_t>(at);
  if (beat) *beat = bi;
  if (index) *index = doc.choreography.beats[bi].breath.size();
  return add_note(doc, bi, BreathNote{performer, cue, c});
}

Edited move_breath(const Document& doc, std::size_t beat, std::size_t i, double count, std::size_t* to_beat,
                   std::size_t* to_index) {
  if (beat >= doc.choreography.beats.size()) return Edited::refused(no_beat(beat));
  if (i >= doc.choreography.beats[beat].breath.size()) return no_note<BreathNote>(doc, beat, i);
  if (!std::isfinite(count)) return Edited::refused("Move the breath cue to which count?");
  const double c = snap_count(count);
  const int at = beat_index_at(doc, c);
  if (at < 0) return Edited::refused("There is no beat at count " + number_text(c) + " for the breath cue");
  Document d = doc;
  auto& from = d.choreography.beats[beat].breath;
  BreathNote n = from[i];
  n.count = c;
  const auto bi = static_cast<std::size_t>(at);
  if (bi == beat) {
    from[i] = n;
    if (to_index) *to_index = i;
  } else {
    from.erase(from.begin() + static_cast<std::ptrdiff_t>(i));
    auto& into = d.choreography.beats[bi].breath;
    into.push_back(n);
    if (to_index) *to_index = into.size() - 1;
  }
  if (to_beat) *to_beat = bi;
  return checked(doc, std::move(d));
}

// ---------------------------------------------------------------------------
// [SECTION] Defaults a new contact starts from

Layer worn_layer(const Document& doc, std::size_t beat, const std::string& receiver, Region region, std::string* garment) {
  if (beat >= doc.choreography.beats.size()) return Layer::skin;
  const std::vector<bool> worn = garments_worn_at(doc, doc.choreography.beats[beat].start_count);
  Layer layer = Layer::skin;
  for (std::size_t g = 0; g < doc.garments.size() && g < worn.size(); ++g) {
    const Garment& gm = doc.garments[g];
    if (!worn[g] || gm.wearer != receiver) continue;
    if (std::find(gm.covers.begin(), gm.covers.end(), region) == gm.covers.end()) continue;
    // A costume over the region is what a hand meets first; a modesty garment otherwise.
    const Layer l = gm.camera == GarmentCamera::costume ? Layer::over_costume : Layer::over_garment;
    if (layer == Layer::skin || l < layer) {
      layer = l;
      if (garment) *garment = l == Layer::over_garment ? gm.id : std::string();
    }
  }
  return layer;
}

#define CS_NOTE_EDITS(Item)                                                              \
  template Edited add_note<Item>(const Document&, std::size_t, Item);                    \
  template Edited set_note<Item>(const Document&, std::size_t, std::size_t, Item);       \
  template Edited remove_note<Item>(const Document&, std::size_t, std::size_t);
CS_NOTE_EDITS(Contact)
CS_NOTE_EDITS(BreathNote)
CS_NOTE_EDITS(Eyeline)
CS_NOTE_EDITS(GarmentChange)
CS_NOTE_EDITS(MaskingNote)
#undef CS_NOTE_EDITS

}  // namespace cs
