"""Blad Berekening: de stappen van rekenmethode.md §1.2-1.6 (en de opbouw) als live formules.

FAST: één rekenstap per rij, dezelfde formule in elke kolom (product), alleen verwijzingen naar rijen
erboven, naar de invoerbladen, naar blad Loonkosten (§1.1, één rij per personeelsregel) en naar benoemde
parameters; geen constanten in formules. Er zijn RESERVE_PRODUCTEN lege productkolommen: een product
dat onder de tabel Producten wordt getypt, rekent mee; een lege code maakt de kolom leeg.
"""

from __future__ import annotations

from dataclasses import dataclass

from tariefmodel.export.kostprijs_invoer import Plaatsen
from tariefmodel.export.kostprijs_loonkosten import schrijf_loonkosten
from tariefmodel.export.opmaak import (
    EERSTE_RIJ,
    MAX_KOLOMMEN,
    Blok,
    Boek,
    NietTeExporteren,
    Tabel,
    cel,
)
from tariefmodel.kostprijs.berekening import KostprijsResultaat
from tariefmodel.kostprijs.meerjaren import loondeel
from tariefmodel.kostprijs.opbouw import opbouw

BEREKENING = "Berekening"


@dataclass
class Berekening:
    personeel: Tabel  # blad Loonkosten
    producten: Blok
    opbouw: Blok
    aantal: int  # productkolommen incl. reserve
    meerjaren_tot: int = 0  # laatste rij van blad Meerjaren (gezet door schrijf_meerjaren)


def schrijf_berekening(boek: Boek, r: KostprijsResultaat, plaatsen: Plaatsen) -> Berekening:
    personeel = schrijf_loonkosten(boek, r, plaatsen)
    aantal = plaatsen.producten.aantal
    if aantal + 4 > MAX_KOLOMMEN:
        raise NietTeExporteren(f"{len(r.producten)} producten passen niet als kolommen in blad Berekening")
    ws = boek.blad(BEREKENING, "Rekenmethode §1.2-1.6 stap voor stap. Elke rij is één stap met één formule over alle "
                   "kolommen (één per product, met lege reservekolommen); kolom D is het totaal of de waarde.",
                   [44, 52, 16, 18] + [15] * aantal)
    boek.kopregel(ws, EERSTE_RIJ, ["Stap", "Rekenregel", "Eenheid", "Totaal / waarde"])
    ws.freeze_panes(EERSTE_RIJ + 1, 4)
    ws.repeat_rows(EERSTE_RIJ)
    ws.repeat_columns(0, 0)
    scalairen = Blok(boek, ws, BEREKENING, 0, EERSTE_RIJ + 2)
    _uren(boek, ws, scalairen, r)
    pool = Blok(boek, ws, BEREKENING, 0, scalairen.rij + 1)
    _overheadpool(boek, ws, pool, personeel, r, plaatsen)
    producten = Blok(boek, ws, BEREKENING, aantal, pool.rij + 1, leeg_als="code")
    _producten(boek, ws, producten, personeel, r, plaatsen)
    stappen = Blok(boek, ws, BEREKENING, aantal, producten.rij + 1, leeg_als="code")
    _opbouw(boek, ws, stappen, producten, r)
    ws.protect("", {"format_cells": True, "format_columns": True, "format_rows": True})
    ws.print_area(0, 0, stappen.rij, 3 + aantal)
    return Berekening(personeel, producten, stappen, aantal)


def _uren(boek: Boek, ws, b: Blok, r: KostprijsResultaat) -> None:
    """§1.2: uren per fte."""
    boek.sectie(ws, b.rij - 1, "§1.2 Uren per fte (niet-productieve uren)")
    u = r.uren
    b.scalair("Ub", "Beschikbare uren U_b", "jaaruren − verlofuren − feestdaguren", "uren per fte",
              "jaaruren-verlofuren-feestdaguren", u.beschikbaar, "uren", "uren_beschikbaar")
    b.scalair("Ui", "Inzetbare uren U_i", "U_b · (1 − verzuim) − scholing_overleg_uren", "uren per fte",
              "uren_beschikbaar*(1-verzuim)-scholing_overleg_uren", u.inzetbaar, "uren", "uren_inzetbaar")
    b.scalair("Ud", "Directe uren U_d", "U_i · directe_tijd_ambulant", "uren per fte",
              "uren_inzetbaar*directe_tijd_ambulant", u.direct, "uren", "uren_direct")
    b.scalair("post", "Fte per 24/7-post (hulpgetal)", "uren_per_jaar_24_7 / U_i", "fte",
              "uren_per_jaar_24_7/uren_inzetbaar", u.fte_per_24_7_post, "getal", "fte_per_24_7_post")


def som_als(criteriumbereik: str, criterium: str, sombereik: str) -> str:
    """Σ over de regels waarvan de code exact ``criterium`` is.

    SUMPRODUCT met '=' in plaats van SUMIF: SUMIF leest * en ? in een code als jokerteken en
    '<', '>' of '=' aan het begin als vergelijking; een productcode is tekst van de gebruiker.
    """
    return f"SUMPRODUCT(({criteriumbereik}={criterium})*{sombereik})"


def bedragen(plaatsen: Plaatsen, kolom: int) -> str:
    """Kolom ``kolom`` van de tabel Kosten (0 = Product, 3 = Bedrag), inclusief de reserverijen."""
    return plaatsen.kosten.bereik(kolom)


def _overheadpool(boek: Boek, ws, b: Blok, pers: Tabel, r: KostprijsResultaat, plaatsen: Plaatsen) -> None:
    """§1.4: overheadpool O = Σ K_r (OVERHEAD) + Σ bedrag (OVERHEAD)."""
    boek.sectie(ws, b.rij - 1, "§1.4 Overheadpool")
    pool_kosten = r.overhead_pool - r.overhead_pool_personeel
    b.scalair("Opers", "Overhead personeel", "Σ K_r van regels met product code_overhead", "euro per jaar",
              som_als(pers.bereik("product", True), "code_overhead", pers.bereik("K", True)), r.overhead_pool_personeel,
              naam="overhead_pool_personeel")
    b.scalair("Okost", "Overhead overige kosten", "Σ Bedrag van Kosten met product code_overhead", "euro per jaar",
              som_als(bedragen(plaatsen, 0), "code_overhead", bedragen(plaatsen, 3)), pool_kosten,
              naam="overhead_pool_kosten")
    b.scalair("O", "Overheadpool O", "overhead personeel + overhead overige kosten", "euro per jaar",
              "overhead_pool_personeel+overhead_pool_kosten", r.overhead_pool, naam="overhead_pool")


def _producten(boek: Boek, ws, b: Blok, pers: Tabel, r: KostprijsResultaat, plaatsen: Plaatsen) -> None:
    """§1.3-1.6 per product: directe kosten, overhead, integrale kosten, volume, kostprijs, tekort."""
    boek.sectie(ws, b.rij - 1, "§1.3-1.6 Per product (één kolom per product van Invoer › Producten)")
    _productinvoer(b, r, plaatsen)
    _kosten(b, pers, r, plaatsen)
    _volumes(b, r)
    _tarief(b, r)


def _productinvoer(b: Blok, r: KostprijsResultaat, plaatsen: Plaatsen) -> None:
    pl, pr = plaatsen.producten, r.producten

    def invoer(k, kolom):
        return cel(pl.rij(k), kolom, pl.blad)

    def link(kolom):
        return lambda k: f'{invoer(k, kolom)}&""'

    def optioneel(kolom):
        return lambda k: f'IF(ISBLANK({invoer(k, kolom)}),"",{invoer(k, kolom)})'

    b.stap("code", "Product", "Invoer › Producten (leeg = reservekolom)", "code", link(0), [p.code for p in pr],
           "tekst", vet=True)
    b.stap("soort", "Soort", "Invoer › Producten", "", link(2), [p.product.soort for p in pr], "tekst")
    b.stap("eenheid", "Eenheid", "Invoer › Producten", "", link(3), [p.product.eenheid for p in pr], "tekst")
    b.stap("N", "Plaatsen N", "Invoer › Producten", "plaatsen", optioneel(4),
           [p.product.plaatsen for p in pr], "getal")
    _normbezetting(b, r, pl, invoer)
    b.stap("bez", "Bezetting voor het gerealiseerde volume", "Werkelijke bezetting; leeg = b_p",
           "fractie", lambda k: f"IF(ISBLANK({invoer(k, 5)}),{b.cel('bnorm', k)},{invoer(k, 5)})",
           [p.product.werkelijke_bezetting if p.product.werkelijke_bezetting is not None
            else _norm(p, r) for p in pr], "procent1")
    b.stap("upt", "Uren per traject", "Invoer › Producten", "uren", optioneel(6),
           [p.product.uren_per_traject for p in pr], "uren")
    b.stap("tpj", "Trajecten per jaar", "Invoer › Producten", "trajecten", optioneel(7),
           [p.product.trajecten_per_jaar for p in pr], "getal")
    b.stap("tarief", "Gemeentetarief", "Invoer › Producten (leeg = geen vergelijking)", "euro per eenheid",
           optioneel(8), [p.gemeentetarief for p in pr])


def _norm(p, r: KostprijsResultaat) -> float:
    """b_p zoals het model hem gebruikte (opvang); ambulant: bezettingsnorm (niet gebruikt)."""
    return p.bezettingsnorm if getattr(p, "bezettingsnorm", None) is not None else r.parameters["bezettingsnorm"]


def _normbezetting(b: Blok, r: KostprijsResultaat, pl, invoer) -> None:
    """§1.6 v2: b_p = eigen Bezettingsnorm van het product; anders (methode weigerkans) ρ*(N, doel_weigerkans);
    anders bezettingsnorm. ρ* is een zoektocht (Erlang) en staat als waarde (grijs, "berekend door
    tariefmodel") met zijn invoer (N, doel_weigerkans) ernaast; een controlerij rekent B(N; A*) met de
    huidige N en doel_weigerkans na: ≠ doel_weigerkans (Plaatsen gewijzigd) laat Controle aanslaan."""
    pr = r.producten
    weigerkans = "bezettingsnorm_methode" in b.boek.namen
    if weigerkans:
        from tariefmodel.kostprijs.bezetting import rho_ster

        doel = r.parameters.get("doel_weigerkans")
        waarden = [rho_ster(p.product.plaatsen, doel) if p.product.soort == "opvang" and doel is not None else None
                   for p in pr]
        grijs = {s: b.boek.opmaak(s, font_color="#595959", italic=True) for s in ("procent1", "getal", "procent")}
        for sleutel, label, uitleg, eenheid, lijst, soort in (
                ("rho", "ρ* bij doel_weigerkans (berekend door tariefmodel)",
                 ("bezettingsnorm_methode = weigerkans: Erlang-zoektocht in tariefmodel, een waarde (geen formule); "
                  "bij een ander aantal plaatsen opnieuw exporteren"), "fractie", waarden, "procent1"),
                ("rho_N", "  invoer van ρ*: Plaatsen N (bij het berekenen)", "waarde waarmee tariefmodel ρ* zocht",
                 "plaatsen", [p.product.plaatsen if w is not None else None for p, w in zip(pr, waarden)], "getal"),
                ("rho_doel", "  invoer van ρ*: doel_weigerkans (bij het berekenen)",
                 "waarde waarmee tariefmodel ρ* zocht", "fractie", [doel if w is not None else None for w in waarden],
                 "procent")):
            rij = b.rij
            b.rijen[sleutel] = rij
            b.boek.tekst(b.ws, rij, 0, label, b.boek.opmaak(italic=True))
            b.boek.tekst(b.ws, rij, 1, uitleg, b.boek.opmaak(font_color="#595959"))
            b.boek.tekst(b.ws, rij, 2, eenheid)
            for k in range(b.aantal):
                b.boek.waarde(b.ws, rij, b.kolom0 + k, lijst[k] if k < len(lijst) else None, grijs[soort])
            b.rij += 1
        rho, n = b.cel, b.cel

        def controle(k):
            last = f"{rho('rho', k)}*{n('N', k)}/(1-doel_weigerkans)"
            return (f'IF(AND(bezettingsnorm_methode="weigerkans",ISNUMBER({rho("rho", k)})),'
                    f"POISSON({n('N', k)},{last},FALSE)/POISSON({n('N', k)},{last},TRUE)/doel_weigerkans,1)")

        b.stap("rho_controle", "  controle ρ*: B(N; A*) / doel_weigerkans (hoort 1 te zijn)",
               "A* = ρ* · N / (1 − doel_weigerkans) met de huidige N en doel_weigerkans; ≠ 1: ρ* past niet meer "
               "(Plaatsen of doel_weigerkans gewijzigd), Controle slaat aan", "verhouding", controle,
               [1.0] * len(pr), "getal")
    methode = ('IF(AND(bezettingsnorm_methode="weigerkans",ISNUMBER({rho})),{rho},bezettingsnorm)'
               if weigerkans else "bezettingsnorm")
    b.stap("bnorm", "Normbezetting b_p", "eigen Bezettingsnorm; leeg: ρ* (methode weigerkans) of bezettingsnorm",
           "fractie", lambda k: (f"IF(ISBLANK({invoer(k, 9)}),"
                                 f"{methode.format(rho=b.cel('rho', k)) if weigerkans else methode},{invoer(k, 9)})"),
           [_norm(p, r) for p in pr], "procent1")


def _kosten(b: Blok, pers: Tabel, r: KostprijsResultaat, plaatsen: Plaatsen) -> None:
    """§1.3 directe kosten, §1.4 overhead, §1.5 integrale kosten."""
    c, pr = b.cel, r.producten

    def som(rij):
        return lambda k: som_als(pers.bereik("product", True), c("code", k), pers.bereik(rij, True))

    b.stap("fte", "FTE", "Σ f van de regels van het product", "fte", som("f"), [p.fte for p in pr], "getal",
           totaal=True)
    b.stap("loon", "Loonkosten Σ K_r", "Σ K_r van de regels van het product", "euro per jaar", som("K"),
           [p.loonkosten for p in pr], totaal=True)
    b.stap("salaris", "  waarvan salaris", "Σ f · S", "euro per jaar", som("fS"), [p.jaarsalaris for p in pr],
           totaal=True)
    b.stap("cao", "  waarvan CAO-opslagen", "Σ f · (VT + EJU + ORT + LB)", "euro per jaar", som("fCAO"),
           [p.cao_opslagen for p in pr], totaal=True)
    b.stap("wg", "  waarvan werkgeverslasten", "Σ f · (SP + P + OP)", "euro per jaar", som("fWG"),
           [p.werkgeverslasten for p in pr], totaal=True)
    b.stap("overig", "Overige directe kosten", "Σ Bedrag van Kosten van het product", "euro per jaar",
           lambda k: som_als(bedragen(plaatsen, 0), c("code", k), bedragen(plaatsen, 3)),
           [p.overige_directe_kosten for p in pr], totaal=True)
    b.stap("D", "Directe kosten D_p", "Σ K_r + overige directe kosten", "euro per jaar",
           lambda k: f"{c('loon', k)}+{c('overig', k)}", [p.directe_kosten for p in pr], totaal=True, vet=True)
    b.boek.noem("som_directe_kosten", b.blad, b.rijen["D"], b.kolom0 - 1)
    b.scalair("ohpct", "Overheadpercentage (altijd gerapporteerd)", "O / Σ D_q", "fractie",
              "overhead_pool/som_directe_kosten", r.overhead_percentage, "procent", "overhead_percentage")
    b.stap("OH", "Overhead OH_p", "norm: overhead_norm · D_p; werkelijk: O · D_p / Σ D_q", "euro per jaar",
           lambda k: (f"IF(overhead_methode=methode_norm,overhead_norm*{c('D', k)},"
                      f"overhead_pool*{c('D', k)}/som_directe_kosten)"), [p.overhead for p in pr], totaal=True)
    b.stap("OHloon", "  waarvan loondeel (voor §1.8)",
           "norm: OH_p · Σ K_r / D_p; werkelijk: overhead personeel · D_p / Σ D_q", "euro per jaar",
           lambda k: (f"IF(overhead_methode=methode_norm,IF({c('D', k)}>0,{c('OH', k)}*{c('loon', k)}/{c('D', k)},0),"
                      f"overhead_pool_personeel*{c('D', k)}/som_directe_kosten)"),
           [p.overhead_personeel for p in pr], totaal=True)
    b.stap("I", "Integrale kosten I_p", "(D_p + OH_p) · (1 + risico_opslag)", "euro per jaar",
           lambda k: f"({c('D', k)}+{c('OH', k)})*(1+risico_opslag)", [p.integrale_kosten for p in pr],
           totaal=True, vet=True)
    b.stap("risico", "  waarvan risico-opslag", "I_p − D_p − OH_p", "euro per jaar",
           lambda k: f"{c('I', k)}-{c('D', k)}-{c('OH', k)}", [p.risico for p in pr], totaal=True)
    risico = r.parameters["risico_opslag"]
    b.stap("loondeel", "Loondeel van I_p (voor §1.8)", "(Σ K_r + loondeel overhead) · (1 + risico_opslag)",
           "euro per jaar", lambda k: f"({c('loon', k)}+{c('OHloon', k)})*(1+risico_opslag)",
           [loondeel(p, risico) for p in pr], totaal=True)


def _volumes(b: Blok, r: KostprijsResultaat) -> None:
    """§1.6: normvolume, directe uren, kostprijs per eenheid en gerealiseerd volume."""
    c, pr, p_ = b.cel, r.producten, r.parameters
    opvang = [p.product.soort == "opvang" for p in pr]
    b.stap("bruto", "Bruto capaciteit", "opvang: N · dagen_per_jaar; ambulant: FTE · jaaruren",
           "plaatsdagen / uren", lambda k: (f"IF({c('soort', k)}=soort_opvang,{c('N', k)}*dagen_per_jaar,"
                                           f"{c('fte', k)}*jaaruren)"),
           [p.product.plaatsen * p_["dagen_per_jaar"] if o else p.fte * p_["jaaruren"] for p, o in zip(pr, opvang)],
           "getal")
    b.stap("H", "Directe uren H_p (ambulant)", "FTE · U_d", "uren per jaar",
           lambda k: f'IF({c("soort", k)}=soort_opvang,"",{c("fte", k)}*uren_direct)',
           [p.directe_uren for p in pr], "uren")
    b.stap("V", "Normvolume V_p", "opvang: N · dagen_per_jaar · b_p; ambulant: H_p", "eenheden",
           lambda k: f"IF({c('soort', k)}=soort_opvang,{c('bruto', k)}*{c('bnorm', k)},{c('H', k)})",
           [p.normvolume for p in pr], "getal")
    b.stap("per_uur", "Kostprijs per uur (ambulant)", "I_p / H_p", "euro per uur",
           lambda k: f'IF({c("soort", k)}=soort_opvang,"",{c("I", k)}/{c("H", k)})',
           [p.kostprijs_per_uur for p in pr])
    b.stap("kostprijs", "Kostprijs per eenheid", "traject: per uur · uren per traject; anders I_p / V_p",
           "euro per eenheid", lambda k: (f"IF({c('eenheid', k)}=eenheid_traject,{c('per_uur', k)}*{c('upt', k)},"
                                          f"{c('I', k)}/{c('V', k)})"), [p.kostprijs for p in pr], vet=True)
    b.stap("per_plaats", "Kostprijs per plaats per jaar (opvang)", "I_p / N", "euro per plaats",
           lambda k: f'IF({c("soort", k)}=soort_opvang,{c("I", k)}/{c("N", k)},"")',
           [p.kostprijs_per_plaats_per_jaar for p in pr])
    b.stap("real", "Gerealiseerd volume",
           "opvang: N · dagen · bezetting; uur: H_p; traject: trajecten per jaar (leeg: H_p / uren per traject)",
           "eenheden", lambda k: (f"IF({c('soort', k)}=soort_opvang,{c('bruto', k)}*{c('bez', k)},"
                                  f"IF({c('eenheid', k)}=eenheid_uur,{c('H', k)},"
                                  f'IF({c("tpj", k)}="",{c("H", k)}/{c("upt", k)},{c("tpj", k)})))'),
           [p.gerealiseerd_volume for p in pr], "getal")


def _tarief(b: Blok, r: KostprijsResultaat) -> None:
    """§1.6 tegen de gemeente: verschil, opbrengst, tekort, dekkingsgraad (leeg zonder gemeentetarief)."""
    c, pr = b.cel, r.producten

    def met_tarief(formule):
        return lambda k: f'IF({c("tarief", k)}="","",{formule(k)})'

    b.stap("verschil", "Verschil per eenheid", "gemeentetarief − kostprijs (negatief = onder de kostprijs)",
           "euro per eenheid", met_tarief(lambda k: f"{c('tarief', k)}-{c('kostprijs', k)}"),
           [p.verschil_per_eenheid for p in pr])
    b.stap("opbrengst", "Opbrengst", "gemeentetarief · gerealiseerd volume", "euro per jaar",
           met_tarief(lambda k: f"{c('tarief', k)}*{c('real', k)}"), [p.opbrengst for p in pr], totaal=True)
    b.stap("tekort", "Tekort", "I_p − opbrengst (positief = verlies voor de VO)", "euro per jaar",
           met_tarief(lambda k: f"{c('I', k)}-{c('opbrengst', k)}"), [p.tekort for p in pr], totaal=True, vet=True)
    b.stap("dekking", "Dekkingsgraad", "opbrengst / I_p", "fractie",
           met_tarief(lambda k: f"{c('opbrengst', k)}/{c('I', k)}"), [p.dekkingsgraad for p in pr], "procent1")


def _opbouw(boek: Boek, ws, b: Blok, pr: Blok, r: KostprijsResultaat) -> None:
    """Opbouw van de kostprijs per eenheid (Rekentool Wmo-volgorde, docs/rekenmethode-uitbreidingen.md)."""
    boek.sectie(ws, b.rij - 1, "Opbouw van de kostprijs per eenheid (waterval; telt op tot de kostprijs)")
    c = pr.cel
    waarden = [dict(opbouw(p, r.parameters)) for p in r.producten]
    b.stap("code", "Product", "", "code", lambda k: c("code", k), [p.code for p in r.producten], "tekst", vet=True)
    b.stap("factor", "Uren per eenheid", "traject: uren per traject; anders 1", "",
           lambda k: f"IF({c('eenheid', k)}=eenheid_traject,{c('upt', k)},1)",
           [p.product.uren_per_traject if p.product.eenheid == "traject" else 1.0 for p in r.producten], "getal")
    f = b.cel
    per_bruto = [("Loon", "salaris"), ("CAO-opslagen", "cao"), ("Werkgeverslasten", "wg"),
                 ("Materiële kosten", "overig")]
    for stap, rij in per_bruto:
        b.stap(stap, stap, f"{rij} / bruto capaciteit · uren per eenheid", "euro per eenheid",
               lambda k, rij=rij: f"{c(rij, k)}/{c('bruto', k)}*{f('factor', k)}", [w[stap] for w in waarden])
    b.stap("Productiviteit", "Productiviteit", "D_p / V_p · factor − D_p / bruto capaciteit · factor",
           "euro per eenheid",
           lambda k: f"{c('D', k)}/{c('V', k)}*{f('factor', k)}-{c('D', k)}/{c('bruto', k)}*{f('factor', k)}",
           [w["Productiviteit"] for w in waarden])
    for stap, rij in [("Overhead", "OH"), ("Risico", "risico")]:
        b.stap(stap, stap, f"{rij} / V_p · uren per eenheid", "euro per eenheid",
               lambda k, rij=rij: f"{c(rij, k)}/{c('V', k)}*{f('factor', k)}", [w[stap] for w in waarden])
    b.stap("som", "Kostprijs volgens de opbouw", "som van de stappen", "euro per eenheid",
           lambda k: f"SUM({f('Loon', k)}:{f('Risico', k)})", [sum(w.values()) for w in waarden], vet=True)
