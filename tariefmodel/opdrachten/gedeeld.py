"""Hulpfuncties die alle opdrachten delen: invoer lezen, uitvoer schrijven, tabellen tonen."""

from __future__ import annotations

import sys
from pathlib import Path

from tariefmodel.cli import Invoerprobleem


def argument_json(p) -> None:
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")


def werkboekargumenten(p, zet: str, uit: str | None = None, json: bool = False) -> None:
    """WERKBOEK.xlsx [UIT] [--json] [--zet NAAM=WAARDE]…: de argumenten van de opdrachten die één werkboek
    doorrekenen; ``zet`` is de uitleg bij --zet, ``uit`` de metavar van het uitvoerbestand."""
    p.add_argument("werkboek", metavar="WERKBOEK.xlsx")
    if uit:
        p.add_argument("uit", metavar=uit)
    if json:
        argument_json(p)
    p.add_argument("--zet", action="append", metavar="NAAM=WAARDE", help=zet)


def lees_invoer(pad: str) -> bytes:
    """De bytes van een invoerbestand (alleen lezen); Nederlandse fout als het niet te lezen is.

    Alleen gewone bestanden tot MAX_BESTANDSGROOTTE: /dev/zero of een pipe zou eindeloos blijven lezen.
    """
    from tariefmodel.werkboek.veiligheid import MAX_BESTANDSGROOTTE

    bestand = Path(pad)
    try:
        if not bestand.exists():
            raise Invoerprobleem(f"bestand '{pad}' bestaat niet")
        if bestand.is_dir():
            raise Invoerprobleem(f"'{pad}' is een map, geen werkboek")
        if not bestand.is_file():
            raise Invoerprobleem(f"'{pad}' is geen gewoon bestand (maar bijvoorbeeld een apparaat of pipe)")
        if bestand.stat().st_size > MAX_BESTANDSGROOTTE:
            raise Invoerprobleem(f"bestand '{pad}' is groter dan {MAX_BESTANDSGROOTTE // 2**20} MB; dat is geen "
                                 "invulwerkboek")
        with bestand.open("rb") as f:
            return f.read(MAX_BESTANDSGROOTTE + 1)
    except OSError as fout:
        from tariefmodel.foutteksten import os_fout

        raise Invoerprobleem(f"bestand '{pad}' kan niet worden gelezen ({os_fout(fout)})") from None


def controleer_uitvoerpad(uit: str, werkboek: str | list, extensie: str) -> None:
    """Weiger UIT gelijk aan (een link naar) een invoer en een verkeerde extensie, vóór er gerekend wordt.

    ``werkboek``: één pad of een lijst van alle invoer die de opdracht leest (ook --kostprijs).
    """
    from tariefmodel.bestanden import controleer_overschrijven, weiger_uitvoer_op_invoer

    weiger_uitvoer_op_invoer(uit, [werkboek] if isinstance(werkboek, str) else werkboek)
    controleer_overschrijven(Path(uit))  # alleen-lezen: weigeren vóór er gerekend wordt
    if Path(uit).suffix.lower() != extensie:
        raise Invoerprobleem(f"het uitvoerbestand '{uit}' moet eindigen op {extensie}")


def schrijf_uitvoer(pad: str, data: bytes, *invoer: str, overschrijven: bool = True) -> None:
    from tariefmodel.bestanden import (  # tempfile pas bij het schrijven
        schrijf_atomair,
        weiger_uitvoer_op_invoer,
    )

    weiger_uitvoer_op_invoer(pad, invoer)
    schrijf_atomair(pad, data, overschrijven=overschrijven)
    print(f"Geschreven: {pad}")


def druk_json(data) -> None:
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def tekst_tabel(kopjes: list[str], rijen: list[list[str]], rechts: set[int] = frozenset()) -> str:
    """Een eenvoudige tekstuele tabel; kolommen in ``rechts`` rechts uitgelijnd."""
    breedtes = [max(len(str(x)) for x in [k, *[r[i] for r in rijen]]) for i, k in enumerate(kopjes)]

    def regel(cellen):
        return "  ".join(str(c).rjust(b) if i in rechts else str(c).ljust(b)
                         for i, (c, b) in enumerate(zip(cellen, breedtes))).rstrip()

    return "\n".join([regel(kopjes), regel(["-" * b for b in breedtes]), *[regel(r) for r in rijen]])


def lees_zet(paren: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """--zet naam=waarde (parameter) of --zet gemeentetarief[CODE]=waarde (tarief van een product)."""
    parameters, tarieven = {}, {}
    for paar in paren or []:
        if "=" not in paar:
            raise Invoerprobleem(f"--zet '{paar}': gebruik naam=waarde, bijvoorbeeld --zet bezettingsnorm=0,95")
        naam, waarde = (d.strip() for d in paar.split("=", 1))
        if naam.casefold().startswith("gemeentetarief[") and naam.endswith("]"):
            tarieven[naam[len("gemeentetarief["):-1].strip().upper()] = waarde
        else:
            parameters[naam.casefold()] = waarde
    return parameters, tarieven


def lees_wijzigingen(paren: list[str] | None) -> dict[str, str]:
    """--zet naam=waarde voor het kostprijsmodel: een uitgangspunt (``verzuim=6%``) of een wijziging per
    product (``plaatsen[CRISIS]=18``, ``gemeentetarief[CRISIS]=275,50``); namen in vaste schrijfwijze."""
    from tariefmodel.kostprijs.hefbomen import canoniek

    uit: dict[str, str] = {}
    for paar in paren or []:
        if "=" not in paar:
            raise Invoerprobleem(f"--zet '{paar}': gebruik naam=waarde, bijvoorbeeld --zet bezettingsnorm=0,95 of "
                                 "--zet plaatsen[CRISIS]=18")
        naam, waarde = (d.strip() for d in paar.split("=", 1))
        if not naam:
            raise Invoerprobleem(f"--zet '{paar}': de naam ontbreekt vóór '='")
        uit[canoniek(naam)] = waarde
    return uit
