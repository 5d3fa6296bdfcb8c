// edits_beats.hpp — edits of the timeline and of each beat's notation
// (contacts, breath cues, eyelines, garment changes, masking notes, texts).
//
// Each returns the edited document or a refusal (edits.hpp). Timeline edits
// keep the beats in order and never overlapping; counts are snapped to half
// counts ("3-and" is 3.5). Beats are addressed by their index in the list.
#pragma once

#include <cstddef>
#include <string>

#include "notation/edits.hpp"

namespace cs {

inline constexpr double kBeatSnap = 0.5;
inline constexpr double kMinBeatLength = 0.5;
double snap_count(double count);

// The index of the beat whose own span [start, end) holds `count` (beat_at of
// timeline.hpp, but not in the gap after it), or -1.
int beat_index_at(const Document& doc, double count);
// "b06": the first "bNN" id not taken, NN above every numbered id in use, in
// the beats, in the issued versions and in the take log (a removed beat's id
// is never given to a new beat).
std::string next_beat_id(const Document& doc);

// [SECTION] The timeline
// Adds a placeholder beat at `count` (snapped), up to `length` counts long and
// shortened to fit before the next beat. Inside a beat, it goes at the first
// gap after it. Sets *index to where it went (only when it was added).
Edited add_beat(const Document& doc, double count, double length = 4, std::size_t* index = nullptr);
// Splits the beat holding `count` (snapped) in two there. The first part keeps
// the id, poses, garment changes and camera notes; the second gets a new id,
// the breath cues from `count` on, and the same contacts, eyelines and masking
// notes (they continue). Poses are not copied, so the movement is unchanged.
Edited split_beat(const Document& doc, double count);
// Moves beat `index` to start at `start` (snapped), stopped by its neighbours
// (and not before count 1 unless it already was); its breath cues move with it.
Edited move_beat(const Document& doc, std::size_t index, double start);
// Sets beat `index`'s start and end (snapped), stopped by its neighbours, at
// least kMinBeatLength long. Use the current value for the edge not dragged.
Edited resize_beat(const Document& doc, std::size_t index, double start, double end);
// Removes a beat. Deviations logged in it are kept, marked "beat removed in vN"
// (references_to(doc, ItemKind::beat, id) lists them first, for the editor to show).
Edited delete_beat(const Document& doc, std::size_t index);

// [SECTION] A beat's own fields
enum class BeatText { label, action, camera_notes };
Edited set_beat_text(const Document& doc, std::size_t index, BeatText field, std::string text);
Edited set_beat_placeholder(const Document& doc, std::size_t index, bool placeholder);

// [SECTION] A beat's notation
// Items of a beat's lists: Contact, BreathNote, Eyeline, GarmentChange,
// MaskingNote. `add_note` appends; `set_note` replaces item `i`; `remove_note`
// removes it. Refused when the beat or the item does not exist, or when the
// result breaks a rule (an unknown performer, a cue outside the beat…).
template <class Item> Edited add_note(const Document& doc, std::size_t beat, Item item);
template <class Item> Edited set_note(const Document& doc, std::size_t beat, std::size_t i, Item item);
template <class Item> Edited remove_note(const Document& doc, std::size_t beat, std::size_t i);

}  // namespace cs
