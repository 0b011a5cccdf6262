"""Reading YAML a service wrote, in bounded time and memory.

The file is walked as a stream of parser events first (no objects are built, no recursion):
an alias (`*name`) can make a few lines stand for billions of values, and thousands of
nested brackets exhaust Python's recursion while the document is built. Both are refused
with the line they are on; our files need neither.
"""

from __future__ import annotations

from imr_tui.curriculum.validate import Problem
from imr_tui.i18n import _

MAX_DEPTH = 32  # the deepest shipped file nests 6 levels


def parse_yaml(text: str, file: str) -> tuple[object, Problem | None]:
    """The document in `text`, or the first problem with its line."""
    # ~20 ms, paid only when a file is read.
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent

    try:
        depth = 0
        for event in YAML(typ="rt").parse(text):
            line = event.start_mark.line + 1 if event.start_mark is not None else 1
            if isinstance(event, AliasEvent):
                return None, Problem(file, line, "yaml", _("aliases (*name) are not allowed; write the value out in full"))
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return None, Problem(file, line, "yaml", _("nested more than {depth} levels deep; a list or mapping this deep is a mistake").format(depth=MAX_DEPTH))
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
        return YAML(typ="rt").load(text), None
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None) if isinstance(error, MarkedYAMLError) else None
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        return None, Problem(file, line, "yaml", _("not valid YAML: {problem}").format(problem=problem))
