"""Demo service plans: fictional people's plans, some revised once, one due and one overdue for review.

The words are made up for the demo; any likeness to a real person's plan is a coincidence.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from imr_tui.models import Participant, ServicePlan, ServicePlanSection, ServicePlanShare, ServicePlanVersion, Therapist
from imr_tui.service_plan.content import Contact, ServicePlanContent, content_to_json, to_json
from imr_tui.service_plan.revision_dates import months_later

CRISIS_NUMBERS = (Contact("Medisinsk nødtelefon", phone="113"), Contact("Legevakt", phone="116 117"), Contact("Mental Helse Hjelpetelefonen", phone="116 123"))

ASTRID_FIRST: ServicePlanContent = {
    "when-well": "Jeg står opp før ni, går tur med hunden og ringer søsteren min et par ganger i uka.",
    "triggers": ("For lite søvn flere netter på rad", "Konflikter på jobben", "Når jeg slutter å ta medisinene"),
    "warning-signs": ("Jeg sover under fem timer", "Jeg trekker meg unna venner", "Jeg blir rastløs og irritabel"),
    "what-i-do": ("Legger meg før elleve", "Ringer søsteren min", "Går en lang tur"),
    "others-do": ("Spør hvordan jeg sover",),
    "others-do-not": ("Mase om at jeg må ta meg sammen",),
    "contacts": (Contact("Siri Kvamme", "søster", "900 11 222", "personal"), Contact("Fastlege Nilsen", "fastlege", "22 33 44 55", "professional")),
    "treatment-wanted": ("Samtaler med kontaktpersonen min",),
    "treatment-not-wanted": (),
    "practical": ("Noen må passe hunden Bamse",),
    "crisis-numbers": CRISIS_NUMBERS,
}
ASTRID_SECOND: ServicePlanContent = {
    **ASTRID_FIRST,
    "triggers": ("For lite søvn tre netter på rad", "Konflikter på jobben", "Når jeg slutter å ta medisinene", "Store endringer, som flytting"),
    "warning-signs": ("Jeg sover under fem timer", "Jeg trekker meg unna venner", "Jeg slutter å svare på telefonen"),
    "others-do": ("Spør hvordan jeg sover", "Bli med meg på tur"),
    "contacts": (
        Contact("Siri Kvamme", "søster", "900 11 222", "personal"),
        Contact("Fastlege Nilsen", "fastlege", "22 33 44 55", "professional"),
        Contact("Tone Berg", "kontaktperson i kommunen", "41 22 33 44", "professional"),
    ),
    "treatment-wanted": ("Samtaler med kontaktpersonen min", "Kortere sykmelding heller enn innleggelse, om det går"),
    "treatment-not-wanted": ("Ikke øke medisinene uten at vi har snakket sammen først",),
}
HANNE_FIRST: ServicePlanContent = {
    "when-well": "Jeg maler, treffer venner på kafé og jobber tre dager i uka.",
    "triggers": ("Jul og høytider", "Når økonomien blir stram"),
    "warning-signs": ("Jeg hører stemmer oftere", "Jeg spiser lite"),
    "what-i-do": ("Bruker mestringskortene mine", "Sier fra til teamet"),
    "others-do": ("Ta kontakt om dere ikke har hørt fra meg på tre dager",),
    "others-do-not": (),
    "contacts": (Contact("Per Myrvold", "bror", "911 22 333", "personal"), Contact("FACT-teamet", "behandlere", "23 45 67 89", "professional")),
    "treatment-wanted": ("Hjemmebesøk fra teamet",),
    "treatment-not-wanted": ("Tvangsinnleggelse hvis det finnes andre muligheter",),
    "practical": ("Betale husleia", "Si fra på jobben"),
    "crisis-numbers": CRISIS_NUMBERS,
}
HANNE_SECOND: ServicePlanContent = {
    **HANNE_FIRST,
    "warning-signs": ("Jeg hører stemmer oftere", "Jeg spiser lite", "Jeg maler ikke lenger"),
    "practical": ("Betale husleia", "Si fra på jobben", "Vanne plantene"),
}
BJORN_FIRST: ServicePlanContent = {
    "when-well": "Jeg går på trening og hjelper til i borettslaget.",
    "triggers": ("Alkohol i helgene",),
    "warning-signs": ("Jeg blir mistenksom overfor naboene",),
    "what-i-do": ("Ringer kontaktpersonen min",),
    "contacts": (Contact("Lise Eliassen", "mor", "480 00 111", "personal"),),
    "crisis-numbers": CRISIS_NUMBERS,
}
DAG_DRAFT: ServicePlanContent = {
    "triggers": ("Ensomhet",),
    "warning-signs": ("Jeg slutter å lage mat",),
}

# (name, [(content, days before today finished, therapist)], draft changes, shares: (person, relation, method, version))
PLANS: tuple[tuple[str, list[tuple[ServicePlanContent, int, str]], ServicePlanContent | None, list[tuple[str, str, str, int]]], ...] = (
    ("Astrid Kvamme", [(ASTRID_FIRST, 200, "Ingrid Vestby"), (ASTRID_SECOND, 96, "Jonas Hagerup")], None, [("Siri Kvamme", "søster", "printed", 2), ("Fastlege Nilsen", "fastlege", "pdf", 1)]),
    ("Hanne Myrvold", [(HANNE_FIRST, 150, "Marte Solum"), (HANNE_SECOND, 82, "Marte Solum")], None, [("FACT-teamet", "behandlere", "shown", 2)]),
    ("Bjørn Eliassen", [(BJORN_FIRST, 30, "Ingrid Vestby")], {"others-do": ("Kom innom med kaffe",)}, []),
    ("Dag Ødegård", [], DAG_DRAFT, []),
)


def add_service_plans(session: Session, today: dt.date) -> None:
    people = {person.name: person.id for person in session.exec(select(Participant)).all()}
    therapists = {therapist.name: therapist.id for therapist in session.exec(select(Therapist)).all()}
    for name, versions, draft_changes, shares in PLANS:
        participant_id = people[name]
        version_ids = {}
        for number, (content, days_ago, made_by) in enumerate(versions, start=1):
            finished = today - dt.timedelta(days=days_ago)
            version = ServicePlanVersion(
                participant_id=participant_id, number=number, finished_on=finished, review_on=months_later(finished, 3),
                made_by_id=therapists[made_by], made_by=made_by, based_on=number - 1 or None, content=content_to_json(content),
            )  # fmt: skip
            session.add(version)
            session.flush()
            version_ids[number] = (version.id, finished)
        draft = {**(versions[-1][0] if versions else {}), **(draft_changes or {})}
        session.add(ServicePlan(participant_id=participant_id, based_on=len(versions) or None))
        session.add_all(ServicePlanSection(participant_id=participant_id, section_id=key, content=to_json(value)) for key, value in draft.items())
        for person, relation, method, number in shares:
            version_id, finished = version_ids[number]
            session.add(ServicePlanShare(participant_id=participant_id, version_id=version_id, person=person, relation=relation,
                                         shared_on=finished + dt.timedelta(days=2), method=method, consent=True))  # fmt: skip
