/*
 * Tacto's storefront script: fills "Tacto picks" blocks and opens the transparency notice.
 * Deferred, no dependencies. Each block and the embed load it, so it runs its work once per page.
 *
 * Picks come from GET /apps/tacto/picks?template=&product_id=&collection_id=&limit=&guides=&locale=&personalization=
 * (the app proxy, which tells the app who is logged in; this script never sends an identity). It answers
 * { "items": [{ "kind": "product" | "guide", "title", "url", "image"?, "price"? }] }.
 * No items, or no answer, hides the block: an honest absence instead of boxes that never fill.
 *
 * For a logged-in customer (the picks answer is private) who allows personalization, the cards that come
 * into view — at least half of one on screen — are reported once per page view with POST /apps/tacto/seen
 * { "view": <this page view's random id>, "handles": [...] }: the frequency cap counts what was seen, not what was
 * sent. Nothing is reported for a visitor.
 */
(function () {
  'use strict';
  if (window.Tacto) return;
  window.Tacto = { version: 1 };

  var doc = document;
  var notice = doc.getElementById('tacto-notice');

  if (notice) {
    var opener = null;
    notice.addEventListener('command', function (event) {
      if (event.command === 'show-modal') opener = event.source;
    });
    // Browsers without invoker commands (`commandfor`) get the same behaviour from a click handler.
    if (!('command' in HTMLButtonElement.prototype)) {
      doc.addEventListener('click', function (event) {
        var button = event.target.closest && event.target.closest('[commandfor="tacto-notice"]');
        if (!button) return;
        if (button.getAttribute('command') === 'show-modal' && !notice.open) {
          opener = button;
          notice.showModal();
        } else if (button.getAttribute('command') === 'close') {
          notice.close();
        }
      });
    }
    // Back to the button that opened it, so keyboard users keep their place on the page.
    notice.addEventListener('close', function () {
      if (opener && opener.isConnected) opener.focus();
    });
  }

  // Every call to the app, through the store's app proxy (which tells the app who is logged in): JSON both ways.
  // A slow answer must not leave grey boxes on the page for good: each call gives up after a few seconds.
  function api(url, method, body) {
    return fetch(url, {
      method: method || 'GET',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: body && JSON.stringify(body),
      signal: AbortSignal.timeout && AbortSignal.timeout(6000),
    }).then(function (response) {
      return response.ok ? response.json() : null;
    });
  }

  // A visitor's "off" lives in this browser; a logged-in customer's is also stored by the store.
  var OFF_KEY = 'tacto:personalization';
  function offHere() {
    try {
      return localStorage.getItem(OFF_KEY) === 'off';
    } catch (e) {
      return false;
    }
  }

  // Shopify's Customer Privacy API: without consent to preferences or analytics processing, the picks are the
  // ones any visitor gets (the app then ignores who is logged in), and the notice says why.
  function consentAllows() {
    var privacy = window.Shopify && window.Shopify.customerPrivacy;
    if (!privacy) return true;
    var denied = function (name) {
      return typeof privacy[name] === 'function' && !privacy[name]();
    };
    return !denied('preferencesProcessingAllowed') && !denied('analyticsProcessingAllowed');
  }

  if (notice) {
    var consentNote = notice.querySelector('[data-tacto-consent-off]');
    if (consentNote) consentNote.hidden = consentAllows();
    preferences();
  }

  function preferences() {
    var retention = notice.querySelector('[data-tacto-retention]');
    var bound = notice.querySelector('[data-tacto-bound]');
    var toggle = notice.querySelector('[data-tacto-personalization-off]');
    var status = notice.querySelector('#tacto-notice-off-state');
    if (!toggle) return;
    var endpoint = toggle.getAttribute('data-endpoint');
    var off = offHere();
    show();
    api(endpoint)
      .then(function (state) {
        if (!state) return;
        off = off || state.personalization === 'off';
        show();
        // The numbers the app's engine runs with, written as the page's language writes them (1.5 → "1,5" in es).
        fillIn(retention, { DAYS: state.historyDays, IMPRESSION_DAYS: state.impressionDays });
        fillIn(bound, { RATIO: state.deniabilityRatio });
      })
      .catch(function () {});
    toggle.addEventListener('click', function () {
      off = !off;
      try {
        localStorage.setItem(OFF_KEY, off ? 'off' : 'on');
      } catch (e) {}
      show();
      api(endpoint, 'POST', { personalization: off ? 'off' : 'on' })
        .catch(function () {})
        .then(reloadPicks);
    });
    // A text keeps its placeholder wording until every number it needs has come: nothing is guessed.
    function fillIn(element, numbers) {
      var text = element && element.dataset.template;
      if (!text) return;
      for (var name in numbers) {
        if (typeof numbers[name] !== 'number') return;
        text = text.split('%' + name + '%').join(new Intl.NumberFormat(notice.dataset.locale || undefined).format(numbers[name]));
      }
      element.textContent = text;
    }
    function show() {
      toggle.textContent = off ? toggle.dataset.labelOn : toggle.dataset.labelOff;
      if (status) status.textContent = off ? status.dataset.offText : '';
    }
  }

  var form = doc.querySelector('[data-tacto-preferences]');
  if (form) declared(form);

  // The preference block: what a logged-in customer says they shop for (the only way into sensitive topics).
  function declared(form) {
    var endpoint = form.getAttribute('data-endpoint');
    var status = form.querySelector('[role=status]');
    var boxes = form.querySelectorAll('input[name=topic]');
    var request = function (method, body, done) {
      return api(endpoint, method, body)
        .then(function (state) {
          if (!state) return;
          if (!state.loggedIn) {
            form.querySelector('fieldset').disabled = true;
            status.textContent = form.dataset.login;
            return;
          }
          for (var i = 0; i < boxes.length; i++) boxes[i].checked = state.declaredTopics.indexOf(boxes[i].value) >= 0;
          if (done) status.textContent = done;
        })
        .catch(function () {});
    };
    request('GET');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var topics = [];
      for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) topics.push(boxes[i].value);
      request('POST', { declaredTopics: topics }, form.dataset.saved).then(reloadPicks);
    });
    form.querySelector('[data-delete]').addEventListener('click', function () {
      request('DELETE', null, form.dataset.deleted).then(reloadPicks);
    });
  }

  // Seen cards, reported once per page view. The id is random and lives only as long as this page.
  var view = '';
  var bytes = crypto.getRandomValues(new Uint8Array(16));
  for (var b = 0; b < 16; b++) view += (bytes[b] | 256).toString(16).slice(1);
  var reported = {};
  var watcher =
    window.IntersectionObserver &&
    new IntersectionObserver(
      function (entries) {
        var handles = [];
        var path;
        for (var i = 0; i < entries.length; i++) {
          var card = entries[i].target;
          // Half of the card on screen (the threshold; a browser may round the ratio it reports just below it).
          if (!entries[i].isIntersecting || entries[i].intersectionRatio < 0.49) continue;
          watcher.unobserve(card);
          var handle = card.dataset.handle;
          if (reported[handle] || !card.isConnected) continue;
          reported[handle] = 1;
          handles.push(handle);
          path = card.closest('[data-tacto-picks]').dataset.proxyPath;
        }
        // The app takes at most 12 handles a beacon; one screenful is fewer.
        while (handles.length) seen(path, handles.splice(0, 12));
      },
      { threshold: 0.5 },
    );

  function seen(path, handles) {
    if (offHere() || !consentAllows()) return;
    var body = JSON.stringify({ view: view, handles: handles });
    // A beacon leaves even when the shopper is already on their way to another page; it never holds the page up.
    try {
      if (navigator.sendBeacon(path + '/seen', new Blob([body], { type: 'application/json' }))) return;
    } catch (e) {}
    fetch(path + '/seen', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body, credentials: 'same-origin', keepalive: true }).catch(function () {});
  }

  function reloadPicks() {
    for (var i = 0; i < picks.length; i++) load(picks[i]);
  }

  var picks = doc.querySelectorAll('[data-tacto-picks]');
  for (var i = 0; i < picks.length; i++) {
    var why = picks[i].querySelector('.tacto-picks__why');
    if (why) why.hidden = !notice;
    load(picks[i]);
  }

  function load(section) {
    var data = section.dataset;
    var query = new URLSearchParams({
      template: data.template || '',
      limit: data.limit || '4',
      guides: data.guides === 'true' ? '1' : '0',
      locale: data.locale || '',
    });
    if (data.productId) query.set('product_id', data.productId);
    if (data.collectionId) query.set('collection_id', data.collectionId);
    if (data.cart) query.set('cart', data.cart);
    if (offHere()) query.set('personalization', '0');
    if (!consentAllows()) query.set('personalization', '0');
    // A personal answer is marked private (a visitor's is public and cacheable): only then are seen picks reported.
    // The page itself carries no sign of who is looking.
    fetch(data.proxyPath + '/picks?' + query, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal: AbortSignal.timeout && AbortSignal.timeout(6000),
    })
      .then(function (response) {
        if (!response.ok) return fill(section, [], false);
        var personal = /\bprivate\b/.test(response.headers.get('Cache-Control') || '');
        return response.json().then(function (body) {
          fill(section, body && Array.isArray(body.items) ? body.items : [], personal);
        });
      })
      .catch(function () {
        fill(section, [], false);
      });
  }

  var DISMISSED_KEY = 'tacto:dismissed';
  function dismissed() {
    try {
      return JSON.parse(localStorage.getItem(DISMISSED_KEY) || '[]');
    } catch (e) {
      return [];
    }
  }

  function fill(section, items, personal) {
    var list = section.querySelector('.tacto-picks__list');
    var feedback = section.querySelector('template[data-tacto-feedback]');
    var gone = dismissed();
    var entries = [];
    var limit = Number(section.dataset.limit) || 4;
    for (var i = 0; i < items.length && entries.length < limit; i++) {
      var entry = item(items[i], section.dataset);
      if (!entry || gone.indexOf(entry.dataset.handle) >= 0) continue;
      if (feedback && entry.dataset.handle) entry.appendChild(notForMe(section, entry, feedback));
      entries.push(entry);
    }
    if (!entries.length) {
      section.hidden = true;
      return;
    }
    list.replaceChildren.apply(list, entries);
    list.setAttribute('aria-busy', 'false');
    if (watcher && personal) {
      for (var j = 0; j < entries.length; j++) if (entries[j].dataset.handle) watcher.observe(entries[j]);
    }
  }

  // "Not for me" on one pick: the app is told (it remembers a customer's), the browser remembers a visitor's.
  function notForMe(section, li, template) {
    var box = template.content.firstElementChild.cloneNode(true);
    box.addEventListener('click', function (event) {
      var reason = event.target.getAttribute && event.target.getAttribute('data-reason');
      if (!reason) return;
      var handle = li.dataset.handle;
      try {
        localStorage.setItem(DISMISSED_KEY, JSON.stringify(dismissed().concat(handle).slice(-50)));
      } catch (e) {}
      api(section.dataset.proxyPath + '/feedback', 'POST', { handle: handle, reason: reason }).catch(function () {});
      var list = li.parentNode;
      li.remove();
      if (list && !list.children.length) section.hidden = true;
    });
    return box;
  }

  // Shopify's root for the shopper's language and market ("/", "/es/", "/en-ca/"), so a pick's link keeps both.
  var root = (window.Shopify && Shopify.routes && Shopify.routes.root) || '/';

  function item(pick, data) {
    // Only a path on this store ("/products/…"), placed under the shopper's root; anything else is dropped.
    var path = pick && typeof pick.url === 'string' && /^\/(?!\/)/.test(pick.url) ? root + pick.url.slice(1) : null;
    var url = safeUrl(path, true);
    if (!url || typeof pick.title !== 'string') return null;
    var li = el('li', 'tacto-picks__item');
    var handle = /\/products\/([a-z0-9-]+)$/.exec(new URL(url).pathname);
    if (handle) li.dataset.handle = handle[1];
    var link = el('a', 'tacto-picks__link');
    link.href = url;
    var image = safeUrl(pick.image, false);
    if (image) {
      var img = el('img', 'tacto-picks__media');
      // The title is the link's name; the picture adds nothing a screen reader needs.
      img.alt = '';
      img.src = image;
      img.loading = 'lazy';
      img.width = img.height = 400;
      link.appendChild(img);
    } else {
      link.appendChild(el('span', 'tacto-picks__media'));
    }
    var text = el('span', 'tacto-picks__text');
    if (pick.kind === 'guide' && data.guideLabel) text.appendChild(el('span', 'tacto-picks__kind', data.guideLabel));
    text.appendChild(el('span', 'tacto-picks__title', pick.title));
    var price = money(pick.price, data);
    if (price) text.appendChild(el('span', 'tacto-picks__price', price));
    link.appendChild(text);
    li.appendChild(link);
    return li;
  }

  // Links stay on this store and nothing but http(s) is used: an answer can never send a shopper elsewhere or run
  // script. Pictures may come from the store's CDN, another origin.
  function safeUrl(value, sameOriginOnly) {
    if (typeof value !== 'string') return null;
    try {
      var url = new URL(value, location.href);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
      return !sameOriginOnly || url.origin === location.origin ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function money(amount, data) {
    if (typeof amount !== 'string' || !data.currency || !/^\d+(\.\d+)?$/.test(amount)) return null;
    try {
      return new Intl.NumberFormat(data.locale || undefined, { style: 'currency', currency: data.currency }).format(Number(amount));
    } catch (e) {
      return null;
    }
  }

  function el(tag, className, text) {
    var node = doc.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }
})();
