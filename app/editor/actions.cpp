// actions.cpp — the editor's edits: every change to the document goes through
// s.history (one undo step per user interaction). No ImGui here: the panels,
// the menus, the shortcuts and the GUI tests call the same functions.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

#include "app/editor/state.hpp"
#include "notation/conventions.hpp"
#include "notation/phrasing.hpp"
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

bool edit_document(EditorState& s, const std::string& label, Edited edit) {
  if (!s.history.has_document()) return false;
  s.drag.kind = BeatDrag::none;
  return report(s, label, s.history.apply(label, std::move(edit)));
}

bool finish_interaction(EditorState& s) {
  const std::string stopped = std::exchange(s.drag.stopped, std::string());
  s.drag.kind = BeatDrag::none;
  if (!s.history.editing()) return false;
  const EditResult r = s.history.commit();
  const bool changed = report(s, r.changed ? s.history.undo_label() : std::string(), r);
  if (!stopped.empty()) s.status = (changed ? s.status + "  ·  " : std::string()) + stopped;
  return changed;
}

int current_beat_index(const EditorState& s) {
  const Document* d = s.document();
  if (!d) return -1;
  const Beat* b = cs::beat_at(*d, s.count);
  return b ? static_cast<int>(b - d->choreography.beats.data()) : -1;
}

bool add_beat_at_playhead(EditorState& s) {
  std::size_t at = 0;
  const bool ok = edit_document(s, "Add beat", cs::add_beat(s.history.doc(), s.count, 4, &at));
  if (ok) set_count(s, s.history.doc().choreography.beats[at].start_count);
  return ok;
}

bool split_beat_at_playhead(EditorState& s) {
  if (!s.history.has_document()) return false;
  return edit_document(s, "Split beat", cs::split_beat(s.history.doc(), s.count));
}

bool delete_beat(EditorState& s, std::size_t index, bool confirmed) {
  if (!s.history.has_document() || index >= s.history.doc().choreography.beats.size()) return false;
  const std::string id = s.history.doc().choreography.beats[index].id;
  if (!confirmed) {
    // The take log names this beat: show where before anything is deleted.
    std::vector<std::string> where = references_to(s.history.doc(), ItemKind::beat, id);
    if (!where.empty()) {
      s.pending_beat_delete = PendingBeatDelete{index, id, std::move(where)};
      return false;
    }
  }
  s.pending_beat_delete.reset();
  const bool ok = edit_document(s, "Delete beat " + id, cs::delete_beat(s.history.doc(), index));
  if (ok) set_count(s, s.count);
  return ok;
}

bool set_beat_text(EditorState& s, std::size_t index, BeatText field, const std::string& text) {
  if (!s.history.has_document()) return false;
  return edit_document(s, beat_text_edit_label(field), cs::set_beat_text(s.history.doc(), index, field, text));
}

void begin_beat_drag(EditorState& s, BeatDrag::Kind kind, std::size_t index, float press_x) {
  const Document* d = s.document();
  if (!d || index >= d->choreography.beats.size() || kind == BeatDrag::none) return;
  const Beat& b = d->choreography.beats[index];
  s.drag = {kind, index, press_x, b.start_count, b.end_count(), false, -1e300, std::string()};
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
  // Every frame's edit is made from the document as it was at the press, so the drag never drifts.
  // A frame the rules refuse leaves the drag where it last was, and the status line says why.
  const Document& d = s.history.original();
  std::string why;
  switch (s.drag.kind) {
    case BeatDrag::move: why = s.history.update(cs::move_beat(d, s.drag.index, s.drag.start + dc)); break;
    case BeatDrag::left_edge: why = s.history.update(cs::resize_beat(d, s.drag.index, s.drag.start + dc, s.drag.end)); break;
    case BeatDrag::right_edge: why = s.history.update(cs::resize_beat(d, s.drag.index, s.drag.start, s.drag.end + dc)); break;
    case BeatDrag::none: break;
  }
  if (!why.empty()) s.status = s.drag.stopped = "Stopped: " + why;
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

SelectionKind selection_kind(PickKind k) {
  switch (k) {
    case PickKind::performer: return SelectionKind::performer;
    case PickKind::camera: return SelectionKind::camera;
    case PickKind::prop: return SelectionKind::prop;
    case PickKind::none: break;
  }
  return SelectionKind::none;
}

namespace {

template <class T> int index_by_id(const std::vector<T>& list, const std::string& id) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i].id == id) return static_cast<int>(i);
  return -1;
}

int index_of(const Document& d, SelectionKind kind, const std::string& id) {
  switch (kind) {
    case SelectionKind::performer: return index_by_id(d.performers, id);
    case SelectionKind::camera: return index_by_id(d.cameras, id);
    case SelectionKind::prop: return index_by_id(d.props, id);
    case SelectionKind::beat: return index_by_id(d.choreography.beats, id);
    case SelectionKind::none: return -1;
  }
  return -1;
}

// Whether the sub-item still exists in its owner (the owner exists).
bool sub_item_exists(const Document& d, const Selection& sel, std::size_t owner) {
  if (sel.contact) return sel.kind == SelectionKind::beat && *sel.contact < d.choreography.beats[owner].contacts.size();
  if (sel.move) return sel.kind == SelectionKind::camera && *sel.move < d.cameras[owner].moves.size();
  if (sel.joint || sel.region) return sel.kind == SelectionKind::performer;
  return true;
}

void announce(EditorState& s) { s.status = "Selected " + selection_name(s) + "  ·  F frames it, Esc clears"; }

}  // namespace

void select(EditorState& s, SelectionKind kind, const std::string& id) {
  const Document* d = s.document();
  if (kind == SelectionKind::none || !d || index_of(*d, kind, id) < 0) {
    clear_selection(s);
    return;
  }
  if (s.selection == Selection{kind, id, {}, {}, {}, {}}) return;
  s.selection = {kind, id, {}, {}, {}, {}};
  announce(s);
}

bool select_joint(EditorState& s, const std::string& performer, Joint joint) {
  const Document* d = s.document();
  if (!d || !d->performer(performer)) return false;
  s.selection = {SelectionKind::performer, performer, joint, {}, {}, {}};
  announce(s);
  return true;
}

bool select_region(EditorState& s, const std::string& performer, Region region) {
  const Document* d = s.document();
  if (!d || !d->performer(performer)) return false;
  s.selection = {SelectionKind::performer, performer, {}, region, {}, {}};
  announce(s);
  return true;
}

bool select_contact(EditorState& s, const std::string& beat, std::size_t contact) {
  const Document* d = s.document();
  const Beat* b = d ? d->beat(beat) : nullptr;
  if (!b || contact >= b->contacts.size()) return false;
  s.selection = {SelectionKind::beat, beat, {}, {}, contact, {}};
  announce(s);
  return true;
}

bool select_move(EditorState& s, const std::string& camera, std::size_t move) {
  const Document* d = s.document();
  const Camera* c = d ? d->camera(camera) : nullptr;
  if (!c || move >= c->moves.size()) return false;
  s.selection = {SelectionKind::camera, camera, {}, {}, {}, move};
  announce(s);
  return true;
}

void clear_selection(EditorState& s) {
  if (s.selection.empty()) return;
  s.selection = {};
  s.status = "Nothing selected";
}

bool drop_missing_selection(EditorState& s) {
  if (s.selection.empty()) return false;
  const int owner = selected_index(s);
  if (owner < 0) {
    s.selection = {};
    return true;
  }
  if (!sub_item_exists(*s.document(), s.selection, static_cast<std::size_t>(owner))) {
    s.selection = {s.selection.kind, s.selection.id, {}, {}, {}, {}};
    return true;
  }
  return false;
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
  const Selection& sel = s.selection;
  switch (sel.kind) {
    case SelectionKind::performer: {
      const std::string who = display_name(d->performers[u]);
      if (sel.joint) return possessive(who) + " " + std::string(joint_label(*sel.joint));
      if (sel.region) return possessive(who) + " " + std::string(region_label(*sel.region));
      return "performer " + who;
    }
    case SelectionKind::camera: {
      const Camera& c = d->cameras[u];
      if (sel.move) return "camera " + c.id + ", move " + std::to_string(*sel.move + 1);
      return "camera " + c.id + (c.label.empty() ? std::string() : " (" + c.label + ")");
    }
    case SelectionKind::prop: {
      const Prop& p = d->props[u];
      return "prop " + (p.label.empty() ? p.id : p.label);
    }
    case SelectionKind::beat: {
      const Beat& b = d->choreography.beats[u];
      if (sel.contact) return "beat " + b.id + ", contact " + std::to_string(*sel.contact + 1);
      return "beat " + b.id + (b.label.empty() ? std::string() : " (" + b.label + ")");
    }
    case SelectionKind::none: break;
  }
  return "";
}

}  // namespace cs::editor
