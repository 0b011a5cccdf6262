"""Checking the values of a curriculum document one by one, collecting every problem.

The document comes from ruamel.yaml's round-trip loader, whose mappings and lists
remember the line of each key and item; a `Node` carries a value together with its
dotted field path and that line, so each problem can point at the right place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from imr_tui.i18n import Localized, _

KEBAB_CASE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
LANGUAGE_KEYS = ("nb", "nn", "en")
REQUIRED_LANGUAGE = "nb"  # the others fall back to it
LONGEST_QUOTED_VALUE = 40


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a curriculum file, pointing at its line (1-based) and field."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Node:
    """A value from the document, with the field path and line that lead to it."""

    value: Any
    field: str
    line: int
    present: bool = True
    """False for a key that the document leaves out (its line is then the parent's)."""

    def get(self, key: Any) -> Node:
        """The value under `key` of this mapping."""
        field = f"{self.field}.{key}" if self.field else str(key)
        if not isinstance(self.value, dict) or key not in self.value:
            return Node(None, field, self.line, present=False)
        return Node(self.value[key], field, _key_line(self.value, key, self.line))

    def items(self) -> list[Node]:
        """The items of this list (none if it is not a list)."""
        if not isinstance(self.value, list):
            return []
        return [
            Node(value, f"{self.field}[{index}]", _item_line(self.value, index, self.line))
            for index, value in enumerate(self.value)
        ]


def _key_line(mapping: dict[Any, Any], key: Any, fallback: int) -> int:
    # Keys that arrive through a YAML merge (`<<:`) have no line of their own.
    try:
        return int(mapping.lc.key(key)[0]) + 1  # type: ignore[attr-defined]
    except (AttributeError, KeyError, TypeError):
        return fallback


def _item_line(items: list[Any], index: int, fallback: int) -> int:
    try:
        return int(items.lc.item(index)[0]) + 1  # type: ignore[attr-defined]
    except (AttributeError, KeyError, TypeError):
        return fallback


@cache
def _boolean_types() -> tuple[type, ...]:
    # Imported on first use so that importing the model does not load the YAML library.
    from ruamel.yaml.scalarbool import ScalarBoolean

    # ruamel.yaml gives an anchored `true` as a ScalarBoolean, which is an int, not a bool.
    return (bool, ScalarBoolean)


def is_boolean(value: object) -> bool:
    return isinstance(value, _boolean_types())


def is_whole_number(value: object) -> bool:
    return isinstance(value, int) and not is_boolean(value)


def is_positive_number(value: object) -> bool:
    return is_whole_number(value) and value >= 1  # type: ignore[operator]


def describe(value: object) -> str:
    """A value as the user wrote it, for messages like "must be plain text, not 5"."""
    if value is None:
        return _("an empty value")
    if is_boolean(value):
        return "true" if value else "false"
    if isinstance(value, dict):
        return _("keys and values (a mapping)")
    if isinstance(value, list):
        return _("a list (lines starting with '- ')")
    if isinstance(value, str):
        shown = value if len(value) <= LONGEST_QUOTED_VALUE else value[: LONGEST_QUOTED_VALUE - 1] + "…"
        return f"'{shown}'"
    return str(value)


class Checker:
    """Reads typed values from nodes, reporting what is wrong instead of stopping.

    Every reader returns None when the value cannot be used; the problem is already
    recorded then. A key that is left out is reported once, by `mapping()`.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def document(self, root: Node, keys: Sequence[str], supported_format: int) -> bool:
        """The top of a data file: a mapping with `keys`, in a format this version reads; False if not a mapping."""
        if not isinstance(root.value, dict):
            self.wrong_type(Node(root.value, "document", 1), _("a mapping with the keys {keys}").format(keys=", ".join(keys)))
            return False
        self.mapping(root, keys)
        version = self.positive_number(root.get("format"))
        if version is not None and version != supported_format:
            self.report(
                root.get("format"),
                _("format {found} is not supported; this version of imr-tui reads format {supported}").format(found=version, supported=supported_format),
            )
        return True

    def report(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.file, node.line, node.field, message))

    def wrong_type(self, node: Node, expected: str) -> None:
        self.report(node, _("must be {expected}, not {found}").format(expected=expected, found=describe(node.value)))

    def mapping(self, node: Node, required: Sequence[str], optional: Sequence[str] = ()) -> bool:
        """Check that `node` is a mapping with all `required` keys and no unknown ones."""
        if not node.present:
            return False
        if not isinstance(node.value, dict):
            self.wrong_type(node, _("a mapping with the keys {keys}").format(keys=", ".join(required)))
            return False
        allowed = (*required, *optional)
        for key in node.value:
            if key not in allowed:
                self.report(
                    node.get(key),
                    _("unknown key '{key}'; allowed keys here: {allowed}").format(key=key, allowed=", ".join(allowed)),
                )
        for key in required:
            if key not in node.value:
                self.report(
                    node.get(key),
                    _("required key is missing; the keys needed here are: {required}").format(
                        required=", ".join(required)
                    ),
                )
        return True

    def sequence(self, node: Node, empty_message: str) -> list[Node] | None:
        """The items of a list that must not be empty (a bare `key:` counts as empty)."""
        if not node.present:
            return None
        if node.value is not None and not isinstance(node.value, list):
            self.wrong_type(node, _("a list (lines starting with '- ')"))
            return None
        if not node.value:
            self.report(node, empty_message)
            return None
        return node.items()

    def localized(self, node: Node) -> Localized | None:
        """A text in bokmål (`nb`), and optionally nynorsk (`nn`) and English (`en`)."""
        if not node.present:
            return None
        if not isinstance(node.value, dict):
            self.wrong_type(node, _("text per language (an 'nb:' line, and 'nn:' and 'en:' lines if wanted)"))
            return None
        for key in node.value:
            if key not in LANGUAGE_KEYS:
                self.report(
                    node.get(key),
                    _("unknown key '{key}'; allowed keys here: {allowed}").format(
                        key=key, allowed=", ".join(LANGUAGE_KEYS)
                    ),
                )
        nb = self._translation(node.get(REQUIRED_LANGUAGE), required=True)
        others = {language: self._translation(node.get(language)) for language in LANGUAGE_KEYS if language != REQUIRED_LANGUAGE}
        return Localized(nb=nb, **others) if nb is not None else None

    def _translation(self, node: Node, required: bool = False) -> str | None:
        if not node.present:
            if required:
                self.report(node, _("the bokmål text is missing; every text needs nb (bokmål), and may add nn (nynorsk) and en (English)"))
            return None
        if node.value is not None and not isinstance(node.value, str):
            self.wrong_type(node, _("plain text"))
            return None
        text = (node.value or "").strip()
        if not text:
            self.report(node, _("the translation is empty; leave the line out to show the bokmål text instead"))
            return None
        return text

    def positive_number(self, node: Node) -> int | None:
        """A whole number of 1 or more; booleans and decimals are refused."""
        if not node.present:
            return None
        if not is_positive_number(node.value):
            self.report(node, _("must be a whole number of 1 or more, not {found}").format(found=describe(node.value)))
            return None
        return int(node.value)

    def identifier(self, node: Node) -> str | None:
        """A stable id in kebab-case, the key the database stores."""
        if not node.present:
            return None
        if not isinstance(node.value, str) or not KEBAB_CASE.fullmatch(node.value):
            self.report(
                node,
                _(
                    "must be an id of lower-case letters a-z, digits and single hyphens, "
                    "starting with a letter (like 'coping-with-stress'), not {found}"
                ).format(found=describe(node.value)),
            )
            return None
        return str(node.value)

    def flag(self, node: Node, default: bool) -> bool | None:
        if not node.present:
            return default
        if not is_boolean(node.value):
            self.wrong_type(node, _("either true or false"))
            return None
        return bool(node.value)

    def unique(self, items: Sequence[Node], key: str, message: str) -> None:
        """Report each item whose `key` repeats an earlier item's.

        `message` may use {value} and {line} (the line of the first use). Values that are
        missing or of the wrong type are left out: they are reported where they are read.
        """
        first_line: dict[object, int] = {}
        for item in items:
            node = item.get(key)
            if not (isinstance(node.value, str) or is_whole_number(node.value)):
                continue
            if node.value in first_line:
                self.report(node, message.format(value=node.value, line=first_line[node.value]))
            else:
                first_line[node.value] = node.line
