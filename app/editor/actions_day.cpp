// actions_day.cpp — the editor's actions for the shooting day: the take log,
// the choreography's status and versions, and performers' confirmations. Each
// is an edit function recorded as one undo step (no ImGui here).
#include <chrono>
#include <ctime>

#include "app/editor/state.hpp"
#include "notation/conventions.hpp"
#include "notation/edits_scene.hpp"
#include "notation/edits_takes.hpp"
#include "notation/phrasing.hpp"

namespace cs::editor {

std::string today(const EditorState& s) {
  if (!s.date_override.empty()) return s.date_override;
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

bool log_take(EditorState& s) {
  const Document* d = s.document();
  if (!d || d->cameras.empty()) return false;
  const Camera* cam = d->camera(s.take.camera);
  if (!cam) cam = &d->cameras.front();
  Take t;
  t.setup = s.take.setup;
  t.camera = cam->id;
  t.number = next_take_number(*d, t.setup, t.camera);
  t.lens_mm = s.take.lens_mm > 0 ? s.take.lens_mm : cam->focal_mm;
  t.status = s.take.status;
  t.choreography_version = d->choreography.version;
  t.date = today(s);
  t.note = s.take.note;
  const std::string label = "Log take " + t.setup + std::to_string(t.number) + " on camera " + t.camera;
  if (!edit_document(s, label, cs::add_take(*d, t))) return false;
  s.take.note.clear();
  return true;
}

bool add_deviation(EditorState& s, std::optional<std::size_t> take) {
  const Document* d = s.document();
  const int beat = current_beat_index(s);
  if (!d || d->takes.empty() || beat < 0) return false;
  const std::size_t t = take.value_or(d->takes.size() - 1);
  if (t >= d->takes.size()) return false;
  Deviation dv;
  dv.beat = d->choreography.beats[static_cast<std::size_t>(beat)].id;
  dv.kind = s.take.deviation_kind;
  dv.note = s.take.deviation_note;
  const Take& tk = d->takes[t];
  const std::string label = "Note a " + std::string(vocab_label(dv.kind.value())) + " deviation in " + dv.beat + " (take " +
                            tk.setup + std::to_string(tk.number) + ")";
  if (!edit_document(s, label, cs::add_deviation(*d, t, dv))) return false;
  s.take.deviation_note.clear();
  return true;
}

bool set_take_status(EditorState& s, std::size_t take, TakeStatus status) {
  const Document* d = s.document();
  if (!d || take >= d->takes.size()) return false;
  Take t = d->takes[take];
  t.status = status;
  return edit_document(s, "Mark take " + t.setup + std::to_string(t.number) + " " + std::string(vocab_label(status)),
                       cs::set_take(*d, take, t));
}

bool remove_take(EditorState& s, std::size_t take) {
  const Document* d = s.document();
  if (!d || take >= d->takes.size()) return false;
  const Take& t = d->takes[take];
  return edit_document(s, "Delete take " + t.setup + std::to_string(t.number), cs::remove_take(*d, take));
}

void next_setup(EditorState& s) {
  s.take.setup = slate_letters_after(s.take.setup);  // the setup after the draft's
}

bool set_choreography_status(EditorState& s, ChoreoStatus status) {
  const Document* d = s.document();
  if (!d) return false;
  const std::string label = "Mark the choreography " + std::string(vocab_label(status));
  return edit_document(s, label, cs::set_status(*d, status, today(s), label + " (v" + std::to_string(d->choreography.version) + ")"));
}

bool unlock_to_revise(EditorState& s) {
  const Document* d = s.document();
  if (!d) return false;
  return edit_document(s, "Unlock to revise (v" + std::to_string(d->choreography.version + 1) + ")", cs::unlock_to_revise(*d));
}

bool confirm(EditorState& s, const std::string& performer, bool saw_sheet) {
  const Document* d = s.document();
  if (!d) return false;
  return edit_document(s, display_name(*d, performer) + " confirms v" + std::to_string(d->choreography.version),
                       cs::confirm_version(*d, performer, today(s), saw_sheet));
}

}  // namespace cs::editor
