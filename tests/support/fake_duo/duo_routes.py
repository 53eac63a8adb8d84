"""The Admin API endpoints the fake serves: users, their phones, phones."""
import re

from duo_state import missing, normalize_number, not_found

USER = r"/admin/v1/users/(DU[0-9A-Z]{18})"
PHONE = r"/admin/v1/phones/(DP[0-9A-Z]{18})"


def paged(fake, items, params):
    try:
        limit = min(int(params.get("limit", 100)), fake.page_limit)
        offset = int(params.get("offset", 0))
    except ValueError:
        raise missing("limit")
    limit = max(limit, 1)
    page = items[offset:offset + limit]
    metadata = {"total_objects": len(items)}
    if offset + limit < len(items):
        metadata["next_offset"] = offset + limit
    if offset > 0:
        metadata["prev_offset"] = max(offset - limit, 0)
    return {"response": page, "metadata": metadata}


def route(fake, method, path, params):
    state = fake.state
    if method == "GET" and path == "/admin/v1/users":
        name = params.get("username", "").lower()
        found = [state.user_json(u) for u in state.users.values()
                 if not name or u["username"].lower() == name]
        return {"response": found}
    if m := re.fullmatch(USER, path):
        if method == "GET":
            return {"response": state.user_json(state.user(m[1]))}
    if m := re.fullmatch(USER + "/phones", path):
        user = state.user(m[1])
        if method == "GET":
            return paged(fake, [state.phone_json(p) for p in user["phones"]], params)
        if method == "POST":
            if not params.get("phone_id"):
                raise missing("phone_id")
            state.phone(params["phone_id"])
            if params["phone_id"] not in user["phones"]:
                user["phones"].append(params["phone_id"])
            return {"response": ""}
    if m := re.fullmatch(USER + "/phones/" + PHONE[len("/admin/v1/phones/"):], path):
        if method == "DELETE":
            user = state.user(m[1])
            if m[2] in user["phones"]:
                user["phones"].remove(m[2])
            return {"response": ""}
    if path == "/admin/v1/phones":
        if method == "GET":
            if "number" in params:

                phone = state.find_phone(normalize_number(params["number"]),
                                         params.get("extension", ""))
                return {"response": [state.phone_json(phone["phone_id"])] if phone else []}
            return paged(fake, [state.phone_json(p) for p in state.phones], params)
        if method == "POST":
            phone = state.create_phone(params)
            return {"response": state.phone_json(phone["phone_id"])}
    if m := re.fullmatch(PHONE, path):
        if method == "GET":
            return {"response": state.phone_json(m[1])}
        if method == "DELETE":
            if m[1] in state.phones:
                for user in state.holders(m[1]):
                    user["phones"].remove(m[1])
                del state.phones[m[1]]
            return {"response": ""}
        if method == "POST":
            phone = state.phone(m[1])
            for key in ("name", "extension", "predelay", "postdelay"):
                if key in params:
                    phone[key] = params[key]
            return {"response": state.phone_json(m[1])}
    raise not_found()
