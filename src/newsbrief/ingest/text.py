"""Plain text: decoding bytes safely and reading a publication date."""

from __future__ import annotations

import datetime as dt

from ..document import Article
from ..errors import InputError

# A text with this share of control characters is not prose (an image, an archive, a PDF).
_MAX_CONTROL_SHARE = 0.02


def decode(data: bytes, name: str = "input") -> str:
    """Decode UTF-8 (with or without BOM); refuse binary data and undecodable bytes."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-encode the file as UTF-8"
        ) from None
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise InputError(f"{name}: looks like a binary file, not text")
    return text


def parse_published(value: object, name: str = "published") -> dt.date | None:
    """A date from an ISO string (date or datetime), a date, or None; anything else is an error."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            # "2025-04-27T10:00:00Z" and "2025-04-27" alike: the day is the first ten characters
            return dt.date.fromisoformat(text[:10] if len(text) >= 10 and text[4] == "-" else text)
        except ValueError:
            pass
        import dateparser  # slow import: only for dates that are not ISO

        parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]})
        if parsed is not None:
            return parsed.date()
    raise InputError(f"{name}: cannot read {value!r} as a date (use YYYY-MM-DD)")


def from_text(
    text: str,
    *,
    title: str | None = None,
    published: object = None,
    url: str | None = None,
    source: str | None = None,
    id: str | None = None,
) -> Article:
    """An Article whose text is exactly ``text``: offsets index the caller's own string."""
    if not isinstance(text, str):
        raise InputError("text must be a string")
    return Article(
        text=text,
        title=title,
        published=parse_published(published),
        url=url,
        source=source,
        id=id,
    )
