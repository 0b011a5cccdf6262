"""Reading the IMR Scale file, with every problem named by line and field.

A service may correct its own copy (the item labels, which item may be "not applicable"),
so the file is checked as a whole like the curriculum, with the same `Checker`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from imr_tui.curriculum.validate import Checker, Node, Problem, is_positive_number
from imr_tui.errors import BadInputError
from imr_tui.i18n import _
from imr_tui.imrs.scale import ImrsItem, ImrsScale

SUPPORTED_FORMAT = 1
SOURCE_TREE_SCALE = Path(__file__).resolve().parents[2] / "data" / "imrs.yaml"

TOP_LEVEL_KEYS = ("format", "name", "scoring", "items")
SCORING_KEYS = ("lowest", "highest")
ITEM_KEYS = ("id", "number", "label", "low", "high")
ITEM_OPTIONAL_KEYS = ("may_be_not_applicable", "not_applicable_when", "reverse")


class ScaleError(BadInputError):
    """A scale file with problems; the message has one `file:line: field: message` per line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def default_scale_path() -> Path:
    """The scale shipped in the wheel, or the source tree's copy in an editable install."""
    from importlib import resources

    shipped = resources.files("imr_tui") / "data" / "imrs.yaml"
    if shipped.is_file():
        return Path(str(shipped))
    return SOURCE_TREE_SCALE


@cache
def load_scale(path: Path | None = None) -> ImrsScale:
    """The scale at `path` (None: the shipped one), read once; ScaleError if it has problems."""
    scale, problems = check_scale(path or default_scale_path())
    if problems or scale is None:
        raise ScaleError(problems)
    return scale


def check_scale(path: Path) -> tuple[ImrsScale | None, list[Problem]]:
    """The scale at `path` and every problem found in it (the scale is None if any)."""
    file = str(path)
    document, problem = _read_document(path)
    if problem:
        return None, [problem]
    check = Checker(file)
    scale = _scale(check, Node(document, "", 1), path)
    problems = sorted(check.problems, key=lambda found: found.line)
    return (None if problems else scale), problems


def _read_document(path: Path) -> tuple[object, Problem | None]:
    file = str(path)
    try:
        from imr_tui.text_file import read_data_file

        text = read_data_file(path).decode("utf-8")
    except FileNotFoundError:
        return None, Problem(file, 0, "file", _("the file does not exist; give the path of an IMR Scale file (YAML)"))
    except IsADirectoryError:
        return None, Problem(file, 0, "file", _("this is a folder; give the path of an IMR Scale file (YAML)"))
    except OSError as error:
        return None, Problem(file, 0, "file", _("the file cannot be read: {reason}").format(reason=error.strerror or str(error)))
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, Problem(file, line, "file", _("the file is not UTF-8 text; save it with the UTF-8 encoding"))
    from imr_tui.curriculum.safe_yaml import parse_yaml

    return parse_yaml(text, file)


def _scale(check: Checker, root: Node, source: Path) -> ImrsScale | None:
    if not check.document(root, TOP_LEVEL_KEYS, SUPPORTED_FORMAT):
        return None
    name = check.localized(root.get("name"))
    bounds = _scoring(check, root.get("scoring"))
    items = _items(check, root.get("items"))
    if name is None or bounds is None or items is None:
        return None
    return ImrsScale(name=name, source=source, lowest=bounds[0], highest=bounds[1], items=items)


def _scoring(check: Checker, node: Node) -> tuple[int, int] | None:
    if not check.mapping(node, SCORING_KEYS):
        return None
    lowest = check.positive_number(node.get("lowest"))
    highest = check.positive_number(node.get("highest"))
    if lowest is None or highest is None:
        return None
    if highest <= lowest:
        check.report(node.get("highest"), _("must be more than lowest ({lowest}), not {found}").format(lowest=lowest, found=highest))
        return None
    return lowest, highest


def _items(check: Checker, node: Node) -> tuple[ImrsItem, ...] | None:
    item_nodes = check.sequence(node, _("the scale needs at least one item"))
    if item_nodes is None:
        return None
    items = [_item(check, item_node) for item_node in item_nodes]
    check.unique(item_nodes, "id", _("the item id '{value}' is already used on line {line}; each item needs its own id"))
    check.unique(item_nodes, "number", _("the item number {value} is already used on line {line}; each item needs its own number"))
    numbers = [item_node.get("number").value for item_node in item_nodes]
    if all(is_positive_number(number) for number in numbers):
        missing = sorted(set(range(1, len(numbers) + 1)) - set(numbers))
        if missing:
            check.report(node, _("the item numbers must run from 1 to {count} without gaps; missing: {missing}").format(count=len(numbers), missing=", ".join(map(str, missing))))
    readable = [item for item in items if item]
    if len(readable) < len(items):
        return None
    return tuple(sorted(readable, key=lambda item: item.number))


def _item(check: Checker, node: Node) -> ImrsItem | None:
    if not check.mapping(node, ITEM_KEYS, ITEM_OPTIONAL_KEYS):
        return None
    item_id = check.identifier(node.get("id"))
    number = check.positive_number(node.get("number"))
    label, low, high = (check.localized(node.get(key)) for key in ("label", "low", "high"))
    may_skip = check.flag(node.get("may_be_not_applicable"), default=False)
    reverse = check.flag(node.get("reverse"), default=False)
    when_node = node.get("not_applicable_when")
    when = check.localized(when_node)
    if when_node.present and may_skip is False:
        check.report(when_node, _("only an item with 'may_be_not_applicable: true' can say when it is not applicable"))
        return None
    if item_id is None or number is None or label is None or low is None or high is None or may_skip is None or reverse is None:
        return None
    if when_node.present and when is None:
        return None
    return ImrsItem(item_id, number, label, low, high, may_skip, when, reverse)
