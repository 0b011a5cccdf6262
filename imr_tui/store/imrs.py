"""IMR Scale ratings: reading a person's history, and entering a rating item by item as it is typed."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlmodel import Session, col, select

from imr_tui.errors import BadInputError
from imr_tui.goals.fields import FieldError
from imr_tui.i18n import _
from imr_tui.imrs.scale import ImrsScale
from imr_tui.models import ImrsPhase, ImrsRater, ImrsRating, ImrsScore
from imr_tui.models.base import utc_now
from imr_tui.store.database import Database
from imr_tui.store.goal_records import ImrsRatingRecord
from imr_tui.store.versions import last_writer_wins


class ImrsService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def history(self, participant_id: int) -> list[ImrsRatingRecord]:
        """Every rating of the person, oldest first, in two queries."""
        with self.database.reading() as session:
            ratings = session.exec(
                select(ImrsRating).where(ImrsRating.participant_id == participant_id).order_by(ImrsRating.rated_on, ImrsRating.id)
            ).all()
            scores = session.exec(select(ImrsScore).where(col(ImrsScore.rating_id).in_([rating.id for rating in ratings]))).all()
        by_rating: dict[int, dict[str, int | None]] = defaultdict(dict)
        for score in scores:
            by_rating[score.rating_id][score.item_id] = score.score
        return [ImrsRatingRecord(r.id, r.rated_on, r.rater, r.phase, r.note, dict(by_rating.get(r.id, {}))) for r in ratings]

    def add_rating(self, participant_id: int, rated_on: dt.date, rater: str, phase: str) -> int:
        ImrsRater(rater), ImrsPhase(phase)
        with self.database.transaction() as session:
            rating = ImrsRating(participant_id=participant_id, rated_on=rated_on, rater=rater, phase=phase)
            session.add(rating)
            session.flush()
            return rating.id

    def put_rating(self, scale: ImrsScale, rating_id: int | None, participant_id: int, rated_on: dt.date, rater: str, phase: str,
                   scores: dict[str, int | None]) -> int:  # fmt: skip
        """The whole rating exactly as given (details and every score), in one transaction; returns its id.

        None makes a new one. Safe to run twice: the entry window sends the whole rating each
        time, so a write tried again after a lost connection, or one of two, leaves the same.
        """
        ImrsRater(rater), ImrsPhase(phase)
        for item_id, score in scores.items():
            item = scale.item(item_id)
            if item is None or not scale.allows(item, score):
                raise FieldError(item_id, _("rate from {lowest} to {highest} ({highest} is best); this item is rated for everyone").format(lowest=scale.lowest, highest=scale.highest))
        with self.database.transaction() as session:
            if rating_id is None:
                rating = ImrsRating(participant_id=participant_id, rated_on=rated_on, rater=rater, phase=phase)
                session.add(rating)
                session.flush()
            else:
                rating = _rating(session, rating_id)
                rating.rated_on, rating.rater, rating.phase, rating.updated_at = rated_on, rater, phase, utc_now()
            rows = {row.item_id: row for row in session.exec(select(ImrsScore).where(ImrsScore.rating_id == rating.id)).all()}
            for item_id, row in rows.items():
                if item_id not in scores:
                    session.delete(row)
            for item_id, score in scores.items():
                if item_id not in rows:
                    session.add(ImrsScore(rating_id=rating.id, item_id=item_id, score=score))
                elif rows[item_id].score != score:
                    rows[item_id].score, rows[item_id].updated_at = score, utc_now()
            return rating.id

    # The date, rater, phase and each item's score are last writer wins by design: each is one
    # choice from a short list, entered with the person and shown at once in the entry window.

    def set_details(self, rating_id: int, *, rated_on: dt.date | None = None, rater: str | None = None, phase: str | None = None, note: str | None = None) -> None:
        def write(session: Session):
            rating = _rating(session, rating_id)
            if rated_on is not None:
                rating.rated_on = rated_on
            if rater is not None:
                rating.rater = ImrsRater(rater)
            if phase is not None:
                rating.phase = ImrsPhase(phase)
            if note is not None:
                rating.note = note
            rating.updated_at = utc_now()

        last_writer_wins(self.database, write)

    def set_score(self, scale: ImrsScale, rating_id: int, item_id: str, score: int | None) -> None:
        """One item's score; None is "not applicable", refused where the scale does not allow it."""
        item = scale.item(item_id)
        if item is None:
            raise BadInputError(_("the IMR Scale has no item '{item}'").format(item=item_id))
        if not scale.allows(item, score):
            raise FieldError(item_id, _("rate from {lowest} to {highest} ({highest} is best); this item is rated for everyone").format(lowest=scale.lowest, highest=scale.highest))

        def write(session: Session):
            _rating(session, rating_id)
            row = session.exec(select(ImrsScore).where(ImrsScore.rating_id == rating_id, ImrsScore.item_id == item_id)).first()
            if row is None:
                session.add(ImrsScore(rating_id=rating_id, item_id=item_id, score=score))
            else:
                row.score, row.updated_at = score, utc_now()

        last_writer_wins(self.database, write)

    def clear_score(self, rating_id: int, item_id: str) -> None:
        """The item is not answered (yet): it counts neither as a score nor as "not applicable"."""

        def write(session: Session):
            row = session.exec(select(ImrsScore).where(ImrsScore.rating_id == rating_id, ImrsScore.item_id == item_id)).first()
            if row is not None:
                session.delete(row)

        last_writer_wins(self.database, write)

    def delete_rating(self, rating_id: int) -> None:
        with self.database.transaction() as session:
            rating = session.get(ImrsRating, rating_id)
            if rating is not None:
                session.delete(rating)


def _rating(session, rating_id: int) -> ImrsRating:
    rating = session.get(ImrsRating, rating_id)
    if rating is None:
        raise BadInputError(_("this rating was deleted in another window; close this view and open it again"))
    return rating
