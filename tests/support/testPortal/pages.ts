/**
 * HTML and scripts of the test portal. Plain pages with inline scripts (the portal sends no CSP),
 * German text, real labels and large fonts, like the government portals the kiosk shows. The
 * scripts are plain ES2020 strings without template literals, so they read as they run.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const style = `
  body { font-family: sans-serif; font-size: 24px; line-height: 1.5; margin: 0 auto; max-width: 60rem; padding: 1rem 2rem; }
  h1 { font-size: 40px; }
  a { font-size: 28px; }
  label { display: block; font-weight: bold; margin-top: 1rem; }
  input, textarea, button, select { font-size: 24px; min-height: 48px; }
  input, textarea { width: 100%; box-sizing: border-box; }
  button { padding: 0.5rem 1.5rem; margin: 0.5rem 0.5rem 0.5rem 0; }
  /* Pushes the form's first fields into the lower 40 % of the first screen, where an on-screen keyboard covers them. */
  .intro { min-height: 70vh; }
  .offscreen { position: absolute; left: -10000px; top: 0; width: 1px; height: 1px; opacity: 0; }
  pre { white-space: pre-wrap; font-size: 18px; }
`;

/** Posts a report to the portal's server; keepalive so a report sent while the page goes away still arrives. */
const reportFunction = `
function report(body) {
  return fetch('/report', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), keepalive: true });
}
function errorText(e) { return e && e.message ? e.name + ': ' + e.message : String(e); }
function withTimeout(promise, ms, what) {
  return Promise.race([promise, new Promise(function (_, reject) { setTimeout(function () { reject(new Error((what || 'step') + ' timed out after ' + ms + ' ms')); }, ms); })]);
}
`;

export function layout(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
${script === '' ? '' : `<script>\n${reportFunction}\n${script}\n</script>`}
</body>
</html>
`;
}

export function startPage(): string {
  return layout(
    'Testportal',
    `<main>
<h1>Testportal</h1>
<p>Ein örtliches Portal für die Tests des Kiosks.</p>
<ul>
  <li><a id="form-link" href="/form">Formular ausfüllen</a></li>
  <li><a id="write-link" href="/write?canary=CANARY-start">Daten speichern</a></li>
  <li><a id="check-link" href="/check">Gespeicherte Daten prüfen</a></li>
  <li><a id="probe-link" href="/probe">Kiosk-Schnittstellen prüfen</a></li>
  <li><a id="downloads-link" href="/downloads">Downloads</a></li>
  <li><a id="dialogs-link" href="/dialogs">Dialoge</a></li>
  <li><a id="upload-link" href="/upload">Datei hochladen</a></li>
  <li><a id="camera-link" href="/camera">Kamera</a></li>
  <li><a id="link-foreign-link" href="/link-foreign">Links zu fremden Seiten</a></li>
  <li><a id="redirect-foreign-link" href="/redirect-foreign">Weiterleitung zu fremder Seite</a></li>
  <li><a id="redirect-chain-link" href="/redirect-chain">Weiterleitungskette</a></li>
  <li><a id="server-error-link" href="/server-error">Serverfehler</a></li>
  <li><a id="slow-link" href="/slow?ms=3000">Langsame Seite</a></li>
</ul>
</main>`,
  );
}

export function formPage(): string {
  return layout(
    'Antrag',
    `<main>
<h1>Antrag</h1>
<div class="intro" id="intro">
<p>Bitte lesen Sie die folgenden Hinweise, bevor Sie das Formular ausfüllen.</p>
<p>Das Formular steht weiter unten auf der Seite. Eine Bildschirmtastatur, die den unteren Teil
des Bildschirms einnimmt, darf die Felder nicht verdecken.</p>
</div>
<form id="form" method="get" action="/submitted">
  <label for="name">Vor- und Nachname</label>
  <input id="name" name="name" type="text" autocomplete="name">
  <label for="email">E-Mail-Adresse</label>
  <input id="email" name="email" type="email" autocomplete="email">
  <label for="persons">Anzahl der Personen</label>
  <input id="persons" name="persons" type="number" min="1" max="20">
  <label for="message">Ihr Anliegen</label>
  <textarea id="message" name="message" rows="4"></textarea>
  <button id="submit" type="submit">Absenden</button>
</form>
</main>`,
  );
}

export const formFields = ['name', 'email', 'persons', 'message'] as const;
export type FormField = (typeof formFields)[number];

export function submittedPage(values: Readonly<Record<FormField, string>>): string {
  const labels: Record<FormField, string> = { name: 'Name', email: 'E-Mail', persons: 'Personen', message: 'Anliegen' };
  const rows = formFields.map((f) => `<dt>${labels[f]}</dt><dd id="submitted-${f}">${escapeHtml(values[f])}</dd>`).join('\n');
  return layout(
    'Antrag gesendet',
    `<main>\n<h1 id="submitted">Antrag gesendet</h1>\n<dl>\n${rows}\n</dl>\n<p><a href="/form">Zurück zum Formular</a></p>\n</main>`,
  );
}

/** Every place /write stores the canary and /check looks for it. */
export const canaryStores = [
  'cookie',
  'httpCookie',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'cacheStorage',
  'serviceWorker',
  'httpAuth',
  'httpCache',
  'clipboard',
  'field',
] as const;
export type CanaryStore = (typeof canaryStores)[number];

export function writePage(): string {
  return layout(
    'Daten speichern',
    `<main>
<h1>Daten speichern</h1>
<p>Speichert einen Prüfwert in allen Speichern des Browsers.</p>
<label for="keep">Feld, das den Wert behält</label>
<input id="keep" name="keep" type="text">
<button id="write" type="button">Speichern</button>
<p id="status" role="status" aria-live="polite"></p>
<pre id="results"></pre>
<textarea id="clip" class="offscreen" aria-hidden="true" tabindex="-1"></textarea>
</main>`,
    `
var canary = new URLSearchParams(location.search).get('canary') || '';
var busy = false;
document.getElementById('write').addEventListener('click', function () {
  if (busy) return;
  busy = true;
  // Started inside the click handler: clipboard writes need the user activation.
  var clipboard = writeClipboard();
  void writeAll(clipboard).finally(function () { busy = false; });
});

function writeClipboard() {
  var notes = { via: 'api' };
  var attempt = navigator.clipboard && navigator.clipboard.writeText
    ? navigator.clipboard.writeText(canary)
    : Promise.reject(new Error('navigator.clipboard.writeText missing'));
  return attempt.catch(function (e) {
    // The async API needs focus and permission; execCommand works wherever a user gesture is.
    notes.via = 'execCommand (' + errorText(e) + ')';
    var button = document.getElementById('write');
    var area = document.getElementById('clip');
    area.value = canary;
    area.select();
    var ok = document.execCommand('copy');
    area.value = '';
    button.focus();
    if (!ok) throw new Error('execCommand copy refused after ' + errorText(e));
  }).then(function () { return notes.via; });
}

function idbRequest(request) {
  return new Promise(function (resolve, reject) {
    request.onsuccess = function () { resolve(request.result); };
    request.onerror = function () { reject(request.error); };
  });
}

async function writeAll(clipboard) {
  var results = {};
  var errors = {};
  var notes = {};
  document.getElementById('status').textContent = 'schreibt …';
  async function step(name, fn) {
    try {
      var note = await withTimeout(fn(), 8000, name);
      results[name] = true;
      if (typeof note === 'string') notes[name] = note;
    } catch (e) {
      results[name] = false;
      errors[name] = errorText(e);
    }
  }
  await step('clipboard', function () { return clipboard; });
  await step('cookie', async function () {
    document.cookie = 'canary_js=' + encodeURIComponent(canary) + '; path=/; max-age=3600; samesite=lax';
    if (decodeURIComponent(document.cookie).indexOf(canary) < 0) throw new Error('document.cookie does not hold it');
  });
  await step('httpCookie', async function () {
    var r = await fetch('/set-cookie?canary=' + encodeURIComponent(canary));
    if (!r.ok) throw new Error('/set-cookie answered ' + r.status);
    var echo = await (await fetch('/cookie-echo')).text();
    if (decodeURIComponent(echo).indexOf('canary_httponly=' + canary) < 0) throw new Error('cookie not sent back: ' + echo);
  });
  await step('localStorage', async function () { localStorage.setItem('canary', canary); });
  await step('sessionStorage', async function () { sessionStorage.setItem('canary', canary); });
  await step('indexedDB', async function () {
    var open = indexedDB.open('canary-db', 1);
    open.onupgradeneeded = function () { open.result.createObjectStore('canary', { keyPath: 'id' }); };
    var db = await idbRequest(open);
    await new Promise(function (resolve, reject) {
      var tx = db.transaction('canary', 'readwrite');
      tx.objectStore('canary').put({ id: 'canary', value: canary });
      tx.oncomplete = resolve;
      tx.onerror = function () { reject(tx.error); };
      tx.onabort = function () { reject(tx.error || new Error('transaction aborted')); };
    });
    db.close();
  });
  await step('cacheStorage', async function () {
    var cache = await caches.open('canary');
    await cache.put('/cached', new Response(canary));
  });
  await step('serviceWorker', async function () {
    var registration = await navigator.serviceWorker.register('/sw.js?canary=' + encodeURIComponent(canary), { scope: '/' });
    // A browser that blocks service workers may answer with nothing instead of an error; then no worker ever becomes ready.
    if (!registration) throw new Error('service worker registration refused');
    await navigator.serviceWorker.ready;
    // The worker claims its clients on activation; only then does this page's fetch reach it.
    if (!navigator.serviceWorker.controller) {
      await withTimeout(new Promise(function (resolve) { navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }); }), 5000, 'controllerchange');
    }
    var text = await (await fetch('/sw-canary')).text();
    if (text.indexOf(canary) < 0) throw new Error('/sw-canary answered ' + text);
  });
  await step('httpAuth', async function () {
    var status = await new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      // Credentials given to open() are sent after the 401 and then kept in the auth cache for the realm.
      xhr.open('GET', '/auth', true, 'citizen', canary);
      xhr.onload = function () { resolve(xhr.status); };
      xhr.onerror = function () { reject(new Error('XHR /auth failed')); };
      xhr.send();
    });
    if (status !== 200) throw new Error('/auth answered ' + status);
    // Only a cached credential makes this a trace: a later plain request must carry it.
    var probe = await (await fetch('/auth?probe=1')).json();
    if (!probe.authorization) throw new Error('logged in, but the browser did not send the credentials again');
  });
  await step('httpCache', async function () {
    // cache: 'reload' goes to the server and stores the answer, which is cacheable for an hour.
    var r = await fetch('/http-cache', { cache: 'reload', headers: { 'X-Canary': canary } });
    if ((await r.text()) !== canary) throw new Error('/http-cache did not echo it');
    var cached = await fetch('/http-cache', { cache: 'only-if-cached', mode: 'same-origin' });
    if ((await cached.text()) !== canary) throw new Error('not in the HTTP cache');
  });
  await step('field', async function () { document.getElementById('keep').value = canary; });
  document.getElementById('results').textContent = JSON.stringify({ results: results, errors: errors }, null, 2);
  await report({ page: 'write', canary: canary, results: results, errors: errors, notes: notes });
  var done = document.createElement('p');
  done.id = 'written';
  done.textContent = 'geschrieben';
  document.getElementById('status').replaceWith(done);
}
`,
  );
}

/** The service worker /write registers: keeps the canary from its own URL and answers /sw-canary with it. */
export const serviceWorkerScript = `
var canary = new URL(self.location.href).searchParams.get('canary') || '';
self.addEventListener('install', function (event) {
  event.waitUntil(caches.open('sw-canary')
    .then(function (cache) { return cache.put('/sw-canary', new Response(canary)); })
    .then(function () { return self.skipWaiting(); }));
});
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });
self.addEventListener('fetch', function (event) {
  var url = new URL(event.request.url);
  if (url.origin !== self.location.origin || url.pathname !== '/sw-canary') return;
  event.respondWith(caches.open('sw-canary')
    .then(function (cache) { return cache.match('/sw-canary'); })
    .then(function (cached) { return cached || new Response(canary); }));
});
`;

export function checkPage(): string {
  return layout(
    'Daten prüfen',
    `<main>
<h1>Daten prüfen</h1>
<p>Sucht Prüfwerte in allen Speichern des Browsers.</p>
<label for="keep">Feld, das einen Wert behalten könnte</label>
<input id="keep" name="keep" type="text">
<p id="status" role="status" aria-live="polite">prüft …</p>
<pre id="found"></pre>
</main>`,
    `
var canaryPattern = /CANARY-[\\w.:~-]*/g;
var found = {};
var errors = {};
var stores = ${JSON.stringify(canaryStores)};
stores.forEach(function (s) { found[s] = []; });
var readClipboard = new URLSearchParams(location.search).get('clipboard') === '1';

function decode(text) { try { return decodeURIComponent(text); } catch (e) { return text; } }
function idbRequest(request) {
  return new Promise(function (resolve, reject) {
    request.onsuccess = function () { resolve(request.result); };
    request.onerror = function () { reject(request.error); };
  });
}
async function look(name, fn) {
  try {
    var values = await withTimeout(fn(), 5000, name);
    values.forEach(function (value) {
      (decode(String(value)).match(canaryPattern) || []).forEach(function (c) {
        if (found[name].indexOf(c) < 0) found[name].push(c);
      });
    });
  } catch (e) {
    errors[name] = errorText(e);
  }
}
function storageValues(storage) {
  var values = [];
  for (var i = 0; i < storage.length; i++) { var key = storage.key(i); values.push(key, storage.getItem(key)); }
  return values;
}

async function checkAll() {
  var registrations = [];
  await look('cookie', async function () { return [document.cookie]; });
  // What the server receives, HttpOnly cookies included, which document.cookie hides.
  await look('httpCookie', async function () { return [await (await fetch('/cookie-echo')).text()]; });
  await look('localStorage', async function () { return storageValues(localStorage); });
  await look('sessionStorage', async function () { return storageValues(sessionStorage); });
  await look('indexedDB', async function () {
    var values = [];
    // databases() lists without opening: opening a missing database would create one.
    var dbs = await indexedDB.databases();
    for (var d of dbs) {
      values.push(d.name);
      var db = await idbRequest(indexedDB.open(d.name));
      for (var storeName of Array.from(db.objectStoreNames)) {
        var all = await idbRequest(db.transaction(storeName, 'readonly').objectStore(storeName).getAll());
        values.push(JSON.stringify(all));
      }
      db.close();
    }
    return values;
  });
  await look('cacheStorage', async function () {
    // Includes the service worker's own cache 'sw-canary'.
    var values = [];
    for (var name of await caches.keys()) {
      values.push(name);
      var cache = await caches.open(name);
      for (var request of await cache.keys()) {
        var response = await cache.match(request);
        values.push(request.url, response ? await response.text() : '');
      }
    }
    return values;
  });
  await look('serviceWorker', async function () {
    var values = [];
    for (var reg of await navigator.serviceWorker.getRegistrations()) {
      var worker = reg.active || reg.waiting || reg.installing;
      var url = worker ? worker.scriptURL : '(no worker) ' + reg.scope;
      registrations.push(url);
      values.push(url);
    }
    // Without a worker the server answers 404 with a text that holds no canary.
    values.push(await (await fetch('/sw-canary')).text());
    return values;
  });
  await look('httpAuth', async function () {
    var probe = await (await fetch('/auth?probe=1')).json();
    return probe.authorization ? [probe.password || ''] : [];
  });
  await look('httpCache', async function () {
    try {
      return [await (await fetch('/http-cache', { cache: 'only-if-cached', mode: 'same-origin' })).text()];
    } catch (e) {
      return []; // not cached: only-if-cached fails instead of asking the server
    }
  });
  await look('field', async function () { return [document.getElementById('keep').value]; });
  if (readClipboard) {
    await look('clipboard', async function () { return [await withTimeout(navigator.clipboard.readText(), 1500, 'clipboard')]; });
  }
  var body = {
    page: 'check',
    url: location.href,
    found: found,
    errors: errors,
    registrations: registrations,
    historyLength: history.length,
    referrer: document.referrer,
  };
  document.getElementById('found').textContent = JSON.stringify(body, null, 2);
  await report(body);
  var done = document.createElement('p');
  done.id = 'checked';
  done.textContent = 'geprüft';
  document.getElementById('status').replaceWith(done);
}
void checkAll();
`,
  );
}

/** Standard Chromium globals matching /kiosk|bridge|binding|cdp|playwright/i (WebXR). */
export const standardMatchingGlobals: readonly string[] = ['XRWebGLBinding', 'XRGPUBinding'];

export function probePage(): string {
  return layout(
    'Schnittstellen prüfen',
    `<main>
<h1>Schnittstellen prüfen</h1>
<p id="status" role="status">prüft …</p>
<pre id="probe"></pre>
</main>`,
    `
var pattern = /kiosk|bridge|binding|cdp|playwright/i;
// Web platform globals that match the pattern in a plain Chromium; anything else is suspect.
var standard = ${JSON.stringify(standardMatchingGlobals)};
var matching = Object.getOwnPropertyNames(window).filter(function (n) { return pattern.test(n); });
var body = {
  page: 'probe',
  kiosk: typeof window.kiosk,
  kioskBridge: typeof window.__kioskBridge,
  kioskDeliver: typeof window.__kioskDeliver,
  matchingGlobals: matching,
  unexpectedGlobals: matching.filter(function (n) { return standard.indexOf(n) < 0; }),
};
document.getElementById('probe').textContent = JSON.stringify(body, null, 2);
void report(body).then(function () {
  var done = document.createElement('p');
  done.id = 'probed';
  done.textContent = 'geprüft';
  document.getElementById('status').replaceWith(done);
});
`,
  );
}

export function linkForeignPage(foreignOrigin: string): string {
  const landing = `${foreignOrigin}/landing`;
  return layout(
    'Links',
    `<main>
<h1>Links zu anderen Seiten</h1>
<p><a id="foreign-link" href="${escapeHtml(landing)}">Zur fremden Seite</a></p>
<p><a id="foreign-popup" href="${escapeHtml(landing)}" target="_blank">Fremde Seite in neuem Fenster</a></p>
<button id="popup-allowed" type="button">Erlaubte Seite in neuem Fenster</button>
<p id="popup-result" role="status"></p>
</main>`,
    `
document.getElementById('popup-allowed').addEventListener('click', function () {
  var w = window.open('/start', '_blank');
  document.getElementById('popup-result').textContent = w ? 'geöffnet' : 'blockiert';
});
`,
  );
}

export function landingPage(originName: string): string {
  return layout(
    'Fremde Seite',
    `<main>\n<h1 id="landing">Fremde Seite</h1>\n<p>Ursprung: <span id="origin-name">${escapeHtml(originName)}</span></p>\n</main>`,
  );
}

export function downloadsPage(): string {
  return layout(
    'Downloads',
    `<main>
<h1>Downloads</h1>
<p><a id="pdf-link" href="/document.pdf">Antrag als PDF (Antrag.pdf)</a></p>
<p><a id="zip-link" href="/download-zip">Unterlagen als ZIP (Unterlagen.zip)</a></p>
</main>`,
  );
}

export function dialogsPage(): string {
  return layout(
    'Dialoge',
    `<main>
<h1>Dialoge</h1>
<button id="alert" type="button">Hinweis anzeigen</button>
<button id="confirm" type="button">Bestätigen lassen</button>
<button id="prompt" type="button">Eingabe erfragen</button>
<p>Ergebnis: <output id="result"></output></p>
</main>`,
    `
function show(dialog, answer) {
  document.getElementById('result').textContent = dialog + ': ' + String(answer);
  void report({ page: 'dialogs', dialog: dialog, answer: answer });
}
document.getElementById('alert').addEventListener('click', function () { alert('Hinweis aus dem Portal'); show('alert', 'geschlossen'); });
document.getElementById('confirm').addEventListener('click', function () { show('confirm', confirm('Wirklich fortfahren?')); });
document.getElementById('prompt').addEventListener('click', function () { show('prompt', prompt('Ihr Name?', '')); });
`,
  );
}

export function uploadPage(): string {
  return layout(
    'Datei hochladen',
    `<main>
<h1>Datei hochladen</h1>
<form id="upload-form" method="post" action="/uploaded" enctype="multipart/form-data">
  <label for="file">Nachweis auswählen</label>
  <input id="file" name="file" type="file">
  <p>Ausgewählt: <output id="file-name"></output></p>
  <button id="upload" type="submit">Hochladen</button>
</form>
</main>`,
    `
document.getElementById('file').addEventListener('change', function (event) {
  var files = Array.from(event.target.files || []);
  document.getElementById('file-name').textContent = files.map(function (f) { return f.name; }).join(', ');
  void report({ page: 'upload', files: files.map(function (f) { return { name: f.name, size: f.size }; }) });
});
`,
  );
}

export function uploadedPage(bytes: number, fileNames: readonly string[]): string {
  return layout(
    'Hochgeladen',
    `<main>\n<h1 id="uploaded">Hochgeladen</h1>\n<p>${bytes} Bytes empfangen: <span id="uploaded-names">${escapeHtml(fileNames.join(', '))}</span></p>\n</main>`,
  );
}

export function cameraPage(): string {
  return layout(
    'Kamera',
    `<main>
<h1>Kamera</h1>
<button id="camera" type="button">Kamera verwenden</button>
<p>Ergebnis: <output id="camera-result"></output></p>
</main>`,
    `
document.getElementById('camera').addEventListener('click', async function () {
  var result = 'denied';
  var error = '';
  try {
    var stream = await navigator.mediaDevices.getUserMedia({ video: true });
    result = 'granted';
    stream.getTracks().forEach(function (t) { t.stop(); });
  } catch (e) {
    error = errorText(e);
  }
  document.getElementById('camera-result').textContent = result;
  void report({ page: 'camera', result: result, error: error });
});
`,
  );
}

export function serverErrorPage(): string {
  return layout(
    'Dienst nicht verfügbar',
    '<main>\n<h1 id="server-error">Dienst vorübergehend nicht verfügbar</h1>\n<p>Bitte versuchen Sie es später erneut.</p>\n</main>',
  );
}

export function slowPage(ms: number): string {
  return layout('Langsame Seite', `<main>\n<h1 id="slow">Langsame Seite</h1>\n<p>Nach ${ms} ms geantwortet.</p>\n</main>`);
}

export function notFoundPage(path: string): string {
  return layout('Nicht gefunden', `<main>\n<h1>Seite nicht gefunden</h1>\n<p>${escapeHtml(path)}</p>\n</main>`);
}
