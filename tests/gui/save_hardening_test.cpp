// save_hardening_test.cpp — the editor's side of saving safely: it warns when
// another editor has the scene open, offers the complete copy an interrupted
// save left (and removes partial ones), and keeps a sealed scene sealed in its
// saves, backups and autosaves. Real frames under xvfb-run.
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/editor/editor_app.hpp"
#include "notation/format.hpp"
#include "notation/save.hpp"
#include "notation/seal.hpp"
#include "tests/core/scratch.hpp"
#include "tests/gui/test_editor.hpp"

namespace fs = std::filesystem;

namespace {

using test::read_bytes;

// A folder of its own with a copy of the bedroom example.
struct Folder {
  fs::path dir, scene;
  explicit Folder(const char* name) {
    dir = fs::temp_directory_path() / "closedset_gui_tests" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    scene = dir / "bedroom.closedset.json";
    fs::copy_file(fs::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json", scene);
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

cs::editor::AppConfig config_in(const fs::path& dir) {
  cs::editor::AppConfig c = test::editor_config();
  c.config_dir = dir / "config";
  c.open_markers = true;
  return c;
}

}  // namespace

TEST_CASE("opening a scene another editor has open says who has it, our own marker goes when we close") {
  Folder f("open_marker");
  // Another editor (this test's parent process stands in: alive, on this host) has it open.
  {
    std::ofstream marker(cs::open_marker_path(f.scene));
    marker << "dana,";
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    marker << host << "," << ::getppid() << ",2026-12-02 08:00\n";
  }
  {
    auto a = test::make_editor(config_in(f.dir));
    REQUIRE(a->open(f.scene));
    a->frame();
    REQUIRE(a->state().notice);
    CHECK(a->state().notice->title == "Open in another editor");
    CHECK(a->state().notice->message.find("dana") != std::string::npos);
    CHECK(a->state().notice->message.find(std::to_string(::getppid())) != std::string::npos);
    CHECK(read_bytes(cs::open_marker_path(f.scene)).starts_with("dana,"));  // theirs stays
  }
  // When they have gone, the next editor claims the scene quietly and removes its marker on closing.
  fs::remove(cs::open_marker_path(f.scene));
  {
    auto a = test::make_editor(config_in(f.dir));
    REQUIRE(a->open(f.scene));
    CHECK_FALSE(a->state().notice);
    REQUIRE(fs::exists(cs::open_marker_path(f.scene)));
    CHECK_FALSE(cs::open_elsewhere(f.scene));  // ours
  }
  CHECK_FALSE(fs::exists(cs::open_marker_path(f.scene)));
}

TEST_CASE("opening a scene removes a partial copy an interrupted save left and offers a complete newer one") {
  Folder f("interrupted_save");
  cs::Document newer = *cs::load_scene_file(f.scene).document;
  newer.scene.title = "Saved just before the power cut";
  const fs::path complete = f.dir / ".bedroom.closedset.json.tmp-Xy12Z9";
  const fs::path partial = f.dir / ".bedroom.closedset.json.tmp-Pa7t01";
  { std::ofstream(complete, std::ios::binary) << cs::save_scene_text(newer); }
  { std::ofstream(partial, std::ios::binary) << cs::save_scene_text(newer).substr(0, 200); }
  fs::last_write_time(f.scene, fs::last_write_time(complete) - std::chrono::minutes(5));

  auto a = test::make_editor(config_in(f.dir));
  REQUIRE(a->open(f.scene));
  CHECK_FALSE(fs::exists(partial));
  REQUIRE(a->recovery_offer());
  CHECK(a->recovery_offer()->interrupted_save);
  CHECK(a->recovery_offer()->recovery == complete);
  a->frame();
  a->resolve_recovery(true);
  CHECK(a->state().dirty());
  CHECK(a->state().history.doc().scene.title == "Saved just before the power cut");
  REQUIRE(a->save());
  CHECK_FALSE(fs::exists(complete));  // the save tidied it
  CHECK(cs::load_scene_file(f.scene).document->scene.title == "Saved just before the power cut");
}

TEST_CASE("a sealed scene asks for its passphrase, and its saves, backups and autosaves stay sealed") {
  Folder f("sealed");
  const std::string pass = "trailer door code 4711";
  auto a = test::make_editor(config_in(f.dir));
  REQUIRE(a->open(f.scene));
  // A plain backup from an earlier save, which sealing must remove.
  REQUIRE(a->save());
  REQUIRE(a->seal(pass));
  CHECK(a->sealed());
  const std::string sealed_bytes = read_bytes(f.scene);
  CHECK(cs::is_sealed(sealed_bytes));
  for (int n = 1; n <= cs::kBackupGenerations; ++n) CHECK_FALSE(fs::exists(cs::backup_path(f.scene, n)));

  // Reopening asks for the passphrase: open() does not load it by itself.
  auto b = test::make_editor(config_in(f.dir));
  CHECK_FALSE(b->open(f.scene));
  CHECK(b->passphrase_requested());
  b->frame();
  CHECK_FALSE(b->open_sealed(f.scene, "not the passphrase"));
  REQUIRE(b->state().notice);
  CHECK(b->state().notice->message.find("Wrong passphrase") != std::string::npos);
  CHECK(read_bytes(f.scene) == sealed_bytes);  // nothing lost
  REQUIRE(b->open_sealed(f.scene, pass));
  auto& s = b->state();
  cs::editor::set_count(s, s.first_count() + 2);
  REQUIRE(cs::editor::split_beat_at_playhead(s));
  REQUIRE(b->autosave_now());
  CHECK(cs::is_sealed(read_bytes(b->recovery_file())));
  REQUIRE(b->save());
  CHECK(cs::is_sealed(read_bytes(f.scene)));
  CHECK(cs::is_sealed(read_bytes(cs::backup_path(f.scene, 1))));
  CHECK(cs::load_sealed_scene_file(f.scene, pass).ok());
  // No plain text of the scene anywhere in its folder.
  const std::string note = cs::load_sealed_scene_file(f.scene, pass).document->performers[0].private_note;
  REQUIRE(note.size() > 8);
  for (const auto& e : fs::recursive_directory_iterator(f.dir))
    if (e.is_regular_file()) CHECK_MESSAGE(read_bytes(e.path()).find(note) == std::string::npos, e.path().string());
}
