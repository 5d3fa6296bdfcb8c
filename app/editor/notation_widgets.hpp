// notation_widgets.hpp — the widgets the notation panels share (beat_panel,
// contacts_panel, body_map_panel, cast_panel): pickers for words, performers
// and regions (grouped, as the body map lists them), the consent chip, the
// traffic-light swatch that always carries its word, the findings beside an
// item, and the one-shot edit that also says what a change of consent reaches.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/editor/panels.hpp"
#include "notation/consent.hpp"
#include "notation/edits_consent.hpp"

namespace cs::editor {

// A combo of a vocabulary's values in people's words (vocab_label, or `words(value)` when given).
template <class E>
bool word_combo(const char* id, E& value, float width, std::string (*words)(E) = nullptr) {
  const auto say = [&](E e) { return words ? words(e) : std::string(vocab_label(e)); };
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  if (ImGui::BeginCombo(id, say(value).c_str())) {
    for (std::size_t i = 0; i < vocab_size<E>(); ++i) {
      const E e = vocab_at<E>(i);
      if (ImGui::Selectable(say(e).c_str(), e == value)) {
        value = e;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// A performer by display name; `none_label` (when given) offers "" too.
bool performer_combo(const char* id, const Document& d, std::string& value, float width,
                     const char* none_label = nullptr, const std::string& exclude = "");
// A camera by its letter.
bool camera_combo(const char* id, const Document& d, std::string& value, float width);
// A region, grouped as the body map lists them.
bool region_combo(const char* id, Region& value, float width);
// A garment of `wearer` (or any when ""); `none_label` offers "".
bool garment_combo(const char* id, const Document& d, std::string& value, const std::string& wearer, float width,
                   const char* none_label);
// A prop (barriers first when `barriers_only`); `none_label` offers "".
bool prop_combo(const char* id, const Document& d, std::string& value, bool barriers_only, float width,
                const char* none_label);

// The body map's colours (render/color_modes' palette) as ImGui colours.
ImU32 consent_color_u32(BrushState state, float alpha = 1.0f);
// A small coloured chip with its words: "yes", "ask: check in"… never colour alone.
void consent_chip(const ContactConsent& c);
void state_chip(BrushState state, const char* suffix = "");

// The findings of the current checks that concern `match`, listed small and
// wrapped, in their severity's colour; returns how many.
int findings_beside(const EditorState& s, const std::function<bool(const Finding&)>& match);

// One edit of agreements as one undo step (edit_document), and the status
// line then says what it reaches ("Ana: lower back now ask — 3 contacts in b04,
// b05 affected").
bool consent_edit(EditorState& s, const std::string& label, Edited edit);
// After an interaction that began on `before`: the same words for the status line.
void say_consent_reach(EditorState& s, const Document& before);

}  // namespace cs::editor

namespace cs::editor {

// [SECTION] Actions the notation panels take (notation_actions.cpp). Each is
// one undo step (a stroke or a drag: from its press to its release) and what
// a click or a drag calls; tests call them too.

// A new contact in beat `beat`: the first two performers (or the one there is,
// refused with fewer than two), the giver's right hand on the receiver's upper
// back, a hand contact at the layer the garments worn then give
// (worn_layer), light. The row shows its chip at once.
bool add_contact(EditorState& s, std::size_t beat);
bool set_contact(EditorState& s, std::size_t beat, std::size_t i, const Contact& c);
bool remove_contact(EditorState& s, std::size_t beat, std::size_t i);

// Breath: a cue at a count on a performer's lane; a drag of cue (beat, i).
bool add_breath_at(EditorState& s, const std::string& performer, double count, BreathCue cue);
void begin_breath_drag(EditorState& s, std::size_t beat, std::size_t i);
void update_breath_drag(EditorState& s, double count);  // snapped to half counts, live
bool end_breath_drag(EditorState& s);

// The body map window: open on a performer (or close with "").
void open_body_map(EditorState& s, const std::string& performer);
// A brush stroke on the open performer's map (or, on the garments page, on
// the chosen garment's cover): press on a region, drag over more, release.
// The stroke paints with s.notation's brush, direction, partner and layer.
void begin_stroke(EditorState& s, Region r);
void extend_stroke(EditorState& s, Region r);
// The rider grid's stroke: press on a cell and drag over others; one undo step.
void begin_rider_stroke(EditorState& s, RiderCell c);
void extend_rider_stroke(EditorState& s, RiderCell c);
bool end_stroke(EditorState& s);  // ends either kind of stroke
// The whole stroke in one call (a click is a stroke of one region).
bool paint(EditorState& s, const std::vector<Region>& regions);

// An eyeline in beat `beat` for the first performer: at the region picked in
// the viewport (the selection's region, when it is a partner's), else the
// partner's face, else the first camera.
bool add_eyeline(EditorState& s, std::size_t beat);
// A masking note in beat `beat`: camera A (the first), the first performer's
// breasts, masked by the second performer; every field is then edited in place.
bool add_masking_note(EditorState& s, std::size_t beat);
// A modesty garment for `performer` (a strapless thong over the pubic area,
// genitals and perineum, hidden, worn at the top); it becomes the garment
// painted on the garments page.
bool add_garment_for(EditorState& s, const std::string& performer);
// A prop standing at the middle of the set, selected; a barrier belongs to `owner`.
bool add_prop_of(EditorState& s, PropShape shape, bool barrier, const std::string& owner = "");
// A performer called "New performer", selected.
bool add_cast_member(EditorState& s);

// The beat's notation in the inspector (contacts_panel.cpp), below its fields.
void draw_beat_notation(EditorState& s, const UiFonts& fonts, std::size_t beat);

}  // namespace cs::editor
