#!/usr/bin/env python3
"""Writes answers-acceptance-fresh9.jsonl: 100 attribute questions in four more wordings each,
superlatives, filters, comparisons, follow-ups, wrong prices and requests for a person, written
late in a session (2026-12-05, the eighth round) after that round's changes, before any code ran
on it, in wordings no other set uses: the held-out measure of the round's code. Do not tune on it.

    python3 tests/eval/make_acceptance9.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_acceptance import build  # noqa: E402

WORDINGS = {
    "price": ["What are you selling the {t} for?", "Price check on the {t}, please.",
              "How much money is the {t}?", "what does one {t} go for these days"],
    "stock": ["Got the {t} in stock right now?", "Would you be able to sell me a {t} today, or are you out?",
              "Are you currently out of the {t}?", "Is the {t} something you have available?"],
    "warranty": ["What kind of guarantee does the {t} come with?", "If something goes wrong with the {t}, am I covered?",
                 "Tell me about the {t}'s warranty.", "how long is the {t} under warranty"],
    "shipping": ["When would the {t} be sent if I ordered it today?", "How many days until the {t} ships?",
                 "Tell me the {t}'s shipping time.", "When does the {t} go out to customers?"],
    "returns": ["Is the {t} returnable, and for how long?", "Could I return the {t} for a refund?",
                "What happens if I want to return the {t}?", "Do you take back the {t} if it's unwanted?"],
    "rating": ["How do buyers score the {t}?", "Is the {t} well liked? What rating does it have?",
               "What is the {t} rated?", "What's the review score of the {t}?"],
    "brand": ["What brand makes the {t}?", "Who's the brand behind the {t}?",
              "Which manufacturer produces the {t}?", "The {t} - what brand is that?"],
    "dimensions": ["What are the exact dimensions of the {t}?", "How wide, tall and deep is the {t}?",
                   "Give me the measurements of the {t}.", "What size is the {t} overall?"],
    "weight": ["What's the {t}'s weight?", "How many kilos is the {t}?",
               "Is the {t} heavy? How much does it weigh?", "Tell me how much the {t} weighs."],
    "minimum_order": ["Is there a minimum I have to order of the {t}?", "What's the minimum order quantity for the {t}?",
                      "How many {t} do I need to buy at minimum?", "Can I get a single {t} or must I buy more?"],
}

SUPERLATIVES = [
    ("Which laptop is the cheapest you've got?", "laptops", "cheapest"),
    ("What is your most expensive smartphone?", "smartphones", "dearest"),
    ("Which fragrance has the lowest rating?", "fragrances", "worst"),
    ("Best reviewed tablet?", "tablets", "best"),
    ("What's the priciest piece of furniture?", "furniture", "dearest"),
    ("Which kitchen accessory gets the most positive reviews?", "kitchen-accessories", "best"),
]
FILTERS = [
    ("Any laptops below $1000?", "laptops", None, 1000),
    ("sunglasses for under 25 dollars", "sunglasses", None, 25),
    ("Which fragrances cost more than $80?", "fragrances", 80, None),
]
COMPARISONS = [
    ("Which is cheaper: the Oppo A57 or the Vivo V9?", "Oppo A57", "Vivo V9"),
    ("Compare the prices of the iPhone 6 and the Samsung Galaxy S8.", "iPhone 6", "Samsung Galaxy S8"),
]
FOLLOW_FIRSTS = ["Do you have the {t}?", "Tell me about the {t}"]
FOLLOW_SECONDS = [("and the price?", "price"), ("how soon would it ship?", "shipping"),
                  ("can I return it?", "returns"), ("any left?", "stock"),
                  ("what warranty does it have?", "warranty"), ("how's it rated?", "rating"),
                  ("how heavy is it?", "weight"), ("which brand is it?", "brand")]
PREMISE_LINES = ["I saw the {t} for ${x} on your website this morning, can I get it for that?",
                 "The {t} costs ${x}, correct?"]
INVENTED = []
POLICY = []
ESCALATION = [
    ("Can you get a human to help me?", True),
    ("I'd rather deal with a real person", True),
    ("Please escalate this to your support team", True),
    ("talk to agent", True),
    ("Is anyone from customer service available to chat?", True),
    ("I need someone from your staff to look at my problem", True),
    ("What's a good gift for a person who has everything?", False),
    ("Hello :)", False),
    ("many thanks!", False),
    ("Do customers like the iPhone X?", False),
    ("Is this chair suitable for someone who is tall?", False),
    ("Does your team gift wrap orders?", False),
]

if __name__ == "__main__":
    build(sys.modules[__name__], "acceptance-fresh9", "acc9", 99, "rating", 8, attributes=100)
