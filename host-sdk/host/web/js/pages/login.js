// Article step 1: log in to the IT Service Desk.
import { logIn, currentSession } from '../api.js';
import { h, replace, pageHeading, notice } from '../dom.js';

/** Draws the log-in form; on success goes where the person was heading. */
export async function render(main, _params, { navigate }) {
  if (currentSession()) { navigate('#/'); return; }
  const problem = h('div', { class: 'form-problem' });
  const username = h('input', { id: 'login-username', name: 'username', type: 'text', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const button = h('button', { type: 'submit', class: 'button button-primary' }, 'Log in');
  const form = h('form', { class: 'stack login-form', novalidate: true },
    problem,
    h('div', { class: 'field' }, h('label', { for: 'login-username' }, 'Username'), username),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, 'Password'), password),
    h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!username.value.trim() || !password.value) {
      replace(problem, notice('error', h('p', { text: 'Enter your username and password.' })));
      (username.value.trim() ? password : username).focus();
      return;
    }
    button.disabled = true;
    try {
      await logIn(username.value.trim(), password.value);
      const next = sessionStorage.getItem('servicedesk.next');
      sessionStorage.removeItem('servicedesk.next');
      navigate(next && next !== '#/login' ? next : '#/');
    } catch (error) {
      const text = error.status === 401 ? 'That username and password do not match. Try again.' : error.message;
      replace(problem, notice('error', h('p', { text })));
      password.value = '';
      password.focus();
    } finally {
      button.disabled = false;
    }
  });
  replace(main, h('div', { class: 'narrow' }, pageHeading('Log in to the IT Service Desk'),
    h('p', { text: 'Use your campus username and password.' }), form));
}
