"""Het kostprijswerkboek lezen en controleren (werkboekformaat.md, 'Kostprijswerkboek')."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from tariefmodel import grenzen
from tariefmodel import uitgangspunten as up
from tariefmodel.kostprijs.invoer import (
    OVERHEAD,
    PARAMETERS_KOSTPRIJS,
    Kostenregel,
    KostprijsInvoer,
    Personeelsregel,
    Product,
)
from tariefmodel.parameters import cao_salaristabel
from tariefmodel.werkboek.begrenzing import binnen
from tariefmodel.werkboek.lezen import lees_blad, open_werkboek, valideer_rijen
from tariefmodel.werkboek.meldingen import Meldingen
from tariefmodel.werkboek.pydantic_nl import Getal, OptGetal, OptTekst, Tekst, geen_excel_fout

# Drempels voor waarschuwingen (blokkeren niet). Instellingen van de controle, geen rekenparameters.
DREMPEL_OVERHEADPERCENTAGE = 0.40  # boven 40% overhead op directe kosten: ongebruikelijk hoog
DREMPEL_BEZETTING = 1.0  # werkelijke bezetting boven 100%: plaatsen overvol
MAX_BEZETTING = 2.0  # boven 200% is het een tikfout (95 i.p.v. 95% of 0,95): fout, geen waarschuwing

KOLOMMEN = {
    "Uitgangspunten": (["Parameter", "Waarde", "Eenheid", "Toelichting"], ["Parameter", "Waarde"]),
    "Producten": (["Code", "Naam", "Soort", "Eenheid", "Plaatsen", "Werkelijke bezetting", "Uren per traject",
                   "Trajecten per jaar", "Gemeentetarief"], ["Code", "Naam", "Soort", "Eenheid"]),
    "Personeel": (["Functie", "Product", "Schaal", "Trede", "FTE", "Maandsalaris", "ORT"],
                  ["Functie", "Product", "FTE"]),
    "Kosten": (["Product", "Kostensoort", "Omschrijving", "Bedrag"], ["Product", "Kostensoort", "Bedrag"]),
    "Salaristabel": (["Schaal", "Trede", "Maandsalaris"], ["Schaal", "Trede", "Maandsalaris"]),
}


def _klein(waarde):
    geen_excel_fout(waarde)
    return waarde.strip().casefold() if isinstance(waarde, str) else waarde


def _code(waarde):
    geen_excel_fout(waarde)
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    return None if waarde is None or str(waarde).strip() == "" else str(waarde).strip().upper()


def _sleutel(waarde):
    """Schaal of trede: tekst zonder hoofdletters ('U1' = 'u1'), gehele getallen zonder ',0'."""
    geen_excel_fout(waarde)
    if waarde is None or str(waarde).strip() == "":
        return None
    return str(int(waarde) if isinstance(waarde, float) and waarde.is_integer() else waarde).strip().casefold()


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
    gemeentetarief: OptGetal = Field(None, alias="Gemeentetarief", ge=0)


class PersoneelRegel(_Regel):
    functie: Tekst = Field(alias="Functie")
    product: Code = Field(alias="Product")
    schaal: Sleutel = Field(None, alias="Schaal")
    trede: Sleutel = Field(None, alias="Trede")
    fte: Annotated[Getal, binnen(grenzen.FTE_REGEL)] = Field(alias="FTE", ge=0)
    maandsalaris: OptGetal = Field(None, alias="Maandsalaris", gt=0)
    ort: OptGetal = Field(None, alias="ORT", ge=0, le=1)


class KostenRegel(_Regel):
    product: Code = Field(alias="Product")
    kostensoort: Tekst = Field(alias="Kostensoort")
    omschrijving: OptTekst = Field(None, alias="Omschrijving")
    bedrag: Getal = Field(alias="Bedrag", ge=0)


class SalarisRegel(_Regel):
    schaal: Annotated[str, BeforeValidator(_sleutel)] = Field(alias="Schaal")
    trede: Annotated[str, BeforeValidator(_sleutel)] = Field(alias="Trede")
    maandsalaris: Getal = Field(alias="Maandsalaris", gt=0)


def lees_kostprijswerkboek(data: bytes, bestandsnaam: str = "") -> KostprijsInvoer:
    """Lees en controleer een kostprijswerkboek; WerkboekFout met alle meldingen bij fouten."""
    wb = open_werkboek(data)
    meldingen = Meldingen()
    bladen = {naam: _begrensd_aantal(naam, lees_blad(wb, naam, *KOLOMMEN[naam], meldingen,
                                                     verplicht=naam != "Salaristabel"), meldingen)
              for naam in KOLOMMEN}
    uitgangspunten = _uitgangspunten(bladen["Uitgangspunten"], meldingen)
    producten = _producten(bladen["Producten"], meldingen)
    codes = _alle_codes(bladen["Producten"])
    salaristabel = _salaristabel(bladen["Salaristabel"], meldingen)
    personeel = _personeel(bladen["Personeel"], producten, codes, salaristabel, meldingen)
    kosten = _kosten(bladen["Kosten"], producten, codes, meldingen)
    if not meldingen.heeft_fouten:
        _controleer_samenhang(uitgangspunten, producten, personeel, kosten, meldingen)
    meldingen.stop_bij_fouten()
    return KostprijsInvoer(uitgangspunten, tuple(producten.values()), tuple(personeel), tuple(kosten),
                           bestandsnaam, hashlib.sha256(data).hexdigest(), tuple(meldingen.waarschuwingen))


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
            producten[r.code] = Product(rij=rij.nummer, **r.model_dump())
    return producten


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
                       "dat is onmogelijk hoog. Vul een fractie (0,95) of een percentage (95%) in",
                       blad=blad, rij=nummer, kolom="Werkelijke bezetting")
    elif r.werkelijke_bezetting is not None and r.werkelijke_bezetting > DREMPEL_BEZETTING:
        meldingen.waarschuwing(f"werkelijke bezetting {r.werkelijke_bezetting:.0%} is meer dan 100%: plaatsen zijn overvol"
                               .replace(".", ","), blad=blad, rij=nummer, kolom="Werkelijke bezetting")
    return len(meldingen.fouten) == aantal


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
    tabel = {(k[0], k[1]): (v.maandsalaris, f"CAO Sociaal Werk {v.peildatum:%d-%m-%Y} ({v.status})")
             for k, v in cao_salaristabel().items()}
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


def _personeel(rijen, producten, codes, salaristabel, meldingen) -> list[Personeelsregel]:
    uit = []
    for rij, r in valideer_rijen(PersoneelRegel, rijen or [], "Personeel", meldingen):
        if not _bekend_product(r.product, producten, codes, "Personeel", rij.nummer, meldingen):
            continue
        salaris = _maandsalaris(r, rij.nummer, salaristabel, meldingen)
        if salaris is None:
            continue
        uit.append(Personeelsregel(r.functie, r.product, r.fte, salaris[0], r.ort or 0.0, r.schaal, r.trede,
                                   salaris[1], rij.nummer))
    return uit


def _maandsalaris(r: PersoneelRegel, nummer: int, tabel, meldingen) -> tuple[float, str] | None:
    if r.maandsalaris is not None:
        return r.maandsalaris, f"werkboek (Personeel, rij {nummer})"
    if r.schaal is None or r.trede is None:
        kolom = "Schaal" if r.schaal is None else "Trede"
        meldingen.fout("vul Maandsalaris in, of Schaal en Trede", blad="Personeel", rij=nummer, kolom=kolom)
        return None
    gevonden = tabel.get((r.schaal, r.trede))
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
