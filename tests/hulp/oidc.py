"""Een kleine OpenID Connect-aanbieder voor tests: meldt elke bezoeker direct aan als één testgebruiker.

Genoeg van OIDC (authorization-code-flow) voor Streamlit's st.login via Authlib: discovery, /authorize
(stuurt meteen terug met een code), /token (een RS256-getekend id_token met de nonce), /jwks. Alleen voor tests
op 127.0.0.1; er is geen wachtwoord en geen beveiliging.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

from joserfc import jwt
from joserfc.jwk import RSAKey


class TestAanbieder:
    """``with TestAanbieder(client_id, gebruiker) as a: a.metadata_url`` — draait in een eigen thread."""

    def __init__(self, client_id: str, gebruiker: dict):
        self.client_id = client_id
        self.gebruiker = gebruiker
        self.sleutel = RSAKey.generate_key(2048, parameters={"kid": "test"})
        self.codes: dict[str, str] = {}  # code -> nonce
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.metadata_url = f"{self.url}/.well-known/openid-configuration"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_):
        self.server.shutdown()
        self.server.server_close()

    def metadata(self) -> dict:
        return {"issuer": self.url, "authorization_endpoint": f"{self.url}/authorize",
                "token_endpoint": f"{self.url}/token", "jwks_uri": f"{self.url}/jwks",
                "response_types_supported": ["code"], "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"]}

    def id_token(self, nonce: str) -> str:
        nu = int(time.time())
        claims = {"iss": self.url, "sub": "test-1", "aud": self.client_id, "iat": nu, "exp": nu + 600,
                  "nonce": nonce, **self.gebruiker}
        return jwt.encode({"alg": "RS256", "kid": "test"}, claims, self.sleutel)

    def _handler(self):
        aanbieder = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_):
                pass

            def _json(self, data: dict) -> None:
                inhoud = json.dumps(data).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(inhoud)))
                self.end_headers()
                self.wfile.write(inhoud)

            def do_GET(self):
                url = urlparse(self.path)
                if url.path == "/.well-known/openid-configuration":
                    return self._json(aanbieder.metadata())
                if url.path == "/jwks":
                    return self._json({"keys": [aanbieder.sleutel.as_dict(private=False)]})
                if url.path == "/authorize":
                    q = {k: v[0] for k, v in parse_qs(url.query).items()}
                    code = secrets.token_urlsafe(16)
                    aanbieder.codes[code] = q.get("nonce", "")
                    self.send_response(302)
                    self.send_header("Location", f"{q['redirect_uri']}?{urlencode({'code': code, 'state': q['state']})}")
                    self.end_headers()
                    return None
                self.send_error(404)
                return None

            def do_POST(self):
                lengte = int(self.headers.get("Content-Length", 0))
                q = {k: v[0] for k, v in parse_qs(self.rfile.read(lengte).decode()).items()}
                if urlparse(self.path).path != "/token" or q.get("code") not in aanbieder.codes:
                    self.send_error(400)
                    return
                nonce = aanbieder.codes.pop(q["code"])
                self._json({"access_token": secrets.token_urlsafe(16), "token_type": "Bearer", "expires_in": 600,
                            "id_token": aanbieder.id_token(nonce)})

        return Handler
