"""Bytes to text: UTF-8 first, then detection (windows-1256 is common on older Arabic sites).

A file is decoded only when the result is text: NUL bytes mean a binary file, and a decoding
that leaves replacement characters or control bytes is refused with a reason, never guessed.

>>> decode_bytes("مرحبا".encode("cp1256"), "old.txt")
'مرحبا'
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from marsad.errors import DecodeError

_ARABIC_LEGACY = ("cp1256", "iso8859_6")
_ARABIC_LETTER_RE = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]")
# Letters of any other script: word characters that are neither digits, "_" nor Arabic-block.
_OTHER_LETTER_RE = re.compile("[^\\W\\d_\u0600-\u06ff\u0750-\u077f]")


def decode_bytes(data: bytes, name: str) -> str:
    """Decode `data`, read from `name`, or raise DecodeError saying why it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    if b"\x00" in data[:8192]:
        raise DecodeError(name, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data, name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(name, f"undecodable bytes for {encoding} at byte {exc.start}") from exc


def _detect(data: bytes, name: str) -> str:
    # Latin code pages decode any byte, so an Arabic legacy page read as windows-1252 "works";
    # prefer an Arabic code page whenever it turns the bytes into mostly Arabic letters.
    decoded = [text for text in (_try(data, e) for e in _ARABIC_LEGACY) if text and _looks_like_text(text)]
    best = max(decoded, key=arabic_share, default=None)
    if best is not None and arabic_share(best) > 0.5:
        return best
    candidates = [m.encoding for m in from_bytes(data[:262144])]
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text):
            return text
    raise DecodeError(name, "undecodable bytes: neither UTF-8 nor a known Arabic encoding (windows-1256)")


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    controls = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    letters = sum(1 for ch in text if ch.isalpha())
    return controls / len(text) < 0.001 and letters / len(text) > 0.3


def arabic_share(text: str) -> float:
    """The share of Arabic letters among the letters of `text` (0.0 when it has none).

    >>> arabic_share("NATO ناتو")
    0.5
    """
    arabic = len(_ARABIC_LETTER_RE.findall(text))
    other = len(_OTHER_LETTER_RE.findall(text))
    return arabic / (arabic + other) if arabic + other else 0.0
