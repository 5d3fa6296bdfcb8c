// files.cpp — files.hpp.
#include "app/editor/files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <system_error>

#include "notation/format.hpp"
#include "notation/save.hpp"
#include "notation/seal.hpp"

namespace cs::editor {

namespace fs = std::filesystem;

namespace {

fs::path absolute_of(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return ec ? p : a.lexically_normal();
}

// FNV-1a of the absolute path: two scenes of the same name in two folders get
// two recovery copies.
std::string path_hash(const fs::path& p) {
  std::uint32_t h = 2166136261u;
  for (const char c : absolute_of(p).string()) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", h);
  return buf;
}

// "2024-05-02 14:03", local time.
std::string local_time_of(fs::file_time_type when) {
  const auto sys = std::chrono::file_clock::to_sys(when);
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::system_clock::duration>(sys));
  std::tm local{};
  localtime_r(&t, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
  return buf;
}

bool make_private_dir(const fs::path& dir, std::string* error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    if (error) *error = "cannot create " + dir.string() + ": " + ec.message();
    return false;
  }
  ::chmod(dir.c_str(), 0700);
  return true;
}

}  // namespace

fs::path default_config_dir() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return fs::path(xdg) / "closedset";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".config" / "closedset";
  return {};
}

std::vector<fs::path> load_recent(const fs::path& config_dir) {
  std::vector<fs::path> out;
  if (config_dir.empty()) return out;
  std::ifstream in(config_dir / "recent.txt");
  std::string line;
  while (std::getline(in, line) && out.size() < kMaxRecentFiles)
    if (!line.empty() && std::find(out.begin(), out.end(), fs::path(line)) == out.end()) out.emplace_back(line);
  return out;
}

std::vector<fs::path> add_recent(const fs::path& config_dir, const fs::path& file, std::string* error) {
  std::vector<fs::path> list = load_recent(config_dir);
  const fs::path abs = absolute_of(file);
  list.erase(std::remove(list.begin(), list.end(), abs), list.end());
  list.insert(list.begin(), abs);
  if (list.size() > kMaxRecentFiles) list.resize(kMaxRecentFiles);
  if (config_dir.empty()) return list;
  std::string text;
  for (const fs::path& p : list) text += p.string() + "\n";
  if (!make_private_dir(config_dir, error)) return list;
  const SaveResult r = write_file_atomic(config_dir / "recent.txt", text, false);
  if (!r.ok && error) *error = r.error;
  return list;
}

fs::path recovery_path(const fs::path& config_dir, const fs::path& file) {
  const fs::path dir = config_dir / "recovery";
  if (file.empty()) return dir / "untitled.closedset.json";
  std::string stem = file.filename().string();
  for (const char* ext : {".closedset.json", ".json"})
    if (stem.size() > std::string(ext).size() && stem.ends_with(ext)) {
      stem.resize(stem.size() - std::string(ext).size());
      break;
    }
  return dir / (stem + "-" + path_hash(file) + ".closedset.json");
}

bool write_recovery(const fs::path& config_dir, const fs::path& file, const Document& doc, std::string* error,
                    std::string_view passphrase) {
  if (config_dir.empty()) {
    if (error) *error = "no folder for recovery copies (set HOME or XDG_CONFIG_HOME)";
    return false;
  }
  if (!make_private_dir(config_dir / "recovery", error)) return false;
  SaveOptions o;
  o.keep_backup = false;
  const SaveResult r = passphrase.empty()
                           ? write_file_safely(recovery_path(config_dir, file), save_scene_text(doc), o)
                           : save_sealed_scene_file(doc, recovery_path(config_dir, file), passphrase, o);
  if (!r.ok && error) *error = r.error;
  return r.ok;
}

void remove_recovery(const fs::path& config_dir, const fs::path& file) {
  if (config_dir.empty()) return;
  std::error_code ec;
  fs::remove(recovery_path(config_dir, file), ec);
}

std::vector<RecoveryListing> list_recoveries(const fs::path& config_dir, const std::vector<fs::path>& known, const fs::path& open_file) {
  std::vector<RecoveryListing> out;
  if (config_dir.empty()) return out;
  const fs::path dir = config_dir / "recovery";
  const fs::path skip = recovery_path(config_dir, open_file);
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const fs::path rec = e.path();
    if (!e.is_regular_file(ec) || rec == skip || !rec.filename().string().ends_with(".closedset.json")) continue;
    RecoveryListing l;
    fs::path file;
    if (rec == recovery_path(config_dir, {})) l.untitled = true;
    else
      for (const fs::path& k : known)
        if (recovery_path(config_dir, k) == rec) file = k;
    std::optional<RecoveryOffer> o = (l.untitled || !file.empty()) ? find_recovery(config_dir, file) : std::nullopt;
    if (!o && !l.untitled && file.empty()) {
      // Its scene is not among the recent files: list the copy by its own name.
      RecoveryOffer bare;
      bare.recovery = rec;
      bare.when = local_time_of(fs::last_write_time(rec, ec));
      o = bare;
    }
    if (!o) continue;  // saved since: nothing to recover
    l.offer = *o;
    l.name = l.untitled ? std::string("untitled scene") : !file.empty() ? file.filename().string() : rec.stem().stem().string();
    out.push_back(std::move(l));
  }
  std::sort(out.begin(), out.end(), [](const RecoveryListing& a, const RecoveryListing& b) { return a.offer.when > b.offer.when; });
  return out;
}

std::optional<RecoveryOffer> tidy_interrupted_saves(const fs::path& file, std::string* note) {
  const Leftovers found = tidy_leftovers(file, /*keep_recoverable=*/true);
  if (note) {
    note->clear();
    if (!found.removed.empty())
      *note = "Removed " + std::to_string(found.removed.size()) + " incomplete cop" +
              (found.removed.size() == 1 ? "y" : "ies") + " left by an interrupted save";
    if (!found.error.empty()) *note = found.error;
  }
  std::optional<RecoveryOffer> newest;
  fs::file_time_type newest_time{};
  for (const fs::path& p : found.recoverable) {
    std::error_code ec;
    const auto t = fs::last_write_time(p, ec);
    if (ec || (newest && t <= newest_time)) continue;
    RecoveryOffer o;
    o.recovery = p;
    o.file = file;
    o.interrupted_save = true;
    o.when = local_time_of(t);
    newest = o;
    newest_time = t;
  }
  return newest;
}

std::optional<RecoveryOffer> find_recovery(const fs::path& config_dir, const fs::path& file) {
  if (config_dir.empty()) return std::nullopt;
  const fs::path rec = recovery_path(config_dir, file);
  std::error_code ec;
  const auto rec_time = fs::last_write_time(rec, ec);
  if (ec) return std::nullopt;
  if (!file.empty()) {
    std::error_code ec2;
    const auto file_time = fs::last_write_time(file, ec2);
    if (!ec2 && file_time >= rec_time) return std::nullopt;  // saved since: nothing to recover
  }
  RecoveryOffer o;
  o.recovery = rec;
  o.file = file;
  o.when = local_time_of(rec_time);
  return o;
}

}  // namespace cs::editor
