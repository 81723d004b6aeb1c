"""Turn the bytes a user hands us into text, or say in one line why not."""
from __future__ import annotations

from pathlib import Path

from pipelines.errors import InputError

MAX_BYTES = 5 * 1024 * 1024  # a press release is kilobytes; 5 MB is documented as the limit


def decode_text(data: bytes, name: str = "input") -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data):,} bytes is over the {MAX_BYTES:,}-byte limit for one document")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-16 ({exc.reason} at byte {exc.start})") from None
    elif b"\x00" in data:
        raise InputError(f"{name}: looks binary (contains NUL bytes), not a text document")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "save it as UTF-8 and try again"
            ) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if text and controls / len(text) > 0.1:
        raise InputError(f"{name}: looks binary ({controls} control characters), not a text document")
    return text


def read_document(path: str) -> str:
    """Read a file (or '-' for standard input) as text."""
    import sys

    if path == "-":
        # read at most one byte over the limit: `yes | vigyapti extract -` must not fill memory
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"stdin: more than the {MAX_BYTES:,}-byte limit for one document")
        return decode_text(data, "stdin")
    file = Path(path)
    try:
        if not file.exists():
            raise InputError(f"{path}: no such file")
        if file.is_dir():
            raise InputError(f"{path}: is a folder; give one file (or use `vigyapti batch` for folders)")
        with file.open("rb") as handle:  # bounded read: /dev/zero and pipes have no size to trust
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            size = file.stat().st_size
            amount = f"{size:,} bytes is over" if size > MAX_BYTES else "more than"
            raise InputError(f"{path}: {amount} the {MAX_BYTES:,}-byte limit for one document")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode_text(data, path)
