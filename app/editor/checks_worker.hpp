// checks_worker.hpp — cs::run_checks on a background thread, so the editor
// never waits for the checks (about a second on the example scene, far more on
// the 64-beat reference). The editor asks with a copy of the document and its
// generation; a newer request replaces one not yet started; results come back
// tagged with the generation they were made for, and the editor drops any that
// are stale. No ImGui, no GL.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "notation/checks.hpp"
#include "notation/document.hpp"
#include "notation/mesh_import.hpp"

namespace cs::editor {

class ChecksWorker {
 public:
  struct Result {
    std::uint64_t generation = 0;
    std::vector<Finding> findings;
    double seconds = 0;
    std::string error;  // the checks failed internally ("" normally)
  };

  // `wake` is called (from the worker thread) when a result is ready, e.g.
  // glfwPostEmptyEvent so an idle editor redraws.
  explicit ChecksWorker(CheckOptions options = {}, std::function<void()> wake = {});
  ~ChecksWorker();  // waits for a run under way to finish
  ChecksWorker(const ChecksWorker&) = delete;
  ChecksWorker& operator=(const ChecksWorker&) = delete;

  // `meshes` are the document's imported prop meshes (shared, read-only), so
  // mesh props block and mask in the checks as they do in the viewport.
  void request(const Document& doc, std::uint64_t generation, std::shared_ptr<const PropMeshes> meshes = nullptr);
  // The newest finished result not taken yet.
  std::optional<Result> take();

 private:
  void loop();

  CheckOptions options_;
  CheckCache cache_;  // samples the last run measured: a re-check re-measures only what an edit changed
  std::function<void()> wake_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  struct Job {
    Document doc;
    std::uint64_t generation = 0;
    std::shared_ptr<const PropMeshes> meshes;
  };
  std::optional<Job> pending_;
  std::optional<Result> done_;
  bool running_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace cs::editor
