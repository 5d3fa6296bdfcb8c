// edits_takes.hpp — edits of the take log: takes and their deviations from
// the choreography.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "notation/edits.hpp"

namespace cs {

// The next take number of a setup on a camera: one more than the highest logged, or 1.
int next_take_number(const Document& doc, const std::string& setup, const std::string& camera);
// The next setup's letters after the highest in use: A, B… skipping I and O.
std::string next_setup_letters(const Document& doc);
// The setup the log is on: that of the last take logged (the shooting day
// goes on where it stopped), or "A" before any take.
std::string current_setup_letters(const Document& doc);
// The setups a take can be logged on, in slate order: every letters from A
// through the next new setup (next_setup_letters) or through `also` (valid
// slate letters), whichever comes later. Earlier setups are among them: a
// setup can be gone back to.
std::vector<std::string> setup_letters_choices(const Document& doc, const std::string& also = "");

// Why a take logged now would be shot on a version not ready to shoot: "" when
// the version in force is rehearsed or locked and every performer has
// confirmed it; else a sentence naming what is missing ("Version 4 is a draft,
// not rehearsed or locked; Ana and Ben have not confirmed it"). Logging is not
// refused (the day goes on, and the log must say what was shot), but the
// editor shows it before and after.
std::string unready_version_warning(const Document& doc);

Edited add_take(const Document& doc, Take take);
Edited set_take(const Document& doc, std::size_t index, Take take);
Edited remove_take(const Document& doc, std::size_t index);

Edited add_deviation(const Document& doc, std::size_t take, Deviation deviation);
Edited set_deviation(const Document& doc, std::size_t take, std::size_t i, Deviation deviation);
Edited remove_deviation(const Document& doc, std::size_t take, std::size_t i);

}  // namespace cs
