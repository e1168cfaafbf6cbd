"""Pagina's Capaciteit en Landelijk (§2.4a): weigeren of wachten, banden, aannames en de schuif prijs tegen weigeren."""

from __future__ import annotations

import pytest

from tests.test_app import metriek, start, zonder_fouten


def test_aannames_staan_altijd_op_de_pagina():
    at = start("paginas/capaciteit.py")
    zonder_fouten(at)
    tekst = " ".join(m.value for m in at.markdown)
    for woord in ("pieken", "overloop", "uitstroom", "deelpools"):
        assert woord in tekst


def test_schuif_bezetting_verandert_tarief_en_weigerkans_samen():
    at = start("paginas/capaciteit.py")
    at.select_slider(key="cap_af_bezetting").set_value(80.0).run()
    laag = metriek(at, "Kostprijs per etmaal"), metriek(at, "Weigerkans")
    at.select_slider(key="cap_af_bezetting").set_value(95.0).run()
    zonder_fouten(at)
    hoog = metriek(at, "Kostprijs per etmaal"), metriek(at, "Weigerkans")
    prijs = [float(p.replace("€", "").replace("\xa0", "").replace(".", "").replace(",", ".")) for p in (laag[0], hoog[0])]
    kans = [int(k.rstrip("%")) for k in (laag[1], hoog[1])]
    # hogere bezetting: lager tarief (zelfde kosten over meer etmalen), vaker weigeren; 80/95 = 0,842
    assert prijs[1] < prijs[0] and prijs[1] / prijs[0] == pytest.approx(80 / 95, rel=1e-3)
    assert kans[1] > kans[0]


def test_schuif_plaatsen_en_wachtrij():
    at = start("paginas/capaciteit.py")
    at.radio(key="cap_locatie_model").set_value("wachtrij").run()
    at.radio(key="cap_afweging").set_value("Plaatsen").run()
    zonder_fouten(at)
    def schuifwachttijd():  # de laatste metriek met dit label hoort bij de schuif
        return [m.value for m in at.metric if m.label == "Gemiddelde wachttijd"][-1]

    voor = schuifwachttijd()
    at.slider(key="cap_af_plaatsen").set_value(at.slider(key="cap_af_plaatsen").value + 3).run()
    zonder_fouten(at)
    assert int(schuifwachttijd().split()[0].replace(".", "")) < int(voor.split()[0].replace(".", ""))


def test_eenheid_die_vol_zat_toont_de_melding_en_geen_weigerkans():
    at = start("paginas/capaciteit.py")
    at.radio(key="cap_keuze").set_value("Een eenheid uit het blad Capaciteit").run()
    keuzes = at.selectbox(key="cap_eenheid")
    amsterdam = next(i for i in keuzes.options if "Amsterdam" in str(i) and "crisis" in str(i))
    keuzes.set_value(keuzes.options.index(amsterdam)).run()
    zonder_fouten(at)
    assert any("de vraag is niet af te leiden uit opnames" in w.value for w in at.warning)
    assert not any(m.label == "Weigerkans nu" for m in at.metric)


def test_landelijk_toont_geweigerd_per_jaar_en_wachttijden():
    at = start("paginas/landelijk.py")
    zonder_fouten(at)
    assert metriek(at, "Geweigerd per jaar (nood en crisis)") != "0"
    assert any("zaten vol" in w.value for w in at.warning)
