"""Opdracht landelijk: DUVO, verdeelmodel, capaciteit en plaatsingen (werkboekformaat.md, rekenmethode §2)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tariefmodel.cli import EXIT_GOED, Invoerprobleem, druk_meldingen, lui
from tariefmodel.opdrachten.gedeeld import druk_json, lees_invoer, lees_zet, tekst_tabel

if TYPE_CHECKING:
    from tariefmodel.landelijk.berekening import LandelijkResultaat

formaat = lui("tariefmodel.formaat")


def registreer(sub) -> None:
    p = sub.add_parser("landelijk", help="DUVO, verdeelmodel, capaciteit en plaatsingen (rekenmethode §2)")
    p.add_argument("werkboek", metavar="WERKBOEK.xlsx")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.add_argument("--zet", action="append", metavar="NAAM=WAARDE",
                   help="scenario: overschrijf een parameter, bijvoorbeeld --zet max_verlies=0,1")
    p.add_argument("--kostprijs", metavar="KOSTPRIJS.xlsx|MAP",
                   help="neem de kosten per plaats (lumpsum-equivalent) uit een kostprijswerkboek of een map ervan")
    p.set_defaults(functie=landelijk_opdracht)


def laad(pad: str, zet: list[str] | None):
    """Lees een landelijk werkboek en pas --zet-wijzigingen toe."""
    from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek
    from tariefmodel.werkboek.lezen import open_werkboek, zoek_blad

    data = lees_invoer(pad)
    if zoek_blad(open_werkboek(data), "Regio's") is None:
        raise Invoerprobleem(f"'{pad}' is geen landelijk werkboek (blad 'Regio's' ontbreekt); gebruik voor een "
                             "kostprijswerkboek 'tariefmodel bereken'")
    invoer = lees_landelijk_werkboek(data, Path(pad).name)
    parameters, tarieven = lees_zet(zet)
    if tarieven:
        raise Invoerprobleem("--zet gemeentetarief[...] hoort bij 'tariefmodel bereken', niet bij 'landelijk'")
    try:
        return invoer.met_scenario(parameters)
    except ValueError as fout:
        raise Invoerprobleem(f"--zet: {fout}") from None


def kosten_uit_kostprijs(pad: str) -> tuple[float, str]:
    """c = Σ integrale kosten / Σ plaatsen van de opvangproducten in een kostprijswerkboek of map."""
    from tariefmodel.opdrachten.bundel_lezen import BundelGeweigerd, bundel, bundel_map

    bron = Path(pad)
    if not bron.exists():
        raise Invoerprobleem(f"--kostprijs: '{pad}' bestaat niet")
    try:  # één genoemd bestand telt ook als het illustratief is; in een map niet (zoals 'bundel')
        r = bundel_map(bron) if bron.is_dir() else bundel([(bron.name, lees_invoer(pad))], met_voorbeelden=True)
    except BundelGeweigerd as fout:
        raise Invoerprobleem(f"--kostprijs: {fout}") from None
    for b in r.fouten:
        print(f"Kostprijswerkboek '{b.naam}' telt niet mee voor de kosten per plaats:", file=sys.stderr)
        for m in b.meldingen:
            if m.ernst == "fout":
                print(f"  {m.tekst()}", file=sys.stderr)
    if r.kosten_per_plaats_per_jaar is None:
        raise Invoerprobleem(f"--kostprijs: in '{pad}' staat geen berekenbaar kostprijswerkboek met opvangproducten")
    namen = ", ".join(b.naam for b in r.berekend)
    return r.kosten_per_plaats_per_jaar, f"lumpsum-equivalent opvang uit kostprijswerkboek(en): {namen}"


def landelijk_opdracht(args) -> int:
    from tariefmodel.landelijk import bereken_landelijk, naar_json

    invoer = laad(args.werkboek, args.zet)
    c, bron = kosten_uit_kostprijs(args.kostprijs) if args.kostprijs else (None, None)
    resultaat = bereken_landelijk(invoer, c, bron)
    if args.json:
        druk_json(naar_json(resultaat))
    else:
        print(overzicht(resultaat))
        druk_meldingen(invoer.waarschuwingen)
        for tekst in resultaat.model_waarschuwingen:
            print(f"Waarschuwing: {tekst}", file=sys.stderr)
    return EXIT_GOED


def _teken(x: float, decimalen: int = 1) -> str:
    return ("+" if x > 0 else "") + formaat.getal(x, decimalen)


def overzicht(r: LandelijkResultaat) -> str:
    """De samenvatting zoals een beleidsmedewerker of Valente hem leest."""
    delen = [_kop(r), _verdeelmodel(r), _verdeeltabel(r), _capaciteit(r), _capaciteitstabel(r)]
    if r.eenheden:
        delen.append(_eenheden(r))
    if r.duvo_per_jaar:
        delen.append(_duvo(r))
    if r.plaatsingen is not None:
        delen.append(_plaatsingen(r))
    delen.append(_noot(r))
    return "\n\n".join(d for d in delen if d)


def _kop(r: LandelijkResultaat) -> str:
    from tariefmodel.landelijk.rapportage import ILLUSTRATIEF_LABEL

    invoer = r.invoer
    regels = [(f"Landelijk model — {invoer.bestandsnaam or 'werkboek'} — rekenjaar {invoer.rekenjaar}"
              f"{' (CONCEPT)' if invoer.concept else ''}")]
    if invoer.illustratief:
        regels.append(f"LET OP: {ILLUSTRATIEF_LABEL}.")
    return "\n".join(regels)


def _verdeelmodel(r: LandelijkResultaat) -> str:
    v, t, p = r.verdeling, r.laatste_jaar, r.parameters
    euro = formaat.euro_heel
    if v.pot_extern:
        landing = ("gefaseerd verlies (Aandeel verlies β): verliezers dragen β van hun verlies, het Rijk betaalt "
                   "de rest uit een knelpuntenpot buiten de DUVO" +
                   ("; max_verlies is genegeerd" if r.max_verlies_genegeerd else ""))
    elif p["max_verlies"] is None:
        landing = "geen (max_verlies leeg)"
    else:
        landing = (f"verlies hoogstens {formaat.procent(p['max_verlies'])} per jaar; "
                   f"knelpuntenpot {t}: {euro(v.knelpuntenpot[-1])}")
    neutraal = ("ja, elk jaar is Σ toegekend = budget + knelpuntenpot" if v.pot_extern else
                "ja, elk jaar is Σ toegekend = budget") if v.budgetneutraal else "NEE — meld dit aan de beheerder"
    verliezers = _teken(sum(g.plaatsen_effect for g in r.verliezers))
    winnaars = _teken(sum(g.plaatsen_effect for g in r.winnaars))
    reactie = (f"reactie verliezers {formaat.getal(p['reactie_nadeel'], 1)} "
               f"en winnaars {formaat.getal(p['reactie_voordeel'], 1)}")
    return "\n".join([
        f"Verdeelmodel {r.jaren[0]}–{t} (rekenmethode §2.1–2.2)",
        f"  Budget {t}: {euro(v.budget[-1])}; aandeel objectief {formaat.procent(v.alfa[-1], 0)}",
        f"  Zachte landing: {landing}",
        *_knelpuntenpot(r),
        f"  Budgetneutraal: {neutraal}",
        (f"  {len(r.winnaars)} winnaars en {len(r.verliezers)} verliezers in {t}; "
        f"herverdeeld bedrag {euro(r.herverdeeld_bedrag)}"),
        f"  Plaatseneffect bij {euro(r.kosten_per_plaats)} per plaats per jaar, {reactie}:",
        (f"    verliezers {verliezers} plaatsen, winnaars {winnaars} plaatsen → "
        f"landelijk netto {_teken(r.plaatsen_effect_netto)} plaatsen"),
        f"  (kosten per plaats: {r.kosten_per_plaats_bron})",
    ])


def _knelpuntenpot(r: LandelijkResultaat) -> list[str]:
    """§2.1 (v2): per jaar β_t en de externe knelpuntenpot (Σ A − budget)."""
    v = r.verdeling
    if not v.pot_extern:
        return []
    regels = ["  Per jaar: aandeel verlies β en knelpuntenpot van buiten de DUVO (Σ toegekend − budget):"]
    jaren = [(j, b, k) for j, b, k in zip(r.jaren, v.beta, v.externe_pot) if b < 1 or abs(k) >= 0.005]
    regels += [f"    {j}: β {formaat.getal(b, 2)}; knelpuntenpot {formaat.euro(k)}" for j, b, k in jaren]
    if len(jaren) < len(r.jaren):
        regels.append("    overige jaren: β 1 (verliezers dragen hun hele verlies), knelpuntenpot € 0")
    return regels


def _verdeeltabel(r: LandelijkResultaat) -> str:
    t = r.laatste_jaar
    regios = sorted(r.regios, key=lambda g: -g.herverdeling)
    rijen = [[g.centrumgemeente, formaat.euro_heel(g.historisch), formaat.euro_heel(g.objectief),
              formaat.euro_heel(g.toegekend[t]), formaat.euro_heel(g.herverdeling),
              formaat.procent(g.herverdeling_relatief), _teken(g.plaatsen_effect)] for g in regios]
    return tekst_tabel(["Centrumgemeente", f"Historisch {t}", f"Objectief {t}", f"Toegekend {t}", "Herverdeling",
                        "%", "Plaatseneffect"], rijen, rechts={1, 2, 3, 4, 5, 6})


def _capaciteit(r: LandelijkResultaat) -> str:
    c, p = r.capaciteit, r.parameters
    doel, aantal = formaat.procent(p["doel_weigerkans"], 0), (lambda x: formaat.getal(x, 0))
    regels = [
        (f"Capaciteit (rekenmethode §2.4; doel-weigerkans {doel}, "
        f"bezettingsnorm {formaat.procent(p['bezettingsnorm'], 0)})"),
        (f"  Plaatsen {aantal(c.plaatsen)}; Istanbul-norm {aantal(c.istanbul_norm)} "
        f"(1 per {aantal(p['istanbul_inwoners_per_plaats'])} inwoners); tekort {aantal(c.istanbul_tekort)}"),
    ]
    if not c.regios_met_clientgegevens:
        regels.append("  Geen cliëntgegevens (Cliënten per jaar en Gemiddelde verblijfsduur): geen weigerkans.")
        return "\n".join(regels)
    regels += [
        (f"  {c.regios_met_clientgegevens} regio's met cliëntgegevens ({aantal(c.plaatsen_met_clientgegevens)} "
        f"plaatsen): bezettingsgraad {formaat.procent(c.bezettingsgraad)}, verwacht geweigerd "
        f"{formaat.procent(c.weigerkans)} van de aanvragen"),
        (f"  Nodig voor {doel} weigerkans: {aantal(c.plaatsen_nodig_weigerkans)} plaatsen; "
        f"op de bezettingsnorm: {aantal(c.plaatsen_nodig_bezettingsnorm)} plaatsen"),
        f"  Verwacht geweigerd per jaar: {aantal(c.geweigerd_per_jaar)} (vraag teruggerekend uit de opnames, §2.4a)",
    ]
    if c.regios_vol:
        regels.append(f"  {c.regios_vol} regio's zaten vol: de opvang zat vol, de vraag is niet af te leiden uit "
                      "opnames (geen weigerkans; tellen niet mee in weigerkans en plaatsen nodig)")
    return "\n".join(regels)


def _eenheden(r: LandelijkResultaat) -> str:
    """Blad Capaciteit (§2.4a): weigeren of wachten per eenheid, met de bandbreedte."""
    def band(e, veld, opmaak):
        m, lo, hi = (getattr(x, veld) for x in (e.cijfers, e.uitkomst.laag, e.uitkomst.hoog))
        return "–" if m is None else f"{opmaak(m)} ({opmaak(lo)}–{opmaak(hi)})"

    def procent(x):
        return formaat.procent(x, 0)

    def heel(x):
        return formaat.getal(x, 0)

    rijen = [[e.centrumgemeente, e.type, e.model, str(e.plaatsen), band(e, "weigerkans", procent),
              band(e, "geweigerd_per_jaar", heel), band(e, "gemiddelde_wachttijd_dagen", heel),
              formaat.getal(e.cijfers.plaatsen_nodig, 0), e.cijfers.melding or ""] for e in r.eenheden]
    kop = (f"Weigeren of wachten per eenheid (§2.4a; tussen haakjes bij bezetting ± "
           f"{formaat.procent(r.parameters['gevoeligheid_bezetting'], 0)})")
    return kop + "\n" + tekst_tabel(["Centrumgemeente", "Type", "Model", "Plaatsen", "Weigerkans", "Geweigerd/jaar",
                                     "Wachttijd (dagen)", "Nodig", "Melding"], rijen, rechts={3, 4, 5, 6, 7})


def _capaciteitstabel(r: LandelijkResultaat) -> str:
    rijen = [[g.centrumgemeente, formaat.getal(g.plaatsen, 0), formaat.procent(g.bezettingsgraad),
              "vol" if g.capaciteit_melding else formaat.procent(g.weigerkans),
              formaat.getal(g.plaatsen_nodig_weigerkans, 0),
              formaat.getal(g.plaatsen_nodig_bezettingsnorm, 0), formaat.getal(g.istanbul_norm, 1),
              formaat.getal(g.istanbul_tekort, 1), formaat.procent(g.bovenregionaal_aandeel)] for g in r.regios]
    return tekst_tabel(["Centrumgemeente", "Plaatsen", "Bezetting", "Weigerkans", "Nodig (doel)", "Nodig (norm)",
                        "Istanbul", "Tekort", "Van buiten"], rijen, rechts={1, 2, 3, 4, 5, 6, 7, 8})


def _duvo(r: LandelijkResultaat) -> str:
    rijen = [[str(d.jaar), str(d.aantal_regios), formaat.euro_heel(d.uitkering),
              formaat.euro_heel(d.besteding_vrouwenopvang), formaat.euro_heel(d.besteding_overig),
              formaat.euro_heel(d.bestedingsgat), formaat.euro_heel(d.onderbesteding),
              formaat.procent(d.bestedingsgraad),
              formaat.euro_heel(d.kosten_normcapaciteit), formaat.euro_heel(d.financieringstekort)]
             for d in r.duvo_per_jaar]
    tabel = tekst_tabel(["Jaar", "Regio's", "Uitkering", "Besteding VO", "Overig", "Bestedingsgat netto",
                         "Onderbesteding bruto", "Graad VO", "Kosten Istanbul-norm", "Financieringstekort"], rijen,
                        rechts=set(range(1, 10)))
    return ("DUVO-besteding, landelijk (rekenmethode §2.3; per centrumgemeente: --json)\n" + tabel +
            "\n  Bestedingsgat netto = Σ (uitkering − besteding VO − overig): de onderbesteding van de ene regio"
            "\n  verrekend met de overbesteding (eigen geld) van de andere. Onderbesteding bruto = Σ van de"
            "\n  positieve gaten: wat regio's met een gat niet besteedden."
            "\n  Financieringstekort = Istanbul-norm × kosten per plaats − besteding vrouwenopvang.")


def _plaatsingen(r: LandelijkResultaat) -> str:
    p, euro = r.plaatsingen, formaat.euro_heel
    regels = [(f"Bovenregionale plaatsingen (rekenmethode §2.5): {formaat.getal(p.bovenregionaal, 0)} van "
              f"{formaat.getal(p.totaal, 0)} plaatsingen ({formaat.procent(p.aandeel_bovenregionaal)}) "
              "buiten de eigen regio.")]
    saldi = [g for g in r.regios if g.verrekening_saldo is not None]
    if saldi:
        hoog = max(saldi, key=lambda g: g.verrekening_saldo)
        laag = min(saldi, key=lambda g: g.verrekening_saldo)
        regels.append(f"  Bij verrekening ontvangt {hoog.centrumgemeente} het meest "
                      f"({euro(hoog.verrekening_saldo)} netto) en betaalt {laag.centrumgemeente} het meest "
                      f"({euro(-laag.verrekening_saldo)} netto).")
    return "\n".join(regels)


def _noot(r: LandelijkResultaat) -> str:
    ongebruikt = {"kosten_per_plaats"} if r.kosten_per_plaats_opgegeven else set()
    schattingen = sorted(n for n, u in r.invoer.uitgangspunten.items() if u.onzeker and n not in ongebruikt)
    if not schattingen:
        return ""
    return f"Let op: standaardwaarden met status ESTIMATE of NOT FOUND in gebruik: {', '.join(schattingen)}."
