//! People in the loop: each trigger, the queue, claiming, live replies, handing back, resolving.
use crate::helpers::{fake, spawn_demo_app_with};
use crate::team::{done, escalated, json_of, said, wait_for_event};
use aisle::startup::GeneratorChoice;
use reqwest::Method;
use serde_json::json;

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
    assert!(status["position"].as_i64().is_some_and(|p| p >= 1));
    // Nobody has the staff console open in this test: no wait is promised, an email is offered.
    assert!(status.get("wait_seconds").is_none() && status["leave_email"] == true, "{status}");
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
    assert_eq!(done(&app.ask(&c, "which lipstick would suit a wedding?").await)["answered_by"], "model");

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

#[tokio::test]
async fn greetings_and_requests_for_a_person_are_understood_with_punctuation_and_typos() {
    let app = spawn_demo_app_with(fake("The Beats Flex costs $49.99 [1].")).await;
    let c = app.new_conversation().await;
    let hello = app.ask(&c, "hello!").await;
    assert_eq!(done(&hello)["intent"], "greeting", "{hello:?}");
    assert!(said(&hello).starts_with("Hello!"), "{}", said(&hello));

    let c = app.new_conversation().await;
    let chair = app.ask(&c, "Is the Knoll Saarinen chair good for a person with back pain?").await;
    assert_ne!(done(&chair)["answered_by"], "handoff", "describing a person is not asking for one");

    let c = app.new_conversation().await;
    let staff = app.ask(&c, "Connect me to customer service staff now").await;
    assert_eq!(done(&staff)["answered_by"], "handoff", "{staff:?}");
    let reason: String = sqlx::query_scalar("SELECT reason FROM escalations WHERE conversation_id = $1::uuid")
        .bind(&c)
        .fetch_one(&app.pool)
        .await
        .expect("escalated");
    assert_eq!(reason, "asked_for_person");
}

/// "Can you pass me over to someone on your staff?" and "Is there a human I can talk to?" were
/// answered with the contact hours, "This is going nowhere. A real person, now." with "couldn't
/// find anything": a request said with another verb, a person the shopper would talk to, someone
/// who can help, or a bare request in a sentence of its own, asks for a person.
#[tokio::test]
async fn a_person_asked_for_with_any_verb_or_in_a_sentence_of_its_own_is_brought_in() {
    let app = spawn_demo_app_with(fake("I don't know.")).await;
    for ask in [
        "Can you pass me over to someone on your staff?",
        "This is going nowhere. A real person, now.",
        "Is there a human I can talk to?",
        "get me someone who can actually help!!",
        "real human needed",
        "Could I be transferred to an advisor?",
    ] {
        let c = app.new_conversation().await;
        let evs = app.ask(&c, ask).await;
        assert_eq!(done(&evs)["answered_by"], "handoff", "{ask}: {}", said(&evs));
    }
}

/// "Can I speak with somebody who works there?" read "somebody who ..." as a person described
/// (as in "a gift for somebody who cooks"), and "Un employé peut-il me rappeler ?" ("can an
/// employee call me back?") or "can I get a call from the store?" named no one to talk to: a person
/// right after a request to talk, and a call asked of the shop, bring a person in, in any language;
/// a call asked for later ("when it is back in stock") does not.
#[tokio::test]
async fn someone_to_speak_with_whoever_they_are_said_to_be_and_a_call_asked_for_bring_a_person_in() {
    let app = spawn_demo_app_with(fake("I don't know.")).await;
    for ask in [
        "Can I speak with somebody who works there?",
        "Can I get a call from the store?",
        "Un employé peut-il me rappeler ?",
        "¿Alguien de la tienda puede llamarme?",
        "お店の方から電話をもらえますか？",
        "人工！",
    ] {
        let c = app.new_conversation().await;
        let evs = app.ask(&c, ask).await;
        assert_eq!(done(&evs)["answered_by"], "handoff", "{ask}: {}", said(&evs));
    }
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Will you call me when the Volleyball is back in stock?").await;
    assert_ne!(done(&evs)["answered_by"], "handoff", "{}", said(&evs));
}

/// Whether someone is there, the chat itself refused, a boss asked for: each asks for a person.
/// A robot vacuum, a staff discount and a brand named Boss do not.
#[tokio::test]
async fn a_shopper_who_asks_if_someone_is_there_or_refuses_the_bot_is_brought_to_a_person() {
    let app = spawn_demo_app_with(fake("I don't know.")).await;
    for ask in [
        "Is there a real person?",
        "Hello? Anyone there?",
        "I don't want to talk to a machine.",
        "Is your manager available? I need to talk to him.",
        "I would like to be seen by a human advisor",
    ] {
        let c = app.new_conversation().await;
        let evs = app.ask(&c, ask).await;
        assert_eq!(done(&evs)["answered_by"], "handoff", "{ask}: {}", said(&evs));
    }
    for not in ["Are there any staff discounts?", "Do you sell Hugo Boss perfume?", "is there a robot vacuum?"] {
        let c = app.new_conversation().await;
        let evs = app.ask(&c, not).await;
        assert_ne!(done(&evs)["answered_by"], "handoff", "{not}: {}", said(&evs));
    }
}
