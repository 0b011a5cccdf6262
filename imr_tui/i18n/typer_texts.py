"""Typer's own words (help panels, "Usage:", the help option, parse errors) in the reader's language.

Typer 0.29 carries its own copy of Click (`typer._click`) in which the usage line, the
help option and the parse errors are plain English f-strings, not gettext calls; only
`typer.core` still calls `gettext` at run time, and `typer.rich_utils` reads its panel
titles from module constants. So: `typer.core`'s `_` is ours, the constants are set
from the catalogue each time help or an error is printed (the language may change in a
process), and an error's English sentence is matched against the few shapes Click
writes and said again in the reader's language.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import re
from collections.abc import Callable

from imr_tui.i18n.catalogue import N_, gettext

# typer.rich_utils constant -> its English text (a message id here).
RICH_CONSTANTS = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "ABORTED_TEXT": N_("Aborted."),
    "DEPRECATED_STRING": N_("(deprecated) "),
    "DEFAULT_STRING": N_("[default: {}]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}
USAGE = N_("Usage: ")
# The placeholders Click writes in a usage line.
USAGE_WORDS = {"[OPTIONS]": N_("[OPTIONS]"), "COMMAND": N_("COMMAND"), "[ARGS]...": N_("[ARGS]...")}
HELP_OPTION = N_("Show this message and exit.")
# The kinds of value Typer names beside an option in the help.
VALUE_KINDS = {"<str>": N_("<text>"), "<path>": N_("<path>"), "<int>": N_("<whole number>"), "<float>": N_("<number>"), "<bool>": N_("<yes/no>")}
# Words typer.core passes through gettext itself.
CORE_TEXTS = (N_("Missing command."), N_("No such command {name!r}."), N_("(dynamic)"), N_("default: {default}"), N_("required"))

# The English shapes of Click's parse errors -> the message that says the same.
ERROR_SHAPES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"No such option: (?P<name>\S+) \(Possible options: (?P<options>.+)\)"), N_("No such option: {name} (did you mean {options}?)")),
    (re.compile(r"No such option: (?P<name>.+)"), N_("No such option: {name}")),
    (re.compile(r"Missing argument (?P<name>.+?)\.(?P<rest>.*)"), N_("Missing argument {name}.{rest}")),
    (re.compile(r"Missing option (?P<name>.+?)\.(?P<rest>.*)"), N_("Missing option {name}.{rest}")),
    (re.compile(r"Missing parameter:? (?P<name>.+?)\.?"), N_("Missing value: {name}.")),
    (re.compile(r"Got unexpected extra arguments? \((?P<args>.+)\)"), N_("Unexpected extra argument ({args}).")),
    (re.compile(r"Option (?P<name>'.+') requires an argument\."), N_("Option {name} needs a value.")),
    (re.compile(r"Option (?P<name>'.+') requires (?P<count>\d+) arguments\."), N_("Option {name} needs {count} values.")),
    (re.compile(r"Option (?P<name>'.+') does not take a value\."), N_("Option {name} takes no value.")),
    (re.compile(r"Invalid value for (?P<name>.+?): (?P<problem>.+)"), N_("Invalid value for {name}: {problem}")),
    (re.compile(r"Invalid value: (?P<problem>.+)"), N_("Invalid value: {problem}")),
    (re.compile(r"(?P<value>'.*') is not one of (?P<choices>.+)\."), N_("{value} is not one of {choices}.")),
    (re.compile(r"Value (?P<value>'.*') is not a valid (?:int|integer)\."), N_("{value} is not a whole number.")),
    (re.compile(r"Value (?P<value>'.*') is not a valid (?:float|number)\."), N_("{value} is not a number.")),
    (re.compile(r"Value (?P<value>'.*') is not a valid (?P<kind>\w+)\."), N_("{value} is not a valid {kind}.")),
    (re.compile(r"(?:File|Directory|Path) (?P<path>'.*') does not exist\."), N_("{path} does not exist.")),
    (re.compile(r"(?:File|Directory|Path) (?P<path>.+) is a directory\."), N_("{path} is a folder.")),
]


def translate_error(message: str) -> str:
    """Click's English error sentence in the active language (unchanged if its shape is unknown)."""
    for pattern, template in ERROR_SHAPES:
        match = pattern.fullmatch(message.strip())
        if match:
            parts = {key: translate_error(value) if key == "problem" else value for key, value in match.groupdict().items()}
            return gettext(template).format(**parts)
    return message


_installed = False


def install() -> None:
    """Hook Typer's help and error printing into the catalogue (once per process)."""
    global _installed
    if _installed:
        return
    import sys

    from typer import _click, core

    core._ = gettext  # type: ignore[attr-defined]  # typer.core calls it at run time
    if "typer.rich_utils" in sys.modules:
        _patch_rich_utils(sys.modules["typer.rich_utils"])
    else:
        # Typer imports rich_utils (Rich's Markdown, about 30 ms) only to print help or an
        # error: patch it when that happens, not at every start.
        sys.meta_path.insert(0, _PatchWhenImported("typer.rich_utils", _patch_rich_utils))

    write_usage = _click.formatting.HelpFormatter.write_usage

    def translated_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:  # type: ignore[no-untyped-def]
        words = [gettext(USAGE_WORDS[word]) if word in USAGE_WORDS else word for word in args.split(" ")]
        write_usage(self, prog, " ".join(words), gettext(USAGE) if prefix is None else prefix)

    _click.formatting.HelpFormatter.write_usage = translated_usage  # type: ignore[method-assign]

    get_help_option = _click.core.Command.get_help_option

    def translated_help_option(self, ctx):  # type: ignore[no-untyped-def]
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = gettext(HELP_OPTION)
        return option

    _click.core.Command.get_help_option = translated_help_option  # type: ignore[method-assign]

    display_type = core._TyperParameter.display_type

    def translated_display_type(self, ctx):  # type: ignore[no-untyped-def]
        shown = display_type(self, ctx)
        return gettext(VALUE_KINDS[shown]) if shown in VALUE_KINDS else shown

    core._TyperParameter.display_type = translated_display_type  # type: ignore[method-assign]
    _installed = True


def _patch_rich_utils(rich_utils) -> None:  # type: ignore[no-untyped-def]
    rich_utils.rich_format_help = _with_translated_constants(rich_utils, rich_utils.rich_format_help)
    rich_utils.rich_format_error = _with_translated_constants(rich_utils, _translated_error(rich_utils.rich_format_error))


class _PatchWhenImported(importlib.abc.MetaPathFinder):
    """Runs `patch(module)` right after the module `name` is first imported."""

    def __init__(self, name: str, patch: Callable) -> None:
        self.name, self.patch = name, patch

    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name != self.name:
            return None
        import sys

        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.loader is not None:
            spec.loader = _PatchingLoader(spec.loader, self.patch)
        return spec


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, loader: importlib.abc.Loader, patch: Callable) -> None:
        self.loader, self.patch = loader, patch

    def create_module(self, spec):  # type: ignore[no-untyped-def]
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:  # type: ignore[no-untyped-def]
        self.loader.exec_module(module)
        self.patch(module)


def _with_translated_constants(module, function: Callable) -> Callable:  # type: ignore[no-untyped-def]
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        for name, text in RICH_CONSTANTS.items():
            setattr(module, name, gettext(text))
        return function(*args, **kwargs)

    return wrapper


def _translated_error(function: Callable) -> Callable:
    def wrapper(error):  # type: ignore[no-untyped-def]
        english = error.format_message
        error.format_message = lambda: translate_error(english())
        return function(error)

    return wrapper
