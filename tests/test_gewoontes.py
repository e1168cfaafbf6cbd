"""Menselijke invulgewoonten (ronde 2, intake-QA): nooit exit 0 met andere cijfers zonder een woord.

Elk geval (tests/hulp/gewoontes.py) is het voorbeeldwerkboek met één gewoonte erin; per geval is met de hand
bepaald wat de gebruiker bedoelde. Per geval: óf dezelfde cijfers als de referentie (het ongewijzigde voorbeeld,
of een met de hand gemaakt werkboek met het bedoelde getal), óf exit 2 met blad, rij en kolom, óf een waarschuwing
die blad, rij en kolom noemt. werkboekformaat.md v2: "Nothing is ever silently misread".
"""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from tariefmodel.cli import main
from tariefmodel.voorbeelden import voorbeeld_kostprijs
from tariefmodel.werkboek.landelijk_sjabloon import voorbeeld_landelijk
from tests.hulp.gewoontes import GEWOONTES, Gewoonte

KOSTPRIJS_CIJFERS = ("fte", "loonkosten", "directe_kosten", "overhead", "integrale_kosten", "kostprijs",
                     "opbrengst", "tekort", "gemeentetarief", "gerealiseerd_volume")
NIET_VERGELEKEN = {"werkboek", "waarschuwingen", "blad_rij", "rij", "sha256", "naam_werkboek"}


def _draai(tmp_path, soort: str, data: bytes, naam: str = "w.xlsx") -> tuple[int, dict | None, str]:
    pad = tmp_path / naam
    pad.write_bytes(data)
    uit, fout = io.StringIO(), io.StringIO()
    opdracht = "bereken" if soort == "kostprijs" else "landelijk"
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        code = main([opdracht, str(pad), "--json"])
    return code, (json.loads(uit.getvalue()) if code == 0 else None), fout.getvalue()


def _cijfers(soort: str, uit: dict):
    """De cijfers die de gebruiker ziet; zonder bestandsnaam, hash, waarschuwingen en rijnummers."""
    if soort == "kostprijs":
        return {"producten": {p["code"]: {k: p[k] for k in KOSTPRIJS_CIJFERS} for p in uit["producten"]},
                "totaal": uit["totaal"], "overhead_percentage": uit["overhead_percentage"]}
    return _zonder(uit)


def _zonder(x):
    if isinstance(x, dict):
        return {k: _zonder(v) for k, v in x.items() if k not in NIET_VERGELEKEN}
    if isinstance(x, list):
        return [_zonder(v) for v in x]
    return x


def _gelijk(a, b) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_gelijk(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_gelijk(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        return a == pytest.approx(b, rel=1e-9, abs=1e-9)
    return a == b


def _referentie(tmp_path, geval: Gewoonte):
    if geval.referentie is not None:
        data = geval.referentie()
    else:
        data = voorbeeld_kostprijs() if geval.soort == "kostprijs" else voorbeeld_landelijk()
    code, uit, fout = _draai(tmp_path, geval.soort, data, "referentie.xlsx")
    assert code == 0, fout
    return _cijfers(geval.soort, uit)


def _benoemt_cel(tekst: str) -> bool:
    return "Blad '" in tekst and "rij " in tekst


@pytest.mark.parametrize("geval", [pytest.param(g, id=g.naam, marks=[pytest.mark.libreoffice] if g.libreoffice
                                                else []) for g in GEWOONTES])
def test_gewoonte_wordt_goed_gelezen_of_gemeld(tmp_path, geval: Gewoonte):
    if geval.libreoffice:
        from tariefmodel.export.herberekenen import soffice

        if soffice() is None:
            pytest.skip("LibreOffice (soffice) staat niet op PATH")
    code, uit, fout = _draai(tmp_path, geval.soort, geval.bouw())
    assert "Traceback" not in fout and code in (0, 2), fout
    if geval.uitkomst == "fout":
        assert code == 2, f"verwacht exit 2, kreeg {code}"
        assert _benoemt_cel(fout), fout
        for deel in geval.melding:
            assert deel in fout, fout
        return
    assert code == 0, fout
    waarschuwingen = "\n".join(w if isinstance(w, str) else json.dumps(w, ensure_ascii=False)
                               for w in uit.get("waarschuwingen") or [])
    for deel in geval.melding:
        assert deel in waarschuwingen, waarschuwingen
    gelijk = _gelijk(_cijfers(geval.soort, uit), _referentie(tmp_path, geval))
    if geval.uitkomst == "referentie":
        assert gelijk, f"andere cijfers dan de referentie; waarschuwingen:\n{waarschuwingen}"
    else:  # waarschuwing: andere cijfers mogen, maar nooit zonder een woord dat de cel noemt
        assert not gelijk and _benoemt_cel(waarschuwingen), waarschuwingen


def test_corpus_is_groot_genoeg_en_divers():
    uitkomsten = {g.uitkomst for g in GEWOONTES}
    assert len(GEWOONTES) >= 20 and uitkomsten == {"referentie", "fout", "waarschuwing"}
    assert len({g.naam for g in GEWOONTES}) == len(GEWOONTES)
