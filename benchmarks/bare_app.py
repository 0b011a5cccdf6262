"""The framework's floor: a Textual app with a header, a footer and one line of text.

The harness times how long this takes to show READY_TEXT in a real terminal, and
compares imr-tui's first screen with it.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY_TEXT = "Bare Textual app is ready"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY_TEXT)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
