"""What was typed into a form and not saved yet, kept on disk so a crash loses none of it.

One small owner-only JSON file per form and record, in the user's state folder. It goes when
the form is saved or closed on purpose; after a crash the form finds it and puts it back.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from imr_tui.paths import APP_NAME, make_private_dir

DraftValues = dict[str, str | int | bool | None]


def drafts_dir() -> Path:
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False) / "form-drafts"


def _file(key: str) -> Path:
    # The key names the database and the record; its hash keeps names out of file names.
    return drafts_dir() / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"


def save_draft(key: str, values: DraftValues) -> None:
    from imr_tui.printing.output import write_private

    make_private_dir(drafts_dir())
    write_private(_file(key), json.dumps({"key": key, "values": values}, ensure_ascii=False).encode())


def load_draft(key: str) -> DraftValues | None:
    try:
        stored = json.loads(_file(key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # none, or half-written by a crash: the form simply opens as stored
    return stored.get("values") if isinstance(stored, dict) and stored.get("key") == key else None


def discard_draft(key: str) -> None:
    _file(key).unlink(missing_ok=True)
