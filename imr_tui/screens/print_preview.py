"""What will be printed, before it is: the document as text, then saved as a PDF or sent to the printer.

The screen shows any document; a `PrintJob` says how to make it, what it is called and
whether it has a sign-in list to add.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from imr_tui.i18n import N_, _
from imr_tui.screens.base import BaseModal

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from imr_tui.printing.output import Document
    from imr_tui.store import Store


def documents_folder() -> Path:
    from platformdirs import user_documents_path

    from imr_tui.paths import make_private_dir

    return make_private_dir(user_documents_path() / "imr-tui")


@dataclass(frozen=True)
class PrintJob:
    title: Callable[[], str]
    """The preview's heading, translated when shown."""
    make: Callable[..., Document]
    """(what `fetch` read, curriculum, with_names) -> the document; runs in a worker with the rendering.
    The document carries its own language (the group's), used for every text on it."""
    file_name: Callable[[object], str]
    """The PDF's name in the documents folder, from the document."""
    fetch: Callable[[Store], object]
    """What the document is made from, read through the store gateway."""
    names_option: bool = False
    """The document can carry a sign-in list (w): the agenda."""
    handed_out: Callable[[Store], None] | None = None
    """The store call that notes a handout given (for the fidelity self-assessment), once it is saved or printed."""


def agenda_job(session_id: int) -> PrintJob:
    def make(found, curriculum, with_names: bool):
        from imr_tui.printing.agenda import agenda_from

        overview, plan = found
        return agenda_from(overview, plan, curriculum, with_names=with_names, in_group_language=True)

    def file_name(document) -> str:
        from imr_tui.printing.output import slug

        return f"agenda-{slug(document.group_name or '')}-{document.date.isoformat()}.pdf".replace("--", "-")

    def handed_out(store: Store) -> None:
        store.fidelity.record_print("agenda", session_id=session_id)

    def fetch(store: Store) -> tuple[object, object]:
        overview = store.sessions.overview(session_id)
        return overview, store.schedule.plan(overview.session.group_id)

    return PrintJob(lambda: _("The agenda as it will be printed (one A4 page)"), make, file_name, fetch=fetch, names_option=True, handed_out=handed_out)


def schedule_job(group_id: int) -> PrintJob:
    def make(plan, curriculum, _with_names: bool):
        from imr_tui.printing.schedule import ScheduleDocument

        return ScheduleDocument(plan.language, plan, curriculum)

    def file_name(document) -> str:
        from imr_tui.printing.output import slug

        return f"schedule-{slug(document.plan.name)}.pdf"

    return PrintJob(lambda: _("The course schedule as it will be printed (A4, no names)"), make, file_name, fetch=lambda store: store.schedule.plan(group_id))


def fidelity_job(group_id: int, group_name: str, language: str, modules: int, today: dt.date) -> PrintJob:
    def fetch(store: Store) -> object:
        from imr_tui.fidelity.assessment import assess
        from imr_tui.fidelity.loader import load_fidelity_scale

        return assess(store, load_fidelity_scale(), modules, group_id, group_name, today)

    def make(assessment, _curriculum, _with_names: bool):
        from imr_tui.fidelity.document import FidelityDocument

        return FidelityDocument(language, assessment)

    def file_name(document) -> str:
        from imr_tui.printing.output import slug

        return f"fidelity-{slug(group_name)}-{document.assessment.assessed_on.isoformat()}.pdf"

    return PrintJob(lambda: _("The fidelity self-assessment as it will be printed (A4, no participant names)"), make, file_name, fetch=fetch)


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
        return self.imr.settings.printer

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_names":
            return self.job.names_option
        return True

    def on_mount(self) -> None:
        self.prepare()

    def prepare(self) -> None:
        """Read what the document needs through the gateway, then lay it out in a worker (file work)."""
        with_names = self.with_names
        self.read(self.job.fetch, lambda found: self.lay_out(found, with_names))

    @work(thread=True, exit_on_error=False, exclusive=True, group="print")
    def lay_out(self, found: object, with_names: bool) -> None:
        from imr_tui.printing.output import pages_of
        from imr_tui.printing.text import render_text

        document = self.job.make(found, self.imr.curriculum, with_names)
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

    @work(thread=True, exit_on_error=False, exclusive=True, group="print-save")
    def save(self, document, printer: str | None) -> None:
        from imr_tui.printing import render

        path = render(document, documents_folder() / self.job.file_name(document))
        job = ""
        if printer:
            from imr_tui.printing.printer import send_to_printer

            job = send_to_printer(path, printer)  # a refusal is reported by the app, and the PDF stays
        self.post_message(self.Saved(path, printer, job))

    def on_print_preview_screen_saved(self, message: Saved) -> None:
        if self.job.handed_out is not None:
            # The count is a nicety: the handout is saved and printed whatever the store says.
            self.write(self.job.handed_out, failed=lambda error: True)
        if message.printer:
            self.notify(_("Sent to the printer {printer}; the PDF is kept at {path}").format(printer=message.printer, path=message.path), timeout=10)
        else:
            self.notify(_("Saved as a PDF: {path}").format(path=message.path), timeout=10)
        self.dismiss(None)
