// POST /api/session (log in) and DELETE /api/session (log out).
#include "http/json_io.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {
namespace {

nlohmann::json user_json(const Session& session) {
  return {{"username", session.username},
          {"display_name", session.display_name},
          {"roles", session.roles}};
}

}  // namespace

void add_session_routes(Router& router) {
  ApiContext& context = router.context();

  router.post("/api/session", Access::open, [&context](Call& call) {
    auto body = read_object(call.req, call.res, {"username", "password"});
    if (!body) return;
    bool bad = false;
    auto username = string_member(*body, "username", 256, call.res, bad);
    if (bad) return;
    auto password = string_member(*body, "password", 1024, call.res, bad);
    if (bad) return;
    if (!username || !password) {
      send_error(call.res, 400, "Send \"username\" and \"password\".");
      return;
    }
    auto session = context.sessions.log_in(*username, *password);
    if (!session) {
      send_error(call.res, 401, "Wrong username or password.");
      return;
    }
    current_trace().user = session->username;
    call.res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + session->id +
                                          "; HttpOnly; SameSite=Strict; Path=/" +
                                          (context.secure_cookies ? "; Secure" : ""));
    send_json(call.res, 200, {{"user", user_json(*session)}, {"csrf_token", session->csrf_token}});
  });

  router.get("/api/session", Access::session, [](Call& call) {
    send_json(call.res, 200,
              {{"user", user_json(*call.session)}, {"csrf_token", call.session->csrf_token}});
  });

  router.del("/api/session", Access::session_csrf, [&context](Call& call) {
    context.sessions.log_out(call.session->id);
    call.res.set_header("Set-Cookie", std::string(kSessionCookie) +
                                          "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0" +
                                          (context.secure_cookies ? "; Secure" : ""));
    call.res.status = 204;
  });
}

}  // namespace servicedesk::host
