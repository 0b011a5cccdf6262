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
