use super::*;

fn candidate(n: usize, text: &str, vector: [f32; 2]) -> Candidate {
    Candidate {
        n,
        title: String::new(),
        text: text.into(),
        paragraph: (n, text.len()),
        vector: vector.to_vec(),
        asked: None,
    }
}

#[test]
fn the_kind_of_answer_asked_for_is_recognised() {
    assert!(holds("We send a reset link that works for 1 hour.", wants("How long is the link valid?")));
    assert!(holds("Banks take a further 3-10 business days.", wants("when do I get my money?")));
    assert!(!holds("You can follow the return in Account > Returns.", wants("how many days until my refund")));
    assert!(holds("Below $50, standard shipping costs $4.99.", wants("is there a charge for delivery?")));
    // A time of day asked, by a clock time or "what time": the sentence naming hours.
    let cut_off = "Orders placed before 2 pm (shop time) on a business day count from that day.";
    let dispatch = "That is the time until the parcel leaves our warehouse within 2 days.";
    let order_late = wants("If I order at 3 pm on a Tuesday, when does the clock start?");
    assert!(holds(cut_off, order_late) && !holds(dispatch, order_late));
    assert!(holds("Saturday from 9 am to 5 pm.", wants("Will anyone answer at 7:30 on a Saturday?")));
    assert!(holds("Open from 9am.", wants("If I buy at 5 in the evening, when does the clock start?")));
    assert!(!holds("Open from 9am.", wants("Can I ring somebody on a Sunday afternoon?")), "the day, not the hour");
    assert!(!holds("Batteries last 10 amps.", wants("what time do you open?")));
    assert!(!holds("Refunds take 3-5 business days.", wants("at what time of the morning do you call?")));
}

#[test]
fn the_closest_sentences_are_quoted_best_first_with_their_source() {
    let c = [
        candidate(1, "Yes, we ship to most countries in Europe.", [0.8, 0.6]),
        candidate(1, "We cannot ship vehicles or perfumes outside the country.", [0.75, 0.66]),
        candidate(2, "Gift wrapping costs $3.99.", [0.0, 1.0]),
    ];
    let (text, cited) = quote("Do you ship perfume to Japan?", &[1.0, 0.0], &c, Bar::Usual).expect("a quote");
    assert_eq!(
        text, "We cannot ship vehicles or perfumes outside the country. We ship to most countries in Europe. [1]",
        "a short article whole, the closest sentence first, one source number"
    );
    assert_eq!(cited, vec![1]);
    assert!(quote("Do you ship perfume?", &[0.0, -1.0], &c[..2], Bar::Usual).is_none(), "nothing close enough");
    assert!(
        quote("How much is the PlayStation?", &[0.25, 0.25], &c, Bar::Usual).is_none(),
        "not what the passages are about"
    );
    assert!(quote("How much is the PS5?", &[1.0, 0.0], &c, Bar::Usual).is_none(), "a model the passages never name");
}

#[test]
fn of_a_long_article_only_the_closest_sentences_are_quoted() {
    let filler =
        "Each product page shows its own return window, which runs from the day the parcel is delivered to you.";
    let c = [
        candidate(3, filler, [0.2, 0.98]),
        candidate(3, "Opened fragrances cannot be returned unless they are faulty, for hygiene reasons.", [0.9, 0.44]),
        candidate(3, filler, [0.1, 0.99]),
        candidate(
            3,
            "Faulty items can always be returned within the warranty period, whatever the window.",
            [0.3, 0.95],
        ),
        candidate(3, filler, [0.0, 1.0]),
    ];
    let (text, _) = quote("Can I send back a perfume I opened?", &[1.0, 0.0], &c, Bar::Usual).expect("a quote");
    assert_eq!(text, "Opened fragrances cannot be returned unless they are faulty, for hygiene reasons. [3]");
}

/// The sentence closest to a question opens its paragraph; the one after it answers ("do you
/// pass my data on?" is closest to what the data is used for, "we never sell" follows it): of a
/// long article, the closest sentence comes with the rest of its paragraph, and no sentence
/// that is not about as close.
#[test]
fn of_a_long_article_the_closest_sentences_paragraph_is_quoted() {
    let in_paragraph =
        |p: usize, text: &str, vector: [f32; 2]| Candidate { paragraph: (7, p), ..candidate(4, text, vector) };
    let c = [
        in_paragraph(0, "We use your personal data only to process orders and provide support.", [0.9, 0.44]),
        in_paragraph(0, "We never sell your data.", [0.5, 0.87]),
        in_paragraph(
            1,
            "Conversations with our assistant are stored for 12 months to improve our service and train our staff.",
            [0.6, 0.8],
        ),
        in_paragraph(
            1,
            "Email addresses, phone numbers and card numbers are masked in what we store, and you may ask for a copy.",
            [0.55, 0.83],
        ),
        in_paragraph(
            2,
            "We use essential cookies to run the shop and, only with your consent, analytics cookies that tell us which pages are read.",
            [0.3, 0.95],
        ),
    ];
    let (text, _) = quote("Do you pass my personal data on to others?", &[1.0, 0.0], &c, Bar::Usual).expect("a quote");
    assert_eq!(
        text,
        "We use your personal data only to process orders and provide support. We never sell your data. [4]"
    );
}

/// Another article is about as close as the best sentence, but the two closest sentences are
/// both of one short article: that article answers, and it is quoted whole (the sentence
/// with the price was the third closest).
#[test]
fn two_closest_sentences_of_one_short_article_settle_the_doubt() {
    let c = [
        candidate(1, "Yes, gift wrapping costs $3.99 per item; add a personal message.", [0.7, 0.71]),
        candidate(1, "Prices are left off the packing slip of gift orders.", [0.8, 0.6]),
        candidate(1, "A gift receipt lets the recipient exchange the item.", [0.78, 0.62]),
        candidate(2, "Gift cards are delivered by email, with your message.", [0.76, 0.65]),
    ];
    let (text, cited) =
        quote("Can the present be sent in nice paper with a note?", &[1.0, 0.0], &c, Bar::Usual).expect("a quote");
    assert!(text.contains("$3.99") && text.starts_with("Prices are left off"), "{text}");
    assert_eq!(cited, vec![1]);
}

#[test]
fn a_sentence_close_in_meaning_is_quoted_without_sharing_a_word() {
    let gift = [candidate(1, "They are valid for 3 years.", [0.9, 0.44])];
    let (text, _) =
        quote("How long do vouchers stay usable?", &[1.0, 0.0], &gift, Bar::Usual).expect("close in meaning");
    assert_eq!(text, "They are valid for 3 years. [1]");
    let far = [candidate(1, "They are valid for 3 years.", [0.3, 0.95])];
    assert!(quote("Do you sell vouchers?", &[1.0, 0.0], &far, Bar::Usual).is_none(), "neither close nor on topic");
}

/// With a product found first, sharing a word is not enough: only a sentence very close in
/// meaning answers ("Is the wok's coating safe?" is not answered by "safe to pay").
#[test]
fn beside_a_product_only_a_sentence_very_close_in_meaning_is_quoted() {
    let c = [candidate(1, "Yes, it is safe to pay on our site.", [0.3, 0.95])];
    assert!(quote("Is the coating safe?", &[1.0, 0.0], &c, Bar::Usual).is_some(), "on topic by its words");
    assert!(quote("Is the coating safe?", &[1.0, 0.0], &c, Bar::Strong).is_none(), "not close in meaning");
    let close = [candidate(1, "Test drives can be booked at partner dealers.", [0.9, 0.44])];
    assert!(quote("Can I test ride it somewhere?", &[1.0, 0.0], &close, Bar::Strong).is_some());
}

#[test]
fn model_numbers_are_names_times_are_not() {
    assert_eq!(model_numbers("Is the WH-1000XM5 or the PS5 cheaper?"), vec!["wh-1000xm5", "ps5"]);
    assert!(model_numbers("Can I call at 2pm on the 3rd, or within 24h?").is_empty());
}

/// An editor's question for a sentence, close to the shopper's, lifts the sentence above one
/// that only shares a word with the question ("will the recipient see what I paid?" is far from
/// "Prices are left off the packing slip", near the editor's "will the person I send a gift to
/// see the price?"); the lift is how much closer the editor's question is than the sentence, so
/// without questions, or with a question no closer than its sentence, nothing changes.
#[test]
fn an_editors_question_close_to_the_shoppers_lifts_its_answer() {
    let asked = |c: Candidate, q: Option<f32>| Candidate { asked: q, ..c };
    let wrapping = candidate(1, "Gift wrapping costs $3.99 per item.", [0.45, 0.89]);
    let prices = candidate(2, "Prices are left off the packing slip of gift orders.", [0.3, 0.95]);
    let question = "Will the person getting my present see what I paid for it?";
    let plain = [wrapping.clone(), prices.clone()];
    let (text, _) = quote(question, &[1.0, 0.0], &plain, Bar::Usual).expect("a quote");
    assert!(text.starts_with("Gift wrapping"), "without questions the closest sentence: {text}");
    let with = [asked(wrapping.clone(), Some(0.3)), asked(prices.clone(), Some(0.9))];
    let (text, cited) = quote(question, &[1.0, 0.0], &with, Bar::Usual).expect("a quote");
    assert_eq!((text.as_str(), cited), ("Prices are left off the packing slip of gift orders. [2]", vec![2]));
    // Beside a product, an editor's question this close is as good as a very close sentence.
    assert!(quote(question, &[1.0, 0.0], &with[1..], Bar::Strong).is_some());
    assert!(quote(question, &[1.0, 0.0], &plain[1..], Bar::Strong).is_none());
}

#[test]
fn short_words_carry_meaning_and_meet_their_plurals() {
    assert!(stems("when do I pay the rest for a car?").contains(&"car".to_string()));
    assert_eq!(stems("Cars and vans"), stems("car and van"));
    assert!(stems("Is VAT in the price?").contains(&"vat".to_string()));
    // The commonest short words, and ones a plural cut would make of them, are no stems.
    assert!(stems("how does this get to you and the others?").iter().all(|w| w == "other"));
}
