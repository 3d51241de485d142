// The staff console and the knowledge-base editor. Text from anyone is inserted as text, never HTML.
// Served inside one function together with common.js (see src/http/pages.rs).
  const $ = (id) => document.getElementById(id);
  const page = document.body.dataset.page;
  const KEY = "aisle.token." + page;

  async function api(path, init) {
    const headers = { authorization: "Bearer " + sessionStorage.getItem(KEY), "content-type": "application/json" };
    const r = await fetch(path, Object.assign({ headers }, init || {}));
    if (r.status === 401) { signOut(); throw new Error("Your token is not valid any more; sign in again."); }
    if (!r.ok) {
      let message = "Request failed (" + r.status + ")";
      try { message = (await r.json()).error.message; } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    return r.status === 204 ? null : r.json();
  }

  const when = (t) => new Date(t).toLocaleString();

  function signOut() {
    sessionStorage.removeItem(KEY);
    $("app").hidden = true; $("signout").hidden = true; $("signin").hidden = false;
  }

  async function signIn(token) {
    sessionStorage.setItem(KEY, token);
    try {
      if (page === "staff") await api("/api/staff/queue"); else await api("/api/kb/articles?q=");
    } catch (e) { sessionStorage.removeItem(KEY); $("signin-error").textContent = e.message; return; }
    $("signin").hidden = true; $("app").hidden = false; $("signout").hidden = false;
    (page === "staff" ? staff : kb)();
  }

  $("signin").addEventListener("submit", (e) => { e.preventDefault(); signIn($("token").value.trim()); });
  $("signout").addEventListener("click", signOut);

  // ---------------------------------------------------------------- staff console
  function staff() {
    let current = null, stream = null;
    const shown = new Set();
    const error = (e) => { $("conv-error").textContent = e ? e.message : ""; };

    // "es" as a person reads it, in the console's own language.
    const languageName = (code) => {
      try { return new Intl.DisplayNames([document.documentElement.lang || "en"], { type: "language" }).of(code); }
      catch (e) { return code; }
    };

    async function refreshQueue() {
      const { conversations } = await api("/api/staff/queue");
      const list = $("queue");
      list.replaceChildren(...conversations.map((c) => h("li", { class: c.conversation_id === current ? "selected" : "" },
        h("button", { type: "button", class: "item", onclick: () => open(c.conversation_id) },
          h("span", { class: "tag " + c.status }, c.status === "staff" ? "with " + (c.assignee_name || "staff") : "waiting"),
          h("span", { class: "tag" }, c.reason.replace(/_/g, " ")),
          h("span", { class: "tag", title: "The shopper writes in " + languageName(c.language) }, c.language),
          h("div", {}, c.last_message || "(no message)"),
          h("div", { class: "meta" }, "since " + when(c.escalated_at) + (c.contact_email ? " · left " + c.contact_email : ""))))));
      if (!conversations.length) list.append(h("li", { class: "hint" }, "Nobody is waiting."));
    }

    function addMessage(m) {
      if (shown.has(m.id)) return;
      shown.add(m.id);
      const who = m.role === "staff" ? (m.author || "Staff") : m.role === "shopper" ? "Shopper" : "Aisle";
      $("messages").append(h("li", { class: m.role }, h("span", { class: "who" }, who + " · " + when(m.created_at)), m.text));
      $("messages").scrollTop = $("messages").scrollHeight;
    }

    async function load(id) {
      const c = await api("/api/conversations/" + id);
      $("conv-status").textContent = c.status === "staff" ? "with " + (c.assignee || "staff") : c.status;
      $("claim").disabled = c.status !== "waiting";
      $("release").disabled = $("resolve").disabled = $("reply").disabled = c.status !== "staff";
      $("conv-reason").textContent = (c.reason ? "escalated: " + c.reason.replace(/_/g, " ") + " · " : "")
        + "writes in " + languageName(c.language);
      $("conv-contact").textContent = c.contact_email ? "· write to " + c.contact_email : "";
      $("conv-summary").textContent = c.summary || "The summary is being written…";
      // The model writes the summary after the handoff; look again until it is there.
      if (!c.summary && c.reason) setTimeout(() => { if (current === id) load(id).catch(() => {}); }, 2000);
      for (const m of c.messages) addMessage(m);
      return c;
    }

    async function open(id) {
      current = id; shown.clear(); error();
      $("messages").replaceChildren();
      $("conv").hidden = false; $("conv-empty").hidden = true;
      try { await load(id); } catch (e) { error(e); }
      if (stream) stream.abort();
      stream = new AbortController();
      const ctl = stream;
      fetch("/api/conversations/" + id + "/events", { headers: { authorization: "Bearer " + sessionStorage.getItem(KEY) }, signal: ctl.signal })
        .then((r) => readEvents(r, (name, data) => {
          if (name === "message") addMessage(data);
          if (name === "status") load(id).catch(error);
        })).catch(() => {});
      refreshQueue().catch(error);
    }

    async function act(path) {
      error();
      try { await api("/api/staff/conversations/" + current + "/" + path, { method: "POST" }); await load(current); await refreshQueue(); }
      catch (e) { error(e); }
    }

    $("claim").addEventListener("click", () => act("claim"));
    $("release").addEventListener("click", () => act("release"));
    $("resolve").addEventListener("click", () => act("resolve"));
    $("claim-next").addEventListener("click", async () => {
      try { const r = await api("/api/staff/claim", { method: "POST" }); if (r.conversation_id) open(r.conversation_id); else refreshQueue(); }
      catch (e) { error(e); }
    });
    $("reply-form").addEventListener("submit", async (e) => {
      e.preventDefault(); error();
      const text = $("reply").value.trim();
      if (!text) return;
      try {
        const m = await api("/api/staff/conversations/" + current + "/messages", { method: "POST", body: JSON.stringify({ text }) });
        addMessage(m); $("reply").value = "";
      } catch (err) { error(err); }
    });

    async function stats() {
      const r = await api("/api/analytics?days=30");
      const section = (title, items) => [h("h3", {}, title), items.length ? h("ul", { class: "list" }, items) : h("p", { class: "hint" }, "Nothing yet.")];
      const max = Math.max(1, ...r.busiest_hours.map((x) => x.messages));
      const bars = h("div", { class: "bars", "aria-label": "Shopper messages by hour (UTC)" }, r.busiest_hours.map((x) => {
        const fill = h("span", { class: "fill" });
        fill.style.width = (100 * x.messages / max) + "%";
        return h("div", {}, h("span", {}, String(x.hour).padStart(2, "0") + "h"), h("span", {}, fill), h("span", {}, x.messages));
      }));
      $("stats").replaceChildren(
        h("p", {}, "Conversations: " + r.conversations),
        ...section("Escalations by reason", r.escalations_by_reason.map((x) => h("li", {}, x.key.replace(/_/g, " ") + ": " + x.count))),
        ...section("Could not answer", r.unanswered.map((x) => h("li", {}, x.question + " (" + x.times + "×)"))),
        ...section("Thumbs down", r.thumbs_down.map((x) => h("li", {}, h("div", {}, "Q: " + (x.question || "?")), h("div", { class: "meta" }, "A: " + x.answer.slice(0, 160)), x.comment ? h("div", {}, "“" + x.comment + "”") : null))),
        ...section("Sentiment", r.sentiment.map((x) => h("li", {}, x.key + ": " + x.count))),
        h("h3", {}, "Busiest hours (UTC)"), bars);
    }

    // Returns shoppers confirmed in a chat: sent to the shop's system, or for the team to take on.
    async function returns() {
      const r = await api("/api/staff/returns");
      const list = $("returns");
      list.replaceChildren(...r.returns.map((x) => h("li", {},
        h("span", { class: "tag" }, x.status.replace(/_/g, " ")),
        h("div", {}, "Order " + x.order_number + ": " + x.items.map((i) => i.quantity + " × " + i.name).join(", ")),
        h("button", { type: "button", class: "link", onclick: () => open(x.conversation_id) }, "conversation"),
        h("div", { class: "meta" }, when(x.created_at)))));
      if (!r.returns.length) list.append(h("li", { class: "hint" }, "No return requests."));
    }

    refreshQueue().catch(error);
    stats().catch(error);
    returns().catch(error);
    setInterval(() => returns().catch(() => {}), 60000);
    setInterval(() => refreshQueue().catch(() => {}), 3000);
    setInterval(() => stats().catch(() => {}), 60000);
  }

  // ---------------------------------------------------------------- knowledge-base editor
  function kb() {
    let current = null;
    const say = (ok, err) => { $("edit-ok").textContent = ok || ""; $("edit-error").textContent = err || ""; };

    // Questions shoppers ask, one block per answer: "Answer: <the text's own words>", then a
    // question per line; blocks apart by an empty line.
    function askedFrom(text) {
      return text.split(/\n\s*\n/).map((block) => block.split("\n").map((l) => l.trim()).filter(Boolean))
        .filter((lines) => lines.length > 0)
        .map((lines) => {
          const first = lines[0].replace(/^answer:\s*/i, "");
          return { answer: first, questions: lines.slice(1) };
        });
    }
    const askedText = (asked) => (asked || []).map((a) => ["Answer: " + a.answer, ...a.questions].join("\n")).join("\n\n");

    function draft() {
      return {
        id: $("f-id").value.trim() || null,
        kind: $("f-kind").value,
        title: $("f-title").value,
        body: $("f-body").value,
        tags: $("f-tags").value.split(",").map((t) => t.trim()).filter(Boolean),
        asked: askedFrom($("f-asked").value),
      };
    }

    function fill(a) {
      current = a;
      $("f-id").value = a ? a.id : ""; $("f-id").readOnly = !!a;
      $("f-kind").value = a ? a.kind : "faq";
      $("f-title").value = a ? a.title : ""; $("f-body").value = a ? a.body : ""; $("f-tags").value = a ? a.tags.join(", ") : "";
      $("f-asked").value = a ? askedText(a.asked) : "";
      $("f-meta").textContent = a ? "Revision " + a.revision + " · " + (a.retired ? "retired" : "live") + " · changed " + when(a.updated_at) : "New article";
      $("retire").hidden = !a || a.retired; $("restore").hidden = !a || !a.retired;
    }

    async function refresh() {
      const q = encodeURIComponent($("search").value);
      const { articles } = await api("/api/kb/articles?q=" + q + "&retired=" + $("show-retired").checked);
      $("articles").replaceChildren(...articles.map((a) => h("li", { class: current && current.id === a.id ? "selected" : "" },
        h("button", { type: "button", class: "item", onclick: () => open(a.id) },
          h("span", { class: "tag" }, a.kind), a.retired ? h("span", { class: "tag retired" }, "retired") : null,
          h("div", {}, a.title), h("div", { class: "meta" }, a.id)))));
    }

    async function open(id) {
      say();
      const { article, revisions } = await api("/api/kb/articles/" + encodeURIComponent(id));
      fill(article);
      $("history").replaceChildren(...revisions.map((r) => h("li", {},
        h("div", {}, "#" + r.revision + " " + r.action + " by " + r.author),
        h("div", { class: "meta" }, when(r.created_at) + (r.changed.length ? " · changed: " + r.changed.join(", ") : "")),
        h("details", {}, h("summary", {}, "Text of this revision"), h("p", { class: "preview" }, r.title + "\n\n" + r.body)))));
      refresh();
    }

    $("editor").addEventListener("submit", async (e) => {
      e.preventDefault(); say();
      const d = draft();
      try {
        const saved = current
          ? await api("/api/kb/articles/" + encodeURIComponent(current.id), { method: "PUT", body: JSON.stringify(Object.assign(d, { base_revision: current.revision })) })
          : await api("/api/kb/articles", { method: "POST", body: JSON.stringify(d) });
        await open(saved.id);
        say("Saved revision " + saved.revision + ". Aisle answers with it now.");
      } catch (err) { say(null, err.message); }
    });
    for (const [button, path] of [["retire", "retire"], ["restore", "restore"]]) {
      $(button).addEventListener("click", async () => {
        say();
        try { await api("/api/kb/articles/" + encodeURIComponent(current.id) + "/" + path, { method: "POST" }); await open(current.id); say(path === "retire" ? "Retired: Aisle will not cite it." : "Restored."); }
        catch (err) { say(null, err.message); }
      });
    }
    $("new").addEventListener("click", () => { fill(null); $("history").replaceChildren(); say(); $("f-title").focus(); });
    $("search").addEventListener("input", () => refresh().catch((e) => say(null, e.message)));
    $("show-retired").addEventListener("change", () => refresh().catch((e) => say(null, e.message)));
    $("preview-form").addEventListener("submit", async (e) => {
      e.preventDefault();
      const out = $("preview");
      out.replaceChildren(h("p", { class: "hint" }, "Asking…"));
      try {
        const d = draft();
        if (current) d.id = current.id;
        const hasDraft = d.title.trim().length >= 3 && d.body.trim().length >= 20;
        const p = await api("/api/kb/preview", { method: "POST", body: JSON.stringify({ question: $("question").value, article: hasDraft ? d : null }) });
        out.replaceChildren(h("p", {}, p.answer), h("p", { class: "meta" }, "answered by: " + p.answered_by),
          h("div", { class: "sources" }, p.sources.map((s) => h("div", { class: "source" }, h("b", {}, "[" + s.n + "] " + s.title), s.text || ""))));
      } catch (err) { out.replaceChildren(h("p", { class: "error" }, err.message)); }
    });
    fill(null);
    refresh().catch((e) => say(null, e.message));
  }

  if (sessionStorage.getItem(KEY)) signIn(sessionStorage.getItem(KEY)); else $("signin").hidden = false;
