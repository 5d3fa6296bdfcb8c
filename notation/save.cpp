// save.cpp — save.hpp. POSIX (Linux) calls throughout: the promises in the
// header are about what the kernel does on rename, link, flock and fsync.
//
// [SECTION] Small helpers
// [SECTION] The save lock
// [SECTION] Leftovers
// [SECTION] Writing the new bytes
// [SECTION] Backups
// [SECTION] write_file_safely, write_new_file, save_scene_file
// [SECTION] Open-elsewhere marker
#include "notation/phrasing.hpp"
#include "notation/save.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "notation/format.hpp"

namespace cs {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------
// [SECTION] Small helpers

constexpr std::size_t kWriteChunk = 64u << 10;

std::string errno_text(const char* what, const fs::path& p) {
  return std::string(what) + " " + p.string() + ": " + std::strerror(errno);
}

void step(const SaveOptions& o, SaveStep s) {
  if (o.on_step) o.on_step(s, o.step_context);
}

bool write_all(int fd, std::string_view bytes, const SaveOptions* o) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const std::size_t chunk = std::min(kWriteChunk, bytes.size() - done);
    const ssize_t n = ::write(fd, bytes.data() + done, chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) { errno = ENOSPC; return false; }
    done += static_cast<std::size_t>(n);
    if (o) step(*o, SaveStep::writing);
  }
  return true;
}

void sync_folder(const fs::path& dir) {
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);  // make the renames and unlinks themselves durable
    ::close(dfd);
  }
}

fs::path folder_of(const fs::path& p) { return p.has_parent_path() ? p.parent_path() : fs::path("."); }

std::string random_suffix() {
  static thread_local std::mt19937_64 rng(std::random_device{}() ^ (std::uint64_t(::getpid()) << 32));
  static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string s(6, 'x');
  for (char& c : s) c = kChars[rng() % (sizeof kChars - 1)];
  return s;
}

std::string local_time_text(std::time_t t) {
  std::tm local{};
  localtime_r(&t, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
  return buf;
}

std::string octal_mode(mode_t m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(m & 07777));
  return buf;
}

std::string user_name(uid_t uid) {
  if (const passwd* pw = ::getpwuid(uid)) return pw->pw_name;
  return "user " + std::to_string(uid);
}

// ---------------------------------------------------------------------------
// [SECTION] The save lock
//
// flock() on `.NAME.saving`. The holder removes the file before it lets go, so
// a waiter may wake holding a lock on a file that no longer has the name: it
// checks that the name still leads to the inode it locked, and tries again if
// not. The file holds the holder's process id, for the refusal message.

class SaveLock {
 public:
  SaveLock() = default;
  SaveLock(const SaveLock&) = delete;
  SaveLock& operator=(const SaveLock&) = delete;
  SaveLock(SaveLock&& o) noexcept : fd_(o.fd_), file_(std::move(o.file_)) { o.fd_ = -1; }
  ~SaveLock() { release(); }

  // Waits up to `wait`; "" on success, else why not.
  std::string acquire(const fs::path& dir, const std::string& name, std::chrono::milliseconds wait) {
    file_ = dir / ("." + name + ".saving");
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
      const int fd = ::open(file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
      if (fd < 0) return errno_text("Cannot create the lock file", file_);
      if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
        struct stat held {}, named {};
        if (::fstat(fd, &held) == 0 && ::stat(file_.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
            held.st_dev == named.st_dev) {
          const std::string pid = std::to_string(::getpid()) + "\n";
          if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, pid.data(), pid.size(), 0);
          fd_ = fd;
          return "";
        }
        ::close(fd);  // the holder removed it as we locked it: take the new one
        continue;
      }
      const int err = errno;
      char buf[32] = {};
      (void)!::pread(fd, buf, sizeof buf - 1, 0);
      ::close(fd);
      if (err != EWOULDBLOCK) {
        errno = err;
        return errno_text("Cannot lock", file_);
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        const long holder = std::strtol(buf, nullptr, 10);
        return "Another program" + (holder > 0 ? " (process " + std::to_string(holder) + ")" : std::string()) +
               " is saving " + (dir / name).string() + " and did not finish within " +
               std::to_string(wait.count() / 1000.0).substr(0, 3) + " s";
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  bool held() const { return fd_ >= 0; }

  void release() {
    if (fd_ < 0) return;
    ::unlink(file_.c_str());  // before letting go: see the section comment
    ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
  fs::path file_;
};

// ---------------------------------------------------------------------------
// [SECTION] Leftovers

std::string tmp_prefix(const std::string& name) { return "." + name + ".tmp-"; }

bool is_leftover_name(const std::string& target_name, std::string_view name) {
  const std::string prefix = tmp_prefix(target_name);
  if (name.size() != prefix.size() + 6 || name.substr(0, prefix.size()) != prefix) return false;
  for (const char c : name.substr(prefix.size()))
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  return true;
}

std::vector<fs::path> leftovers_in(const fs::path& dir, const std::string& name) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    if (!is_leftover_name(name, e.path().filename().string())) continue;
    if (e.is_symlink(ec) || !e.is_regular_file(ec)) continue;  // not ours: mkstemp and linkat make plain files
    out.push_back(e.path());
  }
  return out;
}

// Removes every leftover (the lock is held). "" or why one could not be removed.
std::string remove_leftovers(const fs::path& dir, const std::string& name, std::vector<fs::path>* removed) {
  std::string error;
  for (const fs::path& p : leftovers_in(dir, name)) {
    if (::unlink(p.c_str()) == 0) {
      if (removed) removed->push_back(p);
    } else if (error.empty()) {
      error = errno_text("Cannot remove the leftover of an interrupted save", p);
    }
  }
  return error;
}

// ---------------------------------------------------------------------------
// [SECTION] Writing the new bytes
//
// An unnamed file (O_TMPFILE) needs /proc/self/fd to be given a name without
// privileges (linkat with AT_SYMLINK_FOLLOW); without either, a named
// temporary file from the start.

struct Written {
  fs::path tmp;        // its name beside the target
  std::string error;   // set when it failed; nothing is left on disk then
};

// Mode, owner and group for the new file: the old file's, else 0600 and ours.
struct Ownership {
  bool existed = false;
  struct stat old {};
};

std::string apply_ownership(int fd, const Ownership& own, const fs::path& path, std::vector<std::string>& warnings) {
  if (!own.existed) {
    if (::fchmod(fd, 0600) != 0) return errno_text("Cannot set the mode of the new copy of", path);
    return "";
  }
  const struct stat& st = own.old;
  if (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) {
    // root may give the file back to its owner; anyone may keep a group they belong to.
    if (::fchown(fd, st.st_uid, st.st_gid) != 0 && ::fchown(fd, static_cast<uid_t>(-1), st.st_gid) != 0) {
      warnings.push_back(path.string() + " belonged to " + user_name(st.st_uid) +
                         "; this process may not keep that owner or group, so it now belongs to " +
                         user_name(::geteuid()));
    } else {
      struct stat now {};
      if (::fstat(fd, &now) == 0 && now.st_uid != st.st_uid)
        warnings.push_back(path.string() + " belonged to " + user_name(st.st_uid) + "; it now belongs to " +
                           user_name(now.st_uid) + " (its group is kept)");
    }
  }
  // After chown, which clears set-id bits: the old mode exactly.
  if (::fchmod(fd, st.st_mode & 07777) != 0) return errno_text("Cannot set the mode of the new copy of", path);
  return "";
}

Written write_beside(const fs::path& dir, const std::string& name, const fs::path& path, std::string_view bytes,
                     const Ownership& own, const SaveOptions* o, std::vector<std::string>& warnings) {
  Written w;
  static const bool have_proc = ::access("/proc/self/fd", X_OK) == 0;
  int fd = have_proc ? ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600) : -1;
  const bool unnamed = fd >= 0;
  if (!unnamed) {
    std::string tmpl = (dir / (tmp_prefix(name) + "XXXXXX")).string();
    fd = ::mkstemp(tmpl.data());  // mode 0600
    if (fd < 0) {
      w.error = errno_text("Cannot create a temporary file beside", path);
      return w;
    }
    w.tmp = tmpl;
  }
  auto fail = [&](std::string why) {
    ::close(fd);
    if (!w.tmp.empty()) ::unlink(w.tmp.c_str());
    w.tmp.clear();
    w.error = std::move(why);
    return w;
  };
  if (std::string e = apply_ownership(fd, own, path, warnings); !e.empty()) return fail(e);
  if (o) step(*o, SaveStep::writing);
  if (!write_all(fd, bytes, o)) return fail(errno_text("Cannot write the new copy of", path));
  if (::fsync(fd) != 0) return fail(errno_text("Cannot flush to disk the new copy of", path));
  if (o) step(*o, SaveStep::written);
  if (unnamed) {
    const std::string proc = "/proc/self/fd/" + std::to_string(fd);
    for (int attempt = 0; attempt < 100 && w.tmp.empty(); ++attempt) {
      const fs::path candidate = dir / (tmp_prefix(name) + random_suffix());
      if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, candidate.c_str(), AT_SYMLINK_FOLLOW) == 0) w.tmp = candidate;
      else if (errno != EEXIST) return fail(errno_text("Cannot name the new copy of", path));
    }
    if (w.tmp.empty()) return fail("Cannot find a free temporary name beside " + path.string());
  }
  if (::close(fd) != 0) return fail(errno_text("Cannot close the new copy of", path));
  if (o) step(*o, SaveStep::named);
  return w;
}

// ---------------------------------------------------------------------------
// [SECTION] Backups

bool copy_bytes_to(const fs::path& from, const fs::path& to, std::string& error) {
  std::ifstream in(from, std::ios::binary);
  if (!in) { error = errno_text("Cannot read", from); return false; }
  std::ostringstream buf;
  buf << in.rdbuf();
  const fs::path dir = folder_of(to);
  std::vector<std::string> ignored;
  Written w = write_beside(dir, to.filename().string(), to, buf.str(), Ownership{}, nullptr, ignored);
  if (!w.error.empty()) { error = w.error; return false; }
  if (::rename(w.tmp.c_str(), to.c_str()) != 0) {
    error = errno_text("Cannot place", to);
    ::unlink(w.tmp.c_str());
    return false;
  }
  return true;
}

// Shifts NAME.bak → NAME.bak.2 → … (the oldest is dropped), then keeps the
// current file as NAME.bak. "" or why not (the target is untouched either way).
std::string rotate_backups(const fs::path& path, const fs::path& bak) {
  ::unlink(backup_path(path, kBackupGenerations).c_str());
  for (int n = kBackupGenerations - 1; n >= 1; --n) {
    const fs::path from = backup_path(path, n), to = backup_path(path, n + 1);
    if (::rename(from.c_str(), to.c_str()) != 0 && errno != ENOENT)
      return errno_text("Cannot move the older backup", from);
  }
  // A hard link keeps the old bytes under the backup name at no cost; where
  // the file system has no links, copy them.
  if (::link(path.c_str(), bak.c_str()) == 0) return "";
  std::string err;
  if (!copy_bytes_to(path, bak, err)) return "Cannot keep a backup of the previous version (" + err + ")";
  return "";
}

// Names other than `path` (and its own NAME.bak, which a save killed between
// linking the backup and renaming leaves on the same file) that lead to it.
nlink_t other_links(const fs::path& path, const struct stat& st) {
  nlink_t n = st.st_nlink > 0 ? st.st_nlink - 1 : 0;
  struct stat b {};
  if (n > 0 && ::stat(backup_path(path, 1).c_str(), &b) == 0 && b.st_ino == st.st_ino && b.st_dev == st.st_dev) --n;
  return n;
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] write_file_safely, write_new_file, save_scene_file

fs::path backup_path(const fs::path& target, int n) {
  return n <= 1 ? fs::path(target.string() + ".bak") : fs::path(target.string() + ".bak." + std::to_string(n));
}

bool is_leftover_of(const fs::path& target, std::string_view name) {
  return is_leftover_name(target.filename().string(), name);
}

SaveResult write_file_safely(const fs::path& given, std::string_view bytes, const SaveOptions& options) {
  SaveResult result;
  // A symbolic link is written through: the file it points to is replaced (and
  // its backup kept beside it), and the link stays a link.
  fs::path path = given;
  {
    std::error_code lec;
    if (fs::is_symlink(given, lec)) {
      path = fs::canonical(given, lec);
      if (lec) {
        result.error = given.string() + " is a link to a file that does not exist; nothing was written";
        return result;
      }
    }
  }
  const fs::path dir = folder_of(path);
  const std::string name = path.filename().string();
  if (name.empty()) { result.error = "No file name in " + path.string(); return result; }
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) { result.error = "Folder " + dir.string() + " does not exist"; return result; }
  auto refuse = [&](std::string why) {
    result.error = std::move(why);
    return result;
  };
  auto unchanged = [&](std::string why) { return refuse(std::move(why) + "; " + path.string() + " was not changed"); };

  SaveLock lock;
  if (std::string why = lock.acquire(dir, name, options.lock_wait); !why.empty()) return unchanged(why);
  step(options, SaveStep::locked);
  // Under the lock, no live save owns a temporary copy of this file.
  (void)remove_leftovers(dir, name, nullptr);

  Ownership own;
  if (::lstat(path.c_str(), &own.old) == 0) {
    own.existed = true;
    if (!S_ISREG(own.old.st_mode)) return refuse(path.string() + " exists and is not a regular file; nothing was written");
    if ((own.old.st_mode & 0222) == 0)
      return unchanged(path.string() + " is read-only (mode " + octal_mode(own.old.st_mode) +
                       "), so it is not overwritten. Make it writable (chmod u+w) to save over it, or save under "
                       "another name");
    if (::access(path.c_str(), W_OK) != 0)
      return unchanged("You (" + user_name(::geteuid()) + ") may not write " + path.string() + " (owner " +
                       user_name(own.old.st_uid) + ", mode " + octal_mode(own.old.st_mode) + ")");
    if (const nlink_t links = other_links(path, own.old); links > 0)
      result.warnings.push_back(path.string() + " had " + plural(static_cast<long long>(links), "other name") +
                                " (hard link" + (links == 1 ? "" : "s") + "); the save gave it a file of its own, and the other name" +
                                (links == 1 ? " still shows" : "s still show") + " the previous version");
  } else if (errno != ENOENT) {
    return unchanged(errno_text("Cannot look at", path));
  }

  Written w = write_beside(dir, name, path, bytes, own, &options, result.warnings);
  if (!w.error.empty()) return unchanged(w.error);

  if (own.existed && options.keep_backup) {
    const fs::path bak = backup_path(path, 1);
    if (std::string why = rotate_backups(path, bak); !why.empty()) {
      ::unlink(w.tmp.c_str());
      return unchanged(why);
    }
    result.backup = bak;
    step(options, SaveStep::backed_up);
  }
  if (::rename(w.tmp.c_str(), path.c_str()) != 0) {
    const std::string why = errno_text("Cannot rename the new file over", path);
    ::unlink(w.tmp.c_str());
    return unchanged(why);
  }
  step(options, SaveStep::replaced);
  lock.release();
  sync_folder(dir);
  result.ok = true;
  return result;
}

SaveResult write_file_atomic(const fs::path& path, std::string_view bytes, bool keep_backup) {
  SaveOptions o;
  o.keep_backup = keep_backup;
  return write_file_safely(path, bytes, o);
}

SaveResult write_new_file(const fs::path& path, std::string_view bytes) {
  SaveResult result;
  const fs::path dir = folder_of(path);
  const std::string name = path.filename().string();
  if (name.empty()) { result.error = "No file name in " + path.string(); return result; }
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec))) {
    result.error = path.string() + " already exists; nothing was written (choose another name, or remove it first)";
    return result;
  }
  if (!fs::is_directory(dir, ec)) { result.error = "Folder " + dir.string() + " does not exist"; return result; }
  Written w = write_beside(dir, name, path, bytes, Ownership{}, nullptr, result.warnings);
  if (!w.error.empty()) { result.error = w.error; return result; }
  // link() puts the complete file in place only if nothing has that name: it
  // never replaces a file that appeared since the check above.
  bool placed = ::link(w.tmp.c_str(), path.c_str()) == 0;
  if (!placed && (errno == EPERM || errno == EOPNOTSUPP)) {
    // A file system without hard links (FAT, some network shares): check, then rename.
    if (!fs::exists(fs::symlink_status(path, ec))) placed = ::rename(w.tmp.c_str(), path.c_str()) == 0;
    else errno = EEXIST;
  }
  if (!placed) {
    const int err = errno;
    ::unlink(w.tmp.c_str());
    errno = err;
    result.error = err == EEXIST ? path.string() + " already exists; nothing was written"
                                 : errno_text("Cannot create", path);
    return result;
  }
  ::unlink(w.tmp.c_str());
  sync_folder(dir);
  result.ok = true;
  return result;
}

SaveResult save_scene_file(const Document& doc, const fs::path& path, const SaveOptions& options) {
  std::string text;
  try {
    text = save_scene_text(doc);
  } catch (const std::exception& e) {
    SaveResult r;
    r.error = std::string("Cannot write the scene as JSON (") + e.what() + "); nothing was written";
    return r;
  }
  return write_file_safely(path, text, options);
}

Leftovers tidy_leftovers(const fs::path& given, bool keep_recoverable) {
  Leftovers out;
  std::error_code ec;
  fs::path target = given;
  if (fs::is_symlink(given, ec)) {
    target = fs::canonical(given, ec);
    if (ec) return out;
  }
  const fs::path dir = folder_of(target);
  const std::string name = target.filename().string();
  // The common case, nothing to do: no lock file is made. A lock file left by a
  // killed save holds only a process id, but it goes too.
  std::error_code lec;
  if (leftovers_in(dir, name).empty() && !fs::exists(fs::symlink_status(dir / ("." + name + ".saving"), lec)))
    return out;
  SaveLock lock;
  if (!lock.acquire(dir, name, std::chrono::milliseconds(0)).empty()) {
    out.busy = true;
    return out;
  }
  struct stat file {};
  const bool file_exists = ::stat(target.c_str(), &file) == 0;
  for (const fs::path& p : leftovers_in(dir, name)) {
    struct stat st {};
    bool keep = false;
    if (keep_recoverable && ::stat(p.c_str(), &st) == 0) {
      const bool newer = !file_exists || st.st_mtim.tv_sec > file.st_mtim.tv_sec ||
                         (st.st_mtim.tv_sec == file.st_mtim.tv_sec && st.st_mtim.tv_nsec > file.st_mtim.tv_nsec);
      keep = newer && load_scene_file(p).ok();
    }
    if (keep) {
      out.recoverable.push_back(p);
    } else if (::unlink(p.c_str()) == 0) {
      out.removed.push_back(p);
    } else if (out.error.empty()) {
      out.error = errno_text("Cannot remove the leftover of an interrupted save", p);
    }
  }
  lock.release();
  if (!out.removed.empty()) sync_folder(dir);
  return out;
}

// ---------------------------------------------------------------------------
// [SECTION] Open-elsewhere marker
//
// One line: user,host,pid,since. Like LibreOffice's, it is advice, not a lock:
// it tells a person that someone else may be editing the scene.

fs::path open_marker_path(const fs::path& target) {
  return folder_of(target) / (".~lock." + target.filename().string() + "#");
}

namespace {

std::string host_name() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) return "unknown host";
  return buf;
}

std::optional<OpenMarker> read_marker(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  std::vector<std::string> parts;
  std::stringstream ss(line);
  for (std::string part; std::getline(ss, part, ',');) parts.push_back(part);
  if (parts.size() < 4) return std::nullopt;
  OpenMarker m;
  m.user = parts[0];
  m.host = parts[1];
  m.pid = std::strtol(parts[2].c_str(), nullptr, 10);
  m.since = parts[3];
  const bool same_host = m.host == host_name();
  m.ours = same_host && m.pid == ::getpid();
  if (same_host && m.pid > 0) m.alive = ::kill(static_cast<pid_t>(m.pid), 0) == 0 || errno == EPERM;
  return m;
}

// Marker fields may not hold the separator or a line break.
std::string marker_field(std::string s) {
  for (char& c : s)
    if (c == ',' || c == '\n' || c == '\r') c = '_';
  return s;
}

}  // namespace

std::optional<OpenMarker> open_elsewhere(const fs::path& target) {
  std::optional<OpenMarker> m = read_marker(open_marker_path(target));
  if (!m || m->ours || !m->alive) return std::nullopt;
  return m;
}

bool claim_open_marker(const fs::path& target, std::string* error) {
  const std::string line = marker_field(user_name(::geteuid())) + "," + marker_field(host_name()) + "," +
                           std::to_string(::getpid()) + "," + local_time_text(std::time(nullptr)) + "\n";
  SaveOptions o;
  o.keep_backup = false;
  const SaveResult r = write_file_safely(open_marker_path(target), line, o);
  if (!r.ok && error) *error = r.error;
  return r.ok;
}

void release_open_marker(const fs::path& target) {
  const fs::path file = open_marker_path(target);
  const std::optional<OpenMarker> m = read_marker(file);
  if (m && m->ours) ::unlink(file.c_str());
}

}  // namespace cs
