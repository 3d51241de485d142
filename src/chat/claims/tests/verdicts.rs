use super::super::*;
use super::{article, described, product};
use crate::domain::Language::De;

/// "Will my ice cream survive the trip?" was answered "Yes, your ice cream will survive the
/// trip": a yes to the shopper's own words, which the article (insulated packaging) never says.
#[test]
fn a_yes_or_no_must_say_what_a_source_says() {
    let groceries = article(
        "Fresh groceries (fruit, vegetables, meat, fish, dairy and ice cream) are delivered in insulated \
         packaging within the country only. Groceries cannot be returned, but if anything arrives damaged, \
         contact us within 48 hours for a refund.",
    );
    let e = Evidence::new(std::slice::from_ref(&groceries), "Will my ice cream survive the trip?");
    assert_eq!(e.check("Yes, your ice cream will survive the trip."), (1, 1));
    assert_eq!(e.check("Yes."), (1, 1), "a bare yes says yes to the question's words");
    assert_eq!(e.check("Yes, ice cream is delivered in insulated packaging [2]."), (1, 0));
    // Said back with no yes, the question's words are the verdict all the same.
    assert_eq!(e.check("Ice cream is delivered in insulated packaging [2]."), (1, 0));
    assert_eq!(e.check("Your ice cream will survive the trip [2]."), (1, 1));
    // Said instead: the article's sentence closest to the question, with its number.
    assert_eq!(
        e.correction("Yes, your ice cream will survive the trip.").as_deref(),
        Some(
            "Fresh groceries (fruit, vegetables, meat, fish, dairy and ice cream) are delivered in insulated \
             packaging within the country only. [2]"
        )
    );
    let e = Evidence::new(&[article("We accept Visa, Mastercard, PayPal and Apple Pay.")], "Can I pay in bitcoin?")
        .unsure("I could not confirm that.", "Our catalog says:");
    assert_eq!(e.check("Yes, you can pay with bitcoin at checkout [2].").1, 1);
    // No sentence shares two of its words: that it could not be confirmed is said instead.
    assert_eq!(
        e.correction("Yes, you can pay with bitcoin at checkout [2].").as_deref(),
        Some("I could not confirm that.")
    );
    assert_eq!(e.check("No, we accept Visa, Mastercard, PayPal and Apple Pay [2].").1, 0);
    // A yes whose words an article says no to.
    let codes = article("Only one code can be used per order, and codes cannot be combined with other offers.");
    let e = Evidence::new(&[codes], "Can I use two promo codes on one order?");
    assert_eq!(e.check("Yes, you can use two codes on one order [2].").1, 1);
    assert_eq!(e.check("No, only one code can be used per order [2].").1, 0);
    // The shopper's own number, agreed to: the catalog says 30 days.
    let e = Evidence::new(&[product(109_999, "30 days return policy")], "Can I return it within 45 days?");
    assert_eq!(e.check("Yes, you can return it within 45 days."), (3, 1), "the 45 is the shopper's");
    // The question's words said back are a verdict too, and the catalog's 30 days hold it.
    assert_eq!(e.check("You can return it within 30 days."), (3, 0));
    // "Sure" is politeness when the question asks for no yes or no.
    let e = Evidence::new(&[product(109_999, "7 days return policy")], "How much is the iPhone X?");
    assert_eq!(e.check("Sure, the iPhone X costs $1,099.99 [1]."), (2, 0), "and the answer it gives is held");
    // Another language's answer is read by its own words, not against English sources.
    let prompts = crate::prompts::Prompts::load("Demo", 80).expect("prompts");
    let e =
        Evidence::new(&[groceries], "Will my ice cream survive the trip?").in_language(De, &prompts.texts(De).words);
    assert_eq!(e.check("Ja, Ihr Eis übersteht die Reise."), (0, 0));
}

#[test]
fn a_person_refused_is_never_said_and_a_person_is_offered_instead() {
    let e = Evidence::new(&[product(109_999, "7 days return policy")], "Is the iPhone X vegan?")
        .unsure("Would you like me to connect you with a person from our team?", "Our catalog says:");
    assert_eq!(e.check("I can't connect you with a person from the team."), (1, 1));
    assert_eq!(
        e.correction("I cannot connect you with a person from the team.").as_deref(),
        Some("Would you like me to connect you with a person from our team?")
    );
    assert_eq!(e.check("I can connect you with a person from the team."), (0, 0));
}

#[test]
fn what_follows_a_left_out_verdict_is_shown_only_when_a_source_holds_it() {
    let bat = described(
        "Cricket Bat",
        "The Cricket Bat is used to hit the ball. It is made of wood and comes in various sizes.",
    );
    // Another product's words ("a hard leather ball") hold nothing of what follows.
    let ball = SourceCard { n: 2, ..described("Cricket Ball", "A hard leather ball.") };
    let e = Evidence::new(&[bat, ball], "Is the Cricket Bat made of wood?");
    let mut outcome = Outcome::default();
    assert!(outcome.check(&e, "It is used to hit the ball [1]."), "before the verdict, as before");
    assert!(!outcome.check(&e, "No, the Cricket Bat is not made of wood."));
    assert!(!outcome.check(&e, "It is made of leather."));
    assert!(outcome.check(&e, "It comes in various sizes [1]."));
    // Before a verdict is left out, a sentence is checked for its claims alone.
    let mut outcome = Outcome::default();
    assert!(outcome.check(&e, "It is made of leather."));
}

#[test]
fn a_no_to_what_a_products_description_says_is_not_shown() {
    let pan = described("Pan", "The Pan is versatile cookware. Its non-stick coating ensures easy food release.");
    let e = Evidence::new(std::slice::from_ref(&pan), "Is the Pan non-stick?");
    assert_eq!(e.check("No, the Pan is not non-stick [1].").1, 1);
    assert_eq!(e.check("The Pan is not non-stick.").1, 1, "said back with no 'no'");
    assert_eq!(e.check("No.").1, 1, "a bare no denies the question's words");
    // Said instead: the description's sentence that says it.
    assert_eq!(
        e.correction("No, the Pan is not non-stick.").as_deref(),
        Some("Its non-stick coating ensures easy food release. [1]")
    );
    assert_eq!(e.check("Yes, the Pan has a nonstick coating [1].").1, 0, "one word or two, it is the same");
    // Where the model says it does not know, the description's sentence that speaks to it.
    assert!(e.unknowing("I don't know."));
    assert!(!e.unknowing("The Pan is versatile cookware."));
    assert_eq!(e.described().as_deref(), Some("Its non-stick coating ensures easy food release. [1]"));
    let e = Evidence::new(std::slice::from_ref(&pan), "Is the Pan made of cast iron?");
    assert_eq!(e.described(), None, "no sentence speaks to it");
    // A number an answer gives is not the product's stock count.
    let mut stocked = pan.clone();
    if let Some(p) = stocked.product.as_mut() {
        p.stock = 79;
    }
    let e = Evidence::new(std::slice::from_ref(&stocked), "How many layers does the Pan's coating have?");
    assert_eq!(e.check("The Pan's coating has 79 layers [1].").1, 2, "its answer, and its count of layers");
    assert_eq!(e.check("We have 79 of the Pan in stock [1].").1, 0, "no answer to the question: a stock count");
    let e = Evidence::new(std::slice::from_ref(&pan), "What can I do with the Pan?");
    assert_eq!(e.described().as_deref(), Some("The Pan is versatile cookware. [1]"), "nothing asked but the Pan");
    // A no about what the description does not speak of is not contradicted by it.
    let e = Evidence::new(std::slice::from_ref(&pan), "Can I return the Pan after 40 days?");
    assert_eq!(e.check("No, the Pan cannot be returned after 30 days [1].").1, 0);
}

/// "What fruit is the Juice made from?" got "The Juice is made from fruit.": the question's words
/// back, adding none, answer nothing; the description's sentence that speaks to it is said.
#[test]
fn a_sentence_that_only_says_a_question_for_a_kind_back_answers_nothing() {
    let juice = described("Juice", "A refreshing juice. Squeezed from ripe oranges, it is rich in vitamin C.");
    let e = Evidence::new(std::slice::from_ref(&juice), "What fruit is the Juice made from?");
    assert!(e.unknowing("The Juice is made from fruit."));
    assert!(!e.unknowing("The Juice is made from oranges [1]."));
    // An open question that names no kind: its words back may be the whole answer ("bamboo").
    let spatula = described("Bamboo Spatula", "A spatula for stirring.");
    let e = Evidence::new(&[spatula], "What is the Bamboo Spatula made from?");
    assert!(!e.unknowing("The Bamboo Spatula is made from bamboo."));
}

/// "What exactly is the Apple HomePod Mini Cosmic Grey?" asks only what the product is: its
/// description's first sentence says it, as for "tell me about" it.
#[test]
fn what_exactly_a_product_is_is_its_descriptions_first_sentence() {
    let pan = described("Pan", "The Pan is versatile cookware. Its non-stick coating ensures easy food release.");
    for q in ["What exactly is the Pan?", "Tell me about the Pan"] {
        let e = Evidence::new(std::slice::from_ref(&pan), q);
        assert_eq!(e.described().as_deref(), Some("The Pan is versatile cookware. [1]"), "{q}");
    }
}

/// "Do the Classic Sun Glasses protect against UV?" got "The Classic Sun Glasses do not protect
/// against UV." (its description: "UV-protected lenses"): the name the answer wrote as one word
/// ("sunglasses") is still the product's name, and the rest is what the description says.
#[test]
fn a_no_to_the_description_is_caught_with_the_name_written_as_one_word() {
    let glasses = described(
        "Classic Sun Glasses",
        "The Classic Sun Glasses offer a neutral frame and UV-protected lenses. These sunglasses are versatile.",
    );
    let e = Evidence::new(std::slice::from_ref(&glasses), "Do the Classic Sun Glasses protect against UV?");
    let no = "The Classic Sun Glasses do not protect against UV.";
    assert_eq!(e.check(no).1, 1);
    assert_eq!(
        e.correction(no).as_deref(),
        Some("The Classic Sun Glasses offer a neutral frame and UV-protected lenses. [1]")
    );
}

/// "Are the Puma Future Rider Trainers fine for everyday wear?" got "Yes, ... fine for everyday
/// wear. They offer a blend of retro style and modern comfort, making them suitable for both
/// casual and formal occasions.": "formal" is the model's own. A sentence describing the product
/// must be in its source's words, all but a quarter; it is left out without a word said instead.
#[test]
fn a_sentence_describing_a_product_in_words_no_source_holds_is_left_out_quietly() {
    let puma = described(
        "Puma Future Rider Trainers",
        "The Puma Future Rider Trainers offer a blend of retro style and modern comfort. Perfect for casual wear, these trainers provide a fashionable and comfortable option for everyday use.",
    );
    let e = Evidence::new(std::slice::from_ref(&puma), "Are the Puma Future Rider Trainers fine for everyday wear?")
        .unsure("UNSURE", "Our catalog says:");
    let answer = "Yes, the Puma Future Rider Trainers are fine for everyday wear [1]. They offer a blend of retro \
        style and modern comfort, making them suitable for both casual and formal occasions. They are comfortable \
        and fashionable for casual wear.";
    let said = checked(&e, answer, "FACTS");
    assert!(!said.contains("formal") && !said.contains("FACTS") && !said.contains("UNSURE"), "{said}");
    assert!(said.contains("everyday wear") && said.contains("comfortable and fashionable"), "{said}");
    // Nothing left: the description's sentence that speaks to the question.
    let said = checked(&e, "They are built for marathon running on mountain trails.", "FACTS");
    assert!(said.starts_with("Our catalog says:"), "{said}");
}

/// fresh35 still showed "The bag is made of high-quality materials" (a word of what the product
/// is, not its name), "You can use it to make salads, cook stews ..." (a pointer inside the
/// sentence) and "The Generic Motorcycle is designed for speed and agility, so its top speed is not
/// specified" (another product's words beside a hedge). Each speaks of the product, and each is
/// read like any sentence describing it; what only says it does not know is still shown.
#[test]
fn a_sentence_speaking_of_a_product_in_any_way_must_be_in_its_sources_words() {
    let bag = described(
        "Prada Women Bag",
        "The Prada Women Bag is an elegant and luxurious accessory, crafted with precision. It exudes sophistication and style.",
    );
    let e = Evidence::new(std::slice::from_ref(&bag), "Describe the Prada Women Bag.")
        .unsure("UNSURE", "Our catalog says:");
    assert!(e.ungrounded("The bag is made of durable leather and sturdy metal hardware."));
    assert!(!e.ungrounded("The bag is an elegant and luxurious accessory."));
    assert!(e.ungrounded("You can carry it to weddings, beach parties and picnics."));
    assert!(!e.ungrounded("You can enjoy its sophistication and style."));
    let motorcycle = described(
        "Generic Motorcycle",
        "The Generic Motorcycle is a versatile and reliable bike suitable for various riding preferences.",
    );
    let e = Evidence::new(std::slice::from_ref(&motorcycle), "What is the top speed of the Generic Motorcycle?");
    assert!(e.ungrounded(
        "The Generic Motorcycle is built for racing speed and sharp agility, so its top speed is not specified."
    ));
    assert!(!e.ungrounded("The top speed of the Generic Motorcycle is not specified in the catalog."));
    assert!(!e.ungrounded("It is a versatile and reliable bike, but its top speed is not mentioned."));
    // The offer of a person beside a hedge is no claim about the product.
    assert!(!e.ungrounded("I don't know its top speed, but I can connect you with a person from the team."));
    // Nothing about a product: a sentence about the shop is not read this way.
    assert!(!e.ungrounded("Our team replies to every message within one business day."));
}

/// "Is the Tennis Ball pressurised?" got the Tennis Racket's sentence ("allowing players to hit the
/// tennis ball") after "Here is what our catalog says about it:": the sentence said for a question
/// about one product is that product's.
#[test]
fn the_description_said_for_a_question_about_one_product_is_its_own() {
    let ball = described("Tennis Ball", "The Tennis Ball is a standard ball used in the sport of tennis.");
    let racket = SourceCard {
        n: 2,
        ..described("Tennis Racket", "It features a frame with strings, allowing players to hit the tennis ball.")
    };
    let e = Evidence::new(&[ball, racket], "Is the Tennis Ball pressurised?").unsure("UNSURE", "Our catalog says:");
    assert_eq!(e.described(), None);
    let said = checked(&e, "Yes, the Tennis Ball is pressurised with nitrogen.", "FACTS");
    assert!(said.contains("a standard ball") && !said.contains("frame with strings"), "{said}");
}

/// "What size are the Eggs?" got "The Eggs are medium-sized." in the demo: two words of the
/// model's own, under the three a description needs, and "sized" is not the question's "size".
/// For a question asking a kind of thing, what a sentence about the product adds must be one
/// source's, however few its words.
#[test]
fn a_short_answer_to_a_question_for_a_kind_must_be_a_sources() {
    let eggs = described("Eggs", "Fresh eggs, a versatile ingredient for baking, cooking, or breakfast.");
    let e = Evidence::new(std::slice::from_ref(&eggs), "What size are the Eggs?");
    assert!(e.ungrounded("The Eggs are medium-sized."));
    // Beside a hedge too (the demo, once the first was fixed).
    assert!(e.ungrounded("The Eggs are available in various sizes, but the source does not specify the exact size."));
    assert!(!e.ungrounded("I don't know what size the Eggs are."));
    assert!(!e.ungrounded("The Eggs are fresh and versatile for baking."));
    let e = Evidence::new(std::slice::from_ref(&eggs), "What are the Eggs good for?");
    assert!(!e.ungrounded("They are medium-sized."), "not a question for a kind: the usual three words");
}
