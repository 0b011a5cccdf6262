"""Finding every translatable message in the code (for the catalogue test and tooling)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def messages_in_code() -> dict[str, list[str]]:
    """Message id -> the places (file:line) that use it, found by Babel's extractor."""
    from babel.messages.extract import extract_from_dir

    found: dict[str, list[str]] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        str(PACKAGE_DIR), method_map=[("**.py", "python")], keywords={"_": None, "N_": None, "ngettext": (1, 2)}
    ):
        key = message[0] if isinstance(message, tuple) else message
        if key:
            found.setdefault(key, []).append(f"{filename}:{line}")
    return found
