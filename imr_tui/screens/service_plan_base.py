"""What the screens of one person's service plan share: reading the plan through the gateway, and hiding it while presenting."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.message import Message

from imr_tui.screens.base import BaseScreen
from imr_tui.service_plan.template import ServicePlanTemplate
from imr_tui.store.service_plan_records import ServicePlanRecord

if TYPE_CHECKING:
    from imr_tui.store import Store


class ServicePlanScreenBase(BaseScreen):
    CSS_PATH = "service_plan.tcss"
    SHOWN_WHILE_PRIVATE: ClassVar[str] = "#plan-body, #plan-state"
    """What presentation mode hides; `#plan-hidden` says so instead."""

    class Loaded(Message):
        def __init__(self, plan: ServicePlanRecord, template: ServicePlanTemplate) -> None:
            super().__init__()
            self.plan, self.template = plan, template

    def __init__(self, participant_id: int) -> None:
        super().__init__()
        self.participant_id = participant_id
        self.plan: ServicePlanRecord | None = None
        self.template: ServicePlanTemplate | None = None

    def on_mount(self) -> None:
        self.log_access(self.participant_id)
        self.watch(self.app, "presentation_mode", self.show_presentation, init=False)
        self.load()

    @staticmethod
    def plan_of(store: Store, participant_id: int, template: ServicePlanTemplate) -> ServicePlanRecord:
        """On the database thread: the plan as this screen needs it."""
        return store.service_plans.plan(participant_id, template)

    def load(self) -> None:
        participant_id, plan_of = self.participant_id, self.plan_of

        def read(store: Store) -> tuple[ServicePlanRecord, ServicePlanTemplate]:
            from imr_tui.service_plan import load_template

            template = load_template()  # a service's template with problems is reported by the app, by file and line
            return plan_of(store, participant_id, template), template

        def loaded(found: tuple[ServicePlanRecord, ServicePlanTemplate]) -> None:
            self.post_message(self.Loaded(*found))

        self.read(read, loaded)

    def load_after_undo(self) -> None:
        self.call_after_refresh(self.load)  # after the undo is queued: the reading then sees it

    def show_presentation(self, _presenting: bool | None = None) -> None:
        presenting = self.imr.presentation_mode
        for widget in self.query(self.SHOWN_WHILE_PRIVATE):
            widget.display = not presenting
        self.query_one("#plan-hidden").display = presenting
        if presenting:
            self.set_focus(None)  # typing must not go on into a hidden plan
