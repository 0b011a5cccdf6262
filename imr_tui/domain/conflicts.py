"""What a write meets when another window (or therapist) got there first; nothing is overwritten."""

from __future__ import annotations

from imr_tui.errors import UserError
from imr_tui.i18n import _


class EditConflict(UserError):
    """Someone else changed the text since this window read it; nothing was overwritten."""

    def __init__(self, stored: str) -> None:
        super().__init__(_("this text was changed in another window"))
        self.stored = stored


class ChangedElsewhere(UserError):
    """The row changed since the form read it (another window, another therapist).

    When known, `stored` holds the row's values now and `version` its version, so a form
    can show both and, if the therapist keeps theirs, write again over that version.
    """

    def __init__(self, table: str = "", stored: dict[str, object] | None = None, version: int | None = None) -> None:
        super().__init__(_("this was changed in another window after you opened it; nothing was saved. Close this, open it again to see the change, then make your edit"))
        self.table, self.stored, self.version = table, stored, version


class ChangedMeanwhile(UserError):
    """Another window changed the record since this one showed it: an undo does not overwrite that."""
