// takes_panel.cpp — "On the day": the take log for the script supervisor or
// the IC during shooting, in the left column where the findings are.
//
// The version in force and its status (lock, unlock to revise), who has
// confirmed it; the take being logged (setup, camera, lens, status; the take
// number counts up by itself); a deviation in the beat under the playhead
// (click a beat on the timeline to go to it) with its kind; the takes logged,
// newest first, where a consent deviation cannot be missed. Every button is an
// action of actions_day.cpp: one undo step each.
#include <cfloat>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/editor/panels.hpp"
#include "app/editor/undoable.hpp"
#include "notation/edits.hpp"
#include "notation/edits_takes.hpp"
#include "notation/phrasing.hpp"

namespace cs::editor {

namespace {

void heading(const UiFonts& fonts, const char* text) {
  ImGui::Spacing();
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  ImGui::Separator();
}

template <class E> bool word_buttons(E& value, const char* id) {
  bool changed = false;
  ImGui::PushID(id);
  for (std::size_t i = 0; i < vocab_size<E>(); ++i) {
    const E e = vocab_at<E>(i);
    const bool on = e == value;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.55f, 0.41f, 0.16f, 1));
    if (flow_button(std::string(vocab_label(e)).c_str(), i == 0)) {
      value = e;
      changed = true;
    }
    if (on) ImGui::PopStyleColor();
  }
  ImGui::PopID();
  return changed;
}

// The version in force: its status, locking, who confirmed it. The button
// pressed is acted on after the block is drawn (the edit replaces the document).
void version_block(EditorState& s, const UiFonts& fonts, const Document& d) {
  const Choreography& ch = d.choreography;
  std::function<bool()> act;
  ImGui::PushFont(fonts.bold);
  ImGui::Text("Choreography v%d", ch.version);
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s%s", std::string(vocab_label(ch.status)).c_str(), current_version_issued(d) ? ", issued" : "");
  switch (ch.status) {
    case ChoreoStatus::draft:
      if (ImGui::SmallButton("Mark rehearsed")) act = [&s] { return set_choreography_status(s, ChoreoStatus::rehearsed); };
      ImGui::SameLine();
      if (ImGui::SmallButton("Lock")) act = [&s] { return set_choreography_status(s, ChoreoStatus::locked); };
      break;
    case ChoreoStatus::rehearsed:
      if (ImGui::SmallButton("Lock")) act = [&s] { return set_choreography_status(s, ChoreoStatus::locked); };
      ImGui::SameLine();
      if (ImGui::SmallButton("Back to draft")) act = [&s] { return set_choreography_status(s, ChoreoStatus::draft); };
      break;
    case ChoreoStatus::locked:
      if (ImGui::SmallButton("Unlock to revise")) act = [&s] { return unlock_to_revise(s); };
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Starts version %d as a draft; version %d stays in the history, as it was locked", ch.version + 1,
                          ch.version);
      break;
  }
  // Confirmations of the version in force.
  for (const Performer& p : d.performers) {
    const Confirmation* c = nullptr;
    for (const Confirmation& k : ch.confirmations)
      if (k.performer == p.id && k.version == ch.version) c = &k;
    ImGui::PushID(p.id.c_str());
    if (c) {
      ImGui::TextColored(ImVec4(0.45f, 0.78f, 0.52f, 1), "%s confirmed v%d on %s%s", display_name(p).c_str(), c->version,
                         c->date.c_str(), c->saw_sheet ? ", saw the sheet" : "");
    } else {
      ImGui::TextDisabled("%s has not confirmed v%d", display_name(p).c_str(), ch.version);
      const std::string id = p.id;
      if (flow_button("Confirmed, saw the sheet", true)) act = [&s, id] { return confirm(s, id, true); };
      if (flow_button("Confirmed", false)) act = [&s, id] { return confirm(s, id, false); };
    }
    ImGui::PopID();
  }
  if (act) act();
}

// The take being logged, and a deviation in the beat under the playhead.
void logging_block(EditorState& s, const UiFonts& fonts, const Document& d) {
  heading(fonts, "Log a take");
  TakeDraft& t = s.take;
  const Camera* cam = d.camera(t.camera);
  if (!cam && !d.cameras.empty()) cam = &d.cameras.front();
  if (!cam) {
    ImGui::TextDisabled("Add a camera to log takes.");
    return;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted("Setup");
  ImGui::PopFont();
  ImGui::SameLine();
  // Any setup, earlier ones too: the day may go back to one.
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("WWW").x + ImGui::GetFrameHeight());
  if (ImGui::BeginCombo("##setup", t.setup.c_str())) {
    const std::string next_new = next_setup_letters(d);
    for (const std::string& l : setup_letters_choices(d, t.setup)) {
      const std::string item = l == next_new ? l + "  (new)" : l;
      if (ImGui::Selectable(item.c_str(), l == t.setup)) choose_setup(s, l);
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Next setup")) next_setup(s);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Camera");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("WWWW").x + ImGui::GetFrameHeight());
  if (ImGui::BeginCombo("##camera", cam->id.c_str())) {
    for (const Camera& c : d.cameras)
      if (ImGui::Selectable(c.id.c_str(), &c == cam) && &c != cam) {
        t.camera = c.id;
        t.lens_mm = 0;  // another camera: its own lens until one is typed
      }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::Text("take %d", next_take_number(d, t.setup, cam->id));
  double lens = t.lens_mm > 0 ? t.lens_mm : cam->focal_mm;
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000 mm").x + ImGui::GetFrameHeight() * 2);
  if (ImGui::InputDouble("lens mm", &lens, 1, 10, "%.0f")) t.lens_mm = lens;
  word_buttons(t.status, "status");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##take_note", "note (optional)", &t.note);
  // Shooting a version that is a draft or that someone has not confirmed: said
  // before the take is logged, in the warning colour.
  if (const std::string warning = unready_version_warning(d); !warning.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(severity_color_u32(Severity::warning)));
    ImGui::TextWrapped("Not ready to shoot: %s.", warning.c_str());
    ImGui::PopStyleColor();
  }
  if (ImGui::Button("Log take", ImVec2(-FLT_MIN, 0))) log_take(s);

  const int beat = current_beat_index(s);
  heading(fonts, "Deviation");
  if (d.takes.empty()) {
    ImGui::TextDisabled("Log a take first.");
    return;
  }
  if (beat < 0) {
    ImGui::TextDisabled("Click a beat on the timeline.");
    return;
  }
  const Beat& b = d.choreography.beats[static_cast<std::size_t>(beat)];
  // On the take chosen in the list ("Note deviations on this take"), else the latest.
  std::optional<std::size_t> chosen = t.deviation_take ? find_take(d, *t.deviation_take) : std::nullopt;
  const Take& on = d.takes[chosen.value_or(d.takes.size() - 1)];
  ImGui::TextWrapped("In %s %s, take %s%d%s", b.id.c_str(), b.label.c_str(), on.setup.c_str(), on.number,
                     chosen && *chosen + 1 != d.takes.size() ? " (an earlier take)" : "");
  if (chosen && flow_button("Back to the latest take", true)) t.deviation_take.reset();
  word_buttons(t.deviation_kind, "kind");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##dev_note", "what happened", &t.deviation_note);
  if (ImGui::Button("Note deviation", ImVec2(-FLT_MIN, 0))) add_deviation(s);
}

// The takes logged, newest first. Every field of a take can be edited (setup,
// number, camera, lens, status, note) and each deviation (kind, note, or
// deleted): each is one undo step.
void takes_list(EditorState& s, const UiFonts& fonts, const Document& d) {
  heading(fonts, "Takes");
  if (d.takes.empty()) ImGui::TextDisabled("None yet.");
  const ImVec4 consent_red = ImGui::ColorConvertU32ToFloat4(severity_color_u32(Severity::error));
  // Click edits wait until the list has been drawn: they replace the document it reads.
  std::function<bool()> act;
  for (std::size_t n = d.takes.size(); n-- > 0;) {
    const Take& t = d.takes[n];
    ImGui::PushID(static_cast<int>(n));
    bool consent = false;
    for (const Deviation& dv : t.deviations) consent |= dv.kind == DeviationKind::consent;
    char head[160];
    std::snprintf(head, sizeof head, "%s%d  ·  cam %s  ·  %s%s  ·  v%d", t.setup.c_str(), t.number, t.camera.c_str(),
                  t.lens_mm ? (number_text(*t.lens_mm) + " mm  ·  ").c_str() : "", std::string(vocab_label(t.status)).c_str(),
                  t.choreography_version);
    if (consent) ImGui::PushStyleColor(ImGuiCol_Text, consent_red);
    // The newest take opens by itself: it is the one most often corrected.
    const ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_SpanAvailWidth | (n + 1 == d.takes.size() ? static_cast<int>(ImGuiTreeNodeFlags_DefaultOpen) : 0);
    const bool open = ImGui::TreeNodeEx("##take", flags, "%s%s", head, consent ? "  ·  CONSENT" : "");
    if (consent) ImGui::PopStyleColor();
    if (open) {
      const std::string name = "take " + t.setup + std::to_string(t.number);
      // Setup, number, camera, lens.
      const float narrow = ImGui::CalcTextSize("WWW").x + ImGui::GetFrameHeight();
      ImGui::SetNextItemWidth(narrow);
      if (ImGui::BeginCombo("##setup", t.setup.empty() ? "-" : t.setup.c_str())) {
        for (const std::string& l : setup_letters_choices(d, t.setup))
          if (ImGui::Selectable(l.c_str(), l == t.setup) && l != t.setup) {
            Take e = t;
            e.setup = l;
            act = [&s, n, e] { return set_take(s, n, e); };
          }
        ImGui::EndCombo();
      }
      ImGui::SameLine();
      int number = t.number;
      ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000").x + ImGui::GetStyle().FramePadding.x * 2);
      const bool number_changed = ImGui::InputInt("##number", &number, 0, 0);
      undoable(s, "Renumber " + name, number_changed, edit_take_at(n, [number](Take& e) { e.number = number; }));
      ImGui::SameLine();
      ImGui::SetNextItemWidth(narrow);
      if (ImGui::BeginCombo("##camera", t.camera.c_str())) {
        for (const Camera& c : d.cameras)
          if (ImGui::Selectable(c.id.c_str(), c.id == t.camera) && c.id != t.camera) {
            Take e = t;
            e.camera = c.id;
            act = [&s, n, e] { return set_take(s, n, e); };
          }
        ImGui::EndCombo();
      }
      const Camera* cam = d.camera(t.camera);
      double lens = t.lens_mm ? *t.lens_mm : cam ? cam->focal_mm : 0;
      ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000 mm").x + ImGui::GetFrameHeight());
      const bool lens_changed = ImGui::InputDouble("mm##lens", &lens, 0, 0, "%.0f");
      undoable(s, "Set the lens of " + name, lens_changed, edit_take_at(n, [lens](Take& e) { e.lens_mm = lens; }));
      TakeStatus status = t.status;
      if (word_buttons(status, "status")) {
        act = [&s, n, status] { return set_take_status(s, n, status); };
      }
      std::string note = t.note;
      ImGui::SetNextItemWidth(-FLT_MIN);
      const bool note_changed = ImGui::InputTextWithHint("##note", "note", &note);
      undoable(s, "Edit the note of " + name, note_changed, edit_take_at(n, [note](Take& e) { e.note = note; }));
      // Its deviations: kind, note, delete.
      for (std::size_t k = 0; k < t.deviations.size(); ++k) {
        const Deviation& dv = t.deviations[k];
        ImGui::PushID(static_cast<int>(k));
        const bool is_consent = dv.kind == DeviationKind::consent;
        if (is_consent) ImGui::PushStyleColor(ImGuiCol_Text, consent_red);
        const std::string where = dv.beat_removed_in > 0 ? dv.beat + " (beat removed in v" + std::to_string(dv.beat_removed_in) + ")" : dv.beat;
        ImGui::TextWrapped("%s %s%s", fonts.dot, where.c_str(), is_consent ? "  CONSENT" : "");
        if (is_consent) ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete")) act = [&s, n, k] { return remove_deviation(s, n, k); };
        DeviationKind kind = dv.kind.value_or(DeviationKind::timing);
        if (!dv.kind) ImGui::TextDisabled("no kind given");
        if (word_buttons(kind, "kind") && kind != dv.kind) {
          Deviation e = dv;
          e.kind = kind;
          act = [&s, n, k, e] { return set_deviation(s, n, k, e); };
        }
        std::string dnote = dv.note;
        ImGui::SetNextItemWidth(-FLT_MIN);
        const bool dnote_changed = ImGui::InputTextWithHint("##dnote", "what happened", &dnote);
        undoable(s, "Edit a deviation in " + dv.beat + " (" + name + ")", dnote_changed,
                 edit_deviation_at(n, k, [dnote](Deviation& e) { e.note = dnote; }));
        ImGui::PopID();
      }
      const TakeDraft::TakeKey key{t.setup, t.camera, t.number};
      const bool target = s.take.deviation_take == key;
      if (target) ImGui::TextDisabled("New deviations go on this take.");
      else if (ImGui::SmallButton("Note deviations on this take")) s.take.deviation_take = key;
      if (flow_button("Delete take", false)) act = [&s, n] { return remove_take(s, n); };
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (act) act();
}

}  // namespace

void draw_take_log_panel(EditorState& s, const UiFonts& fonts, const Layout& layout) {
  ImGui::SetNextWindowPos(layout.origin);
  ImGui::SetNextWindowSize(ImVec2(layout.left_w, layout.size.y - layout.bottom_h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!ImGui::Begin("On the day", nullptr, flags)) {
    ImGui::End();
    return;
  }
  if (ImGui::SmallButton("Back to the scene and findings")) s.on_the_day = false;
  const Document* d = s.document();
  if (!d) {
    ImGui::TextDisabled("No scene open.");
    ImGui::End();
    return;
  }
  if (!d->scene.number.empty()) ImGui::TextDisabled("Scene %s", d->scene.number.c_str());
  // Each block reads the document afresh: the one before it may have replaced it.
  version_block(s, fonts, *s.document());
  logging_block(s, fonts, *s.document());
  takes_list(s, fonts, *s.document());
  ImGui::End();
}

}  // namespace cs::editor
