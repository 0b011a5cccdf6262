"""The user's settings: one typed object, from the config file, the environment and the CLI.

Precedence, highest first: command-line options, environment variables
(`IMR_TUI_DB`, `IMR_TUI_LANG`, `IMR_TUI_CURRICULUM`), the config file
(`config.toml` in the user's config folder, or `IMR_TUI_CONFIG`), the defaults.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from imr_tui.errors import BadInputError, echoed
from imr_tui.i18n import DEFAULT_LANGUAGE, LANGUAGES, _
from imr_tui.paths import config_file


@dataclass(frozen=True)
class Settings:
    database: str | None = None
    """A SQLite file path or any SQLAlchemy URL; None means the default file in the data folder."""

    language: str = DEFAULT_LANGUAGE
    """The language of the interface and of printed documents: `nb`, `nn` or `en`."""

    curriculum: Path | None = None
    """A service's own adapted curriculum file; None means the one shipped with the app."""

    presentation_mode: bool = False
    """Start in presentation mode: participants by alias, goals and notes hidden."""

    printer: str | None = None
    """The printer that `print agenda` and the print preview send to with `lp` (None: save a PDF only)."""

    theme: str = "textual-dark"
    """The colour theme of the app."""

    drift_absences_in_a_row: int = 2
    """Flag a participant as drifting away after this many absences without notice in a row."""

    drift_window: int = 6
    """... or when they attended less than `drift_min_share` of this many last sessions."""

    drift_min_share: float = 0.5

    completion_share: float = 0.5
    """Completed: present at more than this share of the scheduled sessions."""

    partly_share: float = 0.25
    """Partly completed: at least this share, for someone still in the group at the end."""

    serve_max_sessions: int = 5
    """`imr-tui serve`: browser sessions (each its own app process) running at once."""

    def review_rules(self):
        from imr_tui.review.rules import ReviewRules

        return ReviewRules(
            drift_absences_in_a_row=self.drift_absences_in_a_row, drift_window=self.drift_window,
            drift_min_share=self.drift_min_share, completion_share=self.completion_share, partly_share=self.partly_share,
        )  # fmt: skip


ENVIRONMENT = {"database": "IMR_TUI_DB", "language": "IMR_TUI_LANG", "curriculum": "IMR_TUI_CURRICULUM"}


def check_language(code: str, where: str) -> str:
    code = code.strip().lower()
    if code not in LANGUAGES:
        raise BadInputError(
            _("{where}: unknown language '{code}'; choose one of: {choices}").format(
                where=where, code=echoed(code), choices=", ".join(LANGUAGES)
            )
        )
    return code


MAX_CONFIG_BYTES = 64 * 1024  # a settings file is a few lines; anything near this is not one


def _from_file(path: Path, named: bool) -> dict[str, object]:
    """The file's settings; `named` is True when IMR_TUI_CONFIG points at it, so it must be there."""
    from imr_tui.text_file import read_small_text

    if not named and not path.exists():
        return {}
    try:
        raw = tomllib.loads(read_small_text(path, MAX_CONFIG_BYTES, "IMR_TUI_CONFIG" if named else None))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise BadInputError(_("{file}: cannot read the settings: {error}").format(file=path, error=error)) from None
    known = {field.name for field in fields(Settings)}
    for key in raw:
        if key not in known:
            raise BadInputError(
                _("{file}: unknown setting '{key}'; allowed: {allowed}").format(
                    file=path, key=key, allowed=", ".join(sorted(known))
                )
            )
    types = {field.name: field.type for field in fields(Settings)}
    for key, value in raw.items():
        kind = types[key]
        if "bool" in kind and not isinstance(value, bool):
            raise BadInputError(_("{file}: {key} must be {kind}").format(file=path, key=key, kind=_("true or false")))
        if kind == "int" and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise BadInputError(_("{file}: {key} must be {kind}").format(file=path, key=key, kind=_("a whole number, 1 or more")))
        if kind == "float" and (isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1):
            raise BadInputError(_("{file}: {key} must be {kind}").format(file=path, key=key, kind=_("a share between 0 and 1, such as 0.5")))
        if ("str" in kind or "Path" in kind) and not isinstance(value, str):
            raise BadInputError(_("{file}: {key} must be {kind}").format(file=path, key=key, kind=_("text in quotes")))
    return dict(raw)


def load_settings(**overrides: object) -> Settings:
    """Settings from the file, then the environment, then `overrides` (None means not given)."""
    path = config_file()
    values: dict[str, Any] = _from_file(path, named=bool(os.environ.get("IMR_TUI_CONFIG")))  # checked against the fields' types there
    for name, variable in ENVIRONMENT.items():
        if os.environ.get(variable):
            values[name] = os.environ[variable]
    values.update({key: value for key, value in overrides.items() if value is not None})
    if "language" in values:
        values["language"] = check_language(str(values["language"]), "--lang")
    if values.get("curriculum") is not None:
        values["curriculum"] = Path(str(values["curriculum"])).expanduser()
    return replace(Settings(), **values)
