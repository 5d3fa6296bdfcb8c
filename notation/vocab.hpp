// vocab.hpp — every controlled vocabulary of the scene format, each defined once.
//
// A vocabulary is one list, CS_<NAME>(X), with one X(word, ...) per value: the
// enum's enumerators and the file's spellings both come from it (the spelling
// is the enumerator's own name), so the two can never drift apart, and the
// size is counted, never written. Where a value carries more (a region's
// default tier and its words for people, a sensor's size), that is on the same
// line. `vocab_name(value)` gives the spelling (for the file, JSON and messages
// about what to write in the file), `vocab_label(value)` people's words for it
// (for every text a person reads: findings, sheets, the editor, the command
// line's text), `vocab_parse<E>(text)` the value (or nothing), and
// `vocab_list<E>()` a readable "a, b or c" of spellings for error messages.
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
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] The machinery: CS_DEFINE_VOCAB

template <class E> struct Vocab;  // specialised by CS_DEFINE_VOCAB: `what`, `names` and `words`

template <class E> constexpr std::string_view vocab_name(E e) {
  return Vocab<E>::names[static_cast<std::size_t>(e)];
}
// People's words for a value: "body press", "through a barrier", "left breast".
// The spelling itself where that already reads as words ("hand", "yes").
template <class E> constexpr std::string_view vocab_label(E e) {
  return Vocab<E>::words[static_cast<std::size_t>(e)];
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
// and Vocab<E> with `what` (how messages name the vocabulary), `names` (the
// spellings, in enum order) and `words` (people's words, in enum order). An
// entry is X(word) or X(word, "people's words", extra…); without words of its
// own an entry's words are its spelling. The extras are for the vocabulary's own
// tables. No entry's words may keep a spelling's underscore (checked below), so a
// multi-word spelling always carries words of its own.
#define CS_VOCAB_ENUMERATOR(word, ...) word,
#define CS_VOCAB_SPELLING(word, ...) #word,
#define CS_VOCAB_FIRST(first, ...) first
#define CS_VOCAB_WORDS(word, ...) CS_VOCAB_FIRST(__VA_ARGS__ __VA_OPT__(,) #word),
constexpr bool vocab_words_readable(std::span<const std::string_view> words) {
  for (std::string_view w : words)
    if (w.empty() || w.find('_') != std::string_view::npos) return false;
  return true;
}
#define CS_DEFINE_VOCAB(E, WHAT, LIST)                                                 \
  enum class E : std::uint8_t { LIST(CS_VOCAB_ENUMERATOR) };                           \
  template <> struct Vocab<E> {                                                        \
    static constexpr std::string_view what = WHAT;                                     \
    static constexpr auto names = std::to_array<std::string_view>({LIST(CS_VOCAB_SPELLING)}); \
    static constexpr auto words = std::to_array<std::string_view>({LIST(CS_VOCAB_WORDS)});    \
    static_assert(vocab_words_readable(words), WHAT ": a multi-word spelling needs people's words"); \
  }

// ---------------------------------------------------------------------------
// [SECTION] Body regions (the README's "Body regions")
//
// X(region, people's words, default tier). A performer may raise a tier, never
// lower it.

#define CS_REGIONS(X)                                                                              \
  X(scalp, "scalp", ordinary) X(face, "face", ordinary) X(lips, "lips", sensitive)                  \
  X(ear_l, "left ear", ordinary) X(ear_r, "right ear", ordinary)                                    \
  X(neck_front, "neck (front)", sensitive) X(neck_back, "neck (back)", ordinary)                    \
  X(shoulder_l, "left shoulder", ordinary) X(shoulder_r, "right shoulder", ordinary)                \
  X(chest_upper, "upper chest", sensitive)                                                          \
  X(breast_l, "left breast", intimate) X(breast_r, "right breast", intimate)                        \
  X(nipple_l, "left nipple", intimate) X(nipple_r, "right nipple", intimate)                        \
  X(abdomen_upper, "upper abdomen", ordinary) X(abdomen_lower, "lower abdomen", sensitive)          \
  X(flank_l, "left flank", ordinary) X(flank_r, "right flank", ordinary)                            \
  X(back_upper, "upper back", ordinary) X(back_lower, "lower back", ordinary)                       \
  X(hip_l, "left hip", ordinary) X(hip_r, "right hip", ordinary)                                    \
  X(pubic, "pubic area", intimate) X(genitals, "genitals", intimate) X(perineum, "perineum", intimate) \
  X(buttock_l, "left buttock", intimate) X(buttock_r, "right buttock", intimate)                    \
  X(upper_arm_l, "left upper arm", ordinary) X(upper_arm_r, "right upper arm", ordinary)            \
  X(forearm_l, "left forearm", ordinary) X(forearm_r, "right forearm", ordinary)                    \
  X(hand_l, "left hand", ordinary) X(hand_r, "right hand", ordinary)                                \
  X(thigh_l, "left thigh", ordinary) X(thigh_r, "right thigh", ordinary)                            \
  X(inner_thigh_l, "left inner thigh", sensitive) X(inner_thigh_r, "right inner thigh", sensitive)  \
  X(lower_leg_l, "left lower leg", ordinary) X(lower_leg_r, "right lower leg", ordinary)            \
  X(foot_l, "left foot", ordinary) X(foot_r, "right foot", ordinary)
CS_DEFINE_VOCAB(Region, "body region", CS_REGIONS);
inline constexpr std::size_t kRegionCount = vocab_size<Region>();
static_assert(kRegionCount <= 64, "regions are held as bits of a 64-bit word");

#define CS_TIERS(X) X(ordinary) X(sensitive) X(intimate)
CS_DEFINE_VOCAB(Tier, "tier", CS_TIERS);

// The default tier of each region; a performer may raise it, never lower it.
Tier default_tier(Region r);
// The mirror image of a region (`breast_l` ↔ `breast_r`); central regions map to themselves.
Region mirror(Region r);
// A person's words for a region in sheets and messages: "left breast", "lower back"
// (vocab_label, by the name sheets and messages have always used).
constexpr std::string_view region_label(Region r) { return vocab_label(r); }
// Regions where SAG-AFTRA's barrier rule applies: genitals, pubic, perineum.
bool is_genital_area(Region r);

// ---------------------------------------------------------------------------
// [SECTION] Skeleton joints (19; pelvis is the root)

// X(joint, people's words).
#define CS_JOINTS(X)                                                                             \
  X(pelvis) X(spine_lower, "lower back") X(spine_upper, "upper back") X(neck) X(head)            \
  X(clavicle_l, "left collarbone") X(clavicle_r, "right collarbone")                             \
  X(shoulder_l, "left shoulder") X(shoulder_r, "right shoulder")                                 \
  X(elbow_l, "left elbow") X(elbow_r, "right elbow") X(wrist_l, "left wrist") X(wrist_r, "right wrist") \
  X(hip_l, "left hip") X(hip_r, "right hip") X(knee_l, "left knee") X(knee_r, "right knee")      \
  X(ankle_l, "left ankle") X(ankle_r, "right ankle")
CS_DEFINE_VOCAB(Joint, "joint", CS_JOINTS);
inline constexpr std::size_t kJointCount = vocab_size<Joint>();

// ---------------------------------------------------------------------------
// [SECTION] Consent and contact (the README's "The checks")

#define CS_BOUNDARY_STATES(X) X(yes) X(conditional) X(ask) X(no)
CS_DEFINE_VOCAB(BoundaryState, "boundary state", CS_BOUNDARY_STATES);

#define CS_DIRECTIONS(X) X(receive) X(give)
CS_DEFINE_VOCAB(Direction, "direction", CS_DIRECTIONS);

#define CS_CONTACT_KINDS(X)                                                                   \
  X(hand) X(hold) X(stroke) X(kiss_closed, "closed-mouth kiss") X(kiss_open, "open-mouth kiss")   \
  X(cheek) X(body_press, "body press") X(weight_bearing, "weight bearing")                      \
  X(pelvic_simulated, "simulated pelvic movement") X(hair_hold, "hair hold")                    \
  X(breath_only, "breath only, no touch")
CS_DEFINE_VOCAB(ContactKind, "contact kind", CS_CONTACT_KINDS);

// From least to most exposed; a boundary's layer is the most exposed layer agreed.
#define CS_LAYERS(X)                                                                          \
  X(through_barrier, "through a barrier") X(over_costume, "over costume")                      \
  X(over_garment, "over a garment") X(skin, "skin to skin")
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

#define CS_GARMENT_KINDS(X)                                                                   \
  X(strapless_thong, "strapless thong") X(pouch) X(genital_cover, "genital cover") X(gaff)       \
  X(nipple_covers, "nipple covers") X(merkin) X(nude_briefs, "nude briefs")                      \
  X(nude_shorts, "nude shorts") X(body_stocking, "body stocking") X(tape) X(robe) X(shirt)       \
  X(trousers) X(underwear) X(bra) X(other)
CS_DEFINE_VOCAB(GarmentKind, "garment kind", CS_GARMENT_KINDS);

#define CS_PROP_SHAPES(X) X(box) X(cylinder) X(sphere) X(mesh)
CS_DEFINE_VOCAB(PropShape, "prop shape", CS_PROP_SHAPES);

#define CS_FITS(X) X(horizontal) X(vertical)
CS_DEFINE_VOCAB(Fit, "fit", CS_FITS);

// Sensor presets: X(sensor, label, width mm, height mm). Super 35 (ARRI 4-perf),
// full frame, ALEXA LF-class large format. `custom` has no size of its own.
#define CS_SENSORS(X)                                         \
  X(super35, "Super 35", 24.89, 18.66)                        \
  X(full_frame, "full frame", 36.0, 24.0)                     \
  X(large_format, "large format (ALEXA LF class)", 36.70, 25.54) \
  X(custom, "custom", 0.0, 0.0)
CS_DEFINE_VOCAB(Sensor, "sensor", CS_SENSORS);

struct SensorSize { double width_mm, height_mm; std::string_view label; };
SensorSize sensor_size_mm(Sensor s);

// ---------------------------------------------------------------------------
// [SECTION] Choreography and takes

#define CS_CHOREO_STATUSES(X) X(draft) X(rehearsed) X(locked)
CS_DEFINE_VOCAB(ChoreoStatus, "choreography status", CS_CHOREO_STATUSES);

#define CS_BREATH_CUES(X) X(inhale) X(exhale) X(hold) X(release) X(sigh)
CS_DEFINE_VOCAB(BreathCue, "breath cue", CS_BREATH_CUES);

#define CS_TAKE_STATUSES(X) X(circle) X(hold) X(ng, "NG") X(false_start, "false start")
CS_DEFINE_VOCAB(TakeStatus, "take status", CS_TAKE_STATUSES);

// What a take did differently from the choreography in force. A consent
// deviation is marked so that no report can miss it.
#define CS_DEVIATION_KINDS(X) X(timing) X(contact) X(garment) X(masking) X(consent)
CS_DEFINE_VOCAB(DeviationKind, "deviation kind", CS_DEVIATION_KINDS);

// ---------------------------------------------------------------------------
// Every vocabulary above, for code (and tests) that go over all of them:
// for_each_vocab([](auto tag) { using E = typename decltype(tag)::type; … }).
// A new vocabulary is added here too.
template <class E> struct VocabTag { using type = E; };
template <class F> constexpr void for_each_vocab(F&& f) {
  (f(VocabTag<Region>{}), f(VocabTag<Tier>{}), f(VocabTag<Joint>{}), f(VocabTag<BoundaryState>{}),
   f(VocabTag<Direction>{}), f(VocabTag<ContactKind>{}), f(VocabTag<Layer>{}), f(VocabTag<Pressure>{}),
   f(VocabTag<View>{}), f(VocabTag<Build>{}), f(VocabTag<GarmentCamera>{}), f(VocabTag<GarmentKind>{}),
   f(VocabTag<PropShape>{}), f(VocabTag<Fit>{}), f(VocabTag<Sensor>{}), f(VocabTag<ChoreoStatus>{}),
   f(VocabTag<BreathCue>{}), f(VocabTag<TakeStatus>{}), f(VocabTag<DeviationKind>{}));
}

}  // namespace cs
