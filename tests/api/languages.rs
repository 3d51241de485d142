//! The shopper's language, end to end: detected per message, answered in it (the model, the
//! catalog's templates, fixed replies and status texts), prices in the product's own currency,
//! the widget's strings, and staff told which language the shopper writes.
use crate::helpers::{cards, spawn_demo_app, spawn_real_demo_app};
use crate::team::{json_of, said};
use aisle::domain::Language;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn a_german_policy_question_is_answered_in_german_citing_its_article() {
    let app = spawn_real_demo_app().await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Ist der Versand bei Ihnen kostenlos?").await;
    let text = said(&evs);
    assert_eq!(Language::detect(&text, Language::En), Language::De, "{text}");
    assert!(text.contains("50"), "the free-shipping threshold is in the answer: {text}");
    let cited: Vec<String> = cards(&evs).iter().filter_map(|c| c["id"].as_str().map(String::from)).collect();
    assert!(cited.iter().any(|c| c == "shipping-costs"), "{cited:?}");
    let history = app.history(&c).await;
    assert_eq!(history["language"], "de");
    assert_eq!(history["messages"][0]["language"], "de");
}

#[tokio::test]
async fn a_chinese_product_question_gets_the_price_in_the_products_own_currency() {
    let app = spawn_real_demo_app().await;
    let token = app.token("integration", "the shop").await;
    let product = json!({"sku": "BIK-TRE-MAR-001", "title": "Trek Marlin 5", "category": "bicycles",
                         "price": 649.0, "currency": "EUR", "stock": 4, "description": "A trail bike."});
    let r = app.as_team(Method::PUT, "/api/products/BIK-TRE-MAR-001", &token).json(&product).send().await;
    assert_eq!(json_of(r.expect("request")).await.0, 200);
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Trek Marlin 5 多少钱？").await;
    let text = said(&evs);
    assert!(text.contains("€649.00"), "{text}");
    assert!(!text.contains('$') && !text.contains('元'), "{text}");
    assert_eq!(cards(&evs)[0]["product"]["currency"], "EUR");
}

#[tokio::test]
async fn a_spanish_request_for_a_person_is_escalated_with_spanish_status_texts() {
    let app = spawn_demo_app().await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Hola, quiero hablar con una persona, por favor").await;
    let text = said(&evs);
    assert!(text.contains("Por supuesto"), "{text}");
    let status = evs.iter().find(|e| e.event == "status").expect("a status event").data.clone();
    assert_eq!(status["status"], "waiting");
    assert!(status["text"].as_str().is_some_and(|t| t.contains("en la cola")), "{status}");
    // Staff see which language the shopper writes in.
    let token = app.token("staff", "Sam").await;
    let r = app.as_team(Method::GET, "/api/staff/queue", &token).send().await.expect("request");
    let queue = json_of(r).await.1;
    let waiting = queue["conversations"].as_array().and_then(|q| q.first()).cloned().unwrap_or_default();
    assert_eq!(waiting["language"], "es", "{queue}");
}

#[tokio::test]
async fn greetings_and_thanks_are_answered_in_their_language_and_a_short_reply_keeps_it() {
    let app = spawn_demo_app().await;
    let c = app.new_conversation().await;
    assert!(said(&app.ask(&c, "Bonjour !").await).starts_with("Bonjour"));
    let thanks = said(&app.ask(&c, "merci beaucoup").await);
    assert!(thanks.contains("Je vous en prie"), "{thanks}");
    // "ok" says nothing of its language: the conversation stays French.
    app.ask(&c, "ok").await;
    assert_eq!(app.history(&c).await["language"], "fr");
}

/// A first message that is mostly a product's name still says its language: the conversation
/// is French from the start, not English until the shopper writes a longer sentence.
#[tokio::test]
async fn a_short_first_question_naming_a_product_sets_the_conversations_language() {
    let app = spawn_demo_app().await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Vous avez l'Oppo K1 en bleu ?").await;
    assert_eq!(app.history(&c).await["language"], "fr", "{}", said(&evs));
    let done = evs.iter().find(|e| e.event == "done").expect("done").data.clone();
    assert_eq!(done["language"], "fr");
    // In English the same short question stays English.
    let c = app.new_conversation().await;
    app.ask(&c, "Can I use PayPal?").await;
    assert_eq!(app.history(&c).await["language"], "en");
}

#[tokio::test]
async fn the_widget_gets_its_strings_in_the_first_language_aisle_speaks() {
    let app = spawn_demo_app().await;
    let (status, body) = json_of(app.get("/api/widget/texts?lang=pt-BR,fr-CA,en").await).await;
    assert_eq!(status, 200);
    assert_eq!(body["lang"], "fr");
    assert_eq!(body["texts"]["send"], "Envoyer");
    assert_eq!(body["matched"], true);
    // None it speaks: English, and the widget is told so, to follow the conversation's instead.
    let (_, body) = json_of(app.get("/api/widget/texts?lang=xx").await).await;
    assert_eq!((body["lang"].as_str(), body["texts"]["send"].as_str()), (Some("en"), Some("Send")));
    assert_eq!(body["matched"], false);
}

/// Anger is read in the shopper's own words, not only in a translation (which loses it): an
/// angry shopper in any language is brought to a person, told so in their language.
#[tokio::test]
async fn an_angry_shopper_is_brought_to_a_person_in_their_own_language() {
    let app = spawn_demo_app().await;
    for (text, lang, told) in [
        ("Estoy furiosa, son ustedes unos estafadores y nadie me contesta", "es", "en la cola"),
        ("气死我了，你们就是骗子，到现在都没人回复", "zh", "排第"),
        ("本当に腹が立ちます、最悪の対応です", "ja", "番目"),
    ] {
        let c = app.new_conversation().await;
        let evs = app.ask(&c, text).await;
        let status = evs.iter().find(|e| e.event == "status").map(|e| e.data.clone());
        let status = status.unwrap_or_else(|| panic!("{lang}: no person was asked for: {}", said(&evs)));
        assert_eq!(status["status"], "waiting", "{lang}");
        assert!(status["text"].as_str().is_some_and(|t| t.contains(told)), "{lang}: {status}");
        let done = evs.iter().find(|e| e.event == "done").expect("done").data.clone();
        assert_eq!((done["answered_by"].as_str(), done["language"].as_str()), (Some("handoff"), Some(lang)));
    }
    // A calm question in the same languages is answered, not escalated.
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "¿Cuánto cuesta el envío a Sevilla? No hay prisa, gracias").await;
    assert!(evs.iter().all(|e| e.event != "status"), "{}", said(&evs));
}

#[tokio::test]
async fn passages_are_measured_in_the_embedding_models_own_tokens() {
    let embedder = crate::helpers::embedder();
    let english = embedder.tokens("Standard shipping is free on orders of $50 or more.");
    assert!((8..=20).contains(&english), "{english} tokens");
    // Each Chinese character is a token of its own: 700 characters are far past the window.
    let chinese = embedder.tokens(&"我们接受三十天内的退货。".repeat(20));
    assert!(chinese >= 200, "{chinese} tokens");
}

#[tokio::test]
async fn a_spanish_order_question_is_answered_from_the_order_in_spanish() {
    let app = spawn_real_demo_app().await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "¿Dónde está mi pedido AS-10481? Mi correo es ann.lee@example.com").await;
    let text = said(&evs);
    assert!(text.contains("El pedido AS-10481") && text.contains("se envió el") && text.contains("con DHL"), "{text}");
    assert_eq!(cards(&evs)[0]["type"], "order");
}

/// A warranty for the product's life was said in the catalog's English ("Die Garantie für Baseball
/// Glove: lifetime warranty.") where a number of years is said in German.
#[tokio::test]
async fn a_lifetime_warranty_is_said_in_the_shoppers_language() {
    let app = spawn_real_demo_app().await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Wie lange ist der Baseball Glove garantiert?").await;
    let text = said(&evs);
    assert!(text.contains("lebenslange Garantie"), "{text}");
    assert!(!text.to_lowercase().contains("lifetime"), "{text}");
}

/// A request for a person in words no phrase list of its language holds is understood through
/// the translation, which says any such request as one English sentence, or, for a short message
/// naming no product, by the model naming it a request for a person in the shopper's own words; a
/// short first message the detector is unsure of is read by the words only its language's texts use.
#[tokio::test]
async fn a_request_for_a_person_in_any_words_and_language_brings_one_in() {
    let app = spawn_real_demo_app().await;
    // The small test model's greedy translation can change with what else the engine batches
    // beside it, so two of three must be brought in (none were before the translation said them
    // as one sentence).
    let mut missed = Vec::new();
    for ask in ["Prefiero que me atienda un asesor de verdad", "Bitte holen Sie Ihren Chef", "你们主管在吗？"] {
        let c = app.new_conversation().await;
        let evs = app.ask(&c, ask).await;
        let done = evs.iter().find(|e| e.event == "done").expect("done").data.clone();
        if done["answered_by"] != "handoff" {
            missed.push(format!("{ask}: {}", said(&evs)));
        }
    }
    assert!(missed.len() <= 1, "{missed:#?}");
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Ponme con soporte, por favor").await;
    assert_eq!(app.history(&c).await["language"], "es", "{}", said(&evs));
}
