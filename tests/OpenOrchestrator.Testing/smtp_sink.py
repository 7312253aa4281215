"""A real SMTP server for tests (aiosmtpd), listening on 127.0.0.1.

  smtp_sink.py --folder DIR [--port N] [--user U --password P]

Stores every message it accepts as DIR/NNNN.eml and prints, one line each, flushed:
  READY <port>        once listening (--port 0, the default, lets the OS choose)
  RECEIVED <path>     per accepted message
  OK                  per control line read from stdin
Control lines on stdin script failures between sends:
  FAIL DATA <count> <reply>   e.g. FAIL DATA 1 451 4.3.0 try again later
  FAIL RCPT <count> <reply>   e.g. FAIL RCPT 1 550 5.1.1 no such user
With --user and --password it offers AUTH PLAIN and LOGIN without TLS and requires them.
"""

import argparse
import logging
import os
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

OUTPUT = threading.Lock()


def say(line):
    with OUTPUT:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.failures = {"DATA": [], "RCPT": []}
        self.lock = threading.Lock()

    def fail(self, command, count, reply):
        with self.lock:
            self.failures[command].extend([reply] * count)

    def scripted(self, command):
        with self.lock:
            return self.failures[command].pop(0) if self.failures[command] else None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.scripted("RCPT")
        if reply is not None:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        reply = self.scripted("DATA")
        if reply is not None:
            return reply
        with self.lock:
            self.count += 1
            number = self.count
        path = os.path.join(self.folder, f"{number:04d}.eml")
        # Written aside and renamed, so a reader woken by the line never sees half a file.
        with open(path + ".part", "wb") as file:
            file.write(envelope.original_content)
        os.replace(path + ".part", path)
        say(f"RECEIVED {path}")
        return "250 Message accepted for delivery"


class Authenticator:
    def __init__(self, user, password):
        self.user = user
        self.password = password

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == self.user
            and auth_data.password.decode() == self.password
        )
        # handled=False: aiosmtpd then answers 535 itself instead of leaving the client waiting.
        return AuthResult(success=ok, handled=False, auth_data=auth_data)


class AnyPortController(Controller):
    """Learns the port the OS chose before the base class connects to it to start the server."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()
    if (args.user is None) != (args.password is None):
        parser.error("--user and --password go together")

    # AUTH without TLS is the point here (a test server on loopback); say so once, not per session.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    os.makedirs(args.folder, exist_ok=True)
    sink = Sink(args.folder)
    options = {}
    if args.user is not None:
        options = {
            "authenticator": Authenticator(args.user, args.password),
            "auth_required": True,
            "auth_require_tls": False,
        }
    controller = AnyPortController(sink, hostname="127.0.0.1", port=args.port, **options)
    controller.start()
    say(f"READY {controller.port}")

    try:
        for line in sys.stdin:
            parts = line.strip().split(" ", 3)
            if len(parts) == 4 and parts[0] == "FAIL" and parts[1] in sink.failures:
                sink.fail(parts[1], int(parts[2]), parts[3])
                say("OK")
            elif parts != [""]:
                say(f"ERROR unknown control line: {line.strip()}")
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
