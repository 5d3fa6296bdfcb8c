// export_dialog.cpp — File → Export…: what to export and where, then a
// progress bar and a Cancel button while the export runs on its own thread
// (export_job.hpp), then what was written.
#include <cfloat>
#include <string>
#include <system_error>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/editor/export_job.hpp"
#include "app/editor/panels.hpp"
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
  }
  return "";
}

}  // namespace

ExportDialogResult draw_export_dialog(bool open_now, const EditorState& s, const ExportJob* job, const UiFonts& fonts) {
  static ExportSettings settings;
  static std::string path_text;
  static bool whole = true;
  static bool confirm_replace = false;
  const char* id = "Export";
  const Document* d = s.document();
  if (open_now && d) {
    settings = {};
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

  ImGui::TextDisabled("What");
  for (ExportFormat f : {ExportFormat::glb, ExportFormat::gltf, ExportFormat::otio})
    if (ImGui::RadioButton(format_label(f), settings.format == f) && settings.format != f) {
      settings.format = f;
      fs::path p(path_text);
      p.replace_extension(export_extension(f));
      path_text = p.string();
    }
  ImGui::Spacing();
  if (settings.format != ExportFormat::otio) {
    ImGui::TextDisabled("When");
    if (ImGui::RadioButton(("A still at the playhead (count " + exact_number_text(settings.at) + ")").c_str(), !settings.animated))
      settings.animated = false;
    if (ImGui::RadioButton("Animated at tempo: poses, garments, camera moves", settings.animated)) settings.animated = true;
  }
  const Beat* beat = beat_at(*d, s.count);
  if (settings.format == ExportFormat::otio || settings.animated) {
    ImGui::TextDisabled("Beats");
    if (ImGui::RadioButton("The whole choreography", whole)) whole = true;
    if (beat && ImGui::RadioButton(("Only the beat at the playhead: " + beat->id + " " + beat->label).c_str(), !whole))
      whole = false;
  }
  settings.beat = (!whole && beat && (settings.format == ExportFormat::otio || settings.animated)) ? beat->id : "";
  ImGui::Spacing();
  ImGui::TextDisabled("Where");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputText("##export_path", &path_text);
  ImGui::Spacing();
  ImGui::TextDisabled("No boundary, rider line, condition, private note or take is written.");
  ImGui::Spacing();

  // The path must end as the format does, in a folder that exists.
  const fs::path out(path_text);
  std::string problem;
  std::error_code ec;
  if (path_text.empty()) problem = "Where should it go?";
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
