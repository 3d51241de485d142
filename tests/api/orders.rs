//! "Where is my order?" answered from the shop's own order data, only to the shopper who proves
//! the order is theirs; a return only after they confirm; a catalog the shop changes live.
use crate::helpers::{Sse, TestApp, demo_settings, spawn_demo_app, spawn_with};
use crate::team::{done, json_of, said};
use reqwest::Method;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn order_cards(evs: &[Sse]) -> Vec<Value> {
    evs.iter()
        .filter(|e| e.event == "sources")
        .flat_map(|e| e.data["sources"].as_array().cloned().unwrap_or_default())
        .filter(|s| s["type"] == "order")
        .collect()
}

/// Asks, and checks nothing about any order was shown.
async fn told_nothing(app: &TestApp, c: &str, text: &str) -> String {
    let evs = app.ask(c, text).await;
    let answer = said(&evs);
    assert!(order_cards(&evs).is_empty(), "{answer}");
    for fact in ["dispatched", "DHL", "JD014600006281", "Airpods", "delivered", "expected"] {
        assert!(!answer.contains(fact), "`{fact}` told before the order was proven: {answer}");
    }
    answer
}

#[tokio::test]
async fn an_order_is_told_only_to_the_shopper_who_gives_its_number_and_the_email_on_it() {
    let app = spawn_demo_app().await;
    let c = app.new_conversation().await;
    let asked = told_nothing(&app, &c, "Where is my order?").await;
    assert!(asked.contains("order number") && asked.contains("email"), "{asked}");
    assert!(told_nothing(&app, &c, "AS-10481").await.contains("email"));
    let wrong_email = told_nothing(&app, &c, "bob@example.com").await;
    // A number that does not exist gets the very same words as a wrong email.
    let no_such = told_nothing(&app, &c, "order AS-99999, ann.lee@example.com").await;
    assert_eq!(wrong_email, no_such);

    let evs = app.ask(&c, "It's order AS-10481 and my email is Ann.Lee@example.com").await;
    let answer = said(&evs);
    assert!(answer.contains("dispatched on Saturday 21 November 2026 with DHL"), "{answer}");
    assert!(answer.contains("https://track.example-carrier.com/JD014600006281"), "{answer}");
    assert_eq!(done(&evs)["answered_by"], "order");
    let card = &order_cards(&evs)[0];
    assert_eq!((card["id"].as_str(), card["order"]["items"].as_array().map(Vec::len)), (Some("AS-10481"), Some(2)));
    let checks: Vec<(String, bool)> = sqlx::query_as("SELECT number, verified FROM order_checks ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .expect("the checks are logged");
    assert_eq!(checks.iter().filter(|(_, ok)| !ok).count(), 2);
    assert_eq!(checks.last(), Some(&("AS-10481".to_string(), true)));
}

#[tokio::test]
async fn guessing_emails_is_stopped_after_five_wrong_attempts_even_with_the_right_one() {
    let app = spawn_demo_app().await;
    let c = app.new_conversation().await;
    for i in 0..5 {
        told_nothing(&app, &c, &format!("order AS-10481, guess{i}@example.com")).await;
    }
    let locked = told_nothing(&app, &c, "order AS-10481, ann.lee@example.com").await;
    assert!(locked.contains("paused"), "{locked}");
}

#[tokio::test]
async fn each_status_is_answered_with_the_orders_own_facts() {
    let app = spawn_demo_app().await;
    let cases = [
        ("AS-10482", "ben.okafor@example.com", "waiting to be packed"),
        ("AS-10483", "chloe.martin@example.com", "being packed now"),
        ("AS-10481", "ann.lee@example.com", "Tracking number JD014600006281"),
        ("AS-10484", "dev.patel@example.com", "delivered on Thursday 12 November 2026"),
        ("AS-10485", "emma.schmidt@example.com", "was cancelled"),
        ("AS-10486", "farid.haddad@example.com", "was returned"),
        ("10491", "kate.owens@example.com", "3 × Eggs"),
    ];
    for (number, email, fact) in cases {
        let c = app.new_conversation().await;
        let evs = app.ask(&c, &format!("what's the status of order {number}? {email}")).await;
        assert!(said(&evs).contains(fact), "{number}: {}", said(&evs));
        assert_eq!(order_cards(&evs)[0]["order"]["number"], number);
    }
}

#[tokio::test]
async fn a_late_order_offers_a_person_and_a_yes_brings_one_with_the_order_in_the_summary() {
    let app = spawn_demo_app().await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "my sofa hasn't arrived, order AS-10487, grace.kim@example.com").await;
    assert!(said(&evs).contains("later than we said (Saturday 7 November 2026)"), "{}", said(&evs));
    assert_eq!(order_cards(&evs)[0]["order"]["late"], true);
    let evs = app.ask(&c, "yes please").await;
    assert_eq!(done(&evs)["answered_by"], "handoff", "{}", said(&evs));
    let id: uuid::Uuid = c.parse().expect("a conversation id");
    for _ in 0..50 {
        let summary: Option<String> = sqlx::query_scalar("SELECT summary FROM conversations WHERE id = $1")
            .bind(id)
            .fetch_one(&app.pool)
            .await
            .expect("the conversation");
        if let Some(summary) = summary {
            assert!(summary.contains("Order AS-10487 (dispatched, late)"), "{summary}");
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no handoff summary was written");
}

#[tokio::test]
async fn the_second_item_of_an_order_is_answered_on_its_own_in_a_follow_up() {
    let app = spawn_demo_app().await;
    let c = app.new_conversation().await;
    let first = said(&app.ask(&c, "where is my order AS-10488? hugo.silva@example.com").await);
    assert!(first.contains("Samsung Galaxy S10 was delivered") && first.contains("Cricket Helmet"), "{first}");
    let second = said(&app.ask(&c, "and when will the second item arrive?").await);
    assert!(second.contains("Cricket Helmet is expected on Thursday 26 November 2026"), "{second}");
    assert!(!second.contains("Samsung"), "{second}");
}

/// An order delivered two days ago with a 30-day return window, pushed by the shop.
async fn push_recent_order(app: &TestApp, number: &str) {
    let token = app.token("integration", "the shop").await;
    let delivered = chrono::Utc::now() - chrono::Duration::days(2);
    let order = json!({
        "number": number, "email": "lea@example.com", "status": "delivered",
        "placed_at": (delivered - chrono::Duration::days(3)).to_rfc3339(), "delivered_at": delivered.to_rfc3339(),
        "return_days": 30,
        "items": [{"sku": "SUN-FAS-CLA-155", "name": "Classic Sun Glasses", "quantity": 1},
                  {"sku": "MEN-NIK-NIK-089", "name": "Nike Baseball Cleats", "quantity": 1, "return_days": 0}]
    });
    let r = app.as_team(Method::PUT, &format!("/api/orders/{number}"), &token).json(&order).send().await;
    let (status, body) = json_of(r.expect("request")).await;
    assert_eq!((status, body["result"].as_str()), (200, Some("inserted")), "{body}");
}

async fn returns(app: &TestApp) -> Vec<Value> {
    let staff = app.token("staff", "Sam").await;
    let r = app.as_team(Method::GET, "/api/staff/returns", &staff).send().await.expect("request");
    json_of(r).await.1["returns"].as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn a_return_is_requested_only_after_the_shopper_confirms_its_summary() {
    let app = spawn_demo_app().await;
    push_recent_order(&app, "AS-20001").await;
    let c = app.new_conversation().await;
    app.ask(&c, "order AS-20001, lea@example.com").await;
    let cleats = said(&app.ask(&c, "I want to return the cleats").await);
    assert!(cleats.contains("Nike Baseball Cleats cannot be returned") && !cleats.contains("Reply"), "{cleats}");
    let summary = said(&app.ask(&c, "Can I send back the sun glasses?").await);
    assert!(summary.contains("return 1 × Classic Sun Glasses from order AS-20001"), "{summary}");
    assert!(said(&app.ask(&c, "no").await).contains("haven't requested"));
    // A yes that does not answer the summary straight away confirms nothing.
    app.ask(&c, "I want to return the glasses").await;
    app.ask(&c, "What is your phone number?").await;
    app.ask(&c, "yes").await;
    assert!(returns(&app).await.is_empty(), "nothing is requested without a yes to its summary");

    app.ask(&c, "actually I do want to return the glasses").await;
    let done_text = said(&app.ask(&c, "yes").await);
    assert!(done_text.contains("return request for 1 × Classic Sun Glasses"), "{done_text}");
    let requested = returns(&app).await;
    assert_eq!(requested.len(), 1);
    assert_eq!(
        (requested[0]["order_number"].as_str(), requested[0]["status"].as_str()),
        (Some("AS-20001"), Some("requested"))
    );
    assert_eq!(requested[0]["items"][0]["sku"], "SUN-FAS-CLA-155");
}

#[tokio::test]
async fn only_the_integration_role_pushes_orders_and_a_bad_order_is_refused_field_by_field() {
    let app = spawn_demo_app().await;
    let editor = app.token("editor", "Eve").await;
    let r = app.as_team(Method::PUT, "/api/orders/AS-30001", &editor).json(&json!({})).send().await;
    assert_eq!(r.expect("request").status().as_u16(), 403);
    let token = app.token("integration", "the shop").await;
    let bad = json!({"number": "AS-30001", "email": "x@example.com", "status": "lost", "placed_at": "2026-11-01T00:00:00Z", "items": []});
    let r = app.as_team(Method::PUT, "/api/orders/AS-30001", &token).json(&bad).send().await;
    let (status, body) = json_of(r.expect("request")).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("invalid_import")), "{body}");
    assert!(body.to_string().contains("lost"), "{body}");
}

#[tokio::test]
async fn a_price_the_shop_changes_is_answered_in_the_next_message() {
    let app = spawn_demo_app().await;
    let token = app.token("integration", "the shop").await;
    let product = json!({"sku": "SUN-FAS-CLA-155", "title": "Classic Sun Glasses", "category": "sunglasses",
                         "price": 12.34, "stock": 3, "description": "Classic sun glasses."});
    let r = app.as_team(Method::PUT, "/api/products/SUN-FAS-CLA-155", &token).json(&product).send().await;
    assert_eq!(json_of(r.expect("request")).await.1["result"], "updated");
    let c = app.new_conversation().await;
    let answer = said(&app.ask(&c, "How much are the Classic Sun Glasses?").await);
    assert!(answer.contains("$12.34"), "{answer}");
}

#[tokio::test]
async fn a_product_removed_by_the_shop_or_pruned_by_a_sync_is_never_cited_again() {
    let app = spawn_demo_app().await;
    let token = app.token("integration", "the shop").await;
    let r = app.as_team(Method::DELETE, "/api/products/MOB-APP-APP-100", &token).send().await.expect("request");
    assert_eq!(r.status().as_u16(), 204);
    assert!(!app.search_ids("Apple Airpods").await.contains(&"MOB-APP-APP-100".to_string()));
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "How much are the Apple Airpods?").await;
    assert!(!evs.iter().any(|e| e.data.to_string().contains("MOB-APP-APP-100")), "{}", said(&evs));

    let feed = json!({"products": [{"sku": "SUN-FAS-CLA-155", "title": "Classic Sun Glasses", "category": "sunglasses", "price": 29.99}]});
    let r = app.as_team(Method::POST, "/api/catalog/sync?prune=true", &token).json(&feed).send().await;
    let (status, report) = json_of(r.expect("request")).await;
    assert_eq!(status, 200, "{report}");
    assert!(report["removed"].as_array().is_some_and(|r| r.len() > 100), "{report}");
    let phones = app.search_ids("iPhone").await;
    assert!(!phones.iter().any(|id| id.starts_with("SMA-")), "{phones:?}");
}

/// The shop's own order API, as a test can make it behave: up, slow or down.
#[derive(Clone, Copy, PartialEq)]
enum Shop {
    Up,
    Slow,
    Down,
}

struct ShopApi {
    url: String,
    mode: Arc<Mutex<Shop>>,
    calls: Arc<Mutex<usize>>,
    returns: Arc<Mutex<Vec<Value>>>,
}

async fn shop_api() -> ShopApi {
    use actix_web::{App, HttpResponse, HttpServer, web};
    let mode = Arc::new(Mutex::new(Shop::Up));
    let calls = Arc::new(Mutex::new(0));
    let returns = Arc::new(Mutex::new(Vec::new()));
    let (m, n, r) = (mode.clone(), calls.clone(), returns.clone());
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let server = HttpServer::new(move || {
        let (m, n, r) = (m.clone(), n.clone(), r.clone());
        App::new()
            .route(
                "/orders/{number}",
                web::get().to(move |number: web::Path<String>| {
                    let (m, n) = (m.clone(), n.clone());
                    async move {
                        *n.lock().expect("calls") += 1;
                        let mode = *m.lock().expect("mode");
                        match mode {
                            Shop::Down => return HttpResponse::ServiceUnavailable().finish(),
                            Shop::Slow => tokio::time::sleep(Duration::from_secs(3)).await,
                            Shop::Up => {}
                        }
                        if number.as_str() != "77001" {
                            return HttpResponse::NotFound().finish();
                        }
                        HttpResponse::Ok().json(json!({
                            "id": 77001, "customer": {"email": "max@example.com"}, "state": "shipped",
                            "created": "2026-11-18T09:00:00Z", "carrier": "Royal Mail",
                            "lines": [{"sku": "GRO-BRD-NES-034", "title": "Nescafe Coffee", "qty": 2, "return_days": 30,
                                       "delivered_at": "2026-11-20T10:00:00Z", "state": "delivered"}]
                        }))
                    }
                }),
            )
            .route(
                "/returns",
                web::post().to(move |body: web::Json<Value>| {
                    let r = r.clone();
                    async move {
                        r.lock().expect("returns").push(body.into_inner());
                        HttpResponse::Created().finish()
                    }
                }),
            )
    })
    .workers(1)
    .listen(listener)
    .expect("listen")
    .run();
    tokio::spawn(server);
    ShopApi { url, mode, calls, returns }
}

#[tokio::test]
async fn the_shops_own_order_api_is_read_through_its_mapping_and_a_failing_one_is_not_waited_on() {
    let shop = shop_api().await;
    let mut settings = demo_settings().await;
    let o = &mut settings.orders;
    o.source = "http".into();
    o.http.url = Some(format!("{}/orders/{{number}}", shop.url));
    o.http.returns_url = Some(format!("{}/returns", shop.url));
    (o.http.timeout_ms, o.http.retries, o.http.backoff_ms) = (300, 1, 10);
    (o.http.breaker_failures, o.http.breaker_open_s) = (2, 600);
    let fields = [("number", "id"), ("email", "customer.email"), ("status", "state"), ("placed_at", "created")];
    let items = [("items", "lines"), ("items.name", "title"), ("items.quantity", "qty"), ("items.status", "state")];
    o.http.mapping.fields = fields.iter().chain(&items).map(|(a, b)| (a.to_string(), b.to_string())).collect();
    o.http.mapping.statuses = [("shipped".to_string(), "dispatched".to_string())].into();
    let app = spawn_with(settings).await;
    app.wait_ready().await;

    let c = app.new_conversation().await;
    let up = said(&app.ask(&c, "where's order 77001? max@example.com").await);
    assert!(up.contains("(2 × Nescafe Coffee) was delivered on Friday 20 November 2026"), "{up}");
    app.ask(&c, "I'd like to return the coffee").await;
    assert!(said(&app.ask(&c, "yes").await).contains("is sent"));
    let sent = shop.returns.lock().expect("returns").clone();
    assert_eq!((sent.len(), sent[0]["order_number"].as_str()), (1, Some("77001")));

    *shop.mode.lock().expect("mode") = Shop::Slow;
    let slow = said(&app.ask(&c, "where is my order now?").await);
    assert!(slow.contains("can't reach the order system"), "{slow}");
    *shop.mode.lock().expect("mode") = Shop::Down;
    let c2 = app.new_conversation().await;
    let down = said(&app.ask(&c2, "order 77001, max@example.com").await);
    assert!(down.contains("can't reach the order system"), "{down}");
    // Two failed calls in a row opened the circuit: the next shopper is answered without a call.
    let before = *shop.calls.lock().expect("calls");
    let c3 = app.new_conversation().await;
    let open = said(&app.ask(&c3, "order 77001, max@example.com").await);
    assert!(open.contains("can't reach the order system"), "{open}");
    assert_eq!(*shop.calls.lock().expect("calls"), before);
}

#[tokio::test]
async fn a_shopper_the_shop_page_signed_opens_their_order_with_the_number_alone() {
    use hmac::{Hmac, Mac};
    let mut settings = demo_settings().await;
    settings.orders.shopper_secret = Some("shop-secret".to_string().into());
    let app = spawn_with(settings).await;
    app.wait_ready().await;
    let sign = |email: &str| {
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(b"shop-secret").expect("a key");
        mac.update(email.as_bytes());
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    let start = |signature: String| {
        let body = json!({"shopper": {"email": "ann.lee@example.com", "signature": signature}});
        app.client.post(format!("{}/api/conversations", app.address)).json(&body).send()
    };
    let (status, refused) = json_of(start(sign("bob@example.com")).await.expect("request")).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (400, Some("invalid_parameter")), "{refused}");
    let (status, body) = json_of(start(sign("ann.lee@example.com")).await.expect("request")).await;
    assert_eq!(status, 201, "{body}");
    let c = body["id"].as_str().expect("id").to_string();
    app.remember_token(&c, body["token"].as_str().expect("token"));
    let answer = said(&app.ask(&c, "where is order AS-10492?").await);
    assert!(answer.contains("House Showpiece Plant) was delivered"), "{answer}");
    let other = told_nothing(&app, &c, "and order AS-10484?").await;
    assert!(other.contains("couldn't find"), "{other}");
}
