// transport.cpp — the playhead: scrub, step by count and by beat, play at tempo.
#include <algorithm>
#include <cmath>

#include "app/editor/state.hpp"
#include "render/scene_geometry.hpp"

namespace cs::editor {

void set_count(EditorState& s, double count) {
  if (!std::isfinite(count)) return;
  s.count = std::clamp(count, s.first_count(), s.last_count());
}

void step_count(EditorState& s, int direction) {
  s.playing = false;
  constexpr double eps = 1e-6;
  const double target = direction > 0 ? std::floor(s.count + eps) + 1 : std::ceil(s.count - eps) - 1;
  set_count(s, target);
}

void step_beat(EditorState& s, int direction) {
  s.playing = false;
  if (!s.document() || s.document()->choreography.beats.empty()) return;
  constexpr double eps = 1e-6;
  double best = direction > 0 ? s.last_count() : s.first_count();
  for (const Beat& b : s.document()->choreography.beats) {
    if (direction > 0 && b.start_count > s.count + eps) best = std::min(best, b.start_count);
    if (direction < 0 && b.start_count < s.count - eps) best = std::max(best, b.start_count);
  }
  set_count(s, best);
}

void advance_playback(EditorState& s, double seconds) {
  if (!s.playing || !s.document()) return;
  const double counts = seconds * s.document()->choreography.tempo_bpm / 60.0;
  double lo = s.first_count(), hi = s.last_count();
  if (s.loop_beat)
    if (const Beat* b = cs::beat_at(*s.document(), s.count)) { lo = b->start_count; hi = b->end_count(); }
  double next = s.count + counts;
  if (next >= hi) {
    if (s.loop_beat && hi > lo) next = lo + std::fmod(next - lo, hi - lo);
    else { next = hi; s.playing = false; }
  }
  s.count = std::clamp(next, s.first_count(), s.last_count());
}

void toggle_play(EditorState& s) {
  if (!s.document()) return;
  if (!s.playing && s.count >= s.last_count() - 1e-9 && !s.loop_beat) s.count = s.first_count();
  s.playing = !s.playing;
}

bool look_through_index(EditorState& s, std::size_t n) {
  if (!s.document() || n >= s.document()->cameras.size()) return false;
  s.through_camera = s.document()->cameras[n].id;
  return true;
}

}  // namespace cs::editor
