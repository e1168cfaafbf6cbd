"""Controles over bladen heen: kan elk product volgens de rekenmethode worden berekend?"""

from __future__ import annotations

import math
from collections import defaultdict

from tariefmodel.cao_tabellen import doorgetrokken_maanden, maanden_tekst
from tariefmodel.kostprijs.invoer import OVERHEAD, KostprijsInvoer
from tariefmodel.meldingen import Meldingen
from tariefmodel.parameters import cao_tabellen

BLAD_UP = "Uitgangspunten"
DREMPEL_OVERHEADPERCENTAGE = 0.40  # boven 40% overhead op directe kosten: ongebruikelijk hoog (waarschuwing)


def controleer_berekenbaar(uitgangspunten, producten, personeel, kosten, meldingen: Meldingen) -> None:
    """Fouten voor wat niet te berekenen is; waarschuwingen voor wat opvalt."""
    if not producten:
        meldingen.fout("er staat geen enkel product in het blad", blad="Producten", rij=2, kolom="Code")
        return
    _ontbrekende_standaarden(uitgangspunten, meldingen)
    if meldingen.heeft_fouten:
        return
    invoer = KostprijsInvoer(uitgangspunten, tuple(producten.values()), tuple(personeel), tuple(kosten))
    fout = inzetbare_uren_fout(invoer.getallen())
    if fout:
        meldingen.fout(fout, blad=BLAD_UP, kolom="Waarde")
        return
    _producten_berekenbaar(producten, personeel, kosten, meldingen)
    if meldingen.heeft_fouten:
        return
    from tariefmodel.kostprijs.berekening import bereken

    resultaat = bereken(invoer)
    if not _eindig(resultaat, meldingen):
        return
    if resultaat.overhead_percentage > DREMPEL_OVERHEADPERCENTAGE:
        meldingen.waarschuwing(
            f"het overheadpercentage is {resultaat.overhead_percentage:.1%} van de directe kosten; dat is "
            f"ongebruikelijk hoog (boven {DREMPEL_OVERHEADPERCENTAGE:.0%})".replace(".", ","),
            blad="Personeel", kolom="Product")
    _waarschuwingen(invoer, meldingen)


def inzetbare_uren_fout(p) -> str | None:
    """§1.2: U_i = (jaaruren - verlofuren - feestdaguren) x (1 - verzuim) - scholing_overleg_uren moet > 0
    zijn; anders bestaan er geen directe uren (kostprijs per uur) en geen fte per 24/7-post."""
    inzetbaar = (p["jaaruren"] - p["verlofuren"] - p["feestdaguren"]) * (1 - p["verzuim"]) - p["scholing_overleg_uren"]
    if inzetbaar > 0:
        return None
    return (f"de inzetbare uren per fte worden {inzetbaar:.1f} (0 of negatief): verlaag verlofuren, feestdaguren, "
            "verzuim of scholing_overleg_uren, of verhoog jaaruren").replace(".", ",")


_UREN = ("jaaruren", "verlofuren", "feestdaguren", "verzuim", "scholing_overleg_uren")


def scenario_uren_fout(uitgangspunten) -> str | None:
    """Een scenario mag de inzetbare uren niet op 0 of lager zetten (rekenmethode §1.2)."""
    waarden = {n: uitgangspunten[n].waarde for n in _UREN if n in uitgangspunten}
    if len(waarden) < len(_UREN) or not all(isinstance(w, (int, float)) for w in waarden.values()):
        return None
    return inzetbare_uren_fout(waarden)


def _ontbrekende_standaarden(uitgangspunten, meldingen) -> None:
    for naam, u in sorted(uitgangspunten.items()):
        if u.waarde is None and naam not in {"tarief_index", "maximum_premieloon"}:  # leeg = geen index/plafond
            meldingen.fout(f"parameter '{naam}' heeft geen meegeleverde waarde voor dit rekenjaar (NOT FOUND); "
                           "vul zelf een waarde in", blad=BLAD_UP, rij=u.rij, kolom="Waarde")


def _producten_berekenbaar(producten, personeel, kosten, meldingen) -> None:
    """Elk product moet directe kosten hebben; één keer over personeel en kosten (lineair)."""
    fte_per_product: dict[str, float] = defaultdict(float)
    for r in personeel:
        fte_per_product[r.product] += r.fte
    met_kosten: set[str] = {k.product for k in kosten if k.bedrag > 0}
    direct_totaal = sum(f for p, f in fte_per_product.items() if p != OVERHEAD) + sum(
        k.bedrag for k in kosten if k.product != OVERHEAD)
    if direct_totaal <= 0:
        meldingen.fout("geen enkel product heeft directe kosten (personeel of kosten); overhead kan niet "
                       "worden verdeeld", blad="Personeel", kolom="Product")
    for prod in producten.values():
        fte = fte_per_product.get(prod.code, 0.0)
        if prod.soort == "ambulant" and fte <= 0:
            meldingen.fout(f"ambulant product '{prod.code}' heeft geen personeel (FTE > 0) in blad Personeel; "
                           "zonder directe uren is er geen kostprijs per uur", blad="Producten", rij=prod.rij, kolom="Code")
        elif fte <= 0 and prod.code not in met_kosten:
            meldingen.fout(f"opvangproduct '{prod.code}' heeft geen personeel en geen kosten (bladen Personeel en "
                           "Kosten); de kostprijs zou 0 zijn. Vul ze in of verwijder het product", blad="Producten",
                           rij=prod.rij, kolom="Code")


def _eindig(resultaat, meldingen: Meldingen) -> bool:
    """Vangnet: elke kostprijs moet een eindig getal zijn (anders kan niets worden gerapporteerd, §1.7)."""
    goed = True
    for p in resultaat.producten:
        if not all(math.isfinite(float(x)) for x in (p.integrale_kosten, p.kostprijs) if x is not None):
            meldingen.fout(f"de kostprijs van product '{p.code}' wordt oneindig groot: controleer de aantallen "
                           "(Plaatsen, FTE, Uren per traject) op tikfouten", blad="Producten", rij=p.product.rij,
                           kolom="Code")
            goed = False
    return goed


def _waarschuwingen(invoer: KostprijsInvoer, meldingen: Meldingen) -> None:
    u = invoer.uitgangspunten["overige_personeelskosten_per_fte"]
    if not u.waarde:
        meldingen.waarschuwing("overige_personeelskosten_per_fte is 0: reis- en opleidingskosten (AMvB reële prijs, "
                               "art. 5.4 lid 3 sub d) ontbreken in de kostprijs", blad=BLAD_UP, kolom="Waarde")
    for prod in invoer.producten:
        if prod.eenheid == "traject" and prod.trajecten_per_jaar is None and prod.gemeentetarief is not None:
            meldingen.waarschuwing("'Trajecten per jaar' is leeg: de opbrengst rekent met de capaciteit "
                                   "(directe uren / uren per traject)", blad="Producten", rij=prod.rij,
                                   kolom="Trajecten per jaar")
    _salaris_buiten_tabellen(invoer, meldingen)


def _salaris_buiten_tabellen(invoer: KostprijsInvoer, meldingen: Meldingen) -> None:
    """§1.1 v2: maanden van het rekenjaar buiten de bekende CAO-tabellen worden genoemd (bovenaan getoond)."""
    uit_tabel = [r for r in invoer.personeel if r.salarisbron.startswith("CAO")]
    if not uit_tabel:
        return
    jaar, t = invoer.rekenjaar, cao_tabellen()
    rij = invoer.uitgangspunten["rekenjaar"].rij
    laatste, eerste = t.tabellen[-1].datum, t.tabellen[0].datum
    na = doorgetrokken_maanden(jaar, t)
    if na:
        meldingen.waarschuwing(
            f"rekenjaar {jaar}: voor {maanden_tekst(na)} {jaar} is geen CAO-tabel bekend (de CAO Sociaal Werk loopt "
            f"tot {t.bekend_tot:%d-%m-%Y}); {len(uit_tabel)} personeelsregel(s) gebruiken daar de tabel van "
            f"{laatste:%d-%m-%Y}, doorgetrokken zonder verhoging (ESTIMATE). Vul Maandsalaris of het blad "
            "Salaristabel in als de nieuwe tabel bekend is", blad=BLAD_UP, rij=rij, kolom="Waarde")
    voor = tuple(m for m in range(1, 13) if (jaar, m) < (eerste.year, eerste.month))
    if voor:
        meldingen.waarschuwing(
            f"rekenjaar {jaar}: voor {maanden_tekst(voor)} {jaar} is geen CAO-tabel meegeleverd; "
            f"{len(uit_tabel)} personeelsregel(s) gebruiken daar de tabel van {eerste:%d-%m-%Y} (te hoog)",
            blad=BLAD_UP, rij=rij, kolom="Waarde")
