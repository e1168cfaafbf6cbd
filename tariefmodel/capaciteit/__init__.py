"""Capaciteitsmodel: Erlang B (verliesmodel) en Erlang C (wachtrijmodel), rekenmethode §2.4a (v2).

Eén module voor kostprijs en landelijk; rekent zuiver (geen bestanden, geen werkboek-imports).
"""
