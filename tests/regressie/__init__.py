"""Golden-master-regressie (geen officiële cijfers): vastgelegde uitkomsten van het illustratieve voorbeeld."""
