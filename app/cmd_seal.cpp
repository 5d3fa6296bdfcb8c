// cmd_seal.cpp — `closedset seal FILE` and `closedset unseal FILE -o OUT`:
// encrypt a scene at rest with a passphrase (notation/seal.hpp), and write a
// plain copy back out. The passphrase comes from --passphrase-file (batch use)
// or is typed at the terminal, without echo.
#include <CLI/CLI.hpp>

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "app/cli.hpp"
#include "notation/format.hpp"
#include "notation/seal.hpp"

namespace cs::cli {

namespace {

// One line from the terminal with echo off; nullopt when there is no terminal.
std::optional<std::string> ask_terminal(const char* prompt) {
  FILE* tty = std::fopen("/dev/tty", "r+");
  if (!tty) return std::nullopt;
  const int fd = ::fileno(tty);
  termios old{};
  const bool have_tty = ::tcgetattr(fd, &old) == 0;
  if (have_tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  std::fprintf(tty, "%s", prompt);
  std::fflush(tty);
  std::string line;
  for (int c; (c = std::fgetc(tty)) != EOF && c != '\n';) line.push_back(static_cast<char>(c));
  if (have_tty) ::tcsetattr(fd, TCSAFLUSH, &old);
  std::fprintf(tty, "\n");
  std::fclose(tty);
  return line;
}

// The passphrase from the file, or typed (twice when `confirm`). nullopt: `error` says why.
std::optional<std::string> passphrase_for(const std::string& file, bool confirm, std::string& error) {
  if (!file.empty()) return read_passphrase_file(file, &error);
  std::optional<std::string> first = ask_terminal("Passphrase: ");
  if (!first) {
    error = "No terminal to ask for the passphrase: give it with --passphrase-file FILE";
    return std::nullopt;
  }
  if (first->size() < kMinPassphraseBytes) {
    error = "The passphrase is too short: use at least " + std::to_string(kMinPassphraseBytes) + " characters";
    wipe(*first);
    return std::nullopt;
  }
  if (confirm) {
    std::optional<std::string> again = ask_terminal("Passphrase again: ");
    const bool same = again && *again == *first;
    if (again) wipe(*again);
    if (!same) {
      wipe(*first);
      error = "The two passphrases differ; nothing was sealed";
      return std::nullopt;
    }
  }
  return first;
}

std::string read_all(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

void add_seal(CLI::App& app, Runner& run) {
  struct Options {
    std::string file, passphrase_file, out;
  };
  auto seal = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "seal", "Encrypt a scene file in place with a passphrase (Argon2id + XChaCha20-Poly1305), so its boundaries, "
              "riders and notes cannot be read without it");
  sub->add_option("FILE", seal->file, "Scene file to seal")->required();
  sub->add_option("--passphrase-file", seal->passphrase_file,
                  "Read the passphrase from the first line of this file (otherwise it is asked at the terminal, twice)");
  sub->footer("The plain backups (FILE.bak, .bak.2, .bak.3) are removed once the sealed file is in place; later saves "
              "keep sealed backups. Removing a file does not wipe the disk: use full-disk encryption as well. "
              "Exit status: 0 sealed, 2 bad input or refused.");
  sub->callback([seal, &run] {
    run = [seal] {
      const std::string bytes = read_all(seal->file);
      if (is_sealed(bytes)) {
        say(stderr, "%s: already sealed; nothing was changed\n", seal->file.c_str());
        return kBadInput;
      }
      const LoadResult r = load_scene_file(seal->file);
      if (!r.ok()) {
        for (const Diagnostic& d : r.errors) say(stderr, "%s\n", format_diagnostic(d).c_str());
        say(stderr, "%s: not valid; nothing was sealed\n", seal->file.c_str());
        return kBadInput;
      }
      std::string error;
      std::optional<std::string> pass = passphrase_for(seal->passphrase_file, true, error);
      if (!pass) {
        say(stderr, "closedset seal: %s\n", error.c_str());
        return kBadInput;
      }
      SaveOptions o;
      o.keep_backup = false;  // a backup now would be the plain text
      const SaveResult s = save_sealed_scene_file(*r.document, seal->file, *pass, o);
      wipe(*pass);
      if (!s.ok) {
        say(stderr, "%s: %s\n", seal->file.c_str(), s.error.c_str());
        return kBadInput;
      }
      for (const std::string& w : s.warnings) say(stderr, "warning: %s (it is not sealed)\n", w.c_str());
      std::string backup_error;
      for (const std::filesystem::path& bak : remove_plain_backups(seal->file, &backup_error))
        say(stdout, "%s: removed the plain backup\n", bak.string().c_str());
      if (!backup_error.empty()) say(stderr, "warning: %s\n", backup_error.c_str());
      say(stdout, "%s: sealed; it opens only with the passphrase\n", seal->file.c_str());
      return kOk;
    };
  });

  auto unseal = std::make_shared<Options>();
  CLI::App* un = app.add_subcommand("unseal", "Write a plain copy of a sealed scene to a new file (mode 0600)");
  un->add_option("FILE", unseal->file, "Sealed scene file")->required();
  un->add_option("-o,--output", unseal->out, "The plain copy to write (must not exist yet)")->required();
  un->add_option("--passphrase-file", unseal->passphrase_file,
                 "Read the passphrase from the first line of this file (otherwise it is asked at the terminal)");
  un->footer("Exit status: 0 written, 2 bad input, wrong passphrase or a changed file.");
  un->callback([unseal, &run] {
    run = [unseal] {
      std::string error;
      std::optional<std::string> pass = passphrase_for(unseal->passphrase_file, false, error);
      if (!pass) {
        say(stderr, "closedset unseal: %s\n", error.c_str());
        return kBadInput;
      }
      const LoadResult r = load_sealed_scene_file(unseal->file, *pass);
      wipe(*pass);
      if (!r.ok()) {
        for (const Diagnostic& d : r.errors) say(stderr, "%s\n", format_diagnostic(d).c_str());
        say(stderr, "%s: not opened; nothing was written\n", unseal->file.c_str());
        return kBadInput;
      }
      std::string text = save_scene_text(*r.document);
      const SaveResult s = write_new_file(unseal->out, text);
      wipe(text);
      if (!s.ok) {
        say(stderr, "closedset unseal: %s\n", s.error.c_str());
        return kBadInput;
      }
      say(stdout, "%s: plain copy written (readable by you only)\n", unseal->out.c_str());
      return kOk;
    };
  });
}

}  // namespace cs::cli
