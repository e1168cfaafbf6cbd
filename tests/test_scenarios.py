"""Issue 15: hefbomen per product, het blad Scenario's, `bereken --scenario` en de kopie met scenario's."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import openpyxl
import pytest

from tariefmodel.cli import main
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.gevoeligheid import Scenario
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tariefmodel.werkboek.scenarios import lees_scenarios
from tariefmodel.werkboek.scenarios_schrijven import met_scenarioblad
from tests.scenariowerkboek import SCENARIOS, VOORBEELD, ZET, met_scenarios


@pytest.fixture(scope="module")
def drie(tmp_path_factory):
    pad = tmp_path_factory.mktemp("scenario") / "drie.xlsx"
    pad.write_bytes(met_scenarios())
    return pad


def _json(capsys, *args) -> dict:
    assert main(["bereken", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# --- hefbomen ------------------------------------------------------------------------------------

def _invoer():
    return lees_kostprijswerkboek(VOORBEELD.read_bytes(), VOORBEELD.name)


def test_plaatsen_verdeelt_dezelfde_kosten_over_minder_etmalen():
    invoer = _invoer()
    basis, minder = bereken(invoer).product("VERVOLG"), bereken(invoer.met_scenario({"plaatsen[VERVOLG]": 18}))
    minder = minder.product("VERVOLG")
    # §1.6: V = N · 365 · b; de kosten hangen niet aan N, dus kostprijs(18) = kostprijs(20) · 20/18
    assert minder.integrale_kosten == pytest.approx(basis.integrale_kosten)
    assert minder.kostprijs == pytest.approx(basis.kostprijs * 20 / 18)
    # gerealiseerd volume 18 · 365 · 0,92 (werkelijke bezetting uit het werkboek)
    assert minder.gerealiseerd_volume == pytest.approx(18 * 365 * 0.92)


def test_fte_factor_vermenigvuldigt_de_formatie_van_één_product():
    invoer = _invoer()
    basis, dubbel = bereken(invoer), bereken(invoer.met_scenario({"fte_factor[AMB]": 2}))
    assert dubbel.product("AMB").fte == pytest.approx(2 * basis.product("AMB").fte)
    assert dubbel.product("AMB").loonkosten == pytest.approx(2 * basis.product("AMB").loonkosten)
    assert dubbel.product("CRISIS").loonkosten == pytest.approx(basis.product("CRISIS").loonkosten)


def test_werkelijke_bezetting_en_trajecten_bepalen_de_opbrengst():
    r = bereken(_invoer().met_scenario({"werkelijke_bezetting[CRISIS]": "90%", "trajecten_per_jaar[NAZORG]": 60,
                                        "gemeentetarief[NOOD]": "250,50"}))
    assert r.product("CRISIS").opbrengst == pytest.approx(260 * 16 * 365 * 0.90)
    assert r.product("NAZORG").opbrengst == pytest.approx(2600 * 60)
    assert r.product("NOOD").opbrengst == pytest.approx(250.5 * 3 * 365 * 0.70)


@pytest.mark.parametrize("zet, fout", [
    ("plaatsen[XX]=3", "onbekende productcode 'XX'"),
    ("plaatsen[AMB]=3", "alleen voor opvangproducten"),
    ("kamers[CRISIS]=3", "onbekende wijziging per product"),
    ("fte_factor[AMB]=veel", "geen getal"),
    ("werkelijke_bezetting[NOOD]=300%", "niet groter zijn dan 2"),
    ("gemeentetarief[NOOD]=-5", "niet kleiner zijn dan 0"),
    ("trajecten_per_jaar[AMB]=5", "eenheid 'traject'"),
    ("onzin=5", "onbekende parameter"),
])
def test_ongeldige_zet_geeft_nederlandse_fout_en_exit_2(zet, fout, capsys):
    assert main(["bereken", str(VOORBEELD), "--zet", zet]) == 2
    assert fout in capsys.readouterr().err


# --- blad Scenario's en --scenario ---------------------------------------------------------------

@pytest.mark.parametrize("naam", list(ZET))
def test_scenario_geeft_dezelfde_cijfers_als_zet_tot_op_de_cent(drie, naam, capsys):
    uit_blad = _json(capsys, drie, "--scenario", naam)
    zet = [a for paar in ZET[naam] for a in ("--zet", paar)]
    uit_zet = _json(capsys, drie, *zet)
    for sleutel in ("producten", "totaal", "meerjaren", "overhead_percentage", "uren_per_fte"):
        assert uit_blad[sleutel] == uit_zet[sleutel], sleutel
    assert uit_blad["scenario"]["naam"] == naam
    assert set(uit_blad["scenario"]["wijzigingen"]) == {z.split("=")[0] for z in ZET[naam]}
    basis = _json(capsys, drie)
    assert basis["scenario"] is None and basis["totaal"] != uit_blad["totaal"]


def test_scenario_voorstel_vo_met_de_hand(drie, capsys):
    uit = _json(capsys, drie, "--scenario", "Voorstel VO")
    basis = {p["code"]: p for p in _json(capsys, drie)["producten"]}
    crisis = next(p for p in uit["producten"] if p["code"] == "CRISIS")
    # risico 2% -> 3%: I = (D + OH) · 1,03 = I_basis / 1,02 · 1,03; norm 85% -> 80%: V = 16 · 365 · 0,80
    integraal = basis["CRISIS"]["integrale_kosten"] / 1.02 * 1.03
    assert crisis["integrale_kosten"] == pytest.approx(integraal, abs=0.02)
    assert crisis["kostprijs"] == pytest.approx(integraal / (16 * 365 * 0.80), abs=0.01)
    assert crisis["gemeentetarief"] == 310.0


def test_onbekend_scenario_exit_2(drie, capsys):
    assert main(["bereken", str(drie), "--scenario", "Bestaat niet"]) == 2
    assert "Voorstel VO" in capsys.readouterr().err


def test_foute_rijen_maken_alleen_dat_scenario_ongeldig(tmp_path, capsys):
    rijen = SCENARIOS[:3] + [["Fout", "kamers[CRISIS]", 3, None], ["Fout", "verzuim", "150%", None],
                             ["Fout", "directe_tijd_ambulant", None, None], [None, "verzuim", "4%", None],
                             ["Dubbel", "verzuim", "4%", None], ["Dubbel", "Verzuim", "5%", None]]
    data = met_scenarios(rijen)
    invoer = lees_kostprijswerkboek(data, "x.xlsx")
    blad = lees_scenarios(data, invoer)
    assert list(blad.scenarios) == ["Voorstel VO"]
    assert set(blad.ongeldig) == {"Fout", "Dubbel"}
    teksten = [m.tekst() for m in blad.meldingen]
    assert "Blad 'Scenario's', rij 5, kolom 'Parameter': onbekende wijziging per product 'kamers[CRISIS]'" in teksten[1] \
        or any(t.startswith("Blad 'Scenario's', rij 5, kolom 'Parameter'") for t in teksten)
    assert any(t.startswith("Blad 'Scenario's', rij 6, kolom 'Waarde': verzuim") for t in teksten)
    assert any(t.startswith("Blad 'Scenario's', rij 7, kolom 'Waarde'") for t in teksten)
    assert any(t.startswith("Blad 'Scenario's', rij 8, kolom 'Scenario'") for t in teksten)
    assert any(t.startswith("Blad 'Scenario's', rij 10, kolom 'Parameter'") and "ook rij 9" in t for t in teksten)
    pad = tmp_path / "fout.xlsx"
    pad.write_bytes(data)
    assert main(["bereken", str(pad)]) == 0  # de rest van het werkboek werkt
    assert "scenario 'Fout' is ongeldig" in capsys.readouterr().err
    assert main(["bereken", str(pad), "--scenario", "fout"]) == 2
    assert "Blad 'Scenario's', rij 6, kolom 'Waarde'" in capsys.readouterr().err


# --- kopie met het blad Scenario's ---------------------------------------------------------------

def _cellen(data: bytes, formules: bool) -> dict:
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=not formules)
    return {ws.title: {c.coordinate: c.value for rij in ws.iter_rows() for c in rij if c.value is not None}
            for ws in wb.worksheets if ws.title != "Scenario's"}


def _delen(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


@pytest.mark.parametrize("bron", ["zonder blad", "met blad"])
def test_kopie_met_scenarios_laat_elke_andere_cel_en_elk_ander_deel_gelijk(bron):
    data = VOORBEELD.read_bytes() if bron == "zonder blad" else met_scenarios()
    hash_voor = hashlib.sha256(data).hexdigest()
    nieuw = [Scenario("Nieuw & 'anders'", {"plaatsen[CRISIS]": 18.0, "overhead_methode": "norm"}, {"NOOD": 250.0}),
             Scenario("=SOM(A1)", {"verzuim": 0.05})]
    kopie = met_scenarioblad(data, nieuw, {"=SOM(A1)": {"verzuim": "+31 gemeente"}})
    assert hashlib.sha256(data).hexdigest() == hash_voor  # de invoer is onaangeroerd
    for formules in (True, False):
        assert _cellen(kopie, formules) == _cellen(data, formules)
    oud, nieuw_delen = _delen(data), _delen(kopie)
    veranderd = {n for n in oud if oud[n] != nieuw_delen.get(n)}
    toegestaan = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}
    assert veranderd - toegestaan <= {n for n in oud if n.startswith("xl/worksheets/")}
    assert len({n for n in veranderd if n.startswith("xl/worksheets/") and not n.endswith(".rels")}) <= 1
    # terug te lezen: dezelfde scenario's, tekst die op een formule lijkt blijft tekst
    blad = lees_scenarios(kopie, lees_kostprijswerkboek(kopie, "kopie.xlsx"))
    assert not blad.ongeldig
    assert {n: s.wijzigingen for n, s in blad.scenarios.items()} == {s.naam: s.wijzigingen for s in nieuw}
    assert blad.toelichtingen["=SOM(A1)"] == {"verzuim": "+31 gemeente"}
    assert openpyxl.load_workbook(io.BytesIO(kopie)).sheetnames.count("Scenario's") == 1


def test_kopie_rekent_hetzelfde_als_het_scenario(tmp_path, capsys):
    data = VOORBEELD.read_bytes()
    s = Scenario("Voorstel", {"bezettingsnorm": 0.8, "plaatsen[VERVOLG]": 18.0}, {"CRISIS": 300.0})
    pad = tmp_path / "kopie.xlsx"
    pad.write_bytes(met_scenarioblad(data, [s]))
    uit = _json(capsys, pad, "--scenario", "Voorstel")
    direct = _json(capsys, VOORBEELD, "--zet", "bezettingsnorm=0,8", "--zet", "plaatsen[VERVOLG]=18",
                   "--zet", "gemeentetarief[CRISIS]=300")
    assert uit["producten"] == direct["producten"] and uit["totaal"] == direct["totaal"]


def test_bezettingsnorm_per_product_verandert_alleen_dat_product():
    invoer = _invoer()
    basis, r = bereken(invoer), bereken(invoer.met_scenario({"bezettingsnorm[CRISIS]": "80%"}))
    crisis = r.product("CRISIS")
    assert crisis.integrale_kosten == pytest.approx(basis.product("CRISIS").integrale_kosten)
    assert crisis.kostprijs == pytest.approx(crisis.integrale_kosten / (16 * 365 * 0.80))  # §1.6 v2: b_p = 0,80
    assert r.product("NOOD").kostprijs == pytest.approx(basis.product("NOOD").kostprijs)


def test_tariefindexmethode_als_hefboom(capsys):
    from tariefmodel import uitgangspunten as up
    from tariefmodel.kostprijs.meerjaren import meerjaren

    invoer = _invoer()
    jaar = invoer.rekenjaar + 1
    u = invoer.uitgangspunten
    ova, prijs = (float(up.reekswaarde(u, n, jaar).waarde) for n in ("ova", "prijsindex"))
    for methode, verwacht in (("ova", ova), ("vng", 0.9 * ova + 0.1 * prijs)):  # rekenmethode §1.8 v2
        r = bereken(invoer.met_scenario({"tarief_index_methode": methode}))
        assert next(j for j in meerjaren(r) if j.jaar == jaar).tariefindex == pytest.approx(verwacht)
    uit = _json(capsys, VOORBEELD, "--zet", "tarief_index_methode=ova")
    assert uit["scenario"]["wijzigingen"] == {"tarief_index_methode": "ova"}
    assert main(["bereken", str(VOORBEELD), "--zet", "tarief_index_methode=gemeente"]) == 2
    assert "kies uit: vng, ova, eigen" in capsys.readouterr().err
