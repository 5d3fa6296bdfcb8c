// test_save.cpp — what a save promises (notation/save.hpp): leftovers of
// interrupted saves are found and removed, two writers take turns, owner, mode
// and read-only files are respected, hard links are reported, several backup
// generations are kept, and a save killed at any moment leaves the old bytes or
// the new ones and nothing private beside them.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "notation/format.hpp"
#include "notation/save.hpp"
#include "tests/core/scratch.hpp"

namespace fs = std::filesystem;

namespace {

using test::read_bytes;
using TempDir = test::ScratchDir;

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

constexpr const char* kPrivate = "PRIVATE-NOTE-7f3a";

// A valid scene whose title tells versions apart; `performers` extra performers
// each carry a private note of `note_bytes` (the kill test makes it megabytes).
cs::Document scene(const std::string& title, int performers = 0, std::size_t note_bytes = 0) {
  cs::Document d;
  d.scene.title = title;
  for (int i = 0; i < performers; ++i) {
    cs::Performer p;
    p.id = "p" + std::to_string(i);
    p.private_note = std::string(kPrivate) + " " + std::string(note_bytes, char('a' + i % 26));
    d.performers.push_back(p);
  }
  return d;
}

fs::path leftover_name(const fs::path& target, const char* suffix) {
  return target.parent_path() / ("." + target.filename().string() + ".tmp-" + suffix);
}

}  // namespace

TEST_SUITE("save") {
  TEST_CASE("a save removes the partial copies interrupted saves left beside the file, and only those") {
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    REQUIRE(cs::save_scene_file(scene("First"), target).ok);
    const fs::path partial = leftover_name(target, "Ab12Cd");
    write_text(partial, std::string("{\"private_note\": \"") + kPrivate);
    const fs::path unrelated = leftover_name(dir.path / "other.json", "Ab12Cd");
    write_text(unrelated, "someone else's");
    const fs::path not_a_leftover = leftover_name(target, "toolong1");
    write_text(not_a_leftover, "kept");
    REQUIRE(cs::save_scene_file(scene("Second"), target).ok);
    CHECK_FALSE(fs::exists(partial));
    CHECK(fs::exists(unrelated));
    CHECK(fs::exists(not_a_leftover));
    CHECK(cs::is_leftover_of(target, partial.filename().string()));
    CHECK_FALSE(cs::is_leftover_of(target, not_a_leftover.filename().string()));
  }

  TEST_CASE("opening tidies leftovers: a partial copy is removed, a complete newer one is kept to offer") {
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    REQUIRE(cs::save_scene_file(scene("Saved"), target).ok);
    const fs::path partial = leftover_name(target, "PART01");
    write_text(partial, cs::save_scene_text(scene("Newer")).substr(0, 40));
    const fs::path complete = leftover_name(target, "FULL01");
    write_text(complete, cs::save_scene_text(scene("Newer")));
    // Newer than the file by a second, as a save killed just before its rename is.
    fs::last_write_time(complete, fs::last_write_time(target) + std::chrono::seconds(1));
    fs::last_write_time(partial, fs::last_write_time(target) + std::chrono::seconds(1));

    const cs::Leftovers found = cs::tidy_leftovers(target, /*keep_recoverable=*/true);
    CHECK_FALSE(found.busy);
    REQUIRE(found.recoverable.size() == 1);
    CHECK(found.recoverable[0] == complete);
    REQUIRE(found.removed.size() == 1);
    CHECK(found.removed[0] == partial);
    CHECK_FALSE(fs::exists(partial));

    // An older complete copy is not worth offering: it goes too.
    fs::last_write_time(complete, fs::last_write_time(target) - std::chrono::seconds(5));
    const cs::Leftovers again = cs::tidy_leftovers(target, true);
    CHECK(again.recoverable.empty());
    CHECK(again.removed.size() == 1);
    CHECK(dir.names() == std::set<std::string>{"scene.closedset.json"});
  }

  TEST_CASE("a second writer waits for the first, or is refused saying who holds the file") {
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    REQUIRE(cs::save_scene_file(scene("Original"), target).ok);

    // The first save stops after writing its copy, holding the lock.
    struct Gate {
      std::promise<void> reached;
      std::shared_future<void> go;
    } gate;
    std::promise<void> open_gate;
    gate.go = open_gate.get_future().share();
    cs::SaveOptions first;
    first.step_context = &gate;
    first.on_step = [](cs::SaveStep s, void* c) {
      if (s != cs::SaveStep::written) return;
      auto* g = static_cast<Gate*>(c);
      g->reached.set_value();
      g->go.wait();
    };
    auto reached = gate.reached.get_future();
    auto a = std::async(std::launch::async, [&] { return cs::save_scene_file(scene("A"), target, first); });
    reached.wait();

    cs::SaveOptions impatient;
    impatient.lock_wait = std::chrono::milliseconds(100);
    const cs::SaveResult refused = cs::save_scene_file(scene("B"), target, impatient);
    CHECK_FALSE(refused.ok);
    CHECK(refused.error.find("is saving") != std::string::npos);
    CHECK(refused.error.find("process " + std::to_string(::getpid())) != std::string::npos);
    CHECK(refused.error.find("was not changed") != std::string::npos);

    auto b = std::async(std::launch::async, [&] { return cs::save_scene_file(scene("B"), target); });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(b.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);  // B waits while A holds the lock
    open_gate.set_value();
    REQUIRE(a.get().ok);
    REQUIRE(b.get().ok);
    CHECK(cs::load_scene_file(target).document->scene.title == "B");
    CHECK(cs::load_scene_text(read_bytes(cs::backup_path(target, 1))).document->scene.title == "A");
    CHECK(cs::load_scene_text(read_bytes(cs::backup_path(target, 2))).document->scene.title == "Original");
  }

  TEST_CASE("two processes saving one file at once never lose a version into the backups") {
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    REQUIRE(cs::save_scene_file(scene("Original"), target).ok);
    std::vector<pid_t> children;
    for (int w = 0; w < 2; ++w) {
      const pid_t pid = ::fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        bool ok = true;
        for (int i = 0; i < 25; ++i) ok = cs::save_scene_file(scene("W" + std::to_string(w) + "-" + std::to_string(i)), target).ok && ok;
        ::_exit(ok ? 0 : 1);
      }
      children.push_back(pid);
    }
    for (const pid_t pid : children) {
      int status = 0;
      ::waitpid(pid, &status, 0);
      CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    // Every save wrote a different title, and each save's backup is the version
    // before it: the file and its backups are four different versions.
    std::set<std::string> titles;
    for (int n = 0; n <= cs::kBackupGenerations; ++n) {
      const fs::path p = n == 0 ? target : cs::backup_path(target, n);
      const cs::LoadResult r = cs::load_scene_file(p);
      REQUIRE_MESSAGE(r.ok(), p.string());
      titles.insert(r.document->scene.title);
    }
    CHECK(titles.size() == 1u + cs::kBackupGenerations);
    CHECK(dir.names().size() == 1u + cs::kBackupGenerations);  // no lock file, no temporary copy
  }

  TEST_CASE("three generations of backup are kept, newest first, and no more") {
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    for (int i = 1; i <= 5; ++i) REQUIRE(cs::save_scene_file(scene("V" + std::to_string(i)), target).ok);
    CHECK(cs::kBackupGenerations == 3);
    CHECK(cs::load_scene_file(target).document->scene.title == "V5");
    CHECK(cs::load_scene_file(dir.path / "scene.closedset.json.bak").document->scene.title == "V4");
    CHECK(cs::load_scene_file(dir.path / "scene.closedset.json.bak.2").document->scene.title == "V3");
    CHECK(cs::load_scene_file(dir.path / "scene.closedset.json.bak.3").document->scene.title == "V2");
    CHECK_FALSE(fs::exists(dir.path / "scene.closedset.json.bak.4"));
  }

  TEST_CASE("a read-only scene is not rewritten, and the refusal says why") {
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    REQUIRE(cs::save_scene_file(scene("Locked"), target).ok);
    const std::string before = read_bytes(target);
    ::chmod(target.c_str(), 0444);
    const cs::SaveResult s = cs::save_scene_file(scene("Changed"), target);  // refused even for root
    CHECK_FALSE(s.ok);
    CHECK(s.error.find("read-only (mode 0444)") != std::string::npos);
    CHECK(read_bytes(target) == before);
    CHECK_FALSE(fs::exists(cs::backup_path(target, 1)));
    CHECK(dir.names().size() == 1);
  }

  TEST_CASE("the owner and group of a scene survive a save by root") {
    if (::geteuid() != 0) {
      MESSAGE("not root: a user can only keep a group they belong to; skipped");
      return;
    }
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    REQUIRE(cs::save_scene_file(scene("Theirs"), target).ok);
    REQUIRE(::chown(target.c_str(), 4321, 4322) == 0);
    ::chmod(target.c_str(), 0640);
    const cs::SaveResult s = cs::save_scene_file(scene("Edited by root"), target);
    REQUIRE(s.ok);
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK(st.st_uid == 4321u);
    CHECK(st.st_gid == 4322u);
    CHECK((st.st_mode & 07777) == 0640);
    CHECK(s.warnings.empty());
  }

  TEST_CASE("saving a file with another hard link says that the other name keeps the previous version") {
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    const fs::path other = dir.path / "shared.closedset.json";
    REQUIRE(cs::save_scene_file(scene("Before"), target).ok);
    const std::string before = read_bytes(target);
    REQUIRE(::link(target.c_str(), other.c_str()) == 0);
    const cs::SaveResult s = cs::save_scene_file(scene("After"), target);
    REQUIRE(s.ok);
    REQUIRE(s.warnings.size() == 1);
    CHECK(s.warnings[0].find("1 other name (hard link)") != std::string::npos);
    CHECK(read_bytes(other) == before);
    // Its own backup (a hard link too) is not counted as another name.
    const cs::SaveResult again = cs::save_scene_file(scene("Again"), target);
    REQUIRE(again.ok);
    CHECK(again.warnings.empty());
  }

  TEST_CASE("another process's open marker is seen, our own and a dead process's are not") {
    TempDir dir;
    const fs::path target = dir.path / "scene.closedset.json";
    REQUIRE(cs::save_scene_file(scene("Shared"), target).ok);
    CHECK_FALSE(cs::open_elsewhere(target));
    REQUIRE(cs::claim_open_marker(target));
    CHECK_FALSE(cs::open_elsewhere(target));  // ours
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      const bool ok = cs::claim_open_marker(target);
      (void)!::write(ready[1], ok ? "y" : "n", 1);
      ::pause();
      ::_exit(0);
    }
    char c = 0;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    CHECK(c == 'y');
    const std::optional<cs::OpenMarker> m = cs::open_elsewhere(target);
    REQUIRE(m);
    CHECK(m->pid == child);
    CHECK(m->alive);
    CHECK_FALSE(m->user.empty());
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    CHECK_FALSE(cs::open_elsewhere(target));  // stale: its process is gone
    REQUIRE(cs::claim_open_marker(target));  // replaced by ours
    cs::release_open_marker(target);
    CHECK_FALSE(fs::exists(cs::open_marker_path(target)));
    ::close(ready[0]);
    ::close(ready[1]);
  }
}

// ---------------------------------------------------------------------------
// A save killed at random moments

namespace {

struct KillReport {
  int kills = 0, inside_write = 0, became_new = 0;
};

// The child tells the parent each step it reaches, one byte each.
void report_step(cs::SaveStep s, void* context) {
  const char c = static_cast<char>('0' + static_cast<int>(s));
  (void)!::write(*static_cast<int*>(context), &c, 1);
}

// A child that also kills itself at a chosen moment: at its Nth step, or at
// its Nth 64 KiB written, so that kills land inside the write (or after the
// rename) however loaded the machine is, not only where a timer happens to fall.
struct SelfKill {
  int fd = -1;
  int at_step = 0;      // > 0: SIGKILL at this step (counting every step reported)
  int at_writing = 0;   // > 0: SIGKILL at this `writing` step
  int steps = 0, writing = 0;
};
void report_and_kill(cs::SaveStep s, void* context) {
  auto* k = static_cast<SelfKill*>(context);
  report_step(s, &k->fd);
  ++k->steps;
  if (s == cs::SaveStep::writing) ++k->writing;
  if ((k->at_step > 0 && k->steps == k->at_step) || (k->at_writing > 0 && s == cs::SaveStep::writing && k->writing == k->at_writing))
    ::raise(SIGKILL);
}

}  // namespace

TEST_CASE("a save killed at any moment, inside the write too, leaves the old or the new bytes and nothing private beside them") {
  // In memory where there is a tmpfs: rename, link and unlink behave as on a disk,
  // and without a disk's fsync each save is short enough for 150 kills in seconds.
  std::error_code shm_ec;
  TempDir dir(fs::is_directory("/dev/shm", shm_ec) && ::access("/dev/shm", W_OK) == 0 ? fs::path("/dev/shm")
                                                                                      : fs::temp_directory_path());
  const fs::path target = dir.path / "scene.closedset.json";
  // About 1.5 MiB: 16 private notes of 100 kB, so the write takes many 64 KiB steps.
  const std::string versions[2] = {cs::save_scene_text(scene("Version A", 16, 99000)),
                                   cs::save_scene_text(scene("Version B", 16, 99000))};
  // The children write the scene's bytes through write_file_safely, the call
  // save_scene_file ends in, so that the kills are spent on the write, not on making JSON.
  REQUIRE(cs::write_file_safely(target, versions[0], {}).ok);
  int current = 0;

  // How long a save and its write take here, to aim the kills.
  struct Timing {
    std::chrono::steady_clock::time_point start, write_start, write_end;
  } timing;
  cs::SaveOptions timed;
  timed.step_context = &timing;
  timed.on_step = [](cs::SaveStep s, void* c) {
    // From the first 64 KiB written to the last (the flush to disk comes after).
    auto* t = static_cast<Timing*>(c);
    if (s != cs::SaveStep::writing) return;
    t->write_end = std::chrono::steady_clock::now();
    if (t->write_start == std::chrono::steady_clock::time_point{}) t->write_start = t->write_end;
  };
  timing.start = std::chrono::steady_clock::now();
  REQUIRE(cs::write_file_safely(target, versions[1], timed).ok);
  const auto whole = std::chrono::steady_clock::now() - timing.start;
  current = 1;
  const auto write_from = timing.write_start - timing.start, write_to = timing.write_end - timing.start;

  std::mt19937 rng(20261202);
  // Steps a save reports: locked, one `writing` per 64 KiB (and the first), written, named, backed_up, replaced.
  const int chunks = static_cast<int>(versions[0].size() / 65536) + 1;
  KillReport report;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  for (int i = 0; i < 120 && std::chrono::steady_clock::now() < deadline; ++i) {
    const int next = 1 - current;
    int steps[2];
    REQUIRE(::pipe(steps) == 0);
    // One kill in four inside the write at a chosen 64 KiB, one at a chosen
    // step after the write (written, named, backed up, replaced, or once the
    // save is done), two by a timer.
    SelfKill self;
    self.fd = steps[1];
    if (i % 4 == 0) self.at_writing = std::uniform_int_distribution<int>(2, std::max(2, chunks))(rng);
    if (i % 8 == 2) self.at_step = std::uniform_int_distribution<int>(chunks + 1, chunks + 7)(rng);
    if (i % 8 == 6) self.at_step = 1 << 20;  // past the end: killed once the save is done
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(steps[0]);
      cs::SaveOptions o;
      o.on_step = report_and_kill;
      o.step_context = &self;
      (void)!::write(steps[1], "S", 1);
      cs::write_file_safely(target, versions[next], o);
      if (self.at_step > 0 || self.at_writing > 0) ::raise(SIGKILL);  // its moment was past the end
      ::pause();  // killed here at the latest
      ::_exit(0);
    }
    ::close(steps[1]);
    char started = 0;
    REQUIRE(::read(steps[0], &started, 1) == 1);
    // The timed kills: one aims at the write itself, one anywhere in the save.
    using ns = std::chrono::nanoseconds;
    if (i % 2 == 1) {
      const auto from = i % 4 == 1 ? std::chrono::duration_cast<ns>(write_from) : ns(0);
      const auto to = i % 4 == 1 ? std::chrono::duration_cast<ns>(write_to) : std::chrono::duration_cast<ns>(whole * 12 / 10);
      std::uniform_int_distribution<long long> pick(from.count(), std::max(from.count(), to.count()));
      std::this_thread::sleep_for(ns(pick(rng)));
    }
    if (i % 2 == 1) ::kill(child, SIGKILL);  // a timed kill; the others kill themselves
    ::waitpid(child, nullptr, 0);
    ++report.kills;
    // Which steps did it reach? Writing steps after the first, with no "written": inside the write.
    std::string reached;
    char buf[256];
    for (ssize_t n; (n = ::read(steps[0], buf, sizeof buf)) > 0;) reached.append(buf, static_cast<std::size_t>(n));
    ::close(steps[0]);
    const char writing = static_cast<char>('0' + static_cast<int>(cs::SaveStep::writing));
    const char written = static_cast<char>('0' + static_cast<int>(cs::SaveStep::written));
    if (std::count(reached.begin(), reached.end(), writing) >= 2 && reached.find(written) == std::string::npos)
      ++report.inside_write;

    const std::string now = read_bytes(target);
    const bool is_old = now == versions[current], is_new = now == versions[next];
    REQUIRE_MESSAGE((is_old || is_new), "kill " << i << ": the file is neither version (" << now.size() << " bytes)");
    // Beside it: backups of whole versions, the lock file (a process id), and at
    // most a complete copy of the new version (killed between naming and renaming).
    for (const std::string& name : dir.names()) {
      const fs::path p = dir.path / name;
      if (name == target.filename()) continue;
      const std::string bytes = read_bytes(p);
      if (name.starts_with("scene.closedset.json.bak")) {
        CHECK_MESSAGE((bytes == versions[0] || bytes == versions[1]), name);
      } else if (name == ".scene.closedset.json.saving") {
        CHECK(bytes.find(kPrivate) == std::string::npos);
      } else {
        REQUIRE_MESSAGE(cs::is_leftover_of(target, name), "kill " << i << ": unexpected " << name);
        CHECK_MESSAGE(bytes == versions[next], "kill " << i << ": a partial copy " << name << " was left");
      }
    }
    // The next open removes whatever a kill left; then only the scene and its backups remain.
    const cs::Leftovers tidy = cs::tidy_leftovers(target, false);
    CHECK_FALSE(tidy.busy);
    CHECK(tidy.error.empty());
    for (const std::string& name : dir.names())
      CHECK_MESSAGE((name == target.filename() || name.starts_with("scene.closedset.json.bak")), "kill " << i << ": " << name);
    if (is_new) {
      ++report.became_new;
      current = next;
    }
  }
  MESSAGE(report.kills << " kills, " << report.inside_write << " inside the write, " << report.became_new
                       << " after the rename; save takes " << std::chrono::duration<double, std::milli>(whole).count()
                       << " ms");
  CHECK(report.kills >= 100);
  CHECK(report.inside_write >= 10);
  CHECK(report.became_new >= 5);
  CHECK(report.kills - report.became_new >= 5);
}
