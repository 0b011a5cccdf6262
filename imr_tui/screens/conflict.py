"""When another window changed the same text: show both and let the therapist choose."""

from __future__ import annotations

from textual import events
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
    # The question may open while the therapist types on: the choices are keys no typing
    # presses, and what is typed meanwhile is kept with yours (see `on_key`).
    BINDINGS = [
        Binding("ctrl+k", "choose('mine')", N_("Keep mine"), id="conflict.mine", priority=True),
        Binding("ctrl+o", "choose('theirs')", N_("Take theirs"), id="conflict.theirs", priority=True),
        Binding("ctrl+b", "choose('both')", N_("Keep both"), id="conflict.both", priority=True),
    ]

    def __init__(self, what: str, mine: str, theirs: str, *, keep_both: bool = True) -> None:
        """`keep_both` False for a form's values, kept as a whole: the screen then returns the choice, mine or theirs."""
        super().__init__()
        self.what, self.mine, self.theirs, self.keep_both = what, mine, theirs, keep_both
        self.typed = ""
        """What was typed while the question was open: shown at the end of yours, and kept with it."""

    def compose(self) -> ComposeResult:
        if self.keep_both:
            title = _("{what} was changed in another window while you typed.").format(what=self.what)
            hint = _("ctrl+k keep mine · ctrl+o take theirs · ctrl+b keep both (theirs, then mine). What you type now is added to yours.")
        else:
            title = _("{what}: this was changed in another window after you opened it.").format(what=self.what)
            hint = _("ctrl+k keep mine (save it over theirs) · ctrl+o take theirs into the form")
        with Vertical(id="conflict-box"):
            yield Static(title, id="conflict-title")
            with Horizontal():
                with Vertical():
                    yield Label(_("Yours"))
                    yield TextArea(self.mine, read_only=True, id="mine")
                with Vertical():
                    yield Label(_("The other window's"))
                    yield TextArea(self.theirs, read_only=True, id="theirs")
            yield Static(hint, classes="hint")

    def on_mount(self) -> None:
        for area in self.query(TextArea):
            area.can_focus = False  # the keys come to the question: typing goes on into yours

    def on_key(self, event: events.Key) -> None:
        if not self.keep_both:
            return  # a form's values: nothing is typed into the question
        if event.key == "backspace":
            self.typed = self.typed[:-1]
        elif event.key == "enter":
            self.typed += "\n"
        elif event.is_printable and event.character:
            self.typed += event.character
        else:
            return
        event.stop()
        event.prevent_default()
        yours = self.query_one("#mine", TextArea)
        yours.text = self.mine + self.typed
        yours.scroll_end(animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.keep_both or parameters != (KEEP_BOTH,)

    def action_choose(self, choice: str) -> None:
        if not self.keep_both:
            self.dismiss(choice)
        elif choice == KEEP_MINE:
            self.dismiss(self.mine + self.typed)
        elif choice == TAKE_THEIRS:
            self.dismiss(self.theirs)
        else:
            self.dismiss(f"{self.theirs.rstrip()}\n{self.mine + self.typed}".strip())
