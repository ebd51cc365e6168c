"""Bounds on what a zip archive (a .docx) unpacks to, checked from its directory before any part
is unpacked: a few megabytes can unpack to gigabytes (a zip bomb). Python's zipfile never
returns more than a member's declared size, so the declared sizes bound what is read."""

from __future__ import annotations

import zipfile

from viewer.text.readers.errors import UnreadableContent

MAX_UNPACKED_BYTES = 512 * 2**20  # all members together
MAX_RATIO = 200  # unpacked / packed size of one member; Word's XML packs about 10 : 1
RATIO_FROM_BYTES = 16 * 2**20  # a member below this size may pack as tightly as it likes
MAX_MEMBERS = 10_000


def check_unpacked_size(archive: zipfile.ZipFile) -> None:
    """Raise UnreadableContent when the archive would unpack to too much."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UnreadableContent(f"too many parts in the archive ({len(members):,}; the limit is {MAX_MEMBERS:,})")
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED_BYTES:
        raise UnreadableContent(
            f"unpacks to {_mb(total)} (the limit is {_mb(MAX_UNPACKED_BYTES)}): a zip bomb?")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise UnreadableContent(
                f"{member.filename} unpacks {ratio:,.0f} times its size to {_mb(member.file_size)} "
                f"(the limit is {MAX_RATIO} times): a zip bomb?")


def _mb(size: int) -> str:
    return f"{size / 2**20:,.0f} MB"
