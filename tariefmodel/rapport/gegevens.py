"""De gegevens van het PDF-handout als JSON voor het typst-sjabloon (issue 5, docs/export.md).

Alle getallen zijn hier al Nederlands opgemaakt (Babel, tariefmodel.formaat). Het sjabloon leest de
teksten als gegevens (``json(...)``), niet als opmaakcode: tekst van de gebruiker kan dus nooit typst-
opmaak of -code worden.
"""

from __future__ import annotations

import datetime as dt

from tariefmodel import __version__, formaat
from tariefmodel.kostprijs.berekening import KostprijsResultaat, ProductResultaat
from tariefmodel.kostprijs.meerjaren import indices, meerjaren
from tariefmodel.uitgangspunten import peildatum

# De uitgangspunten die de kostprijs het meest bepalen, in de volgorde van de rekenmethode.
KERNPARAMETERS = (
    "overhead_methode", "overhead_norm", "risico_opslag", "bezettingsnorm", "dagen_per_jaar", "jaaruren",
    "verlofuren", "feestdaguren", "verzuim", "scholing_overleg_uren", "directe_tijd_ambulant",
    "vakantietoeslag", "eindejaarsuitkering", "loopbaanbudget", "sociale_premies", "pensioen_werkgever",
    "pensioen_franchise", "overige_personeelskosten_per_fte", "cao_stijging", "prijsindex", "ova", "tarief_index",
)
PER = {"etmaal": "per etmaal", "uur": "per uur", "traject": "per traject"}


def breekbaar(tekst: str) -> str:
    """Laat lange bronnen (URL's) afbreken: een zero-width space na '/', '_' en '-'."""
    for teken in "/_-&?=":
        tekst = tekst.replace(teken, teken + "\u200b")
    return tekst


def waarde_tekst(naam: str, waarde, eenheid: str) -> str:
    """Een parameterwaarde zoals een financieel manager hem leest."""
    if waarde is None:
        return "–"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, str):
        return waarde
    if "fractie" in eenheid:
        return formaat.procent(waarde, 2)
    if "euro" in eenheid:
        return formaat.euro(waarde)
    return formaat.getal(waarde, 1 if float(waarde) % 1 else 0)


def _vast(tekst: str) -> str:
    """Bedrag dat niet over twee regels mag breken (vaste spatie na het euroteken)."""
    return tekst.replace(" ", "\u00a0")


def voetregel(r: KostprijsResultaat) -> str:
    invoer = r.invoer
    delen = [f"tariefmodel {__version__}", f"parameters peildatum {peildatum(invoer.rekenjaar):%d-%m-%Y}"]
    if invoer.bestandsnaam:
        delen.append(f"werkboek {invoer.bestandsnaam}")
    if invoer.sha256:
        delen.append(f"sha256 {invoer.sha256[:12]}")
    return " · ".join(delen)


def resultaat_tekst(tekort: float | None) -> str:
    """Tekort of overschot als woord met bedrag: het teken staat er in tekst, niet alleen in kleur."""
    if tekort is None:
        return "–"
    if round(tekort) == 0:
        return "gedekt (€ 0)"
    woord = "tekort" if tekort > 0 else "overschot"
    return f"{woord} {_vast(formaat.euro_heel(abs(tekort)))}"


def verschil_tekst(verschil: float | None) -> str:
    """Gemeentetarief − kostprijs met een expliciet + of − en het woord 'onder' bij verlies."""
    if verschil is None:
        return "–"
    if verschil < 0:
        return f"−{_vast(formaat.euro(abs(verschil)))}"
    return f"+{_vast(formaat.euro(verschil))}"


def dekt(p: ProductResultaat) -> bool:
    """Het gemeentetarief dekt de integrale kosten van het product (tekort ≤ 0 op de cent)."""
    return p.tekort is not None and round(p.tekort, 2) <= 0


def product_regel(p: ProductResultaat) -> dict:
    return {
        "code": p.code, "naam": p.product.naam, "eenheid": PER[p.product.eenheid],
        "kostprijs": formaat.euro(p.kostprijs), "tarief": formaat.euro(p.gemeentetarief),
        "verschil": verschil_tekst(p.verschil_per_eenheid), "kosten": formaat.euro_heel(p.integrale_kosten),
        "opbrengst": formaat.euro_heel(p.opbrengst), "tekort": resultaat_tekst(p.tekort),
        "dekking": formaat.procent(p.dekkingsgraad, 0),
        "onder_kostprijs": bool(p.tekort is not None and not dekt(p)),
    }


def samenvatting(r: KostprijsResultaat) -> str:
    """De kern per product, nooit alleen uit het totaal: 'dekt de kosten' alleen als elk product met een
    gemeentetarief zijn integrale kosten dekt; producten zonder tarief worden genoemd."""
    met = r.met_tarief
    zonder = [p for p in r.producten if p.gemeentetarief is None]
    zonder_zin = ""
    if zonder:
        zonder_zin = (" Zonder gemeentetarief, dus niet vergeleken: " + ", ".join(
            f"{p.code} (integrale kosten {formaat.euro_heel(p.integrale_kosten)} per jaar)" for p in zonder) + ".")
    if not met:
        return (f"De integrale kosten zijn {formaat.euro_heel(r.integrale_kosten)} per jaar. Er is geen "
                "gemeentetarief ingevuld, dus geen vergelijking met de gemeente." + zonder_zin)
    onder = [p for p in met if not dekt(p)]
    gedekt = [p for p in met if dekt(p)]
    if not onder:
        zin = (f"De gemeentetarieven dekken de kosten van elk product met een tarief "
               f"({', '.join(p.code for p in met)}); samen een overschot van {formaat.euro_heel(-r.tekort)} per jaar.")
    else:
        tekorten = sum(p.tekort for p in onder)
        zin = (f"De gemeentetarieven dekken de kosten niet voor {len(onder)} van de {len(met)} producten met een "
               f"tarief: " + "; ".join(f"{p.code} tekort {formaat.euro_heel(p.tekort)} per jaar (dekking "
                                       f"{formaat.procent(p.dekkingsgraad, 0)})" for p in onder)
               + f". Samen {formaat.euro_heel(tekorten)} tekort per jaar.")
        if gedekt:
            zin += (" Wel gedekt: " + ", ".join(f"{p.code} (overschot {formaat.euro_heel(-p.tekort)})" for p in gedekt)
                    + "; een overschot op het ene product maakt het tekort op het andere niet goed.")
            zin += (f" Saldo over de producten met een tarief: {resultaat_tekst(r.tekort).replace(chr(160), ' ')} "
                    "per jaar.")
    return zin + zonder_zin


def kerncijfers(r: KostprijsResultaat) -> list[list[str]]:
    u = r.uren
    return [
        ["Integrale kosten (alle producten)", formaat.euro_heel(r.integrale_kosten)],
        ["Overhead", _overhead(r)],
        ["Uren per fte", (f"beschikbaar {formaat.getal(u.beschikbaar, 0)}, inzetbaar "
                          f"{formaat.getal(u.inzetbaar, 0)}, direct {formaat.getal(u.direct, 0)}")],
        ["Fte per 24/7-post", formaat.getal(u.fte_per_24_7_post, 2)],
    ]


def _overhead(r: KostprijsResultaat) -> str:
    """§1.4: de toegepaste overhead, en altijd het werkelijke percentage O / Σ D."""
    werkelijk = f"{formaat.procent(r.overhead_percentage)} van de directe kosten"
    if r.invoer.waarde("overhead_methode") == "norm":
        return f"norm {formaat.procent(r.parameters['overhead_norm'])} toegepast (werkelijke overhead {werkelijk})"
    return f"{werkelijk} (werkelijke overhead, naar rato verdeeld)"


REEKSEN = {"cao_stijging": 0, "prijsindex": 1, "tariefindex": 2}  # positie in meerjaren.indices
JAREN_PER_TABEL = 6  # meerjarentabel: zo blijven 15 jaar leesbaar (drie tabellen onder elkaar)


def uitgangspunten(r: KostprijsResultaat) -> list[dict]:
    """De gebruikte uitgangspunten met waarde, status en bron; ESTIMATE / NOT FOUND gemarkeerd.

    De indexreeksen (§1.8) staan per jaar zoals de meerjarenraming ze gebruikt (ook jaaroverrides uit het
    werkboek), niet als één standaardwaarde.
    """
    uit = []
    for naam in KERNPARAMETERS:
        if naam in ("cao_stijging", "prijsindex", "ova", "tarief_index"):
            continue
        u = r.invoer.uitgangspunten.get(naam)
        if u is None:
            continue
        waarde = r.parameters.get(naam, u.waarde)
        uit.append({"naam": breekbaar(naam), "waarde": waarde_tekst(naam, waarde, u.eenheid), "status": u.label,
                    "bron": breekbaar(u.bron), "let_op": u.onzeker})
    return uit + _reeksen(r)


def _reeksen(r: KostprijsResultaat) -> list[dict]:
    """CAO-stijging, prijsindex en tariefindex per jaar van de raming; één regel als alle jaren gelijk zijn."""
    jaren = [r.invoer.rekenjaar + k for k in range(1, int(r.parameters["meerjaren_jaren"]))]
    uit = []
    for naam, positie in REEKSEN.items():
        gebruikt = [(jaar, indices(r, jaar)[positie]) for jaar in jaren]
        if not gebruikt:
            continue
        waarden = {float(u.waarde) for _, u in gebruikt}
        eenheid = gebruikt[0][1].eenheid
        if len(waarden) == 1:
            tekst = f"{waarde_tekst(naam, gebruikt[0][1].waarde, eenheid)} per jaar ({jaren[0]}–{jaren[-1]})"
        else:
            tekst = ", ".join(f"{jaar}: {waarde_tekst(naam, u.waarde, eenheid)}" for jaar, u in gebruikt)
        labels = list(dict.fromkeys(u.label for _, u in gebruikt))
        bronnen = list(dict.fromkeys(f"{u.naam}: {u.bron}" for _, u in gebruikt))
        uit.append({"naam": naam, "waarde": tekst, "status": breekbaar(" / ".join(labels)), "bron": breekbaar("; ".join(bronnen)),
                    "let_op": any(u.onzeker for _, u in gebruikt)})
    return uit


def _teken(bedrag: float) -> str:
    """Cumulatief tekort met expliciet teken: + = verlies, − = overschot (niet alleen kleur)."""
    if round(bedrag) == 0:
        return "0"
    return ("+" if bedrag > 0 else "−") + _vast(formaat.euro_heel(abs(bedrag)))


def meerjaren_tabel(r: KostprijsResultaat) -> dict | None:
    """Cumulatief tekort per jaar (§1.8) voor de producten met een gemeentetarief, plus het totaal.

    In blokken van hoogstens JAREN_PER_TABEL jaren, zodat ook 15 jaar leesbaar blijft.
    """
    raming = [j for j in meerjaren(r) if j.cumulatief_tekort is not None]
    if not raming:
        return None
    jaren = sorted({j.jaar for j in raming})
    codes = list(dict.fromkeys(j.code for j in raming))
    per = {(j.code, j.jaar): j.cumulatief_tekort for j in raming}
    totaal = {jaar: sum(j.cumulatief_tekort for j in raming if j.jaar == jaar) for jaar in jaren}
    blokken = []
    for start in range(0, len(jaren), JAREN_PER_TABEL):
        deel = jaren[start:start + JAREN_PER_TABEL]
        rijen = [[code] + [_teken(per[(code, jaar)]) for jaar in deel] for code in codes]
        rijen.append(["Totaal"] + [_teken(totaal[jaar]) for jaar in deel])
        blokken.append({"jaren": [str(j) for j in deel], "rijen": rijen})
    laatste = totaal[jaren[-1]]
    zin = (f"Met CAO-stijging en prijsindex tegen de indexatie van het tarief loopt het cumulatieve tekort op tot "
           f"{formaat.euro_heel(laatste)} in {jaren[-1]}." if laatste > 0 else
           f"Over {jaren[0]}–{jaren[-1]} blijft er per saldo cumulatief een overschot van "
           f"{formaat.euro_heel(-laatste)}.")
    return {"blokken": blokken, "zin": zin}


def scenario_vergelijking(basis: KostprijsResultaat, scenario: KostprijsResultaat) -> dict:
    """Basis tegen scenario per product, met de gewijzigde uitgangspunten en tarieven."""
    wijzigingen = [f"{n} = {waarde_tekst(n, u.waarde, u.eenheid)} (basis: "
                   f"{waarde_tekst(n, basis.invoer.uitgangspunten[n].waarde, u.eenheid) if n in basis.invoer.uitgangspunten else '–'})"
                   for n, u in sorted(scenario.invoer.uitgangspunten.items()) if u.herkomst == "scenario"]
    rijen = []
    for b in basis.producten:
        s = scenario.product(b.code)
        if s.gemeentetarief != b.gemeentetarief:
            wijzigingen.append(f"gemeentetarief {b.code} = {formaat.euro(s.gemeentetarief)} "
                               f"(basis: {formaat.euro(b.gemeentetarief)})")
        rijen.append([b.code, formaat.euro(b.kostprijs), formaat.euro(s.kostprijs),
                      formaat.euro(s.kostprijs - b.kostprijs), resultaat_tekst(b.tekort), resultaat_tekst(s.tekort)])
    rijen.append(["Saldo", "", "", "", resultaat_tekst(basis.tekort if basis.met_tarief else None),
                  resultaat_tekst(scenario.tekort if scenario.met_tarief else None)])
    return {"wijzigingen": wijzigingen or ["(geen wijzigingen)"], "rijen": rijen,
            "zin": f"Het totale tekort verandert met {formaat.euro_heel(scenario.tekort - basis.tekort)} per jaar."}


def amvb(r: KostprijsResultaat) -> list[dict]:
    """De AMvB-toets a-f (art. 5.4 lid 3 Uitvoeringsbesluit Wmo 2015, rekenmethode §1.6 v2): per element gevuld
    of niet, met wat het draagt; 'niet gevuld' als woord (niet alleen kleur)."""
    from tariefmodel.kostprijs.amvb import amvb_toets

    jaar = r.invoer.rekenjaar + 1
    index = indices(r, jaar)[2] if int(r.parameters.get("meerjaren_jaren", 1)) > 1 else None
    return [{"element": e.element, "omschrijving": e.omschrijving, "gevuld": e.gevuld,
             "status": "gevuld" if e.gevuld else "NIET GEVULD", "toelichting": breekbaar(e.toelichting)}
            for e in amvb_toets(r, index)]


def gegevens(r: KostprijsResultaat, scenario: KostprijsResultaat | None, grafieken: list[dict]) -> dict:
    """Alles wat het sjabloon toont; ``grafieken`` = [{bestand, titel}] van de opbouwgrafieken."""
    invoer = r.invoer
    met = r.met_tarief
    return {
        "organisatie": invoer.organisatie, "rekenjaar": str(invoer.rekenjaar), "concept": invoer.concept,
        "titel": f"Kostprijs en tarief {invoer.rekenjaar} — {invoer.organisatie}",
        "samenvatting": samenvatting(r),
        "producten": [product_regel(p) for p in r.producten],
        "totaal": {"kosten": formaat.euro_heel(r.integrale_kosten),
                   "opbrengst": formaat.euro_heel(r.opbrengst if met else None),
                   "tekort": resultaat_tekst(r.tekort if met else None)},
        "zonder_tarief": [p.code for p in r.producten if p.gemeentetarief is None],
        "kerncijfers": kerncijfers(r), "grafieken": grafieken, "uitgangspunten": uitgangspunten(r),
        "meerjaren": meerjaren_tabel(r), "amvb": amvb(r),
        "scenario": scenario_vergelijking(r, scenario) if scenario is not None else None,
        "aandachtspunten": [m.tekst() for m in invoer.waarschuwingen],
        "voet": voetregel(r), "gemaakt": f"{dt.date.today():%d-%m-%Y}",
    }
