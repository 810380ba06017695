#!/usr/bin/env python3
"""Serve the release build (dist/ beside this folder) on 127.0.0.1 the way the city's server would.

Usage: python3 e2e/serve.py [PORT [DIST]]   (default 8080 and dist/; any working directory; DIST relative to the
workspace root, e.g. dist-test-panic, the e2e-only build of scripts/test)

Sends the Content-Security-Policy of docs/design.md §6.4, its frame-ancestors extended by the test origins, so e2e
proves the guide runs under the city's policy; `.wasm` goes out as application/wasm. Like the hosting note of
README.md asks of the city's server, a precompressed `FILE.br` (or `FILE.gz`) written by scripts/post-build is sent
with `Content-Encoding` when the browser accepts it. Standard library only.
"""

import os
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DIST = Path(__file__).resolve().parent.parent / "dist"

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        # production: 'self' https://www.city.kawasaki.jp; the test hosts are local
        "frame-ancestors 'self' https://www.city.kawasaki.jp http://127.0.0.1:* http://localhost:*",
        # Trusted Types: no string becomes HTML, script or a script URL; the one policy, created by the boot
        # script for the service worker's fixed URL (public/sw-register.js), is the only exception.
        "require-trusted-types-for 'script'",
        "trusted-types myna-guide",
    ]
)

# The sample city page (demo-host.html, docs/design.md §6.1) gets the headers a city's page would send instead
# (§6.4, "the host page needs"): scripts and frames from the guide's origin, which in the tests may be the
# other loopback name, and USB allowed to the guide.
HOST_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' http://127.0.0.1:* http://localhost:*",
        "frame-src 'self' http://127.0.0.1:* http://localhost:*",
        "style-src 'self'",
        "img-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
)


class Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".html": "text/html; charset=utf-8",
    }

    def send_head(self):
        """Serves FILE.br / FILE.gz for FILE when the client accepts that encoding."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepted = self.headers.get("Accept-Encoding", "")
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            if encoding in accepted and os.path.isfile(path + suffix) and os.path.isfile(path):
                try:
                    f = open(path + suffix, "rb")
                except OSError:
                    break
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(path))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
                self.end_headers()
                return f
        return super().send_head()

    def end_headers(self) -> None:
        if self.path.split("?")[0].endswith("/demo-host.html"):
            port = self.server.server_address[1]
            self.send_header("Content-Security-Policy", HOST_CSP)
            self.send_header("Permissions-Policy", f'usb=(self "http://127.0.0.1:{port}" "http://localhost:{port}")')
        else:
            self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")  # local testing: always the latest build
        super().end_headers()

    def log_request(self, code="-", size="-") -> None:
        if str(code).isdigit() and int(code) >= 400:  # only what went wrong
            super().log_request(code, size)


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    dist = DIST.parent / sys.argv[2] if len(sys.argv) > 2 else DIST
    if not (dist / "index.html").is_file():
        sys.exit(f"serve.py: no {dist}/index.html; build first (trunk build --release --locked)")
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=str(dist)))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
