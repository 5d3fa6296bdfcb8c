// pose_presets.hpp — pose presets: standing, sitting, kneeling, lying on the
// back and lying on the side, as data (the joint angles of each, in the
// conventions of conventions.hpp), applied to a beat's key as one edit.
//
// A preset keeps where the performer is on the floor and which way they face;
// it sets every joint (a joint the preset does not name is at rest), tips the
// body as the preset lies, and rests the body on what is under it
// (edits_poses.hpp rest_on_support: the floor, or a bed's top).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "notation/edits.hpp"

namespace cs {

struct PropMeshes;  // mesh_import.hpp

enum class PosePreset { stand, sit, kneel, lie_back, lie_side };
inline constexpr std::array<PosePreset, 5> kPosePresets = {PosePreset::stand, PosePreset::sit, PosePreset::kneel,
                                                           PosePreset::lie_back, PosePreset::lie_side};

struct PosePresetData {
  std::string_view name;             // "lie on the back": the button and the undo step say it
  Vec3 tip{0, 0, 0};                 // the body's pitch and roll (root_axis of conventions.hpp), degrees; x and z used
  std::vector<JointRotation> joints; // in skeleton order; the rest are at rest
};
const PosePresetData& pose_preset(PosePreset p);

// The performer's key in beat `beat` set to the preset (made if need be),
// placed and facing as before, resting on its support.
Edited apply_pose_preset(const Document& doc, std::size_t beat, const std::string& performer, PosePreset preset,
                         const PropMeshes* meshes = nullptr);

}  // namespace cs
