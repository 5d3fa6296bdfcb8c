// test_save_seal.cpp — sealed scenes (notation/seal.hpp): they open only with
// the passphrase, a changed byte or parameter is refused, a file cannot ask
// for unbounded work, the plain text never reaches the disk, and a sealed save
// killed mid-way leaves the old or the new sealed file.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "notation/format.hpp"
#include "notation/save.hpp"
#include "notation/seal.hpp"
#include "tests/core/scratch.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* kSecret = "Rider: no contact below the navel, NOTE-91c2";
constexpr const char* kPass = "correct horse battery";

using test::read_bytes;
using TempDir = test::ScratchDir;

cs::Document secret_scene(const std::string& title) {
  cs::Document d;
  d.scene.title = title;
  cs::Performer p;
  p.id = "ana";
  p.private_note = kSecret;
  d.performers.push_back(p);
  return d;
}

}  // namespace

TEST_SUITE("seal") {
  TEST_CASE("a sealed scene opens with its passphrase and with no other, and holds no plain text") {
    TempDir dir;
    const fs::path file = dir.path / "scene.closedset.json";
    REQUIRE(cs::save_sealed_scene_file(secret_scene("Sealed"), file, kPass, {}, /*fast=*/true).ok);
    const std::string bytes = read_bytes(file);
    CHECK(cs::is_sealed(bytes));
    CHECK(bytes.find("NOTE-91c2") == std::string::npos);
    CHECK(bytes.find("Sealed") == std::string::npos);

    const cs::LoadResult ok = cs::load_sealed_scene_file(file, kPass);
    REQUIRE(ok.ok());
    CHECK(ok.document->performers[0].private_note == kSecret);

    const cs::LoadResult wrong = cs::load_sealed_scene_file(file, "correct horse battery!");
    CHECK_FALSE(wrong.ok());
    REQUIRE(wrong.errors.size() == 1);
    CHECK(wrong.errors[0].message.find("Wrong passphrase") != std::string::npos);
    CHECK(read_bytes(file) == bytes);  // nothing lost

    // Opened as a plain scene, it says what it is.
    const cs::LoadResult plain = cs::load_scene_file(file);
    REQUIRE(plain.errors.size() == 1);
    CHECK(plain.errors[0].message.find("sealed") != std::string::npos);
  }

  TEST_CASE("a changed byte anywhere, header included, is refused") {
    const cs::Sealed s = cs::seal_bytes("{\"a\": 1}", kPass, true);
    REQUIRE(s.error.empty());
    // Every byte after the magic and version: the KDF id, parameters, salt, nonce, ciphertext, tag.
    for (std::size_t at : {std::size_t(9), std::size_t(20), std::size_t(40), cs::kSealHeaderBytes + 2, s.bytes.size() - 1}) {
      std::string t = s.bytes;
      t[at] = static_cast<char>(t[at] ^ 0x01);
      const cs::Unsealed u = cs::unseal_bytes(t, kPass);
      CHECK_MESSAGE(!u.plain, "byte " << at);
      CHECK_FALSE(u.error.empty());
    }
    CHECK(cs::unseal_bytes(s.bytes.substr(0, 60), kPass).error.find("cut short") != std::string::npos);
    const cs::Unsealed good = cs::unseal_bytes(s.bytes, kPass);
    REQUIRE(good.plain);
    CHECK(*good.plain == "{\"a\": 1}");
  }

  TEST_CASE("a sealed file cannot ask for unbounded work, and a short passphrase is refused") {
    cs::Sealed s = cs::seal_bytes("{}", kPass, true);
    REQUIRE(s.error.empty());
    std::string greedy = s.bytes;
    greedy[14] = greedy[15] = greedy[16] = greedy[17] = '\xff';  // 4 TiB of memory
    const auto t0 = std::chrono::steady_clock::now();
    const cs::Unsealed u = cs::unseal_bytes(greedy, kPass);
    CHECK_FALSE(u.plain);
    CHECK(u.error.find("outside what ClosedSet accepts") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1));  // refused before any work
    CHECK(cs::seal_bytes("{}", "short", true).error.find("too short") != std::string::npos);
  }

  TEST_CASE("a sealed scene's backups are sealed too") {
    TempDir dir;
    const fs::path file = dir.path / "scene.closedset.json";
    REQUIRE(cs::save_sealed_scene_file(secret_scene("One"), file, kPass, {}, true).ok);
    const cs::SaveResult again = cs::save_sealed_scene_file(secret_scene("Two"), file, kPass, {}, true);
    REQUIRE(again.ok);
    const std::string bak = read_bytes(again.backup);
    CHECK(cs::is_sealed(bak));
    CHECK(bak.find("NOTE-91c2") == std::string::npos);
    for (const auto& e : fs::directory_iterator(dir.path))
      CHECK_MESSAGE(read_bytes(e.path()).find("NOTE-91c2") == std::string::npos, e.path().string());
  }

  TEST_CASE("a passphrase file gives its first line, a missing or short one is refused with the reason") {
    TempDir dir;
    const fs::path p = dir.path / "pass.txt";
    { std::ofstream(p) << kPass << "\r\nignored\n"; }
    std::string error;
    const std::optional<std::string> got = cs::read_passphrase_file(p, &error);
    REQUIRE(got);
    CHECK(*got == kPass);
    { std::ofstream(p) << "short\n"; }
    CHECK_FALSE(cs::read_passphrase_file(p, &error));
    CHECK(error.find("shorter than 8") != std::string::npos);
    CHECK_FALSE(cs::read_passphrase_file(dir.path / "none.txt", &error));
    CHECK(error.find("none.txt") != std::string::npos);
  }

  TEST_CASE("kill -9 during a sealed save leaves the old or the new sealed file, and no plain text") {
    TempDir dir;
    const fs::path file = dir.path / "scene.closedset.json";
    REQUIRE(cs::save_sealed_scene_file(secret_scene("Old"), file, kPass, {}, true).ok);
    // Each kill lands somewhere between the start and the end of a save (Argon2id
    // first, then the write): 12 kills spread over the measured time.
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(cs::save_sealed_scene_file(secret_scene("Old"), file, kPass, {}, true).ok);
    const auto whole = std::chrono::steady_clock::now() - t0;
    for (int i = 0; i < 12; ++i) {
      const pid_t child = ::fork();
      REQUIRE(child >= 0);
      if (child == 0) {
        cs::save_sealed_scene_file(secret_scene("New"), file, kPass, {}, true);
        ::pause();
        ::_exit(0);
      }
      std::this_thread::sleep_for(whole * (i + 1) / 12);
      ::kill(child, SIGKILL);
      ::waitpid(child, nullptr, 0);
      const cs::LoadResult r = cs::load_sealed_scene_file(file, kPass);
      REQUIRE_MESSAGE(r.ok(), "kill " << i);
      CHECK((r.document->scene.title == "Old" || r.document->scene.title == "New"));
      cs::tidy_leftovers(file, false);
      for (const auto& e : fs::directory_iterator(dir.path))
        CHECK_MESSAGE(read_bytes(e.path()).find("NOTE-91c2") == std::string::npos, e.path().string());
    }
  }
}
