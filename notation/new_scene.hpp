// new_scene.hpp — the scene File → New and `closedset new` start from.
//
// Two performers standing on the floor (a pose's root is the pelvis joint's
// world position, so each stands at their mannequin's pelvis height), facing
// each other, dressed in rehearsal clothes (costume garments over the torso
// and pelvis, so no bare intimate region reads before a rider is agreed), and
// a camera that frames them both. Nothing is agreed yet: no boundaries, no
// rider, no pause word (the checks say so). It checks with no error.
#pragma once

#include "notation/document.hpp"

namespace cs {

Document new_scene();

}  // namespace cs
