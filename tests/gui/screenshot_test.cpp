// The scripted mode `closedset FILE --screenshot OUT.png [--at] [--camera] [--size]`
// as main.cpp calls it, and its refusals of bad input (exit 2).
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <stb_image.h>

#include "app/editor/editor.hpp"
#include "render/image.hpp"

namespace {

const std::filesystem::path kExample = std::filesystem::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json";

std::filesystem::path out(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() / "closedset_gui_tests";
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir / name);
  return dir / name;
}

cs::render::Image load_png(const std::filesystem::path& p) {
  cs::render::Image img;
  int n = 0;
  unsigned char* data = stbi_load(p.c_str(), &img.width, &img.height, &n, 4);
  if (!data) return {};
  img.rgba.assign(data, data + static_cast<std::size_t>(img.width) * img.height * 4);
  stbi_image_free(data);
  return img;
}

}  // namespace

TEST_CASE("--screenshot writes the editor window at the requested size, count and camera") {
  cs::editor::Options o;
  o.file = kExample.string();
  o.screenshot = out("scripted_a.png").string();
  o.at_count = 9;
  o.camera = "A";
  o.size = "1200x700";
  REQUIRE(cs::editor::run(o) == 0);
  const cs::render::Image a = load_png(o.screenshot);
  REQUIRE_FALSE(a.empty());
  CHECK(a.width == 1200);
  CHECK(a.height == 700);
  CHECK(cs::render::luminance_variance(a) > 50.0);

  o.camera = "B";
  o.screenshot = out("scripted_b.png").string();
  REQUIRE(cs::editor::run(o) == 0);
  const cs::render::Image b = load_png(o.screenshot);
  CHECK(cs::render::difference_fraction(a, b) > 0.01);

  o.camera = "A";
  o.at_count = 21;
  o.screenshot = out("scripted_a21.png").string();
  REQUIRE(cs::editor::run(o) == 0);
  CHECK(cs::render::difference_fraction(a, load_png(o.screenshot)) > 0.002);
}

TEST_CASE("--screenshot refuses bad input with exit code 2 and writes nothing") {
  cs::editor::Options o;
  o.file = kExample.string();
  o.screenshot = out("refused.png").string();

  SUBCASE("unknown camera") { o.camera = "Z"; }
  SUBCASE("malformed size") { o.size = "wide"; }
  SUBCASE("a file that does not load") {
    const auto bad = out("broken.closedset.json");
    std::ofstream(bad) << "{ \"format\": \"closedset-scene\", ";
    o.file = bad.string();
  }
  SUBCASE("a file that does not exist") { o.file = (std::filesystem::temp_directory_path() / "no-such.closedset.json").string(); }
  SUBCASE("a count past the scene's last") { o.at_count = 99; }
  SUBCASE("a count before the scene's first") { o.at_count = -1; }
  SUBCASE("an infinite count") { o.at_count = INFINITY; }
  CHECK(cs::editor::run(o) == 2);
  CHECK_FALSE(std::filesystem::exists(o.screenshot));
}
