// state.hpp — what the editor panels share: the open document and the editor's
// own view state (playhead, orbit, chosen camera). Panels read it every frame.
// Camera orbit, selection and layout are editor state, never document edits.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "notation/document.hpp"
#include "render/view.hpp"

namespace cs::editor {

// Counts per bar on the ruler: choreography is counted in fours here (the
// ruler marks "eights" as two bars).
inline constexpr int kCountsPerBar = 4;

struct LoadErrors {
  std::string file;
  std::vector<std::string> lines;      // one formatted diagnostic each
  bool kept_previous = false;          // a document was open and is unchanged
};

struct EditorState {
  // [SECTION] Document
  std::optional<Document> doc;
  std::filesystem::path path;
  std::optional<LoadErrors> load_errors;   // shown in a modal until dismissed
  bool show_errors_popup = false;

  // [SECTION] Timeline
  double count = 1;
  bool playing = false;
  bool loop_beat = false;
  float timeline_zoom = 1.0f;              // 1: the whole choreography fits the lane width

  // [SECTION] Viewport
  render::OrbitView orbit;
  std::string through_camera;              // "" = the free orbit view
  bool frame_request = true;               // frame the whole scene on the next draw
  std::string status;                      // one line in the status bar

  // [SECTION] Helpers
  const Document* document() const { return doc ? &*doc : nullptr; }
  double first_count() const { return doc ? doc->first_count() : 1.0; }
  double last_count() const { return doc ? doc->last_count() : 1.0; }
};

// [SECTION] Transport (pure functions on the state; the timeline and the
// keyboard both call these, and tests call them directly)
void set_count(EditorState& s, double count);          // clamped to the choreography
void step_count(EditorState& s, int direction);        // to the next/previous whole count
void step_beat(EditorState& s, int direction);         // to the next/previous beat start
void advance_playback(EditorState& s, double seconds); // plays at tempo; loops one beat when asked
void toggle_play(EditorState& s);

// Look through the n-th camera (0-based); out of range leaves the view alone.
bool look_through_index(EditorState& s, std::size_t n);

}  // namespace cs::editor
