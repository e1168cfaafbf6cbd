"""Blad Verdeling: rekenmethode §2.1-2.2 als live formules (regio's als rijen, jaren als kolommen).

Stappen: verdeelsleutel S_i = Σ_k g_k · x_ik / Σ_j x_jk; H_i(t) = Bud_t · h_i / Σ h; O_i(t) = Bud_t · S_i;
zonder landing Z = (1 − α_t) · H + α_t · O; zachte landing (aanvulling tot de vloer, betaald door de
winnaars naar rato van hun winst); toegekend A_i(t); herverdeling Δ_i en plaatseneffect ΔN_i.

De tabellen lopen over alle rijen van Invoer › Regio's (ook de reserverijen: een lege naam maakt de rij
leeg) en over alle jaren van Invoer › Overgang (ook de reservejaren). Het laatste jaar is het laatste
gevulde jaar (INDEX op het aantal jaren), zodat een getypt jaar of een getypte regio meetelt (issue 13).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from xlsxwriter.utility import xl_rowcol_to_cell

from tariefmodel.export.landelijk_invoer import INVOER, Plaatsen
from tariefmodel.export.opmaak import EERSTE_RIJ, Boek, Tabel, beveilig, cel, kolombereik
from tariefmodel.landelijk import LandelijkResultaat

VERDELING = "Verdeling"


@dataclass
class Verdeelblad:
    budget_rij: int  # rij van Bud_t; jaar t staat in kolom 1 + t
    jaren: int  # jaarkolommen incl. reserve
    aantal_jaren: str  # cel met het aantal gevulde jaren (absoluut, met blad)
    sleutel: Tabel
    historisch: Tabel
    objectief: Tabel
    toegekend: Tabel
    herverdeling: Tabel
    g_bereik: str
    aanvulling: Tabel | None = None  # Σ per jaar = knelpuntenpot (extern bij Aandeel verlies, §2.1 v2)


def schrijf_verdeling(boek: Boek, r: LandelijkResultaat, pl: Plaatsen) -> Verdeelblad:
    jaren = r.jaren
    n_jaren = len(pl.overgang)  # incl. reservejaren
    ws = boek.blad(VERDELING, "Verdeelmodel (§2.1-2.2): elke tabel één stap, één formule per tabel; regio's als "
                   "rijen, jaren als kolommen (ook de reserverijen en -jaren van Invoer). Namen verwijzen naar "
                   "blad Parameters.", [26] + [16] * max(n_jaren, len(r.invoer.maatstaven) + 4, 8))
    ws.freeze_panes(EERSTE_RIJ, 1)
    rij, aantal_jaren = _overgang(boek, ws, r, pl)
    sleutel, g_bereik, rij = _sleutel(boek, ws, r, pl, rij)
    v = r.verdeling
    blokken = {}
    for sleutelnaam, titel, formule, waarden in _jaarblokken(r, sleutel, rij_budget=EERSTE_RIJ + 2):
        tabel = Tabel(boek, ws, VERDELING, rij + 2, len(pl.regios), leeg_als="naam")
        boek.sectie(ws, rij, titel)
        _namen(tabel, r, pl)
        for t in range(n_jaren):
            kop = str(jaren[t]) if t < len(jaren) else "reservejaar"
            tabel.kolom(f"t{t}", kop, lambda i, t=t, f=formule: _als_jaar(t, f(i, t, blokken)),
                        waarden[t] if t < len(jaren) else [], som=True)
        tabel.somlabel()
        blokken[sleutelnaam] = tabel
        rij = tabel.rij0 + tabel.aantal + 2
        if sleutelnaam == "winst":
            rij = _fractie(boek, ws, blokken, v, rij, n_jaren)
    herverdeling = _herverdeling(boek, ws, r, pl, blokken, rij, aantal_jaren)
    beveilig(ws)
    return Verdeelblad(EERSTE_RIJ + 2, n_jaren, f"{VERDELING}!{aantal_jaren}", sleutel, blokken["H"], blokken["O"],
                       blokken["A"], herverdeling, g_bereik, blokken["aanvulling"])


def jaarcel(t: int, blad: bool = False) -> str:
    """De cel met het jaar van jaarkolom t (rij bovenaan Verdeling)."""
    return cel(EERSTE_RIJ + 1, 1 + t, VERDELING if blad else "", absoluut=True)


def _als_jaar(t: int, formule: str) -> str:
    """Een leeg (reserve)jaar maakt de cel leeg."""
    return f'IF({jaarcel(t)}="","",{formule})'


def laatste(tabel: Tabel, sleutel_i: int, aantal_jaren: str, jaren: int, blad: bool = False) -> str:
    """INDEX over de jaarkolommen van rij i: de waarde in het laatste gevulde jaar."""
    van = tabel.cel("t0", sleutel_i, blad=blad, absoluut=True)
    tot = cel(tabel.rij0 + sleutel_i, tabel.kolommen[f"t{jaren - 1}"], absoluut=True)
    return f"INDEX({van}:{tot},1,{aantal_jaren})"


def _namen(tabel: Tabel, r: LandelijkResultaat, pl: Plaatsen) -> None:
    tabel.kolom("naam", "Centrumgemeente", lambda i: f'{cel(pl.regios[i], 0, INVOER)}&""',
                [g.centrumgemeente for g in r.regios], "tekst")


def _overgang(boek: Boek, ws, r: LandelijkResultaat, pl: Plaatsen) -> tuple[int, str]:
    """Bovenaan: jaar, budget, α_t (en β_t) uit Invoer › Overgang (jaren als kolommen, ook de reservejaren),
    het aantal gevulde jaren en het laatste jaar. Geeft de volgende rij en de cel met het aantal jaren."""
    boek.sectie(ws, EERSTE_RIJ, "Overgang (Invoer › Overgang; lege kolom = reservejaar)")
    regels = [("Jaar", 0, "geheel", [o.jaar for o in r.invoer.overgang]),
              ("Budget Bud_t", 1, "euro", list(r.verdeling.budget)),
              ("Aandeel objectief α_t", 2, "procent", list(r.verdeling.alfa))]
    if r.verdeling.pot_extern:  # §2.1 (v2): β_t in rij EERSTE_RIJ + 4; een leeg jaar telt als 1
        regels.append(("Aandeel verlies β_t (leeg = 1)", 3, "procent", list(r.verdeling.beta)))
    for k, (label, kolom, soort, waarden) in enumerate(regels, start=1):
        boek.tekst(ws, EERSTE_RIJ + k, 0, label, boek.opmaak(vet=True))
        for t, rij in enumerate(pl.overgang):
            bron = cel(rij, kolom, INVOER)
            formule = f'IF({bron}="","",{bron})' if k < 4 else _als_jaar(t, f'IF({bron}="",1,{bron})')
            boek.formule(ws, EERSTE_RIJ + k, 1 + t, formule, waarden[t] if t < len(waarden) else "",
                         boek.opmaak(soort, vet=k == 1))
    rij = EERSTE_RIJ + 5
    jaren = f"{jaarcel(0)}:{jaarcel(len(pl.overgang) - 1)}"
    boek.tekst(ws, rij, 0, "Aantal jaren (gevuld)", boek.opmaak(vet=True))
    boek.formule(ws, rij, 1, f"COUNT({jaren})", len(r.jaren), boek.opmaak("geheel", vet=True))
    aantal = cel(rij, 1, absoluut=True)
    boek.tekst(ws, rij + 1, 0, "Laatste jaar", boek.opmaak(vet=True))
    boek.formule(ws, rij + 1, 1, f"INDEX({jaren},1,{aantal})", r.laatste_jaar, boek.opmaak("geheel", vet=True))
    return rij + 3, aantal


def _sleutel(boek: Boek, ws, r: LandelijkResultaat, pl: Plaatsen, rij: int) -> tuple[Tabel, str, int]:
    """§2.1 verdeelsleutel: historisch aandeel h_i / Σ h en objectief aandeel S_i."""
    invoer = r.invoer
    boek.sectie(ws, rij, "Verdeelsleutel: historisch aandeel h_i / Σ h en objectief aandeel S_i = Σ_k g_k · x_ik / Σ_j x_jk")
    tabel = Tabel(boek, ws, VERDELING, rij + 3, len(pl.regios), leeg_als="naam")
    ws.set_row(tabel.rij0 - 1, 45)
    _namen(tabel, r, pl)
    h = np.array([g.historisch_budget for g in invoer.regios])
    hb = kolombereik(INVOER, 5, pl.regios[0], pl.regios[-1])
    tabel.kolom("h", "Historisch budget h_i", lambda i: cel(pl.regios[i], 5, INVOER), h, som=True)
    tabel.kolom("h_aandeel", "Historisch aandeel", lambda i: f"{tabel.cel('h', i)}/SUM({hb})", h / h.sum(),
                "procent", som=True)
    x = np.array([[g.maatstaven[m.naam] for m in invoer.maatstaven] for g in invoer.regios], dtype=float)
    eerste = tabel.volgende
    for k, m in enumerate(invoer.maatstaven):
        kolom = pl.maatstafkolom[m.naam]
        xb = kolombereik(INVOER, kolom, pl.regios[0], pl.regios[-1])
        tabel.kolom(f"x{k}", f"x / Σx: {m.naam}", lambda i, kolom=kolom, xb=xb: f"{cel(pl.regios[i], kolom, INVOER)}/SUM({xb})",
                    x[:, k] / x[:, k].sum(), "procent", som=True)
    laatste = tabel.volgende - 1
    g = [m.aandeel for m in invoer.maatstaven]
    boek.tekst(ws, rij + 1, 0, "Aandeel g_k (Invoer › Maatstaven)", boek.opmaak(vet=True))
    for k, mrij in enumerate(pl.maatstaven):
        boek.formule(ws, rij + 1, eerste + k, cel(mrij, 1, INVOER), g[k], boek.opmaak("procent"))
    g_bereik = f"{cel(rij + 1, eerste, absoluut=True)}:{cel(rij + 1, laatste, absoluut=True)}"
    s = (x / x.sum(axis=0)) @ np.array(g)
    tabel.kolom("S", "Objectief aandeel S_i",
                lambda i: f"SUMPRODUCT({cel(tabel.rij0 + i, eerste)}:{cel(tabel.rij0 + i, laatste)},{g_bereik})",
                s, "procent", som=True)
    tabel.somlabel()
    return tabel, f"{VERDELING}!{g_bereik}", tabel.rij0 + tabel.aantal + 2


def _jaarblokken(r: LandelijkResultaat, sleutel: Tabel, rij_budget: int):
    """(sleutel, titel, formule(i, t, blokken), waarden[t, i]) per tabel, in rekenvolgorde."""
    v = r.verdeling
    mv = r.parameters["max_verlies"]
    aanvulling = np.zeros_like(v.historisch) if mv is None else np.maximum((1 - mv) * v.historisch - v.zonder_landing, 0)
    winst = np.maximum(v.zonder_landing - v.historisch, 0)
    if v.pot_extern:
        aanvulling = v.toegekend - v.zonder_landing

    def bud(t):  # Bud_t in de rij bovenaan (rij vast, kolom = jaar)
        return xl_rowcol_to_cell(rij_budget, 1 + t, row_abs=True)

    def alfa(t):
        return xl_rowcol_to_cell(rij_budget + 1, 1 + t, row_abs=True)

    def b(naam, i, t, blokken):
        return blokken[naam].cel(f"t{t}", i)

    def beta(t):
        return xl_rowcol_to_cell(rij_budget + 2, 1 + t, row_abs=True)

    if v.pot_extern:  # §2.1 (v2): verliezers dragen β_t van hun verlies; de rest komt van buiten de DUVO
        landing = ("aanvulling", ("Gefaseerd verlies: aanvulling (1 − β_t) · (H − Z) waar Z < H, anders 0. "
                                  "Σ = knelpuntenpot van buiten de DUVO (max_verlies telt niet)"),
                   lambda i, t, bl: (f"IF({b('Z', i, t, bl)}<{b('H', i, t, bl)},(1-{beta(t)})*"
                                     f"({b('H', i, t, bl)}-{b('Z', i, t, bl)}),0)"), aanvulling)
    else:
        landing = ("aanvulling", ("Zachte landing: aanvulling tot de vloer max(0; (1 − max_verlies) · H − Z); leeg "
                                  "max_verlies = 0. Σ = knelpuntenpot"),
                   lambda i, t, bl: (f'IF(max_verlies="",0,MAX(0,(1-max_verlies)*{b("H", i, t, bl)}-'
                                     f'{b("Z", i, t, bl)}))'), aanvulling)

    return [
        ("H", "Historische verdeling H_i(t) = Bud_t · h_i / Σ h", lambda i, t, bl: f"{bud(t)}*{sleutel.cel('h_aandeel', i, absoluut=True)}", v.historisch),
        ("O", "Objectieve verdeling O_i(t) = Bud_t · S_i", lambda i, t, bl: f"{bud(t)}*{sleutel.cel('S', i, absoluut=True)}", v.objectief),
        ("Z", "Ingroeipad zonder zachte landing: (1 − α_t) · H_i(t) + α_t · O_i(t)",
         lambda i, t, bl: f"(1-{alfa(t)})*{b('H', i, t, bl)}+{alfa(t)}*{b('O', i, t, bl)}", v.zonder_landing),
        landing,
        ("winst", "Winst boven historisch max(0; Z − H) (de winnaars betalen de pot naar rato)",
         lambda i, t, bl: f"MAX(0,{b('Z', i, t, bl)}-{b('H', i, t, bl)})", winst),
        ("A", "Toegekend A_i(t) = Z + aanvulling − winst · fractie",
         lambda i, t, bl: f"{b('Z', i, t, bl)}+{b('aanvulling', i, t, bl)}-{b('winst', i, t, bl)}*{bl['fractie'][t]}",
         v.toegekend),
    ]


def _fractie(boek: Boek, ws, blokken: dict, v, rij: int, jaren: int) -> int:
    """Fractie van de winst die naar de knelpuntenpot gaat: pot / Σ winst (0 zonder winst)."""
    pot, winst = blokken["aanvulling"], blokken["winst"]
    boek.tekst(ws, rij, 0, "Fractie = knelpuntenpot / Σ winst", boek.opmaak(vet=True))
    som_winst = np.maximum(v.zonder_landing - v.historisch, 0).sum(axis=1)
    cellen = []
    if v.pot_extern:
        boek.tekst(ws, rij, 0, "Fractie = 0: de knelpuntenpot komt van buiten de DUVO", boek.opmaak(vet=True))
    for t in range(jaren):
        p, w = pot.som_cel(f"t{t}", blad=False), winst.som_cel(f"t{t}", blad=False)
        if v.pot_extern:
            boek.formule(ws, rij, 1 + t, "0", 0.0, boek.opmaak("procent"))
            cellen.append(cel(rij, 1 + t, absoluut=True))
            continue
        echt = t < len(som_winst)
        waarde = (v.knelpuntenpot[t] / som_winst[t] if som_winst[t] > 0 else 0.0) if echt else ""
        boek.formule(ws, rij, 1 + t, _als_jaar(t, f"IF({w}>0,{p}/{w},0)"), waarde, boek.opmaak("procent"))
        cellen.append(cel(rij, 1 + t, absoluut=True))
    blokken["fractie"] = cellen
    return rij + 2


def _herverdeling(boek: Boek, ws, r: LandelijkResultaat, pl: Plaatsen, blokken: dict, rij: int,
                  aantal_jaren: str) -> Tabel:
    """§2.2: Δ_i = A_i(T) − H_i(T) in het laatste gevulde jaar T; klasse; ΔN_i = reactie · Δ_i / kosten_per_plaats."""
    boek.sectie(ws, rij, "§2.2 Herverdeling in het laatste jaar (zie 'Laatste jaar' bovenaan) en plaatseneffect")
    n = len(pl.overgang)
    tabel = Tabel(boek, ws, VERDELING, rij + 2, len(pl.regios), leeg_als="naam")
    g = r.regios
    _namen(tabel, r, pl)
    tabel.kolom("H", "Historisch (laatste jaar)", lambda i: laatste(blokken["H"], i, aantal_jaren, n),
                [x.historisch for x in g], som=True)
    tabel.kolom("O", "Objectief (laatste jaar)", lambda i: laatste(blokken["O"], i, aantal_jaren, n),
                [x.objectief for x in g], som=True)
    tabel.kolom("A", "Toegekend (laatste jaar)", lambda i: laatste(blokken["A"], i, aantal_jaren, n),
                [x.toegekend[r.laatste_jaar] for x in g], som=True)
    tabel.kolom("delta", "Herverdeling Δ = A − H", lambda i: f"{tabel.cel('A', i)}-{tabel.cel('H', i)}",
                [x.herverdeling for x in g], som=True)
    tabel.kolom("relatief", "Δ / H", lambda i: f'IF({tabel.cel("H", i)}=0,"",{tabel.cel("delta", i)}/{tabel.cel("H", i)})',
                [x.herverdeling_relatief for x in g], "procent1")
    labels = {1: "winnaar", -1: "verliezer", 0: "gelijk"}
    tabel.kolom("klasse", "Klasse", lambda i: (f"IF({tabel.cel('delta', i)}>=halve_cent,label_winnaar,"
                                               f"IF({tabel.cel('delta', i)}<=-halve_cent,label_verliezer,label_gelijk))"),
                [labels[x.klasse] for x in g], "tekst")
    tabel.kolom("effect", "Plaatseneffect ΔN",
                lambda i: (f"IF({tabel.cel('delta', i)}<0,reactie_nadeel,reactie_voordeel)*{tabel.cel('delta', i)}"
                           "/kosten_per_plaats"), [x.plaatsen_effect for x in g], "getal", som=True)
    tabel.somlabel()
    return tabel
