// POST /api/session (log in), GET /api/session (who am I; single sign-on), DELETE (log out).
#include "http/json_io.hpp"
#include "http/proxy_identity.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {
namespace {

nlohmann::json user_json(const Session& session) {
  return {{"username", session.username},
          {"display_name", session.display_name},
          {"roles", session.roles}};
}

void start_session(ApiContext& context, Call& call, const std::string& username,
                   const std::string& refusal) {
  auto session = context.sessions.open(username);
  if (!session) {
    send_error(call.res, 401, refusal);
    return;
  }
  current_trace().user = session->username;
  call.res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + session->id +
                                        "; HttpOnly; SameSite=Strict; Path=/" +
                                        (context.secure_cookies ? "; Secure" : ""));
  send_json(call.res, 200, {{"user", user_json(*session)}, {"csrf_token", session->csrf_token}});
}

void log_in_with_password(ApiContext& context, Call& call) {
  const Identity* identity = context.identity;
  if (identity == nullptr || identity->login == nullptr) {
    send_error(call.res, 503, "Log-in is not configured.");
    return;
  }
  if (identity->mode == AuthMode::trusted_header) {
    send_error(call.res, 403, "This service desk logs you in through the campus single sign-on.");
    return;
  }
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
  const LoginOutcome outcome = identity->login->log_in(*username, *password, call.req.remote_addr);
  switch (outcome.kind) {
    case LoginOutcome::Kind::accepted:
      start_session(context, call, outcome.username, "Wrong username or password.");
      return;
    case LoginOutcome::Kind::throttled:
      call.res.set_header("Retry-After", std::to_string(outcome.retry_after.count()));
      send_error(call.res, 429,
                 "Too many failed log-ins. Try again in " +
                     std::to_string(outcome.retry_after.count()) + " seconds.");
      return;
    case LoginOutcome::Kind::unavailable:
      send_error(call.res, 503, "Passwords cannot be checked right now; try again shortly.");
      return;
    case LoginOutcome::Kind::refused:
      send_error(call.res, 401, "Wrong username or password.");
      return;
  }
}

/// GET /api/session: the session of the cookie; behind the single sign-on proxy, a session for
/// the user it names (so the portal never shows its log-in form).
void current_session(ApiContext& context, Call& call) {
  const std::string id = session_cookie(call.req);
  std::optional<Session> session;
  if (!id.empty()) session = context.sessions.find(id);
  const Identity* identity = context.identity;
  if (identity == nullptr || identity->gate == nullptr) {
    if (!session) {
      send_error(call.res, 401, "Log in first.");
      return;
    }
    current_trace().user = session->username;
    send_json(call.res, 200, {{"user", user_json(*session)}, {"csrf_token", session->csrf_token}});
    return;
  }
  const TrustedIdentity proxied = proxy_identity(*identity->gate, call.req);
  if (!proxied.ok()) {
    send_error(call.res, 401, "Log in through the single sign-on proxy.");
    return;
  }
  if (session && session->username == proxied.username) {
    current_trace().user = session->username;
    send_json(call.res, 200, {{"user", user_json(*session)}, {"csrf_token", session->csrf_token}});
    return;
  }
  if (session) context.sessions.log_out(session->id);  // the proxy now names someone else
  start_session(context, call, proxied.username,
                "The single sign-on user is not a person in this service desk's directory.");
}

}  // namespace

void add_session_routes(Router& router) {
  ApiContext& context = router.context();
  router.post("/api/session", Access::open,
              [&context](Call& call) { log_in_with_password(context, call); });
  router.get("/api/session", Access::open,
             [&context](Call& call) { current_session(context, call); });
  router.del("/api/session", Access::session_csrf, [&context](Call& call) {
    context.sessions.log_out(call.session->id);
    call.res.set_header("Set-Cookie", std::string(kSessionCookie) +
                                          "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0" +
                                          (context.secure_cookies ? "; Secure" : ""));
    call.res.status = 204;
  });
}

}  // namespace servicedesk::host
