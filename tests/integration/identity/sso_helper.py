#!/usr/bin/env python3
"""Stands in for an nginx auth_request helper such as oauth2-proxy: GET /oauth2/auth answers
202 with X-Auth-Request-User when the browser carries the cookie `_sso=<user>` (a finished
single sign-on), else 401; GET /oauth2/sign_in is its log-in page. Prints "ready on PORT"."""
import argparse
import http.cookies
import http.server


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/oauth2/auth"):
            cookies = http.cookies.SimpleCookie(self.headers.get("Cookie", ""))
            user = cookies["_sso"].value if "_sso" in cookies else ""
            self.send_response(202 if user else 401)
            if user:
                self.send_header("X-Auth-Request-User", user)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path.startswith("/oauth2/sign_in"):
            body = b"single sign-on page"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"ready on {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
