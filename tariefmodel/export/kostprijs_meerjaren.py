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
                   [40, 50, 16, 4] + [26] * len(jaren))
    m = Blok(boek, ws, MEERJAREN, len(jaren), EERSTE_RIJ)
    ws.freeze_panes(EERSTE_RIJ + 1, 4)
    m.stap("jaar", "Jaar", "rekenjaar, daarna + 1 (volgt de cel rekenjaar)", "jaar",
           lambda k: "rekenjaar" if k == 0 else f"{m.cel('jaar', k - 1)}+1", jaren, "geheel", vet=True)
    raming = meerjaren(r)
    eerste = [j for j in raming if j.code == r.producten[0].code] if r.producten else []
    for sleutel, veld, label in (("cao", "cao_stijging", "CAO-loonstijging"), ("prijs", "prijsindex", "Prijsindex"),
                                 ("tidx", "tariefindex", "Indexatie gemeentetarief")):
        naam = "tariefindex" if sleutel == "tidx" else veld
        m.stap(sleutel, label, f"Parameters › {naam}_<jaar>, opgezocht op het jaar hierboven", "fractie",
               lambda k, naam=naam: None if k == 0 else reeks(naam, m.cel("jaar", k)),
               [getattr(j, veld) for j in eerste], "procent")
    checks = [Check(f"Meerjaren: jaar in kolom {k + 1} heeft precies één waarde per indexreeks in Parameters",
                    "*".join(f'SUMPRODUCT((reeks_naam="{n}_"&{m.cel("jaar", k, True)})*1)'
                             for n in ("cao_stijging", "prijsindex", "tariefindex")), 1.0, "1", 1.0)
              for k in range(1, len(jaren))]
    for k in range(b.aantal):
        p = r.producten[k] if k < len(r.producten) else None
        checks.append(_product(boek, ws, m, r, b, k, p, [j for j in raming if p and j.code == p.code]))
    ws.protect("", {"format_cells": True, "format_columns": True, "format_rows": True})
    b.meerjaren_tot = m.rij
    ws.repeat_rows(EERSTE_RIJ)
    ws.print_area(0, 0, m.rij, 3 + len(jaren))
    return checks


def reeks(naam: str, jaar: str) -> str:
    """De indexwaarde van reeks ``naam`` in het jaar van cel ``jaar`` (Parameters › naam_jaar)."""
    return f'SUMPRODUCT((reeks_naam="{naam}_"&{jaar})*reeks_waarde)'


def _product(boek: Boek, ws, m: Blok, r: KostprijsResultaat, b: Berekening, k: int, p, raming) -> Check:
    """Eén productkolom van Berekening (ook reserve): loondeel, rest, integrale kosten, kostprijs, tarief,
    opbrengst, tekort, cumulatief. Een lege code maakt elke cel leeg."""
    m.witregel()
    boek.sectie(ws, m.rij, f"{p.code} — {p.product.naam}" if p else f"Reserveproduct {k + 1 - len(r.producten)} "
                f"(productkolom {k + 1} van Berekening)")
    m.witregel()
    bron = b.producten.cel
    code = bron("code", k, True, True)
    c = m.cel
    v = f"{k}_"
    if p is not None:
        loon = [loondeel(p, r.parameters["risico_opslag"])]
        for j in raming[1:]:
            loon.append(loon[-1] * (1 + j.cao_stijging))
        rest = [j.integrale_kosten - l_ for j, l_ in zip(raming, loon)]
    else:
        loon, rest = [], []

    def stap(sleutel, label, uitleg, eenheid, formule, waarden, **extra):
        m.stap(v + sleutel, label, uitleg, eenheid, lambda t: f'IF({code}="","",{formule(t)})', waarden, **extra)

    m.stap(v + "code", "Product", "code in Berekening (leeg = reserve)", "code",
           lambda t: code if t == 0 else None, [p.code if p else ""], "tekst", vet=True)

    def veld(naam):
        return [getattr(j, naam) for j in raming]

    stap("loon", "Loondeel", "basis: Berekening; daarna vorig jaar · (1 + CAO-loonstijging)", "euro per jaar",
         lambda t: bron("loondeel", k, True) if t == 0 else f"{c(v + 'loon', t - 1)}*(1+{c('cao', t)})", loon)
    stap("rest", "Overige kosten", "basis: I_p − loondeel; daarna vorig jaar · (1 + prijsindex)",
         "euro per jaar", lambda t: (f"{bron('I', k, True)}-{bron('loondeel', k, True)}" if t == 0
                                     else f"{c(v + 'rest', t - 1)}*(1+{c('prijs', t)})"), rest)
    stap("I", "Integrale kosten", "loondeel + overige kosten", "euro per jaar",
         lambda t: f"{c(v + 'loon', t)}+{c(v + 'rest', t)}", veld("integrale_kosten"))
    stap("kp", "Kostprijs per eenheid", "kostprijs rekenjaar · integrale kosten / I_p", "euro per eenheid",
         lambda t: (f"IF({bron('I', k, True, True)}=0,0,"
                    f"{bron('kostprijs', k, True, True)}*{c(v + 'I', t)}/{bron('I', k, True, True)})"), veld("kostprijs"))
    stap("tarief", "Gemeentetarief", "basis: Berekening; daarna vorig jaar · (1 + tariefindex)",
         "euro per eenheid", lambda t: (bron("tarief", k, True) if t == 0 else
                                        f'IF({c(v + "tarief", t - 1)}="","",{c(v + "tarief", t - 1)}'
                                        f"*(1+{c('tidx', t)}))"), veld("tarief"))
    stap("opbrengst", "Opbrengst", "tarief · gerealiseerd volume", "euro per jaar",
         lambda t: (f'IF({c(v + "tarief", t)}="","",{c(v + "tarief", t)}*{bron("real", k, True, True)})'),
         veld("opbrengst"))
    stap("tekort", "Tekort", "integrale kosten − opbrengst", "euro per jaar",
         lambda t: f'IF({c(v + "opbrengst", t)}="","",{c(v + "I", t)}-{c(v + "opbrengst", t)})', veld("tekort"))
    stap("cum", "Cumulatief tekort", "vorig jaar + tekort", "euro",
         lambda t: (c(v + "tekort", t) if t == 0 else
                    f'IF({c(v + "tekort", t)}="","",{c(v + "cum", t - 1)}+{c(v + "tekort", t)})'),
         veld("cumulatief_tekort"))
    for sleutel, label, naam in (("kp", "Kostprijs (afgerond)", "kostprijs"), ("tarief", "Tarief (afgerond)", "tarief"),
                                 ("tekort", "Tekort (afgerond)", "tekort"),
                                 ("cum", "Cumulatief tekort (afgerond)", "cumulatief_tekort")):
        stap(sleutel + "_r", label, "ROUND(…; 2) (§1.7)", "euro", lambda t, s=sleutel: afgerond(c(v + s, t)),
             [rond_euro(x) if x is not None else None for x in veld(naam)],
             soort="tekort" if sleutel in ("tekort", "cum") else "euro", vet=True)
    return _cumulatief_check(m, v, code, p.code if p else f"productkolom {k + 1}", raming)


def _cumulatief_check(m: Blok, v: str, code: str, naam: str, raming) -> Check:
    laatste = m.aantal - 1
    leeg = f'OR({code}="",{m.cel(v + "cum", laatste, True)}="")'
    met = bool(raming) and raming[-1].cumulatief_tekort is not None
    return Check(f"{naam}: meerjaren, cumulatief tekort laatste jaar = som van de jaartekorten (0 zonder tarief)",
                 f"IF({leeg},0,{m.cel(v + 'cum', laatste, True)})", raming[-1].cumulatief_tekort if met else 0.0,
                 f"IF({leeg},0,SUM({m.bereik(v + 'tekort', True)}))", sum(j.tekort for j in raming) if met else 0.0)
