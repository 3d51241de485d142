//! The knowledge-base editor: revisions, retire and restore, re-indexing across processes, preview, import.
use crate::helpers::{demo_settings, fake, spawn_demo_app_with, spawn_with_generator};
use crate::team::{json_of, said, save_article};
use aisle::startup::GeneratorChoice;
use reqwest::Method;
use serde_json::json;
use std::time::Duration;

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

/// An editor gives an article the questions shoppers ask in their own words, each tied to the
/// sentences that answer it: a question worded like one of them, and unlike the article, is
/// answered with those sentences at once. An answer that is not the article's own words is
/// refused, and saving the text alone keeps the questions.
#[tokio::test]
async fn a_question_worded_like_an_editors_question_is_answered_with_its_sentences() {
    let app = spawn_demo_app_with(fake("unused")).await;
    let editor = app.token("editor", "Eve").await;
    let body = "Rings, bracelets and watches can be engraved with up to 20 letters for $5.\n\n\
                Engraved items are made for you and cannot be returned unless they are faulty.";
    let answer = "Engraved items are made for you and cannot be returned unless they are faulty.";
    let article = |answer: &str| {
        json!({"kind": "faq", "title": "Engraving", "body": body, "tags": ["engraving"],
               "asked": [{"answer": answer, "questions": ["Once my name is on the bracelet, can I still give it back?"]}]})
    };
    let (status, bad) =
        save_article(&app, &editor, Method::POST, "/api/kb/articles", article("Engraved items can be returned.")).await;
    assert_eq!(status, 400, "{bad}");
    assert!(bad["error"]["message"].as_str().is_some_and(|m| m.starts_with("asked:")), "{bad}");
    let (status, created) = save_article(&app, &editor, Method::POST, "/api/kb/articles", article(answer)).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["asked"][0]["answer"], answer);

    let question = "Can I give it back after you have put my name on it?";
    let c = app.new_conversation().await;
    let evs = app.ask(&c, question).await;
    assert!(said(&evs).starts_with(answer), "{}", said(&evs));
    let cited: Vec<&str> = evs
        .iter()
        .filter(|e| e.event == "sources")
        .flat_map(|e| e.data["sources"].as_array().into_iter().flatten())
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert!(cited.contains(&"engraving"), "{cited:?}");

    // The text edited without its questions keeps them.
    let edit = json!({"kind": "faq", "title": "Engraving", "body": format!("{body} Engraving adds one day."),
                      "base_revision": created["revision"]});
    let (status, saved) = save_article(&app, &editor, Method::PUT, "/api/kb/articles/engraving", edit).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["asked"], created["asked"]);
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
        "message": "Aisle cannot reach its database right now; try again in a minute"}})
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
