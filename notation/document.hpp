// document.hpp — the scene document: plain data, the only thing saved and edited.
//
// Mirrors the file format (`closedset-scene`, version 2; README, "The scene
// file"). Units: metres, seconds, counts; angles in degrees
// here exactly as in the file (the stage converts to radians). Ids are strings
// unique within their list; references are by id and are checked by `validate()`.
// Every struct compares with ==, which undo and round-trip tests rely on.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "notation/vocab.hpp"

namespace cs {

inline constexpr const char* kFormatName = "closedset-scene";
inline constexpr int kFormatVersion = 2;  // 2: versions, confirmations, setups, deviation kinds

using Vec3 = std::array<double, 3>;

struct SceneInfo {
  std::string title, number, pages, story;
  bool operator==(const SceneInfo&) const = default;
};

// The pause word and its response, as the cast agreed them. Empty until
// agreed: nothing stands in for a word nobody chose (the checks warn).
struct Safety {
  std::string pause_word;
  std::string response;
  bool operator==(const Safety&) const = default;
};

// One line of a performer's body map: what they agree to receive on a region,
// or to give to a partner's region.
struct Boundary {
  Direction direction = Direction::receive;
  Region region = Region::face;
  std::vector<std::string> partners;   // empty: any partner
  std::vector<ContactKind> contact;    // empty: any kind
  Layer layer = Layer::over_costume;   // the most exposed layer agreed
  BoundaryState state = BoundaryState::no;
  std::string conditions;
  bool operator==(const Boundary&) const = default;
};

// A line of the nudity rider: these regions may (or may not) read on camera from these views.
struct Exposure {
  std::vector<Region> regions;
  BoundaryState state = BoundaryState::no;
  std::vector<View> views;             // empty means no view
  std::string conditions;
  bool operator==(const Exposure&) const = default;
};

struct TierRaise {
  Region region = Region::face;
  Tier tier = Tier::sensitive;
  bool operator==(const TierRaise&) const = default;
};

struct Performer {
  std::string id, actor, character;
  double height_m = 1.70;
  Build build = Build::average;
  std::vector<TierRaise> tiers;        // regions this performer holds more private than default
  std::vector<Boundary> boundaries;
  std::vector<Exposure> exposure;
  std::string private_note;            // IC only: never written to any export
  bool operator==(const Performer&) const = default;
};

struct Garment {
  std::string id, wearer, label;
  GarmentKind kind = GarmentKind::other;
  std::vector<Region> covers;
  GarmentCamera camera = GarmentCamera::hidden;
  bool worn = true;                    // worn at the top of the scene
  bool operator==(const Garment&) const = default;
};

struct Prop {
  std::string id, label;
  PropShape shape = PropShape::box;
  Vec3 size{1, 1, 1};                  // box: full extents; cylinder: diameter, height, diameter; sphere: diameter ×3
  Vec3 position{0, 0, 0};             // centre
  Vec3 rotation{0, 0, 0};             // degrees, applied Y then X then Z
  bool barrier = false;                // placed between bodies (pillow, pad)
  std::string owner;                   // performer a barrier belongs to ("" for set props)
  std::string mesh;                    // shape == mesh: path relative to the scene file
  bool operator==(const Prop&) const = default;
};

struct CameraMove {
  double count = 1;                    // the camera reaches this key at this count
  Vec3 position{0, 0, 0};
  Vec3 target{0, 0, 0};
  std::optional<double> focal_mm;      // a zoom; unset keeps the lens
  bool operator==(const CameraMove&) const = default;
};

struct Camera {
  std::string id, label;
  Sensor sensor = Sensor::super35;
  std::array<double, 2> sensor_mm{0, 0};  // only for sensor == custom
  double focal_mm = 50;
  double aspect = 2.39;                // delivery aspect ratio (frame lines)
  Fit fit = Fit::horizontal;
  Vec3 position{0, 1.5, 4};
  Vec3 target{0, 1, 0};
  double roll_deg = 0;
  std::vector<CameraMove> moves;       // ordered by count
  bool operator==(const Camera&) const = default;
};

struct JointRotation {
  Joint joint = Joint::pelvis;
  Vec3 degrees{0, 0, 0};               // XYZ Euler, local to the parent
  bool operator==(const JointRotation&) const = default;
};

struct Pose {
  std::string performer;
  Vec3 root_position{0, 0, 0};        // where the pelvis joint is, in the world (y: its height above the floor)
  Vec3 root_rotation{0, 0, 0};        // degrees
  std::vector<JointRotation> joints;   // sorted by joint, each at most once
  bool operator==(const Pose&) const = default;
};

struct Contact {
  std::string giver;
  Region with = Region::hand_r;        // the giver's region that touches
  std::string receiver;
  Region region = Region::face;        // the receiver's region that is touched
  ContactKind kind = ContactKind::hand;
  Layer layer = Layer::over_costume;
  Pressure pressure = Pressure::light;
  std::string garment;                 // layer == over_garment: which garment it is over ("" = any worn)
  std::string barrier;                 // layer == through_barrier: the barrier prop
  bool operator==(const Contact&) const = default;
};

struct BreathNote {
  std::string performer;
  BreathCue cue = BreathCue::exhale;
  double count = 1;
  bool operator==(const BreathNote&) const = default;
};

struct EyelineTarget {
  std::string performer;               // a partner's region...
  std::optional<Region> region;
  std::string camera;                  // ...or a camera (into the lens)...
  std::optional<Vec3> point;           // ...or a point in the room
  bool operator==(const EyelineTarget&) const = default;
};

struct Eyeline {
  std::string performer;
  EyelineTarget target;
  bool operator==(const Eyeline&) const = default;
};

struct GarmentChange {
  std::string garment;
  bool worn = false;
  bool operator==(const GarmentChange&) const = default;
};

// "From camera A, Ana's breasts are masked by Ben throughout this beat."
struct MaskingNote {
  std::string camera, performer;
  std::vector<Region> regions;
  std::string by;                      // a performer or a prop id
  bool operator==(const MaskingNote&) const = default;
};

struct Beat {
  std::string id, label, action;
  double start_count = 1;
  double length_counts = 1;
  bool placeholder = false;
  std::vector<Pose> poses;             // the shape at start_count; absent performers hold
  std::vector<Contact> contacts;
  std::vector<BreathNote> breath;
  std::vector<Eyeline> eyelines;
  std::vector<GarmentChange> garment_changes;
  std::vector<MaskingNote> masking;
  std::string camera_notes;
  double end_count() const { return start_count + length_counts; }
  bool operator==(const Beat&) const = default;
};

// A performer's body as a version staged it: the mannequin is made from it.
struct CastBody {
  std::string performer;
  double height_m = 1.70;
  Build build = Build::average;
  bool operator==(const CastBody&) const = default;
};

// What a version of the choreography was, kept when it was issued (rehearsed,
// locked, a take logged on it, or confirmed by a performer) so later versions
// can be compared with it: everything that decides what happens to a body and
// what a camera sees.
struct ChoreographyVersion {
  int version = 1;
  std::string date;                    // when it was issued, YYYY-MM-DD ("" when it was recorded later, undated)
  std::string summary;                 // one line: what this version is
  double tempo_bpm = 60;
  std::vector<CastBody> cast;          // each performer's height and build
  std::vector<Beat> beats;
  std::vector<Garment> garments;
  std::vector<Prop> props;
  std::vector<Camera> cameras;
  bool operator==(const ChoreographyVersion&) const = default;
};

// A performer confirmed a version: who, when, and that they saw their sheet of it.
struct Confirmation {
  std::string performer;
  int version = 1;
  std::string date;                    // YYYY-MM-DD
  bool saw_sheet = false;
  bool operator==(const Confirmation&) const = default;
};

struct Choreography {
  int version = 1;
  ChoreoStatus status = ChoreoStatus::draft;
  double tempo_bpm = 60;
  std::vector<Beat> beats;             // ordered by start_count, never overlapping
  std::vector<ChoreographyVersion> history;  // issued versions, oldest first (the current one too, once issued)
  std::vector<Confirmation> confirmations;
  bool operator==(const Choreography&) const = default;
};

struct Deviation {
  std::string beat;
  std::optional<DeviationKind> kind;   // unset in files written before kinds existed
  std::string note;
  int beat_removed_in = 0;             // > 0: the beat was removed in this version; `beat` keeps its old id
  bool operator==(const Deviation&) const = default;
};

struct Take {
  std::string setup;                   // the setup's letters (A, B… skipping I and O); "" when not given
  int number = 1;
  std::string camera;
  std::optional<double> lens_mm;       // the focal length shot, when logged
  TakeStatus status = TakeStatus::hold;
  int choreography_version = 1;
  std::string date;                    // YYYY-MM-DD, "" when not logged
  std::string note;
  std::vector<Deviation> deviations;
  bool operator==(const Take&) const = default;
};

struct Document {
  SceneInfo scene;
  Safety safety;
  std::vector<Performer> performers;
  std::vector<Garment> garments;
  std::vector<Prop> props;
  std::vector<Camera> cameras;
  Choreography choreography;
  std::vector<Take> takes;
  bool operator==(const Document&) const = default;

  // Lookups by id; nullptr when absent.
  const Performer* performer(std::string_view id) const;
  const Garment* garment(std::string_view id) const;
  const Prop* prop(std::string_view id) const;
  const Camera* camera(std::string_view id) const;
  const Beat* beat(std::string_view id) const;
  int performer_index(std::string_view id) const;  // -1 when absent
  // Seconds from the first count (counts × 60 / tempo).
  double seconds_per_count() const { return 60.0 / choreography.tempo_bpm; }
  // The first and last count the choreography covers (1 and 1 when there are no beats).
  double first_count() const;
  double last_count() const;
};

// The tier a performer holds a region at: the default, raised by their own entries.
Tier tier_for(const Performer& p, Region r);

}  // namespace cs
