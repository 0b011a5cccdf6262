"""When another window changed the same text: show both and let the therapist choose."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static, TextArea

from imr_tui.i18n import N_, _
from imr_tui.screens.base import BaseModal

KEEP_MINE, TAKE_THEIRS, KEEP_BOTH = "mine", "theirs", "both"


class ConflictScreen(BaseModal[str]):
    """Returns the text to keep: mine, theirs, or theirs followed by mine."""

    CSS_PATH = "conflict.tcss"
    BINDINGS = [
        Binding("m", "choose('mine')", N_("Keep mine"), id="conflict.mine"),
        Binding("t", "choose('theirs')", N_("Take theirs"), id="conflict.theirs"),
        Binding("b", "choose('both')", N_("Keep both"), id="conflict.both"),
    ]

    def __init__(self, what: str, mine: str, theirs: str, *, keep_both: bool = True) -> None:
        """`keep_both` False for a form's values, kept as a whole: the screen then returns the choice, mine or theirs."""
        super().__init__()
        self.what, self.mine, self.theirs, self.keep_both = what, mine, theirs, keep_both

    def compose(self) -> ComposeResult:
        if self.keep_both:
            title = _("{what} was changed in another window while you typed.").format(what=self.what)
            hint = _("m keep mine · t take theirs · b keep both (theirs, then mine)")
        else:
            title = _("{what}: this was changed in another window after you opened it.").format(what=self.what)
            hint = _("m keep mine (save it over theirs) · t take theirs into the form")
        with Vertical(id="conflict-box"):
            yield Static(title, id="conflict-title")
            with Horizontal():
                with Vertical():
                    yield Label(_("Yours"))
                    yield TextArea(self.mine, read_only=True)
                with Vertical():
                    yield Label(_("The other window's"))
                    yield TextArea(self.theirs, read_only=True)
            yield Static(hint, classes="hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.keep_both or parameters != (KEEP_BOTH,)

    def action_choose(self, choice: str) -> None:
        if not self.keep_both:
            self.dismiss(choice)
        elif choice == KEEP_MINE:
            self.dismiss(self.mine)
        elif choice == TAKE_THEIRS:
            self.dismiss(self.theirs)
        else:
            self.dismiss(f"{self.theirs.rstrip()}\n{self.mine}".strip())
