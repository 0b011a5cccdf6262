"""What every screen of the app shares: translated key labels and a help text."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.screen import ModalScreen, Screen

from imr_tui.i18n.bindings import translate_bindings

if TYPE_CHECKING:
    from imr_tui.app import IMRApp


class BaseScreen(Screen[None]):
    HELP_TEXT: ClassVar[str] = ""
    """What the screen is for, marked with N_() and shown by f1."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)

    @property
    def imr(self) -> IMRApp:
        return self.app  # type: ignore[return-value]

    def log_access(self, participant_id: int) -> None:
        """Note in the audit trail that this therapist opened the person's record (helsepersonelloven § 21a)."""
        from imr_tui.models import AuditAction

        store = self.imr.store
        self.run_worker(lambda: store.audit.record(AuditAction.VIEW, participant_id), thread=True, group="audit", exit_on_error=False)


ResultT = TypeVar("ResultT")


class BaseModal(ModalScreen[ResultT]):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)
