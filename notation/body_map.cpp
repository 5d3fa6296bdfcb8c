// body_map.cpp — the body map's picture (body_map.hpp): orthographic rays
// against the Stage of a one-performer scene.
#include "notation/body_map.hpp"

#include <algorithm>
#include <cmath>

#include "notation/mannequin.hpp"
#include "notation/pick.hpp"
#include "notation/stage.hpp"

namespace cs {

std::optional<Region> BodyMapPicture::region_at(int x, int y) const {
  if (x < 0 || y < 0 || x >= width || y >= height) return std::nullopt;
  const std::int8_t c = cells[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
  if (c < 0) return std::nullopt;
  return vocab_at<Region>(static_cast<std::size_t>(c));
}

bool BodyMapPicture::shows(Region r) const {
  return std::find(cells.begin(), cells.end(), static_cast<std::int8_t>(r)) != cells.end();
}

const std::vector<RegionGroup>& region_groups() {
  using R = Region;
  static const std::vector<RegionGroup> kGroups = {
      {"Head and neck", {R::scalp, R::face, R::lips, R::ear_l, R::ear_r, R::neck_front, R::neck_back}},
      {"Chest and abdomen", {R::chest_upper, R::breast_l, R::breast_r, R::nipple_l, R::nipple_r, R::abdomen_upper,
                             R::abdomen_lower}},
      {"Shoulders, back and sides", {R::shoulder_l, R::shoulder_r, R::back_upper, R::back_lower, R::flank_l,
                                     R::flank_r, R::hip_l, R::hip_r}},
      {"Pelvis", {R::pubic, R::genitals, R::perineum, R::buttock_l, R::buttock_r}},
      {"Arms and hands", {R::upper_arm_l, R::upper_arm_r, R::forearm_l, R::forearm_r, R::hand_l, R::hand_r}},
      {"Legs and feet", {R::thigh_l, R::thigh_r, R::inner_thigh_l, R::inner_thigh_r, R::lower_leg_l, R::lower_leg_r,
                         R::foot_l, R::foot_r}},
  };
  return kGroups;
}

BodyMapPicture body_map_picture(const Performer& performer, bool back, int height) {
  BodyMapPicture pic;
  pic.back = back;
  pic.height = std::max(height, 8);
  // The performer alone, standing, arms 25° and legs 6° away from the body so
  // the flanks and the inner thighs show.
  Document d;
  Performer p;
  p.id = "p";
  p.height_m = performer.height_m > 0 ? performer.height_m : 1.70;
  p.build = performer.build;
  d.performers.push_back(p);
  const Mannequin m = make_mannequin(p.height_m, p.build);
  Beat b;
  b.id = "b";
  Pose pose;
  pose.performer = "p";
  pose.root_position = {0, m.pelvis_height, 0};
  pose.joints = {{Joint::shoulder_l, {0, 0, 25}}, {Joint::shoulder_r, {0, 0, -25}},
                 {Joint::hip_l, {0, 0, 6}}, {Joint::hip_r, {0, 0, -6}}};
  b.poses.push_back(pose);
  d.choreography.beats.push_back(b);
  const Stage stage = evaluate(d, 1);

  const double h = p.height_m * 1.04;           // a little room above the head
  const double w = p.height_m * 0.72;
  pic.metres_per_cell = h / pic.height;
  pic.width = std::max(4, static_cast<int>(std::lround(w / pic.metres_per_cell)));
  pic.cells.assign(static_cast<std::size_t>(pic.width) * static_cast<std::size_t>(pic.height), -1);
  // From the front the viewer's right is the performer's left (+X); from behind, their right.
  const double z = back ? -5.0 : 5.0;
  const glm::dvec3 dir(0, 0, back ? 1.0 : -1.0);
  for (int y = 0; y < pic.height; ++y)
    for (int x = 0; x < pic.width; ++x) {
      const double sx = (x + 0.5) * pic.metres_per_cell - w / 2;
      const glm::dvec3 origin(back ? -sx : sx, h - (y + 0.5) * pic.metres_per_cell, z);
      double best = 1e300;
      std::int8_t region = -1;
      for (const Shape& s : stage.shapes) {
        const double t = ray_enter_shape(s, origin, dir);
        if (t <= 0 || t >= best) continue;
        Label label;
        const glm::dvec3 hit = origin + t * dir;
        const glm::vec3 canonical(glm::dmat4(s.to_canonical) * glm::dvec4(hit, 1.0));
        if (!stage.label_at(s, canonical, label) || label.performer < 0) continue;
        best = t;
        region = static_cast<std::int8_t>(label.region);
      }
      pic.cells[static_cast<std::size_t>(y) * static_cast<std::size_t>(pic.width) + static_cast<std::size_t>(x)] = region;
    }
  return pic;
}

}  // namespace cs
