"""Het optionele blad Capaciteit van het landelijk werkboek lezen (werkboekformaat v2, rekenmethode §2.4a)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from tariefmodel.capaciteit.eenheid import STANDAARD_MODEL
from tariefmodel.landelijk.invoer import Capaciteitsregel
from tariefmodel.meldingen import Meldingen
from tariefmodel.werkboek.lezen import valideer_rijen
from tariefmodel.werkboek.pydantic_nl import Getal, OptGetal, Tekst, _tekst, getal_of_leeg

BLAD = "Capaciteit"
KOLOMMEN = (["Centrumgemeente", "Type", "Plaatsen", "Opgenomen per jaar", "Aanmeldingen per jaar",
             "Gemiddelde verblijfsduur", "Model"], ["Centrumgemeente", "Type", "Plaatsen", "Gemiddelde verblijfsduur"])
# Grenzen per opvangeenheid (controle-instellingen, geen rekenparameters): heel Nederland telt ca. 1.024
# plaatsen, dus één eenheid met meer dan 2.000 plaatsen is een tikfout. Ze begrenzen ook de Erlang-lussen.
MAX_PLAATSEN = 2_000
MAX_PER_JAAR = 1_000_000  # opgenomen of aanmeldingen per jaar
MAX_VERBLIJFSDUUR = 3_650  # dagen (tien jaar)
MAX_LAST = 10_000  # (aanmeldingen of opgenomen) × verblijfsduur / 365: gelijktijdig benodigde plaatsen
DAGEN_PER_JAAR_CONTROLE = 365  # alleen voor de grove controle op MAX_LAST; het model gebruikt dagen_per_jaar


def _keuze(waarde):
    tekst = _tekst(waarde)
    return None if tekst is None else tekst.lower()


def _geheel(waarde):
    getal = getal_of_leeg(waarde)
    if getal is not None and not float(getal).is_integer():
        raise ValueError(f"verwacht een geheel getal (gevonden: {str(waarde).replace('.', ',')})")
    return None if getal is None else int(getal)


class CapaciteitRegel(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="ignore")

    centrumgemeente: Tekst = Field(alias="Centrumgemeente")
    type: Annotated[Literal["nood", "crisis", "vervolg"], BeforeValidator(_keuze)] = Field(alias="Type")
    plaatsen: Annotated[int, BeforeValidator(_geheel)] = Field(alias="Plaatsen", ge=0, le=MAX_PLAATSEN)
    opgenomen: OptGetal = Field(None, alias="Opgenomen per jaar", ge=0, le=MAX_PER_JAAR)
    aanmeldingen: OptGetal = Field(None, alias="Aanmeldingen per jaar", ge=0, le=MAX_PER_JAAR)
    verblijfsduur: Getal = Field(alias="Gemiddelde verblijfsduur", gt=0, le=MAX_VERBLIJFSDUUR)
    model: Annotated[Literal["verlies", "wachtrij"] | None, BeforeValidator(_keuze)] = Field(None, alias="Model")


def lees_capaciteit(rijen, regionaam, meldingen: Meldingen) -> tuple[Capaciteitsregel, ...]:
    """De regels van het blad Capaciteit; ``regionaam(ruw, blad, rij, kolom, meldingen)`` zoekt de naam in Regio's."""
    uit: dict[tuple[str, str], Capaciteitsregel] = {}
    for rij, r in valideer_rijen(CapaciteitRegel, rijen, BLAD, meldingen):
        naam = regionaam(r.centrumgemeente, BLAD, rij.nummer, "Centrumgemeente", meldingen)
        if naam is None or not _controleer(r, rij.nummer, meldingen):
            continue
        if (naam, r.type) in uit:
            meldingen.fout(f"{naam} {r.type} staat twee keer in het blad (ook rij {uit[(naam, r.type)].rij})",
                           blad=BLAD, rij=rij.nummer, kolom="Type")
            continue
        uit[(naam, r.type)] = Capaciteitsregel(naam, r.type, r.plaatsen, r.verblijfsduur, r.opgenomen,
                                               r.aanmeldingen, r.model or STANDAARD_MODEL[r.type], rij.nummer)
    return tuple(uit.values())


def _controleer(r: CapaciteitRegel, nummer: int, meldingen: Meldingen) -> bool:
    """Samenhang binnen een regel (§2.4a): een vraag, geen plaatsen-nul met opnames, een begrensde last."""
    if r.opgenomen is None and r.aanmeldingen is None:
        meldingen.fout("vul 'Opgenomen per jaar' of 'Aanmeldingen per jaar' in (of beide)", blad=BLAD, rij=nummer,
                       kolom="Opgenomen per jaar")
        return False
    if r.plaatsen == 0 and ((r.opgenomen or 0) > 0 or (r.aanmeldingen or 0) > 0):
        meldingen.fout("0 plaatsen maar wel opnames of aanmeldingen: zonder plaatsen is de bezetting niet te "
                       "berekenen; vul het aantal plaatsen in", blad=BLAD, rij=nummer, kolom="Plaatsen")
        return False
    vraag = r.aanmeldingen if r.aanmeldingen is not None else r.opgenomen
    if vraag * r.verblijfsduur / DAGEN_PER_JAAR_CONTROLE > MAX_LAST:
        kolom = "Aanmeldingen per jaar" if r.aanmeldingen is not None else "Opgenomen per jaar"
        meldingen.fout(f"{kolom.lower()} × verblijfsduur vraagt meer dan {MAX_LAST:,} plaatsen tegelijk; dat kan niet "
                       "kloppen (controleer de eenheden: verblijfsduur in dagen)".replace(",", "."), blad=BLAD,
                       rij=nummer, kolom=kolom)
        return False
    return True
