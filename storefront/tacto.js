/*
 * Tacto's storefront script: fills "Tacto picks" blocks, counts what they do, and opens the transparency notice.
 * No dependencies. snippets/tacto-script.liquid adds it once per page, after the page's load event and once the
 * browser reports its largest paint on screen, so it never delays what the theme shows first; it runs its work
 * once per page.
 *
 * Picks come from GET /apps/tacto/picks?template=&product_id=&collection_id=&limit=&guides=&locale=&personalization=&consent=
 * (the app proxy, which tells the app who is logged in; this script never sends an identity). It answers
 * { "items": [{ "kind", "title", "url", "image"?, "price"? }], "experiment": { id, question, holdout, arm } | null }.
 * No items, or no answer, hides the block: an honest absence instead of boxes that never fill.
 *
 * Counting (README, "Analytics"), every beacon a daily count with no identity in it:
 * - shown: the cards at least half in view, once per page view, POST /apps/tacto/seen { view, handles, surface,
 *   block } — for everyone. Only for a logged-in customer's personal answer, with personalization on and consent
 *   given, does the app also feed its frequency cap; otherwise `?personalization=0` tells it not to.
 * - clicked and added: POST /apps/tacto/count { event, surface, block }. A pick's link carries `?tacto=<surface>`;
 *   the product page it opens marks the theme's add-to-cart form with the line property `_tacto`, as quick add does.
 * - the holdout: a logged-in customer's arm comes with the answer; a visitor's is drawn from a random number kept in
 *   this browser (`tacto:exp`), only when the Customer Privacy API allows it. Enrolled once (POST /apps/tacto/enroll),
 *   and the cart carries the arm in its `_tacto_exp` attribute.
 */
(function () {
  'use strict';
  if (window.Tacto) return;
  window.Tacto = { version: 2 };

  var doc = document;
  var notice = doc.getElementById('tacto-notice');
  var PROXY = '/apps/tacto';
  // A block's surface by its template; `email` is the follow-ups' (their links carry it), in the list of known ones.
  var SURFACES = { product: 'product-page', cart: 'cart', index: 'home', collection: 'collection', email: 'email' };
  // Shopify's root for the shopper's language and market ("/", "/es/", "/en-ca/"): links and cart calls keep both.
  var root = (window.Shopify && Shopify.routes && Shopify.routes.root) || '/';
  var noop = function () {};

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

  // Every call to the app or the cart: JSON both ways. A slow answer must not leave grey boxes on the page for
  // good: each call gives up after a few seconds.
  function api(url, method, body) {
    return fetch(url, {
      method: method || 'GET',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: body && JSON.stringify(body),
      signal: AbortSignal.timeout && AbortSignal.timeout(6000),
    }).then(function (response) {
      if (!response.ok) throw response;
      return response.json();
    });
  }

  // A count for the app: it leaves even when the shopper is already on their way to another page, and never holds
  // the page up.
  function beacon(path, body) {
    var json = JSON.stringify(body);
    try {
      if (navigator.sendBeacon(PROXY + path, new Blob([json], { type: 'application/json' }))) return;
    } catch (e) {}
    fetch(PROXY + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json, credentials: 'same-origin', keepalive: true }).catch(noop);
  }

  function count(event, surface, block) {
    beacon('/count', { event: event, surface: surface, block: block });
  }

  function read(key) {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch (e) {
      return null;
    }
  }
  function write(key, value) {
    try {
      if (value == null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {}
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
  // ones any visitor gets (the app then ignores who is logged in), the notice says why, and this browser is in no
  // experiment.
  function consentAllows() {
    var privacy = window.Shopify && window.Shopify.customerPrivacy;
    if (!privacy) return true;
    var denied = function (name) {
      return typeof privacy[name] === 'function' && !privacy[name]();
    };
    return !denied('preferencesProcessingAllowed') && !denied('analyticsProcessingAllowed');
  }

  // An explicit yes to preference cookies, not merely "allowed" where the store shows no banner: a shop on the
  // Strict preset personalizes only then (the app decides, from `consent=explicit`).
  function explicitYes() {
    var privacy = window.Shopify && window.Shopify.customerPrivacy;
    var consent = privacy && privacy.currentVisitorConsent && privacy.currentVisitorConsent();
    return !!consent && consent.preferences === 'yes';
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
        off = off || state.personalization === 'off';
        show();
        // What this shop's saved settings make true: whether orders are used at all, the reminder and Strict lines.
        part('[data-tacto-used-orders]', state.ordersUsed !== false);
        part('[data-tacto-used-reorder]', state.reorderReminders);
        part('[data-tacto-strict]', state.explicitConsentOnly);
        if (consentNote && state.explicitConsentOnly && !explicitYes()) consentNote.hidden = false;
        // No personal picks (a share of 0 %): no bound to state, nothing of the shopper's kept.
        if (state.sameForEveryone) return [bound, retention].forEach(function (element) {
          if (element && element.dataset.same) element.textContent = element.dataset.same;
        });
        // The numbers the app's engine runs with, written as the page's language writes them (1.5 → "1,5" in es).
        fillIn(retention, { DAYS: state.historyDays, IMPRESSION_DAYS: state.impressionDays });
        fillIn(bound, { RATIO: state.deniabilityRatio });
      })
      .catch(noop);
    toggle.addEventListener('click', function () {
      off = !off;
      try {
        localStorage.setItem(OFF_KEY, off ? 'off' : 'on');
      } catch (e) {}
      show();
      api(endpoint, 'POST', { personalization: off ? 'off' : 'on' })
        .catch(noop)
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
    function part(selector, shown) {
      var element = notice.querySelector(selector);
      if (element) element.hidden = !shown;
    }
    function show() {
      toggle.textContent = off ? toggle.dataset.labelOn : toggle.dataset.labelOff;
      if (status) status.textContent = off ? status.dataset.offText : '';
    }
  }

  var form = doc.querySelector('[data-tacto-preferences]');
  if (form) declared(form);

  // The preference block: what a logged-in customer says they shop for (the only way into sensitive topics). It
  // keeps only the topics the app says the store sells (`/topics`, the same for everyone) and stays hidden with none.
  function declared(form) {
    var endpoint = form.getAttribute('data-endpoint');
    var status = form.querySelector('[role=status]');
    var boxes = [];
    var request = function (method, body, done) {
      return api(endpoint, method, body)
        .then(function (state) {
          if (!state.loggedIn) {
            form.querySelector('fieldset').disabled = true;
            status.textContent = form.dataset.login;
            return;
          }
          for (var i = 0; i < boxes.length; i++) boxes[i].checked = state.declaredTopics.indexOf(boxes[i].value) >= 0;
          if (done) status.textContent = done;
        })
        .catch(noop);
    };
    api(form.dataset.topics)
      .then(function (answer) {
        var all = form.querySelectorAll('input[name=topic]');
        for (var i = 0; i < all.length; i++) {
          if (answer.topics.indexOf(all[i].value) < 0) all[i].parentNode.remove();
          else boxes.push(all[i]);
        }
        if (!boxes.length) return;
        form.parentNode.hidden = false;
        request('GET');
      })
      .catch(noop);
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

  // A product page opened from a pick (or a follow-up's link) carries `?tacto=<surface>`: the theme's own
  // add-to-cart forms then mark the line as a quick add does, and an add from them is counted.
  var from = new URLSearchParams(location.search).get('tacto');
  if (/\/products\//.test(location.pathname) && Object.values(SURFACES).indexOf(from) >= 0) {
    var carts = 'form[action*="/cart/add"]';
    var forms = doc.querySelectorAll(carts);
    for (var f = 0; f < forms.length; f++) {
      if (forms[f].querySelector('[name="properties[_tacto]"]')) continue;
      var mark = el('input');
      mark.type = 'hidden';
      mark.name = 'properties[_tacto]';
      mark.value = from;
      forms[f].appendChild(mark);
    }
    doc.addEventListener(
      'submit',
      function (event) {
        if (event.target.matches && event.target.matches(carts)) count('add', from, 'link');
      },
      true,
    );
    // A mail's link was clicked in the mail: counted on arrival (not again on a reload or a step back).
    var navigation = performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
    if (from === 'email' && (!navigation || navigation.type === 'navigate')) count('click', 'email', 'email');
  }

  // Seen cards, reported once per page view. The id is random and lives only as long as this page.
  var view = '';
  var bytes = crypto.getRandomValues(new Uint8Array(16));
  for (var b = 0; b < 16; b++) view += (bytes[b] | 256).toString(16).slice(1);
  var watcher =
    window.IntersectionObserver &&
    new IntersectionObserver(
      function (entries) {
        var batches = [];
        for (var i = 0; i < entries.length; i++) {
          var card = entries[i].target;
          // Half of the card on screen (the threshold; a browser may round the ratio it reports just below it).
          if (!entries[i].isIntersecting || entries[i].intersectionRatio < 0.49) continue;
          watcher.unobserve(card);
          var section = card.closest('[data-tacto-picks]');
          var handle = card.dataset.handle;
          if (!section || section.tactoSeen[handle] || !card.isConnected) continue;
          section.tactoSeen[handle] = 1;
          if (batches.indexOf(section) < 0) batches.push(section, []);
          batches[batches.indexOf(section) + 1].push(handle);
        }
        // The app takes at most 12 handles a beacon; a block holds at most 8.
        for (var j = 0; j < batches.length; j += 2) seen(batches[j], batches[j + 1]);
      },
      { threshold: 0.5 },
    );

  function seen(section, handles) {
    var data = section.dataset;
    // The frequency cap is fed only by a personal answer the shopper allows to be personal; every beacon is counted.
    var personal = section.tactoPersonal && !offHere() && consentAllows();
    beacon('/seen' + (personal ? (explicitYes() ? '?consent=explicit' : '') : '?personalization=0'), { view: view, handles: handles, surface: data.surface, block: data.block });
  }

  function reloadPicks() {
    for (var i = 0; i < picks.length; i++) load(picks[i]);
  }

  var picks = doc.querySelectorAll('[data-tacto-picks]');
  for (var i = 0; i < picks.length; i++) setUp(picks[i]);

  function setUp(section) {
    var data = section.dataset;
    var why = section.querySelector('.tacto-picks__why');
    if (why) why.hidden = !notice;
    // Where the block is and how it is set (`4-grid-g-q`): the only things its counts say.
    data.surface = SURFACES[data.template] || 'home';
    data.block = [data.limit, data.layout === 'row' ? 'row' : 'grid', data.guides === 'true' ? 'g' : 'n', data.quickAdd === 'true' ? 'q' : 'n'].join('-');
    section.tactoSeen = {};
    var clicked = function (event) {
      if (event.button < 2 && event.target.closest('.tacto-picks__link')) count('click', data.surface, data.block);
    };
    section.addEventListener('click', clicked);
    section.addEventListener('auxclick', clicked);
    load(section);
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
    if (offHere() || !consentAllows()) query.set('personalization', '0');
    if (explicitYes()) query.set('consent', 'explicit');
    // A personal answer is marked private (a visitor's is public and cacheable): only it feeds the frequency cap.
    // The page itself carries no sign of who is looking.
    fetch(data.proxyPath + '/picks?' + query, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal: AbortSignal.timeout && AbortSignal.timeout(6000),
    })
      .then(function (response) {
        if (!response.ok) throw response;
        section.tactoPersonal = /\bprivate\b/.test(response.headers.get('Cache-Control') || '');
        return response.json();
      })
      .then(function (body) {
        var arm = experiment(body.experiment);
        // "Does the block help?": the holdout sees no block at all, whatever the answer holds.
        fill(section, arm === 'holdout' && body.experiment.question === 'block' ? [] : body.items || []);
      })
      .catch(function () {
        fill(section, []);
      });
  }

  // The holdout experiment this browser is in: its arm, or null for none. Decided at once (the block must not
  // show and then vanish); enrolling and marking the cart wait until the page is idle.
  var EXP_KEY = 'tacto:exp';
  var enrolled = false;
  function experiment(running) {
    if (!running || !/^\d{1,9}$/.test(running.id)) return null;
    if (!consentAllows()) {
      // Consent withdrawn: what this browser kept for the experiment goes too.
      write(EXP_KEY, null);
      return null;
    }
    var kept = read(EXP_KEY) || {};
    var position = kept.position >= 0 && kept.position < 1 ? kept.position : null;
    var arm = running.arm;
    // A visitor takes part only in "does the block help?": both arms of the other question look the same to them.
    if (!arm && running.question === 'block') {
      if (position === null) position = crypto.getRandomValues(new Uint32Array(1))[0] / 4294967296;
      arm = position < running.holdout / 100 ? 'holdout' : 'treatment';
    }
    if (arm !== 'holdout' && arm !== 'treatment') return null;
    if (enrolled) return arm;
    enrolled = true;
    var again = kept.experiment === running.id && kept.arm === arm && /^\d{8}$/.test(kept.day);
    var day = again ? kept.day : new Date().toISOString().slice(0, 10).split('-').join('');
    var record = { experiment: running.id, arm: arm, day: day };
    if (position !== null) record.position = position;
    write(EXP_KEY, record);
    idle(function () {
      // An arm this browser drew is the one to count (`personalization=0`: the app then takes it as a visitor's).
      if (!again) beacon('/enroll' + (running.arm ? '' : '?personalization=0'), { experiment: running.id, arm: arm });
      // Every new cart (after a checkout, say) gets the mark again.
      var mark = running.id + '.' + arm[0] + '.' + day;
      inCart(function () {
        return api(root + 'cart.js').then(function (cart) {
          if (cart.attributes && cart.attributes._tacto_exp === mark) return;
          return api(root + 'cart/update.js', 'POST', { attributes: { _tacto_exp: mark } });
        });
      });
    });
    return arm;
  }

  function idle(work) {
    (window.requestIdleCallback || setTimeout)(work);
  }

  // Cart calls one after another: two at once for a browser without a cart yet would make two carts.
  var cartQueue = Promise.resolve();
  function inCart(call) {
    var done = cartQueue.then(call);
    cartQueue = done.catch(noop);
    return done;
  }

  var DISMISSED_KEY = 'tacto:dismissed';
  function dismissed() {
    var list = read(DISMISSED_KEY);
    return Array.isArray(list) ? list : [];
  }

  function fill(section, items) {
    var list = section.querySelector('.tacto-picks__list');
    var feedback = section.querySelector('template[data-tacto-feedback]');
    var gone = dismissed();
    var entries = [];
    var limit = Number(section.dataset.limit) || 4;
    for (var i = 0; i < items.length && entries.length < limit; i++) {
      var entry = item(items[i], section);
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
    if (watcher) for (var j = 0; j < entries.length; j++) if (entries[j].dataset.handle) watcher.observe(entries[j]);
  }

  // "Not for me" on one pick: the app is told (it remembers a customer's), the browser remembers a visitor's.
  function notForMe(section, li, template) {
    var box = template.content.firstElementChild.cloneNode(true);
    box.addEventListener('click', function (event) {
      var reason = event.target.getAttribute && event.target.getAttribute('data-reason');
      if (!reason) return;
      var handle = li.dataset.handle;
      write(DISMISSED_KEY, dismissed().concat(handle).slice(-50));
      api(section.dataset.proxyPath + '/feedback', 'POST', { handle: handle, reason: reason }).catch(noop);
      var list = li.parentNode;
      li.remove();
      if (list && !list.children.length) section.hidden = true;
    });
    return box;
  }

  function item(pick, section) {
    var data = section.dataset;
    // Only a path on this store ("/products/…"), placed under the shopper's root; anything else is dropped.
    var path = pick && typeof pick.url === 'string' && /^\/(?!\/)/.test(pick.url) ? root + pick.url.slice(1) : null;
    var url = safeUrl(path, true);
    if (!url || typeof pick.title !== 'string') return null;
    var li = el('li', 'tacto-picks__item');
    var handle = /\/products\/([a-z0-9-]+)$/.exec(url.pathname);
    if (handle) li.dataset.handle = handle[1];
    var link = el('a', 'tacto-picks__link');
    // The product page it opens marks the theme's add-to-cart form with this surface.
    url.searchParams.set('tacto', data.surface);
    link.href = url.href;
    var image = safeUrl(pick.image, false);
    if (image) {
      var img = el('img', 'tacto-picks__media');
      // The title is the link's name; the picture adds nothing a screen reader needs.
      img.alt = '';
      img.src = image.href;
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
    if (handle && pick.kind !== 'guide' && data.quickAdd === 'true') li.appendChild(quickAdd(section, handle[1], pick.title));
    return li;
  }

  // "Add to cart" on a product pick, through Shopify's own cart: the line carries the surface (`_tacto`), never
  // the shopper. A product with several variants for sale first asks which one.
  function quickAdd(section, handle, title) {
    var data = section.dataset;
    var button = el('button', 'tacto-picks__add', data.addLabel);
    var status = section.querySelector('.tacto-picks__status');
    var choice = null;
    var waiting = false;
    button.type = 'button';
    // Several "Add to cart" buttons in a row: each says which product it adds.
    button.setAttribute('aria-label', data.addLabel + ': ' + title);
    var say = function (text) {
      if (status) status.textContent = text + ': ' + title;
    };
    button.addEventListener('click', function () {
      // aria-disabled rather than disabled: the button keeps the keyboard focus while it works.
      if (waiting || button.getAttribute('aria-disabled')) return;
      waiting = true;
      button.setAttribute('aria-busy', 'true');
      (choice ? Promise.resolve(Number(choice.value)) : api(root + 'products/' + handle + '.js').then(variant))
        .then(function (id) {
          if (!id) return;
          return inCart(function () {
            return api(root + 'cart/add.js', 'POST', { items: [{ id: id, quantity: 1, properties: { _tacto: data.surface } }] });
          }).then(function () {
            say(data.added);
            count('add', data.surface, data.block);
          });
        })
        .catch(function () {
          say(data.addError);
        })
        .then(function () {
          waiting = false;
          button.removeAttribute('aria-busy');
        });
    });
    // The variant to add now, or null: none for sale (the button says so), or a choice to make first.
    function variant(product) {
      var variants = (product.variants || []).filter(function (v) {
        return v.available;
      });
      if (!variants.length) {
        button.textContent = data.soldOut;
        button.setAttribute('aria-label', data.soldOut + ': ' + title);
        button.setAttribute('aria-disabled', 'true');
        say(data.soldOut);
        return null;
      }
      if (variants.length === 1) return variants[0].id;
      choice = el('select', 'tacto-picks__variant');
      choice.setAttribute('aria-label', data.chooseLabel + ': ' + title);
      for (var i = 0; i < variants.length; i++) {
        var option = el('option', '', variants[i].public_title || variants[i].title);
        option.value = variants[i].id;
        choice.appendChild(option);
      }
      button.parentNode.insertBefore(choice, button);
      choice.focus();
      return null;
    }
    return button;
  }

  // Links stay on this store and nothing but http(s) is used: an answer can never send a shopper elsewhere or run
  // script. Pictures may come from the store's CDN, another origin.
  function safeUrl(value, sameOriginOnly) {
    if (typeof value !== 'string') return null;
    try {
      var url = new URL(value, location.href);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
      return !sameOriginOnly || url.origin === location.origin ? url : null;
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
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
})();
