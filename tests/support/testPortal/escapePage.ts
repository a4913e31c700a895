import { layout } from './pages';

/**
 * The test portal's escape page: a hostile website inside the kiosk. The test arms one attack at
 * a time on the server; the page learns it by polling and shows one button over the whole page.
 * The citizen's tap (a real tap through the kiosk, so the page has user activation, as a tricked
 * citizen would give it) runs the attack. The page reports what the browser answered — once when
 * the attack ran, and again a little later if it is still alive (a navigation that worked would
 * have replaced it).
 */

/** Every attack the page knows, by name. */
export const escapeAttacks = [
  'print',
  'open-file-picker',
  'save-file-picker',
  'directory-picker',
  'exit-fullscreen',
  'alert-loop',
  'window-open-storm',
  'navigate-file',
  'navigate-chrome-settings',
  'navigate-view-source',
  'navigate-devtools',
  'navigate-javascript',
  'navigate-data',
  'navigate-blob',
  'navigate-mailto',
  'navigate-tel',
  'navigate-unknown-protocol',
  'download-storm',
  'download-50mb',
  'camera',
  'microphone',
  'notifications',
  'geolocation',
  'clipboard-read',
  'webusb',
  'webhid',
  'webserial',
  'webbluetooth',
  'payment',
  'credentials',
  'local-network',
] as const;
export type EscapeAttack = (typeof escapeAttacks)[number];

export interface EscapeReport {
  readonly page: 'escape';
  readonly origin: 'portal' | 'foreign';
  /** The arming's number, so a late report of an earlier attack is never taken for this one. */
  readonly id: number;
  readonly attack: EscapeAttack;
  /** 'ran': what the browser answered; 'alive': the page is still there after the attack. */
  readonly stage: 'ran' | 'alive';
  readonly outcome: string;
  readonly url: string;
}

/** Size of the download-50mb file: above the 50 MiB the kiosk reads into memory. */
export const bigDownloadBytes = 52 * 1024 * 1024;

export function escapePage(): string {
  return layout(
    'Sicherheitsprüfung',
    `<main>
<button id="go" type="button" style="position:fixed;inset:0;width:100%;height:100%;font-size:48px;margin:0">Weiter</button>
<p id="state" role="status"></p>
</main>`,
    `
var armed = null;
// Each load of the page polls under its own name and says which arming it holds, so the test taps
// only a page that is loaded and armed (not one about to be replaced).
var load = Math.random().toString(36).slice(2);
function poll() {
  fetch('/escape/armed?load=' + load + '&seen=' + (armed ? armed.id : 0), { cache: 'no-store' }).then(function (r) { return r.status === 200 ? r.json() : null; }).then(function (next) {
    if (next && (!armed || next.id !== armed.id)) { armed = next; document.getElementById('state').textContent = next.attack; }
  }).catch(function () {}).finally(function () { setTimeout(poll, 150); });
}
poll();
function outcomeOf(promise) {
  return withTimeout(Promise.resolve(promise), 4000, 'answer').then(function (value) { return 'resolved: ' + (value === undefined || value === null ? String(value) : typeof value === 'object' ? 'object' : String(value)); }, function (e) { return 'rejected: ' + (e && e.name ? e.name : String(e)); });
}
function api(holder, name) { return holder && typeof holder[name] === 'function' ? holder[name].bind(holder) : null; }
// A navigation that works replaces this page, and a report sent after it might never leave: reported before.
var send = null;
function navigateTo(url) { return send('ran', 'navigation asked').then(function () { location.href = url; return null; }); }
var attacks = {
  'print': function () { window.print(); return Promise.resolve('print() returned'); },
  'open-file-picker': function () { var f = api(window, 'showOpenFilePicker'); return f ? outcomeOf(f()) : Promise.resolve('no such API'); },
  'save-file-picker': function () { var f = api(window, 'showSaveFilePicker'); return f ? outcomeOf(f()) : Promise.resolve('no such API'); },
  'directory-picker': function () { var f = api(window, 'showDirectoryPicker'); return f ? outcomeOf(f()) : Promise.resolve('no such API'); },
  'exit-fullscreen': function () {
    return outcomeOf(document.documentElement.requestFullscreen()).then(function (asked) {
      return outcomeOf(document.exitFullscreen()).then(function (left) { return 'request ' + asked + '; exit ' + left; });
    });
  },
  'alert-loop': function () { for (var i = 0; i < 5; i++) alert('Schleife ' + i); return Promise.resolve('loop ended'); },
  // An allowed window opens in the same view and replaces this page: reported before, not after.
  'window-open-storm': function (send) {
    return send('ran', '50 windows asked for').then(function () {
      for (var i = 0; i < 25; i++) { window.open('/start?storm=' + i, '_blank'); window.open('about:blank', 'w' + i, 'popup'); }
      return null;
    });
  },
  'navigate-file': function () { return navigateTo('file:///etc/passwd'); },
  'navigate-chrome-settings': function () { return navigateTo('chrome://settings'); },
  'navigate-view-source': function () { return navigateTo('view-source:' + location.origin + '/start'); },
  'navigate-devtools': function () { return navigateTo('devtools://devtools/bundled/inspector.html'); },
  'navigate-javascript': function () { return navigateTo('javascript:void(document.title="js")'); },
  'navigate-data': function () { return navigateTo('data:text/html,<h1>data</h1>'); },
  'navigate-blob': function () { return navigateTo(URL.createObjectURL(new Blob(['<h1>blob</h1>'], { type: 'text/html' }))); },
  'navigate-mailto': function () { return navigateTo('mailto:buergerservice@example.de'); },
  'navigate-tel': function () { return navigateTo('tel:+493641490'); },
  'navigate-unknown-protocol': function () { return navigateTo('web+kiosktest:escape'); },
  'download-storm': function () {
    for (var i = 0; i < 20; i++) { var a = document.createElement('a'); a.href = '/download-zip?n=' + i; a.download = 'Unterlagen-' + i + '.zip'; document.body.appendChild(a); a.click(); a.remove(); }
    return Promise.resolve('20 downloads asked');
  },
  'download-50mb': function () { return navigateTo('/escape/big.pdf'); },
  'camera': function () { return outcomeOf(navigator.mediaDevices.getUserMedia({ video: true })); },
  'microphone': function () { return outcomeOf(navigator.mediaDevices.getUserMedia({ audio: true })); },
  'notifications': function () { return typeof Notification === 'function' ? outcomeOf(Notification.requestPermission()) : Promise.resolve('no such API'); },
  'geolocation': function () {
    return outcomeOf(new Promise(function (resolve, reject) { navigator.geolocation.getCurrentPosition(resolve, function (e) { reject({ name: 'GeolocationPositionError ' + e.code }); }, { timeout: 3000 }); }));
  },
  'clipboard-read': function () { return outcomeOf(navigator.clipboard.readText()); },
  'webusb': function () { var f = api(navigator.usb, 'requestDevice'); return f ? outcomeOf(f({ filters: [] })) : Promise.resolve('no such API'); },
  'webhid': function () { var f = api(navigator.hid, 'requestDevice'); return f ? outcomeOf(f({ filters: [] })) : Promise.resolve('no such API'); },
  'webserial': function () { var f = api(navigator.serial, 'requestPort'); return f ? outcomeOf(f()) : Promise.resolve('no such API'); },
  'webbluetooth': function () { var f = api(navigator.bluetooth, 'requestDevice'); return f ? outcomeOf(f({ acceptAllDevices: true })) : Promise.resolve('no such API'); },
  'payment': function () {
    if (typeof PaymentRequest !== 'function') return Promise.resolve('no such API');
    try {
      return outcomeOf(new PaymentRequest([{ supportedMethods: 'https://pay.example.invalid/' }], { total: { label: 'Gebühr', amount: { currency: 'EUR', value: '10.00' } } }).show());
    } catch (e) { return Promise.resolve('rejected: ' + e.name); }
  },
  'credentials': function () {
    return outcomeOf(navigator.credentials.get({ password: true, mediation: 'required' })).then(function (password) {
      var key = { challenge: new Uint8Array(16), rp: { name: 'Test' }, user: { id: new Uint8Array(8), name: 'x', displayName: 'x' }, pubKeyCredParams: [{ type: 'public-key', alg: -7 }], timeout: 3000 };
      return outcomeOf(navigator.credentials.create({ publicKey: key })).then(function (created) { return 'password ' + password + '; passkey ' + created; });
    });
  },
  'local-network': function () {
    var targets = ['http://127.0.0.1:24727/eID-Client', 'http://192.168.178.1/', 'http://169.254.169.254/latest/meta-data/'];
    return Promise.all(targets.map(function (t) { return outcomeOf(fetch(t, { mode: 'no-cors' })); })).then(function (all) { return all.join('; '); });
  },
};
document.getElementById('go').addEventListener('click', function () {
  if (!armed) return;
  var run = armed;
  var attack = attacks[run.attack];
  send = function (stage, outcome) { return report({ page: 'escape', id: run.id, attack: run.attack, stage: stage, outcome: outcome, url: location.href }); };
  var ran;
  try { ran = Promise.resolve(attack(send)); } catch (e) { ran = Promise.resolve('threw: ' + (e && e.name ? e.name : String(e))); }
  ran.then(function (outcome) { return outcome === null ? null : send('ran', String(outcome)); }).finally(function () {
    setTimeout(function () { void send('alive', document.title); }, 1500);
  });
});
`,
  );
}
