"""Blad Loonkosten: rekenmethode.md §1.1 met één rij per regel van blad Personeel (ook de reserverijen).

Rijen, geen kolommen: er is geen grens van 16.384 kolommen, en een regel die de controller onder de
tabel Personeel typt, krijgt hier meteen zijn loonkosten. Het maandsalaris komt uit Personeel, of (leeg)
uit blad Salaristabel op Schaal en Trede. FAST: één formule per kolom, geen constanten.
"""

from __future__ import annotations

from tariefmodel.export.kostprijs_invoer import Plaatsen
from tariefmodel.export.opmaak import Tabel, cel, tabelblad
from tariefmodel.kostprijs.berekening import KostprijsResultaat
from tariefmodel.kostprijs.loon import loonopbouw

LOONKOSTEN = "Loonkosten"


def schrijf_loonkosten(boek, r: KostprijsResultaat, plaatsen: Plaatsen) -> Tabel:
    """§1.1 per personeelsregel; geeft de tabel (bereiken per kolom voor Berekening en Controle)."""
    pl = plaatsen.personeel
    t = tabelblad(boek, LOONKOSTEN, "Rekenmethode §1.1 per regel van blad Personeel (ook de lege reserverijen). "
                  "Eén formule per kolom; kolomkop = rekenregel.", pl.aantal,
                  "§1.1 Loonkosten per personeelsregel")
    n = len(r.regels)
    leeg = loonopbouw(0.0, 0.0, r.parameters, toeslag=False, ort_grens=None)
    o = [g.opbouw for g in r.regels] + [leeg] * (pl.aantal - n)
    regels = [g.regel for g in r.regels]

    def invoer(kolom):
        return lambda i: cel(pl.rij(i), kolom, plaatsen.personeel.blad)

    def tekst(kolom):
        return lambda i: f'{cel(pl.rij(i), kolom, plaatsen.personeel.blad)}&""'

    def vul(waarden, rest=""):
        waarden = list(waarden)
        return waarden + [rest] * (pl.aantal - len(waarden))

    c = t.cel
    t.kolom("product", "Product", tekst(0), vul(g.product for g in regels), "tekst", breedte=12)
    t.kolom("functie", "Functie", tekst(1), vul(g.functie for g in regels), "tekst", breedte=24)
    t.kolom("schaal", "Schaal", tekst(2), vul(g.schaal or "" for g in regels), "tekst", breedte=8)
    t.kolom("trede", "Trede", tekst(3), vul(g.trede or "" for g in regels), "tekst", breedte=8)
    t.kolom("f", "FTE f", invoer(4), vul((g.fte for g in regels), 0.0), "getal", som=True)
    t.kolom("m", "Maandsalaris m (Personeel; leeg = Salaristabel op schaal en trede)",
            lambda i: (f"IF(ISBLANK({invoer(5)(i)}),SUMPRODUCT((salaris_schaal&\"\"={c('schaal', i)})*"
                       f"(salaris_trede&\"\"={c('trede', i)})*salaris_bedrag),{invoer(5)(i)})"),
            vul((g.maandsalaris for g in regels), 0.0), breedte=16)
    t.kolom("o", "ORT-fractie o", invoer(6), vul((g.ort for g in regels), 0.0), "procent")
    namen = boek.namen
    amt = ("arbeidsmarkttoeslag" in namen and "amt_schaal_min" in namen and "amt_schaal_max" in namen)
    plafond = "ort_grens" in namen
    premieloon = "maximum_premieloon" in namen and r.parameters.get("maximum_premieloon") is not None

    def amt_formule(i):
        if not amt:
            return f"0*{c('S', i)}"
        return (f"IF({c('product', i)}=code_overhead,0,IFERROR(IF(AND(VALUE({c('schaal', i)})>=amt_schaal_min,"
                f"VALUE({c('schaal', i)})<=amt_schaal_max),arbeidsmarkttoeslag*{c('S', i)},0),0))")

    def ort_formule(i):
        if not plafond:
            return f"{c('o', i)}*{c('S', i)}"
        return f"{c('o', i)}*IF(ort_grens>0,MIN({c('S', i)},maanden_per_jaar*ort_grens),{c('S', i)})"

    def sp_formule(i):
        return f"sociale_premies*MIN({c('B', i)},maximum_premieloon)" if premieloon else f"sociale_premies*{c('B', i)}"

    stappen = [
        ("S", "S = maanden_per_jaar · m", lambda i: f"maanden_per_jaar*{c('m', i)}", "jaarsalaris"),
        ("AMT", "AMT = arbeidsmarkttoeslag · S (schaal in [amt_schaal_min, amt_schaal_max], niet OVERHEAD)",
         amt_formule, "arbeidsmarkttoeslag"),
        ("Sster", "S* = S + AMT", lambda i: f"{c('S', i)}+{c('AMT', i)}", None),
        ("VT", "VT = vakantietoeslag · S*", lambda i: f"vakantietoeslag*{c('Sster', i)}", "vakantietoeslag"),
        ("EJU", "EJU = eindejaarsuitkering · (S* + VT)",
         lambda i: f"eindejaarsuitkering*({c('Sster', i)}+{c('VT', i)})", "eindejaarsuitkering"),
        ("ORT", "ORT = o · min(S, maanden_per_jaar · ort_grens)", ort_formule, "onregelmatigheid"),
        ("LB", "LB = loopbaanbudget · (S* + VT + EJU + ORT)",
         lambda i: f"loopbaanbudget*({c('Sster', i)}+{c('VT', i)}+{c('EJU', i)}+{c('ORT', i)})", "loopbaanbudget"),
        ("B", "B = S* + VT + EJU + ORT + LB",
         lambda i: "+".join(c(s, i) for s in ("Sster", "VT", "EJU", "ORT", "LB")), "brutoloon"),
        ("SP", "SP = sociale_premies · min(B, maximum_premieloon)", sp_formule, "sociale_premies"),
        ("P", "P = pensioen_werkgever · max(0, S* + VT + EJU + ORT − pensioen_franchise)",
         lambda i: (f"pensioen_werkgever*MAX(0,{c('Sster', i)}+{c('VT', i)}+{c('EJU', i)}+{c('ORT', i)}"
                    "-pensioen_franchise)"), "pensioen"),
        ("OP", "OP = overige_personeelskosten_per_fte", lambda i: "overige_personeelskosten_per_fte",
         "overige_personeelskosten"),
        ("L", "L = B + SP + P + OP (per fte)", lambda i: "+".join(c(s, i) for s in ("B", "SP", "P", "OP")),
         "loonkosten_per_fte"),
    ]
    for sleutel, kop, formule, veld in stappen:
        waarden = [float(x.jaarsalaris + x.arbeidsmarkttoeslag) if veld is None else float(getattr(x, veld)) for x in o]
        t.kolom(sleutel, kop, formule, waarden, breedte=14)
    t.kolom("K", "K_r = f · L", lambda i: f"{c('f', i)}*{c('L', i)}", vul((g.kosten for g in r.regels), 0.0),
            som=True, breedte=15)
    t.kolom("fS", "waarvan salaris f · S", lambda i: f"{c('f', i)}*{c('S', i)}",
            vul((g.regel.fte * g.opbouw.jaarsalaris for g in r.regels), 0.0), som=True, breedte=15)
    t.kolom("fCAO", "waarvan CAO-opslagen f · (AMT + VT + EJU + ORT + LB)",
            lambda i: f"{c('f', i)}*({c('AMT', i)}+{c('VT', i)}+{c('EJU', i)}+{c('ORT', i)}+{c('LB', i)})",
            vul((g.regel.fte * g.opbouw.cao_opslagen for g in r.regels), 0.0), som=True, breedte=15)
    t.kolom("fWG", "waarvan werkgeverslasten f · (SP + P + OP)",
            lambda i: f"{c('f', i)}*({c('SP', i)}+{c('P', i)}+{c('OP', i)})",
            vul((g.regel.fte * g.opbouw.werkgeverslasten for g in r.regels), 0.0), som=True, breedte=15)
    t.somlabel("Σ")
    t.ws.protect("", {"format_cells": True, "format_columns": True, "format_rows": True})
    t.ws.print_area(0, 0, t.rij0 + t.aantal, t.volgende - 1)
    t.ws.repeat_rows(t.rij0 - 1)
    return t
