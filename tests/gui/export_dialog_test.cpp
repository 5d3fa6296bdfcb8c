// File → Export… as a user takes it: the dialog opens on the scene, an export
// runs on its own thread with a progress bar, and writes a file the glTF
// reader accepts and that holds nothing private; a cancelled export leaves no
// file. Real frames under xvfb-run.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <thread>

#include "app/editor/editor_app.hpp"
#include "notation/edits_cast.hpp"
#include "notation/format.hpp"
#include "publish/sheet_file.hpp"
#include "render/image.hpp"
#include "tests/gui/test_editor.hpp"

namespace fs = std::filesystem;
using cs::editor::ExportFormat;
using cs::editor::ExportSettings;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Frames until the export finishes (or 120 s pass).
bool run_to_end(test::ExampleSession& t) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!t.app->export_job()->finished() && std::chrono::steady_clock::now() < until) {
    t.frames(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  t.frames(2);
  return t.app->export_job()->finished();
}

}  // namespace

TEST_CASE("File → Export… writes an animated glTF on its own thread, with nothing private in it") {
  test::ExampleSession t("export_dialog");
  // A private note with a marker: it must not reach the file.
  cs::Performer p = t.doc().performers[0];
  p.private_note = "MARKER-PRIVATE-NOTE-7731";
  REQUIRE(cs::editor::edit_document(t.s(), "Note", cs::set_performer(t.doc(), p.id, p)));

  t.app->open_export_dialog();
  cs::render::Image shot;
  t.frames();
  t.app->frame(&shot);
  REQUIRE(cs::render::write_png(t.dir / "export_dialog.png", shot, nullptr));

  ExportSettings e;
  e.format = ExportFormat::glb;
  e.animated = true;
  e.out = t.dir / "bedroom.glb";
  REQUIRE(t.app->start_export(e));
  // A second export while this one runs is refused, saying why.
  CHECK_FALSE(t.app->start_export(e));
  CHECK(t.s().status.find("still running") != std::string::npos);
  REQUIRE(run_to_end(t));
  const cs::editor::ExportOutcome o = t.app->export_job()->outcome();
  INFO(o.message);
  CHECK(o.ok);
  CHECK(o.message.rfind("Exported bedroom.glb: ", 0) == 0);
  CHECK(t.s().status == o.message);
  const std::string bytes = read_all(e.out);
  REQUIRE(bytes.size() > 12);
  CHECK(bytes.substr(0, 4) == "glTF");
  CHECK(bytes.find("MARKER-PRIVATE-NOTE-7731") == std::string::npos);
  CHECK(bytes.find("\"choreography\"") != std::string::npos);  // the animation is there
  // Exporting is not an edit.
  CHECK(t.s().history.undo_steps() == 1);
}

TEST_CASE("a cancelled export writes nothing, and an old file stays as it was") {
  test::ExampleSession t("export_cancel");
  REQUIRE(t.app->open(fs::path(CLOSEDSET_EXAMPLES_DIR) / "reference.closedset.json"));
  t.frames();
  ExportSettings e;
  e.format = ExportFormat::gltf;
  e.animated = true;
  e.out = t.dir / "reference.gltf";
  { std::ofstream(e.out) << "the old file"; }
  REQUIRE(t.app->start_export(e));
  // Cancel once it is under way (its first progress), as a user presses Cancel.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (t.app->export_job()->progress() <= 0 && !t.app->export_job()->finished() &&
         std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  t.app->export_job()->cancel();
  REQUIRE(run_to_end(t));
  const cs::editor::ExportOutcome o = t.app->export_job()->outcome();
  INFO(o.message);
  CHECK(o.cancelled);
  CHECK_FALSE(o.ok);
  CHECK(read_all(e.out) == "the old file");
  // Nothing else was left beside it.
  int files = 0;
  for (const auto& entry : fs::directory_iterator(t.dir)) files += entry.is_regular_file() ? 1 : 0;
  CHECK(files == 2);  // the scene copy and the old file
}

TEST_CASE("File → Export… writes a performer's sheet holding their own rider and nobody else's") {
  // The scene whose every private field holds a marker (tests/data/sheet_markers.json, as tests/cli/sheet_tests.cmake reads it).
  test::ExampleSession t("export_sheet");
  const fs::path marked = t.dir / "sheet_markers.json";
  fs::copy_file(fs::path(CLOSEDSET_TEST_DATA_DIR) / "sheet_markers.json", marked);
  REQUIRE(t.app->open(marked));
  t.app->open_export_dialog(ExportFormat::sheet_pdf);
  cs::render::Image shot;
  t.frames();
  t.app->frame(&shot);
  REQUIRE(cs::render::write_png(t.dir / "export_sheet_dialog.png", shot, nullptr));

  for (ExportFormat f : {ExportFormat::sheet_html, ExportFormat::sheet_md}) {
    ExportSettings e;
    e.format = f;
    e.audience = "performer:ana";
    e.date = "2026-01-15";
    e.out = t.dir / (std::string("ana") + cs::editor::export_extension(f));
    REQUIRE(t.app->start_export(e));
    REQUIRE(run_to_end(t));
    const cs::editor::ExportOutcome o = t.app->export_job()->outcome();
    INFO(o.message);
    REQUIRE(o.ok);
    CHECK(o.message.find("Beat sheet for") != std::string::npos);
    const std::string text = read_all(e.out);
    CHECK(std::regex_search(text, std::regex("PRIVanaRIDER[0-9]+X7F3A")));     // her own rider: there
    CHECK(std::regex_search(text, std::regex("PRIVanaBOUNDARY[0-9]+X7F3A")));  // her own lines: there
    CHECK_FALSE(std::regex_search(text, std::regex("PRIVbenRIDER[0-9]+X7F3A")));
    CHECK_FALSE(std::regex_search(text, std::regex("PRIV[a-z]+NOTEX7F3A")));
    CHECK_FALSE(std::regex_search(text, std::regex("PRIVTAKE[0-9]+X7F3A")));
    // The CLI writes the same bytes for the same document and date (one path: publish/sheet_file.hpp).
    cs::SheetFileOptions so;
    so.format = *cs::sheet_format_of(e.out);
    so.date = e.date;
    const cs::LoadResult r = cs::load_scene_file(marked);
    REQUIRE(r.ok());
    CHECK(cs::make_sheet_file(*r.document, "performer:ana", so).bytes == text);
  }
  // An unknown performer is refused, saying why, and writes nothing.
  ExportSettings bad;
  bad.format = ExportFormat::sheet_md;
  bad.audience = "performer:nobody";
  bad.out = t.dir / "nobody.md";
  REQUIRE(t.app->start_export(bad));
  REQUIRE(run_to_end(t));
  CHECK_FALSE(t.app->export_job()->outcome().ok);
  CHECK(t.app->export_job()->outcome().message.rfind("Not exported: ", 0) == 0);
  CHECK_FALSE(fs::exists(bad.out));
}

TEST_CASE("File → Export… writes a camera still as PNG at the playhead") {
  test::ExampleSession t("export_still");
  ExportSettings e;
  e.format = ExportFormat::still_png;
  e.camera = t.doc().cameras.at(0).id;
  e.at = t.doc().choreography.beats.at(0).start_count;
  e.overlay = cs::StillOverlay::masking;
  e.out = t.dir / "still.png";
  REQUIRE(t.app->start_export(e));
  REQUIRE(run_to_end(t));
  const cs::editor::ExportOutcome o = t.app->export_job()->outcome();
  INFO(o.message);
  CHECK(o.ok);
  CHECK(o.message.find("overlay masking") != std::string::npos);
  const std::string bytes = read_all(e.out);
  REQUIRE(bytes.size() > 8);
  CHECK(bytes.substr(1, 3) == "PNG");
}

TEST_CASE("a cancelled sheet export leaves the old file byte for byte") {
  test::ExampleSession t("export_sheet_cancel");
  REQUIRE(t.app->open(fs::path(CLOSEDSET_EXAMPLES_DIR) / "reference.closedset.json"));
  t.frames();
  ExportSettings e;
  e.format = ExportFormat::sheet_pdf;
  e.audience = "director";  // a still per camera per beat: 256 of them
  e.out = t.dir / "reference.pdf";
  const std::string old = std::string("%PDF-1.5 the old sheet\n\0\xff", 26);
  { std::ofstream(e.out, std::ios::binary) << old; }
  REQUIRE(t.app->start_export(e));
  // Cancel once the stills are under way, as a user presses Cancel.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (t.app->export_job()->progress() <= 0.05 && !t.app->export_job()->finished() &&
         std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK_FALSE(t.app->export_job()->finished());
  t.app->export_job()->cancel();
  REQUIRE(run_to_end(t));
  const cs::editor::ExportOutcome o = t.app->export_job()->outcome();
  INFO(o.message);
  CHECK(o.cancelled);
  CHECK_FALSE(o.ok);
  CHECK(read_all(e.out) == old);
  int files = 0;
  for (const auto& entry : fs::directory_iterator(t.dir)) files += entry.is_regular_file() ? 1 : 0;
  CHECK(files == 2);  // the scene copy and the old file
}

TEST_CASE("the export's path and format are checked before it starts") {
  CHECK(cs::editor::export_format_of("a/b.GLB") == ExportFormat::glb);
  CHECK(cs::editor::export_format_of("b.otio") == ExportFormat::otio);
  CHECK(cs::editor::export_format_of("b.PDF") == ExportFormat::sheet_pdf);
  CHECK(cs::editor::export_format_of("b.csv") == ExportFormat::sheet_csv);
  CHECK(cs::editor::export_format_of("b.png") == ExportFormat::still_png);
  CHECK_FALSE(cs::editor::export_format_of("b.docx").has_value());
}

TEST_CASE("File → Export… writes OTIO beat markers at the frame rate chosen in the dialog, and refuses one it cannot write") {
  test::ExampleSession t("export_otio_fps");
  t.app->open_export_dialog(ExportFormat::otio);
  cs::render::Image shot;
  t.frames();
  t.app->frame(&shot);
  REQUIRE(cs::render::write_png(t.dir / "export_dialog_otio.png", shot, nullptr));  // the frame rate field

  ExportSettings e;
  e.format = ExportFormat::otio;
  CHECK(e.fps == 24);  // the CLI's default
  e.fps = 25;
  e.out = t.dir / "bedroom.otio";
  REQUIRE(t.app->start_export(e));
  REQUIRE(run_to_end(t));
  const cs::editor::ExportOutcome o = t.app->export_job()->outcome();
  INFO(o.message);
  CHECK(o.ok);
  CHECK(o.message.find("11 beat markers at 25 fps") != std::string::npos);
  const std::string bytes = read_all(e.out);
  CHECK(bytes.find("\"rate\": 25") != std::string::npos);
  CHECK(bytes.find("\"rate\": 24") == std::string::npos);

  // 0 fps: not exported, saying why, and the file is left as it was.
  e.fps = 0;
  REQUIRE(t.app->start_export(e));
  REQUIRE(run_to_end(t));
  const cs::editor::ExportOutcome bad = t.app->export_job()->outcome();
  CHECK_FALSE(bad.ok);
  CHECK(bad.message.find("frame rate must be from 1 to 1000") != std::string::npos);
  CHECK(read_all(e.out) == bytes);
}
