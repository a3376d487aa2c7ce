#!/usr/bin/env python3
"""check-screenshot: proves that a headless Chromium screenshot of a seedbench page shows a chart, by counting
the pixels of the chart's fill colours (bars are drawn in flat colours, so their inner pixels are exact).
Decodes the PNG with the standard library only (zlib and the five PNG row filters).
Usage: check-screenshot.py SHOT.png NAME=#rrggbb:MIN_PIXELS[:TOP_PX-BOTTOM_PX] ...
Each expectation names a colour and how many pixels of it (within 3 per channel) the image must hold,
optionally only between two rows. Exit 0 when every expectation holds, 1 otherwise (saying which)."""
import struct
import sys
import zlib


def read_png(path):
    """read_png: (width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("%s is not a PNG" % path)
    at, idat, header = 8, b"", None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunk = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        at += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("unsupported PNG (depth %d, colour type %d, interlace %d)" % (depth, colour, interlace))
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, up_left = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - up_left
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - up_left)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 255
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, channels)])
        previous = line
    return width, height, rows


def count(rows, colour, top, bottom):
    near = lambda pixel: all(abs(a - b) <= 3 for a, b in zip(pixel, colour))
    return sum(1 for row in rows[top:bottom] for pixel in row if near(pixel))


def main(path, expectations):
    width, height, rows = read_png(path)
    failures = 0
    for expectation in expectations:
        name, spec = expectation.split("=", 1)
        parts = spec.split(":")
        colour = tuple(int(parts[0][i:i + 2], 16) for i in (1, 3, 5))
        wanted = int(parts[1])
        top, bottom = (int(v) for v in parts[2].split("-")) if len(parts) > 2 else (0, height)
        found = count(rows, colour, top, bottom)
        ok = found >= wanted
        failures += 0 if ok else 1
        print("%s %s: %d pixels of %s in rows %d-%d (need %d)" % ("ok" if ok else "not ok", name, found, parts[0],
                                                                 top, bottom, wanted))
    print("%s: %dx%d, %d failures" % (path, width, height, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
