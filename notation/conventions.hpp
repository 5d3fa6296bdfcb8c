// conventions.hpp — which way is which, in words: the one place the editor's
// labels, the README and the sheets take them from.
//
// The world: metres, right-handed, +Y up. A performer whose root rotation is
// (0, 0, 0) faces +Z, so their left is +X; a root rotation of (0, 90, 0) turns
// them to face +X (a quarter turn to their left, seen from above). A camera
// looks along its own −Z.
//
// A rotation written (x, y, z) in degrees is applied as R = Rx · Ry · Rz
// (intrinsic X, then Y, then Z), in the parent's frame, from the rest pose
// (standing, arms hanging, facing +Z). Each joint's three angles mean, in
// anatomical words, what `joint_axis` says below; the positive direction
// differs between left and right limbs because they are mirror images
// (left: +Z raises sideways; right: −Z does).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "notation/vocab.hpp"

namespace cs {

// A joint in people's words: "left elbow", "lower back", "pelvis" (vocab_label).
std::string_view joint_label(Joint j);

// One stored angle of a joint: what turning about it does.
struct JointAxis {
  std::string_view name;       // "flex / extend", "raise sideways", "twist": the ring's label
  std::string_view positive;   // what a positive angle does: "extends (moves back)"
  std::string_view negative;   // what a negative angle does: "flexes (moves forward)"
};
// axis 0 is x, 1 is y, 2 is z. A joint that does not turn about an axis (an
// elbow's sideways) says "does not turn" both ways (its limits are 0 to 0).
JointAxis joint_axis(Joint j, int axis);

// The whole body's turn (a pose's root rotation), in the same words.
JointAxis root_axis(int axis);

// [SECTION] Bars
// A bar is an eight: 8 counts, as dance and intimacy choreography is counted
// ("5, 6, 7, 8"). The scene file has no meter, so every scene counts in eights.
// Bars run from the choreography's first count: bar 1 is its first 8 counts.
// The editor's ruler, the sheets' count score and every sentence that says
// "bar" take the length from here.
inline constexpr int kCountsPerBar = 8;

struct BarPosition {
  long long bar = 1;        // 1-based; 0 or less before the first count
  double count_in_bar = 1;  // 1 up to (not including) kCountsPerBar + 1: the count within its bar
};
// Where `count` falls, with bars counted from `first_count`.
BarPosition bar_at(double count, double first_count);
// Whether a bar begins at `count` (a whole number of bars after `first_count`,
// within 1e-9; before `first_count` no bar begins).
bool bar_starts_at(double count, double first_count);
// "bars of 8 counts", for sentences about a count score or a ruler.
std::string bar_length_words();
// Where the playhead is, as the ruler and the sheets count: "count 13 · bar 2,
// count 5" (13 counts from a first count of 1). Halves and quarters as a dancer
// says them ("count 13& · bar 2, count 5&"); any other fraction to two decimals
// ("count 13.37 · bar 2, count 5.37"). Before the first count there is no bar:
// "count 0".
std::string position_words(double count, double first_count);

// [SECTION] Slate letters
// Camera letters and setup letters: A, B… Z, then AA, AB…, never I or O (on a
// slate they read as 1 and 0).
bool is_slate_letters(std::string_view s);          // true for "" too
// The letters after `s` in that order ("" → "A", "H" → "J", "Z" → "AA").
std::string slate_letters_after(std::string_view s);
// Their order: shorter first, then alphabetical (B before AA).
bool slate_letters_before(std::string_view a, std::string_view b);

}  // namespace cs
