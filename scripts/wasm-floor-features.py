#!/usr/bin/env python3
"""Rewrites a WebAssembly module's `target_features` custom section to declare only the
features of the browser floor (see scripts/wasm-ld-floor). The code is untouched."""
import sys

FLOOR = {"mutable-globals", "sign-ext", "nontrapping-fptoint", "bulk-memory", "multivalue"}


def leb(data, i):
    value, shift = 0, 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def uleb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def name(text):
    raw = text.encode()
    return uleb(len(raw)) + raw


def main(path):
    data = open(path, "rb").read()
    if data[:4] != b"\0asm":
        return
    out = bytearray(data[:8])
    i = 8
    while i < len(data):
        start = i
        section = data[i]
        i += 1
        size, body = leb(data, i)
        end = body + size
        if section == 0:
            length, j = leb(data, body)
            if data[j:j + length] == b"target_features":
                j += length
                count, j = leb(data, j)
                kept = []
                for _ in range(count):
                    prefix = data[j:j + 1]
                    j += 1
                    length, j = leb(data, j)
                    feature = data[j:j + length].decode()
                    j += length
                    if prefix == b"+" and feature in FLOOR:
                        kept.append(feature)
                payload = name("target_features") + uleb(len(kept))
                payload += b"".join(b"+" + name(f) for f in kept)
                out += b"\0" + uleb(len(payload)) + payload
                i = end
                continue
        out += data[start:end]
        i = end
    open(path, "wb").write(bytes(out))


if __name__ == "__main__":
    main(sys.argv[1])
