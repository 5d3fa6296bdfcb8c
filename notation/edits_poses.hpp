// edits_poses.hpp — edits of the pose keys: a beat's pose of a performer is the
// shape they reach at the beat's start (edits.hpp for the door they go through).
//
// Joint angles set here are clamped to the joint's limits (mannequin.hpp), as
// a drag stops at a limit; a file may still hold angles beyond them, which the
// checks report.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "notation/edits.hpp"

namespace cs {

struct PropMeshes;  // mesh_import.hpp

// Sets the whole pose of `pose.performer` in beat `beat` (adding the key when
// the beat has none for them). Joints are put in skeleton order.
Edited set_pose(const Document& doc, std::size_t beat, Pose pose);
// set_pose for a drag's every frame: the same edit through the pose-key door
// (edits.hpp checked_pose_keys), which needs `doc` valid (any document an
// edit or a load returns is) and checks what a pose key can break. A drag
// shows these and writes its release with set_pose, the whole door.
Edited drag_pose(const Document& doc, std::size_t beat, Pose pose);
// Removes the beat's key for a performer (they then move through it from the
// keys around it).
Edited remove_pose(const Document& doc, std::size_t beat, const std::string& performer);
// One joint of an existing key, clamped to the joint's limits.
Edited set_joint(const Document& doc, std::size_t beat, const std::string& performer, Joint joint, Vec3 degrees);
// Where the pelvis is and how the body is turned, in an existing key.
Edited set_root(const Document& doc, std::size_t beat, const std::string& performer, Vec3 position, Vec3 rotation);

// [SECTION] Posing in the viewport: a gesture writes the beat's key
// A gesture edits the key of the beat it is made in; when the beat holds no
// key for the performer yet, the key starts as the shape they are staged in at
// the beat's start (so nothing moves until the gesture moves it).

// The beat's key for a performer, or, without one, the shape they are staged
// in at its start, as a key. Requires a valid beat index and performer id.
Pose key_or_staged(const Document& doc, std::size_t beat, const std::string& performer);
// Sets joints of the beat's key (made from the staged shape if need be), each
// clamped to its limits.
Edited set_key_joints(const Document& doc, std::size_t beat, const std::string& performer,
                      const std::vector<JointRotation>& joints);
// Places and turns the whole body in the beat's key (made if need be).
Edited set_key_root(const Document& doc, std::size_t beat, const std::string& performer, Vec3 position, Vec3 rotation);
// Rest on support: moves the body straight down (or up, out of it) until its
// lowest point rests on what is under it — the floor, or the top of a bed or
// any other prop whose footprint it is over — in the beat's key. `meshes`
// supplies mesh props (without it, they are not support).
Edited rest_on_support(const Document& doc, std::size_t beat, const std::string& performer,
                       const PropMeshes* meshes = nullptr);
// How far the performer's lowest point is above its support at the beat's
// start (negative: into it), in metres; what rest_on_support takes away.
double height_above_support(const Document& doc, std::size_t beat, const std::string& performer,
                            const PropMeshes* meshes = nullptr);

// [SECTION] Mirror, copy, flip
// A pose mirrored left to right: each left joint takes its right partner's
// angles and the reverse, every angle (x, y, z) becoming (x, −y, −z) (the
// joint limits mirror the same way), about the body's own midline: the root
// keeps its place and facing. Mirroring twice gives the pose back.
Pose mirrored_pose(const Pose& pose);
// The performer's key in beat `beat`, mirrored (made from the staged shape if need be).
Edited mirror_pose(const Document& doc, std::size_t beat, const std::string& performer);
// The previous beat's key for the performer (or the shape staged at its start) as this beat's key.
Edited copy_pose_from_previous(const Document& doc, std::size_t beat, const std::string& performer);
// Flip the staging: every performer's key in the beat mirrored across the
// stage's centre line (x → −x), places and all: which way to roll so the
// garments stay hidden.
Edited flip_staging(const Document& doc, std::size_t beat);

}  // namespace cs
