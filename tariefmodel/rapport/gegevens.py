"""De gegevens van het PDF-handout als JSON voor het typst-sjabloon (issue 5, docs/export.md).

Alle getallen zijn hier al Nederlands opgemaakt (Babel, tariefmodel.formaat). Het sjabloon leest de
teksten als gegevens (``json(...)``), niet als opmaakcode: tekst van de gebruiker kan dus nooit typst-
opmaak of -code worden.
"""

from __future__ import annotations

from tariefmodel import __version__, formaat
from tariefmodel.kostprijs.berekening import KostprijsResultaat, ProductResultaat
from tariefmodel.kostprijs.meerjaren import meerjaren
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


def product_regel(p: ProductResultaat) -> dict:
    return {
        "code": p.code, "naam": p.product.naam, "eenheid": PER[p.product.eenheid],
        "kostprijs": formaat.euro(p.kostprijs), "tarief": formaat.euro(p.gemeentetarief),
        "verschil": formaat.euro(p.verschil_per_eenheid), "kosten": formaat.euro_heel(p.integrale_kosten),
        "opbrengst": formaat.euro_heel(p.opbrengst), "tekort": formaat.euro_heel(p.tekort),
        "dekking": formaat.procent(p.dekkingsgraad, 0),
        "onder_kostprijs": bool(p.verschil_per_eenheid is not None and p.verschil_per_eenheid < 0),
    }


def samenvatting(r: KostprijsResultaat) -> str:
    """De kern in één alinea: kosten, opbrengst, tekort."""
    met = r.met_tarief
    if not met:
        return (f"De integrale kosten zijn {formaat.euro_heel(r.integrale_kosten)} per jaar. Er is geen "
                "gemeentetarief ingevuld, dus geen vergelijking met de gemeente.")
    kosten_met = sum(p.integrale_kosten for p in met)
    onder = [p.code for p in met if p.verschil_per_eenheid < 0]
    zin = (f"De integrale kosten van de producten met een gemeentetarief zijn {formaat.euro_heel(kosten_met)} per "
           f"jaar; de gemeentetarieven leveren {formaat.euro_heel(r.opbrengst)} op. ")
    if r.tekort > 0:
        zin += (f"Het tekort is {formaat.euro_heel(r.tekort)} per jaar: de tarieven dekken "
                f"{formaat.procent(r.opbrengst / kosten_met, 0)} van de kosten.")
    else:
        zin += f"De tarieven dekken de kosten; het overschot is {formaat.euro_heel(-r.tekort)} per jaar."
    if onder:
        zin += f" Onder de kostprijs: {', '.join(onder)}."
    return zin


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


def uitgangspunten(r: KostprijsResultaat) -> list[dict]:
    """Kernuitgangspunten met waarde, status en bron; ESTIMATE / NOT FOUND gemarkeerd."""
    uit = []
    for naam in KERNPARAMETERS:
        u = r.invoer.uitgangspunten.get(naam)
        if u is None or (u.waarde is None and naam == "tarief_index"):
            continue
        let_op = u.onzeker
        uit.append({"naam": naam, "waarde": waarde_tekst(naam, u.waarde, u.eenheid), "status": u.label,
                    "bron": breekbaar(u.bron), "let_op": let_op})
    return uit


def meerjaren_tabel(r: KostprijsResultaat) -> dict | None:
    """Cumulatief tekort per jaar (§1.8) voor de producten met een gemeentetarief, plus het totaal."""
    raming = [j for j in meerjaren(r) if j.cumulatief_tekort is not None]
    if not raming:
        return None
    jaren = sorted({j.jaar for j in raming})
    codes = list(dict.fromkeys(j.code for j in raming))
    rijen = [[code] + [_vast(formaat.euro_heel(j.cumulatief_tekort)) for j in raming if j.code == code]
             for code in codes]
    totaal = [sum(j.cumulatief_tekort for j in raming if j.jaar == jaar) for jaar in jaren]
    rijen.append(["Totaal"] + [_vast(formaat.euro_heel(t)) for t in totaal])
    zin = (f"Met CAO-stijging en prijsindex tegen de indexatie van het tarief loopt het cumulatieve tekort op tot "
           f"{formaat.euro_heel(totaal[-1])} in {jaren[-1]}." if totaal[-1] > 0 else
           f"Over {jaren[0]}–{jaren[-1]} blijft er cumulatief een overschot van {formaat.euro_heel(-totaal[-1])}.")
    return {"jaren": [str(j) for j in jaren], "rijen": rijen, "zin": zin}


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
                      formaat.euro(s.kostprijs - b.kostprijs), formaat.euro_heel(b.tekort), formaat.euro_heel(s.tekort)])
    rijen.append(["Totaal", "", "", "", formaat.euro_heel(basis.tekort), formaat.euro_heel(scenario.tekort)])
    return {"wijzigingen": wijzigingen or ["(geen wijzigingen)"], "rijen": rijen,
            "zin": f"Het totale tekort verandert met {formaat.euro_heel(scenario.tekort - basis.tekort)} per jaar."}


def gegevens(r: KostprijsResultaat, scenario: KostprijsResultaat | None, grafieken: list[dict]) -> dict:
    """Alles wat het sjabloon toont; ``grafieken`` = [{bestand, titel}] van de opbouwgrafieken."""
    invoer = r.invoer
    met = r.met_tarief
    return {
        "organisatie": invoer.organisatie, "rekenjaar": str(invoer.rekenjaar), "concept": invoer.concept,
        "titel": f"Kostprijs en tarief {invoer.rekenjaar} — {invoer.organisatie}",
        "samenvatting": samenvatting(r),
        "producten": [product_regel(p) for p in r.producten],
        "totaal": {"kosten": formaat.euro_heel(r.integrale_kosten), "opbrengst": formaat.euro_heel(r.opbrengst if met else None),
                   "tekort": formaat.euro_heel(r.tekort if met else None)},
        "zonder_tarief": [p.code for p in r.producten if p.gemeentetarief is None],
        "kerncijfers": kerncijfers(r), "grafieken": grafieken, "uitgangspunten": uitgangspunten(r),
        "meerjaren": meerjaren_tabel(r),
        "scenario": scenario_vergelijking(r, scenario) if scenario is not None else None,
        "aandachtspunten": [m.tekst() for m in invoer.waarschuwingen],
        "voet": voetregel(r),
    }
