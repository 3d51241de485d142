#!/usr/bin/env python3
"""Writes answers-acceptance-fresh.jsonl: one held-out set shaped like issue 10's "How we will
know" (attributes over every attribute, policies worded away from the articles, superlatives,
filters, comparisons, follow-ups, false premises, escalation and greetings), in wordings no other
set uses. Written and committed before any code ran on it; do not tune on it.

    python3 tests/eval/make_acceptance.py
"""
import random
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_answers import CATALOG, by_title, group, label, money, write_set  # noqa: E402

WORDINGS = {
    "price": ["What's the going rate for the {t}?", "How much would the {t} set me back?"],
    "stock": ["Have you got any {t} left?", "Is the {t} available to order now?"],
    "warranty": ["If the {t} develops a fault, how long is it protected?", "How long is the warranty on the {t}?"],
    "shipping": ["How quickly does the {t} leave your warehouse?", "When will the {t} be sent out if I buy it now?"],
    "returns": ["Can the {t} be returned if it's not right?", "Is the {t} returnable?"],
    "rating": ["What do reviewers think of the {t}, out of 5?", "What's the star rating on the {t}?"],
    "brand": ["Who manufactures the {t}?", "What make is the {t}?"],
    "dimensions": ["What are the measurements of the {t}?", "How wide is the {t}?"],
    "weight": ["What's the weight of the {t}?", "Is the {t} heavy to carry?"],
    "minimum_order": ["How many {t} do I have to buy at least?", "Is there a minimum quantity for the {t}?"],
}

POLICY = [
    ("If I write to you by email, how soon do you get back to me?", ["one business day", "1 business day"], "contact-hours"),
    ("Can I check out without making a profile?", ["guest"], "create-account"),
    ("When I close my profile, what info do you still hold on to?", ["invoices", "7 years"], "delete-account"),
    ("Can I stack a promo code on top of a sale price?", ["one code", "cannot be combined", "can't be combined", "not be combined"], "discount-codes"),
    ("The jeans are too tight, can I swap them for the next size up?", ["exchange"], "exchanges"),
    ("What's the biggest amount I can put on a gift card?", ["$500"], "gift-cards"),
    ("Does the slip in the box show what I paid when I send a present?", ["left off"], "gift-wrapping"),
    ("Can I order salmon to be delivered to my sister in France?", ["within the country", "outside the country", "cannot", "can't"], "groceries-delivery international-shipping"),
    ("Once I have the label, how many days do I have to hand the parcel in?", ["14 days"], "how-to-return"),
    ("Is there interest if I split it into three payments?", ["interest-free", "interest free", "no interest"], "installments"),
    ("Who pays the import fees when you send to Switzerland?", ["recipient"], "international-shipping"),
    ("The app says delivered but my doorstep is empty. What should I do?", ["neighbours", "neighbors", "reception", "business day"], "lost-parcel"),
    ("How many points do I need before I get money off?", ["100 points", "$5"], "loyalty-program"),
    ("My lamp came smashed, do I have to mail it back to you?", ["do not need", "don't need", "unless"], "missing-or-damaged"),
    ("I changed my mind right after ordering, can I call it off?", ["dispatched"], "order-changes"),
    ("The tracking hasn't updated in a week, what happens now?", ["investigation", "5 business days"], "order-tracking"),
    ("Can I pay the courier in cash when the parcel arrives?", ["do not accept", "don't accept", "not accept"], "payment-methods"),
    ("My card was refused at checkout, will I still be charged?", ["never charged", "not charged", "hold"], "payment-declined"),
    ("Do you keep my card number on file?", ["never see or store", "never store", "do not store", "don't store"], "payment-security"),
    ("Another store has it for less, will you do the same price?", ["do not match", "don't match", "not match"], "price-match"),
    ("How long do you keep what I type into this chat?", ["12 months", "12-month", "twelve months"], "privacy-policy"),
    ("If the whole order came broken and I send it all back, do I get the delivery fee back too?", ["original shipping", "shipping costs are refunded"], "refunds"),
    ("Do you charge me for sending back a jumper I just don't like?", ["$5.95"], "return-shipping-cost"),
    ("Can I return a lipstick I tried once?", ["cannot", "can't", "not be returned"], "returns-policy"),
    ("What does delivery cost on a $70 basket?", ["free"], "shipping-costs"),
    ("If I order at 4 pm on a Tuesday, from when do you count?", ["next business day"], "shipping-times"),
    ("I'm between a medium and a large, which should I get?", ["larger"], "sizing-guide"),
    ("Can you put one aside for me until it's back?", ["cannot reserve", "can't reserve", "not reserve"], "stock-availability"),
    ("Is there money off for people who served in the army?", ["military", "do not", "don't"], "student-discount"),
    ("How much do I pay upfront to reserve a motorbike?", ["$500"], "vehicles-purchase"),
    ("How long does a repair usually take?", ["10-15", "10 to 15"], "warranty-claims"),
    ("Does the guarantee cover me dropping my phone?", ["not cover", "doesn't cover", "does not cover"], "warranty-policy"),
]

SUPERLATIVES = [
    ("What's the lowest-cost laptop you carry?", "laptops", "cheapest"),
    ("Which smartphone do customers rate highest?", "smartphones", "best"),
    ("your priciest fragrance?", "fragrances", "dearest"),
    ("most affordable sunglasses please", "sunglasses", "cheapest"),
    ("Which dress has the best reviews?", "womens-dresses", "best"),
    ("What is the most expensive piece of furniture you sell?", "furniture", "dearest"),
]

FILTERS = [
    ("any men's watches for under $150?", "mens-watches", None, 150),
    ("show me tablets over $500", "tablets", 500, None),
    ("smartphones from $300 to $600", "smartphones", 300, 600),
    ("women's shoes below 40 dollars?", "womens-shoes", None, 40),
]

COMPARISONS = [
    ("Which is pricier: the Realme X or the Oppo F19 Pro Plus?", "Realme X", "Oppo F19 Pro Plus"),
    ("How do the iPhone 13 Pro and the Samsung Galaxy S10 compare on price?", "iPhone 13 Pro", "Samsung Galaxy S10"),
    ("Is the Vivo S1 cheaper than the Oppo A57?", "Vivo S1", "Oppo A57"),
]

FOLLOW_FIRSTS = ["Have you got the {t}?", "Show me the {t}"]
FOLLOW_SECONDS = [("what does it cost?", "price"), ("when would it be sent?", "shipping"), ("and if I change my mind?", "returns"),
                  ("how many stars does it get?", "rating"), ("any guarantee on it?", "warranty"), ("is it available?", "stock")]

PREMISE_LINES = ["The {t} was listed at ${x} in your newsletter, please honour it.",
                 "I'm sure the {t} only costs ${x}, can you confirm?"]
INVENTED = [
    ("Your chat told me last week that every item can be returned within 120 days. Right?", ["7, 30, 60 or 90", "return window"], ["yes, every item can be returned within 120"]),
    ("The manager said shipping is free on everything, even a $10 order.", ["$4.99", "$50"], ["yes, shipping is free on everything"]),
    ("You pay the customs fees for me, right? I was told so.", ["recipient"], ["yes, we pay the customs"]),
    ("How much is the Google Pixel 8?", ["don't", "not", "no "], ["the google pixel 8 costs", "pixel 8 is $"]),
]

ESCALATION = [
    ("Can you pass me over to someone on your staff?", True),
    ("I need a human, not a bot", True),
    ("get me a supervisor please", True),
    ("operator!!", True),
    ("I want to speak to customer care", True),
    ("This is going nowhere. A real person, now.", True),
    ("Which jacket is good for a person who cycles?", False),
    ("hey :)", False),
    ("cheers, that's all I needed", False),
    ("Do your staff test the knives before selling them?", False),
    ("Good evening.", False),
    ("thx!", False),
]


def build(data, name, prefix, seed, brandless, follow_ups, attributes=40):
    """Writes `answers-{name}.jsonl` from the wordings and cases in module `data`: `attributes`
    attribute questions over products drawn with `seed` (`brandless`: the attribute asked instead
    of the brand of a product without one; each attribute in turn, its wordings in turn),
    `follow_ups` follow-ups and 6 wrong prices on the next products."""
    rng = random.Random(seed)
    products = list(CATALOG)
    rng.shuffle(products)
    attrs = list(data.WORDINGS)
    items = []
    for i, p in enumerate(products[:attributes]):
        attr = attrs[i % len(attrs)]
        if attr == "brand" and not p.get("brand"):
            attr = brandless
        wordings = data.WORDINGS[attr]
        q = wordings[(i // len(attrs)) % len(wordings)].format(t=p["title"])
        any_, forbid = label(p, attr)
        items.append({"kind": "attribute", "attr": attr, "turns": [q], "any": any_, "forbid": forbid, "cites": [p["sku"]]})
    for q, cat, how in data.SUPERLATIVES:
        key = {"cheapest": lambda p: p["price"], "dearest": lambda p: -p["price"], "best": lambda p: -p["rating"],
               "worst": lambda p: p["rating"]}[how]
        top = sorted(group(cat), key=key)[0]
        items.append({"kind": "superlative", "turns": [q], "any": [top["title"]], "forbid": [], "cites": [top["sku"]]})
    for q, cat, lo, hi in data.FILTERS:
        ok = [p for p in group(cat) if (lo is None or p["price"] >= lo) and (hi is None or p["price"] <= hi)]
        bad = [p for p in group(cat) if p not in ok]
        # A name inside a matching one ("Realme X" in "Realme XT") cannot be told apart by its text.
        shown = [p["title"] for p in bad if len(p["title"]) > 6 and not any(p["title"] in o["title"] for o in ok)]
        item = {"kind": "filter", "turns": [q], "forbid": shown if ok else []}
        if ok:
            item["any"] = [p["title"] for p in ok]
            item["cites"] = [p["sku"] for p in ok]
        else:
            item["any"] = ["no "]
        items.append(item)
    for q, a, b in data.COMPARISONS:
        pa, pb = by_title(a), by_title(b)
        items.append({"kind": "comparison", "turns": [q], "all": [money(pa["price"])[0], money(pb["price"])[0]],
                      "forbid": [], "cites": [pa["sku"], pb["sku"]]})
    for i, p in enumerate(products[attributes:attributes + follow_ups]):
        second, attr = data.FOLLOW_SECONDS[i % len(data.FOLLOW_SECONDS)]
        if attr == "brand" and not p.get("brand"):
            second, attr = data.FOLLOW_SECONDS[0]
        any_, forbid = label(p, attr)
        first = data.FOLLOW_FIRSTS[i % 2].format(t=p["title"])
        items.append({"kind": "follow_up", "attr": attr, "turns": [first, second],
                      "any": any_, "forbid": forbid, "cites": [p["sku"]]})
    for i, p in enumerate(products[attributes + follow_ups:attributes + follow_ups + 6]):
        fake = round(p["price"] * 0.4, 2) if p["price"] > 20 else round(p["price"] + 10, 2)
        q = data.PREMISE_LINES[i % 2].format(t=p["title"], x=f"{fake:.2f}".rstrip("0").rstrip("."))
        items.append({"kind": "premise", "turns": [q], "any": money(p["price"]),
                      "forbid": ["yes, you can", "you can still get it for", "that's correct", "that is correct"], "cites": [p["sku"]]})
    for q, any_, forbid in data.INVENTED:
        items.append({"kind": "premise", "turns": [q], "any": any_, "forbid": forbid})
    items += [{"kind": "policy", "turns": [q], "any": a, "forbid": [], "cites": c.split()} for q, a, c in data.POLICY]
    items += [{"kind": "escalation", "turns": [q], "escalate": e} for q, e in data.ESCALATION]
    for i, item in enumerate(items):
        item["id"] = f"{prefix}-{i + 1:03d}"
    write_set(name, items)


if __name__ == "__main__":
    build(sys.modules[__name__], "acceptance-fresh", "acc", 36, "rating", 12)
