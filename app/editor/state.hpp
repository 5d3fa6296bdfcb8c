// state.hpp — what the editor panels share: the open document (behind the
// History that every edit goes through) and the editor's own view state
// (playhead, orbit, chosen camera, colour mode). Panels read it every frame.
// Camera orbit, selection and layout are editor state, never document edits.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/editor/notation_ui.hpp"
#include "notation/checks.hpp"
#include "notation/document.hpp"
#include "notation/findings.hpp"
#include "notation/edits_beats.hpp"
#include "notation/history.hpp"
#include "notation/pick.hpp"
#include "render/scene_geometry.hpp"
#include "render/view.hpp"

namespace cs::editor {

struct LoadErrors {
  std::string file;
  std::vector<std::string> lines;      // one formatted diagnostic each
  bool kept_previous = false;          // a document was open and is unchanged
};

// A modal message: an edit that was refused, a save that failed.
struct Notice {
  std::string title;                   // "Edit not made", "Could not save"
  std::string message;
  std::vector<std::string> lines;      // details (validation problems), may be empty
};

// What a beat drag on the timeline is doing (between press and release).
struct BeatDrag {
  enum Kind { none, move, left_edge, right_edge } kind = none;
  std::size_t index = 0;
  float press_x = 0;
  double start = 0, end = 0;           // the beat's span when the drag began
  bool moved = false;                  // past the drag threshold
  double applied = -1e300;             // the snapped edge or start last applied (skip repeats)
  std::string stopped;                 // why the drag stopped short ("" when it did not)
};

// A camera's move, by camera id and index into its moves.
struct CameraMoveRef {
  std::string camera;
  std::size_t index = 0;
};

// A camera move's marker dragged along the timeline (between press and release).
struct CameraMoveDrag {
  bool active = false;
  std::string camera;                  // the camera's id
  std::size_t index = 0;               // the move's index when the drag began
  double applied = -1e300;             // the snapped count last applied (skip repeats)
  std::optional<double> shown;         // the count last applied that the rules took
};

// What is selected, by id (so it survives undo, redo and reloading the file;
// one that no longer exists is dropped), with the part of it in hand: a
// performer's joint or region, a beat's contact, a camera's move. Picked in the
// viewport, the cast panel or the inspector; F frames it. Editor state, never
// a document edit: no undo step, no unsaved changes.
enum class SelectionKind : std::uint8_t { none, performer, camera, prop, beat };
SelectionKind selection_kind(PickKind k);  // what a viewport pick selects

struct Selection {
  SelectionKind kind = SelectionKind::none;
  std::string id;
  // At most one sub-item, and only of the kind's own: a performer's joint or
  // region; a beat's contact (index into its contacts); a camera's move.
  std::optional<Joint> joint;
  std::optional<Region> region;
  std::optional<std::size_t> contact;
  std::optional<std::size_t> move;
  bool empty() const { return kind == SelectionKind::none; }
  bool is(SelectionKind k, const std::string& i) const { return kind == k && id == i; }
  bool has_sub_item() const { return joint || region || contact || move; }
  bool operator==(const Selection&) const = default;
};

// A camera move suggested for one finding (cs::smallest_masking_move).
struct MoveSuggestion {
  Finding finding;                     // the finding it is for
  std::uint64_t generation = 0;        // the document it was tried on
  std::optional<MaskingMove> move;     // nullopt: no slide of up to 40 cm masks it
  std::string text;                    // what the panel shows
  double seconds = 0;                  // how long it took to find
};

// The checks of the document, run in the background (checks_worker.hpp).
struct FindingsState {
  std::vector<Finding> findings;
  std::uint64_t generation = 0;        // the document generation they were found for
  bool have = false;                   // any results yet
  bool running = false;                // a run is under way or waiting
  double seconds = 0;                  // how long the last run took
  bool show_info = true, show_warning = true, show_error = true;
  int hovered = -1;                    // finding under the pointer on the timeline
  std::optional<Finding> selected;     // the finding last clicked (in the list or on the timeline)
  std::optional<MoveSuggestion> suggestion;  // for `selected`, once asked
  // What the checks worker runs with (threads, the document's prop meshes), so
  // a suggestion measures exactly as the checks do. Set by EditorApp.
  CheckOptions options;
};

// On the day (takes_panel.cpp): the take being logged, and the deviation being noted.
struct TakeDraft {
  // Setup letters (A, B… skipping I and O). start_take_draft sets it from the
  // scene's last logged take whenever a document is opened or started.
  std::string setup = "A";
  std::string camera;                  // "" : the first camera
  double lens_mm = 0;                  // 0: the camera's focal length
  TakeStatus status = TakeStatus::circle;
  std::string note;
  DeviationKind deviation_kind = DeviationKind::timing;
  std::string deviation_note;
  // The take the deviation is noted on; nullopt (or a take no longer logged):
  // the latest. Kept by what the slate says, not by place, so deleting an
  // earlier take does not move it to another.
  struct TakeKey {
    std::string setup, camera;
    int number = 0;
    bool operator==(const TakeKey&) const = default;
  };
  std::optional<TakeKey> deviation_take;
};

// Which take of the log `key` names (nullopt: none does).
std::optional<std::size_t> find_take(const Document& d, const TakeDraft::TakeKey& key);

// A beat whose deletion waits for a yes, because takes name it.
struct PendingBeatDelete {
  std::size_t index = 0;
  std::string beat;
  std::vector<std::string> named_by;   // references_to: "take 3 on camera A (a deviation)"
};

struct EditorState {
  // [SECTION] Document
  History history;                     // the document; every edit goes through it
  std::filesystem::path path;          // "" for a scene never saved
  std::optional<LoadErrors> load_errors;   // shown in a modal until dismissed
  bool show_errors_popup = false;
  std::optional<Notice> notice;        // shown in a modal until dismissed

  // [SECTION] Timeline
  double count = 1;
  bool playing = false;
  bool loop_beat = false;
  float timeline_zoom = 1.0f;          // 1: the whole choreography fits the lane width
  BeatDrag drag;
  CameraMoveDrag move_drag;
  CameraMoveRef move_menu;             // the move a right-click on its marker opened the menu for

  // [SECTION] Viewport
  render::OrbitView orbit;
  std::string through_camera;          // "" = the free orbit view
  std::string masking_camera;          // the camera the masking colours are for ("" = the first)
  render::ColorMode color_mode = render::ColorMode::performer;
  bool frame_request = true;           // frame the selection (or the cast) on the next draw
  Selection selection;
  std::string status;                  // one line in the status bar
  // Props whose imported mesh could not be loaded (one line each, naming the
  // prop and the file): the checks leave those props out, so they mask nothing.
  std::vector<std::string> mesh_errors;

  // [SECTION] Findings
  FindingsState checks;

  // [SECTION] The notation panels' own state (notation_ui.hpp)
  NotationUi notation;

  // [SECTION] On the day (the take log replaces the findings panel while on)
  bool on_the_day = false;
  TakeDraft take;
  std::optional<PendingBeatDelete> pending_beat_delete;
  std::string date_override;           // "YYYY-MM-DD" for tests and scripted runs; "" : today

  // [SECTION] Helpers
  const Document* document() const { return history.has_document() ? &history.doc() : nullptr; }
  double first_count() const { return history.has_document() ? history.doc().first_count() : 1.0; }
  double last_count() const { return history.has_document() ? history.doc().last_count() : 1.0; }
  bool dirty() const { return history.has_document() && history.dirty(); }
  // The camera the masking colour mode looks from: the one looked through, else
  // the chosen one, else the first; "" when the scene has no cameras.
  std::string masking_camera_id() const;
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

// [SECTION] Edits (actions.cpp). The menus, the shortcuts, the panels and the
// tests all go through these; each is one undo step. A refused edit leaves the
// document as it was and says why in s.notice and the status line.
bool undo(EditorState& s);
bool redo(EditorState& s);
// Records `edit` (from an edit function, edits_*.hpp) as one step labelled
// `label`; false when refused (the notice says why) or unchanged.
bool edit_document(EditorState& s, const std::string& label, Edited edit);
// Ends an interaction begun with s.history.begin() (a drag, a text field): commits it as one step.
bool finish_interaction(EditorState& s);
// The beat under the playhead (cs::beat_at: the last beat starting at or before it), -1 none.
int current_beat_index(const EditorState& s);
bool add_beat_at_playhead(EditorState& s);
bool split_beat_at_playhead(EditorState& s);
// Deletes a beat. When takes name it (a deviation), asks first: sets
// s.pending_beat_delete and returns false; `confirmed` deletes it, the
// deviations kept and marked "beat removed in vN".
bool delete_beat(EditorState& s, std::size_t index, bool confirmed = false);
bool set_beat_text(EditorState& s, std::size_t index, BeatText field, const std::string& text);
// The undo step's name for an edit of one of a beat's strings: "Edit beat label".
inline const char* beat_text_edit_label(BeatText field) {
  return field == BeatText::label ? "Edit beat label" : field == BeatText::action ? "Edit beat action" : "Edit camera notes";
}
// Whole-drag edits as the timeline makes them: begin, then one call per frame, then finish_interaction.
void begin_beat_drag(EditorState& s, BeatDrag::Kind kind, std::size_t index, float press_x);
void update_beat_drag(EditorState& s, float mouse_x, float pixels_per_count);

// [SECTION] Camera moves on the timeline (camera_tools.cpp): markers a press
// selects and a drag moves along the counts (snapped as beats are), one undo
// step a drag; a right-click deletes one.
// The move whose marker is within `tolerance` counts of `count` (the nearest;
// on a tie, the first camera's), or nothing.
std::optional<CameraMoveRef> camera_move_near(const Document& doc, double count, double tolerance);
// Press on a marker: selects the move and begins the drag.
bool begin_camera_move_drag(EditorState& s, const std::string& camera, std::size_t index);
// One call a frame: the move to `count` (snapped), from the document as it was at the press.
void update_camera_move_drag(EditorState& s, double count);
// Release: one undo step ("Move camera A's move"); the moved move stays selected.
bool end_camera_move_drag(EditorState& s);
bool delete_camera_move(EditorState& s, const std::string& camera, std::size_t index);

// Go to a finding: its first count, through its camera (if any); it becomes
// the selected finding (s.checks.selected).
void go_to_finding(EditorState& s, const Finding& f);
// Findings a camera move can answer: notation/checks.hpp defines it.
using cs::camera_move_applies;
// "Suggest a camera move" for the selected finding: the smallest slide of its
// camera (5–40 cm left, right, up or down at its worst moment) that masks it,
// with the checks' own options (meshes included). Runs on the calling thread:
// a few milliseconds (at most ~25 ms on the 64-beat reference scene, README).
// False when no finding that a move applies to is selected.
bool suggest_camera_move(EditorState& s);

// [SECTION] On the day (actions_day.cpp): the take log, versions, confirmations.
// Each is one undo step; a refusal says why in s.notice and the status line.
std::string today(const EditorState& s);        // "YYYY-MM-DD", local
// Logs the draft as the next take of its setup on its camera (numbers count up
// by themselves), against the choreography version in force.
bool log_take(EditorState& s);
// A deviation in the beat under the playhead, on take `take`, else on the take
// s.take.deviation_take names, else on the latest.
bool add_deviation(EditorState& s, std::optional<std::size_t> take = std::nullopt);
bool set_take_status(EditorState& s, std::size_t take, TakeStatus status);
// A take as edited (its setup, number, camera, lens, status, note): one undo
// step named after what changed; refused like any edit when the result is not
// a valid log (a take logged twice, an unknown camera, a lens out of range).
bool set_take(EditorState& s, std::size_t take, const Take& edited);
// A deviation of a take edited (its beat, kind, note) or deleted: one undo step.
bool set_deviation(EditorState& s, std::size_t take, std::size_t i, const Deviation& edited);
bool remove_deviation(EditorState& s, std::size_t take, std::size_t i);
// The edits a take's text fields make while typed (undoable.hpp): from the
// document the typing began with, the take (or its deviation) at that place
// with `change` applied. Refused once the take is no longer there.
std::function<Edited(const Document&)> edit_take_at(std::size_t take, std::function<void(Take&)> change);
std::function<Edited(const Document&)> edit_deviation_at(std::size_t take, std::size_t i, std::function<void(Deviation&)> change);
bool remove_take(EditorState& s, std::size_t take);
// The next setup: the draft's setup letters move on (A → B, H → J).
void next_setup(EditorState& s);
// Any setup, earlier ones too (after lunch, back to setup C). False, and the
// draft unchanged, for letters that are not setup letters (I, O, "").
bool choose_setup(EditorState& s, const std::string& letters);
// A fresh draft for the document just opened or started: the setup and camera
// of its last logged take (the day goes on where it stopped), else setup A on
// the first camera; no note, no lens typed.
void start_take_draft(EditorState& s);
// draft → rehearsed → locked (issuing the version); unlock to revise.
bool set_choreography_status(EditorState& s, ChoreoStatus status);
bool unlock_to_revise(EditorState& s);
// A performer confirms the current version (and whether they saw their sheet).
bool confirm(EditorState& s, const std::string& performer, bool saw_sheet);

// [SECTION] Selection (actions.cpp). Not edits: nothing here touches the history.
// Selects the performer, camera, prop or beat with that id (none clears; an id
// that does not exist clears too).
void select(EditorState& s, SelectionKind kind, const std::string& id);
// Sub-items; each selects its owner too. False (and nothing changes) when the
// owner or the sub-item does not exist.
bool select_joint(EditorState& s, const std::string& performer, Joint joint);
bool select_region(EditorState& s, const std::string& performer, Region region);
bool select_contact(EditorState& s, const std::string& beat, std::size_t contact);
bool select_move(EditorState& s, const std::string& camera, std::size_t move);
void clear_selection(EditorState& s);
// Drops what is selected when it no longer exists (after undo, redo, an edit
// or a reload): the whole selection when its owner is gone, the sub-item alone
// when only it is (a deleted contact leaves its beat selected). True when it dropped anything.
bool drop_missing_selection(EditorState& s);
// The selected item's index in its list of the document (doc.performers,
// doc.cameras, doc.props or the beats), −1 when nothing (that exists) is selected.
int selected_index(const EditorState& s);
// F: the free view frames the selection on the next draw, or the whole cast
// when nothing is selected.
void frame_selection(EditorState& s);
// Esc: clears the selection; with nothing selected, leaves a camera's lens for the free view.
void escape(EditorState& s);
// The name a person reads for the selection: "performer Maya", "Maya's left
// elbow", "camera A", "prop bed", "beat b04, contact 2".
std::string selection_name(const EditorState& s);

}  // namespace cs::editor
