"""Eén scenariostaat voor Scenario's, Meerjaren en Downloads (issue 15).

Alles staat in st.session_state van de gebruiker, per werkboek (sha256 van de bytes): de bewaarde
scenario's (bij de eerste keer gevuld uit het blad Scenario's van het werkboek) en de huidige
instellingen van de schuifjes. Niets gaat naar de server: wie het wil bewaren, downloadt een kopie
van het werkboek met het blad Scenario's.

De schuifjes en invoervelden hebben vaste sleutels (``sleutel``); een scenario laden of terug naar het
werkboek zet die sleutels in een callback, vóór de widgets opnieuw getekend worden.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from paginas import gedeeld as g
from tariefmodel import formaat
from tariefmodel.getallen import GeenGetal, lees_getal
from tariefmodel.kostprijs import hefbomen
from tariefmodel.kostprijs.gevoeligheid import Scenario

HUIDIG = "Huidige instellingen"
BASIS = "Werkboek"


@dataclass(frozen=True)
class Schuif:
    naam: str
    label: str
    laag: float  # procent
    hoog: float
    stap: float
    uitleg: str


SCHUIFJES = [
    Schuif("bezettingsnorm", "Bezettingsnorm opvang", 50.0, 100.0, 1.0,
           "Over hoeveel etmalen de kosten van een plaats worden verdeeld. 85% is gangbaar (LNVO, Visie op "
           "capaciteit); een hogere norm geeft een lagere prijs per etmaal."),
    Schuif("verzuim", "Ziekteverzuim", 0.0, 20.0, 0.5, "Deel van de beschikbare uren dat medewerkers ziek zijn."),
    Schuif("directe_tijd_ambulant", "Directe tijd ambulant", 30.0, 95.0, 1.0,
           "Deel van de inzetbare uren dat een ambulant hulpverlener met of voor cliënten werkt."),
    Schuif("risico_opslag", "Risico-opslag", 0.0, 10.0, 0.5, "Opslag op directe kosten plus overhead."),
]
INDEXSCHUIFJES = [
    Schuif("cao_stijging", "CAO-loonstijging per jaar", 0.0, 10.0, 0.1,
           "Werkt door in de meerjarenraming (cumulatief tekort), niet in de kostprijs van het rekenjaar. "
           "Hetzelfde schuifje staat op de pagina's Scenario's en Meerjaren."),
    Schuif("ova", "OVA (indexatie gemeentetarief) per jaar", 0.0, 10.0, 0.1,
           "Met hoeveel procent de gemeente het tarief elk jaar indexeert (OVA-systematiek)."),
]
METHODEN = {"werkelijk": "Werkelijke overhead (pro rata)", "norm": "Genormeerd percentage"}
# (hefboom, label, soort): invoervelden per product; soort bepaalt de notatie in het veld
PRODUCTVELDEN = [
    ("gemeentetarief", "Gemeentetarief (€)", "euro"),
    ("bezettingsnorm", "Bezettingsnorm (leeg = algemeen)", "procent"),
    ("plaatsen", "Plaatsen", "getal"),
    ("werkelijke_bezetting", "Werkelijke bezetting", "procent"),
    ("trajecten_per_jaar", "Trajecten per jaar", "getal"),
    ("fte_factor", "FTE-factor (1 = werkboek)", "getal"),
]


def sleutel(werkboek, naam: str) -> str:
    return f"sc_{werkboek.kort}_{naam}"


# --- printversie ---------------------------------------------------------------------------------

PRINT = "printversie"


def printknop() -> None:
    st.toggle("Printversie", key=PRINT, persist_state="session",
              help="Tabellen als gewone tabel die op A4 past; druk daarna af met Ctrl+P (of Cmd+P). De zijbalk en "
                   "de knoppen komen niet op papier.")


def printversie() -> bool:
    return bool(st.session_state.get(PRINT))


def tabel(rijen: list[dict], rechts: tuple[str, ...] = ()) -> None:
    """g.tabel op het scherm; in de printversie altijd een markdown-tabel, die zich naar de paginabreedte schikt
    (ook als hij lang is: een st.dataframe is een canvas met de schermbreedte)."""
    if not printversie():
        g.tabel(rijen, rechts=rechts)
        return
    import pandas as pd

    st.markdown(g.markdown_tabel(pd.DataFrame(rijen), rechts))


# --- bewaarde scenario's ------------------------------------------------------------------------

@st.cache_data(max_entries=16, show_spinner=False)
def scenarioblad(data: bytes, naam: str):
    """Het blad Scenario's van het werkboek (gesleuteld op de bytes; None als het werkboek ongeldig is)."""
    from tariefmodel.werkboek.scenarios import lees_scenarios

    invoer = g.lees_kostprijs(data, naam).invoer
    if invoer is None:
        return None
    try:
        return lees_scenarios(data, invoer)
    except Exception:  # noqa: BLE001 - een kapot blad Scenario's mag de rest van het werkboek niet blokkeren
        g.interne_fout_referentie("blad Scenario's lezen")
        return None


def bewaard(werkboek) -> dict[str, Scenario]:
    """De bewaarde scenario's van dit werkboek in deze sessie; de eerste keer die uit het blad Scenario's."""
    alle = st.session_state.setdefault("scenarios", {})
    if werkboek.sha not in alle:
        blad = scenarioblad(werkboek.data, werkboek.naam)
        alle[werkboek.sha] = dict(blad.scenarios) if blad else {}
    return alle[werkboek.sha]


def toon_bladmeldingen(werkboek) -> None:
    blad = scenarioblad(werkboek.data, werkboek.naam)
    if blad and blad.meldingen:
        g.waarschuwingen(m.tekst() for m in blad.waarschuwingen())


def huidig(werkboek) -> Scenario:
    """De huidige instellingen (gezet door de pagina Scenario's of Meerjaren)."""
    wijzigingen = st.session_state.setdefault("scenario_huidig", {}).get(werkboek.sha, {})
    return Scenario(HUIDIG, dict(wijzigingen))


def zet_huidig(werkboek, wijzigingen: dict) -> None:
    st.session_state.setdefault("scenario_huidig", {})[werkboek.sha] = dict(wijzigingen)


def keuzes(werkboek) -> dict[str, Scenario]:
    """Alles wat een pagina kan tonen: het werkboek, de huidige instellingen en de bewaarde scenario's."""
    return {BASIS: Scenario(BASIS), HUIDIG: huidig(werkboek), **bewaard(werkboek)}


# --- widgets -------------------------------------------------------------------------------------

def _procent_opties(s: Schuif, *extra: float) -> list[float]:
    stappen = round((s.hoog - s.laag) / s.stap)
    return sorted({round(s.laag + i * s.stap, 4) for i in range(stappen + 1)} | {round(e * 100, 4) for e in extra})


def schuif(werkboek, s: Schuif, basis: float, uit: bool = False, tonen: bool = True) -> float:
    """Een procentschuifje (85,0%) met vaste sleutel; geeft een fractie. Een geladen waarde buiten het raster
    komt er als optie bij. Met ``tonen=False`` niet getekend (dichte uitklapper): de waarde uit de sessie."""
    k = sleutel(werkboek, s.naam)
    huidige = st.session_state.get(k)
    _vasthouden(k, round(basis * 100, 4))
    if not tonen:
        return round(float(st.session_state[k]) / 100, 6)
    opties = _procent_opties(s, basis, *([huidige / 100] if isinstance(huidige, (int, float)) else []))
    waarde = st.select_slider(s.label, opties, help=s.uitleg, disabled=uit, key=k, persist_state="session",
                              format_func=g.procent_kort)
    return round(waarde / 100, 6)


def _vasthouden(k: str, standaard) -> None:
    """Zet de waarde van widget ``k`` (vóór het tekenen) opnieuw via de Session State API.

    Het bekende Streamlit-recept: zo neemt hetzelfde schuifje op een andere pagina (CAO op Scenario's en
    Meerjaren) de waarde over, in plaats van terug te springen naar de eerste optie.
    """
    st.session_state[k] = st.session_state.get(k, standaard)


def veldtekst(soort: str, waarde) -> str:
    """Een productwaarde zoals in het invoerveld: 260,00 / 16 / 95% / 1."""
    if waarde is None:
        return ""
    if soort == "euro":
        return formaat.getal(waarde, 2)
    if soort == "procent":
        return g.procent_kort(round(waarde * 100, 4))
    return formaat.getal(waarde, 2).rstrip("0").rstrip(",")  # altijd met komma: 16,00 -> 16, 1,10 -> 1,1


def productwaarde(product, hefboom: str):
    return 1.0 if hefboom == "fte_factor" else getattr(product, hefboom, None)


def van_toepassing(product, hefboom: str) -> bool:
    h = hefbomen.PRODUCTHEFBOMEN[hefboom]
    return (h.alleen is None or (h.alleen == "opvang" and product.soort == "opvang")
            or (h.alleen == "traject" and product.eenheid == "traject"))


def productvelden(werkboek, invoer, tonen: bool = True) -> tuple[dict, list[str]]:
    """Invoervelden per product (tarief en volumes); geeft (wijzigingen, fouten).

    Met ``tonen=False`` (de uitklapper is dicht) worden de velden niet getekend maar telt wat erin staat wel:
    de waarden staan in de sessie onder dezelfde sleutels (issue 17: alleen tekenen wat op het scherm staat).
    """
    wijzigingen, fouten = {}, []
    for p in invoer.producten:
        velden = [(h, label, soort) for h, label, soort in PRODUCTVELDEN if van_toepassing(p, h)]
        if tonen:
            st.markdown(f"**{p.naam}** ({g.eenheid_tekst(p.eenheid)})")
            kolommen = st.columns(len(velden))
        for i, (h, label, soort) in enumerate(velden):
            basis = veldtekst(soort, productwaarde(p, h))
            k = sleutel(werkboek, f"p_{h}_{p.code}")
            _vasthouden(k, basis)
            tekst = (kolommen[i].text_input(label, key=k, persist_state="session",
                                            placeholder="geen" if h == "gemeentetarief" else "werkboek")
                     if tonen else str(st.session_state[k])).strip()
            if tekst == basis or (not tekst and not basis):
                continue
            naam = hefbomen.naam(h, p.code)
            try:
                getal = lees_getal(tekst) if tekst else None
                if getal is None:
                    raise GeenGetal("leeg veld: vul een waarde in of zet het werkboek terug")
                wijzigingen[naam] = hefbomen.controleer(naam, getal, invoer.producten)[2]
            except (GeenGetal, ValueError) as fout:
                fouten.append(f"{p.naam}, {label.lower()}: {fout}")
    return wijzigingen, fouten


def overhead(werkboek, invoer, tonen: bool = True) -> dict:
    """Overheadmethode en -norm; met ``tonen=False`` niet getekend maar uit de sessie."""
    k = sleutel(werkboek, "overhead_methode")
    _vasthouden(k, invoer.waarde("overhead_methode"))
    methode = st.session_state[k] if not tonen else st.radio("Overhead", list(METHODEN), format_func=METHODEN.get, horizontal=True, key=k,
                       persist_state="session",
                       help="Werkelijk: de overheadkosten uit het werkboek, verdeeld naar rato van de directe "
                            "kosten. Norm: een onderhandeld percentage van de directe kosten.")
    # alleen getekend bij de methode 'norm' (bij 'werkelijk' telt hij niet mee): een schuifje minder per herberekening
    norm = schuif(werkboek, Schuif("overhead_norm", "Overheadnorm", 0.0, 40.0, 0.5,
                                   "Het onderhandelde percentage van de directe kosten."),
                  float(invoer.waarde("overhead_norm")), tonen=tonen and methode == "norm")
    return {"overhead_methode": methode, "overhead_norm": norm}


INDEXMETHODEN = {"vng": "VNG-advies (0,9 × OVA + 0,1 × prijsindex)", "ova": "OVA", "eigen": "Eigen index"}


def indexschuifjes(werkboek, invoer, tonen: bool = True) -> dict:
    """CAO, OVA en de tariefindexmethode: dezelfde sleutels op Scenario's en Meerjaren (één waarde per sessie).
    Met ``tonen=False`` niet getekend: de waarden uit de sessie."""
    gekozen = {s.naam: schuif(werkboek, s, float(invoer.waarde(s.naam)), tonen=tonen) for s in INDEXSCHUIFJES}
    if "tarief_index_methode" in invoer.uitgangspunten:
        k = sleutel(werkboek, "tarief_index_methode")
        basis = invoer.waarde("tarief_index_methode") or "vng"
        _vasthouden(k, basis)
        if not tonen:
            gekozen["tarief_index_methode"] = st.session_state[k]
            return gekozen
        gekozen["tarief_index_methode"] = st.radio(
            "Indexatie van het gemeentetarief", list(INDEXMETHODEN), format_func=INDEXMETHODEN.get, key=k,
            persist_state="session", help="Hoe de gemeente het tarief elk jaar indexeert (rekenmethode §1.8). "
            "'Eigen index' gebruikt tarief_index uit het werkboek.")
    return gekozen


SCHUIFMARGE = 1e-6  # een schuifje geeft een fractie op 6 decimalen: kleiner verschil = de werkboekwaarde


def euro_verschil(x: float, heel: bool = True) -> str:
    """Een verschil in Babels notatie met teken: € +1.234 / € -1.234 (zelfde minteken als elders)."""
    tekst = formaat.euro_heel(x) if heel else formaat.euro(x)
    return tekst.replace("€\xa0", "€\xa0+", 1) if x > 0 else tekst


def alleen_wijzigingen(invoer, gekozen: dict) -> dict:
    """Alleen wat afwijkt van het werkboek (een scenario bewaart wat er veranderd is)."""
    uit = {}
    for naam, waarde in gekozen.items():
        if hefbomen.is_producthefboom(naam):
            uit[naam] = waarde
            continue
        oud = invoer.waarde(naam)
        if isinstance(waarde, float) and isinstance(oud, (int, float)) and not isinstance(oud, bool):
            if abs(waarde - oud) > SCHUIFMARGE:
                uit[naam] = waarde
        elif waarde != oud:
            uit[naam] = waarde
    return uit


# --- laden en terugzetten (callbacks) ------------------------------------------------------------

def _widgetwaarden(invoer, wijzigingen: dict) -> dict[str, object]:
    """Per widgetnaam (zonder het sleutelvoorvoegsel) de waarde die bij ``wijzigingen`` hoort."""
    uit: dict[str, object] = {}
    for s in [*SCHUIFJES, *INDEXSCHUIFJES, Schuif("overhead_norm", "", 0, 0, 1, "")]:
        uit[s.naam] = round(float(wijzigingen.get(s.naam, invoer.waarde(s.naam))) * 100, 4)
    uit["overhead_methode"] = wijzigingen.get("overhead_methode", invoer.waarde("overhead_methode"))
    if "tarief_index_methode" in invoer.uitgangspunten:
        uit["tarief_index_methode"] = wijzigingen.get("tarief_index_methode",
                                                      invoer.waarde("tarief_index_methode") or "vng")
    for p in invoer.producten:
        for h, _, soort in PRODUCTVELDEN:
            naam = hefbomen.naam(h, p.code)
            uit[f"p_{h}_{p.code}"] = veldtekst(soort, wijzigingen.get(naam, productwaarde(p, h)))
    return uit


def laad(werkboek, invoer, scenario: Scenario) -> None:
    """Callback: zet alle schuifjes en velden op ``scenario`` (niet genoemde waarden: het werkboek)."""
    for naam, waarde in _widgetwaarden(invoer, dict(scenario.wijzigingen)).items():
        st.session_state[sleutel(werkboek, naam)] = waarde
    zet_huidig(werkboek, scenario.wijzigingen)
    st.session_state["scenario_melding"] = (f"Scenario '{scenario.naam}' is geladen." if scenario.naam != BASIS
                                            else "Alle instellingen staan weer op het werkboek.")


def herstel(werkboek, invoer) -> None:
    laad(werkboek, invoer, Scenario(BASIS))


# --- downloads -----------------------------------------------------------------------------------

@st.cache_data(max_entries=16, show_spinner=False)
def werkboek_met_scenarios(data: bytes, scenarios: tuple, toelichtingen: tuple) -> bytes:
    """Kopie van het werkboek met het blad Scenario's (gesleuteld op de bytes en de scenario's)."""
    from tariefmodel.werkboek.scenarios_schrijven import met_scenarioblad

    return met_scenarioblad(data, [Scenario.uit_sleutel(s) for s in scenarios],
                            {naam: dict(t) for naam, t in toelichtingen})


def kopie_bytes(werkboek) -> bytes:
    blad = scenarioblad(werkboek.data, werkboek.naam)
    toelichtingen = tuple((n, tuple(sorted(t.items()))) for n, t in (blad.toelichtingen.items() if blad else ()))
    return werkboek_met_scenarios(werkboek.data, tuple(s.sleutel() for s in bewaard(werkboek).values()),
                                  toelichtingen)


def kopie_naam(werkboek) -> str:
    stam = werkboek.naam.removesuffix(".xlsx").removesuffix("_met_scenarios")
    return f"{stam}_met_scenarios.xlsx"


def download_werkboek(werkboek, sleutel_: str) -> None:
    """Knop 'Werkboek met scenario's downloaden': een kopie, het origineel blijft ongewijzigd."""
    aantal = len(bewaard(werkboek))
    st.download_button("Werkboek met scenario's downloaden", kopie_bytes(werkboek), file_name=kopie_naam(werkboek),
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/save:", key=sleutel_, disabled=aantal == 0,
                       help="Een kopie van uw werkboek met het blad Scenario's (alle bewaarde scenario's). "
                            "Uw eigen gegevens blijven ongewijzigd; open de kopie later weer in de app.")
    st.caption(("1 bewaard scenario gaat mee. " if aantal == 1 else f"{aantal} bewaarde scenario's gaan mee. ")
               + "Niets wordt op de server bewaard: alleen in deze sessie en in uw download.")


@st.cache_data(max_entries=16, show_spinner=False)
def vergelijking_xlsx(data: bytes, naam: str, scenarios: tuple) -> bytes:
    from tariefmodel.export.vergelijking import exporteer_vergelijking
    from tariefmodel.kostprijs.vergelijking import vergelijk

    invoer = g.lees_kostprijs(data, naam).invoer
    return exporteer_vergelijking(vergelijk(invoer, {s[0]: Scenario.uit_sleutel(s) for s in scenarios}))


@st.cache_data(max_entries=8, show_spinner=False)
def vergelijking_pdf(data: bytes, naam: str, scenarios: tuple) -> bytes:
    from tariefmodel.kostprijs.vergelijking import vergelijk
    from tariefmodel.rapport.vergelijking import vergelijking_pdf as maak

    invoer = g.lees_kostprijs(data, naam).invoer
    return maak(vergelijk(invoer, {s[0]: Scenario.uit_sleutel(s) for s in scenarios}))
