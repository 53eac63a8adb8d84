#!/usr/bin/python3
"""A real SMTP server for tests: accepts every message and stores each as one file.

Usage: smtp_sink.py PORT FOLDER [USER:PASSWORD]
With USER:PASSWORD the server offers AUTH (PLAIN, LOGIN; without TLS, for tests only) and
refuses mail from clients that did not authenticate with exactly those credentials.
Each accepted message becomes FOLDER/<n>.eml (written to a temporary name, then renamed),
with two leading lines "X-Envelope-From: ..." and "X-Envelope-To: ..." before the message
as received. Prints "ready" once listening on 127.0.0.1:PORT; stops on SIGTERM or SIGINT.
Needs Debian's python3-aiosmtpd (run it with /usr/bin/python3).
"""
import itertools
import logging
import os
import signal
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class FolderHandler:
    def __init__(self, folder):
        self.folder = folder
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            number = next(self.counter)
        name = os.path.join(self.folder, "%06d-%d.eml" % (number, os.getpid()))
        temporary = name + ".tmp"
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        with open(temporary, "wb") as out:
            out.write(b"X-Envelope-From: " + envelope.mail_from.encode() + b"\r\n")
            out.write(b"X-Envelope-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.rename(temporary, name)
        return "250 Message accepted for delivery"


def credentials_checker(expected):
    user, password = expected.split(":", 1)

    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
              and auth_data.password == password.encode())
        return AuthResult(success=ok)

    return check


def main():
    # AUTH without TLS is deliberate here (loopback, tests only): keep the test output quiet.
    warnings.simplefilter("ignore")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    port = int(sys.argv[1])
    folder = sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    options = {}
    if len(sys.argv) > 3:
        options = {"authenticator": credentials_checker(sys.argv[3]), "auth_required": True,
                   "auth_require_tls": False}
    controller = Controller(FolderHandler(folder), hostname="127.0.0.1", port=port,
                            decode_data=False, enable_SMTPUTF8=True, **options)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
