// validate.hpp — every rule a scene must keep, in one place that the loader and
// every edit use.
//
// The loader reads a file's structure (types, keys, vocabulary words) and then
// calls validate(); every edit function (edits_*.hpp) calls it on the document
// it made and refuses the edit when it reports anything. So a document in
// memory always saves and loads back as the same document: an edit can never
// make a file that will not open again.
//
// What validate() checks: ids present, short, unique in their list; references
// resolve; numbers finite and within the ranges below; lists within their
// limits and without repeats; beats in order, not overlapping, within the
// timeline's span; every text valid UTF-8 and within its length; the shapes the
// file format can express (an eyeline target names one thing; a beat poses a
// performer once, joints in skeleton order).
//
// The limits here are also what the editor's widgets clamp to.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "notation/diagnostics.hpp"

namespace cs {

struct Document;

// [SECTION] Number rules
// A range for one kind of number, with the words a message uses for it.
struct NumberRule {
  std::string_view what;           // "the tempo": how a message names the number
  double min = 0, max = 0;
  bool min_exclusive = false;      // true: must be greater than min
  std::string_view unit;           // "m", "mm", "°", "counts per minute" ("" for none)
  bool allows(double v) const;     // finite and within the range
  // "The tempo 0 counts per minute is out of range: it must be from 1 to 600 counts per minute"
  std::string refusal(double v) const;
};

struct IntRule {
  std::string_view what;
  long long min = 0, max = 0;
  bool allows(long long v) const { return v >= min && v <= max; }
  std::string refusal(long long v) const;
};

namespace rules {
inline constexpr NumberRule height{"A performer's height", 1.0, 2.3, false, "m"};
inline constexpr NumberRule tempo{"The tempo", 1, 600, false, "counts per minute"};
inline constexpr NumberRule coordinate{"A position", -10000, 10000, false, "m"};
inline constexpr NumberRule prop_size{"A prop's size", 0, 10000, true, "m"};
inline constexpr NumberRule angle{"An angle", -3600, 3600, false, "°"};
inline constexpr NumberRule roll{"The camera's roll", -180, 180, false, "°"};
inline constexpr NumberRule focal{"The focal length", 0, 2000, true, "mm"};
inline constexpr NumberRule sensor_side{"A sensor side", 0, 100, true, "mm"};
inline constexpr NumberRule aspect{"The aspect ratio", 0.5, 4.0, false, ""};
inline constexpr NumberRule count{"A count", -10000, 10000, false, ""};
inline constexpr NumberRule beat_length{"A beat's length", 0, 10000, true, "counts"};
inline constexpr IntRule take_number{"A take number", 1, 100000};
inline constexpr IntRule version{"A choreography version", 1, 100000};

// The whole choreography, first count to last, spans at most this many counts:
// the checks sample every count, so the timeline's length bounds their work.
inline constexpr double kMaxSpanCounts = 4000;

// [SECTION] List and text limits (far above any real scene; they bound the
// work a file can ask for)
inline constexpr std::size_t kMaxPerformers = 64;
inline constexpr std::size_t kMaxGarments = 1024;
inline constexpr std::size_t kMaxProps = 1024;
inline constexpr std::size_t kMaxCameras = 64;
inline constexpr std::size_t kMaxBeats = 5000;
inline constexpr std::size_t kMaxTakes = 10000;
inline constexpr std::size_t kMaxPerList = 4096;  // any other list: lines of a body map, a beat's contacts…
inline constexpr std::size_t kMaxIdBytes = 64;
inline constexpr std::size_t kMaxTextBytes = 100000;  // a label, an action, a note
}  // namespace rules

// [SECTION] Validation
// Every problem of a whole document (up to kMaxDiagnostics), each with the JSON
// path it would have in the file. Empty: the document is valid. `file` labels
// the diagnostics.
std::vector<Diagnostic> validate(const Document& doc, std::string_view file = "");

// What an edit of one beat's pose keys can break, by the same rules validate()
// applies to them (this runs validate()'s own code for a beat's poses): the
// keys' performers known and each posed once, positions and angles within
// their ranges, joints in skeleton order; and the choreography's version
// number within its range (a change to an issued version starts the next).
// Only for a document that was valid before its pose keys in `beat` changed:
// the door uses it while a pose is dragged (edits.hpp checked_pose_keys) and
// validates the whole document when the drag is released.
std::vector<Diagnostic> validate_pose_keys(const Document& doc, std::size_t beat, std::string_view file = "");

}  // namespace cs
