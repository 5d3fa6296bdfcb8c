// files.hpp — where the editor keeps its own small files, and what they hold:
// the recent-files list and the autosaved recovery copies of unsaved work.
//
//   CONFIG/recent.txt                      one absolute path a line, newest first
//   CONFIG/recovery/NAME-HASH.closedset.json   autosave of the scene at that path
//   CONFIG/recovery/untitled.closedset.json    autosave of a scene never saved
// CONFIG is $XDG_CONFIG_HOME/closedset, else ~/.config/closedset. Every write is
// atomic (cs::write_file_atomic); recovery copies are scene files like any other
// (readable by their owner only: they hold boundaries and private notes).
// No ImGui, no GL.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notation/document.hpp"

namespace cs::editor {

inline constexpr std::size_t kMaxRecentFiles = 10;

// $XDG_CONFIG_HOME/closedset or $HOME/.config/closedset; "" when neither is set.
std::filesystem::path default_config_dir();

std::vector<std::filesystem::path> load_recent(const std::filesystem::path& config_dir);
// Puts `file` first (absolute, no duplicates, at most kMaxRecentFiles) and writes the list.
// Returns the new list; on a write failure the list is still returned and `error` says why.
std::vector<std::filesystem::path> add_recent(const std::filesystem::path& config_dir, const std::filesystem::path& file,
                                              std::string* error = nullptr);

// The recovery copy for a scene at `file` ("" for an untitled scene).
std::filesystem::path recovery_path(const std::filesystem::path& config_dir, const std::filesystem::path& file);
// Writes the recovery copy atomically (creating the folder, mode 0700). False with the reason.
// With a passphrase (a sealed scene), the copy is sealed with it: nothing plain reaches the disk.
bool write_recovery(const std::filesystem::path& config_dir, const std::filesystem::path& file, const Document& doc,
                    std::string* error, std::string_view passphrase = {});
void remove_recovery(const std::filesystem::path& config_dir, const std::filesystem::path& file);

// A recovery copy worth offering: it exists and is newer than the file (any
// untitled copy counts as newer).
struct RecoveryOffer {
  std::filesystem::path recovery;   // the autosaved copy
  std::filesystem::path file;       // the scene it belongs to ("" untitled)
  std::string when;                 // "2024-05-02 14:03" (local time of the autosave)
  // Not an autosave: a complete copy a save left beside the file when it was
  // killed between writing and renaming (cs::tidy_leftovers), newer than the file.
  bool interrupted_save = false;
};
std::optional<RecoveryOffer> find_recovery(const std::filesystem::path& config_dir, const std::filesystem::path& file);

// Opening `file`: removes what interrupted saves left beside it (partial copies,
// older ones) and returns the newest complete copy newer than the file, to offer.
// `note` says what was removed, if anything.
std::optional<RecoveryOffer> tidy_interrupted_saves(const std::filesystem::path& file, std::string* note);

// Every recovery copy worth offering (File → Recover…), newest first, except
// the one for `open_file` (offered when it was opened). A copy is named after
// its scene's file name and a hash of its path, so its scene is found among
// `known` (the recent files): `file` is that scene, or "" when it is not known
// (then `name` is all there is), and untitled copies have `untitled` set.
struct RecoveryListing {
  RecoveryOffer offer;
  std::string name;      // the scene's file name, or the copy's stem when the scene is unknown
  bool untitled = false;
};
std::vector<RecoveryListing> list_recoveries(const std::filesystem::path& config_dir, const std::vector<std::filesystem::path>& known,
                                             const std::filesystem::path& open_file);

}  // namespace cs::editor
