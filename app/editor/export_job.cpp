// export_job.cpp — one export on its own thread (export_job.hpp).
#include "app/editor/export_job.hpp"

#include <algorithm>
#include <cctype>

#include "notation/beat_range.hpp"
#include "notation/checks.hpp"
#include "notation/format.hpp"
#include "notation/gltf_export.hpp"
#include "notation/mesh_import.hpp"
#include "notation/otio_export.hpp"
#include "notation/phrasing.hpp"

namespace cs::editor {

const char* export_extension(ExportFormat f) {
  switch (f) {
    case ExportFormat::glb: return ".glb";
    case ExportFormat::gltf: return ".gltf";
    case ExportFormat::otio: return ".otio";
  }
  return "";
}

std::optional<ExportFormat> export_format_of(const std::filesystem::path& out) {
  std::string ext = out.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  for (ExportFormat f : {ExportFormat::glb, ExportFormat::gltf, ExportFormat::otio})
    if (ext == export_extension(f)) return f;
  return std::nullopt;
}

ExportJob::ExportJob(Document doc, std::filesystem::path scene_dir, ExportSettings settings)
    : settings_(std::move(settings)) {
  thread_ = std::thread([this, d = std::move(doc), dir = std::move(scene_dir)]() mutable { run(std::move(d), std::move(dir)); });
}

ExportJob::~ExportJob() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

ExportOutcome ExportJob::outcome() const {
  if (!finished()) return {};
  return outcome_;
}

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

void ExportJob::run(Document doc, std::filesystem::path scene_dir) {
  ExportOutcome out;
  const std::string name = settings_.out.filename().string();
  auto finish = [&] {
    outcome_ = std::move(out);
    finished_.store(true);
  };
  std::optional<BeatRange> beats;
  if (!settings_.beat.empty()) {
    std::string why;
    beats = parse_beat_range(doc, settings_.beat, why);
    if (!beats) {
      out.message = "Not exported: " + why;
      return finish();
    }
  }
  const PropMeshes meshes = load_prop_meshes(doc, scene_dir);
  if (!meshes.ok()) {
    out.message = "Not exported: " + meshes.errors.front();
    return finish();
  }
  std::string bytes;
  std::string summary;
  if (settings_.format == ExportFormat::otio) {
    if (doc.choreography.beats.empty()) {
      out.message = "Not exported: the choreography has no beats to mark";
      return finish();
    }
    // Marker colours from the full check, as `closedset export` runs it.
    CheckOptions co;
    co.meshes = &meshes;
    progress_.store(0.1);
    const CheckReport report = run_checks(doc, co);
    if (cancel_.load()) {
      out.cancelled = true;
      out.message = "Export cancelled; nothing was written";
      return finish();
    }
    OtioOptions oo;
    oo.beats = beats;
    bytes = export_otio(doc, worst_severity_per_beat(doc, report.findings), oo);
    const BeatRange range = beats ? *beats : *whole_choreography(doc);
    summary = plural(range.last - range.first + 1, "beat marker", "beat markers") + " at 24 fps";
  } else {
    GltfOptions go;
    go.container = settings_.format == ExportFormat::glb ? GltfContainer::glb : GltfContainer::gltf;
    go.animated = settings_.animated;
    if (!settings_.animated) go.at = settings_.at;
    go.beats = beats;
    go.meshes = &meshes;
    go.progress = [this](double p) { progress_.store(std::clamp(p, 0.0, 1.0)); };
    go.cancel = &cancel_;
    const GltfExport e = export_gltf(doc, go);
    if (e.cancelled || cancel_.load()) {
      out.cancelled = true;
      out.message = "Export cancelled; nothing was written";
      return finish();
    }
    if (!e.ok()) {
      out.message = "Not exported: " + e.error;
      return finish();
    }
    bytes = e.bytes;
    const GltfSummary& s = e.summary;
    summary = plural(s.nodes, "node", "nodes") + ", " + plural(s.cameras, "camera", "cameras") + ", " +
              (settings_.animated ? "animated over " + number_text(s.duration_s) + " s"
                                  : "a still at count " + exact_number_text(s.from_count));
    for (const std::string& n : e.notes) summary += "; " + n;
  }
  if (cancel_.load()) {
    out.cancelled = true;
    out.message = "Export cancelled; nothing was written";
    return finish();
  }
  const SaveResult w = write_file_atomic(settings_.out, bytes, false);
  if (!w.ok) {
    out.message = "Not exported: cannot write " + settings_.out.string() + ": " + w.error;
    return finish();
  }
  progress_.store(1);
  out.ok = true;
  out.message = "Exported " + name + ": " + summary;
  finish();
}

}  // namespace cs::editor
