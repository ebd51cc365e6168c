"""Decode the bytes of a text file, detecting the encoding from the bytes themselves.

Order: a byte-order mark; UTF-16 without a mark (NUL bytes on every other byte); UTF-8 when
the bytes are valid UTF-8, whatever a file declares; a charset the file declares (HTML), when
it decodes the bytes to text; UTF-8 and GB18030 (a superset of GBK and GB2312, when the result
reads as Chinese) allowing a few broken bytes (a file cut off mid-character), which become
U+FFFD; charset-normalizer's guess on a sample. A few stray NUL bytes in a text are dropped;
binary data is refused before any guessing.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from viewer.text.readers.errors import UnreadableContent

NOT_TEXT = "not text (binary data)"
EMPTY = "empty file"

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that do not occur in text; tab, newlines, form feed and escape do.
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_MAX_CONTROL_SHARE = 0.02
# Stray NUL bytes a text may hold and still be read (they are dropped): this many, or this share.
_STRAY_NULS = 16
_MAX_STRAY_NUL_SHARE = 0.01
# UTF-16 without a mark: NUL bytes (the high byte of ASCII characters) on this share of the pairs.
_MIN_WIDE_NUL_SHARE = 0.01
# A decoding is text: no control characters, and this share at most of unassigned, private-use
# or surrogate characters.
_MAX_ODD_SHARE = 0.001
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_ODD_CATEGORIES = frozenset({"Cn", "Co", "Cs"})
# UTF-16 and UTF-32 declared in a file's ASCII bytes cannot be right (the HTML standard reads
# such a page as UTF-8).
_WIDE_CODECS = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
# Share of decoding errors (per valid non-ASCII character) that still counts as a match.
_MAX_ERROR_SHARE = 0.01
# Share of non-ASCII characters that must be common Chinese text for a GB18030 reading.
_MIN_CHINESE_SHARE = 0.9
_SAMPLE_CHARS = 65_536
_DETECTION_SAMPLE_BYTES = 65_536
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_KANA = re.compile(r"[\u3040-\u30ff]")
# Labels that mean GBK or a subset of it; GB18030 decodes all of them.
_GB_LABELS = frozenset({"gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "cp936", "ms936", "euc-cn"})


def decode_text(data: bytes, declared: str | None = None) -> str:
    """The text of `data` with newlines normalised to \\n; raises UnreadableContent."""
    text = _decode(data, declared)
    if not text.strip():
        raise UnreadableContent(EMPTY)
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def python_codec(label: str) -> str | None:
    """The Python codec for a charset label as found in a file, or None when unknown."""
    label = label.strip().lower()
    if label in _GB_LABELS:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decode(data: bytes, declared: str | None) -> str:
    if not data:
        raise UnreadableContent(EMPTY)
    marked = [codec for bom, codec in _BOMS if data.startswith(bom)]
    for codec in marked:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    if marked:  # a byte-order mark, then broken data: trust the mark
        return data.decode(marked[-1], errors="replace")
    if b"\x00" in data:
        wide = _utf16_without_bom(data)
        if wide is not None:
            return wide
        data = _without_stray_nuls(data)
    if _looks_binary(data):
        raise UnreadableContent(NOT_TEXT)
    try:
        return data.decode("utf-8")  # valid UTF-8 is UTF-8, whatever the file declares
    except UnicodeDecodeError:
        pass
    declared_codec = python_codec(declared) if declared else None
    if declared_codec and declared_codec not in _WIDE_CODECS:
        try:
            declared_text = data.decode(declared_codec)
            if _mostly_text(declared_text):
                return declared_text
        except UnicodeDecodeError:
            pass  # The declaration is wrong; detect instead.
    as_utf8 = _decode_mostly(data, "utf-8")
    if as_utf8 is not None:
        return as_utf8
    as_chinese = _decode_mostly(data, "gb18030")
    if as_chinese is not None and _reads_as_chinese(as_chinese[:_SAMPLE_CHARS]):
        return as_chinese
    return _decode_detected(data)


def _utf16_without_bom(data: bytes) -> str | None:
    """The text when NUL bytes fall on every other byte (ASCII in UTF-16) and decode to text."""
    pairs = len(data) // 2
    even, odd = data[0 : 2 * pairs : 2].count(0), data[1 : 2 * pairs : 2].count(0)
    if max(even, odd) < max(2, _MIN_WIDE_NUL_SHARE * pairs):
        return None
    order = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    for codec in order:
        try:
            text = data[: 2 * pairs].decode(codec)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return text + ("\ufffd" if len(data) % 2 else "")  # an odd byte: cut off mid-character
    return None


def _without_stray_nuls(data: bytes) -> bytes:
    """A text with a few NUL bytes (a damaged copy) without them; refuses binary data."""
    nuls = data.count(0)
    if nuls > max(_STRAY_NULS, _MAX_STRAY_NUL_SHARE * len(data)):
        raise UnreadableContent(NOT_TEXT)
    return data.replace(b"\x00", b"")


def _mostly_text(text: str, odd_share: float = _MAX_ODD_SHARE) -> bool:
    """No control characters but tab, newlines, form feed and escape; in a sample, at most
    `odd_share` unassigned, private-use or surrogate characters."""
    if _CONTROL_CHARS.search(text):
        return False
    sample = text[:_SAMPLE_CHARS]
    odd = sum(1 for char in sample if unicodedata.category(char) in _ODD_CATEGORIES)
    return odd <= odd_share * len(sample)


def _looks_binary(data: bytes) -> bool:
    control_count = len(data.translate(None, _NOT_CONTROL_BYTES))
    return control_count > _MAX_CONTROL_SHARE * len(data)


def _decode_mostly(data: bytes, codec: str) -> str | None:
    """The text if `data` is in `codec` but for a few broken bytes (a cut-off file)."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    errors = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return text if errors <= _MAX_ERROR_SHARE * (non_ascii - errors) else None


def _reads_as_chinese(sample: str) -> bool:
    non_ascii = "".join(_NON_ASCII.findall(sample))
    if not non_ascii:
        return True
    common = sum(1 for char in _KANA.sub("", non_ascii) if _in_gb2312(char))
    return common >= _MIN_CHINESE_SHARE * len(non_ascii)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _decode_detected(data: bytes) -> str:
    from charset_normalizer import from_bytes  # only needed for unusual files

    match = from_bytes(data[:_DETECTION_SAMPLE_BYTES]).best()
    codec = python_codec(match.encoding) if match is not None else None
    if codec is None:
        raise UnreadableContent("unknown text encoding")
    return data.decode(codec, errors="replace")
