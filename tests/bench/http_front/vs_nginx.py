#!/usr/bin/env python3
"""HTTP front benchmark: servicedesk-host's directory search side by side with nginx.

Starts the host (a given binary, a given directory file) and nginx (Debian's nginx-light,
its own temporary config) on free 127.0.0.1 ports; nginx serves a static file the size of
the search answer. Both get the same wrk load in turns (16 connections, several short runs,
medians). Then 2,000 idle keep-alive connections are opened to the host and the search load
runs again; the host's peak memory (VmHWM, from after the log-in) is read at the end. Prints a Markdown table.
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port}")


def log_in(port, username):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/session",
        data=json.dumps({"username": username, "password": "demo"}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.headers["Set-Cookie"].split(";")[0]


def fetch(port, path, cookie):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.read()


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(text):
    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")

    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses: (\d+)",
                    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"):
        match = re.search(pattern, text)
        if match:
            errors += sum(int(g) for g in match.groups())
    done = re.search(r"(\d+) requests in", text)
    return {"rps": float(rps.group(1)) if rps else 0.0, "p50": latency(50), "p99": latency(99),
            "errors": errors, "requests": int(done.group(1)) if done else 0}


def wrk(url, cookie, seconds, connections):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "2s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def median(runs, key):
    return statistics.median(run[key] for run in runs)


def reset_peak(pid):
    """Starts VmHWM afresh (Linux: clear_refs 5), so the peak measured is the load's own."""
    with open(f"/proc/{pid}/clear_refs", "w") as out:
        out.write("5")


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def hold_idle(port, count, wait=5.0):
    """Opens `count` keep-alive connections, each asking once, then left idle; how many were
    answered within `wait` seconds."""
    import selectors
    held = []
    selector = selectors.DefaultSelector()
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: idle\r\n\r\n")
        s.setblocking(False)
        selector.register(s, selectors.EVENT_READ)
        held.append(s)
    answered = 0
    deadline = time.time() + wait
    while answered < count and time.time() < deadline:
        for key, _ in selector.select(timeout=max(0.0, deadline - time.time())):
            selector.unregister(key.fileobj)
            try:
                if key.fileobj.recv(4096).startswith(b"HTTP/1.1 200"):
                    answered += 1
            except OSError:
                pass
    selector.close()
    return held, answered


NGINX_CONF = """
worker_processes auto;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path {prefix}/body;
  proxy_temp_path {prefix}/proxy;
  fastcgi_temp_path {prefix}/fastcgi;
  uwsgi_temp_path {prefix}/uwsgi;
  scgi_temp_path {prefix}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {prefix}/www;
    location / {{ default_type application/json; }}
  }}
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host-bin", required=True)
    parser.add_argument("--directory", required=True, help="directory CSV (e.g. servicedesk-load's)")
    parser.add_argument("--catalog-dir", required=True)
    parser.add_argument("--user", default="loadditc00")
    parser.add_argument("--query", default="/api/directory/search?kind=any&q=Smi")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--idle", type=int, default=2000)
    parser.add_argument("--host-config", default="", help="YAML lines appended to the host config")
    parser.add_argument("--label", default="host")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="servicedesk-vs-nginx-")
    processes = []
    try:
        host_port, nginx_port = free_port(), free_port()
        config = os.path.join(work, "host.yaml")
        with open(config, "w") as out:
            out.write(f"directory_file: {args.directory}\n{args.host_config}\n")
        host = subprocess.Popen(
            [args.host_bin, "serve", "--listen", f"127.0.0.1:{host_port}", "--data-dir",
             os.path.join(work, "data"), "--catalog-dir", args.catalog_dir, "--config", config],
            stdout=open(os.path.join(work, "host.log"), "w"), stderr=subprocess.STDOUT)
        processes.append(host)
        wait_port(host_port)
        cookie = log_in(host_port, args.user)
        # A password check holds 64 MiB for a moment (Argon2id, libsodium's interactive cost),
        # by design; the memory figure is about connections and the directory, so it starts here.
        reset_peak(host.pid)
        answer = fetch(host_port, args.query, cookie)

        os.makedirs(os.path.join(work, "www"))
        with open(os.path.join(work, "www", "search.json"), "wb") as out:
            out.write(answer)
        # nginx's workers run as www-data: they must reach the file.
        os.chmod(work, 0o755)
        os.chmod(os.path.join(work, "www"), 0o755)
        os.chmod(os.path.join(work, "www", "search.json"), 0o644)
        with open(os.path.join(work, "nginx.conf"), "w") as out:
            out.write(NGINX_CONF.format(prefix=work, port=nginx_port))
        nginx = subprocess.Popen(["nginx", "-p", work, "-c", os.path.join(work, "nginx.conf"),
                                  "-g", "daemon off;"], stderr=subprocess.DEVNULL)
        processes.append(nginx)
        wait_port(nginx_port)

        host_url = f"http://127.0.0.1:{host_port}{args.query}"
        nginx_url = f"http://127.0.0.1:{nginx_port}/search.json"
        wrk(host_url, cookie, 1, 16)  # warm-up
        wrk(nginx_url, None, 1, 16)
        host_runs, nginx_runs = [], []
        for _ in range(args.runs):
            host_runs.append(wrk(host_url, cookie, args.seconds, 16))
            nginx_runs.append(wrk(nginx_url, None, args.seconds, 16))

        held, answered = hold_idle(host_port, args.idle)
        idle_runs = [wrk(host_url, cookie, args.seconds, 16) for _ in range(max(1, args.runs // 2))]
        peak = peak_kib(host.pid)
        for s in held:
            s.close()

        h = {k: median(host_runs, k) for k in ("rps", "p50", "p99")}
        n = {k: median(nginx_runs, k) for k in ("rps", "p50", "p99")}
        idle_rps = median(idle_runs, "rps")
        idle_requests = sum(run["requests"] for run in idle_runs)
        idle_errors = sum(run["errors"] for run in idle_runs)
        print(f"\n{args.label}: answer {len(answer)} bytes; {args.runs} runs of {args.seconds} s, "
              f"16 connections, medians")
        print("| figure | host | nginx | host / nginx | target |")
        print("| --- | --- | --- | --- | --- |")
        print(f"| search requests/s | {h['rps']:.0f} | {n['rps']:.0f} | {h['rps'] / n['rps']:.2f}x | >= 0.5x |")
        print(f"| search p50 | {h['p50']:.2f} ms | {n['p50']:.2f} ms | {h['p50'] / n['p50']:.2f}x | <= 2x |")
        print(f"| search p99 | {h['p99']:.2f} ms | {n['p99']:.2f} ms | {h['p99'] / n['p99']:.2f}x | <= 1.5x |")
        print(f"| search errors (all runs) | {sum(r['errors'] for r in host_runs)} | "
              f"{sum(r['errors'] for r in nginx_runs)} | | 0 |")
        print(f"| idle keep-alive connections answered once | {answered} of {args.idle} | | | all |")
        print(f"| search with {args.idle} idle: requests/s | {idle_rps:.0f} "
              f"({idle_requests} answered, {idle_errors} errors) | | "
              f"{idle_rps / h['rps'] if h['rps'] else 0:.2f}x of without | >= 0.8x |")
        print(f"| host peak memory (VmHWM) from log-in to the end of the idle phase | {peak / 1024:.1f} MiB | | | <= 150 MB |")
        sys.stdout.flush()
        return 0
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
