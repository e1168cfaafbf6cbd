"""Pagina Landelijk beeld (bundel): de kostprijswerkboeken van veel VO's samen (werkboekformaat v2, `bundel`).

Dezelfde functies als `tariefmodel bundel`: elk werkboek apart berekend, dubbele organisaties en gemengde
rekenjaren geweigerd, illustratieve werkboeken alleen op verzoek. De uploads en de uitkomsten staan alleen
in st.session_state van deze gebruiker (niet in de gedeelde cache).
"""

from __future__ import annotations

import hashlib
from functools import partial

import pandas as pd
import streamlit as st

from paginas import gedeeld as g
from tariefmodel import formaat
from tariefmodel.kaart import tegelkaart
from tariefmodel.landelijk.centrumgemeenten import CENTRUMGEMEENTEN
from tariefmodel.landelijk.sectorbeeld import FOUT, Sectorbeeld, schuilnamen, schuilvolgorde
from tariefmodel.landelijk.sectorbeeld_json import GEWOGEN
from tariefmodel.opdrachten.bundel_lezen import BundelGeweigerd, ZipGeweigerd, bundel, uit_zip
from tariefmodel.sectorgrafieken import benchmark_grafiek

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GEEN_REGIO = "(geen)"


def uploads() -> tuple[list[tuple[str, bytes]], list[str]]:
    """De geüploade werkboeken (een zip uitgepakt in het geheugen, met de gewone controles) en notities."""
    teller = st.session_state.setdefault("bundel_teller", 0)
    bestanden = st.file_uploader("Kostprijswerkboeken van de VO-organisaties (.xlsx), of één zip", type=["xlsx", "zip"],
                                 accept_multiple_files=True, key=f"bundel_upload_{teller}",
                                 help="Eén werkboek per organisatie, alle voor hetzelfde rekenjaar.")
    st.caption("De bestanden blijven alleen in uw sessie; er wordt niets opgeslagen of gedeeld.")
    if bestanden:
        st.session_state["bundel_bestanden"] = [(b.name, b.getvalue()) for b in bestanden]
    opgeslagen = st.session_state.get("bundel_bestanden", [])
    if opgeslagen and st.button("Bestanden wissen", icon=":material/delete:", key="bundel_wis"):
        st.session_state.pop("bundel_bestanden", None)
        st.session_state.pop("bundel_uitkomst", None)
        st.session_state["bundel_teller"] = teller + 1
        st.rerun()
    werkboeken, notities = [], []
    for naam, data in opgeslagen:
        if naam.casefold().endswith(".zip"):
            try:
                uit = uit_zip(data, naam)
            except ZipGeweigerd as fout:
                st.error(f"De zip wordt niet gebruikt: {g.tekst(fout)}", icon=":material/error:")
                continue
            werkboeken += [(f"{naam}/{n}", d) for n, d in uit.bestanden]
            notities += uit.notities
        else:
            werkboeken.append((naam, data))
    return werkboeken, notities


def bereken(werkboeken: list[tuple[str, bytes]], met_voorbeelden: bool) -> Sectorbeeld | BundelGeweigerd:
    """Het sectorbeeld, per sessie onthouden (sleutel: de sha256 van alle bestanden en de keuze)."""
    h = hashlib.sha256(repr(met_voorbeelden).encode())
    for naam, data in werkboeken:
        h.update(naam.encode() + b"\0" + (data if isinstance(data, bytes) else b"") + b"\0")
    bewaard = st.session_state.get("bundel_uitkomst")
    if bewaard and bewaard[0] == h.hexdigest():
        return bewaard[1]
    try:
        uitkomst = bundel(werkboeken, met_voorbeelden)
    except BundelGeweigerd as fout:
        uitkomst = fout
    st.session_state["bundel_uitkomst"] = (h.hexdigest(), uitkomst)
    return uitkomst


def bestanden(r: Sectorbeeld, notities) -> None:
    st.markdown(f"**{len(r.berekend)}** werkboeken meegeteld · {len(r.fouten)} met fouten · "
                f"{len(r.overgeslagen)} overgeslagen · {len(r.voorbeelden)} illustratief, niet meegeteld.")
    fout = [b for b in r.bestanden if b.status == FOUT]
    overig = [f"{b.naam}: {b.reden}" for b in r.bestanden if b.reden] + list(notities)
    if fout:
        with st.expander(f"{len(fout)} werkboek(en) met fouten: niet meegeteld", icon=":material/rule:"):
            for b in fout:
                st.markdown(f"**{g.tekst(b.naam)}**\n" + "\n".join(f"- {g.tekst(m.tekst())}" for m in b.meldingen if m.ernst == "fout"))
    if overig:
        with st.expander("Overgeslagen en gemarkeerd"):
            st.markdown("\n".join(f"- {g.tekst(t)}" for t in overig))


def kerncijfers(r: Sectorbeeld) -> None:
    k = st.columns(4)
    k[0].metric("Organisaties", str(len(r.organisaties)), help=f"Rekenjaar {r.rekenjaar}.")
    k[1].metric("Integrale kosten", g.euro_mln(r.integrale_kosten), help=formaat.euro_heel(r.integrale_kosten))
    k[2].metric("Tekort tegen de gemeentetarieven", g.euro_mln(r.tekort),
                help="Integrale kosten − opbrengst bij het gemeentetarief, opgeteld over de werkboeken (producten "
                     f"met een tarief): {formaat.euro_heel(r.tekort)}.")
    k[3].metric("Tekort in opvangplaatsen", formaat.getal(r.tekort_in_plaatsen, 0),
                help="Het tekort van de opvang gedeeld door de kosten per plaats per jaar "
                     f"({formaat.euro_heel(r.kosten_per_plaats_per_jaar)}): zoveel plaatsen tegen de kostendekkende "
                     "prijs.")


def tabel(r: Sectorbeeld, met_namen: bool) -> None:
    st.subheader("Kostprijs tegen tarief per organisatie en producttype")
    namen = schuilnamen(r.organisaties)
    rijen = [{"Organisatie": o.organisatie if met_namen else namen[o.bestand], "Producttype": s.naam,
              "Kostprijs": formaat.euro(s.kostprijs), "Gemeentetarief": formaat.euro(s.tarief),
              "Verschil": formaat.euro(None if s.tarief is None else s.tarief - s.kostprijs),
              "Tekort per jaar": formaat.euro_heel(s.tekort)}
             for o in sorted(r.organisaties, key=lambda o: (o.organisatie if met_namen else
                                                     schuilvolgorde(namen[o.bestand])))
             for s in o.per_soort]
    rijen += [{"Organisatie": "Landelijk", "Producttype": s.naam, "Kostprijs": formaat.euro(s.kostprijs),
               "Gemeentetarief": formaat.euro(s.tarief),
               "Verschil": formaat.euro(None if s.tarief is None else s.tarief - s.kostprijs),
               "Tekort per jaar": formaat.euro_heel(s.tekort)} for s in r.per_soort]
    g.tabel(rijen, rechts=("Kostprijs", "Gemeentetarief", "Verschil", "Tekort per jaar"))
    st.caption(f"Gemiddelden {GEWOGEN}. Verschil = tarief − kostprijs.")


def benchmark(r: Sectorbeeld, met_namen: bool) -> None:
    st.subheader("Sectorbenchmark")
    st.markdown("Per producttype de kostprijs van elke organisatie (punten), de middelste helft van de sector "
                "(balk, 1e tot 3e kwartiel) met de mediaan (streep) en het gewogen gemeentetarief (stippellijn).")
    for b in r.benchmark:
        tarief = r.soort(b.soort, b.eenheid).tarief
        g.grafiek(benchmark_grafiek(b, tarief=tarief, met_namen=met_namen, breedte="container"))
    st.caption("Elke organisatie telt één keer mee; kwartielen lineair geïnterpoleerd (als Excel KWARTIEL.INC). "
               + ("Organisaties bij naam." if met_namen else "Namen verborgen: VO 1, VO 2, … (zet 'Namen tonen' aan)."))


def regio_toewijzing(r: Sectorbeeld, met_namen: bool) -> dict[str, str | None]:
    """Per organisatie de centrumgemeente (geraden uit de naam, aan te passen); bestand -> centrumgemeente."""
    namen = schuilnamen(r.organisaties)
    data = pd.DataFrame([{"bestand": o.bestand, "Organisatie": o.organisatie if met_namen else namen[o.bestand],
                          "Centrumgemeente": o.centrumgemeente or GEEN_REGIO} for o in r.organisaties])
    with st.expander("Regio per organisatie (voor de kaart)"):
        st.caption("Geraden uit de organisatie- of bestandsnaam; pas aan waar nodig.")
        bewerkt = st.data_editor(
            data, hide_index=True, width="stretch", key="bundel_regios", disabled=["Organisatie"],
            column_order=["Organisatie", "Centrumgemeente"],
            column_config={"Centrumgemeente": st.column_config.SelectboxColumn(
                "Centrumgemeente", options=[GEEN_REGIO, *CENTRUMGEMEENTEN], required=True)})
    return {rij["bestand"]: (None if rij["Centrumgemeente"] == GEEN_REGIO else rij["Centrumgemeente"])
            for _, rij in bewerkt.iterrows()}


def _landelijk():
    """Het landelijk resultaat van het gekozen landelijk werkboek (zijbalk), of None."""
    from tariefmodel.landelijk import bereken_landelijk

    gekozen = g.werkboek("landelijk")
    if gekozen is None:
        return None
    gelezen = g.lees_landelijk(gekozen.data, gekozen.naam)
    return None if gelezen.invoer is None else bereken_landelijk(gelezen.invoer)


def kaartcijfers(r: Sectorbeeld, regios: dict[str, str | None]) -> dict[str, tuple]:
    """Naam -> (waarden per centrumgemeente, opmaak, asformaat, divergerend, bron)."""
    tekort: dict[str, float] = {}
    for o in r.organisaties:
        if regios.get(o.bestand):
            tekort[regios[o.bestand]] = tekort.get(regios[o.bestand], 0.0) + o.tekort
    uit = {"Tekort tegen de gemeentetarieven (deze werkboeken)":
           (tekort, formaat.euro_heel, "$,.0f", True, "som van de organisaties die aan de regio zijn toegewezen")}
    land = _landelijk()
    if land is not None:
        bron = f"landelijk werkboek '{land.invoer.bestandsnaam or 'in gebruik'}'"
        if land.invoer.illustratief:
            bron += " (ILLUSTRATIEF: verzonnen cijfers)"
        uit["Istanbul-tekort (plaatsen)"] = ({x.centrumgemeente: x.istanbul_tekort for x in land.regios},
                                            lambda w: formaat.getal(w, 0), ",.0f", True, bron)
        uit["Verwachte weigerkans"] = ({x.centrumgemeente: x.weigerkans for x in land.regios
                                        if x.weigerkans is not None}, lambda w: formaat.procent(w, 0), ".0%", False,
                                       bron + "; Erlang B")
        uit["Geweigerd per jaar (verwacht)"] = ({x.centrumgemeente: x.clienten * x.weigerkans for x in land.regios
                                                 if x.weigerkans is not None and x.clienten is not None},
                                                lambda w: formaat.getal(w, 0), ",.0f", False,
                                                bron + "; cliënten per jaar × weigerkans")
        if land.duvo_per_jaar:
            jaar = land.duvo_per_jaar[-1].jaar
            uit[f"DUVO niet besteed {jaar} (bruto)"] = ({d.centrumgemeente: d.onderbesteding for d in land.duvo
                                                          if d.jaar == jaar}, formaat.euro_heel, "$,.0f", False, bron)
        uit[f"Herverdeling {land.laatste_jaar}"] = ({x.centrumgemeente: x.herverdeling for x in land.regios},
                                                    formaat.euro_heel, "$,.0f", True, bron)
    return uit


def kaart(r: Sectorbeeld, regios: dict[str, str | None]) -> None:
    st.subheader("Kaart van de 35 centrumgemeenten")
    cijfers = kaartcijfers(r, regios)
    keuze = st.selectbox("Kleur de kaart naar", list(cijfers), key="bundel_kaartcijfer")
    waarden, opmaak, asformaat, divergerend, bron = cijfers[keuze]
    g.grafiek(tegelkaart(waarden, keuze, opmaak=opmaak, asformaat=asformaat, divergerend=divergerend))
    st.caption(f"Eén tegel per centrumgemeente op een grove plek op de kaart (geen grenzen); grijs of '–' = geen "
               f"gegevens. Bron: {bron}. De andere cijfers komen uit het landelijk werkboek in de zijbalk.")


def downloads(r: Sectorbeeld, notities, met_namen: bool) -> None:
    from tariefmodel.export.landelijk_bundel import bundel_xlsx
    from tariefmodel.rapport.bundel import bundel_pdf

    st.subheader("Downloads")
    k = st.columns(2)
    k[0].download_button("Landelijk beeld (Excel)", data=partial(bundel_xlsx, r, tuple(notities), met_namen),
                         file_name=f"landelijk_beeld_{r.rekenjaar}.xlsx", mime=XLSX, icon=":material/download:",
                         on_click="ignore", width="stretch")
    k[1].download_button("Landelijk beeld (PDF)", data=partial(bundel_pdf, r, met_namen),
                         file_name=f"landelijk_beeld_{r.rekenjaar}.pdf", mime="application/pdf",
                         icon=":material/picture_as_pdf:", on_click="ignore", width="stretch")
    st.caption("Namen van organisaties staan in de downloads alleen als 'Namen tonen' aan staat.")


def main() -> None:
    g.kop("Landelijk beeld (bundel)", "Upload de kostprijswerkboeken van veel VO-organisaties en zie per organisatie "
                                      "en producttype de kostprijs tegen het tarief, het landelijke tekort, de "
                                      "sectorbenchmark en een kaart per centrumgemeente.")
    werkboeken, notities = uploads()
    k = st.columns(2)
    met_voorbeelden = k[0].toggle("Illustratieve werkboeken meetellen", key="bundel_voorbeelden",
                                  help="Werkboeken gemarkeerd als illustratief (verzonnen cijfers) tellen standaard "
                                       "niet mee.")
    met_namen = k[1].toggle("Namen tonen", key="bundel_namen",
                            help="Standaard staan organisaties in tabel, benchmark en downloads onder schuilnaam.")
    if not werkboeken:
        st.info("Nog geen werkboeken. Upload één kostprijswerkboek per organisatie (of één zip met alle "
                "werkboeken).", icon=":material/upload_file:")
        return
    r = bereken(werkboeken, met_voorbeelden)
    if isinstance(r, BundelGeweigerd):
        st.error("**Deze werkboeken worden niet opgeteld.**\n\n" + "\n".join(f"- {t}" for t in r.redenen),
                 icon=":material/block:")
        return
    bestanden(r, notities)
    if not r.organisaties:
        st.warning("Geen enkel werkboek kon worden meegeteld.", icon=":material/warning:")
        return
    kerncijfers(r)
    tabel(r, met_namen)
    benchmark(r, met_namen)
    kaart(r, regio_toewijzing(r, met_namen))
    g.waarschuwingen(r.waarschuwingen)
    downloads(r, notities, met_namen)


main()
