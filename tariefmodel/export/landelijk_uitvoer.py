"""Bladen Uitvoer en Controle van de landelijke export (rekenmethode §2; werkboekformaat.md 'landelijk --json').

Uitvoer verwijst naar Verdeling en Capaciteit; eurobedragen met ROUND(…, 2) zoals ``rond_euro`` (§1.7).
"""

from __future__ import annotations

from tariefmodel.afronding import rond_euro
from tariefmodel.export.controle import Check
from tariefmodel.export.landelijk_capaciteit import Capaciteitsblad
from tariefmodel.export.landelijk_invoer import Plaatsen
from tariefmodel.export.landelijk_verdeling import VERDELING, Verdeelblad, jaarcel
from tariefmodel.export.opmaak import EERSTE_RIJ, KOPKLEUR, Boek, Tabel, cel, kolombereik
from tariefmodel.landelijk import LandelijkResultaat

UITVOER = "Uitvoer"
KLASSE = {1: "winnaar", -1: "verliezer", 0: "gelijk"}


def _rond(verwijzing: str) -> str:
    return f'IF({verwijzing}="","",ROUND({verwijzing},2))'


def schrijf_uitvoer(boek: Boek, r: LandelijkResultaat, v: Verdeelblad, cap: Capaciteitsblad) -> Tabel:
    ws = boek.blad(UITVOER, "Per centrumgemeente: verdeling (laatste jaar), toegekend per jaar, herverdeling, "
                   "plaatseneffect en capaciteit. Eurobedragen afgerond op centen. Ook de reserverijen en -jaren "
                   "van Invoer.", [26])
    t = Tabel(boek, ws, UITVOER, EERSTE_RIJ + 1, v.herverdeling.aantal, leeg_als="naam")
    ws.freeze_panes(t.rij0, 1)
    ws.set_row(t.rij0 - 1, 45)
    g, h, k = r.regios, v.herverdeling.cel, cap.tabel.cel
    t.kolom("naam", "Centrumgemeente", lambda i: h("naam", i, True), [x.centrumgemeente for x in g], "tekst")
    t.kolom("historisch", f"Historisch {r.laatste_jaar}", lambda i: _rond(h("H", i, True)),
            [rond_euro(x.historisch) for x in g], som=True, breedte=15)
    t.kolom("objectief", f"Objectief {r.laatste_jaar}", lambda i: _rond(h("O", i, True)),
            [rond_euro(x.objectief) for x in g], som=True, breedte=15)
    for n in range(v.jaren):
        jaar = r.jaren[n] if n < len(r.jaren) else None
        t.kolom(f"A{n}", f"Toegekend {jaar or ''}", lambda i, n=n: _rond(v.toegekend.cel(f"t{n}", i, True)),
                [rond_euro(x.toegekend[jaar]) for x in g] if jaar else [], som=True, breedte=15)
        _kop(boek, t, f"A{n}", f'IF({jaarcel(n, True)}="","","Toegekend "&{jaarcel(n, True)})',
             f"Toegekend {jaar}" if jaar else "")
        som = sum(rond_euro(x.toegekend[jaar]) for x in g) if jaar else ""
        boek.formule(ws, t.rij0 + t.aantal, t.kolommen[f"A{n}"],  # reservejaar: geen totaal € 0,00
                     f'IF({jaarcel(n, True)}="","",SUM({t.bereik(f"A{n}")}))', som,
                     boek.opmaak("euro", vet=True, top=1))
    laatste = f"INDEX({jaarcel(0, True)}:{jaarcel(v.jaren - 1)},1,{v.aantal_jaren})"
    _kop(boek, t, "historisch", f'"Historisch "&{laatste}', f"Historisch {r.laatste_jaar}")
    _kop(boek, t, "objectief", f'"Objectief "&{laatste}', f"Objectief {r.laatste_jaar}")
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


def _kop(boek: Boek, t: Tabel, sleutel: str, formule: str, waarde: str) -> None:
    """Een kolomkop die het jaar uit Verdeling volgt (een getypt jaar verschuift hem mee)."""
    boek.formule(t.ws, t.rij0 - 1, t.kolommen[sleutel], formule, waarde,
                 boek.opmaak(vet=True, bg_color=KOPKLEUR, border=1, text_wrap=True))


def _leeg(verwijzing: str) -> str:
    """Een verwijzing die leeg blijft als de bron leeg is (een lege verwijzing zou 0 tonen)."""
    return f'IF({verwijzing}="","",{verwijzing})'


def invoerchecks(r: LandelijkResultaat, pl: Plaatsen, v: Verdeelblad, cap: Capaciteitsblad,
                 duvo: Tabel | None) -> list[Check]:
    """Tellingen rechtstreeks uit Invoer (over de reserve én NAKIJKEN rijen eronder) tegen wat de rekenbladen
    gebruikten: een regel onder de reserve, een onbekende regionaam of een regio die het werkboek niet kan
    doorrekenen (A is een zoektocht) maakt dit ≠ 0 (issue 13)."""
    def telling(bereik):
        return f'SUMPRODUCT(({bereik}<>"")*1)'

    n_regios, n_jaren = len(r.regios), len(r.jaren)
    jaren = f"{jaarcel(0, True)}:{jaarcel(v.jaren - 1)}"
    k = cap.tabel

    def nieuw(sleutel):  # de reserverijen van Capaciteit
        return kolombereik(k.blad, k.kolommen[sleutel], k.rij0 + n_regios, k.rij0 + k.aantal - 1)

    uit = [
        Check("Regio's: aantal namen in Invoer (ook onder de reserverijen) = aantal regio's in Verdeling",
              telling(pl.nakijkbereik("Regio's", 0)), n_regios, telling(v.sleutel.bereik("naam", True)), n_regios),
        Check("Overgang: aantal jaren in Invoer (ook onder de reserverijen) = aantal jaren in Verdeling",
              telling(pl.nakijkbereik("Overgang", 0)), n_jaren, v.aantal_jaren, n_jaren),
        Check("Overgang: jaren oplopend getypt (laatste jaar = grootste jaar)",
              f"INDEX({jaren},1,{v.aantal_jaren})", r.laatste_jaar, f"MAX({jaren})", r.laatste_jaar),
        Check("Capaciteit: nieuwe regio's (reserverijen) met cliënten en verblijfsduur: hun aangeboden last A is een "
              "zoektocht (exporteer opnieuw)", f'SUMPRODUCT(({nieuw("a")}<>"")*({nieuw("A")}=""))', 0.0, "0", 0.0),
        Check("Capaciteit: grootste A·(1 − B) − a (A past niet meer bij plaatsen of cliënten: exporteer opnieuw)",
              f"MAX({k.bereik('controle_a', True)})", 0.0, "0", 0.0),
        Check("Capaciteit: kleinste A·(1 − B) − a", f"MIN({k.bereik('controle_a', True)})", 0.0, "0", 0.0),
    ]
    if duvo is not None:
        uit.append(Check("DUVO: regels in Invoer (ook onder de reserverijen) = regels met een bekende regio in blad DUVO",
                         telling(pl.nakijkbereik("DUVO", 0)), len(r.duvo),
                         f"SUMPRODUCT(({duvo.bereik('regio', True)}=1)*1)", len(r.duvo)))
    if r.invoer.plaatsingen and "opgevangen" in k.kolommen:
        aantal = sum(p.aantal for p in r.invoer.plaatsingen)
        uit.append(Check("Plaatsingen: Σ Aantal in Invoer (ook onder de reserverijen) = Σ totaal opgevangen per regio",
                         f"SUM({pl.nakijkbereik('Plaatsingen', 2)})", aantal, f"SUM({k.bereik('opgevangen', True)})",
                         aantal))
        uit.append(Check("Plaatsingen: Σ Aantal in Invoer = Σ (binnen eigen regio + uitstroom) per herkomstregio",
                         f"SUM({pl.nakijkbereik('Plaatsingen', 2)})", aantal,
                         f"SUM({k.bereik('binnen', True)})+SUM({k.bereik('uit', True)})", aantal))
    return uit


def checks(r: LandelijkResultaat, v: Verdeelblad, cap: Capaciteitsblad, duvo: Tabel | None,
           per_jaar: Tabel | None, uitvoer: Tabel) -> list[Check]:
    """Controles: budgetneutraliteit per jaar (ook de reservejaren), verdeelsleutel, herverdeling, capaciteit,
    DUVO."""
    verdeling = r.verdeling
    uit = []
    for n in range(v.jaren):
        echt = n < len(r.jaren)
        jaar = r.jaren[n] if echt else f"reservejaar {n + 1 - len(r.jaren)}"
        bud = f"N({cel(v.budget_rij, 1 + n, VERDELING, absoluut=True)})"
        budget = float(verdeling.budget[n]) if echt else 0.0
        for naam, tabel, som in (("historisch", v.historisch, verdeling.historisch[n].sum() if echt else 0.0),
                                 ("objectief", v.objectief, verdeling.objectief[n].sum() if echt else 0.0)):
            uit.append(Check(f"{jaar}: Σ {naam} = budget", tabel.som_cel(f"t{n}"), float(som), bud, budget))
        som_a = float(verdeling.toegekend[n].sum()) if echt else 0.0
        if verdeling.pot_extern:  # §2.1 (v2): Σ A = budget + knelpuntenpot van buiten de DUVO
            pot = v.aanvulling.som_cel(f"t{n}")
            uit.append(Check(f"{jaar}: Σ toegekend = budget + knelpuntenpot", v.toegekend.som_cel(f"t{n}"), som_a,
                             f"{bud}+{pot}", budget + (float(verdeling.externe_pot[n]) if echt else 0.0)))
        else:
            uit.append(Check(f"{jaar}: Σ toegekend = budget", v.toegekend.som_cel(f"t{n}"), som_a, bud, budget))
    delta = v.herverdeling.bereik("delta", True)
    a = v.aanvulling
    pot_laatste = (f"INDEX({a.som_cel('t0')}:{a.som_cel(f't{v.jaren - 1}', blad=False)},1,{v.aantal_jaren})")
    uit += [
        Check("Σ objectief aandeel S_i = Σ g_k", v.sleutel.som_cel("S"), float(sum(m.aandeel for m in r.invoer.maatstaven)),
              f"SUM({v.g_bereik})", float(sum(m.aandeel for m in r.invoer.maatstaven))),
        (Check("Σ herverdeling laatste jaar = knelpuntenpot laatste jaar", v.herverdeling.som_cel("delta"),
               float(sum(x.herverdeling for x in r.regios)), pot_laatste,
               float(verdeling.externe_pot[-1])) if verdeling.pot_extern else
         Check("Σ herverdeling laatste jaar = 0 (budgetneutraal)", v.herverdeling.som_cel("delta"),
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
