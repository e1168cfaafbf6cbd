"""Issue 15 in de app (AppTest): scenario's uit het werkboek laden, wijzigen, bewaren in een kopie en heropenen."""

from __future__ import annotations

import hashlib
import re

from tariefmodel.werkboek.scenarios_schrijven import met_scenarioblad
from tests.scenariowerkboek import ZET, met_scenarios
from tests.test_app import _t, metriek, open_uitklapper, start, tabellen, upload, zonder_fouten


def _naar_scenarios(at, data: bytes, naam: str, velden: bool = False):
    upload(at, naam, data)
    at.switch_page("paginas/scenarios.py").run()
    zonder_fouten(at)
    return open_uitklapper(at, "_productvelden") if velden else at


def _laad(at, naam: str):
    at.selectbox(key=next(s.key for s in at.selectbox if s.label == "Bewaard scenario")).set_value(naam).run()
    next(b for b in at.button if b.label == "In de schuifjes laden").click().run()
    zonder_fouten(at)
    return at


def _schuif(at, naam: str):
    return next(s for s in at.select_slider if (s.key or "").endswith(f"_{naam}"))


def _veld(at, naam: str):
    return next(t for t in at.text_input if (t.key or "").endswith(f"_{naam}"))


def _euro(tekst: str) -> int:
    return int(re.sub(r"[^\d-]", "", tekst))


def test_scenario_uit_werkboek_laden_wijzigen_bewaren_en_heropenen():
    data = met_scenarios()
    hash_voor = hashlib.sha256(data).hexdigest()
    at = _naar_scenarios(start(), data, "drie.xlsx", velden=True)
    keuze = next(s for s in at.selectbox if s.label == "Bewaard scenario")
    assert list(keuze.options) == list(ZET), "de scenario's uit het blad staan als bewaard"
    basis_tekort = metriek(at, "Tekort per jaar")

    _laad(at, "Compromis")
    assert at.radio(key=next(r.key for r in at.radio if r.label == "Overhead")).value == "norm"
    assert _veld(at, "p_gemeentetarief_CRISIS").value == "285,00"
    assert _veld(at, "p_fte_factor_AMB").value == "1,1"
    assert metriek(at, "Tekort per jaar") != basis_tekort

    _schuif(at, "verzuim").set_value(8.0).run()  # een hefboom veranderen
    zonder_fouten(at)
    tekort, meerjarig = metriek(at, "Tekort per jaar"), metriek(at, "Tekort 6 jaar samen")
    next(t for t in at.text_input if t.label == "Deze instellingen bewaren als").set_value("Compromis plus")
    next(b for b in at.button if b.label == "Bewaren").click().run()
    zonder_fouten(at)

    # Meerjaren rekent met dezelfde instellingen: hetzelfde meerjarig tekort
    at.switch_page("paginas/meerjaren.py").run()
    zonder_fouten(at)
    samenvatting = next(m.value for m in at.markdown if "Opgeteld over" in m.value)
    assert samenvatting.endswith(f"**{meerjarig}**. Stijgen de lonen (CAO) harder dan het tarief (OVA), dan groeit "
                                 "het gat elk jaar.")

    # de kopie: dezelfde functie als de downloadknop, op de bewaarde scenario's van de sessie
    sha = hashlib.sha256(data).hexdigest()
    bewaard = at.session_state["scenarios"][sha]
    assert list(bewaard) == [*ZET, "Compromis plus"]
    kopie = met_scenarioblad(data, list(bewaard.values()))
    assert hashlib.sha256(data).hexdigest() == hash_voor

    nieuw = _naar_scenarios(start(), kopie, "drie_met_scenarios.xlsx")  # een nieuwe sessie
    assert list(next(s for s in nieuw.selectbox if s.label == "Bewaard scenario").options) == [*ZET, "Compromis plus"]
    _laad(nieuw, "Compromis plus")
    assert _schuif(nieuw, "verzuim").value == 8.0
    assert metriek(nieuw, "Tekort per jaar") == tekort
    assert metriek(nieuw, "Tekort 6 jaar samen") == meerjarig


def test_terug_naar_het_werkboek_en_downloads_gebruiken_dezelfde_staat():
    at = _naar_scenarios(start(), met_scenarios(), "drie.xlsx")
    basis = metriek(at, "Tekort per jaar")
    _laad(at, "Voorstel VO")
    assert metriek(at, "Tekort per jaar") != basis
    at.switch_page("paginas/downloads.py").run()
    zonder_fouten(at)
    keuzes = at.selectbox(key="dl_scenario").options
    assert {"Huidige instellingen", *ZET} <= set(keuzes)
    labels = [b.label for b in at.get("download_button")]
    assert "Vergelijking (Excel)" in labels and "Werkboek met scenario's downloaden" in labels
    at.switch_page("paginas/scenarios.py").run()
    next(b for b in at.button if b.label == "Terug naar het werkboek").click().run()
    zonder_fouten(at)
    assert metriek(at, "Tekort per jaar") == basis
    assert _schuif(at, "bezettingsnorm").value == 85.0


def test_vo_tegen_gemeente_en_wat_kost_het_de_gemeente():
    at = _naar_scenarios(start(), met_scenarios(), "drie.xlsx")
    open_uitklapper(at, "_analyse_geschil")
    open_uitklapper(at, "_analyse_vergelijk")
    at.selectbox(key=next(s.key for s in at.selectbox if s.label.startswith("Kant van de aanbieder"))) \
        .set_value("Voorstel VO").run()
    at.selectbox(key=next(s.key for s in at.selectbox if s.label == "Kant van de gemeente")) \
        .set_value("Voorstel gemeente").run()
    zonder_fouten(at)
    tabel = next(d for d in tabellen(at) if "Effect op het tekort per jaar" in d.columns)
    assert set(tabel["Aanname"]) == {n.split("=")[0] for n in ZET["Voorstel VO"] + ZET["Voorstel gemeente"]}
    kosten = next(d for d in tabellen(at) if "" in d.columns and "Compromis" in d.columns)
    assert any(kosten[""].str.startswith("Gemeente betaalt in totaal"))


def test_ongeldig_scenario_in_het_blad_geeft_melding_en_de_rest_werkt():
    rijen = [["Goed", "verzuim", "5%", None], ["Fout", "kamers[CRISIS]", 2, None]]
    at = _naar_scenarios(start(), met_scenarios(rijen), "fout.xlsx")
    assert list(next(s for s in at.selectbox if s.label == "Bewaard scenario").options) == ["Goed"]
    assert any("Blad 'Scenario's', rij 3, kolom 'Parameter'" in _t(w.value) and "'Fout' is ongeldig" in _t(w.value)
               for w in at.warning)
