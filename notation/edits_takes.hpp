// edits_takes.hpp — edits of the take log: takes and their deviations from
// the choreography.
#pragma once

#include <cstddef>

#include "notation/edits.hpp"

namespace cs {

// The next take number of a setup on a camera: one more than the highest logged, or 1.
int next_take_number(const Document& doc, const std::string& setup, const std::string& camera);
// The next setup's letters after the highest in use: A, B… skipping I and O.
std::string next_setup_letters(const Document& doc);

Edited add_take(const Document& doc, Take take);
Edited set_take(const Document& doc, std::size_t index, Take take);
Edited remove_take(const Document& doc, std::size_t index);

Edited add_deviation(const Document& doc, std::size_t take, Deviation deviation);
Edited set_deviation(const Document& doc, std::size_t take, std::size_t i, Deviation deviation);
Edited remove_deviation(const Document& doc, std::size_t take, std::size_t i);

}  // namespace cs
