// theme.cpp — a dark, low-contrast-chrome theme (in the family of Blender and
// DaVinci Resolve) where content, not controls, carries colour; and the fonts.
#include <filesystem>

#include <imgui.h>

#include "app/editor/panels.hpp"
#include "render/geometry.hpp"

namespace cs::editor {

namespace {
constexpr const char* kFontDir = "/usr/share/fonts/truetype/dejavu/";  // Debian: fonts-dejavu-core
ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }
}  // namespace

ImU32 performer_color_u32(int index, float alpha) {
  const glm::vec4 c = render::palette::performer(index);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, alpha));
}

ImU32 severity_color_u32(Severity severity, float alpha) {
  switch (severity) {
    case Severity::error: return ImGui::ColorConvertFloat4ToU32(ImVec4(0.92f, 0.30f, 0.27f, alpha));
    case Severity::warning: return ImGui::ColorConvertFloat4ToU32(ImVec4(0.95f, 0.70f, 0.25f, alpha));
    case Severity::info: return ImGui::ColorConvertFloat4ToU32(ImVec4(0.45f, 0.68f, 0.90f, alpha));
  }
  return IM_COL32_WHITE;
}

ImU32 vec4_u32(const glm::vec4& c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }

void apply_theme(float scale) {
  ImGuiStyle& st = ImGui::GetStyle();
  ImGui::StyleColorsDark(&st);
  st.WindowRounding = 0;
  st.ChildRounding = 3;
  st.FrameRounding = 3;
  st.PopupRounding = 4;
  st.GrabRounding = 3;
  st.TabRounding = 3;
  st.ScrollbarRounding = 6;
  st.WindowBorderSize = 1;
  st.FrameBorderSize = 0;
  st.WindowPadding = ImVec2(10, 8);
  st.FramePadding = ImVec2(8, 4);
  st.ItemSpacing = ImVec2(8, 5);
  st.ItemInnerSpacing = ImVec2(6, 4);
  st.IndentSpacing = 14;
  st.ScrollbarSize = 12;
  st.WindowTitleAlign = ImVec2(0.0f, 0.5f);

  ImVec4* c = st.Colors;
  const ImVec4 bg = rgb(30, 32, 36), panel = rgb(36, 38, 43), frame = rgb(48, 51, 58);
  const ImVec4 accent = rgb(226, 170, 72), accent_dim = rgb(160, 118, 48);
  c[ImGuiCol_Text] = rgb(222, 224, 228);
  c[ImGuiCol_TextDisabled] = rgb(128, 132, 140);
  c[ImGuiCol_WindowBg] = panel;
  c[ImGuiCol_ChildBg] = rgb(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = rgb(40, 42, 48, 0.98f);
  c[ImGuiCol_Border] = rgb(20, 21, 24);
  c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = frame;
  c[ImGuiCol_FrameBgHovered] = rgb(58, 62, 70);
  c[ImGuiCol_FrameBgActive] = rgb(66, 70, 80);
  c[ImGuiCol_TitleBg] = bg;
  c[ImGuiCol_TitleBgActive] = bg;
  c[ImGuiCol_TitleBgCollapsed] = bg;
  c[ImGuiCol_MenuBarBg] = rgb(26, 27, 31);
  c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = rgb(70, 74, 82);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(90, 94, 104);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(110, 114, 124);
  c[ImGuiCol_CheckMark] = accent;
  c[ImGuiCol_SliderGrab] = accent_dim;
  c[ImGuiCol_SliderGrabActive] = accent;
  c[ImGuiCol_Button] = rgb(52, 55, 62);
  c[ImGuiCol_ButtonHovered] = rgb(66, 70, 79);
  c[ImGuiCol_ButtonActive] = rgb(80, 85, 96);
  c[ImGuiCol_Header] = rgb(56, 60, 68);
  c[ImGuiCol_HeaderHovered] = rgb(66, 70, 80);
  c[ImGuiCol_HeaderActive] = rgb(76, 80, 92);
  c[ImGuiCol_Separator] = rgb(52, 55, 62);
  c[ImGuiCol_SeparatorHovered] = accent_dim;
  c[ImGuiCol_SeparatorActive] = accent;
  c[ImGuiCol_ResizeGrip] = rgb(0, 0, 0, 0);
  c[ImGuiCol_Tab] = bg;
  c[ImGuiCol_TabHovered] = rgb(66, 70, 80);
  c[ImGuiCol_TabActive] = panel;
  c[ImGuiCol_TableHeaderBg] = rgb(44, 47, 53);
  c[ImGuiCol_TableBorderStrong] = rgb(24, 25, 28);
  c[ImGuiCol_TableBorderLight] = rgb(48, 50, 56);
  c[ImGuiCol_TableRowBgAlt] = rgb(255, 255, 255, 0.025f);
  c[ImGuiCol_TextSelectedBg] = rgb(226, 170, 72, 0.35f);
  c[ImGuiCol_NavHighlight] = accent;
  c[ImGuiCol_ModalWindowDimBg] = rgb(0, 0, 0, 0.55f);
  st.ScaleAllSizes(scale);
}

UiFonts load_fonts(float scale) {
  UiFonts f;
  f.scale = scale;
  ImGuiIO& io = ImGui::GetIO();
  const std::filesystem::path dir(kFontDir);
  const float size = 15.0f * scale;
  // Names and notes come in every European script: Latin with its extensions
  // (Łukasiewicz, Dvořák, Nguyễn), Greek, Cyrillic; then general punctuation
  // (— · …), arrows, mathematical operators (−, ×), box drawing and geometric
  // shapes for the transport symbols. All are in DejaVu Sans.
  static const ImWchar ranges[] = {0x0020, 0x024F,  // Latin, Latin-1, Extended-A and -B
                                   0x0370, 0x03FF,  // Greek
                                   0x0400, 0x052F,  // Cyrillic and its supplement
                                   0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese)
                                   0x2010, 0x205E,  // general punctuation
                                   0x20A0, 0x20BF,  // currency
                                   0x2190, 0x21FF,  // arrows
                                   0x2200, 0x22FF,  // mathematical operators
                                   0x2500, 0x25FF,  // box drawing, blocks, geometric shapes
                                   0x2758, 0x275A, 0};
  auto load = [&](const char* name, float px) -> ImFont* {
    const std::filesystem::path p = dir / name;
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) return nullptr;
    ImFontConfig cfg;
    // Glyphs at one texel per pixel, on whole pixels: the atlas can then be
    // sampled NEAREST (ui_texture_filtering), which a software rasteriser
    // draws far faster than bilinear, with the same picture.
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    return io.Fonts->AddFontFromFileTTF(p.c_str(), px, &cfg, ranges);
  };
  f.regular = load("DejaVuSans.ttf", size);
  if (f.regular) {
    f.bold = load("DejaVuSans-Bold.ttf", size);
    f.mono = load("DejaVuSansMono.ttf", size);
    f.play = "\u25B6";
    f.pause = "\u275A\u275A";
    f.prev_beat = "\u25C0\u25C0";
    f.next_beat = "\u25B6\u25B6";
    f.prev_count = "\u25C0";
    f.next_count = "\u25B6";
    f.arrow = "\u2192";
    f.dot = "\u25CF";
  } else {
    // fonts-dejavu-core missing: ImGui's built-in font, scaled.
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * scale;
    f.regular = io.Fonts->AddFontDefault(&cfg);
  }
  // Anti-aliased lines as geometry rather than from baked textures, so no
  // draw depends on filtering between texels.
  io.Fonts->Flags |= ImFontAtlasFlags_NoBakedLines;
  if (!f.bold) f.bold = f.regular;
  if (!f.mono) f.mono = f.regular;
  io.FontDefault = f.regular;
  return f;
}

}  // namespace cs::editor
