// timeline_panel.cpp — the counted timeline: transport, a count ruler at tempo
// with bars, the beats as labelled blocks, the checks' findings where they
// occur, and one lane per performer with their contacts, breath cues and
// eyelines against the counts (in the manner of a staging score).
// Click or drag on the ruler to scrub; click a beat to go to it; drag a beat to
// move it, its edges to resize it (half counts, never over a neighbour);
// right-click a beat for split and delete; click a lane's breath row to add a
// cue, drag a cue to move it. Each drag is one undo step.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include <imgui.h>

#include "app/editor/notation_widgets.hpp"
#include "app/editor/panels.hpp"
#include "notation/conventions.hpp"
#include "notation/phrasing.hpp"

namespace cs::editor {

namespace {

constexpr ImU32 kAccent = IM_COL32(232, 176, 74, 255);

// Text clipped to a rectangle on the CPU (whole glyphs dropped, edge glyphs
// cut), not with a clip rect: every PushClipRect starts a new draw command,
// and a timeline of 64 beats made hundreds of them per frame.
void clipped_text(ImDrawList* dl, ImVec2 pos, ImU32 col, const char* text, ImVec2 clip_min, ImVec2 clip_max,
                  ImFont* font = nullptr) {
  if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) return;
  if (!font) font = ImGui::GetFont();
  const ImVec4 clip(clip_min.x, clip_min.y, clip_max.x, clip_max.y);
  dl->AddText(font, font->FontSize, pos, col, text, nullptr, 0.0f, &clip);
}

// A one-pixel vertical or horizontal rule: axis-aligned, so a plain rectangle
// (4 vertices) draws it as crisply as an anti-aliased line (three times as many).
void vrule(ImDrawList* dl, float x, float y0, float y1, ImU32 col) { dl->AddRectFilled(ImVec2(x, y0), ImVec2(x + 1, y1), col); }

// "1:02.50" from seconds.
std::string clock(double seconds) {
  char buf[32];
  const int m = static_cast<int>(seconds / 60);
  std::snprintf(buf, sizeof buf, "%d:%05.2f", m, seconds - m * 60.0);
  return buf;
}

void draw_transport(EditorState& s, const UiFonts& fonts) {
  const Document* d = s.document();
  ImGui::BeginDisabled(!d);
  auto button = [&](const char* label, const char* id, const char* tip) {
    char full[64];
    std::snprintf(full, sizeof full, "%s##%s", label, id);
    const bool pressed = ImGui::Button(full, ImVec2(ImGui::GetFrameHeight() * 1.5f, 0));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    ImGui::SameLine(0, 3);
    return pressed;
  };
  if (button(fonts.prev_beat, "pb", "Previous beat (Up)")) step_beat(s, -1);
  if (button(fonts.prev_count, "pc", "Previous count (Left)")) step_count(s, -1);
  if (s.playing) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.55f, 0.41f, 0.16f, 1));
  const bool play = button(s.playing ? fonts.pause : fonts.play, "play", "Play / pause at tempo (Space)");
  if (s.playing) ImGui::PopStyleColor();
  if (play) toggle_play(s);
  if (button(fonts.next_count, "nc", "Next count (Right)")) step_count(s, +1);
  if (button(fonts.next_beat, "nb", "Next beat (Down)")) step_beat(s, +1);
  ImGui::SameLine(0, 14);

  ImGui::PushFont(fonts.mono);
  const double first = s.first_count();
  // "count 13 · bar 2, count 5": as the ruler and the sheets count (notation/conventions.hpp).
  const std::string position = position_words(s.count, first);
  ImGui::AlignTextToFramePadding();
  const float position_x = ImGui::GetCursorPosX();
  ImGui::TextUnformatted(position.c_str());
  // The room of a long position, so what follows holds still while the playhead runs.
  const float position_w = std::max(ImGui::CalcTextSize(position.c_str()).x,
                                    ImGui::CalcTextSize("count 888.88 \u00b7 bar 88, count 8.88").x);
  ImGui::SameLine(position_x + position_w + 14);
  ImGui::TextDisabled("%s", clock(d ? (s.count - first) * d->seconds_per_count() : 0).c_str());
  ImGui::PopFont();
  ImGui::SameLine(0, 14);
  if (d) ImGui::TextDisabled("%.0f bpm", d->choreography.tempo_bpm);
  ImGui::SameLine(0, 14);
  ImGui::Checkbox("Loop beat", &s.loop_beat);
  ImGui::SameLine(0, 22);
  if (ImGui::Button("+ Beat")) add_beat_at_playhead(s);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add a placeholder beat at the playhead, or after the beat under it (B)");
  ImGui::SameLine(0, 4);
  ImGui::BeginDisabled(current_beat_index(s) < 0);
  if (ImGui::Button("Split")) split_beat_at_playhead(s);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Split the beat under the playhead there (S)");
  ImGui::EndDisabled();
  ImGui::EndDisabled();

  const float zoom_w = 160 * fonts.scale;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 10, ImGui::GetWindowContentRegionMax().x - zoom_w));
  ImGui::SetNextItemWidth(zoom_w);
  ImGui::SliderFloat("##zoom", &s.timeline_zoom, 1.0f, 8.0f, "zoom %.1f×", ImGuiSliderFlags_Logarithmic);
}

// Where everything sits in the lanes child: counts to x and back, the rows'
// tops, and what is scrolled into sight. One per frame, shared by the parts below.
struct TimelineGrid {
  ImVec2 origin;               // top left of the content (moves with the scroll)
  ImVec2 win_pos;              // top left of the lanes child on screen
  float view_w = 0, content_w = 0, content_h = 0;
  float sc = 1, header_w = 0, ruler_h = 0, beats_h = 0, findings_h = 0, cameras_h = 0, row_h = 0, lane_h = 0;
  double c0 = 0, c1 = 0;       // the counts the content spans
  float ppc = 1;               // pixels per count
  std::size_t lanes = 0;
  float y_ruler = 0, y_beats = 0, y_findings = 0, y_cameras = 0, y_lanes = 0, y_end = 0;
  float view_x0 = 0, view_x1 = 0;
  double vis_c0 = 0, vis_c1 = 0;

  float x_of(double count) const { return origin.x + header_w + static_cast<float>(count - c0) * ppc; }
  double count_of(float x) const { return c0 + static_cast<double>(x - origin.x - header_w) / ppc; }
  // What is scrolled out of sight (zoomed in) is not emitted.
  bool visible(double from, double to) const { return to >= vis_c0 && from <= vis_c1; }
  // Count and bar lines down the beats, the camera moves and the lanes (not the findings strip).
  void count_line(ImDrawList* dl, float x, float w, ImU32 col) const {
    dl->AddRectFilled(ImVec2(x, y_beats), ImVec2(x + w, y_findings), col);
    if (y_end > y_cameras) dl->AddRectFilled(ImVec2(x, y_cameras), ImVec2(x + w, y_end), col);
  }
};

// [SECTION] Backgrounds of the ruler, beats, findings and performer lanes,
// opaque, before the count lines that run over them.
void draw_backgrounds(const TimelineGrid& g, ImDrawList* dl) {
  const float x0 = g.origin.x, x1 = g.origin.x + g.content_w;
  dl->AddRectFilled(ImVec2(x0, g.y_ruler), ImVec2(x1, g.y_beats), IM_COL32(26, 27, 31, 255));
  dl->AddRectFilled(ImVec2(x0, g.y_beats), ImVec2(x1, g.y_findings), IM_COL32(31, 33, 37, 255));
  dl->AddRectFilled(ImVec2(x0, g.y_findings), ImVec2(x1, g.y_cameras), IM_COL32(24, 25, 29, 255));
  if (g.cameras_h > 0) dl->AddRectFilled(ImVec2(x0, g.y_cameras), ImVec2(x1, g.y_lanes), IM_COL32(27, 29, 33, 255));
  for (std::size_t li = 0; li < g.lanes; ++li) {
    const float y = g.y_lanes + g.lane_h * static_cast<float>(li);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + g.lane_h), li % 2 == 0 ? IM_COL32(34, 36, 39, 255) : IM_COL32(29, 31, 34, 255));
  }
}

// [SECTION] Ruler: counts, half counts, bars; click or drag to scrub
void draw_ruler(EditorState& s, const TimelineGrid& g, ImDrawList* dl) {
  const double first = s.first_count();
  for (double c = std::ceil(std::max(g.c0, g.vis_c0) * 2) / 2; c <= std::min(g.c1, g.vis_c1 + 0.5); c += 0.5) {
    const float x = g.x_of(c);
    const bool whole = std::fabs(c - std::round(c)) < 1e-9;
    const bool bar = whole && bar_starts_at(c, first);
    if (bar) {
      g.count_line(dl, x, 1, IM_COL32(70, 74, 84, 255));
      char t[32];
      std::snprintf(t, sizeof t, "BAR %lld", bar_at(c, first).bar);
      dl->AddText(ImVec2(x + 4, g.y_ruler + 2), IM_COL32(150, 155, 166, 255), t);
    } else if (whole) {
      g.count_line(dl, x, 1, IM_COL32(46, 49, 56, 255));
    }
    const float tick = bar ? g.ruler_h * 0.5f : whole ? g.ruler_h * 0.32f : g.ruler_h * 0.16f;
    vrule(dl, x, g.y_beats - tick, g.y_beats, IM_COL32(120, 125, 135, 255));
    if (whole && g.ppc > 18 * g.sc) {
      char t[16];
      std::snprintf(t, sizeof t, "%d", static_cast<int>(std::lround(c)));
      dl->AddText(ImVec2(x + 3, g.y_beats - ImGui::GetTextLineHeight() - 1), IM_COL32(200, 203, 210, 255), t);
    }
  }
  // Scrub on the ruler; snapped to quarter counts unless Alt is held.
  ImGui::SetCursorScreenPos(ImVec2(g.origin.x + g.header_w, g.y_ruler));
  ImGui::InvisibleButton("##ruler", ImVec2(std::max(g.content_w - g.header_w, 1.0f), g.ruler_h));
  if (ImGui::IsItemActive() && s.document()) {
    double c = g.count_of(ImGui::GetIO().MousePos.x);
    if (!ImGui::GetIO().KeyAlt) c = std::round(c * 4) / 4;
    s.playing = false;
    set_count(s, c);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click or drag to scrub (Alt: no snapping)");
}

// [SECTION] Beats: click to go, drag to move, drag an edge to resize, right-click for more
void draw_beats(EditorState& s, const TimelineGrid& g, ImDrawList* dl) {
  const Document* d = s.document();
  if (!d) return;
  const float sc = g.sc;
  const int current_index = current_beat_index(s);
  enum class Deferred { none, split, remove, add } deferred = Deferred::none;
  std::size_t deferred_index = 0;
  const float mouse_x = ImGui::GetIO().MousePos.x;
  bool stop = false;
  for (std::size_t i = 0; i < d->choreography.beats.size() && !stop; ++i) {
    const Beat& b = d->choreography.beats[i];
    // Out of sight: nothing to draw or click, unless it is being dragged.
    if (!g.visible(b.start_count, b.end_count()) && !(s.drag.kind != BeatDrag::none && s.drag.index == i)) continue;
    const ImVec2 a(g.x_of(b.start_count) + 1, g.y_beats + 4 * sc), z(g.x_of(b.end_count()) - 1, g.y_findings - 4 * sc);
    const bool is_current = static_cast<int>(i) == current_index;
    const bool dragged = s.drag.kind != BeatDrag::none && s.drag.index == i && s.drag.moved;
    const ImU32 fill = is_current ? IM_COL32(120, 92, 40, 255) : (i % 2 ? IM_COL32(58, 64, 78, 255) : IM_COL32(52, 58, 71, 255));
    dl->AddRectFilled(a, z, fill, 4 * sc);
    if (b.placeholder) dl->AddRect(a, z, IM_COL32(200, 200, 210, 160), 4 * sc, 0, 1.5f);
    if (is_current || dragged) dl->AddRect(a, z, dragged ? IM_COL32(255, 255, 255, 220) : kAccent, 4 * sc, 0, 1.5f);
    char t[160];
    std::snprintf(t, sizeof t, "%s  %s", b.id.c_str(), b.label.c_str());
    clipped_text(dl, ImVec2(a.x + 6 * sc, a.y + (z.y - a.y - ImGui::GetTextLineHeight()) * 0.5f), IM_COL32(236, 238, 242, 255), t, a, z);

    ImGui::PushID(static_cast<int>(i));
    // Edges first (a few pixels each side of the block's ends), then the body.
    const float edge = std::min(6 * sc, (z.x - a.x) * 0.25f);
    struct Zone {
      const char* id;
      BeatDrag::Kind kind;
      float x0, x1;
    };
    const Zone zones[3] = {{"##left", BeatDrag::left_edge, a.x - 2 * sc, a.x + edge},
                           {"##right", BeatDrag::right_edge, z.x - edge, z.x + 2 * sc},
                           {"##body", BeatDrag::move, a.x + edge, z.x - edge}};
    for (const Zone& zn : zones) {
      if (zn.x1 - zn.x0 < 1) continue;
      ImGui::SetCursorScreenPos(ImVec2(zn.x0, a.y));
      ImGui::InvisibleButton(zn.id, ImVec2(zn.x1 - zn.x0, z.y - a.y));
      if (zn.kind != BeatDrag::move && (ImGui::IsItemHovered() || ImGui::IsItemActive())) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
      if (ImGui::IsItemActivated()) {
        s.playing = false;
        begin_beat_drag(s, zn.kind, i, mouse_x);
      }
      if (ImGui::IsItemActive()) update_beat_drag(s, mouse_x, g.ppc);
      if (ImGui::IsItemDeactivated()) {
        // The document may be replaced here, so `b` is not used after this;
        // the rest of the beats wait a frame.
        if (s.drag.kind != BeatDrag::none && !s.drag.moved) {
          const double go = s.drag.start;
          s.history.cancel();  // a click, not a drag: go to the beat
          s.drag = {};
          set_count(s, go);
        } else {
          finish_interaction(s);
        }
        stop = true;
        break;
      }
      if (ImGui::IsItemHovered() && !ImGui::IsItemActive() && zn.kind == BeatDrag::move)
        ImGui::SetTooltip("%s  %s\ncounts %g – %g\n%s\n\nDrag to move, drag an edge to resize, right-click for more",
                          b.id.c_str(), b.label.c_str(), b.start_count, b.end_count(), b.action.c_str());
      if (ImGui::BeginPopupContextItem("##beat_menu")) {
        ImGui::TextDisabled("%s  %s", b.id.c_str(), b.label.c_str());
        ImGui::Separator();
        const bool inside = s.count > b.start_count && s.count < b.end_count();
        if (ImGui::MenuItem("Split at playhead", "S", false, inside)) { deferred = Deferred::split; deferred_index = i; }
        if (ImGui::MenuItem("Add beat after", nullptr)) { deferred = Deferred::add; deferred_index = i; }
        if (ImGui::MenuItem("Delete beat", "Delete")) { deferred = Deferred::remove; deferred_index = i; }
        ImGui::EndPopup();
      }
    }
    ImGui::PopID();
  }
  // Edits that change the list of beats wait until the loop over it is done.
  switch (deferred) {
    case Deferred::none: break;
    case Deferred::split: split_beat_at_playhead(s); break;
    case Deferred::remove: delete_beat(s, deferred_index); break;
    case Deferred::add:
      set_count(s, d->choreography.beats[deferred_index].start_count);
      add_beat_at_playhead(s);
      break;
  }
}

// [SECTION] Findings: severity-coloured marks where they occur
void draw_finding_marks(EditorState& s, const TimelineGrid& g, ImDrawList* dl, const UiFonts& fonts) {
  if (!s.document() || !s.checks.have) return;
  const float sc = g.sc;
  const FindingsState& fs = s.checks;
  const float mark_h = (g.findings_h - 6 * sc) / 3.0f;
  float row_end[3] = {-1e9f, -1e9f, -1e9f};
  int hovered = -1;
  const float alpha = fs.running ? 0.45f : 1.0f;
  // Errors last, so they sit on top where marks overlap.
  for (int sev = 0; sev < 3; ++sev) {
    for (std::size_t k = 0; k < fs.findings.size(); ++k) {
      const Finding& f = fs.findings[k];
      if (static_cast<int>(f.severity) != sev) continue;
      const bool show = f.severity == Severity::error ? fs.show_error : f.severity == Severity::warning ? fs.show_warning : fs.show_info;
      if (!show) continue;
      const float x0 = g.x_of(f.from_count), x1 = std::max(g.x_of(f.to_count), x0 + 5 * sc);
      if (x1 < g.view_x0 || x0 > g.view_x1) continue;
      int row = 0;
      while (row < 2 && row_end[row] > x0) ++row;
      row_end[row] = std::max(row_end[row], x1 + 2);
      const float y0 = g.y_findings + 3 * sc + mark_h * static_cast<float>(row);
      const ImVec2 p0(x0, y0), p1(x1, y0 + mark_h - 1);
      dl->AddRectFilled(p0, p1, severity_color_u32(f.severity, alpha), 2 * sc);
      if (static_cast<int>(k) == fs.hovered) dl->AddRect(p0, p1, IM_COL32_WHITE, 2 * sc, 0, 1.5f);
      if (ImGui::IsMouseHoveringRect(p0, p1) && ImGui::IsWindowHovered()) hovered = static_cast<int>(k);
    }
  }
  s.checks.hovered = hovered;
  ImGui::SetCursorScreenPos(ImVec2(g.origin.x + g.header_w, g.y_findings));
  ImGui::InvisibleButton("##findings_lane", ImVec2(std::max(g.content_w - g.header_w, 1.0f), g.findings_h));
  if (hovered < 0) return;
  const Finding& f = fs.findings[static_cast<std::size_t>(hovered)];
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(severity_color_u32(f.severity)));
  ImGui::Text("%s  ·  %s", std::string(severity_name(f.severity)).c_str(), std::string(finding_info(f.code).id).c_str());
  ImGui::PopStyleColor();
  if (f.to_count > f.from_count) ImGui::TextDisabled("counts %g – %g%s%s", f.from_count, f.to_count, f.camera.empty() ? "" : "  ·  camera ", f.camera.c_str());
  else ImGui::TextDisabled("count %g%s%s", f.from_count, f.camera.empty() ? "" : "  ·  camera ", f.camera.c_str());
  ImGui::TextUnformatted(f.message.c_str());
  if (!f.suggestion.empty()) ImGui::TextDisabled("%s %s", fonts.arrow, f.suggestion.c_str());
  ImGui::TextDisabled("Click to go there");
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
  if (ImGui::IsItemClicked()) go_to_finding(s, f);
}

// [SECTION] Performer lanes: contacts, breath, eyelines
void draw_performer_lane(const Document* d, const TimelineGrid& g, ImDrawList* dl, const UiFonts& fonts, std::size_t li) {
  const float sc = g.sc, row_h = g.row_h;
  const Performer& p = d->performers[li];
  const float y = g.y_lanes + g.lane_h * static_cast<float>(li);
  dl->AddRectFilled(ImVec2(g.origin.x, y), ImVec2(g.origin.x + g.content_w, y + 1), IM_COL32(20, 21, 24, 255));
  const ImU32 col = performer_color_u32(static_cast<int>(li));
  const ImU32 col_soft = performer_color_u32(static_cast<int>(li), 0.55f);
  const float r0 = y + 3 * sc, r1 = r0 + row_h, r2 = r1 + row_h;
  for (const Beat& b : d->choreography.beats) {
    if (!g.visible(b.start_count, b.end_count())) continue;
    const float bx = g.x_of(b.start_count), ex = g.x_of(b.end_count());
    // Contacts given (filled) and received (outlined), at the beat's start.
    std::string given, received;
    for (const Contact& c : b.contacts) {
      if (c.giver == p.id)
        given += (given.empty() ? "" : "; ") + std::string(vocab_label(c.with)) + " " + fonts.arrow + " " +
                 display_name(*d, c.receiver) + " " + std::string(vocab_label(c.region));
      if (c.receiver == p.id)
        received += (received.empty() ? "" : "; ") + std::string(vocab_label(c.region)) + " from " + display_name(*d, c.giver);
    }
    const std::string contact_text = given + (given.empty() || received.empty() ? "" : "  |  ") + received;
    if (!contact_text.empty()) {
      const float cy = r0 + row_h * 0.5f, rr = 4.5f * sc;
      const ImVec2 c(bx + 8 * sc, cy);
      const ImVec2 pts[4] = {ImVec2(c.x, c.y - rr), ImVec2(c.x + rr, c.y), ImVec2(c.x, c.y + rr), ImVec2(c.x - rr, c.y)};
      if (!given.empty()) dl->AddConvexPolyFilled(pts, 4, col);
      else dl->AddPolyline(pts, 4, col, ImDrawFlags_Closed, 1.5f);
      clipped_text(dl, ImVec2(c.x + 8 * sc, r0), IM_COL32(220, 222, 228, 255), contact_text.c_str(), ImVec2(bx, r0), ImVec2(ex - 2, r1));
    }
    // Breath cues at their own counts.
    for (const BreathNote& n : b.breath) {
      if (n.performer != p.id) continue;
      const float x = g.x_of(n.count), cy = r1 + row_h * 0.5f;
      dl->AddCircle(ImVec2(x, cy), 4 * sc, col, 12, 1.5f);
      clipped_text(dl, ImVec2(x + 7 * sc, r1), IM_COL32(190, 194, 202, 255), std::string(vocab_label(n.cue)).c_str(), ImVec2(x, r1),
                   ImVec2(ex - 2, r2));
    }
    // Eyelines: a dashed line across the beat.
    for (const Eyeline& e : b.eyelines) {
      if (e.performer != p.id) continue;
      const float cy = r2 + row_h * 0.5f;
      // Horizontal dashes: plain rectangles (an anti-aliased line each was 12 vertices).
      const float half_t = 0.75f * sc;
      for (float x = bx + 4 * sc; x < ex - 4 * sc; x += 8 * sc)
        dl->AddRectFilled(ImVec2(x, cy - half_t), ImVec2(std::min(x + 4 * sc, ex - 4 * sc), cy + half_t), col_soft);
      std::string t = std::string("eyes ") + fonts.arrow + " ";
      if (!e.target.performer.empty()) {
        t += display_name(*d, e.target.performer);
        if (e.target.region) t += " " + std::string(vocab_label(*e.target.region));
      } else if (!e.target.camera.empty()) t += "camera " + e.target.camera;
      else t += "point";
      const ImVec2 ts = ImGui::CalcTextSize(t.c_str());
      const float tag_x1 = std::min(bx + 12 * sc + ts.x, ex - 2);
      if (tag_x1 > bx + 6 * sc)
        dl->AddRectFilled(ImVec2(bx + 6 * sc, r2), ImVec2(tag_x1, r2 + row_h - 1), IM_COL32(29, 30, 35, 255), 3,
                          tag_x1 < bx + 12 * sc + ts.x ? ImDrawFlags_RoundCornersLeft : ImDrawFlags_RoundCornersAll);
      clipped_text(dl, ImVec2(bx + 9 * sc, r2), IM_COL32(190, 194, 202, 255), t.c_str(), ImVec2(bx, r2), ImVec2(ex - 2, r2 + row_h));
    }
  }
}

// [SECTION] The breath row of each lane: click to add a cue (choose which),
// drag a cue along the counts (snapped to half counts, into whichever beat
// holds the count). One undo step per click or drag.
void breath_row_input(EditorState& s, const TimelineGrid& g, std::size_t li) {
  const Document* d = s.document();
  if (!d || li >= d->performers.size()) return;
  const std::string performer = d->performers[li].id;
  const float y = g.y_lanes + g.lane_h * static_cast<float>(li) + 3 * g.sc + g.row_h;
  ImGui::SetCursorScreenPos(ImVec2(g.origin.x + g.header_w, y));
  ImGui::PushID(static_cast<int>(li));
  ImGui::InvisibleButton("##breath_row", ImVec2(std::max(g.content_w - g.header_w, 1.0f), g.row_h));
  const float mx = ImGui::GetIO().MousePos.x;
  if (ImGui::IsItemActivated()) {
    // On a cue of this performer (within 6 px): drag it; elsewhere: add one here.
    bool on_cue = false;
    for (std::size_t bi = 0; bi < d->choreography.beats.size() && !on_cue; ++bi)
      for (std::size_t i = 0; i < d->choreography.beats[bi].breath.size(); ++i) {
        const BreathNote& n = d->choreography.beats[bi].breath[i];
        if (n.performer == performer && std::fabs(g.x_of(n.count) - mx) <= 6 * g.sc) {
          begin_breath_drag(s, bi, i);
          on_cue = true;
          break;
        }
      }
    if (!on_cue) {
      s.notation.breath_add_performer = performer;
      s.notation.breath_add_count = snap_count(g.count_of(mx));
      ImGui::OpenPopup("##add_breath");
    }
  } else if (ImGui::IsItemActive() && s.notation.breath_drag.active) {
    update_breath_drag(s, g.count_of(mx));
  }
  if (ImGui::IsItemDeactivated() && s.notation.breath_drag.active) end_breath_drag(s);
  if (ImGui::IsItemHovered() && !ImGui::IsItemActive())
    ImGui::SetTooltip("Breath: click to add a cue at count %s; drag a cue to move it",
                      count_label(snap_count(g.count_of(mx))).c_str());
  if (ImGui::BeginPopup("##add_breath")) {
    ImGui::TextDisabled("%s, count %s", display_name(*d, performer).c_str(), count_label(s.notation.breath_add_count).c_str());
    for (std::size_t c = 0; c < vocab_size<BreathCue>(); ++c) {
      const BreathCue cue = vocab_at<BreathCue>(c);
      if (ImGui::Selectable(std::string(vocab_label(cue)).c_str())) add_breath_at(s, performer, s.notation.breath_add_count, cue);
    }
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

// [SECTION] Camera moves: a marker a move (the camera's letter beside it);
// press one to select it, drag it along the counts (one undo step), right-click
// to go to it or delete it. Keyed with the camera inspector's "Key at count N".
void camera_moves_row(EditorState& s, const TimelineGrid& g, ImDrawList* dl) {
  const Document* d = s.document();
  if (!d || g.cameras_h <= 0) return;
  const float sc = g.sc, yc = g.y_cameras + g.cameras_h * 0.5f, r = 5.5f * sc, th = ImGui::GetTextLineHeight();
  const ImU32 gold = IM_COL32(240, 200, 90, 255);
  for (const Camera& c : d->cameras)
    for (std::size_t i = 0; i < c.moves.size(); ++i) {
      const double count = c.moves[i].count;
      if (!g.visible(count, count)) continue;
      const float x = g.x_of(count);
      const bool selected = s.selection.kind == SelectionKind::camera && s.selection.id == c.id && s.selection.move == i;
      const ImVec2 top(x, yc - r), right(x + r, yc), bottom(x, yc + r), left(x - r, yc);
      dl->AddQuadFilled(top, right, bottom, left, selected ? IM_COL32(255, 236, 180, 255) : gold);
      if (selected) dl->AddQuad(top, right, bottom, left, IM_COL32_WHITE, 1.5f);
      dl->AddText(ImVec2(x + r + 3 * sc, yc - th * 0.5f), IM_COL32(200, 203, 210, 255), c.id.c_str());
    }
  ImGui::SetCursorScreenPos(ImVec2(g.origin.x + g.header_w, g.y_cameras));
  ImGui::InvisibleButton("##camera_moves", ImVec2(std::max(g.content_w - g.header_w, 1.0f), g.cameras_h),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const float mx = ImGui::GetIO().MousePos.x;
  const std::optional<CameraMoveRef> near = camera_move_near(*d, g.count_of(mx), (r + 2 * sc) / g.ppc);
  if (ImGui::IsItemActivated() && near) {
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
      select_move(s, near->camera, near->index);
      s.move_menu = *near;
      ImGui::OpenPopup("##camera_move_menu");
    } else {
      begin_camera_move_drag(s, near->camera, near->index);
    }
  } else if (ImGui::IsItemActive() && s.move_drag.active) {
    update_camera_move_drag(s, g.count_of(mx));
  }
  if (ImGui::IsItemDeactivated() && s.move_drag.active) end_camera_move_drag(s);
  if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) {
    const Document* now = s.document();  // a press above may have begun an edit
    const Camera* c = near && now ? now->camera(near->camera) : nullptr;
    if (c && near->index < c->moves.size())
      ImGui::SetTooltip("Camera %s: move at count %s\nDrag to move it along the counts; right-click to delete it",
                        c->id.c_str(), count_label(c->moves[near->index].count).c_str());
    else
      ImGui::SetTooltip("Camera moves. Key one with the camera inspector's \"Key at count\"");
  }
  if (ImGui::BeginPopup("##camera_move_menu")) {
    const Camera* c = s.document() ? s.document()->camera(s.move_menu.camera) : nullptr;
    if (!c || s.move_menu.index >= c->moves.size()) {
      ImGui::CloseCurrentPopup();
    } else {
      const double count = c->moves[s.move_menu.index].count;
      ImGui::TextDisabled("Camera %s, move at count %s", c->id.c_str(), count_label(count).c_str());
      if (ImGui::MenuItem("Go to count")) set_count(s, count);
      if (ImGui::MenuItem("Delete move")) delete_camera_move(s, s.move_menu.camera, s.move_menu.index);
    }
    ImGui::EndPopup();
  }
}

// [SECTION] Playhead, kept in sight while playing
void draw_playhead(EditorState& s, const TimelineGrid& g, ImDrawList* dl) {
  const float x = g.x_of(s.count);
  dl->AddLine(ImVec2(x, g.y_ruler), ImVec2(x, g.y_end), kAccent, 2.0f);
  const float hw = 6 * g.sc;
  dl->AddTriangleFilled(ImVec2(x - hw, g.y_ruler), ImVec2(x + hw, g.y_ruler), ImVec2(x, g.y_ruler + hw * 1.4f), kAccent);
  if (s.playing && (x < g.win_pos.x + g.header_w || x > g.win_pos.x + g.view_w - 20 * g.sc))
    ImGui::SetScrollX(std::max(0.0f, x - g.origin.x - g.header_w - 40 * g.sc));
}

// [SECTION] Sticky lane headers (drawn last, over the scrolled content)
void draw_lane_headers(const EditorState& s, const TimelineGrid& g, ImDrawList* dl, const UiFonts& fonts) {
  const Document* d = s.document();
  const float sc = g.sc, x = g.win_pos.x;
  dl->AddRectFilled(ImVec2(x, g.y_ruler), ImVec2(x + g.header_w, std::max(g.y_end, g.y_lanes)), IM_COL32(31, 33, 37, 255));
  vrule(dl, x + g.header_w, g.y_ruler, g.y_end, IM_COL32(18, 19, 22, 255));
  const ImU32 grey = IM_COL32(140, 145, 155, 255);
  const float th = ImGui::GetTextLineHeight();
  dl->AddText(ImVec2(x + 8 * sc, g.y_ruler + (g.ruler_h - th) * 0.5f), grey, "COUNTS");
  dl->AddText(ImVec2(x + 8 * sc, g.y_beats + (g.beats_h - th) * 0.5f), grey, "BEATS");
  char t[64];
  if (!d || !s.checks.have) std::snprintf(t, sizeof t, d ? "FINDINGS  …" : "FINDINGS");
  else std::snprintf(t, sizeof t, "FINDINGS  %zu%s", s.checks.findings.size(), s.checks.running ? " …" : "");
  dl->AddText(ImVec2(x + 8 * sc, g.y_findings + (g.findings_h - th) * 0.5f), grey, t);
  if (g.cameras_h > 0) dl->AddText(ImVec2(x + 8 * sc, g.y_cameras + (g.cameras_h - th) * 0.5f), grey, "CAMERA MOVES");
  for (std::size_t li = 0; li < g.lanes; ++li) {
    const Performer& p = d->performers[li];
    const float y = g.y_lanes + g.lane_h * static_cast<float>(li);
    dl->AddRectFilled(ImVec2(x + 6 * sc, y + 6 * sc), ImVec2(x + 9 * sc, y + g.lane_h - 6 * sc), performer_color_u32(static_cast<int>(li)));
    // Names stay inside the lane header, however long.
    const ImVec2 clip0(x, y), clip1(x + g.header_w - 6 * sc, y + g.lane_h);
    clipped_text(dl, ImVec2(x + 16 * sc, y + 4 * sc), IM_COL32(230, 232, 236, 255), display_name(p).c_str(), clip0, clip1, fonts.bold);
    clipped_text(dl, ImVec2(x + 16 * sc, y + 4 * sc + g.row_h), grey, p.actor.c_str(), clip0, clip1);
  }
}

// The lanes' colour where the lanes child paints nothing (its padding and
// border, the scrollbar's track, below the last lane), on channel 0 of the
// timeline window, so no pixel is filled twice.
void fill_around_lanes(ImDrawList* wdl, ImVec2 lanes_top, ImVec2 covered_min, ImVec2 covered_max) {
  const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
  const ImVec2 p0(wp.x, lanes_top.y), p1(wp.x + ws.x, wp.y + ws.y);
  const ImU32 lane_bg = IM_COL32(29, 31, 34, 255);
  wdl->ChannelsSetCurrent(0);
  if (covered_max.x <= covered_min.x || covered_max.y <= covered_min.y) {
    wdl->AddRectFilled(p0, p1, lane_bg);
  } else {
    wdl->AddRectFilled(p0, ImVec2(p1.x, covered_min.y), lane_bg);
    wdl->AddRectFilled(ImVec2(p0.x, covered_max.y), p1, lane_bg);
    wdl->AddRectFilled(ImVec2(p0.x, covered_min.y), ImVec2(covered_min.x, covered_max.y), lane_bg);
    wdl->AddRectFilled(ImVec2(covered_max.x, covered_min.y), ImVec2(p1.x, covered_max.y), lane_bg);
  }
  wdl->ChannelsSetCurrent(1);
}

}  // namespace

void draw_timeline_panel(EditorState& s, const UiFonts& fonts, const Layout& layout) {
  ImGui::SetNextWindowPos(ImVec2(layout.origin.x, layout.origin.y + layout.size.y - layout.bottom_h));
  ImGui::SetNextWindowSize(ImVec2(layout.size.x, layout.bottom_h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;
  if (!ImGui::Begin("Timeline", nullptr, flags)) {
    ImGui::End();
    return;
  }
  // The lanes paint their own part of the window, opaque; the window's
  // background is painted only behind the transport row and, in the lanes'
  // colour, around what the lanes cover (channel 0, under the widgets), so no
  // pixel is filled twice: a software rasteriser pays for every one.
  ImDrawList* wdl = ImGui::GetWindowDrawList();
  wdl->ChannelsSplit(2);
  wdl->ChannelsSetCurrent(1);
  draw_transport(s, fonts);
  ImGui::Spacing();
  {
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    wdl->ChannelsSetCurrent(0);
    wdl->AddRectFilled(ImVec2(wp.x, wp.y + ImGui::GetWindowContentRegionMin().y - ImGui::GetStyle().WindowPadding.y),
                       ImVec2(wp.x + ws.x, ImGui::GetCursorScreenPos().y), ImGui::GetColorU32(ImGuiCol_WindowBg));
    wdl->ChannelsSetCurrent(1);
  }
  const ImVec2 lanes_top = ImGui::GetCursorScreenPos();

  TimelineGrid g;
  const Document* d = s.document();
  g.sc = fonts.scale;
  g.header_w = 150 * g.sc;
  g.ruler_h = 28 * g.sc;
  g.beats_h = 32 * g.sc;
  g.findings_h = 24 * g.sc;
  g.row_h = ImGui::GetTextLineHeight() + 1 * g.sc;
  g.lane_h = g.row_h * 3 + 6 * g.sc;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // Room before count 1 and after the last beat, to drag beats into and add them.
  g.c0 = std::min(s.first_count(), 1.0) - 0.5;
  g.c1 = s.last_count() + 2.5;
  const float fit_ppc = static_cast<float>((avail.x - g.header_w - 16 * g.sc) / std::max(g.c1 - g.c0, 1.0));
  g.ppc = std::max(fit_ppc, 12.0f * g.sc) * s.timeline_zoom;
  g.content_w = g.header_w + static_cast<float>(g.c1 - g.c0) * g.ppc + 8 * g.sc;
  g.lanes = d ? d->performers.size() : 0;
  g.cameras_h = d && !d->cameras.empty() ? g.row_h + 6 * g.sc : 0;
  g.content_h = g.ruler_h + g.beats_h + g.findings_h + g.cameras_h + g.lane_h * static_cast<float>(g.lanes) + 4 * g.sc;

  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));  // painted by the parent, above
  ImGui::BeginChild("##lanes", avail, true, ImGuiWindowFlags_HorizontalScrollbar);
  g.origin = ImGui::GetCursorScreenPos();  // moves with the scroll
  g.win_pos = ImGui::GetWindowPos();
  g.view_w = ImGui::GetWindowWidth();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 cm = dl->GetClipRectMin(), cx = dl->GetClipRectMax();
  const ImVec2 covered_min(std::max(cm.x, g.origin.x), std::max(cm.y, g.origin.y));
  const ImVec2 covered_max(std::min(cx.x, g.origin.x + g.content_w), std::min(cx.y, g.origin.y + g.content_h - 4 * g.sc));
  g.y_ruler = g.origin.y;
  g.y_beats = g.y_ruler + g.ruler_h;
  g.y_findings = g.y_beats + g.beats_h;
  g.y_cameras = g.y_findings + g.findings_h;
  g.y_lanes = g.y_cameras + g.cameras_h;
  g.y_end = g.y_lanes + g.lane_h * static_cast<float>(g.lanes);
  // The part of the lanes right of the sticky headers, with a margin for text
  // that starts left of it and runs in.
  g.view_x0 = g.win_pos.x + g.header_w;
  g.view_x1 = g.win_pos.x + g.view_w;
  g.vis_c0 = g.count_of(g.view_x0 - 200 * g.sc);
  g.vis_c1 = g.count_of(g.view_x1);

  draw_backgrounds(g, dl);
  draw_ruler(s, g, dl);
  draw_beats(s, g, dl);
  d = s.document();  // an edit above may have replaced the document
  g.lanes = d ? std::min(g.lanes, d->performers.size()) : 0;
  draw_finding_marks(s, g, dl, fonts);
  for (std::size_t li = 0; li < g.lanes; ++li) draw_performer_lane(d, g, dl, fonts, li);
  for (std::size_t li = 0; li < g.lanes; ++li) breath_row_input(s, g, li);
  camera_moves_row(s, g, dl);
  d = s.document();
  if (d) draw_playhead(s, g, dl);
  draw_lane_headers(s, g, dl, fonts);

  ImGui::SetCursorScreenPos(g.origin);
  ImGui::Dummy(ImVec2(g.content_w, g.content_h));
  ImGui::EndChild();
  ImGui::PopStyleColor();
  fill_around_lanes(wdl, lanes_top, covered_min, covered_max);
  wdl->ChannelsMerge();
  ImGui::End();
}

}  // namespace cs::editor
