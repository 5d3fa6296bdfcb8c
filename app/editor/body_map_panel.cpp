// body_map_panel.cpp — a performer's body map, nudity rider and garments, in
// one window over the viewport (opened from the performer's inspector or the
// cast list). It is the paper form ICs already use, with traffic-light
// colours that always carry their words:
//  - Body map: the performer's own mannequin front and back
//    (notation/body_map.hpp) and a grouped list of all regions beside it (small
//    ones such as the ears and the perineum are easier there); filters for
//    receive or give and which partner; a brush (yes, conditional, ask, no,
//    not discussed) painted by click or drag — never click-to-cycle, so a stray
//    click never changes anyone's consent; with the brush off a click opens
//    the region's lines (partners, kinds, layer, conditions, its tier); copy
//    the map to another partner, mirror left to right.
//  - Rider: regions against views (front, side, rear, overhead), a state per
//    cell painted with the same brush, presets for the common categories, and
//    each line's conditions.
//  - Garments: the performer's garments; the chosen one's cover is painted on
//    the same pictures; kind, hidden or costume, worn at the top of the scene.
// Every change is an edit function through the history; a change of consent
// says in the status line what it reaches.
//
// [SECTION] The pictures
// [SECTION] Body map page
// [SECTION] Rider page
// [SECTION] Garments page
// [SECTION] The window
#include <algorithm>
#include <array>
#include <cfloat>
#include <map>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/editor/notation_widgets.hpp"
#include "app/editor/undoable.hpp"
#include "notation/body_map.hpp"
#include "notation/edits_cast.hpp"
#include "notation/edits_garments.hpp"
#include "notation/phrasing.hpp"

namespace cs::editor {

namespace {

// ---------------------------------------------------------------------------
// [SECTION] The pictures

constexpr int kPictureCells = 150;  // cells from the top of the head room to the floor

struct Pictures {
  BodyMapPicture front, back;
};

// Cast once per height and build (about 20 ms each), not every frame.
const Pictures& pictures_for(const Performer& p) {
  static std::map<std::pair<double, int>, Pictures> cache;
  const auto key = std::make_pair(p.height_m, static_cast<int>(p.build));
  auto it = cache.find(key);
  if (it == cache.end()) {
    if (cache.size() > 16) cache.clear();
    it = cache.emplace(key, Pictures{body_map_picture(p, false, kPictureCells), body_map_picture(p, true, kPictureCells)}).first;
  }
  return it->second;
}

// What a region shows on the current page (its colour and words).
struct RegionLook {
  ImU32 color;
  std::string words;
  bool hatched = false;  // not discussed
};
using LookFn = RegionLook (*)(const EditorState&, const Performer&, Region);

RegionLook consent_look(const EditorState& s, const Performer& p, Region r) {
  const BrushState st = map_state(p, s.notation.direction, s.notation.partner, r);
  return {consent_color_u32(st), brush_words(st), !st};
}

RegionLook garment_look(const EditorState& s, const Performer&, Region r) {
  const Garment* g = s.document()->garment(s.notation.garment);
  const bool covered = g && std::find(g->covers.begin(), g->covers.end(), r) != g->covers.end();
  return {covered ? IM_COL32(96, 140, 220, 255) : IM_COL32(120, 118, 114, 255), covered ? "covered" : "not covered"};
}

// Draws one picture at `at` with cells of `cell` pixels; returns the region under the pointer.
std::optional<Region> draw_picture(const EditorState& s, const Performer& p, const BodyMapPicture& pic, ImVec2 at,
                                   float cell, LookFn look) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  std::array<RegionLook, kRegionCount> looks;
  for (std::size_t r = 0; r < kRegionCount; ++r) looks[r] = look(s, p, vocab_at<Region>(r));
  const ImU32 edge = IM_COL32(20, 20, 24, 255);
  for (int y = 0; y < pic.height; ++y) {
    int x = 0;
    while (x < pic.width) {
      const std::int8_t c = pic.cells[static_cast<std::size_t>(y * pic.width + x)];
      int e = x + 1;
      while (e < pic.width && pic.cells[static_cast<std::size_t>(y * pic.width + e)] == c) ++e;
      if (c >= 0) {
        const RegionLook& l = looks[static_cast<std::size_t>(c)];
        dl->AddRectFilled(ImVec2(at.x + x * cell, at.y + y * cell), ImVec2(at.x + e * cell, at.y + (y + 1) * cell), l.color);
        for (int k = x; k < e; ++k) {
          const auto other = [&](int xx, int yy) {
            return xx < 0 || yy < 0 || xx >= pic.width || yy >= pic.height ||
                   pic.cells[static_cast<std::size_t>(yy * pic.width + xx)] != c;
          };
          const ImVec2 a(at.x + k * cell, at.y + y * cell), b(a.x + cell, a.y + cell);
          if (other(k, y - 1) || other(k, y + 1) || other(k - 1, y) || other(k + 1, y)) dl->AddRectFilled(a, b, edge);
          else if (l.hatched && (k + y) % 5 == 0) dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 60));
        }
      }
      x = e;
    }
  }
  const ImVec2 m = ImGui::GetMousePos();
  const int cx = static_cast<int>(std::floor((m.x - at.x) / cell)), cy = static_cast<int>(std::floor((m.y - at.y) / cell));
  return pic.region_at(cx, cy);
}

// Both pictures side by side, one button over them: with the brush, press and
// drag paint a stroke; without it, a click opens the region.
void picture_pair(EditorState& s, const Performer& p, float max_h, LookFn look, bool brush) {
  const Pictures& pics = pictures_for(p);
  const float gap = 16;
  const float avail_w = ImGui::GetContentRegionAvail().x;
  const float cell = std::max(1.0f, std::min(max_h / static_cast<float>(pics.front.height),
                                            (avail_w - gap) / static_cast<float>(pics.front.width * 2)));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::TextDisabled("Front");
  ImGui::SameLine(pics.front.width * cell + gap);
  ImGui::TextDisabled("Back");
  const ImVec2 top(at.x, ImGui::GetCursorScreenPos().y);
  const ImVec2 back_at(top.x + pics.front.width * cell + gap, top.y);
  const ImVec2 size(pics.front.width * cell * 2 + gap, pics.front.height * cell);
  ImGui::InvisibleButton("##pictures", size);
  const bool hovered = ImGui::IsItemHovered(), activated = ImGui::IsItemActivated(), active = ImGui::IsItemActive();
  const bool released = ImGui::IsItemDeactivated();
  std::optional<Region> under = draw_picture(s, p, pics.front, top, cell, look);
  if (!under) under = draw_picture(s, p, pics.back, back_at, cell, look);
  else draw_picture(s, p, pics.back, back_at, cell, look);
  if (hovered && under) {
    const RegionLook l = look(s, p, *under);
    ImGui::SetTooltip("%s: %s%s", std::string(region_label(*under)).c_str(), l.words.c_str(),
                      brush ? "" : "\nClick to open its lines");
  }
  if (brush) {
    if (activated && under) begin_stroke(s, *under);
    else if (active && under) extend_stroke(s, *under);
    if (released) end_stroke(s);
  } else if (activated && under) {
    s.notation.detail_region = under;
  }
}

// The grouped list of all regions: chip, name; with the brush a click paints
// it; without, it opens it.
void region_list(EditorState& s, const Performer& p, LookFn look, bool brush) {
  for (const RegionGroup& g : region_groups()) {
    ImGui::TextDisabled("%s", std::string(g.name).c_str());
    for (Region r : g.regions) {
      ImGui::PushID(static_cast<int>(r));
      const RegionLook l = look(s, p, r);
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float h = ImGui::GetTextLineHeight();
      const bool open = s.notation.detail_region == r;
      if (ImGui::Selectable("##row", open, 0, ImVec2(0, h))) {
        if (brush) paint(s, {r});
        else s.notation.detail_region = r;
      }
      ImDrawList* dl = ImGui::GetWindowDrawList();
      dl->AddRectFilled(ImVec2(at.x, at.y + 1), ImVec2(at.x + h * 1.4f, at.y + h - 1), l.color, 3);
      if (l.hatched) dl->AddLine(ImVec2(at.x + 2, at.y + h - 2), ImVec2(at.x + h * 1.4f - 2, at.y + 2), IM_COL32(255, 255, 255, 90), 1.5f);
      dl->AddText(ImVec2(at.x + h * 1.7f, at.y), ImGui::GetColorU32(ImGuiCol_Text), std::string(region_label(r)).c_str());
      const float word_x = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(l.words.c_str()).x;
      dl->AddText(ImVec2(std::max(word_x, at.x + h * 8.5f), at.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), l.words.c_str());
      ImGui::PopID();
    }
  }
}

// ---------------------------------------------------------------------------
// [SECTION] Body map page

void brush_bar(EditorState& s, bool with_layer) {
  NotationUi& n = s.notation;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Brush");
  ImGui::SameLine();
  if (ImGui::RadioButton("off (open a region)", !n.brush_on)) n.brush_on = false;
  const BrushState states[] = {BoundaryState::yes, BoundaryState::conditional, BoundaryState::ask, BoundaryState::no,
                               std::nullopt};
  for (const BrushState& st : states) {
    ImGui::SameLine();
    const bool on = n.brush_on && n.brush == st;
    const ImVec4 col = ImGui::ColorConvertU32ToFloat4(consent_color_u32(st));
    ImGui::PushStyleColor(ImGuiCol_Button, on ? col : ImVec4(col.x * 0.45f, col.y * 0.45f, col.z * 0.45f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col);
    ImGui::PushStyleColor(ImGuiCol_Text, on ? ImVec4(0.06f, 0.06f, 0.07f, 1) : ImVec4(0.92f, 0.92f, 0.94f, 1));
    if (ImGui::Button(brush_words(st).c_str())) {
      n.brush_on = true;
      n.brush = st;
    }
    ImGui::PopStyleColor(3);
  }
  if (with_layer && n.brush_on && n.brush && *n.brush != BoundaryState::no) {
    ImGui::SameLine();
    ImGui::TextDisabled("up to");
    ImGui::SameLine();
    word_combo<Layer>("##brush_layer", n.brush_layer, ImGui::GetFontSize() * 9, &layer_words);
  }
}

void line_details(EditorState& s, const Performer& p, Region r) {
  const Document& d = *s.document();
  NotationUi& n = s.notation;
  ImGui::PushID("details");
  ImGui::Separator();
  ImGui::Text("%s %s: lines for %s", possessive(display_name(p)).c_str(), std::string(region_label(r)).c_str(),
              n.direction == Direction::receive ? "being touched" : "touching a partner there");
  // The tier this performer holds the region at.
  {
    int tier = static_cast<int>(tier_for(p, r));
    const char* tiers[] = {"ordinary", "sensitive", "intimate"};
    ImGui::SameLine();
    ImGui::TextDisabled("· held as");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::Combo("##tier", &tier, tiers, 3))
      consent_edit(s, "Hold " + std::string(region_label(r)) + " as " + tiers[tier],
                   set_region_tier(d, p.id, r, static_cast<Tier>(tier)));
  }
  bool any = false;
  for (std::size_t i = 0; i < p.boundaries.size(); ++i) {
    const Document& cur = *s.document();
    const Performer* pp = cur.performer(p.id);
    if (!pp || i >= pp->boundaries.size()) break;
    Boundary b = pp->boundaries[i];
    if (b.direction != n.direction || b.region != r) continue;
    any = true;
    ImGui::PushID(static_cast<int>(i));
    bool changed = false;
    state_chip(effective_state(b.state, b.conditions));
    ImGui::SameLine();
    BoundaryState st = b.state;
    changed |= word_combo("##state", st, ImGui::GetFontSize() * 7);
    b.state = st;
    ImGui::SameLine();
    changed |= word_combo<Layer>("##layer", b.layer, ImGui::GetFontSize() * 9, &layer_words);
    ImGui::SameLine();
    const std::string partners = b.partners.empty() ? std::string("any partner") : performer_names(cur, b.partners, "and");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo("##partners", partners.c_str())) {
      for (const Performer& q : cur.performers) {
        if (q.id == p.id) continue;
        bool on = std::find(b.partners.begin(), b.partners.end(), q.id) != b.partners.end();
        if (ImGui::Checkbox(display_name(q).c_str(), &on)) {
          if (on) b.partners.push_back(q.id);
          else std::erase(b.partners, q.id);
          changed = true;
        }
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    const std::string kinds = b.contact.empty() ? std::string("any kind") : vocab_words(b.contact, "or");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo("##kinds", kinds.c_str())) {
      for (std::size_t k = 0; k < vocab_size<ContactKind>(); ++k) {
        const ContactKind kind = vocab_at<ContactKind>(k);
        bool on = std::find(b.contact.begin(), b.contact.end(), kind) != b.contact.end();
        if (ImGui::Checkbox(std::string(vocab_label(kind)).c_str(), &on)) {
          if (on) b.contact.push_back(kind);
          else std::erase(b.contact, kind);
          changed = true;
        }
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    const bool remove = ImGui::SmallButton("x");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this line (the region is then not discussed for it)");
    if (changed) consent_edit(s, "Edit " + possessive(display_name(p)) + " body map", set_line(cur, p.id, i, b));
    else if (remove) consent_edit(s, "Delete a line of " + possessive(display_name(p)) + " body map",
                                  remove_line<Boundary>(cur, p.id, i));
    // Conditions: typed, one undo step per visit.
    if (!changed && !remove) {
      std::string conditions = b.conditions;
      ImGui::SetNextItemWidth(-FLT_MIN);
      const bool typed = ImGui::InputTextWithHint("##conditions", "conditions (e.g. hands flat; only in takes)", &conditions);
      const std::string id = p.id;
      const Document before = cur;
      if (undoable(s, "Edit conditions", typed, [id, i, conditions](const Document& o) {
            const Performer* op = o.performer(id);
            if (!op || i >= op->boundaries.size()) return Edited::refused("The line is gone");
            Boundary nb = op->boundaries[i];
            nb.conditions = conditions;
            return set_line(o, id, i, nb);
          }) && ImGui::IsItemDeactivatedAfterEdit())
        say_consent_reach(s, before);
    }
    ImGui::PopID();
  }
  if (!any) ImGui::TextDisabled("No lines: not discussed (the checks count it as no). Paint it with the brush.");
  if (ImGui::SmallButton("+ Line for one kind of contact")) {
    Boundary b;
    b.direction = n.direction;
    b.region = r;
    if (!n.partner.empty()) b.partners = {n.partner};
    b.contact = {ContactKind::hand};
    b.state = BoundaryState::no;  // a new line agrees nothing until it is changed
    consent_edit(s, "Add a line to " + possessive(display_name(p)) + " body map", add_line(*s.document(), p.id, b));
  }
  ImGui::PopID();
}

void body_map_page(EditorState& s, const UiFonts& fonts, const Performer& p, float page_h) {
  NotationUi& n = s.notation;
  const Document& d = *s.document();
  // Filters.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Show");
  ImGui::SameLine();
  if (ImGui::RadioButton("receive", n.direction == Direction::receive)) n.direction = Direction::receive;
  ImGui::SameLine();
  if (ImGui::RadioButton("give", n.direction == Direction::give)) n.direction = Direction::give;
  ImGui::SameLine();
  ImGui::TextDisabled("with");
  ImGui::SameLine();
  performer_combo("##partner", d, n.partner, ImGui::GetFontSize() * 8, "any partner", p.id);
  ImGui::SameLine(0, 20);
  if (ImGui::Button("Mirror left \u2192 right"))
    consent_edit(s, "Mirror " + possessive(display_name(p)) + " body map", mirror_map_left_to_right(d, p.id));
  ImGui::SameLine();
  if (ImGui::Button("Copy map to\u2026")) ImGui::OpenPopup("copy_to");
  if (ImGui::BeginPopup("copy_to")) {
    ImGui::TextDisabled("Copy the lines for %s to:", n.partner.empty() ? "any partner" : display_name(d, n.partner).c_str());
    for (const Performer& q : d.performers)
      if (q.id != p.id && q.id != n.partner && ImGui::Selectable(display_name(q).c_str()))
        consent_edit(s, "Copy " + possessive(display_name(p)) + " body map to " + display_name(q),
                     copy_map_to_partner(*s.document(), p.id, n.partner, q.id));
    ImGui::EndPopup();
  }
  brush_bar(s, true);
  // Pictures and the list.
  const float list_w = std::min(ImGui::GetFontSize() * 19, ImGui::GetContentRegionAvail().x * 0.4f);
  const float pictures_h = page_h * (n.detail_region ? 0.62f : 0.86f);
  ImGui::BeginChild("##pictures_col", ImVec2(ImGui::GetContentRegionAvail().x - list_w, pictures_h), false);
  picture_pair(s, p, pictures_h - ImGui::GetTextLineHeightWithSpacing() * 2, consent_look, n.brush_on);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##region_list", ImVec2(0, pictures_h), true);
  region_list(s, p, consent_look, n.brush_on);
  ImGui::EndChild();
  (void)fonts;
  if (n.detail_region) {
    const Performer* cur = s.document()->performer(p.id);
    if (cur) line_details(s, *cur, *n.detail_region);
  }
}

// ---------------------------------------------------------------------------
// [SECTION] Rider page

void rider_page(EditorState& s, const Performer& p) {
  NotationUi& n = s.notation;
  const Document& d = *s.document();
  ImGui::TextDisabled("Presets add their lines:");
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (RiderPreset pr : kRiderPresets) {
    // Buttons flow onto the next line rather than run off the window.
    const std::string words(rider_preset_words(pr));
    const float w = ImGui::CalcTextSize(words.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    if (ImGui::SmallButton(words.c_str()))
      consent_edit(s, "Rider preset: " + std::string(rider_preset_words(pr)), apply_rider_preset(*s.document(), p.id, pr));
  }
  brush_bar(s, false);
  if (!n.brush_on) ImGui::TextDisabled("Choose a brush, then click cells, or drag across them, to set them.");
  const float table_h = ImGui::GetContentRegionAvail().y * 0.62f;
  if (ImGui::BeginTable("##rider", 5, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV,
                        ImVec2(0, table_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Region", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    for (View v : kRiderViews) ImGui::TableSetupColumn(view_words(v).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const RegionGroup& g : region_groups()) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", std::string(g.name).c_str());
      for (Region r : g.regions) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(std::string(region_label(r)).c_str());
        for (View v : kRiderViews) {
          ImGui::TableNextColumn();
          const BrushState st = rider_cell(*s.document()->performer(p.id), r, v);
          ImGui::PushID(static_cast<int>(r) * 8 + static_cast<int>(v));
          const ImVec4 col = ImGui::ColorConvertU32ToFloat4(consent_color_u32(st, st ? 1.0f : 0.35f));
          ImGui::PushStyleColor(ImGuiCol_Button, col);
          ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(col.x * 1.2f, col.y * 1.2f, col.z * 1.2f, 1));
          ImGui::PushStyleColor(ImGuiCol_Text, st ? ImVec4(0.06f, 0.06f, 0.07f, 1) : ImVec4(0.8f, 0.8f, 0.82f, 1));
          const std::string word = st ? std::string(vocab_label(*st)) : std::string("\u2013");
          ImGui::Button(word.c_str(), ImVec2(-FLT_MIN, 0));
          // With the brush: press paints the cell, dragging on paints every cell
          // the pointer crosses, all one undo step (end_stroke below).
          if (n.brush_on && ImGui::IsItemActivated()) begin_rider_stroke(s, {r, v});
          else if (!n.rider_stroke.empty() && ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
                   ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
            extend_rider_stroke(s, {r, v});
          if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s from %s: %s", std::string(region_label(r)).c_str(), view_words(v).c_str(),
                              st ? std::string(vocab_label(*st)).c_str() : "not in the rider (not agreed)");
          ImGui::PopStyleColor(3);
          ImGui::PopID();
        }
      }
    }
    ImGui::EndTable();
  }
  if (!n.rider_stroke.empty() && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) end_stroke(s);
  ImGui::Separator();
  ImGui::Text("Rider lines (%zu)", p.exposure.size());
  for (std::size_t i = 0; i < p.exposure.size(); ++i) {
    const Performer* cur = s.document()->performer(p.id);
    if (!cur || i >= cur->exposure.size()) break;
    const Exposure x = cur->exposure[i];
    ImGui::PushID(static_cast<int>(i));
    state_chip(effective_state(x.state, x.conditions));
    ImGui::SameLine();
    ImGui::TextWrapped("%s, from %s", region_words(x.regions).c_str(), vocab_words(x.views, "and").c_str());
    std::string conditions = x.conditions;
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 2);
    const bool typed = ImGui::InputTextWithHint("##conditions", "conditions (e.g. closed set, no stills)", &conditions);
    const std::string id = p.id;
    undoable(s, "Edit rider conditions", typed, [id, i, conditions](const Document& o) {
      const Performer* op = o.performer(id);
      if (!op || i >= op->exposure.size()) return Edited::refused("The rider line is gone");
      Exposure nx = op->exposure[i];
      nx.conditions = conditions;
      return set_line(o, id, i, nx);
    });
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) consent_edit(s, "Delete a rider line", remove_line<Exposure>(*s.document(), p.id, i));
    ImGui::PopID();
  }
  (void)d;
}

// ---------------------------------------------------------------------------
// [SECTION] Garments page

void garments_page(EditorState& s, const Performer& p, float page_h) {
  NotationUi& n = s.notation;
  if (ImGui::Button("+ Garment")) add_garment_for(s, p.id);
  ImGui::SameLine();
  ImGui::TextDisabled("Choose a garment, then click or drag on the body to paint what it covers.");
  const float list_w = std::min(ImGui::GetFontSize() * 18, ImGui::GetContentRegionAvail().x * 0.45f);
  ImGui::BeginChild("##garment_list", ImVec2(list_w, page_h * 0.9f), true);
  for (std::size_t k = 0; k < s.document()->garments.size(); ++k) {
    const Garment g = s.document()->garments[k];
    if (g.wearer != p.id) continue;
    ImGui::PushID(g.id.c_str());
    if (ImGui::RadioButton(name_and_id(g).c_str(), n.garment == g.id)) n.garment = g.id;
    Garment e = g;
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool typed = ImGui::InputTextWithHint("##label", "label", &e.label);
    const std::string id = g.id;
    const std::string label = e.label;
    undoable(s, "Edit garment label", typed, [id, label](const Document& o) {
      const Garment* og = o.garment(id);
      if (!og) return Edited::refused("The garment is gone");
      Garment ng = *og;
      ng.label = label;
      return set_garment(o, id, ng);
    });
    bool changed = word_combo("##kind", e.kind, ImGui::GetFontSize() * 8);
    ImGui::SameLine();
    changed |= word_combo("##camera", e.camera, ImGui::GetFontSize() * 6);
    changed |= ImGui::Checkbox("worn at the top of the scene", &e.worn);
    if (changed) edit_document(s, "Edit garment", set_garment(*s.document(), id, e));
    ImGui::TextWrapped("covers %s", region_words(e.covers).c_str());
    if (ImGui::SmallButton("Delete garment")) edit_document(s, "Delete garment", remove_garment(*s.document(), id));
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##garment_pictures", ImVec2(0, page_h * 0.9f), false);
  if (s.document()->garment(n.garment) && s.document()->garment(n.garment)->wearer == p.id)
    picture_pair(s, p, page_h * 0.9f - ImGui::GetTextLineHeightWithSpacing() * 2, garment_look, true);
  else
    ImGui::TextDisabled("No garment chosen.");
  ImGui::EndChild();
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] The window

void draw_body_map_window(EditorState& s, const UiFonts& fonts, const Layout& layout) {
  NotationUi& n = s.notation;
  if (n.body_map_performer.empty()) return;
  const Document* d = s.document();
  const Performer* p = d ? d->performer(n.body_map_performer) : nullptr;
  if (!p) {
    n.body_map_performer.clear();
    return;
  }
  ImGui::SetNextWindowPos(ImVec2(layout.origin.x + layout.left_w, layout.origin.y), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(layout.size.x - layout.left_w - layout.right_w, layout.size.y), ImGuiCond_Appearing);
  bool open = true;
  const std::string title = display_name(*p) + " \u2014 body map, rider and garments###body_map";
  if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  if (!open) {
    if (!n.stroke.empty()) end_stroke(s);
    n.body_map_performer.clear();
    ImGui::End();
    return;
  }
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(display_name(*p).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s  ·  %.2f m  ·  %s", p->actor.c_str(), p->height_m, std::string(vocab_label(p->build)).c_str());
  const Performer performer = *p;  // the pages read it; edits replace the document
  if (ImGui::BeginTabBar("##pages")) {
    const float page_h = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing();
    const auto tab = [&](const char* name, NotationUi::Page page) {
      const ImGuiTabItemFlags f = n.page == page && n.page_shown != page ? ImGuiTabItemFlags_SetSelected : 0;
      if (!ImGui::BeginTabItem(name, nullptr, f)) return false;
      // A tab the user clicked becomes the page; a page asked for (by a test or a link) is selected above.
      if (n.page_shown != page && (n.page == n.page_shown || n.page == page)) n.page = page;
      n.page_shown = page;
      return true;
    };
    if (tab("Body map", NotationUi::Page::body_map)) {
      body_map_page(s, fonts, performer, page_h);
      ImGui::EndTabItem();
    }
    if (tab("Rider", NotationUi::Page::rider)) {
      rider_page(s, performer);
      ImGui::EndTabItem();
    }
    if (tab("Garments", NotationUi::Page::garments)) {
      garments_page(s, performer, page_h);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace cs::editor
