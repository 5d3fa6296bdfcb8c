// seal.cpp — seal.hpp, on libsodium.
#include "notation/seal.hpp"

#include <cstring>
#include <fstream>
#include <mutex>
#include <vector>

#include <sodium.h>

namespace cs {

namespace {

constexpr unsigned char kContainerVersion = 1;
constexpr std::size_t kSaltAt = 18, kNonceAt = 34;
static_assert(kNonceAt + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == kSealHeaderBytes);
static_assert(kSaltAt + crypto_pwhash_SALTBYTES == kNonceAt);

bool sodium_ready() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

void put_u32(unsigned char* at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) at[i] = static_cast<unsigned char>(v >> (8 * i));
}
std::uint32_t get_u32(const unsigned char* at) {
  return std::uint32_t(at[0]) | std::uint32_t(at[1]) << 8 | std::uint32_t(at[2]) << 16 | std::uint32_t(at[3]) << 24;
}

// The key, in memory libsodium guards (locked, wiped when freed).
struct Key {
  unsigned char* bytes = nullptr;
  Key() { bytes = static_cast<unsigned char*>(sodium_malloc(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)); }
  ~Key() { if (bytes) sodium_free(bytes); }
  Key(const Key&) = delete;
  Key& operator=(const Key&) = delete;
};

std::string derive(Key& key, std::string_view passphrase, const unsigned char* salt, std::uint32_t passes,
                   std::uint32_t memory_kib) {
  if (!key.bytes) return "Cannot allocate protected memory for the key";
  if (crypto_pwhash(key.bytes, crypto_aead_xchacha20poly1305_ietf_KEYBYTES, passphrase.data(), passphrase.size(), salt,
                    passes, std::size_t(memory_kib) * 1024u, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return "Not enough memory to derive the key from the passphrase (Argon2id with " +
           std::to_string(memory_kib / 1024) + " MiB)";
  return "";
}

// The last key derived, so that saving and autosaving an open sealed scene do
// not run Argon2id (a second and 256 MiB) each time: the salt and key stay,
// each seal draws a fresh random nonce (XChaCha20's 24 bytes make a repeat
// negligible). Keyed by a BLAKE2b digest of the passphrase, never the passphrase.
struct KeyCache {
  std::mutex mutex;
  bool valid = false;
  unsigned char digest[crypto_generichash_BYTES] = {};
  unsigned char salt[crypto_pwhash_SALTBYTES] = {};
  std::uint32_t passes = 0, memory_kib = 0;
  Key key;
};

KeyCache& key_cache() {
  static KeyCache cache;
  return cache;
}

void passphrase_digest(std::string_view passphrase, unsigned char* out) {
  crypto_generichash(out, crypto_generichash_BYTES, reinterpret_cast<const unsigned char*>(passphrase.data()),
                     passphrase.size(), nullptr, 0);
}

// The cached key for this passphrase (and, when `salt` is given, that salt
// and those parameters): copied into `key`. False when none is cached.
bool cached_key(Key& key, std::string_view passphrase, unsigned char* salt, std::uint32_t passes,
                std::uint32_t memory_kib, bool salt_given) {
  KeyCache& c = key_cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  unsigned char digest[crypto_generichash_BYTES];
  passphrase_digest(passphrase, digest);
  if (!c.valid || !c.key.bytes || !key.bytes || sodium_memcmp(digest, c.digest, sizeof digest) != 0 ||
      c.passes != passes || c.memory_kib != memory_kib)
    return false;
  if (salt_given && sodium_memcmp(salt, c.salt, sizeof c.salt) != 0) return false;
  if (!salt_given) std::memcpy(salt, c.salt, sizeof c.salt);
  std::memcpy(key.bytes, c.key.bytes, crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  return true;
}

void remember_key(const Key& key, std::string_view passphrase, const unsigned char* salt, std::uint32_t passes,
                  std::uint32_t memory_kib) {
  KeyCache& c = key_cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  if (!c.key.bytes || !key.bytes) return;
  passphrase_digest(passphrase, c.digest);
  std::memcpy(c.salt, salt, sizeof c.salt);
  c.passes = passes;
  c.memory_kib = memory_kib;
  std::memcpy(c.key.bytes, key.bytes, crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  c.valid = true;
}

}  // namespace

void wipe(std::string& s) {
  if (!s.empty()) sodium_memzero(s.data(), s.size());
  s.clear();
}

bool is_sealed(std::string_view bytes) { return bytes.substr(0, kSealMagic.size()) == kSealMagic; }

bool file_is_sealed(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  if (!in.read(head, sizeof head)) return false;
  return is_sealed(std::string_view(head, sizeof head));
}

Sealed seal_bytes(std::string_view plain, std::string_view passphrase, bool fast) {
  Sealed out;
  if (!sodium_ready()) { out.error = "Cannot start libsodium"; return out; }
  if (passphrase.size() < kMinPassphraseBytes) {
    out.error = "The passphrase is too short: use at least " + std::to_string(kMinPassphraseBytes) + " characters";
    return out;
  }
  const std::uint32_t passes = fast ? crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE : crypto_pwhash_argon2id_OPSLIMIT_MODERATE;
  const std::uint32_t memory_kib =
      (fast ? crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE : crypto_pwhash_argon2id_MEMLIMIT_MODERATE) / 1024u;
  std::string bytes(kSealHeaderBytes + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  auto* head = reinterpret_cast<unsigned char*>(bytes.data());
  std::memcpy(head, kSealMagic.data(), kSealMagic.size());
  head[8] = kContainerVersion;
  head[9] = static_cast<unsigned char>(crypto_pwhash_ALG_ARGON2ID13);
  put_u32(head + 10, passes);
  put_u32(head + 14, memory_kib);
  randombytes_buf(head + kNonceAt, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  Key key;
  if (!cached_key(key, passphrase, head + kSaltAt, passes, memory_kib, /*salt_given=*/false)) {
    randombytes_buf(head + kSaltAt, crypto_pwhash_SALTBYTES);
    if (std::string e = derive(key, passphrase, head + kSaltAt, passes, memory_kib); !e.empty()) {
      out.error = e;
      return out;
    }
    remember_key(key, passphrase, head + kSaltAt, passes, memory_kib);
  }
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(head + kSealHeaderBytes, &written,
                                             reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), head,
                                             kSealHeaderBytes, nullptr, head + kNonceAt, key.bytes);
  bytes.resize(kSealHeaderBytes + written);
  out.bytes = std::move(bytes);
  return out;
}

Unsealed unseal_bytes(std::string_view sealed, std::string_view passphrase) {
  Unsealed out;
  if (!sodium_ready()) { out.error = "Cannot start libsodium"; return out; }
  if (!is_sealed(sealed)) { out.error = "Not a sealed scene (it does not begin with CSSEALED)"; return out; }
  if (sealed.size() < kSealHeaderBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    out.error = "The sealed file is cut short (" + std::to_string(sealed.size()) + " bytes)";
    return out;
  }
  const auto* head = reinterpret_cast<const unsigned char*>(sealed.data());
  if (head[8] != kContainerVersion) {
    out.error = "Sealed with container version " + std::to_string(head[8]) + ", which this ClosedSet does not know";
    return out;
  }
  if (head[9] != crypto_pwhash_ALG_ARGON2ID13) {
    out.error = "Sealed with an unknown key derivation (" + std::to_string(head[9]) + ")";
    return out;
  }
  const std::uint32_t passes = get_u32(head + 10), memory_kib = get_u32(head + 14);
  // Limits before work: the file chooses these, so it must not be able to ask for everything.
  if (passes < crypto_pwhash_argon2id_OPSLIMIT_MIN || passes > kMaxSealPasses ||
      memory_kib < crypto_pwhash_argon2id_MEMLIMIT_MIN / 1024u || memory_kib > kMaxSealMemoryKiB) {
    out.error = "The sealed file asks for Argon2id with " + std::to_string(passes) + " passes and " +
                std::to_string(memory_kib / 1024) + " MiB, outside what ClosedSet accepts (1–" +
                std::to_string(kMaxSealPasses) + " passes, 8 KiB–" + std::to_string(kMaxSealMemoryKiB / 1024) +
                " MiB); it was not opened";
    return out;
  }
  Key key;
  unsigned char salt[crypto_pwhash_SALTBYTES];
  std::memcpy(salt, head + kSaltAt, sizeof salt);
  const bool cached = cached_key(key, passphrase, salt, passes, memory_kib, /*salt_given=*/true);
  if (!cached) {
    if (std::string e = derive(key, passphrase, salt, passes, memory_kib); !e.empty()) {
      out.error = e;
      return out;
    }
  }
  const std::size_t cipher = sealed.size() - kSealHeaderBytes;
  std::string plain(cipher - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long got = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &got, nullptr,
                                                 head + kSealHeaderBytes, cipher, head, kSealHeaderBytes,
                                                 head + kNonceAt, key.bytes) != 0) {
    wipe(plain);
    out.error = "Wrong passphrase, or the sealed file was changed or damaged; nothing was opened";
    return out;
  }
  plain.resize(got);
  // The passphrase opened it: saving this scene again reuses its salt and key.
  if (!cached) remember_key(key, passphrase, salt, passes, memory_kib);
  out.plain = std::move(plain);
  return out;
}

LoadResult load_sealed_scene_file(const std::filesystem::path& path, std::string_view passphrase, std::string* text) {
  LoadResult result;
  auto fail = [&](std::string message) {
    result.errors.push_back(Diagnostic{path.string(), 0, 0, "", std::move(message)});
    return result;
  };
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return load_scene_file(path);  // its own words for what is wrong
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail("Cannot read the file's size: " + ec.message());
  if (size > kMaxFileBytes + kSealHeaderBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES)
    return fail("File is " + std::to_string(size) + " bytes, over the limit for a scene file; nothing was read");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(std::string("Cannot open the file: ") + std::strerror(errno));
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) return fail("The file changed size while it was being read");
  if (!is_sealed(bytes)) {
    result = load_scene_text(bytes, path.string());
    if (text) *text = std::move(bytes);
    return result;
  }
  Unsealed u = unseal_bytes(bytes, passphrase);
  if (!u.plain) return fail(u.error);
  result = load_scene_text(*u.plain, path.string());
  if (text) *text = std::move(*u.plain);
  else wipe(*u.plain);
  return result;
}

SaveResult save_sealed_scene_file(const Document& doc, const std::filesystem::path& path, std::string_view passphrase,
                                  const SaveOptions& options, bool fast) {
  SaveResult r;
  std::string text;
  try {
    text = save_scene_text(doc);
  } catch (const std::exception& e) {
    r.error = std::string("Cannot write the scene as JSON (") + e.what() + "); nothing was written";
    return r;
  }
  Sealed s = seal_bytes(text, passphrase, fast);
  wipe(text);
  if (!s.error.empty()) {
    r.error = s.error + "; nothing was written";
    return r;
  }
  return write_file_safely(path, s.bytes, options);
}

std::vector<std::filesystem::path> remove_plain_backups(const std::filesystem::path& target, std::string* error) {
  std::vector<std::filesystem::path> removed;
  for (int n = 1; n <= kBackupGenerations; ++n) {
    const std::filesystem::path bak = backup_path(target, n);
    std::ifstream in(bak, std::ios::binary);
    if (!in) continue;
    char head[8] = {};
    in.read(head, sizeof head);
    if (is_sealed(std::string_view(head, static_cast<std::size_t>(in.gcount())))) continue;
    std::error_code ec;
    if (std::filesystem::remove(bak, ec)) removed.push_back(bak);
    else if (error && error->empty()) *error = bak.string() + " holds the plain scene and could not be removed: " + ec.message();
  }
  return removed;
}

std::optional<std::string> read_passphrase_file(const std::filesystem::path& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!in) {
    if (error) *error = "Cannot read the passphrase file " + path.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.size() < kMinPassphraseBytes) {
    if (error)
      *error = "The passphrase in " + path.string() + " is shorter than " + std::to_string(kMinPassphraseBytes) +
               " characters";
    wipe(line);
    return std::nullopt;
  }
  return line;
}

}  // namespace cs
