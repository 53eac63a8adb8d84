#!/usr/bin/env python3
"""A fake Duo Admin API for tests: checks every signature as Duo does, keeps state in a
JSON file (so a restarted fake carries on), logs every call, and can be told to answer
429, 500 or a wrong-signature 401, or to stop.

    fake_duo.py --port 0 --host api-1a2b3c4d.duosecurity.com --ikey DI... --skey-env VAR
                --state state.json [--seed seed.json] [--log calls.jsonl]

Prints "ready on PORT" once listening. Test-only control calls (unsigned, under /__fake/):
GET state | GET log | POST fail {"status":429,"times":1,"method":"POST","path_prefix":"/admin"}
| POST delay {"ms":3000,"times":1,"method":"POST","path_prefix":"/admin/v1/phones"} (the
change is made, then the answer waits: a client killed meanwhile never hears it)
| POST page_size {"limit":2} | POST clear_log | POST stop.
"""
import argparse
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from duo_signature import AuthFailure, verify  # noqa: E402
from duo_state import DuoFailure, DuoState  # noqa: E402
from duo_routes import route  # noqa: E402

MAX_BODY = 64 * 1024


class Fake:
    def __init__(self, args, skey):
        self.args, self.skey = args, skey
        self.state = DuoState(args.state)
        seed = {}
        if args.seed:
            with open(args.seed) as f:
                seed = json.load(f)
        self.state.load_or_seed(seed)
        self.log = []
        self.failures = []  # injected answers: {"status", "times", "method", "path_prefix"}
        self.delays = []  # held answers: {"ms", "times", "method", "path_prefix"}
        self.page_limit = 500
        self.lock = threading.Lock()

    def record(self, entry):
        with self.lock:
            self.log.append(entry)
        if self.args.log:
            with open(self.args.log, "a") as f:
                f.write(json.dumps(entry) + "\n")

    def take(self, rules, method, path):
        """The first rule matching this call with times left (and counts it), or None."""
        with self.lock:
            for rule in rules:
                if rule["times"] <= 0:
                    continue
                if rule.get("method") and rule["method"] != method:
                    continue
                if not path.startswith(rule.get("path_prefix", "")):
                    continue
                rule["times"] -= 1
                return rule
        return None

    def injected(self, method, path):
        rule = self.take(self.failures, method, path)
        return rule["status"] if rule else None

    def delay_after_change(self, method, path):
        rule = self.take(self.delays, method, path)
        if rule:
            time.sleep(rule["ms"] / 1000.0)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fake = None  # set in main

    def log_message(self, *args):
        pass

    def send(self, status, payload):
        body = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.client_gone = True  # the change stands; the log still records the call

    def fail(self, status, code, message, detail=None):
        payload = {"stat": "FAIL", "code": code, "message": message}
        if detail:
            payload["message_detail"] = detail
        self.send(status, payload)
        return status, code

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def do_DELETE(self):
        self.handle_any("DELETE")

    def handle_any(self, method):
        started = time.monotonic()
        split = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.fail(413, 41301, "Request too large")
            return
        body = self.rfile.read(length) if length else b""
        if split.path.startswith("/__fake/"):
            self.control(method, split.path[len("/__fake/"):], body)
            return
        query = urllib.parse.parse_qsl(split.query, keep_blank_values=True)
        self.client_gone = False
        status, code = self.serve_api(method, split.path, query, body)
        self.fake.record({"method": method, "path": split.path, "query": dict(query),
                          "status": status, "code": code, "client_gone": self.client_gone,
                          "ms": round((time.monotonic() - started) * 1000, 2)})

    def serve_api(self, method, path, query, body):
        fake = self.fake
        injected = fake.injected(method, path)
        if injected == 401:
            return self.fail(401, 40103, "Invalid signature in request credentials")
        try:
            verify(method, path, query, body, self.headers, fake.args.host, fake.args.ikey,
                   fake.skey)
        except AuthFailure as failure:
            return self.fail(401, failure.code, failure.message)
        if injected == 429:
            return self.fail(429, 42901, "Too Many Requests")
        if injected:
            return self.fail(injected, injected * 100 + 1, "Injected failure")
        try:
            params = dict(query)
            if method == "POST":
                params = self.body_params(body)
            with fake.state.lock:
                payload = route(fake, method, path, params)
                fake.state.save()
            fake.delay_after_change(method, path)
        except DuoFailure as failure:
            return self.fail(failure.status, failure.code, failure.message, failure.detail)
        self.send(200, dict({"stat": "OK"}, **payload))
        return 200, 0

    def body_params(self, body):
        if not body:
            return {}
        if "application/json" in self.headers.get("Content-Type", ""):
            try:
                parsed = json.loads(body)
            except ValueError:
                raise DuoFailure(400, 40002, "Invalid request parameters", "body")
            if not isinstance(parsed, dict):
                raise DuoFailure(400, 40002, "Invalid request parameters", "body")
            return {k: str(v) for k, v in parsed.items()}
        return dict(urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True))

    def control(self, method, name, body):
        fake = self.fake
        data = json.loads(body) if body else {}
        if method == "GET" and name == "state":
            with fake.state.lock:
                self.send(200, fake.state.summary())
        elif method == "GET" and name == "log":
            with fake.lock:
                self.send(200, {"calls": list(fake.log)})
        elif method == "POST" and name == "fail":
            with fake.lock:
                fake.failures.append(data)
            self.send(200, {})
        elif method == "POST" and name == "delay":
            with fake.lock:
                fake.delays.append(data)
            self.send(200, {})
        elif method == "POST" and name == "page_size":
            fake.page_limit = int(data["limit"])
            self.send(200, {})
        elif method == "POST" and name == "clear_log":
            with fake.lock:
                fake.log.clear()
            self.send(200, {})
        elif method == "POST" and name == "stop":
            self.send(200, {})
            threading.Thread(target=self.server.shutdown, daemon=True).start()
        else:
            self.send(404, {"error": "unknown control call"})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--host", required=True, help="the API host name requests are signed for")
    parser.add_argument("--ikey", required=True)
    parser.add_argument("--skey-env", required=True)
    parser.add_argument("--state")
    parser.add_argument("--seed")
    parser.add_argument("--log")
    args = parser.parse_args()
    skey = os.environ.get(args.skey_env, "")
    if not skey:
        sys.exit(f"fake_duo: {args.skey_env} is not set")
    Handler.fake = Fake(args, skey)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"ready on {server.server_address[1]}", flush=True)
    server.serve_forever()
    server.server_close()


if __name__ == "__main__":
    main()
