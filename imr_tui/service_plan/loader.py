"""Reading the service plan template, with every problem named by file, line and field.

A service may adapt its own copy (titles, sections, crisis numbers), so the file is
checked as a whole like the curriculum, with the same `Checker`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from imr_tui.curriculum.validate import Checker, Node, Problem
from imr_tui.errors import BadInputError
from imr_tui.i18n import _
from imr_tui.service_plan.template import DefaultNumber, SectionKind, SectionSpec, ServicePlanTemplate

SUPPORTED_FORMAT = 1
SOURCE_TREE_TEMPLATE = Path(__file__).resolve().parents[2] / "data" / "service_plan.yaml"
ENVIRONMENT = "IMR_TUI_SERVICE_PLAN"
LONGEST_REVIEW = 24
"""Months: a later review date is almost certainly a typing error."""

TOP_LEVEL_KEYS = ("format", "name", "review_months", "sections")
SECTION_KEYS = ("id", "kind", "title")
SECTION_OPTIONAL_KEYS = ("hint", "items")
NUMBER_KEYS = ("name", "phone")


class TemplateError(BadInputError):
    """A template with problems; the message has one `file:line: field: message` per line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def template_path() -> Path:
    """The service's own template (IMR_TUI_SERVICE_PLAN, or service_plan.yaml beside the settings), else the shipped one."""
    if override := os.environ.get(ENVIRONMENT):
        return Path(override).expanduser()
    from imr_tui.paths import config_file

    own = config_file().parent / "service_plan.yaml"
    return own if own.is_file() else shipped_template_path()


def shipped_template_path() -> Path:
    from importlib import resources

    shipped = resources.files("imr_tui") / "data" / "service_plan.yaml"
    return Path(str(shipped)) if shipped.is_file() else SOURCE_TREE_TEMPLATE


def load_template(path: Path | None = None) -> ServicePlanTemplate:
    """The template at `path` (None: the service's or the shipped one); TemplateError if it has problems."""
    return _load(path or template_path())


@cache
def _load(path: Path) -> ServicePlanTemplate:
    template, problems = check_template(path)
    if problems or template is None:
        raise TemplateError(problems)
    return template


def check_template(path: Path) -> tuple[ServicePlanTemplate | None, list[Problem]]:
    """The template at `path` and every problem found in it (the template is None if any)."""
    document, problem = _read_document(path)
    if problem:
        return None, [problem]
    check = Checker(str(path))
    template = _template(check, Node(document, "", 1), path)
    problems = sorted(check.problems, key=lambda found: found.line)
    return (None if problems else template), problems


def _read_document(path: Path) -> tuple[object, Problem | None]:
    file = str(path)
    try:
        from imr_tui.text_file import read_data_file

        data = read_data_file(path)
    except FileNotFoundError:
        return None, Problem(file, 0, "file", _("the file does not exist; give the path of a service plan template (YAML)"))
    except IsADirectoryError:
        return None, Problem(file, 0, "file", _("this is a folder; give the path of a service plan template (YAML)"))
    except OSError as error:
        return None, Problem(file, 0, "file", _("the file cannot be read: {reason}").format(reason=error.strerror or str(error)))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, Problem(file, line, "file", _("the file is not UTF-8 text; save it with the UTF-8 encoding"))
    from imr_tui.curriculum.loader import _parse_yaml  # the same YAML reading and messages as the curriculum

    return _parse_yaml(text, file)


def _template(check: Checker, root: Node, source: Path) -> ServicePlanTemplate | None:
    if not check.document(root, TOP_LEVEL_KEYS, SUPPORTED_FORMAT):
        return None
    name = check.localized(root.get("name"))
    months = check.positive_number(root.get("review_months"))
    if months is not None and months > LONGEST_REVIEW:
        check.report(root.get("review_months"), _("must be from 1 to {most} months, not {found}").format(most=LONGEST_REVIEW, found=months))
        months = None
    sections = _sections(check, root.get("sections"))
    if name is None or months is None or sections is None:
        return None
    return ServicePlanTemplate(name=name, source=source, review_months=months, sections=sections)


def _sections(check: Checker, node: Node) -> tuple[SectionSpec, ...] | None:
    section_nodes = check.sequence(node, _("the plan needs at least one section"))
    if section_nodes is None:
        return None
    sections = [_section(check, section_node) for section_node in section_nodes]
    check.unique(section_nodes, "id", _("the section id '{value}' is already used on line {line}; each section needs its own id"))
    readable = [section for section in sections if section]
    return tuple(readable) if len(readable) == len(sections) else None


def _section(check: Checker, node: Node) -> SectionSpec | None:
    if not check.mapping(node, SECTION_KEYS, SECTION_OPTIONAL_KEYS):
        return None
    section_id = check.identifier(node.get("id"))
    kind = _kind(check, node.get("kind"))
    title = check.localized(node.get("title"))
    hint_node = node.get("hint")
    hint = check.localized(hint_node) if hint_node.present else None
    items_node = node.get("items")
    items: tuple[DefaultNumber, ...] | None = ()
    if items_node.present:
        if kind is not None and kind != SectionKind.NUMBERS:
            check.report(items_node, _("only a section of kind 'numbers' can start with items"))
            return None
        items = _numbers(check, items_node)
    if None in (section_id, kind, title, items) or (hint_node.present and hint is None):
        return None
    return SectionSpec(section_id, kind, title, hint, items)  # type: ignore[arg-type]


def _kind(check: Checker, node: Node) -> SectionKind | None:
    if not node.present:
        return None
    try:
        return SectionKind(node.value)
    except ValueError:
        check.report(node, _("unknown kind {found}; choose one of: {allowed}").format(found=repr(node.value), allowed=", ".join(kind.value for kind in SectionKind)))
        return None


def _numbers(check: Checker, node: Node) -> tuple[DefaultNumber, ...] | None:
    item_nodes = check.sequence(node, _("leave 'items' out, or give at least one number"))
    if item_nodes is None:
        return None
    numbers = []
    for item in item_nodes:
        if not check.mapping(item, NUMBER_KEYS):
            return None
        name = check.localized(item.get("name"))
        phone = item.get("phone")
        if not isinstance(phone.value, str | int) or not str(phone.value).strip():
            check.wrong_type(phone, _("a phone number in quotes, such as \"113\""))
            return None
        if name is None:
            return None
        numbers.append(DefaultNumber(name, str(phone.value).strip()))
    return tuple(numbers)
