// save.hpp — writing files so that nothing is ever torn, lost or left behind.
//
// Every write of a scene (and of an export, a recovery copy, the recent list)
// goes through write_file_safely(). What it promises, in order:
//   1. A lock. `.NAME.saving` beside the target is flock()ed for the whole save,
//      so two writers (two editors, an editor and `closedset fmt`) take turns:
//      the second waits up to SaveOptions::lock_wait, then is refused with the
//      other process's id. Each save's backup is then the version before it.
//   2. Leftovers. A save killed mid-way may leave `.NAME.tmp-XXXXXX`; under
//      the lock, none of those belongs to a live save, so they are removed.
//   3. Refusals before any write: a read-only file (no write bit, even for
//      root), a file this user may not write, something that is not a file.
//   4. The new bytes go to an unnamed file (O_TMPFILE) in the target's folder,
//      in 64 KiB writes, with the old file's mode, owner and group (where this
//      process may set them), then fsync. A kill now leaves nothing on disk: the
//      partial copy never had a name. Only then is it named `.NAME.tmp-XXXXXX`
//      (where O_TMPFILE is missing, it is named from the start).
//   5. Backups: NAME.bak is the previous version, NAME.bak.2 the one before,
//      up to kBackupGenerations (the oldest is dropped). A hard link, or a
//      copy where links are not possible.
//   6. rename() over the target, fsync of the folder, the lock file removed.
// A target with other hard links is saved all the same (atomically, so it
// becomes a file of its own) and SaveResult::warnings says which names still
// show the previous version.
//
// The editor's "this scene is open elsewhere" marker is LibreOffice's idea:
// `.~lock.NAME#` holds who has it open (user, host, process, since when).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

struct Document;

// How many previous versions a save keeps: NAME.bak, NAME.bak.2, NAME.bak.3.
inline constexpr int kBackupGenerations = 3;

struct SaveResult {
  bool ok = false;
  std::string error;                       // why, when !ok; the target is untouched then
  std::filesystem::path backup;            // where the previous version was kept ("" if none)
  std::vector<std::string> warnings;       // saved, but something to know (hard links, owner)
};

// The steps of a save, for tests that stop it at each one.
enum class SaveStep { locked, writing, written, named, backed_up, replaced };

struct SaveOptions {
  bool keep_backup = true;                                 // rotate NAME.bak…NAME.bak.N
  std::chrono::milliseconds lock_wait{5000};               // how long to wait for another save
  // Tests only: called at each step (and after each 64 KiB written).
  void (*on_step)(SaveStep step, void* context) = nullptr;
  void* step_context = nullptr;
};

SaveResult write_file_safely(const std::filesystem::path& path, std::string_view bytes, const SaveOptions& options);

// write_file_safely with default options, with or without backups (exports, config files: none).
SaveResult write_file_atomic(const std::filesystem::path& path, std::string_view bytes, bool keep_backup);

// Writes a file that must not exist yet (closedset new): complete or not at
// all, and never over a file that is there, even one that appears meanwhile.
// Mode 0600. Refused, with the reason, when the name is taken.
SaveResult write_new_file(const std::filesystem::path& path, std::string_view bytes);

// The scene's canonical text (save_scene_text), written with write_file_safely.
SaveResult save_scene_file(const Document& doc, const std::filesystem::path& path, const SaveOptions& options = {});

// NAME.bak, NAME.bak.2, … NAME.bak.kBackupGenerations: the backup of generation
// `n` (1 = the previous version).
std::filesystem::path backup_path(const std::filesystem::path& target, int n);

// ---------------------------------------------------------------------------
// Leftovers of interrupted saves

// `.NAME.tmp-XXXXXX` beside `target`: is `name` one of its temporary copies?
bool is_leftover_of(const std::filesystem::path& target, std::string_view name);

struct Leftovers {
  std::vector<std::filesystem::path> removed;       // partial or older copies, deleted
  // Complete scenes newer than the file (or the file is gone): a save killed
  // between writing and renaming. Left in place for the caller to offer.
  std::vector<std::filesystem::path> recoverable;
  bool busy = false;                                 // another save holds the lock: nothing was touched
  std::string error;                                 // a copy that could not be removed, and why
};

// Finds the leftovers beside `target`; removes every one that is not
// recoverable (all of them when `keep_recoverable` is false). Takes the save
// lock without waiting: while another process saves, it touches nothing.
Leftovers tidy_leftovers(const std::filesystem::path& target, bool keep_recoverable);

// ---------------------------------------------------------------------------
// "Open elsewhere" marker (the editor)

struct OpenMarker {
  std::string user, host;
  long pid = 0;
  std::string since;                                 // "2026-12-02 08:40" local time
  bool ours = false;                                 // this process wrote it
  bool alive = true;                                 // its process still runs (unknowable on another host: true)
};

std::filesystem::path open_marker_path(const std::filesystem::path& target);
// Who else has `target` open: a marker written by another process that is still
// alive. A stale marker (its process is gone) counts as none.
std::optional<OpenMarker> open_elsewhere(const std::filesystem::path& target);
// Writes this process's marker (replacing a stale or our own one). False with the reason.
bool claim_open_marker(const std::filesystem::path& target, std::string* error = nullptr);
// Removes the marker if it is this process's.
void release_open_marker(const std::filesystem::path& target);

}  // namespace cs
