// 依申请公开: check the status of an application (tracking number + query code) and apply online.
// Requests: POST /api/disclosure/applications/status, POST /api/disclosure/applications, and
// GET /api/organizations for the organization an application is addressed to.
import { get, post } from './api.js';
import { mountChrome } from './chrome.js';
import { isEn, locale, localizedMessage, pick, t } from './i18n.js';
import {
  APPLICANT_TYPE_LABELS,
  APPLICATION_STATE_LABELS,
  DELIVERY_METHOD_LABELS,
  ID_TYPE_LABELS,
  ORGANIZATION_ID_TYPES,
  PERSONAL_ID_TYPES,
  PREFERRED_FORM_LABELS,
} from './labels.js';
import { breadcrumbs, describeError, errorBox, facts, h, setTitle, time } from './ui.js';

const main = mountChrome('apply');
setTitle(t('applications'));

/** A form field with its label, hint and error slot; the control is described by both. */
function field(name, label, control, { required = false, hint } = {}) {
  const hintId = hint ? `${name}-hint` : null;
  const errorId = `${name}-error`;
  control.id = name;
  control.name = name;
  if (required) control.required = true;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h(
    'div',
    { class: 'field', 'data-field': name },
    h('label', { for: name }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId }),
    control,
  );
}

const options = (labels, codes = Object.keys(labels), placeholder = null) => [
  placeholder !== null ? h('option', { value: '' }, placeholder) : null,
  ...codes.map((code) => h('option', { value: code }, pick(labels[code]))),
];

/** Shows the problems: one message per field (aria-invalid), and a summary with links at the top of the form. */
function showProblems(form, summary, problems) {
  form.querySelectorAll('.field-error').forEach((e) => (e.textContent = ''));
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  if (!problems.length) {
    summary.replaceChildren();
    return;
  }
  const items = [];
  for (const p of problems) {
    const name = p.path?.[0];
    const control = name ? form.querySelector(`[name="${CSS.escape(name)}"]`) : null;
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      const slot = form.querySelector(`#${CSS.escape(name)}-error`);
      if (slot) slot.textContent = slot.textContent ? `${slot.textContent} ${p.message}` : p.message;
      items.push(h('li', {}, h('a', { href: `#${name}` }, p.message)));
    } else items.push(h('li', {}, p.message));
  }
  summary.replaceChildren(
    h(
      'div',
      { class: 'alert alert-error', role: 'alert', tabindex: '-1', 'data-error-kind': 'badRequest' },
      h('p', { class: 'alert-title' }, t('fixErrors')),
      h('ul', {}, items),
    ),
  );
  summary.firstChild.focus();
}

/**
 * A server message in the page's language. The app's write rules word it "中文 (English)" (src/validation/messages.ts),
 * the plugin's filing checks "English (中文)" (localizedMessage handles those).
 */
function problemMessage(message, loc = locale) {
  const text = String(message ?? '');
  const m = /^([\u3400-\u9fff\uff08\u300c\u201c].*?)\s\(([^\u3400-\u9fff]*\S.*)\)$/s.exec(text);
  if (m) return loc === 'en' ? m[2] : m[1];
  return localizedMessage(text, loc);
}

/** The problems of a 400 answer (Strapi ValidationError details), or one general problem. */
const problemsOf = (error) =>
  error.details?.errors?.length
    ? error.details.errors.map((e) => ({ path: e.path, message: problemMessage(e.message) }))
    : [{ path: [], message: describeError(error).detail }];

/** Required fields left empty, found before anything is sent. */
function missingRequired(form) {
  return [...form.querySelectorAll('[required]')]
    .filter((c) => !String(c.value).trim())
    .map((c) => ({
      path: [c.name],
      message: t('pleaseFill', {
        field: form.querySelector(`label[for="${c.id}"]`)?.firstChild?.textContent ?? c.name,
      }),
    }));
}

async function submitWith(form, summary, button, busyLabel, send) {
  const problems = missingRequired(form);
  if (problems.length) return showProblems(form, summary, problems);
  showProblems(form, summary, []);
  const label = button.textContent;
  button.disabled = true;
  button.textContent = busyLabel;
  try {
    await send();
  } catch (error) {
    if (error.kind === 'badRequest') showProblems(form, summary, problemsOf(error));
    else throw error;
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

// ---- Status check ----
const statusResult = h('div', { class: 'status-result', 'aria-live': 'polite' });
const statusSummary = h('div', {});
const statusButton = h('button', { type: 'submit', class: 'button button-primary' }, t('check'));
const statusForm = h(
  'form',
  { class: 'stack-form', id: 'status-form', novalidate: true },
  statusSummary,
  field(
    'trackingNumber',
    t('trackingNumber'),
    h('input', {
      type: 'text',
      autocomplete: 'off',
      maxlength: '64',
      spellcheck: 'false',
      autocapitalize: 'characters',
    }),
    { required: true },
  ),
  field(
    'queryCode',
    t('queryCode'),
    h('input', { type: 'text', autocomplete: 'off', maxlength: '64', spellcheck: 'false' }),
    { required: true },
  ),
  h('div', { class: 'actions' }, statusButton),
);

statusForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  statusResult.replaceChildren();
  const data = Object.fromEntries([...new FormData(statusForm)].map(([k, v]) => [k, String(v).trim()]));
  try {
    await submitWith(statusForm, statusSummary, statusButton, t('loading'), async () => {
      const { data: s } = await post('disclosure/applications/status', {
        trackingNumber: data.trackingNumber,
        queryCode: data.queryCode,
      });
      const heading = h('h3', { tabindex: '-1' }, t('statusResult'));
      statusResult.replaceChildren(
        h(
          'div',
          { class: 'result-card' },
          heading,
          facts(
            [
              [t('trackingNumber'), s.trackingNumber],
              [
                t('state'),
                (isEn ? pick(APPLICATION_STATE_LABELS[s.state]) : s.stateLabel) ||
                  pick(APPLICATION_STATE_LABELS[s.state]) ||
                  s.state,
              ],
              [t('receivedOn'), time(s.receivedOn)],
              [t('dueOn'), s.dueOn ? time(s.dueOn) : null],
              [t('concludedOn'), s.concludedOn ? time(s.concludedOn) : null],
              [t('outcome'), s.outcome?.label ?? null],
            ],
            { 'data-status': s.state },
          ),
        ),
      );
      heading.focus();
    });
  } catch (error) {
    // 404 answers the same for an unknown number and a wrong code: say so plainly.
    statusResult.replaceChildren(
      error.kind === 'notFound'
        ? h(
            'div',
            { class: 'alert alert-error', role: 'alert', 'data-error-kind': 'notFound' },
            h('p', { class: 'alert-title' }, t('statusNotFound')),
          )
        : errorBox(error),
    );
  }
});

// ---- Online application ----
const applyResult = h('div', { class: 'apply-result', 'aria-live': 'polite' });
const applySummary = h('div', {});
const applyButton = h('button', { type: 'submit', class: 'button button-primary' }, t('submit'));
const orgSelect = h('select', {}, h('option', { value: '' }, t('loading')));
const typeSelect = h('select', {}, options(APPLICANT_TYPE_LABELS));
const idTypeSelect = h('select', {});
const fillIdTypes = () => {
  const keep = idTypeSelect.value;
  const codes = typeSelect.value === 'naturalPerson' ? PERSONAL_ID_TYPES : ORGANIZATION_ID_TYPES;
  idTypeSelect.replaceChildren(...options(ID_TYPE_LABELS, codes));
  if (codes.includes(keep)) idTypeSelect.value = keep;
};
typeSelect.addEventListener('change', fillIdTypes);
fillIdTypes();

const applyForm = h(
  'form',
  { class: 'stack-form', id: 'apply-form', novalidate: true },
  applySummary,
  h('p', { class: 'muted' }, t('requiredNote')),
  h(
    'fieldset',
    {},
    h('legend', {}, t('applicantSection')),
    field('applicantType', t('applicantType'), typeSelect, { required: true }),
    field('applicantName', t('applicantName'), h('input', { type: 'text', maxlength: '100', autocomplete: 'name' }), {
      required: true,
    }),
    field('idType', t('idType'), idTypeSelect, { required: true }),
    field(
      'idNumber',
      t('idNumber'),
      h('input', { type: 'text', maxlength: '40', autocomplete: 'off', spellcheck: 'false' }),
      { required: true },
    ),
    field('contactPerson', t('contactPerson'), h('input', { type: 'text', maxlength: '100' }), {
      hint: t('contactPersonHint'),
    }),
    field('phone', t('phone'), h('input', { type: 'tel', maxlength: '30', autocomplete: 'tel' }), { required: true }),
    field('email', t('email'), h('input', { type: 'email', maxlength: '200', autocomplete: 'email' })),
    field('address', t('address'), h('input', { type: 'text', maxlength: '300', autocomplete: 'street-address' })),
    field(
      'postalCode',
      t('postalCode'),
      h('input', { type: 'text', inputmode: 'numeric', maxlength: '6', autocomplete: 'postal-code' }),
    ),
  ),
  h(
    'fieldset',
    {},
    h('legend', {}, t('requestSection')),
    field('organization', t('requestOrganization'), orgSelect, { required: true }),
    field('requestedInformation', t('requestedInformation'), h('textarea', { rows: '5', maxlength: '5000' }), {
      required: true,
      hint: t('requestedHint'),
    }),
    field('preferredForm', t('preferredForm'), h('select', {}, options(PREFERRED_FORM_LABELS)), { required: true }),
    field('deliveryMethod', t('deliveryMethod'), h('select', {}, options(DELIVERY_METHOD_LABELS)), { required: true }),
  ),
  h('div', { class: 'actions' }, applyButton),
);

get('organizations', {
  fields: ['name'],
  sort: ['displayOrder:asc', 'name:asc'],
  pagination: { page: 1, pageSize: 100 },
  locale,
})
  .then(({ data }) => {
    orgSelect.replaceChildren(
      h('option', { value: '' }, t('chooseOrganization')),
      ...data.map((o) => h('option', { value: o.documentId }, o.name)),
    );
    if (data.length === 1) orgSelect.value = data[0].documentId;
  })
  .catch((error) => {
    orgSelect.replaceChildren(h('option', { value: '' }, '—'));
    orgSelect.closest('.field').append(errorBox(error));
  });

applyForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  applyResult.replaceChildren();
  const data = {};
  for (const [k, v] of new FormData(applyForm)) if (String(v).trim() !== '') data[k] = String(v).trim();
  try {
    await submitWith(applyForm, applySummary, applyButton, t('submitting'), async () => {
      const organizationName = orgSelect.selectedOptions[0]?.textContent ?? '';
      const { data: filed } = await post('disclosure/applications', { data });
      const heading = h('h3', { tabindex: '-1' }, t('receiptTitle'));
      applyResult.replaceChildren(receipt(filed, organizationName, heading));
      document.body.classList.add('has-receipt');
      applyForm.reset();
      fillIdTypes();
      heading.focus();
    });
  } catch (error) {
    applyResult.replaceChildren(errorBox(error));
  }
});

main.append(
  breadcrumbs([t('govAffairs'), null], [t('applications')]),
  h('h1', {}, t('applications')),
  h('p', { class: 'lead' }, t('applyIntro')),
  h(
    'section',
    { class: 'panel', 'aria-labelledby': 'status-heading' },
    h('h2', { id: 'status-heading' }, t('statusTitle')),
    statusForm,
    statusResult,
  ),
  h(
    'section',
    { class: 'panel receipt-host', 'aria-labelledby': 'apply-heading' },
    h('h2', { id: 'apply-heading' }, t('applyTitle')),
    applyForm,
    applyResult,
  ),
);

/**
 * The printable 回执 of a filed application: tracking number, query code (shown only this once), the day received
 * and the statutory due date, marked provisional with the reason when the clock says so (dueOnProvisional).
 */
function receipt(filed, organizationName, heading) {
  const due = filed.dueOn
    ? [time(filed.dueOn), filed.dueOnProvisional ? h('span', { 'data-provisional': '' }, t('provisionalDue')) : null]
    : null;
  return h(
    'div',
    { class: 'result-card alert alert-success receipt', role: 'status', 'data-receipt': '' },
    heading,
    h('p', {}, h('strong', {}, t('appliedKeep'))),
    facts(
      [
        [t('receiptOrganization'), organizationName || null],
        [t('trackingNumber'), h('code', { class: 'secret' }, filed.trackingNumber)],
        [t('queryCode'), h('code', { class: 'secret' }, filed.queryCode)],
        [t('receivedOn'), time(filed.receivedOn)],
        [t('dueOn'), due],
        [t('provisionalReason'), filed.dueOnProvisional && filed.provisionalReason ? filed.provisionalReason : null],
      ],
      { 'data-filed': 'true' },
    ),
    h('p', { class: 'muted' }, t('receiptNote')),
    h(
      'p',
      { class: 'no-print' },
      h('button', { type: 'button', class: 'button button-primary', onclick: () => window.print() }, t('receiptPrint')),
    ),
  );
}
