"""Checks Duo Admin API request signatures (v2 and v5) the way Duo's service does.

Written from the project's notes on the protocol (canonical strings, percent-encoding,
HMAC over the canonical string, the Authorization header, the Date window).
"""
import base64
import email.utils
import hashlib
import hmac
import time
import urllib.parse

CLOCK_WINDOW_SECONDS = 300


class AuthFailure(Exception):
    """A 401 answer: Duo's code and message."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def encode(text):
    return urllib.parse.quote(text.encode("utf-8"), safe="~")


def canonical_params(pairs):
    encoded = sorted((encode(k), encode(v)) for k, v in pairs)
    return "&".join(f"{k}={v}" for k, v in encoded)


def x_duo_hash(headers):
    pairs = sorted((name.lower(), value) for name, value in headers.items()
                   if name.lower().startswith("x-duo"))
    joined = "\x00".join(f"{name}\x00{value}" for name, value in pairs)
    return hashlib.sha512(joined.encode("utf-8")).hexdigest()


def canonical_v5(date, method, host, path, query_pairs, body, headers):
    return "\n".join([date, method.upper(), host.lower(), path, canonical_params(query_pairs),
                      hashlib.sha512(body).hexdigest(), x_duo_hash(headers)])


def canonical_v2(date, method, host, path, param_pairs):
    return "\n".join([date, method.upper(), host.lower(), path, canonical_params(param_pairs)])


def request_date(headers):
    date = headers.get("X-Duo-Date") or headers.get("Date")
    if not date:
        raise AuthFailure(40105, "Missing request timestamp")
    try:
        when = email.utils.parsedate_to_datetime(date).timestamp()
    except (TypeError, ValueError):
        raise AuthFailure(40105, "Missing request timestamp")
    if abs(when - time.time()) > CLOCK_WINDOW_SECONDS:
        raise AuthFailure(40105, "Request timestamp is outside the allowed window")
    return date


def credentials(headers):
    value = headers.get("Authorization", "")
    if not value.startswith("Basic "):
        raise AuthFailure(40101, "Missing request credentials")
    try:
        decoded = base64.b64decode(value[6:], validate=True).decode("ascii")
        ikey, signature = decoded.split(":", 1)
    except (ValueError, UnicodeDecodeError):
        raise AuthFailure(40101, "Missing request credentials")
    return ikey, signature


def verify(method, path, query_pairs, body, headers, host, ikey, skey):
    """Raises AuthFailure unless the request is signed for `host` with `ikey`/`skey`.

    Accepts v5 (HMAC-SHA512; JSON body for POST) and v2 (HMAC-SHA1 or HMAC-SHA512 over the
    query or form parameters), as Duo does. Returns the version that matched.
    """
    given_ikey, signature = credentials(headers)
    if given_ikey != ikey:
        raise AuthFailure(40102, "Invalid integration key in request credentials")
    date = request_date(headers)
    key = skey.encode("utf-8")
    v5 = canonical_v5(date, method, host, path, query_pairs, body, headers)
    expected = hmac.new(key, v5.encode("utf-8"), hashlib.sha512).hexdigest()
    if hmac.compare_digest(expected, signature):
        return 5
    is_form = "application/x-www-form-urlencoded" in headers.get("Content-Type", "")
    if method in ("GET", "DELETE") or is_form:
        params = query_pairs
        if is_form:
            params = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        v2 = canonical_v2(date, method, host, path, params).encode("utf-8")
        digest = hashlib.sha1 if len(signature) == 40 else hashlib.sha512
        if hmac.compare_digest(hmac.new(key, v2, digest).hexdigest(), signature):
            return 2
    raise AuthFailure(40103, "Invalid signature in request credentials")
