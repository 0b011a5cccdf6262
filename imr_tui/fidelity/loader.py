"""Reading the fidelity scale file, with every problem named by line and field.

A service may adapt its copy (its own words, other thresholds), so the file is checked as a
whole like the curriculum, with the same `Checker`; the reading of the file itself is the IMR
Scale's.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TypeVar

from imr_tui.curriculum.validate import Checker, Node, Problem, describe, is_positive_number, is_whole_number
from imr_tui.errors import BadInputError
from imr_tui.fidelity.scale import RULE_SCORES, SCORES, Direction, FidelityItem, FidelityScale, Measure, Rule
from imr_tui.i18n import Localized, _

SUPPORTED_FORMAT = 1
ITEM_COUNT = 13
SOURCE_TREE_SCALE = Path(__file__).resolve().parents[2] / "data" / "fidelity.yaml"

TOP_LEVEL_KEYS = ("format", "name", "items")
ITEM_KEYS = ("id", "number", "title", "scores")
RULE_KEYS = ("measure", "direction", "thresholds")

EnumT = TypeVar("EnumT", bound=Enum)


class FidelityScaleError(BadInputError):
    """A scale file with problems; the message has one `file:line: field: message` per line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def default_scale_path() -> Path:
    """The scale shipped in the wheel, or the source tree's copy in an editable install."""
    from importlib import resources

    shipped = resources.files("imr_tui") / "data" / "fidelity.yaml"
    if shipped.is_file():
        return Path(str(shipped))
    return SOURCE_TREE_SCALE


@cache
def load_fidelity_scale(path: Path | None = None) -> FidelityScale:
    """The scale at `path` (None: the shipped one), read once; FidelityScaleError if it has problems."""
    scale, problems = check_fidelity_scale(path or default_scale_path())
    if problems or scale is None:
        raise FidelityScaleError(problems)
    return scale


def check_fidelity_scale(path: Path) -> tuple[FidelityScale | None, list[Problem]]:
    """The scale at `path` and every problem found in it (the scale is None if any)."""
    document, problem = _read_document(path)
    if problem:
        return None, [problem]
    check = Checker(str(path))
    root = Node(document, "", 1)
    scale = None
    if check.document(root, TOP_LEVEL_KEYS, SUPPORTED_FORMAT):
        name = check.localized(root.get("name"))
        items = _items(check, root.get("items"))
        if name is not None and items is not None:
            scale = FidelityScale(name=name, source=path, items=items)
    problems = sorted(check.problems, key=lambda found: found.line)
    return (None if problems else scale), problems


def _items(check: Checker, node: Node) -> tuple[FidelityItem, ...] | None:
    item_nodes = check.sequence(node, _("the fidelity scale needs its {count} items").format(count=ITEM_COUNT))
    if item_nodes is None:
        return None
    items = [_item(check, item_node) for item_node in item_nodes]
    check.unique(item_nodes, "id", _("the item id '{value}' is already used on line {line}; each item needs its own id"))
    check.unique(item_nodes, "number", _("the item number {value} is already used on line {line}; each item needs its own number"))
    numbers = {item_node.get("number").value for item_node in item_nodes if is_positive_number(item_node.get("number").value)}
    missing = sorted(set(range(1, ITEM_COUNT + 1)) - numbers)
    if missing:
        check.report(node, _("the scale has items 1 to {count}; missing: {missing}").format(count=ITEM_COUNT, missing=", ".join(map(str, missing))))
    extra = sorted(number for number in numbers if number > ITEM_COUNT)
    if extra:
        check.report(node, _("the scale has items 1 to {count}; there is no item {extra}").format(count=ITEM_COUNT, extra=", ".join(map(str, extra))))
    readable = [item for item in items if item]
    if len(readable) < len(items) or missing or extra:
        return None
    return tuple(sorted(readable, key=lambda item: item.number))


def _item(check: Checker, node: Node) -> FidelityItem | None:
    if not check.mapping(node, ITEM_KEYS, ("rule",)):
        return None
    item_id = check.identifier(node.get("id"))
    number = check.positive_number(node.get("number"))
    title = check.localized(node.get("title"))
    scores = _scores(check, node.get("scores"))
    rule_node = node.get("rule")
    rule = _rule(check, rule_node) if rule_node.present else None
    if item_id is None or number is None or title is None or scores is None or (rule_node.present and rule is None):
        return None
    return FidelityItem(item_id, number, title, scores, rule)


def _score_keys(check: Checker, node: Node, wanted: Sequence[int], what: str) -> bool:
    """A mapping keyed by exactly the scores `wanted` (1-5, or 5-2 for thresholds)."""
    if not node.present:
        return False
    if not isinstance(node.value, dict):
        check.wrong_type(node, _("a mapping with the scores {scores} as keys").format(scores=", ".join(map(str, wanted))))
        return False
    fine = True
    for key in node.value:
        if key not in wanted:
            check.report(node.get(key), _("{key} is not a score here; {what} are given for the scores {scores}").format(
                key=describe(key), what=what, scores=", ".join(map(str, wanted))))  # fmt: skip
            fine = False
    missing = [score for score in wanted if score not in node.value]
    if missing:
        check.report(node, _("the scores {missing} are missing; {what} are given for the scores {scores}").format(
            missing=", ".join(map(str, missing)), what=what, scores=", ".join(map(str, wanted))))  # fmt: skip
        fine = False
    return fine


def _scores(check: Checker, node: Node) -> dict[int, Localized] | None:
    if not _score_keys(check, node, SCORES, _("meanings")):
        return None
    meanings = {score: check.localized(node.get(score)) for score in SCORES}
    readable = {score: meaning for score, meaning in meanings.items() if meaning is not None}
    return None if len(readable) < len(meanings) else readable


def _rule(check: Checker, node: Node) -> Rule | None:
    if not check.mapping(node, RULE_KEYS):
        return None
    measure = _choice(check, node.get("measure"), Measure)
    direction = _choice(check, node.get("direction"), Direction)
    thresholds_node = node.get("thresholds")
    if not _score_keys(check, thresholds_node, RULE_SCORES, _("thresholds")):
        return None
    thresholds: dict[int, int] = {}
    for score in RULE_SCORES:
        value_node = thresholds_node.get(score)
        if not is_whole_number(value_node.value) or value_node.value < 0:
            check.report(value_node, _("must be a whole number of 0 or more, not {found}").format(found=describe(value_node.value)))
        else:
            thresholds[score] = int(value_node.value)
    if measure is None or direction is None or len(thresholds) < len(RULE_SCORES):
        return None
    for higher, lower in zip(RULE_SCORES, RULE_SCORES[1:], strict=False):
        ordered = thresholds[higher] <= thresholds[lower] if direction is Direction.AT_MOST else thresholds[higher] >= thresholds[lower]
        if not ordered:
            word = _("at most") if direction is Direction.AT_MOST else _("at least")
            check.report(thresholds_node.get(lower), _("score {higher} asks for {word} {first}, so score {lower} cannot ask for {second}").format(
                higher=higher, word=word, first=thresholds[higher], lower=lower, second=thresholds[lower]))  # fmt: skip
            return None
    if measure.value.endswith("-percent") and thresholds[5 if direction is Direction.AT_LEAST else 2] > 100:
        check.report(thresholds_node, _("a percentage cannot be more than 100"))
        return None
    return Rule(measure, direction, thresholds)


def _choice(check: Checker, node: Node, kind: type[EnumT]) -> EnumT | None:
    if not node.present:
        return None
    try:
        return kind(node.value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        check.report(node, _("{found} is not known; allowed here: {allowed}").format(found=describe(node.value), allowed=allowed))
        return None


def _read_document(path: Path) -> tuple[object, Problem | None]:
    file = str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None, Problem(file, 0, "file", _("the file does not exist; give the path of a fidelity scale file (YAML)"))
    except IsADirectoryError:
        return None, Problem(file, 0, "file", _("this is a folder; give the path of a fidelity scale file (YAML)"))
    except OSError as error:
        return None, Problem(file, 0, "file", _("the file cannot be read: {reason}").format(reason=error.strerror or str(error)))
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, Problem(file, line, "file", _("the file is not UTF-8 text; save it with the UTF-8 encoding"))
    from ruamel.yaml import YAML  # ~20 ms, paid only when the scale is first needed
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return YAML(typ="rt").load(text), None
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None) if isinstance(error, MarkedYAMLError) else None
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(error, "problem", None) or str(error)
        return None, Problem(file, line, "yaml", _("not valid YAML: {problem}").format(problem=reason))
