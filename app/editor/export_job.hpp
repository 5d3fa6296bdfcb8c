// export_job.hpp — File → Export… runs here: one export on its own thread, on a
// copy of the document, with its progress for a bar and a flag to cancel it.
// The file is written atomically when the export is complete; a cancelled or
// failed export leaves nothing at the target (and the old file, if any, as it
// was). The job reads nothing private: the exporters it calls never read
// boundaries, riders, conditions, notes or takes (gltf_export.hpp, otio_export.hpp).
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "notation/document.hpp"

namespace cs::editor {

enum class ExportFormat { glb, gltf, otio };

struct ExportSettings {
  ExportFormat format = ExportFormat::glb;
  bool animated = false;              // glTF: the whole range at tempo; else a still
  double at = 1;                      // glTF still: the count
  std::string beat;                   // "" : the whole choreography; else only this beat (its id)
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
  void run(Document doc, std::filesystem::path scene_dir);
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
// The modal. `job` is the export running or last run while the dialog is open
// (nullptr before one starts).
ExportDialogResult draw_export_dialog(bool open_now, const EditorState& s, const ExportJob* job, const UiFonts& fonts);

}  // namespace cs::editor
