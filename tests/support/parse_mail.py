#!/usr/bin/python3
"""Parses one RFC 5322 message file with Python's email package and prints it as JSON.

Usage: parse_mail.py FILE
Output: {"headers": {name: [decoded values]}, "body": decoded text, "content_type": ...,
"charset": ..., "transfer_encoding": ..., "defects": [...], "date_ok": bool}
An independent parser, so tests check the formatter against someone else's reading of the RFCs.
"""
import email
import email.policy
import email.utils
import json
import sys


def main():
    with open(sys.argv[1], "rb") as source:
        message = email.message_from_binary_file(source, policy=email.policy.default)
    headers = {}
    for name, value in message.items():
        headers.setdefault(name, []).append(str(value))
    defects = [type(d).__name__ for d in message.defects]
    for value in message.values():
        defects += [type(d).__name__ for d in getattr(value, "defects", [])]
    try:
        email.utils.parsedate_to_datetime(message["Date"])
        date_ok = True
    except (TypeError, ValueError):
        date_ok = False
    print(json.dumps({
        "headers": headers,
        "body": message.get_content(),
        "content_type": message.get_content_type(),
        "charset": message.get_content_charset(),
        "transfer_encoding": message.get("Content-Transfer-Encoding", ""),
        "defects": defects,
        "date_ok": date_ok,
    }))


if __name__ == "__main__":
    main()
