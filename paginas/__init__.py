"""De pagina's van de app (elk bestand is een st.Page); gedeeld.py is de gedeelde hulp."""
