#include "notation/otio_export.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "notation/phrasing.hpp"

namespace cs {

namespace {

using Json = nlohmann::ordered_json;

Json rational_time(double frames, double fps) {
  return {{"OTIO_SCHEMA", "RationalTime.1"}, {"rate", fps}, {"value", frames}};
}

Json time_range(double start_frames, double duration_frames, double fps) {
  return {{"OTIO_SCHEMA", "TimeRange.1"},
          {"duration", rational_time(duration_frames, fps)},
          {"start_time", rational_time(start_frames, fps)}};
}

// The fields every Item has (name, metadata, source_range, effects, markers, enabled).
Json item(const char* schema, const std::string& name, Json source_range, Json markers) {
  return {{"OTIO_SCHEMA", schema}, {"metadata", Json::object()}, {"name", name}, {"source_range", std::move(source_range)},
          {"effects", Json::array()}, {"markers", std::move(markers)}, {"enabled", true}};
}

}  // namespace

bool finding_in_beat(const Beat& b, const Finding& f) {
  const bool moment = f.from_count == f.to_count;
  return f.beat == b.id || (f.from_count < b.end_count() && f.to_count > b.start_count) ||
         (moment && f.from_count >= b.start_count && f.from_count < b.end_count());
}

std::vector<std::optional<Severity>> worst_severity_per_beat(const Document& doc, const std::vector<Finding>& findings) {
  const auto& beats = doc.choreography.beats;
  std::vector<std::optional<Severity>> worst(beats.size());
  for (std::size_t i = 0; i < beats.size(); ++i) {
    const Beat& b = beats[i];
    for (const Finding& f : findings)
      if (finding_in_beat(b, f) && (!worst[i] || f.severity > *worst[i])) worst[i] = f.severity;
  }
  return worst;
}

const char* otio_marker_colour(std::optional<Severity> worst) {
  if (!worst) return "GREEN";
  switch (*worst) {
    case Severity::error: return "RED";
    case Severity::warning: return "YELLOW";
    case Severity::info: return "BLUE";
  }
  return "GREEN";
}

std::string export_otio(const Document& doc, const std::vector<std::optional<Severity>>& worst,
                        const OtioOptions& opt) {
  const auto& beats = doc.choreography.beats;
  const std::optional<BeatRange> range = opt.beats ? opt.beats : whole_choreography(doc);
  const double from = range ? range->from_count : doc.first_count();
  const double to = range ? range->to_count : doc.first_count();
  const double fps = opt.fps;
  auto frame = [&](double count) { return std::round((count - from) * doc.seconds_per_count() * fps); };

  Json markers = Json::array();
  if (range)
    for (std::size_t i = range->first; i <= range->last; ++i) {
      const Beat& b = beats[i];
      const std::optional<Severity> w = i < worst.size() ? worst[i] : std::nullopt;
      const double start = frame(b.start_count), end = frame(b.end_count());
      Json meta = {{"beat", b.id},
                   {"label", b.label},
                   {"start_count", b.start_count},
                   {"length_counts", b.length_counts},
                   {"placeholder", b.placeholder},
                   {"worst_finding", w ? std::string(severity_name(*w)) : std::string("none")}};
      markers.push_back({{"OTIO_SCHEMA", "Marker.2"},
                         {"metadata", {{"closedset", std::move(meta)}}},
                         {"name", b.label.empty() ? b.id : b.id + " " + b.label},
                         {"color", otio_marker_colour(w)},
                         {"marked_range", time_range(start, end - start, fps)},
                         {"comment", b.action}});
    }

  const std::string title = doc.scene.title.empty() ? "ClosedSet beats" : doc.scene.title;
  Json gap = item("Gap.1", "choreography", time_range(0, frame(to), fps), Json::array());
  Json track = item("Track.1", "ClosedSet beats", nullptr, Json::array());
  track["kind"] = "Video";
  track["children"] = Json::array({std::move(gap)});
  Json stack = item("Stack.1", "tracks", nullptr, std::move(markers));
  stack["children"] = Json::array({std::move(track)});
  Json timeline = {{"OTIO_SCHEMA", "Timeline.1"},
                   {"metadata",
                    {{"closedset",
                      {{"format", "closedset-otio"},
                       {"version", 1},
                       {"tempo_bpm", doc.choreography.tempo_bpm},
                       {"choreography_version", doc.choreography.version},
                       {"from_count", from},
                       {"to_count", to},
                       {"fps", fps}}}}},
                   {"name", title},
                   {"global_start_time", nullptr},
                   {"tracks", std::move(stack)}};
  return timeline.dump(4, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string otio_fps_problem(double fps) {
  if (std::isfinite(fps) && fps >= kOtioMinFps && fps <= kOtioMaxFps) return "";
  return "The frame rate must be from " + number_text(kOtioMinFps) + " to " + number_text(kOtioMaxFps) + " frames a second";
}

}  // namespace cs
