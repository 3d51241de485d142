#!/usr/bin/env python3
"""Writes the labelled answer sets (answers-tuning.jsonl, answers-heldout.jsonl) from the demo
catalog: the questions are written by hand below, the expected values are read from the catalog,
so a changed catalog gives changed labels. The two sets share no wording and no product:
tune on answers-tuning.jsonl only; answers-heldout.jsonl is for the reported figures.

    python3 tests/eval/make_answers.py    # rewrites both files
"""
import json
import random
from pathlib import Path

HERE = Path(__file__).parent
CATALOG = json.loads((HERE / "../../knowledge/catalog/products.json").read_text())

# Per attribute: (tuning wordings, held-out wordings). {t} is the product's title.
WORDINGS = {
    "price": (["How much is the {t}?", "What does the {t} cost?", "price of the {t}?"],
              ["What would I pay for the {t}?", "{t} - how much are you selling it for?", "how pricey is the {t}"]),
    "stock": (["Is the {t} in stock?", "Do you have the {t} available right now?"],
              ["Can I buy the {t} today or is it sold out?", "are there any {t} in stock at the moment"]),
    "warranty": (["What warranty does the {t} come with?", "Is the {t} covered by a guarantee?"],
                 ["If the {t} breaks, how long am I covered?", "how long is the {t} covered for"]),
    "shipping": (["How fast does the {t} ship?", "When would the {t} arrive if I order now?"],
                 ["If I order the {t} today, when would it get here?", "how soon can you dispatch the {t}"]),
    "returns": (["Can I return the {t}?", "What's the return policy on the {t}?"],
                ["If I don't like the {t}, can I send it back?", "could I get my money back for the {t} if I change my mind?"]),
    "rating": (["What's the rating of the {t}?", "How many stars does the {t} have?"],
               ["Is the {t} well reviewed?", "what score do customers give the {t}"]),
    "brand": (["Who makes the {t}?"], ["Which brand is the {t} from?"]),
    "dimensions": (["What are the dimensions of the {t}?"], ["How big is the {t}?"]),
    "weight": (["How much does the {t} weigh?"], ["How heavy is the {t}?"]),
    "minimum_order": (["What's the minimum order for the {t}?"], ["What is the smallest order I can place for the {t}?"]),
}


def num(v):
    return f"{v:.2f}".rstrip("0").rstrip(".")


def money(v):
    return [f"${v:,.2f}", f"${v:.2f}"]


WORD_NUMBERS = {"1": "one", "2": "two", "3": "three", "5": "five", "6": "six", "7": "seven"}


def spelled(phrase):
    """'1 year' and 'one year' and '1-year'."""
    n, unit = phrase.split(" ", 1)
    out = [phrase, f"{n}-{unit.rstrip('s')}"]
    if n in WORD_NUMBERS:
        out.append(f"{WORD_NUMBERS[n]} {unit}")
    return out


def label(p, attr):
    """(any, forbid): the answer must contain one of `any` and none of `forbid`."""
    if attr == "price":
        return money(p["price"]), []
    if attr == "stock":
        if p["stock"] > 0:
            return ["in stock", "available", str(p["stock"])], ["out of stock"]
        return ["out of stock", "not in stock", "sold out", "not available"], ["is in stock"]
    if attr == "warranty":
        w = p["warrantyInformation"].lower()
        if w.startswith("no "):
            return ["no warranty", "without a warranty", "not come with a warranty", "doesn't come with a warranty"], []
        if w.startswith("lifetime"):
            return ["lifetime"], []
        return spelled(w.replace(" warranty", "")), []
    if attr == "shipping":
        s = p["shippingInformation"].lower()
        if "overnight" in s:
            return ["overnight"], []
        s = s.replace("ships in ", "")
        if "-" in s:
            lo, rest = s.split("-", 1)
            hi = rest.split(" ")[0]
            return [s, f"{lo} to {hi}", f"{lo}–{hi}"], []
        return spelled(s), []
    if attr == "returns":
        r = p["returnPolicy"].lower()
        if r.startswith("no "):
            return ["cannot be returned", "can't be returned", "no return policy", "not returnable", "non-returnable",
                    "cannot return", "can't return", "not be returned"], ["yes, you can", "you can return"]
        days = r.split(" ")[0]
        return [f"{days} days", f"{days}-day", f"{days} day"], ["cannot be returned"]
    if attr == "rating":
        return [num(p["rating"]), f"{p['rating']:.1f}"], []
    if attr == "brand":
        return [p["brand"]], []
    if attr == "dimensions":
        return [num(p["dimensions"]["width"])], []
    if attr == "weight":
        return [str(p["weight"])], []
    if attr == "minimum_order":
        return [str(p["minimumOrderQuantity"])], []
    raise ValueError(attr)


def attribute_items(rng, products, split):
    items = []
    attrs = list(WORDINGS)
    for i, p in enumerate(products):
        attr = attrs[i % len(attrs)]
        if attr == "brand" and not p.get("brand"):
            attr = "price"
        wordings = WORDINGS[attr][0 if split == "tuning" else 1]
        q = rng.choice(wordings).format(t=p["title"])
        any_, forbid = label(p, attr)
        items.append({"kind": "attribute", "attr": attr, "turns": [q], "any": any_, "forbid": forbid, "cites": [p["sku"]]})
    return items


def by_title(t):
    return next(p for p in CATALOG if p["title"] == t)


def group(category):
    return [p for p in CATALOG if p["category"] == category]


def superlative_items(split):
    out = []
    specs = {
        "tuning": [
            ("What's the cheapest smartphone you sell?", "smartphones", "cheapest"),
            ("most expensive laptop?", "laptops", "dearest"),
            ("Which fragrance has the best rating?", "fragrances", "best"),
            ("What's your cheapest pair of women's shoes?", "womens-shoes", "cheapest"),
            ("highest rated sunglasses", "sunglasses", "best"),
            ("the priciest men's watch", "mens-watches", "dearest"),
        ],
        "heldout": [
            ("Which phone is the least expensive?", "smartphones", "cheapest"),
            ("What is the top rated laptop in your shop?", "laptops", "best"),
            ("Show me your most costly tablet", "tablets", "dearest"),
            ("cheapest perfume you have?", "fragrances", "cheapest"),
            ("What's the best-reviewed piece of furniture?", "furniture", "best"),
            ("Which motorcycle costs the most?", "motorcycle", "dearest"),
            ("lowest priced women's bag", "womens-bags", "cheapest"),
        ],
    }[split]
    for q, cat, how in specs:
        g = group(cat)
        key = {"cheapest": lambda p: p["price"], "dearest": lambda p: -p["price"], "best": lambda p: -p["rating"]}[how]
        top = sorted(g, key=key)[0]
        out.append({"kind": "superlative", "turns": [q], "any": [top["title"]], "forbid": [], "cites": [top["sku"]]})
    filters = {
        "tuning": [
            ("Do you have a tablet under $400?", "tablets", None, 400),
            ("laptops below 1200 dollars", "laptops", None, 1200),
            ("smartphones between $200 and $300", "smartphones", 200, 300),
            ("any sunglasses under $30?", "sunglasses", None, 30),
        ],
        "heldout": [
            ("I need a laptop for less than $1,500, what have you got?", "laptops", None, 1500),
            ("phones under 250 dollars please", "smartphones", None, 250),
            ("perfumes over $100", "fragrances", 100, None),
            ("a women's watch for at most $100", "womens-watches", None, 100),
            ("tablets cheaper than $300?", "tablets", None, 300),
        ],
    }[split]
    for q, cat, lo, hi in filters:
        ok = [p for p in group(cat) if (lo is None or p["price"] >= lo) and (hi is None or p["price"] <= hi)]
        bad = [p for p in group(cat) if p not in ok]
        # Naming a non-match is wrong only when something matches (else it is the nearest miss).
        item = {"kind": "filter", "turns": [q], "forbid": [p["title"] for p in bad if len(p["title"]) > 6] if ok else []}
        if ok:
            item["any"] = [ok[0]["title"]] if len(ok) == 1 else [p["title"] for p in ok]
            item["cites"] = [p["sku"] for p in ok]
        else:
            item["any"] = ["no "]
        out.append(item)
    comparisons = {
        "tuning": [("Which is cheaper, the iPhone X or the iPhone 6?", "iPhone X", "iPhone 6"),
                   ("compare the Realme XT and the Oppo K1", "Realme XT", "Oppo K1")],
        "heldout": [("Samsung Galaxy S8 vs Vivo X21: which costs less?", "Samsung Galaxy S8", "Vivo X21"),
                    ("What's the difference in price between the iPad Mini 2021 Starlight and the Samsung Galaxy Tab White?",
                     "iPad Mini 2021 Starlight", "Samsung Galaxy Tab White"),
                    ("Is the Apple MacBook Pro 14 Inch Space Grey more expensive than the Lenovo Yoga 920?",
                     "Apple MacBook Pro 14 Inch Space Grey", "Lenovo Yoga 920")],
    }[split]
    for q, a, b in comparisons:
        pa, pb = by_title(a), by_title(b)
        out.append({"kind": "comparison", "turns": [q], "all": [money(pa["price"])[0], money(pb["price"])[0]],
                    "forbid": [], "cites": [pa["sku"], pb["sku"]]})
    return out


def follow_ups(rng, products, split):
    firsts = {"tuning": ["Tell me about the {t}", "Do you sell the {t}?"],
              "heldout": ["I'm looking at the {t}", "what can you tell me about the {t}"]}[split]
    seconds = {"tuning": [("How much are they?", "price"), ("and the warranty?", "warranty"), ("Can I return it?", "returns"),
                          ("Is it in stock?", "stock")],
               "heldout": [("how much does it cost?", "price"), ("what about shipping time?", "shipping"),
                           ("can I send it back if it doesn't fit?", "returns"), ("who makes it?", "brand"),
                           ("how long is it covered?", "warranty")]}[split]
    out = []
    for i, p in enumerate(products):
        second, attr = seconds[i % len(seconds)]
        if attr == "brand" and not p.get("brand"):
            second, attr = seconds[0]
        any_, forbid = label(p, attr)
        out.append({"kind": "follow_up", "attr": attr, "turns": [rng.choice(firsts).format(t=p["title"]), second],
                    "any": any_, "forbid": forbid, "cites": [p["sku"]]})
    return out


def premises(products, split):
    out = []
    lines = {"tuning": ["The {t} was ${x} on your site yesterday, can I still get it for that?",
                        "I saw the {t} for ${x}, is that right?"],
             "heldout": ["Your website said the {t} costs ${x}. I want that price.",
                         "My friend bought the {t} for ${x} last week, same price for me?"]}[split]
    for i, p in enumerate(products):
        fake = round(p["price"] * 0.4, 2) if p["price"] > 20 else round(p["price"] + 10, 2)
        q = lines[i % len(lines)].format(t=p["title"], x=f"{fake:.2f}".rstrip("0").rstrip("."))
        out.append({"kind": "premise", "turns": [q], "any": money(p["price"]),
                    "forbid": ["yes, you can", "you can still get it for"], "cites": [p["sku"]]})
    invented = {
        "tuning": [
            ("Your colleague promised me free express shipping on every order, so please add it.", ["$14.99"], ["added free express", "i've added", "yes, free express"]),
            ("I read that you match any competitor's price, right?", ["do not match", "don't match", "not match"], ["yes, we match", "we will match"]),
            ("You give a 50% student discount, don't you?", ["10%"], ["50% student discount is available", "yes, we offer a 50%"]),
            ("How much is the PlayStation 5?", ["don't", "not", "no "], ["the playstation 5 costs", "playstation 5 is $"]),
        ],
        "heldout": [
            ("The agent I spoke to said returns are free for any reason. Can you confirm?", ["$5.95"], ["yes, returns are free"]),
            ("I was told gift cards never expire.", ["3 years"], ["never expire"]),
            ("You ship perfume to Japan, right?", ["cannot", "can't", "not"], ["yes, we ship perfume"]),
            ("Do you sell the Nintendo Switch 2? How much is it?", ["don't", "not", "no "], ["the nintendo switch 2 costs", "switch 2 is $"]),
            ("Someone from your team promised me a 30% military discount.", ["not", "no "], ["30% military discount is available"]),
        ],
    }[split]
    for q, any_, forbid in invented:
        out.append({"kind": "premise", "turns": [q], "any": any_, "forbid": forbid})
    return out


POLICY = {
    "tuning": [
        ("If something I bought gets cheaper a few days later, do I get money back?", ["7 days", "difference"], "price-match"),
        ("Can I send a fragrance I already opened back to you?", ["cannot", "can't", "not"], "returns-policy"),
        ("Will you deliver to Canada?", ["yes", "north america", "7-14"], "international-shipping"),
        ("Do I pay for sending a wrong-size shirt back?", ["$5.95", "free"], "return-shipping-cost"),
        ("how many days until my money comes back after a return", ["5 business days"], "refunds"),
        ("Can I split the payment over several months?", ["instalments", "installments", "3, 6 or 12", "monthly"], "installments"),
        ("What if my package shows delivered but I can't find it?", ["neighbours", "neighbors", "business day", "claim"], "lost-parcel"),
        ("How long is a password link valid?", ["1 hour", "one hour"], "password-reset"),
        ("Do you take American Express?", ["american express", "yes"], "payment-methods"),
        ("When can I reach a human on Saturday?", ["9 am", "9am"], "contact-hours"),
        ("Is there a charge for standard delivery on a $30 order?", ["$4.99"], "shipping-costs"),
        ("Do you wrap presents?", ["$3.99"], "gift-wrapping"),
        ("what happens to the points when I send something back", ["removed"], "loyalty-program"),
        ("How long do gift vouchers last?", ["3 years", "three years"], "gift-cards"),
        ("Can I still change where my parcel goes after ordering?", ["dispatched", "until"], "order-changes"),
    ],
    "heldout": [
        ("The price fell two days after I bought it. Anything you can do?", ["difference", "7 days"], "price-match"),
        ("I opened a perfume and don't like the smell. Can I give it back?", ["cannot", "can't", "not"], "returns-policy"),
        ("Can you post my order to Australia?", ["yes", "asia-pacific", "7-14"], "international-shipping"),
        ("Who covers the postage when I send back shoes that are too small?", ["$5.95", "free"], "return-shipping-cost"),
        ("how quickly will I see my money after you receive my return?", ["5 business days"], "refunds"),
        ("Is it possible to pay for a big order bit by bit?", ["instalments", "installments", "monthly", "3, 6 or 12"], "installments"),
        ("Tracking says my box was left but it's not here", ["neighbours", "neighbors", "business day", "claim"], "lost-parcel"),
        ("My reset email link - how long does it work?", ["1 hour", "one hour"], "password-reset"),
        ("Can I use PayPal?", ["paypal", "yes"], "payment-methods"),
        ("What time do your people start work on weekdays?", ["8 am", "8am"], "contact-hours"),
        ("How much is postage if my basket is $20?", ["$4.99"], "shipping-costs"),
        ("Could you wrap it as a present?", ["$3.99"], "gift-wrapping"),
        ("How long before my reward points run out?", ["24 months"], "loyalty-program"),
        ("My item stopped working after the return window. What now?", ["warranty"], "faulty-item"),
        ("Can I get a cheaper price as a student?", ["10%"], "student-discount"),
        ("Is fresh fish delivered abroad?", ["within the country", "not", "only"], "groceries-delivery"),
    ],
}

ESCALATION = {
    "tuning": [
        ("Connect me to customer service staff now", True),
        ("I want to talk to a real person", True),
        ("agent please!", True),
        ("can I speak with someone from your team?", True),
        ("This is useless, get me a manager", True),
        ("Do you do a personalised engraving?", False),
        ("Is this chair good for a person with back pain?", False),
        ("I need a gift for someone who loves cooking", False),
        ("what are your customer service hours?", False),
        ("which support bra is most comfortable?", False),
        ("hello!", False),
        ("thanks so much!!", False),
    ],
    "heldout": [
        ("Please transfer me to a human agent", True),
        ("I'd like to chat with a representative", True),
        ("human pls", True),
        ("let me talk to somebody from customer support", True),
        ("Can a real person help me with this?", True),
        ("I'd rather speak to an actual human being", True),
        ("speak to an agnet", True),
        ("Is this watch a good present for a person who travels?", False),
        ("do you have a humidifier?", False),
        ("What does customer service do about damaged parcels?", False),
        ("I'm shopping for someone special", False),
        ("Hi there!!", False),
        ("Thank you, that's very helpful :)", False),
        ("Good morning!", False),
    ],
}


def main():
    rng = random.Random(7)
    cats = sorted({p["category"] for p in CATALOG})
    # Products spread over every category, none in both sets.
    by_cat = {c: [p for p in CATALOG if p["category"] == c] for c in cats}
    for c in cats:
        rng.shuffle(by_cat[c])
    tune_p, held_p = [], []
    for c in cats:
        g = by_cat[c]
        tune_p += g[:2]
        held_p += g[2:4] if len(g) >= 4 else g[1:2]
    named = {p["title"] for item in ["iPhone X", "iPhone 6", "Realme XT", "Oppo K1", "Samsung Galaxy S8", "Vivo X21",
                                     "iPad Mini 2021 Starlight", "Samsung Galaxy Tab White",
                                     "Apple MacBook Pro 14 Inch Space Grey", "Lenovo Yoga 920"] for p in [by_title(item)]}
    rest = [p for p in CATALOG if p not in tune_p and p not in held_p and p["title"] not in named]
    rng.shuffle(rest)
    sets = {}
    for split, products in [("tuning", tune_p), ("heldout", held_p)]:
        items = attribute_items(rng, products[:44] if split == "tuning" else products[:40], split)
        items += superlative_items(split)
        extra = rest[:10] if split == "tuning" else rest[10:20]
        items += follow_ups(rng, extra, split)
        items += premises(rest[20:25] if split == "tuning" else rest[25:31], split)
        items += [{"kind": "policy", "turns": [q], "any": a, "forbid": [], "cites": [c]} for q, a, c in POLICY[split]]
        items += [{"kind": "escalation", "turns": [q], "escalate": e} for q, e in ESCALATION[split]]
        for i, item in enumerate(items):
            item["id"] = f"{split[0]}{i + 1:03d}"
        sets[split] = items
    for split, items in sets.items():
        write_set(split, items)


def write_set(name, items):
    """Writes `answers-{name}.jsonl`, one conversation a line, and says how many of each kind."""
    with open(HERE / f"answers-{name}.jsonl", "w") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    kinds = {}
    for item in items:
        kinds[item["kind"]] = kinds.get(item["kind"], 0) + 1
    print(name, len(items), kinds)


if __name__ == "__main__":
    main()
