// The portal's only way to the server: the documented JSON HTTP API, with session and CSRF.

const SESSION_KEY = 'servicedesk.session';

/** An HTTP answer other than 2xx; `body` is the parsed JSON error when there was one. */
export class ApiError extends Error {
  constructor(status, body) {
    const fieldMessages = body && body.errors && typeof body.errors === 'object'
      ? Object.values(body.errors).flat().join(' ') : '';
    super((body && (body.error || body.message)) || fieldMessages || `The server answered ${status}.`);
    this.status = status;
    this.body = body || {};
  }
}

/** `{user:{username,display_name,roles}, csrf_token}` of the signed-in person, or null. */
export function currentSession() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
  } catch {
    return null;
  }
}

function saveSession(value) {
  if (value) sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
  else sessionStorage.removeItem(SESSION_KEY);
}

/** Whether the signed-in person holds `role`. */
export function hasRole(role) {
  const s = currentSession();
  return Boolean(s && s.user && Array.isArray(s.user.roles) && s.user.roles.includes(role));
}

/** Calls the API; resolves to the parsed JSON (null for 204), rejects with ApiError. */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const session = currentSession();
  if (method !== 'GET' && session && session.csrf_token) {
    headers['X-CSRF-Token'] = session.csrf_token;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { error: 'The service desk cannot be reached. Check your connection and try again.' });
  }
  let data = null;
  const type = response.headers.get('Content-Type') || '';
  if (response.status !== 204 && type.includes('json')) {
    data = await response.json().catch(() => null);
  }
  if (response.status === 401 && path !== '/api/session') {
    saveSession(null);
    window.dispatchEvent(new CustomEvent('session-expired'));
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/**
 * A new tab has no session in sessionStorage but may still hold the session cookie:
 * GET /api/session recovers the user and the CSRF token. Resolves to whether it worked.
 */
export async function restoreSession() {
  try {
    const data = await api('GET', '/api/session');
    if (!data || !data.user) return false;
    saveSession({ user: data.user, csrf_token: data.csrf_token });
    return true;
  } catch {
    return false;
  }
}

/** Signs in; keeps the CSRF token for this browser tab only. */
export async function logIn(username, password) {
  const data = await api('POST', '/api/session', { username, password });
  saveSession({ user: data.user, csrf_token: data.csrf_token });
  return data.user;
}

/** Signs out on the server (best effort) and forgets the session here. */
export async function logOut() {
  try {
    await api('DELETE', '/api/session');
  } finally {
    saveSession(null);
  }
}

/** Encodes one path segment (item ids, request numbers). */
export function seg(value) {
  return encodeURIComponent(String(value));
}
