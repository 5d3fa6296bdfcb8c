// checks_worker.cpp — checks_worker.hpp.
#include "app/editor/checks_worker.hpp"

#include <chrono>
#include <exception>

namespace cs::editor {

ChecksWorker::ChecksWorker(CheckOptions options, std::function<void()> wake)
    : options_(options), wake_(std::move(wake)), thread_([this] { loop(); }) {}

ChecksWorker::~ChecksWorker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
    pending_.reset();
  }
  cv_.notify_all();
  thread_.join();
}

void ChecksWorker::request(const Document& doc, std::uint64_t generation, std::shared_ptr<const PropMeshes> meshes) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_ = Job{doc, generation, std::move(meshes)};
  }
  cv_.notify_all();
}

std::optional<ChecksWorker::Result> ChecksWorker::take() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::optional<Result> r = std::move(done_);
  done_.reset();
  return r;
}

void ChecksWorker::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    cv_.wait(lock, [this] { return stop_ || pending_.has_value(); });
    if (stop_) return;
    auto job = std::move(*pending_);
    pending_.reset();
    running_ = true;
    lock.unlock();
    const auto t0 = std::chrono::steady_clock::now();
    Result r;
    r.generation = job.generation;
    try {
      CheckOptions options = options_;
      options.meshes = job.meshes.get();
      r.findings = run_checks(job.doc, options, &cache_).findings;
    } catch (const std::exception& e) {
      r.error = e.what();  // an internal error: shown, never fatal to the editor
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    lock.lock();
    running_ = false;
    done_ = std::move(r);
    if (wake_) wake_();
  }
}

}  // namespace cs::editor
