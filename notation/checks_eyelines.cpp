// checks_eyelines.cpp — eyelines: targets that are not in the scene (from the
// notation alone), and looks into a lens (from the joints and cameras a sample
// measured, at each beat's start).
//
// [SECTION] Targets
// [SECTION] Looks into a lens
#include <algorithm>
#include <cmath>
#include <optional>

#include "notation/checks_run.hpp"
#include "notation/phrasing.hpp"

namespace cs {

// ---------------------------------------------------------------------------
// [SECTION] Targets

void check_eyeline_targets(const Document& d, const Beat& beat, std::vector<Finding>& out) {
  for (const Eyeline& y : beat.eyelines) {
    std::string problem;
    if (!y.target.performer.empty() && !d.performer(y.target.performer))
      problem = "performer \"" + y.target.performer + "\", who is not in the cast";
    else if (!y.target.camera.empty() && !d.camera(y.target.camera))
      problem = "camera \"" + y.target.camera + "\", which is not in the scene";
    else if (y.target.performer.empty() && y.target.camera.empty() && !y.target.point)
      problem = "nothing";
    if (problem.empty()) continue;
    Finding f = new_finding(FindingCode::eyeline_target);
    f.beat = beat.id;
    f.from_count = beat.start_count;
    f.to_count = beat.end_count();
    f.performer = y.performer;
    f.other = !y.target.performer.empty() ? y.target.performer : y.target.camera;
    f.message = possessive(display_name(d, y.performer)) + " eyeline looks at " + problem;
    f.suggestion = "Point the eyeline at a performer in the cast, a camera, or a point in the room";
    out.push_back(std::move(f));
  }
}

// ---------------------------------------------------------------------------
// [SECTION] Looks into a lens

namespace {

// The joint an eyeline aimed at a region looks at.
Joint joint_near(Region r) {
  switch (r) {
    case Region::scalp: case Region::face: case Region::lips: case Region::ear_l: case Region::ear_r: return Joint::head;
    case Region::neck_front: case Region::neck_back: return Joint::neck;
    case Region::shoulder_l: return Joint::shoulder_l;
    case Region::shoulder_r: return Joint::shoulder_r;
    case Region::chest_upper: case Region::breast_l: case Region::breast_r: case Region::nipple_l:
    case Region::nipple_r: case Region::back_upper: return Joint::spine_upper;
    case Region::abdomen_upper: case Region::abdomen_lower: case Region::flank_l: case Region::flank_r:
    case Region::back_lower: return Joint::spine_lower;
    case Region::upper_arm_l: return Joint::shoulder_l;
    case Region::upper_arm_r: return Joint::shoulder_r;
    case Region::forearm_l: return Joint::elbow_l;
    case Region::forearm_r: return Joint::elbow_r;
    case Region::hand_l: return Joint::wrist_l;
    case Region::hand_r: return Joint::wrist_r;
    case Region::thigh_l: case Region::inner_thigh_l: return Joint::hip_l;
    case Region::thigh_r: case Region::inner_thigh_r: return Joint::hip_r;
    case Region::lower_leg_l: return Joint::knee_l;
    case Region::lower_leg_r: return Joint::knee_r;
    case Region::foot_l: return Joint::ankle_l;
    case Region::foot_r: return Joint::ankle_r;
    default: return Joint::pelvis;
  }
}

}  // namespace

void observe_eyeline_lens(CheckRun& run, int k, const Beat& beat, const SampleGeometry& g) {
  const Document& d = run.doc;
  for (const Eyeline& y : beat.eyelines) {
    const int pi = d.performer_index(y.performer);
    if (pi < 0) continue;
    const glm::dvec3 eye = g.joints[static_cast<std::size_t>(pi)][static_cast<std::size_t>(Joint::head)];
    std::optional<glm::dvec3> target;
    std::string lens_id;
    if (!y.target.camera.empty()) {
      const Camera* c = d.camera(y.target.camera);
      if (!c) continue;
      lens_id = c->id;
    } else if (y.target.point) {
      target = glm::dvec3((*y.target.point)[0], (*y.target.point)[1], (*y.target.point)[2]);
    } else {
      const int ti = d.performer_index(y.target.performer);
      if (ti < 0) continue;
      const Joint j = y.target.region ? joint_near(*y.target.region) : Joint::head;
      target = g.joints[static_cast<std::size_t>(ti)][static_cast<std::size_t>(j)];
    }
    if (target) {
      const glm::dvec3 dir = glm::normalize(*target - eye);
      for (std::size_t c = 0; c < g.camera_positions.size(); ++c) {
        const glm::dvec3 to_cam = g.camera_positions[c] - eye;
        const double dist = glm::length(to_cam);
        if (dist < 1e-6) continue;
        const double angle = glm::degrees(std::acos(std::clamp(glm::dot(dir, to_cam / dist), -1.0, 1.0)));
        if (angle <= kLensEyelineDeg) lens_id = d.cameras[c].id;
      }
    }
    if (lens_id.empty()) continue;
    Finding f = new_finding(FindingCode::eyeline_lens);
    f.beat = beat.id;
    f.camera = lens_id;
    f.performer = y.performer;
    f.message = possessive(display_name(d, y.performer)) + " eyeline looks into lens " + lens_id + " {span}" +
                (y.target.camera.empty() ? " (the target is in line with the camera)" : "");
    f.suggestion = y.target.camera.empty() ? "Cheat the eyeline a few degrees off the lens unless a look to camera is meant"
                                           : "";
    run.spans.observe(k, {"lens|" + y.performer + "|" + lens_id + "|" + beat.id, f, 0});
  }
}

}  // namespace cs
