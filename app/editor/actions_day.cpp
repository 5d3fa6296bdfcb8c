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
  const std::string warning = unready_version_warning(*d);  // of the version it is shot on
  if (!edit_document(s, label, cs::add_take(*d, t))) return false;
  s.take.note.clear();
  if (!warning.empty()) s.status += "  ·  Shot on an unready version: " + warning;
  return true;
}

bool add_deviation(EditorState& s, std::optional<std::size_t> take) {
  const Document* d = s.document();
  const int beat = current_beat_index(s);
  if (!d || d->takes.empty() || beat < 0) return false;
  if (!take && s.take.deviation_take) take = find_take(*d, *s.take.deviation_take);
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

std::optional<std::size_t> find_take(const Document& d, const TakeDraft::TakeKey& key) {
  for (std::size_t i = 0; i < d.takes.size(); ++i)
    if (d.takes[i].setup == key.setup && d.takes[i].camera == key.camera && d.takes[i].number == key.number) return i;
  return std::nullopt;
}

namespace {

std::string take_name(const Take& t) { return "take " + t.setup + std::to_string(t.number); }

}  // namespace

bool set_take_status(EditorState& s, std::size_t take, TakeStatus status) {
  const Document* d = s.document();
  if (!d || take >= d->takes.size()) return false;
  Take t = d->takes[take];
  t.status = status;
  return edit_document(s, "Mark take " + t.setup + std::to_string(t.number) + " " + std::string(vocab_label(status)),
                       cs::set_take(*d, take, t));
}

bool set_take(EditorState& s, std::size_t take, const Take& edited) {
  const Document* d = s.document();
  if (!d || take >= d->takes.size()) return false;
  const Take& was = d->takes[take];
  if (edited == was) return false;
  std::vector<std::string> what;
  if (edited.setup != was.setup) what.push_back("setup " + edited.setup);
  if (edited.number != was.number) what.push_back("number " + std::to_string(edited.number));
  if (edited.camera != was.camera) what.push_back("camera " + edited.camera);
  if (edited.lens_mm != was.lens_mm) what.push_back(edited.lens_mm ? "lens " + number_text(*edited.lens_mm) + " mm" : "no lens");
  if (edited.status != was.status) what.push_back(std::string(vocab_name(edited.status)));
  if (edited.note != was.note) what.push_back("note");
  if (edited.deviations != was.deviations || edited.date != was.date || edited.choreography_version != was.choreography_version)
    what.push_back("details");
  return edit_document(s, "Edit " + take_name(was) + ": " + join_list(what), cs::set_take(*d, take, edited));
}

bool set_deviation(EditorState& s, std::size_t take, std::size_t i, const Deviation& edited) {
  const Document* d = s.document();
  if (!d || take >= d->takes.size() || i >= d->takes[take].deviations.size()) return false;
  if (edited == d->takes[take].deviations[i]) return false;
  return edit_document(s, "Edit a deviation in " + edited.beat + " (" + take_name(d->takes[take]) + ")",
                       cs::set_deviation(*d, take, i, edited));
}

std::function<Edited(const Document&)> edit_take_at(std::size_t take, std::function<void(Take&)> change) {
  return [take, change = std::move(change)](const Document& o) {
    if (take >= o.takes.size()) return Edited::refused("That take is no longer in the log.");
    Take e = o.takes[take];
    change(e);
    return cs::set_take(o, take, std::move(e));
  };
}

std::function<Edited(const Document&)> edit_deviation_at(std::size_t take, std::size_t i, std::function<void(Deviation&)> change) {
  return [take, i, change = std::move(change)](const Document& o) {
    if (take >= o.takes.size() || i >= o.takes[take].deviations.size())
      return Edited::refused("That deviation is no longer in the log.");
    Deviation e = o.takes[take].deviations[i];
    change(e);
    return cs::set_deviation(o, take, i, std::move(e));
  };
}

bool remove_deviation(EditorState& s, std::size_t take, std::size_t i) {
  const Document* d = s.document();
  if (!d || take >= d->takes.size() || i >= d->takes[take].deviations.size()) return false;
  return edit_document(s, "Delete the deviation in " + d->takes[take].deviations[i].beat + " (" + take_name(d->takes[take]) + ")",
                       cs::remove_deviation(*d, take, i));
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

bool choose_setup(EditorState& s, const std::string& letters) {
  if (letters.empty() || !is_slate_letters(letters)) return false;
  s.take.setup = letters;
  return true;
}

void start_take_draft(EditorState& s) {
  s.take = TakeDraft{};
  const Document* d = s.document();
  if (!d) return;
  s.take.setup = current_setup_letters(*d);
  if (!d->takes.empty() && d->camera(d->takes.back().camera)) s.take.camera = d->takes.back().camera;
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
