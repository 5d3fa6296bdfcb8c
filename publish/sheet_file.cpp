// sheet_file.cpp — sheets and stills as file bytes (see sheet_file.hpp).
#include "publish/sheet_file.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>

#include "notation/audience.hpp"
#include "notation/phrasing.hpp"
#include "notation/stage.hpp"
#include "publish/png.hpp"

namespace cs {

const char* sheet_format_extension(SheetFormat f) {
  switch (f) {
    case SheetFormat::pdf: return ".pdf";
    case SheetFormat::html: return ".html";
    case SheetFormat::md: return ".md";
    case SheetFormat::csv: return ".csv";
  }
  return "";
}

std::optional<SheetFormat> sheet_format_of(const std::filesystem::path& out) {
  std::string ext = out.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  for (SheetFormat f : {SheetFormat::pdf, SheetFormat::html, SheetFormat::md, SheetFormat::csv})
    if (ext == sheet_format_extension(f)) return f;
  return std::nullopt;
}

std::string today_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

SheetFile make_sheet_file(const Document& full, const std::string& audience_text, const SheetFileOptions& options) {
  SheetFile out;
  std::string why;
  const std::optional<Audience> audience = parse_audience(full, audience_text, why);
  if (!audience || audience->kind == AudienceKind::interchange) {
    out.error = audience ? "use performer:ID, director, costume, ad or continuity (interchange is closedset export)" : why;
    out.bad_input = true;
    return out;
  }
  // Everything below reads the view, never `full`.
  AudienceOptions ao;
  ao.meshes = options.publish.meshes;
  const AudienceView view = audience_view(full, *audience, ao);
  if (options.publish.cancel && options.publish.cancel->load()) {
    out.cancelled = true;
    return out;
  }
  SheetOptions so;
  so.date = options.date;
  so.stills = options.stills && (options.format == SheetFormat::pdf || options.format == SheetFormat::html);
  so.meshes = options.publish.meshes;
  const Sheet sheet = build_sheet(view, so);
  out.header = sheet.header;
  out.beats = view.doc.choreography.beats.size();
  PublishResult r;
  switch (options.format) {
    case SheetFormat::pdf: r = sheet_pdf(sheet, view, options.publish); break;
    case SheetFormat::html: r = sheet_html(sheet, view, options.publish); break;
    case SheetFormat::md: r.bytes = sheet_markdown(sheet); break;
    case SheetFormat::csv: r.bytes = sheet_csv(sheet); break;
  }
  out.cancelled = r.cancelled || (options.publish.cancel && options.publish.cancel->load());
  if (!out.cancelled && !r.ok()) out.error = r.error;
  if (out.ok()) {
    out.bytes = std::move(r.bytes);
    out.pages = r.pages;
  }
  return out;
}

StillFile make_still_png(const Document& full, const std::string& camera, double count, const StillFileOptions& options) {
  StillFile out;
  const Camera* cam = full.camera(camera);
  if (!cam) {
    std::vector<std::string> ids;
    for (const Camera& c : full.cameras) ids.push_back(c.id);
    out.error = "no camera '" + camera + "' (cameras: " + (ids.empty() ? "none" : join_list(ids)) + ")";
    out.bad_input = true;
    return out;
  }
  AudienceOptions ao;
  ao.run_checks = options.overlay == StillOverlay::consent;  // agreed / not agreed needs the checks
  ao.meshes = options.meshes;
  const AudienceView view = audience_view(full, Audience{AudienceKind::director, ""}, ao);
  const Document& doc = view.doc;
  const int index = int(cam - full.cameras.data());
  const Stage stage = evaluate(doc, count, options.meshes);
  StillOptions so;
  so.max_width = options.max_width;
  so.max_height = options.max_height;
  so.overlay = options.overlay;
  so.supersample = options.supersample;
  so.agreements = &view.camera_agreements;
  const StillImage still = render_still(doc, stage, index, so);
  out.bytes = encode_png(still, out.error);
  out.width = still.width;
  out.height = still.height;
  out.beat = still.beat;
  out.lens = still.lens;
  out.shot = still.shot;
  return out;
}

}  // namespace cs
