// actions.cpp — the editor's edits: every change to the document goes through
// s.history (one undo step per user interaction). No ImGui here: the panels,
// the menus, the shortcuts and the GUI tests call the same functions.
#include <algorithm>
#include <cmath>

#include "app/editor/state.hpp"
#include "render/scene_geometry.hpp"

namespace cs::editor {

namespace {

constexpr float kDragThresholdPx = 3.0f;

bool report(EditorState& s, const std::string& label, const EditResult& r) {
  if (!r.ok()) {
    Notice n;
    n.title = "Edit not made";
    n.message = r.error;
    for (const Diagnostic& d : r.problems) n.lines.push_back(format_diagnostic(d));
    s.notice = std::move(n);
    s.status = r.error;
    return false;
  }
  if (r.changed) s.status = label;
  return r.changed;
}

}  // namespace

std::string EditorState::masking_camera_id() const {
  const Document* d = document();
  if (!d || d->cameras.empty()) return "";
  if (!through_camera.empty() && d->camera(through_camera)) return through_camera;
  if (!masking_camera.empty() && d->camera(masking_camera)) return masking_camera;
  return d->cameras.front().id;
}

bool undo(EditorState& s) {
  s.drag.kind = BeatDrag::none;
  if (!s.history.has_document()) return false;
  const std::string label = s.history.undo_label();
  if (!s.history.undo()) return false;
  s.status = "Undid " + label;
  set_count(s, s.count);  // the choreography may have grown or shrunk
  return true;
}

bool redo(EditorState& s) {
  s.drag.kind = BeatDrag::none;
  if (!s.history.has_document()) return false;
  const std::string label = s.history.redo_label();
  if (!s.history.redo()) return false;
  s.status = "Redid " + label;
  set_count(s, s.count);
  return true;
}

bool edit_document(EditorState& s, const std::string& label, const std::function<std::string(Document&)>& edit) {
  if (!s.history.has_document()) return false;
  s.drag.kind = BeatDrag::none;
  return report(s, label, s.history.apply(label, edit));
}

bool finish_interaction(EditorState& s) {
  s.drag.kind = BeatDrag::none;
  if (!s.history.editing()) return false;
  const EditResult r = s.history.commit();
  return report(s, r.changed ? s.history.undo_label() : std::string(), r);
}

int current_beat_index(const EditorState& s) {
  const Document* d = s.document();
  if (!d) return -1;
  const Beat* b = render::beat_at(*d, s.count);
  return b ? static_cast<int>(b - d->choreography.beats.data()) : -1;
}

bool add_beat_at_playhead(EditorState& s) {
  std::size_t at = 0;
  const bool ok = edit_document(s, "Add beat", [&](Document& d) { return cs::add_beat(d, s.count, 4, &at); });
  if (ok) set_count(s, s.history.doc().choreography.beats[at].start_count);
  return ok;
}

bool split_beat_at_playhead(EditorState& s) {
  return edit_document(s, "Split beat", [&](Document& d) { return cs::split_beat(d, s.count); });
}

bool delete_beat(EditorState& s, std::size_t index) {
  const bool ok = edit_document(s, "Delete beat", [&](Document& d) { return cs::delete_beat(d, index); });
  if (ok) set_count(s, s.count);
  return ok;
}

bool set_beat_text(EditorState& s, std::size_t index, BeatText field, const std::string& text) {
  const char* label = field == BeatText::label ? "Edit beat label" : field == BeatText::action ? "Edit beat action" : "Edit camera notes";
  return edit_document(s, label, [&](Document& d) { return cs::set_beat_text(d, index, field, text); });
}

void begin_beat_drag(EditorState& s, BeatDrag::Kind kind, std::size_t index, float press_x) {
  const Document* d = s.document();
  if (!d || index >= d->choreography.beats.size() || kind == BeatDrag::none) return;
  const Beat& b = d->choreography.beats[index];
  s.drag = {kind, index, press_x, b.start_count, b.end_count(), false, -1e300};
  s.history.begin(kind == BeatDrag::move ? "Move beat" : "Resize beat");
}

void update_beat_drag(EditorState& s, float mouse_x, float pixels_per_count) {
  if (s.drag.kind == BeatDrag::none || !s.history.editing() || pixels_per_count <= 0) return;
  const float dx = mouse_x - s.drag.press_x;
  if (!s.drag.moved && std::fabs(dx) < kDragThresholdPx) return;
  s.drag.moved = true;
  const double dc = dx / pixels_per_count;
  const double target = snap_count((s.drag.kind == BeatDrag::right_edge ? s.drag.end : s.drag.start) + dc);
  if (target == s.drag.applied) return;  // same snapped place: no change, no rebuild
  s.drag.applied = target;
  Document& d = s.history.live();
  switch (s.drag.kind) {
    case BeatDrag::move: cs::move_beat(d, s.drag.index, s.drag.start + dc); break;
    case BeatDrag::left_edge: cs::resize_beat(d, s.drag.index, s.drag.start + dc, d.choreography.beats[s.drag.index].end_count()); break;
    case BeatDrag::right_edge: cs::resize_beat(d, s.drag.index, d.choreography.beats[s.drag.index].start_count, s.drag.end + dc); break;
    case BeatDrag::none: break;
  }
}

void go_to_finding(EditorState& s, const Finding& f) {
  s.playing = false;
  set_count(s, f.from_count);
  if (!f.camera.empty() && s.document() && s.document()->camera(f.camera)) {
    s.through_camera = f.camera;
    s.masking_camera = f.camera;
  }
}

}  // namespace cs::editor
