use super::super::*;
use super::article;
use crate::domain::Language::{De, Ja};

/// A Japanese translation of the contact hours said "8時から8時半まで" for "from 8 am to 8 pm": no
/// number in it is new, but a time of day is, and it is not shown; the article's own times, in any
/// language's way of writing them, are.
#[test]
fn a_time_of_day_no_source_gives_is_unsupported_in_any_language() {
    let prompts = crate::prompts::Prompts::load("Demo", 80).expect("prompts");
    let words = |l| &prompts.texts(l).words;
    let hours = article(
        "Our support team is available Monday to Friday from 8 am to 8 pm and Saturday from 9 am to 5 pm (shop time).",
    );
    let e = Evidence::new(std::slice::from_ref(&hours), "When is support open?").in_language(Ja, words(Ja));
    assert_eq!(e.check("平日は8時から8時半まで対応しています [2]。").1, 1);
    assert_eq!(e.check("平日は午前8時から午後8時まで対応しています [2]。").1, 0);
    let e = Evidence::new(std::slice::from_ref(&hours), "When is support open?").in_language(De, words(De));
    assert_eq!(e.check("Samstags von 9 bis 17 Uhr [2].").1, 0);
    assert_eq!(e.check("Samstags von 9 bis 18 Uhr [2].").1, 1);
    let e = Evidence::new(&[hours], "When do you close on weekdays?");
    assert_eq!(e.check("We close at 8 pm [2].").1, 0);
    assert_eq!(e.check("We close at 8:30 pm [2].").1, 1);
}
