// checks.cpp — run_checks (checks.hpp): the document-only checks, then the two
// phases of the geometric ones (checks_run.hpp), then one sorted list.
//
// Each family of checks has its own file: checks_contacts.cpp,
// checks_exposure.cpp, checks_masking_notes.cpp, checks_pose.cpp,
// checks_eyelines.cpp; the samples and their cache are checks_samples.cpp, the
// spans and hysteresis checks_spans.cpp, suggestions checks_suggest.cpp.
//
// [SECTION] The report
// [SECTION] The run's context
// [SECTION] The document-only checks
// [SECTION] run_checks
#include "notation/checks.hpp"

#include <algorithm>
#include <tuple>

#include "notation/checks_run.hpp"
#include "notation/consent.hpp"
#include "notation/phrasing.hpp"
#include "notation/timeline.hpp"

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] The report

namespace {
int count_severity(const std::vector<Finding>& findings, Severity s) {
  return static_cast<int>(
      std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == s; }));
}
}  // namespace

int CheckReport::errors() const { return count_severity(findings, Severity::error); }
int CheckReport::warnings() const { return count_severity(findings, Severity::warning); }
int CheckReport::infos() const { return count_severity(findings, Severity::info); }

// ---------------------------------------------------------------------------
// [SECTION] The run's context

namespace {
std::vector<std::string> beat_ids(const Document& d, const std::vector<double>& samples) {
  std::vector<std::string> out;
  for (double c : samples) {
    const Beat* b = beat_at(d, c);
    out.push_back(b ? b->id : "");
  }
  return out;
}
}  // namespace

CheckRun::CheckRun(const Document& d, const CheckOptions& o, std::vector<double> s, CheckCache* c)
    : doc(d), options(o), samples(s), cache(c), base_samples(std::move(s)) {
  samples_per_count = std::max(1, o.samples_per_count);
  spans.min_touch_samples = samples_per_count >= 2 ? 2 : 1;
  masking.width = o.masking_width > 0 ? o.masking_width : kDefaultMaskingWidth;
  masking.threads = 1;  // parallel over samples instead
  measurement_hash = cs::measurement_hash(d, o, masking);
  // Per performer, the sensitive and intimate regions: the only ones whose
  // touches the pose checks report.
  for (const Performer& p : d.performers) {
    std::uint64_t bits = 0;
    for (std::size_t r = 0; r < kRegionCount; ++r)
      if (tier_for(p, vocab_at<Region>(r)) != Tier::ordinary) bits |= region_bit(vocab_at<Region>(r));
    private_regions.push_back(bits);
  }
  // Per performer and view, the regions whose bare skin the rider does not
  // simply allow: the only skin counts the exposure checks read.
  not_allowed.resize(d.performers.size());
  for (std::size_t p = 0; p < d.performers.size(); ++p)
    for (std::size_t v = 0; v < kViewCount; ++v)
      for (std::size_t r = 0; r < kRegionCount; ++r)
        if (rider_verdict(d.performers[p], vocab_at<Region>(r), vocab_at<View>(v)).outcome != RiderVerdict::allowed)
          not_allowed[p][v] |= region_bit(vocab_at<Region>(r));
}

bool CheckRun::is_probe(int k, double count, const Beat* beat) const {
  return options.fragile_offset_m > 0 && (k % samples_per_count == 0 || (beat && count == beat->start_count) ||
                                          k + 1 == static_cast<int>(base_samples.size()));
}

// ---------------------------------------------------------------------------
// [SECTION] The document-only checks

namespace {

// The same contact noted in consecutive beats (a hold through a roll) gives the
// same finding in each; one finding spanning them reads better.
std::vector<Finding> merge_consecutive_beats(std::vector<Finding> in) {
  std::vector<Finding> out;
  std::vector<std::string> last_beat;
  for (Finding& f : in) {
    bool merged = false;
    for (std::size_t i = out.size(); i-- > 0;) {
      Finding& o = out[i];
      if (o.code == f.code && o.performer == f.performer && o.region == f.region && o.other == f.other &&
          o.message == f.message && o.to_count == f.from_count) {
        o.to_count = f.to_count;
        last_beat[i] = f.beat;
        merged = true;
        break;
      }
    }
    if (!merged) {
      last_beat.push_back(f.beat);
      out.push_back(std::move(f));
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i)
    if (last_beat[i] != out[i].beat) out[i].message += " (noted in " + out[i].beat + " to " + last_beat[i] + ")";
  return out;
}

bool finding_less(const Finding& a, const Finding& b) {
  return std::make_tuple(a.from_count, -static_cast<int>(a.severity), static_cast<int>(a.code), a.camera, a.performer,
                         a.region ? static_cast<int>(*a.region) : -1, a.other, a.to_count, a.message) <
         std::make_tuple(b.from_count, -static_cast<int>(b.severity), static_cast<int>(b.code), b.camera, b.performer,
                         b.region ? static_cast<int>(*b.region) : -1, b.other, b.to_count, b.message);
}

// safety.pause_word: nothing stands in for a word nobody chose.
void check_safety(const Document& doc, std::vector<Finding>& out) {
  if (!doc.safety.pause_word.empty()) return;
  Finding f = new_finding(FindingCode::safety_pause_word);
  f.from_count = f.to_count = doc.choreography.beats.empty() ? 0 : doc.first_count();
  f.message = "The pause word is " + pause_word_text(doc.safety) +
              ": nobody has agreed one, so nobody on set can rely on one";
  f.suggestion = "Agree a pause word (and its response) with the cast before the first run";
  out.push_back(std::move(f));
}

}  // namespace

std::vector<Finding> check_notation(const Document& doc) {
  std::vector<Finding> out;
  for (const Beat& beat : doc.choreography.beats) {
    check_contacts(doc, beat, out);
    check_eyeline_targets(doc, beat, out);
  }
  out = merge_consecutive_beats(std::move(out));
  check_poses_written(doc, out);
  check_safety(doc, out);
  return out;
}

// ---------------------------------------------------------------------------
// [SECTION] run_checks

namespace {

// Phase 2: every sample judged in timeline order, each family observing into
// the run's spans.
void judge_samples(CheckRun& run, const std::vector<std::shared_ptr<const SampleGeometry>>& geo) {
  const int spc = run.spans.min_touch_samples;
  run.spans = Spans(run.samples, beat_ids(run.doc, run.samples));
  run.spans.min_touch_samples = spc;
  for (int k = 0; k < static_cast<int>(run.samples.size()); ++k) {
    const double count = run.samples[static_cast<std::size_t>(k)];
    const Beat* beat = beat_at(run.doc, count);
    const SampleGeometry& g = *geo[static_cast<std::size_t>(k)];
    if (g.refined) {  // adaptive time: the exposure of the regions it measured, nothing else
      for (std::size_t c = 0; c < g.masks.size(); ++c) observe_exposure(run, k, beat, g, c);
      run.spans.end_sample(k, true);
      continue;
    }
    const int base_k = run.base_index[static_cast<std::size_t>(k)];
    const bool probe = run.is_probe(base_k, count, beat);
    if (probe) run.fragile_spans.push_sample(count, beat ? beat->id : "");
    for (std::size_t c = 0; c < g.masks.size(); ++c) {
      const std::set<std::pair<int, Region>> reading = observe_exposure(run, k, beat, g, c);
      if (beat) observe_masking_notes(run, k, count, *beat, g, c);
      if (probe) observe_fragile(run, beat, g, c, reading);
    }
    if (beat) observe_pose(run, k, count, *beat, g);
    if (beat && count == beat->start_count) observe_eyeline_lens(run, k, *beat, g);
    run.spans.end_sample(k);
    if (probe) run.fragile_spans.end_sample(run.probe_index++);
  }
  report_contacts_apart(run);
}

}  // namespace

CheckReport run_checks(const Document& doc, const CheckOptions& options, CheckCache* cache) {
  CheckReport report;
  report.findings = check_notation(doc);
  check_reconfirmation(doc, options, report.findings);
  if (options.geometry && !doc.choreography.beats.empty()) {
    CheckRun run(doc, options, sample_counts(doc, options.samples_per_count), cache);
    report.samples = static_cast<int>(run.base_samples.size());
    auto base = measure_samples(run, report.camera_passes, report.samples_reused);
    for (const auto& g : base) report.rays_cast += g->rays_cast;  // (cached ones included: what the run rests on)
    const auto geo = refine_samples(run, std::move(base), report.camera_passes, report.rays_cast);
    prune_cache(run);
    report.refined_samples = static_cast<int>(run.refined_samples);
    report.finest_step = run.finest_step;
    for (const auto& g : geo) report.fine_windows += g->fine_windows;
    judge_samples(run, geo);
    for (Finding& f : run.spans.finish()) report.findings.push_back(std::move(f));
    for (Finding& f : run.fragile_spans.finish()) report.findings.push_back(std::move(f));
    for (Finding& f : run.whole_beat) report.findings.push_back(std::move(f));
  }
  for (Finding& f : report.findings)
    if (!(f.peak_count >= f.from_count && f.peak_count <= f.to_count)) f.peak_count = f.from_count;
  std::sort(report.findings.begin(), report.findings.end(), finding_less);
  return report;
}

}  // namespace cs
