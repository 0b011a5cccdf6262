"""What will be printed, before it is: the document as text, then saved as a PDF or sent to the printer.

The screen shows any document; a `PrintJob` says how to make it, what it is called and
whether it has a sign-in list to add.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class PrintJob:
    title: Callable[[], str]
    """The preview's heading, translated when shown."""
    make: Callable[[object, bool], object]
    """(app, with_names) -> the document; runs in a worker, as it reads the store."""
    file_name: Callable[[object], str]
    """The PDF's name in the documents folder, from the document."""
    names_option: bool = False
    """The document can carry a sign-in list (w): the agenda."""


def agenda_job(session_id: int) -> PrintJob:
    def make(app, with_names: bool):
        from imr_tui.printing import agenda_document

        return agenda_document(app.store, app.curriculum, session_id, with_names=with_names, in_group_language=True)

    def file_name(document) -> str:
        from imr_tui.printing.output import slug

        return f"agenda-{slug(document.group_name or '')}-{document.date.isoformat()}.pdf".replace("--", "-")

    return PrintJob(lambda: _("The agenda as it will be printed (one A4 page)"), make, file_name, names_option=True)


def schedule_job(group_id: int) -> PrintJob:
    def make(app, _with_names: bool):
        from imr_tui.printing.schedule import ScheduleDocument

        plan = app.store.schedule.plan(group_id)
        return ScheduleDocument(plan.language, plan, app.curriculum)

    def file_name(document) -> str:
        from imr_tui.printing.output import slug

        return f"schedule-{slug(document.plan.name)}.pdf"

    return PrintJob(lambda: _("The course schedule as it will be printed (A4, no names)"), make, file_name)


class PrintPreviewScreen(BaseModal[None]):
    CSS_PATH = "print_preview.tcss"
    BINDINGS = [
        Binding("s", "save", N_("Save PDF"), id="print.save"),
        Binding("p", "print", N_("Print"), id="print.print"),
        Binding("w", "toggle_names", N_("Sign-in list"), id="print.names"),
        Binding("escape", "dismiss", N_("Close"), id="print.close"),
    ]

    class Ready(Message):
        def __init__(self, document, text: str) -> None:
            super().__init__()
            self.document, self.text = document, text

    class Saved(Message):
        def __init__(self, path: Path, printer: str | None, job: str) -> None:
            super().__init__()
            self.path, self.printer, self.job = path, printer, job

    def __init__(self, job: PrintJob | int) -> None:
        super().__init__()
        # A session id alone means its agenda: the most common print by far.
        self.job = agenda_job(job) if isinstance(job, int) else job
        self.with_names = False
        self.document = None

    def compose(self) -> ComposeResult:
        with Vertical(id="preview-box"):
            yield Static(id="preview-title")
            with VerticalScroll(id="preview-scroll"):
                yield Static(id="preview")
            yield Static(self._hint(), classes="hint")

    def _hint(self) -> str:
        parts = [_("s save as PDF"), _("p print on {printer}").format(printer=self.printer) if self.printer else ""]
        if self.job.names_option:
            parts.append(_("w sign-in list with names on/off"))
        parts.append(_("escape close"))
        return " · ".join(filter(None, parts))

    @property
    def printer(self) -> str | None:
        return self.app.settings.printer

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_names":
            return self.job.names_option
        return True

    def on_mount(self) -> None:
        self.prepare()

    @work(thread=True, exclusive=True, group="print")
    def prepare(self) -> None:
        from imr_tui.printing.output import pages_of
        from imr_tui.printing.text import render_text

        document = self.job.make(self.app, self.with_names)
        text = "\n\n".join(render_text(page) for page in pages_of(document))
        self.post_message(self.Ready(document, text))

    def on_print_preview_screen_ready(self, message: Ready) -> None:
        self.document = message.document
        self.query_one("#preview", Static).update(message.text)
        title = self.job.title()
        if self.with_names:
            title += "  ·  " + _("with participants' names")
        self.query_one("#preview-title", Static).update(title)

    def action_toggle_names(self) -> None:
        self.with_names = not self.with_names
        self.prepare()

    def action_save(self) -> None:
        if self.document is not None:
            self.save(self.document, None)

    def action_print(self) -> None:
        if self.document is None:
            return
        if not self.printer:
            from imr_tui.paths import config_file

            self.notify(
                _('No printer is set. Add a line such as printer = "Office" to {file}, or save the PDF with s.').format(file=config_file()),
                severity="warning",
                timeout=10,
            )
            return
        self.save(self.document, self.printer)

    @work(thread=True, exclusive=True, group="print-save")
    def save(self, document, printer: str | None) -> None:
        from imr_tui.printing import render

        path = render(document, documents_folder() / self.job.file_name(document))
        job = ""
        if printer:
            from imr_tui.printing.printer import send_to_printer

            job = send_to_printer(path, printer)  # a refusal is reported by the app, and the PDF stays
        self.post_message(self.Saved(path, printer, job))

    def on_print_preview_screen_saved(self, message: Saved) -> None:
        if message.printer:
            self.notify(_("Sent to the printer {printer}; the PDF is kept at {path}").format(printer=message.printer, path=message.path), timeout=10)
        else:
            self.notify(_("Saved as a PDF: {path}").format(path=message.path), timeout=10)
        self.dismiss(None)
