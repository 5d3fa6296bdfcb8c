// otio_export.hpp — beat markers for editing systems: an OpenTimelineIO timeline
// (.otio, JSON written directly) with one marker per beat.
//
// The timeline holds one video track with a gap as long as the exported beats
// (so it has a duration), and the markers on the timeline's stack: a marker per
// beat, named "<id> <label>", the action text as its comment, its range the
// beat's counts at the scene's tempo in frames at `fps` (rounded to whole
// frames), and a colour by the worst finding the checks report in that beat:
// RED error, YELLOW warning, BLUE info, GREEN none. Its metadata
// ("closedset": beat id, label, counts, placeholder, worst severity) carries the
// exact counts for tools.
//
// Which OpenTimelineIO versions read it: Timeline.1, Stack.1, Track.1, Gap.1,
// Marker.2, TimeRange.1 and RationalTime.1 are the schemas of every release from
// 0.8 (Python) through the C++ core (0.12 on) to 0.18; `comment` is a field of
// Marker.2 from 0.16 on, and earlier releases keep it as an extra field, so
// they read the file too. Nothing else is written.
//
// Privacy: markers carry beat ids, labels and action text (the de-sexualised
// description every sheet shows), and a severity colour; never a finding's
// message, a boundary, a condition or a note.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "notation/beat_range.hpp"
#include "notation/document.hpp"
#include "notation/findings.hpp"

namespace cs {

// The frame rates markers can be written at, `closedset export --fps` and
// the editor's export dialog alike.
constexpr double kOtioMinFps = 1, kOtioMaxFps = 1000, kOtioDefaultFps = 24;
// "" when `fps` is one of them, else a sentence saying what is wrong.
std::string otio_fps_problem(double fps);

struct OtioOptions {
  double fps = kOtioDefaultFps;           // from kOtioMinFps to kOtioMaxFps
  std::optional<BeatRange> beats;         // default: the whole choreography
};

// The worst severity among `findings` in each beat (indexed like
// doc.choreography.beats; nullopt where there are none): a finding belongs to a
// beat when it names it, when its span of counts overlaps the beat's (a span
// that ends where the beat starts does not: a contact noted up to count 20 is
// not in the beat starting at 20), or, found at one moment, when the moment
// falls in the beat.
std::vector<std::optional<Severity>> worst_severity_per_beat(const Document& doc, const std::vector<Finding>& findings);
// That rule for one finding and one beat (the sheets place findings by it too).
bool finding_in_beat(const Beat& b, const Finding& f);

// The marker colour for a severity (OTIO's names): "RED", "YELLOW", "BLUE"; none: "GREEN".
const char* otio_marker_colour(std::optional<Severity> worst);

// The .otio text. `worst` is indexed like doc.choreography.beats (missing
// entries count as none). An empty choreography gives a timeline without markers.
std::string export_otio(const Document& doc, const std::vector<std::optional<Severity>>& worst,
                        const OtioOptions& options = {});

}  // namespace cs
