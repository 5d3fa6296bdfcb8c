// sheet_stills.cpp — the stills a sheet asks for (see sheet_writers.hpp).
//
// A masking sheet asks for a still per camera per beat: the cameras of one
// beat share a Stage (evaluated once per count), and the stills are spread
// over the threads one still to a thread, so the masking engine's per-camera
// setup and its threads' start-up are paid in parallel, not once per still in
// turn. The masking engine's results do not depend on its thread count
// (masking.hpp), so the pixels are those of sheet_still one at a time.
#include <algorithm>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "notation/audience.hpp"
#include "notation/sheet.hpp"
#include "notation/stage.hpp"
#include "publish/sheet_writers.hpp"

namespace cs {

namespace {

StillImage still_on(const AudienceView& view, const Stage& stage, const SheetStill& still, const PublishOptions& options,
                    int threads) {
  StillOptions so;
  so.max_width = options.still_width;
  so.max_height = options.still_width;
  so.overlay = still.overlay;
  so.agreements = &view.camera_agreements;
  so.threads = threads;
  return render_still(view.doc, stage, still.camera, so);
}

}  // namespace

StillImage sheet_still(const AudienceView& view, const SheetStill& still, const PublishOptions& options) {
  return still_on(view, evaluate(view.doc, still.count, options.meshes), still, options, options.threads);
}

bool for_each_sheet_still(const Sheet& sheet, const AudienceView& view, const PublishOptions& options,
                          const std::function<void(std::size_t, StillImage&&)>& take, double progress_share) {
  // The sections with a still, grouped by count (one Stage each), in sheet order.
  std::map<double, std::vector<std::size_t>> by_count;
  std::size_t total = 0;
  for (std::size_t i = 0; i < sheet.sections.size(); ++i)
    if (sheet.sections[i].still) {
      by_count[sheet.sections[i].still->count].push_back(i);
      ++total;
    }
  const std::vector<std::pair<double, std::vector<std::size_t>>> groups(by_count.begin(), by_count.end());
  auto cancelled = [&] { return options.cancel && options.cancel->load(); };
  if (groups.empty()) return !cancelled();

  unsigned threads = options.threads > 0 ? unsigned(options.threads) : std::max(1u, std::thread::hardware_concurrency());
  threads = std::max(1u, std::min<unsigned>(threads, unsigned(groups.size())));
  // One worker: the masking engine may use the threads for the still itself.
  const int per_still = threads == 1 ? options.threads : 1;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex report;  // progress callbacks and the first exception, one thread at a time
  std::size_t done = 0;
  std::exception_ptr failure;
  auto worker = [&] {
    try {
      for (std::size_t g; !stop.load() && (g = next.fetch_add(1)) < groups.size();) {
        const Stage stage = evaluate(view.doc, groups[g].first, options.meshes);
        for (std::size_t i : groups[g].second) {
          if (cancelled()) {
            stop.store(true);
            return;
          }
          take(i, still_on(view, stage, *sheet.sections[i].still, options, per_still));
          if (options.progress) {
            const std::lock_guard<std::mutex> lock(report);
            options.progress(progress_share * double(++done) / double(total));
          }
        }
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(report);
      if (!failure) failure = std::current_exception();
      stop.store(true);
    }
  };
  if (threads == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (std::thread& t : pool) t.join();
  }
  if (failure) std::rethrow_exception(failure);
  return !cancelled() && !stop.load();
}

}  // namespace cs
