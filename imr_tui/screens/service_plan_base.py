"""What the screens of one person's service plan share: reading the plan in a worker, and hiding it while presenting."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.message import Message

from imr_tui.screens.base import BaseScreen
from imr_tui.service_plan.template import PlanTemplate
from imr_tui.store.service_plan_records import ServicePlanRecord


class PlanScreen(BaseScreen):
    CSS_PATH = "service_plan.tcss"
    SHOWN_WHILE_PRIVATE: ClassVar[str] = "#plan-body, #plan-state"
    """What presentation mode hides; `#plan-hidden` says so instead."""

    class Loaded(Message):
        def __init__(self, plan: ServicePlanRecord, template: PlanTemplate) -> None:
            super().__init__()
            self.plan, self.template = plan, template

    def __init__(self, participant_id: int) -> None:
        super().__init__()
        self.participant_id = participant_id
        self.plan: ServicePlanRecord | None = None
        self.template: PlanTemplate | None = None

    def on_mount(self) -> None:
        self.log_access(self.participant_id)
        self.watch(self.app, "presentation_mode", self.show_presentation, init=False)
        self.load()

    def read(self, template: PlanTemplate) -> ServicePlanRecord:
        """Runs in the worker: the plan as this screen needs it."""
        return self.imr.store.service_plans.plan(self.participant_id, template)

    @work(thread=True, exclusive=True, group="service_plan")
    def load(self) -> None:
        from imr_tui.service_plan import load_template

        template = load_template()  # a service's template with problems is reported by the app, by file and line
        self.post_message(self.Loaded(self.read(template), template))

    def show_presentation(self, _presenting: bool | None = None) -> None:
        presenting = self.imr.presentation_mode
        for widget in self.query(self.SHOWN_WHILE_PRIVATE):
            widget.display = not presenting
        self.query_one("#plan-hidden").display = presenting
        if presenting:
            self.set_focus(None)  # typing must not go on into a hidden plan
