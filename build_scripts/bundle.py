"""The offline bundle's zip (离线包 yearbook-offline.zip), byte-reproducible."""
from __future__ import annotations

import os
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .cache import Memo
from .errors import BuildError

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed member dates: the bundle is byte-reproducible


def write_zip(site: Path, target: Path, memo: Memo | None = None) -> None:
    """The bundle as a zip of `site` under yearbook/, members in path order
    with fixed dates (byte-reproducible). Each member's deflate stream is kept
    in `memo` under its content, so a rebuild compresses only the files that
    changed, and those in threads (zlib releases the GIL). Written by hand
    because zipfile cannot take a member already compressed; the format is the
    plain one (no zip64: a bundle over 4 GB is refused)."""
    paths = sorted(p for p in site.rglob("*") if p.is_file())

    def compressed(path: Path) -> tuple[bytes, int, int, bytes]:
        data = path.read_bytes()
        key = memo.key(data) if memo is not None else None
        kept = memo.get(key) if memo is not None else None
        if kept is None:
            packer = zlib.compressobj(6, zlib.DEFLATED, -15)  # zipfile's level and raw deflate
            kept = zlib.crc32(data).to_bytes(4, "little") + packer.compress(data) + packer.flush()
            if memo is not None:
                memo.put(key, kept)
        name = f"yearbook/{path.relative_to(site).as_posix()}".encode("utf-8")
        return name, len(data), int.from_bytes(kept[:4], "little"), kept[4:]

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        members = list(pool.map(compressed, paths))
    time_, date = 0, (ZIP_DATE[0] - 1980) << 9 | ZIP_DATE[1] << 5 | ZIP_DATE[2]
    central = []
    with target.open("wb") as out:
        for name, size, crc, data in members:
            if out.tell() + len(data) >= 0xFFFFFFFF:
                raise BuildError(f"the offline bundle would exceed 4 GB ({target})")
            flags = 0x800 if not name.isascii() else 0  # UTF-8 names
            head = struct.pack("<HHHHHIII", 20, flags, 8, time_, date, crc, len(data), size)
            central.append(struct.pack("<IH", 0x02014B50, 3 << 8 | 20) + head
                           + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0o100644 << 16, out.tell()) + name)
            out.write(struct.pack("<I", 0x04034B50) + head + struct.pack("<HH", len(name), 0) + name + data)
        start = out.tell()
        out.write(b"".join(central))
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))
