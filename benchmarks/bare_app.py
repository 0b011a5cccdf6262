"""The framework's floor: a Textual app with a header, a footer and one line of text.

The harness times how long this takes to show READY_TEXT in a real terminal, and
compares imr-tui's first screen with it. Pressing 1 changes the line (KEY_TEXT), the
floor for a key press that changes what is shown.
"""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

READY_TEXT = "Bare Textual app is ready"
KEY_TEXT = "key pressed {count} times"


class BareApp(App[None]):
    BINDINGS = [Binding("1", "press", "Press", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY_TEXT, id="line")
        yield Footer()

    def action_press(self) -> None:
        self.presses += 1
        self.query_one("#line", Static).update(f"{READY_TEXT}: {KEY_TEXT.format(count=self.presses)}")


if __name__ == "__main__":
    BareApp().run()
