"""Fictional names and texts for the benchmark database.

Names are made by combining first and last names at random; any likeness to a real
person is a coincidence.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

FIRST_NAMES = (
    "Aase", "Adrian", "Agnes", "Alf", "Amalie", "Anders", "Anne", "Arild", "Astrid", "Audun", "Berit", "Bjarne",
    "Brita", "Carl", "Cecilie", "Dagny", "Eirik", "Eli", "Emil", "Erle", "Espen", "Eva", "Finn", "Frida", "Geir",
    "Gry", "Gunnar", "Hallvard", "Hedda", "Helge", "Hilde", "Idun", "Inge", "Iselin", "Jakob", "Jorunn", "Kari",
    "Kjetil", "Laila", "Lars", "Linn", "Magne", "Maja", "Mona", "Morten", "Nils", "Nina", "Odd", "Oda", "Per",
    "Pernille", "Ragnhild", "Roar", "Rune", "Sara", "Sigurd", "Siri", "Solveig", "Stian", "Synne", "Terje", "Thea",
    "Tor", "Tove", "Trond", "Turid", "Vegard", "Vibeke", "Øystein", "Åse",
)  # fmt: skip

LAST_NAMES = (
    "Aamodt", "Berg", "Bakken", "Brekke", "Dahl", "Eide", "Engen", "Fjeld", "Foss", "Gjerde", "Grande", "Haugen",
    "Hauge", "Helland", "Holm", "Hovland", "Jacobsen", "Karlsen", "Kleven", "Knutsen", "Kvalheim", "Lien", "Lunde",
    "Moen", "Myhre", "Nilsen", "Nygaard", "Olsen", "Pedersen", "Rasmussen", "Rød", "Rustad", "Sandvik", "Sletten",
    "Solberg", "Strand", "Sunde", "Svendsen", "Tangen", "Thorsen", "Tveiten", "Ulvestad", "Vik", "Wold", "Ødegaard",
    "Aune", "Bjerke", "Dalen", "Egeland", "Fossum", "Hagen", "Iversen", "Jensen", "Lie", "Mathisen", "Nordby",
    "Riise", "Skog", "Torp", "Vang",
)  # fmt: skip

PLACES = (
    "Nydal", "Solsiden", "Bakkehaug", "Elvebredden", "Fjellstua", "Granlia", "Havnegata", "Kirkeveien", "Lindheim",
    "Moholt", "Sagene", "Torget",
)  # fmt: skip

LOCATIONS = {place: f"{place} helsehus, møterom {index % 4 + 1}" for index, place in enumerate(PLACES)}

LEAVE_REASONS = (
    "Flyttet til en annen kommune", "Begynte i jobb på dagtid", "Ønsket ikke å fortsette", "Innlagt over lengre tid",
    "Byttet til individuell oppfølging",
)  # fmt: skip

CANCEL_REASONS = ("Sykdom hos begge terapeutene", "Fellesmøte for ansatte", "For få påmeldte denne dagen")

SESSION_NOTES = (
    "God stemning, mange delte erfaringer.", "Lite tid til hjemmeoppgaver; tar det opp neste gang.",
    "To deltakere kom for sent på grunn av bussen.", "Rollespill fungerte godt.", "",
)  # fmt: skip

OWN_ASSIGNMENTS = (
    "Skrive ned tre gode ting hver kveld", "Snakke med fastlegen om søvn", "Gå en tur sammen med en venn",
    "Fylle ut stressplanen med familien",
)  # fmt: skip


def people(rng: random.Random) -> Iterator[str]:
    """Endless distinct full names; after every combination is used, with a middle initial."""
    pairs = list(itertools.product(FIRST_NAMES, LAST_NAMES))
    rng.shuffle(pairs)
    yield from (f"{first} {last}" for first, last in pairs)
    for initial in "ABDEGHJKLMNRST":
        yield from (f"{first} {initial}. {last}" for first, last in pairs)


def alias(name: str) -> str:
    parts = name.split()
    return "".join(part[0] for part in (parts[0], parts[-1]))
