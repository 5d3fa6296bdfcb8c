// lined.hpp — the lined choreography: the script supervisor's lined script,
// computed from the geometry instead of drawn by hand.
//
// Down the beats, one column per setup shot (from the take log: each setup's
// letters and camera, with the lens the takes logged), and for each performer
// whether the masking engine finds them on screen in that beat:
//   seen    — some of them (skin or garment) is the nearest thing on at least
//             `min_rays` rays of the frame, at some moment of the beat: the
//             sheet draws a solid line;
//   hidden  — in the frame lines (their footprint crosses it) but never seen:
//             behind a partner or a prop; a dotted line;
//   out     — not in the frame at any moment of the beat; a wavy line.
// Moments are `samples_per_count` per count through the beat, its start and
// end included, staged as the checks stage them (camera moves applied, the
// setup's lens in place of the camera's own when the takes logged one).
//
//   LinedChoreography l = lined_choreography(doc);          // from the take log
//   l.setups[0].beats[3][1] == OnScreen::seen               // setup 1, beat 4, performer 2
//
// A scene with no takes yet has one column per camera (its "planned" setups),
// so the sheet can be read before the shooting day.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "notation/document.hpp"

namespace cs {

struct PropMeshes;

enum class OnScreen : std::uint8_t { out, hidden, seen };

struct LinedSetup {
  std::string setup;                   // the setup's letters; "" when the takes gave none
  std::string camera;                  // camera id
  double lens_mm = 0;                  // the lens the takes logged (else the camera's focal length at the start)
  bool planned = false;                // no take yet: one column per camera
  std::vector<std::string> takes;      // "A1 circle", in the log's order
  std::vector<std::vector<OnScreen>> beats;  // [beat][performer], indexed like the document's
};

struct LinedChoreography {
  std::vector<LinedSetup> setups;
};

struct LinedOptions {
  int samples_per_count = 2;           // moments per count inside each beat (≥ 1)
  int width = 160;                     // rays across the frame (a person is many rays wide at any shot size)
  std::uint32_t min_rays = 2;          // rays of a performer that make them seen
  const PropMeshes* meshes = nullptr;
  int threads = 0;
};

LinedChoreography lined_choreography(const Document& doc, const LinedOptions& options = {});

// The word for a state ("seen", "hidden", "out").
const char* on_screen_word(OnScreen s);

}  // namespace cs
