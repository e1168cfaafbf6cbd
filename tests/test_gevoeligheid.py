"""Gevoeligheid, scenario's en capaciteitscurve (tariefmodel.kostprijs.gevoeligheid).

Verwachte waarden zijn met de hand afgeleid uit de rekenmethode, op het werkboek 'Testopvang' uit
tests/gevallen/testopvang.yaml (daar staan de handberekeningen van I, U_d en de kostprijs):
- opvang: kostprijs = I / (plaatsen · 365 · bezettingsnorm); I hangt niet af van de bezettingsnorm of het
  verzuim, dus de kostprijs schaalt met 1 / bezettingsnorm en verzuim doet er niet toe;
- ambulant: kostprijs per uur = I / (fte · U_d) met U_d = ((jaaruren − verlof − feestdagen)(1 − verzuim)
  − scholing) · directe tijd; I hangt niet af van verzuim of directe tijd;
- alles: kostprijs ∝ (1 + risico_opslag).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.gevoeligheid import (
    BANDBREEDTES,
    Scenario,
    cumulatief_tekort,
    kostprijs_bij_bezetting,
    meerjaren_tabel,
    opmaak,
    tornado,
    totalen,
    vergelijking,
    weigercurve,
    wijzigingen,
)
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tests.hulp.werkboeken import maak_kostprijswerkboek

GEVAL = Path(__file__).parent / "gevallen" / "testopvang.yaml"
I_OPV = 702_648.3576  # integrale kosten OPV (testopvang.yaml, met de hand; v2: ORT in de pensioengrondslag)
I_AMB = 168_368.7064  # integrale kosten AMB (testopvang.yaml, met de hand)
U_B = 1800 - 180 - 60  # beschikbare uren per fte = 1560


def u_d(verzuim: float = 0.05, scholing: float = 100, direct: float = 0.6) -> float:
    return (U_B * (1 - verzuim) - scholing) * direct


@pytest.fixture(scope="module")
def invoer():
    geval = yaml.safe_load(GEVAL.read_text(encoding="utf-8"))[0]
    return lees_kostprijswerkboek(maak_kostprijswerkboek(**geval["werkboek"]), "testopvang.xlsx")


def regel(regels, naam):
    return next(r for r in regels if r.naam == naam)


def test_handwaarden_kloppen_met_het_model(invoer):
    r = bereken(invoer)
    assert r.product("OPV").kostprijs == pytest.approx(I_OPV / (10 * 365 * 0.80), abs=1e-4)
    assert r.product("AMB").kostprijs == pytest.approx(I_AMB / (2 * u_d()), abs=1e-4)


def test_tornado_opvang_bezettingsnorm_weegt_het_zwaarst(invoer):
    regels = tornado(invoer)["OPV"]
    assert regels[0].naam == "bezettingsnorm"
    b = regels[0]
    assert (b.laag, b.hoog) == (0.75, 0.95)
    # hogere bezettingsnorm -> meer etmalen om de kosten over te verdelen -> lagere kostprijs
    assert b.kostprijs_laag == pytest.approx(I_OPV / (3650 * 0.75), abs=1e-4)
    assert b.kostprijs_hoog == pytest.approx(I_OPV / (3650 * 0.95), abs=1e-4)
    assert b.kostprijs_laag > b.kostprijs_basis > b.kostprijs_hoog


def test_tornado_opvang_kent_geen_verzuim_of_directe_tijd(invoer):
    namen = {r.naam for r in tornado(invoer)["OPV"]}
    assert "verzuim" not in namen and "directe_tijd_ambulant" not in namen


def test_tornado_ambulant_verzuim_en_directe_tijd(invoer):
    regels = tornado(invoer)["AMB"]
    basis = I_AMB / (2 * u_d())
    v = regel(regels, "verzuim")
    # meer verzuim -> minder directe uren -> hogere kostprijs per uur
    assert v.kostprijs_hoog == pytest.approx(I_AMB / (2 * u_d(verzuim=0.09)), abs=1e-3)
    assert v.kostprijs_laag == pytest.approx(I_AMB / (2 * u_d(verzuim=0.04)), abs=1e-3)
    assert v.kostprijs_laag < basis < v.kostprijs_hoog
    d = regel(regels, "directe_tijd_ambulant")
    assert d.kostprijs_hoog == pytest.approx(basis * 0.6 / 0.8, abs=1e-3)
    assert d.kostprijs_laag == pytest.approx(basis * 0.6 / 0.6, abs=1e-3)
    s = regel(regels, "scholing_overleg_uren")
    assert s.kostprijs_hoog == pytest.approx(I_AMB / (2 * u_d(scholing=120)), abs=1e-3)


def test_tornado_risico_opslag_is_evenredig(invoer):
    for code, regels in tornado(invoer).items():
        r = regel(regels, "risico_opslag")
        assert r.kostprijs_laag == pytest.approx(r.kostprijs_basis / 1.03, rel=1e-9), code
        assert r.kostprijs_hoog == pytest.approx(r.kostprijs_basis * 1.04 / 1.03, rel=1e-9), code


def test_tornado_gesorteerd_op_effect_en_richting_overige_kosten(invoer):
    for regels in tornado(invoer).values():
        effecten = [r.effect for r in regels]
        assert effecten == sorted(effecten, reverse=True)
        o = regel(regels, "overige_personeelskosten_per_fte")
        assert o.kostprijs_hoog > o.kostprijs_laag  # meer reis- en opleidingskosten -> duurder


def test_overheadnorm_alleen_bij_normmethode(invoer):
    assert all(r.naam != "overhead_norm" for rs in tornado(invoer).values() for r in rs)
    norm = invoer.met_scenario({"overhead_methode": "norm"})
    r = regel(tornado(norm)["OPV"], "overhead_norm")
    assert r.kostprijs_hoog > r.kostprijs_laag


def test_basiswaarde_buiten_de_bandbreedte_verbreedt_de_balk(invoer):
    laag = invoer.met_scenario({"bezettingsnorm": 0.6})
    b = regel(tornado(laag)["OPV"], "bezettingsnorm")
    assert b.laag == 0.6 and b.hoog == BANDBREEDTES["bezettingsnorm"].hoog


def test_kostprijs_bij_bezetting_schaalt_met_een_gedeeld_door_bezetting(invoer):
    data = kostprijs_bij_bezetting(invoer, [0.80, 0.85, 0.95])
    assert set(data["code"]) == {"OPV"}  # alleen opvangproducten
    for _, rij in data.iterrows():
        assert rij["kostprijs"] == pytest.approx(I_OPV / (3650 * rij["bezetting"]), abs=1e-4)
        assert rij["integrale_kosten"] == pytest.approx(I_OPV, abs=1e-3)


def test_scenario_wijzigingen_en_vergelijking(invoer):
    basis = {"bezettingsnorm": 0.8, "verzuim": 0.05, "overhead_methode": "werkelijk"}
    assert wijzigingen(basis, {"bezettingsnorm": 0.9, "verzuim": 0.05, "overhead_methode": "werkelijk"}) == {
        "bezettingsnorm": 0.9}
    s = Scenario("hoog", {"bezettingsnorm": 0.9}, {"OPV": "250"})
    resultaten = {"Werkboek": bereken(invoer), "hoog": s.bereken(invoer)}
    data = vergelijking(resultaten)
    opv = data[(data["scenario"] == "hoog") & (data["code"] == "OPV")].iloc[0]
    assert opv["kostprijs"] == pytest.approx(I_OPV / (3650 * 0.9), abs=1e-4)
    assert opv["verschil"] == pytest.approx(0.8 / 0.9 - 1, abs=1e-9)
    assert opv["gemeentetarief"] == 250
    tot = totalen(resultaten).set_index("scenario")
    # tekort = kosten − tarief × gerealiseerd volume (10 × 365 × 90%): 50 euro minder per etmaal
    assert tot.loc["hoog", "tekort"] - tot.loc["Werkboek", "tekort"] == pytest.approx(50 * 3285, abs=1e-3)


def test_ongeldig_scenario_geeft_nederlandse_fout(invoer):
    with pytest.raises(ValueError, match="bezettingsnorm"):
        Scenario("fout", {"bezettingsnorm": 1.5}).toepassen(invoer)


def test_meerjaren_tabel_telt_producten_op(invoer):
    r = bereken(invoer)
    data = meerjaren_tabel(r)
    totaal = data[data["code"] == "TOTAAL"]
    assert list(totaal["jaar"]) == [2030, 2031, 2032]
    eerste = totaal.iloc[0]
    assert eerste["tekort"] == pytest.approx(float(r.tekort), abs=1e-6)  # jaar 0: geen groei
    for jaar, groep in data[data["code"] != "TOTAAL"].groupby("jaar"):
        assert totaal[totaal["jaar"] == jaar]["tekort"].iloc[0] == pytest.approx(groep["tekort"].sum(), abs=1e-6)
    assert cumulatief_tekort(r) == pytest.approx(totaal["tekort"].sum(), abs=1e-6)


def test_weigercurve_tien_plaatsen_op_85_procent():
    """Rekenmethode §2.4: een eenheid van 10 plaatsen op 85% gedragen bezetting weigert ongeveer 33%."""
    from tariefmodel.landelijk.capaciteit import last_bij_gedragen_bezetting

    last = last_bij_gedragen_bezetting(10, 0.85)
    data = weigercurve(last, 5, 20).set_index("plaatsen")
    assert data.loc[10, "weigerkans"] == pytest.approx(0.33, abs=0.005)
    assert data.loc[10, "bezetting"] == pytest.approx(0.85, abs=1e-9)
    assert list(data["weigerkans"]) == sorted(data["weigerkans"], reverse=True)  # meer plaatsen, minder weigeren
    assert list(data["bezetting"]) == sorted(data["bezetting"], reverse=True)  # en lagere gemiddelde bezetting


def test_weigercurve_controlewaarden():
    """B(10; 6,22) ≈ 0,050 en B(20; 15,25) ≈ 0,050 (rekenmethode §2.4)."""
    assert weigercurve(6.22, 10, 10)["weigerkans"].iloc[0] == pytest.approx(0.050, abs=0.001)
    assert weigercurve(15.25, 20, 20)["weigerkans"].iloc[0] == pytest.approx(0.050, abs=0.001)


def test_opmaak_nederlands():
    assert opmaak(0.85, "procent") == "85%"
    assert opmaak(0.065, "procent") == "6,5%"
    assert opmaak(80, "uren") == "80 uur"
    assert opmaak(1250, "euro") == "€\xa01.250,00"
