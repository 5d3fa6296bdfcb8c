// export_job.cpp — one export on its own thread (export_job.hpp).
#include "app/editor/export_job.hpp"

#include <algorithm>
#include <cctype>

#include "notation/audience.hpp"
#include "notation/beat_range.hpp"
#include "notation/format.hpp"
#include "notation/gltf_export.hpp"
#include "notation/mesh_import.hpp"
#include "notation/otio_export.hpp"
#include "notation/phrasing.hpp"
#include "publish/sheet_file.hpp"

namespace cs::editor {

const char* export_extension(ExportFormat f) {
  switch (f) {
    case ExportFormat::glb: return ".glb";
    case ExportFormat::gltf: return ".gltf";
    case ExportFormat::otio: return ".otio";
    case ExportFormat::sheet_pdf: return sheet_format_extension(SheetFormat::pdf);
    case ExportFormat::sheet_html: return sheet_format_extension(SheetFormat::html);
    case ExportFormat::sheet_md: return sheet_format_extension(SheetFormat::md);
    case ExportFormat::sheet_csv: return sheet_format_extension(SheetFormat::csv);
    case ExportFormat::still_png: return ".png";
  }
  return "";
}

bool is_sheet(ExportFormat f) {
  return f == ExportFormat::sheet_pdf || f == ExportFormat::sheet_html || f == ExportFormat::sheet_md ||
         f == ExportFormat::sheet_csv;
}

namespace {

SheetFormat sheet_format(ExportFormat f) {
  switch (f) {
    case ExportFormat::sheet_html: return SheetFormat::html;
    case ExportFormat::sheet_md: return SheetFormat::md;
    case ExportFormat::sheet_csv: return SheetFormat::csv;
    default: return SheetFormat::pdf;
  }
}

}  // namespace

std::optional<ExportFormat> export_format_of(const std::filesystem::path& out) {
  std::string ext = out.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  for (ExportFormat f : {ExportFormat::glb, ExportFormat::gltf, ExportFormat::otio, ExportFormat::sheet_pdf,
                         ExportFormat::sheet_html, ExportFormat::sheet_md, ExportFormat::sheet_csv, ExportFormat::still_png})
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

// The end of every export: the bytes written atomically, or why not.
ExportOutcome written(const ExportSettings& settings, const std::string& bytes, const std::string& summary) {
  ExportOutcome out;
  const SaveResult w = write_file_atomic(settings.out, bytes, false);
  if (!w.ok) {
    out.message = "Not exported: cannot write " + settings.out.string() + ": " + w.error;
    return out;
  }
  out.ok = true;
  out.message = "Exported " + settings.out.filename().string() + ": " + summary;
  return out;
}

}  // namespace

void ExportJob::run(Document full, std::filesystem::path scene_dir) {
  if (is_sheet(settings_.format) || settings_.format == ExportFormat::still_png) return run_sheet_or_still(full, scene_dir);
  ExportOutcome out;
  // Everything below is built from the interchange audience's view, as
  // `closedset export` builds it: no body map, rider, note, actor or take.
  AudienceOptions ao;
  ao.run_checks = false;
  const Document doc = audience_view(full, Audience{AudienceKind::interchange, ""}, ao).doc;
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
    if (const std::string p = otio_fps_problem(settings_.fps); !p.empty()) {
      out.message = "Not exported: " + p;
      return finish();
    }
    // Marker colours from the full check, as `closedset export` runs it (the
    // view holds its findings as codes and places only).
    ao.run_checks = true;
    ao.meshes = &meshes;
    progress_.store(0.1);
    const std::vector<Finding> findings = audience_view(full, Audience{AudienceKind::interchange, ""}, ao).findings;
    if (cancel_.load()) {
      out.cancelled = true;
      out.message = "Export cancelled; nothing was written";
      return finish();
    }
    OtioOptions oo;
    oo.beats = beats;
    oo.fps = settings_.fps;
    bytes = export_otio(doc, worst_severity_per_beat(doc, findings), oo);
    const BeatRange range = beats ? *beats : *whole_choreography(doc);
      summary = plural(static_cast<long long>(range.last - range.first + 1), "beat marker") + " at " + number_text(oo.fps) + " fps";
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
    summary = plural(static_cast<long long>(s.nodes), "node") + ", " + plural(static_cast<long long>(s.cameras), "camera") + ", " +
              (settings_.animated ? "animated over " + number_text(s.duration_s) + " s"
                                  : "a still at count " + exact_number_text(s.from_count));
    for (const std::string& n : e.notes) summary += "; " + n;
  }
  if (cancel_.load()) {
    out.cancelled = true;
    out.message = "Export cancelled; nothing was written";
    return finish();
  }
  out = written(settings_, bytes, summary);
  if (out.ok) progress_.store(1);
  finish();
}

// Sheets and stills: the path `closedset sheet` and `closedset render` take
// (publish/sheet_file.hpp), from the full document, whose privacy filter
// builds the view for the audience.
void ExportJob::run_sheet_or_still(const Document& full, const std::filesystem::path& scene_dir) {
  ExportOutcome out;
  auto finish = [&] {
    outcome_ = std::move(out);
    finished_.store(true);
  };
  auto cancelled = [&] {
    out.cancelled = true;
    out.message = "Export cancelled; nothing was written";
    return finish();
  };
  const PropMeshes meshes = load_prop_meshes(full, scene_dir);
  if (!meshes.ok()) {
    out.message = "Not exported: " + meshes.errors.front();
    return finish();
  }
  progress_.store(0.02);
  std::string bytes, summary;
  if (settings_.format == ExportFormat::still_png) {
    StillFileOptions so;
    so.overlay = settings_.overlay;
    so.meshes = &meshes;
    const StillFile still = make_still_png(full, settings_.camera, settings_.at, so);
    if (cancel_.load()) return cancelled();
    if (!still.ok()) {
      out.message = "Not exported: " + still.error;
      return finish();
    }
    bytes = still.bytes;
    summary = std::to_string(still.width) + "×" + std::to_string(still.height) + ", camera " + settings_.camera + " (" +
              still.lens + ") at count " + exact_number_text(settings_.at) +
              (still.beat.empty() ? " (before the first beat)" : ", beat " + still.beat) + ", " + still.shot +
              ", overlay " + std::string(still_overlay_name(settings_.overlay));
  } else {
    SheetFileOptions so;
    so.format = sheet_format(settings_.format);
    so.date = settings_.date.empty() ? today_utc() : settings_.date;
    so.publish.meshes = &meshes;
    so.publish.cancel = &cancel_;
    so.publish.progress = [this](double p) { progress_.store(std::clamp(0.02 + 0.97 * p, 0.0, 1.0)); };
    const SheetFile sheet = make_sheet_file(full, settings_.audience, so);
    if (sheet.cancelled || cancel_.load()) return cancelled();
    if (!sheet.ok()) {
      out.message = "Not exported: " + sheet.error;
      return finish();
    }
    bytes = sheet.bytes;
    const SheetHeader& h = sheet.header;
    summary = h.kind + " for " + h.for_words + ", " + plural(static_cast<long long>(sheet.beats), "beat") + ", version " +
              std::to_string(h.version) + " (" + h.status + "), " + h.date + ", digest " + h.digest +
              (sheet.pages ? ", " + plural(static_cast<long long>(sheet.pages), "page") : "");
  }
  if (cancel_.load()) return cancelled();
  out = written(settings_, bytes, summary);
  if (out.ok) progress_.store(1);
  finish();
}

}  // namespace cs::editor
