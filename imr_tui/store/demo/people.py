"""Fictional people for the demo. Any likeness to a real person is a coincidence."""

from __future__ import annotations

THERAPISTS = [
    ("Ingrid Vestby", "ingrid.vestby@example.org"),
    ("Jonas Hagerup", "jonas.hagerup@example.org"),
    ("Marte Solum", "marte.solum@example.org"),
    ("Even Bråthen", "even.brathen@example.org"),
]

# (name, alias shown on shared screens, needs pick-up)
DAILY_GROUP_PEOPLE = [
    ("Astrid Kvamme", "AK", False),
    ("Bjørn Eliassen", "Bjørn E.", True),
    ("Camilla Sæter", "CS", False),
    ("Dag Ødegård", "DØ", False),
    ("Elin Grønvold", "Elin", True),
    ("Fredrik Aas", "FA", False),
    ("Guro Lindgren", "GL", False),
]

WEEKLY_GROUP_PEOPLE = [
    ("Hanne Myrvold", "HM", False),
    ("Ivar Stensrud", "IS", True),
    ("Janne Fjellheim", "Janne", False),
    ("Kristoffer Lie", "KL", False),
    ("Liv Årdal", "LÅ", True),
    ("Magnus Tveit", "MT", False),
    ("Nora Bakkehaug", "NB", False),
    ("Ole Rimestad", "OR", False),
]

# A recovery goal in the person's own words, why it matters, a short-term goal, and steps.
GOALS = [
    ("Jeg vil begynne å jobbe litt igjen", "Jeg savner å være til nytte og ha kolleger", "Finne ut hva slags arbeid som passer meg",
     ["Ringe NAV-veilederen og avtale et møte", "Skrive ned tre ting jeg var god til i forrige jobb", "Besøke arbeidstreningen en formiddag"]),
    ("Jeg vil ha mer kontakt med datteren min", "Hun er det viktigste jeg har", "Ha fast kontakt hver uke",
     ["Sende en melding på søndag", "Foreslå en tur på lørdag", "Kjøpe billetter til kino for oss to"]),
    ("Jeg vil sove bedre og ha mer energi", "Da orker jeg å gjøre ting jeg liker", "Få en fast døgnrytme",
     ["Legge meg før midnatt fire kvelder", "Gå en tur før frokost tre dager", "Slå av mobilen klokka 23"]),
    ("Jeg vil flytte i egen leilighet", "Jeg vil bestemme over mitt eget liv", "Lære å styre egen økonomi",
     ["Sette opp et budsjett for neste måned", "Betale regningene selv denne uka", "Spørre boveilederen om kommunal bolig"]),
    ("Jeg vil spille gitar i et band igjen", "Musikken gjør meg glad og rolig", "Spille regelmessig hjemme",
     ["Øve tjue minutter tre dager", "Skifte strenger på gitaren", "Spørre på frivilligsentralen om musikkgruppe"]),
    ("Jeg vil klare meg uten cannabis", "Jeg vil ha klart hode når jeg er med barna", "Finne andre måter å roe meg ned på",
     ["Skrive ned når suget kommer", "Prøve pusteøvelsen to ganger", "Gå på samtalegruppe torsdag"]),
    ("Jeg vil ha en venn å gjøre ting sammen med", "Jeg er mye alene og blir lei meg av det", "Møte nye folk",
     ["Gå på kafétreffet på mandag", "Si hei til én ny person", "Bli med på turgruppa i helga"]),
    ("Jeg vil fullføre videregående", "Jeg vil vise meg selv at jeg klarer det", "Ta ett fag som privatist",
     ["Lese om privatisteksamen på nettet", "Låne læreboka på biblioteket", "Lese ti sider i norskboka"]),
]

LEAVE_REASON = "Flyttet til en annen kommune"

# IMR Scale ratings: (person, weeks after they joined, version, phase, the 15 scores in item order).
# None on item 13 (medication) is "not applicable": no medication is prescribed.
IMRS_RATINGS = [
    ("Astrid Kvamme", 0, "participant", "start", [2, 3, 2, 2, 1, 3, 3, 1, 3, 4, 2, 1, None, 4, 5]),
    ("Astrid Kvamme", 0, "clinician", "start", [2, 2, 2, 2, 1, 2, 3, 1, 3, 4, 2, 1, None, 4, 4]),
    ("Astrid Kvamme", 4, "participant", "during", [3, 3, 3, 3, 2, 3, 3, 2, 4, 5, 3, 2, None, 4, 5]),
    ("Astrid Kvamme", 4, "clinician", "during", [3, 3, 2, 3, 2, 3, 3, 3, 4, 5, 3, 1, None, 4, 4]),
    ("Hanne Myrvold", 0, "participant", "start", [1, 2, 3, 2, 2, 2, 2, 1, 2, 3, 2, 1, 3, 4, 5]),
    ("Hanne Myrvold", 10, "participant", "during", [2, 3, 3, 2, 2, 3, 3, 2, 3, 4, 3, 2, 4, 4, 5]),
    ("Hanne Myrvold", 20, "participant", "during", [3, 4, 3, 3, 3, 3, 3, 4, 3, 5, 3, 2, 4, 5, 5]),
    ("Ivar Stensrud", 0, "clinician", "start", [2, 2, 1, 2, 1, 2, 2, 1, 2, 2, 2, 1, 2, 3, 2]),
    ("Ivar Stensrud", 16, "clinician", "during", [2, 3, 2, 2, 2, 3, 2, 3, 3, 4, 3, 2, 3, 4, 3]),
]

# Goals given new words once the person found what they wanted: (person, the earlier words, why then, weeks after the goal was set).
REVISED_GOALS = [
    ("Hanne Myrvold", "Jeg vil bli frisk", "Jeg er lei av å ha det sånn", 5),
]
