"""Where an older version kept form drafts as files, and taking them into the database once.

Drafts now live in the store (`store.form_drafts`); the files an older version left in the
user's state folder hold names and decision numbers outside the database, so they are taken
in and deleted when the app starts, and before a participant is erased.
"""

from __future__ import annotations

from pathlib import Path

from imr_tui.paths import APP_NAME


def drafts_dir() -> Path:
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False) / "form-drafts"


def import_draft_files(store) -> int:
    """The older version's draft files for this store, into it; the files are deleted."""
    folder = drafts_dir()
    if not folder.is_dir():
        return 0
    taken = store.form_drafts.import_files(store.location, folder)
    try:
        folder.rmdir()  # empty now, unless another database's drafts wait there
    except OSError:
        pass
    return taken
