// export_job.hpp — File → Export… runs here: one export on its own thread, on a
// copy of the document, with its progress for a bar and a flag to cancel it.
// The file is written atomically when the export is complete; a cancelled or
// failed export leaves nothing at the target (and the old file, if any, as it
// was). The 3D and editing exports read nothing private: the exporters never
// read boundaries, riders, conditions, notes or takes (gltf_export.hpp,
// otio_export.hpp). Sheets and stills take the same path as `closedset sheet`
// and `closedset render` (publish/sheet_file.hpp): built only from the privacy
// filter's view for their audience.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "notation/document.hpp"
#include "notation/otio_export.hpp"
#include "notation/still.hpp"

namespace cs::editor {

enum class ExportFormat { glb, gltf, otio, sheet_pdf, sheet_html, sheet_md, sheet_csv, still_png };
bool is_sheet(ExportFormat f);

struct ExportSettings {
  ExportFormat format = ExportFormat::glb;
  bool animated = false;              // glTF: the whole range at tempo; else a still
  double at = 1;                      // glTF still and the camera still: the count
  std::string beat;                   // "" : the whole choreography; else only this beat (its id)
  std::string audience = "director";  // sheets: performer:ID, director, costume, ad, continuity
  std::string date;                   // sheets: YYYY-MM-DD, "" today (UTC)
  std::string camera;                 // the camera still: the camera's id
  StillOverlay overlay = StillOverlay::none;  // the camera still
  double fps = kOtioDefaultFps;       // .otio: the markers' frame rate (otio_fps_problem says when it cannot be)
  std::filesystem::path out;
};

// The extension a format writes (".glb"), and the format of a path by its extension.
const char* export_extension(ExportFormat f);
std::optional<ExportFormat> export_format_of(const std::filesystem::path& out);

struct ExportOutcome {
  bool ok = false;
  bool cancelled = false;
  std::string message;                // what was written, or why not (a sentence)
};

class ExportJob {
 public:
  // Starts at once. `scene_dir` is where the scene's imported meshes are.
  ExportJob(Document doc, std::filesystem::path scene_dir, ExportSettings settings);
  ~ExportJob();  // cancels and waits
  ExportJob(const ExportJob&) = delete;
  ExportJob& operator=(const ExportJob&) = delete;

  const ExportSettings& settings() const { return settings_; }
  double progress() const { return progress_.load(); }   // 0 to 1
  bool finished() const { return finished_.load(); }
  void cancel() { cancel_.store(true); }
  bool cancelling() const { return cancel_.load(); }
  // Once finished(): what happened.
  ExportOutcome outcome() const;

 private:
  void run(Document full, std::filesystem::path scene_dir);
  void run_sheet_or_still(const Document& full, const std::filesystem::path& scene_dir);
  ExportSettings settings_;
  std::atomic<double> progress_{0};
  std::atomic<bool> cancel_{false};
  std::atomic<bool> finished_{false};
  ExportOutcome outcome_;             // written by the thread before finished_
  std::thread thread_;
};

// [SECTION] The dialog (export_dialog.cpp)
struct EditorState;
struct UiFonts;
struct ExportDialogResult {
  std::optional<ExportSettings> start;  // the user asked for this export
  bool cancel = false;                  // Cancel while the job runs
  bool close = false;                   // the dialog was closed
};
// The modal; `open_now` opens it with that format chosen. `job` is the export
// running or last run while the dialog is open (nullptr before one starts).
ExportDialogResult draw_export_dialog(std::optional<ExportFormat> open_now, const EditorState& s, const ExportJob* job,
                                      const UiFonts& fonts);

}  // namespace cs::editor
