#!/usr/bin/env python3
"""Writes tests/data/sealed_minimal.json: tests/data/minimal.json (one line, not
in canonical form) sealed in the container notation/seal.hpp documents, with
the passphrase "trailer door code 4711" and Argon2id's interactive cost (2
passes, 64 MiB). `closedset seal` always writes canonical text, so this is how
the tests get a sealed scene that `closedset fmt` must rewrite (sealed).
Uses the system libsodium through ctypes; run from the repository's root."""
import ctypes, ctypes.util, os, struct

na = ctypes.CDLL(ctypes.util.find_library("sodium"))
assert na.sodium_init() >= 0
plain = open("tests/data/minimal.json", "rb").read()
passphrase = b"trailer door code 4711"
passes, memory_kib = 2, 64 * 1024
salt, nonce = os.urandom(16), os.urandom(24)
header = b"CSSEALED" + bytes([1, 2]) + struct.pack("<II", passes, memory_kib) + salt + nonce
assert len(header) == 58
key = ctypes.create_string_buffer(32)
assert na.crypto_pwhash(key, ctypes.c_ulonglong(32), passphrase, ctypes.c_ulonglong(len(passphrase)), salt,
                        ctypes.c_ulonglong(passes), ctypes.c_size_t(memory_kib * 1024), 2) == 0
out = ctypes.create_string_buffer(len(plain) + 16)
out_len = ctypes.c_ulonglong(0)
assert na.crypto_aead_xchacha20poly1305_ietf_encrypt(out, ctypes.byref(out_len), plain, ctypes.c_ulonglong(len(plain)),
                                                     header, ctypes.c_ulonglong(len(header)), None, nonce, key) == 0
open("tests/data/sealed_minimal.json", "wb").write(header + out.raw[:out_len.value])
