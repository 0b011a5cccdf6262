"""Reading a curriculum file into the model, with every problem named by line and field.

A service may edit its own copy of the curriculum, so the file is checked as a whole
and all problems are reported at once: fixing them one run at a time would be slow.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from imr_tui.curriculum.model import Curriculum, Module, SessionPart, SessionStructure, Topic
from imr_tui.curriculum.validate import Checker, Node, Problem, is_positive_number
from imr_tui.errors import BadInputError
from imr_tui.i18n import _

SUPPORTED_FORMAT = 1
SOURCE_TREE_CURRICULUM = Path(__file__).resolve().parents[2] / "data" / "curriculum.yaml"

TOP_LEVEL_KEYS = ("format", "name", "session_structure", "modules")
STRUCTURE_KEYS = ("group_minutes", "individual_minutes", "parts")
PART_KEYS = ("id", "title", "group_minutes", "individual_minutes")
MODULE_KEYS = ("id", "number", "title", "suggested_sessions", "topics")
MODULE_OPTIONAL_KEYS = ("individual",)
TOPIC_KEYS = ("id", "title", "key_points")
TOPIC_OPTIONAL_KEYS = ("home_assignment",)


class CurriculumError(BadInputError):
    """A curriculum file with problems; the message has one `file:line: field: message` per line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def default_curriculum_path() -> Path:
    """The curriculum shipped in the wheel, or the source tree's copy in an editable install."""
    from importlib import resources  # ~15 ms, paid only when the curriculum is needed

    shipped = resources.files("imr_tui") / "data" / "curriculum.yaml"
    if shipped.is_file():
        return Path(str(shipped))
    return SOURCE_TREE_CURRICULUM


def load_curriculum(path: Path | None = None) -> Curriculum:
    """The curriculum at `path` (None: the shipped one); CurriculumError if it has problems."""
    from imr_tui.curriculum.cache import cached

    path = path or default_curriculum_path()
    if not path.is_file():
        return _validated(path)  # the check reports a missing file with the right words
    return cached(path, _validated)


def _validated(path: Path) -> Curriculum:
    curriculum, problems = check_curriculum(path)
    if problems or curriculum is None:
        raise CurriculumError(problems)
    return curriculum


def check_curriculum(path: Path) -> tuple[Curriculum | None, list[Problem]]:
    """The curriculum at `path` and every problem found in it (the curriculum is None if any)."""
    file = str(path)
    text, problem = _read_text(path)
    if problem:
        return None, [problem]
    document, problem = _parse_yaml(text, file)
    if problem:
        return None, [problem]
    check = Checker(file)
    curriculum = _curriculum(check, Node(document, "", 1), path)
    problems = sorted(check.problems, key=lambda found: found.line)
    return (None if problems else curriculum), problems


def _read_text(path: Path) -> tuple[str, Problem | None]:
    file = str(path)
    try:
        from imr_tui.text_file import read_data_file

        data = read_data_file(path)
    except FileNotFoundError:
        return "", Problem(file, 0, "file", _("the file does not exist; give the path of a curriculum file (YAML)"))
    except IsADirectoryError:
        return "", Problem(file, 0, "file", _("this is a folder; give the path of a curriculum file (YAML)"))
    except OSError as error:
        reason = error.strerror or str(error)
        return "", Problem(file, 0, "file", _("the file cannot be read: {reason}").format(reason=reason))
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return "", Problem(file, line, "file", _("the file is not UTF-8 text; save it with the UTF-8 encoding"))


def _parse_yaml(text: str, file: str) -> tuple[object, Problem | None]:
    from imr_tui.curriculum.safe_yaml import parse_yaml

    return parse_yaml(text, file)


def _curriculum(check: Checker, root: Node, source: Path) -> Curriculum | None:
    if not check.document(root, TOP_LEVEL_KEYS, SUPPORTED_FORMAT):
        return None
    name = check.localized(root.get("name"))
    structure = _session_structure(check, root.get("session_structure"))
    modules = _modules(check, root.get("modules"))
    if name is None or structure is None or modules is None:
        return None
    return Curriculum(name=name, source=source, structure=structure, modules=modules)




def _session_structure(check: Checker, node: Node) -> SessionStructure | None:
    if not check.mapping(node, STRUCTURE_KEYS):
        return None
    group_minutes = check.positive_number(node.get("group_minutes"))
    individual_minutes = check.positive_number(node.get("individual_minutes"))
    parts_node = node.get("parts")
    part_nodes = check.sequence(parts_node, _("a session needs at least one part"))
    if part_nodes is None:
        return None
    parts = [_part(check, part_node) for part_node in part_nodes]
    check.unique(
        part_nodes, "id", _("the part id '{value}' is already used on line {line}; each part needs its own id")
    )
    _check_parts_fit(check, parts_node, part_nodes, group_minutes, "group_minutes")
    _check_parts_fit(check, parts_node, part_nodes, individual_minutes, "individual_minutes")
    readable_parts = [part for part in parts if part]
    if group_minutes is None or individual_minutes is None or len(readable_parts) < len(parts):
        return None
    return SessionStructure(group_minutes, individual_minutes, tuple(readable_parts))


def _part(check: Checker, node: Node) -> SessionPart | None:
    if not check.mapping(node, PART_KEYS):
        return None
    part_id = check.identifier(node.get("id"))
    title = check.localized(node.get("title"))
    group_minutes = check.positive_number(node.get("group_minutes"))
    individual_minutes = check.positive_number(node.get("individual_minutes"))
    if part_id is None or title is None or group_minutes is None or individual_minutes is None:
        return None
    return SessionPart(part_id, title, group_minutes, individual_minutes)


def _check_parts_fit(check: Checker, node: Node, part_nodes: list[Node], length: int | None, key: str) -> None:
    """Report on the `parts` line when the parts take longer than the session.

    Minutes that are not valid are left out of the sum: they are reported on their own lines.
    """
    minutes = [part_node.get(key).value for part_node in part_nodes]
    total = sum(value for value in minutes if is_positive_number(value))
    if length is None or total <= length:
        return
    if key == "individual_minutes":
        message = _("the parts add up to {total} minutes in an individual session, more than its {length} minutes")
    else:
        message = _("the parts add up to {total} minutes in a group session, more than its {length} minutes")
    check.report(node, message.format(total=total, length=length))


def _modules(check: Checker, node: Node) -> tuple[Module, ...] | None:
    module_nodes = check.sequence(node, _("the curriculum needs at least one module"))
    if module_nodes is None:
        return None
    modules = [_module(check, module_node) for module_node in module_nodes]
    check.unique(
        module_nodes, "id", _("the module id '{value}' is already used on line {line}; each module needs its own id")
    )
    check.unique(
        module_nodes,
        "number",
        _("the module number {value} is already used on line {line}; each module needs its own number"),
    )
    _check_numbering(check, node, module_nodes)
    readable_modules = [module for module in modules if module]
    if len(readable_modules) < len(modules):
        return None
    return tuple(sorted(readable_modules, key=lambda module: module.number))


def _check_numbering(check: Checker, node: Node, module_nodes: list[Node]) -> None:
    """The numbers must be 1..N, N being the number of modules; report on the `modules` line."""
    numbers = [module_node.get("number").value for module_node in module_nodes]
    if not all(is_positive_number(number) for number in numbers):
        return  # a bad number is reported on its own line; counting gaps would only add noise
    missing = sorted(set(range(1, len(numbers) + 1)) - set(numbers))
    if missing:
        check.report(
            node,
            _("the module numbers must run from 1 to {count} without gaps; missing: {missing}").format(
                count=len(numbers), missing=", ".join(map(str, missing))
            ),
        )


def _module(check: Checker, node: Node) -> Module | None:
    if not check.mapping(node, MODULE_KEYS, MODULE_OPTIONAL_KEYS):
        return None
    module_id = check.identifier(node.get("id"))
    number = check.positive_number(node.get("number"))
    title = check.localized(node.get("title"))
    individual = check.flag(node.get("individual"), default=False)
    suggested_sessions = check.positive_number(node.get("suggested_sessions"))
    topics = _topics(check, node.get("topics"))
    if module_id is None or number is None or title is None or individual is None:
        return None
    if suggested_sessions is None or topics is None:
        return None
    return Module(module_id, number, title, individual, suggested_sessions, topics)


def _topics(check: Checker, node: Node) -> tuple[Topic, ...] | None:
    topic_nodes = check.sequence(node, _("a module needs at least one topic"))
    if topic_nodes is None:
        return None
    topics = [_topic(check, topic_node) for topic_node in topic_nodes]
    check.unique(
        topic_nodes,
        "id",
        _(
            "the topic id '{value}' is already used in this module on line {line}; "
            "each topic in a module needs its own id"
        ),
    )
    readable_topics = [topic for topic in topics if topic]
    return tuple(readable_topics) if len(readable_topics) == len(topics) else None


def _topic(check: Checker, node: Node) -> Topic | None:
    if not check.mapping(node, TOPIC_KEYS, TOPIC_OPTIONAL_KEYS):
        return None
    topic_id = check.identifier(node.get("id"))
    title = check.localized(node.get("title"))
    point_nodes = check.sequence(node.get("key_points"), _("a topic needs at least one key point"))
    key_points = [check.localized(point_node) for point_node in point_nodes or []]
    home_assignment_node = node.get("home_assignment")
    home_assignment = check.localized(home_assignment_node)
    if topic_id is None or title is None or point_nodes is None or None in key_points:
        return None
    if home_assignment_node.present and home_assignment is None:
        return None
    return Topic(topic_id, title, tuple(point for point in key_points if point), home_assignment)
