// vocab.hpp — every controlled vocabulary of the scene format, each defined once.
//
// A vocabulary is an enum plus a table of its file spellings. `vocab_name(value)`
// gives the spelling, `vocab_parse<E>(text)` the value (or nothing), and
// `vocab_list<E>()` a readable "a, b or c" for error messages. The body-region
// catalogue (with tiers) and the skeleton's joints live here too, because the
// file refers to them by name.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cs {

template <class E> struct Vocab;  // specialised below: `what` and `names`

template <class E> constexpr std::string_view vocab_name(E e) {
  return Vocab<E>::names[static_cast<std::size_t>(e)];
}
template <class E> constexpr std::size_t vocab_size() { return Vocab<E>::names.size(); }
template <class E> constexpr E vocab_at(std::size_t i) { return static_cast<E>(i); }

template <class E> std::optional<E> vocab_parse(std::string_view text) {
  for (std::size_t i = 0; i < Vocab<E>::names.size(); ++i)
    if (Vocab<E>::names[i] == text) return static_cast<E>(i);
  return std::nullopt;
}

// "a, b or c" — for messages that list what is allowed.
template <class E> std::string vocab_list() {
  std::string out;
  const auto& n = Vocab<E>::names;
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (i) out += (i + 1 == n.size()) ? " or " : ", ";
    out += n[i];
  }
  return out;
}

#define CS_VOCAB(E, WHAT, ...)                                              \
  template <> struct Vocab<E> {                                             \
    static constexpr std::string_view what = WHAT;                          \
    static constexpr auto names = std::to_array<std::string_view>({__VA_ARGS__}); \
  }

// ---------------------------------------------------------------------------
// [SECTION] Body regions (DESIGN.md section 4)

enum class Region : std::uint8_t {
  scalp, face, lips, ear_l, ear_r, neck_front, neck_back,
  shoulder_l, shoulder_r, chest_upper, breast_l, breast_r, nipple_l, nipple_r,
  abdomen_upper, abdomen_lower, flank_l, flank_r, back_upper, back_lower,
  hip_l, hip_r, pubic, genitals, perineum, buttock_l, buttock_r,
  upper_arm_l, upper_arm_r, forearm_l, forearm_r, hand_l, hand_r,
  thigh_l, thigh_r, inner_thigh_l, inner_thigh_r, lower_leg_l, lower_leg_r, foot_l, foot_r,
};
CS_VOCAB(Region, "body region",
  "scalp", "face", "lips", "ear_l", "ear_r", "neck_front", "neck_back",
  "shoulder_l", "shoulder_r", "chest_upper", "breast_l", "breast_r", "nipple_l", "nipple_r",
  "abdomen_upper", "abdomen_lower", "flank_l", "flank_r", "back_upper", "back_lower",
  "hip_l", "hip_r", "pubic", "genitals", "perineum", "buttock_l", "buttock_r",
  "upper_arm_l", "upper_arm_r", "forearm_l", "forearm_r", "hand_l", "hand_r",
  "thigh_l", "thigh_r", "inner_thigh_l", "inner_thigh_r", "lower_leg_l", "lower_leg_r",
  "foot_l", "foot_r");
inline constexpr std::size_t kRegionCount = 41;
static_assert(Vocab<Region>::names.size() == kRegionCount);

enum class Tier : std::uint8_t { ordinary, sensitive, intimate };
CS_VOCAB(Tier, "tier", "ordinary", "sensitive", "intimate");

// The default tier of each region; a performer may raise it, never lower it.
Tier default_tier(Region r);
// The mirror image of a region (`breast_l` ↔ `breast_r`); central regions map to themselves.
Region mirror(Region r);
// A person's words for a region in sheets and messages: "left breast", "lower back".
std::string_view region_label(Region r);
// Regions where SAG-AFTRA's barrier rule applies: genitals, pubic, perineum.
bool is_genital_area(Region r);

// ---------------------------------------------------------------------------
// [SECTION] Skeleton joints (19; pelvis is the root)

enum class Joint : std::uint8_t {
  pelvis, spine_lower, spine_upper, neck, head,
  clavicle_l, clavicle_r, shoulder_l, shoulder_r, elbow_l, elbow_r, wrist_l, wrist_r,
  hip_l, hip_r, knee_l, knee_r, ankle_l, ankle_r,
};
CS_VOCAB(Joint, "joint",
  "pelvis", "spine_lower", "spine_upper", "neck", "head",
  "clavicle_l", "clavicle_r", "shoulder_l", "shoulder_r", "elbow_l", "elbow_r", "wrist_l", "wrist_r",
  "hip_l", "hip_r", "knee_l", "knee_r", "ankle_l", "ankle_r");
inline constexpr std::size_t kJointCount = 19;
static_assert(Vocab<Joint>::names.size() == kJointCount);

// ---------------------------------------------------------------------------
// [SECTION] Consent and contact (DESIGN.md section 5)

enum class BoundaryState : std::uint8_t { yes, conditional, ask, no };
CS_VOCAB(BoundaryState, "boundary state", "yes", "conditional", "ask", "no");

enum class Direction : std::uint8_t { receive, give };
CS_VOCAB(Direction, "direction", "receive", "give");

enum class ContactKind : std::uint8_t {
  hand, hold, stroke, kiss_closed, kiss_open, cheek, body_press, weight_bearing,
  pelvic_simulated, hair_hold, breath_only,
};
CS_VOCAB(ContactKind, "contact kind", "hand", "hold", "stroke", "kiss_closed", "kiss_open",
         "cheek", "body_press", "weight_bearing", "pelvic_simulated", "hair_hold", "breath_only");

// From least to most exposed; a boundary's layer is the most exposed layer agreed.
enum class Layer : std::uint8_t { through_barrier, over_costume, over_garment, skin };
CS_VOCAB(Layer, "layer", "through_barrier", "over_costume", "over_garment", "skin");

enum class Pressure : std::uint8_t { marked, light, medium, firm };
CS_VOCAB(Pressure, "pressure", "marked", "light", "medium", "firm");

enum class View : std::uint8_t { front, side, rear, overhead, any };
CS_VOCAB(View, "view", "front", "side", "rear", "overhead", "any");

enum class Build : std::uint8_t { slim, average, broad };
CS_VOCAB(Build, "build", "slim", "average", "broad");

// ---------------------------------------------------------------------------
// [SECTION] Garments, props, cameras

enum class GarmentCamera : std::uint8_t { hidden, costume };
CS_VOCAB(GarmentCamera, "garment camera intent", "hidden", "costume");

enum class GarmentKind : std::uint8_t {
  strapless_thong, pouch, genital_cover, gaff, nipple_covers, merkin, nude_briefs,
  nude_shorts, body_stocking, tape, robe, shirt, trousers, underwear, bra, other,
};
CS_VOCAB(GarmentKind, "garment kind", "strapless_thong", "pouch", "genital_cover", "gaff",
         "nipple_covers", "merkin", "nude_briefs", "nude_shorts", "body_stocking", "tape", "robe",
         "shirt", "trousers", "underwear", "bra", "other");

enum class PropShape : std::uint8_t { box, cylinder, sphere, mesh };
CS_VOCAB(PropShape, "prop shape", "box", "cylinder", "sphere", "mesh");

enum class Fit : std::uint8_t { horizontal, vertical };
CS_VOCAB(Fit, "fit", "horizontal", "vertical");

// Sensor presets; their sizes are in one table (`sensor_size_mm`).
enum class Sensor : std::uint8_t { super35, full_frame, large_format, custom };
CS_VOCAB(Sensor, "sensor", "super35", "full_frame", "large_format", "custom");

struct SensorSize { double width_mm, height_mm; std::string_view label; };
// Super 35 (ARRI 4-perf, 24.89 × 18.66 mm), full frame (36 × 24 mm),
// ALEXA LF-class large format (36.70 × 25.54 mm). `custom` has no size of its own.
SensorSize sensor_size_mm(Sensor s);

// ---------------------------------------------------------------------------
// [SECTION] Choreography and takes

enum class ChoreoStatus : std::uint8_t { draft, rehearsed, locked };
CS_VOCAB(ChoreoStatus, "choreography status", "draft", "rehearsed", "locked");

enum class BreathCue : std::uint8_t { inhale, exhale, hold, release, sigh };
CS_VOCAB(BreathCue, "breath cue", "inhale", "exhale", "hold", "release", "sigh");

enum class TakeStatus : std::uint8_t { circle, hold, ng, false_start };
CS_VOCAB(TakeStatus, "take status", "circle", "hold", "ng", "false_start");

#undef CS_VOCAB

}  // namespace cs
