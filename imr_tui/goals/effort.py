"""Effort, counted the encouraging way: every step tried counts, and "partly" is progress."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from imr_tui.i18n import _, ngettext
from imr_tui.i18n.goal_labels import SYMBOLS
from imr_tui.store.goal_records import StepRecord


@dataclass(frozen=True)
class Effort:
    tried: int
    done: int
    partly: int
    not_done: int
    planned: int

    @property
    def done_or_partly(self) -> int:
        return self.done + self.partly


def count_effort(steps: Iterable[StepRecord]) -> Effort:
    statuses = [step.status for step in steps]
    done, partly, not_done = (statuses.count(status) for status in ("done", "partly", "not_done"))
    return Effort(done + partly + not_done, done, partly, not_done, statuses.count("planned"))


def effort_sentence(effort: Effort) -> str:
    if not effort.tried:
        return _("No steps tried yet: every small step counts.")
    return ngettext("{tried} step tried, {good} done or partly", "{tried} steps tried, {good} done or partly", effort.tried).format(
        tried=effort.tried, good=effort.done_or_partly
    )


def result_strip(steps: Iterable[StepRecord]) -> str:
    """The steps' results in the order they were due, as symbols: progress at a glance."""
    ordered = sorted(steps, key=lambda step: (step.due_on or step.set_on, step.id))
    return "".join(SYMBOLS[step.status] for step in ordered if step.tried)
