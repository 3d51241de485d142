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

/// What the fake model says to anything, the question asked again in the articles' words
/// included: a reply that helps no search, so an article answers only when the shopper's own
/// words meet it (a fake that wrote the answer's words found it through the rewording).
const UNHELPFUL: &str = "Let me see.";

/// A question told with a clock time asks for hours: "before 2 pm" answers when the clock
/// starts, not the product pages' shipping times.
#[tokio::test]
async fn a_clock_time_asked_is_answered_by_the_sentence_that_names_hours() {
    let app = spawn_demo_app_with(fake(UNHELPFUL)).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "If I order at 3 pm on a Tuesday, when does the shipping clock start?").await;
    let text = said(&evs);
    assert!(text.contains("before 2 pm") && text.contains("next business day"), "{text}");
}

/// A parcel the carrier lost is a parcel that never came, whatever else the message asks
/// ("money back"): the lost-parcel policy, not the refund times of returns.
#[tokio::test]
async fn a_parcel_the_carrier_lost_is_answered_by_the_lost_parcel_policy() {
    let app = spawn_demo_app_with(fake(UNHELPFUL)).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "How long before I get my money back if the carrier lost my things?").await;
    let text = said(&evs);
    assert!(cards(&evs).iter().any(|c| c["id"] == "lost-parcel"), "{text}");
    assert!(text.contains("7 business days of the claim"), "{text}");
}

/// Where the shop shows orders as a whole is a question for its help, not the order desk: no
/// order number is asked for.
#[tokio::test]
async fn where_orders_are_shown_is_answered_by_the_help_not_the_order_desk() {
    let app = spawn_demo_app_with(fake(UNHELPFUL)).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "where do I see the status of all my orders?").await;
    let text = said(&evs);
    assert!(text.contains("Account > Orders"), "{text}");
    assert!(!text.contains("order number"), "{text}");
    // One order asked after is still the desk's.
    let evs = app.ask(&c, "where is my order?").await;
    assert!(said(&evs).contains("order number"), "{}", said(&evs));
}

/// A short word is what a question is about: "a car" names the vehicles' terms, and their
/// sentence answers when the rest of the price is paid (the model had said "after you confirm").
#[tokio::test]
async fn a_short_word_names_what_is_asked_about() {
    let app = spawn_demo_app_with(fake(UNHELPFUL)).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "when do I pay the rest of the money for a car?").await;
    let text = said(&evs);
    assert!(text.contains("the balance is paid before delivery"), "{text}");
}

/// A model's yes to the shopper's own words ("survive a three-hour drive") that no source
/// says is not shown: no article answers it, so the shopper is told it could not be confirmed
/// and offered a person (the catalog's price is no answer to it).
#[tokio::test]
async fn a_models_yes_that_no_source_says_is_not_shown() {
    let app = spawn_demo_app_with(fake("Yes, the Ice Cream will easily survive a three-hour drive home [1].")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Will the Ice Cream survive a three-hour drive home?").await;
    let text = said(&evs);
    assert_eq!(done(&evs)["answered_by"], "model", "{text}");
    assert!(!text.contains("survive"), "{text}");
    assert!(text.contains("connect you with a person"), "{text}");
    assert_eq!(done(&evs)["claims"]["action"], "withheld", "{text}");
}

/// The same claim said back with no yes before it ("The Ice Cream will survive ...") is the
/// answer's verdict all the same, and is not shown either.
#[tokio::test]
async fn a_models_claim_that_says_the_questions_words_back_is_not_shown() {
    let app = spawn_demo_app_with(fake("The Ice Cream will easily survive a three-hour drive home [1].")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Will the Ice Cream survive a three-hour drive home?").await;
    let text = said(&evs);
    assert!(!text.contains("survive"), "{text}");
    assert!(text.contains("connect you with a person"), "{text}");
    assert_eq!(done(&evs)["claims"]["action"], "withheld", "{text}");
}

/// A verdict the catalog's description holds is shown as the model wrote it.
#[tokio::test]
async fn a_models_claim_that_the_description_holds_is_shown() {
    let app = spawn_demo_app_with(fake("The Pan has a non-stick coating for easy food release and cleanup [1].")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Is the Pan non-stick?").await;
    let text = said(&evs);
    assert!(text.contains("non-stick coating"), "{text}");
    assert_eq!(done(&evs)["claims"]["action"], "shown", "{text}");
}

/// A no to what the product's description says ("the Pan is not non-stick") is not shown; the
/// description's own sentence is said instead.
#[tokio::test]
async fn a_models_no_that_the_description_contradicts_is_replaced_by_the_description() {
    let app = spawn_demo_app_with(fake("No, the Pan is not non-stick [1].")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Is the Pan non-stick?").await;
    let text = said(&evs);
    assert!(!text.contains("not non-stick"), "{text}");
    assert!(text.contains("Its non-stick coating ensures easy food release and cleanup. [1]"), "{text}");
    assert_eq!(done(&evs)["claims"]["action"], "withheld", "{text}");
}

/// A model that says it does not know, where the product's description speaks to the question:
/// the description's own sentence is said instead, quoted with its card.
#[tokio::test]
async fn a_models_i_dont_know_is_replaced_by_what_the_description_says() {
    let app = spawn_demo_app_with(fake("I don't know.")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Can the Beats Flex Wireless Earphones last 12 hours on a charge?").await;
    let text = said(&evs);
    assert_eq!(
        text,
        "Here is what our catalog says about it: With magnetic earbuds and up to 12 hours of battery life, they \
         are ideal for everyday use. [1]"
    );
    // Where the description says nothing of it, nothing is quoted.
    let evs = app.ask(&c, "Is the Protein Powder vegan?").await;
    assert_eq!(said(&evs), "I don't know.");
}

/// An open question's answer that says its words back with a fact of the model's own ("The
/// Knife's blade is made of steel": the catalog says no material) is not shown; the description's
/// sentence that speaks to it is said instead.
#[tokio::test]
async fn a_models_answer_the_catalog_does_not_hold_is_replaced_by_the_description() {
    let app = spawn_demo_app_with(fake("The Knife's blade is made of steel [1].")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "What is the Knife's blade made of?").await;
    let text = said(&evs);
    assert!(!text.contains("steel"), "{text}");
    assert!(text.contains("Its sharp blade and ergonomic handle"), "{text}");
    assert_eq!(done(&evs)["claims"]["action"], "withheld", "{text}");
}

/// "What engine does the Dodge Hornet GT Plus have?" got the car's price and stock in place of
/// the model's engine size, which no source holds: facts that answer nothing asked. The
/// description's sentence, or the offer of a person, is said instead.
#[tokio::test]
async fn a_models_number_that_the_catalogs_facts_do_not_answer_is_not_replaced_by_the_price() {
    let app = spawn_demo_app_with(fake("It has a 1.3-liter turbo under the hood [1].")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "What engine does the Dodge Hornet GT Plus have?").await;
    let text = said(&evs);
    assert!(!text.contains("1.3"), "{text}");
    assert!(!text.contains("$24,999.99") && !text.contains("in stock"), "facts that answer nothing asked: {text}");
    assert!(text.contains("connect you with a person") || text.contains("our catalog says"), "{text}");
    assert_eq!(done(&evs)["claims"]["action"], "withheld", "{text}");
}

/// "What is the heel height of the Calvin Klein Heel Shoes?" and "What size is the Gigabyte Aorus
/// Men Tshirt?" were answered with the parcel's measurements: a part's measure, or the size of
/// what is worn, goes to the model and its checked answer, not to the catalog's dimensions.
#[tokio::test]
async fn a_parts_measure_or_the_size_of_clothes_is_not_answered_with_the_dimensions() {
    let app = spawn_demo_app_with(fake("I don't know.")).await;
    let c = app.new_conversation().await;
    for q in ["What is the heel height of the Calvin Klein Heel Shoes?", "What size is the Gigabyte Aorus Men Tshirt?"]
    {
        let evs = app.ask(&c, q).await;
        let text = said(&evs);
        assert!(!text.contains(" cm") && !text.contains("Dimensions"), "{q}: {text}");
        assert_eq!(done(&evs)["answered_by"], "model", "{q}: {text}");
    }
    // The product's own size is still its dimensions.
    let evs = app.ask(&c, "What size is the Table Lamp?").await;
    assert_eq!(done(&evs)["answered_by"], "catalog", "{}", said(&evs));
    assert!(said(&evs).contains(" cm"), "{}", said(&evs));
}

/// "What logo is on the Gigabyte Aorus Men Tshirt?" got "The Gigabyte Aorus Men Tshirt has a logo
/// on it.": the question's words back answer nothing. The description's sentence is said instead.
#[tokio::test]
async fn a_models_sentence_that_only_says_the_question_back_is_replaced_by_the_description() {
    let app = spawn_demo_app_with(fake("The Gigabyte Aorus Men Tshirt has a logo on it.")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "What logo is on the Gigabyte Aorus Men Tshirt?").await;
    let text = said(&evs);
    assert!(!text.contains("has a logo on it"), "{text}");
    assert!(text.contains("With the Aorus logo and sleek design"), "{text}");
}

/// "How many burners does the Electric Stove have?" was answered "The Electric Stove has 2
/// burners.": the 2 of its "2 year warranty" held the number. A count must be a source's count of
/// the same thing.
#[tokio::test]
async fn a_models_count_that_only_another_fields_number_holds_is_not_shown() {
    let app = spawn_demo_app_with(fake("The Electric Stove has 2 burners [1].")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "How many burners does the Electric Stove have?").await;
    let text = said(&evs);
    assert!(!text.contains("2 burners"), "{text}");
    assert_eq!(done(&evs)["claims"]["action"], "withheld", "{text}");
}

/// "How much RAM does the Samsung Galaxy S7 have?" was answered with its price.
#[tokio::test]
async fn how_much_of_something_a_product_has_is_not_answered_with_its_price() {
    let app = spawn_demo_app_with(fake("I don't know.")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "How much RAM does the Samsung Galaxy S7 have?").await;
    let text = said(&evs);
    assert!(!text.contains("$299.99"), "{text}");
    assert_eq!(done(&evs)["answered_by"], "model", "{text}");
    let evs = app.ask(&c, "How much is the Samsung Galaxy S7?").await;
    assert!(said(&evs).contains("$299.99"), "{}", said(&evs));
}

/// "What size are the Eggs?" got "The Eggs are available in different sizes, but the source does
/// not provide specific information about the sizes.": a hedge carrying a claim of the model's
/// own. And "The bag is made of high-quality materials" names the product by what it is. Both
/// speak of the product, and are read like any sentence describing it.
#[tokio::test]
async fn a_claim_beside_a_hedge_or_naming_the_product_by_its_kind_is_checked() {
    let app = spawn_demo_app_with(fake(
        "The eggs come from free-range farms in three different sizes, but the catalog does not specify which.",
    ))
    .await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "What size are the Eggs?").await;
    let text = said(&evs);
    assert!(!text.contains("free-range") && !text.contains("three different sizes"), "{text}");
    assert!(text.contains("Fresh eggs, a versatile ingredient"), "what the catalog says instead: {text}");
    let app = spawn_demo_app_with(fake("The bag is stitched from Italian calfskin with gold hardware.")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "What is the Prada Women Bag made of?").await;
    let text = said(&evs);
    assert!(!text.contains("calfskin"), "{text}");
    assert_eq!(done(&evs)["claims"]["action"], "withheld", "{text}");
}

/// "How would I eat the Cucumber?" got only the offer of a person when the model's sentence was
/// left out: its description ("ideal for salads, snacks, or as a refreshing side") answers it.
/// Where no sentence speaks to the question, the description's first is said before the offer.
#[tokio::test]
async fn a_left_out_answer_about_one_product_gets_what_the_catalog_says_of_it_and_the_offer() {
    let app = spawn_demo_app_with(fake("You can pickle the Cucumber in brine for three weeks.")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "How would I eat the Cucumber?").await;
    let text = said(&evs);
    assert!(!text.contains("brine"), "{text}");
    assert!(text.contains("ideal for salads, snacks"), "{text}");
    assert!(text.contains("connect you with a person"), "{text}");
}

/// "How deep can I dive with the Rolex Submariner Watch?" was answered with the parcel's
/// measurements: what the shopper can do with a product is no measure of it.
#[tokio::test]
async fn how_far_a_shopper_can_go_with_a_product_is_not_answered_with_its_dimensions() {
    let app = spawn_demo_app_with(fake("I don't know.")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "How deep can I dive with the Rolex Submariner Watch?").await;
    let text = said(&evs);
    assert!(!text.contains(" cm"), "{text}");
    assert_eq!(done(&evs)["answered_by"], "model", "{text}");
}

/// "How long does the Apple MagSafe Battery Pack take to charge?" got its price, and "Is the
/// Tennis Ball pressurised?" the Tennis Racket's sentence after "Here is what our catalog says
/// about it:": charging is the battery's, and the description said is the product's own.
#[tokio::test]
async fn a_battery_question_gets_no_price_and_the_description_said_is_the_products_own() {
    let app = spawn_demo_app_with(fake("It is pressurised with nitrogen to 14 psi.")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "How long does the Apple MagSafe Battery Pack take to charge?").await;
    assert!(!said(&evs).contains("$99.99"), "{}", said(&evs));
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "Is the Tennis Ball pressurised?").await;
    let text = said(&evs);
    assert!(!text.contains("14 psi") && !text.contains("frame with strings"), "{text}");
    assert!(text.contains("standard ball used in the sport of tennis"), "{text}");
}

/// "What size are the Eggs?" got "The Eggs are medium-sized." in the demo: a short answer to a
/// question for a kind of thing must be a source's words, however few.
#[tokio::test]
async fn a_short_answer_no_source_holds_to_a_question_for_a_kind_is_not_shown() {
    let app = spawn_demo_app_with(fake("The Eggs are medium-sized.")).await;
    let c = app.new_conversation().await;
    let evs = app.ask(&c, "What size are the Eggs?").await;
    let text = said(&evs);
    assert!(!text.contains("medium"), "{text}");
    assert!(text.contains("Fresh eggs, a versatile ingredient"), "{text}");
}
