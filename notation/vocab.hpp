// vocab.hpp — every controlled vocabulary of the scene format, each defined once.
//
// A vocabulary is one list, CS_<NAME>(X), with one X(word, ...) per value: the
// enum's enumerators and the file's spellings both come from it (the spelling
// is the enumerator's own name), so the two can never drift apart, and the
// size is counted, never written. Where a value carries more (a region's
// default tier and its words for people, a sensor's size), that is on the same
// line. `vocab_name(value)` gives the spelling, `vocab_parse<E>(text)` the value
// (or nothing), and `vocab_list<E>()` a readable "a, b or c" for error messages.
// The body-region catalogue and the skeleton's joints live here too, because the
// file refers to them by name.
//
// [SECTION] The machinery: CS_DEFINE_VOCAB
// [SECTION] Body regions (the README's "Body regions")
// [SECTION] Skeleton joints
// [SECTION] Consent and contact
// [SECTION] Garments, props, cameras
// [SECTION] Choreography and takes
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] The machinery: CS_DEFINE_VOCAB

template <class E> struct Vocab;  // specialised by CS_DEFINE_VOCAB: `what` and `names`

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

// phrasing.hpp's list joining ("a, b or c"), declared here so that messages
// listing a vocabulary join the way every other list is joined.
std::string join_list(const std::vector<std::string>& items, std::string_view conjunction);

// "a, b or c" — for messages that list what is allowed.
template <class E> std::string vocab_list() {
  return join_list(std::vector<std::string>(Vocab<E>::names.begin(), Vocab<E>::names.end()), "or");
}

// One vocabulary from its list: `enum class E` with one enumerator per entry,
// and Vocab<E> with `what` (how messages name the vocabulary) and `names` (the
// spellings, in enum order). An entry is X(word, extra…); the extras are for the
// vocabulary's own tables.
#define CS_VOCAB_ENUMERATOR(word, ...) word,
#define CS_VOCAB_SPELLING(word, ...) #word,
#define CS_DEFINE_VOCAB(E, WHAT, LIST)                                                 \
  enum class E : std::uint8_t { LIST(CS_VOCAB_ENUMERATOR) };                           \
  template <> struct Vocab<E> {                                                        \
    static constexpr std::string_view what = WHAT;                                     \
    static constexpr auto names = std::to_array<std::string_view>({LIST(CS_VOCAB_SPELLING)}); \
  }

// ---------------------------------------------------------------------------
// [SECTION] Body regions (the README's "Body regions")
//
// X(region, default tier, people's words). A performer may raise a tier, never
// lower it.

#define CS_REGIONS(X)                                                                              \
  X(scalp, ordinary, "scalp") X(face, ordinary, "face") X(lips, sensitive, "lips")                  \
  X(ear_l, ordinary, "left ear") X(ear_r, ordinary, "right ear")                                    \
  X(neck_front, sensitive, "neck (front)") X(neck_back, ordinary, "neck (back)")                    \
  X(shoulder_l, ordinary, "left shoulder") X(shoulder_r, ordinary, "right shoulder")                \
  X(chest_upper, sensitive, "upper chest")                                                          \
  X(breast_l, intimate, "left breast") X(breast_r, intimate, "right breast")                        \
  X(nipple_l, intimate, "left nipple") X(nipple_r, intimate, "right nipple")                        \
  X(abdomen_upper, ordinary, "upper abdomen") X(abdomen_lower, sensitive, "lower abdomen")          \
  X(flank_l, ordinary, "left flank") X(flank_r, ordinary, "right flank")                            \
  X(back_upper, ordinary, "upper back") X(back_lower, ordinary, "lower back")                       \
  X(hip_l, ordinary, "left hip") X(hip_r, ordinary, "right hip")                                    \
  X(pubic, intimate, "pubic area") X(genitals, intimate, "genitals") X(perineum, intimate, "perineum") \
  X(buttock_l, intimate, "left buttock") X(buttock_r, intimate, "right buttock")                    \
  X(upper_arm_l, ordinary, "left upper arm") X(upper_arm_r, ordinary, "right upper arm")            \
  X(forearm_l, ordinary, "left forearm") X(forearm_r, ordinary, "right forearm")                    \
  X(hand_l, ordinary, "left hand") X(hand_r, ordinary, "right hand")                                \
  X(thigh_l, ordinary, "left thigh") X(thigh_r, ordinary, "right thigh")                            \
  X(inner_thigh_l, sensitive, "left inner thigh") X(inner_thigh_r, sensitive, "right inner thigh")  \
  X(lower_leg_l, ordinary, "left lower leg") X(lower_leg_r, ordinary, "right lower leg")            \
  X(foot_l, ordinary, "left foot") X(foot_r, ordinary, "right foot")
CS_DEFINE_VOCAB(Region, "body region", CS_REGIONS);
inline constexpr std::size_t kRegionCount = vocab_size<Region>();
static_assert(kRegionCount <= 64, "regions are held as bits of a 64-bit word");

#define CS_TIERS(X) X(ordinary) X(sensitive) X(intimate)
CS_DEFINE_VOCAB(Tier, "tier", CS_TIERS);

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

#define CS_JOINTS(X)                                                                        \
  X(pelvis) X(spine_lower) X(spine_upper) X(neck) X(head)                                   \
  X(clavicle_l) X(clavicle_r) X(shoulder_l) X(shoulder_r) X(elbow_l) X(elbow_r) X(wrist_l) \
  X(wrist_r) X(hip_l) X(hip_r) X(knee_l) X(knee_r) X(ankle_l) X(ankle_r)
CS_DEFINE_VOCAB(Joint, "joint", CS_JOINTS);
inline constexpr std::size_t kJointCount = vocab_size<Joint>();

// ---------------------------------------------------------------------------
// [SECTION] Consent and contact (the README's "The checks")

#define CS_BOUNDARY_STATES(X) X(yes) X(conditional) X(ask) X(no)
CS_DEFINE_VOCAB(BoundaryState, "boundary state", CS_BOUNDARY_STATES);

#define CS_DIRECTIONS(X) X(receive) X(give)
CS_DEFINE_VOCAB(Direction, "direction", CS_DIRECTIONS);

#define CS_CONTACT_KINDS(X)                                                                          \
  X(hand) X(hold) X(stroke) X(kiss_closed) X(kiss_open) X(cheek) X(body_press) X(weight_bearing) \
  X(pelvic_simulated) X(hair_hold) X(breath_only)
CS_DEFINE_VOCAB(ContactKind, "contact kind", CS_CONTACT_KINDS);

// From least to most exposed; a boundary's layer is the most exposed layer agreed.
#define CS_LAYERS(X) X(through_barrier) X(over_costume) X(over_garment) X(skin)
CS_DEFINE_VOCAB(Layer, "layer", CS_LAYERS);

#define CS_PRESSURES(X) X(marked) X(light) X(medium) X(firm)
CS_DEFINE_VOCAB(Pressure, "pressure", CS_PRESSURES);

#define CS_VIEWS(X) X(front) X(side) X(rear) X(overhead) X(any)
CS_DEFINE_VOCAB(View, "view", CS_VIEWS);

#define CS_BUILDS(X) X(slim) X(average) X(broad)
CS_DEFINE_VOCAB(Build, "build", CS_BUILDS);

// ---------------------------------------------------------------------------
// [SECTION] Garments, props, cameras

#define CS_GARMENT_CAMERAS(X) X(hidden) X(costume)
CS_DEFINE_VOCAB(GarmentCamera, "garment camera intent", CS_GARMENT_CAMERAS);

#define CS_GARMENT_KINDS(X)                                                                          \
  X(strapless_thong) X(pouch) X(genital_cover) X(gaff) X(nipple_covers) X(merkin) X(nude_briefs) \
  X(nude_shorts) X(body_stocking) X(tape) X(robe) X(shirt) X(trousers) X(underwear) X(bra) X(other)
CS_DEFINE_VOCAB(GarmentKind, "garment kind", CS_GARMENT_KINDS);

#define CS_PROP_SHAPES(X) X(box) X(cylinder) X(sphere) X(mesh)
CS_DEFINE_VOCAB(PropShape, "prop shape", CS_PROP_SHAPES);

#define CS_FITS(X) X(horizontal) X(vertical)
CS_DEFINE_VOCAB(Fit, "fit", CS_FITS);

// Sensor presets: X(sensor, width mm, height mm, label). Super 35 (ARRI 4-perf),
// full frame, ALEXA LF-class large format. `custom` has no size of its own.
#define CS_SENSORS(X)                                         \
  X(super35, 24.89, 18.66, "Super 35")                        \
  X(full_frame, 36.0, 24.0, "full frame")                     \
  X(large_format, 36.70, 25.54, "large format (ALEXA LF class)") \
  X(custom, 0.0, 0.0, "custom")
CS_DEFINE_VOCAB(Sensor, "sensor", CS_SENSORS);

struct SensorSize { double width_mm, height_mm; std::string_view label; };
SensorSize sensor_size_mm(Sensor s);

// ---------------------------------------------------------------------------
// [SECTION] Choreography and takes

#define CS_CHOREO_STATUSES(X) X(draft) X(rehearsed) X(locked)
CS_DEFINE_VOCAB(ChoreoStatus, "choreography status", CS_CHOREO_STATUSES);

#define CS_BREATH_CUES(X) X(inhale) X(exhale) X(hold) X(release) X(sigh)
CS_DEFINE_VOCAB(BreathCue, "breath cue", CS_BREATH_CUES);

#define CS_TAKE_STATUSES(X) X(circle) X(hold) X(ng) X(false_start)
CS_DEFINE_VOCAB(TakeStatus, "take status", CS_TAKE_STATUSES);

// What a take did differently from the choreography in force. A consent
// deviation is marked so that no report can miss it.
#define CS_DEVIATION_KINDS(X) X(timing) X(contact) X(garment) X(masking) X(consent)
CS_DEFINE_VOCAB(DeviationKind, "deviation kind", CS_DEVIATION_KINDS);

}  // namespace cs
