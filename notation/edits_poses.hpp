// edits_poses.hpp — edits of the pose keys: a beat's pose of a performer is the
// shape they reach at the beat's start (edits.hpp for the door they go through).
//
// Joint angles set here are clamped to the joint's limits (mannequin.hpp), as
// a drag stops at a limit; a file may still hold angles beyond them, which the
// checks report.
#pragma once

#include <cstddef>
#include <string>

#include "notation/edits.hpp"

namespace cs {

// Sets the whole pose of `pose.performer` in beat `beat` (adding the key when
// the beat has none for them). Joints are put in skeleton order.
Edited set_pose(const Document& doc, std::size_t beat, Pose pose);
// Removes the beat's key for a performer (they then move through it from the
// keys around it).
Edited remove_pose(const Document& doc, std::size_t beat, const std::string& performer);
// One joint of an existing key, clamped to the joint's limits.
Edited set_joint(const Document& doc, std::size_t beat, const std::string& performer, Joint joint, Vec3 degrees);
// Where the pelvis is and how the body is turned, in an existing key.
Edited set_root(const Document& doc, std::size_t beat, const std::string& performer, Vec3 position, Vec3 rotation);

}  // namespace cs
