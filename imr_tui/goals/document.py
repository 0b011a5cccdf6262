"""A person's goals on paper: the goal in their words, the steps, the course so far and the IMR Scale.

It is personal: printed for the participant, or for whom they choose to share it with.
Any number of goals, short-term goals and steps run onto as many A4 sheets as they need:
the person's goals first, then the course so far, the IMR Scale as one table per rater,
and the box for "my next step" last. The course and the ratings show their latest part.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from imr_tui.goals.effort import count_effort, effort_sentence, result_strip
from imr_tui.goals.timeline import build_timeline
from imr_tui.i18n import _, format_short_date, ngettext, use_language
from imr_tui.i18n.goal_labels import PHASE_LABELS, RATER_LABELS, goal_label, outcome_label, quoted, step_label
from imr_tui.imrs.display import format_change, format_item_change, format_mean
from imr_tui.imrs.scale import ImrsScale
from imr_tui.imrs.scoring import VersionSummary, summarise
from imr_tui.printing.page import Column, Page, Paragraph, Section, Table, WritingSpace
from imr_tui.store.goal_records import ImrsRatingRecord, ParticipantGoals, RecoveryGoalRecord

TIMELINE_DAYS = 8
"""The latest days of the course on paper; the screen and `imr-tui goals` show them all."""
RATINGS_PER_VERSION = 4
"""The first rating (the start) and the latest ones of each rater: as many as stay readable across A4."""
SCALE_POINTS = 10.0
"""The IMR Scale table's type: a little smaller than the body, so the items' names fit in two lines."""


@dataclass(frozen=True)
class GoalsDocument:
    language: str
    goals: ParticipantGoals
    scale: ImrsScale
    ratings: list[ImrsRatingRecord]
    printed_on: dt.date

    def page(self) -> Page:
        with use_language(self.language):
            name = self.goals.participant.name
            goals = [goal for goal in self.goals.goals if goal.status != "archived"]
            sections = [section for goal in goals for section in self._goal(goal)]
            if not goals:
                sections.append(Section(_("Recovery goal"), (Paragraph(_("No goal yet: many take a few weeks to find one they own.")),)))
            sections += [self._course(), self._imrs(), self._next_step()]
            return Page(
                language=self.language,
                kicker=_("Goals and steps"),
                title=name,
                details=(_("Printed {date}").format(date=format_short_date(self.printed_on)), _("Personal: share it only with the people the participant chooses.")),
                sections=tuple(sections),
                metadata_title=" – ".join((_("Goals and steps"), name)),
            )

    def _goal(self, goal: RecoveryGoalRecord) -> list[Section]:
        blocks = [Paragraph(quoted(goal.text), strong=True)]
        if goal.why:
            blocks.append(Paragraph(_("Why it matters") + f": {goal.why}"))
        blocks.append(Paragraph(_("Set on {date} · {status}").format(date=format_short_date(goal.set_on), status=goal_label(goal.status))))
        for revision in goal.revisions:
            blocks.append(Paragraph(_("until {date}: “{text}”").format(date=format_short_date(revision.replaced_on), text=revision.text)))
        steps: list[Section] = []
        for short in (s for s in goal.short_term_goals if s.status != "archived"):
            when = _("by {date}").format(date=format_short_date(short.target_date)) if short.target_date else ""
            rows = tuple(
                (step.text, format_short_date(step.due_on) if step.due_on else "", step_label(step.status))
                for step in short.steps if step.status != "dropped"
            )  # fmt: skip
            columns = (Column(_("Step"), 0.6), Column(_("Due"), 0.18), Column(_("How it went"), 0.22))
            heading = " · ".join(filter(None, (_("Short-term goal") + f": {short.text}", when, goal_label(short.status))))
            steps.append(Section(heading, (Table(columns, rows),) if rows else (Paragraph(_("No steps yet.")),)))
        return [Section(_("Recovery goal"), tuple(blocks)), *steps]

    def _course(self) -> Section:
        steps = self.goals.all_steps()
        strip = result_strip(steps)
        blocks: list = [Paragraph(effort_sentence(count_effort(steps)) + (f"   {strip}" if strip else ""), strong=True)]
        rows = []
        for day in build_timeline(self.goals)[-TIMELINE_DAYS:]:
            happened = "; ".join(f"{outcome_label(o.result)}: {o.step.text}" + (f" – {o.note}" if o.note else "") for o in day.outcomes)
            promised = "; ".join(step.text for step in day.promised)
            if happened or promised:
                rows.append((format_short_date(day.date), happened, promised))
        if rows:
            columns = (Column(_("Date"), 0.16), Column(_("How the last step went"), 0.46), Column(_("Step until next time"), 0.38))
            blocks.append(Table(columns, tuple(rows)))
        return Section(_("The course so far"), tuple(blocks))

    def _imrs(self) -> Section:
        versions = [v for v in (summarise(self.scale, self.ratings, rater) for rater in ("participant", "clinician")) if v.ratings]
        if not versions:
            return Section(_("IMR Scale"), (Paragraph(_("No ratings yet.")),))
        blocks: list = []
        for version in versions:
            blocks += self._version_table(version)
        note = _("Each item from {lowest} to {highest} ({highest} is best); n/a: not applicable.").format(lowest=self.scale.lowest, highest=self.scale.highest)
        return Section(_("IMR Scale"), (*blocks, Paragraph(note)))

    def _version_table(self, version: VersionSummary) -> list:
        """One rater's ratings: the items down, the chosen ratings across, then the change since the start."""
        indexes = _chosen(version)
        share = 0.5 / (len(indexes) + 1)
        columns = [Column(_("Item"), 0.5)]
        columns += [
            Column(f"{_(PHASE_LABELS[version.ratings[i].phase]).capitalize()} {format_short_date(version.ratings[i].rated_on)}", share, "right")
            for i in indexes
        ]  # fmt: skip
        columns.append(Column(_("Change"), share, "right"))
        rows = []
        for item in self.scale.items:
            row = [f"{item.number}. {item.label}", *(_score(version.ratings[i].scores, item.id) for i in indexes)]
            rows.append((*row, format_item_change(version.item_changes.get(item.id))))
        rows.append((_("Mean"), *(format_mean(version.means[i]) for i in indexes), format_change(version.change)))
        blocks: list = [Paragraph(_(RATER_LABELS[version.rater]), strong=True), Table(tuple(columns), tuple(rows), points=SCALE_POINTS)]
        left_out = len(version.ratings) - len(indexes)
        if left_out:
            blocks.append(Paragraph(ngettext("{count} rating between these is not shown.", "{count} ratings between these are not shown.", left_out).format(count=left_out)))
        return blocks

    def _next_step(self) -> Section:
        planned = [step for step in self.goals.all_steps() if step.status == "planned"]
        blocks: list = []
        if planned:
            step = max(planned, key=lambda s: (s.set_on, s.id))
            due = " (" + _("due {date}").format(date=format_short_date(step.due_on)) + ")" if step.due_on else ""
            blocks.append(Paragraph(step.text + due, strong=True))
        blocks.append(WritingSpace(2))
        return Section(_("My next step"), tuple(blocks), boxed=True)


def _chosen(version: VersionSummary) -> list[int]:
    """Indexes of the ratings on paper: the first and the latest ones."""
    count = len(version.ratings)
    if count <= RATINGS_PER_VERSION:
        return list(range(count))
    return [0, *range(count - RATINGS_PER_VERSION + 1, count)]


def _score(scores: Mapping[str, int | None], item_id: str) -> str:
    if item_id not in scores:
        return "·"
    return _("n/a") if scores[item_id] is None else str(scores[item_id])
