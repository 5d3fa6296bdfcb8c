// render/ without the editor: a camera's view of the staged scene drawn into
// an offscreen framebuffer and read back — the path `closedset render` takes.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>

#include "notation/format.hpp"
#include "notation/stage.hpp"
#include "render/context.hpp"
#include "render/renderer.hpp"
#include "render/scene_geometry.hpp"

namespace {

struct Fixture {
  std::unique_ptr<cs::render::HeadlessContext> context;
  cs::render::Renderer renderer;
  cs::Document doc;
  Fixture() {
    std::string error;
    context = cs::render::HeadlessContext::create(&error);
    REQUIRE_MESSAGE(context, error);
    REQUIRE_MESSAGE(renderer.init(&error), error);
    auto loaded = cs::load_scene_file(std::filesystem::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json");
    REQUIRE(loaded.ok());
    doc = *loaded.document;
  }
  cs::render::Image camera_view(const std::string& id, double count, int w = 478, int h = 200) {
    context->make_current();
    const cs::Stage stage = cs::evaluate(doc, count);
    cs::render::SceneDrawOptions opts;
    opts.through_camera = id;
    const cs::render::Geometry g = cs::render::build_scene_geometry(doc, stage, opts);
    for (const cs::StageCamera& sc : stage.cameras)
      if (sc.id == id)
        return cs::render::render_offscreen(renderer, g, cs::render::look_through(sc, float(w) / float(h), 0.0f), w, h);
    return {};
  }
};

}  // namespace

TEST_CASE("offscreen render of a camera view draws the scene") {
  Fixture f;
  const cs::render::Image a = f.camera_view("A", 9);
  REQUIRE(a.width == 478);
  REQUIRE(a.height == 200);
  CHECK(cs::render::luminance_variance(a) > 50.0);
  std::string error;
  const auto dir = std::filesystem::temp_directory_path() / "closedset_gui_tests";
  std::filesystem::create_directories(dir);
  CHECK(cs::render::write_png(dir / "offscreen_A.png", a, &error));

  SUBCASE("two cameras see two pictures") {
    CHECK(cs::render::difference_fraction(a, f.camera_view("B", 9)) > 0.02);
  }
  SUBCASE("two counts give two pictures") {
    CHECK(cs::render::difference_fraction(a, f.camera_view("A", 21)) > 0.002);
  }
  SUBCASE("the same view twice gives the same picture") {
    CHECK(cs::render::difference_fraction(a, f.camera_view("A", 9), 0) == 0.0);
  }
}

TEST_CASE("a picture can't be written where there is no folder") {
  cs::render::Image img;
  img.width = img.height = 2;
  img.rgba.assign(16, 128);
  std::string error;
  CHECK_FALSE(cs::render::write_png("/nonexistent-dir/x.png", img, &error));
  CHECK(error.find("/nonexistent-dir/x.png") != std::string::npos);
}
