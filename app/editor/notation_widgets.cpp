// notation_widgets.cpp — notation_widgets.hpp.
#include "app/editor/notation_widgets.hpp"

#include <algorithm>

#include <imgui_stdlib.h>

#include "notation/body_map.hpp"
#include "notation/phrasing.hpp"
#include "render/color_modes.hpp"

namespace cs::editor {

bool performer_combo(const char* id, const Document& d, std::string& value, float width, const char* none_label,
                     const std::string& exclude) {
  ImGui::SetNextItemWidth(width);
  const std::string shown = value.empty() ? std::string(none_label ? none_label : "(choose)") : display_name(d, value);
  bool changed = false;
  if (ImGui::BeginCombo(id, shown.c_str())) {
    if (none_label && ImGui::Selectable(none_label, value.empty())) {
      value.clear();
      changed = true;
    }
    for (const Performer& p : d.performers) {
      if (p.id == exclude) continue;
      ImGui::PushID(p.id.c_str());
      if (ImGui::Selectable(display_name(p).c_str(), p.id == value)) {
        value = p.id;
        changed = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

bool camera_combo(const char* id, const Document& d, std::string& value, float width) {
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  if (ImGui::BeginCombo(id, value.empty() ? "(choose)" : value.c_str())) {
    for (const Camera& c : d.cameras)
      if (ImGui::Selectable((c.id + (c.label.empty() ? "" : "  " + c.label)).c_str(), c.id == value)) {
        value = c.id;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

bool region_combo(const char* id, Region& value, float width) {
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  if (ImGui::BeginCombo(id, std::string(region_label(value)).c_str(), ImGuiComboFlags_HeightLarge)) {
    for (const RegionGroup& g : region_groups()) {
      ImGui::TextDisabled("%s", std::string(g.name).c_str());
      for (Region r : g.regions) {
        ImGui::PushID(static_cast<int>(r));
        if (ImGui::Selectable(("   " + std::string(region_label(r))).c_str(), r == value)) {
          value = r;
          changed = true;
        }
        ImGui::PopID();
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

bool garment_combo(const char* id, const Document& d, std::string& value, const std::string& wearer, float width,
                   const char* none_label) {
  ImGui::SetNextItemWidth(width);
  const Garment* g = d.garment(value);
  const std::string shown = value.empty() ? std::string(none_label) : g ? name_and_id(*g) : value;
  bool changed = false;
  if (ImGui::BeginCombo(id, shown.c_str())) {
    if (ImGui::Selectable(none_label, value.empty())) {
      value.clear();
      changed = true;
    }
    for (const Garment& gm : d.garments) {
      if (!wearer.empty() && gm.wearer != wearer) continue;
      ImGui::PushID(gm.id.c_str());
      if (ImGui::Selectable(name_and_id(gm).c_str(), gm.id == value)) {
        value = gm.id;
        changed = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

bool prop_combo(const char* id, const Document& d, std::string& value, bool barriers_only, float width,
                const char* none_label) {
  ImGui::SetNextItemWidth(width);
  const Prop* p = d.prop(value);
  const std::string shown = value.empty() ? std::string(none_label) : p ? display_name(*p) : value;
  bool changed = false;
  if (ImGui::BeginCombo(id, shown.c_str())) {
    if (ImGui::Selectable(none_label, value.empty())) {
      value.clear();
      changed = true;
    }
    for (const Prop& pr : d.props) {
      if (barriers_only && !pr.barrier) continue;
      ImGui::PushID(pr.id.c_str());
      if (ImGui::Selectable((display_name(pr) + (pr.barrier ? " (barrier)" : "")).c_str(), pr.id == value)) {
        value = pr.id;
        changed = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

ImU32 consent_color_u32(BrushState state, float alpha) {
  glm::vec4 c = render::palette::consent(state);
  c.a *= alpha;
  return vec4_u32(c);
}

void flow_next(float width, bool first) {
  if (first) return;
  ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 0.5f);
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

bool flow_button(const char* label, bool first, bool small) {
  const ImGuiStyle& st = ImGui::GetStyle();
  flow_next(ImGui::CalcTextSize(label, nullptr, true).x + st.FramePadding.x * 2, first);
  return small ? ImGui::SmallButton(label) : ImGui::Button(label);
}

bool flow_checkbox(const char* label, bool* value, bool first) {
  const ImGuiStyle& st = ImGui::GetStyle();
  flow_next(ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x, first);
  return ImGui::Checkbox(label, value);
}

namespace {

void chip(ImU32 color, const std::string& words, bool hatch) {
  const ImVec2 pad(6, 1);
  // Wrapped at the panel's edge, never clipped: a long answer ("agreed, with
  // conditions: hands flat, over the robe…") reads whole.
  const float wrap = std::max(ImGui::GetContentRegionAvail().x - pad.x * 2, ImGui::GetFontSize() * 6);
  const ImVec2 size = ImGui::CalcTextSize(words.c_str(), nullptr, false, wrap);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 q(p.x + size.x + pad.x * 2, p.y + size.y + pad.y * 2);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, q, color, 4);
  if (hatch)  // not discussed: striped, so it never reads as "no"
    for (float x = p.x - (q.y - p.y); x < q.x; x += 6)
      dl->AddLine(ImVec2(std::max(x, p.x), p.y + std::max(0.0f, p.x - x)),
                  ImVec2(std::min(x + (q.y - p.y), q.x), q.y - std::max(0.0f, x + (q.y - p.y) - q.x)),
                  IM_COL32(255, 255, 255, 40), 1.5f);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + pad.x, p.y + pad.y), IM_COL32(16, 16, 18, 255),
              words.c_str(), nullptr, wrap);
  ImGui::Dummy(ImVec2(q.x - p.x, q.y - p.y));
}

}  // namespace

void consent_chip(const ContactConsent& c) {
  BrushState state;
  switch (c.chip) {
    case ContactConsent::yes: state = BoundaryState::yes; break;
    case ContactConsent::conditional: state = BoundaryState::conditional; break;
    case ContactConsent::ask: state = BoundaryState::ask; break;
    case ContactConsent::not_agreed: state = BoundaryState::no; break;
  }
  chip(consent_color_u32(state), c.words, false);
}

void state_chip(BrushState state, const char* suffix) {
  chip(consent_color_u32(state), brush_words(state) + suffix, !state);
}

int findings_beside(const EditorState& s, const std::function<bool(const Finding&)>& match) {
  if (!s.checks.have) return 0;
  int n = 0;
  ImGui::PushTextWrapPos(0.0f);
  for (const Finding& f : s.checks.findings) {
    if (!match(f)) continue;
    ++n;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(severity_color_u32(f.severity)));
    ImGui::TextWrapped("%s  %s", std::string(finding_info(f.code).id).c_str(), f.message.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PopTextWrapPos();
  return n;
}

void say_consent_reach(EditorState& s, const Document& before) {
  if (!s.history.has_document()) return;
  const std::string reach = consent_change_words(before, s.history.doc());
  if (!reach.empty()) s.status = reach;
}

bool consent_edit(EditorState& s, const std::string& label, Edited edit) {
  if (!s.history.has_document()) return false;
  const Document before = s.history.doc();
  const bool changed = edit_document(s, label, std::move(edit));
  if (changed) say_consent_reach(s, before);
  return changed;
}

}  // namespace cs::editor
