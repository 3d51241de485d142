//! The shop's standing terms: what its articles refuse for a kind of product ("Opened beauty
//! products ... cannot be returned", "We cannot ship ... perfumes outside the country") holds for
//! every answer about such a product, also one whose sources did not bring that article in. A
//! model's "yes, you can return the lipstick you tried" meets the returns policy even when the
//! question found only the lipstick.
use super::Evidence;
use super::refusals::{Refusal, Topic, kind_words, refusals_in};
use crate::chat::cards::{SourceCard, cited};
use crate::domain::Product;
use crate::retrieval::{Index, Passage};

/// Every article passage of `index` that is not among `sources`, as cards numbered after them
/// (after the highest: a follow-up's sources keep the numbers the conversation gave them): what
/// `Evidence::with_standing` reads the shop's refusals from.
pub fn standing_terms(index: &Index, sources: &[SourceCard]) -> Vec<SourceCard> {
    let after = sources.iter().map(|s| s.n).max().unwrap_or(0);
    let passages = index.passages().filter(|p| !sources.iter().any(|s| s.id == p.article_id));
    passages.enumerate().map(|(i, p)| SourceCard::passage(after + i + 1, p)).collect()
}

/// The sentence of the shop's articles that refuses returns of `product`'s kind ("Opened beauty
/// products, fragrances ... cannot be returned ..." for a lipstick), cited as `[n]`, with a card
/// numbered `n` for its passage: a return window in the catalog is not the whole answer for a
/// lipstick once tried. Of several, the one naming most of the product's kind words.
pub fn return_exception(index: &Index, product: &Product, n: usize) -> Option<(String, SourceCard)> {
    let kinds = kind_words(&[product]);
    let naming = |r: &Refusal| r.words.iter().filter(|w| kinds.contains(w)).count();
    let mut best: Option<(usize, Refusal, &Passage)> = None;
    for passage in index.passages() {
        let mut refusals = Vec::new();
        refusals_in(&passage.text, n, true, &mut refusals);
        for r in refusals.into_iter().filter(|r| r.topic == Topic::Returns && naming(r) > 0) {
            if best.as_ref().is_none_or(|(most, _, _)| naming(&r) > *most) {
                best = Some((naming(&r), r, passage));
            }
        }
    }
    let (_, refusal, passage) = best?;
    Some((refusal.quoted()?, SourceCard::passage(n, passage)))
}

impl Evidence {
    /// Adds the refusals of the shop's `standing` articles (`standing_terms`): each says no only
    /// about a product whose kind it names, and is cited by its own card when said instead.
    pub fn with_standing(mut self, standing: Vec<SourceCard>) -> Self {
        let mut refusals: Vec<Refusal> = Vec::new();
        for card in &standing {
            refusals_in(card.text.as_deref().unwrap_or_default(), card.n, true, &mut refusals);
        }
        self.refusals.extend(refusals);
        self.standing = standing;
        self
    }

    /// The standing articles `answer` cites (a refusal said instead): shown as its sources too.
    pub fn standing_cited(&self, answer: &str) -> Vec<SourceCard> {
        let numbers = cited(answer);
        self.standing.iter().filter(|c| numbers.contains(&c.n)).cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Product;
    use crate::retrieval::Scores;

    fn card(n: usize, id: &str, text: &str, product: Option<Product>) -> SourceCard {
        SourceCard {
            n,
            kind: if product.is_some() { "product" } else { "policy" },
            id: id.into(),
            title: id.into(),
            product,
            text: (!text.is_empty()).then(|| text.into()),
            order: None,
            scores: Scores { keyword: None, vector: None, fused: 0.0 },
        }
    }

    fn product(title: &str, category: &str, tags: &[&str]) -> SourceCard {
        let p: Product = serde_json::from_value(serde_json::json!({
            "sku": "P-1", "title": title, "description": "", "brand": null, "category": category,
            "tags": tags, "price": 12.99, "currency": "USD", "stock": 40, "rating": 4.1,
            "warranty": "1 year warranty", "shipping": "Ships in 1 week", "return_policy": "7 days return policy",
            "attributes": {}
        }))
        .expect("the test data is valid");
        card(1, "P-1", "", Some(p))
    }

    const RETURNS: &str = "Each product has its own return window. Some products, marked \"No return policy\", cannot \
        be returned unless they are faulty. Opened beauty products, fragrances, skin care and groceries cannot be \
        returned for hygiene and safety reasons unless they are faulty.";
    const ABROAD: &str = "Yes, we ship to most countries. We cannot ship vehicles, motorcycles, perfumes or fresh \
        groceries outside the country.";

    fn standing() -> Vec<SourceCard> {
        vec![card(2, "returns-policy", RETURNS, None), card(3, "international-shipping", ABROAD, None)]
    }

    #[test]
    fn a_yes_to_returning_a_kind_the_shops_terms_refuse_is_unsupported_though_no_source_said_so() {
        let lipstick = [product("Red Lipstick", "beauty", &["beauty", "lipstick"])];
        let question = "Can I give back a lipstick I've already tried?";
        let yes = "You can return a lipstick you've already tried within 7 days [1].";
        // The lipstick alone holds its 7 days, but not "already tried", the shopper's words said
        // back (`verdict::restates`): that is one unsupported claim without the shop's terms too.
        assert_eq!(Evidence::new(&lipstick, question).check(yes), (3, 1));
        let e = Evidence::new(&lipstick, question).with_standing(standing());
        assert_eq!(e.check(yes), (3, 2));
        let instead = e.correction(yes).expect("the policy's own words are said instead");
        assert!(instead.starts_with("Opened beauty products") && instead.ends_with("[2]"), "{instead}");
        assert_eq!(e.standing_cited(&instead).iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["returns-policy"]);
    }

    #[test]
    fn a_yes_to_shipping_abroad_a_kind_the_shop_keeps_at_home_is_answered_with_the_articles_refusal() {
        let perfume = [product("Dolce Shine Eau de", "fragrances", &["fragrances", "perfumes"])];
        let yes = "The Dolce Shine Eau de ships to Spain [1].";
        // Without the article the yes is left out too, but nothing says why.
        assert_eq!(Evidence::new(&perfume, "Can you send the Dolce Shine to Spain?").correction(yes), None);
        let e = Evidence::new(&perfume, "Can you send the Dolce Shine to Spain?").with_standing(standing());
        // The refusal, and Spain, which no source names, said back.
        assert_eq!(e.check(yes).1, 2);
        assert_eq!(
            e.correction(yes).as_deref(),
            Some("We cannot ship vehicles, motorcycles, perfumes or fresh groceries outside the country. [3]")
        );
    }

    #[test]
    fn a_standing_refusal_to_ship_abroad_leaves_delivery_at_home_alone() {
        let perfume = [product("Dolce Shine Eau de", "fragrances", &["fragrances", "perfumes"])];
        let e = Evidence::new(&perfume, "When would the Dolce Shine get here?").with_standing(standing());
        assert_eq!(e.check("The Dolce Shine Eau de ships to you in 1 week [1]."), (3, 0), "an answer, held");
    }

    #[test]
    fn a_standing_term_holds_only_for_the_kind_it_names() {
        let phone = [product("iPhone X", "smartphones", &["smartphones"])];
        let e = Evidence::new(&phone, "Can I send the iPhone X back if I opened it?").with_standing(standing());
        // "products" and "opened" are in the refusals, but a phone is no kind they name: the one
        // unsupported claim is "opened", the shopper's word said back, which no source holds.
        let yes = "You can return the iPhone X within 7 days, even opened products [1].";
        assert_eq!(e.check(yes), (3, 1));
        assert!(e.correction(yes).is_none_or(|c| !c.starts_with("Opened beauty products")));
        assert!(e.standing_cited("You can return it within 7 days [1].").is_empty());
    }
}
