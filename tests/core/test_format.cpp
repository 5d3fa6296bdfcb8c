// test_format.cpp — loading, validating and saving scene files.
#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "notation/format.hpp"

namespace fs = std::filesystem;
using cs::Diagnostic;
using cs::LoadResult;

namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path example(const char* name) { return fs::path(CLOSEDSET_EXAMPLES_DIR) / name; }

// A small valid scene as ordered JSON; tests break one thing at a time.
nlohmann::ordered_json minimal() {
  return nlohmann::ordered_json::parse(R"({
    "format": "closedset-scene", "version": 1,
    "scene": {"title": "T"},
    "performers": [
      {"id": "ana", "height_m": 1.68,
       "boundaries": [{"direction": "receive", "region": "lips", "partners": ["ben"], "contact": ["kiss_closed"],
                       "layer": "skin", "state": "yes"}],
       "exposure": [{"regions": ["back_upper"], "state": "yes", "views": ["any"]}]},
      {"id": "ben"}
    ],
    "garments": [{"id": "g1", "wearer": "ana", "covers": ["genitals"], "camera": "hidden"}],
    "props": [{"id": "bed", "shape": "box", "size": [1.6, 0.5, 2], "position": [0, 0.25, 0]}],
    "cameras": [{"id": "A", "sensor": "super35", "focal_mm": 32, "aspect": 2.39, "fit": "horizontal",
                 "position": [0, 1.4, 4], "target": [0, 0.8, 0]}],
    "choreography": {"version": 2, "tempo_bpm": 60, "beats": [
      {"id": "b01", "start_count": 1, "length_counts": 2,
       "contacts": [{"giver": "ben", "with": "lips", "receiver": "ana", "region": "lips", "kind": "kiss_closed",
                     "layer": "skin"}]},
      {"id": "b02", "start_count": 3, "length_counts": 2}
    ]},
    "takes": [{"number": 1, "camera": "A", "status": "circle", "choreography_version": 2}]
  })");
}

LoadResult load_json(const nlohmann::ordered_json& j) { return cs::load_scene_text(j.dump(2), "t.json"); }

bool has_error_at(const LoadResult& r, const std::string& path) {
  for (const Diagnostic& d : r.errors)
    if (d.path == path) return true;
  return false;
}

std::string all_errors(const LoadResult& r) {
  std::string s;
  for (const Diagnostic& d : r.errors) s += cs::format_diagnostic(d) + "\n";
  return s;
}

// A scratch folder removed at the end of each test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "closedset-test-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, ec);
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("the minimal scene loads") {
  const LoadResult r = load_json(minimal());
  INFO(all_errors(r));
  REQUIRE(r.ok());
  CHECK(r.document->performers.size() == 2);
  CHECK(r.document->choreography.beats[1].start_count == 3);
}

TEST_SUITE("examples") {
  TEST_CASE("every example loads, validates and round-trips byte-identically") {
    int seen = 0;
    for (const auto& entry : fs::directory_iterator(CLOSEDSET_EXAMPLES_DIR)) {
      const std::string name = entry.path().filename().string();
      if (!name.ends_with(".closedset.json")) continue;
      ++seen;
      CAPTURE(name);
      const std::string original = read_text(entry.path());
      const LoadResult first = cs::load_scene_text(original, name);
      INFO(all_errors(first));
      REQUIRE(first.ok());
      CHECK(cs::validate(*first.document).empty());
      const std::string saved = cs::save_scene_text(*first.document);
      CHECK(saved == original);  // examples are committed in canonical form
      const LoadResult second = cs::load_scene_text(saved, name);
      REQUIRE(second.ok());
      CHECK(*second.document == *first.document);
      CHECK(cs::save_scene_text(*second.document) == saved);
    }
    CHECK(seen >= 2);
  }

  TEST_CASE("the bedroom example has what the foundation issue asks for") {
    const LoadResult r = cs::load_scene_file(example("bedroom.closedset.json"));
    REQUIRE(r.ok());
    const cs::Document& d = *r.document;
    CHECK(d.performers.size() == 2);
    bool ask = false, conditional = false, no = false;
    for (const auto& p : d.performers)
      for (const auto& b : p.boundaries) {
        ask |= b.state == cs::BoundaryState::ask;
        conditional |= b.state == cs::BoundaryState::conditional;
        no |= b.state == cs::BoundaryState::no;
      }
    CHECK(ask);
    CHECK(conditional);
    CHECK(no);
    REQUIRE(d.camera("A"));
    REQUIRE(d.camera("B"));
    CHECK(d.camera("A")->focal_mm == 32);
    CHECK(d.camera("B")->focal_mm == 85);
    CHECK(d.camera("A")->aspect == 2.39);
    CHECK(d.prop("pillow")->barrier);
    CHECK(d.takes.size() >= 1);
  }

  TEST_CASE("the reference scene is the benchmark's size") {
    const LoadResult r = cs::load_scene_file(example("reference.closedset.json"));
    INFO(all_errors(r));
    REQUIRE(r.ok());
    CHECK(r.document->choreography.beats.size() == 64);
    CHECK(r.document->performers.size() == 2);
    CHECK(r.document->cameras.size() == 4);
  }
}

TEST_SUITE("load errors") {
  TEST_CASE("JSON syntax errors give line and column") {
    const LoadResult r = cs::load_scene_text("{\n  \"format\": \"closedset-scene\",\n  \"version\": 1,,\n}", "s.json");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 3);
    CHECK(r.errors[0].column == 16);
    CHECK(r.errors[0].path.empty());
    CHECK(cs::format_diagnostic(r.errors[0]).rfind("s.json:3:16: ", 0) == 0);
  }

  TEST_CASE("truncated file") {
    const std::string text = minimal().dump(2);
    const LoadResult r = cs::load_scene_text(text.substr(0, text.size() / 2));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line > 1);
    CHECK_FALSE(r.ok());
  }

  TEST_CASE("unknown id referenced") {
    auto j = minimal();
    j["choreography"]["beats"][0]["contacts"][0]["receiver"] = "cara";
    const LoadResult r = load_json(j);
    CHECK_FALSE(r.ok());
    CHECK(has_error_at(r, "/choreography/beats/0/contacts/0/receiver"));
  }

  TEST_CASE("unknown partner in a boundary") {
    auto j = minimal();
    j["performers"][0]["boundaries"][0]["partners"][0] = "benn";
    const LoadResult r = load_json(j);
    CHECK(has_error_at(r, "/performers/0/boundaries/0/partners/0"));
  }

  TEST_CASE("duplicate id") {
    auto j = minimal();
    j["performers"][1]["id"] = "ana";
    const LoadResult r = load_json(j);
    CHECK(has_error_at(r, "/performers/1/id"));
  }

  TEST_CASE("an eyeline target names exactly one thing, with the place it is written") {
    auto j = minimal();
    j["choreography"]["beats"][0]["eyelines"] = nlohmann::ordered_json::parse(
        R"([{"performer": "ana", "target": {"performer": "ben", "camera": "A"}},
            {"performer": "ben", "target": {"region": "lips"}},
            {"performer": "ben", "target": {"camera": "A"}}])");
    const LoadResult r = load_json(j);
    INFO(all_errors(r));
    CHECK(has_error_at(r, "/choreography/beats/0/eyelines/0/target"));
    CHECK(has_error_at(r, "/choreography/beats/0/eyelines/1/target"));
    CHECK_FALSE(has_error_at(r, "/choreography/beats/0/eyelines/2/target"));
    CHECK(all_errors(r).find("exactly one of") != std::string::npos);
  }

  TEST_CASE("duplicate key in one object") {
    const std::string text = R"({"format": "closedset-scene", "version": 1, "version": 1,
      "choreography": {"tempo_bpm": 60, "beats": []}})";
    const LoadResult r = cs::load_scene_text(text);
    CHECK(has_error_at(r, "/version"));
    CHECK_FALSE(r.ok());
  }

  TEST_CASE("unknown region") {
    auto j = minimal();
    j["performers"][0]["boundaries"][0]["region"] = "lip";
    const LoadResult r = load_json(j);
    REQUIRE(has_error_at(r, "/performers/0/boundaries/0/region"));
    CHECK(r.errors[0].message.find("did you mean \"lips\"") != std::string::npos);
  }

  TEST_CASE("unknown vocabulary word") {
    auto j = minimal();
    j["choreography"]["beats"][0]["contacts"][0]["kind"] = "kiss";
    j["cameras"][0]["fit"] = "diagonal";
    const LoadResult r = load_json(j);
    CHECK(has_error_at(r, "/choreography/beats/0/contacts/0/kind"));
    CHECK(has_error_at(r, "/cameras/0/fit"));
  }

  TEST_CASE("unknown key, top level and nested") {
    auto j = minimal();
    j["notes"] = "x";
    j["performers"][0]["heigth_m"] = 1.7;
    const LoadResult r = load_json(j);
    CHECK(has_error_at(r, "/notes"));
    REQUIRE(has_error_at(r, "/performers/0/heigth_m"));
    bool hint = false;
    for (const auto& d : r.errors) hint |= d.message.find("did you mean \"height_m\"") != std::string::npos;
    CHECK(hint);
  }

  TEST_CASE("missing required field") {
    auto j = minimal();
    j["cameras"][0].erase("focal_mm");
    j["choreography"]["beats"][1].erase("id");
    const LoadResult r = load_json(j);
    CHECK(has_error_at(r, "/cameras/0"));
    CHECK(has_error_at(r, "/choreography/beats/1"));
  }

  TEST_CASE("numbers out of range") {
    auto j = minimal();
    j["cameras"][0]["focal_mm"] = 0;
    j["choreography"]["tempo_bpm"] = -60;
    j["choreography"]["beats"][0]["length_counts"] = -1;
    j["props"][0]["size"][1] = 0;
    const LoadResult r = load_json(j);
    CHECK(has_error_at(r, "/cameras/0/focal_mm"));
    CHECK(has_error_at(r, "/choreography/tempo_bpm"));
    CHECK(has_error_at(r, "/choreography/beats/0/length_counts"));
    CHECK(has_error_at(r, "/props/0/size/1"));
  }

  TEST_CASE("infinity is refused") {
    std::string text = minimal().dump(2);
    const std::string from = "\"focal_mm\": 32";
    text.replace(text.find(from), from.size(), "\"focal_mm\": 1e999");
    const LoadResult r = cs::load_scene_text(text);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line > 1);
    CHECK(r.errors[0].message.find("too large") != std::string::npos);
    CHECK_FALSE(r.ok());
  }

  TEST_CASE("beats that overlap") {
    auto j = minimal();
    j["choreography"]["beats"][1]["start_count"] = 2.5;
    const LoadResult r = load_json(j);
    CHECK(has_error_at(r, "/choreography/beats/1/start_count"));
  }

  TEST_CASE("beats touching end to start do not overlap") {
    auto j = minimal();
    j["choreography"]["beats"][0]["length_counts"] = 2;  // 1..3, next starts at 3
    CHECK(load_json(j).ok());
  }

  TEST_CASE("wrong type") {
    auto j = minimal();
    j["performers"][0]["height_m"] = "tall";
    const LoadResult r = load_json(j);
    CHECK(has_error_at(r, "/performers/0/height_m"));
  }

  TEST_CASE("several problems are all reported") {
    auto j = minimal();
    j["cameras"][0]["focal_mm"] = -5;
    j["performers"][0]["boundaries"][0]["state"] = "maybe";
    j["garments"][0]["wearer"] = "nobody";
    const LoadResult r = load_json(j);
    CHECK(r.errors.size() == 3);
  }

  TEST_CASE("problems beyond the cap are counted, not listed") {
    auto j = minimal();
    for (int i = 0; i < 150; ++i) j["performers"][0]["boundaries"].push_back({{"region", "elbow"}});
    const LoadResult r = load_json(j);
    CHECK(r.errors.size() == cs::kMaxDiagnostics);
    CHECK(r.suppressed > 0);
  }

  TEST_CASE("nesting deeper than the limit") {
    std::string text = R"({"format": "closedset-scene", "version": 1, "scene": )";
    for (int i = 0; i < 200; ++i) text += "[";
    const LoadResult r = cs::load_scene_text(text);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 1);
    CHECK(r.errors[0].message.find("deeper") != std::string::npos);
  }

  TEST_CASE("invalid UTF-8") {
    std::string text = minimal().dump(2);
    text.insert(text.find("\"T\"") + 1, "\xC3\x28");
    const LoadResult r = cs::load_scene_text(text);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line > 1);
    CHECK(r.errors[0].message.find("UTF-8") != std::string::npos);
  }

  TEST_CASE("file over the size cap") {
    const std::string text(cs::kMaxFileBytes + 1, ' ');
    const LoadResult r = cs::load_scene_text(text);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("limit") != std::string::npos);
  }

  TEST_CASE("a newer version is refused") {
    auto j = minimal();
    j["version"] = cs::kFormatVersion + 1;
    const LoadResult r = load_json(j);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "/version");
    CHECK(r.errors[0].message.find("newer") != std::string::npos);
  }

  TEST_CASE("not a scene file") {
    auto j = minimal();
    j["format"] = "something-else";
    CHECK(has_error_at(load_json(j), "/format"));
    CHECK(cs::load_scene_text("[1, 2]").errors.size() == 1);
  }

  TEST_CASE("a tier can be raised but not lowered") {
    auto j = minimal();
    j["performers"][0]["tiers"] = {{{"region", "breast_l"}, {"tier", "ordinary"}}};
    CHECK(has_error_at(load_json(j), "/performers/0/tiers/0/tier"));
    j["performers"][0]["tiers"] = {{{"region", "scalp"}, {"tier", "sensitive"}}};
    const LoadResult ok = load_json(j);
    REQUIRE(ok.ok());
    CHECK(cs::tier_for(ok.document->performers[0], cs::Region::scalp) == cs::Tier::sensitive);
  }

  TEST_CASE("a missing file says so") {
    const LoadResult r = cs::load_scene_file("/nonexistent/scene.closedset.json");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("No such file") != std::string::npos);
  }
}

TEST_SUITE("save") {
  TEST_CASE("load, save, load, save is byte-identical, also for fractions") {
    auto j = minimal();
    j["props"][0]["position"] = {0.1, 1.0 / 3.0, -2.5e-7};
    j["performers"][0]["height_m"] = 1.7000000000000002;
    const LoadResult a = load_json(j);
    REQUIRE(a.ok());
    const std::string s1 = cs::save_scene_text(*a.document);
    const LoadResult b = cs::load_scene_text(s1);
    REQUIRE(b.ok());
    CHECK(*b.document == *a.document);  // numbers read back exactly
    CHECK(cs::save_scene_text(*b.document) == s1);
    CHECK(s1.find("\"format\": \"closedset-scene\"") < s1.find("\"version\""));
  }

  TEST_CASE("save writes the file and keeps the previous version as a backup") {
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    cs::Document d = *load_json(minimal()).document;
    REQUIRE(cs::save_scene_file(d, target).ok);
    const std::string first = read_text(target);
    d.scene.title = "Second";
    const cs::SaveResult s = cs::save_scene_file(d, target);
    REQUIRE(s.ok);
    CHECK(read_text(s.backup) == first);
    CHECK(cs::load_scene_file(target).document->scene.title == "Second");
    // No temporary files are left beside it.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir.path)) { (void)e; ++files; }
    CHECK(files == 2);
  }

  TEST_CASE("saving through a symbolic link replaces the file it points to and keeps the link") {
    TempDir dir;
    const fs::path real = dir.path / "real.closedset.json";
    const fs::path link = dir.path / "link.closedset.json";
    cs::Document d = *load_json(minimal()).document;
    REQUIRE(cs::save_scene_file(d, real).ok);
    const std::string first = read_text(real);
    fs::create_symlink(real.filename(), link);
    d.scene.title = "Through the link";
    const cs::SaveResult s = cs::save_scene_file(d, link);
    REQUIRE(s.ok);
    CHECK(fs::is_symlink(link));
    CHECK(cs::load_scene_file(real).document->scene.title == "Through the link");
    CHECK_FALSE(fs::is_symlink(s.backup));  // a real copy of the old bytes, not another link
    CHECK(read_text(s.backup) == first);
    // A link to nothing is refused, and nothing is written.
    const fs::path dangling = dir.path / "dangling.closedset.json";
    fs::create_symlink("missing.closedset.json", dangling);
    const cs::SaveResult bad = cs::save_scene_file(d, dangling);
    CHECK_FALSE(bad.ok);
    CHECK(bad.error.find("does not exist") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path / "missing.closedset.json"));
  }

  TEST_CASE("a save into a folder that cannot be written fails cleanly and the old file is intact") {
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    cs::Document d = *load_json(minimal()).document;
    REQUIRE(cs::save_scene_file(d, target).ok);
    const std::string before = read_text(target);
    d.scene.title = "Changed";
    cs::SaveResult s;
    if (::geteuid() != 0) {
      fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
      s = cs::save_scene_file(d, target);
      fs::permissions(dir.path, fs::perms::owner_all);
    } else {
      // root ignores folder permissions; a folder that is not there fails the same way.
      s = cs::save_scene_file(d, dir.path / "missing" / "scene.closedset.json");
    }
    CHECK_FALSE(s.ok);
    CHECK_FALSE(s.error.empty());
    CHECK(read_text(target) == before);
  }

  TEST_CASE("a save that runs out of space leaves the old file untouched") {
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    cs::Document d = *load_json(minimal()).document;
    REQUIRE(cs::save_scene_file(d, target).ok);
    const std::string before = read_text(target);
    d.scene.story = std::string(64 * 1024, 'x');  // larger than the limit below
    // RLIMIT_FSIZE makes write() fail with EFBIG, as a full disk fails with ENOSPC.
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 16 * 1024;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
    const cs::SaveResult s = cs::save_scene_file(d, target);
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, old_handler);
    CHECK_FALSE(s.ok);
    CHECK(s.error.find("not changed") != std::string::npos);
    CHECK(read_text(target) == before);
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir.path)) { (void)e; ++files; }
    CHECK(files == 1);  // the temporary file was removed
  }

  TEST_CASE("a new scene file is private to its owner, an existing one keeps its mode") {
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    cs::Document d = *load_json(minimal()).document;
    REQUIRE(cs::save_scene_file(d, target).ok);
    struct stat st {};
    ::stat(target.c_str(), &st);
    CHECK((st.st_mode & 0777) == 0600);
    ::chmod(target.c_str(), 0640);
    REQUIRE(cs::save_scene_file(d, target).ok);
    ::stat(target.c_str(), &st);
    CHECK((st.st_mode & 0777) == 0640);
  }
}

TEST_CASE("vocabularies parse and name every value") {
  CHECK(cs::vocab_size<cs::Region>() == 41);
  for (std::size_t i = 0; i < cs::vocab_size<cs::Region>(); ++i) {
    const auto r = cs::vocab_at<cs::Region>(i);
    CHECK(cs::vocab_parse<cs::Region>(cs::vocab_name(r)) == r);
    CHECK(cs::mirror(cs::mirror(r)) == r);
  }
  CHECK(cs::mirror(cs::Region::breast_l) == cs::Region::breast_r);
  CHECK(cs::mirror(cs::Region::genitals) == cs::Region::genitals);
  CHECK(cs::default_tier(cs::Region::buttock_r) == cs::Tier::intimate);
  CHECK(cs::default_tier(cs::Region::neck_front) == cs::Tier::sensitive);
  CHECK(cs::default_tier(cs::Region::hand_l) == cs::Tier::ordinary);
  CHECK_FALSE(cs::vocab_parse<cs::Layer>("naked").has_value());
  CHECK(cs::vocab_list<cs::Fit>() == "horizontal or vertical");
}

TEST_CASE("a syntax error inside a private note never quotes the note") {
  // A raw line break inside the note: the commonest hand-editing mistake.
  const std::string secret = "Prefers the check-in to be quiet";
  const std::string text = std::string("{\"format\": \"closedset-scene\", \"version\": 1, \"performers\": [{\"id\": \"ana\", ") +
                           "\"private_note\": \"" + secret + ",\nnot in front of the crew\"}], " +
                           "\"choreography\": {\"tempo_bpm\": 60, \"beats\": []}}";
  const LoadResult r = cs::load_scene_text(text, "s.json");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 1);
  CHECK(r.errors[0].message.find("Prefers") == std::string::npos);
  CHECK(r.errors[0].message.find("crew") == std::string::npos);
  CHECK(r.errors[0].message.find("line break") != std::string::npos);
  // And an unescaped quote: the parser stops inside the note.
  const std::string quote = std::string("{\"format\": \"closedset-scene\", \"version\": 1, \"performers\": [{\"id\": \"ana\", ") +
                            "\"private_note\": \"She said \"no\" to that\"}]}";
  const LoadResult q = cs::load_scene_text(quote, "q.json");
  REQUIRE(q.errors.size() == 1);
  CHECK(q.errors[0].message.find("She said") == std::string::npos);
}

TEST_CASE("empty ids, self-contacts and doubled garment changes are refused") {
  auto j = minimal();
  j["garments"][0]["wearer"] = "";
  CHECK(has_error_at(load_json(j), "/garments/0/wearer"));

  j = minimal();
  j["choreography"]["beats"][0]["contacts"][0]["giver"] = "ana";
  CHECK(has_error_at(load_json(j), "/choreography/beats/0/contacts/0/receiver"));

  j = minimal();
  j["choreography"]["beats"][1]["garment_changes"] = {{{"garment", "g1"}, {"worn", false}},
                                                       {{"garment", "g1"}, {"worn", true}}};
  CHECK(has_error_at(load_json(j), "/choreography/beats/1/garment_changes/1/garment"));
}
