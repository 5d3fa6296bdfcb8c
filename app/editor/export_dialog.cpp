// export_dialog.cpp — File → Export…: what to export and where, then a
// progress bar and a Cancel button while the export runs on its own thread
// (export_job.hpp), then what was written.
#include <cfloat>
#include <string>
#include <utility>
#include <vector>
#include <system_error>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/editor/export_job.hpp"
#include "app/editor/panels.hpp"
#include "notation/audience.hpp"
#include "notation/phrasing.hpp"
#include "notation/timeline.hpp"

namespace cs::editor {

namespace fs = std::filesystem;

namespace {

const char* format_label(ExportFormat f) {
  switch (f) {
    case ExportFormat::glb: return "3D scene, binary glTF (.glb): Blender, Unreal";
    case ExportFormat::gltf: return "3D scene, glTF as text (.gltf)";
    case ExportFormat::otio: return "Beat markers for editing (.otio): coloured by the worst finding";
    case ExportFormat::sheet_pdf: return "PDF: to print and hand over";
    case ExportFormat::sheet_html: return "HTML: one page, readable on a phone";
    case ExportFormat::sheet_md: return "Markdown: for notes and chat";
    case ExportFormat::sheet_csv: return "CSV: the beat list for spreadsheets";
    case ExportFormat::still_png: return "A camera still (.png), through the camera's lens at the playhead";
  }
  return "";
}

// The audiences a sheet is for, as `closedset sheet --for` names them, with the words the header uses.
std::vector<std::pair<std::string, std::string>> sheet_audiences(const Document& d) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Performer& p : d.performers) {
    const Audience a{AudienceKind::performer, p.id};
    out.push_back({audience_id(a), "Beat sheet for " + audience_words(d, a)});
  }
  out.push_back({"director", "Masking sheet for the director and DP"});
  out.push_back({"costume", "Costume sheet"});
  out.push_back({"ad", "AD sheet"});
  out.push_back({"continuity", "Continuity sheet"});
  return out;
}

}  // namespace

ExportDialogResult draw_export_dialog(std::optional<ExportFormat> open_now, const EditorState& s, const ExportJob* job,
                                      const UiFonts& fonts) {
  static ExportSettings settings;
  static std::string path_text;
  static bool whole = true;
  static bool confirm_replace = false;
  const char* id = "Export";
  const Document* d = s.document();
  if (open_now && d) {
    settings = {};
    settings.format = *open_now;
    settings.at = s.count;
    whole = true;
    confirm_replace = false;
    const fs::path dir = s.path.empty() ? fs::current_path() : s.path.parent_path();
    std::string stem = s.path.empty() ? std::string("untitled") : s.path.filename().string();
    if (const auto dot = stem.find('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
    path_text = (dir / (stem + export_extension(settings.format))).string();
    ImGui::OpenPopup(id);
  }
  ExportDialogResult result;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(640 * fonts.scale, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) return result;
  const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);

  // While it runs: the bar and Cancel. Afterwards: what happened.
  if (job) {
    ImGui::TextUnformatted(job->settings().out.filename().string().c_str());
    if (!job->finished()) {
      char pct[32];
      std::snprintf(pct, sizeof pct, "%.0f%%", job->progress() * 100);
      ImGui::ProgressBar(static_cast<float>(job->progress()), ImVec2(-FLT_MIN, 0), pct);
      if (job->cancelling()) ImGui::TextDisabled("Cancelling…");
      else if (ImGui::Button("Cancel") || escape) result.cancel = true;
    } else {
      const ExportOutcome o = job->outcome();
      ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
      if (o.ok) ImGui::TextUnformatted(o.message.c_str());
      else ImGui::TextColored(ImVec4(1.0f, 0.62f, 0.55f, 1), "%s", o.message.c_str());
      ImGui::PopTextWrapPos();
      if (ImGui::Button("Close") || escape) {
        result.close = true;
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::EndPopup();
    return result;
  }
  if (!d) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return result;
  }

  if (confirm_replace) {
    ImGui::PushFont(fonts.bold);
    ImGui::TextWrapped("%s already exists. Replace it?", fs::path(path_text).filename().string().c_str());
    ImGui::PopFont();
    if (ImGui::Button("Replace")) {
      result.start = settings;
      confirm_replace = false;
    }
    ImGui::SameLine();
    if (ImGui::Button("Back") || escape) confirm_replace = false;
    ImGui::EndPopup();
    return result;
  }

  auto set_format = [&](ExportFormat f) {
    if (settings.format == f) return;
    settings.format = f;
    fs::path p(path_text);
    p.replace_extension(export_extension(f));
    path_text = p.string();
  };
  ImGui::TextDisabled("What");
  for (ExportFormat f : {ExportFormat::glb, ExportFormat::gltf, ExportFormat::otio})
    if (ImGui::RadioButton(format_label(f), settings.format == f)) set_format(f);
  if (ImGui::RadioButton("A sheet for one audience: beat, masking, costume, AD or continuity sheet", is_sheet(settings.format)) &&
      !is_sheet(settings.format))
    set_format(ExportFormat::sheet_pdf);
  if (ImGui::RadioButton(format_label(ExportFormat::still_png), settings.format == ExportFormat::still_png))
    set_format(ExportFormat::still_png);
  ImGui::Spacing();
  if (is_sheet(settings.format)) {
    // For whom, and as what: the same choices as `closedset sheet --for … -o …`.
    const auto audiences = sheet_audiences(*d);
    std::string current = settings.audience;
    for (const auto& [id_, words] : audiences)
      if (id_ == settings.audience) current = words;
    ImGui::TextDisabled("For");
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##sheet_audience", current.c_str())) {
      for (const auto& [id_, words] : audiences)
        if (ImGui::Selectable(words.c_str(), id_ == settings.audience)) settings.audience = id_;
      ImGui::EndCombo();
    }
    ImGui::TextDisabled("As");
    for (ExportFormat f : {ExportFormat::sheet_pdf, ExportFormat::sheet_html, ExportFormat::sheet_md, ExportFormat::sheet_csv})
      if (ImGui::RadioButton(format_label(f), settings.format == f)) set_format(f);
    ImGui::TextDisabled("Dated today (UTC); built only from what this audience may see.");
  } else if (settings.format == ExportFormat::still_png) {
    if (settings.camera.empty() && !d->cameras.empty()) settings.camera = d->cameras.front().id;
    ImGui::TextDisabled("Camera");
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##still_camera", settings.camera.empty() ? "(no camera)" : settings.camera.c_str())) {
      for (const Camera& c : d->cameras) {
        const std::string label = c.id + (c.label.empty() ? "" : " (" + c.label + ")");
        if (ImGui::Selectable(label.c_str(), c.id == settings.camera)) settings.camera = c.id;
      }
      ImGui::EndCombo();
    }
    ImGui::TextDisabled("Overlay");
    for (StillOverlay o : {StillOverlay::none, StillOverlay::masking, StillOverlay::consent}) {
      ImGui::SameLine();
      if (ImGui::RadioButton(std::string(still_overlay_name(o)).c_str(), settings.overlay == o)) settings.overlay = o;
    }
    ImGui::TextDisabled("%s", ("At the playhead: count " + exact_number_text(settings.at)).c_str());
  } else if (settings.format != ExportFormat::otio) {
    ImGui::TextDisabled("When");
    if (ImGui::RadioButton(("A still at the playhead (count " + exact_number_text(settings.at) + ")").c_str(), !settings.animated))
      settings.animated = false;
    if (ImGui::RadioButton("Animated at tempo: poses, garments, camera moves", settings.animated)) settings.animated = true;
  }
  if (settings.format == ExportFormat::otio) {
    ImGui::TextDisabled("Frame rate");
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000.000").x + ImGui::GetFrameHeight() * 2);
    ImGui::InputDouble("frames a second", &settings.fps, 1, 5, "%.3g");
  }
  const Beat* beat = beat_at(*d, s.count);
  const bool three_d = settings.format == ExportFormat::glb || settings.format == ExportFormat::gltf;
  if (settings.format == ExportFormat::otio || (three_d && settings.animated)) {
    ImGui::TextDisabled("Beats");
    if (ImGui::RadioButton("The whole choreography", whole)) whole = true;
    if (beat && ImGui::RadioButton(("Only the beat at the playhead: " + beat->id + " " + beat->label).c_str(), !whole))
      whole = false;
  }
  settings.beat = (!whole && beat && (settings.format == ExportFormat::otio || (three_d && settings.animated))) ? beat->id : "";
  ImGui::Spacing();
  ImGui::TextDisabled("Where");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputText("##export_path", &path_text);
  ImGui::Spacing();
  if (is_sheet(settings.format))
    ImGui::TextDisabled("No private note is written; a performer's sheet holds no one else's rider or boundaries.");
  else if (settings.format == ExportFormat::still_png)
    ImGui::TextDisabled("Consent shows only as agreed / not agreed from this view, never as anyone's boundaries.");
  else
    ImGui::TextDisabled("No boundary, rider line, condition, private note or take is written.");
  ImGui::Spacing();

  // The path must end as the format does, in a folder that exists.
  const fs::path out(path_text);
  std::string problem;
  std::error_code ec;
  if (path_text.empty()) problem = "Where should it go?";
  else if (settings.format == ExportFormat::still_png && !d->camera(settings.camera))
    problem = "The scene has no camera to take a still through";
  else if (settings.format == ExportFormat::otio && !otio_fps_problem(settings.fps).empty())
    problem = otio_fps_problem(settings.fps);
  else if (export_format_of(out) != settings.format)
    problem = std::string("The file name must end in ") + export_extension(settings.format);
  else if (out.has_parent_path() && !fs::is_directory(out.parent_path(), ec))
    problem = "The folder " + out.parent_path().string() + " does not exist";
  if (!problem.empty()) ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.35f, 1), "%s", problem.c_str());
  ImGui::BeginDisabled(!problem.empty());
  if (ImGui::Button("Export")) {
    settings.out = out;
    if (fs::exists(out, ec)) confirm_replace = true;
    else result.start = settings;
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Close") || escape) {
    result.close = true;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return result;
}

}  // namespace cs::editor
