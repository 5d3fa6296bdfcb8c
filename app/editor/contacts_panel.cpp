// contacts_panel.cpp — a beat's notation in the inspector, every item
// editable: contacts (each with its consent chip, judged from both performers'
// body maps, and its findings beside it), breath cues, eyelines ("Look at…" a
// partner's region, a camera or a point; the region picked in the viewport can
// be taken), garment changes (worn or removed, with what each garment covers)
// and masking notes (camera, performer, regions, masker, and whether the note
// holds or where it breaks). Every change is an edit function through the
// history; the checks worker re-runs the checks after each one.
//
// [SECTION] Contacts
// [SECTION] Breath cues
// [SECTION] Eyelines
// [SECTION] Garment changes
// [SECTION] Masking notes
#include <algorithm>
#include <cfloat>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/editor/notation_widgets.hpp"
#include "notation/body_map.hpp"
#include "notation/edits_beats.hpp"
#include "notation/phrasing.hpp"
#include "notation/timeline.hpp"

namespace cs::editor {

namespace {

void heading(const UiFonts& fonts, const char* text, std::size_t n) {
  ImGui::Spacing();
  ImGui::PushFont(fonts.bold);
  ImGui::Text("%s", text);
  ImGui::PopFont();
  if (n > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled("%zu", n);
  }
  ImGui::Separator();
}

// A label column then the widget; `w` the widget's width.
float row(const char* name, float label_w) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", name);
  ImGui::SameLine(label_w);
  return ImGui::GetContentRegionAvail().x;
}

std::string contact_words(const Document& d, const Contact& c, const UiFonts& fonts) {
  return possessive(display_name(d, c.giver)) + " " + std::string(region_label(c.with)) + " " + fonts.arrow + " " +
         possessive(display_name(d, c.receiver)) + " " + std::string(region_label(c.region));
}

bool is_contact_finding(FindingCode code) {
  switch (code) {
    case FindingCode::contact_refused:
    case FindingCode::contact_partner:
    case FindingCode::contact_kind:
    case FindingCode::contact_layer:
    case FindingCode::contact_garment_missing:
    case FindingCode::contact_barrier_missing:
    case FindingCode::contact_genital_no_barrier:
    case FindingCode::contact_ask:
    case FindingCode::contact_conditional:
    case FindingCode::pose_contact_apart: return true;
    default: return false;
  }
}

// ---------------------------------------------------------------------------
// [SECTION] Contacts

void contact_rows(EditorState& s, const UiFonts& fonts, std::size_t bi, float label_w) {
  const Document& d0 = *s.document();
  const Beat& b0 = d0.choreography.beats[bi];
  heading(fonts, "Contacts", b0.contacts.size());
  if (b0.contacts.empty()) ImGui::TextDisabled("None.");
  const std::size_t n = b0.contacts.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Document& d = *s.document();
    if (bi >= d.choreography.beats.size() || i >= d.choreography.beats[bi].contacts.size()) break;
    const Beat& b = d.choreography.beats[bi];
    Contact c = b.contacts[i];
    ImGui::PushID(static_cast<int>(i));
    const bool selected = s.selection.is(SelectionKind::beat, b.id) && s.selection.contact == i;
    if (selected) ImGui::SetNextItemOpen(true);
    const std::string title = std::to_string(i + 1) + ". " + contact_words(d, c, fonts);
    const bool open = ImGui::TreeNodeEx("##contact", ImGuiTreeNodeFlags_SpanAvailWidth, "%s", title.c_str());
    if (ImGui::IsItemClicked()) select_contact(s, b.id, i);
    // A tree node's label cannot wrap: one cut off by the panel's edge shows whole on hover.
    if (ImGui::IsItemHovered() &&
        ImGui::CalcTextSize(title.c_str()).x > ImGui::GetItemRectSize().x - ImGui::GetTreeNodeToLabelSpacing())
      ImGui::SetTooltip("%s", title.c_str());
    consent_chip(contact_consent(d, c));
    // Kind, layer and pressure beside the chip when they fit there, else below it (wrapped).
    const std::string details = std::string(vocab_label(c.kind)) + " · " + layer_words(c.layer) + " · " +
                                std::string(vocab_label(c.pressure));
    const float room = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - ImGui::GetItemRectMax().x -
                       ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::CalcTextSize(details.c_str()).x <= room) ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", details.c_str());
    ImGui::PopTextWrapPos();
    findings_beside(s, [&](const Finding& f) {
      return f.beat == b.id && is_contact_finding(f.code) && f.region == c.region &&
             ((f.performer == c.receiver && (f.other.empty() || f.other == c.giver || d.garment(f.other) || d.prop(f.other))) ||
              (f.performer == c.giver && f.other == c.receiver));
    });
    if (open) {
      bool changed = false;
      float w = row("Giver", label_w);
      changed |= performer_combo("##giver", d, c.giver, w * 0.45f);
      ImGui::SameLine();
      changed |= region_combo("##with", c.with, -FLT_MIN);
      w = row("Receiver", label_w);
      changed |= performer_combo("##receiver", d, c.receiver, w * 0.45f);
      ImGui::SameLine();
      changed |= region_combo("##region", c.region, -FLT_MIN);
      // The region picked in the viewport (the selection's sub-item) as either end of the contact.
      if (s.selection.kind == SelectionKind::performer && s.selection.region && d.performer(s.selection.id)) {
        const std::string picked = possessive(display_name(d, s.selection.id)) + " " +
                                   std::string(region_label(*s.selection.region));
        ImGui::TextDisabled("Picked: %s", picked.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("as giver")) {
          c.giver = s.selection.id;
          c.with = *s.selection.region;
          changed = true;
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("as receiver")) {
          c.receiver = s.selection.id;
          c.region = *s.selection.region;
          changed = true;
        }
      }
      row("Kind", label_w);
      changed |= word_combo("##kind", c.kind, -FLT_MIN);
      row("Layer", label_w);
      changed |= word_combo<Layer>("##layer", c.layer, -FLT_MIN, &layer_words);
      if (c.layer == Layer::over_garment) {
        row("Garment", label_w);
        changed |= garment_combo("##garment", d, c.garment, c.receiver, -FLT_MIN, "any worn there");
      }
      if (c.layer == Layer::through_barrier) {
        row("Barrier", label_w);
        changed |= prop_combo("##barrier", d, c.barrier, true, -FLT_MIN, "(choose the barrier)");
      }
      row("Pressure", label_w);
      changed |= word_combo("##pressure", c.pressure, -FLT_MIN);
      if (changed) set_contact(s, bi, i, c);
      if (ImGui::SmallButton("Delete contact")) remove_contact(s, bi, i);
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (ImGui::Button("+ Contact")) add_contact(s, bi);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Add a contact to this beat; its layer follows the garments worn at the beat's start");
}

// ---------------------------------------------------------------------------
// [SECTION] Breath cues

void breath_rows(EditorState& s, const UiFonts& fonts, std::size_t bi) {
  const Beat& b0 = s.document()->choreography.beats[bi];
  heading(fonts, "Breath", b0.breath.size());
  if (b0.breath.empty()) ImGui::TextDisabled("None. Click a performer's lane on the timeline to add one.");
  for (std::size_t i = 0; i < s.document()->choreography.beats[bi].breath.size(); ++i) {
    const Document& d = *s.document();
    BreathNote n = d.choreography.beats[bi].breath[i];
    ImGui::PushID(static_cast<int>(i) + 1000);
    const float w = ImGui::GetContentRegionAvail().x;
    bool changed = performer_combo("##who", d, n.performer, w * 0.34f);
    ImGui::SameLine();
    changed |= word_combo("##cue", n.cue, w * 0.3f);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w * 0.22f);
    double count = n.count;
    const bool moved = ImGui::InputDouble("##count", &count, kBeatSnap, 1.0, "%g");
    ImGui::SameLine();
    const bool remove = ImGui::SmallButton("x");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this breath cue");
    if (changed) edit_document(s, "Edit breath cue", cs::set_note(d, bi, i, n));
    else if (moved) edit_document(s, "Move breath cue", cs::move_breath(d, bi, i, count));
    else if (remove) edit_document(s, "Delete breath cue", cs::remove_note<BreathNote>(d, bi, i));
    ImGui::PopID();
  }
}

// ---------------------------------------------------------------------------
// [SECTION] Eyelines

void eyeline_rows(EditorState& s, const UiFonts& fonts, std::size_t bi, float label_w) {
  heading(fonts, "Eyelines", s.document()->choreography.beats[bi].eyelines.size());
  for (std::size_t i = 0; i < s.document()->choreography.beats[bi].eyelines.size(); ++i) {
    const Document& d = *s.document();
    const Beat& b = d.choreography.beats[bi];
    Eyeline e = b.eyelines[i];
    const std::string beat_id = b.id;
    ImGui::PushID(static_cast<int>(i) + 2000);
    bool changed = false;
    row("Eyes", label_w);
    changed |= performer_combo("##who", d, e.performer, -FLT_MIN);
    row("Look at", label_w);
    int kind = !e.target.performer.empty() ? 0 : !e.target.camera.empty() ? 1 : 2;
    const char* kinds[] = {"a partner's region", "a camera (into the lens)", "a point in the room"};
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::Combo("##kind", &kind, kinds, 3)) {
      e.target = {};
      if (kind == 0) {
        for (const Performer& p : d.performers)
          if (p.id != e.performer) { e.target.performer = p.id; break; }
        e.target.region = Region::face;
      } else if (kind == 1) {
        e.target.camera = d.cameras.empty() ? std::string() : d.cameras.front().id;
      } else {
        e.target.point = Vec3{0, 1.5, 2};
      }
      changed = true;
    }
    if (kind == 0) {
      const float w = row("Partner", label_w);
      changed |= performer_combo("##partner", d, e.target.performer, w * 0.45f, nullptr, e.performer);
      ImGui::SameLine();
      Region r = e.target.region.value_or(Region::face);
      if (region_combo("##target_region", r, -FLT_MIN)) {
        e.target.region = r;
        changed = true;
      }
      // The region picked in the viewport (the selection's sub-item), when it is a partner's.
      if (s.selection.kind == SelectionKind::performer && s.selection.region && s.selection.id != e.performer) {
        const std::string take = "Look at " + possessive(display_name(d, s.selection.id)) + " " +
                                 std::string(region_label(*s.selection.region)) + " (picked)";
        if (ImGui::SmallButton(take.c_str())) {
          e.target.performer = s.selection.id;
          e.target.region = s.selection.region;
          changed = true;
        }
      }
    } else if (kind == 1) {
      row("Camera", label_w);
      changed |= camera_combo("##camera", d, e.target.camera, -FLT_MIN);
    } else {
      row("Point m", label_w);
      Vec3 p = e.target.point.value_or(Vec3{0, 1.5, 2});
      ImGui::SetNextItemWidth(-FLT_MIN);
      if (ImGui::InputScalarN("##point", ImGuiDataType_Double, p.data(), 3, nullptr, nullptr, "%.2f")) {
        e.target.point = p;
        changed = true;
      }
    }
    if (changed) edit_document(s, "Edit eyeline", cs::set_note(d, bi, i, e));
    if (ImGui::SmallButton("Delete eyeline") && bi < s.document()->choreography.beats.size()) edit_document(s, "Delete eyeline", cs::remove_note<Eyeline>(*s.document(), bi, i));
    findings_beside(s, [&](const Finding& f) {
      return f.beat == beat_id && (f.code == FindingCode::eyeline_target || f.code == FindingCode::eyeline_lens) &&
             f.performer == e.performer;
    });
    ImGui::Separator();
    ImGui::PopID();
  }
  if (ImGui::Button("Look at\u2026")) add_eyeline(s, bi);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Add an eyeline: at a partner's region (pick one in the viewport first), a camera or a point");
}

// ---------------------------------------------------------------------------
// [SECTION] Garment changes

void garment_rows(EditorState& s, const UiFonts& fonts, std::size_t bi) {
  const Document& d = *s.document();
  const Beat& b = d.choreography.beats[bi];
  heading(fonts, "Garments", b.garment_changes.size());
  if (d.garments.empty()) {
    ImGui::TextDisabled("No garments yet: add them on a performer's body map (Garments).");
    return;
  }
  // Worn as the beat begins, before its own changes: the beat just before it.
  const std::vector<bool> after = garments_worn_at(d, b.start_count);
  for (std::size_t g = 0; g < d.garments.size(); ++g) {
    const Garment& gm = d.garments[g];
    ImGui::PushID(gm.id.c_str());
    int change = 0;  // 0 no change, 1 put on, 2 taken off
    std::size_t at = b.garment_changes.size();
    for (std::size_t k = 0; k < b.garment_changes.size(); ++k)
      if (b.garment_changes[k].garment == gm.id) {
        at = k;
        change = b.garment_changes[k].worn ? 1 : 2;
      }
    const char* options[] = {"no change", "put on", "taken off"};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    int chosen = change;
    if (ImGui::Combo("##change", &chosen, options, 3) && chosen != change) {
      const Document& cur = *s.document();
      const std::string id = gm.id;
      if (chosen == 0) edit_document(s, "Remove garment change", cs::remove_note<GarmentChange>(cur, bi, at));
      else if (change == 0) edit_document(s, "Change garment", cs::add_note(cur, bi, GarmentChange{id, chosen == 1}));
      else edit_document(s, "Change garment", cs::set_note(cur, bi, at, GarmentChange{id, chosen == 1}));
      ImGui::PopID();
      return;  // the document changed: the rest is drawn next frame
    }
    ImGui::SameLine();
    const bool worn = g < after.size() && after[g];
    ImGui::TextWrapped("%s (%s) %s %s: %s", name_and_id(gm).c_str(), display_name(d, gm.wearer).c_str(),
                       worn ? "worn" : "removed", std::string(vocab_label(gm.camera)).c_str(),
                       region_words(gm.covers).c_str());
    ImGui::PopID();
  }
}

// ---------------------------------------------------------------------------
// [SECTION] Masking notes

void masking_rows(EditorState& s, const UiFonts& fonts, std::size_t bi, float label_w) {
  heading(fonts, "Masking notes", s.document()->choreography.beats[bi].masking.size());
  for (std::size_t i = 0; i < s.document()->choreography.beats[bi].masking.size(); ++i) {
    const Document& d = *s.document();
    const Beat& b = d.choreography.beats[bi];
    MaskingNote m = b.masking[i];
    const std::string beat_id = b.id;
    ImGui::PushID(static_cast<int>(i) + 3000);
    bool changed = false;
    row("Camera", label_w);
    changed |= camera_combo("##camera", d, m.camera, -FLT_MIN);
    row("Whose", label_w);
    changed |= performer_combo("##performer", d, m.performer, -FLT_MIN);
    row("Regions", label_w);
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string listed = m.regions.empty() ? std::string("(choose)") : region_words(m.regions);
    if (ImGui::BeginCombo("##regions", listed.c_str(), ImGuiComboFlags_HeightLarge)) {
      for (const RegionGroup& g : region_groups()) {
        ImGui::TextDisabled("%s", std::string(g.name).c_str());
        for (Region r : g.regions) {
          bool on = std::find(m.regions.begin(), m.regions.end(), r) != m.regions.end();
          ImGui::PushID(static_cast<int>(r));
          if (ImGui::Checkbox(std::string(region_label(r)).c_str(), &on)) {
            if (on) m.regions.push_back(r);
            else std::erase(m.regions, r);
            changed = true;
          }
          ImGui::PopID();
        }
      }
      ImGui::EndCombo();
    }
    row("Masked by", label_w);
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string by = d.performer(m.by) ? display_name(d, m.by) : d.prop(m.by) ? display_name(*d.prop(m.by)) : m.by;
    if (ImGui::BeginCombo("##by", by.empty() ? "(choose)" : by.c_str())) {
      for (const Performer& p : d.performers)
        if (p.id != m.performer && ImGui::Selectable(display_name(p).c_str(), p.id == m.by)) {
          m.by = p.id;
          changed = true;
        }
      for (const Prop& p : d.props)
        if (ImGui::Selectable((display_name(p) + " (prop)").c_str(), p.id == m.by)) {
          m.by = p.id;
          changed = true;
        }
      ImGui::EndCombo();
    }
    if (changed) edit_document(s, "Edit masking note", cs::set_note(d, bi, i, m));
    // Live: whether the note holds, from the checks of this very document.
    const bool fresh = s.checks.have && s.checks.generation == s.history.generation();
    const Finding* breaks = nullptr;
    const Finding* fragile = nullptr;
    for (const Finding& f : s.checks.findings) {
      if (f.beat != beat_id || f.camera != m.camera || f.performer != m.performer) continue;
      if (f.code == FindingCode::masking_intent && (!breaks || f.from_count < breaks->from_count)) breaks = &f;
      if (f.code == FindingCode::masking_fragile && !fragile) fragile = &f;
    }
    if (!fresh) ImGui::TextDisabled("checking\u2026");
    else if (breaks) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(severity_color_u32(Severity::error)));
      ImGui::TextWrapped("breaks at count %s: %s", count_label(breaks->from_count).c_str(), breaks->message.c_str());
      ImGui::PopStyleColor();
    } else {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(consent_color_u32(BoundaryState::yes)));
      ImGui::TextUnformatted(fragile ? "holds (fragile)" : "holds");
      ImGui::PopStyleColor();
      if (fragile) findings_beside(s, [&](const Finding& f) { return &f == fragile; });
    }
    if (ImGui::SmallButton("Delete masking note") && bi < s.document()->choreography.beats.size())
      edit_document(s, "Delete masking note", cs::remove_note<MaskingNote>(*s.document(), bi, i));
    ImGui::Separator();
    ImGui::PopID();
  }
  if (ImGui::Button("+ Masking note")) add_masking_note(s, bi);
}

}  // namespace

void draw_beat_notation(EditorState& s, const UiFonts& fonts, std::size_t bi) {
  if (!s.document() || bi >= s.document()->choreography.beats.size()) return;
  const float label_w = ImGui::CalcTextSize("Masked by").x + ImGui::GetStyle().ItemSpacing.x * 2;
  ImGui::PushID("notation");
  contact_rows(s, fonts, bi, label_w);
  if (bi < s.document()->choreography.beats.size()) breath_rows(s, fonts, bi);
  if (bi < s.document()->choreography.beats.size()) eyeline_rows(s, fonts, bi, label_w);
  if (bi < s.document()->choreography.beats.size()) garment_rows(s, fonts, bi);
  if (bi < s.document()->choreography.beats.size()) masking_rows(s, fonts, bi, label_w);
  ImGui::PopID();
}

}  // namespace cs::editor
