"""What will be printed, before it is: the agenda as text, then saved as a one-page PDF."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from imr_tui.i18n import N_, _
from imr_tui.screens.base import BaseModal


def documents_folder() -> Path:
    from platformdirs import user_documents_path

    from imr_tui.paths import make_private_dir

    return make_private_dir(user_documents_path() / "imr-tui")


class PrintPreviewScreen(BaseModal[None]):
    CSS_PATH = "print_preview.tcss"
    BINDINGS = [
        Binding("s", "save", N_("Save PDF"), id="print.save"),
        Binding("w", "toggle_names", N_("Sign-in list"), id="print.names"),
        Binding("escape", "dismiss", N_("Close"), id="print.close"),
    ]

    class Ready(Message):
        def __init__(self, document, text: str) -> None:
            super().__init__()
            self.document, self.text = document, text

    class Saved(Message):
        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id
        self.with_names = False
        self.document = None

    def compose(self) -> ComposeResult:
        with Vertical(id="preview-box"):
            yield Static(id="preview-title")
            with VerticalScroll(id="preview-scroll"):
                yield Static(id="preview")
            yield Static(_("s save as PDF · w sign-in list with names on/off · escape close"), classes="hint")

    def on_mount(self) -> None:
        self.prepare()

    @work(thread=True, exclusive=True, group="print")
    def prepare(self) -> None:
        from imr_tui.printing import agenda_as_text, agenda_document

        document = agenda_document(self.app.store, self.app.curriculum, self.session_id, with_names=self.with_names)
        self.post_message(self.Ready(document, agenda_as_text(document)))

    def on_print_preview_screen_ready(self, message: Ready) -> None:
        self.document = message.document
        self.query_one("#preview", Static).update(message.text)
        title = _("The agenda as it will be printed (one A4 page)")
        if self.with_names:
            title += "  ·  " + _("with participants' names")
        self.query_one("#preview-title", Static).update(title)

    def action_toggle_names(self) -> None:
        self.with_names = not self.with_names
        self.prepare()

    def action_save(self) -> None:
        if self.document is not None:
            self.save(self.document)

    @work(thread=True, exclusive=True, group="print-save")
    def save(self, document) -> None:
        from imr_tui.printing import render
        from imr_tui.printing.output import slug

        name = f"agenda-{slug(document.group_name or '')}-{document.date.isoformat()}.pdf".replace("--", "-")
        self.post_message(self.Saved(render(document, documents_folder() / name)))

    def on_print_preview_screen_saved(self, message: Saved) -> None:
        self.notify(_("The agenda is saved as a PDF: {path}").format(path=message.path), timeout=10)
        self.dismiss(None)
