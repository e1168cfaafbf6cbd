"""Bladen Capaciteit (§2.4-2.5) en DUVO (§2.3) van de landelijke export, als live formules.

Erlang B: B(P, A) = POISSON(P; A; onwaar) / POISSON(P; A; waar) is wiskundig gelijk aan de recursie
B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)) van §2.4 en staat dus als formule in het werkboek. Wat Excel
niet zonder zoektocht kan (de vraag A terugrekenen uit de opnames, §2.4a; het kleinste aantal plaatsen
voor een doel) staat als waarde (grijs, "berekend door tariefmodel") met de invoer ernaast en, waar het
kan, een controleformule.
"""

from __future__ import annotations

from dataclasses import dataclass

from tariefmodel.capaciteit.erlang import erlang_b
from tariefmodel.export.landelijk_invoer import INVOER, Plaatsen
from tariefmodel.export.opmaak import Boek, Tabel, cel, kolombereik, tabelblad
from tariefmodel.landelijk import LandelijkResultaat

CAPACITEIT, DUVO = "Capaciteit", "DUVO"
BEREKEND = "berekend door tariefmodel"
GRIJS = "#595959"


@dataclass
class Capaciteitsblad:
    tabel: Tabel
    landelijk: dict[str, str]  # naam -> cel met het landelijke cijfer


def schrijf_capaciteit(boek: Boek, r: LandelijkResultaat, pl: Plaatsen) -> Capaciteitsblad:
    t = tabelblad(boek, CAPACITEIT, "Capaciteit (§2.4) en bovenregionale plaatsingen (§2.5) per centrumgemeente; "
                  "één formule per kolom. Leeg = geen gegevens in het werkboek. Ook de reserverijen van Invoer › "
                  "Regio's; een nieuwe regio met cliëntgegevens heeft geen A (zoektocht): Controle slaat aan.",
                  len(pl.regios), "§2.4 Capaciteit per centrumgemeente", leeg_als="naam")
    ws = t.ws
    g = r.regios

    def invoer(kolom):
        return lambda i: cel(pl.regios[i], kolom, INVOER)

    def optioneel(kolom):
        return lambda i: f'IF({cel(pl.regios[i], kolom, INVOER)}="","",{cel(pl.regios[i], kolom, INVOER)})'

    c = t.cel
    t.kolom("naam", "Centrumgemeente", lambda i: f'{cel(pl.regios[i], 0, INVOER)}&""', [x.centrumgemeente for x in g],
            "tekst")
    t.kolom("inw", "Inwoners", invoer(1), [x.inwoners for x in g], "aantal", som=True, breedte=13)
    t.kolom("P", "Plaatsen P", invoer(2), [x.plaatsen for x in g], "aantal", som=True, breedte=10)
    t.kolom("C", "Cliënten per jaar C", optioneel(3), [x.clienten for x in g], "aantal", breedte=11)
    t.kolom("d", "Verblijfsduur d (dagen)", optioneel(4), [x.verblijfsduur for x in g], "getal", breedte=11)
    t.kolom("a", "Gedragen last a = C · d / dagen_per_jaar (opnames)",
            lambda i: f'IF(OR({c("C", i)}="",{c("d", i)}=""),"",{c("C", i)}*{c("d", i)}/dagen_per_jaar)',
            [None if x.clienten is None or x.verblijfsduur is None else
             x.clienten * x.verblijfsduur / r.parameters["dagen_per_jaar"] for x in g], "getal", som=True, breedte=14)
    t.kolom("bez", "Bezettingsgraad a / P",
            lambda i: f'IF({c("a", i)}="","",IF({c("P", i)}>0,{c("a", i)}/{c("P", i)},""))',
            [x.bezettingsgraad for x in g], "procent1", breedte=12)
    t.kolom("A", f"Aangeboden last A: A·(1 − B(P, A)) = a ({BEREKEND}; leeg = vol)", None,
            [x.aangeboden_last for x in g], "getal", som=True, breedte=16)
    grijs_getal = boek.opmaak("getal", font_color=GRIJS, italic=True)
    for i, x in enumerate(g):
        boek.waarde(ws, t.rij0 + i, t.kolommen["A"], x.aangeboden_last, grijs_getal)
    t.kolom("B", "Weigerkans Erlang B = POISSON(P;A;0) / POISSON(P;A;1)",
            lambda i: (f'IF({c("A", i)}="","",IF({c("A", i)}>0,POISSON({c("P", i)},{c("A", i)},FALSE)/'
                       f'POISSON({c("P", i)},{c("A", i)},TRUE),IF({c("P", i)}>0,0,1)))'),
            [x.weigerkans for x in g], "procent1", breedte=16)
    t.kolom("controle_a", "Controle A·(1 − B) − a (hoort 0 te zijn)",
            lambda i: f'IF({c("A", i)}="","",{c("A", i)}*(1-{c("B", i)})-{c("a", i)})',
            [None if x.aangeboden_last is None else 0.0 for x in g], "getal", breedte=13)
    t.kolom("geweigerd", "Geweigerd per jaar = A · dagen_per_jaar / d · B",
            lambda i: f'IF({c("A", i)}="","",{c("A", i)}*dagen_per_jaar/{c("d", i)}*{c("B", i)})',
            [x.geweigerd_per_jaar for x in g], "getal", som=True, breedte=13)
    t.kolom("melding", "Melding (§2.4a)", None, [x.capaciteit_melding for x in g], "tekst", breedte=30)
    t.kolom("nodig_doel", f"Plaatsen nodig voor doel_weigerkans ({BEREKEND}: Erlang-B-zoektocht)", None,
            [x.plaatsen_nodig_weigerkans for x in g], "aantal", som=True, breedte=16)
    grijs = boek.opmaak("aantal", font_color=GRIJS, italic=True)
    for i, x in enumerate(g):
        boek.waarde(ws, t.rij0 + i, t.kolommen["nodig_doel"], x.plaatsen_nodig_weigerkans, grijs)
    t.kolom("nodig_norm", "Plaatsen op bezettingsnorm = ⌈A / bezettingsnorm⌉",
            lambda i: f'IF({c("A", i)}="","",-INT(afrond_tolerantie-{c("A", i)}/bezettingsnorm))',
            [x.plaatsen_nodig_bezettingsnorm for x in g], "aantal", som=True, breedte=15)
    t.kolom("ist", "Istanbul-norm = inwoners / istanbul_inwoners_per_plaats",
            lambda i: f"{c('inw', i)}/istanbul_inwoners_per_plaats", [x.istanbul_norm for x in g], "getal",
            som=True, breedte=15)
    t.kolom("tekort", "Istanbul-tekort = norm − P", lambda i: f"{c('ist', i)}-{c('P', i)}",
            [x.istanbul_tekort for x in g], "getal", som=True, breedte=13)
    t.kolom("AB", "A · B (voor de landelijke weigerkans)", lambda i: f'IF({c("A", i)}="","",{c("A", i)}*{c("B", i)})',
            [None if x.aangeboden_last is None else x.aangeboden_last * x.weigerkans for x in g], "getal", som=True,
            breedte=13)
    if r.invoer.plaatsingen is not None:
        _plaatsingen(t, r, pl)
    t.somlabel("Σ landelijk")
    return Capaciteitsblad(t, _landelijk(boek, ws, r, t))


def _plaatsingen(t: Tabel, r: LandelijkResultaat, pl: Plaatsen) -> None:
    """§2.5 per regio uit Invoer › Plaatsingen (exacte vergelijking van namen, geen jokertekens)."""
    van, tot = (pl.plaatsingen[0], pl.plaatsingen[-1]) if pl.plaatsingen else (0, 0)
    herk, opv, aantal = (kolombereik(INVOER, k, van, tot) for k in range(3))
    c, g = t.cel, r.regios
    t.kolom("genoemd", "In Plaatsingen genoemd", lambda i: f"SUMPRODUCT(({herk}={c('naam', i)})+({opv}={c('naam', i)}))>0",
            [x.totaal_opgevangen is not None for x in g], "vlag", breedte=11)
    binnen = [None if x.totaal_opgevangen is None else x.totaal_opgevangen - x.instroom_van_buiten for x in g]
    t.kolom("binnen", "Binnen de eigen regio",
            lambda i: f"SUMPRODUCT(({herk}={c('naam', i)})*({opv}={c('naam', i)})*{aantal})",
            [b or 0.0 for b in binnen], "getal", breedte=11)
    t.kolom("opgevangen", "Totaal opgevangen", lambda i: f'IF({c("genoemd", i)},SUMPRODUCT(({opv}={c("naam", i)})*{aantal}),"")',
            [x.totaal_opgevangen for x in g], "getal", som=True, breedte=11)
    t.kolom("in", "Instroom van buiten", lambda i: f'IF({c("genoemd", i)},{c("opgevangen", i)}-{c("binnen", i)},"")',
            [x.instroom_van_buiten for x in g], "getal", som=True, breedte=11)
    t.kolom("uit", "Uitstroom naar buiten",
            lambda i: f'IF({c("genoemd", i)},SUMPRODUCT(({herk}={c("naam", i)})*{aantal})-{c("binnen", i)},"")',
            [x.uitstroom_naar_buiten for x in g], "getal", som=True, breedte=11)
    t.kolom("aandeel", "Aandeel bovenregionaal = instroom / opgevangen",
            lambda i: f'IF({c("genoemd", i)},IF({c("opgevangen", i)}>0,{c("in", i)}/{c("opgevangen", i)},""),"")',
            [x.bovenregionaal_aandeel for x in g], "procent1", breedte=14)


def _landelijk(boek: Boek, ws, r: LandelijkResultaat, t: Tabel) -> dict[str, str]:
    """§2.4 landelijk: bezettingsgraad en weigerkans gewogen met de aangeboden last."""
    rij = t.rij0 + t.aantal + 2
    k = r.capaciteit
    boek.sectie(ws, rij, "Landelijk (regio's met cliëntgegevens)")
    regels = [
        ("plaatsen_met", "Plaatsen in regio's met cliëntgegevens",
         f"SUMIF({t.bereik('a')},\">=0\",{t.bereik('P')})", k.plaatsen_met_clientgegevens, "aantal"),
        ("bezettingsgraad", "Bezettingsgraad Σ a / Σ P", f"{t.som_cel('a', False)}/{cel(rij + 1, 1)}",
         k.bezettingsgraad, "procent1"),
        ("weigerkans", "Weigerkans Σ A·B / Σ A", f"{t.som_cel('AB', False)}/{t.som_cel('A', False)}", k.weigerkans,
         "procent1"),
        ("geweigerd", "Geweigerd per jaar Σ (regio's die niet vol zaten)", t.som_cel("geweigerd", False),
         k.geweigerd_per_jaar, "getal"),
    ]
    uit = {}
    for n, (naam, label, formule, waarde, soort) in enumerate(regels, start=1):
        boek.tekst(ws, rij + n, 0, label)
        boek.formule(ws, rij + n, 1, formule, waarde, boek.opmaak(soort, vet=True))
        uit[naam] = cel(rij + n, 1, CAPACITEIT, absoluut=True)
    return uit


def schrijf_duvo(boek: Boek, r: LandelijkResultaat, pl: Plaatsen, cap: Capaciteitsblad) -> Tabel | None:
    """§2.3 per DUVO-regel (in de volgorde van het resultaat: jaar, dan regio) en per jaar."""
    if not r.duvo:
        return None
    t = tabelblad(boek, DUVO, "DUVO-besteding (§2.3): uitkering tegen besteding, en de kosten van normcapaciteit "
                  "(Istanbul-norm en doel-weigerkans) tegen de besteding vrouwenopvang. Eén rij per rij van Invoer › DUVO "
                  "(ook de reserverijen).", len(pl.duvo), "§2.3 Per centrumgemeente en jaar", leeg_als="naam")
    volgorde = {(x.centrumgemeente, x.jaar): x for x in r.duvo}
    d = [volgorde[(x.centrumgemeente, x.jaar)] for x in r.invoer.duvo]  # in de volgorde van Invoer
    rij = pl.duvo
    namen, ist = cap.tabel.bereik("naam", True), cap.tabel.bereik("ist", True)
    c = t.cel
    t.kolom("naam", "Centrumgemeente", lambda i: f'{cel(rij[i], 0, INVOER)}&""', [x.centrumgemeente for x in d],
            "tekst")
    t.kolom("jaar", "Jaar", lambda i: cel(rij[i], 1, INVOER), [x.jaar for x in d], "geheel", breedte=8)
    t.kolom("U", "Uitkering", lambda i: cel(rij[i], 2, INVOER), [x.uitkering for x in d], som=True, breedte=15)
    t.kolom("VO", "Besteding vrouwenopvang", lambda i: cel(rij[i], 3, INVOER), [x.besteding_vrouwenopvang for x in d],
            som=True, breedte=15)
    t.kolom("overig", "Besteding overig",
            lambda i: f'IF({cel(rij[i], 4, INVOER)}="","",{cel(rij[i], 4, INVOER)})',
            [x.besteding_overig for x in d], som=True, breedte=15)
    t.kolom("gat", "Bestedingsgat = U − VO − overig",
            lambda i: f'{c("U", i)}-{c("VO", i)}-IF({c("overig", i)}="",0,{c("overig", i)})',
            [x.bestedingsgat for x in d], som=True, breedte=15)
    t.kolom("onder", "Onderbesteding (bruto) = MAX(0; gat)", lambda i: f'MAX(0,{c("gat", i)})',
            [x.onderbesteding for x in d], som=True, breedte=15)  # §2.3 (v2)
    t.kolom("graad", "Bestedingsgraad VO / U", lambda i: f'IF({c("U", i)}=0,"",{c("VO", i)}/{c("U", i)})',
            [x.bestedingsgraad for x in d], "procent1", breedte=12)
    t.kolom("regio", "In Regio's (1 = gevonden)", lambda i: f"SUMPRODUCT(({namen}={c('naam', i)})*1)",
            [1.0] * len(d), "geheel", breedte=9)
    t.kolom("ist", "Istanbul-norm (Capaciteit, op naam)", lambda i: f"SUMPRODUCT(({namen}={c('naam', i)})*1,{ist})",
            [x.istanbul_norm for x in d], "getal", breedte=12)
    t.kolom("kosten", "Kosten normcapaciteit = norm · kosten_per_plaats", lambda i: f"{c('ist', i)}*kosten_per_plaats",
            [x.kosten_normcapaciteit for x in d], som=True, breedte=16)
    t.kolom("tekort", "Financieringstekort = kosten − VO", lambda i: f"{c('kosten', i)}-{c('VO', i)}",
            [x.financieringstekort for x in d], som=True, breedte=16)
    t.somlabel()
    return t


RESERVE_DUVO_JAREN = 5


def schrijf_duvo_per_jaar(boek: Boek, r: LandelijkResultaat, t: Tabel) -> Tabel:
    """§2.3 landelijke totalen per jaar (SUMIF op het jaar); de jaren zelf oplopend uit de DUVO-regels
    (SMALL/COUNTIF), met RESERVE_DUVO_JAREN lege rijen voor een nieuw jaar."""
    ws = t.ws
    rij = t.rij0 + t.aantal + 2
    boek.sectie(ws, rij, "§2.3 Landelijk per jaar")
    dj = r.duvo_per_jaar
    j = Tabel(boek, ws, DUVO, rij + 2, len(dj) + RESERVE_DUVO_JAREN, leeg_als="jaar")
    ws.set_row(j.rij0 - 1, 30)
    jr = t.bereik("jaar")

    def jaar(i):
        if i == 0:
            return f'IF(COUNT({jr})=0,"",MIN({jr}))'
        vorig = j.cel("jaar", i - 1)
        return (f'IF({vorig}="","",IF(COUNTIF({jr},">"&{vorig})=0,"",'
                f'SMALL({jr},COUNTIF({jr},"<="&{vorig})+1)))')

    j.kolom("jaar", "Jaar", jaar, [x.jaar for x in dj], "geheel")

    def som(kolom):
        return lambda i: f"SUMIF({t.bereik('jaar')},{j.cel('jaar', i)},{t.bereik(kolom)})"

    j.kolom("aantal", "Regio's", lambda i: f"COUNTIF({t.bereik('jaar')},{j.cel('jaar', i)})",
            [x.aantal_regios for x in dj], "aantal")
    for kolom, kop, veld in (("U", "Uitkering", "uitkering"), ("VO", "Besteding vrouwenopvang", "besteding_vrouwenopvang"),
                             ("overig", "Besteding overig", "besteding_overig"), ("gat", "Bestedingsgat", "bestedingsgat"),
                             ("onder", "Onderbesteding (bruto)", "onderbesteding")):
        j.kolom(kolom, kop, som(kolom), [getattr(x, veld) for x in dj])
    j.kolom("graad", "Bestedingsgraad", lambda i: f'IF({j.cel("U", i)}=0,"",{j.cel("VO", i)}/{j.cel("U", i)})',
            [x.bestedingsgraad for x in dj], "procent1")
    j.kolom("kosten", "Kosten normcapaciteit", som("kosten"), [x.kosten_normcapaciteit for x in dj])
    j.kolom("tekort", "Financieringstekort", som("tekort"), [x.financieringstekort for x in dj])
    return j


EENHEDEN = "Capaciteit eenheden"


def schrijf_eenheden(boek: Boek, r: LandelijkResultaat) -> Tabel | None:
    """Blad Capaciteit van het werkboek (§2.4a): weigeren (Erlang B) of wachten (Erlang C) per eenheid.

    Erlang B en C zijn live formules (POISSON); het terugrekenen van de vraag uit opnames, de benodigde
    plaatsen en de bandbreedte zijn zoektochten en staan als waarde, "berekend door tariefmodel".
    """
    e = r.eenheden
    if not e:
        return None
    t = tabelblad(boek, EENHEDEN, "Capaciteit per opvangeenheid (rekenmethode §2.4a): nood en crisis als verliesmodel "
                  "(weigeren, Erlang B), vervolg als wachtrij (wachten, Erlang C). Geel = invoer uit het blad "
                  f"Capaciteit; grijs cursief = {BEREKEND} (zoektocht), met de invoer ernaast.", len(e),
                  "§2.4a Weigeren of wachten per eenheid")
    ws, c = t.ws, t.cel
    geel = {s: boek.opmaak(s, invoer=True) for s in ("tekst", "aantal", "getal")}
    grijs = {s: boek.opmaak(s, font_color=GRIJS, italic=True) for s in ("aantal", "getal", "procent1", "tekst")}

    def invoerkolom(sleutel, kop, waarden, soort, breedte=12):
        t.kolom(sleutel, kop, None, waarden, soort, breedte=breedte)
        for i, w in enumerate(waarden):
            boek.waarde(ws, t.rij0 + i, t.kolommen[sleutel], w, geel[soort])

    def berekend(sleutel, kop, waarden, soort, breedte=12, formule=None):
        t.kolom(sleutel, kop, formule, waarden, soort, breedte=breedte)
        for i, w in enumerate(waarden):
            if formule is None or formule(i) is None:
                boek.waarde(ws, t.rij0 + i, t.kolommen[sleutel], w, grijs[soort])

    invoerkolom("naam", "Centrumgemeente", [x.centrumgemeente for x in e], "tekst", 18)
    invoerkolom("type", "Type", [x.type for x in e], "tekst", 9)
    invoerkolom("model", "Model", [x.model for x in e], "tekst", 10)
    invoerkolom("N", "Plaatsen N", [float(x.plaatsen) for x in e], "aantal", 9)
    invoerkolom("opg", "Opgenomen per jaar", [x.opgenomen for x in e], "getal")
    invoerkolom("aanm", "Aanmeldingen per jaar", [x.aanmeldingen for x in e], "getal")
    invoerkolom("d", "Verblijfsduur d (dagen)", [x.verblijfsduur for x in e], "getal", 11)
    dagen = r.parameters["dagen_per_jaar"]
    t.kolom("a", "Gedragen last a = opgenomen · d / dagen_per_jaar",
            lambda i: f'IF({c("opg", i)}="","",{c("opg", i)}*{c("d", i)}/dagen_per_jaar)',
            [None if x.opgenomen is None else x.opgenomen * x.verblijfsduur / dagen for x in e], "getal", breedte=13)

    def last(i):
        x = e[i]
        if x.aanmeldingen is not None:
            return f'{c("aanm", i)}*{c("d", i)}/dagen_per_jaar'
        if x.model == "wachtrij":
            return c("a", i)
        return None  # verliesmodel zonder aanmeldingen: bisectie, zie §2.4a

    berekend("A", f"Aangeboden last A (aanmeldingen · d / dagen_per_jaar; wachtrij: = a; verlies zonder aanmeldingen: "
             f"A·(1 − B) = a, {BEREKEND})", [x.cijfers.aangeboden_last for x in e], "getal", 18, last)
    t.kolom("B", "Erlang B = POISSON(N;A;0) / POISSON(N;A;1)",
            lambda i: (f'IF({c("A", i)}="","",IF({c("A", i)}>0,POISSON({c("N", i)},{c("A", i)},FALSE)/'
                       f'POISSON({c("N", i)},{c("A", i)},TRUE),IF({c("N", i)}>0,0,1)))'),
            [None if x.cijfers.aangeboden_last is None or x.plaatsen == 0 else
             erlang_b(x.plaatsen, x.cijfers.aangeboden_last) for x in e], "procent1", breedte=14)
    t.kolom("bez", "Bezetting: verlies A·(1 − B)/N, wachtrij A/N",
            lambda i: f'IF({c("A", i)}="","",IF({c("model", i)}="verlies",{c("A", i)}*(1-{c("B", i)}),{c("A", i)})'
                      f'/{c("N", i)})', [x.cijfers.bezetting for x in e], "procent1", breedte=12)
    t.kolom("weigerkans", "Weigerkans (verlies) = B", lambda i: f'IF({c("model", i)}="verlies",{c("B", i)},"")',
            [x.cijfers.weigerkans for x in e], "procent1", breedte=12)
    t.kolom("geweigerd", "Geweigerd per jaar = A · dagen_per_jaar / d · B",
            lambda i: f'IF(OR({c("weigerkans", i)}="",{c("A", i)}=""),"",{c("A", i)}*dagen_per_jaar/{c("d", i)}*'
                      f'{c("weigerkans", i)})', [x.cijfers.geweigerd_per_jaar for x in e], "getal", som=True, breedte=12)
    def stabiel(i):
        return f'AND({c("model", i)}="wachtrij",{c("A", i)}<>"",N({c("A", i)})<{c("N", i)})'

    t.kolom("C", "Kans op wachten C = N·B / (N − A·(1 − B)) (wachtrij, A < N)",
            lambda i: f'IF({stabiel(i)},{c("N", i)}*{c("B", i)}/({c("N", i)}-{c("A", i)}*(1-{c("B", i)})),"")',
            [x.cijfers.kans_wachten for x in e], "procent1", breedte=14)
    t.kolom("W", "Gemiddelde wachttijd W = C · d / (N − A) (dagen)",
            lambda i: f'IF({c("C", i)}="","",{c("C", i)}*{c("d", i)}/({c("N", i)}-{c("A", i)}))',
            [x.cijfers.gemiddelde_wachttijd_dagen for x in e], "getal", breedte=13)
    t.kolom("L", "Gemiddeld wachtenden L = C · A / (N − A)",
            lambda i: f'IF({c("C", i)}="","",{c("C", i)}*{c("A", i)}/({c("N", i)}-{c("A", i)}))',
            [x.cijfers.wachtenden for x in e], "getal", som=True, breedte=12)
    berekend("nodig", f"Plaatsen nodig (doel_weigerkans of doel_wachttijd; {BEREKEND})",
             [x.cijfers.plaatsen_nodig for x in e], "aantal", 14)
    for band, naam in (("laag", "bezetting − gevoeligheid_bezetting"), ("hoog", "bezetting + gevoeligheid_bezetting")):
        cijfers = [getattr(x.uitkomst, band) for x in e]
        berekend(f"{band}_bez", f"Bezetting bij {naam} ({BEREKEND})", [b.bezetting for b in cijfers], "procent1")
        berekend(f"{band}_B", f"Weigerkans bij {naam} ({BEREKEND})", [b.weigerkans for b in cijfers], "procent1")
        berekend(f"{band}_W", f"Wachttijd (dagen) bij {naam} ({BEREKEND})",
                 [b.gemiddelde_wachttijd_dagen for b in cijfers], "getal")
    berekend("melding", "Melding (§2.4a)", [x.cijfers.melding for x in e], "tekst", 34)
    t.somlabel("Σ landelijk")
    return t

