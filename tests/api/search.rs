//! What a shopper notices when searching.
use crate::helpers::{ids, spawn_demo_app};

#[tokio::test]
async fn a_paraphrase_finds_the_product_it_describes() {
    let app = spawn_demo_app().await;
    // None of these shares a word with the product's title.
    for (query, sku) in [
        ("couch", "FUR-ANN-ANN-012"),
        ("something to sleep on", "FUR-ANN-ANN-011"),
        ("voice assistant for the living room", "MOB-AMA-AMA-099"),
        ("cordless earbuds", "MOB-BEA-BEA-107"),
        ("caffeine", "GRO-BRD-NES-034"),
    ] {
        assert_eq!(app.search_ids(query).await[0], sku, "{query}");
    }
}

#[tokio::test]
async fn a_misspelled_query_still_finds_the_product() {
    let app = spawn_demo_app().await;
    assert_eq!(app.search_ids("maskara").await[0], "BEA-ESS-ESS-001");
    let (_, body) = app.search(&[("q", "maskara"), ("mode", "keyword")]).await;
    assert_eq!(ids(&body).first().map(String::as_str), Some("BEA-ESS-ESS-001"), "keyword search is typo-tolerant too");
}

#[tokio::test]
async fn a_price_limit_in_words_filters_the_results() {
    let app = spawn_demo_app().await;
    let (status, body) = app.search(&[("q", "smartphone under $200")]).await;
    assert_eq!(status, 200);
    assert_eq!(body["interpreted"]["filters"]["max_price"], 200.0);
    assert_eq!(body["interpreted"]["text"], "smartphone");
    let hits = body["hits"].as_array().expect("hits");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["type"] == "product" && h["price"].as_f64().is_some_and(|p| p <= 200.0)), "{body}");
    assert!(ids(&body)[..2].contains(&"SMA-REA-REA-128".to_string()), "the Realme C35 ($149.99) ranks near the top");
}

#[tokio::test]
async fn explicit_filters_keep_only_matching_products() {
    let app = spawn_demo_app().await;
    let (status, body) = app
        .search(&[
            ("q", "phone"),
            ("category", "smartphones"),
            ("in_stock", "true"),
            ("min_rating", "4"),
            ("limit", "50"),
        ])
        .await;
    assert_eq!(status, 200);
    let hits = body["hits"].as_array().expect("hits");
    assert!(!hits.is_empty());
    for h in hits {
        assert_eq!(h["category"], "smartphones");
        assert!(h["stock"].as_i64().unwrap_or(0) > 0, "in stock: {h}");
        assert!(h["rating"].as_f64().unwrap_or(0.0) >= 4.0, "rated 4+: {h}");
    }
    assert!(!ids(&body).contains(&"SMA-SAM-SAM-132".to_string()), "the out-of-stock Galaxy S8 is filtered out");
}

#[tokio::test]
async fn a_policy_question_finds_the_faq_that_answers_it() {
    let app = spawn_demo_app().await;
    let (_, body) = app.search(&[("q", "do you take paypal")]).await;
    assert_eq!(body["hits"][0]["article_id"], "payment-methods");
    assert_eq!(body["hits"][0]["kind"], "faq");
    assert!(body["hits"][0]["text"].as_str().unwrap_or_default().contains("PayPal"));
    assert_eq!(app.search_ids("when will I get my money back").await[0], "refunds");
}

#[tokio::test]
async fn every_hit_explains_its_rank_with_separate_scores() {
    let app = spawn_demo_app().await;
    let (_, body) = app.search(&[("q", "rolex watch")]).await;
    let top = &body["hits"][0];
    assert!(top["scores"]["keyword"]["score"].as_f64().is_some_and(|s| s > 0.0), "{top}");
    assert!(top["scores"]["vector"]["score"].as_f64().is_some_and(|s| s > 0.0), "{top}");
    assert!(top["scores"]["fused"].as_f64().is_some());
    let (_, kw) = app.search(&[("q", "rolex watch"), ("mode", "keyword")]).await;
    assert!(kw["hits"][0]["scores"]["vector"].is_null(), "keyword mode uses one signal");
}

#[tokio::test]
async fn the_diversity_rerank_spreads_near_duplicates_apart() {
    let app = spawn_demo_app().await;
    let brands = |body: &serde_json::Value| -> usize {
        let mut b: Vec<String> =
            body["hits"].as_array().into_iter().flatten().map(|h| h["brand"].to_string()).collect();
        b.sort();
        b.dedup();
        b.len()
    };
    let (_, plain) = app.search(&[("q", "luxury watch"), ("limit", "5")]).await;
    let (_, diverse) = app.search(&[("q", "luxury watch"), ("limit", "5"), ("diverse", "true")]).await;
    assert_eq!(diverse["hits"].as_array().map(Vec::len), Some(5));
    assert!(brands(&diverse) >= brands(&plain), "plain {plain}\ndiverse {diverse}");
    assert!(brands(&diverse) >= 3, "five luxury watches from at least three brands: {diverse}");
}

#[tokio::test]
async fn suggestions_complete_titles_and_past_searches() {
    let app = spawn_demo_app().await;
    app.search(&[("q", "rolex for my father")]).await;
    let body: serde_json::Value = app.get("/api/suggest?q=rol").await.json().await.expect("json");
    let s: Vec<&str> = body["suggestions"].as_array().expect("list").iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(s.first(), Some(&"rolex for my father"), "past searches come first: {s:?}");
    assert!(s.iter().any(|t| t.starts_with("Rolex")), "titles too: {s:?}");
}
