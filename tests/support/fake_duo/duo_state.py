"""The fake Duo tenant's state: users and phones (many to many), kept in a JSON file."""
import hashlib
import json
import os
import re
import threading


class DuoFailure(Exception):
    """A non-2xx answer in Duo's error envelope."""

    def __init__(self, status, code, message, detail=None):
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


def not_found():
    return DuoFailure(404, 40401, "Resource not found")


def invalid(detail):
    return DuoFailure(400, 40002, "Invalid request parameters", detail)


def missing(detail):
    return DuoFailure(400, 40001, "Missing required request parameters", detail)


PHONE_TYPES = {"unknown": "Unknown", "mobile": "Mobile", "landline": "Landline"}
PLATFORMS = ["unknown", "google android", "apple ios", "windows phone", "rim blackberry",
             "java j2me", "palm webos", "symbian os", "windows mobile", "generic smartphone"]


def normalize_number(text):
    digits = re.sub(r"[\s\-().]", "", text)
    if not digits.startswith("+"):
        digits = "+1" + digits
    if not re.fullmatch(r"\+[0-9]{7,15}", digits):
        raise invalid("number")
    return digits


class DuoState:
    def __init__(self, path=None):
        self.lock = threading.RLock()
        self.path = path
        self.users = {}   # user_id -> {"user_id", "username", "realname", "phones": [phone_id]}
        self.phones = {}  # phone_id -> phone fields (no users: derived)
        self.counter = 0

    # ---- persistence ----
    def load_or_seed(self, seed):
        if self.path and os.path.exists(self.path):
            with open(self.path) as f:
                data = json.load(f)
            self.users, self.phones, self.counter = data["users"], data["phones"], data["counter"]
            return
        for username, numbers in seed.get("users", {}).items():
            user = self.create_user(username)
            for number in numbers:
                phone = self.find_phone(number) or self.create_phone({"number": number,
                                                                       "type": "mobile"})
                user["phones"].append(phone["phone_id"])
        self.save()

    def save(self):
        if not self.path:
            return
        temporary = self.path + ".tmp"
        with open(temporary, "w") as f:
            json.dump({"users": self.users, "phones": self.phones, "counter": self.counter}, f)
        os.replace(temporary, self.path)

    # ---- objects ----
    def new_id(self, prefix):
        self.counter += 1
        digest = hashlib.sha256(f"{prefix}{self.counter}".encode()).hexdigest().upper()
        return prefix + "".join(c for c in digest if c.isalnum())[:18]

    def create_user(self, username):
        user = {"user_id": self.new_id("DU"), "username": username, "realname": username,
                "phones": []}
        self.users[user["user_id"]] = user
        return user

    def find_phone(self, number, extension=""):
        for phone in self.phones.values():
            if phone["number"] == number and phone["extension"] == extension:
                return phone
        return None

    def create_phone(self, params):
        number = normalize_number(params["number"]) if params.get("number") else ""
        extension = params.get("extension", "")
        kind = params.get("type", "unknown").lower()
        platform = params.get("platform", "unknown").lower()
        if kind not in PHONE_TYPES:
            raise invalid("type")
        if platform not in PLATFORMS:
            raise invalid("platform")
        if number and self.find_phone(number, extension):
            raise invalid("number")
        phone = {"phone_id": self.new_id("DP"), "number": number, "extension": extension,
                 "name": params.get("name", ""), "type": PHONE_TYPES[kind],
                 "platform": platform.title(), "activated": False, "capabilities": [],
                 "predelay": None, "postdelay": None}
        self.phones[phone["phone_id"]] = phone
        return phone

    def user(self, user_id):
        if user_id not in self.users:
            raise not_found()
        return self.users[user_id]

    def phone(self, phone_id):
        if phone_id not in self.phones:
            raise not_found()
        return self.phones[phone_id]

    def holders(self, phone_id):
        return [u for u in self.users.values() if phone_id in u["phones"]]

    def phone_json(self, phone_id):
        body = dict(self.phone(phone_id))
        body["users"] = [{"user_id": u["user_id"], "username": u["username"],
                          "realname": u["realname"]} for u in self.holders(phone_id)]
        return body

    def user_json(self, user):
        body = {k: v for k, v in user.items() if k != "phones"}
        body.update({"email": "", "status": "active", "is_enrolled": bool(user["phones"]),
                     "phones": [dict(self.phones[p]) for p in user["phones"]]})
        return body

    def summary(self):
        """Usernames with their numbers, and numbers with their usernames (for tests)."""
        users = {u["username"]: sorted(self.phones[p]["number"] for p in u["phones"])
                 for u in self.users.values()}
        phones = {p["number"]: sorted(u["username"] for u in self.holders(p["phone_id"]))
                  for p in self.phones.values()}
        return {"users": users, "phones": phones}
