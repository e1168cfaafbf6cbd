"""LibreOffice op een al geopend document, via LibreOffice's eigen scripting (UNO, Debian python3-uno).

Draait onder de systeem-Python (``/usr/bin/python3``, waar ``uno`` staat), los van tariefmodel:

    /usr/bin/python3 tariefmodel/benchmark_libreoffice.py WERKBOEK.xlsx HERHALINGEN NAAM CEL

Start soffice headless met een UNO-socket en een wegwerpprofiel, opent het werkboek verborgen en meet
(medianen in ms): ``calculateAll()`` (alles herrekenen) en 'één invoer wijzigen, dan herrekenen en een
uitvoercel lezen' (de benoemde cel NAAM afwisselend ×0,99 en terug; CEL is de uitvoercel, bijv. Uitvoer.E6).
Schrijft één JSON-object op stdout. De opstarttijd van LibreOffice zit hier níet in (dat is de
proces-tegen-procesmeting in tariefmodel.benchmark).
"""

import contextlib
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue


def _eigenschap(naam, waarde):
    p = PropertyValue()
    p.Name, p.Value = naam, waarde
    return p


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _verbind(poort: int, seconden: float = 90):
    lokaal = uno.getComponentContext()
    resolver = lokaal.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", lokaal)
    einde = time.monotonic() + seconden
    while True:
        try:
            return resolver.resolve(f"uno:socket,host=127.0.0.1,port={poort};urp;StarOffice.ComponentContext")
        except Exception:
            if time.monotonic() > einde:
                raise
            time.sleep(0.2)


def _mediaan_ms(functie, n: int) -> float:
    tijden = []
    for _ in range(n):
        begin = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - begin) * 1000)
    return statistics.median(tijden)


def meet(pad: str, herhalingen: int, naam: str, uitvoercel: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="tariefmodel-lo-uno-") as map_:
        profiel = Path(map_) / "profiel"
        poort = _vrije_poort()
        proces = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
             f"-env:UserInstallation={profiel.as_uri()}", f"--accept=socket,host=127.0.0.1,port={poort};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            ctx = _verbind(poort)
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            begin = time.perf_counter()
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(Path(pad).resolve())), "_blank", 0,
                                               (_eigenschap("Hidden", True),))
            laden_ms = (time.perf_counter() - begin) * 1000
            doc.calculateAll()  # opwarmen
            alles_ms = _mediaan_ms(doc.calculateAll, herhalingen)
            invoer = doc.NamedRanges.getByName(naam).getReferredCells().getCellByPosition(0, 0)
            blad, cel = uitvoercel.split(".")
            uitvoer = doc.Sheets.getByName(blad).getCellRangeByName(cel)
            basis, voor = invoer.getValue(), uitvoer.getValue()
            waarden = iter([basis * 0.99, basis] * (herhalingen + 1))
            gezien = []

            def wijzig():
                invoer.setValue(next(waarden))
                doc.calculate()
                gezien.append(uitvoer.getValue())

            wijzig()
            wijzig()  # opwarmen, terug op de basis
            wijziging_ms = _mediaan_ms(wijzig, herhalingen)
            doc.close(True)
            with contextlib.suppress(Exception):  # de verbinding valt weg zodra soffice stopt
                desktop.terminate()
            return {"laden_ms": laden_ms, "herberekening_alles_ms": alles_ms, "wijziging_ms": wijziging_ms,
                    "uitvoer_basis": voor, "uitvoer_veranderde": any(abs(g - voor) > 1e-9 for g in gezien)}
        finally:
            try:
                proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proces.kill()
                proces.wait(timeout=10)


if __name__ == "__main__":
    print(json.dumps(meet(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])))
