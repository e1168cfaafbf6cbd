"""Blad Meerjaren: de meerjarenraming van rekenmethode.md §1.8 als live formules, jaren als kolommen.

Kolom E is het rekenjaar (basis: verwijzingen naar Berekening, geen groei); elke volgende kolom groeit
met de index van dat jaar: loondeel met cao_stijging_<jaar>, de rest met prijsindex_<jaar>, het
gemeentetarief met tariefindex_<jaar> (blad Parameters). Zie docs/rekenmethode-uitbreidingen.md.
"""

from __future__ import annotations

from tariefmodel.afronding import rond_euro
from tariefmodel.export.controle import Check
from tariefmodel.export.kostprijs_berekening import Berekening
from tariefmodel.export.kostprijs_invoer import meerjaren_jaren
from tariefmodel.export.kostprijs_uitvoer import afgerond
from tariefmodel.export.opmaak import EERSTE_RIJ, Blok, Boek
from tariefmodel.kostprijs.berekening import KostprijsResultaat
from tariefmodel.kostprijs.meerjaren import loondeel, meerjaren

MEERJAREN = "Meerjaren"


def schrijf_meerjaren(boek: Boek, r: KostprijsResultaat, b: Berekening) -> list[Check]:
    """Schrijf het blad; geeft controles (cumulatief tekort = som van de tekorten) voor blad Controle."""
    jaren = meerjaren_jaren(r)
    ws = boek.blad(MEERJAREN, "Meerjarenraming (§1.8): kostprijs met CAO- en prijsstijging tegen het geïndexeerde "
                   "gemeentetarief. Meer jaren: pas meerjaren_jaren aan in het bronwerkboek en exporteer opnieuw.",
                   [40, 50, 16, 4] + [15] * len(jaren))
    m = Blok(boek, ws, MEERJAREN, len(jaren), EERSTE_RIJ)
    ws.freeze_panes(EERSTE_RIJ + 1, 4)
    m.stap("jaar", "Jaar", "rekenjaar, daarna + 1", "jaar",
           lambda k: "rekenjaar" if k == 0 else f"{m.cel('jaar', k - 1)}+1", jaren, "geheel", vet=True)
    raming = meerjaren(r)
    eerste = [j for j in raming if j.code == r.producten[0].code]
    for sleutel, veld, label in (("cao", "cao_stijging", "CAO-loonstijging"), ("prijs", "prijsindex", "Prijsindex"),
                                 ("tidx", "tariefindex", "Indexatie gemeentetarief")):
        naam = "tariefindex" if sleutel == "tidx" else veld
        m.stap(sleutel, label, f"Parameters › {naam}_<jaar>", "fractie",
               lambda k, naam=naam: None if k == 0 else f"{naam}_{jaren[k]}",
               [getattr(j, veld) for j in eerste], "procent")
    checks = []
    for k, p in enumerate(r.producten):
        checks.append(_product(boek, ws, m, r, b, k, p, [j for j in raming if j.code == p.code]))
    return [c for c in checks if c is not None]


def _product(boek: Boek, ws, m: Blok, r: KostprijsResultaat, b: Berekening, k: int, p, raming) -> Check | None:
    """Eén product: loondeel, rest, integrale kosten, kostprijs, tarief, opbrengst, tekort, cumulatief."""
    m.witregel()
    boek.sectie(ws, m.rij, f"{p.code} — {p.product.naam}")
    m.witregel()
    bron = b.producten.cel
    c = m.cel
    v = f"{p.code}_"
    loon, rest = [loondeel(p, r.parameters["risico_opslag"])], []
    for j in raming[1:]:
        loon.append(loon[-1] * (1 + j.cao_stijging))
    rest = [j.integrale_kosten - l_ for j, l_ in zip(raming, loon)]
    m.stap(v + "loon", "Loondeel", "basis: Berekening; daarna vorig jaar · (1 + CAO-loonstijging)", "euro per jaar",
           lambda t: bron("loondeel", k, True) if t == 0 else f"{c(v + 'loon', t - 1)}*(1+{c('cao', t)})", loon)
    m.stap(v + "rest", "Overige kosten", "basis: I_p − loondeel; daarna vorig jaar · (1 + prijsindex)",
           "euro per jaar", lambda t: (f"{bron('I', k, True)}-{bron('loondeel', k, True)}" if t == 0
                                       else f"{c(v + 'rest', t - 1)}*(1+{c('prijs', t)})"), rest)
    m.stap(v + "I", "Integrale kosten", "loondeel + overige kosten", "euro per jaar",
           lambda t: f"{c(v + 'loon', t)}+{c(v + 'rest', t)}", [j.integrale_kosten for j in raming])
    m.stap(v + "kp", "Kostprijs per eenheid", "kostprijs rekenjaar · integrale kosten / I_p", "euro per eenheid",
           lambda t: (f"IF({bron('I', k, True, True)}=0,0,"
                      f"{bron('kostprijs', k, True, True)}*{c(v + 'I', t)}/{bron('I', k, True, True)})"),
           [j.kostprijs for j in raming])
    m.stap(v + "tarief", "Gemeentetarief", "basis: Berekening; daarna vorig jaar · (1 + tariefindex)",
           "euro per eenheid", lambda t: (bron("tarief", k, True) if t == 0 else
                                          f'IF({c(v + "tarief", t - 1)}="","",{c(v + "tarief", t - 1)}'
                                          f"*(1+{c('tidx', t)}))"), [j.tarief for j in raming])
    m.stap(v + "opbrengst", "Opbrengst", "tarief · gerealiseerd volume", "euro per jaar",
           lambda t: (f'IF({c(v + "tarief", t)}="","",{c(v + "tarief", t)}*{bron("real", k, True, True)})'),
           [j.opbrengst for j in raming])
    m.stap(v + "tekort", "Tekort", "integrale kosten − opbrengst", "euro per jaar",
           lambda t: f'IF({c(v + "opbrengst", t)}="","",{c(v + "I", t)}-{c(v + "opbrengst", t)})',
           [j.tekort for j in raming])
    m.stap(v + "cum", "Cumulatief tekort", "vorig jaar + tekort", "euro",
           lambda t: (c(v + "tekort", t) if t == 0 else
                      f'IF({c(v + "tekort", t)}="","",{c(v + "cum", t - 1)}+{c(v + "tekort", t)})'),
           [j.cumulatief_tekort for j in raming])
    for sleutel, label, veld in (("kp", "Kostprijs (afgerond)", "kostprijs"), ("tarief", "Tarief (afgerond)", "tarief"),
                                 ("tekort", "Tekort (afgerond)", "tekort"),
                                 ("cum", "Cumulatief tekort (afgerond)", "cumulatief_tekort")):
        m.stap(v + sleutel + "_r", label, "ROUND(…; 2) (§1.7)", "euro", lambda t, s=sleutel: afgerond(c(v + s, t)),
               [rond_euro(getattr(j, veld)) for j in raming], vet=True)
    if p.gemeentetarief is None:
        return None
    laatste = len(raming) - 1
    return Check(f"{p.code}: meerjaren, cumulatief tekort laatste jaar = som van de jaartekorten",
                 c(v + "cum", laatste, True), raming[-1].cumulatief_tekort,
                 f"SUM({m.bereik(v + 'tekort', True)})", sum(j.tekort for j in raming))
