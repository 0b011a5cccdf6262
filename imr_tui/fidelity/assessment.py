"""The current assessment of a group: computed items from the data, the team's ratings, the mean and its band.

Plain functions on plain records, so the screen, the command and the report show the same thing.
Team ratings hold until the team rates again: a day without its own assessment shows the latest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from imr_tui.fidelity.scale import FidelityItem, FidelityScale, Measure, ScoreSource, band
from imr_tui.i18n import _, format_short_date
from imr_tui.store.fidelity_records import AssessmentRecord, GroupFacts, ItemScoreRecord


@dataclass(frozen=True)
class Measured:
    value: float | None
    """What the rule compares with its thresholds; None when there is nothing to count yet."""
    evidence: str


@dataclass(frozen=True)
class ItemView:
    item: FidelityItem
    score: int | None
    source: str
    evidence: str
    record: ItemScoreRecord
    """What is (or would be) stored for the item today."""
    previous: int | None = None
    """The score at the assessment before today's, if there was one."""

    @property
    def change(self) -> int | None:
        return None if self.score is None or self.previous is None else self.score - self.previous


@dataclass(frozen=True)
class CurrentAssessment:
    group_id: int
    group_name: str
    assessed_on: dt.date
    items: tuple[ItemView, ...]
    stored: AssessmentRecord | None
    """Today's stored assessment, once the team has rated something today."""
    previous: AssessmentRecord | None

    @property
    def scored(self) -> int:
        return sum(1 for view in self.items if view.score is not None)

    @property
    def mean(self) -> float | None:
        """The mean of all 13 items; None until every item has a score."""
        if not self.items or self.scored < len(self.items):
            return None
        return round(sum(view.score for view in self.items if view.score is not None) / len(self.items), 2)

    @property
    def band(self) -> str | None:
        return band(self.mean)

    def snapshot(self) -> list[ItemScoreRecord]:
        return [view.record for view in self.items]

    def view(self, item_id: str) -> ItemView | None:
        return next((view for view in self.items if view.item.id == item_id), None)


def percent(count: int, total: int) -> float | None:
    return None if total == 0 else 100 * count / total


def measure(kind: Measure, facts: GroupFacts, modules_total: int) -> Measured:
    """What the data says for one measure, with how it was counted."""
    active, held = facts.active_participants, facts.held_sessions
    no_people = _("No active participants in the group")
    no_sessions = _("No group sessions held yet")
    if kind is Measure.ACTIVE_PARTICIPANTS:
        return Measured(active, _("Active participants now: {count}").format(count=active))
    if kind is Measure.PROGRAMME_WEEKS:
        if facts.first_session is None or facts.last_session is None:
            return Measured(None, _("No group sessions planned"))
        return Measured(facts.programme_weeks, _("Weeks with a group session, held or planned: {weeks}, {first} to {last}").format(
            weeks=facts.programme_weeks, first=format_short_date(facts.first_session), last=format_short_date(facts.last_session)))  # fmt: skip
    if kind is Measure.MODULES_COVERED:
        return Measured(len(facts.module_ids), _("Modules covered by sessions, held or planned: {count} of {total}").format(
            count=len(facts.module_ids), total=modules_total))  # fmt: skip
    if kind is Measure.HANDOUT_PERCENT:
        if held == 0:
            return Measured(None, no_sessions)
        return Measured(percent(facts.sessions_with_agenda, held), _("{count} of {held} held sessions had their agenda printed; goal pages printed for {people} of {active} participants").format(
            count=facts.sessions_with_agenda, held=held, people=facts.people_with_goal_page, active=active))  # fmt: skip
    if kind is Measure.SIGNIFICANT_OTHERS_PERCENT:
        if active == 0:
            return Measured(None, no_people)
        return Measured(percent(facts.people_with_network, active), _("{count} of {active} participants have shared their service plan or named someone from their own network").format(
            count=facts.people_with_network, active=active))  # fmt: skip
    if kind is Measure.GOAL_PERCENT:
        if active == 0:
            return Measured(None, no_people)
        return Measured(percent(facts.people_with_goal, active), _("{count} of {active} participants have a recovery goal in their own words").format(
            count=facts.people_with_goal, active=active))  # fmt: skip
    if held == 0:
        return Measured(None, no_sessions)
    return Measured(percent(facts.sessions_followed_up, held), _("Steps were followed up at {count} of {held} held sessions").format(
        count=facts.sessions_followed_up, held=held))  # fmt: skip


def current_assessment(
    scale: FidelityScale, group_id: int, group_name: str, facts: GroupFacts, modules_total: int,
    assessments: list[AssessmentRecord], today: dt.date,
) -> CurrentAssessment:  # fmt: skip
    stored = next((a for a in assessments if a.assessed_on == today), None)
    earlier = [a for a in assessments if a.assessed_on < today]
    previous = earlier[-1] if earlier else None
    latest = stored or previous
    views = []
    for item in scale.items:
        kept = stored.scores.get(item.id) if stored else None
        view = _data_view(item, facts, modules_total, kept) if item.rule else _team_view(item, kept, latest if kept is None else stored)
        prior = previous.scores.get(item.id) if previous else None
        views.append(ItemView(view.item, view.score, view.source, view.evidence, view.record, prior.score if prior else None))
    return CurrentAssessment(group_id, group_name, today, tuple(views), stored, previous)


def _data_view(item: FidelityItem, facts: GroupFacts, modules_total: int, kept: ItemScoreRecord | None) -> ItemView:
    rule = item.rule
    assert rule is not None, "only items with a rule are scored from the data"
    measured = measure(rule.measure, facts, modules_total)
    computed = None if measured.value is None else rule.score(measured.value)
    if kept is not None and kept.override_reason:
        evidence = _("{evidence}; the team set {score} instead of {computed}: {reason}").format(
            evidence=measured.evidence, score=kept.score, computed="–" if computed is None else computed, reason=kept.override_reason)  # fmt: skip
        record = ItemScoreRecord(item.id, ScoreSource.TEAM, kept.score, computed, override_reason=kept.override_reason, note=kept.note)
        return ItemView(item, kept.score, ScoreSource.TEAM, evidence, record)
    record = ItemScoreRecord(item.id, ScoreSource.DATA, computed, computed, note=kept.note if kept else "")
    return ItemView(item, computed, ScoreSource.DATA, measured.evidence, record)


def _team_view(item: FidelityItem, kept: ItemScoreRecord | None, source: AssessmentRecord | None) -> ItemView:
    rated = kept or (source.scores.get(item.id) if source else None)
    if rated is None or rated.score is None:
        record = ItemScoreRecord(item.id, ScoreSource.TEAM, None)
        return ItemView(item, None, ScoreSource.TEAM, _("Not rated yet: the team rates it on the fidelity screen"), record)
    assert source is not None, "a rating comes from today's assessment or the one shown before it"
    raters = "/".join(str(score) for score in (rated.rater_1_score, rated.rater_2_score) if score is not None)
    evidence = _("Rated by the team on {date}").format(date=format_short_date(source.assessed_on))
    if raters:
        evidence += " · " + _("raters: {scores}").format(scores=raters)
    if rated.note:
        evidence += " · " + rated.note
    return ItemView(item, rated.score, ScoreSource.TEAM, evidence, rated)


def assess(store, scale: FidelityScale, modules_total: int, group_id: int, group_name: str, today: dt.date) -> CurrentAssessment:
    """The group's assessment today, read from the store in a fixed number of queries."""
    facts = store.fidelity.facts(group_id, today)
    return current_assessment(scale, group_id, group_name, facts, modules_total, store.fidelity.assessments(group_id), today)


def as_data(assessment: CurrentAssessment) -> dict:
    """The assessment for scripts: `imr-tui fidelity GROUP --json`."""
    return {
        "group": assessment.group_name,
        "assessed_on": assessment.assessed_on.isoformat(),
        "items": [
            {"number": view.item.number, "id": view.item.id, "title": str(view.item.title), "score": view.score,
             "source": str(view.source), "evidence": view.evidence}
            for view in assessment.items
        ],
        "mean": assessment.mean,
        "band": assessment.band,
    }  # fmt: skip
