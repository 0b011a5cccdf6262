"""Service plans: made near the end of a course, revised about three months later, shared with consent.

The words are drawn from small pools of fictional phrases; the point is realistic sizes and
dates, not realistic plans.
"""

from __future__ import annotations

import datetime as dt
import random

from dataset.tables import Tables, stamp
from imr_tui.models import ShareMethod
from imr_tui.service_plan.content import Contact, content_to_json, to_json
from imr_tui.service_plan.revision_dates import months_later

PLAN_RATE = 0.6
"""Share of those who finish a course with a plan (good practice: everyone)."""
REVISION_RATE = 0.4
SHARE_RATE = 0.7

TRIGGERS = ("For lite søvn", "Konflikter hjemme", "Alkohol i helgene", "Jul og høytider", "Stram økonomi", "Ensomhet", "Store endringer")
SIGNS = ("Jeg sover dårlig", "Jeg trekker meg unna", "Jeg blir rastløs", "Jeg spiser lite", "Jeg slutter å svare på telefonen")
OWN_ACTIONS = ("Går en tur", "Ringer en venn", "Legger meg tidlig", "Bruker mestringskortene", "Sier fra til teamet")
OTHERS_DO = ("Spør hvordan jeg har det", "Bli med meg ut", "Ta kontakt om dere ikke hører fra meg")
OTHERS_DO_NOT = ("Mase", "Snakke over hodet på meg")
WANTED = ("Samtaler med kontaktpersonen", "Hjemmebesøk", "Kort innleggelse om det trengs")
NOT_WANTED = ("Økte medisiner uten samtale først",)
PRACTICAL = ("Passe katten", "Betale regninger", "Si fra på jobben", "Hente barna i barnehagen")
RELATIONS = (("søster", "personal"), ("bror", "personal"), ("venn", "personal"), ("fastlege", "professional"), ("kontaktperson", "professional"))
CRISIS = (Contact("Medisinsk nødtelefon", phone="113"), Contact("Legevakt", phone="116 117"))


class ServicePlans:
    def __init__(self, tables: Tables, rng: random.Random, today: dt.date) -> None:
        self.tables = tables
        self.rng = rng
        self.today = today
        self.planned: set[int] = set()
        """Someone who takes a second course keeps the plan from their first."""

    def write(self, participant_id: int, course_ended: dt.date, therapist_id: int) -> None:
        """A first version in the course's last weeks, perhaps a revision, and the draft as it stands."""
        if course_ended >= self.today or participant_id in self.planned or self.rng.random() >= PLAN_RATE:
            return
        self.planned.add(participant_id)
        made_by = self.tables.rows["therapist"][therapist_id - 1]["name"]
        finished = course_ended - dt.timedelta(days=self.rng.randint(7, 28))
        content = self._content()
        self._version(participant_id, 1, finished, content, therapist_id, made_by)
        number = 1
        revised = months_later(finished, 3) + dt.timedelta(days=self.rng.randint(-10, 20))
        if revised < self.today and self.rng.random() < REVISION_RATE:
            content = {**content, "warning-signs": self._some(SIGNS), "practical": self._some(PRACTICAL)}
            number = 2
            self._version(participant_id, 2, revised, content, therapist_id, made_by)
        self.tables.add("service_plan", stamp(finished), participant_id=participant_id, based_on=number)
        for section_id, value in content.items():
            self.tables.add("service_plan_section", stamp(finished), participant_id=participant_id, section_id=section_id, content=to_json(value))

    def _version(self, participant_id: int, number: int, finished: dt.date, content: dict, therapist_id: int, made_by: str) -> None:
        version_id = self.tables.add(
            "service_plan_version", stamp(finished), participant_id=participant_id, number=number, finished_on=finished,
            review_on=months_later(finished, 3), made_by_id=therapist_id, made_by=made_by, based_on=number - 1 or None,
            content=content_to_json(content),
        )  # fmt: skip
        if self.rng.random() < SHARE_RATE:
            contact = content["contacts"][0]
            self.tables.add(
                "service_plan_share", stamp(finished), participant_id=participant_id, version_id=version_id, person=contact.name,
                relation=contact.relation, shared_on=finished + dt.timedelta(days=self.rng.randint(0, 14)),
                method=self.rng.choice(list(ShareMethod)), consent=True,
            )  # fmt: skip

    def _content(self) -> dict:
        relation, network = self.rng.choice(RELATIONS)
        contact = Contact(f"Kontakt {self.rng.randint(1, 999)}", relation, f"9{self.rng.randint(1000000, 9999999)}", network)
        return {
            "triggers": self._some(TRIGGERS), "warning-signs": self._some(SIGNS), "what-i-do": self._some(OWN_ACTIONS),
            "others-do": self._some(OTHERS_DO), "others-do-not": self._some(OTHERS_DO_NOT), "contacts": (contact,),
            "treatment-wanted": self._some(WANTED), "treatment-not-wanted": self._some(NOT_WANTED),
            "practical": self._some(PRACTICAL), "crisis-numbers": CRISIS,
        }  # fmt: skip

    def _some(self, pool: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.rng.sample(pool, self.rng.randint(1, min(3, len(pool)))))
