// cmd_sheet.cpp — `closedset sheet FILE --for performer:ID|director|costume|ad
// -o OUT.pdf|.html|.md|.csv [--date YYYY-MM-DD] [--no-stills]`.
//
// The sheets: the performer's beat sheet, the director's masking sheet, the
// costume and AD sheets (notation/sheet.hpp), each built from the privacy
// filter's view for its audience (notation/audience.hpp), written by publish/.
// The format comes from OUT's extension; the file is written atomically, so a
// failure leaves nothing at OUT (or the file that was there).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "app/cli.hpp"
#include "notation/audience.hpp"
#include "notation/format.hpp"
#include "notation/mesh_import.hpp"
#include "notation/phrasing.hpp"
#include "notation/sheet.hpp"
#include "publish/sheet_file.hpp"

namespace cs::cli {

namespace {

struct Options {
  std::string file, out, audience, date, passphrase_file;
  bool no_stills = false;
  int still_width = 480;
};

int bad(const std::string& why) {
  say(stderr, "closedset sheet: %s\n", why.c_str());
  return kBadInput;
}

bool valid_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  const int year = std::stoi(d.substr(0, 4)), month = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  if (month < 1 || month > 12) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day >= 1 && day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);  // no 30 February
}

int run_sheet(const Options& opt) {
  const std::optional<SheetFormat> format = sheet_format_of(opt.out);
  if (!format) return bad("-o " + opt.out + ": the file name must end in .pdf, .html, .md or .csv");
  const std::string date = opt.date.empty() ? today_utc() : opt.date;
  if (!valid_date(date)) return bad("--date " + opt.date + ": give a date that exists, as YYYY-MM-DD");
  if (const std::string why = output_folder_problem(opt.out); !why.empty()) return bad(why);
  const OpenedScene scene(opt.file, opt.passphrase_file);
  const LoadResult& r = scene.load;
  if (!r.ok()) {
    for (const Diagnostic& d : r.errors) say(stderr, "%s\n", format_diagnostic(d).c_str());
    return bad(opt.file + ": not a valid scene; no sheet was written");
  }
  const Document& full = *r.document;
  std::string why;
  if (const std::optional<Audience> audience = parse_audience(full, opt.audience, why);
      !audience || audience->kind == AudienceKind::interchange)
    return bad(opt.file + ": --for " + opt.audience + ": " +
               (audience ? "use performer:ID, director, costume, ad or continuity (interchange is closedset export)" : why));
  const PropMeshes meshes = load_prop_meshes(full, std::filesystem::path(opt.file).parent_path());
  if (!meshes.ok()) {
    for (const std::string& e : meshes.errors) say(stderr, "%s: %s\n", opt.file.c_str(), e.c_str());
    return bad(opt.file + ": a prop's mesh could not be loaded; no sheet was written");
  }

  // The same path as the editor's File → Export… (publish/sheet_file.hpp).
  SheetFileOptions so;
  so.format = *format;
  so.date = date;
  so.stills = !opt.no_stills;
  so.publish.meshes = &meshes;
  so.publish.still_width = opt.still_width;
  const SheetFile out = make_sheet_file(full, opt.audience, so);
  if (out.bad_input) return bad(opt.file + ": --for " + opt.audience + ": " + out.error);
  if (!out.ok()) {
    say(stderr, "closedset sheet: %s; nothing was written\n", out.error.c_str());
    return kInternal;
  }
  const SaveResult saved = write_file_atomic(opt.out, out.bytes, false);
  if (!saved.ok) return bad("cannot write " + opt.out + ": " + saved.error);
  const SheetHeader& h = out.header;
  say(stdout, "%s: %s for %s, %s, version %d (%s), %s, digest %s", opt.out.c_str(), h.kind.c_str(), h.for_words.c_str(),
      plural(static_cast<long long>(out.beats), "beat").c_str(), h.version, h.status.c_str(), h.date.c_str(),
      h.digest.c_str());
  if (out.pages) say(stdout, ", %s", plural(out.pages, "page").c_str());
  if (h.revised_since) say(stdout, ", revision marks since version %d", h.revised_since);
  say(stdout, "\n");
  return kOk;
}

}  // namespace

void add_sheet(CLI::App& app, Runner& run) {
  auto opt = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "sheet", "A sheet for one audience: performer's beat sheet, director's masking sheet, costume, AD or continuity sheet");
  sub->add_option("FILE", opt->file, "Scene file (NAME.closedset.json)")->required();
  sub->add_option("--for", opt->audience, "performer:ID, director, costume, ad or continuity")->required();
  sub->add_option("-o,--output", opt->out, "Where to write: OUT.pdf, OUT.html, OUT.md or OUT.csv (the beat list; for continuity, the take log)")
      ->required();
  sub->add_option("--date", opt->date, "The sheet's date, YYYY-MM-DD (default: today, UTC); same file and date, same bytes");
  sub->add_flag("--no-stills", opt->no_stills, "Director's and continuity sheets: leave out the stills (faster)");
  sub->add_option("--still-width", opt->still_width, "Pixels across each still (default 480)")->check(CLI::Range(64, 2048));
  add_passphrase_option(sub, opt->passphrase_file);
  sub->footer(
      "Each sheet is built from what its audience may see: a performer sees their own body map and rider and, of a\n"
      "partner, only the lines that govern contact between the two of them; the director sees consent only as\n"
      "agreed / not agreed from this view; no private note reaches any sheet. Each sheet says what it leaves out.\n"
      "Exit status: 0 written, 2 bad input or usage (nothing written), 3 internal error.");
  sub->callback([opt, &run] { run = [opt] { return run_sheet(*opt); }; });
}

}  // namespace cs::cli
