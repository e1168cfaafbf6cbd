"""Intakebeleid (docs/veiligheid.md): gegevensverbindingen en ingesloten objecten worden geweigerd zoals
externe koppelingen; Strict OOXML geeft één duidelijke melding; geen Python-typenamen in meldingen."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from tariefmodel.getallen import GeenGetal, lees_getal
from tariefmodel.meldingen import WerkboekFout
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek

VOORBEELD = Path(__file__).parent.parent / "workbooks" / "voorbeeld_kostprijs.xlsx"
OVERGANG = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"


def _herpakt(extra: dict[str, bytes] | None = None, vervang: dict[str, tuple[bytes, bytes]] | None = None) -> bytes:
    """Het voorbeeldwerkboek met extra onderdelen, of met tekst vervangen in een onderdeel."""
    uit = io.BytesIO()
    with zipfile.ZipFile(VOORBEELD) as oud, zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as nieuw:
        for info in oud.infolist():
            data = oud.read(info)
            if vervang and info.filename in vervang:
                van, naar = vervang[info.filename]
                assert van in data
                data = data.replace(van, naar)
            nieuw.writestr(info.filename, data)
        for naam, data in (extra or {}).items():
            nieuw.writestr(naam, data)
    return uit.getvalue()


def _meldingen(data: bytes) -> list[str]:
    with pytest.raises(WerkboekFout) as fout:
        lees_kostprijswerkboek(data, "x.xlsx")
    return [m.tekst() for m in fout.value.fouten]


@pytest.mark.parametrize(("onderdeel", "woord"), [
    ("xl/connections.xml", "gegevensverbindingen"),
    ("xl/queryTables/queryTable1.xml", "gegevensverbindingen"),
    ("xl/embeddings/oleObject1.bin", "ingesloten objecten"),
    ("xl/activeX/activeX1.xml", "ingesloten objecten"),
])
def test_verbindingen_en_ingesloten_objecten_geweigerd(onderdeel, woord):
    meldingen = _meldingen(_herpakt({onderdeel: b"<x/>"}))
    assert len(meldingen) == 1 and woord in meldingen[0], meldingen


def test_strict_ooxml_een_duidelijke_melding():
    meldingen = _meldingen(_herpakt(vervang={"_rels/.rels": (OVERGANG, STRICT)}))
    assert len(meldingen) == 1, meldingen
    assert "sla het werkboek op als gewone Excel-werkmap" in meldingen[0]
    assert "ontbreekt" not in meldingen[0]


def test_gewoon_voorbeeld_blijft_leesbaar():
    assert lees_kostprijswerkboek(VOORBEELD.read_bytes(), "v.xlsx").producten


def test_tijdsduur_in_een_getalcel_zonder_python_typenaam():
    with pytest.raises(GeenGetal) as fout:
        lees_getal(dt.timedelta(hours=3))
    assert "tijdsduur" in str(fout.value) and "timedelta" not in str(fout.value)


def test_te_groot_bestand_in_de_app_nederlandse_melding():
    """Boven 10 MB weigert de app zelf, in het Nederlands (Streamlits eigen grens ligt hoger)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=30)
    at.run()
    at.sidebar.file_uploader[0].set_value(("groot.xlsx", b"PK" + b"\0" * (11 * 2**20), "application/octet-stream"))
    at.run()
    fouten = " ".join(e.value for e in at.error)
    assert "de grens is 10 MB" in fouten, fouten
    assert not at.exception
