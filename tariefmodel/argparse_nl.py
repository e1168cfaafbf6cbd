"""Argparse in het Nederlands, zonder gettext-catalogus (issue 11: geen Engelse tekst voor de gebruiker).

argparse haalt elke tekst door ``argparse._`` (gettext). Die functie wordt hier vervangen door een opzoeking
in ``VERTALING``; een tekst die er niet in staat blijft ongewijzigd. ``NederlandseParser`` doet dat bij het
aanmaken en vertaalt ook de standaardhulp van ``-h`` en ``--versie``.
"""

from __future__ import annotations

import argparse

VERTALING = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "not allowed with argument %s": "niet toegestaan samen met argument %s",
    "ignored explicit argument %r": "argument %r genegeerd",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "expected %s argument": "verwacht %s waarde",
    "expected %s arguments": "verwacht %s waarden",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan zijn: %(matches)s",
    "unexpected option string: %s": "onverwachte optie: %s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}


def vertaal(tekst: str) -> str:
    return VERTALING.get(tekst, tekst)


def _ngettext(enkelvoud: str, meervoud: str, aantal: int) -> str:
    return vertaal(enkelvoud if aantal == 1 else meervoud)


def installeer() -> None:
    """Laat argparse zijn teksten hier vandaan halen (eenmalig; alleen de opdrachtregel gebruikt argparse)."""
    argparse._ = vertaal
    argparse.ngettext = _ngettext


class NederlandseParser(argparse.ArgumentParser):
    """Een ArgumentParser met Nederlandse kopjes, hulp en foutmeldingen."""

    def __init__(self, *args, **kwargs):
        installeer()
        super().__init__(*args, **kwargs)

    def add_argument(self, *args, **kwargs):
        if kwargs.get("action") == "version" and "help" not in kwargs:
            kwargs["help"] = vertaal("show program's version number and exit")
        return super().add_argument(*args, **kwargs)
