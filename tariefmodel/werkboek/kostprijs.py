"""Het kostprijswerkboek lezen en controleren (werkboekformaat.md, 'Kostprijswerkboek')."""

from __future__ import annotations

import functools
import hashlib
import re
import sys
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from tariefmodel import grenzen
from tariefmodel import uitgangspunten as up
from tariefmodel.formaat import euro
from tariefmodel.getallen import GeenGetal, klein_procent, kort, lees_getal
from tariefmodel.kostprijs.invoer import (
    OVERHEAD,
    PARAMETERS_KOSTPRIJS,
    Kostenregel,
    KostprijsInvoer,
    Personeelsregel,
    Product,
)
from tariefmodel.kostprijs.salaris import bron_tekst, jaargemiddelde
from tariefmodel.meldingen import Meldingen
from tariefmodel.opruimen import zonder_cyclische_gc
from tariefmodel.parameters import cao_salaristabel, cao_tabellen
from tariefmodel.werkboek.begrenzing import binnen
from tariefmodel.werkboek.lezen import (
    geef_cellen_vrij,
    kopsleutel,
    lees_blad,
    meld_onbekende_bladen,
    open_werkboek,
    valideer_rijen,
)
from tariefmodel.werkboek.pydantic_nl import (
    Bedrag,
    Getal,
    OptBedrag,
    OptFractie,
    OptGetal,
    OptTekst,
    Tekst,
    geen_excel_fout,
)

# Drempels voor waarschuwingen (blokkeren niet). Instellingen van de controle, geen rekenparameters.
DREMPEL_BEZETTING = 1.0  # werkelijke bezetting boven 100%: plaatsen overvol
MAX_BEZETTING = 2.0  # boven 200% is het een tikfout (95 i.p.v. 95% of 0,95): fout, geen waarschuwing
DREMPEL_ORT = 0.5  # ORT van de helft van het salaris of meer: waarschijnlijk een procent als kaal getal (1 = 100%)
MIN_TARIEF = 0.01  # een Gemeentetarief boven 0 maar onder één cent is geen bedrag in euro's: fout
FACTOR_JAARSALARIS = 3  # Maandsalaris boven 3x het hoogste CAO-bedrag: lijkt een jaarsalaris (werkboekformaat.md v2)
FACTOR_TE_LAAG_SALARIS = 3  # Maandsalaris onder 1/3 van het laagste CAO-bedrag: lijkt een uurloon of k€ (ronde 2)
EEN_PERSOON = ("directeur", "bestuurder", "directeur-bestuurder", "voorzitter", "controller", "manager", "hoofd",
               "secretaris", "penningmeester")
"""Functies van één persoon (eerste woord van Functie): meer dan 1 FTE op zo'n regel is verdacht."""
TOTAALWOORDEN = ("totaal", "subtotaal", "total", "subtotal", "som", "eindtotaal")
"""Een regel met zo'n woord in een tekstkolom is een totaalregel: overgeslagen met een waarschuwing."""

KOLOMMEN = {
    "Uitgangspunten": (["Parameter", "Waarde", "Eenheid", "Toelichting"], ["Parameter", "Waarde"]),
    "Producten": (["Code", "Naam", "Soort", "Eenheid", "Plaatsen", "Werkelijke bezetting", "Uren per traject",
                   "Trajecten per jaar", "Gemeentetarief", "Bezettingsnorm"], ["Code", "Naam", "Soort", "Eenheid"]),
    "Personeel": (["Functie", "Product", "Schaal", "Trede", "FTE", "Maandsalaris", "ORT"],
                  ["Functie", "Product", "FTE"]),
    "Kosten": (["Product", "Kostensoort", "Omschrijving", "Bedrag"], ["Product", "Kostensoort", "Bedrag"]),
    "Salaristabel": (["Schaal", "Trede", "Maandsalaris"], ["Schaal", "Trede", "Maandsalaris"]),
}
ANDERE_BLADEN = ("Scenario's", "Toelichting")
"""Bladen die dit werkboek mag hebben maar die deze lezer niet gebruikt: geen waarschuwing 'onbekend blad'."""


def _klein(waarde):
    geen_excel_fout(waarde)
    return waarde.strip().casefold() if isinstance(waarde, str) else waarde


def _code(waarde):
    """Een productcode in hoofdletters. Geïnterneerd (sys.intern), net als Schaal en Trede: duizenden regels
    delen dan een paar tekstobjecten, en de regeltabel (kostprijs/vectorieel.py) zoekt ze zonder cachemissers op."""
    geen_excel_fout(waarde)
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    return None if waarde is None or str(waarde).strip() == "" else sys.intern(str(waarde).strip().upper())


def _sleutel(waarde):
    """Schaal of trede: tekst zonder hoofdletters ('U1' = 'u1'), gehele getallen zonder ',0', zonder het woord
    'schaal' of 'trede' ervoor ('Schaal 9' = 9: zo typen mensen het)."""
    geen_excel_fout(waarde)
    if waarde is None or str(waarde).strip() == "":
        return None
    tekst = str(int(waarde) if isinstance(waarde, float) and waarde.is_integer() else waarde).strip().casefold()
    return sys.intern(re.sub(r"^(schaal|trede)\s+", "", tekst) or tekst)


Code = Annotated[str, BeforeValidator(_code)]
Sleutel = Annotated[str | None, BeforeValidator(_sleutel)]


class _Regel(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="ignore")


class ProductRegel(_Regel):
    code: Code = Field(alias="Code")
    naam: Tekst = Field(alias="Naam")
    soort: Annotated[Literal["opvang", "ambulant"], BeforeValidator(_klein)] = Field(alias="Soort")
    eenheid: Annotated[Literal["etmaal", "uur", "traject"], BeforeValidator(_klein)] = Field(alias="Eenheid")
    plaatsen: Annotated[OptGetal, binnen(grenzen.PLAATSEN_PRODUCT)] = Field(None, alias="Plaatsen", ge=0)
    werkelijke_bezetting: OptGetal = Field(None, alias="Werkelijke bezetting", ge=0)
    uren_per_traject: Annotated[OptGetal, binnen(grenzen.UREN_PER_TRAJECT)] = Field(None, alias="Uren per traject", gt=0)
    trajecten_per_jaar: Annotated[OptGetal, binnen(grenzen.TRAJECTEN_PER_JAAR)] = Field(
        None, alias="Trajecten per jaar", ge=0)
    gemeentetarief: OptBedrag = Field(None, alias="Gemeentetarief", ge=0)
    bezettingsnorm: OptGetal = Field(None, alias="Bezettingsnorm", gt=0, le=1)


class PersoneelRegel(_Regel):
    functie: Tekst = Field(alias="Functie")
    product: Code = Field(alias="Product")
    schaal: Sleutel = Field(None, alias="Schaal")
    trede: Sleutel = Field(None, alias="Trede")
    fte: Annotated[Getal, binnen(grenzen.FTE_REGEL)] = Field(alias="FTE", ge=0)
    maandsalaris: OptBedrag = Field(None, alias="Maandsalaris", gt=0)
    ort: OptFractie = Field(None, alias="ORT", ge=0, le=1)


class KostenRegel(_Regel):
    product: Code = Field(alias="Product")
    kostensoort: Tekst = Field(alias="Kostensoort")
    omschrijving: OptTekst = Field(None, alias="Omschrijving")
    bedrag: Bedrag = Field(alias="Bedrag", ge=0)


class SalarisRegel(_Regel):
    schaal: Annotated[str, BeforeValidator(_sleutel)] = Field(alias="Schaal")
    trede: Annotated[str, BeforeValidator(_sleutel)] = Field(alias="Trede")
    maandsalaris: Bedrag = Field(alias="Maandsalaris", gt=0)


@zonder_cyclische_gc()
def lees_kostprijswerkboek(data: bytes, bestandsnaam: str = "") -> KostprijsInvoer:
    """Lees en controleer een kostprijswerkboek; WerkboekFout met alle meldingen bij fouten."""
    wb = open_werkboek(data)
    meldingen = Meldingen()
    bladen = {naam: _begrensd_aantal(naam, lees_blad(wb, naam, *KOLOMMEN[naam], meldingen,
                                                     verplicht=naam != "Salaristabel"), meldingen)
              for naam in KOLOMMEN}
    for naam, (tekst, getal) in TOTAALKOLOMMEN.items():
        bladen[naam] = zonder_totaalregels(bladen[naam], naam, tekst, getal, meldingen)
    uitgangspunten = _uitgangspunten(bladen["Uitgangspunten"], meldingen)
    producten = _producten(bladen["Producten"], meldingen)
    codes = _alle_codes(bladen["Producten"])
    eigen_tabel = _salaristabel(bladen["Salaristabel"], meldingen)
    jaar = _rekenjaar(uitgangspunten)
    personeel = _personeel(bladen["Personeel"], producten, codes, eigen_tabel, jaar, meldingen)
    kosten = _kosten(bladen["Kosten"], producten, codes, meldingen)
    if not meldingen.heeft_fouten:
        _controleer_samenhang(uitgangspunten, producten, personeel, kosten, meldingen)
    meld_onbekende_bladen(wb, (*KOLOMMEN, *ANDERE_BLADEN), meldingen)
    geef_cellen_vrij(wb)
    meldingen.sorteer(list(KOLOMMEN))
    meldingen.stop_bij_fouten()
    return KostprijsInvoer(uitgangspunten, tuple(producten.values()), tuple(personeel), tuple(kosten),
                           bestandsnaam, hashlib.sha256(data).hexdigest(), tuple(meldingen.waarschuwingen),
                           {k: v[0] for k, v in eigen_tabel.items()})


def _rekenjaar(uitgangspunten) -> int | None:
    u = uitgangspunten.get("rekenjaar")
    return None if u is None or u.waarde is None else int(u.waarde)


TOTAALKOLOMMEN = {
    "Producten": (("Code", "Naam"), None),
    "Personeel": (("Functie", "Product"), "FTE"),
    "Kosten": (("Product", "Kostensoort", "Omschrijving"), "Bedrag"),
}
"""Per blad: de tekstkolommen waarin 'Totaal' kan staan, en de getalkolom die een totaal kan zijn."""


def zonder_totaalregels(rijen, blad: str, tekstkolommen, getalkolom, meldingen: Meldingen):
    """Laat totaalregels weg, met een waarschuwing: nooit dubbel tellen (werkboekformaat.md v2).

    Een totaalregel heeft 'Totaal'/'Subtotaal' in een tekstkolom, of (als de tekst leeg is) een getal dat
    gelijk is aan de som van minstens twee regels erboven.
    """
    if rijen is None:
        return None
    uit, som, aantal, getallen = [], 0.0, 0, []
    for rij in rijen:
        kolom = next((k for k in tekstkolommen if _is_totaal(rij.waarden.get(k), k)), None)
        getal = _getal_of_none(rij.waarden.get(getalkolom)) if getalkolom else None
        leeg = any(_leeg(rij.waarden.get(k)) for k in tekstkolommen)
        if kolom is None and _subtotaal_in_omschrijving(rij, tekstkolommen, getal, getallen, blad, getalkolom,
                                                        meldingen):
            continue
        if kolom is not None:
            meldingen.waarschuwing(f"deze regel lijkt een totaalregel ('{kort(rij.waarden[kolom])}') en wordt niet "
                                   "meegeteld; haal hem weg of zet totalen buiten de tabel", blad=blad,
                                   rij=rij.nummer, kolom=kolom)
            continue
        if getal is not None and leeg and aantal >= 2 and abs(getal - som) <= 1e-9 * max(1.0, abs(som)):
            meldingen.waarschuwing(f"{getalkolom} {kort(rij.waarden.get(getalkolom))} is de som van de regels erboven: "
                                   "deze regel lijkt een totaalregel en wordt niet meegeteld", blad=blad,
                                   rij=rij.nummer, kolom=getalkolom)
            continue
        if getal is not None:
            som, aantal = som + getal, aantal + 1
            getallen.append(getal)
        uit.append(rij)
    return uit


def _subtotaal_in_omschrijving(rij, tekstkolommen, getal, erboven: list[float], blad, getalkolom, meldingen) -> bool:
    """Omschrijving die met 'Totaal'/'Subtotaal' begint ('Subtotaal overhead'): is het bedrag de som van minstens
    twee regels direct erboven, dan is het een subtotaal (overgeslagen, met waarschuwing); anders telt het mee als
    gewone post ('Totaal huur locatie A'), ook met een waarschuwing. Nooit stil dubbel tellen."""
    tekst = rij.waarden.get("Omschrijving") if "Omschrijving" in tekstkolommen else None
    if not isinstance(tekst, str) or kopsleutel(tekst).split(" ")[0] not in TOTAALWOORDEN or getal is None:
        return False
    som = 0.0
    for aantal, vorig in enumerate(reversed(erboven), start=1):
        som += vorig
        if aantal >= 2 and abs(getal - som) <= 1e-9 * max(1.0, abs(som)):
            meldingen.waarschuwing(f"'{kort(tekst)}' ({getalkolom} {kort(rij.waarden.get(getalkolom))}) is de som van "
                                   f"de {aantal} regels erboven: een subtotaal, dat niet wordt meegeteld; haal het weg "
                                   "of zet totalen buiten de tabel", blad=blad, rij=rij.nummer, kolom="Omschrijving")
            return True
    meldingen.waarschuwing(f"'{kort(tekst)}' begint met '{kopsleutel(tekst).split(' ')[0]}' maar is niet de som van "
                           "regels erboven: de regel telt mee als gewone kostenpost. Is het een (sub)totaal, haal het "
                           "dan weg", blad=blad, rij=rij.nummer, kolom="Omschrijving")
    return False


def _is_totaal(waarde, kolom: str) -> bool:
    """'Totaal', 'Subtotaal'; in Functie/Code/Product ook 'Totaal personeel'. Een Omschrijving als 'Totaal huur
    locatie A' kan één kostenpost zijn: daar alleen het woord zelf."""
    if not isinstance(waarde, str):
        return False
    sleutel = kopsleutel(waarde)
    return sleutel in TOTAALWOORDEN or (kolom != "Omschrijving" and sleutel.split(" ")[0] in TOTAALWOORDEN)


def _getal_of_none(waarde) -> float | None:
    try:
        return None if _leeg(waarde) else lees_getal(waarde)
    except GeenGetal:
        return None


def _leeg(waarde) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def _begrensd_aantal(blad: str, rijen, meldingen: Meldingen):
    """Hoogstens MAX_PRODUCTEN producten en MAX_REGELS regels per blad (tariefmodel/grenzen.py)."""
    grens = grenzen.MAX_PRODUCTEN if blad == "Producten" else grenzen.MAX_REGELS
    if rijen is None or len(rijen) <= grens:
        return rijen
    aantal, grens_nl = f"{len(rijen):,}".replace(",", "."), f"{grens:,}".replace(",", ".")
    meldingen.fout(f"het blad heeft {aantal} regels; hoogstens {grens_nl} kunnen worden gelezen. Verwijder de "
                   "overbodige regels", blad=blad, rij=rijen[grens].nummer, kolom=KOLOMMEN[blad][0][0])
    return rijen[:grens]


def _uitgangspunten(rijen, meldingen):
    if rijen is None:
        return {}
    regels = [(r.nummer, r.waarden.get("Parameter"), r.waarden.get("Waarde")) for r in rijen]
    return up.bepaal(regels, PARAMETERS_KOSTPRIJS, meldingen)


def _producten(rijen, meldingen) -> dict[str, Product]:
    producten: dict[str, Product] = {}
    for rij, r in valideer_rijen(ProductRegel, rijen or [], "Producten", meldingen):
        if r.code == OVERHEAD:
            meldingen.fout(f"'{OVERHEAD}' is gereserveerd voor overheadkosten; kies een andere code",
                           blad="Producten", rij=rij.nummer, kolom="Code")
        elif r.code in producten:
            meldingen.fout(f"productcode '{r.code}' komt twee keer voor (ook rij {producten[r.code].rij})",
                           blad="Producten", rij=rij.nummer, kolom="Code")
        elif _controleer_product(r, rij.nummer, meldingen):
            _kleine_procenten(rij, ("Werkelijke bezetting", "Bezettingsnorm"), "Producten", meldingen)
            producten[r.code] = Product(rij=rij.nummer, **r.model_dump())
    return producten


def _kleine_procenten(rij, kolommen, blad: str, meldingen: Meldingen) -> None:
    """'0,95%' in een fractiekolom: een waarschuwing 'bedoelt u 95%?' (getallen.klein_procent)."""
    for kolom in kolommen:
        melding = klein_procent(rij.waarden.get(kolom))
        if melding:
            meldingen.waarschuwing(melding, blad=blad, rij=rij.nummer, kolom=kolom)


def _controleer_product(r: ProductRegel, nummer: int, meldingen: Meldingen) -> bool:
    blad = "Producten"
    aantal = len(meldingen.fouten)
    if r.soort == "opvang" and r.eenheid != "etmaal":
        meldingen.fout(f"een opvangproduct heeft eenheid 'etmaal', niet '{r.eenheid}'", blad=blad, rij=nummer, kolom="Eenheid")
    if r.soort == "ambulant" and r.eenheid == "etmaal":
        meldingen.fout("een ambulant product heeft eenheid 'uur' of 'traject'", blad=blad, rij=nummer, kolom="Eenheid")
    if r.soort == "opvang" and not r.plaatsen:
        meldingen.fout("een opvangproduct heeft plaatsen nodig (meer dan 0)", blad=blad, rij=nummer, kolom="Plaatsen")
    if r.eenheid == "traject" and not r.uren_per_traject:
        meldingen.fout("een trajectproduct heeft 'Uren per traject' nodig", blad=blad, rij=nummer, kolom="Uren per traject")
    if r.werkelijke_bezetting is not None and r.werkelijke_bezetting > MAX_BEZETTING:
        meldingen.fout(f"werkelijke bezetting {r.werkelijke_bezetting:g} betekent {_procent(r.werkelijke_bezetting)}; "
                       f"dat is onmogelijk hoog. Bedoelt u {r.werkelijke_bezetting:g}%? Vul een fractie (0,95) of een "
                       "percentage (95%) in",
                       blad=blad, rij=nummer, kolom="Werkelijke bezetting")
    elif r.werkelijke_bezetting is not None and r.werkelijke_bezetting > DREMPEL_BEZETTING:
        meldingen.waarschuwing(f"werkelijke bezetting {r.werkelijke_bezetting:.0%} is meer dan 100%: plaatsen zijn overvol"
                               .replace(".", ","), blad=blad, rij=nummer, kolom="Werkelijke bezetting")
    if r.gemeentetarief and r.gemeentetarief < MIN_TARIEF:
        meldingen.fout(f"gemeentetarief {r.gemeentetarief:g} is minder dan één cent; dat is geen tarief in euro's. "
                       "Vul het bedrag per eenheid in euro's in (bijvoorbeeld 260 of 72,50), of laat de cel leeg als "
                       "er geen tarief is", blad=blad, rij=nummer, kolom="Gemeentetarief")
    _tarief_zonder_volume(r, nummer, meldingen)
    return len(meldingen.fouten) == aantal


def _tarief_zonder_volume(r: ProductRegel, nummer: int, meldingen: Meldingen) -> None:
    """Een gemeentetarief zonder volume geeft opbrengst 0: een waarschuwing (werkboekformaat.md v2)."""
    if not r.gemeentetarief:
        return
    kolom = ("Werkelijke bezetting" if r.soort == "opvang" and r.werkelijke_bezetting == 0 else
             "Trajecten per jaar" if r.eenheid == "traject" and r.trajecten_per_jaar == 0 else None)
    if kolom:
        meldingen.waarschuwing(f"het product heeft een gemeentetarief maar {kolom} is 0: de opbrengst wordt 0 en "
                               "het tekort gelijk aan alle kosten. Vul het gerealiseerde volume in",
                               blad="Producten", rij=nummer, kolom=kolom)


def _procent(fractie: float) -> str:
    return f"{fractie:.0%}"


def _alle_codes(rijen) -> frozenset[str] | None:
    """Alle codes in het blad Producten, ook van ongeldige regels; None als het blad onbruikbaar is.

    Zo geeft een ongeldige productregel geen gevolgfouten 'onbekende productcode' in Personeel en Kosten.
    """
    if rijen is None:
        return None
    codes = set()
    for rij in rijen:
        try:
            codes.add(_code(rij.waarden.get("Code")))
        except ValueError:
            continue
    return frozenset(codes - {None})


def _salaristabel(rijen, meldingen) -> dict[tuple[str, str], tuple[float, str]]:
    """De eigen regels van het blad Salaristabel (die gaan voor de meegeleverde tabellen)."""
    tabel: dict[tuple[str, str], tuple[float, str]] = {}
    eigen: dict[tuple[str, str], int] = {}
    for rij, r in valideer_rijen(SalarisRegel, rijen or [], "Salaristabel", meldingen):
        sleutel = (r.schaal, r.trede)
        if sleutel in eigen:
            meldingen.fout(f"schaal {r.schaal} trede {r.trede} staat twee keer in de salaristabel (ook rij "
                           f"{eigen[sleutel]}); houd één regel over", blad="Salaristabel", rij=rij.nummer, kolom="Trede")
            continue
        eigen[sleutel] = rij.nummer
        tabel[sleutel] = (r.maandsalaris, f"werkboek (Salaristabel, rij {rij.nummer})")
    return tabel


def _personeel(rijen, producten, codes, salaristabel, jaar, meldingen) -> list[Personeelsregel]:
    """De personeelsregels. Gelijke getallen (FTE, maandsalaris, ORT) delen één object, zoals de codes (``_code``):
    in een groot werkboek komen dezelfde deeltijdfactoren, CAO-bedragen en ORT-percentages steeds terug, en de
    regeltabel (kostprijs/vectorieel.py) leest dan een paar objecten in plaats van 3 × 17.000 verspreide."""
    uit = []
    gedeeld: dict[float, float] = {}

    def deel(getal: float) -> float:
        getal = float(getal)
        return gedeeld.setdefault(getal, getal)

    for rij, r in valideer_rijen(PersoneelRegel, rijen or [], "Personeel", meldingen):
        if not _bekend_product(r.product, producten, codes, "Personeel", rij.nummer, meldingen):
            continue
        salaris = _maandsalaris(r, rij.nummer, salaristabel, jaar, meldingen)
        if salaris is None:
            continue
        _plausibel_personeel(r, rij.nummer, meldingen)
        _kleine_procenten(rij, ("ORT",), "Personeel", meldingen)
        uit.append(Personeelsregel(r.functie, r.product, deel(r.fte), deel(salaris[0]), deel(r.ort or 0.0), r.schaal,
                                   r.trede, salaris[1], rij.nummer))
    return uit


@functools.lru_cache(maxsize=1)
def _hoogste_cao_bedrag() -> float | None:
    return max((b.maandsalaris for b in cao_salaristabel().values()), default=None)


@functools.lru_cache(maxsize=1)
def _laagste_cao_bedrag() -> float | None:
    return min((b.maandsalaris for b in cao_salaristabel().values()), default=None)


def _plausibel_personeel(r: PersoneelRegel, nummer: int, meldingen: Meldingen) -> None:
    """Waarschuwingen voor wat waarschijnlijk anders bedoeld is (werkboekformaat.md v2, Plausibility)."""
    hoogste = _hoogste_cao_bedrag()
    if r.maandsalaris is not None and hoogste and r.maandsalaris > FACTOR_JAARSALARIS * hoogste:
        meldingen.waarschuwing(
            f"Maandsalaris {euro(r.maandsalaris)} is meer dan {FACTOR_JAARSALARIS} keer het hoogste bedrag uit de "
            f"CAO-tabel ({euro(hoogste)}): dit lijkt een jaarsalaris. Vul het bruto salaris per maand in",
            blad="Personeel", rij=nummer, kolom="Maandsalaris")
    laagste = _laagste_cao_bedrag()
    if r.maandsalaris is not None and laagste and 0 < r.maandsalaris < laagste / FACTOR_TE_LAAG_SALARIS:
        meldingen.waarschuwing(
            f"Maandsalaris {euro(r.maandsalaris)} is minder dan 1/{FACTOR_TE_LAAG_SALARIS} van het laagste bedrag "
            f"uit de CAO-tabel ({euro(laagste)}): dit lijkt een uurloon of een bedrag in duizenden. Vul het bruto "
            "voltijd salaris per maand in euro's in", blad="Personeel", rij=nummer, kolom="Maandsalaris")
    if r.ort is not None and r.ort >= DREMPEL_ORT:
        procent = f"{r.ort * 100:g}".replace(".", ",")
        meldingen.waarschuwing(
            f"ORT {procent}% van het salaris is ongebruikelijk hoog; bedoelt u {f'{r.ort:g}'.replace('.', ',')}%? "
            f"Vul dan {f'{r.ort:g}'.replace('.', ',')}% of {f'{r.ort / 100:g}'.replace('.', ',')} in",
            blad="Personeel", rij=nummer, kolom="ORT")
    eerste = kopsleutel(r.functie).split(" ")[0] if r.functie else ""
    if r.fte > 1 and eerste in EEN_PERSOON:
        meldingen.waarschuwing(
            f"FTE {r.fte:g} op de functie '{kort(r.functie)}': één persoon werkt hoogstens 1 FTE. Controleer het "
            "aantal; gaat het om meer mensen, zet de functie dan in het meervoud (bijvoorbeeld 'Directeuren')"
            .replace(f"{r.fte:g}", f"{r.fte:g}".replace(".", ",")), blad="Personeel", rij=nummer, kolom="FTE")


def _maandsalaris(r: PersoneelRegel, nummer: int, tabel, jaar, meldingen) -> tuple[float, str] | None:
    """Maandsalaris van de regel: eigen bedrag, anders het blad Salaristabel, anders het jaargemiddelde van
    de CAO-tabellen over het rekenjaar (rekenmethode §1.1 v2)."""
    if r.maandsalaris is not None:
        return r.maandsalaris, f"werkboek (Personeel, rij {nummer})"
    if r.schaal is None or r.trede is None:
        kolom = "Schaal" if r.schaal is None else "Trede"
        meldingen.fout("vul Maandsalaris in, of Schaal en Trede", blad="Personeel", rij=nummer, kolom=kolom)
        return None
    gevonden = tabel.get((r.schaal, r.trede))
    if gevonden is None:
        # zonder geldig rekenjaar (daarover is al een melding) alleen: bestaat de cel?
        gemiddeld = jaargemiddelde(r.schaal, r.trede, jaar or cao_tabellen().tabellen[0].datum.year)
        gevonden = None if gemiddeld is None else (gemiddeld.bedrag, bron_tekst(gemiddeld, jaar or 0))
    if gevonden is None:
        meldingen.fout(f"schaal {r.schaal} trede {r.trede} staat niet in de salaristabel; vul Maandsalaris in "
                       "of voeg de trede toe in het blad Salaristabel", blad="Personeel", rij=nummer, kolom="Trede")
    return gevonden


def _bekend_product(code, producten, codes, blad, nummer, meldingen) -> bool:
    """Bestaat de productcode? Codes van ongeldige productregels (of zonder bruikbaar blad Producten)
    tellen niet als onbekend: daarover is al een melding gegeven."""
    if code == OVERHEAD or code in producten:
        return True
    if codes is None or code in codes:
        return False
    meldingen.fout(f"onbekende productcode '{code}' (bekende codes: {_codes_tekst(codes)}, of {OVERHEAD})",
                   blad=blad, rij=nummer, kolom="Product")
    return False


@lru_cache(maxsize=8)
def _codes_tekst(codes: frozenset[str]) -> str:
    """De bekende codes voor de melding, één keer per werkboek berekend en ingekort (grenzen.py)."""
    gesorteerd = sorted(codes)
    tekst = ", ".join(gesorteerd[:grenzen.MAX_GENOEMDE_CODES]) or "geen"
    rest = len(gesorteerd) - grenzen.MAX_GENOEMDE_CODES
    return tekst + (f" en nog {rest} andere" if rest > 0 else "")


def _kosten(rijen, producten, codes, meldingen) -> list[Kostenregel]:
    return [Kostenregel(r.product, r.kostensoort, r.bedrag, r.omschrijving or "", rij.nummer)
            for rij, r in valideer_rijen(KostenRegel, rijen or [], "Kosten", meldingen)
            if _bekend_product(r.product, producten, codes, "Kosten", rij.nummer, meldingen)]


def _controleer_samenhang(uitgangspunten, producten, personeel, kosten, meldingen) -> None:
    """Regels over bladen heen: wat de rekenmethode nodig heeft om elk product te berekenen."""
    from tariefmodel.kostprijs.controle import controleer_berekenbaar

    controleer_berekenbaar(uitgangspunten, producten, personeel, kosten, meldingen)
