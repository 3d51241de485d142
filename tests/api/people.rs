//! People in the loop: roles, the escalation queue, live replies, knowledge-base editing, analytics.
use crate::helpers::{TestApp, demo_settings, fake, parse_sse, spawn_demo_app_with, spawn_with_generator};
use aisle::startup::GeneratorChoice;
use futures_util::StreamExt;
use reqwest::Method;
use serde_json::{Value, json};
use std::time::Duration;

fn done(evs: &[crate::helpers::Sse]) -> Value {
    evs.iter().find(|e| e.event == "done").map(|e| e.data.clone()).expect("a done event")
}

fn said(evs: &[crate::helpers::Sse]) -> String {
    evs.iter().filter(|e| e.event == "token").filter_map(|e| e.data["text"].as_str()).collect()
}

async fn json_of(r: reqwest::Response) -> (u16, Value) {
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// A shopper who asked for a person: the conversation id, now waiting in the queue.
async fn escalated(app: &TestApp) -> String {
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Can I talk to a real person please?").await;
    assert_eq!(done(&evs)["answered_by"], "handoff", "{evs:?}");
    c
}

/// Reads a conversation's live stream until `want` matches an event, or fails after 10 s.
async fn wait_for_event(
    app: &TestApp,
    c: &str,
    trigger: impl std::future::Future<Output = ()>,
    want: impl Fn(&str, &Value) -> bool,
) -> Value {
    let r = app
        .client
        .get(format!("{}/api/conversations/{c}/events", app.address))
        .header("x-conversation-token", app.token_of(c))
        .send()
        .await
        .expect("live stream");
    assert_eq!(r.status().as_u16(), 200);
    let mut stream = r.bytes_stream();
    trigger.await;
    let mut buffer = String::new();
    let found = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(Ok(chunk)) = stream.next().await {
            buffer.push_str(&String::from_utf8_lossy(&chunk));
            if let Some(e) = parse_sse(&buffer).into_iter().find(|e| want(&e.event, &e.data)) {
                return e.data;
            }
        }
        Value::Null
    })
    .await;
    found.unwrap_or_else(|_| panic!("the event never came; the stream had: {buffer}"))
}

#[tokio::test]
async fn every_role_gets_only_its_own_tools() {
    let app = spawn_demo_app_with(fake("ok")).await;
    let staff = app.token("staff", "Sam Staff").await;
    let editor = app.token("editor", "Eve Editor").await;
    let admin = app.token("admin", "Ada Admin").await;
    let get = |path: &'static str, token: Option<&str>| {
        let r = app.client.get(format!("{}{path}", app.address));
        match token {
            Some(t) => r.bearer_auth(t),
            None => r,
        }
        .send()
    };
    for path in ["/api/staff/queue", "/api/kb/articles", "/api/analytics", "/api/tokens"] {
        let (status, body) = json_of(get(path, None).await.expect("request")).await;
        assert_eq!((status, body["error"]["code"].as_str()), (401, Some("unauthorized")), "{path}");
        let (status, body) = json_of(get(path, Some("aisle_made_up")).await.expect("request")).await;
        assert_eq!((status, body["error"]["code"].as_str()), (401, Some("unauthorized")), "{path}");
        assert_eq!(get(path, Some(&admin)).await.expect("request").status().as_u16(), 200, "admin may {path}");
    }
    let forbidden = [
        ("/api/kb/articles", &staff),
        ("/api/tokens", &staff),
        ("/api/staff/queue", &editor),
        ("/api/tokens", &editor),
    ];
    for (path, token) in forbidden {
        let (status, body) = json_of(get(path, Some(token)).await.expect("request")).await;
        assert_eq!((status, body["error"]["code"].as_str()), (403, Some("forbidden")), "{path}: {body}");
        assert!(body["error"]["message"].as_str().is_some_and(|m| m.contains("role")), "{body}");
    }
    assert_eq!(get("/api/staff/queue", Some(&staff)).await.expect("request").status().as_u16(), 200);
    assert_eq!(get("/api/kb/articles", Some(&editor)).await.expect("request").status().as_u16(), 200);
    assert_eq!(get("/api/analytics", Some(&editor)).await.expect("request").status().as_u16(), 200);

    // A revoked token stops working at once.
    aisle::store::tokens::revoke(&app.pool, "Sam Staff").await.expect("revoke");
    assert_eq!(get("/api/staff/queue", Some(&staff)).await.expect("request").status().as_u16(), 401);

    // Admins make tokens through the API too; the secret is shown once and works.
    let (status, made) = json_of(
        app.as_team(Method::POST, "/api/tokens", &admin)
            .json(&json!({"name": "New Hire", "role": "staff"}))
            .send()
            .await
            .expect("request"),
    )
    .await;
    assert_eq!(status, 201, "{made}");
    let fresh = made["token"].as_str().expect("token");
    assert_eq!(get("/api/staff/queue", Some(fresh)).await.expect("request").status().as_u16(), 200);
    let (_, listed) = json_of(get("/api/tokens", Some(&admin)).await.expect("request")).await;
    assert!(!listed.to_string().contains(fresh), "secrets are never listed");
}

#[tokio::test]
async fn a_shopper_reads_only_their_own_conversation() {
    let app = spawn_demo_app_with(fake("ok")).await;
    let mine = app.new_conversation().await;
    let theirs = app.new_conversation().await;
    let peek = |c: &str, token: Option<String>| {
        let r = app.client.get(format!("{}/api/conversations/{c}", app.address));
        match token {
            Some(t) => r.header("x-conversation-token", t),
            None => r,
        }
        .send()
    };
    let (status, body) = json_of(peek(&theirs, Some(app.token_of(&mine))).await.expect("request")).await;
    assert_eq!((status, body["error"]["code"].as_str()), (403, Some("forbidden")));
    let (status, _) = json_of(peek(&theirs, None).await.expect("request")).await;
    assert_eq!(status, 401);
    let post = app
        .client
        .post(format!("{}/api/conversations/{theirs}/messages", app.address))
        .header("x-conversation-token", app.token_of(&mine))
        .json(&json!({"text": "hello"}))
        .send()
        .await
        .expect("request");
    assert_eq!(post.status().as_u16(), 403, "nobody writes into another's conversation");
    assert_eq!(peek(&mine, Some(app.token_of(&mine))).await.expect("request").status().as_u16(), 200);
    let staff = app.token("staff", "Sam").await;
    let as_staff = app.as_team(Method::GET, &format!("/api/conversations/{theirs}"), &staff).send().await;
    assert_eq!(as_staff.expect("request").status().as_u16(), 200, "staff read any conversation");
    let posing = app
        .as_team(Method::POST, &format!("/api/conversations/{theirs}/messages"), &staff)
        .json(&json!({"text": "hello"}))
        .send()
        .await
        .expect("request");
    assert_eq!(posing.status().as_u16(), 403, "staff do not write as the shopper");
}

#[tokio::test]
async fn too_many_messages_get_a_clear_429() {
    let mut settings = demo_settings().await;
    settings.limits.per_conversation_per_minute = 3;
    let app = spawn_with_generator(settings, fake("The Beats Flex costs $49.99 [1].")).await;
    app.wait_ready().await;
    let c = app.new_conversation().await;
    for _ in 0..3 {
        assert_eq!(app.send_message(&c, "hello").await.status().as_u16(), 200);
    }
    let r = app.send_message(&c, "hello").await;
    assert_eq!(r.status().as_u16(), 429);
    let retry: u64 = r.headers()["retry-after"].to_str().expect("ascii").parse().expect("seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    let (_, body) = json_of(r).await;
    assert_eq!(body["error"]["code"], "rate_limited");
    let other = app.new_conversation().await;
    assert_eq!(app.send_message(&other, "hello").await.status().as_u16(), 200, "the limit is per conversation");
}

#[tokio::test]
async fn each_trigger_escalates_with_its_reason() {
    let app = spawn_demo_app_with(fake("The Beats Flex costs $49.99 [1].")).await;
    let reason = |c: String| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, String>("SELECT reason FROM escalations WHERE conversation_id = $1::uuid")
                .bind(c)
                .fetch_optional(&pool)
                .await
                .expect("query")
        }
    };
    let asked = escalated(&app).await;
    assert_eq!(reason(asked.clone()).await.as_deref(), Some("asked_for_person"));
    let again = app.ask(&asked, "hello?? I asked for a human").await;
    assert!(said(&again).contains("number 1 in the queue"), "asking again says where they stand: {}", said(&again));

    let angry = app.new_conversation().await;
    let evs = app.ask(&angry, "This is the WORST shop ever, my order never arrived and nobody answers!!!").await;
    assert_eq!(done(&evs)["answered_by"], "handoff");
    assert!(said(&evs).contains("sorry"), "{}", said(&evs));
    let status = evs.iter().find(|e| e.event == "status").expect("a status event").data.clone();
    assert_eq!(status["status"], "waiting");
    assert!(status["position"].as_i64().is_some_and(|p| p >= 1) && status["wait_seconds"].as_u64().is_some());
    assert_eq!(reason(angry).await.as_deref(), Some("negative_sentiment"));

    let repeat = app.new_conversation().await;
    app.ask(&repeat, "do you have wireless earphones").await;
    let evs = app.ask(&repeat, "Do you have wireless earphones?").await;
    assert_eq!(done(&evs)["answered_by"], "handoff");
    assert_eq!(reason(repeat).await.as_deref(), Some("repeated_question"));

    let lost = app.new_conversation().await;
    let first = app.ask(&lost, "Can I adopt a llama from your zoo?").await;
    assert_eq!(done(&first)["answered_by"], "unanswered", "{first:?}");
    let evs = app.ask(&lost, "What is the airspeed of a swallow carrying coconuts?").await;
    assert_eq!(done(&evs)["answered_by"], "handoff");
    assert_eq!(reason(lost).await.as_deref(), Some("not_confident"));

    // A calm, new question is simply answered.
    let calm = app.new_conversation().await;
    assert_eq!(done(&app.ask(&calm, "are there wireless earphones?").await)["answered_by"], "model");
}

#[tokio::test]
async fn two_staff_claiming_at_once_exactly_one_wins() {
    let app = spawn_demo_app_with(fake("ok")).await;
    let c = escalated(&app).await;
    let (a, b) = (app.token("staff", "Ann").await, app.token("staff", "Bob").await);
    let claim = |t: String| {
        let r = app.as_team(Method::POST, &format!("/api/staff/conversations/{c}/claim"), &t);
        async move { r.send().await.expect("request").status().as_u16() }
    };
    let (x, y) = tokio::join!(claim(a.clone()), claim(b.clone()));
    let mut codes = [x, y];
    codes.sort();
    assert_eq!(codes, [200, 409], "exactly one claim wins");

    // And "claim next" over a queue of several never hands one conversation to two people.
    let waiting = [escalated(&app).await, escalated(&app).await, escalated(&app).await];
    let next = |t: String| {
        let r = app.as_team(Method::POST, "/api/staff/claim", &t);
        async move { json_of(r.send().await.expect("request")).await.1["conversation_id"].clone() }
    };
    let got = futures_util::future::join_all([next(a.clone()), next(b.clone()), next(a), next(b)]).await;
    let claimed: Vec<&str> = got.iter().filter_map(|v| v.as_str()).collect();
    let mut unique = claimed.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(claimed.len(), 3, "three were waiting: {got:?}");
    assert_eq!(unique.len(), 3, "no conversation claimed twice: {got:?}");
    assert!(claimed.iter().all(|c| waiting.iter().any(|w| w == c)));
}

#[tokio::test]
async fn a_person_replies_live_and_the_bot_stays_silent_until_handed_back() {
    let app = spawn_demo_app_with(fake("The Beats Flex costs $49.99 [1].")).await;
    let c = escalated(&app).await;
    let staff = app.token("staff", "Sam").await;
    let path = |what: &str| format!("/api/staff/conversations/{c}/{what}");

    // Before claiming, a person cannot reply.
    let early = app.as_team(Method::POST, &path("messages"), &staff).json(&json!({"text": "hi"})).send().await;
    assert_eq!(json_of(early.expect("request")).await.1["error"]["code"], "not_claimed");

    // The queue shows it, with the handoff summary.
    let (_, queue) = json_of(app.as_team(Method::GET, "/api/staff/queue", &staff).send().await.expect("q")).await;
    assert_eq!(queue["conversations"][0]["conversation_id"], c.as_str());
    assert_eq!(queue["conversations"][0]["reason"], "asked_for_person");

    // The shopper sees the person join.
    let joined = wait_for_event(
        &app,
        &c,
        async {
            let r = app.as_team(Method::POST, &path("claim"), &staff).send().await.expect("claim");
            assert_eq!(r.status().as_u16(), 200);
        },
        |name, data| name == "status" && data["status"] == "staff",
    )
    .await;
    assert!(joined["text"].as_str().is_some_and(|t| t.contains("Sam")), "{joined}");

    // The shopper writes; Aisle says nothing.
    let evs = app.ask(&c, "are there wireless earphones?").await;
    assert_eq!(done(&evs)["answered_by"], "staff");
    assert!(said(&evs).is_empty(), "the bot is silent while a person owns the conversation: {evs:?}");

    // The person's reply reaches the shopper's live stream.
    let reply = wait_for_event(
        &app,
        &c,
        async {
            let r = app
                .as_team(Method::POST, &path("messages"), &staff)
                .json(&json!({"text": "Hi, I'm Sam. The Beats Flex are in stock, <b>shall I</b> reserve one?"}))
                .send()
                .await
                .expect("reply");
            assert_eq!(r.status().as_u16(), 201);
        },
        |name, data| name == "message" && data["role"] == "staff",
    )
    .await;
    assert_eq!(reply["author"], "Sam");
    assert!(reply["text"].as_str().is_some_and(|t| t.contains("reserve one")));

    // Handing back: Aisle answers again.
    let r = app.as_team(Method::POST, &path("release"), &staff).send().await.expect("release");
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(done(&app.ask(&c, "do you sell red lipstick?").await)["answered_by"], "model");

    // The history has everything, in order, and staff see the summary and reason.
    let (_, full) =
        json_of(app.as_team(Method::GET, &format!("/api/conversations/{c}"), &staff).send().await.expect("h")).await;
    let roles: Vec<&str> =
        full["messages"].as_array().expect("messages").iter().filter_map(|m| m["role"].as_str()).collect();
    assert_eq!(roles, ["shopper", "assistant", "shopper", "staff", "shopper", "assistant"]);
    assert!(full["summary"].as_str().is_some_and(|s| !s.is_empty()), "a handoff summary: {full}");
}

#[tokio::test]
async fn resolving_closes_the_episode_and_the_next_message_is_the_bots() {
    let app = spawn_demo_app_with(GeneratorChoice::None).await;
    let c = escalated(&app).await;
    let staff = app.token("staff", "Sam").await;
    let other = app.token("staff", "Kim").await;
    app.as_team(Method::POST, &format!("/api/staff/conversations/{c}/claim"), &staff).send().await.expect("claim");
    let not_theirs = app.as_team(Method::POST, &format!("/api/staff/conversations/{c}/resolve"), &other).send().await;
    assert_eq!(not_theirs.expect("request").status().as_u16(), 409, "only the owner resolves");
    let r = app.as_team(Method::POST, &format!("/api/staff/conversations/{c}/resolve"), &staff).send().await;
    assert_eq!(r.expect("request").status().as_u16(), 200);
    assert_eq!(app.history(&c).await["status"], "resolved");
    let evs = app.ask(&c, "hello again").await;
    assert_ne!(done(&evs)["answered_by"], "staff");
    assert_eq!(app.history(&c).await["status"], "bot");
    // Without a model, the summary is still there, from the messages themselves.
    let (_, full) =
        json_of(app.as_team(Method::GET, &format!("/api/conversations/{c}"), &staff).send().await.expect("h")).await;
    assert!(full["summary"].as_str().is_some_and(|s| s.starts_with("Wants:")), "{full}");
}

async fn save_article(app: &TestApp, token: &str, method: Method, path: &str, body: Value) -> (u16, Value) {
    json_of(app.as_team(method, path, token).json(&body).send().await.expect("request")).await
}

#[tokio::test]
async fn editors_change_articles_with_revisions_and_aisle_answers_with_the_change_at_once() {
    let app = spawn_demo_app_with(fake("unused")).await;
    let editor = app.token("editor", "Eve").await;
    let (_, before) =
        json_of(app.as_team(Method::GET, "/api/kb/articles/payment-methods", &editor).send().await.expect("get")).await;
    let article = &before["article"];
    let base = article["revision"].as_i64().expect("revision");
    let body = format!("{} We now also accept Klarna instalments.", article["body"].as_str().expect("body"));
    let edit =
        json!({"kind": "faq", "title": article["title"], "body": body, "tags": article["tags"], "base_revision": base});
    let (status, saved) =
        save_article(&app, &editor, Method::PUT, "/api/kb/articles/payment-methods", edit.clone()).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["revision"].as_i64(), Some(base + 1));

    // Saving again from the old revision is refused, not silently overwritten.
    let (status, conflict) = save_article(&app, &editor, Method::PUT, "/api/kb/articles/payment-methods", edit).await;
    assert_eq!((status, conflict["error"]["code"].as_str()), (409, Some("edit_conflict")));

    // The next answer uses the new text.
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Which payment methods do you accept?").await;
    assert!(said(&evs).contains("Klarna"), "{}", said(&evs));

    // History: who, what, when.
    let (_, after) =
        json_of(app.as_team(Method::GET, "/api/kb/articles/payment-methods", &editor).send().await.expect("get")).await;
    let newest = &after["revisions"][0];
    assert_eq!((newest["action"].as_str(), newest["author"].as_str()), (Some("edited"), Some("Eve")));
    assert_eq!(newest["changed"], json!(["body"]), "what changed");
    assert!(newest["body"].as_str().is_some_and(|b| b.contains("Klarna")));
    assert_eq!(after["revisions"][1]["action"], "imported");

    // Bad drafts are refused field by field; nothing changes.
    let (status, bad) = save_article(
        &app,
        &editor,
        Method::POST,
        "/api/kb/articles",
        json!({"kind": "memo", "title": "Gift cards", "body": "Gift cards never expire and work online."}),
    )
    .await;
    assert_eq!(status, 400);
    assert!(bad["error"]["message"].as_str().is_some_and(|m| m.starts_with("kind:")), "{bad}");
    let (status, _) = save_article(
        &app,
        &editor,
        Method::POST,
        "/api/kb/articles",
        json!({"kind": "faq", "title": "Payment methods", "id": "payment-methods", "body": "A clash with an existing id."}),
    )
    .await;
    assert_eq!(status, 409);

    // A new article is searchable as soon as it is saved.
    let (status, created) = save_article(
        &app,
        &editor,
        Method::POST,
        "/api/kb/articles",
        json!({"kind": "faq", "title": "Do you engrave jewellery?", "body": "Yes. Rings, bracelets and watches can be engraved with up to 20 letters for $5.", "tags": ["engraving"]}),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["id"], "do-you-engrave-jewellery");
    let found = app.search_ids("engrave a ring with letters").await;
    assert_eq!(found.first().map(String::as_str), Some("do-you-engrave-jewellery"), "{found:?}");
}

#[tokio::test]
async fn a_retired_article_is_never_cited_and_can_be_restored() {
    let app = spawn_demo_app_with(fake("unused")).await;
    let editor = app.token("editor", "Eve").await;
    let cited = |evs: &[crate::helpers::Sse]| -> Vec<String> {
        evs.iter()
            .filter(|e| e.event == "sources")
            .flat_map(|e| e.data["sources"].as_array().cloned().unwrap_or_default())
            .filter_map(|s| s["id"].as_str().map(str::to_string))
            .collect()
    };
    let c = app.new_conversation().await;
    assert!(cited(&app.ask(&c, "Which payment methods do you accept?").await).contains(&"payment-methods".into()));
    let (status, _) =
        save_article(&app, &editor, Method::POST, "/api/kb/articles/payment-methods/retire", json!({})).await;
    assert_eq!(status, 200);
    for q in ["Which payment methods do you accept?", "can I pay with paypal", "payment methods"] {
        let c = app.new_conversation().await;
        let evs = app.ask(&c, q).await;
        assert!(!cited(&evs).contains(&"payment-methods".into()), "{q}: {evs:?}");
        assert!(!app.search_ids(q).await.contains(&"payment-methods".into()), "{q}");
    }
    let (status, _) =
        save_article(&app, &editor, Method::POST, "/api/kb/articles/payment-methods/restore", json!({})).await;
    assert_eq!(status, 200);
    assert!(app.search_ids("payment methods").await.contains(&"payment-methods".into()));
    let (_, after) =
        json_of(app.as_team(Method::GET, "/api/kb/articles/payment-methods", &editor).send().await.expect("get")).await;
    let actions: Vec<&str> =
        after["revisions"].as_array().expect("revisions").iter().filter_map(|r| r["action"].as_str()).collect();
    assert_eq!(actions, ["restored", "retired", "imported"]);
}

#[tokio::test]
async fn every_process_on_the_same_database_re_indexes_an_edit() {
    let settings = demo_settings().await;
    let a = spawn_with_generator(settings.clone(), GeneratorChoice::None).await;
    let b = spawn_with_generator(settings, GeneratorChoice::None).await;
    a.wait_ready().await;
    b.wait_ready().await;
    let editor = a.token("editor", "Eve").await;
    let (status, _) = save_article(
        &a,
        &editor,
        Method::POST,
        "/api/kb/articles",
        json!({"kind": "policy", "title": "Price match promise", "body": "If you find the same item cheaper within 14 days, we refund the difference."}),
    )
    .await;
    assert_eq!(status, 201);
    // Process B heard it through Postgres and rebuilt its index.
    let started = std::time::Instant::now();
    let mut found = false;
    while started.elapsed() < Duration::from_secs(10) && !found {
        found = b.search_ids("price match promise refund difference").await.first().map(String::as_str)
            == Some("price-match-promise");
        if !found {
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
    assert!(found, "the other process never re-indexed");
    eprintln!("other process searchable after {:?}", started.elapsed());
    let (status, _) =
        save_article(&a, &editor, Method::POST, "/api/kb/articles/price-match-promise/retire", json!({})).await;
    assert_eq!(status, 200);
    let started = std::time::Instant::now();
    while b.search_ids("price match promise refund difference").await.contains(&"price-match-promise".into()) {
        assert!(started.elapsed() < Duration::from_secs(10), "the other process still finds a retired article");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

#[tokio::test]
async fn a_preview_answers_with_the_draft_and_changes_nothing() {
    let app = spawn_demo_app_with(fake("unused")).await;
    let editor = app.token("editor", "Eve").await;
    let (_, live) =
        json_of(app.as_team(Method::GET, "/api/kb/articles/payment-methods", &editor).send().await.expect("get")).await;
    let draft = json!({"id": "payment-methods", "kind": "faq", "title": live["article"]["title"],
                       "body": "We accept Visa, Mastercard and, new this month, Klarna instalments for orders over $50.",
                       "tags": live["article"]["tags"]});
    let (status, preview) = save_article(
        &app,
        &editor,
        Method::POST,
        "/api/kb/preview",
        json!({"question": "Which payment methods do you accept?", "article": draft}),
    )
    .await;
    assert_eq!(status, 200, "{preview}");
    assert!(preview["answer"].as_str().is_some_and(|a| a.contains("Klarna")), "{preview}");
    assert_eq!(preview["sources"][0]["id"], "payment-methods");
    // Nothing was saved, and shoppers still get the live text.
    let (_, after) =
        json_of(app.as_team(Method::GET, "/api/kb/articles/payment-methods", &editor).send().await.expect("get")).await;
    assert_eq!(after["article"]["revision"], live["article"]["revision"]);
    let c = app.new_conversation().await;
    assert!(!said(&app.ask(&c, "Which payment methods do you accept?").await).contains("Klarna"));
}

#[tokio::test]
async fn editors_import_a_catalog_through_the_api_all_or_nothing() {
    let app = spawn_demo_app_with(GeneratorChoice::None).await;
    let editor = app.token("editor", "Eve").await;
    let line = |sku: &str, price: &str| {
        format!(
            r#"{{"sku":"{sku}","title":"Trail Runner Socks","description":"Merino socks for trail running.","category":"mens-shoes","price":{price},"stock":5}}"#
        )
    };
    let send = |body: String| app.as_team(Method::POST, "/api/kb/import?format=jsonl", &editor).body(body).send();
    let (status, bad) =
        json_of(send(format!("{}\n{}", line("SOCK-1", "9.5"), line("SOCK-2", "-1"))).await.expect("import")).await;
    assert_eq!(status, 400);
    assert_eq!(bad["error"]["code"], "invalid_import");
    assert!(bad["error"]["problems"][0].as_str().is_some_and(|p| p.contains(":2") && p.contains("price")), "{bad}");
    assert!(app.search_ids("merino trail socks").await.first().is_none_or(|id| id != "SOCK-1"), "nothing imported");
    let (status, report) = json_of(send(line("SOCK-1", "9.5")).await.expect("import")).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["products"]["inserted"], 1);
    assert_eq!(app.search_ids("merino trail socks").await.first().map(String::as_str), Some("SOCK-1"));
}

#[tokio::test]
async fn analytics_show_what_the_team_needs_to_fix() {
    let app = spawn_demo_app_with(fake("The Beats Flex costs $49.99 [1].")).await;
    let staff = app.token("staff", "Sam").await;
    let c = app.new_conversation().await;
    app.ask(&c, "Can I adopt a llama from your zoo?").await;
    let evs = app.ask(&c, "are there wireless earphones?").await;
    let answer = done(&evs)["message_id"].as_str().expect("id").to_string();
    let r = app
        .client
        .post(format!("{}/api/messages/{answer}/feedback", app.address))
        .header("x-conversation-token", app.token_of(&c))
        .json(&json!({"rating": "down", "comment": "I wanted the black ones"}))
        .send()
        .await
        .expect("feedback");
    assert_eq!(r.status().as_u16(), 204);
    escalated(&app).await;
    let (status, report) =
        json_of(app.as_team(Method::GET, "/api/analytics?days=7", &staff).send().await.expect("r")).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["unanswered"][0]["question"], "can i adopt a llama from your zoo?");
    assert_eq!(report["thumbs_down"][0]["comment"], "I wanted the black ones");
    assert_eq!(report["thumbs_down"][0]["question"], "are there wireless earphones?");
    assert_eq!(report["escalations_by_reason"][0]["key"], "asked_for_person");
    let hours = report["busiest_hours"].as_array().expect("hours");
    assert_eq!(hours.len(), 24);
    assert!(hours.iter().map(|h| h["messages"].as_i64().unwrap_or(0)).sum::<i64>() >= 3);
    let bad = app.as_team(Method::GET, "/api/analytics?days=0", &staff).send().await.expect("r");
    assert_eq!(json_of(bad).await.1["error"]["code"], "invalid_parameter");
}

#[tokio::test]
async fn the_pages_are_served_with_a_strict_content_policy() {
    let app = spawn_demo_app_with(GeneratorChoice::None).await;
    for (path, marker) in [("/", "widget.js"), ("/staff", "Staff console"), ("/kb", "Knowledge base")] {
        let r = app.get(path).await;
        assert_eq!(r.status().as_u16(), 200, "{path}");
        let csp = r.headers()["content-security-policy"].to_str().expect("ascii").to_string();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
        assert!(r.text().await.expect("html").contains(marker), "{path}");
    }
    let js = app.get("/widget.js").await;
    assert_eq!(js.headers()["access-control-allow-origin"], "*", "any shop page may load the widget");
    assert!(!js.text().await.expect("js").contains("innerHTML"), "the widget never parses text as HTML");
}

#[tokio::test]
async fn a_process_cut_off_from_postgres_catches_up_on_edits_made_meanwhile() {
    let proxy = crate::helpers::PgProxy::start().await;
    let direct = demo_settings().await;
    let mut cut_off = direct.clone();
    cut_off.database.url = proxy.url_for(&direct.database.url);
    let a = spawn_with_generator(cut_off, GeneratorChoice::None).await;
    let b = spawn_with_generator(direct, GeneratorChoice::None).await;
    a.wait_ready().await;
    b.wait_ready().await;
    let staff = a.token("staff", "Sam").await;
    let editor = b.token("editor", "Eve").await;

    proxy.cut();
    // Without Postgres, team endpoints say so and the process stays up.
    let r = a.as_team(Method::GET, "/api/staff/queue", &staff).send().await.expect("request");
    assert_eq!(
        json_of(r).await,
        (
            503,
            json!({"error": {"code": "database_unavailable",
        "message": "conversation history is unavailable right now; try again in a minute"}})
        )
    );
    let (status, _) = save_article(
        &b,
        &editor,
        Method::POST,
        "/api/kb/articles",
        json!({"kind": "policy", "title": "Holiday opening hours", "body": "Over the holidays our warehouse ships on weekdays only, until January 5."}),
    )
    .await;
    assert_eq!(status, 201);
    tokio::time::sleep(Duration::from_millis(500)).await;
    proxy.restore();

    // Process A missed the notification; it rebuilds when it reconnects.
    let started = std::time::Instant::now();
    while a.search_ids("holiday opening hours warehouse").await.first().map(String::as_str)
        != Some("holiday-opening-hours")
    {
        assert!(started.elapsed() < Duration::from_secs(20), "the cut-off process never caught up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_complaint_in_words_the_lexicon_lacks_is_negative_but_brings_no_one_in() {
    let app = spawn_demo_app_with(fake("The Beats Flex costs $49.99 [1].")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "my new blender is leaking water all over the counter").await;
    assert_ne!(done(&evs)["answered_by"], "handoff", "{evs:?}");
    let mood: f32 =
        sqlx::query_scalar("SELECT sentiment FROM messages WHERE conversation_id = $1::uuid AND role = 'shopper'")
            .bind(&c)
            .fetch_one(&app.pool)
            .await
            .expect("sentiment");
    assert_eq!(aisle::chat::sentiment::score("my new blender is leaking water all over the counter"), 0.0);
    assert!(mood <= -0.2, "the embedding classes read it as a complaint: {mood}");
}
