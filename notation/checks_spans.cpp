// checks_spans.cpp — judging samples in order: observations merged into spans
// (Spans), and the read threshold with hysteresis (Reading), checks_run.hpp.
//
// [SECTION] Spans
// [SECTION] Reading
#include <algorithm>
#include <cmath>

#include "notation/checks_run.hpp"
#include "notation/consent.hpp"
#include "notation/phrasing.hpp"

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] Spans

void Spans::observe(int sample, Observation o) {
  auto it = open_.find(o.key);
  if (it != open_.end() && (it->second.last == sample - 1 || it->second.last == sample)) {
    if (it->second.seen_last != sample) ++it->second.observed;
    it->second.last = it->second.seen_last = sample;
    if (o.amount > it->second.amount) it->second.peak = sample;
    it->second.amount = std::max(it->second.amount, o.amount);
    it->second.extra.insert(o.finding.suggestion);
    if (!o.detail.empty()) it->second.details.insert(o.detail);
    return;
  }
  if (it != open_.end()) close(it);
  Open op;
  op.first = op.last = op.peak = op.seen_last = sample;
  op.observed = 1;
  op.amount = o.amount;
  op.extra.insert(o.finding.suggestion);
  if (!o.detail.empty()) op.details.insert(o.detail);
  op.finding = std::move(o.finding);
  open_.emplace(o.key, std::move(op));
}

void Spans::end_sample(int sample, bool partial) {
  for (auto it = open_.begin(); it != open_.end();) {
    if (it->second.last >= sample) {
      ++it;
      continue;
    }
    const std::size_t bar = it->first.find('|');
    if (partial && (bar == std::string::npos || !measured_.count(it->first.substr(bar + 1)))) {
      if (it->second.last == sample - 1) it->second.last = sample;  // not measured here: carried through
      ++it;
      continue;
    }
    it = close(it);
  }
  measured_.clear();
}

std::vector<Finding> Spans::finish() {
  for (auto it = open_.begin(); it != open_.end();) it = close(it);
  return std::move(done_);
}

std::map<std::string, Spans::Open>::iterator Spans::close(std::map<std::string, Open>::iterator it) {
  Open& op = it->second;
  if (op.finding.code == FindingCode::pose_unnotated_contact && op.observed < min_touch_samples)
    return open_.erase(it);
  Finding f = std::move(op.finding);
  const auto first = static_cast<std::size_t>(op.first), last = static_cast<std::size_t>(op.seen_last);
  f.from_count = samples_[first];
  f.to_count = samples_[last];
  f.peak_count = samples_[static_cast<std::size_t>(op.peak)];
  std::string span = count_span_words(f.from_count, f.to_count);
  // A span may run on through several beats; it is listed under the first.
  if (last < beats_.size() && beats_[first] != beats_[last]) span += " (" + beats_[first] + " to " + beats_[last] + ")";
  std::vector<std::string> seen;
  for (const std::string& e : op.extra)
    if (!e.empty()) seen.push_back(e);
  std::string extras;
  for (const std::string& e : seen) extras += (extras.empty() ? "" : "; ") + e;
  auto replace = [](std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  };
  replace(f.message, "{details}", join_list(std::vector<std::string>(op.details.begin(), op.details.end())));
  replace(f.message, "{span}", span);
  // "up to 3.10% of the frame", but "under 0.01% of the frame", never "up to under".
  const std::string amount = percent_text(op.amount);
  replace(f.message, "up to {amount}", amount.rfind("under ", 0) == 0 ? amount : "up to " + amount);
  replace(f.message, "{amount}", amount);
  replace(f.suggestion, "{extras}", extras);
  if (f.suggestion.find("{") == std::string::npos && op.extra.size() > 1 && f.code == FindingCode::masking_fragile)
    f.suggestion = extras;
  done_.push_back(std::move(f));
  return open_.erase(it);
}

// ---------------------------------------------------------------------------
// [SECTION] Reading

Thresholds thresholds_for(std::uint32_t rays) {
  Thresholds t;
  t.start = reads_threshold(rays);
  t.hold = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::ceil(kHoldShare * rays - 1e-9)));
  return t;
}

bool Reading::reads(int sample, const std::string& key, std::uint32_t rays, const Thresholds& t) {
  if (sample != sample_) {
    // What was not asked about at the last sample keeps what it was before it.
    for (const std::string& k : before_)
      if (!asked_.count(k)) now_.insert(k);
    before_ = std::move(now_);
    now_.clear();
    asked_.clear();
    sample_ = sample;
  }
  asked_.insert(key);
  const bool was = before_.count(key) > 0;
  const bool now = rays >= (was ? t.hold : t.start);
  if (now) now_.insert(key);
  return now;
}

}  // namespace cs
