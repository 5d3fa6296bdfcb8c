// edits_cast.hpp — edits of the cast and what each performer agreed: who they
// are, their body map (boundary lines), their nudity rider (exposure lines),
// the regions they hold more private (tiers), the IC's private note.
#pragma once

#include <cstddef>
#include <string>

#include "notation/edits.hpp"

namespace cs {

// A new performer with a fresh id ("p3") and the given name; not posed anywhere.
Edited add_performer(const Document& doc, Performer performer, std::string* id = nullptr);
// Replaces performer `id` (a changed id renames every reference to them).
Edited set_performer(const Document& doc, const std::string& id, Performer performer);
// Refused while anything still names them; the refusal says where.
Edited remove_performer(const Document& doc, const std::string& id);

// Lines of a performer's agreements: Boundary (body map), Exposure (rider),
// TierRaise. `add_line` appends; `set_line` replaces line `i`; `remove_line` removes it.
template <class Line> Edited add_line(const Document& doc, const std::string& performer, Line line);
template <class Line> Edited set_line(const Document& doc, const std::string& performer, std::size_t i, Line line);
template <class Line> Edited remove_line(const Document& doc, const std::string& performer, std::size_t i);

}  // namespace cs
