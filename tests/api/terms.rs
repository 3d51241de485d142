//! The shop's terms hold for every answer about a product of the kind they name, whatever the
//! question's words found: a return window from the catalog comes with the policy's exception
//! for the product's kind, and a model's yes that the policy refuses is not shown.
use crate::helpers::{cards, fake, spawn_demo_app_with};
use crate::team::{done, said};

/// "Can I get my money back on the Red Lipstick after testing it?" has no word the return cues
/// know for an opened item: the catalog's 7 days alone would say yes to a lipstick once tried.
#[tokio::test]
async fn a_return_window_comes_with_the_policys_exception_for_the_products_kind() {
    let app = spawn_demo_app_with(fake("Yes, you can return it.")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Can I get my money back on the Red Lipstick after testing it?").await;
    let text = said(&evs);
    assert!(text.contains("7 days"), "the catalog's window: {text}");
    assert!(text.contains("Opened beauty products") && text.contains("hygiene"), "the exception: {text}");
    let ids: Vec<_> = cards(&evs).iter().map(|c| c["id"].as_str().unwrap_or_default().to_string()).collect();
    assert_eq!(ids, ["BEA-CHI-LIP-004", "returns-policy"], "{text}");

    // A kind no article makes an exception for keeps the catalog's answer alone.
    let evs = app.ask(&c, "Can I return the iPhone 13 Pro?").await;
    assert_eq!(done(&evs)["answered_by"], "catalog", "{}", said(&evs));
    assert!(!said(&evs).contains("cannot be returned"), "{}", said(&evs));
}

/// A model's "yes" to returning a lipstick once tried is checked against the returns policy even
/// when the search brought in only the lipstick: the policy's own sentence is said instead.
#[tokio::test]
async fn a_models_yes_that_the_shops_terms_refuse_is_replaced_by_the_terms_though_not_found() {
    let app = spawn_demo_app_with(fake("Yes, you can return the Red Lipstick within 7 days [1].")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "I tried the Red Lipstick on and it's not for me, what now?").await;
    let text = said(&evs);
    assert_eq!(done(&evs)["answered_by"], "model", "{text}");
    assert!(!text.contains("Yes, you can return"), "{text}");
    assert!(text.contains("cannot be returned for hygiene and safety reasons"), "{text}");
    assert_eq!(done(&evs)["claims"]["action"], "withheld", "{text}");
    assert!(cards(&evs).iter().any(|c| c["id"] == "returns-policy"), "the policy is cited: {:?}", cards(&evs));
}

/// "Free delivery" asked of a product is the shop's delivery terms, not a yes for the model to
/// give: motorcycles have their delivery quoted at checkout.
#[tokio::test]
async fn free_delivery_asked_of_a_product_is_answered_by_the_shipping_costs_policy() {
    let app = spawn_demo_app_with(fake("Yes, you can order the Kawasaki Z800 with free delivery [1].")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Can I order the Kawasaki Z800 with free delivery?").await;
    let text = said(&evs);
    assert_eq!(done(&evs)["answered_by"], "article", "{text}");
    assert!(text.contains("motorcycles and vehicles have their delivery cost quoted at checkout"), "{text}");
    assert!(!text.contains("Yes"), "{text}");
}

/// A person asked for at a later time asks the hours: answered, not queued.
#[tokio::test]
async fn a_person_asked_for_at_a_later_time_is_answered_with_the_hours() {
    let app = spawn_demo_app_with(fake("Our team is always there.")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Can I still talk to somebody real on a Saturday afternoon?").await;
    let text = said(&evs);
    assert_eq!(done(&evs)["answered_by"], "article", "{text}");
    assert!(text.contains("Saturday from 9 am to 5 pm"), "{text}");
    // Asked for now, a person is brought in.
    let evs = app.ask(&c, "Can I talk to somebody real now please?").await;
    assert_eq!(done(&evs)["answered_by"], "handoff", "{}", said(&evs));
}
