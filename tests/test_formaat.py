"""Nederlandse bedragnotatie (formaat.py): euro en euro_heel schrijven bedragen op dezelfde manier.

Verwachte teksten met de hand uit de nl_NL-notatie (Babel/CLDR): euroteken, vaste spatie (U+00A0),
minteken vóór het getal, punt als duizendtalscheiding en komma voor de centen.
"""

from __future__ import annotations

import pytest

from tariefmodel import formaat

NBSP = "\u00a0"


@pytest.mark.parametrize("bedrag, tekst", [
    (1234.56, "€\u00a01.234,56"),
    (-1234.56, "€\u00a0-1.234,56"),
    (0, "€\u00a00,00"),
    (1_234_567.8, "€\u00a01.234.567,80"),
    (-0.4, "€\u00a0-0,40"),
])
def test_euro(bedrag, tekst):
    assert formaat.euro(bedrag) == tekst


@pytest.mark.parametrize("bedrag, tekst", [
    (1234.56, "€\u00a01.235"),
    (-1234.56, "€\u00a0-1.235"),
    (0, "€\u00a00"),
    (1_234_567.8, "€\u00a01.234.568"),
    (-1234.4, "€\u00a0-1.234"),
    (999.6, "€\u00a01.000"),
])
def test_euro_heel(bedrag, tekst):
    assert formaat.euro_heel(bedrag) == tekst


@pytest.mark.parametrize("bedrag", [1234.0, -1234.0, 0.0, 4_000_000.0])
def test_euro_en_euro_heel_gelijk_op_hele_euros(bedrag):
    """Zelfde euroteken, vaste spatie en minteken: euro_heel is euro zonder ',00'."""
    assert formaat.euro_heel(bedrag) + ",00" == formaat.euro(bedrag)
    assert formaat.euro_heel(bedrag).startswith("€" + NBSP)


def test_leeg():
    assert formaat.euro(None) == formaat.euro_heel(None) == "–"
    assert formaat.euro_heel(None, leeg="") == ""


@pytest.mark.parametrize("bedrag, tekst", [(2.5, "€\u00a03"), (-2.5, "€\u00a0-3"), (3.5, "€\u00a04"), (0.49, "€\u00a00")])
def test_euro_heel_rondt_half_van_nul_af_zoals_excel(bedrag, tekst):
    assert formaat.euro_heel(bedrag) == tekst  # Python round(2.5) zou 2 geven (half naar even)
