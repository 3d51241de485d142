// Aisle chat widget. Embed on any page with one tag:
//   <script src="https://your-aisle-host/widget.js" defer></script>
// A shop page with signed-in shoppers may vouch for one, so their orders open with the order
// number alone: data-shopper="EMAIL" data-shopper-signature="HEX(HMAC-SHA256(secret, email))".
// Everything any party wrote (shopper, Aisle, staff, catalog) is inserted as text, never as HTML.
// Served inside one function together with common.js (see src/http/pages.rs): nothing leaks into
// the page's globals.
  const script = document.currentScript;
  const base = new URL(script ? script.src : "/widget.js", location.href).origin;
  const KEY = "aisle.conversation." + base;
  // The widget speaks the page's language (its lang attribute), else the browser's, else the
  // conversation's once the shopper has written; its strings come from Aisle
  // (prompts/lang/<code>.toml), so they are written once for every shop.
  const wanted = [document.documentElement.lang].concat(navigator.languages || [navigator.language]).filter(Boolean);
  const texts = (langs) => fetch(base + "/api/widget/texts?lang=" + encodeURIComponent(langs)).then((r) => r.json());
  texts(wanted.join(","))
    .then((body) => build(body.lang, body.texts, body.matched))
    .catch((e) => console.warn("Aisle: the chat could not load.", e));

  // `chosen`: the page or the browser named a language Aisle speaks.
  function build(lang, T, chosen) {
    const say = (text, values) => text.replace(/\{\{(\w+)\}\}/g, (_, k) => values[k]);
    const money = (amount, currency) => {
      try { return new Intl.NumberFormat(lang, { style: "currency", currency }).format(amount); }
      catch (e) { return amount + " " + currency; }
    };

    const host = h("div", { id: "aisle-widget" });
    const root = host.attachShadow({ mode: "open" });
    root.append(h("link", { rel: "stylesheet", href: base + "/aisle.css" }));
    const launcher = h("button", { class: "aisle-launcher", type: "button", "aria-expanded": "false" }, T.launcher);
    const log = h("ol", { class: "messages", role: "log", "aria-live": "polite", "aria-label": T.conversation });
    const status = h("div", { class: "aisle-status", role: "status" });
    const input = h("textarea", { rows: "1", maxlength: "2000", "aria-label": T.your_message, placeholder: T.placeholder });
    const send = h("button", { type: "submit" }, T.send);
    const human = h("button", { type: "button", class: "secondary" }, T.talk_to_person);
    const form = h("form", { class: "aisle-form" }, input, send);
    const close = h("button", { type: "button", "aria-label": T.close }, "×");
    const title = h("strong", {}, T.title);
    const panel = h("section", { class: "aisle-panel", hidden: true, "aria-label": T.title, lang },
      h("div", { class: "aisle-head" }, title, close),
      status, log, h("div", { class: "aisle-tools" }, human), form);
    root.append(launcher, panel);

    let conversation = null;
    const shown = new Set();

    // Neither the page nor the browser named a language Aisle speaks: follow the conversation's.
    async function followLanguage(code) {
      if (chosen || !code || code === lang) return;
      try {
        const body = await texts(code);
        if (!body.matched) return;
        [lang, T] = [body.lang, body.texts];
      } catch (e) { return; }
      launcher.textContent = T.launcher;
      title.textContent = T.title;
      panel.setAttribute("aria-label", T.title);
      panel.setAttribute("lang", lang);
      log.setAttribute("aria-label", T.conversation);
      input.setAttribute("aria-label", T.your_message);
      input.placeholder = T.placeholder;
      send.textContent = T.send;
      human.textContent = T.talk_to_person;
      close.setAttribute("aria-label", T.close);
    }

    function note(text) {
      log.append(h("li", { class: "note" }, text));
      log.scrollTop = log.scrollHeight;
    }

    function bubble(role, who, text) {
      const body = h("span", { class: "text" }, text || "");
      const li = h("li", { class: role }, who ? h("span", { class: "who" }, who) : null, body);
      log.append(li);
      log.scrollTop = log.scrollHeight;
      return { li, body };
    }

    // An order the shopper opened: each item, where it is, and its tracking link.
    function orderCard(s) {
      const o = s.order;
      const day = (t) => (t ? String(t).slice(0, 10) : null);
      const linked = new Set(); // items travelling together share one parcel: one link for it
      const rows = o.items.map((i) => {
        const when = i.delivered_at ? T.delivered + " " + day(i.delivered_at)
          : i.expected_delivery ? T.expected + " " + i.expected_delivery : null;
        const fresh = i.tracking_url && !linked.has(i.tracking_url);
        if (fresh) linked.add(i.tracking_url);
        const track = fresh ? h("a", { href: i.tracking_url, target: "_blank", rel: "noopener noreferrer" }, T.track) : null;
        return h("li", {}, i.quantity + " × " + i.name + " · " + i.status + (when ? " · " + when : "") + " ", track);
      });
      const title = T.order + " " + o.number + " · " + o.status + (o.late ? " · " + T.late : "");
      return h("div", { class: "source order" + (o.late ? " late" : "") }, h("b", {}, title), h("ul", {}, rows));
    }

    function card(s) {
      if (s.order) return orderCard(s);
      const p = s.product;
      const facts = p
        ? money(p.price, p.currency) + " · " + (p.stock > 0 ? T.in_stock : T.out_of_stock) + (p.rating ? " · " + Number(p.rating).toFixed(1) + "★" : "")
        : (s.text || "").slice(0, 160);
      return h("div", { class: "source" }, h("b", {}, "[" + s.n + "] " + s.title), h("span", {}, facts));
    }

    function thumbs(li, messageId) {
      const row = h("div", { class: "thumbs" });
      const rate = async (rating, button) => {
        let comment = null;
        if (rating === "down") comment = prompt(T.what_was_wrong) || null;
        const r = await api("/api/messages/" + messageId + "/feedback", { method: "POST", body: JSON.stringify({ rating, comment }) });
        if (r.ok) { for (const b of row.querySelectorAll("button")) b.setAttribute("aria-pressed", "false"); button.setAttribute("aria-pressed", "true"); }
      };
      const up = h("button", { type: "button", "aria-pressed": "false", "aria-label": T.helpful_label, onclick: () => rate("up", up) }, T.yes);
      const down = h("button", { type: "button", "aria-pressed": "false", "aria-label": T.not_helpful_label, onclick: () => rate("down", down) }, T.no);
      row.append(h("span", {}, T.helpful), up, down);
      li.append(row);
    }

    function api(path, init) {
      const headers = { "content-type": "application/json" };
      if (conversation) headers["x-conversation-token"] = conversation.token;
      return fetch(base + path, Object.assign({ headers }, init));
    }

    async function problem(r) {
      try { const body = await r.json(); return body.error.message; } catch (e) { return say(T.went_wrong, { status: r.status }); }
    }

    // Nobody from the team can join now: the shopper may leave an email to be written to.
    function offerEmail() {
      if (root.querySelector(".aisle-contact")) return;
      const email = h("input", { type: "email", required: true, autocomplete: "email", "aria-label": T.your_email, placeholder: "you@example.com" });
      const contact = h("form", { class: "aisle-contact" }, email, h("button", { type: "submit" }, T.send));
      contact.addEventListener("submit", async (e) => {
        e.preventDefault();
        const r = await api("/api/conversations/" + conversation.id + "/contact", { method: "POST", body: JSON.stringify({ email: email.value.trim() }) });
        if (!r.ok) { note(await problem(r)); return; }
        note((await r.json()).text);
        contact.remove();
      });
      log.after(contact);
    }

    // The bar says who is answering now; a change of hands is also noted in the conversation.
    // (The queue position is in the bar only: the handoff answer already says it.)
    function showStatus(s) {
      if (s.leave_email) offerEmail();
      status.textContent = s.status === "bot" || s.status === "resolved" ? "" : s.text;
      if (s.status !== "waiting" && shown.has("status:" + s.status) === false) note(s.text);
      for (const k of ["waiting", "staff", "bot", "resolved"]) shown.delete("status:" + k);
      shown.add("status:" + s.status);
    }

    async function follow() {
      // Messages from a person, and who is answering, arrive on the conversation's live stream.
      for (;;) {
        try {
          const r = await api("/api/conversations/" + conversation.id + "/events", { method: "GET" });
          if (r.status === 404 || r.status === 403) return;
          let first = true;
          await readEvents(r, (name, data) => {
            if (name === "status") { if (!(first && data.status === "bot")) showStatus(data); first = false; }
            if (name === "message" && data.role === "staff" && !shown.has(data.id)) {
              shown.add(data.id);
              bubble("staff", data.author || T.our_team, data.text);
            }
          });
        } catch (e) { /* network: retry below */ }
        await new Promise((ok) => setTimeout(ok, 2000));
      }
    }

    async function start() {
      if (conversation) return;
      try { conversation = JSON.parse(sessionStorage.getItem(KEY)); } catch (e) { conversation = null; }
      if (conversation) {
        const r = await api("/api/conversations/" + conversation.id, { method: "GET" });
        if (r.ok) {
          const past = await r.json();
          followLanguage(past.language);
          for (const m of past.messages) {
            shown.add(m.id);
            bubble(m.role, m.role === "staff" ? m.author : null, m.text);
          }
        } else conversation = null;
      }
      if (!conversation) {
        const shopper = script && script.dataset.shopper
          ? { shopper: { email: script.dataset.shopper, signature: script.dataset.shopperSignature || "" } } : null;
        let r = await api("/api/conversations", { method: "POST", body: shopper ? JSON.stringify(shopper) : "" });
        if (!r.ok && shopper && r.status === 400) {
          console.warn("Aisle: the shopper's signature was refused; chatting without it.", await r.text());
          r = await api("/api/conversations", { method: "POST", body: "" });
        }
        if (!r.ok) { note(await problem(r)); return; }
        conversation = await r.json();
        sessionStorage.setItem(KEY, JSON.stringify(conversation));
        note(T.welcome);
      }
      follow();
    }

    // A message sent again had arrived the first time: show what the conversation holds since.
    async function catchUp() {
      const r = await api("/api/conversations/" + conversation.id, { method: "GET" });
      if (!r.ok) return;
      for (const m of (await r.json()).messages) {
        if (shown.has(m.id) || m.role === "shopper") continue;
        shown.add(m.id);
        bubble(m.role, m.role === "staff" ? m.author : null, m.text);
      }
    }

    // Each message carries its own id: sending it again after a failure can never ask twice.
    function messageId() {
      if (crypto.randomUUID) return crypto.randomUUID();
      const b = crypto.getRandomValues(new Uint8Array(16));
      b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
      const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
      return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
    }

    // A message that could not be taken (busy, or the connection dropped) can be sent again as is.
    function retry(text, id, why) {
      const again = h("button", { type: "button", class: "secondary" }, T.send_again);
      const li = h("li", { class: "note" }, why + " ", again);
      again.addEventListener("click", () => { li.remove(); ask(text, id, true); });
      log.append(li);
      log.scrollTop = log.scrollHeight;
    }

    async function ask(text, id, again) {
      await start();
      if (!conversation) return;
      id = id || messageId();
      if (!again) bubble("shopper", null, text);
      send.disabled = true;
      const { li, body } = bubble("assistant");
      li.setAttribute("aria-busy", "true");
      try {
        const r = await api("/api/conversations/" + conversation.id + "/messages", { method: "POST", body: JSON.stringify({ text, id }) });
        if (r.status === 503 || r.status === 429) { li.remove(); retry(text, id, await problem(r)); return; }
        if (r.status === 409) { li.remove(); await catchUp(); return; }
        if (!r.ok) { li.remove(); note(await problem(r)); return; }
        await readEvents(r, (name, data) => {
          if (name === "token") { body.textContent += data.text; log.scrollTop = log.scrollHeight; }
          // Cards come first, above the words as they stream; the last sources event (what the
          // answer used) replaces them.
          if (name === "sources") {
            const cards = h("div", { class: "sources" }, data.sources.map(card));
            const old = li.querySelector(".sources");
            if (old) old.replaceWith(cards);
            else if (data.sources.length) li.insertBefore(cards, body);
            if (!data.sources.length) cards.remove();
          }
          if (name === "status") showStatus(data);
          if (name === "error") note(data.message);
          if (name === "done") {
            shown.add(data.message_id);
            followLanguage(data.language);
            if (data.answered_by === "staff") li.remove();
            else if (data.answered_by !== "handoff") thumbs(li, data.message_id);
            else li.append(h("span", { class: "sr-only" }, "(done)"));
          }
        });
      } catch (e) {
        if (!body.textContent) li.remove();
        retry(text, id, T.connection_lost);
      } finally {
        li.removeAttribute("aria-busy");
        send.disabled = false;
        input.focus();
      }
    }

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = "";
      ask(text);
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
    });
    human.addEventListener("click", () => ask(T.person_request));
    launcher.addEventListener("click", () => {
      panel.hidden = false; launcher.hidden = true; launcher.setAttribute("aria-expanded", "true");
      start(); input.focus();
    });
    close.addEventListener("click", () => { panel.hidden = true; launcher.hidden = false; launcher.setAttribute("aria-expanded", "false"); launcher.focus(); });
    document.body.append(host);
  }
