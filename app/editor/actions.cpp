// actions.cpp — the editor's edits: every change to the document goes through
// s.history (one undo step per user interaction). No ImGui here: the panels,
// the menus, the shortcuts and the GUI tests call the same functions.
#include <algorithm>
#include <chrono>
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
  drop_missing_selection(s);
  return true;
}

bool redo(EditorState& s) {
  s.drag.kind = BeatDrag::none;
  if (!s.history.has_document()) return false;
  const std::string label = s.history.redo_label();
  if (!s.history.redo()) return false;
  s.status = "Redid " + label;
  set_count(s, s.count);
  drop_missing_selection(s);
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
  const Beat* b = cs::beat_at(*d, s.count);
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
  if (s.checks.selected != f) s.checks.suggestion.reset();
  s.checks.selected = f;
  set_count(s, f.from_count);
  if (!f.camera.empty() && s.document() && s.document()->camera(f.camera)) {
    s.through_camera = f.camera;
    s.masking_camera = f.camera;
  }
}

bool suggest_camera_move(EditorState& s) {
  const std::optional<Finding>& f = s.checks.selected;
  if (!f || !camera_move_applies(*f) || !s.history.has_document()) return false;
  const auto t0 = std::chrono::steady_clock::now();
  MoveSuggestion m;
  m.finding = *f;
  m.generation = s.history.generation();
  m.move = smallest_masking_move(s.history.doc(), *f, s.checks.options);
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  m.text = m.move ? m.move->sentence() : std::string("No slide of up to 40 cm masks it");
  s.status = m.text;
  s.checks.suggestion = std::move(m);
  return true;
}

// [SECTION] Selection

namespace {

int index_of(const Document& d, PickKind kind, const std::string& id) {
  switch (kind) {
    case PickKind::performer: return d.performer_index(id);
    case PickKind::camera:
      for (std::size_t i = 0; i < d.cameras.size(); ++i)
        if (d.cameras[i].id == id) return static_cast<int>(i);
      return -1;
    case PickKind::prop:
      for (std::size_t i = 0; i < d.props.size(); ++i)
        if (d.props[i].id == id) return static_cast<int>(i);
      return -1;
    case PickKind::none: return -1;
  }
  return -1;
}

}  // namespace

void select(EditorState& s, PickKind kind, const std::string& id) {
  const Document* d = s.document();
  if (kind == PickKind::none || !d || index_of(*d, kind, id) < 0) {
    clear_selection(s);
    return;
  }
  if (s.selection.is(kind, id)) return;
  s.selection = {kind, id};
  s.status = "Selected " + selection_name(s) + "  ·  F frames it, Esc clears";
}

void clear_selection(EditorState& s) {
  if (s.selection.empty()) return;
  s.selection = {};
  s.status = "Nothing selected";
}

bool drop_missing_selection(EditorState& s) {
  if (s.selection.empty() || selected_index(s) >= 0) return false;
  s.selection = {};
  return true;
}

int selected_index(const EditorState& s) {
  const Document* d = s.document();
  return d ? index_of(*d, s.selection.kind, s.selection.id) : -1;
}

void frame_selection(EditorState& s) {
  s.frame_request = true;
  s.through_camera.clear();
}

void escape(EditorState& s) {
  if (!s.selection.empty()) clear_selection(s);
  else s.through_camera.clear();
}

std::string selection_name(const EditorState& s) {
  const Document* d = s.document();
  const int i = selected_index(s);
  if (!d || i < 0) return "";
  const auto u = static_cast<std::size_t>(i);
  switch (s.selection.kind) {
    case PickKind::performer: {
      const Performer& p = d->performers[u];
      return "performer " + (p.character.empty() ? p.id : p.character);
    }
    case PickKind::camera: {
      const Camera& c = d->cameras[u];
      return "camera " + c.id + (c.label.empty() ? std::string() : " (" + c.label + ")");
    }
    case PickKind::prop: {
      const Prop& p = d->props[u];
      return "prop " + (p.label.empty() ? p.id : p.label);
    }
    case PickKind::none: break;
  }
  return "";
}

}  // namespace cs::editor
