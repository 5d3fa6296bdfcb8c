// seal.hpp — scenes sealed at rest: a scene file encrypted with a passphrase,
// so that a laptop left in a trailer does not give away the performers' body
// maps, riders and private notes.
//
// libsodium (Debian libsodium-dev): Argon2id turns the passphrase into a key,
// XChaCha20-Poly1305 encrypts and authenticates the scene's canonical text.
// The container (`closedset-sealed`, version 1), all integers little-endian:
//
//   offset  size  field
//        0     8  magic "CSSEALED"
//        8     1  container version (1)
//        9     1  key derivation: 2 = Argon2id v1.3 (crypto_pwhash_ALG_ARGON2ID13)
//       10     4  Argon2id passes (opslimit)
//       14     4  Argon2id memory in KiB (memlimit / 1024)
//       18    16  salt (random per seal)
//       34    24  nonce (random per seal)
//       58     …  ciphertext of the scene's text, then its 16-byte tag
//
// The 58-byte header is the AEAD's additional data: a changed parameter, salt
// or nonce fails authentication like a changed byte of ciphertext. A file
// asking for more than kMaxSealMemoryKiB or kMaxSealPasses is refused before
// any work (a file must not be able to exhaust the machine).
//
// The key of the last passphrase used is kept in memory libsodium guards
// (never the passphrase), so that saving an open sealed scene again reuses its
// salt and key with a fresh random nonce instead of running Argon2id each time.
//
// Decrypted text lives only in memory (wiped with sodium_memzero when this
// code is done with it); a sealed scene is saved sealed, and so are its
// backups (hard links of the sealed file) and the editor's recovery copies.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notation/format.hpp"

namespace cs {

inline constexpr std::size_t kSealHeaderBytes = 58;
inline constexpr std::uint32_t kMaxSealMemoryKiB = 1u << 20;  // 1 GiB
inline constexpr std::uint32_t kMaxSealPasses = 16;
inline constexpr std::size_t kMinPassphraseBytes = 8;

// Does the file's text begin like a sealed scene?
bool is_sealed(std::string_view bytes);
// Does the file at `path` (its first bytes)? False when it cannot be read.
bool file_is_sealed(const std::filesystem::path& path);

struct Sealed {
  std::string bytes;        // the container, when error is empty
  std::string error;
};
// Encrypts `plain` (Argon2id at libsodium's "moderate" cost: 3 passes, 256 MiB;
// `fast` uses its "interactive" cost, 2 passes and 64 MiB, for tests).
Sealed seal_bytes(std::string_view plain, std::string_view passphrase, bool fast = false);

struct Unsealed {
  std::optional<std::string> plain;
  std::string error;        // "wrong passphrase, or the file was changed", a malformed header…
};
Unsealed unseal_bytes(std::string_view sealed, std::string_view passphrase);

// Loads a sealed scene (or a plain one: the passphrase is then not needed).
// `text`, when given, receives the scene's text as read (decrypted for a
// sealed file) when the file could be read; the caller wipes it.
LoadResult load_sealed_scene_file(const std::filesystem::path& path, std::string_view passphrase,
                                  std::string* text = nullptr);
// Saves `doc` sealed with the passphrase, as save_scene_file saves (lock,
// backups, leftovers). Nothing decrypted is written.
SaveResult save_sealed_scene_file(const Document& doc, const std::filesystem::path& path, std::string_view passphrase,
                                  const SaveOptions& options = {}, bool fast = false);

// After sealing `target` in place: removes its backups that hold the plain
// text (NAME.bak, .bak.2, … that are not sealed). Returns those removed; a
// backup that could not be removed is named in `error`.
std::vector<std::filesystem::path> remove_plain_backups(const std::filesystem::path& target, std::string* error);

// The first line of a passphrase file (batch use: --passphrase-file), without
// its line ending. nullopt with the reason when it cannot be read or is too short.
std::optional<std::string> read_passphrase_file(const std::filesystem::path& path, std::string* error);

// Overwrites a string's bytes before it is freed.
void wipe(std::string& s);

}  // namespace cs
