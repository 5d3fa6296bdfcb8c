// conventions.cpp — what each stored angle means (conventions.hpp).
//
// Derived from the frames of mannequin.hpp: at rest every joint frame is the
// body frame (+X the performer's left, +Y up, +Z forward), so a positive turn
// about X tips whatever points up forward and whatever hangs down backward; a
// positive turn about Y turns what faces forward towards +X (the performer's
// left); a positive turn about Z swings what hangs down towards +X and what
// points up towards −X. Left and right limits mirror as (x, −y, −z).
#include "notation/conventions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <utility>

#include "notation/phrasing.hpp"

namespace cs {

namespace {

constexpr JointAxis kNone{"(none)", "does not turn", "does not turn"};

// The words for a joint of the left side, or of the trunk.
JointAxis left_or_trunk(Joint j, int axis) {
  switch (j) {
    case Joint::pelvis:
      if (axis == 0) return {"tip forward / back", "tips the pelvis forward", "tips the pelvis back"};
      if (axis == 1) return {"turn", "turns to the left", "turns to the right"};
      return {"tilt sideways", "tilts to the right", "tilts to the left"};
    case Joint::spine_lower: case Joint::spine_upper: case Joint::neck: case Joint::head:
      if (axis == 0) return {"bend forward / back", "bends forward", "bends back"};
      if (axis == 1) return {"turn", "turns to the left", "turns to the right"};
      return {"bend sideways", "bends to the right", "bends to the left"};
    case Joint::clavicle_l:
      if (axis == 0) return {"roll", "rolls the shoulder back", "rolls the shoulder forward"};
      if (axis == 1) return {"shoulder forward / back", "draws the shoulder back", "brings the shoulder forward"};
      return {"shrug", "raises the shoulder", "lowers the shoulder"};
    case Joint::shoulder_l:
      if (axis == 0) return {"raise forward / back", "swings the arm back", "raises the arm forward"};
      if (axis == 1) return {"twist", "turns the arm outward", "turns the arm inward"};
      return {"raise sideways", "raises the arm out to the side", "brings the arm across the body"};
    case Joint::elbow_l:
      if (axis == 0) return {"bend / straighten", "straightens the elbow", "bends the elbow"};
      if (axis == 1) return {"twist", "turns the forearm outward", "turns the forearm inward"};
      return kNone;
    case Joint::wrist_l:
      if (axis == 0) return {"bend forward / back", "bends the hand back", "bends the hand forward"};
      if (axis == 1) return kNone;
      return {"bend sideways", "bends the hand outward", "bends the hand inward"};
    case Joint::hip_l:
      if (axis == 0) return {"raise forward / back", "swings the leg back", "raises the leg forward"};
      if (axis == 1) return {"twist", "turns the leg outward", "turns the leg inward"};
      return {"raise sideways", "opens the leg out to the side", "brings the leg across"};
    case Joint::knee_l:
      if (axis == 0) return {"bend / straighten", "bends the knee", "straightens the knee"};
      if (axis == 1) return {"twist", "turns the lower leg outward", "turns the lower leg inward"};
      return kNone;
    case Joint::ankle_l:
      if (axis == 0) return {"point / flex", "points the toes", "draws the toes up"};
      if (axis == 1) return {"turn", "turns the toes out", "turns the toes in"};
      return {"tilt", "turns the sole outward", "turns the sole inward"};
    default:
      return kNone;
  }
}

Joint left_of(Joint j) {
  switch (j) {
    case Joint::clavicle_r: return Joint::clavicle_l;
    case Joint::shoulder_r: return Joint::shoulder_l;
    case Joint::elbow_r: return Joint::elbow_l;
    case Joint::wrist_r: return Joint::wrist_l;
    case Joint::hip_r: return Joint::hip_l;
    case Joint::knee_r: return Joint::knee_l;
    case Joint::ankle_r: return Joint::ankle_l;
    default: return j;
  }
}

}  // namespace

std::string_view joint_label(Joint j) {
  return static_cast<std::size_t>(j) < kJointCount ? vocab_label(j) : std::string_view("joint");
}

JointAxis joint_axis(Joint j, int axis) {
  if (axis < 0 || axis > 2) return kNone;
  const Joint left = left_of(j);
  JointAxis a = left_or_trunk(left, axis);
  // A right limb is the mirror image: its y and z turn the other way.
  if (left != j && axis != 0) std::swap(a.positive, a.negative);
  return a;
}

JointAxis root_axis(int axis) {
  if (axis == 0) return {"pitch", "tips the body forward (towards lying face down)", "tips the body back (towards lying on the back)"};
  if (axis == 1) return {"turn", "turns to their left (seen from above, anticlockwise)", "turns to their right"};
  if (axis == 2) return {"roll", "rolls onto their right side", "rolls onto their left side"};
  return kNone;
}

// [SECTION] Bars

BarPosition bar_at(double count, double first_count) {
  const double rel = count - first_count;
  double bars = std::floor(rel / kCountsPerBar);
  double in_bar = rel - bars * kCountsPerBar;
  if (in_bar > kCountsPerBar - 1e-9) {  // within rounding of the next bar's first count
    bars += 1;
    in_bar = 0;
  }
  if (std::fabs(in_bar) < 1e-9) in_bar = 0;
  return {static_cast<long long>(bars) + 1, in_bar + 1};
}

bool bar_starts_at(double count, double first_count) {
  if (count < first_count - 1e-9) return false;
  return bar_at(count, first_count).count_in_bar == 1;
}

std::string bar_length_words() { return "bars of " + std::to_string(kCountsPerBar) + " counts"; }

namespace {
// A count for the position line: halves and quarters as count_label says them,
// anything else to two decimals (a playhead running at tempo).
std::string position_count(double c) {
  const double quarters = std::round(c * 4);
  if (std::fabs(c * 4 - quarters) < 1e-6) return count_label(quarters / 4);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}
}  // namespace

std::string position_words(double count, double first_count) {
  std::string s = "count " + position_count(count);
  if (count < first_count - 1e-9) return s;
  const BarPosition b = bar_at(count, first_count);
  return s + " \u00b7 bar " + std::to_string(b.bar) + ", count " + position_count(b.count_in_bar);
}

// [SECTION] Slate letters

namespace {
constexpr std::string_view kSlateLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";  // no I, no O
}

bool is_slate_letters(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return kSlateLetters.find(c) != std::string_view::npos; });
}

std::string slate_letters_after(std::string_view s) {
  std::string next(s);
  for (std::size_t i = next.size(); i-- > 0;) {
    const std::size_t at = kSlateLetters.find(next[i]);
    if (at != std::string_view::npos && at + 1 < kSlateLetters.size()) {
      next[i] = kSlateLetters[at + 1];
      return next;
    }
    next[i] = kSlateLetters.front();  // carry
  }
  return std::string(1, kSlateLetters.front()) + next;
}

bool slate_letters_before(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

}  // namespace cs
