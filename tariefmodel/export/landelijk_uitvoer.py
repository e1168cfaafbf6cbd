"""Bladen Uitvoer en Controle van de landelijke export (rekenmethode §2; werkboekformaat.md 'landelijk --json').

Uitvoer verwijst naar Verdeling en Capaciteit; eurobedragen met ROUND(…, 2) zoals ``rond_euro`` (§1.7).
"""

from __future__ import annotations

from tariefmodel.afronding import rond_euro
from tariefmodel.export.controle import Check
from tariefmodel.export.landelijk_capaciteit import Capaciteitsblad
from tariefmodel.export.landelijk_verdeling import Verdeelblad
from tariefmodel.export.opmaak import EERSTE_RIJ, Boek, Tabel, cel
from tariefmodel.landelijk import LandelijkResultaat

UITVOER = "Uitvoer"
KLASSE = {1: "winnaar", -1: "verliezer", 0: "gelijk"}


def _rond(verwijzing: str) -> str:
    return f'IF({verwijzing}="","",ROUND({verwijzing},2))'


def schrijf_uitvoer(boek: Boek, r: LandelijkResultaat, v: Verdeelblad, cap: Capaciteitsblad) -> Tabel:
    ws = boek.blad(UITVOER, f"Per centrumgemeente: verdeling (laatste jaar {r.laatste_jaar}), toegekend per jaar, "
                   "herverdeling, plaatseneffect en capaciteit. Eurobedragen afgerond op centen.", [26])
    t = Tabel(boek, ws, UITVOER, EERSTE_RIJ + 1, len(r.regios))
    ws.freeze_panes(t.rij0, 1)
    ws.set_row(t.rij0 - 1, 45)
    g, h, k = r.regios, v.herverdeling.cel, cap.tabel.cel
    t.kolom("naam", "Centrumgemeente", lambda i: h("naam", i, True), [x.centrumgemeente for x in g], "tekst")
    t.kolom("historisch", f"Historisch {r.laatste_jaar}", lambda i: _rond(h("H", i, True)),
            [rond_euro(x.historisch) for x in g], som=True, breedte=15)
    t.kolom("objectief", f"Objectief {r.laatste_jaar}", lambda i: _rond(h("O", i, True)),
            [rond_euro(x.objectief) for x in g], som=True, breedte=15)
    for n, jaar in enumerate(r.jaren):
        t.kolom(f"A{jaar}", f"Toegekend {jaar}", lambda i, n=n: _rond(v.toegekend.cel(f"t{n}", i, True)),
                [rond_euro(x.toegekend[jaar]) for x in g], som=True, breedte=15)
    t.kolom("herverdeling", "Herverdeling", lambda i: _rond(h("delta", i, True)), [rond_euro(x.herverdeling) for x in g],
            som=True, breedte=14)
    t.kolom("relatief", "Herverdeling %", lambda i: h("relatief", i, True), [x.herverdeling_relatief for x in g],
            "procent1", breedte=11)
    t.kolom("klasse", "Klasse", lambda i: h("klasse", i, True), [KLASSE[x.klasse] for x in g], "tekst", breedte=10)
    t.kolom("effect", "Plaatseneffect", lambda i: h("effect", i, True), [x.plaatsen_effect for x in g], "getal",
            som=True, breedte=11)
    for sleutel, kop, veld, soort in (
            ("bez", "Bezettingsgraad", "bezettingsgraad", "procent1"), ("B", "Weigerkans", "weigerkans", "procent1"),
            ("nodig_doel", "Plaatsen nodig (doel-weigerkans)", "plaatsen_nodig_weigerkans", "aantal"),
            ("nodig_norm", "Plaatsen nodig (bezettingsnorm)", "plaatsen_nodig_bezettingsnorm", "aantal"),
            ("ist", "Istanbul-norm", "istanbul_norm", "getal"), ("tekort", "Istanbul-tekort", "istanbul_tekort", "getal"),
            ("P", "Plaatsen", "plaatsen", "aantal")):
        som = sleutel in {"nodig_doel", "nodig_norm", "ist", "tekort", "P"}
        t.kolom(sleutel, kop, lambda i, s=sleutel: _leeg(k(s, i, True)), [getattr(x, veld) for x in g], soort,
                som=som, breedte=12)
    if "aandeel" in cap.tabel.kolommen:
        t.kolom("aandeel", "Aandeel bovenregionaal", lambda i: _leeg(k("aandeel", i, True)),
                [x.bovenregionaal_aandeel for x in g], "procent1", breedte=12)
    t.somlabel("Totaal")
    return t


def _leeg(verwijzing: str) -> str:
    """Een verwijzing die leeg blijft als de bron leeg is (een lege verwijzing zou 0 tonen)."""
    return f'IF({verwijzing}="","",{verwijzing})'


def checks(r: LandelijkResultaat, v: Verdeelblad, cap: Capaciteitsblad, duvo: Tabel | None,
           per_jaar: Tabel | None, uitvoer: Tabel) -> list[Check]:
    """Controles: budgetneutraliteit per jaar, verdeelsleutel, herverdeling, capaciteit, DUVO."""
    verdeling = r.verdeling
    uit = []
    for n, jaar in enumerate(r.jaren):
        bud = cel(v.budget_rij, 1 + n, "Verdeling", absoluut=True)
        budget = float(verdeling.budget[n])
        for naam, tabel, som in (("historisch", v.historisch, verdeling.historisch[n].sum()),
                                 ("objectief", v.objectief, verdeling.objectief[n].sum())):
            uit.append(Check(f"{jaar}: Σ {naam} = budget", tabel.som_cel(f"t{n}"), float(som), bud, budget))
        som_a = float(verdeling.toegekend[n].sum())
        if verdeling.pot_extern:  # §2.1 (v2): Σ A = budget + knelpuntenpot van buiten de DUVO
            pot = v.aanvulling.som_cel(f"t{n}")
            uit.append(Check(f"{jaar}: Σ toegekend = budget + knelpuntenpot", v.toegekend.som_cel(f"t{n}"), som_a,
                             f"{bud}+{pot}", budget + float(verdeling.externe_pot[n])))
        else:
            uit.append(Check(f"{jaar}: Σ toegekend = budget", v.toegekend.som_cel(f"t{n}"), som_a, bud, budget))
    laatste = r.laatste_jaar
    delta = v.herverdeling.bereik("delta", True)
    uit += [
        Check("Σ objectief aandeel S_i = Σ g_k", v.sleutel.som_cel("S"), float(sum(m.aandeel for m in r.invoer.maatstaven)),
              f"SUM({v.g_bereik})", float(sum(m.aandeel for m in r.invoer.maatstaven))),
        (Check(f"Σ herverdeling {laatste} = knelpuntenpot {laatste}", v.herverdeling.som_cel("delta"),
               float(sum(x.herverdeling for x in r.regios)), v.aanvulling.som_cel(f"t{len(r.jaren) - 1}"),
               float(verdeling.externe_pot[-1])) if verdeling.pot_extern else
         Check(f"Σ herverdeling {laatste} = 0 (budgetneutraal)", v.herverdeling.som_cel("delta"),
               float(sum(x.herverdeling for x in r.regios)), "0", 0.0)),
        Check("Uitvoer: plaatseneffect netto = (reactie_nadeel · Σ verlies + reactie_voordeel · Σ winst) / "
              "kosten_per_plaats", uitvoer.som_cel("effect"), r.plaatsen_effect_netto,
              f'(reactie_nadeel*SUMIF({delta},"<0")+reactie_voordeel*SUMIF({delta},">0"))/kosten_per_plaats',
              r.plaatsen_effect_netto),
        Check("Σ Istanbul-tekort = Σ Istanbul-norm − Σ plaatsen", cap.tabel.som_cel("tekort"),
              r.capaciteit.istanbul_tekort, f"{cap.tabel.som_cel('ist')}-{cap.tabel.som_cel('P')}",
              r.capaciteit.istanbul_norm - r.capaciteit.plaatsen),
    ]
    if "in" in cap.tabel.kolommen:
        som_in = sum(x.instroom_van_buiten or 0.0 for x in r.regios)
        uit.append(Check("Plaatsingen: Σ instroom van buiten = Σ uitstroom naar buiten", cap.tabel.som_cel("in"),
                         som_in, cap.tabel.som_cel("uit"), sum(x.uitstroom_naar_buiten or 0.0 for x in r.regios)))
    if duvo is not None:
        d = r.duvo
        gat = sum(x.bestedingsgat for x in d)
        uit.append(Check("DUVO: Σ bestedingsgat = Σ uitkering − Σ besteding VO − Σ overig", duvo.som_cel("gat"), gat,
                         f"{duvo.som_cel('U')}-{duvo.som_cel('VO')}-{duvo.som_cel('overig')}", gat))
        uit.append(Check("DUVO: Σ uitkering over de jaren = Σ uitkering over de regels",
                         f"SUM({per_jaar.bereik('U', True)})", sum(x.uitkering for x in d), duvo.som_cel("U"),
                         sum(x.uitkering for x in d)))
    return uit
