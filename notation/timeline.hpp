// timeline.hpp — where a count falls on the choreography, defined once.
//
// The checks, the stage, the editor, the renderer and the command line all ask
// "which beat is this count in?" and "which garments are worn now?"; they ask
// these functions, so a count never means one beat on the timeline and another
// in a finding.
//
// A gap between beats holds the last shape (docs/architecture.md, "Stage"): a count in a
// gap belongs to the beat before it, as the editor shows it. Before the first
// beat there is no beat.
#pragma once

#include <string>
#include <vector>

#include "notation/document.hpp"

namespace cs {

// The beat at a count: the last beat starting at or before it (a count within
// 1e-9 of a start counts as at it, so sampled counts such as first + k/3 land in
// the beat they were meant for); in a gap, the beat before the gap; nullptr
// before the first beat and when there are no beats. Whether the count is inside
// that beat's own span is `count < beat->end_count()`.
const Beat* beat_at(const Document& doc, double count);

// The garments worn at a count (per doc.garments): `worn` at the top of the
// scene, then the changes of every beat starting at or before the count, in
// time order (a change applies from its beat on).
std::vector<bool> garments_worn_at(const Document& doc, double count);

// The timeline samples the checks take: `samples_per_count` per count (≥ 1)
// from the first count to the last, and the last count itself.
std::vector<double> sample_counts(const Document& doc, int samples_per_count);

// Why `count` is not a count of this choreography, as a sentence naming its
// first and last counts ("count 99 is past the scene's last count, 29 (its
// counts run from 1 to 29)"): "" when it is a finite number from the first count to
// the last (within 1e-9). Without beats the only count is the first. The command
// line refuses --at with it ("--at 99: …"), so a count past the end is never
// quietly rendered as the last shape.
std::string count_range_problem(const Document& doc, double count);

}  // namespace cs
