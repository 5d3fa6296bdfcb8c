// viewport_panel.cpp — the stage at the playhead, drawn offscreen by render/
// and shown as an image: free orbit view, or through a scene camera on its lens
// with frame lines and the lens data on screen.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/editor/panels.hpp"
#include "app/editor/pose_tools.hpp"
#include "notation/conventions.hpp"
#include "notation/masking.hpp"
#include "notation/phrasing.hpp"
#include "render/color_modes.hpp"
#include "render/view.hpp"
#include "notation/checks.hpp"

namespace cs::editor {

namespace {

// Text with a dark halo so it reads over any part of the picture.
void shadowed_text(ImDrawList* dl, ImVec2 p, ImU32 color, const char* text) {
  dl->AddText(ImVec2(p.x + 1, p.y + 1), IM_COL32(0, 0, 0, 200), text);
  dl->AddText(p, color, text);
}

ImU32 to_u32(glm::vec4 c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }

// Lens block drawn in the top-left corner when looking through a camera.
// Returns the right edge of the block, so other readouts can keep clear of it.
float draw_lens_hud(const Document& d, const Stage& st, const StageCamera& sc, ImDrawList* dl, ImVec2 at, const UiFonts& fonts,
                    LensHudCache& cache, std::uint64_t generation, bool playing) {
  const Camera& cam = d.cameras[static_cast<std::size_t>(sc.index)];
  const LensFrame& lens = sc.lens;
  // Shot size as the masking engine names it (which regions of the nearest
  // performer are in frame): still, on the default grid, so it reads what
  // `closedset masking` says; while playing, on a small grid (the default
  // would cost about 4 ms a frame). Cast once per stage and camera.
  const int width = playing ? 96 : kDefaultMaskingWidth;
  if (!cache.valid || cache.generation != generation || cache.count != st.count || cache.camera != cam.id ||
      cache.width != width) {
    MaskingOptions mo;
    mo.width = width;
    mo.threads = 1;
    const CameraMasking m = mask_camera(st, sc.index, mo);
    cache.shot = m.shot_performer >= 0 ? std::string(shot_size_name(m.shot)) : std::string();
    cache.subject_m = 0;
    if (m.shot_performer >= 0) {
      const StagePerformer& sp = st.performers[static_cast<std::size_t>(m.shot_performer)];
      cache.subject_m = glm::length(glm::dvec3(sp.joints[static_cast<std::size_t>(Joint::spine_upper)].position) - sc.basis.position);
    }
    cache.valid = true;
    cache.generation = generation;
    cache.count = st.count;
    cache.camera = cam.id;
    cache.width = width;
  }
  const char* shot = cache.shot.c_str();
  const double best = cache.subject_m;
  char lines[4][200];
  std::snprintf(lines[0], sizeof lines[0], "CAMERA %s%s%s", cam.id.c_str(), cam.label.empty() ? "" : "  ·  ", cam.label.c_str());
  std::snprintf(lines[1], sizeof lines[1], "%.0f mm  ·  %s %.2f × %.2f mm", sc.focal_mm, std::string(camera_sensor(cam).label).c_str(),
                lens.sensor_w_mm, lens.sensor_h_mm);
  std::snprintf(lines[2], sizeof lines[2], "%.2f:1 (%s fit)  ·  HFOV %.1f°  VFOV %.1f°", lens.aspect,
                std::string(vocab_label(cam.fit)).c_str(), lens.hfov_deg, lens.vfov_deg);
  if (*shot)
    std::snprintf(lines[3], sizeof lines[3], "%s  ·  subject at %.1f m  ·  frame %.2f m wide there", shot, best,
                  best * lens.frame_w_mm / std::max(1e-9, sc.focal_mm));
  else std::snprintf(lines[3], sizeof lines[3], "no performer in front of the lens");

  const float lh = ImGui::GetTextLineHeightWithSpacing();
  float w = 0;
  for (const auto& l : lines) w = std::max(w, ImGui::CalcTextSize(l).x);
  dl->AddRectFilled(ImVec2(at.x - 6, at.y - 4), ImVec2(at.x + w + 8, at.y + 4 * lh + 2), IM_COL32(12, 13, 16, 190), 4);
  dl->AddText(fonts.bold, fonts.bold->FontSize, at, to_u32(render::palette::frame_line()), lines[0]);
  for (int i = 1; i < 4; ++i) dl->AddText(ImVec2(at.x, at.y + lh * static_cast<float>(i)), IM_COL32(225, 228, 235, 255), lines[i]);
  return at.x + w + 8;
}

}  // namespace

PickHit click_in_viewport(EditorState& s, const ViewportResources& vr, glm::vec2 ndc) {
  const Document* doc = s.document();
  if (!doc || !vr.view_valid) return {};
  PickOptions o;
  if (const Camera* through = doc->camera(s.through_camera)) o.skip_camera = static_cast<int>(through - doc->cameras.data());
  const PickHit h = pick(vr.stage, glm::dvec3(vr.view.eye), glm::dvec3(vr.view.ray_direction(ndc)), o);
  const auto i = static_cast<std::size_t>(h.index);
  switch (h.kind) {
    case PickKind::performer:
      if (i >= doc->performers.size()) break;
      if (s.selection.kind == SelectionKind::performer && s.selection.id == doc->performers[i].id &&
          i < vr.stage.performers.size()) {
        // A click on the selected performer: the joint nearest the point clicked, and the region there.
        const glm::dvec3 eye(vr.view.eye), dir(vr.view.ray_direction(ndc));
        const glm::dvec3 at = eye + h.distance * dir;
        const Joint j = nearest_joint(vr.stage.performers[i], at);
        select_joint(s, doc->performers[i].id, j);
        const SurfaceHit under = pick_surface(vr.stage, eye, dir);
        s.status = possessive(display_name(doc->performers[i])) + " " + std::string(joint_label(j)) +
                   (under && under.performer == static_cast<int>(i) ? "  ·  on the " + std::string(region_label(under.region)) : "") +
                   "  ·  drag a ring to turn it; Tab: next performer";
      } else {
        select(s, SelectionKind::performer, doc->performers[i].id);
      }
      break;
    case PickKind::camera:
      if (i < doc->cameras.size()) select(s, SelectionKind::camera, doc->cameras[i].id);
      break;
    case PickKind::prop:
      if (i < doc->props.size()) select(s, SelectionKind::prop, doc->props[i].id);
      break;
    case PickKind::none: clear_selection(s); break;
  }
  return h;
}

render::Bounds frame_bounds(const EditorState& s, const Stage& stage) {
  const int i = selected_index(s);
  render::Bounds b;
  if (i >= 0) {
    switch (s.selection.kind) {
      case SelectionKind::performer: b = render::performer_bounds(stage, i); break;
      case SelectionKind::camera: b = render::camera_bounds(stage, i); break;
      case SelectionKind::prop: b = render::prop_bounds(stage, i); break;
      case SelectionKind::beat: case SelectionKind::none: break;
    }
  }
  return b.valid ? b : render::cast_bounds(stage);
}

namespace {

// [SECTION] Toolbar: the view (free or a camera's lens), the colour mode, Frame

void draw_toolbar(EditorState& s, const Camera* through, const std::string& mask_cam) {
  const Document* doc = s.document();
  ImGui::SetCursorPos(ImVec2(8, ImGui::GetCursorPosY() + 4));
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("View");
  ImGui::SameLine();
  auto view_button = [&](const char* label, bool active) {
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.55f, 0.41f, 0.16f, 1));
    const bool pressed = ImGui::Button(label);
    if (active) ImGui::PopStyleColor();
    ImGui::SameLine();
    return pressed;
  };
  if (view_button("Free", !through)) s.through_camera.clear();
  if (doc)
    for (std::size_t i = 0; i < doc->cameras.size(); ++i) {
      const Camera& c = doc->cameras[i];
      char label[96];
      std::snprintf(label, sizeof label, "%s  %.0fmm##view%zu", c.id.c_str(), c.focal_mm, i);
      if (view_button(label, through == &c)) s.through_camera = c.id;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Look through camera %s (key %zu)", c.id.c_str(), i + 1);
    }
  // Colour mode, and (free view, masking mode) the camera the masking is for.
  ImGui::SameLine(0, 16);
  ImGui::TextDisabled("Colour");
  ImGui::SameLine();
  static const char* const kModes[] = {"performer", "consent", "masking"};
  int mode = static_cast<int>(s.color_mode);
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("performer").x + ImGui::GetFrameHeight() * 1.6f);
  if (ImGui::Combo("##color", &mode, kModes, 3)) s.color_mode = static_cast<render::ColorMode>(mode);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("performer: each performer's colour\nconsent: each region by the state that governs touch on it\n"
                      "masking: what the chosen camera sees, against the nudity rider");
  if (s.color_mode == render::ColorMode::masking && !through && doc && !doc->cameras.empty()) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("from WWWW").x + ImGui::GetFrameHeight());
    const std::string preview = "from " + mask_cam;
    if (ImGui::BeginCombo("##mask_camera", preview.c_str())) {
      for (const Camera& c : doc->cameras)
        if (ImGui::Selectable(c.id.c_str(), c.id == mask_cam)) s.masking_camera = c.id;
      ImGui::EndCombo();
    }
  }
  ImGui::SameLine();
  const float frame_w = ImGui::CalcTextSize("Frame (F)").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - frame_w - 8));
  if (ImGui::Button("Frame (F)")) frame_selection(s);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(s.selection.empty() ? "Frame the whole cast in the free view" : "Frame the %s in the free view",
                      selection_name(s).c_str());
}

// [SECTION] The stage and its geometry, rebuilt only when what they depend on changes

void rebuild_if_changed(EditorState& s, ViewportResources& vr, int detail, const std::string& mask_cam) {
  const Document* doc = s.document();
  const bool masking_mode = s.color_mode == render::ColorMode::masking && !mask_cam.empty();
  const std::string selected = masking_mode && s.through_camera.empty() ? mask_cam : s.through_camera;
  const std::uint64_t generation = s.history.generation();
  const RegionGlow* glow = nullptr;
  for (const auto& tool : vr.tools)
    if (!glow) glow = tool->glow();
  const int glow_key = glow ? glow->performer * 1000 + static_cast<int>(glow->region) : -1;
  if (vr.built_glow == glow_key && vr.built_generation == generation && vr.built_count == s.count && vr.built_through == s.through_camera &&
      vr.built_selected == selected && vr.built_detail == detail && vr.built_color == s.color_mode &&
      vr.built_mask_camera == mask_cam && vr.built_outline == s.selection)
    return;
  render::SceneDrawOptions opts;
  opts.detail = detail;
  opts.through_camera = s.through_camera;
  opts.selected_camera = selected;
  opts.color = s.color_mode;
  if (glow) {
    opts.glow_performer = glow->performer;
    opts.glow_region = glow->region;
    opts.glow_color = glow->color;
  }
  const int sel = selected_index(s);
  if (sel >= 0) {
    if (s.selection.kind == SelectionKind::performer) opts.outline_performer = sel;
    if (s.selection.kind == SelectionKind::prop) opts.outline_prop = sel;
    if (s.selection.kind == SelectionKind::camera) opts.outline_camera = s.selection.id;
  }
  vr.exposure.reset();
  if (doc) {
    vr.stage = evaluate(*doc, s.count, &vr.meshes);
    if (s.color_mode == render::ColorMode::consent) {
      opts.label_colors = render::consent_colors(*doc);
    } else if (masking_mode) {
      // The masking engine's own ray counts for this camera at this count,
      // judged against the rider as the checks judge them.
      for (const StageCamera& c : vr.stage.cameras) {
        if (c.id != mask_cam) continue;
        vr.exposure = camera_exposure(*doc, vr.stage, mask_camera(vr.stage, c.index));
        opts.label_colors = render::masking_colors(*doc, *vr.exposure);
      }
    }
    render::build_scene_geometry(*doc, vr.stage, opts, vr.geometry);
  } else {
    vr.stage = Stage{};
    vr.geometry.clear();
    vr.geometry.add_floor_grid(20.0f, 0.5f, 2);
  }
  vr.renderer.set_geometry(vr.geometry);
  vr.built_generation = generation;
  vr.built_count = s.count;
  vr.built_through = s.through_camera;
  vr.built_selected = selected;
  vr.built_detail = detail;
  vr.built_color = s.color_mode;
  vr.built_mask_camera = mask_cam;
  vr.built_outline = s.selection;
  vr.built_glow = glow_key;
  ++vr.geometry_serial;
}

// [SECTION] Input: ImGui's mouse, turned into the pointer calls of viewport_tools.hpp

void handle_input(EditorState& s, ViewportResources& vr, ImVec2 img_pos, ImVec2 img_size) {
  ImGui::InvisibleButton("##viewport", img_size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle | ImGuiButtonFlags_MouseButtonRight);
  const ImGuiIO& io = ImGui::GetIO();
  ViewportPointer p;
  p.ndc = glm::vec2((io.MousePos.x - img_pos.x) / img_size.x * 2 - 1, 1 - (io.MousePos.y - img_pos.y) / img_size.y * 2);
  p.delta_px = glm::vec2(io.MouseDelta.x, io.MouseDelta.y);
  p.picture_height_px = img_size.y;
  p.shift = io.KeyShift;
  p.ctrl = io.KeyCtrl;
  p.alt = io.KeyAlt;
  if (ImGui::IsItemActivated()) {
    p.button = ImGui::IsMouseClicked(ImGuiMouseButton_Middle) ? PointerButton::middle
               : ImGui::IsMouseClicked(ImGuiMouseButton_Right) ? PointerButton::right
                                                               : PointerButton::left;
    p.delta_px = glm::vec2(0);
    viewport_press(s, vr, p);
  } else if (ImGui::IsItemActive()) {
    if (vr.gesture == ViewGesture::tool &&
        (ImGui::IsMouseClicked(ImGuiMouseButton_Right) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)))
      viewport_cancel(s, vr);
    else
      viewport_move(s, vr, p);
  }
  if (ImGui::IsItemDeactivated()) viewport_release(s, vr, p);
  vr.interacting = ImGui::IsItemActive();
  if (ImGui::IsItemHovered() && io.MouseWheel != 0 && s.through_camera.empty()) s.orbit.zoom(io.MouseWheel);
}

// [SECTION] The picture, drawn offscreen when it can have changed

void draw_picture(ViewportResources& vr, const render::ViewSetup& view, int px_w, int px_h, int samples, ImVec2 img_pos,
                  int show_w, int show_h) {
  if (!vr.target.ensure(px_w, px_h, samples)) return;
  // Redraw only when the picture can have changed: an idle editor costs nothing.
  const glm::mat4 vp_now = view.view_proj();
  const bool stale = vr.drawn_geometry_serial != vr.geometry_serial || vp_now != vr.drawn_view_proj || px_w != vr.drawn_w ||
                     px_h != vr.drawn_h || samples != vr.drawn_samples;
  if (stale) {
    vr.target.bind();
    vr.renderer.draw(view, px_w, px_h);
    vr.target.resolve();
    vr.drawn_geometry_serial = vr.geometry_serial;
    vr.drawn_view_proj = vp_now;
    vr.drawn_w = px_w;
    vr.drawn_h = px_h;
    vr.drawn_samples = samples;
  }
  // The picture is copied into the window by EditorApp::frame before ImGui
  // draws (a blit, pixel for pixel), not drawn as an ImGui image: a textured,
  // blended quad this size is a large share of a software rasteriser's frame.
  // This window has no background, so the overlays land on the picture.
  const ImVec2 fb_scale = ImGui::GetIO().DisplayFramebufferScale;
  vr.present = true;
  vr.present_x0 = static_cast<int>(std::lround(img_pos.x * fb_scale.x));
  vr.present_y0 = static_cast<int>(std::lround(img_pos.y * fb_scale.y));
  vr.present_x1 = vr.present_x0 + show_w;
  vr.present_y1 = vr.present_y0 + show_h;
}

// [SECTION] Overlays: labels, lens data or hints, the count, the colour legend, tools

void draw_labels(const ViewportResources& vr, ImDrawList* dl, const glm::mat4& vp, ImVec2 img_pos, ImVec2 img_size) {
  for (const render::TextLabel& l : vr.geometry.labels) {
    const glm::vec4 c = vp * glm::vec4(l.position, 1);
    if (c.w <= 0.05f) continue;
    const float x = img_pos.x + (c.x / c.w * 0.5f + 0.5f) * img_size.x;
    const float y = img_pos.y + (0.5f - c.y / c.w * 0.5f) * img_size.y;
    const ImVec2 ts = ImGui::CalcTextSize(l.text.c_str());
    shadowed_text(dl, ImVec2(x - ts.x * 0.5f, y - ts.y), to_u32(l.color), l.text.c_str());
  }
}

void draw_count_readout(const EditorState& s, const UiFonts& fonts, ImDrawList* dl, ImVec2 img_pos, ImVec2 img_size,
                        float hud_right) {
  const Beat* beat = cs::beat_at(*s.document(), s.count);
  char text[200];
  std::snprintf(text, sizeof text, "count %.2f%s%s%s%s", s.count, beat ? "  ·  " : "", beat ? beat->id.c_str() : "",
                beat ? "  " : "", beat ? beat->label.c_str() : "");
  ImGui::PushFont(fonts.bold);
  const ImVec2 ts = ImGui::CalcTextSize(text);
  const float x = img_pos.x + img_size.x - ts.x - 14;
  // Top right, unless the lens block reaches there: then bottom right.
  const float y = x > hud_right + 16 ? img_pos.y + 12 : img_pos.y + img_size.y - ts.y - 12;
  shadowed_text(dl, ImVec2(x, y), IM_COL32(235, 237, 242, 255), text);
  ImGui::PopFont();
}

void draw_legend(const EditorState& s, const ViewportResources& vr, const UiFonts& fonts, ImDrawList* dl,
                 const std::string& mask_cam, ImVec2 img_pos, ImVec2 img_size) {
  const bool masking = s.color_mode == render::ColorMode::masking;
  const std::vector<render::LegendEntry> legend = masking ? render::masking_legend() : render::consent_legend();
  std::string title = masking ? "Masking from camera " + mask_cam : std::string("Consent to touch (receive)");
  if (masking && !vr.exposure) title += " (no camera)";
  const float lh = ImGui::GetTextLineHeightWithSpacing();
  float w = ImGui::CalcTextSize(title.c_str()).x;
  for (const auto& e : legend) w = std::max(w, ImGui::CalcTextSize(e.text.c_str()).x + lh);
  const ImVec2 at(img_pos.x + 14, img_pos.y + img_size.y - 14 - lh * static_cast<float>(legend.size() + 1));
  dl->AddRectFilled(ImVec2(at.x - 6, at.y - 4), ImVec2(at.x + w + 10, at.y + lh * static_cast<float>(legend.size() + 1) + 2),
                    IM_COL32(12, 13, 16, 200), 4);
  dl->AddText(fonts.bold, fonts.bold->FontSize, at, IM_COL32(235, 237, 242, 255), title.c_str());
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const float y = at.y + lh * static_cast<float>(i + 1);
    const float sw = ImGui::GetTextLineHeight() * 0.7f;
    dl->AddRectFilled(ImVec2(at.x, y + (lh - sw) * 0.4f), ImVec2(at.x + sw, y + (lh - sw) * 0.4f + sw), vec4_u32(legend[i].color), 2);
    dl->AddText(ImVec2(at.x + lh, y), IM_COL32(215, 218, 225, 255), legend[i].text.c_str());
  }
}

}  // namespace

void draw_viewport_panel(EditorState& s, const UiFonts& fonts, const Layout& layout, ViewportResources& vr) {
  const ImVec2 pos(layout.origin.x + layout.left_w, layout.origin.y);
  const ImVec2 size(layout.size.x - layout.left_w - layout.right_w, layout.size.y - layout.bottom_h);
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                 ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoBackground;
  const bool visible = ImGui::Begin("Viewport", nullptr, flags);
  ImGui::PopStyleVar();
  install_viewport_tools(vr);
  if (!visible) {
    ImGui::End();
    return;
  }
  // No window background under the picture (a software rasteriser pays for
  // every pixel twice otherwise): the toolbar's strip is filled on its own,
  // under the widgets (channel 0), once its height is known.
  ImDrawList* wdl = ImGui::GetWindowDrawList();
  wdl->ChannelsSplit(2);
  wdl->ChannelsSetCurrent(1);
  const Document* doc = s.document();
  if (doc && !s.through_camera.empty() && !doc->camera(s.through_camera)) s.through_camera.clear();
  const std::string mask_cam = s.masking_camera_id();
  draw_toolbar(s, doc ? doc->camera(s.through_camera) : nullptr, mask_cam);

  const ImVec2 img_pos = ImGui::GetCursorScreenPos();
  wdl->ChannelsSetCurrent(0);
  const ImVec2 wp = ImGui::GetWindowPos();
  wdl->AddRectFilled(ImVec2(wp.x, wp.y + ImGui::GetWindowContentRegionMin().y), ImVec2(wp.x + ImGui::GetWindowWidth(), img_pos.y),
                     ImGui::GetColorU32(ImGuiCol_WindowBg));
  wdl->ChannelsSetCurrent(1);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 img_size(std::max(avail.x, 16.0f), std::max(avail.y, 16.0f));
  const ImVec2 fb_scale = ImGui::GetIO().DisplayFramebufferScale;
  const int show_w = std::max(1, static_cast<int>(img_size.x * fb_scale.x));
  const int show_h = std::max(1, static_cast<int>(img_size.y * fb_scale.y));

  // While the picture moves (playing, dragging) it is drawn lighter: coarser
  // tessellation, no multisampling and half the resolution (scaled up when
  // shown), so a software rasteriser keeps up; it is drawn in full as soon as
  // it is still.
  const bool moving = s.playing || vr.interacting;
  rebuild_if_changed(s, vr, moving ? 10 : 16, mask_cam);
  if (s.frame_request && doc) {
    const render::Bounds b = frame_bounds(s, vr.stage);
    s.orbit.frame(b.lo, b.hi);
  }
  s.frame_request = false;

  handle_input(s, vr, img_pos, img_size);
  // Tab: the next performer (posing works on one at a time).
  if (ImGui::IsWindowHovered() && !ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab), false))
    select_next_performer(s);
  // The input may have left the lens.
  const StageCamera* through_sc = nullptr;
  for (const StageCamera& sc : vr.stage.cameras)
    if (!s.through_camera.empty() && sc.id == s.through_camera) through_sc = &sc;
  const float aspect = img_size.x / img_size.y;
  const render::ViewSetup view = through_sc ? render::look_through(*through_sc, aspect) : s.orbit.setup(aspect);
  vr.view = view;
  vr.view_valid = doc != nullptr;
  draw_picture(vr, view, moving ? std::max(1, show_w / 2) : show_w, moving ? std::max(1, show_h / 2) : show_h,
               moving ? 0 : 4, img_pos, show_w, show_h);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(img_pos, ImVec2(img_pos.x + img_size.x, img_pos.y + img_size.y), true);
  draw_labels(vr, dl, view.view_proj(), img_pos, img_size);
  const ImVec2 corner(img_pos.x + 14, img_pos.y + 12);
  float hud_right = 0;
  if (through_sc) {
    hud_right = draw_lens_hud(*doc, vr.stage, *through_sc, dl, corner, fonts, vr.lens_hud, vr.built_generation, s.playing);
  } else {
    // The hint gives way to the count readout when the viewport is narrow.
    const char* hint = doc ? "Perspective  ·  drag: orbit  ·  Shift/middle-drag: pan  ·  wheel: zoom  ·  1–9: cameras"
                           : "No scene open  ·  File → Open…";
    if (ImGui::CalcTextSize(hint).x < img_size.x * 0.62f) shadowed_text(dl, corner, IM_COL32(170, 175, 185, 255), hint);
    else if (doc) shadowed_text(dl, corner, IM_COL32(170, 175, 185, 255), "Perspective");
  }
  if (doc) draw_count_readout(s, fonts, dl, img_pos, img_size, hud_right);
  if (const std::string banner = posing_banner(s); !banner.empty()) {
    ImGui::PushFont(fonts.bold);
    const ImVec2 ts = ImGui::CalcTextSize(banner.c_str());
    const ImVec2 at(img_pos.x + (img_size.x - ts.x) * 0.5f, img_pos.y + 40);
    dl->AddRectFilled(ImVec2(at.x - 10, at.y - 4), ImVec2(at.x + ts.x + 10, at.y + ts.y + 4), IM_COL32(120, 86, 24, 220), 4);
    dl->AddText(at, IM_COL32(255, 240, 205, 255), banner.c_str());
    ImGui::PopFont();
  }
  if (doc && s.color_mode != render::ColorMode::performer) draw_legend(s, vr, fonts, dl, mask_cam, img_pos, img_size);
  for (const auto& tool : vr.tools)
    tool->draw(s, vr, dl, glm::vec2(img_pos.x, img_pos.y), glm::vec2(img_size.x, img_size.y));
  dl->PopClipRect();
  wdl->ChannelsMerge();
  ImGui::End();
}

}  // namespace cs::editor
