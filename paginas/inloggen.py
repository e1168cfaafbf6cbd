"""Optioneel inloggen via de OIDC-dienst van de organisatie, met Streamlit's st.login.

Aan zodra `.streamlit/secrets.toml` een [auth]-blok heeft (voorbeeld: `.streamlit/secrets.toml.voorbeeld`);
zonder dat blok is het uit en werkt de app zoals op een laptop. Staat het aan, dan stopt ``poort()`` het script
vóór de navigatie: wie niet is ingelogd, ziet geen pagina en geen cijfer (README, 'Installeren bij uw organisatie').
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Mapping

import streamlit as st

MARKDOWNTEKENS = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$])")


def instellingen() -> Mapping | None:
    """Het [auth]-blok uit secrets.toml, of None als inloggen uit staat."""
    try:
        auth = st.secrets.get("auth")
    except FileNotFoundError:  # geen secrets.toml: inloggen staat uit
        return None
    return auth or None


def aanbieders(auth: Mapping) -> list[str | None]:
    """None voor één aanbieder direct in [auth]; anders de namen van de blokken [auth.<naam>]."""
    if "client_id" in auth:
        return [None]
    return [naam for naam, waarde in auth.items() if isinstance(waarde, Mapping)] or [None]


def ontsnap(tekst: str) -> str:
    """Tekst letterlijk in markdown (een naam uit de OIDC-dienst is geen opmaak)."""
    return MARKDOWNTEKENS.sub(r"\\\1", tekst)


def is_ingelogd() -> bool:
    return bool(st.user.get("is_logged_in", False))


def gebruiker() -> str:
    """De naam (of het e-mailadres) van wie is ingelogd; leeg als inloggen uit staat."""
    if instellingen() is None or not is_ingelogd():
        return ""
    return str(st.user.get("name") or st.user.get("email") or "")


def poort() -> None:
    """Stop het script (st.stop) tot de gebruiker is ingelogd, als inloggen aan staat."""
    auth = instellingen()
    if auth is None or is_ingelogd():
        return
    st.title("Tariefmodel vrouwenopvang")
    if any(importlib.util.find_spec(p) is None for p in ("authlib", "httpx")):
        st.error("Inloggen is ingesteld (secrets.toml, blok [auth]), maar de pakketten Authlib en httpx ontbreken op de server. "
                 "Installeer de app met `pip install '.[login]'` of gebruik de container.", icon=":material/error:")
        st.stop()
    st.markdown("Deze app is alleen voor medewerkers van de organisatie. Log in met uw account.")
    for naam in aanbieders(auth):
        st.button("Inloggen" if naam is None else f"Inloggen met {naam}", on_click=st.login,
                  args=() if naam is None else (naam,), type="primary", icon=":material/login:",
                  key=f"inloggen_{naam}")
    st.stop()


def zijbalk() -> None:
    """Wie is ingelogd, met een knop om uit te loggen (alleen als inloggen aan staat)."""
    naam = gebruiker()
    if not naam:
        return
    st.caption(f"Ingelogd als **{ontsnap(naam)}**")
    st.button("Uitloggen", on_click=st.logout, icon=":material/logout:", key="uitloggen")
