"""Gezondheid van de meegeleverde parameters (naar policyengine: elke waarde heeft eenheid, status en bron)."""

from __future__ import annotations

import datetime as dt

import pytest

from tariefmodel.parameters import (
    STATUSSEN,
    ParameterbestandFout,
    cao_salaristabel,
    definities,
    lees_definitie,
)


def test_elke_parameter_heeft_eenheid_omschrijving_en_bron_per_waarde():
    for naam, d in definities().items():
        assert d.omschrijving and d.eenheid and d.rekenmethode, naam
        for w in d.waarden:
            assert w.status in STATUSSEN and w.bron, (naam, w.datum)


def test_dubbele_datum_is_een_fout():
    tekst = ("omschrijving: x\neenheid: fractie\nrekenmethode: x\nwaarden:\n"
             "  2024-01-01: {waarde: 1, status: FACT, bron: a}\n  2024-01-01: {waarde: 2, status: FACT, bron: b}\n")
    with pytest.raises(ParameterbestandFout, match="dubbele sleutel"):
        lees_definitie("x", tekst)


def test_waarde_op_datum_en_doortrekken():
    ova = definities()["ova"]
    assert ova.op(dt.date(2024, 7, 1)).waarde == 0.06  # OVA 2024 definitief (VNG, indexatie 2025)
    assert ova.op(dt.date(2030, 7, 1)).waarde == 0.0418  # laatst bekende waarde blijft gelden
    assert definities()["sociale_premies"].op(dt.date(2024, 7, 1)) is None  # v2: standaard per werkgever_grootte
    assert definities()["sociale_premies_groot"].op(dt.date(2024, 7, 1)).waarde == 0.1878  # 7,54+2,64+1,53+0,5+6,57
    assert definities()["sociale_premies_groot"].op(dt.date(2023, 7, 1)) is None


def test_schattingen_blijven_gemarkeerd():
    for naam in ("verzuim", "scholing_overleg_uren", "directe_tijd_ambulant"):
        assert all(w.status == "ESTIMATE" for w in definities()[naam].waarden), naam


def test_cao_tabel_1_7_2024():
    tabel = cao_salaristabel()
    assert tabel[("8", "5")].maandsalaris == pytest.approx(24.19 * 156, abs=1)  # kostprijs-bronnen.md §2.2
    assert tabel[("5", "13")].status == "ESTIMATE"
