// edits_garments.hpp — edits of garments (modesty wear and costume) and props
// (set pieces and barriers).
#pragma once

#include <string>

#include "notation/edits.hpp"

namespace cs {

// A new garment with a fresh id ("g3") when its id is empty.
Edited add_garment(const Document& doc, Garment garment, std::string* id = nullptr);
// Replaces garment `id` (a changed id renames every reference to it).
Edited set_garment(const Document& doc, const std::string& id, Garment garment);
// Refused while a beat still names it; the refusal says where.
Edited remove_garment(const Document& doc, const std::string& id);

Edited add_prop(const Document& doc, Prop prop, std::string* id = nullptr);
Edited set_prop(const Document& doc, const std::string& id, Prop prop);
Edited remove_prop(const Document& doc, const std::string& id);

}  // namespace cs
